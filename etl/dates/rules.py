"""The rules of the temporal tagger: one table, each pattern beside the resolver that normalizes it.

A rule is a regular expression and a resolver. :func:`rule` registers them, in the order of
this module, in :data:`RULES` (scanned over the whole text) or, with ``relaxed=True``, in
:data:`RELAXED_RULES` (scanned only inside spaCy DATE/TIME spans that no own rule matched).
The resolver takes ``(match, text, dct)``, validates the match (reading the words around it
when needed, :mod:`etl.dates.context`), and returns a :class:`Hit`: the TIMEX3 extent (the
pattern's group ``t`` when it has one) and the value, a :class:`~etl.dates.anchoring.Timex`,
or an :class:`~etl.dates.anaphora.Anaphor`/:class:`~etl.dates.anaphora.Period` that the
tagger resolves against the mentions before it; or None to reject the match.

Each resolver's docstring gives its source and a TimeML example: the text, a DCT, and the
TIMEX3 the rule makes of it. ``tests/unit/test_dates_rules.py`` runs every example through
the tagger and checks that this rule produces that extent, type and value.

To add a rule: write the pattern and its resolver where the kind belongs, with a TimeML
example; nothing else needs to change. When two rules match the same longest span, the one
registered first wins.

Sources: TimeML 1.2.1 TIMEX3 guidelines (Saurí et al. 2006: values and extents; prepositions
such as "on"/"in" are outside the TIMEX3, determiners and modifiers such as "the", "early",
"last" inside), ISO 8601 (calendar, weeks, durations), and the news conventions of
HeidelTime (Strötgen & Gertz 2013) for anchoring; each resolver names its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from etl.dates.anaphora import Anaphor, Period, comparison, weekend_near
from etl.dates.anchoring import (
    ONE_DAY,
    PAST_BIAS_DAYS,
    RANK,
    Timex,
    add_months,
    duration_value,
    easter,
    gap_days,
    lunar_holidays,
    month_in_context,
    nearest_day_of_month,
    nth_week,
    nth_weekday,
    nearest_day,
    nearest_month,
    safe_date,
    season_of,
    season_start,
    shift,
    timex_at,
    weekday_on_day_of_month,
    weekend_of,
)
from etl.dates.context import left_context, name_word_before, title_unit, word_after, word_before
from etl.dates.tense import (
    clause_tense,
    deadline,
    future_context,
    limit_ahead,
    past_form,
    present_plan,
    scheduled_for,
    scheduled_present,
    speaks_of_future,
)
from etl.dates.vocabulary import (
    CHANGE_VERBS,
    CHINESE_HOLIDAYS,
    CLOCK,
    COUNT_NOUNS,
    DAY,
    DAY_ORDINAL,
    DAY_RANGE_START,
    EASTER_OFFSETS,
    FIXED_HOLIDAYS,
    HEDGE,
    LABOR_DAY_MAY,
    LUNAR_HOLIDAY_DAYS,
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    MONTH_NUM,
    MONTHS_FULL,
    NTH_WEEKDAY_HOLIDAYS,
    NUM,
    OF_HEADS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPOKEN_YEAR,
    THANKSGIVING_OFFSETS,
    TZ,
    TZ_NAME,
    UNIT,
    UNIT_CS,
    UNITS,
    WEEKDAY,
    WEEKDAY_BLOCKERS,
    WEEKDAY_NUM,
    YEAR4,
    alts,
    clock,
    clock_hour,
    day_number,
    number,
    spoken_year_value,
    unit_key,
)
from etl.prefilter import Literals, required_literals

__all__ = ["RELAXED_RULES", "RULES", "Hit", "Rule", "rule", "widen_to_day_before_after", "widen_to_part_of"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A resolved match: ``text[start:end]`` is the TIMEX3 extent; ``rule`` the position of the
    rule in its table (the earlier wins a tie), ``name`` the rule's name."""

    start: int
    end: int
    timex: Timex | Anaphor | Period
    rule: int = 0
    name: str = ""


Resolver = Callable[[re.Match[str], str, dt.date], "Hit | None"]
"""``(match, text, dct) -> Hit | None``."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the table: a name, the compiled pattern, its resolver, and the literals every
    match contains (:func:`etl.prefilter.required_literals`: a text without them skips the scan)."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    needs: Literals


_own: list[Rule] = []
_relaxed: list[Rule] = []


def rule(
    name: str, pattern: str, flags: int = 0, *, relaxed: bool = False, needs: Literals = None
) -> Callable[[Resolver], Resolver]:
    """Register ``pattern`` (compiled with ``flags``) with the decorated resolver as the rule
    ``name``; ``relaxed`` rules run only inside spaCy DATE/TIME spans. ``needs``: literals
    (lower case) of which every match contains one, for a pattern whose parse tree shows only
    commoner ones (:func:`etl.prefilter.required_literals` does not join a literal to the
    optional character after it); by default the parse tree's. Returns the resolver
    unchanged, so one resolver can serve several patterns (``rule(name, pattern)(resolver)``)."""

    def register(resolve: Resolver) -> Resolver:
        compiled = re.compile(pattern, flags)
        literals = needs if needs is not None else required_literals(compiled)
        (_relaxed if relaxed else _own).append(Rule(name, compiled, resolve, literals))
        return resolve

    return register


def hit_over_t(m: re.Match[str], tx: Timex | Anaphor | Period | None) -> Hit | None:
    """A :class:`Hit` over the match's group ``t``, or None when ``tx`` is None."""
    if tx is None:
        return None
    s, e = m.span("t")
    return Hit(s, e, tx)


# --------------------------------------------------------------------------- left contexts
_HALF_LEFT = re.compile(r"\b(?:[Tt]he\s+)?(?P<h>(?i:first|second|last|latter|final|front|back))\s+$")
_DAY_N = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_PAIR_LEFT = re.compile(
    rf"\b(?P<mon>{MONTH})\s*(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,\s+{_DAY_N})*"
    r"(?:,?\s+(?:and|or|&|to|through|thru|till|until)\s+|(?P<dash>\s?[-–]\s?)|,\s+)$"
)
"""The month and first day (and any listed days) before the second day of a pair, a range or a list:
"April 24 and ", "Dec. 18 to ", "March 1, 2 and "."""
_PLAN_SLACK = dt.timedelta(days=7)
"""How far before the DCT a planned day may lie and stay in the DCT's year: a range under way
("banks will be closed from December 30" in a story of Dec. 31)."""
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

# Left contexts. A rule's regex matches the distinctive core of an expression (a year, a
# month name, a unit word), which ``re`` finds quickly; the optional words before it are read
# by these ``$``-anchored patterns on the few characters just before the core (``left_context``).
_L_MOD = re.compile(r"\b(?P<mod>early|late|mid)[\s-]+$", re.IGNORECASE)
_L_MONTH = re.compile(
    r"(?:\b(?P<cue>in|since|until|till|by|from|through|during|before|after|of|between|around|throughout"
    r"|and|or|to)\s+)?(?:\b(?P<rel>last|this|next|early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_L_YEAR = re.compile(
    r"(?:(?:\b(?P<cue>in|since|by|until|till|from|of|before|after|during|through|between|around|circa|pre"
    r"|post|throughout|and|or|to|for|into|both|the|a|an|its|his|her|their|our|that|this|whose)|(?P<poss>['’]s))"
    r"(?:\s+|-))?(?:\b(?P<mod>early|late|mid|fiscal(?:\s+year)?|the\s+year|calendar)[\s-]+)?$",
    re.IGNORECASE,
)
_L_SEASON = re.compile(
    r"(?:\b(?P<cue>in|during|since|until|by|over|through|throughout|before|after|for)\s+(?=the\s))?"
    r"(?:\b(?P<the>the)\s+|\b(?P<rel>this\s+past|this\s+coming|last|this|next|past|coming)\s+)?"
    r"(?:\b(?P<mod>early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_L_COUNT = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE})\s+)?(?:\b(?P<pre>(?:the\s+)?(?:past|last|next|first|final|previous|coming"
    rf"|following|latest|same|remaining)|the)\s+)?\b(?P<num>{NUM})(?P<sep>[\s-])"
    r"(?:(?:more|additional|full|long|trading|business|working|calendar|consecutive|straight|successive|single)\s+)?$",
    re.IGNORECASE,
)
_REL_STEP = {"this": 0, "the current": 0, "next": 1, "the coming": 1, "last": -1, "the previous": -1, "the past": -1}
"""Steps of a unit named relative to the DCT ("next month" +1, "last year" -1, "this year" 0)."""
_NOT_AFTER_A_TIME_WORD = r"(?<![Yy]ear)(?<![Mm]onth)(?<![Ww]eek)(?<![Tt]oday)(?<![Yy]esterday)(?<![Tt]omorrow)"
"""Lookbehinds that keep a time's possessive ("last year's", "today's") out of the possessive
patterns (:data:`_POSSESSOR`, :data:`_POSSESSIVE_NAME`)."""
OR_SO = r"(?:or\s+so)\b"
"""An approximation written after a count ("a week or so ago", "the next two years or so"):
inside the TIMEX3, as TBAQ annotates it (3 of 3, ``mod="APPROX"``); the value is the count's."""
_L_AGO = re.compile(rf"(?:\b(?P<hedge>{HEDGE})\s+)?\b(?P<num>{NUM})\s+$", re.IGNORECASE)

_SPORTS = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|\d+\s+rebounds|half-?time|overtime|three-pointers?|free\s+throws?"
    r"|quarterback|scored|scoring|minutes?\s+(?:left|remaining|to\s+play)|seconds\s+(?:left|remaining|to\s+play)"
    r"|to\s+play\s+in\s+the|\d+-\d+\s+(?:win|victory|loss|defeat|lead))\b",
    re.IGNORECASE,
)
"""Words that make "the fourth quarter" a period of a game, not of a year."""

_RESTATED = re.compile(
    rf"(?:[ap]\.?\s?m\.?|noon|midnight|midday|\d|{TZ_NAME}|{WEEKDAY}|today|yesterday|tomorrow)\s*\(\s*$", re.IGNORECASE
)
"""A clock time (or its zone or day) and an opening bracket: what follows restates that time in another zone."""
_DAY_BEFORE_BRACKET = re.compile(
    rf"(?:{CLOCK}{TZ},?\s+(?:on\s+)?)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)\s*\(\s*$", re.IGNORECASE
)
"""The day of a clock time written before the bracket that restates it ("9 p.m. Sunday ("),
with that clock time when there is one (its start is where the clause dates it)."""

_CLOCK_DAY_WORDS = r"today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
"""Words that name the day of a clock time written before them ("11.30pm last night")."""
_CLOCK_DAY_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1}
"""Days from the DCT of :data:`_CLOCK_DAY_WORDS` ("this morning" and the like: 0)."""

_DAY_AFTER_RESTATED = re.compile(
    rf"\s*\([^()\n]{{1,40}}\)\s*,?\s*(?:on\s+)?(?:(?P<day>(?:(?i:last|next|this)\s+)?{WEEKDAY}|(?i:{_CLOCK_DAY_WORDS}))\b"
    rf"|(?P<mon>{MONTH})\s*(?P<md>{DAY})(?:,?\s+(?P<y>{YEAR4}))?\b)"
)
"""A bracketed restatement of a clock time ("(1515 GMT)") and the day after it: that day dates the time."""

_ADVERB_FOLLOWERS = frozenset(
    """and or but in on at for from to since until till by with during through as than over
    under between before after because while when if so thereafter""".split()
)


# --------------------------------------------------------------------------- the rules

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
    filed signed issued postmarked submitted began closed opened""".split()
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


_MOVED_TO = frozenset("postponed delayed moved pushed rescheduled adjourned put back brought forward advanced".split())
"""Verbs after which "to" introduces a new date ("the hearing was postponed to 10/4")."""
_NAMED_NUMERIC = frozenset({"9/11", "24/7"})
"""Numeric forms that name an event or mean "always", not a day of the current year."""
_NOT_A_DAY_AFTER = frozenset(
    """percent per cent points point inches inch miles mile cups cup of times hours minutes years
    months weeks days odds acre acres pound pounds kg tons tonnes liters litres gallons ounces
    doses hour minute second day week month year share dozen teaspoon teaspoons tablespoon
    tablespoons pint pints million billion trillion thousand hundred higher lower up down favourite
    favorite shot odds chance vote votes majority stake""".split()
)
"""Words after a number that make it a quantity, not a day."""


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
    day nearest the DCT ("on or about 6/28", "the team's 11/29 game" too), as :func:`month_day` (past bias unless the clause
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
        if word_before(text, text.rfind(cue, 0, s)) not in ("deadline", "date", "day"):
            return None  # "the deadline is 9/1", "Inauguration Day is 1/20"; not "the ratio is 3/4"
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
        and not (past_form(cue) and cue not in CHANGE_VERBS and max(int(m["a"]), int(m["b"])) > 12)
    ):
        return None
    if (past_form(cue) or cue in ("closed", "opened")) and cue not in _DATE_VERBS and _fraction(int(m["a"]), int(m["b"])):
        return None  # "closed 3/8 higher", "added 1/4": a price's fraction, not March 8
    if cue == "by" and word_before(text, text.rfind("by", 0, s)) in CHANGE_VERBS:
        return None
    nxt = word_after(text, m.end()).lower()
    if nxt in COUNT_NOUNS or nxt in _NOT_A_DAY_AFTER:
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
    d = _unwritten_year_day(month, day, text, s, dct)
    if d and d < dct and cue in _SETTING_VERBS:
        d = safe_date(d.year + 1, month, day)  # "set 1/25 as the trial date" in September: a plan, ahead
    return hit_over_t(m, timex_at(d, "day") if d else None)


def _fraction(a: int, b: int) -> bool:
    """True when ``a/b`` reads as a market price's fraction (``1/2``, ``3/8``, ``15/16``: a proper
    fraction in halves to sixty-fourths, as stock prices were quoted before decimalization)."""
    return a < b and b in (2, 4, 8, 16, 32, 64)


_DATE_VERBS = frozenset("dated filed signed issued postmarked submitted began".split())
"""Past verbs of :data:`_NUMERIC_CUES` whose object is always a date, never a price."""


_SETTING_VERBS = frozenset("set sets fixed fixes scheduled schedules named names picked picks chose chooses selected selects".split())
"""Verbs that put an event on a date given as their object ("set 1/29 as the trial date")."""
_SET_AS_DATE = re.compile(r"\s+(?:as|for)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}(?:date|day|deadline|start|opening|hearing|vote|trial)\b", re.IGNORECASE)
""""as the trial date", "for the hearing": what makes a verb's ``M/D`` object a day."""


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
    written "Jan. 15" would take (:func:`_unwritten_year_day`: the nearest, a plan's ahead).
    Broadcast transcripts spell numbers out (TBAQ's ABC, CNN, PRI and VOA files); a weekday
    before it is in the extent, as in "Tuesday, Dec. 26" (TBAQ: "this coming Sunday, March
    eighth").

    TimeML (DCT 1990-12-31): ``The deadline is <TIMEX3 type="DATE" value="1991-01-15">January the
        fifteenth</TIMEX3>.``
    """
    day = day_number(re.sub(r"\s+", "-", m["day"]))
    d = _unwritten_year_day(MONTH_NUM[m["mon"].lower()], day or 0, text, m.start("t"), dct) if day else None
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
    sentence ("Last year the monsoon arrived on June 8", :data:`_YEAR_LEAD`).

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
        year = rng["y"] or (str(dct.year + _REL_STEP[rng["ry"].lower()]) if rng["ry"] else None)
    elif not year and m["day"] and (later := _IN_YEAR_AFTER.match(text, m.end())) is not None:
        year = later["y"]  # "compared with Jan. 31 in 2014": the year told right after the day
    elif not year and m["day"] and (pair := _PAIR_YEAR.match(text, m.end("day"))):
        # "April 24 and 25, 1999", "from May 14 to 25 next year": the year of the pair (HeidelTime's date_r4a)
        year = pair["y"] or str(dct.year + _REL_STEP[pair["ry"].lower()])
    if year:
        d = safe_date(int(year), month, day)
    elif m.groupdict().get("ry"):  # "on June 23 last year": that day of the year before the DCT's
        d = safe_date(dct.year + _REL_STEP[m["ry"].lower()], month, day)
    elif word_before(text, m.start("t")) in ("since", "ended") or _RETROACTIVE.search(text, max(0, m.start("t") - 30), m.start("t")):
        # "since Nov. 28", "the year ended Jan. 31", "taxes retroactive to Jan. 1": the latest such day
        # on or before the DCT
        d = safe_date(dct.year, month, day)
        if d is None or d > dct:
            d = safe_date(dct.year - 1, month, day)
    elif (rs := _RANGE_START_BEFORE.search(text, max(0, m.start("t") - 40), m.start("t"))) is not None:
        # "run from July 24 to Aug. 9": the end is the first such day on or after the start
        first_month, first_day = MONTH_NUM[rs["mon"].rstrip(".").lower()], int(rs["day"])
        if rs["y"]:
            first = safe_date(int(rs["y"]), first_month, first_day)
        else:
            first = _range_holding_dct(first_month, first_day, text, rs.end("day"), dct) or _unwritten_year_day(
                first_month, first_day, text, rs.start(), dct
            )
        d = None
        if first is not None:
            d = safe_date(first.year, month, day)
            if d is not None and d < first:
                d = safe_date(first.year + 1, month, day)
    elif (yl := _YEAR_LEAD.search(text, max(0, m.start("t") - 100), m.start("t"))) is not None:
        # "Last year the monsoon arrived on June 8": the sentence's lead names the year
        d = safe_date(dct.year + _REL_STEP[yl["rel"].lower()], month, day)
    elif (held := _range_holding_dct(month, day, text, m.end(), dct)) is not None:
        d = held  # "The hurricane season runs from June 1 to Nov. 30" in September: the one under way
    else:
        d = _unwritten_year_day(month, day, text, m.start("t"), dct)
        tense = clause_tense(text, m.start("t"), m.end("t"))
        if d and d < dct and tense >= 0 and _DEADLINE_NOUN_AFTER.match(text, m.end()):
            d = safe_date(d.year + 1, month, day)  # "finish by September, well before the Jan. 1 deadline" in April
        framed = tense == 0 and (
            (d is not None and d < dct and word_before(text, m.start("t")) == "on")
            or _YEAR_EARLIER.search(text, max(0, m.start("t") - 150), m.start("t"))
        )
        if d and (tense < 0 or framed):
            if tense < 0 and d > dct + _PAST_DAY_SLACK and _dated_by_past_verb(text, m.start("t"), m.end("t")):
                d = safe_date(d.year - 1, month, day)  # "The rule took effect Jan. 5" in a story of Dec. 27
            # "Meanwhile, on Feb. 3, Wilson broke off relations" after "January 1917", "In 1967, a quake on
            # July 22 killed 86" (an adverbial "on" before the clause's verb, not "the Sept. 19 coup"; or a year
            # told earlier in the sentence): the story's year, when the tagger finds its frame
            return hit_over_t(m, Anaphor("year", 0, month=month, day_of_month=day, historical=True, fallback=timex_at(d, "day")))
    return hit_over_t(m, timex_at(d, "day") if d else None)


_YEAR_EARLIER = re.compile(
    r"(?:(?:^|[.!?]\s+)In\s+(?:1[6-9]|20)\d\d\b|\bin\s+(?:[A-Z][a-z]+\.?\s+)?(?:1[6-9]|20)\d\d(?:,\s+[a-z]+ing|\s+after|\s+(?:and|but)\s+(?:then\s+)?[a-z]+)\b"
    r"|\b(?:years?|decades?)\s+ago\b)"
    r"(?:[^.!?]|\.(?=\d))*$"
)
"""A year told earlier in the sentence as its frame: opening it ("In 2019, the bank cut rates three
times, starting in July"), or the main clause's year (or month and year) before a participle, "after" or
a second verb ("joined the ERM in 1990, entering on Oct. 8", "relegated in 2002 after a defeat on May
11", "began in December 2014 and lasted until late January"), or a span back ("Two
years ago the club was sold ... in late August"): a date without a year in a clause without a tense
of its own may take its year; the tagger checks the frame."""


_PAST_DAY_SLACK = dt.timedelta(days=1)
"""How far after the DCT a day written without a year may lie in a past clause and still be of
the DCT's year: a wire story's date may trail its event by a time zone. A later day is last
year's (HeidelTime's tense rule: in a past-tense sentence an underspecified date lies before the
DCT)."""


_PAST_VERB_BEFORE = re.compile(
    r"(?:\b(?P<aux>[a-z]+)\s+)?\b(?P<verb>[a-z]+|took\s+(?:effect|office|place|power)|(?:went|came)\s+into\s+(?:effect|force))"
    r"(?:\s+(?:down|up|out|off|away))?(?:\s+on)?\s*$"
)
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:)!?\u2014]|--|$|(?:in|at|and|but|after|before|when|while|amid|with|during|following)\b)")
_REPORTING_VERBS = frozenset("said told reported announced added stated claimed noted".split())
_CONDITION_BEFORE = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|[Ss]uppose)\b[^.;!?]*$")
_NOT_PAST_AUX = frozenset("be been being to will would could should may might must can shall".split())


def _dated_by_past_verb(text: str, start: int, end: int) -> bool:
    """A day that a past verb right before it dates ("the tariff took effect on Jan. 1,", "the
    first case was confirmed on March 18.", "the mill burned down Feb. 10"), the clause going on or ending after it: the verb
    tells of an event before the DCT. Not after a reporting verb ("said April 11 was a probable
    date": the day heads a clause of its own), nor a day that modifies a noun ("declared January 2
    as a day of mourning", "the January 28 poll"). HeidelTime's tense rule, kept to the verb
    next to the date, where the tense is sure."""
    before = _PAST_VERB_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _CLAUSE_GOES_ON.match(text, end) is None:
        return False
    verb, aux = before["verb"], before["aux"]
    if aux in _NOT_PAST_AUX:
        return False  # "would be re-introduced on April 30", "has been set for"
    if _CONDITION_BEFORE.search(text, max(0, start - 120), start):
        return False  # "If the government fell on Dec. 8, a vote...": a past form of a supposition
    return " " in verb or (past_form(verb) and verb not in _REPORTING_VERBS)


_RANGE_TO_DAY = re.compile(rf"\s+(?:to|through|thru|until|till)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})\b(?!,?\s+{YEAR4})")


def _range_holding_dct(month: int, day: int, text: str, end: int, dct: dt.date) -> dt.date | None:
    """The start, in the DCT's year, of a range of days written without years ("from June 1 to Nov.
    30") that holds the DCT: a season under way is this year's ("the hurricane season runs from June
    1 to Nov. 30" in a story of Sept. 14). None when no such range follows, or when the clause speaks
    of the future or its sentence names the year ("Next year's Fringe will run from Aug. 3 to Aug. 27")."""
    rng = _RANGE_TO_DAY.match(text, end)
    if rng is None or future_context(text, end) or _YEAR_LEAD.search(text, max(0, end - 100), end):
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


_YEAR_LEAD = re.compile(r"(?:^|[.!?]\s+|\n)(?P<rel>Last|This|Next)\s+year\b(?:[^.;!?\n]|\.(?=\d)){0,80}$")
"""A sentence that opens with "Last (This, Next) year": a day without a year later in it is of
that year ("Last year the monsoon arrived on June 8")."""


_RANGE_START_BEFORE = re.compile(
    rf"(?:\bfrom\s+|\bbetween\s+)?\b(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?"
    r"(?:\s+(?:to|through|thru|till|until)\s+|\s?[-–]\s?)$"
)
"""The first day of a range written before its end's month: "from July 24 to ", "Jan. 29-"."""


def _unwritten_year_day(month: int, day: int, text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The year of a month and day written without one at ``pos``: the day nearest the DCT
    (:func:`~etl.dates.anchoring.nearest_day`, past bias unless the clause speaks of the
    future), moved a year on when it lies more than :data:`_PLAN_SLACK` before the DCT in a
    clause that names a plan ("will face Australia on June 12" in a story of December, "scheduled a
    pretrial conference for Dec. 18" in May), or more
    than :data:`_HABIT_SLACK` before it when it is a limit ahead (:func:`~etl.dates.tense.limit_ahead`:
    "must draft a constitution by Aug. 15" in January; "was delayed until Jan. 4" on Jan. 19 is a
    limit already reached) or in a clause with a scheduled event in the present ("the festival
    opens July 24" in a story of January), or when a future is told in reported speech ("said
    ... would go on sale on Nov. 11" in April): HeidelTime's tense rule for a present-future clause."""
    future = future_context(text, pos)
    d = nearest_day(month, day, dct, future)
    if d and future and d < dct - _FUTURE_GONE and not _PAST_PLAN.search(text, max(0, pos - 60), pos):
        return safe_date(d.year + 1, month, day)  # "exhaust their benefits between now and Sept. 30" in March
    if d and d < dct - _PLAN_SLACK and _REPORTED_FUTURE.search(text, max(0, pos - 120), pos):
        return safe_date(d.year + 1, month, day)  # "Sony said its PlayStation 3 would go on sale in Japan on Nov. 11" in April
    if d and (
        (d < dct - _PLAN_SLACK and (present_plan(text, pos) or scheduled_for(text, pos)))
        or (d < dct - _HABIT_SLACK and (limit_ahead(text, pos) or scheduled_present(text, pos)))
    ):
        d = safe_date(d.year + 1, month, day)
    return d


_PAST_PLAN = re.compile(r"\b(?:was|were|had(?:\s+been)?|been)\s+(?:\w+\s+)?(?:scheduled|set|planned|due|slated|expected|supposed)\b[^.;!?]*$")
"""A plan told in the past ("was last scheduled for July 25", "had been scheduled for"): its day is not moved ahead."""
_FUTURE_GONE = dt.timedelta(days=92)
"""How far before the DCT the nearest reading of a year-less day may lie in a future clause: farther
back, more than three months gone, it is next year's (as :func:`~etl.dates.anchoring.month_in_context`
reads a month)."""
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|announces|told|added|confirmed|stated)\s+(?:(?:that|it|they|he|she|the\s+\w+|its\s+\w+(?:\s+\w+)?)\s+){0,3}"
    r"(?:would|will)\s+(?!have\b)(?:[^.;!?]|(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.|(?<=Sept)\.)*$"
)
"""A future told in reported speech ("Sony said its PlayStation 3 would go on sale in Japan on Nov.
11"): the day lies after the saying, hence after the DCT (the future-in-the-past of "would")."""
_HABIT_SLACK = dt.timedelta(days=31)
"""How far before the DCT a day may lie and still be the one a present-tense schedule names:
"India's financial year begins April 1" in a story of April 13 is a habit stated of the year
under way, not next April."""


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
    if (nxt in COUNT_NOUNS or nxt in _NOT_A_DAY_AFTER) and not _YEAR_AFTER.match(text, m.end()):
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
        d = safe_date(dct.year + _REL_STEP[ry[1].lower()], month, day)
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
    rf"(?P<t>week\s+(?:of|beginning|starting|commencing)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?)",
)
def week_of(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week of March 6", "the week beginning Jan. 14" -> the ISO 8601 week holding that day
    (``2000-W10``; TimeML 1.2.1: the value is the week the phrase names), the day resolved as by
    :func:`month_day`.
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
    return Hit(hit.start - len(the.group()) if the else hit.start, hit.end, timex_at(tx.start, "week"))


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
    rf"|(?P<foll>(?i:the\s+(?:following|next)\s+month))|(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?)\b"
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
    nearest the DCT as :func:`month_day`); "the first (last) day of" that month too, but not
    a day of a lunar month ("the fifth day of May on China's lunar calendar"). TIMEX3
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
    lm = _L_ORDINAL_DAY.search(text, max(0, m.start() - 30), m.start())
    if lm is None:
        return None
    if m["bare"] and not (lm["day"] and lm["day"][0].isdigit() and lm.group().lower().startswith("the")):
        return None  # without "of" only "the 3rd next month", not "the first next month"
    day = 1 if lm["last"] else day_number(lm["day"])
    if day is None:
        return None
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
            step = _REL_STEP[re.sub(r"\s+", " ", (m["rel"] or m["bare"]).lower())]
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
_AFTER_ORDINAL_DAY = frozenset(
    """and or but at in on when as while with until till to from before after because so for through thru""".split()
)


def before_a_noun(text: str, pos: int) -> bool:
    """True when the word after ``pos`` makes the ordinal before it a modifier ("the 26th
    floor", "the second time", "the first of many"), not a day of the month: any word but a
    conjunction or preposition of :data:`_AFTER_ORDINAL_DAY`."""
    return bool(re.match(r"\s*[A-Za-z]", text[pos : pos + 2])) and word_after(text, pos).lower() not in _AFTER_ORDINAL_DAY


def ends_a_phrase(text: str, pos: int) -> bool:
    """True when punctuation or the end of the text follows ``pos``: a spelled ordinal is a
    day there ("Saturday, the twenty-eighth.") and nowhere else ("Friday, the first to make
    the journey")."""
    return re.match(r"\s*(?:[,.;:!?)\u201d\"]|$)", text[pos : pos + 3]) is not None


_WEEKDAY_APPOSITION = re.compile(rf",\s+an?\s+(?P<wd>{WEEKDAY})\b")
"""A weekday in apposition after a day of the month: "the 26th, a Tuesday"."""
_VERB_AFTER_DAY = frozenset(
    """has have had is was were will would could can may might must marks marked saw sees""".split()
)
"""Words after a day of the month that show the day is a subject, not a modifier ("Monday the
15th has been declared a holiday", "Sunday the 25th marks the start"), besides past forms."""


def ordinal_is_the_day(text: str, wd_end: int, start: int, end: int) -> bool:
    """Whether the ordinal ``text[start:end]`` ("the 26th", "26th", "the twenty-sixth") written
    after a weekday ending at ``wd_end`` is that weekday's day of the month: where the phrase
    ends ("Saturday, the twenty-eighth."), or, written in digits, unless a rank follows (see
    :data:`_RANK_AFTER`; "to" only after "the" and a comma: "Friday, the 13th to die", while
    "until Tuesday the 15th to leave" is a day) or a noun it modifies ("Sunday, the 7th-seeded
    team", "Tuesday the 3rd Infantry"; a verb after it is no noun: "on Monday the 15th killed
    three", "Tuesday 10th has been cancelled")."""
    if ends_a_phrase(text, end):
        return True
    if not text[end - 1 : end].isalpha() or not re.search(r"\d", text[start:end]):
        return False  # a spelled ordinal is a day only where the phrase ends
    rank = _RANK_AFTER.match(text, end)
    if rank is not None:
        if not rank[0].strip().lower().startswith("to"):
            return False  # "the 7th in a row", "the 5th of 12"
        if text[start : start + 3].lower() == "the" and "," in text[wd_end:start] and _RANK_VERB.match(text, rank.end()):
            return False  # "Friday, the 13th to die"; not "on Tuesday, the 13th to hear closing arguments"
    if before_a_noun(text, end):
        after = word_after(text, end)
        return after.lower() in _VERB_AFTER_DAY or past_form(after)
    return True


_RANK_AFTER = re.compile(r"\s+(?:to\b|in\s+(?:a\s+row|a\s+series|line|succession|history)\b|of\b)", re.IGNORECASE)
_RANK_VERB = re.compile(
    r"\s+(?:die|be|become|win|join|leave|resign|quit|fall|reach|finish|qualify|score|receive|get|go|take|lose|succumb|perish"
    r"|cross|complete|sign|ratify|do|make|have|test|step|announce|report|say|claim)\b",
    re.IGNORECASE,
)
"""Verbs after "the 13th to" that make the ordinal a rank ("the 13th to die", "the third to resign"),
not a day with a purpose clause after it ("on Tuesday, the 13th to hear closing arguments")."""
"""What makes an ordinal after a weekday a rank, not the day: "Friday, the 13th to die", "the
7th in a row", "the 5th of 12" (a digit ordinal before a preposition or conjunction is else the
day: "on Tuesday the 7th in record numbers"); "to" only after "the": British "met on Tuesday
26th to discuss" writes a day without "the", and a rank always takes it."""


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
    """"the 26th" after a cue word ("on", "by", "until", "since"...), a weekday ("on Tuesday,
    the 26th", "Thursday the 28th", see :func:`ordinal_is_the_day`), before a weekday in
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
    TimeML (DCT 2017-12-27): ``Shops closed on <TIMEX3 type="DATE" value="2017-12-25">Monday</TIMEX3>
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
            first = add_months(dct.replace(day=1), _REL_STEP[pair["rel"].lower()])
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
    if before_a_noun(text, m.end()) and not (nxt in _VERB_AFTER_DAY or past_form(nxt)):
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


_L_ORDINAL_WEEK = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<ord>(?i:first|second|third|fourth|fifth|last|final)|1st|2nd|3rd|4th|5th)\s+(?P<full>full\s+)?$"
)


def ordinal_before(text: str, pos: int) -> tuple[int, int, bool] | None:
    """``(start, n, full)`` of the ordinal written right before ``pos`` ("the second ", "the
    last ", "the first full "): its start (with "the"), its number (-1 for "last"/"final")
    and whether "full" follows it; None when there is none."""
    lm = _L_ORDINAL_WEEK.search(text, max(0, pos - 22), pos)
    if lm is None:
        return None
    o = lm["ord"].lower()
    return lm.start(), (-1 if o in ("last", "final") else ORDINALS[o]), lm["full"] is not None


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
    without a year is placed as a bare month (:func:`bare_month`: the clause's tense, else the
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
            start = start.replace(year=dct.year + _REL_STEP[m["ry"].lower()])
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
    ahead, as :func:`bare_month` does)."""
    if m["rel"]:
        return add_months(dct.replace(day=1), {"this": 0, "next": 1, "last": -1}[m["rel"].lower()])
    month = MONTH_NUM[m["mon"].rstrip(".").lower()]
    if m["y"]:
        return dt.date(int(m["y"]), month, 1)
    return month_by_clause(month, text, start, end, dct)  # "The festival takes place in the last week of December"


def month_by_clause(month: int, text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """First day of the month ``month`` named without a year at ``text[start:end]``: placed by
    the clause's tense (:func:`~etl.dates.anchoring.month_in_context`), then a year on when it
    is gone and the clause names a plan in the present ("a summit is planned in Brussels in
    June" in August), a limit ahead ("hope to adjourn by early October" in January) or, more than
    a month gone, a scheduled event in the present ("the
    Democrats meet in Denver in late August" in February; a month just gone is a habit, "the
    fiscal year begins in April" in May): HeidelTime's tense rule for a present-future clause."""
    d = month_in_context(month, dct, clause_tense(text, start, end), future_context(text, start))
    back = (dct.year - d.year) * 12 + dct.month - d.month
    if (back > 0 and (present_plan(text, start) or limit_ahead(text, start))) or (back > 1 and scheduled_present(text, start)):
        d = d.replace(year=d.year + 1)
    return d


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
            year = dct.year + _REL_STEP[m["ryy"].lower()]
        d = nth_weekday(dt.date(year, 1 if n > 0 else 12, 1), WEEKDAY_NUM[m["wd"].lower()], n)
        return Hit(s, e, timex_at(d, "day")) if d else None
    d = nth_weekday(month_named(m, text, s, e, dct), WEEKDAY_NUM[m["wd"].lower()], n)
    return Hit(s, e, timex_at(d, "day")) if d else None


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
        year = dct.year + _REL_STEP[m["rel"].lower()]
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
    as "the following spring" (:func:`season_anaphor`). With no date before it, the same from the
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
    if not (rel or cue):
        if mon.lower() in ("may", "march", "august") and not _MONTH_PAIR_AFTER.match(text, e):
            return None  # not "for May and June", "March through June": another month after it
        if text[e : e + 1] == " " and word_after(text, e)[:1].isupper():
            return None  # "June Carter", "October Revolution"
        if re.search(r"[A-Z][\w.]*\s$", text[max(0, s - 20) : s]) and not re.search(
            rf"(?:^|[.!?:;\"“”]\s*)[A-Z][\w.]*\s$|\b(?-i:{MONTH_FULL})[.!?]\s$", text[max(0, s - 20) : s]
        ):
            return None  # "Rev. April Smith", "Miss June"; sentence-initial words are fine ("... June. May, June")
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
    if rel == "last":
        d = add_months(dt.date(dct.year, month, 1), -12 if month >= dct.month else 0)
    elif rel == "next":
        d = add_months(dt.date(dct.year, month, 1), 12 if month <= dct.month else 0)
    elif rel == "this":
        d = dt.date(dct.year, month, 1)
    elif cue == "since":
        # "since March": the latest March on or before the DCT's month
        d = add_months(dt.date(dct.year, month, 1), -12 if month > dct.month else 0)
    elif moved or (cue == "by" and not rel and future_context(text, s)):
        # "had planned to release it in November but pushed it back to May"; a limit ahead, "would
        # publish ... a full report by September"
        d = month_in_context(month, dct, 1)
    elif (yl := _YEAR_LEAD.search(text, max(0, s - 100), s)) is not None:
        # "Last year, the city received 650 mm of rain between June and September": the sentence's lead
        d = dt.date(dct.year + _REL_STEP[yl["rel"].lower()], month, 1)
    elif _CONTRACT_MONTH.match(text, e):
        d = month_in_context(month, dct, 1)  # "gold for April delivery": a futures contract's month, from the DCT's on
    elif _DATA_MONTH.match(text, e) or _DATA_FOR.search(text, max(0, s - 30), s):
        # "will report December sales Thursday" (Jan. 2): a month's figures come out after it,
        # so the latest such month up to the DCT's
        d = add_months(dt.date(dct.year, month, 1), -12 if month > dct.month else 0)
    else:
        d = month_by_clause(month, text, s, e, dct)
        tense = clause_tense(text, s, e)
        if tense < 0 or (tense == 0 and _YEAR_EARLIER.search(text, max(0, s - 150), s)):  # rel is only early/late/mid here
            # "In June 1951 he joined ... and in September he threw a one-hitter": the story's year
            return Hit(s, e, Anaphor("year", 0, month=month, historical=True, fallback=timex_at(d, "month")))
    return Hit(s, e, timex_at(d, "month"))


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


_DAY_APPOSITION = re.compile(r"\d(?:st|nd|rd|th)?,\s+(?:which\s+(?:is|was)\s+|(?:is|was)\s+)?an?\s+$", re.IGNORECASE)
"""A date and "a" before a weekday that names its day ("Jan. 8, a Monday", "the 30th, a Tuesday",
"on the 30th, which is a Tuesday")."""
_CLOCK_ON_BEFORE = re.compile(rf"(?:{clock('w')}){TZ},?\s+on\s+$", re.IGNORECASE)
"""A clock time and "on" before a weekday ("at 11:15 am on "): the two are TIMEX3s of one day."""
_DAY_OF_MONTH_AFTER = re.compile(
    rf",?\s+(?:the\s+)?(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|(?i:{DAY_ORDINAL}))\b(?!-)"
)
"""A day of the month written after a weekday: "Tuesday, the 26th", "Thursday the 28th"."""


def _day_of_month_after(text: str, pos: int, weekday: int, dct: dt.date) -> dt.date | None:
    """The day of the weekday ``weekday`` (Monday = 0) ending at ``pos`` that the day of the month
    written after it names ("on Monday, the 8th"), where :func:`ordinal_is_the_day` says the ordinal is
    that day (not "on Saturday, the first such shutdown"); else None."""
    dm = _DAY_OF_MONTH_AFTER.match(text, pos)
    if dm is None or not ordinal_is_the_day(text, pos, dm.start("day"), dm.end()):
        return None
    return weekday_on_day_of_month(weekday, day_number(dm["day"]) or 0, dct)


_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
"""Weekday abbreviations as British and Asian copy write them before a day ("Wed 8th")."""


# An abbreviated weekday with its day: "Wed 8th", "Mon 6th July", "Thu. 12 March"
@rule(
    "weekday_abbr_day",
    rf"\b(?P<t>(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+(?P<day>3[01]|[12]\d|0?[1-9])(?P<suf>st|nd|rd|th)?"
    rf"(?:\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?)?)\b(?![-/:.,]?\d|\s*(?:%|[ap]\.?m\b))",
)
def weekday_abbr_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """An abbreviated weekday ("Mon", "Tue(s)", "Wed", "Thu(r)(s)", "Fri", "Sat", "Sun") with
    the day of the month after it, and optionally the month: one TIMEX3, as "Tuesday, Dec. 26"
    is (TIMEX3 guidelines). With a month, that date (:func:`month_day`'s year); without, the
    date near the DCT that is both that weekday and that day
    (:func:`~etl.dates.anchoring.weekday_on_day_of_month`). The abbreviations alone are
    words ("Sun", "Sat", "Wed") and are not read; the day needs an ordinal suffix or a month
    ("Sun 8" is a score or a page).

    TimeML (DCT 2020-07-03): ``The hearing has been moved to <TIMEX3 type="DATE"
        value="2020-07-08">Wed 8th</TIMEX3>.``
    """
    if not (m["suf"] or m["mon"]):
        return None
    wd = _WEEKDAY_ABBR[m["wd"].lower()]
    day = int(m["day"])
    if m["mon"]:
        d = _month_day_of(m["mon"], m["day"], m["y"], text, m.start("t"), dct)
    else:
        d = weekday_on_day_of_month(wd, day, dct)
    if d is None or d.weekday() != wd:
        return None  # the weekday and the date disagree: not this reading
    return hit_over_t(m, timex_at(d, "day"))


_SPAN_NOUNS = r"(?:\s+(?:working|work|trading|business|school|calendar))?\s+(?:weekends?|weeks?|workweeks?|pattern|schedule|shifts?|rota)\b"
_WEEKDAY_SPAN_NOUN = re.compile(rf"[-–](?:to[-–]|through[-–])?{WEEKDAY}{_SPAN_NOUNS}", re.IGNORECASE)
"""A weekday that begins a hyphenated pair of weekdays before a week's noun ("a Friday-Saturday
weekend", "a Monday-to-Friday trading week", "a Thursday-Friday pattern"): the kind of week, not a
day of the calendar."""
_WEEKDAY_SPAN_NOUN_BEFORE = re.compile(rf"{WEEKDAY}[-–](?:to[-–]|through[-–])?$", re.IGNORECASE)
"""The first weekday of such a pair before the second, which the noun after it makes a kind of week too."""


_NAME_AROUND = re.compile(rf"\s+(?!(?:{MONTH_FULL}|{WEEKDAY}|Night|Morning|Evening|Afternoon|GMT|EST|EDT|UTC)\b)[A-Z][a-z]+\b(?!['’])")
"""A capitalised word after a weekday that is no month, weekday, part of the day or time zone."""
_NAME_BEFORE = re.compile(r"(?<![\w.])(?P<w>[A-Z][a-z]+)\s+$")
_NOT_A_FIRST_NAME_BEFORE = frozenset(
    """reuters xinhua ap afp cnn bbc nbc abc cbs interfax itar tass kyodo yonhap on in by since until till from
    last this next early late before after during through that said says told and but or the""".split()
)
"""Words before a weekday followed by a name that do not make it a given name: news agencies told
something on that day ("told Reuters Monday Obama..."), prepositions and determiners ("On Sunday Obama
spoke")."""
_LOOKING_AHEAD_TO = re.compile(
    r"\b(?:(?P<strong>ahead\s+of|eve\s+of|awaiting|run-up\s+to|moved|rescheduled|called\s+off|brac(?:ed|ing)\s+for)|for|until)\s+$",
    re.IGNORECASE,
)
"""What looks ahead to a weekday's event named by its possessive: always "ahead of", "on the eve
of", "in the run-up to" ("on the eve of Tuesday's runoff"), "moved", "rescheduled", "called off",
"braced for" (a game is moved before it is played: "The Cubs moved Saturday's game to 7:05 p.m.",
"Organisers on Thursday called off Saturday's match"; not "postponed", as often a rainout told the day
after: "Rain postponed Tuesday's game"); "for", "until" outside a past clause ("a
lawn seat for Saturday's show is $85"): the next such day. Not "before" ("Nestle's share before
Friday's purchases is far below": TBAQ's wsj_0557, the purchases made)."""
_PREPOSITION_PAST = re.compile(r"\b(?![Tt]he\b|[Tt]his\b|[Tt]hat\b|[Ss]ince\b|[Ff]rom\b|[Bb]y\b|[Uu]ntil\b|[Tt]ill\b"
                               r"|[Ff]or\b|[Oo]f\b|[Oo]ver\b|[Ii]n\b|[Aa]t\b|[Aa]nd\b|[Oo]r\b|[Tt]o\b|[Tt]han\b|[Dd]uring\b)[a-z]+\s+$")
"""A lower-case word right before "past" that is no determiner or preposition ("run past Friday",
"well past Sunday", "drag on past Friday"): "past" is then the preposition "beyond" (Oxford
English Dictionary, *past* prep.), not the modifier of "this past Sunday", "since past Sunday"."""


# Weekday with optional last/this/next, early/late and part of the day
@rule(
    "weekday",
    rf"\b(?P<t>(?:(?P<mod>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming"
    rf"|this|past|coming))\s+)?(?P<wd>{WEEKDAY})\b"
    rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))\b)?)",
)
def weekday(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Weekday names, anchored on the DCT (news convention, as in HeidelTime):

    * bare ("on Tuesday", "(Wednesday in Manila)"): the latest such day on or before the DCT;
      the first one on or after it when the clause speaks of the future ("will meet on
      Tuesday", a deadline "until Tuesday", a scheduled event in the present tense "the
      leaders meet Tuesday", :func:`~etl.dates.tense.scheduled_present`);
    * "last"/"this past"/"past": the latest such day strictly before the DCT;
    * "next"/"this coming"/"coming": the first such day strictly after the DCT;
    * "this": that day in the DCT's ISO 8601 week (Monday to Sunday);
    * followed by a day of the month that ends the phrase ("Friday, the 29th", "Saturday the
      23rd."; not a rank, "Friday, the 13th to die"): the date within a month of the DCT that
      is that weekday and that day (:func:`~etl.dates.anchoring.weekday_on_day_of_month`),
      whatever the tense;
    * in apposition to a date ("Jan. 8, a Monday"): that date;
    * after "a" at the end of its phrase ("both holidays fall on a Wednesday"): any such day,
      ``XXXX-WXX-3`` (TIDES 2005: a non-specific day).

    A part of the day ("Tuesday night") gives a TIMEX3 TIME ``2017-12-26TNI`` (``MO``,
    ``AF``, ``EV``, ``NI``; TimeML 1.2.1: a time of the day, even a vague one, is a TIME),
    granularity day, range that day, as HeidelTime writes it for TempEval-3 (its rule
    ``time_r3b``). Named days such as "Good Friday" or "Super Tuesday" are left alone, as are
    titles: a weekday after "the" before a capitalised word ("The Sunday Times"), or with a
    capitalised part of the day ("Saturday Night Live").

    TimeML (DCT 2017-12-27): ``He left on <TIMEX3 type="DATE" value="2017-12-25">Monday</TIMEX3> and
        returns <TIMEX3 type="DATE" value="2018-01-03">next Wednesday</TIMEX3>.``
    """
    s = m.start("t")
    if (m["rel"] or "").lower() == "past" and not m["mod"] and _PREPOSITION_PAST.search(text, max(0, s - 30), s):
        # "talks could run past Friday": the preposition "beyond", the weekday alone is the TIMEX3,
        # a limit ahead unless the clause is past ("the talks ran past Friday")
        d = _bare_weekday(WEEKDAY_NUM[m["wd"].lower()], clause_tense(text, s, m.end()) >= 0, dct)
        return Hit(m.start("wd"), m.end("t"), timex_at(d, "day", PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None))
    if word_before(text, s) in WEEKDAY_BLOCKERS and not m["rel"] and not m["mod"]:
        if not (m["pod"] and word_before(text, s) in ("man", "girl")):  # "arrested a man Friday night": no Man Friday
            return None
    if text.startswith(".", m.end("wd")) and text[m.end("wd") + 1 : m.end("wd") + 2].isalpha():
        return None  # a domain: "Shares of Monday.com fell"
    if not (m["rel"] or m["mod"] or m["pod"]) and _NAME_AROUND.match(text, m.end("wd")) and (cap := _NAME_BEFORE.search(text, max(0, s - 20), s)):
        if cap["w"].lower() not in _NOT_A_FIRST_NAME_BEFORE:
            return None  # "Dean Sunday Adeyemi said": a given name between a title and a surname
    if not (m["rel"] or m["mod"]) and word_before(text, s) == "the" and re.match(r"\s+[A-Z][a-z]", text[m.end("wd") :]):
        return None  # a title: "The Sunday Times", "the Sunday Telegraph"
    if m["pod"] and m["pod"][0].isupper() and not m["t"].isupper():
        return None  # a title-cased part of the day: "Saturday Night Live", "Friday Night Lights"
    if ordinal_before(text, s) and re.match(r"\s+(?:of|in)\s", text[m.end() : m.end() + 4]):
        return None  # "the fifth Monday of February": weekday_of_month's, or no day at all
    if not m["rel"] and (
        _WEEKDAY_SPAN_NOUN.match(text, m.end("wd"))
        or (_WEEKDAY_SPAN_NOUN_BEFORE.search(text, max(0, s - 25), s) and re.match(_SPAN_NOUNS, text[m.end("wd") :], re.IGNORECASE))
    ):
        return None  # "a Friday-Saturday weekend", "a Monday-to-Friday trading week": a kind of week, no day
    wd = WEEKDAY_NUM[m["wd"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    relative = _relative_weekday(wd, rel, dct)
    if relative is not None:
        d = relative
    else:
        owner = text.startswith(("'s", "’s"), m.end("wd")) and (ahead := _LOOKING_AHEAD_TO.search(text, max(0, s - 30), s))
        # "in the run-up to Sunday's elections", "warmed up for Tuesday's tussle": the event looked ahead
        # to ("paid for Monday's first airlift", a past clause's "for" or "before", is behind)
        # "at 11:15 am on Wednesday": the clause is read from the clock time, as clock_with_day dates it
        ck = _CLOCK_ON_BEFORE.search(text, max(0, s - 40), s)
        cs = ck.start() if ck else s
        future = speaks_of_future(text, cs, m.end()) or bool(owner and (ahead["strong"] or clause_tense(text, s, m.end()) >= 0))
        d = _bare_weekday(wd, future or deadline(text, cs), dct)
        rs = _WEEKDAY_RANGE_START.search(text, max(0, s - 50), s)
        if rs is not None and not rs["rel"]:
            # "start Monday and run through Friday": a range's end follows its start when the
            # start lies ahead (a past range keeps both days on or before the DCT); "meet
            # Tuesday and Wednesday": a pair's second day, past by itself, follows a first
            # day read as ahead ("statements made Friday and Thursday" on a Friday stay past)
            ws = rs.start("wd")
            ahead = speaks_of_future(text, ws, rs.end("wd")) or deadline(text, ws)
            first = _bare_weekday(WEEKDAY_NUM[rs["wd"].lower()], ahead, dct)
            pair = rs.group().rstrip().endswith(("and", "or", "&"))
            if (first >= dct and d <= first) if not pair else (ahead and d < dct):
                d = first + dt.timedelta(days=(wd - first.weekday()) % 7 or 7)
    dm = None if rel else _DAY_OF_MONTH_AFTER.match(text, m.end())
    if dm is not None:
        the = text[dm.start() : dm.start("day")].lower().find("the")
        if ordinal_is_the_day(text, m.end("wd"), dm.start() + the if the >= 0 else dm.start("day"), dm.end()):
            # "Friday, the 29th": the day picks the week (the clause's tense breaks a tie)
            d = weekday_on_day_of_month(wd, day_number(dm["day"]) or 0, dct, future) or d
    if not rel and (named := _holiday_in_apposition(text, m.end(), dct) or _holiday_before(text, s, dct)) is not None and named.weekday() == wd:
        # "days off for Friday, Halloween", "before Labor Day on Monday": the holiday names the week
        d = named
    pod = m["pod"]
    tx = timex_at(d, "day", PARTS_OF_DAY[pod.lower()] if pod else None)
    ends_phrase = re.match(r"\s*(?:[.,;:!?)]|$)", text[m.end() :]) is not None
    apposition = _DAY_APPOSITION.search(text, max(0, s - 24), s)
    if not (rel or m["mod"] or pod) and word_before(text, s) in ("a", "an") and ends_phrase:
        if apposition is None:  # not an apposition: "The 26th, a Tuesday,"
            # "Christmas falls on a Wednesday.": any Wednesday, no day of the calendar (TIDES 2005)
            return hit_over_t(m, Timex("DATE", f"XXXX-WXX-{wd + 1}", None))
    if not (rel or m["mod"]) and apposition is not None:
        # "Jan. 8, a Monday", "Aug. 18, a Monday night game": an apposition naming the weekday
        # (and the part of it) of the date before it
        tod = PARTS_OF_DAY[pod.lower()] if pod else None
        return hit_over_t(m, Anaphor("day", 0, same=True, exact=True, fallback=tx, tod=tod))
    return hit_over_t(m, tx)


_WEEKDAY_RANGE_START = re.compile(
    rf"(?:\b(?P<rel>last|next|this|past|coming)\s+)?\b(?P<wd>{WEEKDAY})\b(?:[^.;:!?]{{0,40}}?"
    r"(?:\s+(?:to|through|thru|until|till)\s+|\s?[-–]\s?)|\s+(?:and|or|&)\s+)$"
)
"""A weekday that starts a range whose end comes next ("Monday to ", "Monday and run through ")
or the first of a pair ("meet Tuesday and ")."""


_APPOSITION_COMMA = re.compile(r",\s+")


@cache
def _holiday_rule() -> Rule:
    """The row of :func:`holiday` (defined further down the table), looked up once."""
    return next(r for r in _own if r.name == "holiday")


def _holiday_day(found: re.Match[str], text: str, dct: dt.date) -> dt.date | None:
    """The day a match of :func:`holiday`'s pattern names, as the rule resolves it; None for a
    holiday that is no single day (a week, a season, a name)."""
    hit = holiday(found, text, dct)
    tx = hit.timex if hit is not None else None
    return tx.start if isinstance(tx, Timex) and tx.granularity == "day" else None


def _holiday_in_apposition(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of a holiday in apposition right after ``pos`` (", Halloween", ", Christmas Eve,"),
    as :func:`holiday` resolves it, or None: a weekday so followed is that day when it falls on
    it (an appositive names the same referent, Quirk et al. 1985, 17.65)."""
    m = _APPOSITION_COMMA.match(text, pos)
    if m is None:
        return None
    found = _holiday_rule().pattern.match(text, m.end())
    return _holiday_day(found, text, dct) if found is not None and found.start("t") == m.end() else None


def _holiday_before(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of a holiday named right before the weekday at ``pos`` ("before Labor Day on Monday",
    "the Presidents Day holiday Monday"), as :func:`holiday` resolves it, or None. The window is
    scanned only when it holds one of the rule's literals (as :meth:`TemporalTagger._scan` does)."""
    rule_, lo = _holiday_rule(), max(0, pos - 60)
    window = text[lo:pos].lower()
    if rule_.needs is not None and not any(lit in window for lit in rule_.needs):
        return None
    for found in rule_.pattern.finditer(text, lo, pos):
        link = _WEEKDAY_AFTER_HOLIDAY.match(text, found.end("t"))
        if link is not None and link.start("wd") == pos:
            return _holiday_day(found, text, dct)
    return None


def _relative_weekday(wd: int, rel: str, dct: dt.date) -> dt.date | None:
    """The day with weekday ``wd`` (Monday = 0) after "last"/"this past"/"past" (the latest
    strictly before the DCT), "next"/"this coming"/"coming" (the first strictly after it) or
    "this" (that day of the DCT's ISO 8601 week); None for any other ``rel`` (lower case)."""
    if rel in ("last", "this past", "past"):
        return dct - dt.timedelta(days=(dct.weekday() - wd) % 7 or 7)
    if rel in ("next", "this coming", "coming"):
        return dct + dt.timedelta(days=(wd - dct.weekday()) % 7 or 7)
    if rel == "this":
        return dct + dt.timedelta(days=wd - dct.weekday())
    return None


def _bare_weekday(wd: int, ahead: bool, dct: dt.date) -> dt.date:
    """The day with weekday ``wd`` (Monday = 0) named without last/next: the latest on or
    before the DCT, or the first on or after it when ``ahead`` (news convention, as in
    HeidelTime; :func:`weekday`)."""
    if ahead:
        return dct + dt.timedelta(days=(wd - dct.weekday()) % 7)
    return dct - dt.timedelta(days=(dct.weekday() - wd) % 7)


# "the previous Friday", "the following Monday": a weekday anchored on the date before it
@rule(
    "weekday_anaphor",
    rf"\b(?P<t>[Tt]he\s+(?P<dir>(?i:previous|preceding|following|next))\s+(?P<wd>{WEEKDAY}))\b",
)
def weekday_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous (preceding) Friday" -> the Friday strictly before the day last mentioned,
    "the following (next) Monday" the Monday strictly after it (TimeML 1.2.1 ``anchorTimeID``:
    the phrase is anchored on the time it follows, not on the DCT); with no day mentioned
    before it, the same from the DCT ("last Friday", "next Monday"). The determiner is part
    of the extent.

    TimeML (DCT 1989-10-30): ``The index closed at 2082.1 on <TIMEX3 type="DATE"
        value="1989-10-27">Friday</TIMEX3>, down 4.5% from <TIMEX3 type="DATE"
        value="1989-10-20">the previous Friday</TIMEX3>.``
    """
    wd = WEEKDAY_NUM[m["wd"].lower()]
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    fallback = _relative_weekday(wd, "last" if sign < 0 else "next", dct)
    return hit_over_t(m, Anaphor("day", sign, weekday=wd, fallback=timex_at(fallback, "day")))  # type: ignore[arg-type]


# Clock time tied to a day: "10 p.m. Wednesday", "noon Thursday", "Tuesday at 9 a.m."
@rule(
    "clock_with_day",
    rf"\b(?P<t>(?:(?P<clk>{CLOCK}{TZ}),?\s+(?P<on>on\s+)?(?P<wd>(?:(?i:next|last|this\s+coming|this\s+past|coming)\s+)?{WEEKDAY}|(?i:{_CLOCK_DAY_WORDS}))\b"
    rf"(?:,\s+(?P<dmon>{MONTH})\s*(?P<dday>{DAY})(?:,?\s+(?P<dy>{YEAR4}))?\b)?"
    rf"|(?P<wd2>(?:(?i:next|last|this\s+coming|this\s+past|coming|this)\s+)?{WEEKDAY}|(?i:today|yesterday|tomorrow))\s+(?P<at>at\s+)?(?P<clk2>{clock('2')}{TZ})))",
)
def clock_with_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Clock time with its day: "10 p.m. Wednesday" -> TIME ``2017-12-27T22:00``.

    The day follows the weekday/today rules (:func:`day_of_clock`; "11.30pm last night" is
    the day before the DCT, "10 a.m. next Monday" the first Monday after the DCT); the clock is
    read by :func:`clock_time` (a 24-hour time with its
    zone too: "10:15 GMT on Wednesday" -> ``2017-12-27T10:15``).
    Granularity minute or hour; range that day. With a preposition between them ("10:15 GMT on
    Wednesday", "Monday at 14:30 local time") the clock time and the day are two TIMEX3s
    (:func:`_clock_extent`), the clock's value holding the day.

    TimeML (DCT 2017-12-27): ``The blast hit at <TIMEX3 type="TIME" value="2017-12-26T22:00">10 p.m.
        Tuesday</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Talks began at <TIMEX3 type="TIME" value="2017-12-27T10:15">10:15
        GMT</TIMEX3> on <TIMEX3 type="DATE" value="2017-12-27">Wednesday</TIMEX3>.``

    A date after the weekday is the day ("4 p.m. EST on Wednesday, Dec. 20"), and so is a day
    of the month after it ("at 10 a.m. EST on Monday, the 8th", a TIMEX3 of its own, picks the
    Monday that is the 8th, as :func:`weekday` does); a 24-hour time with a colon needs no zone
    before a weekday ("at 10:15 on Wednesday").

    TimeML (DCT 2017-12-27): ``The deadline passed at <TIMEX3 type="TIME"
        value="2017-12-20T16:00">4 p.m. EST</TIMEX3> on <TIMEX3 type="DATE"
        value="2017-12-20">Wednesday, Dec. 20</TIMEX3>.``
    """
    # "at 10:31 p.m. PDT (1:31 a.m. EDT Monday)": the same moment in another zone, a TIMEX3 of
    # its own as TBAQ tags it ("(4 a.m. EDT Thursday)"); the clause before the bracket dates it
    restated = _RESTATED.search(text, max(0, m.start("t") - 24), m.start("t"))
    at, until = (restated.start(), restated.start()) if restated else m.span("t")
    if a_score(m, text):
        return None
    first_day = _DAY_BEFORE_BRACKET.search(text, max(0, m.start("t") - 48), m.start("t")) if restated else None
    if first_day is not None and (m["wd"] or "").lower() in WEEKDAY_NUM and not m["dmon"]:
        # "9 p.m. Sunday (0200 GMT Monday)": the restated day lies a day or less from the first
        base = day_of_clock(first_day["day"].lower(), text, first_day.start(), first_day.start(), dct)
        wd = WEEKDAY_NUM[m["wd"].lower()]
        d = next(base + dt.timedelta(days=k) for k in (0, 1, -1, 2, -2, 3, -3) if (base + dt.timedelta(days=k)).weekday() == wd)
        tod, gran = clock_time(m, "", text)
        return Hit(*_clock_extent(m), timex_at(d, gran, tod))
    if m["dmon"]:  # "10:15 GMT on Wednesday, Dec. 27": the date written after the weekday
        d = _month_day_of(m["dmon"], m["dday"], m["dy"], text, at, dct)
        if d is None:
            return None
    elif m["on"] and (written := _day_at(text, m.start("wd"), dct)) is not None:
        d = written  # "at 7pm on Thursday 18 September": the date the weekday's own TIMEX3 holds
    else:
        day = re.sub(r"\s+", " ", (m["wd"] or m["wd2"]).lower())
        d = day_of_clock(day, text, at, until, dct)
        if day in WEEKDAY_NUM:  # "at 10 a.m. EST on Monday, the 8th": the day of the month picks the week
            d = _day_of_month_after(text, m.end("t"), WEEKDAY_NUM[day], dct) or d
    tod, gran = clock_time(m, "" if m["wd"] else "2", text)
    if re.search(r"o['’]clock", m["t"], re.IGNORECASE) and not re.search(r"\b[ap]\.?\s?m\b", m["t"], re.IGNORECASE):
        # "6 o'clock tonight" 18:00, "11 o'clock Monday night" 23:00 (the part of the day after
        # the weekday is in the extent): the day word gives the hour its half, as
        # clock_part_of_day reads "3:20 this afternoon"
        pod = _O_CLOCK_HALF.match(text, m.end("t")) if day in WEEKDAY_NUM or day in ("today", "tomorrow", "yesterday") else None
        word = pod["pod"].lower() if pod else {"tonight": "night", "last night": "night"}.get(day, day.split()[-1])
        hour = int(tod[:2])
        if (word in ("afternoon", "evening") and hour < 12) or (word == "night" and 6 <= hour < 12):
            tod = f"{hour + 12:02d}{tod[2:]}"
        if pod is not None and not (m["on"] or m["at"]):
            return Hit(m.start("t"), pod.end(), timex_at(d, gran, tod))
    return Hit(*_clock_extent(m), timex_at(d, gran, tod))


def _clock_extent(m: re.Match[str]) -> tuple[int, int]:
    """The TIMEX3 extent of a clock time matched with its day: the whole match when the two
    touch ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9": one TIMEX3, as TimeBank tags them), the
    clock time alone when a preposition stands between them ("10:15 GMT on Wednesday",
    "Tuesday at 9 a.m."): TimeML 1.2.1 leaves prepositions out of a TIMEX3, so the day is a
    TIMEX3 of its own (read by its own rule) and the clock a TIME whose value holds that day."""
    if m["on"]:
        return m.span("clk")
    if "at" in m.re.groupindex and m["at"]:
        return m.span("clk2")
    return m.span("t")


_O_CLOCK_HALF = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE)
"""A part of the day after the weekday of an "o'clock" time ("11 o'clock Monday night")."""


# "3:20 this afternoon", "9:45 tonight": a 12-hour clock without a.m./p.m., its half told by the day word
@rule(
    "clock_part_of_day",
    r"\b(?P<t>(?P<h>1[0-2]|0?[1-9]):(?P<mi>[0-5]\d)\s+(?P<pod>(?i:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)))\b",
)
def clock_part_of_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A clock time without a.m./p.m. before the part of the day that gives its half ("at
    about 3:20 this afternoon", "9:45 tonight", "11:30 last night") -> one TIME on the DCT's day
    (the day before for "last night"), in the afternoon, the evening or the night 12 hours on
    (TimeML 1.2.1: a clock time with its day is one TIME; broadcast and wire copy drop the
    a.m./p.m. when the day word tells it).

    TimeML (DCT 1999-04-15): ``The storm hit at <TIMEX3 type="TIME"
        value="1999-04-15T15:20">about 3:20 this afternoon</TIMEX3>.``
    """
    pod = re.sub(r"\s+", " ", m["pod"].lower())
    h = int(m["h"]) % 12
    if not pod.endswith("morning") and not (pod.endswith("night") and h < 5):
        h += 12  # afternoon, evening, tonight; "2:30 last night" stays after midnight
    day = dct + dt.timedelta(days=_CLOCK_DAY_SHIFT.get(pod, 0))
    if pod == "last night" and h < 12:
        day = dct  # "2:30 last night": the small hours of the DCT's day
    return hit_over_t(m, timex_at(day, "minute", f"{h:02d}:{m['mi']}"))


_CLOCK_PREPOSITIONS = frozenset("at by around about until till from before after approximately roughly since".split())
"""Words before a 24-hour time without a zone that make it a clock time ("at 10:15 on Tuesday")."""


_NOT_A_CLOCK_AFTER = re.compile(
    r"\s+(?:sessions?|trading|rush|shifts?|editions?|news|newspapers?|papers?|shows?|service|prayers?|games?|matche?s?"
    r"|matchups?|contests?|races?|positions?|directions?|bells?)\b",
    re.IGNORECASE,
)
"""Nouns after "in the morning" or "o'clock" that make the phrase a modifier, not a clock time
("rose 4 in the morning session", "trailed by 4 in the afternoon game", "the 6 o'clock
position")."""


def a_score(m: re.Match[str], text: str) -> bool:
    """True when a :func:`~etl.dates.vocabulary.clock` match is a number, not a clock time: a
    24-hour time with no zone after it ("10:15 on Tuesday") and no time preposition before it
    ("won the match 10:15 on Tuesday" is a score, "at 10:15 on Tuesday" a time); an hour in
    digits with a part of the day but no "o'clock" and no time preposition ("scored 4 in the
    afternoon"; "leave at 4 in the morning" is a time), or before a noun that the part of the
    day modifies ("rose 4 in the morning session")."""
    if m["hw"] is not None:
        if _NOT_A_CLOCK_AFTER.match(text, m.end("pod") if m["pod"] else m.end("oc")):
            return True
        return m["hw"].isdigit() and not m["oc"] and word_before(text, m.start("hw")) not in _CLOCK_PREPOSITIONS | {"to"}
    if m["h24"] is None or re.match(rf"\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b", text[m.end("se24" if m["se24"] else "mi24") :]):
        return False
    return word_before(text, m.start("h24")) not in _CLOCK_PREPOSITIONS


def day_of_clock(day: str, text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """The date of the day word (lower case weekday, optionally after "next", "last", "this
    coming"..., or one of :data:`_CLOCK_DAY_WORDS`: "today", "last night"...) that dates a clock
    time at ``text[start:end]``: a weekday as :func:`weekday` places it (a bare one the latest on
    or before the DCT, the next on or after it when the clause speaks of the future), the
    deictic words from the DCT."""
    rel, _, name = day.rpartition(" ")
    if name in WEEKDAY_NUM:
        wd = WEEKDAY_NUM[name]
        relative = _relative_weekday(wd, rel, dct) if rel != "this" else None  # "10 a.m. next Monday"
        if relative is not None:
            return relative
        return _bare_weekday(wd, speaks_of_future(text, start, end) or deadline(text, start), dct)
    return dct + dt.timedelta(days=_CLOCK_DAY_SHIFT.get(re.sub(r"\s+", " ", day), 0))


_EVENING_BEFORE = re.compile(r"\b(?:tonight|this\s+(?:evening|afternoon)|last\s+night)\b[^.;!?]{0,20}$", re.IGNORECASE)
"""A part of the day written before an "o'clock" hour that gives it its half ("Tonight at 10
o'clock", "this evening at seven o'clock"), as broadcast copy writes it."""


def clock_time(m: re.Match[str], suffix: str = "", text: str = "") -> tuple[str, str]:
    """``("HH:MM", granularity)`` of a :func:`~etl.dates.vocabulary.clock` match (groups named
    with ``suffix``): noon/midday ``12:00``, midnight ``24:00`` (the end of the day, TIMEX3
    guidelines); "10 p.m." ``22:00`` at hour granularity, "10:35 a.m." ``10:35`` at minute;
    "4 in the morning" ``04:00`` and "five o'clock" ``05:00`` (:func:`~etl.dates.vocabulary.clock_hour`;
    ``17:00`` after "tonight" or "this evening" in ``text``, :data:`_EVENING_BEFORE`);
    a 24-hour "1015 GMT" ``10:15``, the zone dropped as TimeBank does; seconds when written
    ("23:59:59 GMT" ``23:59:59``, at minute granularity: the model has no finer one)."""
    noon = m[f"noon{suffix}"]
    if noon:
        return ("24:00" if noon.lower() == "midnight" else "12:00"), "hour"
    hw = m[f"hw{suffix}"]
    if hw is not None:
        h = clock_hour(hw, m[f"pod{suffix}"])
        if not m[f"pod{suffix}"] and h < 12 and _EVENING_BEFORE.search(text, max(0, m.start(f"hw{suffix}") - 40), m.start(f"hw{suffix}")):
            h += 12  # "tonight at 10 o'clock Eastern time": 22:00
        return f"{h:02d}:00", "hour"
    if m[f"h24{suffix}"] is not None:
        se = m[f"se24{suffix}"]
        return f"{int(m[f'h24{suffix}']):02d}:{m[f'mi24{suffix}']}" + (f":{se}" if se else ""), "minute"
    mi, se = m[f"mi{suffix}"], m[f"se{suffix}"]
    hh = int(m[f"h{suffix}"]) % 12 + (12 if m[f"ap{suffix}"].lower().startswith("p") else 0)
    return f"{hh:02d}:{int(mi or 0):02d}" + (f":{se}" if se else ""), ("minute" if mi else "hour")


# today, yesterday, tomorrow, tonight, "the day before yesterday", "this morning", "last night"
@rule(
    "deictic_day",
    r"\b(?P<t>(?:(?P<mod>earlier|later|early|late)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?"
    r"(?:(?P<day>today|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night)\b(?!s))?"
    r"|(?P<tonight>tonight)|this\s+(?P<pod2>morning|afternoon|evening)|(?P<lastnight>last\s+night)))\b", re.IGNORECASE,
)
def deictic_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """today = DCT, yesterday = DCT - 1, tomorrow = DCT + 1, "the day before yesterday" =
    DCT - 2 (TIMEX3 guidelines). tonight / last night / this morning / "yesterday
    afternoon" are TIMEX3 TIMEs (``TNI``, ``TMO``, ``TAF``, ``TEV``) on that day.

    A capitalised "Today" after a capitalised word mid-sentence is a name ("told USA Today",
    "This is VOA Today": TBAQ leaves it untagged), as is "The Day After Tomorrow" in capitals.

    TimeML (DCT 2017-12-27): ``It rained <TIMEX3 type="DATE" value="2017-12-26">yesterday</TIMEX3>
        and froze <TIMEX3 type="TIME" value="2017-12-26TNI">last night</TIMEX3>.``
    """
    if m["day"] and m["t"][:1].isupper() and name_word_before(text, m.start("t")):
        return None  # "USA Today", "VOA Today", "Good Morning America Today": a name mid-sentence
    if m["ba"] and re.search(r"\bDay\s+(?:Before|After)\s+[A-Z]", m["t"]):
        return None  # a title in capitals: "The Day After Tomorrow" (the film)
    if m["lastnight"]:
        return hit_over_t(m, timex_at(dct - ONE_DAY, "day", "NI"))
    if m["tonight"]:
        return hit_over_t(m, timex_at(dct, "day", "NI"))
    if m["pod2"]:
        return hit_over_t(m, timex_at(dct, "day", PARTS_OF_DAY[m["pod2"].lower()]))
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
    if m["ba"]:
        offset += -1 if m["ba"].lower() == "before" else 1
    pod = m["pod"]
    return hit_over_t(m, timex_at(dct + dt.timedelta(days=offset), "day", PARTS_OF_DAY[pod.lower()] if pod else None))


_OVERNIGHT_FOLLOWERS = frozenset(
    """and but or in on at to from as after before while with into near across amid amidst when following by
    for because despite until without since through along outside inside off around under over against
    instead among between during so then than ahead""".split()
)
"""Words after "overnight" that leave it an adverb ("died overnight in Berlin", "arrested several
teachers overnight and deployed police"); before any other lower-case word it is an adjective
("an overnight rally", "the overnight call rate"), no time of its own."""


# "overnight" as an adverb: "fighting erupted in the capital overnight"
@rule("overnight", r"\b(?P<t>[Oo]vernight)\b")
def overnight(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"overnight" used as an adverb -> TIME of the night before the DCT, ``(DCT - 1)TNI`` ("died
    overnight in Berlin" in a story of 1997-04-07: ``1997-04-06TNI``), or of the DCT's own night
    in a future clause ("will stay overnight"): TimeBank's ``TNI`` for the night (wsj_0586,
    "overnight" ``1989-10-26TNI``, the night before the story's Friday). Not the adjective ("an
    overnight rally", "overnight trains": :data:`_OVERNIGHT_FOLLOWERS`), nor beside a weekday,
    whose night it is ("overnight Tuesday to Wednesday", "Wednesday overnight": left to the
    weekday rule).

    TimeML (DCT 2017-12-27): ``Fighting erupted in the capital <TIMEX3 type="TIME"
        value="2017-12-26TNI">overnight</TIMEX3>, witnesses said.``
    """
    after = text[m.end() : m.end() + 30]
    nxt = word_after(text, m.end())
    if nxt and re.match(r"\s*[A-Za-z]", after) and nxt.lower() not in _OVERNIGHT_FOLLOWERS and not past_form(nxt):
        return None  # "an overnight rally", "overnight Tuesday" (not "snow that fell overnight closed roads")
    if word_before(text, m.start()).lower() in WEEKDAY_NUM or re.match(rf"\s+(?:on\s+)?{WEEKDAY}", after):
        return None  # "Wednesday overnight", "overnight on Thursday": the weekday's night
    day = dct if speaks_of_future(text, m.start(), m.end()) else dct - ONE_DAY
    return hit_over_t(m, timex_at(day, "day", "NI"))


# "mid-afternoon yesterday", "by mid-morning", "in early afternoon trade": a part of the day
@rule(
    "mid_part_of_day",
    r"(?P<t>(?:\b[Tt]he\s+)?(?:[Mm]id[\s-]?(?P<pod>morning|afternoon)|(?P<el>[Ee]arly|[Ll]ate)[\s-](?P<pod2>morning|afternoon|evening))"
    rf"(?:\s+(?P<day>yesterday|today|tomorrow|(?:(?i:last|next|this)\s+)?{WEEKDAY}))?)\b",
)
def mid_part_of_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"mid-afternoon yesterday" -> TIME ``1989-11-01TAF``, "mid-morning" -> ``TMO``, "early
    afternoon", "the late morning", "late evening" (TimeML 1.2.1 parts of the day; the modifier
    would be ``mod="START"``/``"END"``, which the value does not carry); on the day named right
    after it ("late afternoon Tuesday", "early morning of March 30"), else on the day last mentioned
    (``anchorTimeID``), else on the DCT, like a clock time alone.

    TimeML (DCT 2017-11-02): ``In London at <TIMEX3 type="TIME" value="2017-11-01TAF">mid-afternoon
        yesterday</TIMEX3>, shares rose.``
    TimeML (DCT 1997-11-05): ``The dollar slipped in <TIMEX3 type="TIME" value="1997-11-05TAF">early
        afternoon</TIMEX3> trade.``
    """
    if m.start() and text[m.start() - 1].isalnum():
        return None  # "humid afternoon"; the pattern has no leading \b (faster scan)
    tod = PARTS_OF_DAY[(m["pod"] or m["pod2"]).lower()]
    s, e = m.span("t")
    if text[s : s + 4].lower() == "the " and _NOUN_AFTER_PART.match(text, e):
        s += 4  # "the mid-afternoon melee", "the early morning flights": the determiner is the noun's
    if m["day"]:
        d = day_of_clock(re.sub(r"\s+", " ", m["day"].lower()), text, s, e, dct)  # "by late afternoon Tuesday"
        return Hit(s, e, timex_at(d, "day", tod))
    if (of := re.match(r",?\s+(?:of\s+|on\s+)?", text[e : e + 6])) is not None and (d := _day_at(text, e + of.end(), dct)) is not None:
        return Hit(s, e, timex_at(d, "day", tod))  # "until early morning of March 30", "the late evening March 29": that day's
    return Hit(s, e, Anaphor("day", 0, same=True, fallback=timex_at(dct, "day", tod), tod=tod))


_NOUN_AFTER_PART = re.compile(r"\s+(?!(?:local|on|of|in|at|and|or|but|to|the|when|as|with|for|from|until|till|by)\b)[a-z]")
"""A lower-case noun after a part of the day that it modifies ("the mid-afternoon melee")."""


# "the week before last", "the month after next"
@rule(
    "unit_before_last",
    r"\b(?P<t>the\s+(?P<unit>week|month|year)\s+(?P<dir>before\s+last|after\s+next))\b", re.IGNORECASE,
)
def unit_before_last(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week before last", "the month before last", "the year after next": the calendar
    unit two back (ahead) of the DCT's, as "the day before yesterday" is two days back (TimeML
    1.2.1: a relative DATE anchored on the DCT at the unit's granularity; ISO weeks).

    TimeML (DCT 2017-12-27): ``Prices fell <TIMEX3 type="DATE" value="2017-W50">the week before
        last</TIMEX3>.``
    """
    unit = m["unit"].lower()
    step = 2 if m["dir"].lower().startswith("after") else -2
    return hit_over_t(m, timex_at(shift(dct, unit, step), unit))


_POSSESSOR = re.compile(
    rf"(?:\b(?:his|her|its|their|my|your|our)|{_NOT_AFTER_A_TIME_WORD}(?<![Tt]onight)\b[A-Za-z]+['’]s?)\s+$"
)
"""A possessive right before "last/next <unit>": "last" is then "final" ("his last week in
office", "Smith's last century", a cricket score), not the calendar unit before the DCT's; a
time's possessive ("yesterday's last week"...) is left alone."""


# "this time last year": the DCT's day a year before
@rule("same_time_year", r"\b(?P<t>(?:this|that|the\s+same)\s+time\s+(?P<rel>last|next)\s+year)\b", re.IGNORECASE)
def same_time_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this time last year" ("that time", "the same time") -> the DCT's day a year before,
    "this time next year" a year after: one TIMEX3 (TimeML 1.2.1), not "last year" alone,
    whose value would lose the time of the year the phrase names.

    TimeML (DCT 2019-11-27): ``Bookings run 8 percent ahead of <TIMEX3 type="DATE"
        value="2018-11-27">this time last year</TIMEX3>.``
    """
    return hit_over_t(m, timex_at(shift(dct, "year", -1 if m["rel"].lower() == "last" else 1), "day"))


# last/this/next week|weekend|month|year (+ earlier/later/early/late/mid)
@rule(
    "relative_unit",
    r"(?<!\bthe\s)\b(?P<t>(?:(?P<mod>earlier|later|early|late|mid)[\s-]+)?"
    r"(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+current|current)\s+"
    r"(?P<unit>week|weekend|month|year|decade|century)(?!-|\s+(?:or|and)\s+(?:so|two|more)))\b", re.IGNORECASE,
)
def relative_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """last/this/next week, weekend, month, year, decade, century, anchored on the DCT.

    "last week" -> the ISO week before the DCT's (``2017-W51``, range Monday to Monday);
    "last month" -> ``2017-11``; "last year" -> ``2016``; "last weekend" -> ``2017-W51-WE``
    (Saturday and Sunday of the previous ISO week, TIMEX3 guidelines). Leading
    "earlier"/"late"/"mid" stay in the extent; the value is unchanged (TIMEX3 would add ``mod``).
    Not after a possessive (:data:`_POSSESSOR`: "his last week in office").

    TimeML (DCT 2017-12-27): ``Prices rose <TIMEX3 type="DATE" value="2017-W51">last week</TIMEX3>
        and will fall <TIMEX3 type="DATE" value="2018-01">next month</TIMEX3>.``

    "this week" in a future clause of a Sunday story is the week that Sunday opens (US weeks run
    Sunday to Saturday; the ISO week holding the DCT ends that day): the next ISO week. "last
    year" compared with a figure ("up from last year's $3.27") is the reporting period a year
    back (:class:`~etl.dates.anaphora.Period`), unless the sentence has named a year before it
    ("for this year, up from last year's"): then the year.
    """
    if title_unit(m["unit"], m["t"]):
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("last", "next") and m.start("rel") == m.start("t") and _POSSESSOR.search(text, max(0, m.start() - 24), m.start()):
        return None  # "his last week in office", "Smith's last century": final, not the calendar's
    unit = m["unit"].lower()
    step = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
    if unit == "weekend":
        monday = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(weeks=step)
        sat = monday + dt.timedelta(days=5)
        if rel == "this past" and sat > dct:
            sat -= dt.timedelta(weeks=1)
        return hit_over_t(m, weekend_of(sat))
    if unit in ("decade", "century"):
        if rel.startswith("last") or rel == "this past":
            # "last decade" is as often "the past ten years" as "the 2000s": only
            # "last century" (the previous one) is unambiguous.
            if unit == "decade":
                return None
        d = dct.replace(day=1, month=1)
        d = add_months(d, step * (120 if unit == "decade" else 1200))
        return hit_over_t(m, timex_at(d, unit))
    if unit == "week" and rel == "this" and dct.weekday() == 6 and speaks_of_future(text, *m.span("t")):
        step = 1  # "data due this week" on a Sunday: the week it opens (Sunday to Saturday in US usage), the next ISO week
    tx = timex_at(shift(dct, unit, step), unit)
    if (
        unit == "year" and rel == "last" and comparison(text, m.start("t"), need_cue=True)
        and not _YEAR_COMPARED.search(text, max(0, m.start() - 200), m.start())
    ):
        # "up from last year's $2.34 billion": the reporting period a year back
        return hit_over_t(m, Period(years_back=1, fallback=tx))
    return hit_over_t(m, tx)


_YEAR_COMPARED = re.compile(r"\b(?:this|the(?:\s+(?:full|whole|current))?)\s+year\b[^.;!?]*$", re.IGNORECASE)
"""A year named earlier in the sentence ("$4 a share for this year, up from last year's $3.27"): the
comparison is between years, so "last year" is the year, not the reporting quarter a year back."""


# "N units ago", "N units from now"
@rule(
    "ago",
    rf"\b(?P<unit>{UNIT_CS})(?:\s+{OR_SO})?\s+(?P<dir>ago|from\s+now|hence|before\s+now|from\s+(?P<day>today|tomorrow|yesterday|{WEEKDAY}))\b",
)
def ago(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"two days ago" -> DCT - 2 days at day granularity; "three weeks ago" -> that ISO
    week; "six months ago" -> that month; "a year ago" -> that year; "a decade ago" ->
    that year (TIMEX3 guidelines: "ago" is anchored on the DCT, granularity of the unit).
    A hedge ("nearly", "more than", or "or so" after the unit: "a week or so ago") stays in the
    extent; the value is unchanged (TimeML ``mod="APPROX"``, which the value does not carry).
    "several/a few years ago" -> ``PAST_REF`` (no number to count back), as is a bare plural
    ("decades ago"; not "65 million years ago"). "Fifty years ago this month", "a year ago
    today" are one TIMEX3 at the finer unit (``1961-03``, ``2020-03-31``). Counted from a day
    word ("a week from today", "two days from tomorrow", "a week from Friday": the coming
    Friday), the value is that day shifted (TIDES 2005: an offset from a day names a day); not
    after "for" or before a range's end ("close for two weeks from Thursday": a span and its start).

    TimeML (DCT 2017-12-27): ``The mine collapsed <TIMEX3 type="DATE" value="2017-12-25">two days
        ago</TIMEX3>.``
    TimeML (DCT 2018-05-25): ``The pool will open <TIMEX3 type="DATE" value="2018-06-01">a week
        from today</TIMEX3>.``
    """
    lm = left_context(_L_AGO, text, m.start())
    if lm is None:
        bare_plural = re.fullmatch(r"(?i:weeks|months|years|decades|centuries)", m["unit"]) is not None
        counted = _COUNTED_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None
        if m["dir"].lower() == "ago" and bare_plural and not counted:
            # "renounced violence decades ago": a vague past, as "several years ago" (TIMEX3 PAST_REF)
            return Hit(m.start(), m.end(), Timex("DATE", "PAST_REF", None))
        return None
    n = number(lm["num"])
    unit = unit_key(m["unit"])
    sign = 1 if m["dir"].lower() in ("from now", "hence") or m["day"] else -1
    if m["day"]:
        if n is None or unit not in ("day", "week", "fortnight", "month", "year"):
            return None
        span_start = re.match(r"\s+(?:to|until|till|through|and)\b", text[m.end() :]) is not None
        if word_before(text, lm.start()) in ("for", "over", "during") or span_start:
            return None  # "close for two weeks from Thursday", "two days from Tuesday to Thursday": a span and its start
        day = m["day"].lower()
        if day in WEEKDAY_NUM:  # "a week from Friday": counted from the coming Friday
            base = _bare_weekday(WEEKDAY_NUM[day], True, dct)
        else:
            base = dct + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[day])
        n, unit = (2 * n, "week") if unit == "fortnight" else (n, unit)
        return Hit(lm.start(), m.end(), timex_at(shift(base, unit, n), "day"))
    if n is None and lm["num"].lower() in ("several", "a few", "few") and unit not in ("hour", "minute"):
        # "several years ago": a vague past (TIMEX3 PAST_REF, as HeidelTime)
        return Hit(lm.start(), m.end(), Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None))
    if n is None or unit not in ("day", "week", "fortnight", "month", "quarter", "year", "decade", "century"):
        return None
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "century":
        unit, n = "year", 100 * n
    gran = "year" if unit == "decade" else unit
    finer = _AGO_FINER.match(text, m.end())
    finer_unit = (finer["unit"] or "day").lower() if finer else ""
    if finer is not None and sign < 0 and RANK[finer_unit] < RANK[gran]:
        # "Fifty years ago this month", "a year ago today": that month (day) N units back
        # (TimeML 1.2.1: one expression, the finer unit sets the granularity)
        return Hit(lm.start(), finer.end(), timex_at(shift(dct, unit, sign * n), finer_unit))
    tx = timex_at(shift(dct, unit, sign * n), gran)
    if unit == "year" and n == 1 and sign < 0 and comparison(text, lm.start(), need_cue=False):
        # "up from $10 million a year ago": the reporting period a year back (see Period)
        return Hit(lm.start(), m.end(), Period(years_back=1, fallback=tx))
    return Hit(lm.start(), m.end(), tx)


_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|of|many|some|the))\s+$", re.IGNORECASE)
"""A count or a determiner before a plural unit: "65 million years ago" is no vague past."""
_AGO_FINER = re.compile(r"\s+(?:this\s+(?P<unit>month|week)|today)\b(?!['’])", re.IGNORECASE)
"""A finer unit of the DCT after "N units ago": "this month", "this week", "today"."""


# "two years later", "three days earlier": anchored on the date mentioned before
@rule(
    "units_later",
    rf"\b(?P<unit>{UNIT_CS})(?:\s+{OR_SO})?\s+(?P<dir>later|earlier|on(?=\s*[,.;:])|after\s+that|before\s+that)\b(?!\s+than\b)",
)
def units_later(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"two years later", "three days earlier" (a count of at least two): the date mentioned
    before it, shifted by that many units, at the unit's granularity: after "in the spring
    of 2015", "two years later" is the DATE ``2017`` (TimeML 1.2.1 ``anchorTimeID``, as
    HeidelTime's anaphoric rules); "three months later" after a day is that month; weeks after
    a day give the day ("two weeks later" after March 3 is March 17); a whole number of a
    coarser anchor's units keeps its granularity ("six months later" after a season is a
    season, :func:`~etl.dates.anaphora.resolve_anaphor`). With no date before it, or one
    coarser than the unit otherwise, it stays the DURATION ``P2Y`` of "two years" ("later"
    outside the extent, as TimeBank annotates durations). Hours and minutes, one too, count
    from a clock time before them ("10:15 GMT ...; two hours later" -> ``T12:15``, "8:46 a.m.
    ... An hour or so later" -> ``T09:46``), else stay durations. "on" before a punctuation
    mark is "later" ("Six years on, the war continues"; not "two years on the job"), and so
    is "after that" ("five years after that"; "before that" is "earlier"). "a year earlier" is
    :func:`anaphor`'s; vague counts ("a few days later") stay durations.

    TimeML (DCT 2017-12-27): ``He left in <TIMEX3 type="DATE" value="2015-SP">the spring of
        2015</TIMEX3> and came back <TIMEX3 type="DATE" value="2017">two years later</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``<TIMEX3 type="DURATION" value="P3D">Three days</TIMEX3> later, talks
        resumed.``
    """
    lm = left_context(_L_AGO, text, m.start())
    unit = unit_key(m["unit"])
    if lm is None or (lm["num"].lower() in ("a", "an", "one") and unit not in ("hour", "minute")):
        return None  # "a year later" is :func:`anaphor`'s; "an hour later" counts from a clock here
    n = number(lm["num"])
    if n is None or (n < 2 and unit not in ("hour", "minute")) or unit not in ("minute", "hour", "day", "week", "month", "quarter", "year", "decade") or title_unit(m["unit"], m.group()):
        return None
    if word_before(text, lm.start()) == "half" and lm["num"].lower() in ("a", "an"):
        return None  # "half an hour later": a half of the unit (odd_duration); not "fell by half five months later"
    as_duration = Timex("DURATION", duration_value(n, unit), UNITS[unit][1])
    if unit == "decade":
        unit, n = "year", 10 * n
    sign = 1 if m["dir"].lower().split()[0] in ("later", "on", "after") else -1
    shifted = Anaphor(unit, sign * n, named=True, mentioned_only=True, fallback=as_duration, fallback_end=m.end("unit"))
    return Hit(lm.start(), m.end(), shifted)


# Years 1900-2099, validated by a cue word in the resolver: "in 2016", "since 1997",
# "early 1990", "fiscal 1989", "the 1996 campaign"
@rule(
    "cued_year",
    r"(?<![\d$£€#.,'’/])\b(?P<y>(?:1\d|2[01])\d\d)\b"
    r"(?![\d,.]?\d|\s*(?:%|percent\b|per\s+cent\b)|-\d|['’]?s\b)",
)
def cued_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A 4-digit year 1600-2099 after a cue word -> ``YYYY``, year granularity (1000-1599 and
    2100-2199 only as :data:`_DISTANT_YEAR_CUES` says).

    Cues: in, since, by, until, from, for, into, before, after, during, through,
    early/late/mid-, fiscal; "of" after "the end of", "the spring of", a capitalized name
    ("the Act of 1989"); "and"/"or"/"to" after another year ("between 1990 and 1995"), a
    comma inside a list of years ("in 1994, 1995 and 1997"), or
    "to" after a non-numeric verb ("dating to 1994"); a determiner or possessive when a
    word follows ("the 1996 campaign", "its 1990 invasion", "the company's 1989 results").
    Not a year when a count noun follows ("in 2000 cities"), when a verb of change
    precedes ("rose by 2000"), or after "$". The preposition stays outside the extent,
    early/late/mid/fiscal stay inside (TIMEX3 guidelines).

    TimeML (DCT 2017-12-27): ``In <TIMEX3 type="DATE" value="2016">2016</TIMEX3> the index rose to
        2010 points.``
    """
    lm = left_context(_L_YEAR, text, m.start())
    cue = ((lm["cue"] or lm["poss"] or "") if lm else "").lower()
    mod = lm["mod"] if lm else None
    if not (cue or mod):
        if re.search(r"(?:19|20)\d\d,\s*$", text[max(0, m.start() - 8) : m.start()]) and re.match(
            r"(?:,\s*(?:19|20)\d\d)*,?\s+(?:and|or)\s+(?:19|20)\d\d\b", text[m.end() : m.end() + 40]
        ):
            # inside a list of years: "in 1994, 1995 and 1997"
            return Hit(m.start(), m.end(), timex_at(dt.date(int(m["y"]), 1, 1), "year"))
        return None
    s = lm.start("mod") if mod else m.start()  # type: ignore[union-attr]
    e = m.end()
    cue_start = lm.start()  # type: ignore[union-attr]
    if not 1600 <= int(m["y"]) < 2100 and (cue not in _DISTANT_YEAR_CUES or not _YEAR_ENDS_PHRASE.match(text, e)):
        return None  # "in 1492.", "by 2100,": a year outside 1600-2099 only after a preposition of time, its phrase ending
    nxt = word_after(text, e)
    if nxt.lower() in COUNT_NOUNS or (text[e : e + 1] == "-" and not mod):
        return None
    if _NUMBER_NOT_YEAR_AFTER.match(text, e):
        return None  # "marched to 1600 Pennsylvania Avenue": a street number
    hit = Hit(s, e, timex_at(dt.date(int(m["y"]), 1, 1), "year"))
    if mod:
        return hit
    prev = word_before(text, cue_start)
    after_year = re.search(r"(?:1[6-9]|20)\d\d\s*$", text[max(0, cue_start - 8) : cue_start])
    if cue in ("and", "or") and not after_year:
        return None
    if cue == "to" and not after_year and (
        prev in CHANGE_VERBS or prev in ("close", "amount", "amounted", "amounting", "equal", "rate")
    ):
        return None
    if cue in ("by", "from") and prev in CHANGE_VERBS:
        return None
    if cue == "of" and prev not in OF_HEADS:
        if not re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, cue_start - 30) : cue_start]):
            return None
    if cue in ("the", "a", "an", "its", "his", "her", "their", "our", "that", "this", "whose", "'s", "’s"):
        # a determiner: the year must modify a following word ("the 1996 campaign"), not be the
        # subject of a verb or the first of two titles ("Orwell's 1984 and ...", "The 1975 headlined")
        if not re.match(r" [A-Za-z]", text[e : e + 2]):
            return None
        after = word_after(text, e)
        if past_form(after) or (after in ("is", "are", "has", "and", "or") and not re.match(r"\s+(?:and|or)\s+(?:19|20)\d\d", text[e:])):
            return None
    return hit


_DISTANT_YEAR_CUES = frozenset("in since by until till from before after through during".split())
_YEAR_ENDS_PHRASE = re.compile(
    r"(?![^.;\n]{0,16}\b(?:B\.?C\.?E?|BCE)(?!\w))\s*(?:[.,;:!?)\"”]|$|\s(?:and|or|when|as|but|to|with|under|after|before)\b)"
)
"""A year outside 1600-2099 is taken only when a preposition of time precedes it and its phrase
ends after it ("Columbus reached the Americas in 1492.", "could rise 6 degrees by 2100,"): a
number of that size is more often a count ("in 1200 cities", "by 1500 points"); none before
"B.C." ("from 1354 to 1345 B.C.": no year of the common era)."""


# A range of years: "from 2009-2013", "the 1998-99 season" (each end a TIMEX3)
_YEAR_RANGE = r"(?<![\d$£€#.,'’/-])\b(?P<y1>(?:1[6-9]|20)\d\d)\s?[-–]\s?(?P<y2>(?:1[6-9]|20)\d\d|\d\d)\b(?![-–/.,]?\d)"


def year_range_ends(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The two years (1600-2099) of a :data:`_YEAR_RANGE` match, or None when it is no range:
    the second must follow the first, by at most four centuries (a life, "Ba Jin
    (1904-2005)", or a dynasty, "the Qing Dynasty (1644-1911)"; a two-digit end takes the first's century:
    "1998-99" is 1998 to 1999, "2017-12" is no range, a month), and no count noun, measure
    or time zone follows ("2000-3000 people", "a 2050-2100 range", "1900-2000 GMT")."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 - y1 % 100 + int(m["y2"])
    after = word_after(text, m.end()).lower()
    if not y1 < y2 <= y1 + 400 or after in COUNT_NOUNS or after in _NOT_A_YEAR_AFTER:
        return None
    if re.match(rf"\s*{TZ_NAME}\b", text[m.end() : m.end() + 16]):
        return None  # "between 1900-2000 GMT": a range of clock times
    return y1, y2


_NOT_A_YEAR_AFTER = frozenset("range level levels mark area zone hours gmt utc metres meters feet".split())
"""Words after a pair of 4-digit numbers that make them levels or clock times, not years."""


@rule("year_range", _YEAR_RANGE)
def year_range(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The first year of a range written with a dash ("from 2009-2013", "the 1998-99 season")
    -> ``2009``; :func:`year_range_end` tags the other end. TimeML 1.2.1 marks each end of a
    range as a TIMEX3 of its own, as "from 2009 to 2013" is tagged (:func:`cued_year`).

    TimeML (DCT 2017-12-27): ``He served from <TIMEX3 type="DATE" value="2009">2009</TIMEX3>-<TIMEX3
        type="DATE" value="2013">2013</TIMEX3>.``
    """
    ends = year_range_ends(m, text)
    return Hit(m.start("y1"), m.end("y1"), timex_at(dt.date(ends[0], 1, 1), "year")) if ends else None


@rule("year_range_end", _YEAR_RANGE)
def year_range_end(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The second year of a range written with a dash ("2018-2020" -> ``2020``, "1998-99" ->
    ``1999``), see :func:`year_range`.

    TimeML (DCT 2017-12-27): ``The plan covers <TIMEX3 type="DATE" value="2018">2018</TIMEX3>-<TIMEX3
        type="DATE" value="2020">2020</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Output fell in the <TIMEX3 type="DATE" value="1998">1998</TIMEX3>-<TIMEX3
        type="DATE" value="1999">99</TIMEX3> season.``
    """
    ends = year_range_ends(m, text)
    return Hit(m.start("y2"), m.end("y2"), timex_at(dt.date(ends[1], 1, 1), "year")) if ends else None


_READING_BEFORE = re.compile(
    r"\b(?:temperatures?|highs|lows|degrees|readings?|thermometers?|mercury|wind\s+chills?|heat\s+index)\b[^.;!?]*$",
    re.IGNORECASE,
)
"""A weather reading earlier in the clause: "the fifties" after it is a range of degrees (US
weather copy: "highs in the seventies"), not a decade."""


# Decades: "the 1990s", "the mid-1990s", "the '80s", "the nineties"
@rule(
    "decade",
    r"(?P<t>(?<![\w'’])(?:[Tt]he\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<full>1\d\d0|20\d0)['’]?s"
    r"|['’](?P<short>\d0)s|(?:(?P<cent>(?i:eighteen|nineteen))[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b",
    # "1990s", "1990's", "'90s", "nineties": the parse tree shows only "0" and "s"
    needs=frozenset(["0s", "0's", "0’s", *"twenties thirties forties fifties sixties seventies eighties nineties".split()]),
)
def decade(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the 1990s" -> ``199``, granularity decade, range 1990-01-01..2000-01-01 (TIMEX3
    value: the first three digits). "the '90s"/"the nineties" -> the latest such decade
    that starts on or before the DCT's year ("the nineteen eighties", as broadcast copy says it:
    ``198``), unless a weather reading comes before it in the
    clause ("highs in the seventies"). "the 1800s" is a century (``18``); "the 1900s"
    is left alone (the century as often as its first decade); "the 2000s" in a story written
    since 2000 is the decade ``200``.

    TimeML (DCT 2017-12-27): ``It was built in <TIMEX3 type="DATE" value="199">the 1990s</TIMEX3>.``
    """
    if m["full"]:
        y = int(m["full"])
        if y % 100 == 0:
            if y == 2000 and dct.year >= 2000:
                pass  # "home prices soared in the 2000s": written since, the decade 2000-2009
            elif y >= 1900:
                return None  # "the 1900s": the century as often as its first decade, left alone
            else:
                return hit_over_t(m, timex_at(dt.date(y, 1, 1), "century"))
    else:
        if m["word"]:
            if not m["t"].lower().startswith("the"):
                return None  # "in his forties" is an age
            if _READING_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                return None  # "temperatures will climb into the fifties": degrees, not years
            digit = [
                "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
            ].index(m["word"]) + 2  # fmt: skip
        else:
            digit = int(m["short"][0])
        if m["cent"]:  # "the nineteen eighties": the century spoken
            y = (18 if m["cent"].lower() == "eighteen" else 19) * 100 + digit * 10
        else:
            y = dct.year - dct.year % 100 + digit * 10
            if y > dct.year:
                y -= 100
    return hit_over_t(m, timex_at(dt.date(y, 1, 1), "decade"))


# Centuries: "the 20th century", "the nineteenth century"
@rule(
    "century",
    rf"(?P<t>\b(?:[Tt]he\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alts(list(ORDINALS))})"
    r"[\s-]+[Cc]entury)\b(?!-old)",
)
def century(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the 20th century" -> ``19``, granularity century, range 1900-01-01..2000-01-01; not a
    capitalised "Century" before a capitalised word (a name: "20th Century Fox"); "the" is the
    noun's before an adjective ("The 19th-century mansion": "19th-century").

    TimeML (DCT 2017-12-27): ``It echoes <TIMEX3 type="DATE" value="19">the 20th century</TIMEX3>.``
    """
    if re.search(r"Century$", m["t"]) and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
        return None  # a name: "20th Century Fox", "21st Century Insurance"
    n = century_number(m["ord"])
    if not n:
        return None
    s = m.start("t")
    the = re.match(r"(?i)the\s+", m["t"])
    if the and re.search(r"-[Cc]entury$", m["t"]) and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
        s += the.end()  # "The 19th-century mansion": an adjective; the article is the noun's
    return Hit(s, m.end("t"), timex_at(dt.date((n - 1) * 100, 1, 1), "century"))


def century_number(ordinal: str) -> int | None:
    """The number of a century written as an ordinal ("20th", "twentieth" -> 20); None outside
    the 2nd-21st (a year 0 or beyond the DCT range has no TIMEX3 century here)."""
    o = ordinal.lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS.get(o)  # type: ignore[union-attr]
    return n if n and 2 <= n <= 21 else None


_CENTURY_ORDINAL = rf"\d{{1,2}}(?:st|nd|rd|th)|{alts(list(ORDINALS))}"
_DECADE_ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}


# "the turn of the century", "the last decade of the 20th century", "the first decade of this century"
@rule(
    "century_part",
    rf"\b(?P<t>[Tt]he\s+(?:(?P<ord>{alts(list(_DECADE_ORDINALS))}|last|final)\s+decade|(?P<turn>turn)"
    r"|(?P<half>(?:first|second|latter|early|earlier|later|last)\s+(?:half|part)))\s+of\s+"
    rf"(?:the\s+(?P<n>{_CENTURY_ORDINAL})[\s-]+century|(?P<rel>this|the\s+(?:last|past|previous|next)|last|next)\s+century"
    r"|the\s+(?P<bare>century|millennium)))\b",
    re.IGNORECASE,
)
def century_part(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A decade of a century, or the turn of a century (TimeML 1.2.1: the value is the
    calendar unit the phrase names; the century as :func:`century` reads it, "this/last/next
    century" from the DCT's, ``19`` for 1900-1999 as TimeBank writes centuries):

    * "the last decade of the 20th century" -> ``199``, "the first decade of this century"
      (DCT 2017) -> ``200``; "the second decade of the century" counts in the DCT's century;
    * "the first half of the 20th century", "the early part of the century" (DCT 1998) ->
      the century, ``19`` (TimeML 1.2.1 values the unit; the part is a modifier);
    * "the turn of the 20th century" -> the year it began, ``1900``; "the turn of the last
      century" (DCT 2019) -> ``1900``; "the turn of the century" (or millennium) without a
      number is the century (millennium) boundary nearest the DCT, ``2000`` from 1950 to
      2049 (HeidelTime's DCT anchoring of an unnumbered unit).

    TimeML (DCT 2008-04-14): ``The population doubled in <TIMEX3 type="DATE" value="199">the last
        decade of the 20th century</TIMEX3>.``
    TimeML (DCT 2019-07-01): ``The factory has stood empty since <TIMEX3 type="DATE"
        value="2000">the turn of the century</TIMEX3>.``
    """
    if m["n"]:
        n = century_number(m["n"])
        if n is None:
            return None
        start = (n - 1) * 100
    elif m["rel"]:
        rel = m["rel"].lower().split()[-1]
        start = dct.year // 100 * 100 + {"this": 0, "next": 100}.get(rel, -100)
    elif m["turn"]:
        size = 1000 if m["bare"].lower() == "millennium" else 100
        start = (dct.year + size // 2) // size * size
    elif m["bare"].lower() == "century":
        start = dct.year // 100 * 100
    else:
        return None  # "the last decade of the millennium": not a decade this rule can place
    if m["turn"]:
        return hit_over_t(m, timex_at(dt.date(start, 1, 1), "year"))
    if m["half"]:
        if m["bare"] and m["bare"].lower() == "millennium":
            return None
        return hit_over_t(m, timex_at(dt.date(max(start, 1), 1, 1), "century"))
    k = 10 if m["ord"].lower() in ("last", "final") else _DECADE_ORDINALS[m["ord"].lower()]
    return hit_over_t(m, timex_at(dt.date(start + 10 * (k - 1), 1, 1), "decade"))


_MILLENNIUM_ORDINALS = {"first": 1, "second": 2, "third": 3, "1st": 1, "2nd": 2, "3rd": 3}


# "the new millennium", "the third millennium", "the last millennium"
@rule(
    "millennium",
    r"\b(?P<t>(?:[Tt]he|[Tt]his)\s+(?:(?P<ord>first|second|third|1st|2nd|3rd)|(?P<rel>new|next|coming|last|past|previous|current))?\s*"
    r"[Mm]illennium)\b(?![-’']|\s+(?:[A-Z]|[Dd]ome|[Bb]ug|[Pp]roblem|[Cc]elebrations?|[Pp]arty|[Pp]arties|[Ee]ve))",
)
def millennium(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A millennium -> its first digit (TimeML 1.2.1 reduced precision, as ``19`` for a century):
    "the third millennium" -> ``2`` (2000-2999, as TimeBank counts centuries from ``00``);
    "the new millennium" -> the one that begins nearest the DCT (``2`` from 1500 to 2499, the
    news usage around 2000); "this/the current millennium" the DCT's, "the last/past/previous
    millennium" the one before it, "the next/coming" the one after. Not before a name or a noun
    it modifies ("the Millennium Dome", "the millennium bug", "millennium celebrations").

    TimeML (DCT 2000-12-31): ``Crowds gathered to greet <TIMEX3 type="DATE" value="2">the new
        millennium</TIMEX3>.``
    """
    if m["ord"]:
        start = 1000 * (_MILLENNIUM_ORDINALS[m["ord"].lower()] - 1)
    else:
        rel = (m["rel"] or "").lower()
        if rel == "new":
            start = (dct.year + 500) // 1000 * 1000
        elif m["t"][:4].lower() == "this" or rel == "current":
            start = dct.year // 1000 * 1000
        elif rel in ("last", "past", "previous"):
            start = dct.year // 1000 * 1000 - 1000
        elif rel in ("next", "coming"):
            start = dct.year // 1000 * 1000 + 1000
        else:
            return None  # "the millennium": which one is the story's
    return hit_over_t(m, timex_at(dt.date(max(start, 1), 1, 1), "millennium"))


# Quarters: "the third quarter", "third-quarter", "the fourth quarter of 2016", "Q3 2017"
@rule(
    "quarter",
    r"\b(?P<t>(?:(?P<relyear>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?P<y1>(?:19|20)\d\d)\s+|the\s+)?"
    r"(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?quarter\b"
    r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>(?:19|20)\d\d)\b|(?P<relyear2>this|last|next)\s+year\b|(?P<theyear>the\s+(?:current\s+)?year)\b(?![-’']))"
    r"|,?\s+(?P<y3>(?:19|20)\d\d)\b(?![\d,.]?\d))?)(?!\s+of\s+(?:a|an|the|its|his|her|their)\b)", re.IGNORECASE,
)
def quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Calendar quarters -> ``YYYY-Qn`` (TIMEX3), granularity quarter.

    With a year ("the fourth quarter of 2016", "this year's third quarter", "the 1988
    second quarter") as written; "of the year" names the DCT's (the year before's for a quarter
    still ahead in a past clause). Without one, the quarter nearest the DCT (0 when the DCT
    falls in it; ties go to the past): in a story of 1989-10-26 "the third quarter" is
    1989-Q3 and in one of 1998-01-26 "the fourth quarter" is 1997-Q4 (news convention,
    the same rule as for months), moved by the clause's tense (:func:`_quarter_year`). "last
    quarter" alone is the quarter before the DCT's.

    TimeML (DCT 2017-12-27): ``Profit fell in <TIMEX3 type="DATE" value="2016-Q4">the fourth quarter
        of 2016</TIMEX3>.``
    """
    q_word = m["q"].lower()
    fiscal = "fiscal" in m["t"].lower()
    year = None
    if m["y1"] or m["y2"] or m["y3"]:
        year = int(m["y1"] or m["y2"] or m["y3"])
    elif m["relyear"] or m["relyear2"]:
        year = dct.year + _REL_STEP[(m["relyear"] or m["relyear2"]).lower()]
    if q_word in ("last", "final"):
        if year is None and q_word == "last":
            if m["t"].lower().startswith("the"):
                return None  # "the last quarter": the previous one or the fourth? left alone
            prev = add_months(dct.replace(day=1), -3)
            return hit_over_t(m, timex_at(prev, "quarter"))
        q = 4
    else:
        q = ORDINALS[q_word]
    if year is None and fiscal:
        # a fiscal quarter without its year: TIMEX3 value in the DCT's (fiscal) year, as
        # TimeBank annotates it; no calendar range, since fiscal calendars vary
        return Hit(*m.span("t"), Timex("DATE", f"{dct.year:04d}-Q{q}", "quarter"))
    if year is None and m["theyear"]:
        # "the first quarter of the year": of the DCT's year, the year before's when that quarter is
        # still ahead in a past clause (results of the fourth quarter reported in January)
        year = dct.year
        if dt.date(year, 3 * q - 2, 1) > dct and clause_tense(text, *m.span("t")) < 0:
            year -= 1
    if year is None and _SPORTS.search(text, max(0, m.start() - 150), m.end() + 150):
        return None  # "nine minutes to play in the fourth quarter": a game, not a year
    if year is None:
        year = _quarter_year(q, text, *m.span("t"), dct)
    s, e = m.span("t")
    # "third-quarter" as a modifier keeps its hyphen; a trailing ", 1990" is part of it.
    return Hit(s, e, timex_at(dt.date(year, 3 * q - 2, 1), "quarter"))


def _quarter_year(q: int, text: str, start: int, end: int, dct: dt.date) -> int:
    """The year of quarter ``q`` named without one at ``text[start:end]``: the quarter nearest
    the DCT (0 when the DCT falls in it; ties go to the past), the year before's when that one
    is still ahead in a past-tense clause ("was well below the pace of the fourth quarter" in
    June 1995: ``1994-Q4``; HeidelTime's tense rule). Not the year after's in a future clause: a
    future cue is mostly the report's, "expects to report third-quarter results" (TBAQ, 6 of 6)."""
    options = [(y, q) for y in (dct.year - 1, dct.year, dct.year + 1)]

    def gap(yq: tuple[int, int]) -> tuple[int, int]:
        first = dt.date(yq[0], 3 * yq[1] - 2, 1)
        return (gap_days(first, add_months(first, 3), dct), yq[0])

    year = min(options, key=gap)[0]
    first = dt.date(year, 3 * q - 2, 1)
    if first > dct and clause_tense(text, start, end) < 0:
        return year - 1
    return year


# "Q4 earnings", "in Q1": a quarter written short, without its year
@rule("bare_q", r"\b(?P<t>Q(?P<q>[1-4]))\b(?![\w-]|\s*(?:of\s+)?(?:19|20)\d\d|\s*['’]?\d\d\b)")
def bare_q(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"Q4 earnings", "recover in Q1" -> the quarter as :func:`quarter` places one written without
    its year (:func:`_quarter_year`); "Q3 2017" is :func:`q_year`'s.

    TimeML (DCT 2022-12-07): ``It expects margins to recover in <TIMEX3 type="DATE"
        value="2023-Q1">Q1</TIMEX3>.``
    """
    q = int(m["q"])
    return hit_over_t(m, timex_at(dt.date(_quarter_year(q, text, *m.span("t"), dct), 3 * q - 2, 1), "quarter"))


# A quarter named by its months: "the April-June quarter", "the July-September period"
@rule(
    "month_range_quarter",
    rf"\b(?P<t>(?:the\s+)?(?P<m1>{MONTH_FULL}|{MONTH_ABBR})\.?\s?(?P<sep>[-–/])\s?(?P<m2>{MONTH_FULL}|{MONTH_ABBR})\.?"
    rf"(?:,?\s+(?P<y>{YEAR4}))?(?P<noun>\s+(?:fiscal\s+)?(?:quarter|period|three\s+months))?"
    rf"|the\s+(?P<qm>March|June|September|December)\s+quarter)\b",
)
def month_range_quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A calendar quarter named by its first and last months, as Japanese, Indian and
    markets copy write it: "the April-June quarter" -> ``2011-Q2`` (TIMEX3 quarter value),
    "the Oct.-Dec. period", "the July-September three months"; the year as written ("the
    January-March 2012 quarter"), else that of the first month placed as :func:`bare_month`
    places a month (the clause's tense; the nearest one). Months that span no calendar
    quarter ("the March-May period") are left to the month rules.

    TimeML (DCT 2011-03-12): ``Growth could fall in <TIMEX3 type="DATE" value="2011-Q2">the
        April-June quarter</TIMEX3>.``

    A hyphenated span before another noun is the quarter too ("January-March gross domestic
    product figures"); "the March quarter" (Australian and Indian copy) is the quarter that
    ends in that month.
    """
    if m["qm"]:
        m1 = MONTH_NUM[m["qm"].lower()] - 2
        s, e = m.span("t")
        d = month_in_context(m1, dct, clause_tense(text, s, e), future_context(text, s))
        return hit_over_t(m, timex_at(d, "quarter"))
    m1, m2 = MONTH_NUM[m["m1"].lower()], MONTH_NUM[m["m2"].lower()]
    if m1 % 3 != 1 or m2 != m1 + 2 or not (m["noun"] or m["sep"] != "/"):
        return None
    s, e = m.span("t")
    if not m["noun"]:
        s = m.start("m1")  # "the January-March GDP figures": the determiner is the figures'

    d = dt.date(int(m["y"]), m1, 1) if m["y"] else month_in_context(m1, dct, clause_tense(text, s, e), future_context(text, s))
    return Hit(s, e, timex_at(d, "quarter"))


# Half years: "the first half of 1990", "the last half of 1989", "the second half
# of next year", "the first two quarters of 1990"
@rule(
    "half_year",
    r"(?P<t>(?:half|two\s+quarters)\s+of\s+"
    r"(?:(?P<fiscal>fiscal\s+)?(?P<y>(?:19|20)\d\d)\b(?![\d,.]?\d)|(?P<rel>this|last|next)\s+year\b"
    r"|(?P<the>the\s+(?:current\s+)?year)\b(?!\s+(?:before|after|earlier|ago)\b|['’])))",
)
def half_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Half years -> ``YYYY-H1``/``YYYY-H2`` (TimeML 1.2.1 TIMEX3 value syntax, as in
    TimeBank: "the last half of 1989" -> ``1989-H2``; "the first two quarters of 1990"
    -> ``1990-H1``). The year as written, "this/last/next year" from the DCT, or "the year",
    the DCT's ("the second half of the year", as :func:`the_year` reads "the year"). The range
    is January-June or July-December; none for a fiscal year (fiscal calendars vary).
    TIMEX3 has no half-year granularity: the mention has none.

    TimeML (DCT 2017-12-27): ``Earnings for <TIMEX3 type="DATE" value="2017-H2">the second half of
        2017</TIMEX3> will fall.``
    """
    left = _HALF_LEFT.search(text, max(0, m.start() - 16), m.start())
    if left is None:
        return None
    half = 1 if left["h"].lower() in ("first", "front") else 2  # "the back half of the year": business slang for the second
    s, e = left.start(), m.end()
    if m["y"]:
        year = int(m["y"])
    elif m["the"]:
        year = dct.year  # "the second half of the year": the DCT's, as "for the year" is
    else:
        year = dct.year + _REL_STEP[m["rel"].lower()]
    if m["fiscal"]:
        return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None))
    first = dt.date(year, 6 * half - 5, 1)
    return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None, first, add_months(first, 6)))


# "the second half" alone in business copy: a half of the DCT's year
@rule(
    "the_half",
    r"\b(?P<t>[Tt]he\s+(?P<h>first|second)\s+half)\b(?![-’']|\s+of\b)"
    r"|\b(?P<t2>(?P<h2>[Ff]irst|[Ss]econd)-half)(?=\s+(?:sales|profits?|earnings|results|revenues?|growth|loss(?:es)?|net|income|output|figures|demand)\b)",
)
def the_half(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the first (second) half" with no "of" after it, and "first-half" ("second-half") before a
    word of results ("second-half sales"), in business or economic copy (a word of
    :data:`_BUSINESS` within 300 characters, none of :data:`_GAME`) -> a half of the DCT's year
    (``2009-H2``; TIMEX3 value syntax as :func:`half_year`), the year before for the second
    half in a past clause written in the first half ("profit rose in the second half" in
    February), the year after for the first half in a future clause written in the second
    ("expect growth to slow in the first half" in December). In sports copy "the second
    half" is a match's.

    TimeML (DCT 2009-07-29): ``Demand should recover in <TIMEX3 type="DATE" value="2009-H2">the
        second half</TIMEX3>, the chief executive said.``
    """
    lo, hi = max(0, m.start() - 300), m.end() + 300
    if _GAME.search(text, lo, hi) or _SPORTS.search(text, lo, hi) or not _BUSINESS.search(text, lo, hi):
        return None
    half = 1 if (m["h"] or m["h2"]).lower() == "first" else 2
    year = dct.year
    s, e = m.span("t" if m["t"] else "t2")
    if half == 2 and dct.month <= 6 and not speaks_of_future(text, s, e) and clause_tense(text, s, e) < 0:
        year -= 1
    elif half == 1 and dct.month >= 7 and speaks_of_future(text, s, e) and not _COMPARED_WITH.search(text, max(0, s - 20), s):
        # "expect the transaction to close by the end of the first half" in September; not the half
        # a forecast is measured against ("sales stronger than in the first half": the one just ended)
        year += 1
    first = dt.date(year, 6 * half - 5, 1)
    return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None, first, add_months(first, 6)))


_COMPARED_WITH = re.compile(r"\b(?:than|from|compared\s+(?:with|to)|versus|vs\.)\s+(?:in\s+|during\s+)?$", re.IGNORECASE)
_BUSINESS = re.compile(
    r"\b(?:profits?|sales|revenues?|earnings|econom(?:y|ic|ies)|growth|demand|prices|percent|inflation|output|GDP|fiscal|shares"
    r"|unemployment|jobless|exports|imports|investment|spending|production|markets?|housing|margins?|loss(?:es)?|loans?|lenders?"
    r"|dividends?|results|orders|deliveries|bookings|forecasts?|outlook|guidance)\b|%",
    re.IGNORECASE,
)
"""Words of business and economic copy, where "the second half" is a half of the year."""
_GAME = re.compile(
    r"\b(?:goals?|match(?:es)?|games?|penalty|striker|halftime|half-time|innings|kick(?:ed|off)?|referee|league|minute)\b",
    re.IGNORECASE,
)
"""Words of sports copy, where "the second half" is a half of a match."""


# "the previous quarter": the quarter before the one mentioned before it
@rule(
    "quarter_anaphor",
    r"\b(?P<t>the\s+(?:previous|preceding|prior)\s+quarter)\b(?![-’'])", re.IGNORECASE,
)
def quarter_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous (preceding, prior) quarter" -> the quarter before the date mentioned
    before it ("rose in the third quarter from the previous quarter" -> Q2; TimeML 1.2.1
    ``anchorTimeID``, as :func:`anaphor` reads "the previous month"), else the one before the
    DCT's.

    TimeML (DCT 2000-11-01): ``Profit rose in <TIMEX3 type="DATE" value="2000-Q3">the third
        quarter</TIMEX3> from <TIMEX3 type="DATE" value="2000-Q2">the previous quarter</TIMEX3>.``
    """
    return hit_over_t(m, Anaphor("quarter", -1, named=True, fallback=timex_at(shift(dct, "quarter", -1), "quarter")))


@rule(
    "relative_quarter",
    r"\b(?P<t>(?P<rel>this|next|last|the\s+current|current)\s+quarter)\b(?!\s+of\b)", re.IGNORECASE,
)
def relative_quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this/the current quarter" -> the DCT's quarter; "next quarter", "last quarter" -> +-1.

    TimeML (DCT 2017-12-27): ``Sales will rise <TIMEX3 type="DATE" value="2018-Q1">next
        quarter</TIMEX3>.``
    """
    rel = m["rel"].lower()
    step = {"next": 3, "last": -3}.get(rel, 0)
    return hit_over_t(m, timex_at(add_months(dct.replace(day=1), step), "quarter"))


@rule(
    "q_year",
    r"\b(?P<t>Q(?P<q>[1-4])\s*(?:of\s+)?(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4]))\b",
)
def q_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"Q3 2017" / "2017 Q3" -> ``2017-Q3``.

    TimeML (DCT 2017-12-27): ``Output in <TIMEX3 type="DATE" value="2017-Q3">Q3 2017</TIMEX3> was
        flat.``
    """
    q = int(m["q"] or m["q2"])
    y = int(m["y"] or m["y2"])
    return hit_over_t(m, timex_at(dt.date(y, 3 * q - 2, 1), "quarter"))


# Seasons: "last summer", "this winter", "the summer of 1989", "in the spring"
@rule(
    "season",
    r"\b(?P<s>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter"
    r"|SPRING|SUMMER|FALL|AUTUMN|WINTER)"
    r"(?:\s+of\s+(?P<y1>(?:19|20)\d\d)(?:[-–/](?P<y3>\d\d(?:\d\d)?))?\b|\s+of\s+(?P<ry>(?i:last|this|next))\s+year\b"
    r"|,?\s+(?P<y2>(?:19|20)\d\d)\b)?(?![\w-])",
)
def season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Seasons -> ``YYYY-SP``/``SU``/``FA``/``WI`` (TIMEX3), granularity season.

    Northern-hemisphere meteorological seasons: spring Mar-May, summer Jun-Aug, fall
    (autumn) Sep-Nov, winter Dec-Feb labelled with the year of its December. With a year
    ("the summer of 1989") as written ("the winter of 1944-45" is the one of December 1944), and
    "the autumn of last year" in the DCT's year minus one
    (plus one for "next year"); "this summer" = the one of the DCT's year (for
    winter: the one holding the DCT, or starting in its December; in December "this spring"
    and "this summer" are the coming ones, of the year the winter runs into); "last summer" = the
    latest summer that started before the DCT's season; "next" = the first after it;
    "in the summer" = the nearest one. Needs a year, last/this/next, early/late or
    "in the": "the fall of Saigon" and "a fall in prices" are not seasons.

    TimeML (DCT 2017-12-27): ``Flooding <TIMEX3 type="DATE" value="2017-SU">last summer</TIMEX3> hit
        the region, as in <TIMEX3 type="DATE" value="1989-FA">the fall of 1989</TIMEX3>.``
    """
    code = SEASONS[m["s"].lower()]
    lm = left_context(_L_SEASON, text, m.start())
    the = lm["the"] if lm else None
    rel = re.sub(r"\s+", " ", ((lm["rel"] or "") if lm else "").lower())
    mod = lm["mod"] if lm else None
    cue = lm["cue"] if lm else None
    starts = [lm.start(g) for g in ("the", "rel", "mod") if lm and lm[g]]  # type: ignore[union-attr]
    s = min(starts) if starts else m.start()
    e = m.end()
    if m["s"][0].isupper() and not m["s"].isupper() and text[e : e + 1] == " " and word_after(text, e)[:1].isupper():
        return None  # "Winter Olympics", "Spring Festival"
    year = m["y1"] or m["y2"]
    if m["y3"]:  # "the winter of 1944-45": the winter that begins in the first year
        if code != "WI" or int(m["y3"]) % 100 != (int(m["y1"]) + 1) % 100:
            return None
    if m["ry"]:  # "the autumn of last year": that year's season
        year = str(dct.year + {"last": -1, "this": 0, "next": 1}[m["ry"].lower()])
    if not (year or rel or mod or (the and cue)):
        return None
    if m["s"].lower() == "fall" and not (year or rel):
        nxt = text[e : e + 4].lower()
        if nxt.startswith(" of") or nxt.startswith(" in"):
            return None
    if year:
        start = season_start(int(year), code)
    else:
        cur_y, cur_code = season_of(dct)
        cur = season_start(cur_y, cur_code)
        cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
        if rel in ("last", "this past", "past"):
            start = max(c for c in cands if c < cur)
        elif rel in ("next", "this coming", "coming"):
            start = min(c for c in cands if c > cur)
        elif rel == "this":
            ahead = dct.month == 12 and code in ("SP", "SU")  # "this spring" in December: the coming one
            start = cur if code == cur_code else season_start(dct.year + ahead, code)
        else:
            start = season_by_tense(cands, text, s, e, dct)
    return Hit(s, e, timex_at(start, "season"))


def season_by_tense(cands: list[dt.date], text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """Of the starts ``cands`` (in date order) of one season in several years, the one "the
    summer" at ``start:end`` names: after "since" the latest begun by the DCT ("the strictest
    lockdowns since the spring" in a story of December); in a clause that speaks of the future
    the first not over by the DCT ("will bring life back to normal by the summer" in December:
    next summer; HeidelTime's tense rule); in a past clause the latest begun by the DCT ("first
    reported the flaw in the summer" in February); else the nearest, the past winning a tie."""
    if word_before(text, start) == "since" and any(c <= dct for c in cands):
        return max(c for c in cands if c <= dct)
    if speaks_of_future(text, start, end) and any(add_months(c, 3) > dct for c in cands):
        return min(c for c in cands if add_months(c, 3) > dct)
    if clause_tense(text, start, end) < 0 and any(c <= dct for c in cands):
        return max(c for c in cands if c <= dct)  # "first reported the flaw in the summer" (in February): the last one
    return min(cands, key=lambda c: (gap_days(c, add_months(c, 3), dct), -c.toordinal()))


# "its hottest spring", "Britain's wettest summer": a season ranked against the others
@rule(
    "ranked_season",
    r"\b(?:[Ii]ts|[Tt]he|[Tt]heir|[A-Z][a-z]+['’]s)\s+(?:[a-z]{3,}est|most\s+[a-z]+)\s+(?P<t>(?P<s>spring|summer|autumn|winter))\b(?![-’'])"
    r"(?!\s+(?:storms?|olympics?|games|session|term|wheat|of\s|on\s+record\s+for)\b)",
    needs=frozenset(["spring", "summer", "autumn", "winter"]),
)
def ranked_season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A season after a superlative ("Spain recorded its hottest spring since records began",
    "Britain's wettest summer") -> that season, placed by the clause's tense as "the summer" is
    (:func:`season_by_tense`: in a past clause the latest begun by the DCT). Not "fall", as often a
    decline ("its steepest fall since 2008").

    TimeML (DCT 2022-06-21): ``Spain recorded its hottest <TIMEX3 type="DATE"
        value="2022-SP">spring</TIMEX3> since records began.``
    """
    code = SEASONS[m["s"].lower()]
    cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    return hit_over_t(m, timex_at(season_by_tense(cands, text, m.start("t"), m.end("t"), dct), "season"))


# "the following spring", "the previous winter": a season anchored on the date before it
@rule(
    "season_anaphor",
    r"\b(?P<t>[Tt]he\s+(?P<dir>(?i:following|next|previous|preceding))\s+(?P<s>(?i:spring|summer|fall|autumn|winter)))\b(?![-’'])"
    r"(?!\s+(?i:games|olympics?|paralympics?|session|term|semester|festival|season)\b)",
)
def season_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the following (next) spring" -> the first spring that starts after the date told
    before it ends; "the previous (preceding) winter" the last winter over before it starts
    (TimeML 1.2.1 ``anchorTimeID``, as :func:`anaphor` reads "the following year"; seasons as
    :func:`season`). With no date before it, the same from the DCT's season ("next spring",
    "last winter").

    TimeML (DCT 2017-12-27): ``The fighting began in <TIMEX3 type="DATE" value="2008-FA">the
        autumn of 2008</TIMEX3>. <TIMEX3 type="DATE" value="2009-SP">The following
        spring</TIMEX3>, aid workers returned.``
    """
    code = SEASONS[m["s"].lower()]
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    cur_y, cur_code = season_of(dct)
    cur = season_start(cur_y, cur_code)
    cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1, dct.year + 2)]
    start = min(c for c in cands if c > cur) if sign > 0 else max(c for c in cands if c < cur)
    return hit_over_t(m, Anaphor("season", sign, season=code, fallback=timex_at(start, "season")))


_THAT_CLAUSE_VERBS = frozenset(
    """say says believe believes think thinks know knows hope hopes warn warns fear fears mean means
    show shows suggest suggests argue argues claim claims insist insists note notes add adds so such""".split()
)
"""Verbs (and "so", "such") after which "that" opens a clause, not a demonstrative: "warned that
winter storms", "said that May would resign" (with :func:`~etl.dates.tense.past_form`)."""
_AFTER_THAT_MONTH = re.compile(r"(?:\s*[,.;:)!?]|\s+(?:he|she|it|they|we|I|you|the|a|an|his|her|its|their|in|of|on|when|as|was|were|had|and|or)\b|\s*$)")
"""What follows "that May" when it is the month ("a ballot that May, six weeks before", "that March
the army ..."), not the name or the modal before a verb ("that May pulled the vote")."""


def _that_demonstrative(text: str, start: int) -> bool:
    """True when the "that" at ``start`` is a demonstrative, not the conjunction after a verb of
    saying or thinking ("said that winter storms", "insist that May will stay")."""
    if not re.search(r"\w\s+$", text[max(0, start - 3) : start]):
        return True  # it opens a sentence or follows a punctuation mark
    before = word_before(text, start)
    return not (before in _THAT_CLAUSE_VERBS or past_form(before))


# "that winter", "that May": the season or the month of the year told before
@rule(
    "that_season_month",
    rf"\b(?P<t>[Tt]hat\s+(?:same\s+)?(?:(?P<s>(?i:spring|summer|fall|autumn|winter))|(?P<mon>{MONTH_FULL})))\b(?![-’'])(?!\s*\d)",
)
def that_season_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that winter", "that summer", "that May" -> the season or the month of the date told before
    it (TimeML 1.2.1 ``anchorTimeID``; a demonstrative points back, as "that year" and "that
    day" do): the season that holds the date told before ("In January 1917 ... That winter" ->
    ``1916-WI``), else the one that starts in its year ("In 1951 ... That summer" -> ``1951-SU``);
    the month in its year ("In June 2012, six weeks after a ballot that May" -> ``2012-05``).
    With no date told before it, nothing: the demonstrative has no referent in the text. Not
    after a verb of saying ("warned that winter storms"); "that May/March/August" only before a
    clause's start or a punctuation mark (the name and the verbs: "that May pulled the vote").

    TimeML (DCT 2017-04-06): ``In <TIMEX3 type="DATE" value="1951">1951</TIMEX3> he joined the
        Dodgers. <TIMEX3 type="DATE" value="1951-SU">That summer</TIMEX3> he married.``
    """
    if not _that_demonstrative(text, m.start("t")):
        return None
    if m["s"]:
        return hit_over_t(m, Anaphor("season", 0, season=SEASONS[m["s"].lower()], mentioned_only=True))
    month = MONTH_NUM[m["mon"].lower()]
    if m["mon"].lower() in ("may", "march", "august") and not _AFTER_THAT_MONTH.match(text, m.end()):
        return None
    return hit_over_t(m, Anaphor("year", 0, month=month, mentioned_only=True))


_COARSEST_FIRST = tuple(reversed(UNITS))
"""The units of :data:`~etl.dates.vocabulary.UNITS` (written finest first), coarsest first."""


# Sets: "every day", "each Thursday", "every two years", "daily", "on Fridays"
@rule(
    "set",
    rf"\b(?P<t>(?i:every|each)\s+(?:(?P<half>half[\s-](?:an\s+)?hour)|(?P<other>other\s+)?(?P<unit>hour|minute|day|week|fortnight|month|year|quarter|morning|afternoon|evening|night|weekend)"
    rf"|(?:other\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<wpod>morning|afternoon|evening|night)\b)?|(?P<season>spring|summer|autumn|fall|winter)\b"
    rf"|(?P<mon>{MONTH})(?:\s*(?P<mday>{DAY}))?|(?P<num>{NUM})\s+(?P<units>{UNIT}))"
    rf"|(?P<freq>(?i:once|twice|thrice)|(?:{NUM}|\d{{1,3}})\s+(?:times|(?P<fpart>days|hours|minutes|weeks|months)))\s+(?:a|an|per|each|every)\s+(?P<funit>{UNIT})"
    rf"|(?P<adv>daily|weekly|fortnightly|monthly|annually|yearly|quarterly|hourly)|(?P<nightly>nightly)"
    rf"|(?P<wds>{WEEKDAY})s|(?P<wdp>{WEEKDAY})\s+(?P<ppod>(?i:mornings|afternoons|evenings|nights))"
    rf"|(?<=\bon\s)(?P<wes>weekends)|(?<=\bopen\s)(?P<wes2>weekends)|(?P<wes3>weekends)(?=\s+only\b))\b(?!\s+of\b)",
)
def recurring_set(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Recurring times, TIMEX3 type SET (no range): "every day"/"daily" -> ``P1D`` (also
    as an adjective, "daily flights", as TimeBank annotates it; not "quarterly dividend"
    nor before a name, "the weekly Akhbar", nor "the average daily volume" (a statistic,
    which TBAQ leaves unannotated, 2 of 2); nor "annually" as a rate after a figure,
    "to rise 20% annually", which TimeBank leaves unannotated),
    "every two years" -> ``P2Y``, "each Thursday"/"on Thursdays" -> ``XXXX-WXX-4``, "every
    Sunday afternoon" and "Sunday afternoons" -> ``XXXX-WXX-7TAF`` (a plural part of a weekday
    recurs, TIDES 2005 4.2), "on weekends", "open weekends only" -> ``XXXX-WXX-WE``, "a nightly
    curfew" -> ``XXXX-XX-XXTNI``, "each spring" -> ``XXXX-SP``, "fortnightly" -> ``P2W``, "every half
    hour" -> ``PT30M``,
    "each July" -> ``XXXX-07``; a quantified set, "twice a week", "three times a year",
    "once a month", "four days a week" -> ``P1W``, ``P1Y``, ``P1M``, ``P1W`` (TimeML 1.2.1 SETs: the value is the period,
    the count goes to ``freq``, which the value does not carry; the whole phrase is the extent).

    TimeML (DCT 2017-12-27): ``Flights leave <TIMEX3 type="SET" value="P1D">every day</TIMEX3> and
        <TIMEX3 type="SET" value="XXXX-WXX-4">each Thursday</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The council meets <TIMEX3 type="SET" value="P1W">twice a
        week</TIMEX3> and reports <TIMEX3 type="SET" value="P1Y">three times a year</TIMEX3>.``
    """
    if m["freq"]:
        if m["fpart"] and _COARSEST_FIRST.index(unit_key(m["fpart"])) <= _COARSEST_FIRST.index(unit_key(m["funit"])):
            return None  # "four days a week" counts a smaller unit; "two weeks a week" nothing
        if title_unit(m["funit"], m["t"]) or word_after(text, m.end("t")).lower() in ("ago", "earlier", "later", "before"):
            return None  # "once a year ago": "a year ago" is a date
        return hit_over_t(m, Timex("SET", duration_value(1, unit_key(m["funit"])), None))
    if m["half"]:  # "buses every half hour": every 30 minutes
        return hit_over_t(m, Timex("SET", "PT30M", None))
    if m["nightly"]:  # "a nightly curfew", "clashes broke out nightly": every night (TIDES 2005 4.2)
        if re.match(r"\s+[A-Z]", text[m.end("t") :]):
            return None  # "NBC Nightly News": a name
        return hit_over_t(m, Timex("SET", "XXXX-XX-XXTNI", None))
    if m["adv"]:
        if m["adv"] == "annually" and re.search(r"(?:\d|%|\bunits?|\bpercent)\s*$", text[max(0, m.start() - 20) : m.start()]):
            return None  # a rate after a figure ("rise 20% annually", "$17.9 million annually")
        if word_before(text, m.start("t")) == "average":
            return None  # "the average daily volume": a statistic per day, not a recurring time
        nxt = word_after(text, m.end("t"))
        if m["adv"] != "annually" and nxt and re.match(r"\s*[A-Za-z]", text[m.end("t") :]) and nxt.lower() not in _ADVERB_FOLLOWERS:
            if m["adv"] == "quarterly" or not nxt[0].islower():
                return None  # "quarterly dividend" (a kind of payment), "the weekly Akhbar"
        unit = {"daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month", "annually": "year",
                "yearly": "year", "quarterly": "quarter", "hourly": "hour"}[m["adv"]]  # fmt: skip
        return hit_over_t(m, Timex("SET", duration_value(1, unit), None))
    if m["wes"] or m["wes2"] or m["wes3"]:  # "shops close on weekends", "open weekends only": every weekend
        return hit_over_t(m, Timex("SET", "XXXX-WXX-WE", None))
    if m["wds"] and word_before(text, m.start("t")) in WEEKDAY_BLOCKERS:
        return None  # "TGI Fridays": a name
    if m["wd"] or m["wds"] or m["wdp"]:
        wd = WEEKDAY_NUM[(m["wd"] or m["wds"] or m["wdp"]).lower()]
        part = m["wpod"] or (m["ppod"] and m["ppod"][:-1])
        pod = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""  # "every Sunday afternoon", "on Thursday evenings"
        return hit_over_t(m, Timex("SET", f"XXXX-WXX-{wd + 1}{pod}", None))
    if m["mon"]:  # "each July", "every Jan. 1" (XXXX-01-01)
        month = MONTH_NUM[m["mon"].rstrip(".").lower()]
        mday = day_number(m["mday"]) if m["mday"] else None
        return hit_over_t(m, Timex("SET", f"XXXX-{month:02d}" + (f"-{mday:02d}" if mday else ""), None))
    if m["season"]:  # "each spring": TIMEX3 SET XXXX-SP
        return hit_over_t(m, Timex("SET", f"XXXX-{SEASONS[m['season'].lower()]}", None))
    if m["unit"]:
        unit = m["unit"]
        if unit in PARTS_OF_DAY:
            return hit_over_t(m, Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None))
        if unit == "weekend":
            return hit_over_t(m, Timex("SET", "XXXX-WXX-WE", None))
        return hit_over_t(m, Timex("SET", duration_value(2 if m["other"] else 1, unit), None))  # "every other week": P2W
    n = number(m["num"])
    if n is None:
        return None
    return hit_over_t(m, Timex("SET", duration_value(n, unit_key(m["units"])), None))


_COUNT_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|\d{1,3})"
)


# The first count of a range of durations: "two" of "two to six days", "12-18 months"
@rule(
    "range_first_count",
    rf"(?<![\d,.$/-])\b(?P<t>(?P<n>{_COUNT_WORD}))\s?(?:\s(?:to|or)\s|[-–])\s?{_COUNT_WORD}\s+(?P<unit>{UNIT_CS})\b"
    r"(?!-old|\s+(?:old|older|younger|ago|later|earlier)\b)",
    re.IGNORECASE,
)
def range_first_count(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The first count of a range of durations, "two" of "two to six days" (also "or", a
    hyphen or en dash): a DURATION of its own in the unit written after the range, ``P2D``;
    the second count with the unit ("six days") is :func:`duration`'s. TimeML 1.2.1 tags
    each end of a range as a TIMEX3 (TimeBank: "between <TIMEX3 value="P2D">two</TIMEX3> to
    <TIMEX3 value="P6D">six days</TIMEX3>"), as HeidelTime's ``duration_r5`` does. Not a
    range of ages or of times before or after ("two to three years old", "two or three
    days later").

    TimeML (DCT 2017-12-27): ``Shipments resume within <TIMEX3 type="DURATION"
        value="P2W">two</TIMEX3> to <TIMEX3 type="DURATION" value="P3W">three weeks</TIMEX3>.``
    """
    n = number(m["n"])
    if n is None or n == 0:
        return None
    unit = unit_key(m["unit"])
    if title_unit(m["unit"], m.group()):
        return None
    return hit_over_t(m, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))


_BEFORE_A_VERB = frozenset("could would will may might can should must to did does do not never and or".split())
"""Words after which "last" is the verb ("could last three months", "is set to begin at 6 a.m.
and last 48 hours": a second verb after a coordinating conjunction), not "the last three months"."""
_ONE_UNIT_CUES = frozenset(
    """for in within than about over nearly almost only just after last lasts lasted lasting take
    takes took taking spend spends spent spending delayed postponed by wait waits waited waiting forward back""".split()
)
"""Words before "a day", "a year" that make it a duration ("for a day", "lasted a minute", "could
take a year", the size of a shift "postponed by one day", "clocks sprang forward one hour",
"pushed the match back a day"); elsewhere "a day" is as often a rate ("$5 a day") or a narrative "One day"."""
_UNIT_OF_NOUN = re.compile(r"\s+of\s+(?!the\b|this\b|that\b|its\b|his\b|her\b|their\b|our\b)[a-z]")
""""of" and a bare noun after "a minute", "a week": the unit's length of something ("a minute of
silence", "a week of talks"; not "a day of rest", a kind of day, nor "a week of the year")."""
_OVER_AS_MORE_THAN = frozenset(
    "for of in than just after took take takes lasted lasting last lasts spent waited wait waits waiting been is was be are were".split()
)
"""Words after which "over" before a count of units is "more than" ("for over two years", "took
over three hours"): elsewhere it is the preposition "during" ("jobs cut over 18 months")."""
_GIVEN_TIME = frozenset("has have had given gave give gives giving offered allowed granted him her them us".split())
"""Words before "a week to <verb>" that make it the time allowed to do something, a duration
("Syria has a week to submit a list", "offered him a week to withdraw": TBAQ ``P1W``), not
"a day to remember"."""


# Durations: "two years", "the past three months", "more than four hours", "five-year"
@rule(
    "duration",
    rf"\b(?P<unit>{UNIT_CS}|seconds|SECONDS)\b"
    r"(?!-old|[\s-]+olds?\b|\s+(?:ago|hence|from\s+now|of\s+age|and\s+a\s+half)\b)"
    r"(?!-(?:and|to|or)-|-(?:point|percentage|percent|inch|mile|pound|ounce)\b)",
)
def duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Whole, unambiguous durations -> TIMEX3 DURATION (ISO 8601 ``PnY``/``PnM``/``PnW``/
    ``PnD``/``PTnH``/``PTnM``; quarters ``PnQ``; decades and centuries in years).

    "two years" -> ``P2Y``, "the past three months" -> ``P3M``, "a five-year plan" ->
    ``P5Y``; vague counts ("several years", "a few days") -> ``PXY``/``PXD``; a vague count
    of the units just past ("the past few months", "the last several quarters") is the
    recent past, the DATE ``PAST_REF`` as "recent months" (:func:`vague_duration`; TBAQ's
    annotation, 2 of 2 on the tuning part, while "the next few years" stays ``PXY``). Not taken:
    fractions ("two and a half years", "2.5 years"), ages ("a 45-year-old"), anchored
    phrases ("two years later"), "a year" after a number or money ("$5m a year", a rate),
    and "a day"/"one day" without a preceding cue ("One day, he ..."; cues: "for", "in",
    "within", "over", "as long as", "lasted", "take"...: :data:`_ONE_UNIT_CUES`). Counts of finer
    units after it join it ("two hours and 20 minutes" -> ``PT2H20M``, :func:`_iso_duration`).

    TimeML (DCT 2017-12-27): ``He served <TIMEX3 type="DURATION" value="P2Y">two years</TIMEX3> in a
        <TIMEX3 type="DURATION" value="P5Y">five-year</TIMEX3> term.``
    TimeML (DCT 2017-12-27): ``Rates have fallen in <TIMEX3 type="DATE" value="PAST_REF">the last
        few months</TIMEX3> and will rise over <TIMEX3 type="DURATION" value="PXY">the next few
        years</TIMEX3>.``
    """
    lm = left_context(_L_COUNT, text, m.start())
    if lm is None or re.search(r"\d[:.]$", text[max(0, lm.start("num") - 2) : lm.start("num")]):
        return None  # "10:15 hours GMT": a military clock time, not 15 hours
    raw = lm["num"]
    n = number(raw)
    unit = unit_key(m["unit"])
    pre = re.sub(r"\s+", " ", (lm["pre"] or "").lower())
    verb_last = pre == "last" and word_before(text, lm.start("pre")) in _BEFORE_A_VERB  # "could last several weeks"
    if (
        n is None
        and not verb_last
        and pre in ("the past", "the last", "past", "last", "the previous")
        and m["unit"].lower().endswith("s")
        and word_before(text, lm.start("pre")) != "for"
    ):
        # "(in) the past few months", "the last several quarters": the recent past, as "recent
        # months"; after "for", how long it lasted ("for the past few weeks": PXW, TBAQ 1 of 1)
        return Hit(lm.start("pre"), m.end(), Timex("DATE", "PAST_REF", None))
    if unit == "quarter" and (word_after(text, m.end()).lower() in ("of", "percentage", "point", "points", "percent") or n is None):
        return None  # "three quarters of the vote", "by a quarter percentage point": a fraction
    if m["unit"].lower().endswith("s") and n == 1 and not raw.isdigit():
        return None
    s, e = lm.start(), m.end()
    if verb_last or (raw.lower() in ("a", "an") and pre in ("last", "past", "next")):
        s, pre = lm.start("num"), ""  # "could last a day", "the trial could last three months": the verb
    approx = re.compile(rf"\s+{OR_SO}").match(text, e)
    if approx is not None:
        e = approx.end()  # "the next two years or so": TimeML mod APPROX, inside the extent
    later = re.match(r"\s+(?:later|after|earlier|before|ahead|left|remaining|to\s+go|behind\s+schedule|late)\b", text[e : e + 20])
    if (
        later and lm["hedge"] and raw.lower() in ("a", "an", "one") and later.group().split()[0] in ("later", "earlier")
        and unit in ("day", "week", "month", "year", "decade", "century")
    ):
        return None  # "less than a year later": the anchored "a year later" (unit_earlier), not a span
    if raw.lower() in ("a", "an", "one") and lm["sep"] != "-" and not (lm["hedge"] or pre or later):
        prev = word_before(text, s)
        allowed = prev in _GIVEN_TIME and re.match(r"\s+to\s+[a-z]", text[e : e + 6]) is not None
        # "ended a decade of Sandinista rule", "a minute of silence", "a week of talks": no rate, no
        # "One day, ..." (a cricket "century" is 100 runs)
        long_unit = unit == "decade" or (unit != "day" and raw.lower() in ("a", "an") and _UNIT_OF_NOUN.match(text, e) is not None)
        if prev not in _ONE_UNIT_CUES and not allowed and not long_unit:  # "Syria has a week to submit a list": time allowed
            if not (prev == "as" and re.search(r"\bas\s+(?:long|much|little|short)\s+as\s+$", text[max(0, s - 20) : s])):
                return None  # "as long as a month" is a duration
        if prev == "in" and raw.lower() == "one" and _FINER_AFTER.match(text, e) is None:
            return None  # "in one hour 43 minutes" is a race time; "in one day" alone is not
    if lm["hedge"] and pre.startswith("the") and lm["hedge"].lower() in ("over", "under", "about", "around"):
        s = lm.start("pre")  # "over the next few years": "over" is the preposition, not a hedge
    elif lm["hedge"] and lm["hedge"].lower() == "over" and not pre and raw.lower() not in ("a", "an"):
        if word_before(text, lm.start()) not in _OVER_AS_MORE_THAN:
            s = lm.start("num")  # "killed 14,000 people over eight years": "during", no hedge (TBAQ "used over three years")
    if pre and lm["sep"] == "-" and not pre.endswith(("past", "last", "next")):
        s = lm.start("num")  # "the two-year plan", "the first two-year recession": the determiner belongs to the noun
    if pre.startswith("the same") or pre == "same":
        return None
    if re.search(r"\bhalf\s+$", text[max(0, s - 5) : s], re.IGNORECASE):
        return None  # "half a century later": a half of the unit (odd_duration), not the unit
    parts, end = [(unit, n)], e
    while n is not None and unit in _ISO_PARTS and (finer := _FINER_AFTER.match(text, end)) is not None:
        u2, n2 = unit_key(finer["u2"]), number(finer["n2"])
        if n2 is None or list(_ISO_PARTS).index(u2) <= list(_ISO_PARTS).index(parts[-1][0]):
            break
        if finer["bare"] is not None and not (u2 in ("minute", "second") and parts[-1][0] in ("hour", "minute")):
            break  # a race time joins without "and" ("in three hours 25 minutes"); "two days 10 hours" does not
        parts.append((u2, n2))
        end = finer.end()
    if len(parts) > 1:  # "two hours and 20 minutes", "one day, 18 hours, 40 minutes and 10 seconds"
        return Hit(s, end, Timex("DURATION", _iso_duration(parts), UNITS[unit][1]))
    return Hit(s, e, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))


_FINER_AFTER = re.compile(
    rf"(?:,|\s+and|,\s+and|(?P<bare>))\s+(?P<n2>{NUM})\s+(?P<u2>months?|days?|hours?|minutes?|seconds?)\b(?![-’'])"
    r"(?!\s+(?:a|an|per|each|every|or)\b)",
    re.IGNORECASE,
)
"""A count of a finer unit after a duration, not a rate ("20 years, five days a week") nor one of
a list of choices ("one year, 68 days or even two months")."""
_ISO_PARTS = {"year": "Y", "month": "M", "day": "D", "hour": "H", "minute": "M", "second": "S"}
"""The units of an ISO 8601 duration, coarsest first, and their designators."""


def _iso_duration(parts: list[tuple[str, int | None]]) -> str:
    """The ISO 8601 duration of counts of units in :data:`_ISO_PARTS` order ("14 years, nine
    months and 20 days" -> ``P14Y9M20D``, "one day, 18 hours, 40 minutes and 10 seconds" ->
    ``P1DT18H40M10S``): one TIMEX3 DURATION for a chain of finer units (TimeML 1.2.1: one
    expression, one value)."""
    date = "".join(f"{n}{_ISO_PARTS[u]}" for u, n in parts if u in ("year", "month", "day"))
    time = "".join(f"{n}{_ISO_PARTS[u]}" for u, n in parts if u in ("hour", "minute", "second"))
    return f"P{date}" + (f"T{time}" if time else "")


_YEARS_OF = re.compile(r"\b(?:years|decades|half|part|days)\s+of\s+$", re.IGNORECASE)
"""A part of a decade or century named before "of" ("the closing years of the last century")."""


# "the past year", "the last week": one unit back from the DCT, a DURATION
@rule(
    "past_unit",
    rf"\b(?P<t>the\s+(?:past|last|next|coming)\s+(?P<unit>week|fortnight|month|year|decade|century)(?:\s+{OR_SO})?)\b(?!\s+of\b|['’]s)", re.IGNORECASE,
)
def past_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the past year", "the last week", "the next month": the previous (next) calendar
    unit, as "last year" (TimeBank annotates "over the past year" in a 1998 story as
    ``1997``); decades and centuries stay DURATIONs (``P10Y``: "the past decade" is a
    span of ten years, not the 1980s), except after "the end (start, middle...) of", where
    only a calendar one has an end: "the end of the next decade" -> ``202``, the extent
    widened as :func:`widen_to_part_of` does; and a century after "in" ("founded in the last
    century" -> ``19``: "in" places an event in a calendar century; "over the past century"
    stays ``P100Y``), or either after "into" or "early (late, mid) in" ("well into the next
    decade", "early in the next decade" -> ``202``, "into the next century", "not completed until the
    next decade"); also after a part of it named before "of" ("the closing years of the
    last century" -> ``19``, "the first half of the next decade" -> ``202``).

    TimeML (DCT 2017-12-27): ``Over <TIMEX3 type="DATE" value="2016">the past year</TIMEX3> it ruled
        by decree.``
    TimeML (DCT 2017-12-27): ``The fleet is replaced by <TIMEX3 type="DATE" value="202">the end of the
        next decade</TIMEX3>.``

    In a past clause "the next week (month, year)" is anaphoric, as "the following year" is
    (:func:`anaphor`): shifted from the date told before it, else from the DCT.

    TimeML (DCT 2017-12-27): ``She joined in <TIMEX3 type="DATE" value="2003">2003</TIMEX3> and
        was promoted <TIMEX3 type="DATE" value="2004">the next year</TIMEX3>.``
    """
    if title_unit(m["unit"], m["t"]):
        return None
    unit = m["unit"].lower()
    step = 1 if re.search(r"next|coming", m["t"], re.IGNORECASE) else -1
    if unit == "fortnight":  # no calendar unit: "over the past fortnight" is two weeks long
        return hit_over_t(m, Timex("DURATION", duration_value(1, unit), UNITS[unit][1]))
    if unit in ("decade", "century"):
        before = word_before(text, m.start("t"))
        # "not completed until the next decade": a limit is a point in a calendar decade, not a span
        limit = before in ("until", "till") and re.match(r"the\s+(?:next|coming)\b", m["t"], re.IGNORECASE) is not None
        in_century = limit or (unit == "century" and before == "in") or before == "into" or bool(
            re.search(r"\b(?:early|late|later|mid)\s+in\s+$", text[max(0, m.start("t") - 16) : m.start("t")], re.IGNORECASE)
        )
        part = _YEARS_OF.search(text, max(0, m.start() - 30), m.start())
        if in_century or part or _PART_OF.search(text, max(0, m.start() - 30), m.start()):
            # "the end of the next decade": only a calendar decade has an end; "founded in
            # the last century": a time in a calendar century, not a hundred years
            return hit_over_t(m, timex_at(add_months(dct, step * (120 if unit == "decade" else 1200)), unit))
        return hit_over_t(m, Timex("DURATION", duration_value(1, unit), UNITS[unit][1]))
    deictic = timex_at(shift(dct, unit, step), unit)
    if re.match(r"the\s+next\b", m["t"], re.IGNORECASE) and clause_tense(text, m.start("t"), m.end("t")) < 0:
        # "joined in 2003 and was promoted the next year": in a past clause "the next" is
        # "the following", anchored on the date told before it (TimeML 1.2.1 anchorTimeID)
        return hit_over_t(m, Anaphor(unit, 1, named=True, fallback=deictic))
    return hit_over_t(m, deictic)


# PRESENT_REF / PAST_REF / FUTURE_REF
@rule(
    "ref",
    r"\b(?P<t>(?P<present>(?:[Rr]ight\s+)?[Nn]ow|[Cc]urrently|[Nn]owadays|[Aa]t\s+present|[Tt]hese\s+days)"
    r"|(?P<past>[Rr]ecently|the\s+(?:distant\s+|recent\s+)?past(?!\s+\d)|(?:[Aa]\s+moment|[Mm]oments)\s+ago)|(?P<future>the\s+(?:near\s+|foreseeable\s+|distant\s+)?future"
    r"|the\s+(?:near|short|long)\s+(?:term|run)\b(?!\s+(?!(?:and|or|but|is|was|will|as)\b)[a-z])"
    r"|a\s+later\s+date))\b"
    rf"(?!\s+(?:{NUM}\s+)?(?:{UNIT}|few|several|couple|tense|perfect|participle|of)\b)(?![-’'])",
)
def ref(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"now", "currently", "nowadays", "at present", "these days" -> ``PRESENT_REF``;
    "recently", "the (distant, recent) past", "a moment ago" (broadcast copy) -> ``PAST_REF``; "the (near) future", "the near (short, long)
    term" as a noun, "the long run", "a later date" -> ``FUTURE_REF`` (TIMEX3 guidelines,
    type DATE, no range; TBAQ tags "the near term" and "the short term" so, not the adjective
    "short-term debt"; "as recently as April" tags only "April"). The adjectives "current" (``PRESENT_REF``) and
    "then-current" (``PAST_REF``) too, as TimeBank annotates them; "current account",
    "current assets" and such financial terms are not.

    TimeML (DCT 2017-12-27): ``The plant is <TIMEX3 type="DATE" value="PRESENT_REF">now</TIMEX3>
        closed; it was <TIMEX3 type="DATE" value="PAST_REF">recently</TIMEX3> sold.``
    TimeML (DCT 2017-12-27): ``The <TIMEX3 type="DATE" value="PRESENT_REF">current</TIMEX3>
        government ruled by decree.``
    TimeML (DCT 2017-12-27): ``Margins will suffer in <TIMEX3 type="DATE" value="FUTURE_REF">the
        near term</TIMEX3>; the rest is paid at <TIMEX3 type="DATE" value="FUTURE_REF">a later
        date</TIMEX3>.``
    """
    if m["t"] == "Current" and name_word_before(text, m.start("t")):
        return None  # "the film ``Deep Current''": part of a title
    if m["present"]:
        value = "PRESENT_REF"
    elif m["past"]:
        if re.search(r"\bas\s+$", text[max(0, m.start() - 4) : m.start()], re.IGNORECASE) and re.match(r"\s+as\b", text[m.end() :]):
            return None  # "as recently as April": the date after it is the expression
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    return hit_over_t(m, Timex("DATE", value, None))


# Temporal adjectives: "current" -> PRESENT_REF, "then-current" -> PAST_REF
rule(
    "current",
    r"\b(?P<t>(?P<past>[Tt]hen[\s-]current)|(?P<present>[Cc]urrent))\b"
    r"(?![-’']|\s+(?:accounts?|affairs|assets|liabilities|flows?|density|rate|ratio)\b)",
)(ref)


# "over the weekend", "ahead of the weekend"
@rule(
    "weekend",
    r"(?:\b(?P<ahead>ahead\s+of|before)\s+)?\b(?P<t>the\s+(?:holiday\s+)?weekend)\b(?!\s+(?:of|before|after)\b)", re.IGNORECASE,
)
def weekend(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"(over) the weekend" ("the holiday weekend") -> ``YYYY-Www-WE`` (TIMEX3): the latest weekend that has begun
    by the DCT, or the coming one when the clause speaks of the future ("will ... this
    weekend", "ahead of the weekend"); a possessive too ("the last of the weekend's four
    wild-card games", the extent without "'s", as "last year's"). Range Saturday to Monday;
    granularity none.

    TimeML (DCT 2017-12-27): ``Talks failed over <TIMEX3 type="DATE" value="2017-W51-WE">the
        weekend</TIMEX3>.``
    """
    future = bool(m["ahead"]) or future_context(text, m.start("t"))
    sat = dct + dt.timedelta(days=5 - dct.weekday())  # Saturday of the DCT's ISO week
    if not future and sat > dct:
        sat -= dt.timedelta(weeks=1)
    if future and dct.weekday() == 6:
        sat += dt.timedelta(weeks=1)
    return hit_over_t(m, weekend_of(sat))


# "for weeks", "within days", "in years"
@rule(
    "vague_duration",
    r"\bwithin\s+(?P<t4>(?P<unit4>minutes|hours|days|weeks|months)(?:\s+or\s+(?:minutes|hours|days|weeks|months|years))?)(?=\s+of\s)"
    r"|\b(?:(?:for|within|in|over|take|takes|took|taking|last|lasts|lasted|lasting|spent|spend|spends|spending)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades)"
    r"(?:\s+or\s+(?:minutes|hours|days|weeks|months|years|decades))?)|(?P<t2>(?:[Rr]ecent|(?:[Tt]he\s+)?[Cc]oming)\s+(?P<unit2>days|weeks|months|quarters|years|decades)|[Tt]he\s+(?P<unit3>days|weeks|months|years)\s+ahead))\b(?!\s+(?:of|to\s+come|ago|later|earlier|before|after|since|past)\b)(?![-’'])", re.IGNORECASE,
)
def vague_duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"for weeks", "within days", "within hours of the ceremony", "could last days or weeks" (one
    TIMEX3 of the first unit, as TBAQ's "within weeks or months": ``PXW``), "for the first time in years", "in (the) coming months",
    "the weeks ahead" -> ``PXW``/``PXD``/``PXY`` (TIMEX3 guidelines: a duration of unspecified
    length). "(in) recent years/days/weeks/months" is the recent past, ``PAST_REF``, as
    "recently" (TimeBank annotates it so 5 times in 8).

    TimeML (DCT 2017-12-27): ``The siege lasted for <TIMEX3 type="DURATION"
        value="PXW">weeks</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Prices fell in <TIMEX3 type="DATE" value="PAST_REF">recent
        years</TIMEX3>.``
    """
    if m["t2"] and m["t2"][:1] in "Rr":
        return Hit(*m.span("t2"), Timex("DATE", "PAST_REF", None))
    unit = unit_key(m["unit"] or m["unit2"] or m["unit3"] or m["unit4"])
    tx = Timex("DURATION", duration_value(None, unit), UNITS[unit][1])
    return Hit(*m.span("t4" if m["t4"] else "t" if m["t"] else "t2"), tx)


# "hours after learning", "only weeks after a bailout", "after months of talks": a vague span
@rule(
    "units_to_event",
    r"\b(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades))\s+"
    r"(?:(?:after|before)\s+(?!the\s+(?:first|second|start|end)\b)|behind\s+schedule\b|of\s+(?P<of>[a-z]+))",
    needs=frozenset(["after", "before", "behind", "of"]),
)
def units_to_event(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A bare plural unit that measures the gap to an event ("Sunday night, hours after learning of
    the deal", "exploded minutes after liftoff", "only weeks after a bailout", "fell weeks behind
    schedule"; not "minutes apart", which TBAQ leaves untagged, 2 of 2) or what filled a span
    ("After months of negotiations", "caps decades of rising euroskepticism") -> DURATION ``PTXH``, ``PTXM``, ``PXD``, ``PXW``, ``PXM``, ``PXY``: a duration
    of unspecified length (TIMEX3 guidelines), as TBAQ tags "days of swelling" (``PXD``) and the
    counted kind ("Three days later" is the DURATION ``P3D`` "Three days"). Not after a
    determiner, a quantifier, a number or an adjective of time ("the hours after the attack", "many
    years of war", "recent months of talks": a period of its own or another rule's phrase), nor
    "hours of the day", "years of age", "days of the week" (no span).

    TimeML (DCT 2023-04-20): ``The rocket exploded <TIMEX3 type="DURATION" value="PTXM">minutes</TIMEX3>
        after liftoff.``
    """
    lead_m = _LEAD_WORD.search(text, max(0, m.start() - 30), m.start())
    if lead_m is None:
        return None  # a digit, a hyphen or a symbol before it: a count ("three-and-a-half years", "2 years")
    lead = lead_m["lead"]
    if re.match(r"\s+or\s+(?:minutes|hours|days|weeks|months|years|decades)\b", text[m.end("unit") :]) or lead in ("or", "and"):
        return None  # "weeks or months of his capture": one vague span of two units (TBAQ), not two
    if lead and (lead.lower() in _NOT_BEFORE_A_VAGUE_SPAN or lead.isdigit() or (lead.endswith("ed") and not past_form(lead) and lead.islower())):
        return None
    if m["of"] and m["of"] in _NOT_A_SPAN_OF:
        return None  # "hours of the day", "15 years of age", "the long days of summer": no span of its own
    unit = unit_key(m["unit"])
    return hit_over_t(m, Timex("DURATION", duration_value(None, unit), UNITS[unit][1]))


_LEAD_WORD = re.compile(r"(?:^|[,;(—–]\s|\n|``\s|(?<![\w-])(?P<lead>[A-Za-z]+)\s+)$")
"""What may stand right before a bare plural unit of :func:`units_to_event`: a clause break or a word."""
_NOT_BEFORE_A_VAGUE_SPAN = frozenset(
    """the a an this that these those its his her their our your my some any no many few several all most more
    recent past last next coming early late first final previous following same other those of half quarter""".split()
)
"""Words before a bare plural unit that make it another phrase's (a determiner's period, a count,
"three-and-a-half years", "of" after a noun, "the past few"): :func:`units_to_event` leaves it."""
_NOT_A_SPAN_OF = frozenset(
    "the a an this that each every which whom it them him her time age summer winter spring autumn fall".split()
)
"""Words after "units of" that make no span ("hours of the day", "15 years of age", "days of
summer"): :func:`units_to_event` leaves the unit."""


# "for some time", "for a while", "for a fairly lengthy period"
@rule(
    "vague_period",
    r"(?<!\bonce\s)\b(?:for|in|within|after|over)\s+(?P<t>(?:quite\s+)?some\s+time(?!\s+(?:zones?|slots?|frames?|limits?|lines?|tables?)\b)"
    r"|a\s+(?:little\s+|good\s+|short\s+)?while"
    r"|an?\s+(?:(?:fairly|very|relatively|rather|much)\s+)?(?:long|longer|short|shorter|brief|lengthy|limited|extended"
    r"|considerable|indefinite|prolonged)\s+period(?:\s+of\s+time)?|a\s+period\s+of\s+time)\b"
    r"(?!\s+(?:ago|later|earlier|of(?!\s+time)|in\s+which|when)\b)(?![-’'])",
    re.IGNORECASE,
)
def vague_period(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A span of unspecified length and unit after a preposition of duration ("for", "in",
    "within", "after", "over"): "for some time", "for a while", "for a fairly lengthy period",
    "for an indefinite period" -> DURATION ``PXX`` (TimeML 1.2.1: a vague duration is a TIMEX3
    with ``X`` for what is unknown, here the unit too; TBAQ tags each such phrase, 3 of 3, with
    ``PXX`` twice). Not "a long time" (TBAQ leaves it, 1 of 1), not "once in a while" (a
    frequency), not before "ago", "later" or "of" ("a period of three years": the count is the
    duration), not "some time" before a noun ("in some time zones").

    TimeML (DCT 1990-08-15): ``Forces could be in the region for <TIMEX3 type="DURATION"
        value="PXX">some time</TIMEX3>.``
    """
    return hit_over_t(m, Timex("DURATION", "PXX", None))


_L_THE_UNITS = re.compile(r"\b(?:in|over|during|through|throughout|for|within)\s+$", re.IGNORECASE)


# "over the years", "in the early years", "in the days before the slaying"
@rule(
    "the_units",
    r"\b(?P<t>[Tt]he\s+(?:(?:early|late|intervening|ensuing|following)\s+)?(?P<unit>years|decades|months|weeks|days))\b"
    r"(?![-’']|\s+(?:of|ago|later|earlier|ahead|to\s+come)\b)",
)
def the_units(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A plural unit with "the" after "in", "over", "during", "for"...: a period of unspecified
    length (TimeML 1.2.1: vague durations are TIMEX3 DURATIONs with ``X``): "over the years",
    "in the years that followed", "in the early years" -> ``PXY``; "in the days before the
    slaying" -> ``PXD`` (TBAQ tags every such phrase of the tuning part, 8 of 8, though it
    values those anchored on an event in different ways).

    TimeML (DCT 2017-12-27): ``Prices have risen over <TIMEX3 type="DURATION" value="PXY">the
        years</TIMEX3>; a car was seen in <TIMEX3 type="DURATION" value="PXD">the days</TIMEX3>
        before the shooting.``
    """
    if left_context(_L_THE_UNITS, text, m.start()) is None:
        return None
    unit = unit_key(m["unit"])
    return hit_over_t(m, Timex("DURATION", duration_value(None, unit), UNITS[unit][1]))


_HOLIDAY_PREPOSITIONS = frozenset("on since until till by before after from through during over at".split())
"""Words before a holiday that make it a date even before a capitalised word ("On Christmas Day
Pope Francis called for peace")."""
_NOT_A_COUNTRY_BEFORE = _HOLIDAY_PREPOSITIONS | {"the", "this", "last", "next", "for", "of"}
"""Capitalised words that may open a sentence before "Independence Day" without naming a country."""


_FESTIVAL_DAY_BEFORE = re.compile(
    r"\b(?:on|during|before|after|ahead\s+of|eve\s+of|until|till|since|over|around|for|by|celebrat\w+|mark\w*|welcom\w+|this|last|next|year['’]s)"
    r"(?:\s+the)?\s+$",
    re.IGNORECASE,
)
"""What makes a Chinese festival's name a day: a preposition of time, a verb of celebrating or
last/this/next before it ("on Spring Festival", "celebrated Spring Festival", "ahead of the Lunar
New Year"); Xinhua names them as customs too ("traditional festivals like the Spring Festival")."""
_ON_THE_DAY = frozenset("on at during over".split())
"""Prepositions before a holiday in a past clause that put the clause's event on the holiday itself
("rallied on Australia Day", "the pope spoke on Palm Sunday"): the holiday is then the latest one up
to the DCT. After another word it stays the nearest ("reported sales ahead of Valentine's Day",
"prayed as Easter week began", "myths surrounding Christmas")."""


def _lunar_key(name: str) -> str:
    """The key of :data:`~etl.dates.vocabulary.HIJRI_HOLIDAYS` or :data:`~etl.dates.vocabulary.HEBREW_HOLIDAYS`
    for a written name ("Eid ul-Fitr" -> ``eid al fitr``, "Tisha B'Av" -> ``tisha b av``)."""
    key = re.sub(r"[\s'’-]+", " ", name.lower()).strip()
    key = re.sub(r"^eid (?:al|el|ul) ?", "eid al ", key)
    return "mawlid" if key.startswith("mawlid") else key


_ONE_DAY_HOLIDAY = re.compile(r"(?<!^may)(?<!^christmas) day$|^thanksgiving$|^juneteenth$|^new year$")
"""Holiday names (normalized) that stay one day before "holiday": those named a Day (not May Day,
a week in China, nor Christmas Day's season), Thanksgiving, a US federal holiday of one day, and
"the New Year holiday" (Jan. 1, the day markets close; the name alone is the year's start, untagged)."""
_WEEKDAY_OWNER = re.compile(rf"\b{WEEKDAY}['’]s\s+$")
"""A weekday's possessive before a holiday ("ahead of Monday's Memorial Day holiday"): the day's, no longer name."""
_WEEKDAY_AFTER_HOLIDAY = re.compile(rf"(?:\s+holiday)?,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b")
"""A weekday right after a holiday's name ("the Presidents Day holiday Monday", "Labor Day on Monday")."""
_EVERY_BEFORE = re.compile(r"\b(?:[Ee]very|[Ee]ach)\s+$")


# Holidays: "Christmas Day", "Thanksgiving", "last Christmas", "Easter 2016", "the 2004 Boxing Day"
@rule(
    "holiday",
    r"\b(?P<t>(?P<wkof>the\s+week\s+of\s+)?(?:(?P<rel>(?i:last|this|next))\s+|(?P<ry>(?i:last|this|next))\s+year['’]s\s+"
    r"|(?P<y0>(?:19|20)\d\d)\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+Day|\s+Eve)|New\s+Year(?=\s+holiday\b)"
    r"|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Election\s+Day"
    r"|Memorial\s+Day|Presidents['’]?\s+Day|President['’]s\s+Day|Columbus\s+Day|Black\s+Friday|Cyber\s+Monday"
    r"|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|MLK\s+Day|Labor\s+Day|Independence\s+Day(?!:)|Father['’]s\s+Day|Mother['’]s\s+Day"
    r"|Boxing\s+Day|(?:St\.?|Saint)\s+Patrick['’]s\s+Day|Bastille\s+Day|Veterans['’]?\s+Day|Armistice\s+Day|May\s+Day"
    r"|Juneteenth|Australia\s+Day|Anzac\s+Day|ANZAC\s+Day|Canada\s+Day|Remembrance\s+Day"
    r"|World\s+AIDS\s+Day|Earth\s+Day|Inauguration\s+Day"
    r"|Ash\s+Wednesday|Palm\s+Sunday|Maundy\s+Thursday|Holy\s+Thursday|Mardi\s+Gras|Shrove\s+Tuesday|Holy(?=\s+Week\b)"
    r"|Ascension\s+Day|Pentecost(?!al)|Whit\s+(?:Sunday|Monday)|Whitsun"
    r"|(?P<lunar>(?i:Eid[-\s]+(?:al|el|ul)[-\s]?(?:Fitr|Adha))|Ashura|Islamic\s+New\s+Year|Hijri\s+New\s+Year|Mawlid(?:\s+(?:al|an)[-\s]Nabi)?"
    r"|Rosh\s+Hashanah?|Yom\s+Kippur|Sukkot|Simchat\s+Torah|Hanukkah|Chanukah|Purim|Passover|Pesach|Shavuot|Tisha\s+B['’]Av"
    r"|Lunar\s+New\s+Year|Chinese\s+New\s+Year|Spring\s+Festival|Lantern\s+Festival|Dragon\s+Boat\s+Festival|Mid-Autumn\s+Festival))\b(?P<wk>\s+[Ww]eek(?P<we>end)?\b)?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b|\s+(?P<ry2>last|this|next)\s+year\b(?!['’]))?)(?=(?:\s+in\s+(?P<yin>(?:19|20)\d\d)\b)?)(?!\s+(?:tree|trees|card|cards|present|presents|gift|gifts|shopping|shoppers?|spending|season|sales|holidays|break|party|parties|dinner|carols?|lights|market|music|weekend|message|address|truce|ceasefire|cease-fire|bombing|offensive|eggs?|decorations)\b)(?!['’]s)",
)
def holiday(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Fixed and computed holidays -> their day, in the year nearest the DCT (past bias; the
    next one in a clause with a future cue or a future verb, "hopes to have the device on
    shelves by Christmas" in July, HeidelTime's tense rule):
    Christmas (Dec 25; Eve Dec 24), New Year's Day (Jan 1; Eve Dec 31), Halloween (Oct 31),
    Valentine's Day (Feb 14), US Thanksgiving (fourth Thursday of November), Easter
    Sunday, Easter Monday, Good Friday, Maundy (Holy) Thursday, Palm Sunday, Ash Wednesday, Mardi
    Gras (Shrove Tuesday), Ascension Day, Pentecost (Whit Sunday, Whitsun) and Whit Monday (Gregorian computus,
    :data:`~etl.dates.vocabulary.EASTER_OFFSETS`), US Election Day (capitalized: the Tuesday
    after the first Monday of November, 2 U.S.C. 7), US Inauguration Day (Jan. 20 of a year after a
    presidential election, 4n + 1; 20th Amendment) and the fixed days of
    :data:`~etl.dates.vocabulary.FIXED_HOLIDAYS` (Boxing Day, St. Patrick's Day, Bastille
    Day, Veterans/Armistice Day, May Day; Independence Day, the US July 4, unless a
    possessive or a capitalised word names another country's, "India's Independence Day",
    "Ukrainian Independence Day"), the US federal holidays on an n-th weekday
    (:data:`~etl.dates.vocabulary.NTH_WEEKDAY_HOLIDAYS`: Memorial Day, Presidents' Day,
    Columbus Day, Martin Luther King Jr. Day, Labor Day; 5 U.S.C. 6103; Father's Day and
    Mother's Day, 36 U.S.C. 109 and 117) and the shopping days
    after Thanksgiving (Black Friday, Cyber Monday). Chinese and Asian wire copy calls May 1
    "Labor Day", the US the first Monday of September: the one nearer the DCT, on the side of it
    a future or past clause speaks of, is taken ("open daily through Labor Day" in May:
    September); more than :data:`_LABOR_DAY_REACH` days from both (half a year ahead in a
    future clause), no date. Before
    "holiday" only these Monday holidays are the day ("the Memorial Day holiday"; "the May Day
    holiday" is a week in China, "the Christmas holiday" a season). A
    year before the name is its year ("the 2004 Boxing Day tsunami"); before a capitalised
    word the holiday is part of a name ("Christmas Channel", "Palm Sunday Mass") unless a
    preposition precedes it ("On Christmas Day Pope Francis..."). TIMEX3 guidelines:
    holidays are DATEs.

    "last year's Thanksgiving", "Christmas next year" are the holiday of that year (the
    DCT's year minus or plus one; "last Christmas" is the latest one before the DCT).

    A holiday before "week" ("Easter week", "Christmas week", "Thanksgiving week", and "Holy
    Week", Easter's) or after "the week of" is the ISO week that holds the holiday (TBAQ: "as Easter week began" on
    Palm Sunday 2000 is ``2000-W16``, the week that ends on Easter Sunday); before "weekend",
    that week's weekend ("the Thanksgiving weekend" of 2013: ``2013-W48-WE``).

    TimeML (DCT 2000-04-17): ``Protesters prayed as <TIMEX3 type="DATE" value="2000-W16">Easter
        week</TIMEX3> began.``

    TimeML (DCT 2017-12-27): ``Shops closed on <TIMEX3 type="DATE" value="2017-12-25">Christmas
        Day</TIMEX3>.``
    """
    lunar = _lunar_key(m["lunar"]) if m["lunar"] else None
    if lunar in CHINESE_HOLIDAYS and not _FESTIVAL_DAY_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")):
        return None  # "festivals like the Spring Festival", "three Spring Festival charter flights": a custom, no day
    if re.match(r"\s+Islands?\b", text[m.end() : m.end() + 9]):
        return None  # "on Easter Island", "Christmas Island": a place
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]) and (lunar or not (m["y"] or m["y0"])):
        if lunar or word_before(text, m.start("t")) not in _HOLIDAY_PREPOSITIONS:
            return None  # a name: "a special Christmas Channel", "the Easter Rising", "the 1973 Yom Kippur War"
    if not (lunar or m["rel"] or m["ry"] or m["y0"] or m["wkof"]) and name_word_before(text, m.start("t")) and not _WEEKDAY_OWNER.search(
        text, max(0, m.start("t") - 14), m.start("t")
    ):
        return None  # "Orthodox Christmas", "Holocaust Memorial Day": another calendar's day, a longer name
    name = re.sub(r"[\s'’.,]+", " ", m["name"].lower()).strip()
    if name == "independence day":
        before = text[max(0, m.start("t") - 12) : m.start("t")]
        if re.search(r"(?:['’]s|\b(?:its|their|our|his|her|national|film|movie|blockbuster))\s+$", before) or (
            re.search(r"\b[A-Z][a-z]+\s+$", before) and word_before(text, m.start("t")) not in _NOT_A_COUNTRY_BEFORE
        ):
            return None  # "Pakistan's Independence Day", "Ukrainian Independence Day": another country's; the film
    year = m["y"] or m["y0"]
    if re.match(r"\s+holiday\b", text[m.end("t") :]) and not _ONE_DAY_HOLIDAY.search(name):
        # "the Christmas holiday", "the May Day holiday", "the Easter holiday": a period; "the Memorial
        # Day holiday", "the Veterans Day holiday", "the Thanksgiving holiday" are the day
        return None

    every = _EVERY_BEFORE.search(text, max(0, m.start("t") - 8), m.start("t"))
    if every is not None and not any(m[g] for g in ("rel", "ry", "y0", "wkof", "wk", "y", "ry2", "yin")):
        # "Every Christmas, the family...": the holiday recurs, a SET of its day of the year
        # (TIDES 2005 4.2, "every March 1" XXXX-03-01); a holiday that moves has no such value
        fixed = next(((mo, d) for prefix, mo, d in FIXED_HOLIDAYS if name.startswith(prefix)), None)
        if fixed is None or lunar:
            return None
        return Hit(every.start(), m.end("t"), Timex("SET", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", None))

    def day_in(y: int) -> dt.date:
        if lunar:  # the first of the year's days of a lunar calendar's holiday
            return next(d for d in lunar_holidays(lunar, dt.date(y, 7, 1)) if d.year == y)
        for prefix, month, day in FIXED_HOLIDAYS:
            if name.startswith(prefix):
                return dt.date(y, month, day)
        for prefix, month, weekday, n in NTH_WEEKDAY_HOLIDAYS:
            if name.startswith(prefix):
                return nth_weekday(dt.date(y, month, 1), weekday, n)  # type: ignore[return-value]
        for prefix, after in THANKSGIVING_OFFSETS.items():
            if name.startswith(prefix):
                return nth_weekday(dt.date(y, 11, 1), 3, 4) + dt.timedelta(days=after)  # type: ignore[operator]
        if name.startswith("inauguration"):
            return dt.date(y, 1, 20)  # the US president's term begins at noon on Jan. 20 (20th Amendment, 1933)
        if name.startswith("election"):
            first = dt.date(y, 11, 1)  # the Tuesday after the first Monday of November
            return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
        return easter(y) + dt.timedelta(days=EASTER_OFFSETS.get(name, 0))

    ry = (m["ry"] or m["ry2"] or "").lower()
    year = year or m["yin"]  # "on Christmas Eve in 2000": that year's (the year a TIMEX3 of its own)
    if year:
        d = day_in(int(year))
    elif ry:  # "last year's Thanksgiving", "Easter this year": the holiday of that year
        d = day_in(dct.year + _REL_STEP[ry])
    else:
        rel = (m["rel"] or "").lower()
        cands = list(lunar_holidays(lunar, dct)) if lunar else [day_in(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        named = _WEEKDAY_AFTER_HOLIDAY.match(text, m.end("t"))
        if name.startswith("inauguration"):  # only after a presidential election: years 4n + 1
            cands = [day_in(y) for y in range(dct.year - 4, dct.year + 5) if y % 4 == 1]
        if name.startswith("labor"):
            # Xinhua's "Labor Day" is May 1: the one of the two nearer the DCT on the clause's side
            may = [dt.date(y, *LABOR_DAY_MAY) for y in (dct.year - 1, dct.year, dct.year + 1)]
            ahead = speaks_of_future(text, m.start("t"), m.end("t"))
            past = not ahead and clause_tense(text, m.start("t"), m.end("t")) < 0
            side = [c for c in may + cands if (ahead and c >= dct) or (past and c <= dct) or not (ahead or past)] or may + cands
            nearest = min(side, key=lambda c: abs((c - dct).days))
            if abs((nearest - dct).days) > (_LABOR_DAY_REACH_AHEAD if ahead else _LABOR_DAY_REACH):
                return None  # far from both, the story's country decides: no date
            if nearest in may:
                cands = may
        on_weekday = [c for c in cands if named and c.weekday() == WEEKDAY_NUM[named["wd"].lower()] and abs((c - dct).days) <= 7]
        if not rel and on_weekday:
            # "the Presidents Day holiday Monday" the day after it: the weekday names the week, as a
            # weekday alone is read within a week of the DCT
            d = min(on_weekday, key=lambda c: abs((c - dct).days))
        elif rel == "last":
            d = max(c for c in cands if c < dct)
        elif rel == "next":
            d = min(c for c in cands if c > dct)
        elif rel == "this":
            d = cands[1]
        elif (tense := clause_tense(text, m.start("t"), m.end("t"))) < 0 and word_before(text, m.start("t")) in _ON_THE_DAY:
            # "Thousands rallied in Sydney on Australia Day" four days before the next one: a past
            # event on the holiday, the latest one up to the DCT (HeidelTime's tense rule)
            d = max(c for c in cands if c <= dct)
        elif tense >= 0 and (future_context(text, m.start("t")) or tense > 0):
            # "hopes to have it on shelves by Christmas" in July: the next one (a present habit,
            # "banks close on Columbus Day", keeps the nearest; a past clause too, "florists
            # reported brisk sales ahead of Valentine's Day" on Feb. 27)
            lasts = dt.timedelta(days=LUNAR_HOLIDAY_DAYS.get(lunar or "", 1) - 1)
            d = min(c for c in cands if c + lasts >= dct)  # one under way is not behind
        else:
            d = min(cands, key=lambda c: abs((c - dct).days) + (PAST_BIAS_DAYS if c > dct else 0))
    if m["we"]:  # "the Thanksgiving weekend", "Easter weekend": the weekend of the holiday's ISO week
        s = m.start("t")
        the = 4 if text[max(0, s - 4) : s].lower() == "the " and not m["wkof"] else 0
        # a Monday holiday ends a long weekend: "the Memorial Day weekend" is the Saturday and
        # Sunday before it, not those of its ISO week (a three-day weekend, 5 U.S.C. 6103(b))
        return Hit(s - the, m.end("t"), weekend_of(d - dt.timedelta(days=2) if d.weekday() == 0 else d))
    if not (m["wk"] or m["wkof"] or m["y"] or m["ry2"]) and (part := _PART_OF_DAY_AFTER.match(text, m.end("t"))) is not None:
        # "on Christmas morning": that part of the holiday, a TIME (as "Tuesday night")
        return Hit(m.start("t"), part.end(), timex_at(d, "day", PARTS_OF_DAY[part["pod"].lower()]))
    return hit_over_t(m, timex_at(d, "week" if m["wk"] or m["wkof"] else "day"))


_PART_OF_DAY_AFTER = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b(?![-’'])")


# Reporting periods: "the year-ago quarter", "the same period last year", "the 1988
# quarter", "the latest period", "year-earlier" (business news, see Period)
@rule(
    "period_back",
    r"\b(?P<t>(?:the\s+)?(?:(?:same|corresponding|comparable|year-ago|year-earlier|prior-year)\s+){0,2}"
    r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)"
    r"(?:\s+(?P<back>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year))?"
    r"|last\s+year['’]s\s+(?:(?P<q2>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<back2>quarter|period)"
    r"|the\s+(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)"
    r"|the\s+(?P<latest>latest|most\s+recent)\s+(?:three-month\s+)?period"
    r"|(?P<adj>year-(?:earlier|ago)))\b(?!-|['’]s)", re.IGNORECASE,
)
def period_back(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The reporting period a year back, or with a year (business news; :class:`Period`).

    "the year-ago quarter", "the year-earlier third quarter", "the comparable year-ago
    period", "the same period last year", "the quarter a year ago", "last year's
    quarter" -> the latest quarter mentioned (the ordinal as written), a year earlier;
    "the 1988 quarter"/"the 1988 period" -> that quarter in 1988 (without a quarter
    mentioned before, 1988). "year-earlier"/"year-ago" alone ("the year-earlier $4.5
    million") -> that quarter a year back, else the DCT's year minus one. "the latest
    period" -> the reporting quarter (else the latest one closed before the DCT).

    TimeML (DCT 2017-12-27): ``<TIMEX3 type="DATE" value="2017-Q3">Third-quarter</TIMEX3> profit
        rose. In <TIMEX3 type="DATE" value="2016-Q3">the year-ago quarter</TIMEX3>, the firm lost
        money.``
    """
    q = ORDINALS.get((m["q"] or m["q2"] or "").lower())
    if m["y"]:
        y = int(m["y"])
        return hit_over_t(m, Period(year=y, quarter=q, fallback=timex_at(dt.date(y, 1, 1), "year")))
    if m["latest"]:
        return hit_over_t(m, Period())
    if m["adj"]:
        return hit_over_t(m, Period(years_back=1, fallback=timex_at(shift(dct, "year", -1), "year")))
    back = bool(m["back"] or m["back2"]) or bool(re.search(r"year-|prior-year", m["t"], re.IGNORECASE))
    if not back:
        return None
    return hit_over_t(m, Period(years_back=1, quarter=q))


# Same-reference anaphors: "that day", "the same year", "the quarter", "the latest quarter"
@rule(
    "same_anaphor",
    r"\b(?P<t>(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)"
    r"|the\s+(?:latest\s+|same\s+|fiscal\s+)?(?P<q>quarter))\b"
    r"(?![-’']\w\w|\s+(?:of|before|after|when|that|in\s+which|last|a|one|next|this|earlier|later)\b)", re.IGNORECASE,
)
def same_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that day", "that same day", "the same year" -> the latest calendar mention before it, at
    that unit (TimeML 1.2.1 ``anchorTimeID``; "later that year", "Earlier that day" in the
    extent, as TBAQ tags them); "the same" day or week within a coarser mention
    keeps ``X`` for what is unknown ("last October ... that same day" -> ``1998-10-XX``,
    :func:`~etl.dates.anaphora.unknown_within`), while a plain "that day" there is mostly a
    generic one ("trades made that day") and is dropped, as when no date precedes. "the (latest) quarter",
    "that quarter" -> the reporting period (:class:`Period`): the latest quarter
    mentioned, else the latest quarter closed before the DCT. "that morning" (afternoon,
    evening, night) is that part of the day mentioned before it, a TIME, as "the next morning"
    is (:func:`anaphor`).

    TimeML (DCT 2017-12-27): ``Police arrived on <TIMEX3 type="DATE" value="2017-12-20">Dec.
        20</TIMEX3>; <TIMEX3 type="DATE" value="2017-12-20">that day</TIMEX3>, a crowd gathered.``
    TimeML (DCT 2017-12-27): ``He was shot <TIMEX3 type="DATE" value="2017-10">last October</TIMEX3>;
        his name was crossed out <TIMEX3 type="DATE" value="2017-10-XX">that same day</TIMEX3>.``
    """
    unit = (m["unit"] or m["q"]).lower()
    if unit == "quarter":
        return hit_over_t(m, Period())
    if unit in PARTS_OF_DAY:  # "that morning": the day before it, at that part of the day
        return hit_over_t(m, Anaphor("day", 0, same=True, exact=True, tod=PARTS_OF_DAY[unit]))
    same = re.search(r"same", m["t"], re.IGNORECASE) is not None
    return hit_over_t(m, Anaphor(unit, 0, same=True, within=same))


_GENERIC_OF = re.compile(r"\b(?:days?|nights?|times?|hours?|mornings?|evenings?)\s+of\s+$", re.IGNORECASE)
"""A day or time "of" before "the week": a generic week ("the busiest day of the week")."""


# "For the week, the index fell": the week of the latest date mentioned, else the DCT's
@rule(
    "the_week",
    r"\b(?P<t>[Tt]he\s+week)\b(?![-’']\w\w|\s+(?:of|before|after|earlier|later|ahead|ended|ending|to|through|in\s+which)\b)",
)
def the_week(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week" (not "weeks", nor "the week of ...", "the week before", "the week ahead",
    "the week ended ...", which other rules read) -> the ISO week of the latest date mentioned
    before it when that date lies in the 7 days up to the DCT (the week the story reports:
    "on Friday. For the week, ..."), else the DCT's week, as for "the rest of the week"
    (TimeML 1.2.1: a definite unit is an anaphoric DATE; TBAQ's
    tuning part tags it 5 times in 5, "For the week, the index dropped 3.8%"). Not after a
    day or a time "of" ("the busiest day of the week", "any time of the week": generic).

    TimeML (DCT 2017-12-27): ``Stocks fell on <TIMEX3 type="DATE" value="2017-12-22">Friday</TIMEX3>;
        for <TIMEX3 type="DATE" value="2017-W51">the week</TIMEX3>, the index lost 2%.``
    """
    if _GENERIC_OF.search(text, max(0, m.start() - 20), m.start()):
        return None
    week = timex_at(dct, "week")
    if re.search(r"\brest\s+of\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
        return hit_over_t(m, week)  # "for the rest of the week": the DCT's
    return hit_over_t(m, Anaphor("week", 0, same=True, fallback=week, recent=True))


# "a year earlier", "one week later": anaphoric (the reporting period a year back
# in a comparison of figures; else the latest mention shifted; else a DURATION)
@rule(
    "unit_earlier",
    rf"\b(?<![Hh]alf\s)(?P<t>(?:a|one)\s+(?P<unit3>year|month|fortnight|week|day|decade|century)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later))\b(?!\s+than\b)",
    re.IGNORECASE,
)
def anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Anaphoric "the previous day", "the day after", "a year earlier", "the following week":
    shifted from the latest calendar mention before it, or from the DCT when there is none
    (TimeML 1.2.1 ``anchorTimeID``; HeidelTime's reference-time rule).

    "the following year", "the previous month", "the week before" name a calendar unit:
    the value is that unit of the shifted anchor ("On May 22, 1995, ... the following
    year" -> ``1996``, TimeML 1.2.1: the value has the granularity the phrase names),
    while "a year earlier" shifts the anchor at its own granularity ("the third quarter
    ... a year earlier" -> the third quarter of the year before, as TimeBank has it).

    TimeML (DCT 2017-12-27): ``He moved to Paris in <TIMEX3 type="DATE" value="2015">2015</TIMEX3>
        and to Rome <TIMEX3 type="DATE" value="2014">a year earlier</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Police arrived on <TIMEX3 type="DATE"
        value="2017-12-25">Monday</TIMEX3> and left <TIMEX3 type="DATE" value="2017-12-26">the next
        day</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``On <TIMEX3 type="DATE" value="2015-05-22">May 22, 2015</TIMEX3>, he
        was promoted, and <TIMEX3 type="DATE" value="2016">the following year</TIMEX3> he moved.``
    TimeML (DCT 2017-12-27): ``Sales fell in <TIMEX3 type="DATE" value="2017-03">March 2017</TIMEX3>
        after a rise <TIMEX3 type="DATE" value="2017-02">the month before</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The ban took effect in <TIMEX3 type="DATE" value="2017-03">March
        2017</TIMEX3>; sales had jumped <TIMEX3 type="DATE" value="2017-02">the month before</TIMEX3> it.``

    "the next morning" (evening, night) is that part of the next day, a TIME, as a weekday's
    part of the day is (:func:`weekday`).

    TimeML (DCT 2017-12-27): ``He was arrested on <TIMEX3 type="DATE" value="2017-12-20">Dec.
        20</TIMEX3> and appeared in court <TIMEX3 type="TIME" value="2017-12-21TMO">the next
        morning</TIMEX3>.``
    """
    g = m.groupdict()
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3")).lower()
    tod = PARTS_OF_DAY.get(unit)
    if tod:
        unit = "day"  # "the next morning": the next day, at that part of the day
    direction = (g.get("dir") or g.get("dir2") or g.get("dir3")).lower()
    sign = 1 if direction in ("next", "following", "after", "later") else -1
    as_duration = Timex("DURATION", duration_value(1, unit), UNITS[unit][1]) if g.get("unit3") else None
    step, named = 1, not g.get("unit3")
    if unit in ("decade", "century"):  # "a decade later": ten years on, a year (not a day) of it
        unit, step, named = "year", (10 if unit == "decade" else 100), True
    elif unit == "fortnight":  # "a fortnight later": two weeks on, as "two weeks later" is
        unit, step = "week", 2
    if g.get("unit3") and unit == "year" and step == 1 and sign < 0 and comparison(text, m.start("t"), need_cue=False):
        # "compared with C$307.2 a year earlier": the reporting period a year back
        return hit_over_t(m, Period(years_back=1, fallback=Anaphor(unit, sign, fallback=as_duration)))
    return hit_over_t(m, Anaphor(unit, sign * step, fallback=as_duration, named=named, tod=tod))


# "that weekend", "the weekend before", "the following weekend": a weekend of the date told before
@rule(
    "weekend_anaphor",
    r"\b(?P<t>(?P<that>that\s+(?:same\s+)?weekend)|the\s+(?P<dir>previous|preceding|prior|following)\s+weekend"
    r"|the\s+weekend\s+(?P<dir2>before|after)(?=\s*[,.;:!?)\"”]|\s+(?:and|but|when|while|as)\b))\b(?![-’'])",
    re.IGNORECASE,
)
def weekend_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that weekend", "the weekend before", "the previous/following weekend" -> a weekend
    anchored on the date told before it (TimeML 1.2.1 ``anchorTimeID``): of that date's week,
    the last one over before it, the first one after it
    (:func:`~etl.dates.anaphora.weekend_near`); "that weekend" with no date before it is dropped,
    the others fall back to the DCT ("the previous weekend" is then last weekend). "the weekend
    before (after)" only where its phrase ends: not "the weekend before last", "the weekend
    before his visit", "resigned at the weekend after losing a confidence vote" (an event's).

    TimeML (DCT 2006-02-09): ``The bodies were found on <TIMEX3 type="DATE"
        value="2004-01-13">Jan. 13, 2004</TIMEX3>; neighbours heard shots <TIMEX3 type="DATE"
        value="2004-W02-WE">the weekend before</TIMEX3>.``
    """
    if m["that"]:
        return hit_over_t(m, Anaphor("day", 0, same=True, weekend=True))
    sign = -1 if (m["dir"] or m["dir2"]).lower() in ("previous", "preceding", "prior", "before") else 1
    return hit_over_t(m, Anaphor("day", sign, weekend=True, fallback=weekend_near(dct, sign)))


# "the following month", "the previous week": anaphoric, whatever spaCy says
rule(
    "following_unit",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|prior|following)\s+(?P<unit>week|month|year))\b(?![-’']|\s+of\b)",
    re.IGNORECASE,
)(anaphor)


# "the previous decade", "the following century": anaphoric calendar decades and centuries
@rule(
    "decade_anaphor",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|following|ensuing)\s+(?P<unit>decade|century))\b(?![-’'])", re.IGNORECASE,
)
def decade_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous decade", "the following decade", "the preceding century": the calendar
    decade (century) before or after the date mentioned before it, else the DCT's (TimeML
    1.2.1 ``anchorTimeID``, as :func:`anaphor` reads "the following year"): after "the
    1990s", "the following decade" is ``200``; in a story of 2011 with no date before it,
    "the previous decade" is ``200``.

    TimeML (DCT 2011-04-04): ``Growth averaged 3 percent a year in <TIMEX3 type="DATE"
        value="200">the previous decade</TIMEX3>.``
    """
    sign = 1 if m["dir"].lower() in ("following", "ensuing") else -1
    return hit_over_t(m, Anaphor(m["unit"].lower(), sign, named=True))


# "the year", "for the full year", "earlier in the year", "year-end", "the fiscal
# year ended June 30"
@rule(
    "the_year",
    r"\b(?P<t>(?:(?P<inyear>earlier|later)\s+in\s+)?the\s+(?P<mod>full\s+|fiscal\s+|current\s+fiscal\s+|whole\s+|entire\s+|calendar\s+)?year"
    r"|(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year['’]s\s+end)(?P<end>))\b"
    r"(?![-’']|\s+(?:before(?!\s+[a-z]+ing\b)|after(?!\s+[a-z]+ing\b)|earlier|later|ago|two|of|in\s+which|when|\d|(?-i:[A-Z])))", re.IGNORECASE,
)
def the_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the year" in business news (TimeBank's annotation of earnings reports).

    "the (fiscal) year ended June 30" / "the fiscal year" -> DURATION ``P1Y`` (a span
    named by its end); "the current fiscal year", "the year", "for the full year",
    "earlier in the year", "year-end", "the end of the year", "the calendar year" -> the DCT's
    year, TIMEX3 value ``YYYY`` (the end itself would be ``mod="END"``, which the value does
    not carry); in a past-tense clause of January or February, the year just ended ("For the
    full year, revenue rose 22%": annual results come out in the first weeks of the next year),
    but not its start ("The index fell at the beginning of the year" on Jan. 10 is the DCT's).

    TimeML (DCT 2017-12-27): ``It forecast a rise for <TIMEX3 type="DATE" value="2017">the full
        year</TIMEX3>.``
    """
    if _AWARD_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")):
        return None  # "album of the year", "player of the year": an award's title, no date
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()).strip()
    nxt = word_after(text, m.end("t")).lower()
    if m["end"] is None and (nxt in ("ended", "ending", "ends", "through", "to") or mod == "fiscal"):
        return hit_over_t(m, Timex("DURATION", "P1Y", "year"))
    if (
        mod in ("", "full", "whole", "entire", "calendar") and dct.month <= 2 and clause_tense(text, *m.span("t")) < 0
        and not (m["end"] is None and _YEAR_START_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")))
    ):
        return hit_over_t(m, timex_at(dt.date(dct.year - 1, 1, 1), "year"))  # "For the full year, revenue rose 22%" in January
    return hit_over_t(m, timex_at(dct, "year"))


_YEAR_START_BEFORE = re.compile(
    r"\b(?:beginning|start|opening|outset|first\s+(?:days|weeks)|first\s+(?:[\w-]+\s+){1,3}?)\s*of\s+$|\bearly\s+(?:in\s+)?$", re.IGNORECASE
)
"""Words before "the year" that name its start ("at the beginning of the year", "early in the
year", "the first baby of the year"): in January that start is already behind, so the year is the
DCT's, not the one just ended."""


# "by midweek": the DCT's week
@rule(
    "midweek",
    r"\b(?:by|until|till|from|around|before|after|at)\s+(?P<t>mid-?week)\b(?![-’'])(?!\s+[a-z]+(?<!\band)(?<!\bor)(?<!\bwhen))",
    re.IGNORECASE,
    needs=frozenset(["midweek", "mid-week"]),
)
def midweek(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"by midweek", "until mid-week" after a preposition, the phrase ending there -> the DCT's ISO
    week (TIMEX3 ``YYYY-Www``; the middle would be ``mod="MID"``). Not the adjective of "a midweek
    match".

    TimeML (DCT 2024-08-05): ``Temperatures will top 40C by <TIMEX3 type="DATE"
        value="2024-W32">midweek</TIMEX3>.``
    """
    return hit_over_t(m, timex_at(dct, "week"))


# "by mid-year", "at midyear", "by mid-decade", "by mid-century": the middle of the DCT's year,
# decade or century
@rule(
    "mid_year",
    r"\b(?:by|at|until|till|before|since|in|from|around|after|toward|towards)\s+(?P<t>mid-?(?P<unit>year|decade|century))\b(?![-’'])"
    r"(?!\s+(?!(?:if|and|or|but|when|as|to|for|in|on|at|with|after|before|the|a|an|is|was|will|would|unless|so)\b)[a-z]+)",
    re.IGNORECASE,
    needs=frozenset(["midyear", "mid-year", "middecade", "mid-decade", "midcentury", "mid-century"]),
)
def mid_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"by mid-year", "at midyear" after a preposition, the phrase ending there -> the DCT's year
    (TIMEX3 ``YYYY``; the middle would be ``mod="MID"``, which the value does not carry, as
    "mid-1990" is ``1990``). Not the adjective of "a mid-year review". "by mid-decade", "by
    mid-century" -> the DCT's decade (``200``) or century (``20``, TimeBank's numbering), the next
    one when the DCT is past its middle and the clause speaks of the future ("cut emissions by
    mid-century" in 1995 is the 2000s' century, ``20``).

    TimeML (DCT 1996-02-13): ``They hope to complete the merger by <TIMEX3 type="DATE"
        value="1996">mid-year</TIMEX3>.``
    TimeML (DCT 2022-08-22): ``It aims to be carbon neutral by <TIMEX3 type="DATE"
        value="20">mid-century</TIMEX3>.``
    """
    unit = m["unit"].lower()
    if unit == "year":
        return hit_over_t(m, timex_at(dct, "year"))
    size = 10 if unit == "decade" else 100
    start = dct.year // size * size
    if dct.year - start >= size // 2 and speaks_of_future(text, *m.span("t")):
        start += size  # past the middle of this one: the middle ahead is the next one's
    return hit_over_t(m, timex_at(dt.date(start, 1, 1), unit))


# "the deal of the decade", "the last Cannes of the century": the DCT's decade or century
@rule(
    "of_the_period",
    r"\bof\s+(?P<t>the\s+(?P<unit>decade|century))(?=\s*(?:[.,;:!?)\"”]|$)|\s+(?:and|but|or|as|when|with|for|so|that|is|was)\b)"
    r"|\b(?:before|until|till|by\s+the\s+time)\s+(?P<t2>the\s+(?P<unit2>decade|century))(?=\s+(?:is|was)\s+(?:out|over|through)\b|\s+ends\b)",
    needs=frozenset(["decade", "century"]),
)
def of_the_period(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"of the decade", "of the century" after a superlative or a noun ("the most lucrative
    engagements of the decade", "the trial of the century") -> the DCT's decade or century,
    TIMEX3 DATE ``199``, ``19``, as "this decade" (TimeML 1.2.1: a definite "the decade" refers
    to the period of the speech time, TIMEX3 guidelines 2.2.1, "the year"). Only where the phrase
    ends (a punctuation mark or a conjunction after it): not "the decade before", "the decade in
    which" (another), "the century's end", nor "of the century bond" (a noun's modifier), nor a
    title ("the 'Trial of the Century'").

    TimeML (DCT 1993-11-04): ``It was the biggest deal of <TIMEX3 type="DATE" value="199">the
        decade</TIMEX3>.``

    So is the period of "before the decade is out" ("until the century is over", "by the time the
    decade ends"; the phrase as the issue of a deadline, JFK's "before this decade is out").

    TimeML (DCT 1996-09-10): ``NASA hopes to land a rover on Mars before <TIMEX3 type="DATE"
        value="199">the decade</TIMEX3> is out.``
    """
    if m["t2"]:
        return Hit(*m.span("t2"), timex_at(dct, m["unit2"].lower()))
    return hit_over_t(m, timex_at(dct, m["unit"].lower()))


_AWARD_BEFORE = re.compile(
    r"\b(?:album|record|song|player|coach|manager|rookie|person|man|woman|athlete|car|book|word|team|artist|entertainer"
    r"|driver|footballer|cricketer|businessman|businesswoman)s?\s+of\s+$",
    re.IGNORECASE,
)
"""An award's noun before "of the year" ("record of the year", "Player of the Year")."""


# "this fiscal year", "last financial year", "the new financial year": a fiscal year named relative to the DCT
@rule(
    "fiscal_year",
    r"\b(?P<t>(?P<rel>this|last|next|(?:the\s+)?(?:current|new|latest|previous|coming))\s+(?:fiscal|financial|business)\s+year)\b(?![-’'])",
    re.IGNORECASE,
)
def fiscal_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this (the current, the new) fiscal year" -> the DCT's year, "last (the latest, the
    previous) fiscal year" the year before, "next (the coming) fiscal year" the year after: TIMEX3
    ``YYYY`` as TimeBank values a fiscal year by a calendar year ("the current fiscal year" in a
    story of 1989-11-02 is ``1989``, "the latest fiscal year" of 1989-10-26 ``1988``); also
    "financial year" and "business year" (British, Australian and Japanese copy). Without the
    relative word, a year "ended June 30" is a span named by its end (:func:`the_year`).

    TimeML (DCT 2012-09-27): ``The bank cut rates for the second time <TIMEX3 type="DATE"
        value="2012">this fiscal year</TIMEX3>.``
    """
    rel = re.sub(r"^the\s+", "", m["rel"].lower())
    step = {"this": 0, "current": 0, "new": 0, "last": -1, "latest": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    return hit_over_t(m, timex_at(dt.date(dct.year + step, 1, 1), "year"))


# "this fiscal", "the last fiscal": Indian copy's fiscal year, April to March, as a noun
@rule(
    "fiscal_noun",
    r"\b(?P<t>(?P<rel>this|the\s+current|last|the\s+last|the\s+previous|next|the\s+next)\s+fiscal)\b"
    r"(?!['’-]|\s+(?:19|20)\d\d|\s+(?:year|years|quarter|quarters|half|halves|first|second|third|fourth|period|month|months"
    r"|results?|budget|deficit|policy|plan|earnings|outlook|targets?|growth|reports?)\b)",
    re.IGNORECASE,
)
def fiscal_noun(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this fiscal", "the last fiscal", "next fiscal" with "fiscal" as a noun (Indian English:
    PTI's "GDP growth this fiscal") -> the fiscal year of India, April 1 to March 31 (the
    Income-tax Act 1961, s. 3), valued by the year it begins in (TIMEX3 ``YYYY``): in a story of
    2008-03-08 "this fiscal" is ``2007`` (2007-08) and "the next fiscal" ``2008``. Not "this
    fiscal year" (:func:`the_year`), nor an adjective ("last fiscal quarter").

    TimeML (DCT 1993-04-01): ``Borrowers hope for some relief <TIMEX3 type="DATE"
        value="1993">this fiscal</TIMEX3>.``
    """
    rel = re.sub(r"\s+", " ", m["rel"].lower()).removeprefix("the ")
    begins = dct.year if dct.month >= 4 else dct.year - 1
    year = begins + {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[rel]
    return hit_over_t(m, timex_at(dt.date(year, 1, 1), "year"))


# "in the new year": the coming calendar year
@rule(
    "new_year",
    r"\b(?P<t>the\s+new\s+year)\b(?!['’]|\s+(?:festival|holiday|holidays|celebrations?|day|eve|party|parties|resolutions?)\b)",
)
def new_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the new year" (lower case; not the holiday, "the new year festival") -> the calendar
    year that comes next in a story of the last quarter ("made public early in the new year" on
    2005-11-16 -> ``2006``), else the DCT's year, which has just begun ("a recession early in
    the new year" on 2000-01-02 -> ``2000``): TIDES 2005, a year named by its relation to the DCT.

    TimeML (DCT 2005-11-16): ``The list could be made public early in <TIMEX3 type="DATE"
        value="2006">the new year</TIMEX3>.``
    """
    return hit_over_t(m, timex_at(dt.date(dct.year + (1 if dct.month >= 10 else 0), 1, 1), "year"))


_LABOR_DAY_REACH = 62
"""Days from the DCT within which "Labor Day" is read as the nearer of May 1 and the US one
(a story of late April or May speaks of May 1, one of August or September of the US day); beyond
it the country decides, which the tagger does not know. A future clause reaches further
(:data:`_LABOR_DAY_REACH_AHEAD`): "pools will be open daily through Labor Day" in May."""
_LABOR_DAY_REACH_AHEAD = 183


_L_PART = re.compile(r"\b[Tt]he\s+(?:end|start|beginning|middle|close|(?:first|second|latter)\s+half)\s+$")


# "the decade's end", "by century's end"
@rule(
    "unit_s_end",
    r"\b(?P<t>(?:[Tt]he\s+)?(?P<unit>decade|century|month|week)['’]s\s+(?:end|close|start|beginning|middle))\b",
)
def unit_s_end(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"(by) decade's end", "the century's end", "the month's end": the DCT's decade or
    century, the month or week last mentioned else the DCT's, as "the end of the decade" is
    (:func:`part_of_unit`; the part would be ``mod="END"``, which the value does not carry).

    TimeML (DCT 2011-01-15): ``China aims to land a probe on Mars by <TIMEX3 type="DATE"
        value="201">decade's end</TIMEX3>.``
    """
    return hit_over_t(m, unit_of_the_story(m["unit"], dct))


def unit_of_the_story(unit: str, dct: dt.date) -> Timex | Anaphor:
    """The decade or century last mentioned as such ("in the early 1970s and again at the end of the
    decade": the 1970s), else the DCT's; the month or week last mentioned, else the DCT's: what "the
    end of the decade" and "the month's end" name (``unit`` one of decade, century, month, week). A
    decade is taken only from a decade told before it, not from a year in it ("since 1985 ... by the
    end of the decade" is the DCT's)."""
    if unit in ("decade", "century"):
        return Anaphor(unit, 0, same=True, exact=True, fallback=timex_at(dct, unit))
    return Anaphor(unit, 0, same=True, fallback=timex_at(dct, unit))


# "the end of the decade", "the beginning of the month" (the pattern starts at "of the", a
# literal found fast; "the end" is read before it)
@rule(
    "part_of_unit",
    r"of\s+the\s+(?P<unit>decade|century|month|week|quarter)\b(?!['’-])",
)
def part_of_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the end (start, beginning, middle, close, first/second half) of the decade/century" -> the
    decade or century told before it, else the DCT's; "... of the month/week" -> the month or week last mentioned, else the DCT's;
    "... of the quarter" -> the reporting quarter (:class:`~etl.dates.anaphora.Period`), or in a
    future clause the DCT's ("must raise capital by the end of the quarter"); the end of a decade
    or century in a past clause of its first year is the one just ended (:func:`_just_ended`). The
    TIMEX3 spans the phrase; its value is the unit (the part would be ``mod="END"``...,
    which the value does not carry), as TimeBank annotates "the end of 1990" -> ``1990``.

    TimeML (DCT 2017-12-27): ``Prices will rise by <TIMEX3 type="DATE" value="201">the end of the
        decade</TIMEX3>.``
    """
    lm = _L_PART.search(text, max(0, m.start() - 20), m.start())
    if lm is None:
        return None
    if m["unit"] == "quarter":
        # "must raise capital by the end of the quarter": in a future clause the DCT's quarter; in
        # business copy the reporting one
        tx = timex_at(dct, "quarter") if future_context(text, lm.start()) else Period()
    elif m["unit"] in ("decade", "century") and _just_ended(m["unit"], lm.group(), text, lm.start(), m.end(), dct):
        # "grew tenfold by the end of the decade" in January 2010: the 2000s, just ended
        size = 10 if m["unit"] == "decade" else 100
        tx = unit_of_the_story(m["unit"], dct.replace(year=dct.year - size, month=1, day=1))
    else:
        tx = unit_of_the_story(m["unit"], dct)
    return Hit(lm.start(), m.end(), tx)


def _just_ended(unit: str, part: str, text: str, start: int, end: int, dct: dt.date) -> bool:
    """True when "the end (close, second half) of the decade/century" in a past clause names the one
    just ended: the DCT lies in the first year of its decade (the first two of its century), whose end
    is still ahead, as "For the full year" in January names the year before (:func:`the_year`)."""
    if not re.search(r"\b(?:end|close|second\s+half|latter\s+half)\b", part, re.IGNORECASE):
        return False
    first_years = dct.year % 10 == 0 if unit == "decade" else dct.year % 100 <= 1
    if not first_years or clause_tense(text, start, end) >= 0:
        return False
    # no modal or forecast in the sentence ("By the end of the decade, half of all new cars sold could be
    # electric": a participle is no past clause)
    sentence = text[max(0, text.rfind(".", 0, start) + 1) : (text.find(".", end) + 1 or len(text))]
    return _AHEAD_IN_SENTENCE.search(sentence) is None


_AHEAD_IN_SENTENCE = re.compile(r"\b(?:will|would|could|may|might|should|must|expect\w*|forecasts?|projected|likely)\b", re.IGNORECASE)




# A clock time alone: "at 10:35 a.m.", "at midday" -> on the day last mentioned
@rule(
    "bare_clock",
    rf"\b(?P<t>(?P<clk>{CLOCK}{TZ})(?:,?\s+(?P<on>on\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?)?)(?![\w-])", re.IGNORECASE,
)
def bare_clock(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A clock time without a weekday ("at about 10:35 a.m.", "at midday", "at 10:15 GMT") ->
    TIMEX3 TIME on the date written after it ("5 p.m. EST, Nov. 6"), else on the day last
    mentioned before it (TimeML 1.2.1 ``anchorTimeID``), else on the DCT: ``1998-08-07T10:35``
    (the clock as :func:`clock_time` reads it); in a future clause or a scheduled present not
    on a day before the DCT ("... hit on July 11, 2008. Chevron will hold a call at 11 a.m.
    EDT", "Polling stations close at 7 p.m." after the last election's date: the DCT's day),
    in a past clause not on a day after it ("... through Sunday morning. Central Park recorded
    1.3 inches by 2 p.m."). A zone conversion in brackets after another
    clock time ("10:35 a.m. (0735 GMT)") restates the same moment: a TIME of its own on the first
    clock's day, or the day after (before) when the zones put it past midnight. The first
    of a pair takes the day written after the second ("between noon and 8 p.m. today", "from
    9 a.m. to 5 p.m. Monday"), or the day before when it is the later clock ("from noon until
    1 a.m. Thursday": the span runs past midnight); the second of a pair without a day, when
    the earlier clock, is on the day after the first's ("from 8 pm until 2 am"); a clock time
    before "the next (previous) day" is on the day after (before) the one mentioned before it
    ("met on Feb. 26. At 11 a.m. the next day"), and one before "on" and a holiday on the
    holiday ("at about 10:45 p.m. on Bastille Day").

    TimeML (DCT 2017-12-27): ``The blast occurred at <TIMEX3 type="TIME"
        value="2017-12-27T10:35">about 10:35 a.m.</TIMEX3> (<TIMEX3 type="TIME"
        value="2017-12-27T07:35">0735 GMT</TIMEX3>).``
    TimeML (DCT 2017-12-27): ``The deadline is <TIMEX3 type="TIME" value="2017-12-27T16:00">1600
        GMT</TIMEX3>.``

    A day written after the bracketed conversion dates the clock time too ("at 10:15 p.m.
    local time (1515 GMT) Tuesday"; with a day of the month after the weekday, "on Friday, the
    27th", that Friday); the weekday stays a TIMEX3 of its own. "on" and a date after the clock
    time ("at 7 a.m. on Dec. 26") date it too, the date a TIMEX3 of its own (TimeML 1.2.1 leaves
    the preposition out of both; without one, "5 p.m. EST, Nov. 6" is one TIMEX3, as TimeBank has it).

    TimeML (DCT 2017-12-27): ``The quake struck at <TIMEX3 type="TIME" value="2017-12-26T22:15">10:15
        p.m. local time</TIMEX3> (<TIMEX3 type="TIME" value="2017-12-26T15:15">1515 GMT</TIMEX3>)
        <TIMEX3 type="DATE" value="2017-12-26">Tuesday</TIMEX3>.``
    """
    s = m.start("t")
    if m["noon"] and m["noon"].lower() == "noon" and word_before(text, s) == "high":
        return None  # "high noon": the idiom (a showdown), or the film, not a clock time
    if a_score(m, text):
        return None
    tod, gran = clock_time(m, "", text)
    first = _CLOCK_BEFORE_BRACKET.search(text, max(0, s - 40), s) if _RESTATED.search(text, max(0, s - 24), s) else None
    if first is not None:
        # "12:17 p.m. (1017 GMT)": the same moment in another zone, on the first clock's day, or the
        # day after (before) when the zones put it past midnight ("11 p.m. EST (0400 GMT)")
        gap = _minutes(tod) - _minutes(clock_time(first, "r", text)[0])
        step = 1 if gap < -14 * 60 else -1 if gap > 14 * 60 else 0
        return hit_over_t(m, Anaphor("day", step, same=not step, named=bool(step), tod=tod,
                                     fallback=timex_at(dct + step * ONE_DAY, gran, tod)))  # fmt: skip
    bm = _DAY_AFTER_RESTATED.match(text, m.end())
    if bm is not None and bm["day"]:  # "10:15 p.m. (1515 GMT) Tuesday": the day after the bracket
        d = day_of_clock(bm["day"].lower(), text, s, bm.end(), dct)
        if bm["day"].lower() in WEEKDAY_NUM:  # "7 a.m. (0500 GMT) on Friday, the 27th": the day of the month picks the week
            d = _day_of_month_after(text, bm.end(), WEEKDAY_NUM[bm["day"].lower()], dct) or d
        return hit_over_t(m, timex_at(d, "day", tod))  # as when the day is mentioned before it
    if bm is not None:  # "10:15 a.m. (0215 GMT) on Dec. 26"
        d = _month_day_of(bm["mon"], bm["md"], bm["y"], text, s, dct)
        return hit_over_t(m, timex_at(d, "day", tod) if d else None)
    if m["mon"]:  # "5 p.m. EST, Nov. 6": that day (see month_day); "at 7 a.m. on Dec. 26": two TIMEX3s
        d = _month_day_of(m["mon"], m["day"], m["y"], text, s, dct)
        return Hit(*_clock_extent(m), timex_at(d, gran, tod)) if d else None
    pair = _CLOCK_PAIR_DAY.match(text, m.end())
    if pair is not None:  # "between noon and 8 p.m. today", "from 9 a.m. to 5 p.m. Monday": the second's day
        day = day_of_clock(pair["day"].lower(), text, s, pair.end(), dct)
        if tod > clock_time(pair, "p", text)[0]:
            day -= ONE_DAY  # "from noon until 1 a.m. Thursday": the span runs past midnight
        return hit_over_t(m, timex_at(day, gran, tod))
    after = _DAY_AFTER_CLOCK.match(text, m.end())
    if after is not None and after["rel"]:  # "At 11 a.m. the next day": a day from the one before
        step = {"previous": -1, "preceding": -1, "same": 0}.get(after["rel"].lower(), 1)
        # one TIMEX3 over both, as "10 a.m. Tuesday" is
        return Hit(s, after.end(), Anaphor("day", step, named=True, tod=tod, fallback=timex_at(dct + step * ONE_DAY, gran, tod)))
    if after is not None:  # "at 1 p.m. on New Year's Eve", "7 p.m. on 3/9", "11am on Friday 29th April": that day
        day = _day_at(text, after.end(), dct)
        if day is not None:
            return hit_over_t(m, timex_at(day, gran, tod))
    first = _CLOCK_PAIR_BEFORE.search(text, max(0, s - 40), s)
    if first is not None and tod < clock_time(first, "q", text)[0]:
        # "would run from 8 pm until 2 am": the end of a span past midnight, the next day
        return hit_over_t(m, Anaphor("day", 1, named=True, tod=tod, fallback=timex_at(dct + ONE_DAY, gran, tod)))
    tense = clause_tense(text, s, m.end())
    ahead = speaks_of_future(text, s, m.end(), tense)
    behind = not ahead and tense < 0
    fallback = timex_at(dct, gran, tod)
    return hit_over_t(m, Anaphor("day", 0, same=True, fallback=fallback, tod=tod, ahead=ahead, behind=behind))


_CLOCK_BEFORE_BRACKET = re.compile(rf"(?:{clock('r')}){TZ}\s*\(\s*$", re.IGNORECASE)
"""A clock time and the bracket that restates it in another zone: "12:17 p.m. (", "10:15 p.m. local time (" ."""


def _minutes(tod: str) -> int:
    """Minutes since midnight of an ``"HH:MM"`` clock value (``"24:00"`` is 1440)."""
    return int(tod[:2]) * 60 + int(tod[3:5])


_DAY_AFTER_CLOCK = re.compile(
    r"\s+(?:the|that)\s+(?P<rel>next|following|previous|preceding|same)\s+day\b|,?\s+on\s+(?=[A-Z0-9])", re.IGNORECASE
)
"""What dates a clock time right after it: "the next (previous, same) day", or "on" before a
holiday or a day written in another form than "Nov. 6" ("at 10:45 p.m. on Bastille Day", "at 7
p.m. on 3/9", "at midnight on 8th Nov.")."""
_DAY_RULES_AFTER_ON = ("holiday", "month_day", "day_month", "numeric_month_day", "numeric_date", "dotted_date", "iso_date")
"""The rules whose day dates a clock time before "on" (:func:`_day_at`); "on Nov. 6" is read by
:func:`bare_clock`'s own pattern and "on Wednesday" by ``clock_with_day`` (each a TIMEX3 of its
own, as here)."""


@cache
def _day_rules_after_on() -> tuple[Rule, ...]:
    """The rules of :data:`_DAY_RULES_AFTER_ON`, in table order (looked up once, after the table is built)."""
    return tuple(r for r in _own if r.name in _DAY_RULES_AFTER_ON)


def _day_at(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of the date written at ``pos`` as one of :data:`_DAY_RULES_AFTER_ON` reads and
    resolves it ("Bastille Day", "Friday 29th April", "3/9", "15.12.2011"), or None. The date
    keeps its own TIMEX3; the clock time before "on" is a TIME on that day (TimeML 1.2.1: a
    time's value holds the date it is anchored on)."""
    found = _day_hit_at(text, pos, dct)
    return found[0] if found else None


def _day_hit_at(text: str, pos: int, dct: dt.date) -> tuple[dt.date, int] | None:
    """:func:`_day_at`'s day and the end of the date's extent, or None."""
    for rule_ in _day_rules_after_on():
        hm = rule_.pattern.match(text, pos)
        hit = rule_.resolve(hm, text, dct) if hm else None
        tx = hit.timex if hit else None
        if isinstance(tx, Anaphor) and tx.historical:
            tx = tx.fallback  # a year-less day in a past clause: its DCT reading (a frame before it is rare here)
        if isinstance(tx, Timex) and tx.granularity == "day" and hit.start == pos and tx.start:  # type: ignore[union-attr]
            return tx.start, hit.end  # type: ignore[union-attr]
    return None


# "the Sunday before Memorial Day", "the Friday after Christmas", "the week before Christmas"
@rule(
    "around_day",
    rf"\b(?P<t>[Tt]he\s+(?:(?P<wd>{WEEKDAY})|(?P<unit>week|weekend))\s+(?P<dir>before|after)\s+)(?=[A-Z0-9])",
)
def around_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A weekday, week or weekend named by its place before or after a holiday or a date written
    right after it -> that day ("the Sunday before Memorial Day" -> the Sunday strictly before it,
    "the Friday after Christmas" the first Friday strictly after it), the ISO week of its last
    Saturday before it (of its first Monday after it), or the weekend before (after) it; one TIMEX3 over the whole phrase (TimeML
    1.2.1: a date anchored on another inside the expression is one TIMEX3, as "the day before
    yesterday"). The day is the one :func:`_day_at` reads (a holiday, "Nov. 28", "3/9"...).

    TimeML (DCT 2014-05-23): ``The race is run on <TIMEX3 type="DATE" value="2014-05-25">the Sunday
        before Memorial Day</TIMEX3>.``
    TimeML (DCT 2005-12-31): ``Sales in <TIMEX3 type="DATE" value="2005-W51">the week before
        Christmas</TIMEX3> rose 4 percent.``
    """
    found = _day_hit_at(text, m.end("t"), dct)
    if found is None:
        return None
    day, end = found
    sign = -1 if m["dir"] == "before" else 1
    if m["wd"]:  # the weekday strictly before (after) the day, as "last (next) Friday" from the DCT
        d = _relative_weekday(WEEKDAY_NUM[m["wd"].lower()], "last" if sign < 0 else "next", day)
        return Hit(m.start("t"), end, timex_at(d, "day"))  # type: ignore[arg-type]
    if m["unit"] == "week":
        # the week that ends before the day (its last Saturday before it) or starts after it (the first
        # Monday after it): "the week before Christmas" 2005 (a Sunday) is Dec. 19-25, W51
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
        monday = day + dt.timedelta(days=(0 - day.weekday()) % 7 or 7)
        return Hit(m.start("t"), end, timex_at(saturday if sign < 0 else monday, "week"))
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7) if sign > 0 else day - dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
    if sign > 0 and saturday == day:
        saturday += dt.timedelta(weeks=1)
    return Hit(m.start("t"), end, weekend_of(saturday))


_CLOCK_PAIR_BEFORE = re.compile(
    rf"\b(?:from|between)\s+(?:{clock('q')}){TZ}\s+(?:and|to|until|till|through)\s+$", re.IGNORECASE
)
"""The first clock time of a pair, before the second: "from 8 pm until "."""
_CLOCK_PAIR_DAY = re.compile(
    rf"\s+(?:and|to|until|till|through)\s+(?:{clock('p')}){TZ},?\s+(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)
"""The second clock time of a pair and its day ("noon and 8 p.m. today"): the day of both."""


def _month_day_of(mon: str, day: str, year: str | None, text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The date a month name, a day ("6", "6th") and an optional year name, without a year
    the one nearest the DCT as :func:`month_day` places it; None for an impossible day."""
    month = MONTH_NUM[mon.rstrip(".").lower()]
    d = int(re.match(r"\d+", day).group())  # type: ignore[union-attr]
    if year:
        return safe_date(int(year), month, d)
    return nearest_day(month, d, dct, future_context(text, pos))


_HALF_OF = {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
"""Half of one unit as an ISO 8601 duration ("half an hour" ``PT30M``, "half a century" ``P50Y``)."""
_HALF_COUNT = alts(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "an"])
_HALF_UNIT = r"years?|hours?|days?|minutes?"


# "a two-week-old strike", "the 8-month-old truce": how long a thing has lasted
@rule(
    "age_of_a_thing",
    rf"\b(?P<t>(?P<num>\d{{1,3}}|{NUM})-(?P<unit>hour|day|week|month)s?-old)\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
    needs=frozenset(["-old"]),
)
def age_of_a_thing(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"a two-week-old strike", "the 8-month-old truce", "a 10-day-old ceasefire" -> DURATION
    ``P2W``, ``P8M``, ``P10D``: how long an event or a state has lasted (TBAQ tags "8-month-old
    truce" ``P8M``). Not the age of a person or an animal ("his 6-month-old son", "a 10-day-old
    baby": TBAQ leaves ages untagged, 34 "N-year-old" of 34), nor counts in years (ages
    of people and institutions, "a 50-year-old alliance", untagged there too).

    TimeML (DCT 2007-06-13): ``Police broke up a <TIMEX3 type="DURATION" value="P2W">two-week-old</TIMEX3>
        strike.``
    """
    if m["noun"].lower() in _BEINGS:
        return None
    n = number(m["num"])
    if n is None:
        return None
    return hit_over_t(m, Timex("DURATION", duration_value(n, unit_key(m["unit"])), UNITS[unit_key(m["unit"])][1]))


_BEINGS = frozenset(
    """son sons daughter daughters baby babies boy boys girl girls infant infants child children twins
    grandson granddaughter niece nephew brother sister newborn toddler puppy puppies kitten calf cub
    foal lamb chick chicks panda elephant""".split()
)
"""Nouns after "N-month-old" that make it an age ("his 6-month-old son"), not a duration."""


_HEDGE_OF_HALF = re.compile(rf"\b{HEDGE}\s+$", re.IGNORECASE)
_THE_LAST_BEFORE = re.compile(r"\b[Tt]he\s+(?:past|last|next|coming|first)\s+$")
""""the past" before a half or a quarter of a unit: part of its extent (TimeML 1.2.1, as "the
past three years")."""


# "decades-long", "a day-long meeting", "2 1/2 years", "two and a half hours", "an hour and a half"
@rule(
    "odd_duration",
    r"\b(?P<t>(?P<lu>day|week|month|year|decade|centur(?:y|ie))(?P<pl>s?)-long"
    rf"|(?P<n>\d{{1,3}}|{_HALF_COUNT})(?:\s+1/2|\s*½|\s+and\s+a\s+half)\s+(?P<hu>{_HALF_UNIT})"
    rf"|(?P<n2>\d{{1,3}}|{_HALF_COUNT})\s+(?P<hu2>{_HALF_UNIT})\s+and\s+a\s+half"
    r"|(?P<art>an?\s+)?half(?:\s+an?\s+|[\s-])(?P<hu3>hour|minute|day|year|decade|century)(?![\w-]|\s+ago\b)"
    r"|(?:a\s+|(?<=past\s)|(?<=last\s))quarter[\s-](?P<qc>century)(?![\w-]|\s+(?:ago|later|earlier)\b))\b",
    re.IGNORECASE,
    needs=frozenset(["-long", "1/2", "½", "half", "quarter"]),  # the parse tree offers the units, in most paragraphs
)
def odd_duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Durations the count rule leaves alone (TIMEX3 DURATION, ISO 8601 values):
    "decades-long" -> ``PXY``, "day-long" -> ``P1D``; halves, the half written before or
    after the unit: "2 1/2 years" -> ``P2Y6M``, "five and a half hours" -> ``PT5H30M``, "a
    day and a half" -> ``P1DT12H``, "a minute and a half" -> ``PT1M30S``; half of one unit,
    "half an hour"/"a half-hour" -> ``PT30M``, "half a century" -> ``P50Y``, "half a year" ->
    ``P6M``, "a quarter century" -> ``P25Y`` (not "its quarter-century low", which TBAQ
    leaves untagged; not "half-year results", the business half; not "half an hour ago", an
    anchored time, while "half an hour later" is the duration before "later", as TBAQ's "a minute
    and a half later"; "a half-century" only after "for", "in", "past"...: cricket's "hit a
    half-century" is 50 runs) (the whole phrase is one TIMEX3, TimeML 1.2.1; half a month or week has
    no exact ISO 8601 value and is left out).

    TimeML (DCT 2017-12-27): ``The flight took about <TIMEX3 type="DURATION" value="PT5H30M">5 1/2
        hours</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The vote took <TIMEX3 type="DURATION" value="PT1H30M">an hour and a
        half</TIMEX3>.``
    """
    if m["lu"]:
        unit = unit_key(m["lu"] + ("s" if m["pl"] else ""))
        n = None if m["pl"] else 1
        return hit_over_t(m, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))
    if m["qc"]:  # "a quarter century": 25 years; "the past quarter century"
        last = _THE_LAST_BEFORE.search(text, max(0, m.start("t") - 20), m.start("t"))
        return Hit(last.start() if last else m.start("t"), m.end("t"), Timex("DURATION", "P25Y", "century"))
    if m["hu3"]:  # "half an hour", "a half-century": half of one unit
        unit = m["hu3"].lower()
        if unit == "year" and "-" in m["t"]:
            return None  # "half-year results": the business half, a period (the_half), not six months
        if not re.search(r"half\s+an?\s", m["t"], re.IGNORECASE):  # "a half-hour", "half-century"
            prev = word_before(text, m.start("t"))
            if prev == "the" or (unit == "century" and prev not in _ONE_UNIT_CUES and prev != "past"):
                return None  # "on the half hour" (a match's 30th minute); "hit a half-century" (cricket's 50 runs)
        start = m.start("t")
        if (last := _THE_LAST_BEFORE.search(text, max(0, start - 20), start)) is not None:
            start = last.start()  # "the past half century": the whole phrase, as "the past three years"
        elif (hedge := _HEDGE_OF_HALF.search(text, max(0, start - 24), start)) is not None:
            start = hedge.start()  # "nearly half a century": the hedge inside the extent, as "nearly 30 years"
        elif m["art"] and "-" in m["t"] and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
            if word_after(text, m.end()).lower() not in _ADVERB_FOLLOWERS:
                start = m.end("art")  # "a half-hour lunch break": the adjective, the article is the noun's
        return Hit(start, m.end("t"), Timex("DURATION", _HALF_OF[unit], UNITS[unit_key(unit)][1]))
    n = number(m["n"] or m["n2"])
    if n is None:
        return None
    unit = unit_key(m["hu"] or m["hu2"])
    value = {"year": f"P{n}Y6M", "day": f"P{n}DT12H", "hour": f"PT{n}H30M", "minute": f"PT{n}M30S"}[unit]
    return hit_over_t(m, Timex("DURATION", value, UNITS[unit][1]))


# A year said in words: "nineteen ninety-six", "January nineteen ninety-seven"
@rule(
    "spoken_year",
    rf"\b(?P<t>(?:(?P<mon>{MONTH_FULL})\s+|(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+"
    rf"|the\s+year\s+)?(?P<y>{SPOKEN_YEAR}))(?![\w-])",
)
def spoken_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A year said in words (broadcast transcripts): "in nineteen ninety-one" -> ``1991``;
    with a month ("January nineteen ninety-seven" -> ``1997-01``) or a season ("the
    winter of nineteen ninety-four" -> ``1994-WI``). Not before a count noun.

    TimeML (DCT 2017-12-27): ``In <TIMEX3 type="DATE" value="1991">nineteen ninety-one</TIMEX3> the
        war ended.``
    """
    y = spoken_year_value(m["y"])
    if y is None or word_after(text, m.end("t")).lower() in COUNT_NOUNS:
        return None
    if m["y"].lower().startswith("two") and not (m["mon"] or m["s"] or m["t"].lower().startswith("the year")):
        if y == 2000:
            return None  # "two thousand" alone is mostly a number
    if m["mon"]:
        return hit_over_t(m, timex_at(dt.date(y, MONTH_NUM[m["mon"].lower()], 1), "month"))
    if m["s"]:
        return hit_over_t(m, timex_at(season_start(y, SEASONS[m["s"].lower()]), "season"))
    return hit_over_t(m, timex_at(dt.date(y, 1, 1), "year"))


# Anaphoric days: "the next (following, previous) day (morning...)" anywhere ("and the following
# day Canada approved it"); "the day (week, month, year) before/after" and "a day later" only
# where the phrase ends a clause ("the day before the vote" is anchored on the vote, "the month
# after," on the date before it). "a year earlier" and the like (mostly a reporting period in
# business news) only inside spaCy spans.
rule(
    "day_anaphor",
    r"\b(?P<t>(?:the\s+(?P<dir>previous|preceding|prior|next|following)\s+(?P<unit>day|morning|afternoon|evening|night)\b(?!-)"
    r"|(?:the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)"
    rf"|(?:a|one)\s+(?P<unit3>day)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later))\b"
    r"(?=\s*[,.;:!?)\u201d\"]|\s*$|\s+(?:and|but|when|as|while)\b)))", re.IGNORECASE,
)(anaphor)


# --------------------------------------------------------------------------- relaxed rules
# Used only inside spaCy DATE/TIME candidate spans (lower prior precision).
@rule(
    "plain_year",
    r"(?<![\d$£€.,])(?<!\d[-–])\b(?P<t>(?P<y>(?:19|20)\d\d))\b(?![\d,.]?\d|\s*%|[-–]\d)",
    relaxed=True,
)
def plain_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A 4-digit year 1900-2099 inside a spaCy DATE span ("the 2016 election") -> ``YYYY``;
    not an end of a dashed pair, which :func:`year_range` reads or rejects ("1980-2000 points"),
    nor a 24-hour clock before a time zone ("(2030 GMT)"), nor a street number or a name's number
    ("1600 Pennsylvania Avenue", "Flight 2010").

    TimeML (DCT 2017-12-27): ``Sales peaked in the boom year <TIMEX3 type="DATE"
        value="1999">1999</TIMEX3>.``
    """
    if re.match(rf"\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b", text[m.end() : m.end() + 24]):
        return None  # "3:30 p.m. (2030 GMT)": a clock time in another zone, not the year 2030
    if _NUMBER_NOT_YEAR_AFTER.match(text, m.end()) or _NUMBER_NOT_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "1600 Pennsylvania Avenue", "the 2000 block of", "Flight 2010", "Windows 2000", "2001: A Space Odyssey"
    return hit_over_t(m, timex_at(dt.date(int(m["y"]), 1, 1), "year"))


_NUMBER_NOT_YEAR_AFTER = re.compile(
    r"\s+(?:block\b|(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane)(?!\w))"
    r"|:\s+(?:A|An|The)\s+[A-Z]"
)
"""Words after a four-digit number that make it a street number ("1600 Pennsylvania Avenue", "the
2000 block of Elm Street") or the head of a title with its subtitle ("2001: A Space Odyssey")."""
_NUMBER_NOT_YEAR_BEFORE = re.compile(
    r"\b(?:Flight|Windows|Office|Route|Highway|Interstate|Room|Suite|Model|Channel|Gate|Terminal|Pier|Version|No\.|Russell|Wilshire)\s+$"
)
"""Names before a four-digit number that make it a number: "Flight 2010", "Windows 2000", "Route 1900",
the stock indexes "Russell 2000" and "Wilshire 5000"."""


_POSSESSIVE_NAME = (
    rf"{_NOT_AFTER_A_TIME_WORD}\b[A-Z][A-Za-z]*['’]s?"
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
    if event_name(m, text):
        return None
    if m["mon"] in ("May", "March"):
        verb = _WORD_AFTER.match(text, m.end())
        if verb and verb[1] not in _MONTH_SUBJECT_VERBS and (past_form(verb[1]) or verb[1] in ("says", "tells", "wants")):
            return None  # "May pulled the vote", "May said": Theresa May, not the month
    return hit_over_t(m, timex_at(nearest_month(MONTH_NUM[m["mon"].lower()], dct), "month"))


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_MONTH_SUBJECT_VERBS = frozenset("was were had saw brought marked proved ended began closed finished started".split())
"""Past verbs whose subject a month is ("May was wet", "March saw record sales", "May ended
with a rally"): after them "May" stays the month."""


@rule(
    "plain_season",
    r"\b(?P<t>(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|winter))\b", re.IGNORECASE,
    relaxed=True,
)
def plain_season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A season inside a spaCy DATE span ("the summer") -> the nearest such season, or after
    "the" (or "since": "has pushed rates up since spring" in December is this year's) the one the
    clause's tense names (:func:`season_by_tense`).

    TimeML (DCT 2017-12-27): ``It was hot in <TIMEX3 type="DATE" value="2017-SU">summer</TIMEX3>.``
    """
    if _SEASON_KIND.match(text, m.end()):
        return None  # "a winter storm warning", "the Summer Olympics": a kind, no season; "The Winter's Tale": a title
    code = SEASONS[m["s"].lower()]
    cands = [season_start(y, code) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if not m["t"].lower().startswith("the") and word_before(text, m.start("t")) != "since":  # "poor summer weather": a modifier, the nearest
        start = min(cands, key=lambda c: (gap_days(c, add_months(c, 3), dct), -c.toordinal()))
        return hit_over_t(m, timex_at(start, "season"))
    part = _PART_OF.search(text, max(0, m.start() - 30), m.start())
    start = season_by_tense(cands, text, part.start() if part else m.start(), m.end(), dct)
    return hit_over_t(m, timex_at(start, "season"))


_SEASON_KIND = re.compile(
    r"\s+(?:storms?|olympics?|games|solstice|wheat|sports|squash|apparel|clothing|clothes|coats?|fashions?|tires|tyres|festival)\b"
    r"|['’]s\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
"""Nouns a season names a kind of ("winter storm", "Summer Olympics", "winter wheat", "summer
apparel")."""


rule(
    "relaxed_anaphor",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|prior|next|following)\s+(?P<unit>day|week|month|year)"
    r"|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)"
    rf"|(?:a|one)\s+(?P<unit3>day|week|month|year)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later|before))\b", re.IGNORECASE,
    relaxed=True,
)(anaphor)


# --------------------------------------------------------------------------- extents
_PART_OF = re.compile(
    r"\b[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|close|(?:early|earliest|closing|final|last|first|late|later)\s+years)\s+of\s+$"
)


def widen_to_part_of(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each date (not a DURATION or SET) written after "the end (beginning, start,
    middle, close, early or closing years) of" over that phrase: "the end of 1990", "the beginning of October", "the
    end of this week" are one TIMEX3 (TimeML 1.2.1 extent: the modifier of the head is inside
    the tag; its meaning would be ``mod="END"``, which the value does not carry, so the value
    stays ``1990``), as TBAQ annotates every such phrase of the tuning part (8 of 8).
    ``hits`` sorted by start and disjoint (as :meth:`TemporalTagger._select` gives them);
    returns them in the same order, still disjoint.

    TimeML (DCT 1989-10-30): ``Costs will be halved by <TIMEX3 type="DATE" value="1990">the end of
        1990</TIMEX3>.``
    """
    out: list[Hit] = []
    for h in hits:
        tx = h.timex
        if not (isinstance(tx, Timex) and tx.type in ("DURATION", "SET")):
            m = _PART_OF.search(text, max(0, h.start - 30), h.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                h = Hit(m.start(), h.end, tx, h.rule, h.name)
        out.append(h)
    return out



_HEDGE_BEFORE = re.compile(r"\b(?:[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly)\s+$")


def widen_to_hedge(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each clock time written after "about", "around", "approximately" or "roughly"
    over that word: "about 10:35 a.m.", "around 7:15 p.m. Thursday" are one TIMEX3 each
    (TimeML 1.2.1: the modifier is inside the extent, its meaning ``mod="APPROX"``, which the
    value does not carry), as :func:`duration` keeps "about two hours". ``hits`` sorted by
    start and disjoint; returns them in the same order, still disjoint.

    TimeML (DCT 1998-08-08): ``The bomb went off at <TIMEX3 type="TIME" value="1998-08-07T10:35">about
        10:35 a.m.</TIMEX3> Friday.``
    """
    out: list[Hit] = []
    for h in hits:
        tx = h.timex
        clock = (isinstance(tx, Timex) and re.search(r"T\d\d:\d\d", tx.value) is not None) or (
            isinstance(tx, Anaphor) and tx.tod is not None and ":" in tx.tod
        )
        if clock:
            m = _HEDGE_BEFORE.search(text, max(0, h.start - 16), h.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                h = Hit(m.start(), h.end, tx, h.rule, h.name)
        out.append(h)
    return out


_DAY_BEFORE_AFTER = re.compile(r"\b(?:[Tt]he\s+)?[Dd]ay\s+(?P<ba>before|after)\s+$")


def widen_to_day_before_after(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each day date written after "the day before" or "the day after" over that phrase
    and move it one day: "the day before last Tuesday", "the day after Christmas", "the day
    after Dec. 5, 2016" are one TIMEX3 each, whose value is the day before (after) the date
    (TIDES 2005 and TimeML 1.2.1: an offset from a named date is one expression, as "the day
    before yesterday" is; determiners inside the extent). A hit that ends inside the phrase
    (an anaphoric "the day before") gives way. ``hits`` sorted by start and disjoint; returns
    them in the same order, still disjoint.

    TimeML (DCT 2017-12-27): ``They met <TIMEX3 type="DATE" value="2017-12-26">the day after
        Christmas</TIMEX3>.``
    """
    out: list[Hit] = []
    for h in hits:
        tx = h.timex
        if isinstance(tx, Timex) and tx.type == "DATE" and tx.granularity == "day" and tx.start is not None:
            m = _DAY_BEFORE_AFTER.search(text, max(0, h.start - 20), h.start)
            if m is not None:
                while out and out[-1].end > m.start():
                    out.pop()
                day = tx.start + (ONE_DAY if m["ba"] == "after" else -ONE_DAY)
                h = Hit(m.start(), h.end, timex_at(day, "day"), h.rule, h.name)
        out.append(h)
    return out


RULES: tuple[Rule, ...] = tuple(_own)
"""The rules scanned over the whole text, in order."""
RELAXED_RULES: tuple[Rule, ...] = tuple(_relaxed)
"""The rules scanned only inside spaCy DATE/TIME spans that no rule of :data:`RULES` matched."""
