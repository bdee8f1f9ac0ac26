"""The rules of the temporal tagger: one table, each pattern beside the resolver that normalizes it.

A rule is a regular expression and a resolver. :func:`~etl.dates.rules.table.rule` registers
them; :data:`PRECEDENCE` lays the rules scanned over the whole text out as :data:`RULES`, and
:data:`RELAXED_PRECEDENCE` those scanned only inside spaCy DATE/TIME spans that no own rule
matched as :data:`RELAXED_RULES`. When two rules match the same longest span, the one listed
first wins. The resolver takes ``(match, text, dct)``, validates the match (reading the words
around it when needed, :mod:`etl.dates.context`), and returns a
:class:`~etl.dates.rules.table.Hit`: the TIMEX3 extent (the pattern's group ``t`` when it has
one) and the value, a :class:`~etl.dates.anchoring.Timex`, or an
:class:`~etl.dates.anaphora.Anaphor`/:class:`~etl.dates.anaphora.Period` that the tagger
resolves against the mentions before it; or None to reject the match.

Left contexts: a rule's regex matches the distinctive core of an expression (a year, a month
name, a unit word), which ``re`` finds quickly; the optional words before it ("early", "last",
"in") are read by ``$``-anchored patterns (named ``_L_...``) on the few characters just before
the core (:func:`~etl.dates.context.left_context`).

The rules live in one module per kind of expression:

* :mod:`~etl.dates.rules.numeric`: "2017-12-27", "12/27/2017", "15.12.2011", "held on 12/20";
* :mod:`~etl.dates.rules.days`: "Dec. 26", "28 November", "the 3rd of next month", "on
  Tuesday, the 26th", "the second week of January", "the Sunday before Memorial Day";
* :mod:`~etl.dates.rules.months`: "November 2017", "August of that year", "last November";
* :mod:`~etl.dates.rules.weekdays`: "Wednesday", "last Friday", "the following Monday";
* :mod:`~etl.dates.rules.clock`: "10 p.m. Wednesday", "at 10:35 a.m.", "today", "overnight";
* :mod:`~etl.dates.rules.relative`: "last week", "two years ago", "two years later";
* :mod:`~etl.dates.rules.years`: "in 2016", "the 1990s", "the 20th century", "mid-year";
* :mod:`~etl.dates.rules.periods`: quarters, halves and seasons;
* :mod:`~etl.dates.rules.durations`: "two years", "for weeks", "every Thursday";
* :mod:`~etl.dates.rules.holidays`: "Christmas Day", "Thanksgiving", "Easter 2016";
* :mod:`~etl.dates.rules.anaphors`: "that day", "a year earlier", "the end of the decade";
* :mod:`~etl.dates.rules.extents`: widening a hit to "the end of", "about", "the day before",
  "the eve of", "the July 4th weekend";
* :mod:`~etl.dates.rules.shared`: helpers that rules of several kinds read;
* :mod:`~etl.dates.rules.table`: :class:`~etl.dates.rules.table.Rule`, ``rule`` and ``Hit``.

Each resolver's docstring gives its source and a TimeML example: the text, a DCT, and the
TIMEX3 the rule makes of it. ``tests/unit/test_dates_rules.py`` runs every example through
the tagger and checks that this rule produces that extent, type and value.

To add a rule: write the pattern and its resolver in the module of its kind, with a TimeML
example, and put its name in :data:`PRECEDENCE` (or :data:`RELAXED_PRECEDENCE`) before the
rules it should win a tie against; importing this package raises RuntimeError while a
registered rule is not listed.

Sources: TimeML 1.2.1 TIMEX3 guidelines (Saurí et al. 2006: values and extents; prepositions
such as "on"/"in" are outside the TIMEX3, determiners and modifiers such as "the", "early",
"last" inside), ISO 8601 (calendar, weeks, durations), and the news conventions of
HeidelTime (Strötgen & Gertz 2013) for anchoring; each resolver names its own.
"""

from __future__ import annotations

from etl.dates.rules import (  # noqa: F401  (importing a module registers its rules)
    anaphors,
    clock,
    days,
    durations,
    holidays,
    months,
    numeric,
    periods,
    relative,
    weekdays,
    years,
)
from etl.dates.rules.extents import (
    widen_to_day_before_after,
    widen_to_hedge,
    widen_to_part_of,
    widen_to_weekend,
)
from etl.dates.rules.table import Hit, Rule, in_order, rule

__all__ = [
    "PRECEDENCE",
    "RELAXED_PRECEDENCE",
    "RELAXED_RULES",
    "RULES",
    "Hit",
    "Rule",
    "rule",
    "widen_to_day_before_after",
    "widen_to_hedge",
    "widen_to_part_of",
    "widen_to_weekend",
]

PRECEDENCE: tuple[str, ...] = (
    "iso_date", "numeric_date", "dotted_date", "numeric_month_day", "month_day_words", "month_day",
    "second_day", "first_day", "week_of", "day_month", "day_of_month", "ordinal_day_end",
    "ordinal_day_bare", "ordinal_day_word", "ordinal_day", "week_of_month", "weekday_of_month",
    "month_year", "month_of_that_year", "following_month", "bare_month", "weekday_abbr_day",
    "weekday", "weekday_anaphor", "clock_with_day", "clock_part_of_day", "deictic_day", "overnight",
    "mid_part_of_day", "unit_before_last", "same_time_year", "relative_unit", "ago", "units_later",
    "cued_year", "year_range", "year_range_end", "decade", "century", "century_part", "millennium",
    "quarter", "bare_q", "month_range_quarter", "half_year", "the_half", "quarter_anaphor",
    "relative_quarter", "q_year", "season", "ranked_season", "season_anaphor", "that_season_month",
    "set", "rate", "range_first_count", "duration", "past_unit", "unit_ahead", "ref", "current", "weekend",
    "vague_duration", "another_unit", "units_to_event", "vague_period", "the_units", "holiday", "period_back",
    "same_anaphor", "the_week", "unit_earlier", "weekend_anaphor", "following_unit",
    "decade_anaphor", "the_year", "midweek", "mid_year", "of_the_period", "fiscal_year",
    "fiscal_noun", "new_year", "unit_s_end", "part_of_unit", "bare_clock", "the_part_of_day", "the_day_told", "around_day",
    "age_of_a_thing", "odd_duration", "spoken_year", "day_anaphor",
)  # fmt: skip
"""The names of the rules scanned over the whole text, in precedence order: when two rules
match the same longest span, the one listed first wins (a rule's name is its first argument
to ``rule``)."""

RELAXED_PRECEDENCE: tuple[str, ...] = ("plain_year", "plain_month", "plain_season", "relaxed_anaphor")
"""The names of the relaxed rules, in precedence order."""

RULES: tuple[Rule, ...] = in_order(PRECEDENCE)
"""The rules scanned over the whole text, in order."""
RELAXED_RULES: tuple[Rule, ...] = in_order(RELAXED_PRECEDENCE, relaxed=True)
"""The rules scanned only inside spaCy DATE/TIME spans that no rule of :data:`RULES` matched."""
