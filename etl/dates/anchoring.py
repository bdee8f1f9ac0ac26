"""Anchoring arithmetic: the calendar a TIMEX3 value is computed on.

:class:`Timex` is a normalized value with the half-open ``[start, end)`` dates it covers;
:func:`timex_at` gives the TIMEX3 of a granularity (day, ISO week, month, quarter, season,
year, decade, century) that holds a date; the rest moves dates by calendar units and picks,
for an expression written without its year, the one nearest the DCT.

Sources: TimeML 1.2.1 TIMEX3 value syntax (``2017-12-26``, ``2017-W52``, ``2017-Q3``,
``2017-SU``, ``199``, ``19``, ``2017-12-26TNI``); ISO 8601 (weeks start on Monday, week 1
holds the year's first Thursday; durations ``PnYnMnWnDTnHnM``); HeidelTime's news-domain
anchoring (Strötgen & Gertz 2013) for the nearest day and month with a past bias; the
anonymous Gregorian computus for Easter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from etl.dates.vocabulary import SEASON_START_MONTH, UNITS

ONE_DAY = dt.timedelta(days=1)

# Granularities ordered from fine to coarse; season and quarter share a rank.
RANK: dict[str, int] = {
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
    "millennium": 9,
}


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalized TIMEX3: type, value, granularity and the [start, end) dates it covers."""

    type: str
    value: str
    granularity: str | None
    start: dt.date | None = None
    end: dt.date | None = None


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the target month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(f"cannot shift by unit {unit!r}")


def season_of(d: dt.date) -> tuple[int, str]:
    """Northern-hemisphere meteorological season holding ``d``: winter = Dec of Y to Feb of Y+1."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    if d.month == 12:
        return d.year, "WI"
    return d.year, ("SP", "SU", "FA")[(d.month - 3) // 3]


def season_start(year: int, code: str) -> dt.date:
    return dt.date(year, SEASON_START_MONTH[code], 1)


def weekend_of(d: dt.date) -> Timex:
    """The TIMEX3 DATE ``YYYY-Www-WE`` of the weekend of ``d``'s ISO 8601 week (TimeML 1.2.1),
    no granularity, range Saturday to Monday: "the weekend" after a Saturday ``d``, "the
    Thanksgiving weekend" (``d`` the holiday, a Thursday)."""
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    iso = sat.isocalendar()
    return Timex("DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", None, sat, sat + dt.timedelta(2))


def holiday_weekend(d: dt.date) -> Timex:
    """The weekend named after a holiday on day ``d`` ("the Memorial Day weekend", "the Fourth of
    July weekend"), as :func:`weekend_of` gives it: for a Monday holiday the Saturday and Sunday
    before it, which it ends as a three-day weekend (5 U.S.C. 6103(b) moves federal holidays to
    Mondays for that), else the weekend of its ISO 8601 week ("the Thanksgiving weekend")."""
    return weekend_of(d - dt.timedelta(days=2) if d.weekday() == 0 else d)


def timex_at(d: dt.date, granularity: str, tod: str | None = None) -> Timex:
    """The TIMEX3 DATE of the given ``granularity`` that contains ``d`` (TimeML 1.2.1 value syntax).

    ``tod`` (``MO``/``AF``/``EV``/``NI`` or ``HH:MM``) makes it a TIME on that day.
    """
    if granularity in ("day", "hour", "minute"):
        if tod:
            return Timex("TIME", f"{d.isoformat()}T{tod}", granularity, d, d + ONE_DAY)
        return Timex("DATE", d.isoformat(), "day", d, d + ONE_DAY)
    if granularity == "week":
        monday = d - dt.timedelta(days=d.weekday())
        iso = monday.isocalendar()
        return Timex(
            "DATE", f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(7)
        )
    if granularity == "month":
        first = d.replace(day=1)
        return Timex("DATE", f"{d.year:04d}-{d.month:02d}", "month", first, add_months(first, 1))
    if granularity == "quarter":
        q = (d.month - 1) // 3 + 1
        first = dt.date(d.year, 3 * q - 2, 1)
        return Timex("DATE", f"{d.year:04d}-Q{q}", "quarter", first, add_months(first, 3))
    if granularity == "season":
        y, code = season_of(d)
        first = season_start(y, code)
        return Timex("DATE", f"{y:04d}-{code}", "season", first, add_months(first, 3))
    if granularity == "year":
        return Timex("DATE", f"{d.year:04d}", "year", dt.date(d.year, 1, 1), dt.date(d.year + 1, 1, 1))
    if granularity == "decade":
        y = d.year - d.year % 10
        return Timex("DATE", f"{y // 10:03d}", "decade", dt.date(y, 1, 1), dt.date(y + 10, 1, 1))
    if granularity == "century":
        y = d.year - d.year % 100
        return Timex("DATE", f"{y // 100:02d}", "century", dt.date(max(y, 1), 1, 1), dt.date(y + 100, 1, 1))
    if granularity == "millennium":
        y = d.year - d.year % 1000
        return Timex("DATE", f"{y // 1000}", "millennium", dt.date(max(y, 1), 1, 1), dt.date(y + 1000, 1, 1))
    raise ValueError(f"unknown granularity {granularity!r}")


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


PAST_BIAS_DAYS = 120
"""A later date must be this many days nearer the DCT than an earlier one to win, unless the
clause speaks of the future: news mostly reports the past. Tuned on the TimeBank/AQUAINT
gold (month and day names without a year: nearest 201, with this bias 212 of 225)."""


def nearest_day(month: int, day: int, dct: dt.date, future: bool = False) -> dt.date | None:
    """The date with this month and day nearest the DCT, with a past bias.

    News convention for dates written without a year ("on November 28"), as in HeidelTime:
    of the candidates in the DCT's year and the years either side, the one nearest the DCT,
    where a date after the DCT counts :data:`PAST_BIAS_DAYS` days farther than it is
    (no bias when ``future``, i.e. the clause speaks of the future). Ties go to the past.
    """
    return _nearest((safe_date(y, month, day) for y in (dct.year - 1, dct.year, dct.year + 1)), dct, future)


def _nearest(candidates: Iterable[dt.date | None], dct: dt.date, future: bool) -> dt.date | None:
    """The candidate (given in date order; None ones skipped) nearest the DCT, one after it
    counting :data:`PAST_BIAS_DAYS` farther unless ``future``; ties go to the earlier."""
    bias = 0 if future else PAST_BIAS_DAYS
    best: tuple[int, dt.date] | None = None
    for d in candidates:
        if d is None:
            continue
        delta = (d - dct).days
        score = abs(delta) + (bias if delta > 0 else 0)
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else None


def nearest_month(month: int, dct: dt.date, future: bool = False) -> dt.date:
    """First day of the month named ``month`` nearest the DCT's month, with a past bias.

    The month version of :func:`nearest_day`: a later month counts three months farther
    than it is unless ``future``; ties go to the past (to the future when ``future``: "could
    begin testing by September" in a story of March 31). In a story of 2017-12-27 "in
    January" is 2018-01, "in June" 2017-06, "in November" 2017-11.
    """
    here = dct.year * 12 + dct.month - 1
    bias = 0 if future else 3

    def score(k: int) -> tuple[int, int]:
        return (abs(k - here) + (bias if k > here else 0), -k if future else k)

    best = min((y * 12 + month - 1 for y in (dct.year - 1, dct.year, dct.year + 1)), key=score)
    return dt.date(best // 12, best % 12 + 1, 1)


def nearest_day_of_month(day: int, dct: dt.date, future: bool = False) -> dt.date | None:
    """The date with this day of the month nearest the DCT, with the past bias of
    :func:`nearest_day` ("on the 26th" in a story of 2017-12-27 is 2017-12-26; "will meet on
    the 5th" is 2018-01-05): candidates in the DCT's month and the two months either side.
    When ``future`` (the clause speaks of the future), not a day of a month before the DCT's
    ("the window closes on the 31st" in a story of 2023-01-10 is 2023-01-31, not the nearer Dec.
    31; "the fair runs from the 18th" of 2017-12-27 may be the DCT's month's, under way or just
    held): HeidelTime's tense rule, a future clause's day lies ahead."""
    firsts = [add_months(dct.replace(day=1), k) for k in range(-2, 3)]
    days = [d for f in firsts if (d := safe_date(f.year, f.month, day))]
    if future:
        days = [d for d in days if (d.year, d.month) >= (dct.year, dct.month)]
    return _nearest(days, dct, future)


def weekday_on_day_of_month(weekday: int, day: int, dct: dt.date, future: bool = False) -> dt.date | None:
    """The date nearest the DCT that is both that weekday (Monday 0) and that day of the month
    ("Friday, the 29th" in a story of Wed 2017-12-27 is 2017-12-29; "Tuesday the 26th" of
    1999-11-10 is 1999-10-26): the month names none, so the weekday picks it, as a reader
    does. Only dates within :data:`WEEKDAY_REACH_DAYS` of the DCT count (a story names a
    weekday of the weeks around it); None when none is both, so that "Tuesday, the first" of
    a story of 2017-12-27 (next such Tuesday: 2018-05-01) is no day of the month. With
    ``future`` (the clause speaks of the future) one on or after the DCT comes first ("will be
    held on Sunday, the 25th" in a story of 2018-03-08: 2018-03-25, not 2018-02-25)."""
    firsts = (add_months(dct.replace(day=1), k) for k in (-2, -1, 0, 1, 2))
    days = [
        d for f in firsts
        if (d := safe_date(f.year, f.month, day)) and d.weekday() == weekday and abs((d - dct).days) <= WEEKDAY_REACH_DAYS
    ]  # fmt: skip
    return min(days, key=lambda d: (future and d < dct, abs((d - dct).days), d > dct), default=None)


WEEKDAY_REACH_DAYS = 31
"""How far from the DCT a weekday written with its day of the month may lie (one month)."""


def month_in_context(month: int, dct: dt.date, tense: int, future: bool = False) -> dt.date:
    """First day of the month named ``month`` (without a year) in a clause of ``tense``
    (:func:`etl.dates.tense.clause_tense`): past (-1), the latest such month up to the DCT's;
    future (+1), the first such month from the DCT's on; open (0), :func:`nearest_month`
    (``future``: the clause speaks of the future), except that a month more than three months
    gone is the next one when ``future`` ("expects to begin selling it in August" in January is
    the coming August; "decided to cut output in October to stem the fall" in December, a cue
    read too far, stays the last). HeidelTime's tense rule for months."""
    if tense < 0:
        return add_months(dt.date(dct.year, month, 1), -12 if month > dct.month else 0)
    ahead = add_months(dt.date(dct.year, month, 1), 12 if month < dct.month else 0)
    if tense > 0 or (future and (dct.month - month) % 12 > 3):
        return ahead
    return nearest_month(month, dct, future)


def nth_week(start: dt.date, end: dt.date, n: int, full: bool = False) -> dt.date | None:
    """The Monday of the ``n``-th ISO week of the period [start, end) (a month or a year);
    ``n`` = -1 for the last. A week belongs to the period that holds its Thursday, the ISO
    8601 rule for weeks and years applied to months: "the second week of January 2018" is
    2018-W02 (Jan 8-14), "the first week of February 2018" 2018-W05 (Thursday Feb 1).
    ``full``: only weeks whose seven days all lie in the period ("the first full week of
    February 2018" begins Monday Feb 5)."""
    if full:
        mondays = []
        d = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        while d + dt.timedelta(days=7) <= end:
            mondays.append(d)
            d += dt.timedelta(weeks=1)
        if not mondays or not (-len(mondays) <= (n - 1 if n > 0 else n) < len(mondays)):
            return None
        return mondays[n - 1] if n > 0 else mondays[n]
    first_thursday = start + dt.timedelta(days=(3 - start.weekday()) % 7)
    thursdays = []
    d = first_thursday
    while d < end:
        thursdays.append(d)
        d += dt.timedelta(weeks=1)
    if not thursdays or not (-len(thursdays) <= (n - 1 if n > 0 else n) < len(thursdays)):
        return None
    thursday = thursdays[n - 1] if n > 0 else thursdays[n]
    return thursday - dt.timedelta(days=3)


def nth_weekday(month_start: dt.date, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th ``weekday`` (Monday 0) of the month that begins on ``month_start``; ``n``
    = -1 for the last: "the first Monday of March 2018" is 2018-03-05, "the last Friday of
    January 2018" 2018-01-26 (the rule US holidays are defined by, 5 U.S.C. 6103). None when
    the month has no such day (a fifth Monday)."""
    if n < 0:
        last = add_months(month_start, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    d = month_start + dt.timedelta(days=(weekday - month_start.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month_start.month else None


def gap_days(start: dt.date, end: dt.date, dct: dt.date) -> int:
    """Days between the DCT and the interval [start, end); 0 when the DCT is inside it."""
    if dct < start:
        return (start - dct).days
    if dct >= end:
        return (dct - end).days + 1
    return 0


def duration_value(n: int | None, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration value: ``P2Y``, ``P6M``, ``P3D``, ``PT4H``, ``P2Q``; ``X`` when vague."""
    designator, _, mult = UNITS[unit]
    amount = "X" if n is None else str(n * mult)
    if designator.startswith("T"):
        return f"PT{amount}{designator[1]}"
    return f"P{amount}{designator}"


ISO_PARTS = {"year": "Y", "month": "M", "day": "D", "hour": "H", "minute": "M", "second": "S"}
"""The units of an ISO 8601 duration, coarsest first, and their designators."""


def iso_duration(parts: list[tuple[str, int | None]]) -> str:
    """The ISO 8601 duration of counts of units in :data:`ISO_PARTS` order ("14 years, nine
    months and 20 days" -> ``P14Y9M20D``, "one day, 18 hours, 40 minutes and 10 seconds" ->
    ``P1DT18H40M10S``): one TIMEX3 DURATION for a chain of finer units (TimeML 1.2.1: one
    expression, one value)."""
    date = "".join(f"{n}{ISO_PARTS[u]}" for u, n in parts if u in ("year", "month", "day"))
    time = "".join(f"{n}{ISO_PARTS[u]}" for u, n in parts if u in ("hour", "minute", "second"))
    return f"P{date}" + (f"T{time}" if time else "")


@lru_cache(maxsize=4096)
def lunar_holidays(name: str, dct: dt.date) -> tuple[dt.date, ...]:
    """The days of a holiday of the Islamic, the Hebrew, the Chinese or the Hindu calendar (``name`` a key of
    :data:`~etl.dates.vocabulary.HIJRI_HOLIDAYS`, :data:`~etl.dates.vocabulary.HEBREW_HOLIDAYS`,
    :data:`~etl.dates.vocabulary.CHINESE_HOLIDAYS` or :data:`~etl.dates.vocabulary.HINDU_HOLIDAYS`)
    in the calendar years before, of and after the DCT's, in date order: a lunar year is 354 days
    (the Islamic) or 353-385 (the Hebrew), so a Gregorian year may hold none or two of them.

    Islamic dates are those of the Umm al-Qura calendar, Saudi Arabia's official one (``hijridate``;
    other countries that sight the moon may keep a holiday a day either side); Hebrew dates are the
    fixed arithmetic calendar (``pyluach``), Purim in Adar II of a leap year; Chinese dates those of
    the Chinese lunisolar calendar (``lunardate``, its tables for 1900-2099); Hindu dates those of
    India's central government holiday list (``holidays.India``, 2001-2035).

    Raises:
        OverflowError, ValueError: the DCT lies outside the calendars' tables (Umm al-Qura:
            1343-1500 AH, 1924-2077; the Chinese calendar 1900-2099; the Hindu list 2001-2035).
    """
    from etl.dates.vocabulary import CHINESE_HOLIDAYS, HEBREW_HOLIDAYS, HIJRI_HOLIDAYS, HINDU_HOLIDAYS

    if name in HINDU_HOLIDAYS:
        import warnings

        import holidays

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a year outside the list: no day, reported below
            listed = holidays.India(years=(dct.year - 1, dct.year, dct.year + 1))
        days = tuple(sorted(d for d, names in listed.items() if HINDU_HOLIDAYS[name] in names.split("; ")))
        if not days:
            raise ValueError(f"{name}: India's holiday list has no day for {dct.year - 1}-{dct.year + 1}")
        return days

    if name in CHINESE_HOLIDAYS:
        from lunardate import LunarDate

        month, day = CHINESE_HOLIDAYS[name]
        return tuple(LunarDate(y, month, day).to_solar_date() for y in (dct.year - 1, dct.year, dct.year + 1))
    if name in HIJRI_HOLIDAYS:
        from hijridate import Gregorian, Hijri

        month, day = HIJRI_HOLIDAYS[name]
        here = Gregorian(dct.year, dct.month, dct.day).to_hijri().year
        return tuple(Hijri(y, month, day).to_gregorian() for y in (here - 1, here, here + 1))
    from pyluach.dates import HebrewDate
    from pyluach.hebrewcal import Year

    month, day = HEBREW_HOLIDAYS[name]
    here = HebrewDate.from_pydate(dct).year
    days = []
    for y in (here - 1, here, here + 1):
        m = 13 if month == 12 and Year(y).leap else month
        days.append(HebrewDate(y, m, day).to_pydate())
    return tuple(sorted(days))


@lru_cache(maxsize=4096)
def easter(year: int) -> dt.date:
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
