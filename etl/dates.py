"""Temporal tagging: find date expressions in an article body and normalize them as TIMEX3.

:class:`TemporalTagger` scans a text with precompiled regular expressions, resolves each
expression against the document creation time (the DCT, the article's ``published`` date)
and returns :class:`etl.models.DateMention` values: the TIMEX3 ``type`` and ``value``
(TimeML 1.2.1, section 2.3), a ``granularity`` and, when the value denotes calendar time,
the half-open :class:`etl.models.DateRange` it covers (``mentioned_dates`` in the index).

Sources of the rules (each rule's docstring or comment names its own):

* TimeML 1.2.1 / TIMEX3 annotation guidelines (Saurí et al., "TimeML Annotation Guidelines
  Version 1.2.1", 2006): value syntax (``2017-12-26``, ``2017-W52``, ``2017-Q3``,
  ``2017-SU``, ``199`` for a decade, ``19`` for a century, ``2017-12-26TNI`` for parts of
  the day, ``P2Y`` for durations, ``XXXX-WXX-5`` for sets, ``PRESENT_REF``/``PAST_REF``/
  ``FUTURE_REF``); the extent rules (prepositions such as "on"/"in" are not part of the
  TIMEX3; determiners and modifiers such as "the", "early", "last" are); relative
  expressions are anchored on the DCT unless they are anaphoric ("the next day").
* ISO 8601: calendar dates, ISO week numbering (weeks start on Monday; week 1 holds the
  year's first Thursday), durations (``PnYnMnWnDTnHnM``).
* News-wire conventions, as in HeidelTime's "news" domain (Strötgen & Gertz, 2013): a bare
  weekday is the latest such day on or before the DCT (the next one when its clause speaks
  of the future: "talks will resume on Friday"); a month or day without a year is the one
  nearest the DCT, with a bias to the past; anaphoric expressions ("the next day") take
  the latest date mentioned before them.

Everything here is pure and deterministic; ``dateparser`` is imported lazily and only for
rare absolute date strings inside spaCy DATE spans that no pattern understood.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from etl.models import DateMention, DateRange
from etl.prefilter import Literals, fold, may_match, required_literals

__all__ = ["TemporalTagger"]

_ONE_DAY = dt.timedelta(days=1)

# Fixed-date holidays as (normalized name prefix, month, day); longer prefixes first.
_FIXED_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
    ("new year s eve", 12, 31),
    ("new year", 1, 1),
    ("halloween", 10, 31),
    ("valentine", 2, 14),
)
_DCT_MIN_YEAR, _DCT_MAX_YEAR = 1000, 9000

# Granularities ordered from fine to coarse; season and quarter share a rank.
_RANK: dict[str, int] = {
    "minute": 0,
    "hour": 1,
    "day": 2,
    "week": 3,
    "month": 4,
    "quarter": 5,
    "season": 5,
    "year": 6,
    "decade": 7,
    "century": 8,
}

# --------------------------------------------------------------------------- vocabulary

_MONTHS_FULL = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NUM: dict[str, int] = {}
for _i, _name in enumerate(_MONTHS_FULL, start=1):
    _MONTH_NUM[_name.lower()] = _i
    _MONTH_NUM[_name[:3].lower()] = _i
_MONTH_NUM["sept"] = 9

_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}  # Monday = 0 (ISO 8601 - 1)

_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Duration units -> (ISO 8601 designator, granularity, multiplier).
_UNITS: dict[str, tuple[str, str, int]] = {
    "minute": ("TM", "minute", 1),
    "hour": ("TH", "hour", 1),
    "day": ("D", "day", 1),
    "week": ("W", "week", 1),
    "fortnight": ("W", "week", 2),
    "month": ("M", "month", 1),
    "quarter": ("Q", "quarter", 1),
    "year": ("Y", "year", 1),
    "decade": ("Y", "decade", 10),
    "century": ("Y", "century", 100),
}

_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Nouns that, right after a 4-digit number, show it is a count and not a year.
_COUNT_NOUNS = frozenset(
    """people persons men women children kids troops soldiers police policemen officers
    workers employees jobs votes voters students members residents refugees migrants
    families homes houses households cases deaths dead victims units vehicles cars trucks
    tons tonnes barrels km kilometers kilometres miles meters metres feet acres hectares
    dollars euros yuan yen pounds rupees won francs marks points shares times hours days
    weeks months years minutes seconds calories pages words copies items rounds shots
    rockets missiles bombs planes aircraft ships boats tanks guns rifles cities towns
    villages schools hospitals stores sites companies firms banks delegates participants
    athletes fans spectators visitors tourists pilgrims protesters demonstrators prisoners
    inmates detainees hostages patients doctors teachers mps lawmakers seats""".split()
)
# Verbs of change before "by"/"from"/"to": "rose by 2000", "fell from 1990".
_CHANGE_VERBS = frozenset(
    """rose risen rise rises fell fallen fall falls increased increase increases decreased
    decrease decreases grew grown grow grows dropped drop drops jumped jump jumps climbed
    climb climbs gained gain gains lost lose loses cut cuts reduced reduce reduces slipped
    slid declined decline declines soared surged plunged plummeted tumbled up down
    numbered number totalled totaled total""".split()
)
# Words before a weekday that make it a named day, not a calendar weekday.
_WEEKDAY_BLOCKERS = frozenset(
    "black good ash super easter palm holy maundy cyber bloody fat shrove man girl".split()
)
# Words that may stand between "of" and a bare year: "the end of 2017".
_OF_HEADS = frozenset(
    """end start beginning middle half part rest spring summer fall autumn winter class
    quarter months days weeks course events election elections""".split()
)


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN_YEAR = (
    rf"(?:[Nn]ineteen[\s-](?:(?:{_TENS})(?:[\s-](?:{_ONES}))?\b|(?:{_TEENS})\b|oh[\s-](?:{_ONES})\b)"
    rf"|[Tt]wo\s+thousand(?:\s+and)?(?:[\s-](?:{_TEENS}|{_ONES})\b)?)"
)
"""A year said in words, as in broadcast transcripts: "nineteen ninety-six", "two thousand one"."""


def _spoken_year(text: str) -> int | None:
    """1900-2019 from words ("nineteen ninety-six" -> 1996, "two thousand and one" -> 2001)."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (_number(" ".join(rest)) or 0 if rest else 0)
    if words[0] != "nineteen":
        return None
    rest = [w for w in words[1:] if w != "oh"]
    n = _number(" ".join(rest))
    return 1900 + n if n is not None and n < 100 else None


def _alts(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WD = rf"(?:{_alts(_WEEKDAYS)}|{_alts([w.upper() for w in _WEEKDAYS])})"
_MONTH_FULL = rf"(?:{_alts(_MONTHS_FULL)}|{_alts([m.upper() for m in _MONTHS_FULL])})"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
# A month name as written before a day or a year: "November", "Nov.", "Nov".
_MONTH = rf"(?:{_MONTH_FULL}\b|{_MONTH_ABBR}\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.:/-]?\d)"
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]?\d)"
_HALF_LEFT = re.compile(r"\b(?:[Tt]he\s+)?(?P<h>(?i:first|second|last|latter|final))\s+$")
_PAIR_LEFT = re.compile(rf"\b(?P<mon>{_MONTH})\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:and|or|&)\s+$")
_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|a\s+dozen"
    r"|a\s+couple\s+of|couple\s+of|several|a\s+few|few|a|an|(?<![\d,./$])\d{1,3}(?!,\d))"
)
_UNIT = r"(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?|decades?|centur(?:y|ies)|quarters?)"
_UNIT_CS = (
    r"(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?|decades?|centur(?:y|ies)|quarters?"
    r"|YEARS?|MONTHS?|WEEKS?|FORTNIGHTS?|DAYS?|HOURS?|MINUTES?|DECADES?|CENTUR(?:Y|IES)|QUARTERS?)"
)
_HEDGE = (
    r"(?:(?:more|less|fewer)\s+than|nearly|almost|about|around|some|over|under|roughly"
    r"|approximately|at\s+least|at\s+most|up\s+to|just|only)"
)
_CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?P<noon>noon|midnight|midday))"
)
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?"


# Left contexts. A rule's regex matches the distinctive core of an expression (a year, a
# month name, a unit word), which ``re`` finds quickly; the optional words before it are read
# by these ``$``-anchored patterns on the few characters just before the core (``_left``).
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
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?(?:\b(?P<pre>(?:the\s+)?(?:past|last|next|first|final|previous|coming"
    rf"|following|latest|same|remaining)|the)\s+)?\b(?P<num>{_NUM})(?P<sep>[\s-])"
    r"(?:(?:more|additional|full|long)\s+)?$",
    re.IGNORECASE,
)
_L_AGO = re.compile(rf"(?:\b(?P<hedge>{_HEDGE})\s+)?\b(?P<num>{_NUM})\s+$", re.IGNORECASE)


def _left(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched on the 60 characters before ``pos``; the
    leftmost, hence longest, match. None when nothing matches (all-optional patterns
    always match, possibly empty)."""
    return pattern.search(text, max(0, pos - 60), pos)


# --------------------------------------------------------------------------- calendar helpers


@dataclass(frozen=True, slots=True)
class _Timex:
    """A normalized TIMEX3: type, value, granularity and the [start, end) dates it covers."""

    type: str
    value: str
    granularity: str | None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class _Anaphor:
    """A relative expression anchored on the latest earlier mention ("the next day")."""

    unit: str  # day, week, month, quarter or year
    shift: int  # signed number of units; 0 with ``same`` for "that day", "the quarter"
    same: bool = False  # the anchor itself at ``unit`` granularity; never the DCT
    exact: bool = False  # the anchor must have exactly ``unit`` granularity
    fallback: _Timex | None = None  # the value when the anchor cannot take the shift
    tod: str | None = None  # a clock time ("HH:MM") on the anchor's day: a TIMEX3 TIME
    named: bool = False  # the phrase names a calendar unit ("the following year"): the value
    # is that unit, not the anchor's granularity shifted


@dataclass(frozen=True, slots=True)
class _Period:
    """A phrase naming the story's reporting period, or the same period a year before.

    Business news reports results for a fiscal period (mostly a quarter) and compares them
    with the same period of the year before: in a story about "the third quarter" of 1989,
    "the year-ago quarter", "up from $10 million a year ago" and "the quarter" are 1988-Q3,
    1988-Q3 and 1989-Q3 (TimeML 1.2.1 ``anchorTimeID`` on the period; the TimeBank WSJ
    annotation). The reporting period is the first recent quarter the story names (its lead:
    "third-quarter profit rose ..."; begun by the DCT and ended less than a year before it); after a year-to-date period ("the first nine months")
    a comparison is yearly until a quarter is named again.
    """

    years_back: int = 0  # 1 for "the year-ago quarter", "a year earlier"
    quarter: int | None = None  # an ordinal in the phrase: "the year-earlier third quarter"
    year: int | None = None  # a year in the phrase: "the 1988 quarter"
    fallback: _Timex | _Anaphor | None = None  # the value when no quarter precedes


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    timex: _Timex | _Anaphor | _Period
    rule: int = 0


def _add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the target month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "quarter":
        return _add_months(d, 3 * n)
    if unit == "year":
        return _add_months(d, 12 * n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    raise ValueError(f"cannot shift by unit {unit!r}")


def _season_of(d: dt.date) -> tuple[int, str]:
    """Northern-hemisphere meteorological season holding ``d``: winter = Dec of Y to Feb of Y+1."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    if d.month == 12:
        return d.year, "WI"
    return d.year, ("SP", "SU", "FA")[(d.month - 3) // 3]


def _season_start(year: int, code: str) -> dt.date:
    return dt.date(year, _SEASON_START_MONTH[code], 1)


def _at(d: dt.date, granularity: str, tod: str | None = None) -> _Timex:
    """The TIMEX3 DATE of the given ``granularity`` that contains ``d`` (TimeML 1.2.1 value syntax).

    ``tod`` (``MO``/``AF``/``EV``/``NI`` or ``HH:MM``) makes it a TIME on that day.
    """
    if granularity in ("day", "hour", "minute"):
        if tod:
            return _Timex("TIME", f"{d.isoformat()}T{tod}", granularity, d, d + _ONE_DAY)
        return _Timex("DATE", d.isoformat(), "day", d, d + _ONE_DAY)
    if granularity == "week":
        monday = d - dt.timedelta(days=d.weekday())
        iso = monday.isocalendar()
        return _Timex(
            "DATE", f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(7)
        )
    if granularity == "month":
        first = d.replace(day=1)
        return _Timex("DATE", f"{d.year:04d}-{d.month:02d}", "month", first, _add_months(first, 1))
    if granularity == "quarter":
        q = (d.month - 1) // 3 + 1
        first = dt.date(d.year, 3 * q - 2, 1)
        return _Timex("DATE", f"{d.year:04d}-Q{q}", "quarter", first, _add_months(first, 3))
    if granularity == "season":
        y, code = _season_of(d)
        first = _season_start(y, code)
        return _Timex("DATE", f"{y:04d}-{code}", "season", first, _add_months(first, 3))
    if granularity == "year":
        return _Timex("DATE", f"{d.year:04d}", "year", dt.date(d.year, 1, 1), dt.date(d.year + 1, 1, 1))
    if granularity == "decade":
        y = d.year - d.year % 10
        return _Timex("DATE", f"{y // 10:03d}", "decade", dt.date(y, 1, 1), dt.date(y + 10, 1, 1))
    if granularity == "century":
        y = d.year - d.year % 100
        return _Timex("DATE", f"{y // 100:02d}", "century", dt.date(max(y, 1), 1, 1), dt.date(y + 100, 1, 1))
    raise ValueError(f"unknown granularity {granularity!r}")


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_PAST_BIAS_DAYS = 120
"""A later date must be this many days nearer the DCT than an earlier one to win, unless the
clause speaks of the future: news mostly reports the past. Tuned on the TimeBank/AQUAINT
gold (month and day names without a year: nearest 201, with this bias 212 of 225)."""


def _nearest_day(month: int, day: int, dct: dt.date, future: bool = False) -> dt.date | None:
    """The date with this month and day nearest the DCT, with a past bias.

    News convention for dates written without a year ("on November 28"), as in HeidelTime:
    of the candidates in the DCT's year and the years either side, the one nearest the DCT,
    where a date after the DCT counts :data:`_PAST_BIAS_DAYS` days farther than it is
    (no bias when ``future``, i.e. the clause speaks of the future). Ties go to the past.
    """
    bias = 0 if future else _PAST_BIAS_DAYS
    best: tuple[int, dt.date] | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = _safe_date(y, month, day)
        if d is None:
            continue
        delta = (d - dct).days
        score = abs(delta) + (bias if delta > 0 else 0)
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else None


def _nearest_month(month: int, dct: dt.date, future: bool = False) -> dt.date:
    """First day of the month named ``month`` nearest the DCT's month, with a past bias.

    The month version of :func:`_nearest_day`: a later month counts three months farther
    than it is unless ``future``; ties go to the past. In a story of 2017-12-27 "in
    January" is 2018-01, "in June" 2017-06, "in November" 2017-11.
    """
    here = dct.year * 12 + dct.month - 1
    bias = 0 if future else 3

    def score(k: int) -> tuple[int, int]:
        return (abs(k - here) + (bias if k > here else 0), k)

    best = min((y * 12 + month - 1 for y in (dct.year - 1, dct.year, dct.year + 1)), key=score)
    return dt.date(best // 12, best % 12 + 1, 1)


def _gap(start: dt.date, end: dt.date, dct: dt.date) -> int:
    """Days between the DCT and the interval [start, end); 0 when the DCT is inside it."""
    if dct < start:
        return (start - dct).days
    if dct >= end:
        return (dct - end).days + 1
    return 0


def _number(text: str) -> int | None:
    """Integer value of a cardinal written in digits or English words; None for vague ones."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t.isdigit():
        return int(t)
    if t in ("several", "a few", "few"):
        return None
    if t in ("a couple of", "couple of"):
        return 2
    if t == "a dozen":
        return 12
    if t.endswith("hundred"):
        return 100
    parts = re.split(r"[\s-]", t)
    total = 0
    for p in parts:
        if p not in _NUM_WORDS:
            return None
        total += _NUM_WORDS[p]
    return total


_WORD_BEFORE = re.compile(r"([A-Za-z'’]+)[^\w]*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z'’]+)")


def _word_before(text: str, pos: int) -> str:
    """The word (letters, apostrophes) ending just before ``pos``, lower-cased, skipping spaces."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would(?!\s+not|n['’]t)|might|(?:is|are|was|were)\s+(?:due\s+|set\s+|slated\s+|going\s+)?to"
    r"|scheduled|planned|planning|plans?\s+to|set\s+to|slated|to\s+be\s+held|as\s+(?:soon|early)\s+as)\b"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(
    r"[.!?;:,\n]\s|[\"“”(]|\b(?:said|says|because|which|who|whom|when|after|before|while|since|although|though|but)\b"
)


def _future_context(text: str, pos: int) -> bool:
    """True when the clause before ``pos`` speaks of the future ("talks will resume on
    Tuesday"): a cheap stand-in for HeidelTime's tense feature. Looks back to the start
    of the clause (sentence end, comma, quote, "said", "because"...), at most 60 characters."""
    window = text[max(0, pos - 60) : pos]
    starts = [m.end() for m in _CLAUSE_START.finditer(window)]
    if starts:
        window = window[starts[-1] :]
    return _FUTURE_CUE.search(window) is not None


# Finite past-tense forms of common irregular verbs (regular ones end in -ed). Forms that are
# also present tense or nouns ("set", "put", "cut", "hit", "read", "cost") are left out.
_IRREGULAR_PAST = frozenset(
    """was were had did said told made took gave came went got began became left lost won
    sold bought brought thought found held kept led met paid sent spent stood struck fell
    rose grew knew drew wrote broke chose spoke stole drove flew fled fought shot sought
    taught caught built felt heard laid lent meant rode rang sank sat shook slid slept
    spun swore swept swam threw tore understood woke wore withdrew overtook undertook
    forgot forgave arose awoke bore beat bent bled blew bred burst clung crept dealt dug
    fed froze hung hid lit overcame proved ran saw sang stuck stung strode strove swung
    wept wound""".split()
)
# Finite future or modal forms: "will" makes the clause future; the other modals (and
# "would", the future-in-the-past of reported speech) leave the tense open.
_FUTURE_AUX = frozenset("will shall 'll ’ll wo".split())
_OPEN_AUX = frozenset("would could can may might must should is are am".split())
# Participles that announce a plan, not a past event: "is expected in March".
_PLAN_PARTICIPLES = frozenset(
    """expected scheduled planned slated proposed intended designed aimed targeted projected
    anticipated forecast predicted due set""".split()
)
# Words after which an -ed form is an adjective ("the troubled region").
_DETERMINERS = frozenset(
    """the a an its their his her our your my this that these those some any no each every
    newly recently""".split()
)
# Words that may follow a finite verb (an -ed form before any other lower-case word is taken
# for an adjective) and that cannot follow an infinitive "to".
_FUNCTION_WORDS = frozenset(
    """the a an his her its their our your my this that these those some any all both each
    every no to from in on at for with by of into onto as up down out off over back about
    after before since during until through against between under above near than and or
    but not also again later earlier early late last next first only just still then there
    here it he she they we you him them us""".split()
)
# -ed words that are not verbs.
_NOT_VERBS_ED = frozenset("bed red need hundred shed speed seed creed greed feed breed united".split())
# Prepositions of a deadline: "postponed until Tuesday" is future although "postponed" is past.
_DEADLINE_WORDS = frozenset("until till through pending".split())
_TENSE_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|['’]ll|\d[\d,.]*|[,;:()]")
_SENTENCE_BACK = re.compile(r"(?:[.!?]\s+(?=[A-Z\"“`'(_])|[;\n\"“”]|``|'')")


def _clause_tense(text: str, start: int, end: int) -> int:
    """The tense of the verb that governs the time expression at ``start:end``: -1 past,
    +1 future ("will"), 0 when unknown (modal, infinitive, present tense, a deadline).

    A cheap stand-in for the tense feature of HeidelTime (Strötgen & Gertz 2013), which
    resolves underspecified dates ("in March", "on Nov. 28") towards the past in a past-tense
    sentence and towards the future in a future-tense one. Scans back within the sentence (or
    quote) for the nearest verb form: "will" (also "will be named") is future; "was", "had",
    "said", an irregular past ("bought") or a finite -ed form ("stepped down ... in March";
    not an adjective after a determiner, not "expected"/"scheduled") is past; a modal,
    "would", "is", an infinitive ("agreed to acquire ... in January") or a deadline word
    ("until") is unknown. When the expression opens its sentence ("In January, the company
    sold..."), the first verb after it decides. At most 18 words either way.
    """
    lo = max(0, start - 160)
    window = text[lo:start]
    cut = None
    for m in _SENTENCE_BACK.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    toks = _TENSE_TOKEN.findall(window)
    if toks and toks[-1].lower() in _DEADLINE_WORDS:
        return 0
    verdict = _scan_tense(toks[::-1][:18], backwards=True)
    if verdict is not None:
        return verdict
    if sum(1 for t in toks if t[0].isalpha()) > 3:
        return 0
    ahead = text[end : end + 160]
    m = re.search(r"[.!?;\"“”]\s|``|''|\n", ahead)
    if m:
        ahead = ahead[: m.start()]
    verdict = _scan_tense(_TENSE_TOKEN.findall(ahead)[:18], backwards=False)
    return verdict or 0


def _scan_tense(toks: list[str], backwards: bool) -> int | None:
    """Helper of :func:`_clause_tense`: the first verdict met in ``toks`` (nearest first when
    ``backwards``, else in reading order), or None when no verb form was met."""
    n = len(toks)
    for i, tok in enumerate(toks):
        w = tok.lower()
        if w in _FUTURE_AUX or w.endswith(("'ll", "’ll")) or w in ("won't", "won’t"):
            return 1
        if w in _OPEN_AUX:
            return 0
        prev = (toks[i + 1] if i + 1 < n else "") if backwards else (toks[i - 1] if i else "")
        nxt = (toks[i - 1] if i else "") if backwards else (toks[i + 1] if i + 1 < n else "")
        prev, nxt_l = prev.lower(), nxt.lower()
        if backwards and w == "to" and nxt.isalpha() and nxt.islower() and nxt_l not in _FUNCTION_WORDS:
            return 0  # an infinitive: "agreed to acquire X in January"
        irregular = w in _IRREGULAR_PAST
        regular = w.endswith("ed") and len(w) > 4 and w not in _NOT_VERBS_ED
        if not (irregular or regular) or not tok.islower():
            continue
        if w in _PLAN_PARTICIPLES:
            return 0
        if prev in _DETERMINERS or prev in ("be", "being"):
            continue  # "the troubled region"; "will be named": the auxiliary decides
        if prev in ("is", "are", "am"):
            return 0  # present passive: "the case is heard in May"
        if regular and nxt.isalpha() and nxt.islower() and nxt_l not in _FUNCTION_WORDS:
            continue  # an -ed form before a noun is an adjective: "a still unspecified date"
        return -1
    return None


_DEADLINE_CUE = re.compile(
    r"\b(?:deadline|postpon\w*|delay(?:s|ed)?|extend(?:s|ed)?|adjourn\w*|gives?|given|has|have|grant\w*)\b[^.;!?]*$",
    re.IGNORECASE,
)


def _deadline(text: str, pos: int) -> bool:
    """True for a deadline ahead of the DCT: "until"/"till" right before ``pos`` after a word
    that sets a limit ("extended its deadline until 9 a.m. Tuesday", "postponed until Tuesday
    morning", "has given them until Friday"). Such a limit lies after the DCT although the
    verb may be past; a bare "until Thursday, they had..." (a past limit) stays past."""
    if _word_before(text, pos) not in ("until", "till"):
        return False
    return _DEADLINE_CUE.search(text, max(0, pos - 80), pos) is not None


def _title_unit(unit: str, whole: str) -> bool:
    """True for a capitalized unit word in mixed case: a title ("This Week", "60 Minutes",
    "the Five Year Plan"), not a time expression."""
    return unit[:1].isupper() and not whole.isupper()


_SPORTS = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|rebounds?|half-?time|overtime|three-pointers?|free\s+throws?"
    r"|quarterback|scored|scoring|minutes?\s+(?:left|remaining|to\s+play)|seconds\s+(?:left|remaining|to\s+play)"
    r"|to\s+play\s+in\s+the|\d+-\d+\s+(?:win|victory|loss|defeat|lead))\b",
    re.IGNORECASE,
)
"""Words that make "the fourth quarter" a period of a game, not of a year."""

_ADVERB_FOLLOWERS = frozenset(
    """and or but in on at for from to since until till by with during through as than over
    under between before after because while when if so thereafter""".split()
)


def _word_after(text: str, pos: int) -> str:
    """The word right after ``pos`` (leading spaces skipped), as written; "" when none."""
    m = _WORD_AFTER.match(text, pos, pos + 40)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------- the tagger


_Resolver = Callable[[re.Match[str], str, dt.date], "_Hit | None"]


class TemporalTagger:
    """Find temporal expressions in a text and normalize them as TIMEX3 against the DCT.

    The tagger precompiles its patterns once; :meth:`run` is pure and thread-safe.

    Usage::

        >>> import datetime as dt
        >>> tagger = TemporalTagger()
        >>> body = "Lavrov on Tuesday discussed the ICBM test last month."
        >>> [(m.text, m.value) for m in tagger.run(body, dt.date(2017, 12, 27))]
        [('Tuesday', '2017-12-26'), ('last month', '2017-11')]
        >>> tagger.run(body, dt.date(2017, 12, 27))[1].range
        DateRange(gte='2017-11-01', lt='2017-12-01')

    Rules (TimeML 1.2.1 TIMEX3 guidelines for the values and extents, ISO 8601 for the
    calendar, news conventions as in HeidelTime for anchoring; each resolver documents its own):

    * weekdays, with last/this/next and parts of the day; today, yesterday, tomorrow, tonight;
      underspecified months and weekdays follow the tense of their clause (:func:`_clause_tense`),
      a deadline ("extended until 9 a.m. Tuesday") lies ahead; half years ("1990-H1");
    * last/this/next week, weekend, month, year; "N units ago"; "earlier this month";
    * month-day and day-month with or without a year; month-year; bare months after a cue
      word; ISO ``YYYY-MM-DD`` and US ``MM/DD/YYYY`` dates; clock times tied to a day;
    * bare years after a cue word; decades ("the 1990s"); centuries ("the 20th century");
    * quarters ("the third quarter", "third-quarter", "Q3 2017"); seasons ("last summer");
    * durations ("two years" -> ``P2Y``, "2 1/2 years" -> ``P2Y6M``, "decades-long",
      "in recent years" -> ``PXY``), sets ("every day", "daily" -> ``P1D``), and
      ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` ("now", "current", "recently", "the future");
    * business-news reporting periods: "the year-ago quarter", "up from $10 million a year
      ago", "the latest quarter" resolve against the quarter the story reports (:class:`_Period`);
      "the year ended Sept. 30" is ``P1Y``, "for the full year" the DCT's year;
    * clock times alone ("at 10:35 a.m.") on the day last mentioned; years in words
      ("nineteen ninety-six");
    * inside spaCy DATE/TIME spans only: bare years, bare months (also May/March), bare
      seasons, anaphoric expressions ("the previous day"), rare absolute strings (dateparser).
    """

    def __init__(self) -> None:
        """Compile every pattern once (``re`` objects are reused by all :meth:`run` calls)."""
        f = re.compile
        I = re.IGNORECASE  # noqa: E741 - the usual flag name
        # Each rule: (compiled pattern, resolver). The resolver validates the match, reads the
        # words before it when needed (``_left``) and returns the TIMEX3 extent and value;
        # where a pattern has a group ``t``, that group is the extent.
        self._rules: list[tuple[re.Pattern[str], _Resolver]] = [
            # ISO 8601 calendar date: 2017-12-27
            (f(r"(?<![\d-])(?P<t>(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\d-])"), self._iso),
            # US numeric date: 12/27/2017
            (f(r"(?<![\d/])(?P<t>(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d))(?![\d/])"), self._numeric),
            # Month day[, year], optionally after a weekday: "Tuesday, Dec. 26, 2017"
            (
                f(
                    rf"\b(?P<t>(?:(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MONTH})\s*(?P<day>{_DAY})"
                    rf"(?:,?\s+(?P<y>{_YEAR4}))?))"
                ),
                self._month_day,
            ),
            # The second day of "April 24 and 25": a date of its own (TIMEX3 guidelines)
            (f(rf"\d(?:st|nd|rd|th)?\s+(?:and|or|&)\s+(?P<t>{_DAY})(?![\w-]|\s*%)"), self._second_day),
            # "the week of March 6" -> that date's ISO week
            (
                f(rf"(?P<t>week\s+of\s+(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?:,?\s+(?P<y>{_YEAR4}))?)"),
                self._week_of,
            ),
            # Day month [year]: "28 November", "the 28th of November 2017"
            (
                f(
                    rf"\b(?P<t>(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})"
                    rf"(?:,?\s+(?P<y>{_YEAR4}))?)"
                ),
                self._month_day,
            ),
            # Month year: "November 2017", "Nov. 2017", "November of last year" (+ early/late/mid)
            (
                f(
                    rf"\b(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR4})"
                    rf"|\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)\b)"
                ),
                self._month_year,
            ),
            # Bare month name, validated by a cue word in the resolver: "in November", "last November"
            (f(rf"\b(?P<mon>{_MONTH_FULL})\b"), self._bare_month),
            # Weekday with optional last/this/next, early/late and part of the day
            (
                f(
                    rf"\b(?P<t>(?:(?P<mod>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming"
                    rf"|this|past|coming))\s+)?(?P<wd>{_WD})\b"
                    rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))\b)?)"
                ),
                self._weekday,
            ),
            # Clock time tied to a day: "10 p.m. Wednesday", "noon Thursday", "Tuesday at 9 a.m."
            (
                f(
                    rf"\b(?P<t>(?:{_CLOCK}{_TZ},?\s+(?:on\s+)?(?P<wd>{_WD}|(?i:today|yesterday|tomorrow))\b"
                    rf"|(?P<wd2>{_WD}|(?i:today|yesterday|tomorrow))\s+(?:at\s+)?"
                    rf"{_CLOCK.replace('?P<h>', '?P<h2>').replace('?P<mi>', '?P<mi2>').replace('?P<ap>', '?P<ap2>').replace('?P<noon>', '?P<noon2>')}))"
                ),
                self._clock,
            ),
            # today, yesterday, tomorrow, tonight, "the day before yesterday", "this morning", "last night"
            (
                f(
                    r"\b(?P<t>(?:(?P<mod>earlier|later|early|late)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?"
                    r"(?:(?P<day>today|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night)\b(?!s))?"
                    r"|(?P<tonight>tonight)|this\s+(?P<pod2>morning|afternoon|evening)|(?P<lastnight>last\s+night)))\b",
                    I,
                ),
                self._deictic_day,
            ),
            # "mid-afternoon yesterday", "by mid-morning": a part of the day
            (
                f(r"(?P<t>[Mm]id[\s-]?(?P<pod>morning|afternoon)(?:\s+(?P<day>yesterday|today|tomorrow))?)\b"),
                self._mid_part_of_day,
            ),
            # last/this/next week|weekend|month|year (+ earlier/later/early/late/mid)
            (
                f(
                    r"(?<!\bthe\s)\b(?P<t>(?:(?P<mod>earlier|later|early|late|mid)[\s-]+)?"
                    r"(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+current|current)\s+"
                    r"(?P<unit>week|weekend|month|year|decade|century)(?!-|\s+(?:or|and)\s+(?:so|two|more)))\b",
                    I,
                ),
                self._relative_unit,
            ),
            # "N units ago", "N units from now"
            (
                f(rf"\b(?P<unit>{_UNIT_CS})\s+(?P<dir>ago|from\s+now|hence|before\s+now)\b"),
                self._ago,
            ),
            # Years 1900-2099, validated by a cue word in the resolver: "in 2016", "since 1997",
            # "early 1990", "fiscal 1989", "the 1996 campaign"
            (
                f(
                    r"(?<![\d$£€#.,'’/])\b(?P<y>(?:1[6-9]|20)\d\d)\b"
                    r"(?![\d,.]?\d|\s*(?:%|percent\b|per\s+cent\b)|-\d|['’]?s\b)"
                ),
                self._cued_year,
            ),
            # Decades: "the 1990s", "the mid-1990s", "the '80s", "the nineties"
            (
                f(
                    r"(?P<t>\b(?:[Tt]he\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<full>1\d\d0|20\d0)['’]?s"
                    r"|['’](?P<short>\d0)s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
                ),
                self._decade,
            ),
            # Centuries: "the 20th century", "the nineteenth century"
            (
                f(
                    rf"(?P<t>\b(?:[Tt]he\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alts(list(_ORDINALS))})"
                    r"[\s-]+[Cc]entury)\b(?!-old)",
                ),
                self._century,
            ),
            # Quarters: "the third quarter", "third-quarter", "the fourth quarter of 2016", "Q3 2017"
            (
                f(
                    r"\b(?P<t>(?:(?P<relyear>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?P<y1>(?:19|20)\d\d)\s+|the\s+)?"
                    r"(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+quarter\b"
                    r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>(?:19|20)\d\d)\b|(?P<relyear2>this|last|next)\s+year\b)"
                    r"|,?\s+(?P<y3>(?:19|20)\d\d)\b(?![\d,.]?\d))?)(?!\s+of\s+(?:a|an|the|its|his|her|their)\b)",
                    I,
                ),
                self._quarter,
            ),
            # Half years: "the first half of 1990", "the last half of 1989", "the second half
            # of next year", "the first two quarters of 1990"
            (
                f(
                    r"(?P<t>(?:half|two\s+quarters)\s+of\s+"
                    r"(?:(?P<fiscal>fiscal\s+)?(?P<y>(?:19|20)\d\d)\b(?![\d,.]?\d)|(?P<rel>this|last|next)\s+year\b))"
                ),
                self._half_year,
            ),
            (
                f(r"\b(?P<t>(?P<rel>this|next|last|the\s+current|current)\s+quarter)\b(?!\s+of\b)", I),
                self._relative_quarter,
            ),
            (
                f(r"\b(?P<t>Q(?P<q>[1-4])\s*(?:of\s+)?(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4]))\b"),
                self._q_year,
            ),
            # Seasons: "last summer", "this winter", "the summer of 1989", "in the spring"
            (
                f(
                    r"\b(?P<s>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter"
                    r"|SPRING|SUMMER|FALL|AUTUMN|WINTER)"
                    r"(?:\s+of\s+(?P<y1>(?:19|20)\d\d)\b|,?\s+(?P<y2>(?:19|20)\d\d)\b)?(?![\w-])"
                ),
                self._season,
            ),
            # Sets: "every day", "each Thursday", "every two years", "daily", "on Fridays"
            (
                f(
                    rf"\b(?P<t>(?:every|each)\s+(?:(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night|weekend)"
                    rf"|(?P<wd>{_WD})|(?P<mon>{_MONTH_FULL})|(?P<num>{_NUM})\s+(?P<units>{_UNIT}))"
                    rf"|(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly)"
                    rf"|(?P<wds>{_WD})s)\b(?!\s+of\b)",
                ),
                self._set,
            ),
            # Durations: "two years", "the past three months", "more than four hours", "five-year"
            (
                f(
                    rf"\b(?P<unit>{_UNIT_CS})\b"
                    r"(?!-old|[\s-]+olds?\b|\s+(?:ago|hence|from\s+now|of\s+age|and\s+a\s+half|or\s+so)\b)"
                    r"(?!-(?:and|to|or)-)"
                ),
                self._duration,
            ),
            # "the past year", "the last week": one unit back from the DCT, a DURATION
            (
                f(
                    r"\b(?P<t>the\s+(?:past|last|next|coming)\s+(?P<unit>week|month|year|decade|century))\b(?!\s+of\b|['’]s)",
                    I,
                ),
                self._past_unit,
            ),
            # PRESENT_REF / PAST_REF / FUTURE_REF
            (
                f(
                    r"\b(?P<t>(?P<present>(?:[Rr]ight\s+)?[Nn]ow|[Cc]urrently|[Nn]owadays|at\s+present|these\s+days)"
                    r"|(?P<past>[Rr]ecently|the\s+past)|(?P<future>the\s+(?:near\s+|foreseeable\s+|distant\s+)?future))\b"
                    rf"(?!\s+(?:{_NUM}\s+)?(?:{_UNIT}|few|several|couple|tense|perfect|participle|of)\b)(?![-’'])",
                ),
                self._ref,
            ),
            # Temporal adjectives: "current" -> PRESENT_REF, "then-current" -> PAST_REF
            (
                f(
                    r"\b(?P<t>(?P<past>[Tt]hen[\s-]current)|(?P<present>[Cc]urrent))\b"
                    r"(?![-’']|\s+(?:accounts?|affairs|assets|liabilities|flows?|density|rate|ratio)\b)"
                ),
                self._ref,
            ),
            # "over the weekend", "ahead of the weekend"
            (
                f(r"(?:\b(?P<ahead>ahead\s+of|before)\s+)?\b(?P<t>the\s+weekend)\b(?!['’]s|\s+(?:of|before|after)\b)", I),
                self._weekend,
            ),
            # "for weeks", "within days", "in years"
            (
                f(r"\b(?:(?:for|within|in|over)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades))|(?P<t2>(?:[Rr]ecent|(?:[Tt]he\s+)?[Cc]oming)\s+(?P<unit2>days|weeks|months|quarters|years|decades)|[Tt]he\s+(?P<unit3>days|weeks|months|years)\s+ahead))\b(?!\s+(?:of|to\s+come|ago|later|earlier|before|after|since|past)\b)(?![-’'])", I),
                self._vague_duration,
            ),
            # Holidays: "Christmas Day", "Thanksgiving", "last Christmas", "Easter 2016"
            (
                f(
                    r"\b(?P<t>(?:(?P<rel>last|this|next)\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+Day|\s+Eve)"
                    r"|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Election\s+Day)\b"
                    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?)(?!\s+(?:[A-Z]|tree|trees|card|cards|present|presents|gift|gifts|shopping|season|sales|holidays?|break|party|parties|dinner|carols?|lights|market|music|week|weekend|message|address|truce|ceasefire|cease-fire|bombing|offensive|Rising|Island|eggs?)\b)(?!['’]s)"
                ),
                self._holiday,
            ),
            # Reporting periods: "the year-ago quarter", "the same period last year", "the 1988
            # quarter", "the latest period", "year-earlier" (business news, see _Period)
            (
                f(
                    r"\b(?P<t>(?:the\s+)?(?:(?:same|corresponding|comparable|year-ago|year-earlier|prior-year)\s+){0,2}"
                    r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)"
                    r"(?:\s+(?P<back>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year))?"
                    r"|last\s+year['’]s\s+(?:(?P<q2>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<back2>quarter|period)"
                    r"|the\s+(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)"
                    r"|the\s+(?P<latest>latest|most\s+recent)\s+(?:three-month\s+)?period"
                    r"|(?P<adj>year-(?:earlier|ago)))\b(?!-|['’]s)",
                    I,
                ),
                self._period_back,
            ),
            # Same-reference anaphors: "that day", "the same year", "the quarter", "the latest quarter"
            (
                f(
                    r"\b(?P<t>(?:that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)"
                    r"|the\s+(?:latest\s+|same\s+|fiscal\s+)?(?P<q>quarter))\b"
                    r"(?![-’']\w\w|\s+(?:of|before|after|when|that|in\s+which|last|a|one|next|this|earlier|later)\b)",
                    I,
                ),
                self._same_anaphor,
            ),
            # "a year earlier", "one week later": anaphoric (the reporting period a year back
            # in a comparison of figures; else the latest mention shifted; else a DURATION)
            (
                f(r"\b(?P<t>(?:a|one)\s+(?P<unit3>year|month|week)\s+(?P<dir3>earlier|later))\b", I),
                self._anaphor,
            ),
            # "the year", "for the full year", "earlier in the year", "year-end", "the fiscal
            # year ended June 30"
            (
                f(
                    r"\b(?P<t>(?:(?P<inyear>earlier|later)\s+in\s+)?the\s+(?P<mod>full\s+|fiscal\s+|current\s+fiscal\s+|whole\s+|entire\s+)?year"
                    r"|(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year['’]s\s+end)(?P<end>))\b"
                    r"(?![-’']|\s+(?:before|after|earlier|later|ago|two|of|in\s+which|when|\d|(?-i:[A-Z])))",
                    I,
                ),
                self._the_year,
            ),
            # A clock time alone: "at 10:35 a.m.", "at midday" -> on the day last mentioned
            (
                f(
                    rf"\b(?P<t>{_CLOCK}{_TZ}(?:,?\s+(?:on\s+)?(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?:,?\s+(?P<y>{_YEAR4}))?)?)(?![\w-])",
                    I,
                ),
                self._bare_clock,
            ),
            # "decades-long", "a day-long meeting", "2 1/2 years", "two and a half hours"
            (
                f(
                    r"\b(?P<t>(?P<lu>day|week|month|year|decade|centur(?:y|ie))(?P<pl>s?)-long"
                    rf"|(?P<n>\d{{1,3}}|{_alts(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a'])})"
                    r"(?:\s+1/2|\s*½|\s+and\s+a\s+half)\s+(?P<hu>years?|hours?|days?))\b",
                    I,
                ),
                self._odd_duration,
            ),
            # A year said in words: "nineteen ninety-six", "January nineteen ninety-seven"
            (
                f(
                    rf"\b(?P<t>(?:(?P<mon>{_MONTH_FULL})\s+|(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+"
                    rf"|the\s+year\s+)?(?P<y>{_SPOKEN_YEAR}))(?![\w-])"
                ),
                self._spoken,
            ),
            # Anaphoric days, own pattern only when the phrase ends a clause ("the day before
            # the vote" is anchored on the vote). Weeks, months and years ("a year earlier",
            # mostly a reporting period in business news) only inside spaCy spans.
            (
                f(
                    r"\b(?P<t>(?:the\s+(?P<dir>previous|preceding|next|following)\s+(?P<unit>day)"
                    r"|the\s+(?P<unit2>day)\s+(?P<dir2>before|after)"
                    r"|(?:a|one)\s+(?P<unit3>day)\s+(?P<dir3>earlier|later)))\b"
                    r"(?=\s*[,.;:!?)\u201d\"]|\s*$|\s+(?:and|but|when|as|while)\b)",
                    I,
                ),
                self._anaphor,
            ),
        ]
        # Rules used only inside spaCy DATE/TIME candidate spans (lower prior precision).
        self._relaxed: list[tuple[re.Pattern[str], _Resolver]] = [
            (f(r"(?<![\d$£€.,])\b(?P<t>(?P<y>(?:19|20)\d\d))\b(?![\d,.]?\d|\s*%)"), self._plain_year),
            (f(rf"\b(?P<t>(?P<mon>{_MONTH_FULL}))\b"), self._plain_month),
            (
                f(
                    r"\b(?P<t>(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|winter))\b",
                    I,
                ),
                self._plain_season,
            ),
            (
                f(
                    r"\b(?P<t>the\s+(?P<dir>previous|preceding|next|following)\s+(?P<unit>day|week|month|year)"
                    r"|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)"
                    r"|(?:a|one)\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>earlier|later|before))\b",
                    I,
                ),
                self._anaphor,
            ),
        ]
        self._absolute_hint = f(rf"{_MONTH}|\d", I)
        # what each rule's matches must contain: a text without it skips that rule's scan
        self._rule_needs = [required_literals(pattern) for pattern, _ in self._rules]

    # ------------------------------------------------------------------ public API

    def run(
        self, text: str, dct: dt.date, candidates: Sequence[tuple[int, int]] = ()
    ) -> list[DateMention]:
        """Tag and normalize the temporal expressions in ``text``.

        Args:
            text: the article body; offsets in the result count from its first character.
            dct: the document creation time (the article's ``published`` date); every
                relative expression is resolved against it. A ``datetime`` is reduced to its date.
            candidates: ``(start, end)`` character spans that spaCy labelled DATE or TIME.
                A span that overlaps none of the tagger's own matches is re-read with the
                relaxed rules (bare years, bare months, "the previous day"...); what does not
                resolve is dropped.

        Returns:
            :class:`DateMention` values sorted by ``start``, never overlapping (the longer of
            two overlapping matches wins), each with ``text[start:end] == mention.text``.
            ``range`` is set for DATE/TIME values that denote calendar time, ``None`` for
            DURATION, SET and ``*_REF`` values.

        Raises:
            TypeError: ``dct`` is not a ``datetime.date``.
            ValueError: a candidate span lies outside ``text`` or is empty, or the DCT's year
                is outside 1000-9000 (relative arithmetic needs room on both sides).
        """
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        if not isinstance(dct, dt.date):
            raise TypeError(f"dct must be a datetime.date, got {type(dct).__name__}")
        if not _DCT_MIN_YEAR <= dct.year <= _DCT_MAX_YEAR:
            raise ValueError(f"dct {dct.isoformat()} is outside years {_DCT_MIN_YEAR}-{_DCT_MAX_YEAR}")
        n = len(text)
        for start, end in candidates:
            if not (0 <= start < end <= n):
                raise ValueError(f"candidate span {start}..{end} is outside a text of length {n}")

        own = self._select(self._scan(self._rules, text, dct, 0, n, self._rule_needs))
        own_starts = [h.start for h in own]
        own_ends = [h.end for h in own]
        extra: list[_Hit] = []
        for start, end in sorted(set(candidates)):
            if _overlaps(own_starts, own_ends, start, end):
                continue
            found = self._scan(self._relaxed, text, dct, start, end)
            if not found:
                found = self._absolute(text, start, end)
            extra.extend(found)
        hits = self._select(own + extra) if extra else own
        return self._finish(hits, text, dct)

    # ------------------------------------------------------------------ machinery

    @staticmethod
    def _scan(
        rules: list[tuple[re.Pattern[str], _Resolver]],
        text: str,
        dct: dt.date,
        pos: int,
        endpos: int,
        needs: Sequence[Literals] | None = None,
    ) -> list[_Hit]:
        """Every resolved match of every rule in ``text[pos:endpos]``. With ``needs`` (one
        :func:`~etl.prefilter.required_literals` per rule), a rule whose literals the text
        lacks is not scanned: the hits are the same, found faster."""
        hits: list[_Hit] = []
        folded = fold(text) if needs is not None else ""
        for index, (pattern, resolve) in enumerate(rules):
            if needs is not None and not may_match(needs[index], folded):
                continue
            for m in pattern.finditer(text, pos, endpos):
                try:
                    hit = resolve(m, text, dct)
                except (ValueError, OverflowError):
                    continue  # calendar arithmetic out of range ("999 centuries ago")
                if hit is not None:
                    hits.append(_Hit(hit.start, hit.end, hit.timex, index))
        return hits

    @staticmethod
    def _select(hits: list[_Hit]) -> list[_Hit]:
        """Keep non-overlapping hits, longest first, then leftmost, then earliest rule.

        The kept hits are held sorted by start (hence by end too, as they do not overlap), so
        each overlap test is a binary search: O(n log n) for n hits."""
        chosen: list[_Hit] = []
        starts: list[int] = []
        ends: list[int] = []
        for h in sorted(hits, key=lambda h: (h.start - h.end, h.start, h.rule)):
            if not _overlaps(starts, ends, h.start, h.end):
                i = bisect.bisect_left(starts, h.start)
                starts.insert(i, h.start)
                ends.insert(i, h.end)
                chosen.insert(i, h)
        return chosen

    @staticmethod
    def _finish(hits: list[_Hit], text: str, dct: dt.date) -> list[DateMention]:
        """Resolve anaphors against the latest earlier calendar mention and build the models."""
        out: list[DateMention] = []
        anchor: _Timex = _at(dct, "day")
        anchor_is_dct = True
        period: _Timex | None = None  # the first quarter mentioned: the reporting period
        quarterly = True  # False after "the first nine months": comparisons are then yearly
        for h in hits:
            tx = h.timex
            is_anchor = True
            if isinstance(tx, _Period):
                if tx.years_back and not quarterly and tx.quarter is None:
                    # after "the first nine months": the year to date, a year back
                    resolved_p, sets_period = _at(_shift(dct, "year", -tx.years_back), "year"), False
                else:
                    use = period if (quarterly or not tx.years_back) else None
                    resolved_p, sets_period = _resolve_period(tx, use, anchor, anchor_is_dct, dct)
                if resolved_p is None:
                    continue
                if sets_period and period is None:
                    period = resolved_p
                # a comparison ("a year earlier") is not an anchor: two in a row must not chain
                is_anchor = tx.years_back == 0
                tx = resolved_p
            elif isinstance(tx, _Anaphor):
                try:
                    resolved = None if (tx.same and anchor_is_dct) else _resolve_anaphor(tx, anchor)
                except (ValueError, OverflowError):
                    resolved = None
                if resolved is None:
                    if tx.fallback is None:
                        continue
                    resolved = tx.fallback
                tx = resolved
            elif tx.granularity == "quarter" and tx.start is not None and tx.end is not None:
                if period is None and tx.start <= dct and (dct - tx.end).days < 365:
                    period = tx  # a recent quarter: the one the story reports
                quarterly = True
            elif tx.type == "DURATION" and _YEAR_TO_DATE.search(text, h.start, h.end):
                quarterly = False
            if tx.start is not None and tx.end is not None:
                if is_anchor:
                    anchor, anchor_is_dct = tx, False
                rng = DateRange(gte=tx.start.isoformat(), lt=tx.end.isoformat())
            else:
                rng = None
            out.append(
                DateMention(
                    text=text[h.start : h.end],
                    start=h.start,
                    end=h.end,
                    type=tx.type,  # type: ignore[arg-type]
                    value=tx.value,
                    granularity=tx.granularity,  # type: ignore[arg-type]
                    range=rng,
                )
            )
        return out

    def _absolute(self, text: str, start: int, end: int) -> list[_Hit]:
        """Last resort for a candidate span: an absolute day date that ``dateparser`` reads."""
        span = text[start:end]
        if not (re.search(r"\b(?:19|20)\d\d\b", span) and self._absolute_hint.search(span)):
            return []
        d = _parse_absolute_day(span.strip())
        if d is None:
            return []
        lead = len(span) - len(span.lstrip())
        trail = len(span) - len(span.rstrip())
        return [_Hit(start + lead, end - trail, _at(d, "day"))]

    # ------------------------------------------------------------------ resolvers
    # Each resolver takes (match, text, dct) and returns a _Hit over group "t", or None.

    @staticmethod
    def _hit(m: re.Match[str], tx: _Timex | _Anaphor | None) -> _Hit | None:
        if tx is None:
            return None
        s, e = m.span("t")
        return _Hit(s, e, tx)

    def _iso(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """ISO 8601 calendar date ``YYYY-MM-DD`` -> day."""
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return self._hit(m, _at(d, "day") if d else None)

    def _numeric(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """``MM/DD/YYYY`` (US order, the wire default); ``DD/MM/YYYY`` when the first field exceeds 12."""
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        d = _safe_date(y, a, b) or _safe_date(y, b, a)
        return self._hit(m, _at(d, "day") if d else None)

    def _month_day(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Month and day, with the year as written or else the one nearest the DCT
        (after "since": the latest one on or before the DCT).

        "November 28, 2017" / "28 Nov 2017" -> ``2017-11-28``; "on November 28" in a story of
        2017-12-27 -> ``2017-11-28`` (news convention: nearest to the DCT, as in HeidelTime).
        A leading weekday ("Tuesday, Dec. 26") is part of the extent (TIMEX3 guidelines).
        """
        mon = m["mon"].rstrip(".")
        month = _MONTH_NUM[mon.lower()]
        day = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
        if m["y"]:
            d = _safe_date(int(m["y"]), month, day)
        elif _word_before(text, m.start("t")) == "since":
            # "since Nov. 28": the latest such day on or before the DCT
            d = _safe_date(dct.year, month, day)
            if d is None or d > dct:
                d = _safe_date(dct.year - 1, month, day)
        else:
            d = _nearest_day(month, day, dct, _future_context(text, m.start("t")))
        return self._hit(m, _at(d, "day") if d else None)

    def _week_of(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"the week of March 6" -> the ISO 8601 week holding that day (``2000-W10``; TimeML
        1.2.1: the value is the week the phrase names), the day resolved as by :meth:`_month_day`.
        A "the" before it is part of the extent."""
        if m.start() and text[m.start() - 1].isalnum():
            return None  # the pattern has no leading \b (a literal prefix scans faster)
        hit = self._month_day(m, text, dct)
        if hit is None or not isinstance(hit.timex, _Timex) or hit.timex.start is None:
            return None
        the = re.search(r"\b[Tt]he\s+$", text[max(0, hit.start - 8) : hit.start])
        return _Hit(hit.start - len(the.group()) if the else hit.start, hit.end, _at(hit.timex.start, "week"))

    def _second_day(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """The second day of "April 24 and 25" (also "or", "&"): a TIMEX3 of its own in the
        month of the first (TIMEX3 guidelines: one TIMEX3 per date), the year as written after
        it ("April 24 and 25, 1999") or resolved as by :meth:`_month_day` (nearest the DCT)."""
        s = m.start("t")
        left = _PAIR_LEFT.search(text, max(0, s - 30), s)
        if left is None:
            return None
        month = _MONTH_NUM[left["mon"].rstrip(".").lower()]
        day = int(re.match(r"\d+", m["t"]).group())  # type: ignore[union-attr]
        y = re.match(rf",?\s+({_YEAR4})", text[m.end() : m.end() + 8])
        if y:
            d = _safe_date(int(y.group(1)), month, day)
        else:
            d = _nearest_day(month, day, dct, _future_context(text, left.start()))
        return self._hit(m, _at(d, "day") if d else None)

    def _month_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Month with a year: "November 2017", "Nov. 2017", "June last year" -> ``YYYY-MM``.

        A leading early/late/mid stays in the extent; the value is the month (TIMEX3 would
        add ``mod="START"``...)."""
        mon = m["mon"].rstrip(".")
        month = _MONTH_NUM[mon.lower()]
        if m["y"]:
            year = int(m["y"])
        else:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        lm = _left(_L_MOD, text, m.start())
        return _Hit(lm.start() if lm else m.start(), m.end(), _at(dt.date(year, month, 1), "month"))

    def _bare_month(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A month name alone -> the month nearest the DCT ("since March": the latest March on
        or before the DCT's month); "last November" -> the latest
        November strictly before the DCT's month, "next November" the first after it,
        "this November" the one of the DCT's year (TIMEX3 guidelines, news convention).

        May/March/August need a cue ("in May", "last March", "early August"): they are also
        a modal verb, a verb, an adjective. Other months are taken alone unless a capitalized
        word touches them ("June Carter", "Rev. April Smith"). last/this/next and
        early/late/mid are part of the extent, prepositions are not.
        """
        mon = m["mon"]
        month = _MONTH_NUM[mon.lower()]
        lm = _left(_L_MONTH, text, m.start())
        rel = (lm["rel"] or "").lower() if lm else ""
        cue = (lm["cue"] or "").lower() if lm else ""
        s = lm.start("rel") if rel else m.start()
        e = m.end()
        if re.match(r"\s*\d", text[e : e + 3]):
            return None  # the month of a date that did not parse ("February 30")
        if not (rel or cue):
            if mon.lower() in ("may", "march", "august"):
                return None
            if text[e : e + 1] == " " and _word_after(text, e)[:1].isupper():
                return None  # "June Carter", "October Revolution"
            if re.search(r"[A-Z][\w.]*\s$", text[max(0, s - 20) : s]) and not re.search(
                r"(?:^|[.!?:;\"“”]\s*)[A-Z][\w.]*\s$", text[max(0, s - 20) : s]
            ):
                return None  # "Rev. April Smith", "Miss June"; sentence-initial words are fine
        if cue in ("and", "or", "to") and not rel and mon.lower() in ("may", "march", "august"):
            # "between October and May": only after another month name
            if _word_before(text, lm.start()).capitalize() not in _MONTHS_FULL:  # type: ignore[union-attr]
                return None
        if rel == "last":
            d = _add_months(dt.date(dct.year, month, 1), -12 if month >= dct.month else 0)
        elif rel == "next":
            d = _add_months(dt.date(dct.year, month, 1), 12 if month <= dct.month else 0)
        elif rel == "this":
            d = dt.date(dct.year, month, 1)
        elif cue == "since":
            # "since March": the latest March on or before the DCT's month
            d = _add_months(dt.date(dct.year, month, 1), -12 if month > dct.month else 0)
        else:
            tense = _clause_tense(text, s, e)
            if tense < 0:  # past tense: the latest such month up to the DCT's
                d = _add_months(dt.date(dct.year, month, 1), -12 if month > dct.month else 0)
            elif tense > 0:  # future tense: the first such month from the DCT's on
                d = _add_months(dt.date(dct.year, month, 1), 12 if month < dct.month else 0)
            else:
                d = _nearest_month(month, dct, _future_context(text, s))
        return _Hit(s, e, _at(d, "month"))

    def _weekday(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Weekday names, anchored on the DCT (news convention, as in HeidelTime):

        * bare ("on Tuesday", "(Wednesday in Manila)"): the latest such day on or before the DCT;
        * "last"/"this past"/"past": the latest such day strictly before the DCT;
        * "next"/"this coming"/"coming": the first such day strictly after the DCT;
        * "this": that day in the DCT's ISO 8601 week (Monday to Sunday).

        A part of the day ("Tuesday night") gives a TIMEX3 TIME ``2017-12-26TNI`` (``MO``,
        ``AF``, ``EV``, ``NI``; TimeML 1.2.1), granularity day, range that day. Named days such
        as "Good Friday" or "Super Tuesday" are left alone.
        """
        s = m.start("t")
        if _word_before(text, s) in _WEEKDAY_BLOCKERS and not m["rel"] and not m["mod"]:
            return None
        wd = _WEEKDAY_NUM[m["wd"].lower()]
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        back = (dct.weekday() - wd) % 7
        if rel in ("last", "this past", "past"):
            d = dct - dt.timedelta(days=back or 7)
        elif rel in ("next", "this coming", "coming"):
            d = dct + dt.timedelta(days=(wd - dct.weekday()) % 7 or 7)
        elif rel == "this":
            d = dct + dt.timedelta(days=wd - dct.weekday())
        elif _future_context(text, s) or _clause_tense(text, s, m.end()) > 0 or _deadline(text, s):
            d = dct + dt.timedelta(days=(wd - dct.weekday()) % 7)
        else:
            d = dct - dt.timedelta(days=back)
        pod = m["pod"]
        return self._hit(m, _at(d, "day", _PARTS_OF_DAY[pod.lower()] if pod else None))

    def _clock(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Clock time with its day: "10 p.m. Wednesday" -> TIME ``2017-12-27T22:00``.

        The day follows the weekday/today rules; noon is ``T12:00``, midnight ``T24:00`` (end
        of the named day, TIMEX3 guidelines). Granularity minute or hour; range that day.
        """
        day = (m["wd"] or m["wd2"]).lower()
        h, mi, ap, noon = (m["h"], m["mi"], m["ap"], m["noon"]) if m["wd"] else (m["h2"], m["mi2"], m["ap2"], m["noon2"])
        if day in _WEEKDAY_NUM:
            wd = _WEEKDAY_NUM[day]
            t0, t1 = m.start("t"), m.end("t")
            if _future_context(text, t0) or _clause_tense(text, t0, t1) > 0 or _deadline(text, t0):
                d = dct + dt.timedelta(days=(wd - dct.weekday()) % 7)
            else:
                d = dct - dt.timedelta(days=(dct.weekday() - wd) % 7)
        else:
            d = dct + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day])
        if noon:
            hh, mm = (24 if noon.lower() == "midnight" else 12), 0
        else:
            hh, mm = int(h) % 12 + (12 if ap.lower().startswith("p") else 0), int(mi or 0)
        return self._hit(m, _at(d, "minute" if mi else "hour", f"{hh:02d}:{mm:02d}"))

    def _deictic_day(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """today = DCT, yesterday = DCT - 1, tomorrow = DCT + 1, "the day before yesterday" =
        DCT - 2 (TIMEX3 guidelines). tonight / last night / this morning / "yesterday
        afternoon" are TIMEX3 TIMEs (``TNI``, ``TMO``, ``TAF``, ``TEV``) on that day."""
        if m["lastnight"]:
            return self._hit(m, _at(dct - _ONE_DAY, "day", "NI"))
        if m["tonight"]:
            return self._hit(m, _at(dct, "day", "NI"))
        if m["pod2"]:
            return self._hit(m, _at(dct, "day", _PARTS_OF_DAY[m["pod2"].lower()]))
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
        if m["ba"]:
            offset += -1 if m["ba"].lower() == "before" else 1
        pod = m["pod"]
        return self._hit(m, _at(dct + dt.timedelta(days=offset), "day", _PARTS_OF_DAY[pod.lower()] if pod else None))

    def _mid_part_of_day(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"mid-afternoon yesterday" -> TIME ``1989-11-01TAF``, "mid-morning" -> ``TMO`` (TimeML
        1.2.1 parts of the day); without today/yesterday/tomorrow, on the day last mentioned
        (``anchorTimeID``), else on the DCT, like a clock time alone."""
        if m.start() and text[m.start() - 1].isalnum():
            return None  # "humid afternoon"; the pattern has no leading \b (faster scan)
        tod = _PARTS_OF_DAY[m["pod"].lower()]
        if m["day"]:
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
            return self._hit(m, _at(dct + dt.timedelta(days=offset), "day", tod))
        return self._hit(m, _Anaphor("day", 0, same=True, fallback=_at(dct, "day", tod), tod=tod))

    def _relative_unit(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """last/this/next week, weekend, month, year, decade, century, anchored on the DCT.

        "last week" -> the ISO week before the DCT's (``2017-W51``, range Monday to Monday);
        "last month" -> ``2017-11``; "last year" -> ``2016``; "last weekend" -> ``2017-W51-WE``
        (Saturday and Sunday of the previous ISO week, TIMEX3 guidelines). Leading
        "earlier"/"late"/"mid" stay in the extent; the value is unchanged (TIMEX3 would add ``mod``).
        """
        if _title_unit(m["unit"], m["t"]):
            return None
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        unit = m["unit"].lower()
        step = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        if unit == "weekend":
            monday = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(weeks=step)
            sat = monday + dt.timedelta(days=5)
            if rel == "this past" and sat > dct:
                sat -= dt.timedelta(weeks=1)
            iso = sat.isocalendar()
            return self._hit(
                m, _Timex("DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", None, sat, sat + dt.timedelta(2))
            )
        if unit in ("decade", "century"):
            if rel.startswith("last") or rel == "this past":
                # "last decade" is as often "the past ten years" as "the 2000s": only
                # "last century" (the previous one) is unambiguous.
                if unit == "decade":
                    return None
            d = dct.replace(day=1, month=1)
            d = _add_months(d, step * (120 if unit == "decade" else 1200))
            return self._hit(m, _at(d, unit))
        tx = _at(_shift(dct, unit, step), unit)
        if unit == "year" and rel == "last" and _comparison(text, m.start("t"), need_cue=True):
            # "up from last year's $2.34 billion": the reporting period a year back
            return self._hit(m, _Period(years_back=1, fallback=tx))
        return self._hit(m, tx)

    def _ago(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"two days ago" -> DCT - 2 days at day granularity; "three weeks ago" -> that ISO
        week; "six months ago" -> that month; "a year ago" -> that year; "a decade ago" ->
        that year (TIMEX3 guidelines: "ago" is anchored on the DCT, granularity of the unit).
        A hedge ("nearly", "more than") stays in the extent; the value is unchanged.
        "several/a few years ago" -> ``PAST_REF`` (no number to count back)."""
        lm = _left(_L_AGO, text, m.start())
        if lm is None:
            return None
        n = _number(lm["num"])
        unit = _unit_key(m["unit"])
        sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
        if n is None and lm["num"].lower() in ("several", "a few", "few") and unit not in ("hour", "minute"):
            # "several years ago": a vague past (TIMEX3 PAST_REF, as HeidelTime)
            return _Hit(lm.start(), m.end(), _Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None))
        if n is None or unit not in ("day", "week", "fortnight", "month", "quarter", "year", "decade", "century"):
            return None
        if unit == "fortnight":
            unit, n = "week", 2 * n
        if unit == "century":
            unit, n = "year", 100 * n
        gran = "year" if unit == "decade" else unit
        tx = _at(_shift(dct, unit, sign * n), gran)
        if unit == "year" and n == 1 and sign < 0 and _comparison(text, lm.start(), need_cue=False):
            # "up from $10 million a year ago": the reporting period a year back (see _Period)
            return _Hit(lm.start(), m.end(), _Period(years_back=1, fallback=tx))
        return _Hit(lm.start(), m.end(), tx)

    def _cued_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A 4-digit year 1900-2099 after a cue word -> ``YYYY``, year granularity.

        Cues: in, since, by, until, from, for, into, before, after, during, through,
        early/late/mid-, fiscal; "of" after "the end of", "the spring of", a capitalized name
        ("the Act of 1989"); "and"/"or"/"to" after another year ("between 1990 and 1995"), a
        comma inside a list of years ("in 1994, 1995 and 1997"), or
        "to" after a non-numeric verb ("dating to 1994"); a determiner or possessive when a
        word follows ("the 1996 campaign", "its 1990 invasion", "the company's 1989 results").
        Not a year when a count noun follows ("in 2000 cities"), when a verb of change
        precedes ("rose by 2000"), or after "$". The preposition stays outside the extent,
        early/late/mid/fiscal stay inside (TIMEX3 guidelines).
        """
        lm = _left(_L_YEAR, text, m.start())
        cue = ((lm["cue"] or lm["poss"] or "") if lm else "").lower()
        mod = lm["mod"] if lm else None
        if not (cue or mod):
            if re.search(r"(?:19|20)\d\d,\s*$", text[max(0, m.start() - 8) : m.start()]) and re.match(
                r"(?:,\s*(?:19|20)\d\d)*,?\s+(?:and|or)\s+(?:19|20)\d\d\b", text[m.end() : m.end() + 40]
            ):
                # inside a list of years: "in 1994, 1995 and 1997"
                return _Hit(m.start(), m.end(), _at(dt.date(int(m["y"]), 1, 1), "year"))
            return None
        s = lm.start("mod") if mod else m.start()  # type: ignore[union-attr]
        e = m.end()
        cue_start = lm.start()  # type: ignore[union-attr]
        nxt = _word_after(text, e)
        if nxt.lower() in _COUNT_NOUNS or (text[e : e + 1] == "-" and not mod):
            return None
        hit = _Hit(s, e, _at(dt.date(int(m["y"]), 1, 1), "year"))
        if mod:
            return hit
        prev = _word_before(text, cue_start)
        after_year = re.search(r"(?:19|20)\d\d\s*$", text[max(0, cue_start - 8) : cue_start])
        if cue in ("and", "or") and not after_year:
            return None
        if cue == "to" and not after_year and (
            prev in _CHANGE_VERBS or prev in ("close", "amount", "amounted", "amounting", "equal", "rate")
        ):
            return None
        if cue in ("by", "from") and prev in _CHANGE_VERBS:
            return None
        if cue == "of" and prev not in _OF_HEADS:
            if not re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, cue_start - 30) : cue_start]):
                return None
        if cue in ("the", "a", "an", "its", "his", "her", "their", "our", "that", "this", "whose", "'s", "’s"):
            # a determiner: the year must modify a following word ("the 1996 campaign")
            if not re.match(r" [A-Za-z]", text[e : e + 2]):
                return None
        return hit

    def _decade(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"the 1990s" -> ``199``, granularity decade, range 1990-01-01..2000-01-01 (TIMEX3
        value: the first three digits). "the '90s"/"the nineties" -> the latest such decade
        that starts on or before the DCT's year. "the 1800s" is a century (``18``)."""
        if m["full"]:
            y = int(m["full"])
            if y % 100 == 0:
                if y >= 1900:
                    return None  # "the 1900s"/"the 2000s": decade or century, left alone
                return self._hit(m, _at(dt.date(y, 1, 1), "century"))
        else:
            if m["word"]:
                if not m["t"].lower().startswith("the"):
                    return None  # "in his forties" is an age
                digit = [
                    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
                ].index(m["word"]) + 2  # fmt: skip
            else:
                digit = int(m["short"][0])
            y = dct.year - dct.year % 100 + digit * 10
            if y > dct.year:
                y -= 100
        return self._hit(m, _at(dt.date(y, 1, 1), "decade"))

    def _century(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"the 20th century" -> ``19``, granularity century, range 1900-01-01..2000-01-01."""
        o = m["ord"].lower()
        n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else _ORDINALS.get(o)  # type: ignore[union-attr]
        if not n or not 2 <= n <= 21:
            return None
        return self._hit(m, _at(dt.date((n - 1) * 100, 1, 1), "century"))

    def _quarter(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Calendar quarters -> ``YYYY-Qn`` (TIMEX3), granularity quarter.

        With a year ("the fourth quarter of 2016", "this year's third quarter", "the 1988
        second quarter") as written. Without one, the quarter nearest the DCT (0 when the DCT
        falls in it; ties go to the past): in a story of 1989-10-26 "the third quarter" is
        1989-Q3 and in one of 1998-01-26 "the fourth quarter" is 1997-Q4 (news convention,
        the same rule as for months). "last quarter" alone is the quarter before the DCT's.
        """
        q_word = m["q"].lower()
        fiscal = "fiscal" in m["t"].lower()
        year = None
        if m["y1"] or m["y2"] or m["y3"]:
            year = int(m["y1"] or m["y2"] or m["y3"])
        elif m["relyear"] or m["relyear2"]:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[(m["relyear"] or m["relyear2"]).lower()]
        if q_word in ("last", "final"):
            if year is None and q_word == "last":
                if m["t"].lower().startswith("the"):
                    return None  # "the last quarter": the previous one or the fourth? left alone
                prev = _add_months(dct.replace(day=1), -3)
                return self._hit(m, _at(prev, "quarter"))
            q = 4
        else:
            q = _ORDINALS[q_word]
        if year is None and fiscal:
            # a fiscal quarter without its year: TIMEX3 value in the DCT's (fiscal) year, as
            # TimeBank annotates it; no calendar range, since fiscal calendars vary
            return _Hit(*m.span("t"), _Timex("DATE", f"{dct.year:04d}-Q{q}", "quarter"))
        if year is None and _SPORTS.search(text, max(0, m.start() - 150), m.end() + 150):
            return None  # "nine minutes to play in the fourth quarter": a game, not a year
        if year is None:
            options = [(y, q) for y in (dct.year - 1, dct.year, dct.year + 1)]

            def gap(yq: tuple[int, int]) -> tuple[int, int]:
                start = dt.date(yq[0], 3 * yq[1] - 2, 1)
                return (_gap(start, _add_months(start, 3), dct), yq[0])

            year = min(options, key=gap)[0]
        s, e = m.span("t")
        # "third-quarter" as a modifier keeps its hyphen; a trailing ", 1990" is part of it.
        return _Hit(s, e, _at(dt.date(year, 3 * q - 2, 1), "quarter"))

    def _half_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Half years -> ``YYYY-H1``/``YYYY-H2`` (TimeML 1.2.1 TIMEX3 value syntax, as in
        TimeBank: "the last half of 1989" -> ``1989-H2``; "the first two quarters of 1990"
        -> ``1990-H1``). The year as written or "this/last/next year" from the DCT. The range
        is January-June or July-December; none for a fiscal year (fiscal calendars vary).
        TIMEX3 has no half-year granularity: the mention has none."""
        left = _HALF_LEFT.search(text, max(0, m.start() - 16), m.start())
        if left is None:
            return None
        half = 1 if left["h"].lower() == "first" else 2
        s, e = left.start(), m.end()
        if m["y"]:
            year = int(m["y"])
        else:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        if m["fiscal"]:
            return _Hit(s, e, _Timex("DATE", f"{year:04d}-H{half}", None))
        first = dt.date(year, 6 * half - 5, 1)
        return _Hit(s, e, _Timex("DATE", f"{year:04d}-H{half}", None, first, _add_months(first, 6)))

    def _relative_quarter(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"this/the current quarter" -> the DCT's quarter; "next quarter", "last quarter" -> +-1."""
        rel = m["rel"].lower()
        step = {"next": 3, "last": -3}.get(rel, 0)
        return self._hit(m, _at(_add_months(dct.replace(day=1), step), "quarter"))

    def _q_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"Q3 2017" / "2017 Q3" -> ``2017-Q3``."""
        q = int(m["q"] or m["q2"])
        y = int(m["y"] or m["y2"])
        return self._hit(m, _at(dt.date(y, 3 * q - 2, 1), "quarter"))

    def _season(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Seasons -> ``YYYY-SP``/``SU``/``FA``/``WI`` (TIMEX3), granularity season.

        Northern-hemisphere meteorological seasons: spring Mar-May, summer Jun-Aug, fall
        (autumn) Sep-Nov, winter Dec-Feb labelled with the year of its December. With a year
        ("the summer of 1989") as written; "this summer" = the one of the DCT's year (for
        winter: the one holding the DCT, or starting in its December); "last summer" = the
        latest summer that started before the DCT's season; "next" = the first after it;
        "in the summer" = the nearest one. Needs a year, last/this/next, early/late or
        "in the": "the fall of Saigon" and "a fall in prices" are not seasons.
        """
        code = _SEASONS[m["s"].lower()]
        lm = _left(_L_SEASON, text, m.start())
        the = lm["the"] if lm else None
        rel = re.sub(r"\s+", " ", ((lm["rel"] or "") if lm else "").lower())
        mod = lm["mod"] if lm else None
        cue = lm["cue"] if lm else None
        starts = [lm.start(g) for g in ("the", "rel", "mod") if lm and lm[g]]  # type: ignore[union-attr]
        s = min(starts) if starts else m.start()
        e = m.end()
        if m["s"][0].isupper() and not m["s"].isupper() and text[e : e + 1] == " " and _word_after(text, e)[:1].isupper():
            return None  # "Winter Olympics", "Spring Festival"
        year = m["y1"] or m["y2"]
        if not (year or rel or mod or (the and cue)):
            return None
        if m["s"].lower() == "fall" and not (year or rel):
            nxt = text[e : e + 4].lower()
            if nxt.startswith(" of") or nxt.startswith(" in"):
                return None
        if year:
            start = _season_start(int(year), code)
        else:
            cur_y, cur_code = _season_of(dct)
            cur = _season_start(cur_y, cur_code)
            cands = [_season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
            if rel in ("last", "this past", "past"):
                start = max(c for c in cands if c < cur)
            elif rel in ("next", "this coming", "coming"):
                start = min(c for c in cands if c > cur)
            elif rel == "this":
                start = cur if code == cur_code else _season_start(dct.year, code)
            else:
                start = min(cands, key=lambda c: (_gap(c, _add_months(c, 3), dct), -c.toordinal()))
        return _Hit(s, e, _at(start, "season"))

    def _set(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Recurring times, TIMEX3 type SET (no range): "every day"/"daily" -> ``P1D`` (also
        as an adjective, "daily flights", as TimeBank annotates it; not "quarterly dividend"
        nor before a name, "the weekly Akhbar"; nor "annually" as a rate after a figure,
        "to rise 20% annually", which TimeBank leaves unannotated),
        "every two years" -> ``P2Y``, "each Thursday"/"on Thursdays" -> ``XXXX-WXX-4``,
        "each July" -> ``XXXX-07``."""
        if m["adv"]:
            if m["adv"] == "annually" and re.search(r"(?:\d|%|\bunits?|\bpercent)\s*$", text[max(0, m.start() - 20) : m.start()]):
                return None  # a rate after a figure ("rise 20% annually", "$17.9 million annually")
            nxt = _word_after(text, m.end("t"))
            if m["adv"] != "annually" and nxt and re.match(r"\s*[A-Za-z]", text[m.end("t") :]) and nxt.lower() not in _ADVERB_FOLLOWERS:
                if m["adv"] == "quarterly" or not nxt[0].islower():
                    return None  # "quarterly dividend" (a kind of payment), "the weekly Akhbar"
            unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                    "yearly": "year", "quarterly": "quarter", "hourly": "hour"}[m["adv"]]  # fmt: skip
            return self._hit(m, _Timex("SET", _duration_value(1, unit), None))
        if m["wd"] or m["wds"]:
            wd = _WEEKDAY_NUM[(m["wd"] or m["wds"]).lower()]
            return self._hit(m, _Timex("SET", f"XXXX-WXX-{wd + 1}", None))
        if m["mon"]:
            return self._hit(m, _Timex("SET", f"XXXX-{_MONTH_NUM[m['mon'].lower()]:02d}", None))
        if m["unit"]:
            unit = m["unit"]
            if unit in _PARTS_OF_DAY:
                return self._hit(m, _Timex("SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}", None))
            if unit == "weekend":
                return self._hit(m, _Timex("SET", "XXXX-WXX-WE", None))
            return self._hit(m, _Timex("SET", _duration_value(1, unit), None))
        n = _number(m["num"])
        if n is None:
            return None
        return self._hit(m, _Timex("SET", _duration_value(n, _unit_key(m["units"])), None))

    def _duration(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Whole, unambiguous durations -> TIMEX3 DURATION (ISO 8601 ``PnY``/``PnM``/``PnW``/
        ``PnD``/``PTnH``/``PTnM``; quarters ``PnQ``; decades and centuries in years).

        "two years" -> ``P2Y``, "the past three months" -> ``P3M``, "a five-year plan" ->
        ``P5Y``; vague counts ("several years", "a few days") -> ``PXY``/``PXD``. Not taken:
        fractions ("two and a half years", "2.5 years"), ages ("a 45-year-old"), anchored
        phrases ("two years later"), "a year" after a number or money ("$5m a year", a rate),
        and "a day"/"one day" without a preceding cue ("One day, he ...").
        """
        lm = _left(_L_COUNT, text, m.start())
        if lm is None:
            return None
        raw = lm["num"]
        n = _number(raw)
        unit = _unit_key(m["unit"])
        if unit == "quarter" and (_word_after(text, m.end()).lower() == "of" or n is None):
            return None  # "three quarters of the vote"
        if m["unit"].lower().endswith("s") and n == 1 and not raw.isdigit():
            return None
        s, e = lm.start(), m.end()
        pre = re.sub(r"\s+", " ", (lm["pre"] or "").lower())
        later = re.match(r"\s+(?:later|after|earlier|before)\b", text[m.end() : m.end() + 10])
        if raw.lower() in ("a", "an", "one") and lm["sep"] != "-" and not (lm["hedge"] or pre or later):
            prev = _word_before(text, s)
            if prev not in ("for", "in", "within", "than", "about", "lasting", "over", "nearly", "almost", "only", "just", "after"):
                return None
            if prev == "in" and raw.lower() == "one":
                return None
        if pre == "the" and lm["sep"] == "-":
            s = lm.start("num")  # "the two-year plan": the determiner belongs to "plan"
        if pre.startswith("the same") or pre == "same":
            return None
        return _Hit(s, e, _Timex("DURATION", _duration_value(n, unit), _UNITS[unit][1]))

    def _past_unit(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"the past year", "the last week", "the next month": the previous (next) calendar
        unit, as "last year" (TimeBank annotates "over the past year" in a 1998 story as
        ``1997``); decades and centuries stay DURATIONs (``P10Y``: "the past decade" is a
        span of ten years, not the 1980s)."""
        if _title_unit(m["unit"], m["t"]):
            return None
        unit = m["unit"].lower()
        if unit in ("decade", "century"):
            return self._hit(m, _Timex("DURATION", _duration_value(1, unit), _UNITS[unit][1]))
        step = 1 if re.search(r"next|coming", m["t"], re.IGNORECASE) else -1
        return self._hit(m, _at(_shift(dct, unit, step), unit))

    def _ref(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"now", "currently", "nowadays", "at present", "these days" -> ``PRESENT_REF``;
        "recently", "the past" -> ``PAST_REF``; "the (near) future" -> ``FUTURE_REF`` (TIMEX3
        guidelines, type DATE, no range). The adjectives "current" (``PRESENT_REF``) and
        "then-current" (``PAST_REF``) too, as TimeBank annotates them; "current account",
        "current assets" and such financial terms are not."""
        if m["present"]:
            value = "PRESENT_REF"
        elif m["past"]:
            value = "PAST_REF"
        else:
            value = "FUTURE_REF"
        return self._hit(m, _Timex("DATE", value, None))

    def _anaphor(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Anaphoric "the previous day", "the day after", "a year earlier", "the following week":
        shifted from the latest calendar mention before it, or from the DCT when there is none
        (TimeML 1.2.1 ``anchorTimeID``; HeidelTime's reference-time rule).

        "the following year", "the previous month", "the week before" name a calendar unit:
        the value is that unit of the shifted anchor ("On May 22, 1995, ... the following
        year" -> ``1996``, TimeML 1.2.1: the value has the granularity the phrase names),
        while "a year earlier" shifts the anchor at its own granularity ("the third quarter
        ... a year earlier" -> the third quarter of the year before, as TimeBank has it)."""
        g = m.groupdict()
        unit = (g.get("unit") or g.get("unit2") or g["unit3"]).lower()
        direction = (g.get("dir") or g.get("dir2") or g["dir3"]).lower()
        sign = 1 if direction in ("next", "following", "after", "later") else -1
        duration = _Timex("DURATION", _duration_value(1, unit), unit) if g["unit3"] else None
        if g["unit3"] and unit == "year" and sign < 0 and _comparison(text, m.start("t"), need_cue=False):
            # "compared with C$307.2 a year earlier": the reporting period a year back
            return self._hit(m, _Period(years_back=1, fallback=_Anaphor(unit, sign, fallback=duration)))
        return self._hit(m, _Anaphor(unit, sign, fallback=duration, named=not g["unit3"]))

    def _same_anaphor(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"that day", "the same year" -> the latest calendar mention before it, at that unit
        (TimeML 1.2.1 ``anchorTimeID``); dropped when no date precedes. "the (latest) quarter",
        "that quarter" -> the reporting period (:class:`_Period`): the latest quarter
        mentioned, else the latest quarter closed before the DCT."""
        unit = (m["unit"] or m["q"]).lower()
        if unit == "quarter":
            return self._hit(m, _Period())
        return self._hit(m, _Anaphor(unit, 0, same=True))

    def _the_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"the year" in business news (TimeBank's annotation of earnings reports).

        "the (fiscal) year ended June 30" / "the fiscal year" -> DURATION ``P1Y`` (a span
        named by its end); "the current fiscal year", "the year", "for the full year",
        "earlier in the year", "year-end", "the end of the year" -> the DCT's year, TIMEX3
        value ``YYYY`` (the end itself would be ``mod="END"``, which the value does not carry)."""
        mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()).strip()
        nxt = _word_after(text, m.end("t")).lower()
        if m["end"] is None and (nxt in ("ended", "ending", "ends", "through", "to") or mod == "fiscal"):
            return self._hit(m, _Timex("DURATION", "P1Y", "year"))
        return self._hit(m, _at(dct, "year"))

    def _bare_clock(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A clock time without a weekday ("at about 10:35 a.m.", "at midday") -> TIMEX3 TIME
        on the date written after it ("5 p.m. EST, Nov. 6"), else on the day last mentioned before it (TimeML 1.2.1 ``anchorTimeID``), else on the DCT:
        ``1998-08-07T10:35``. Noon/midday ``T12:00``, midnight ``T24:00``."""
        if m["noon"]:
            if m["noon"].lower() == "noon" and _word_before(text, m.start("t")) == "high":
                return None  # "high noon": the idiom (a showdown), or the film, not a clock time
            hh, mm = (24 if m["noon"].lower() == "midnight" else 12), 0
        else:
            hh, mm = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0), int(m["mi"] or 0)
        tod = f"{hh:02d}:{mm:02d}"
        gran = "minute" if m["mi"] else "hour"
        if m["mon"]:  # "5 p.m. EST, Nov. 6": that day (see _month_day)
            month = _MONTH_NUM[m["mon"].rstrip(".").lower()]
            day = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
            if m["y"]:
                d = _safe_date(int(m["y"]), month, day)
            else:
                d = _nearest_day(month, day, dct, _future_context(text, m.start("t")))
            return self._hit(m, _at(d, gran, tod) if d else None)
        return self._hit(m, _Anaphor("day", 0, same=True, fallback=_at(dct, gran, tod), tod=tod))

    def _odd_duration(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Durations the count rule leaves alone (TIMEX3 DURATION, ISO 8601 values):
        "decades-long" -> ``PXY``, "day-long" -> ``P1D``; halves: "2 1/2 years" -> ``P2Y6M``,
        "five and a half hours" -> ``PT5H30M``, "a day and a half" is not covered."""
        if m["lu"]:
            unit = _unit_key(m["lu"] + ("s" if m["pl"] else ""))
            n = None if m["pl"] else 1
            return self._hit(m, _Timex("DURATION", _duration_value(n, unit), _UNITS[unit][1]))
        n = _number(m["n"])
        if n is None:
            return None
        unit = _unit_key(m["hu"])
        value = {"year": f"P{n}Y6M", "day": f"P{n}DT12H", "hour": f"PT{n}H30M"}[unit]
        return self._hit(m, _Timex("DURATION", value, _UNITS[unit][1]))

    def _spoken(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A year said in words (broadcast transcripts): "in nineteen ninety-one" -> ``1991``;
        with a month ("January nineteen ninety-seven" -> ``1997-01``) or a season ("the
        winter of nineteen ninety-four" -> ``1994-WI``). Not before a count noun."""
        y = _spoken_year(m["y"])
        if y is None or _word_after(text, m.end("t")).lower() in _COUNT_NOUNS:
            return None
        if m["y"].lower().startswith("two") and not (m["mon"] or m["s"] or m["t"].lower().startswith("the year")):
            if y == 2000:
                return None  # "two thousand" alone is mostly a number
        if m["mon"]:
            return self._hit(m, _at(dt.date(y, _MONTH_NUM[m["mon"].lower()], 1), "month"))
        if m["s"]:
            return self._hit(m, _at(_season_start(y, _SEASONS[m["s"].lower()]), "season"))
        return self._hit(m, _at(dt.date(y, 1, 1), "year"))

    def _period_back(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """The reporting period a year back, or with a year (business news; :class:`_Period`).

        "the year-ago quarter", "the year-earlier third quarter", "the comparable year-ago
        period", "the same period last year", "the quarter a year ago", "last year's
        quarter" -> the latest quarter mentioned (the ordinal as written), a year earlier;
        "the 1988 quarter"/"the 1988 period" -> that quarter in 1988 (without a quarter
        mentioned before, 1988). "year-earlier"/"year-ago" alone ("the year-earlier $4.5
        million") -> that quarter a year back, else the DCT's year minus one. "the latest
        period" -> the reporting quarter (else the latest one closed before the DCT)."""
        q = _ORDINALS.get((m["q"] or m["q2"] or "").lower())
        if m["y"]:
            y = int(m["y"])
            return self._hit(m, _Period(year=y, quarter=q, fallback=_at(dt.date(y, 1, 1), "year")))
        if m["latest"]:
            return self._hit(m, _Period())
        if m["adj"]:
            return self._hit(m, _Period(years_back=1, fallback=_at(_shift(dct, "year", -1), "year")))
        back = bool(m["back"] or m["back2"]) or bool(re.search(r"year-|prior-year", m["t"], re.IGNORECASE))
        if not back:
            return None
        return self._hit(m, _Period(years_back=1, quarter=q))

    def _weekend(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"(over) the weekend" -> ``YYYY-Www-WE`` (TIMEX3): the latest weekend that has begun
        by the DCT, or the coming one when the clause speaks of the future ("will ... this
        weekend", "ahead of the weekend"). Range Saturday to Monday; granularity none."""
        future = bool(m["ahead"]) or _future_context(text, m.start("t"))
        sat = dct + dt.timedelta(days=5 - dct.weekday())  # Saturday of the DCT's ISO week
        if not future and sat > dct:
            sat -= dt.timedelta(weeks=1)
        if future and dct.weekday() == 6:
            sat += dt.timedelta(weeks=1)
        iso = sat.isocalendar()
        return self._hit(m, _Timex("DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", None, sat, sat + dt.timedelta(2)))

    def _vague_duration(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """"for weeks", "within days", "for the first time in years", "(in) recent years",
        "in (the) coming months", "the weeks ahead" ->
        ``PXW``/``PXD``/``PXY`` (TIMEX3 guidelines: a duration of unspecified length)."""
        unit = _unit_key(m["unit"] or m["unit2"] or m["unit3"])
        tx = _Timex("DURATION", _duration_value(None, unit), _UNITS[unit][1])
        return _Hit(*m.span("t" if m["t"] else "t2"), tx)

    def _holiday(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """Fixed and computed holidays -> their day, in the year nearest the DCT (past bias):
        Christmas (Dec 25; Eve Dec 24), New Year's Day (Jan 1; Eve Dec 31), Halloween (Oct 31),
        Valentine's Day (Feb 14), US Thanksgiving (fourth Thursday of November), Easter
        Sunday and Good Friday (Gregorian computus), US Election Day (capitalized: the Tuesday
        after the first Monday of November, 2 U.S.C. 7). TIMEX3 guidelines: holidays are DATEs."""
        name = re.sub(r"[\s'’]+", " ", m["name"].lower()).strip()
        year = m["y"]

        def day_in(y: int) -> dt.date:
            for prefix, month, day in _FIXED_HOLIDAYS:
                if name.startswith(prefix):
                    return dt.date(y, month, day)
            if name.startswith("thanksgiving"):
                first = dt.date(y, 11, 1)
                return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
            if name.startswith("election"):
                first = dt.date(y, 11, 1)  # the Tuesday after the first Monday of November
                return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
            easter = _easter(y)
            return easter - dt.timedelta(days=2) if name.startswith("good friday") else easter

        if year:
            d = day_in(int(year))
        else:
            rel = (m["rel"] or "").lower()
            cands = [day_in(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
            if rel == "last":
                d = max(c for c in cands if c < dct)
            elif rel == "next":
                d = min(c for c in cands if c > dct)
            elif rel == "this":
                d = cands[1]
            else:
                d = min(cands, key=lambda c: abs((c - dct).days) + (_PAST_BIAS_DAYS if c > dct else 0))
        return self._hit(m, _at(d, "day"))

    # relaxed (candidate-only) resolvers

    def _plain_year(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A 4-digit year 1900-2099 inside a spaCy DATE span ("the 2016 election") -> ``YYYY``."""
        return self._hit(m, _at(dt.date(int(m["y"]), 1, 1), "year"))

    def _plain_month(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A month name inside a spaCy DATE span (May and March included) -> nearest month."""
        return self._hit(m, _at(_nearest_month(_MONTH_NUM[m["mon"].lower()], dct), "month"))

    def _plain_season(self, m: re.Match[str], text: str, dct: dt.date) -> _Hit | None:
        """A season inside a spaCy DATE span ("the summer") -> the nearest such season."""
        code = _SEASONS[m["s"].lower()]
        cands = [_season_start(y, code) for y in (dct.year - 1, dct.year, dct.year + 1)]
        start = min(cands, key=lambda c: (_gap(c, _add_months(c, 3), dct), -c.toordinal()))
        return self._hit(m, _at(start, "season"))


# --------------------------------------------------------------------------- module helpers


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint intervals given sorted by start."""
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < end:
        return True
    return i > 0 and ends[i - 1] > start


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def _duration_value(n: int | None, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration value: ``P2Y``, ``P6M``, ``P3D``, ``PT4H``, ``P2Q``; ``X`` when vague."""
    designator, _, mult = _UNITS[unit]
    amount = "X" if n is None else str(n * mult)
    if designator.startswith("T"):
        return f"PT{amount}{designator[1]}"
    return f"P{amount}{designator}"


def _resolve_anaphor(a: _Anaphor, anchor: _Timex) -> _Timex | None:
    """Shift ``anchor`` by ``a``: keep the anchor's granularity when it is at least as fine as
    the unit ("a year earlier" after "the third quarter" -> the same quarter a year before);
    give up when the unit is finer ("the next day" after "in November"). A ``same`` anaphor
    is the anchor at the anaphor's unit ("the quarter" after "Sept. 30" -> that quarter)."""
    gran = anchor.granularity
    if anchor.start is None or gran is None or gran not in _RANK:
        return None
    if _RANK[gran] > _RANK[a.unit]:
        return None
    if a.exact and gran != a.unit:
        return None
    if a.same:
        return _at(anchor.start, a.unit, a.tod)
    if a.named:
        return _at(_shift(anchor.start, a.unit, a.shift), a.unit)
    if gran in ("minute", "hour"):
        gran = "day"
    return _at(_shift(anchor.start, a.unit, a.shift), gran)


def _latest_closed_quarter(dct: dt.date) -> dt.date:
    """First day of the latest calendar quarter that ended before the DCT (a company reports
    a quarter after it closes: in a story of 1989-10-26 "the latest quarter" is 1989-Q3)."""
    first = dt.date(dct.year, 3 * ((dct.month - 1) // 3) + 1, 1)
    return _add_months(first, -3)


def _resolve_period(
    p: _Period, period: _Timex | None, anchor: _Timex, anchor_is_dct: bool, dct: dt.date
) -> tuple[_Timex | None, bool]:
    """Resolve a reporting-period phrase (see :class:`_Period`).

    With a reporting quarter ``period`` (see :class:`_Period`): that quarter
    (its ordinal replaced by the phrase's, its year by the phrase's year), ``years_back``
    years earlier. Without one: ``fallback`` when given (an anaphor is resolved against
    ``anchor``), else the latest quarter closed before the DCT, ``years_back`` years earlier. Returns ``(timex or None, whether the result
    becomes the reporting period)``.
    """
    if period is not None and period.start is not None:
        year = p.year if p.year is not None else period.start.year - p.years_back
        q = p.quarter or (period.start.month - 1) // 3 + 1
        return _at(dt.date(year, 3 * q - 2, 1), "quarter"), False
    if p.fallback is not None:
        fb = p.fallback
        if isinstance(fb, _Anaphor):
            if anchor_is_dct and fb.same:
                return None, False
            try:
                return _resolve_anaphor(fb, anchor) or fb.fallback, False
            except (ValueError, OverflowError):
                return fb.fallback, False
        return fb, False
    start = _latest_closed_quarter(dct)
    if p.quarter:
        start = dt.date(start.year if p.quarter <= (start.month - 1) // 3 + 1 else start.year - 1, 3 * p.quarter - 2, 1)
    if p.year is not None:
        start = start.replace(year=p.year)
    start = start.replace(year=start.year - p.years_back)
    return _at(start, "quarter"), p.years_back == 0


_YEAR_TO_DATE = re.compile(r"\b(?:nine|six|9|6)[\s-]months?\b|\bfirst\s+half\b|\bhalf[\s-]year\b", re.IGNORECASE)
"""Year-to-date periods ("the first nine months"): a comparison after them is yearly."""

_COMPARE_CUE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.|against)\s", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?;]\s+(?=[A-Z\"“`'])|\n")
_FIGURE = re.compile(r"[$£€#%]|\d")


def _comparison(text: str, pos: int, need_cue: bool) -> bool:
    """True when the sentence before ``pos`` (at most 100 characters) compares figures:
    a cue ("from", "than", "compared with", "versus", "against"; with ``need_cue`` it must
    stand at most 40 characters before ``pos`` with a figure between it and 30 characters
    after ``pos``) or, unless ``need_cue``, a figure (a digit, ``$``, ``%``): "up from $10 million a year ago", "net income of
    $132,000 a year ago". Business-news convention for "a year ago"/"last year" meaning
    the same reporting period one year back (see :class:`_Period`)."""
    window = text[max(0, pos - 100) : pos]
    starts = [m.end() for m in _SENTENCE_START.finditer(window)]
    if starts:
        window = window[starts[-1] :]
    cues = list(_COMPARE_CUE.finditer(window))
    if cues:
        if not need_cue:
            return True
        # the cue must govern the phrase: close before it, with a figure around ("up from
        # last year's $2.34 billion"), not "a threat from the brewer, which last year ..."
        tail = window[cues[-1].end() :]
        if len(tail) <= 40 and _FIGURE.search(tail + text[pos : pos + 30]):
            return True
        return False
    return not need_cue and _FIGURE.search(window) is not None


@lru_cache(maxsize=4096)
def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * lx) // 451
    month, day = divmod(h + lx - 7 * mm + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=4096)
def _parse_absolute_day(span: str) -> dt.date | None:
    """A full day date (day, month and year all written) parsed by ``dateparser``; cached."""
    try:
        import dateparser  # lazy: slow to import, needed only for rare strings
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    parsed = dateparser.parse(
        span,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None
