"""Text normalization applied to every article before parsing and indexing.

The normalized text is what ``body`` holds and what every offset in the
indexed document counts into (DESIGN.md, "The indexed document": ``body`` is
"normalized (NFC, whitespace)"), so the rules here are deliberately few and
stable: they fix encoding damage, control characters and whitespace, and never
touch words, punctuation or quotes (curly quotes stay curly, and the PTB-style
double backquote / double apostrophe quotes of TimeBank copy stay as written).

Everything runs through precompiled regular expressions and C-level string
methods (``in``, ``replace``), each guarded so that clean text costs one scan;
there is no per-character Python loop. Pure ASCII input (most wire copy) skips
the Unicode steps entirely.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "text_repairs"]

_UNICODE_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
"""Unicode space separators (general category Zs, Unicode 15 ``UnicodeData.txt``)
other than U+0020: NO-BREAK SPACE, OGHAM SPACE MARK, EN QUAD..HAIR SPACE, NARROW
NO-BREAK SPACE, MEDIUM MATHEMATICAL SPACE, IDEOGRAPHIC SPACE."""

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+")
"""C0/C1 controls except TAB and LF (the line-break controls are already LF by then): removed."""

_INVISIBLE_RE = re.compile(
    "\u00ad *\n(?=\\S)|["
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]+"
)
"""Format characters that carry no text: general category Cf and Default_Ignorable_Code_Point
(Unicode 15 ``UnicodeData.txt`` and ``DerivedCoreProperties.txt``). SOFT HYPHEN, ARABIC
LETTER MARK, MONGOLIAN VOWEL SEPARATOR, ZERO WIDTH SPACE/NON-JOINER/JOINER, LEFT-TO-RIGHT and
RIGHT-TO-LEFT MARK, the bidi embeddings, overrides and isolates, WORD JOINER and the invisible
math operators, ZERO WIDTH NO-BREAK SPACE (a byte-order mark inside the text), shorthand and
musical format controls, and TAG characters: removed, so ``Tues\u00adday`` is ``Tuesday``. A
soft hyphen at a line break (``sanc\u00ad`` / ``tions``) marks a word hyphenated there (Unicode
Standard, 23.2 "Layout Controls"), so the line break goes with it. Format characters that are
visible (the Arabic number signs U+0600..U+0605, U+06DD) are kept."""

_MOJIBAKE_RE = re.compile(
    "[\u00c2-\u00f4]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026"
    "\u2030\u2039\u203a\u20ac\u2122]"
)
"""UTF-8 bytes decoded as Latin-1/cp1252: a lead byte (0xC2-0xF4) shown as
``Â``..``ô`` followed by a continuation byte (0x80-0xBF) shown as its cp1252 or
Latin-1 character (``â€™`` for ``’``, ``Ã©`` for ``é``). Only text that matches
is handed to ftfy, which decides whether it really is mojibake."""


def _fix_mojibake(text: str) -> str:
    if not _MOJIBAKE_RE.search(text):
        return text
    import ftfy  # imported lazily: most text never needs it

    return ftfy.fix_encoding(text)


def text_repairs(text: str) -> list[str]:
    """Which repairs :func:`normalize_text` makes to ``text`` beyond white space: a sorted list.

    ``"mojibake"`` when ftfy changes the text (UTF-8 read as cp1252/Latin-1),
    ``"control characters"`` when NUL or other C0/C1 controls are removed,
    ``"invisible characters"`` when format characters that carry no text are removed
    (:data:`_INVISIBLE_RE`: soft hyphens, zero-width spaces and joiners, bidi marks, a
    byte-order mark inside the text; one at the very start of the file is not a repair).
    All are recorded on the indexed document (``repairs``) so a user can find repaired
    articles; CRLF line endings and white space are normal variation, not repairs.
    """
    found = []
    if not text.isascii():
        fixed = _fix_mojibake(text)
        if fixed != text:
            found.append("mojibake")
        if _INVISIBLE_RE.search(fixed.lstrip("\ufeff")):
            found.append("invisible characters")
    if _CONTROL_RE.search(text):
        found.append("control characters")
    return sorted(found)


def normalize_text(text: str) -> str:
    """Normalize decoded article text: encoding damage, Unicode form, controls, whitespace.

    Takes any ``str`` and returns a ``str`` in which, in this order:

    1. UTF-8 mojibake (``Koreaâ€™s``) is repaired with ``ftfy.fix_encoding``; the
       check is a single regex and ftfy only runs on text it flags (DESIGN.md,
       "Conventions": ftfy for mojibake).
    2. CRLF and CR become LF; the line-break controls VT, FF, NEL and U+2028 become
       LF; U+2029 PARAGRAPH SEPARATOR becomes a blank line.
    3. NUL and every other C0/C1 control character except LF and TAB is removed, and
       so are the invisible format characters of :data:`_INVISIBLE_RE` (soft hyphen,
       zero-width space and joiners, bidi marks, a stray byte-order mark); a soft
       hyphen that ends a line takes the line break with it.
    4. TAB, NO-BREAK SPACE and the other Unicode space separators (category Zs)
       become a plain space; runs of spaces inside a line collapse to one; spaces
       at the end of each line are removed (a line of only spaces becomes empty).
       A single leading space on a line is kept (the seed header is `` date ...``).
    5. Three or more consecutive newlines (two or more blank lines) become one
       blank line, the paragraph break; blank lines at the start and at the end
       are removed (the result has no leading or trailing newline).
    6. The result is put in Unicode NFC (Unicode Standard Annex #15).

    Quotes, apostrophes, dashes and letters are never changed (no ``uncurl``, no
    NFKC), so ``“...”`` and PTB-style double-backquote quotes are kept as written. The function
    is idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``.
    It raises nothing for any ``str``; an all-whitespace input gives ``""``.
    """
    ascii_only = text.isascii()
    if not ascii_only:
        text = _fix_mojibake(text)
        if "\u2029" in text:
            text = text.replace("\u2029", "\n\n")
        for brk in ("\x85", "\u2028"):
            if brk in text:
                text = text.replace(brk, "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for brk in ("\x0b", "\x0c"):
        if brk in text:
            text = text.replace(brk, "\n")
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    if not ascii_only:
        if _INVISIBLE_RE.search(text):
            text = _INVISIBLE_RE.sub("", text)
        text = _UNICODE_SPACE_RE.sub(" ", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    while "  " in text:  # halves every run of spaces: log2(longest run) passes in C
        text = text.replace("  ", " ")
    text = text.replace(" \n", "\n").rstrip(" ")  # runs are single spaces now
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    text = text.strip("\n")
    if not ascii_only and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
