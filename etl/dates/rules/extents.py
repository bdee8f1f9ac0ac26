"""Extents widened after the scan: "the end of" before a hit, a hedge ("about", "around"), "the
day before/after" and "the eve of", and "weekend" after a day (TimeML 1.2.1: modifiers inside the
TIMEX3).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.dates.anaphora import Anaphor, Period
from etl.dates.anchoring import ONE_DAY, Timex, timex_at
from etl.dates.rules.shared import PART_OF
from etl.dates.rules.table import Hit


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
    return _widen_left(hits, text, PART_OF, 30, lambda tx: not (isinstance(tx, Timex) and tx.type in ("DURATION", "SET")))


def _widen_left(
    hits: list[Hit], text: str, before: re.Pattern[str], reach: int, applies: Callable[[Timex | Anaphor | Period], bool]
) -> list[Hit]:
    """Each hit whose value ``applies``, extended over a match of ``before`` (a ``$``-anchored
    pattern) in the ``reach`` characters before it, unless that would reach into the hit before;
    the value unchanged. ``hits`` sorted by start and disjoint; returns them in the same order."""
    out: list[Hit] = []
    for h in hits:
        if applies(h.timex):
            m = before.search(text, max(0, h.start - reach), h.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                h = Hit(m.start(), h.end, h.timex, h.rule, h.name)
        out.append(h)
    return out


_HEDGE_BEFORE = re.compile(r"\b(?:[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly)\s+$")


def widen_to_hedge(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each clock time written after "about", "around", "approximately" or "roughly"
    over that word: "about 10:35 a.m.", "around 7:15 p.m. Thursday" are one TIMEX3 each
    (TimeML 1.2.1: the modifier is inside the extent, its meaning ``mod="APPROX"``, which the
    value does not carry), as :func:`~etl.dates.rules.durations.duration` keeps "about two hours". ``hits`` sorted by
    start and disjoint; returns them in the same order, still disjoint.

    TimeML (DCT 1998-08-08): ``The bomb went off at <TIMEX3 type="TIME" value="1998-08-07T10:35">about
        10:35 a.m.</TIMEX3> Friday.``
    """
    return _widen_left(hits, text, _HEDGE_BEFORE, 16, _a_clock_time)


def _a_clock_time(tx: Timex | Anaphor | Period) -> bool:
    """Whether ``tx`` is a clock time: a TIME with hours and minutes, or an anaphor to one."""
    return (isinstance(tx, Timex) and re.search(r"T\d\d:\d\d", tx.value) is not None) or (
        isinstance(tx, Anaphor) and tx.tod is not None and ":" in tx.tod
    )


_DAY_BEFORE_AFTER = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[Dd]ay\s+(?P<ba>before|after)|(?P<eve>[Ee]ve)\s+of|(?P<wk>[Ww]eek)\s+(?:ended|ending)(?:\s+on)?)\s+$"
)


def widen_to_day_before_after(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each day date written after "the day before", "the day after" or "the eve of" over
    that phrase and move it one day: "the day before last Tuesday", "the day after Christmas", "the day
    after Dec. 5, 2016", "the eve of Thanksgiving" are one TIMEX3 each, whose value is the day before (after) the date
    (TIDES 2005 and TimeML 1.2.1: an offset from a named date is one expression, as "the day
    before yesterday" is; determiners inside the extent). A hit that ends inside the phrase
    (an anaphoric "the day before") gives way. ``hits`` sorted by start and disjoint; returns
    them in the same order, still disjoint.

    TimeML (DCT 2017-12-27): ``They met <TIMEX3 type="DATE" value="2017-12-26">the day after
        Christmas</TIMEX3>.``
    TimeML (DCT 1997-11-20): ``Roads were jammed on <TIMEX3 type="DATE" value="1997-11-26">the eve of
        Thanksgiving</TIMEX3>.``

    So is "the week ended (ending) <day>", whose value is the ISO week that holds the day (a week
    named by its last day, as "the quarter ended Sept. 30" is; weekly statistics end on a Friday,
    a Saturday or a Sunday, all in the week they close). A year-less day of a past clause is read
    at its DCT reading here.

    TimeML (DCT 2014-12-28): ``Infections fell in <TIMEX3 type="DATE" value="2014-W51">the week
        ending Dec. 21</TIMEX3>.``
    """
    out: list[Hit] = []
    for h in hits:
        tx = h.timex
        if _a_day(tx) and isinstance(tx, Anaphor):
            tx = tx.fallback  # a year-less day of a past clause: its DCT reading ("They met the day after Christmas")
        if isinstance(tx, Timex) and tx.type == "DATE" and tx.granularity == "day" and tx.start is not None:
            m = _DAY_BEFORE_AFTER.search(text, max(0, h.start - 20), h.start)
            if m is not None and m["eve"] and text.startswith(("'s", "’s"), h.end):
                m = None  # "on the eve of Tuesday's runoff": the eve of the event, which the day dates
            if m is not None:
                while out and out[-1].end > m.start():
                    out.pop()
                if m["wk"]:  # "the week ending Dec. 21": the ISO week that holds its last day
                    h = Hit(m.start(), h.end, timex_at(tx.start, "week"), h.rule, h.name)
                else:
                    day = tx.start + (ONE_DAY if m["ba"] == "after" else -ONE_DAY)  # "the eve of": the day before
                    h = Hit(m.start(), h.end, timex_at(day, "day"), h.rule, h.name)
        out.append(h)
    return out


def _a_day(tx: Timex | Anaphor | Period) -> bool:
    """Whether ``tx`` resolves to a day: a DATE of day granularity, or a year-less day in a past
    clause that the tagger places in a year ("The July 4th weekend was hot")."""
    return (isinstance(tx, Timex) and tx.type == "DATE" and tx.granularity == "day") or (
        isinstance(tx, Anaphor) and tx.historical and (tx.day_of_month is not None or tx.day_in_year is not None) and tx.tod is None
    )


_WEEKEND_AFTER = re.compile(r"(?:\s+holiday)?\s+weekend\b(?!['’])")


def widen_to_weekend(hits: list[Hit], text: str) -> list[Hit]:
    """Extend each day date written before "weekend" (or "holiday weekend") over that word, and
    over "the" before it, and mark it as the weekend named after the day it resolves to
    (``Hit.weekend``: the tagger takes :func:`~etl.dates.anchoring.holiday_weekend` of that day
    once anaphors are resolved): "the Fourth of July weekend", "the July 4th
    holiday weekend" are one TIMEX3 each, a weekend ``YYYY-Www-WE`` (TimeML 1.2.1: the head noun
    "weekend" is the expression, the date its modifier), as the holiday rule reads "the Memorial
    Day weekend". ``hits`` sorted by start and disjoint; returns them in the same order, still disjoint.

    TimeML (DCT 2022-07-06): ``Traffic deaths rose over <TIMEX3 type="DATE" value="2022-W26-WE">the
        July Fourth weekend</TIMEX3>.``
    """
    out: list[Hit] = []
    for i, h in enumerate(hits):
        tx = h.timex
        if _a_day(tx):
            m = _WEEKEND_AFTER.match(text, h.end)
            if m is not None and (i + 1 == len(hits) or hits[i + 1].start >= m.end()):
                start = h.start
                if text[max(0, start - 4) : start].lower() == "the " and (not out or out[-1].end <= start - 4):
                    start -= 4
                h = Hit(start, m.end(), tx, h.rule, h.name, weekend=True)
        out.append(h)
    return out
