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


_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from after before as into".split())
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    christmas easter eve""".split()
)
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“‘']")
_CLOSING_QUOTE = re.compile(r"[\"”’'](?![A-Za-z])")


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a title in quotes: a quoted stretch on its line
    (at most 60 characters each side) of two or more words, each capitalised but the small words
    of title case ("of", "the", "and"...), with a capitalised word that is no part of a date (no
    month, weekday or number, nor "Christmas", "Easter", "Eve"): the album 'The Next Day', the
    film 'The Day After Tomorrow', the song 'Sunday Bloody Sunday'. A quoted date stays a date
    ('Sept. 11', 'Friday the 13th'), as does a greeting ('Merry Christmas') and quoted speech,
    which is rarely in title case and ends in a comma or stop inside the quotes ('Enjoy Labor
    Day,' she said). The rule is the title-case convention of English titles (Chicago Manual of
    Style 8.159)."""
    lo = max(0, start - 60)
    opens = [q for q in _OPENING_QUOTE.finditer(text, lo, start) if "\n" not in text[q.end() : start]]
    if not opens:
        return False
    inner_start = opens[-1].end()
    close = _CLOSING_QUOTE.search(text, end, min(len(text), end + 60))
    if close is None or "\n" in text[end : close.start()]:
        return False
    inner = text[inner_start : close.start()]
    if re.search(r"[\"“”;]|[.!?]\s|[,.!?:]\s*$", inner):
        return False  # another quote, a sentence, or the comma or stop that ends quoted speech ("Enjoy Labor Day,")
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|\d\w*", inner)
    if len(words) < 2 or not words[0][0].isupper():
        return False
    if any(w[0].islower() and w.lower() not in _TITLE_SMALL_WORDS for w in words):
        return False
    return any(w[0].isupper() and w.lower().rstrip(".") not in _CALENDAR_WORDS for w in words[1:])
