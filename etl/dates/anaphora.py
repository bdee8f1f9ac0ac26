"""Anaphoric and reporting-period expressions, resolved once the whole text is tagged.

"the next day", "a year earlier", "that quarter" have no value of their own: the tagger
(:meth:`etl.dates.tagger.TemporalTagger.run`) resolves them, in reading order, against the
latest calendar mention before them (TimeML 1.2.1 ``anchorTimeID``; HeidelTime's reference
time) or against the quarter a business story reports (:class:`Period`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.dates.anchoring import RANK, Timex, add_months, safe_date, season_start, shift, timex_at, weekend_of

@dataclass(frozen=True, slots=True)
class Anaphor:
    """A relative expression anchored on the latest earlier mention ("the next day")."""

    unit: str  # day, week, month, quarter or year
    shift: int  # signed number of units; 0 with ``same`` for "that day", "the quarter"
    same: bool = False  # the anchor itself at ``unit`` granularity; never the DCT
    exact: bool = False  # the anchor must have exactly ``unit`` granularity
    fallback: Timex | None = None  # the value when the anchor cannot take the shift
    tod: str | None = None  # a clock time ("HH:MM") or part of the day ("MO") on the day: a TIMEX3 TIME
    named: bool = False  # the phrase names a calendar unit ("the following year"): the value
    # is that unit, not the anchor's granularity shifted
    mentioned_only: bool = False  # anchored on a date mentioned before it, never on the DCT
    day_of_month: int | None = None  # "the 26th": that day in the anchor's month (a day or month
    # anchor), ``shift`` months on ("the 10th of the following month"); -1 for its last day
    fallback_end: int | None = None  # the extent's end when the fallback is used ("two years" of
    # "two years later", a DURATION when no date precedes)
    weekday: int | None = None  # "the previous Friday": that weekday (Monday = 0) before (shift < 0)
    # or after (shift > 0) the anchor's day
    within: bool = False  # "that same day" after a coarser date: that date with ``X`` for the day
    # (:func:`unknown_within`); a plain "that day" after a month is mostly generic and is dropped
    recent: bool = False  # anchored only on a date of the 7 days up to the DCT (the story's week),
    # else the fallback: "the week" after "since Nov. 4" in a story of Dec. 12 is the DCT's week
    month: int | None = None  # "August of that year": that month (1-12) of the anchor's year,
    # shifted by ``shift`` years ("March of the following year"); with ``named``, the first such
    # month after (shift > 0) or before (shift < 0) the anchor's ("the following May")
    ahead: bool = False  # anchored only on a date from the DCT on, else the fallback: a clock time
    # in a future clause ("will hold a call at 11 a.m.") is not on a past day named before it
    behind: bool = False  # anchored only on a date up to the DCT, else the fallback: a clock time
    # in a past clause ("recorded 1.3 inches by 2 p.m.") is not on a day ahead named before it
    season: str | None = None  # "the following spring": the first such season (SP, SU, FA, WI) after
    # the anchor (shift > 0) or the last one before it (shift < 0)
    weekend: bool = False  # "that weekend" (shift 0), "the weekend before" (-1), "the following
    # weekend" (+1): a weekend of the anchor's day (:func:`weekend_near`)
    day_in_year: Callable[[int], dt.date | None] | None = None  # with ``historical``: the day a holiday
    # falls on in a given year ("Christmas Eve", "Easter Sunday"), taken in the anchor's year
    reading_ahead: bool = False  # with ``historical``: the day's reading in the DCT's year lay after the
    # DCT, so its past clause moved the fallback a year back ("It struck on Oct. 21" on Oct. 19)
    historical: bool = False  # a month or a month and day written without a year in a past clause
    # ("Meanwhile, on Feb. 3, Wilson broke off relations"): of the anchor's year when the anchor is
    # a month, a season or a day written with its year at least two years before the DCT, in the same
    # paragraph (the story has gone back in time: TimeML's temporal focus, HeidelTime's narrative
    # mode) or, after a day, in a later one within a month on (a narrative told day by day), else
    # the fallback (the DCT's reading); also a holiday without a year in a past clause (``day_in_year``)


@dataclass(frozen=True, slots=True)
class Period:
    """A phrase naming the story's reporting period, or the same period a year before.

    Business news reports results for a fiscal period (mostly a quarter) and compares them
    with the same period of the year before: in a story about "the third quarter" of 1989,
    "the year-ago quarter", "up from $10 million a year ago" and "the quarter" are 1988-Q3,
    1988-Q3 and 1989-Q3 (TimeML 1.2.1 ``anchorTimeID`` on the period; the TimeBank WSJ
    annotation). The reporting period is the first recent quarter the story names (its lead:
    "third-quarter profit rose ..."; begun by the DCT and ended less than a year before it),
    or the first fiscal quarter it names ("the fiscal first quarter": Sun Microsystems' quarter
    ended Sept. 29, 1989 is ``1989-Q1`` in TimeBank's wsj_0928, its year-ago period
    ``1988-Q1``); after a year-to-date period ("the first nine months")
    a comparison is yearly until a quarter is named again.
    """

    years_back: int = 0  # 1 for "the year-ago quarter", "a year earlier"
    quarter: int | None = None  # an ordinal in the phrase: "the year-earlier third quarter"
    year: int | None = None  # a year in the phrase: "the 1988 quarter"
    fallback: Timex | Anaphor | None = None  # the value when no quarter precedes


_UNITS_PER: dict[tuple[str, str], int] = {
    ("day", "week"): 7,
    ("month", "quarter"): 3,
    ("month", "season"): 3,
    ("month", "year"): 12,
    ("year", "decade"): 10,
    ("year", "century"): 100,
}
"""How many of a finer unit make one coarser calendar unit (ISO 8601 weeks, TIMEX3 seasons of
three months)."""


def _clock_shifted(anchor: Timex, a: Anaphor) -> Timex | None:
    """A clock-time anchor (``2017-12-26T10:15``) moved by ``a.shift`` hours or minutes, the
    day following the clock across midnight ("two hours later" after 11 p.m. is the next
    day's 01:00); None when the anchor has no clock ("Tuesday night")."""
    m = re.search(r"T(\d\d):(\d\d)$", anchor.value)
    if m is None or anchor.start is None:
        return None
    at = dt.datetime.combine(anchor.start, dt.time()) + dt.timedelta(hours=int(m[1]), minutes=int(m[2]))
    at += dt.timedelta(hours=a.shift) if a.unit == "hour" else dt.timedelta(minutes=a.shift)
    return timex_at(at.date(), "minute", f"{at:%H:%M}")


_EVENING_VALUE = re.compile(r"T(?:(?P<h>1[89]|2[0-3]):\d\d|EV|NI)")


def _past_midnight(anchor_value: str, tod: str) -> bool:
    """True when a clock time ``tod`` ("HH:MM") before 6 a.m., told after an evening or a night
    (a clock time from 18:00, or ``TEV``/``TNI``), is the small hours of the next day: a story
    told in order moves forward ("the crash came at 6:42 p.m. ... the last passenger was freed
    at about 2 a.m.", "crews dug through Wednesday night ... she was carried out at 3 a.m.";
    Dowty 1986, narrative progression). Midnight itself (``24:00``) ends the anchor's day."""
    return _EVENING_VALUE.search(anchor_value) is not None and tod[:2] < "06"


def resolve_anaphor(a: Anaphor, anchor: Timex) -> Timex | None:
    """Shift ``anchor`` by ``a``: keep the anchor's granularity when it is at least as fine as
    the unit ("a year earlier" after "the third quarter" -> the same quarter a year before;
    a season a year on is the year, as the plural count gives it);
    give up when the unit is finer ("the next day" after "in November"). A ``same`` anaphor
    is the anchor at the anaphor's unit ("the quarter" after "Sept. 30" -> that quarter). A
    ``day_of_month`` anaphor ("the 26th") is that day of the anchor's month, when the anchor
    is a day, a week (the month of its Thursday: "the second week of January ... from the
    20th" is January 20) or a month; a ``weekday`` anaphor ("the previous Friday") that weekday strictly
    before (after) the anchor's day; a ``season`` anaphor ("the following spring") the first
    such season that starts once the anchor is over (the last one over before it starts)."""
    gran = anchor.granularity
    if anchor.start is None or gran is None or gran not in RANK:
        return None
    if a.weekend:
        return weekend_near(anchor.start, a.shift) if gran in ("minute", "hour", "day") else None
    if a.weekday is not None:
        if gran not in ("minute", "hour", "day"):
            return None
        base = anchor.start
        if a.shift < 0:
            return timex_at(base - dt.timedelta(days=(base.weekday() - a.weekday) % 7 or 7), "day")
        return timex_at(base + dt.timedelta(days=(a.weekday - base.weekday()) % 7 or 7), "day")
    if a.season is not None:
        if RANK[gran] > RANK["year"] or anchor.end is None:
            return None
        starts = [season_start(y, a.season) for y in range(anchor.start.year - 2, anchor.start.year + 3)]
        if a.shift == 0:  # "that winter": the one holding the anchor, else the one of its year
            holding = max(c for c in starts if c <= anchor.start)
            if RANK[gran] < RANK["year"] and add_months(holding, 3) > anchor.start:
                return timex_at(holding, "season")
            return timex_at(season_start(anchor.start.year, a.season), "season")
        if a.shift > 0:  # the first such season that starts once the anchor is over
            return timex_at(min(c for c in starts if c >= anchor.end), "season")
        return timex_at(max(c for c in starts if add_months(c, 3) <= anchor.start), "season")
    if a.day_in_year is not None:  # "on Easter Sunday" in a story gone back to 1960
        d = a.day_in_year(anchor.start.year) if RANK[gran] <= RANK["year"] else None
        return timex_at(d, "day") if d else None
    if a.month is not None:
        if RANK[gran] > RANK["year"]:
            return None  # "August of that year" after a decade: no year to take
        if a.named and a.shift:  # "the following May": the first May after the anchor's month
            step = 1 if a.shift > 0 else -1
            d = add_months(anchor.start.replace(day=1), step)
            while d.month != a.month:
                d = add_months(d, step)
            return timex_at(d, "month")
        if a.historical and a.day_of_month is not None:  # "on Feb. 3" in a story gone back to 1917
            d = safe_date(anchor.start.year, a.month, a.day_of_month)
            return timex_at(d, "day") if d else None
        return timex_at(dt.date(anchor.start.year + a.shift, a.month, 1), "month")
    if a.day_of_month is not None:
        if gran not in ("minute", "hour", "day", "week", "month"):
            return None
        # a week's month is the month of its Thursday (ISO 8601, as :func:`~etl.dates.anchoring.nth_week`)
        base = anchor.start + dt.timedelta(days=3) if gran == "week" else anchor.start
        first = add_months(base.replace(day=1), a.shift)
        if a.day_of_month == -1:  # "the last day of the month"
            return timex_at(add_months(first, 1) - dt.timedelta(days=1), "day")
        d = safe_date(first.year, first.month, a.day_of_month)
        return timex_at(d, "day") if d else None
    if a.named and a.mentioned_only and a.unit == "week" and gran == "day" and a.shift and not a.same:
        # "two weeks later" after March 3: the day, as "a week later" is (weeks are whole days)
        return timex_at(anchor.start + dt.timedelta(weeks=a.shift), "day")
    per = _UNITS_PER.get((a.unit, gran))
    if a.named and per and a.shift and a.shift % per == 0:
        # a whole number of the anchor's units keeps its granularity: "a decade later" after
        # "the 1980s" is the 1990s, "six months later" after "the spring of 2015" 2015-FA,
        # "three months later" after "the third quarter" the fourth
        return timex_at(shift(anchor.start, a.unit, a.shift), gran)
    if a.unit in ("hour", "minute"):
        return _clock_shifted(anchor, a)  # "two minutes later" after "10 p.m." (an hour): 22:02
    if RANK[gran] > RANK[a.unit]:
        if a.within and a.unit in ("day", "week"):
            return unknown_within(anchor, a.unit)
        return None
    if a.exact and gran != a.unit and not (a.unit == "day" and gran in ("minute", "hour")):
        return None  # "that morning" after "in March" names no day; after "at 5:40 p.m. Feb. 26", that day's
    if a.same:
        clock = a.fallback is not None and a.fallback.type == "TIME" and a.tod is not None and ":" in a.tod
        day = anchor.start + dt.timedelta(days=1) if clock and _past_midnight(anchor.value, a.tod) else anchor.start  # type: ignore[arg-type]
        # a clock time keeps its own granularity ("5 p.m." is an hour on the day it takes)
        return timex_at(day, a.fallback.granularity if clock else a.unit, a.tod)  # type: ignore[union-attr,arg-type]
    if a.named:
        return timex_at(shift(anchor.start, a.unit, a.shift), a.unit, a.tod)
    if gran in ("minute", "hour"):
        gran = "day"
    if gran == "season" and a.unit == "year":
        gran = "year"  # "In the spring of 1993 ... A year later": 1994, as "two years later" is 1995
    return timex_at(shift(anchor.start, a.unit, a.shift), gran)


def weekend_near(d: dt.date, step: int) -> Timex:
    """The weekend (``YYYY-Www-WE``, TimeML 1.2.1) of day ``d``'s ISO week when ``step`` is 0
    ("went bankrupt on Oct. 25, 1989, and the event planned for that weekend": Oct. 28-29),
    the last one over before ``d`` when negative ("discovered on Jan. 13, 2004 ... shots the
    weekend before": Jan. 10-11), the first one that begins after ``d`` when positive."""
    if step < 0:
        return weekend_of(d - dt.timedelta(days=d.weekday() + 1))  # the Sunday before d
    if step > 0:
        return weekend_of(d + dt.timedelta(days=(5 - d.weekday()) % 7 or 7))  # the Saturday after d
    return weekend_of(d)


def unknown_within(anchor: Timex, unit: str) -> Timex | None:
    """A day (week) known only to lie within ``anchor``, a coarser date: "that same day" after
    "last October" is ``1998-10-XX``, after "in 1998" ``1998-XX-XX``; "that week" after a month
    or a year is ``1998-WXX`` (TimeML 1.2.1 / TIDES 2005: ``X`` stands for each digit the
    context leaves unknown). The granularity is None and the range the anchor's, so the mention
    is found by the anchor's dates. None for an anchor longer than a year."""
    if anchor.start is None or anchor.end is None or anchor.granularity not in ("month", "quarter", "season", "year"):
        return None
    y = anchor.start.year
    if unit == "week":
        value = f"{y}-WXX"
    elif anchor.granularity == "month":
        value = f"{y}-{anchor.start.month:02d}-XX"
    else:
        value = f"{y}-XX-XX"
    return Timex("DATE", value, None, anchor.start, anchor.end)


QUARTER_END_DAYS = 7
"""Days before a quarter's end from which a story sums that quarter up ("stocks rose 2.4
percent in the quarter" in a market report of its last trading days)."""


def latest_closed_quarter(dct: dt.date) -> dt.date:
    """First day of the latest calendar quarter that ended before the DCT, or ends within
    :data:`QUARTER_END_DAYS` after it (a company reports a quarter after it closes: in a story
    of 1989-10-26 "the latest quarter" is 1989-Q3; a market report of 2013-06-30 sums up
    2013-Q2)."""
    d = dct + dt.timedelta(days=QUARTER_END_DAYS)
    first = dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return add_months(first, -3)


_FISCAL_QUARTER = re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])$")


def resolve_period(
    p: Period, period: Timex | None, anchor: Timex, anchor_is_dct: bool, dct: dt.date
) -> tuple[Timex | None, bool]:
    """Resolve a reporting-period phrase (see :class:`Period`).

    With a reporting quarter ``period`` (see :class:`Period`): that quarter
    (its ordinal replaced by the phrase's, its year by the phrase's year), ``years_back``
    years earlier; a fiscal quarter (a value without a calendar range, "the fiscal first
    quarter" -> ``1989-Q1``) gives fiscal quarters: "the 1988 period" -> ``1988-Q1``. Without one: ``fallback`` when given (an anaphor is resolved against
    ``anchor``), else the latest quarter closed before the DCT, ``years_back`` years earlier. Returns ``(timex or None, whether the result
    becomes the reporting period)``.
    """
    fiscal = _FISCAL_QUARTER.match(period.value) if period is not None and period.start is None else None
    if fiscal:
        # a fiscal quarter ("the fiscal first quarter"): its number and fiscal year as written,
        # no calendar range (fiscal calendars vary), as TimeBank values them ("1988-Q1")
        year = p.year if p.year is not None else int(fiscal["y"]) - p.years_back
        return Timex("DATE", f"{year:04d}-Q{p.quarter or int(fiscal['q'])}", "quarter"), False
    if period is not None and period.start is not None:
        year = p.year if p.year is not None else period.start.year - p.years_back
        q = p.quarter or (period.start.month - 1) // 3 + 1
        return timex_at(dt.date(year, 3 * q - 2, 1), "quarter"), False
    if p.fallback is not None:
        fb = p.fallback
        if isinstance(fb, Anaphor):
            if anchor_is_dct and fb.same:
                return None, False
            try:
                return resolve_anaphor(fb, anchor) or fb.fallback, False
            except (ValueError, OverflowError):
                return fb.fallback, False
        return fb, False
    start = latest_closed_quarter(dct)
    if p.quarter:
        start = dt.date(start.year if p.quarter <= (start.month - 1) // 3 + 1 else start.year - 1, 3 * p.quarter - 2, 1)
    if p.year is not None:
        start = start.replace(year=p.year)
    start = start.replace(year=start.year - p.years_back)
    return timex_at(start, "quarter"), p.years_back == 0


YEAR_TO_DATE = re.compile(r"\b(?:nine|six|9|6)[\s-]months?\b|\bfirst\s+half\b|\bhalf[\s-]year\b", re.IGNORECASE)
"""Year-to-date periods ("the first nine months"): a comparison after them is yearly."""

_COMPARE_CUE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.|against)\s", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?;]\s+(?=[A-Z\"“`'])|\n")
_FIGURE = re.compile(r"[$£€#%]|\d")


def comparison(text: str, pos: int, need_cue: bool) -> bool:
    """True when the sentence before ``pos`` (at most 100 characters) compares figures:
    a cue ("from", "than", "compared with", "versus", "against"; with ``need_cue`` it must
    stand at most 40 characters before ``pos`` with a figure between it and 30 characters
    after ``pos``) or, unless ``need_cue``, a figure (a digit, ``$``, ``%``): "up from $10 million a year ago", "net income of
    $132,000 a year ago". Business-news convention for "a year ago"/"last year" meaning
    the same reporting period one year back (see :class:`Period`)."""
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
