"""The table's rows: :class:`Rule`, the :func:`rule` decorator that registers one, the
:class:`Hit` a resolver returns, and :func:`in_order`, which lays the registered rows out in
the precedence that :mod:`etl.dates.rules` lists."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.dates.anaphora import Anaphor, Period
from etl.dates.anchoring import Timex
from etl.prefilter import Literals, required_literals


@dataclass(frozen=True, slots=True)
class Hit:
    """A resolved match: ``text[start:end]`` is the TIMEX3 extent; ``rule`` the position of the
    rule in its table (the earlier wins a tie), ``name`` the rule's name; ``weekend``: the
    expression is the weekend named after the day ``timex`` resolves to ("the July 4th weekend",
    :func:`~etl.dates.rules.extents.widen_to_weekend`)."""

    start: int
    end: int
    timex: Timex | Anaphor | Period
    rule: int = 0
    name: str = ""
    weekend: bool = False


Resolver = Callable[[re.Match[str], str, dt.date], "Hit | None"]
"""``(match, text, dct) -> Hit | None``."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the table: a name, the compiled pattern, its resolver, and the literals every
    match contains (:func:`etl.prefilter.required_literals`: a text without them skips the scan)."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    needs: Literals


_registered: dict[str, Rule] = {}
_relaxed: set[str] = set()


def rule(
    name: str, pattern: str, flags: int = 0, *, relaxed: bool = False, needs: Literals = None
) -> Callable[[Resolver], Resolver]:
    """Register ``pattern`` (compiled with ``flags``) with the decorated resolver as the rule
    ``name``; ``relaxed`` rules run only inside spaCy DATE/TIME spans. ``needs``: literals
    (lower case) of which every match contains one, for a pattern whose parse tree shows only
    commoner ones (:func:`etl.prefilter.required_literals` does not join a literal to the
    optional character after it); by default the parse tree's. Returns the resolver
    unchanged, so one resolver can serve several patterns (``rule(name, pattern)(resolver)``).

    Raises ValueError when ``name`` is already registered."""

    def register(resolve: Resolver) -> Resolver:
        if name in _registered:
            raise ValueError(f"rule {name!r} is registered twice")
        compiled = re.compile(pattern, flags)
        literals = needs if needs is not None else required_literals(compiled)
        _registered[name] = Rule(name, compiled, resolve, literals)
        if relaxed:
            _relaxed.add(name)
        return resolve

    return register


def row(name: str) -> Rule:
    """The registered rule ``name`` (for a resolver that reads another rule's pattern, such as
    a clock time before "on Bastille Day"); raises KeyError for an unknown name."""
    return _registered[name]


def in_order(names: tuple[str, ...], *, relaxed: bool = False) -> tuple[Rule, ...]:
    """The registered rules (``relaxed`` or not) in the order of ``names``, the table's
    precedence (the earlier wins a tie). Raises RuntimeError when ``names`` and the registered
    rules differ, naming the rules missing on either side, so a new rule cannot be left out."""
    kind = {n for n in _registered if (n in _relaxed) == relaxed}
    unlisted, unknown = kind - set(names), set(names) - kind
    if unlisted or unknown or len(set(names)) != len(names):
        raise RuntimeError(
            f"the precedence list and the registered rules differ: not listed {sorted(unlisted)},"
            f" not registered {sorted(unknown)}, listed twice {sorted(n for n in set(names) if names.count(n) > 1)}"
        )
    return tuple(_registered[n] for n in names)


def hit_over_t(m: re.Match[str], tx: Timex | Anaphor | Period | None) -> Hit | None:
    """A :class:`Hit` over the match's group ``t``, or None when ``tx`` is None."""
    if tx is None:
        return None
    s, e = m.span("t")
    return Hit(s, e, tx)
