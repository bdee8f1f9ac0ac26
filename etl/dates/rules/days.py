"""Days of the month: "Dec. 26", "Tuesday, Dec. 26, 2017", "28 November", "the 3rd of next
month", "on Tuesday, the 26th", the second day of "April 24 and 25" and the first of a day-first
range, the week of a day ("the week of March 6"), ordinal weeks and weekdays of a month ("the
second week of January", "the first Monday of March") and days placed around a holiday ("the
Sunday before Memorial Day").
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor, weekend_near
from etl.dates.anchoring import (
    ONE_DAY,
    Timex,
    add_months,
    nearest_day,
    nearest_day_of_month,
    nth_week,
    nth_weekday,
    safe_date,
    timex_at,
    weekday_on_day_of_month,
    weekend_of,
)
from etl.dates.context import word_after, word_before
from etl.dates.rules.shared import (
    NOT_A_DAY_AFTER,
    REL_STEP,
    VERB_AFTER_DAY,
    YEAR_EARLIER,
    YEAR_LEAD,
    before_a_noun,
    day_hit_at,
    month_by_clause,
    ordinal_before,
    ordinal_is_the_day,
    relative_weekday,
    unwritten_year_day,
)
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import REPORTING_VERBS, clause_tense, future_context, past_form, speaks_of_future
from etl.dates.vocabulary import (
    COUNT_NOUNS,
    DAY,
    DAY_ORDINAL,
    DAY_RANGE_START,
    MONTH,
    MONTH_FULL,
    MONTH_NUM,
    WEEKDAY,
    WEEKDAY_NUM,
    YEAR4,
    day_number,
)


_DAY_N = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_PAIR_LEFT = re.compile(
    rf"\b(?P<mon>{MONTH})\s*(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,\s+{_DAY_N})*"
    r"(?:,?\s+(?:and|or|&|to|through|thru|till|until)\s+|(?P<dash>\s?[-–]\s?)|,\s+)$"
)
"""The month and first day (and any listed days) before the second day of a pair, a range or a list:
"April 24 and ", "Dec. 18 to ", "March 1, 2 and "."""


_RANGE_END = re.compile(
    rf"\s?[-–]\s?(?P<d2>3[01]|[12]\d|0?[1-9])(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|\s+(?P<ry>last|this|next)\s+year\b(?!['’]))?"
)
_YEAR_AFTER = re.compile(rf",?\s+(?:of\s+)?(?P<y>{YEAR4})")
"""The year written after a day: ", 2017", " of 2017"."""
"""The end of a hyphenated range of days after its first day: "-22", "–22, 2017", "-25 next year"."""
_PAIR_YEAR = re.compile(
    rf"(?:st|nd|rd|th)?\s+(?:and|or|&|to|through|thru|till|until)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|\s+(?P<ry>last|this|next)\s+year\b(?!['’]))"
)
"""The year written after the second day of a pair: " and 25, 1999", " to 25 next year"."""


_SPOKEN_DAY = DAY_ORDINAL.replace("-", r"[\s-]")
"""A day of the month in ordinal words, spaced or hyphenated ("fifteenth", "twenty first")."""


# A month and its day said in words, as broadcast transcripts write them: "January the fifteenth"
@rule(
    "month_day_words",
    rf"\b(?P<t>(?:(?:(?i:this\s+coming|this\s+past|next|last|this)\s+)?{WEEKDAY},?\s+)?"
    rf"(?P<mon>{MONTH_FULL})\s+(?:the\s+)?(?P<day>(?i:{_SPOKEN_DAY})))\b(?![-’'])",
)
def month_day_words(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A month and a day said as an ordinal word ("January the fifteenth", "April first", "July
    Fourth", "October the ninth", "the November third election") -> that day, in the year a
    written "Jan. 15" would take (:func:`unwritten_year_day`: the nearest, a plan's ahead).
    Broadcast transcripts spell numbers out (TBAQ's ABC, CNN, PRI and VOA files); a weekday
    before it is in the extent, as in "Tuesday, Dec. 26" (TBAQ: "this coming Sunday, March
    eighth").

    TimeML (DCT 1990-12-31): ``The deadline is <TIMEX3 type="DATE" value="1991-01-15">January the
        fifteenth</TIMEX3>.``
    """
    day = day_number(re.sub(r"\s+", "-", m["day"]))
    d = unwritten_year_day(MONTH_NUM[m["mon"].lower()], day or 0, text, m.start("t"), dct) if day else None
    return hit_over_t(m, timex_at(d, "day")) if d else None


# Month day[, year], optionally after a weekday: "Tuesday, Dec. 26, 2017"
@rule(
    "month_day",
    rf"\b(?P<t>(?:(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?:(?P<day>{DAY})"
    rf"(?:,?\s+(?P<y>{YEAR4})|\s+(?P<ry>(?i:last|this|next))\s+year\b(?!['’]))?|(?P<r1>{DAY_RANGE_START}))))",
)
def month_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Month and day, with the year as written or else the one nearest the DCT
    (after "since" or "ended": the latest one on or before the DCT).

    "November 28, 2017" / "28 Nov 2017" -> ``2017-11-28``; "on November 28" in a story of
    2017-12-27 -> ``2017-11-28`` (news convention: nearest to the DCT, as in HeidelTime).
    A leading weekday ("Tuesday, Dec. 26") is part of the extent (TIMEX3 guidelines), as is
    "last/this/next year" after the day, which gives the year ("arrested on June 23 last year"
    in a story of 1997 -> ``1996-06-23``; the whole phrase names the date), or at the head of the
    sentence ("Last year the monsoon arrived on June 8", :data:`YEAR_LEAD`).

    TimeML (DCT 2017-12-27): ``He died on <TIMEX3 type="DATE" value="2017-11-28">November
        28</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``She was born <TIMEX3 type="DATE" value="2016-11-28">28 November
        2016</TIMEX3> in Lyon.``

    A period that "ended" on a day ("the fiscal year ended Jan. 31", "the quarter ended Oct.
    31") ended on or before the DCT, however near the next such day is: the verb fixes the
    direction that the nearest-day convention only guesses (TimeML 1.2.1 resolves a date from
    its context; "ending" leaves it open).

    TimeML (DCT 2017-10-27): ``The offer ended <TIMEX3 type="DATE" value="2016-10-31">Oct.
        31</TIMEX3>.``

    The first day of a hyphenated range ("Dec. 18-22", en dash too) is a date of its own,
    with the year written after the range, as is the first of a pair ("April 24 and 25,
    1999" -> ``1999-04-24``); the second day is :func:`second_day`'s.

    TimeML (DCT 2017-12-27): ``Talks are set for <TIMEX3 type="DATE" value="2018-01-08">Jan.
        8</TIMEX3>-<TIMEX3 type="DATE" value="2018-01-12">12, 2018</TIMEX3>.``
    """
    mon = m["mon"].rstrip(".")
    month = MONTH_NUM[mon.lower()]
    day = int(re.match(r"\d+", m["day"] or m["r1"]).group())  # type: ignore[union-attr]
    year = m["y"]
    if m.groupdict().get("r1"):
        # "Dec. 18-22[, 2017]": the first day of a range; the year written after the range
        rng = _RANGE_END.match(text, m.end())
        if rng is None or int(rng["d2"]) <= day:
            return None  # "May 3-2": not an increasing range of days (a score)
        year = rng["y"] or (str(dct.year + REL_STEP[rng["ry"].lower()]) if rng["ry"] else None)
    elif not year and m["day"] and (later := _IN_YEAR_AFTER.match(text, m.end())) is not None:
        year = later["y"]  # "compared with Jan. 31 in 2014": the year told right after the day
    elif not year and m["day"] and (pair := _PAIR_YEAR.match(text, m.end("day"))):
        # "April 24 and 25, 1999", "from May 14 to 25 next year": the year of the pair (HeidelTime's date_r4a)
        year = pair["y"] or str(dct.year + REL_STEP[pair["ry"].lower()])
    if year:
        d = safe_date(int(year), month, day)
    elif m.groupdict().get("ry"):  # "on June 23 last year": that day of the year before the DCT's
        d = safe_date(dct.year + REL_STEP[m["ry"].lower()], month, day)
    elif (
        word_before(text, m.start("t")) in ("since", "ended") or _RETROACTIVE.search(text, max(0, m.start("t") - 30), m.start("t"))
        or _since_the(text, m.start("t"))
    ):
        # "since Nov. 28", "the year ended Jan. 31", "taxes retroactive to Jan. 1", "since the Jan. 5
        # vote", "launched after the Sept. 11 attacks": the latest such day on or before the DCT
        d = safe_date(dct.year, month, day)
        if d is None or d > dct:
            d = safe_date(dct.year - 1, month, day)
    elif (rs := _RANGE_START_BEFORE.search(text, max(0, m.start("t") - 40), m.start("t"))) is not None:
        # "run from July 24 to Aug. 9": the end is the first such day on or after the start
        first_month, first_day = MONTH_NUM[rs["mon"].rstrip(".").lower()], int(rs["day"])
        if rs["y"]:
            first = safe_date(int(rs["y"]), first_month, first_day)
        else:
            first = _range_holding_dct(first_month, first_day, text, rs.end("day"), dct) or unwritten_year_day(
                first_month, first_day, text, rs.start(), dct
            )
        d = None
        if first is not None:
            d = safe_date(first.year, month, day)
            if d is not None and d < first:
                d = safe_date(first.year + 1, month, day)
    elif (yl := YEAR_LEAD.search(text, max(0, m.start("t") - 100), m.start("t"))) is not None:
        # "Last year the monsoon arrived on June 8": the sentence's lead names the year
        d = safe_date(dct.year + REL_STEP[yl["rel"].lower()], month, day)
    elif (held := _range_holding_dct(month, day, text, m.end(), dct)) is not None:
        d = held  # "The hurricane season runs from June 1 to Nov. 30" in September: the one under way
    else:
        d = unwritten_year_day(month, day, text, m.start("t"), dct)
        tense = clause_tense(text, m.start("t"), m.end("t"))
        reading_ahead = d is not None and d > dct + _PAST_DAY_SLACK
        d = back_a_year_if_dated_past(d, text, m.start("t"), m.end("t"), dct, tense)
        if d and d < dct and tense >= 0 and _DEADLINE_NOUN_AFTER.match(text, m.end()):
            d = safe_date(d.year + 1, month, day)  # "finish by September, well before the Jan. 1 deadline" in April
        framed = tense == 0 and (
            (d is not None and d < dct and word_before(text, m.start("t")) == "on")
            or YEAR_EARLIER.search(text, max(0, m.start("t") - 150), m.start("t"))
        )
        if d and (tense < 0 or framed):
            # "Meanwhile, on Feb. 3, Wilson broke off relations" after "January 1917", "In 1967, a quake on
            # July 22 killed 86" (an adverbial "on" before the clause's verb, not "the Sept. 19 coup"; or a year
            # told earlier in the sentence): the story's year, when the tagger finds its frame
            return hit_over_t(m, Anaphor(
                "year", 0, month=month, day_of_month=day, historical=True, fallback=timex_at(d, "day"), reading_ahead=reading_ahead
            ))
    return hit_over_t(m, timex_at(d, "day") if d else None)


def back_a_year_if_dated_past(d: dt.date | None, text: str, start: int, end: int, dct: dt.date, tense: int | None = None) -> dt.date | None:
    """``d``, a year-less day's reading at ``text[start:end]``, a year back when it lies more than
    :data:`_PAST_DAY_SLACK` after the DCT but a past verb right before it dates it (:func:`_dated_by_past_verb`)
    in a past clause (``tense``, :func:`~etl.dates.tense.clause_tense`'s when None): "The rule took
    effect Jan. 5" in a story of Dec. 27, "The robbery occurred 6/28" on June 10; a past form or a
    participle set off by a comma tells its tense whatever the rest of the sentence says ("The trade
    agreement, signed on Jan. 2, takes effect tomorrow" on Dec. 31). HeidelTime's tense rule."""
    if d is None or d <= dct + _PAST_DAY_SLACK or not _dated_by_past_verb(text, start, end):
        return d
    if (clause_tense(text, start, end) if tense is None else tense) < 0 or _past_for_sure(text, start):
        return safe_date(d.year - 1, d.month, d.day)
    return d


_PAST_DAY_SLACK = dt.timedelta(days=1)
"""How far after the DCT a day written without a year may lie in a past clause and still be of
the DCT's year: a wire story's date may trail its event by a time zone. A later day is last
year's (HeidelTime's tense rule: in a past-tense sentence an underspecified date lies before the
DCT)."""


_PAST_VERB_BEFORE = re.compile(
    r"(?:\b(?P<aux>[a-z]+)\s+)?(?<!-)\b(?P<verb>(?!on\b)[a-z]+(?:-[a-z]+)?|took\s+(?:effect|office|place|power)|(?:went|came)\s+into\s+(?:effect|force))"
    r"(?:\s+(?:down|up|out|off|away))?"
    r"(?:\s+(?:from|in|at|into|near|off|outside)\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}\s+on|(?:\s+on)?)\s*$"
)
"""A verb right before a day, or with a place between them ("was launched from Cape Canaveral on Nov. 26",
"died in New York on Dec. 3")."""
_SINCE_THE = re.compile(
    r"\b(?:[Ss]ince|(?P<verb>[a-z]+)\s+(?:after|following))\s+the\s+$"
    r"|\b[Ss]ince\s+(?:the|its|his|her|their)\s+(?:[a-z]+\s+){1,2}(?:(?:from|in|at)\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){1,3})?on\s+$"
)
"""A day that names an event gone: "since the Jan. 5 vote", "since its launch from Cape Canaveral on
Nov. 26" (what "since" reaches back to has happened), and after a past verb "launched after the
Sept. 11 attacks" (see :func:`_since_the`)."""
_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:[,.;:)!?\u2014]|--|$|(?:in|at|and|but|after|before|when|while|amid|with|during|following"
    r"|outside|inside|near|on|off|aboard|along|across|over|under|behind|from|into|against)\b)"
)
"""What may follow a day that a past verb dates, the clause going on or ending: a punctuation mark, a
conjunction, or a preposition of place or circumstance ("occurred June 28 outside a store"); not "as"
("declared January 2 as a day of mourning": the day is the verb's object)."""
_CONDITION_BEFORE = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|[Ss]uppose)\b[^.;!?]*$")
_NOT_PAST_AUX = frozenset("be been being to will would could should may might must can shall".split())


def _past_for_sure(text: str, pos: int) -> bool:
    """True when the verb before the day at ``pos`` (:data:`_PAST_VERB_BEFORE`) is past whatever the
    clause's main verb: after "was", "were" or "had", or a participle set off by a comma ("The
    agreement, signed on Jan. 2, takes effect tomorrow"); not a present passive ("elections are held
    on July 20")."""
    before = _PAST_VERB_BEFORE.search(text, max(0, pos - 80), pos)
    if before is None:
        return False
    return before["aux"] in ("was", "were", "had") or text[max(0, before.start("verb") - 2) : before.start("verb")] == ", "


def _since_the(text: str, pos: int) -> bool:
    """True when the day at ``pos`` modifies an event gone by the DCT: after "since the" ("since the
    Jan. 5 vote") or a past verb and "after the"/"following the" ("launched after the Sept. 11
    attacks"; not a reporting verb, "said after the Nov. 3 election", whose words may look ahead).
    HeidelTime's tense rule, kept to the words next to the date."""
    m = _SINCE_THE.search(text, max(0, pos - 70), pos)
    if m is None:
        return False
    return m["verb"] is None or (past_form(m["verb"]) and m["verb"] not in REPORTING_VERBS)


def _dated_by_past_verb(text: str, start: int, end: int) -> bool:
    """A day that a past verb right before it dates ("the tariff took effect on Jan. 1,", "the
    first case was confirmed on March 18.", "the mill burned down Feb. 10"), the clause going on or ending after it: the verb
    tells of an event before the DCT. Not after a reporting verb ("said April 11 was a probable
    date": the day heads a clause of its own), nor a day that modifies a noun ("declared January 2
    as a day of mourning", "the January 28 poll"). HeidelTime's tense rule, kept to the verb
    next to the date, where the tense is sure."""
    before = _PAST_VERB_BEFORE.search(text, max(0, start - 80), start)
    if before is None or _CLAUSE_GOES_ON.match(text, end) is None:
        return False
    verb, aux = before["verb"], before["aux"]
    if aux in _NOT_PAST_AUX:
        return False  # "would be re-introduced on April 30", "has been set for"
    if _CONDITION_BEFORE.search(text, max(0, start - 120), start):
        return False  # "If the government fell on Dec. 8, a vote...": a past form of a supposition
    return " " in verb or (past_form(verb) and verb not in REPORTING_VERBS)


_RANGE_TO_DAY = re.compile(rf"\s+(?:to|through|thru|until|till)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})\b(?!,?\s+{YEAR4})")


def _range_holding_dct(month: int, day: int, text: str, end: int, dct: dt.date) -> dt.date | None:
    """The start, in the DCT's year, of a range of days written without years ("from June 1 to Nov.
    30") that holds the DCT: a season under way is this year's ("the hurricane season runs from June
    1 to Nov. 30" in a story of Sept. 14). None when no such range follows, or when the clause speaks
    of the future or its sentence names the year ("Next year's Fringe will run from Aug. 3 to Aug. 27")."""
    rng = _RANGE_TO_DAY.match(text, end)
    if rng is None or future_context(text, end) or YEAR_LEAD.search(text, max(0, end - 100), end):
        return None  # "Next year's Fringe will run from Aug. 3 to Aug. 27": the plan's, not the one under way
    first = safe_date(dct.year, month, day)
    last = safe_date(dct.year, MONTH_NUM[rng["mon"].rstrip(".").lower()], int(re.match(r"\d+", rng["day"]).group()))  # type: ignore[union-attr]
    return first if first and last and first < last and first <= dct <= last else None


_RETROACTIVE = re.compile(r"\bretroactive(?:ly)?\s+to\s+$", re.IGNORECASE)
_IN_YEAR_AFTER = re.compile(rf"\s+in\s+(?P<y>{YEAR4})\b(?!\s*[-–])")
"""A year after "in" right after a day without one ("Jan. 31 in 2014", "on Christmas Eve in 2000"):
the day's year (a TIMEX3 of its own)."""
_DEADLINE_NOUN_AFTER = re.compile(r"\s+(?:deadline|target\s+date|cutoff|cut-off|expiry)\b")
"""A noun of a limit after a day ("the Jan. 1 deadline"): a limit still to come unless the clause is past."""


_RANGE_START_BEFORE = re.compile(
    rf"(?:\bfrom\s+|\bbetween\s+)?\b(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?"
    r"(?:\s+(?:to|through|thru|till|until)\s+|\s?[-–]\s?)$"
)
"""The first day of a range written before its end's month: "from July 24 to ", "Jan. 29-"."""


# The second day of "April 24 and 25": a date of its own (TIMEX3 guidelines)
@rule(
    "second_day",
    rf"(?<=\d)(?:st|nd|rd|th)?(?:,?\s+(?:and|or|&|to|through|thru|till|until)\s+|\s?[-–]\s?"
    rf"|,\s+(?=(?:{_DAY_N},\s+)*{_DAY_N},?\s+(?:and|or|&)\s+\d))(?P<t>{DAY})(?![\w-]|\s*%|\s*[ap]\.?m\b)",
)
def second_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The second day of "April 24 and 25" (also "or", "&"; every day of a list, "March 1, 2 and 4") or the end of a range "from
    Dec. 18 to 22" (also "through", "until", a hyphen or en dash: "Dec. 18-22"): a TIMEX3
    of its own in the month of the first (TIMEX3 guidelines: one TIMEX3 per date), the year
    as written after it and inside its extent ("April 24 and 25, 1999": "25, 1999"), or named
    after it ("from May 14 to 25 next year"), else resolved as by :func:`month_day` (nearest
    the DCT). Not before a count noun or a unit
    ("Dec. 18 to 22 people"), nor a decreasing pair ("May 3-2", a score).

    TimeML (DCT 2017-02-10): ``Leaders will meet on <TIMEX3 type="DATE" value="2017-04-24">April
        24</TIMEX3> and <TIMEX3 type="DATE" value="2017-04-25">25</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The fair ran from <TIMEX3 type="DATE" value="2017-12-18">Dec.
        18</TIMEX3> to <TIMEX3 type="DATE" value="2017-12-22">22</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The fair ran <TIMEX3 type="DATE" value="2017-12-18">Dec.
        18</TIMEX3>-<TIMEX3 type="DATE" value="2017-12-22">22</TIMEX3> in Manila.``
    """
    s = m.start("t")
    left = _PAIR_LEFT.search(text, max(0, s - 30), s)
    if left is None:
        return None
    nxt = word_after(text, m.end()).lower()
    if (nxt in COUNT_NOUNS or nxt in NOT_A_DAY_AFTER) and not _YEAR_AFTER.match(text, m.end()):
        return None
    month = MONTH_NUM[left["mon"].rstrip(".").lower()]
    day = int(re.match(r"\d+", m["t"]).group())  # type: ignore[union-attr]
    if left["dash"] is not None and day <= int(left["d1"]):
        return None  # "May 3-2": a score, not a range of days
    y = _YEAR_AFTER.match(text, m.end())
    if y:
        d = safe_date(int(y["y"]), month, day)
        return Hit(m.start("t"), y.end(), timex_at(d, "day")) if d else None
    ry = re.match(r"\s+(last|this|next)\s+year\b(?!['’])", text[m.end() : m.end() + 16], re.IGNORECASE)
    if ry:  # "from May 14 to 25 next year": that year ("next year" stays a TIMEX3 of its own)
        d = safe_date(dct.year + REL_STEP[ry[1].lower()], month, day)
    else:
        d = nearest_day(month, day, dct, future_context(text, left.start()))
    return hit_over_t(m, timex_at(d, "day") if d else None)


# The first day of a day-first range: "18" of "18-22 December", "between 18 and 22 December"
@rule(
    "first_day",
    rf"(?<![\d,.$/-])\b(?P<t>(?:[Tt]he\s+)?(?P<d1>3[01]|[12]\d|0?[1-9])(?:(?<=1)st|(?<=2)nd|(?<=3)rd|th)?)"
    rf"(?:\s+(?:and|or|&|to|through|thru|till|until)\s+|\s?[-–]\s?)(?:the\s+)?(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?",
)
def first_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The first day of a range written day first, "18-22 December" (a hyphen or en dash,
    also "and", "to", "through"): a TIMEX3 of its own (TIMEX3 guidelines: one TIMEX3 per
    date), in the month and year written after the range (the year nearest the DCT as
    :func:`month_day` when none is); the end ("22 December") is :func:`month_day`'s. The
    days must increase: "3-2 May" is not a range. An ordinal's suffix and "the" are inside the
    extent ("from 5th to 9th August", "from the 3rd to the 7th of March").

    TimeML (DCT 2017-12-27): ``The summit ran <TIMEX3 type="DATE" value="2017-12-18">18</TIMEX3>-<TIMEX3
        type="DATE" value="2017-12-22">22 December</TIMEX3> in Lima.``
    """
    d1, d2 = int(m["d1"]), int(m["d2"])
    if d2 <= d1:
        return None
    month = MONTH_NUM[m["mon"].rstrip(".").lower()]
    if m["y"]:
        d = safe_date(int(m["y"]), month, d1)
    else:
        d = nearest_day(month, d1, dct, future_context(text, m.start("t")))
    return hit_over_t(m, timex_at(d, "day") if d else None)


# "the week of March 6" -> that date's ISO week
@rule(
    "week_of",
    rf"(?P<t>week(?P<end>end)?\s+(?:of|beginning|starting|commencing)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?)",
)
def week_of(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week of March 6", "the week beginning Jan. 14" -> the ISO 8601 week holding that day
    (``2000-W10``; TimeML 1.2.1: the value is the week the phrase names), the day resolved as by
    :func:`month_day`; "the weekend of March 15" -> the weekend of that ISO week (``2025-W11-WE``).
    A "the" before it is part of the extent.

    TimeML (DCT 2017-02-24): ``The case may be heard <TIMEX3 type="DATE" value="2017-W10">the week
        of March 6</TIMEX3>.``
    """
    if m.start() and text[m.start() - 1].isalnum():
        return None  # the pattern has no leading \b (a literal prefix scans faster)
    hit = month_day(m, text, dct)
    tx = hit.timex.fallback if hit is not None and isinstance(hit.timex, Anaphor) else (hit.timex if hit else None)
    if hit is None or not isinstance(tx, Timex) or tx.start is None:
        return None  # a day of a story gone back in time is read by month_day itself, not here
    the = re.search(r"\b[Tt]he\s+$", text[max(0, hit.start - 8) : hit.start])
    return Hit(hit.start - len(the.group()) if the else hit.start, hit.end, weekend_of(tx.start) if m["end"] else timex_at(tx.start, "week"))


# Day month [year]: "28 November", "the 28th of November 2017"
rule(
    "day_month",
    rf"\b(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR4}))?)",
)(month_day)


_L_ORDINAL_DAY = re.compile(
    rf"(?:\b[Tt]he\s+)?\b(?:(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|(?i:{DAY_ORDINAL}))(?:\s+day)?"
    r"|(?P<last>(?i:last|final))\s+day)\s+$"
)


# An ordinal day of a relative or named month: "the 3rd of next month", "the first of May".
# The pattern starts at "of" (a literal the regex engine finds fast); the day is read before it.
@rule(
    "day_of_month",
    rf"of\s+(?:(?P<rel>(?i:this|next|last|the\s+current|the\s+coming|the\s+previous|the\s+past))\s+(?i:month)"
    rf"|(?P<two>(?i:the\s+month\s+(?:after\s+next|before\s+last)))|(?P<the>(?i:the\s+month))(?!['’]|\s+(?i:after\s+next|before\s+last))"
    rf"|(?P<foll>(?i:the\s+(?:following|next)\s+month))|(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?|(?P<year>{YEAR4}))\b"
    r"|(?P<bare>(?i:this|next|last))\s+(?i:month)\b(?!['’])",
)
def day_of_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A day of the month written as an ordinal, in a month named relative to the DCT ("the
    3rd of next month" -> the DCT's month + 1; this, the current, last, the previous; "the
    month after next" (before last) + 2 (- 2); "the
    month": the month last mentioned, else the DCT's; "the following month" the one after it,
    "the 10th of the following month" after "in March" -> April 10; "the 3rd next month"
    without "of") or by
    name ("the first of May", "the twenty-first of March 1999"; without a year, the day
    nearest the DCT as :func:`month_day`); "the first (last) day of" that month too, and of a
    year ("the last day of 1990" -> ``1990-12-31``, "the first day of 1991", "the 10th day of 2020" -> ``2020-01-10``), but not
    a day of a lunar month ("the fifth day of May on China's lunar calendar"), nor one of a set
    a month holds ("the first of next month's three auctions", "a third of last month's donations"). TIMEX3
    guidelines: the whole phrase is the extent, its value the day.

    TimeML (DCT 2017-12-27): ``Rent is due on <TIMEX3 type="DATE" value="2018-01-03">the 3rd of next
        month</TIMEX3>, not <TIMEX3 type="DATE" value="2017-11-15">the 15th of last month</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The law took effect on <TIMEX3 type="DATE" value="2017-05-01">the first
        of May</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Payment is due on <TIMEX3 type="DATE" value="2018-01-31">the last day
        of next month</TIMEX3>.``
    """
    if not m.start() or not text[m.start() - 1].isspace():
        return None
    if text.startswith(("'s", "’s", "'", "’"), m.end()) and not m["mon"]:
        return None  # "the first of next month's three auctions", "a third of last month's donations": one of a set
    lm = _L_ORDINAL_DAY.search(text, max(0, m.start() - 30), m.start())
    if lm is None:
        return None
    if re.search(r"\b(?:[Aa]|[Oo]ne|[Tt]wo)\s+$", text[max(0, lm.start() - 5) : lm.start()]):
        return None  # "a third of last month", "two thirds of May": a fraction, no day
    if m["bare"] and not (lm["day"] and lm["day"][0].isdigit() and lm.group().lower().startswith("the")):
        return None  # without "of" only "the 3rd next month", not "the first next month"
    day = 1 if lm["last"] else day_number(lm["day"])
    if day is None:
        return None
    if m["year"]:
        if not re.search(r"\bday\s+$", lm.group()):
            return None  # "the first of 1990" names nothing; "the 5th of 2011" neither
        # "the last day of 1990": Dec. 31; "the first (10th) day of 2020": that day of the year
        y = int(m["year"])
        d = dt.date(y, 12, 31) if lm["last"] else dt.date(y, 1, 1) + dt.timedelta(days=day - 1)
        return Hit(lm.start(), m.end(), timex_at(d, "day")) if d.year == y else None
    if m["the"] or m["foll"]:
        # "the 1st of the month": that day of the month last mentioned, else of the DCT's;
        # "the 10th of the following month": of the month after it; "the last day of": its last
        step = 1 if m["foll"] else 0
        month_start = add_months(dct.replace(day=1), step)
        first = (add_months(month_start, 1) - ONE_DAY) if lm["last"] else safe_date(month_start.year, month_start.month, day)
        if first is None:
            return None
        return Hit(lm.start(), m.end(), Anaphor("day", step, same=True, day_of_month=-1 if lm["last"] else day, fallback=timex_at(first, "day")))
    if m["rel"] or m["bare"] or m["two"]:
        if m["two"]:
            step = 2 if "after" in m["two"].lower() else -2
        else:
            step = REL_STEP[re.sub(r"\s+", " ", (m["rel"] or m["bare"]).lower())]
        first = add_months(dct.replace(day=1), step)  # "the 1st of the month after next": two months on
        d = safe_date(first.year, first.month, day)
    else:
        month = MONTH_NUM[m["mon"].rstrip(".").lower()]
        if m["y"]:
            d = safe_date(int(m["y"]), month, day)
        else:
            d = nearest_day(month, day, dct, future_context(text, lm.start()))
    if d and lm["last"]:  # "the last day of next month": the day before the next month's first
        d = add_months(d, 1) - ONE_DAY
    if re.match(r"[^.;]{0,30}\blunar\b", text[m.end() : m.end() + 40], re.IGNORECASE):
        return None  # "the fifth day of May on China's lunar calendar": no Gregorian day
    return Hit(lm.start(), m.end(), timex_at(d, "day")) if d else None


_PLANNED_FOR = re.compile(
    r"\b(?:scheduled|rescheduled|set|slated|planned|pencill?ed\s+in|postponed|moved|delayed|pushed\s+back|due|booked|called)"
    r"(?:\s+(?:[\w-]+\s+){0,3}?)?\s*for\s+$",
    re.IGNORECASE,
)
"""A verb of planning and "for" before a day of the month ("scheduled for the 28th", "set the vote for the 5th")."""
_MOVED_TO_BEFORE = re.compile(
    r"\b(?:postponed|delayed|moved|pushed\s+back|rescheduled|adjourned|put\s+back|brought\s+forward)\b[^.;!?]{0,40}?\s+to\s+$",
    re.IGNORECASE,
)
"""A move and "to" before a day of the month: its new date ("postponed Sunday's vote to the 28th")."""
_ORDINAL_DAY_CUES = frozenset("on by until till since from before after through starting effective".split())


_WEEKDAY_APPOSITION = re.compile(rf",\s+an?\s+(?P<wd>{WEEKDAY})\b")
"""A weekday in apposition after a day of the month: "the 26th, a Tuesday"."""


# A bare ordinal day: "on the 26th", "Tuesday, the 26th"; a range's end: "the 21st and 22nd"
@rule(
    "ordinal_day",
    r"(?P<t>[Tt]he\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))\b(?!-)",
)
@rule(
    "ordinal_day_word",
    rf"(?P<t>the\s+(?P<day>(?i:{DAY_ORDINAL})))\b(?!-)",
)
@rule(
    "ordinal_day_bare",
    rf"\b{WEEKDAY},?\s+(?P<t>(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))\b(?!-)",
)
@rule(
    "ordinal_day_end",
    r"(?:to|and|or|through|until|till)\s+(?P<t>(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))\b(?!-)",
)
def ordinal_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the 26th" after a cue word ("on", "by", "until", "since"...), a weekday and a comma ("on Tuesday,
    the 26th", see :func:`ordinal_is_the_day`; without the comma, "Thursday the 28th" is one TIMEX3,
    :func:`~etl.dates.rules.weekdays.weekday`'s), before a weekday in
    apposition ("The 26th, a Tuesday,": the date near the DCT that is both) or after another
    such day ("from the 18th to the 22nd"; "between the 1st and the 28th of last month" takes
    the second day's month), and not before a noun ("the 26th floor", "the 21st century") ->
    that day of the month last mentioned (a day or month mention before it, TimeML 1.2.1
    ``anchorTimeID``), else the day of that number nearest the DCT, with the past bias of
    :func:`month_day` (no bias when the clause speaks of the future).

    TimeML (DCT 2017-12-27): ``The vote was held on <TIMEX3 type="DATE"
        value="2017-12-26">Tuesday</TIMEX3>, <TIMEX3 type="DATE" value="2017-12-26">the
        26th</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Talks will resume on <TIMEX3 type="DATE" value="2018-01-05">the
        5th</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The talks, held on <TIMEX3 type="DATE" value="2017-12-21">the
        21st</TIMEX3> and <TIMEX3 type="DATE" value="2017-12-22">22nd</TIMEX3>, failed.``
    TimeML (DCT 2009-03-02): ``The accord was signed on <TIMEX3 type="DATE"
        value="2009-02-28">Saturday</TIMEX3>, <TIMEX3 type="DATE" value="2009-02-28">the
        twenty-eighth</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Shops closed on <TIMEX3 type="DATE" value="2017-12-25">Monday</TIMEX3>,
        <TIMEX3 type="DATE" value="2017-12-25">25th</TIMEX3>.``
    """
    s = m.start("t")
    if s and text[s - 1].isalnum():
        return None  # inside a word; the pattern has no leading \b (a literal prefix scans faster)
    cue = word_before(text, s)
    after_weekday = re.search(rf"\b(?P<wd>{WEEKDAY}),?\s*$", text[max(0, s - 12) : s])
    range_end = re.search(
        rf"(?:\d(?:st|nd|rd|th)|{MONTH}\s*\d\d?|\d\d?\s+{MONTH})\s+(?:to|and|or|through|until|till)\s+$", text[max(0, s - 24) : s]
    )  # "from the 18th to the 22nd", "from March 1 to the 15th", "from 1 March to the 15th"
    day = day_number(m["day"])
    if day is None:
        return None
    appo = _WEEKDAY_APPOSITION.match(text, m.end())
    if appo is not None and m["t"][:3].lower() == "the":
        # "The 26th, a Tuesday, was the hottest day": the weekday in apposition picks the month
        d = weekday_on_day_of_month(WEEKDAY_NUM[appo["wd"].lower()], day, dct)
        return hit_over_t(m, timex_at(d, "day")) if d else None
    pair = _ORDINAL_PAIR_OF.match(text, m.end())
    if pair is not None and (cue in _ORDINAL_DAY_CUES or cue == "between") and m["day"][0].isdigit():
        # "between the 1st and the 28th of last month": the first day is of the second's month
        if pair["rel"]:
            first = add_months(dct.replace(day=1), REL_STEP[pair["rel"].lower()])
            d = safe_date(first.year, first.month, day)
        else:
            d = nearest_day(MONTH_NUM[pair["mon"].rstrip(".").lower()], day, dct, future_context(text, s))
        return hit_over_t(m, timex_at(d, "day")) if d else None
    planned = (cue == "for" and _PLANNED_FOR.search(text, max(0, s - 40), s) is not None) or (
        cue == "to" and _MOVED_TO_BEFORE.search(text, max(0, s - 60), s) is not None
    )
    if planned:
        cue = "on"  # "The vote, scheduled for the 28th": a plan's day, as "on the 28th" is, and one ahead
    if not (after_weekday or range_end or cue in _ORDINAL_DAY_CUES):
        return None
    if after_weekday and not (range_end or cue in _ORDINAL_DAY_CUES):
        # "Friday, the 29th": a day of the month restating the weekday before it (where
        # ordinal_is_the_day says so) and a date near the DCT is both
        if not ordinal_is_the_day(text, max(0, s - 12) + after_weekday.end("wd"), s, m.end()):
            return None
        # the weekday's clause, not the few words after its comma, says past or future
        wd_at = max(0, s - 12)
        future = speaks_of_future(text, wd_at + after_weekday.start("wd"), wd_at + after_weekday.end("wd"))
        d = weekday_on_day_of_month(WEEKDAY_NUM[after_weekday["wd"].lower()], day, dct, future)
        return hit_over_t(m, timex_at(d, "day")) if d else None
    nxt = word_after(text, m.end())
    if before_a_noun(text, m.end()) and not (nxt in VERB_AFTER_DAY or past_form(nxt)):
        # "the 26th floor", "the 21st Century Fund", "the second time"; not a verb after the day ("the
        # toll from the quake on the 17th had risen", "the fire on the 17th destroyed 40 homes")
        return None
    if not m["day"][0].isdigit() or not (range_end or m["t"].lower().startswith("the")):
        return None  # "the first", "the second", British "25th" are days only after a weekday
    fallback = nearest_day_of_month(day, dct, planned or speaks_of_future(text, s, m.end()))
    if fallback is not None and fallback < dct and (planned or clause_tense(text, s, m.end()) > 0 or future_context(text, s)):
        # "will open on the 1st" on March 10: a future verb's day is not one already gone (April 1)
        months = (add_months(dct.replace(day=1), k) for k in range(1, 4))
        fallback = next((d for f in months if (d := safe_date(f.year, f.month, day))), None)
    if fallback is None:
        return None
    return hit_over_t(m, Anaphor("day", 0, same=True, day_of_month=day, fallback=timex_at(fallback, "day")))


_ORDINAL_PAIR_OF = re.compile(
    rf"\s*(?:and|or|to|through|until|till|-|–)\s*(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+of\s+"
    rf"(?:(?P<rel>this|next|last)\s+month|(?P<mon>{MONTH})(?!\s*,?\s*\d))\b",
    re.IGNORECASE,
)
"""The second day of a pair or range that names the month of both: "the 1st and the 28th of last
month", "the 5th to the 9th of March"."""


# An ordinal week of a month or a year: "the second week of January", "the last week of 2016"
# (the pattern starts at "week of"; the ordinal is read before it)
@rule(
    "week_of_month",
    rf"week(?P<we>end)?\s+(?:of|in)\s+(?:(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4})|\s+(?P<ry>(?i:this|next|last))\s+year\b(?!['’]))?"
    rf"|(?P<rel>(?i:this|next|last))\s+month|(?P<themonth>the\s+month)"
    rf"|(?P<y2>{YEAR4})|(?P<rely>(?i:this|next|last))\s+year|(?P<the>the\s+year)|(?P<new>the\s+new\s+year))\b(?!\s*\d)",
)
def week_of_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The n-th (or last) week of a month or a year -> that ISO 8601 week (TimeML 1.2.1: the
    value is the week the phrase names). A week belongs to the month or year that holds its
    Thursday (the ISO 8601 rule for years, :func:`~etl.dates.anchoring.nth_week`). A month
    without a year is placed as a bare month (:func:`~etl.dates.rules.months.bare_month`: the clause's tense, else the
    nearest); "this/next/last month", "this/next/last year", "the year" from the DCT; "the new
    year" is the next one in November and December. The n-th (last) weekend of a month is the
    weekend of its n-th (last) Saturday, ``YYYY-Www-WE``.

    TimeML (DCT 2017-12-27): ``Talks resume in <TIMEX3 type="DATE" value="2018-W02">the second week
        of January</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Sales peaked in <TIMEX3 type="DATE" value="2016-W52">the last week of
        2016</TIMEX3>.``
    TimeML (DCT 1999-10-08): ``Clocks go back on <TIMEX3 type="DATE" value="1999-W43-WE">the last
        weekend of October</TIMEX3>.``

    "the first full week" counts only the weeks whose seven days all lie in the period:
    February 2018's first full week is Mon 02-05 .. Sun 02-11 (its first week, by the
    Thursday rule, is 2018-W05, from Mon 01-29).

    TimeML (DCT 2017-12-27): ``It opens <TIMEX3 type="DATE" value="2018-W06">the first full week of
        February</TIMEX3>.``
    """
    ordinal = ordinal_before(text, m.start())
    if ordinal is None:
        return None
    s, n, full = ordinal
    e = m.end()
    if m["mon"] or m["rel"] or m["themonth"]:
        start = dct.replace(day=1) if m["themonth"] else month_named(m, text, s, e, dct)
        if m["ry"]:  # "the third week of May next year": the month of that year
            start = start.replace(year=dct.year + REL_STEP[m["ry"].lower()])
        end = add_months(start, 1)
    else:
        if m["y2"]:
            year = int(m["y2"])
        elif m["new"]:
            year = dct.year + (dct.month >= 11)  # "the first week of the new year" in December: the next year's
        else:
            year = dct.year + ({"this": 0, "next": 1, "last": -1}[m["rely"].lower()] if m["rely"] else 0)
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    if m["we"]:
        if full or not (m["mon"] or m["rel"] or m["themonth"]):
            return None
        # "the first weekend of May": the weekend of the month's n-th Saturday
        saturday = nth_weekday(start, 5, n)
        return Hit(s, e, weekend_of(saturday)) if saturday else None
    monday = nth_week(start, end, n, full)
    return Hit(s, e, timex_at(monday, "week")) if monday else None


def month_named(m: re.Match[str], text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """The first day of the month a match names with its groups ``rel`` ("this/next/last
    month", from the DCT's) or ``mon`` and ``y`` ("January 2018"; without a year, placed by
    the tense of the clause around ``text[start:end]``, a plan or a schedule in the present
    ahead, as :func:`~etl.dates.rules.months.bare_month` does)."""
    if m["rel"]:
        return add_months(dct.replace(day=1), {"this": 0, "next": 1, "last": -1}[m["rel"].lower()])
    month = MONTH_NUM[m["mon"].rstrip(".").lower()]
    if m["y"]:
        return dt.date(int(m["y"]), month, 1)
    return month_by_clause(month, text, start, end, dct)  # "The festival takes place in the last week of December"


# An ordinal weekday of a month: "the first Monday of March", "the last Friday of next month"
# (the pattern starts at the weekday; the ordinal is read before it)
@rule(
    "weekday_of_month",
    rf"\b(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?:(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?"
    rf"|(?P<rel>(?i:this|next|last))\s+month|(?P<yy>{YEAR4})|the\s+(?P<new>new)\s+year|(?P<ryy>(?i:this|next|last))\s+year)\b(?!\s*\d)(?!['’])",
)
def weekday_of_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The n-th (or last) weekday of a month -> that day
    (:func:`~etl.dates.anchoring.nth_weekday`); the month is placed as in
    :func:`week_of_month`. Of a year ("the first Friday of 2022", "the first Monday of the new
    year", "the last Friday of this year"): of its January, or its December for "the last". TIMEX3 guidelines: the whole phrase is the extent, its value the
    day it names.

    TimeML (DCT 2017-12-27): ``Elections are held on <TIMEX3 type="DATE" value="2018-03-05">the first
        Monday of March</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The board meets <TIMEX3 type="DATE" value="2018-01-26">the last Friday
        of next month</TIMEX3>.``
    """
    ordinal = ordinal_before(text, m.start())
    if ordinal is None or ordinal[2]:
        return None
    s, n, _ = ordinal
    e = m.end()
    if m["yy"] or m["new"] or m["ryy"]:
        # "the first Friday of 2022", "the first Monday of the new year": of the year's January (its
        # December for "the last"); "the new year" is the coming one in December, else the DCT's
        if m["yy"]:
            year = int(m["yy"])
        elif m["new"]:
            year = dct.year + (dct.month == 12)
        else:
            year = dct.year + REL_STEP[m["ryy"].lower()]
        d = nth_weekday(dt.date(year, 1 if n > 0 else 12, 1), WEEKDAY_NUM[m["wd"].lower()], n)
        return Hit(s, e, timex_at(d, "day")) if d else None
    d = nth_weekday(month_named(m, text, s, e, dct), WEEKDAY_NUM[m["wd"].lower()], n)
    return Hit(s, e, timex_at(d, "day")) if d else None


# "the Sunday before Memorial Day", "the Friday after Christmas", "the week before Christmas"
@rule(
    "around_day",
    rf"\b(?P<t>[Tt]he\s+(?:(?P<wd>{WEEKDAY})|(?P<unit>week|weekend))\s+(?P<dir>before|after)\s+)(?=[A-Z0-9])",
)
def around_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A weekday, week or weekend named by its place before or after a holiday or a date written
    right after it -> that day ("the Sunday before Memorial Day" -> the Sunday strictly before it,
    "the Friday after Christmas" the first Friday strictly after it), the ISO week of its last
    Saturday before it (of its first Monday after it), or the last weekend over before it (the first
    that begins after it, :func:`~etl.dates.anaphora.weekend_near`); one TIMEX3 over the whole phrase (TimeML
    1.2.1: a date anchored on another inside the expression is one TIMEX3, as "the day before
    yesterday"). The day is the one :func:`~etl.dates.rules.clock._day_at` reads (a holiday, "Nov. 28", "3/9"...).

    TimeML (DCT 2014-05-23): ``The race is run on <TIMEX3 type="DATE" value="2014-05-25">the Sunday
        before Memorial Day</TIMEX3>.``
    TimeML (DCT 2005-12-31): ``Sales in <TIMEX3 type="DATE" value="2005-W51">the week before
        Christmas</TIMEX3> rose 4 percent.``
    TimeML (DCT 2019-04-25): ``Ticket sales peaked <TIMEX3 type="DATE" value="2019-W15-WE">the
        weekend before Easter</TIMEX3>.``
    """
    found = day_hit_at(text, m.end("t"), dct)
    if found is None:
        return None
    day, end = found
    sign = -1 if m["dir"] == "before" else 1
    if m["wd"]:  # the weekday strictly before (after) the day, as "last (next) Friday" from the DCT
        d = relative_weekday(WEEKDAY_NUM[m["wd"].lower()], "last" if sign < 0 else "next", day)
        return Hit(m.start("t"), end, timex_at(d, "day"))  # type: ignore[arg-type]
    if m["unit"] == "week":
        # the week that ends before the day (its last Saturday before it) or starts after it (the first
        # Monday after it): "the week before Christmas" 2005 (a Sunday) is Dec. 19-25, W51
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
        monday = day + dt.timedelta(days=(0 - day.weekday()) % 7 or 7)
        return Hit(m.start("t"), end, timex_at(saturday if sign < 0 else monday, "week"))
    # the last weekend over before the day, the first that begins after it: "the weekend before Easter"
    # (a Sunday) is Palm Sunday's, not Easter's own
    return Hit(m.start("t"), end, weekend_near(day, sign))
