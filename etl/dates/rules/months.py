"""Months: "November 2017", "August of that year", "the following May" and a bare month name
with a cue ("in November", "last November").
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import Timex, add_months, month_in_context, nearest_month, timex_at
from etl.dates.context import left_context, word_after, word_before
from etl.dates.rules.shared import NOT_AFTER_A_TIME_WORD, REL_STEP, YEAR_EARLIER, YEAR_LEAD, month_by_clause
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, deadline, future_context, past_form
from etl.dates.vocabulary import MONTH, MONTHS_FULL, MONTH_FULL, MONTH_NUM, WEEKDAY, YEAR4


# Left contexts of a month name (see "Left contexts" in :mod:`etl.dates.rules`).
_L_MOD = re.compile(r"\b(?P<mod>early|late|mid)[\s-]+$", re.IGNORECASE)
_L_MONTH = re.compile(
    r"(?:\b(?P<cue>in|since|until|till|by|from|through|during|before|after|of|between|around|throughout"
    r"|and|or|to)\s+)?(?:\b(?P<rel>last|this|next|early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)


# Month year: "November 2017", "Nov. 2017", "November of last year" (+ early/late/mid)
@rule(
    "month_year",
    rf"\b(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})"
    rf"|\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)\b)",
)
def month_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Month with a year: "November 2017", "Nov. 2017", "June last year" -> ``YYYY-MM``.

    A leading early/late/mid stays in the extent; the value is the month (TIMEX3 would
    add ``mod="START"``...).

    TimeML (DCT 2017-12-27): ``The law lapsed in <TIMEX3 type="DATE" value="2017-11">November
        2017</TIMEX3>.``
    """
    if event_name(m, text):
        return None  # "the Salt March of 1930": an event of that year, not its March
    mon = m["mon"].rstrip(".")
    month = MONTH_NUM[mon.lower()]
    if m["y"]:
        year = int(m["y"])
    else:
        year = dct.year + REL_STEP[m["rel"].lower()]
    lm = left_context(_L_MOD, text, m.start())
    return Hit(lm.start() if lm else m.start(), m.end(), timex_at(dt.date(year, month, 1), "month"))


# "August of that year", "March of the following year": a month of the year mentioned before
@rule(
    "month_of_that_year",
    rf"\b(?P<t>(?P<mon>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding))\s+year)\b(?!['’])",
)
def month_of_that_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A month of the year mentioned before it: "August of that year" after "the summer of
    2011" -> ``2011-08``; "March of the following year" -> that March a year on (TimeML 1.2.1
    ``anchorTimeID``: the year comes from the anchor, the month from the text). With no date
    before it, the DCT's year.

    TimeML (DCT 2012-12-31): ``Talks began in <TIMEX3 type="DATE" value="2011-SU">the summer of
        2011</TIMEX3>, and the deal passed in <TIMEX3 type="DATE" value="2011-08">August of that
        year</TIMEX3>.``
    """
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    step = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    month = MONTH_NUM[m["mon"].lower()]
    fallback = timex_at(dt.date(dct.year + step, month, 1), "month")
    return hit_over_t(m, Anaphor("year", step, month=month, fallback=fallback))


# "the following May", "the previous March": a month after (before) the date told before
@rule(
    "following_month",
    rf"\b(?P<t>[Tt]he\s+(?P<dir>(?i:following|next|previous|preceding))\s+(?P<mon>{MONTH_FULL}))\b(?!\s*\d)(?!['’])",
)
def following_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the following May", "the next March", "the previous October" -> the first such month after
    the month of the date told before it (the last one before it): TimeML 1.2.1 ``anchorTimeID``,
    as "the following spring" (:func:`~etl.dates.rules.periods.season_anaphor`). With no date before it, the same from the
    DCT's month.

    TimeML (DCT 2019-06-06): ``The war ended in <TIMEX3 type="DATE" value="1944-06">June 1944</TIMEX3>
        ... <TIMEX3 type="DATE" value="1945-05">The following May</TIMEX3>, Germany surrendered.``
    """
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    month = MONTH_NUM[m["mon"].lower()]
    d = add_months(dct.replace(day=1), sign)
    while d.month != month:
        d = add_months(d, sign)
    return hit_over_t(m, Anaphor("month", sign, month=month, named=True, fallback=timex_at(d, "month")))


# Bare month name, validated by a cue word in the resolver: "in November", "last November"
@rule(
    "bare_month",
    rf"\b(?P<mon>{MONTH_FULL})\b",
)
def bare_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A month name alone -> the month nearest the DCT ("since March": the latest March on
    or before the DCT's month); "last November" -> the latest
    November strictly before the DCT's month, "next November" the first after it,
    "this November" the one of the DCT's year (TIMEX3 guidelines, news convention); after
    "any" ("any October day") a month of no year, ``XXXX-10``.

    May/March/August need a cue ("in May", "last March", "early August"): they are also
    a modal verb, a verb, an adjective. Other months are taken alone unless a capitalized
    word touches them ("June Carter", "Rev. April Smith"). last/this/next and
    early/late/mid are part of the extent, prepositions are not.

    TimeML (DCT 2017-12-27): ``The vote held in <TIMEX3 type="DATE" value="2017-05">May</TIMEX3>
        will be repeated.``
    """
    mon = m["mon"]
    month = MONTH_NUM[mon.lower()]
    lm = left_context(_L_MONTH, text, m.start())
    rel = (lm["rel"] or "").lower() if lm else ""
    cue = (lm["cue"] or "").lower() if lm else ""
    s = lm.start("rel") if rel else m.start()
    e = m.end()
    if re.match(r"\s*\d", text[e : e + 3]):
        return None  # the month of a date that did not parse ("February 30")
    if event_name(m, text):
        return None  # "the March on Washington"
    if not (rel or cue) and word_before(text, s) == "any" and mon.lower() not in ("may", "march", "august"):
        # "the most for any October day": an October of no year (TimeML 1.2.1 ``XXXX-10``)
        return Hit(s, e, Timex("DATE", f"XXXX-{month:02d}", None))
    if not rel and _POSSESSIVE_SURNAME.match(text, e):
        return None  # "the film version of August Wilson's play": a given name before a possessive surname
    if not (rel or cue):
        if mon.lower() in ("may", "march", "august") and not _MONTH_PAIR_AFTER.match(text, e):
            return None  # not "for May and June", "March through June": another month after it
        if text[e : e + 1] == " " and word_after(text, e)[:1].isupper():
            return None  # "June Carter", "October Revolution"
        if re.search(r"[A-Z][\w.]*\s$", text[max(0, s - 20) : s]) and not re.search(
            rf"(?:^|[.!?:;\"“”]\s*)[A-Z][\w.]*\s$|\b(?-i:{MONTH_FULL})[.!?]\s$", text[max(0, s - 20) : s]
        ):
            return None  # "Rev. April Smith", "Miss June"; sentence-initial words are fine ("... June. May, June")
    if cue in ("and", "or") and not rel and _GIVEN_NAMES.search(text, max(0, s - 30), s) and _SURNAME_AFTER.match(text, e):
        return None  # "Walter and June Haskell", "Bob or April Jones": given names before one surname
    moved = cue == "to" and not rel and deadline(text, s)  # "pushed it back to May": a new date, ahead
    if cue in ("and", "or", "to") and not rel and mon.lower() in ("may", "march", "august") and not moved:
        # "between October and May": only after another month name
        if word_before(text, lm.start()).capitalize() not in MONTHS_FULL:  # type: ignore[union-attr]
            return None
    if not rel and (ry := _RANGE_END_YEAR.match(text, e)) is not None:
        # "killed between June and August 1992": the range's end gives its year to its start, the
        # year before when the start's month comes later ("from November to February 1993")
        y = int(ry["y"])
        return Hit(s, e, timex_at(dt.date(y if month <= MONTH_NUM[ry["mon"].rstrip(".").lower()] else y - 1, month, 1), "month"))
    if not rel and cue in ("from", "between") and (end := _RANGE_END_MONTH.match(text, e)) is not None:
        # "from January to September" (in November): the range is placed by its end, the month the
        # clause names nearest, and starts before it
        last = month_by_clause(MONTH_NUM[end["mon"].lower()], text, s, end.end(), dct)
        return Hit(s, e, timex_at(dt.date(last.year if month <= last.month else last.year - 1, month, 1), "month"))
    if rel not in ("last", "next", "this") and cue in ("and", "to", "through", "until", "till") and _RANGE_START.search(
        text, max(0, m.start() - 50), m.start()
    ):
        # "peaks between mid-August and late October": a range's end is the first such month after its start
        return Hit(s, e, Anaphor("month", 1, month=month, named=True, fallback=timex_at(month_by_clause(month, text, s, e, dct), "month")))
    if rel == "last":
        d = add_months(dt.date(dct.year, month, 1), -12 if month >= dct.month else 0)
    elif rel == "next":
        d = add_months(dt.date(dct.year, month, 1), 12 if month <= dct.month else 0)
    elif rel == "this":
        d = dt.date(dct.year, month, 1)
    elif cue == "since":
        # "since March": the latest March on or before the DCT's month
        d = month_in_context(month, dct, -1)
    elif moved or (cue == "by" and not rel and future_context(text, s)):
        # "had planned to release it in November but pushed it back to May"; a limit ahead, "would
        # publish ... a full report by September"
        d = month_in_context(month, dct, 1)
    elif (yl := YEAR_LEAD.search(text, max(0, s - 100), s)) is not None:
        # "Last year, the city received 650 mm of rain between June and September": the sentence's lead
        d = dt.date(dct.year + REL_STEP[yl["rel"].lower()], month, 1)
    elif _CONTRACT_MONTH.match(text, e):
        d = month_in_context(month, dct, 1)  # "gold for April delivery": a futures contract's month, from the DCT's on
    elif _MARK_AFTER.match(text, e) and _POSSESSED_BEFORE.search(text, max(0, s - 12), s):
        # "down 24% from their March peak": a mark already set, the latest such month up to the DCT's
        d = month_in_context(month, dct, -1)
    elif _DATA_MONTH.match(text, e) or _DATA_FOR.search(text, max(0, s - 30), s):
        # "will report December sales Thursday" (Jan. 2): a month's figures come out after it,
        # so the latest such month up to the DCT's
        d = month_in_context(month, dct, -1)
    else:
        d = month_by_clause(month, text, s, e, dct)
        tense = clause_tense(text, s, e)
        if tense < 0 or (tense == 0 and YEAR_EARLIER.search(text, max(0, s - 150), s)):  # rel is only early/late/mid here
            # "In June 1951 he joined ... and in September he threw a one-hitter": the story's year
            return Hit(s, e, Anaphor("year", 0, month=month, historical=True, fallback=timex_at(d, "month")))
    return Hit(s, e, timex_at(d, "month"))


_MARK_AFTER = re.compile(r"\s+(?:peaks?|highs?|lows?|records?|tops?|bottoms?)\b")
_POSSESSED_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|the)|['’]s)\s+$", re.IGNORECASE)
"""A month between a possessive (or "the") and a market's mark ("from their March peak", "the
index's October low"): a level reached, so a month gone, not one to come."""
_RANGE_START = re.compile(
    rf"\b(?:between|from)\s+(?:(?:early|mid|late)[\s-]+)?(?-i:{MONTH_FULL})\s+(?:and|to|through|until|till)\s+(?:(?:early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
"""The start of a month range before its end ("between mid-August and ", "from November to "): the
end is the first such month after the start (TimeML 1.2.1 ``anchorTimeID``, as "the following May")."""
_RANGE_END_MONTH = re.compile(
    rf"\s+(?:and|to|through|until|till)\s+(?:(?:early|mid|late)[\s-]+)?(?P<mon>(?-i:{MONTH_FULL}))\b(?!\s*,?\s*(?:\d|{YEAR4}))",
    re.IGNORECASE,
)
"""The end of a month range without a year after its start ("from January to September")."""
_RANGE_END_YEAR = re.compile(rf"\s*(?:\s(?:and|or|to|through|until|till)\s+|[-–]\s*)(?P<mon>(?-i:{MONTH}))\s*,?\s+(?P<y>{YEAR4})\b")
"""The end of a month range written with its year after a month without one ("June and August
1992", "March-May 2003")."""
_MONTH_PAIR_AFTER = re.compile(rf"\s*(?:,|\s(?:and|or|to|through|until|till|into))?\s*(?:[-–]\s*)?(?-i:{MONTH_FULL})\b")
"""Another month name right after May/March/August, in a pair or a range ("job gains for May and
June", "March-April"): the month, not the modal verb, the verb or the adjective."""
_DATA_MONTH = re.compile(
    r"(?:['’]s)?\s+(?:(?:retail|auto|car|home|housing|employment|jobs|payrolls?|trade|inflation|industrial|factory|consumer|producer)\s+)?"
    r"(?:price\s+|sales\s+)?"
    r"(?:sales|figures|data|statistics|payrolls|jobs\s+report|employment\s+report|unemployment\s+rate|inflation|output|"
    r"exports|imports|trade\s+(?:deficit|surplus|balance)|production|housing\s+starts|reading)\b",
    re.IGNORECASE,
)
"""Nouns of a month's economic figures after a month name ("December sales", "the February
employment report", "October retail sales"): figures are published once their month is under way
or over."""
_DATA_FOR = re.compile(
    r"\b(?:data|figures|statistics|numbers|sales|output|exports|imports|inflation|unemployment|ratio|index|reading|results"
    r"|earnings|survey)\s+(?:figures\s+)?for\s+$",
    re.IGNORECASE,
)
"""The same nouns before "for" and the month: "Trade data for April will be released on Friday"."""
_CONTRACT_MONTH = re.compile(
    r"\s+(?:delivery|settlement|contracts?|futures|(?:light\s+|sweet\s+)?crude|heating\s+oil|natural\s+gas|gasoline|gold|silver|copper|platinum"
    r"|wheat|corn|soybeans?|cotton|coffee|cocoa|sugar|live\s+cattle|lean\s+hogs)\b"
    r"(?!\s+(?:imports|exports|output|production|prices|sales|demand|consumption|shipments|data|figures|reserves|stocks|inventories)\b)",
    re.IGNORECASE,
)
"""A noun after a month that makes it a futures contract's month ("Gold for April delivery fell",
"the March contract", "October crude settled at $28.05"): a month from the DCT's on, as commodity
copy writes it; not a month's figures ("December oil imports")."""


_POSSESSIVE_NAME = (
    rf"{NOT_AFTER_A_TIME_WORD}\b[A-Z][A-Za-z]*['’]s?"
)
_THE_NAME = r"\b[Tt]he\s+(?!(?:Early|Late|Mid|Last|Next|This|Same|Following|Previous)\b)[A-Z][a-z]+"
_EVENT_NAME = re.compile(
    rf"(?:\b[Tt]he\s+(?:(?:annual|yearly|first|second|third|(?:19|20)\d\d)\s+)?|\b[Aa]n?\s+|{_THE_NAME}\s+|{_POSSESSIVE_NAME}\s+)"
    rf"(?P<mon>{MONTH_FULL})\s+(?:for|of|on|against|to)\s+(?!(?:{WEEKDAY}|{MONTH_FULL})\b)[A-Z][a-z]"
    rf"|\b[Aa]n?\s+(?P<mon3>{MONTH_FULL})\s+(?!(?:{WEEKDAY}|{MONTH_FULL}|The|A|An)\b)[A-Z][a-z]"
    rf"|(?:{_THE_NAME}|{_POSSESSIVE_NAME})\s+(?P<mon2>{MONTH_FULL})(?=\s*[,.;:!?)\"”]|\s+(?:said|says|is|was|will|has|had|drew|of\s+\d))"
    rf"|{_THE_NAME}\s+(?P<mon4>March)(?=\s+(?:has|had|was|were|is|are|will|would|can|could)\b)"
)
"""A month name that names an event, not a month: it begins a name ("the annual March for Life",
"the March on Washington", "a March for Justice", "Mussolini's March on Rome": a determiner or
a possessive before it, a capitalised name after "for", "of", "on", "against" or "to"; "a March
Madness upset": "a" before it and a capitalised name after it, where "the December Tankan"
stays a month), or it
ends one before a punctuation mark, "said" or "of" and a year ("the Long March.", "the Women's
March said", "the Salt March of 1930"), or a march that is the subject of an auxiliary ("the
Radetzky March has closed the programme"). A month that modifies a noun stays a month ("a June
meeting", "Turkey's December 1995 election", "Friday's November employment report"), as do "the
March of 1998" and "in March on Capitol Hill"."""


def event_name(m: re.Match[str], text: str) -> bool:
    """True when the month name in group ``mon`` of ``m`` names an event (:data:`_EVENT_NAME`)."""
    s = m.start("mon")
    for em in _EVENT_NAME.finditer(text, max(0, s - 40), m.end("mon") + 40):
        if s in (em.start("mon"), em.start("mon2"), em.start("mon3"), em.start("mon4")):
            return True
    return False


@rule(
    "plain_month",
    rf"\b(?P<t>(?P<mon>{MONTH_FULL}))\b",
    relaxed=True,
)
def plain_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A month name inside a spaCy DATE span (May and March included) -> nearest month; not
    the first word of an event's name ("the annual March for Life", :func:`event_name`).

    A month that is also a surname ("May", "March") as the subject of a verb of doing or saying
    ("May pulled the vote", "May said", "May says") is the person; a month is the subject of
    "was", "saw", "brought", "marked" ("May was wet", "March saw record sales").

    TimeML (DCT 2017-12-27): ``<TIMEX3 type="DATE" value="2017-05">May</TIMEX3> was wet.``
    """
    if event_name(m, text) or _POSSESSIVE_SURNAME.match(text, m.end()):
        return None  # "the March for Life", "August Wilson's play"
    if m["mon"] in ("May", "March"):
        verb = _WORD_AFTER.match(text, m.end())
        if verb and verb[1] not in _MONTH_SUBJECT_VERBS and (past_form(verb[1]) or verb[1] in ("says", "tells", "wants")):
            return None  # "May pulled the vote", "May said": Theresa May, not the month
    month = MONTH_NUM[m["mon"].lower()]
    if _MARK_AFTER.match(text, m.end()) and _POSSESSED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return hit_over_t(m, timex_at(month_in_context(month, dct, -1), "month"))  # "their March peak"
    return hit_over_t(m, timex_at(nearest_month(month, dct), "month"))


_GIVEN_NAMES = re.compile(rf"(?<![.!?]\s)\b(?!(?-i:{MONTH_FULL}|{WEEKDAY})\b)[A-Z][a-z]+\s+(?:and|or)\s+$")
"""A capitalised word (no month nor weekday, not opening a sentence) and "and"/"or" before a month name."""
_SURNAME_AFTER = re.compile(rf" (?!(?-i:{MONTH_FULL}|{WEEKDAY})\b)[A-Z][a-z]+\b(?!\s+\d)")
"""A capitalised word after a month name that is no month, weekday, nor followed by a number:
with :data:`_GIVEN_NAMES` before it the month is the second of two given names sharing a surname
("Walter and June Haskell", as the news writes couples)."""
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_POSSESSIVE_SURNAME = re.compile(r" [A-Z][a-z]+['’]s\b")
"""A capitalised word with a possessive after a month name: a given name and surname ("August Wilson's
play", "June Carter's songs"), not a month."""
_MONTH_SUBJECT_VERBS = frozenset("was were had saw brought marked proved ended began closed finished started".split())
"""Past verbs whose subject a month is ("May was wet", "March saw record sales", "May ended
with a rally"): after them "May" stays the month."""
