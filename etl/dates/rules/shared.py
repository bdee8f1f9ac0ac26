"""Helpers that rules of more than one kind read: the clause cues of a year-less day, the
reading of an ordinal day and of the weekday around it, the relative weekdays ("last Friday")
and the day a clock time is anchored on. Each names its source.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import Timex, month_in_context, nearest_day, safe_date
from etl.dates.context import word_after
from etl.dates.rules.table import Rule, row
from etl.dates.tense import (
    clause_tense,
    future_context,
    limit_ahead,
    past_form,
    present_plan,
    scheduled_for,
    scheduled_present,
)
from etl.dates.vocabulary import DAY_ORDINAL, MONTH_NUM, ORDINALS, WEEKDAY


_PLAN_SLACK = dt.timedelta(days=7)
"""How far before the DCT a planned day may lie and stay in the DCT's year: a range under way
("banks will be closed from December 30" in a story of Dec. 31)."""


REL_STEP = {"this": 0, "the current": 0, "next": 1, "the coming": 1, "last": -1, "the previous": -1, "the past": -1}
"""Steps of a unit named relative to the DCT ("next month" +1, "last year" -1, "this year" 0)."""
NOT_AFTER_A_TIME_WORD = r"(?<![Yy]ear)(?<![Mm]onth)(?<![Ww]eek)(?<![Tt]oday)(?<![Yy]esterday)(?<![Tt]omorrow)"
"""Lookbehinds that keep a time's possessive ("last year's", "today's") out of the possessive
patterns (:data:`~etl.dates.rules.relative._POSSESSOR`, :data:`~etl.dates.rules.months._POSSESSIVE_NAME`)."""
OR_SO = r"(?:or\s+so)\b"
"""An approximation written after a count ("a week or so ago", "the next two years or so"):
inside the TIMEX3, as TBAQ annotates it (3 of 3, ``mod="APPROX"``); the value is the count's."""


NOT_A_DAY_AFTER = frozenset(
    """percent per cent points point inches inch miles mile cups cup of times hours minutes years
    months weeks days odds acre acres pound pounds kg tons tonnes liters litres gallons ounces
    doses hour minute second day week month year share dozen teaspoon teaspoons tablespoon
    tablespoons pint pints million billion trillion thousand hundred higher lower up down favourite
    favorite shot odds chance vote votes majority stake""".split()
)
"""Words after a number that make it a quantity, not a day."""


YEAR_EARLIER = re.compile(
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


YEAR_LEAD = re.compile(r"(?:^|[.!?]\s+|\n)(?P<rel>Last|This|Next)\s+year\b(?:[^.;!?\n]|\.(?=\d)){0,80}$")
"""A sentence that opens with "Last (This, Next) year": a day without a year later in it is of
that year ("Last year the monsoon arrived on June 8")."""


def unwritten_year_day(month: int, day: int, text: str, pos: int, dct: dt.date) -> dt.date | None:
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


VERB_AFTER_DAY = frozenset(
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
        return after.lower() in VERB_AFTER_DAY or past_form(after)
    return True


_RANK_AFTER = re.compile(r"\s+(?:to\b|in\s+(?:a\s+row|a\s+series|line|succession|history)\b|of\b)", re.IGNORECASE)
"""What makes an ordinal after a weekday a rank, not the day: "Friday, the 13th to die", "the
7th in a row", "the 5th of 12" (a digit ordinal before a preposition or conjunction is else the
day: "on Tuesday the 7th in record numbers"); "to" only after "the": British "met on Tuesday
26th to discuss" writes a day without "the", and a rank always takes it."""
_RANK_VERB = re.compile(
    r"\s+(?:die|be|become|win|join|leave|resign|quit|fall|reach|finish|qualify|score|receive|get|go|take|lose|succumb|perish"
    r"|cross|complete|sign|ratify|do|make|have|test|step|announce|report|say|claim)\b",
    re.IGNORECASE,
)
"""Verbs after "the 13th to" that make the ordinal a rank ("the 13th to die", "the third to resign"),
not a day with a purpose clause after it ("on Tuesday, the 13th to hear closing arguments")."""


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


def month_by_clause(month: int, text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """First day of the month ``month`` named without a year at ``text[start:end]``: placed by
    the clause's tense (:func:`~etl.dates.anchoring.month_in_context`), then a year on when it
    is gone and the clause names a plan in the present ("a summit is planned in Brussels in
    June" in August), a limit ahead ("hope to adjourn by early October" in January), a future told
    in reported speech ("said the government would decide on the project in September" in
    November) or, more than
    a month gone, a scheduled event in the present ("the
    Democrats meet in Denver in late August" in February; a month just gone is a habit, "the
    fiscal year begins in April" in May): HeidelTime's tense rule for a present-future clause."""
    d = month_in_context(month, dct, clause_tense(text, start, end), future_context(text, start))
    back = (dct.year - d.year) * 12 + dct.month - d.month
    if (
        (back > 0 and (present_plan(text, start) or limit_ahead(text, start) or _REPORTED_FUTURE.search(text, max(0, start - 120), start)))
        or (back > 1 and scheduled_present(text, start))
    ):
        d = d.replace(year=d.year + 1)
    return d


DAY_OF_MONTH_AFTER = re.compile(
    rf",?\s+(?:the\s+)?(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|(?i:{DAY_ORDINAL}))\b(?!-)"
)
"""A day of the month written after a weekday: "Tuesday, the 26th", "Thursday the 28th"."""


def relative_weekday(wd: int, rel: str, dct: dt.date) -> dt.date | None:
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


def bare_weekday(wd: int, ahead: bool, dct: dt.date) -> dt.date:
    """The day with weekday ``wd`` (Monday = 0) named without last/next: the latest on or
    before the DCT, or the first on or after it when ``ahead`` (news convention, as in
    HeidelTime; :func:`~etl.dates.rules.weekdays.weekday`)."""
    if ahead:
        return dct + dt.timedelta(days=(wd - dct.weekday()) % 7)
    return dct - dt.timedelta(days=(dct.weekday() - wd) % 7)


WEEKDAY_AFTER_HOLIDAY = re.compile(rf"(?:\s+holiday)?,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b")
"""A weekday right after a holiday's name ("the Presidents Day holiday Monday", "Labor Day on Monday")."""


DAY_RULES_AFTER_ON = ("iso_date", "numeric_date", "dotted_date", "numeric_month_day", "month_day", "day_month", "holiday")
"""The rules whose day dates a clock time before "on" (:func:`~etl.dates.rules.clock._day_at`); "on Nov. 6" is read by
:func:`~etl.dates.rules.clock.bare_clock`'s own pattern and "on Wednesday" by ``clock_with_day`` (each a TIMEX3 of its
own, as here)."""


@cache
def _day_rules_after_on() -> tuple[Rule, ...]:
    """The rules of :data:`DAY_RULES_AFTER_ON`, in that order (the table's), looked up once."""
    return tuple(row(name) for name in DAY_RULES_AFTER_ON)


def day_hit_at(text: str, pos: int, dct: dt.date) -> tuple[dt.date, int] | None:
    """:func:`~etl.dates.rules.clock._day_at`'s day and the end of the date's extent, or None."""
    for rule_ in _day_rules_after_on():
        hm = rule_.pattern.match(text, pos)
        hit = rule_.resolve(hm, text, dct) if hm else None
        tx = hit.timex if hit else None
        if isinstance(tx, Anaphor) and tx.historical:
            tx = tx.fallback  # a year-less day in a past clause: its DCT reading (a frame before it is rare here)
        if isinstance(tx, Timex) and tx.granularity == "day" and hit.start == pos and tx.start:  # type: ignore[union-attr]
            return tx.start, hit.end  # type: ignore[union-attr]
    return None


def month_day_of(mon: str, day: str, year: str | None, text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The date a month name, a day ("6", "6th") and an optional year name, without a year
    the one nearest the DCT as :func:`~etl.dates.rules.days.month_day` places it; None for an impossible day."""
    month = MONTH_NUM[mon.rstrip(".").lower()]
    d = int(re.match(r"\d+", day).group())  # type: ignore[union-attr]
    if year:
        return safe_date(int(year), month, d)
    return nearest_day(month, d, dct, future_context(text, pos))


PART_OF = re.compile(
    r"\b[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|close|(?:early|earliest|closing|final|last|first|late|later)\s+years)\s+of\s+$"
)
