"""Extents widened after the scan: "the end of" before a hit, a hedge ("about", "around") and
"the day before/after" (TimeML 1.2.1: modifiers inside the TIMEX3).
"""

from __future__ import annotations

import re

from etl.dates.anaphora import Anaphor
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
    out: list[Hit] = []
    for h in hits:
        tx = h.timex
        if not (isinstance(tx, Timex) and tx.type in ("DURATION", "SET")):
            m = PART_OF.search(text, max(0, h.start - 30), h.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                h = Hit(m.start(), h.end, tx, h.rule, h.name)
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
