"""Literals a regular expression's matches must contain: a cheap test that skips a whole scan.

The technique is the "prefilter" of RE2 and of Google Code Search (Russ Cox, "Regular
Expression Matching with a Trigram Index", 2012): from the pattern's parse tree compute
a set of strings such that every match contains at least one of them. A text that
contains none of them cannot match, so the regex scan over it can be skipped, and the
result is the same as scanning. The TIMEX3 tagger (:mod:`etl.dates`) runs about 40
patterns over every article; most articles contain the literals of only some of them.

Usage::

    >>> needs = required_literals(re.compile(r"\\b(?:last|next)\\s+(?:week|month)\\b", re.I))
    >>> sorted(needs)
    ['last', 'next']
    >>> may_match(needs, fold("NEXT MONTH"))
    True
    >>> may_match(needs, fold("the week before"))
    False

Comparisons are made on :func:`fold`-ed text (lower case; the few non-ASCII letters that
Python's ``re.IGNORECASE`` treats as ASCII letters mapped to them), and the literals are
ASCII, so case-insensitive and case-sensitive patterns are both handled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

Literals = frozenset[str] | None
"""Strings (lower-case ASCII) of which every match contains one; ``None``: nothing known."""

# Non-ASCII characters that re.IGNORECASE matches to an ASCII letter (Unicode simple case
# folding, as sre applies it): dotted capital I, dotless i, long s, Kelvin sign.
# tests/unit/test_prefilter.py checks this list against every code point.
ASCII_CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TWINS = str.maketrans(ASCII_CASE_TWINS)

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def fold(text: str) -> str:
    """``text`` in the form :func:`may_match` compares against: the twins mapped, then lower case."""
    return text.translate(_TWINS).lower() if not text.isascii() else text.lower()


def may_match(needs: Literals, folded: str) -> bool:
    """False only when no match is possible: ``folded`` contains none of ``needs``."""
    return needs is None or any(s in folded for s in needs)


def required_literals(pattern: re.Pattern[str]) -> Literals:
    """The literals every match of ``pattern`` contains one of (see the module docstring), or None.

    Walks ``re``'s own parse tree: in a sequence, any one element's literals are
    required, so the most selective is kept (longest shortest string, then fewest);
    an alternation requires one of its branches' (the union, or None when one branch
    has none); a repeat requires its body's only when it repeats at least once;
    lookarounds, anchors, character classes of more than one letter and back
    references require nothing. Runs of single characters (``[Tt]``, literals) form
    strings. Raises :class:`re.error` only if ``pattern`` itself would not parse.
    """
    return _sequence(_sre_parse.parse(pattern.pattern, pattern.flags).data)


def _score(needs: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in needs), -len(needs)


def _better(a: Literals, b: Literals) -> Literals:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=_score)


def _one_char(op, av) -> str | None:
    """The character (folded, ASCII) an item matches if it matches exactly one, case aside."""
    if op is _c.LITERAL:
        chars = {chr(av)}
    elif op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        chars = {chr(v) for _, v in av}
    else:
        return None
    folded = {fold(ch) for ch in chars}
    if len(folded) != 1:
        return None
    ch = folded.pop()
    return ch if len(ch) == 1 and ch.isascii() else None


def _sequence(items: Iterable) -> Literals:
    best: Literals = None
    run: list[str] = []
    for op, av in items:
        ch = _one_char(op, av)
        if ch is not None:
            run.append(ch)
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        best = _better(best, _node(op, av))
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def _node(op, av) -> Literals:
    if op is _c.SUBPATTERN:
        return _sequence(av[3].data)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av.data)
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            needs = _sequence(branch.data)
            if needs is None:
                return None
            union |= needs
        return frozenset(union) or None
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(body.data) if low >= 1 else None
    return None  # anchors, lookarounds, ANY, wider classes, categories, back references
