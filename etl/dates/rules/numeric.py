"""Numeric dates: ISO 8601 ("2017-12-27"), US month/day/year ("12/27/2017"), day-first dotted
dates ("15.12.2011") and a US month/day without its year ("held on 12/20").
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anchoring import safe_date, timex_at
from etl.dates.context import word_after, word_before
from etl.dates.rules.days import back_a_year_if_dated_past
from etl.dates.rules.shared import NOT_A_DAY_AFTER, unwritten_year_day
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import past_form
from etl.dates.vocabulary import CHANGE_VERBS, COUNT_NOUNS, WEEKDAY


# ISO 8601 calendar date: 2017-12-27
@rule(
    "iso_date",
    r"(?<![\d-])(?P<t>(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\d-])",
)
def iso_date(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """ISO 8601 calendar date ``YYYY-MM-DD`` -> day.

    TimeML (DCT 2017-12-27): ``The suit was filed on <TIMEX3 type="DATE"
        value="2017-12-20">2017-12-20</TIMEX3>.``
    """
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return hit_over_t(m, timex_at(d, "day") if d else None)


# US numeric date: 12/27/2017
@rule(
    "numeric_date",
    r"(?<![\d/])(?P<t>(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d))(?![\d/])",
)
def numeric_date(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """``MM/DD/YYYY`` (US order, the wire default); ``DD/MM/YYYY`` when the first field exceeds 12.
    A two-digit year ("12/31/95") is the one of its two centuries nearer the DCT's year (a
    sliding window, as RFC 5322 section 4.3 reads two-digit years by their nearness).

    TimeML (DCT 2017-12-27): ``It was amended <TIMEX3 type="DATE"
        value="2017-12-29">12/29/2017</TIMEX3>.``
    TimeML (DCT 1996-01-03): ``The accident occurred on <TIMEX3 type="DATE"
        value="1995-12-31">12/31/95</TIMEX3> near Reno.``
    """
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y = min((1900 + y, 2000 + y), key=lambda c: abs(c - dct.year))
    d = safe_date(y, a, b) or safe_date(y, b, a)
    return hit_over_t(m, timex_at(d, "day") if d else None)


# Day-first dotted date: 15.12.2011
@rule(
    "dotted_date",
    r"(?<![\w.])(?P<t>(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?P<y>(?:19|20)\d\d))(?![\w]|\.\d)",
)
def dotted_date(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """``DD.MM.YYYY``, the day-first order of European and South Asian copy (DIN 5008's
    numeric date; ``DD.MM.YYYY`` is also the form of the ISO 8601 ``YYYY-MM-DD`` date that
    these locales print) -> day; ``MM.DD.YYYY`` only where the day-first reading is impossible.

    TimeML (DCT 2011-11-30): ``Tenders will be opened on <TIMEX3 type="DATE"
        value="2011-12-15">15.12.2011</TIMEX3>.``
    """
    if word_before(text, m.start()) in ("version", "v", "release", "build", "firmware"):
        return None  # "version 1.2.2011": a version number
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    d = safe_date(y, b, a) or safe_date(y, a, b)
    return hit_over_t(m, timex_at(d, "day") if d else None)


_NUMERIC_CUES = frozenset(
    """on since until till by from before after through thru starting effective effect dated
    between for ended ending expires expired deadline ends begins starts opens closes resumes payable
    record runs run due start begin open close reopen resume end expire sale resumed reopened past
    filed signed issued postmarked submitted began closed opened occurred happened died""".split()
)
"""Words before a year-less numeric date ("held on 12/20", "set for 1/9", "payable 12/1 to
holders of record 11/15", "early voting ends 11/3": the scheduled present of
:func:`~etl.dates.tense.scheduled_present`'s verbs, also without -s, "stores reopen 1/2", "go on
sale 10/5", "the clinic will run 7/12 and 7/13"): without one, "3/4" is a fraction. Past forms
other than "ended", "resumed", "reopened", "began" (a sale or a season that "began 11/23"; odds
"started 4/1") and the verbs that date a document ("filed 4/11", "signed", "issued", "postmarked",
"submitted") are left out ("went 3/5", "started 4/1 favourite", "ruled 5/4" are statistics, odds
and vote splits as often as dates), unless a form of "be" makes them a passive ("will be released
4/30")."""
def _backwards(start: tuple[int, int], end: tuple[int, int]) -> bool:
    """True when the month/day ``end`` does not follow ``start`` in a range, across a year end
    at most ("12/28 to 1/3" runs forward; "1/5 to 1/4" does not)."""
    return end <= start and not (start[0] >= 11 and end[0] <= 2)


_DATED_EVENT_NOUNS = frozenset(
    """deadline deadlines election elections primary primaries runoff referendum caucus caucuses
    meeting meetings hearing hearings trial summit debate launch release opening premiere
    kickoff ceremony ceremonies rally concert game match race auction sale session conference
    shutdown strike walkout payday close date ballot show shows performance festival parade""".split()
)
"""Nouns of an event held on one day that a numeric month/day can modify ("its 10/31
deadline", "the 11/8 election", "the 4/15 filing deadline"): TimeML tags a date before a
noun as a DATE of its own, as TimeBank tags "the March employment report"."""
_DATED_DOCUMENTS = frozenset("letter letters memo statement order ruling notice filing".split())
"""Documents named by the day they bear ("In a 1/28 letter, the agency said"): as
:data:`_DATED_EVENT_NOUNS`, but never after a vulgar fraction ("a 1/2 order")."""
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|your|this|that|a|an)|\w['’]s)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(r"(?:\s+[A-Za-z]+){1,3}")
_VULGAR_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8})
"""Denominators of the vulgar fractions (Unicode's ½ ⅓ ¼ ⅕ ⅙ ⅛ and their kin): "1/2" before
"price sale" is half price, not January 2."""


def _attributive_date(text: str, start: int, end: int, a: int, b: int) -> bool:
    """True when the numeric form ``a/b`` at ``start:end`` stands after a determiner or a
    possessive and before a noun of :data:`_DATED_EVENT_NOUNS`: right after it ("its 10/31
    deadline", "the 11/8 election") or, unless ``a/b`` reads as a vulgar fraction (``a < b``,
    ``b`` in :data:`_VULGAR_DENOMINATORS`), at most two words on ("the 4/15 filing deadline"):
    a date used as a modifier. A fraction or a ratio in that place modifies a quantity ("the
    2/3 majority", "a 5/8-inch bolt", "the 1/2 price sale"), none of these nouns."""
    if _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 8), start) is None:
        return False
    m = _ATTRIBUTIVE_AFTER.match(text, end, end + 40)
    if m is None:
        return False
    words = m.group(0).lower().split()
    fraction = a < b and b in _VULGAR_DENOMINATORS
    if words[0] in _DATED_EVENT_NOUNS or (words[0] in _DATED_DOCUMENTS and not fraction):
        return True
    return not fraction and any(w in _DATED_EVENT_NOUNS or w in _DATED_DOCUMENTS for w in words[1:])


_SCORED_EVENTS = frozenset("game match race sale auction show shows performance close".split())
"""Event nouns whose "is 3/4" is as often a score, a share or a price ("the sale is 1/2 off"):
"is"/"was" after them is no date cue, as it is after "the primary", "the hearing"."""
_MOVED_TO = frozenset("postponed delayed moved pushed rescheduled adjourned put back brought forward advanced".split())
"""Verbs after which "to" introduces a new date ("the hearing was postponed to 10/4")."""
_EN_PARTICIPLES = frozenset("seen born taken sworn stolen shown driven given spoken".split())
"""Irregular participles in -n that date an event as the past forms do ("was last seen 4/19",
"born 12/25"), which :func:`~etl.dates.tense.past_form` (regular -ed forms and irregular pasts)
does not read."""
_NAMED_NUMERIC = frozenset({"9/11", "24/7"})
"""Numeric forms that name an event or mean "always", not a day of the current year."""


# Numeric month/day without a year in US wire copy: "held on 12/20"
@rule(
    "numeric_month_day",
    rf"(?:(?<![\w/.,$-])|(?<=\d/\d-)|(?<=\d\d/\d-)|(?<=\d/\d\d-)|(?<=\d\d/\d\d-))"
    rf"(?P<t>(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<a>3[01]|[12]\d|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))(?![\w/]|[.,]\d)",
)
def numeric_month_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """``M/D`` without a year after a cue word ("held on 12/20", "since 1/15", "between 12/20
    and 12/24", "take effect 1/1", "the week ended 12/27", "postponed to 10/4", "due out
    7/17", "the deadline is 9/1", "runs 3/19-3/23") or a weekday ("on Tuesday 12/19", one TIMEX3 as "Tuesday, Dec. 19" is) -> that
    day nearest the DCT ("on or about 6/28", "the team's 11/29 game" too), as :func:`~etl.dates.rules.days.month_day` (past bias unless the clause
    speaks of the future). Month/day is the US wire order; day/month ("on 25/12") only where
    month/day is impossible. Not a date: without a cue word (a fraction, a score), after
    "by" following a verb of change ("cut by 1/2"), before a unit ("1/2 mile"), "9/11" (the
    attacks) or "24/7".

    TimeML (DCT 2017-12-27): ``The hearing was held on <TIMEX3 type="DATE"
        value="2017-12-20">12/20</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The offer is open until <TIMEX3 type="DATE"
        value="2017-12-25">25/12</TIMEX3>.``
    """
    s = m.start("t")
    cue = word_before(text, s)
    if m["t"] in _NAMED_NUMERIC:
        return None
    if m["wd"]:
        pass  # "on Tuesday 12/19": the weekday is the cue, and one TIMEX3 with the date
    elif s and text[s - 1] == "-":  # "runs 3/19-3/23": the end of a range whose start had a cue
        first = re.search(r"\d\d?/\d\d?-$", text[max(0, s - 7) : s])
        if first is None or word_before(text, s - len(first[0])) not in _NUMERIC_CUES:
            return None
    elif cue in ("and", "to"):
        if not re.search(r"\d/\d\d?\s+(?:and|to)\s+$", text[max(0, s - 16) : s]) and not (
            cue == "to" and word_before(text, text.rfind("to", 0, s)) in _MOVED_TO
        ):
            return None  # "between 12/20 and 12/22", "postponed to 10/4"; not "from 1/5 to 1/4"
    elif cue == "out":
        if word_before(text, text.rfind("out", 0, s)) != "due":
            return None  # "earnings are due out 7/17"
    elif cue in ("is", "was"):
        subject = word_before(text, text.rfind(cue, 0, s))
        if subject not in ("date", "day") and (subject not in _DATED_EVENT_NOUNS or subject in _SCORED_EVENTS):
            return None  # "the deadline is 9/1", "Inauguration Day is 1/20", "the primary is 3/18"; not "the ratio is 3/4"
    elif cue in _SETTING_VERBS:
        if not _SET_AS_DATE.match(text, m.end()):
            return None  # "The court fixed 1/29 as the date for closing arguments"; not "set 1/4 of the budget aside"
    elif (
        cue not in _NUMERIC_CUES
        and not re.search(r"\b(?:as\s+of|on\s+or\s+(?:about|before|after)|or\s+about)\s+$", text[max(0, s - 16) : s], re.IGNORECASE)
        and not _attributive_date(text, s, m.end(), int(m["a"]), int(m["b"]))
        and not (past_form(cue) and word_before(text, text.rfind(cue, 0, s)) in ("be", "been", "being"))
        # "was arrested 2/24 in Tulsa", "stamped 31/8": a day past the 12th, so no score or fraction ("won 2/3",
        # "went 3/5 at the plate")
        and not ((past_form(cue) or cue in _EN_PARTICIPLES) and cue not in CHANGE_VERBS and max(int(m["a"]), int(m["b"])) > 12)
    ):
        return None
    if (past_form(cue) or cue in ("closed", "opened")) and cue not in _DATE_VERBS and _fraction(int(m["a"]), int(m["b"])):
        return None  # "closed 3/8 higher", "added 1/4": a price's fraction, not March 8
    if cue == "by" and word_before(text, text.rfind("by", 0, s)) in CHANGE_VERBS:
        return None
    nxt = word_after(text, m.end()).lower()
    if nxt in COUNT_NOUNS or nxt in NOT_A_DAY_AFTER:
        return None
    a, b = int(m["a"]), int(m["b"])
    before = re.search(r"(\d\d?)/(\d\d?)(?:\s+(?:to|and|through|until)\s+|-)$", text[max(0, s - 16) : s])
    after = re.match(r"(?:\s+(?:to|and|through|until)\s+|-)(\d\d?)/(\d\d?)\b", text[m.end() : m.end() + 16])
    if (before and _backwards((int(before[1]), int(before[2])), (a, b))) or (
        after and _backwards((a, b), (int(after[1]), int(after[2])))
    ):
        return None  # a range's end follows its start: "from 1/5 to 1/4" is a pair of fractions
    month, day = (a, b) if a <= 12 else (b, a)
    if month > 12:
        return None
    d = back_a_year_if_dated_past(unwritten_year_day(month, day, text, s, dct), text, s, m.end(), dct)
    if d and d < dct and cue in _SETTING_VERBS:
        d = safe_date(d.year + 1, month, day)  # "set 1/25 as the trial date" in September: a plan, ahead
    return hit_over_t(m, timex_at(d, "day") if d else None)


def _fraction(a: int, b: int) -> bool:
    """True when ``a/b`` reads as a market price's fraction (``1/2``, ``3/8``, ``15/16``: a proper
    fraction in halves to sixty-fourths, as stock prices were quoted before decimalization)."""
    return a < b and b in (2, 4, 8, 16, 32, 64)


_DATE_VERBS = frozenset("dated filed signed issued postmarked submitted began occurred happened died".split())
"""Past verbs of :data:`_NUMERIC_CUES` whose object is always a date, never a price; an intransitive
verb of an event ("the robbery occurred 6/8", "died 4/2") takes no object, so no fraction either."""


_SETTING_VERBS = frozenset("set sets fixed fixes scheduled schedules named names picked picks chose chooses selected selects".split())
"""Verbs that put an event on a date given as their object ("set 1/29 as the trial date")."""
_SET_AS_DATE = re.compile(r"\s+(?:as|for)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}(?:date|day|deadline|start|opening|hearing|vote|trial)\b", re.IGNORECASE)
""""as the trial date", "for the hearing": what makes a verb's ``M/D`` object a day."""
