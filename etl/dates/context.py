"""Reading the words around a match: the word before or after, and the few characters before.

A rule's pattern matches the distinctive core of an expression (a year, a month name, a unit
word), which ``re`` finds quickly; the optional words before it ("in", "last", "early") are
read by ``$``-anchored patterns on the characters just before the core (:func:`left_context`).
"""

from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([A-Za-z'’]+)[^\w]*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z'’]+)")


def word_before(text: str, pos: int) -> str:
    """The word (letters, apostrophes) ending just before ``pos``, lower-cased, skipping spaces."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


def word_after(text: str, pos: int) -> str:
    """The word right after ``pos`` (leading spaces skipped), as written; "" when none."""
    m = _WORD_AFTER.match(text, pos, pos + 40)
    return m.group(1) if m else ""


def left_context(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched on the 60 characters before ``pos``; the
    leftmost, hence longest, match. None when nothing matches (all-optional patterns
    always match, possibly empty)."""
    return pattern.search(text, max(0, pos - 60), pos)


def title_unit(unit: str, whole: str) -> bool:
    """True for a capitalized unit word in mixed case: a title ("This Week", "60 Minutes",
    "the Five Year Plan"), not a time expression."""
    return unit[:1].isupper() and not whole.isupper()


_CAPITALISED_BEFORE = re.compile(r"(?P<w>[A-Z](?:[\w.&'’-]*[\w&])?)\s+$")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\"“”(]|``|'')\s*$")


def name_word_before(text: str, pos: int) -> bool:
    """True when a capitalised word ("USA", "Orthodox", "AT&T") ends just before ``pos`` and
    does not open its sentence: the expression at ``pos`` is then part of a name or of another
    thing's name ("USA Today", "Holocaust Memorial Day"), as a sentence's first word is not."""
    m = _CAPITALISED_BEFORE.search(text, max(0, pos - 30), pos)
    if m is None:
        return False
    at = m.start("w")
    return _SENTENCE_OPENS.search(text, max(0, at - 4), at) is None
