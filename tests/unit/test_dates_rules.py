"""Every rule's TimeML example (in its resolver's docstring) is tagged by that rule, as written.

The examples document :mod:`etl.dates.rules`; each value in them was checked by hand
against a calendar (2017-12-27 is a Wednesday in ISO week 2017-W52; 2017-12-23/24 is the
weekend of 2017-W51). This test keeps them true: the plain text of an example, with its
DCT and its TIMEX3 extents given as spaCy candidates (so relaxed rules can be shown too),
must yield exactly the example's TIMEX3 (extent, type, value), and every rule of the table
must produce at least one of them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from etl.dates import TemporalTagger
from etl.dates.rules import RELAXED_RULES, RULES

EXAMPLE = re.compile(r"TimeML \(DCT (\d{4}-\d\d-\d\d)\): ``(.+?)``", re.DOTALL)
TIMEX3 = re.compile(r'<TIMEX3 type="(\w+)" value="([^"]*)">(.*?)</TIMEX3>')


def examples(doc: str) -> list[tuple[dt.date, str, list[tuple[int, int, str, str]]]]:
    """``(dct, plain text, [(start, end, type, value)])`` for each example in a docstring."""
    out = []
    for m in EXAMPLE.finditer(doc):
        marked = re.sub(r"\s*\n\s*", " ", m.group(2))
        parts: list[str] = []
        gold = []
        pos = 0
        for t in TIMEX3.finditer(marked):
            parts.append(marked[pos : t.start()])
            start = sum(map(len, parts))
            parts.append(t.group(3))
            gold.append((start, start + len(t.group(3)), t.group(1), t.group(2)))
            pos = t.end()
        parts.append(marked[pos:])
        out.append((dt.date.fromisoformat(m.group(1)), "".join(parts), gold))
    return out


ALL_RULES = list(RULES) + list(RELAXED_RULES)
RESOLVERS = list(dict.fromkeys(r.resolve for r in ALL_RULES))


def test_the_table_has_unique_names():
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("resolve", RESOLVERS, ids=lambda f: f.__name__)
def test_rule_examples(resolve):
    tagger = TemporalTagger()
    cases = examples(resolve.__doc__ or "")
    assert cases, f"{resolve.__name__} has no TimeML example in its docstring"
    produced: set[str] = set()
    for dct, text, gold in cases:
        found = tagger.explain(text, dct, [(s, e) for s, e, _, _ in gold])
        assert [(m.start, m.end, m.type, m.value) for m, _ in found] == gold, (text, [m.text for m, _ in found])
        produced |= {name for _, name in found}
    names = {r.name for r in ALL_RULES if r.resolve is resolve}
    assert names <= produced, f"no example shows rule(s) {sorted(names - produced)}"


def test_the_precedence_list_holds_every_registered_rule_once():
    from etl.dates.rules import PRECEDENCE, RELAXED_PRECEDENCE
    from etl.dates.rules.table import in_order

    assert [r.name for r in RULES] == list(PRECEDENCE)
    assert [r.name for r in RELAXED_RULES] == list(RELAXED_PRECEDENCE)
    with pytest.raises(RuntimeError, match=r"not listed \['iso_date'\]"):
        in_order(PRECEDENCE[1:])  # a rule left out of the list is an error, not a rule silently dropped
    with pytest.raises(RuntimeError, match=r"listed twice \['weekday'\]"):
        in_order(PRECEDENCE + ("weekday",))
    with pytest.raises(RuntimeError, match=r"not registered \['no_such_rule'\]"):
        in_order(RELAXED_PRECEDENCE + ("no_such_rule",), relaxed=True)


def test_a_rule_name_is_registered_once():
    from etl.dates.rules import rule

    with pytest.raises(ValueError, match="'iso_date' is registered twice"):
        rule("iso_date", r"\d{4}")(lambda m, text, dct: None)
