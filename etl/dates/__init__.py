"""Temporal tagging: find date expressions in an article body and normalize them as TIMEX3.

:class:`TemporalTagger` scans a text with the rules, resolves each expression against the
document creation time (the DCT, the article's ``published`` date) and returns
:class:`etl.models.DateMention` values: the TIMEX3 ``type`` and ``value`` (TimeML 1.2.1,
section 2.3), a ``granularity`` and, when the value denotes calendar time, the half-open
:class:`etl.models.DateRange` it covers (``mentioned_dates`` in the index).

The package reads like HeidelTime's resources (Strötgen & Gertz 2013): the rules live apart
from the engine, each pattern beside its normalization, so a rule is read, tested and added
in one place.

* :mod:`etl.dates.vocabulary`: months, weekdays, numerals, units, holidays, seasons, time
  zones and the pattern fragments built from them;
* :mod:`etl.dates.rules`: the table of rules, each pattern next to its resolver, with a TimeML
  example in its docstring (checked by ``tests/unit/test_dates_rules.py``), one module per kind
  of expression (numeric dates, days, months, weekdays, clock times, relative units, years,
  quarters and seasons, durations and sets, holidays, anaphors) and the precedence list;
* :mod:`etl.dates.anchoring`: the calendar arithmetic (nearest day and month, ISO weeks,
  quarters, halves, seasons, decades, centuries, durations);
* :mod:`etl.dates.tense`: the tense of the clause around an underspecified date;
* :mod:`etl.dates.context`: reading the words around a match;
* :mod:`etl.dates.anaphora`: anaphors ("the next day") and business reporting periods
  ("the year-ago quarter"), resolved in reading order;
* :mod:`etl.dates.tagger`: :class:`TemporalTagger`, which scans, selects and finishes;
* :mod:`etl.dates.timeml` and :mod:`etl.dates.evaluate_cli`: the TimeML reader, the
  TempEval-3 Task A scorer and ``newsetl evaluate-dates``.

Sources of the rules (each rule's docstring names its own):

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

from etl.dates.tagger import TemporalTagger

__all__ = ["TemporalTagger"]
