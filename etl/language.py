"""Language identification with py3langid (a langid.py fork whose model ships inside the package: no download)."""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 2000
"""Characters of the body the detector reads; enough for a stable decision on news text."""

MIN_COMMON_LETTERS = 20
"""Letters the sample must keep without its capitalized words for those to be left out (see :func:`detect_language`)."""

_OPENING = "([{\"'“‘«„¿¡-–—"


def _common_words(sample: str) -> str:
    """``sample`` without its capitalized words (names, mostly), or ``sample`` itself when
    fewer than :data:`MIN_COMMON_LETTERS` letters would remain."""
    rest = " ".join(w for w in sample.split() if not w.lstrip(_OPENING)[:1].isupper())
    return rest if sum(c.isalpha() for c in rest) >= MIN_COMMON_LETTERS else sample


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``"en"``, ``"fr"``...), or None for text without letters.

    Reads the first :data:`SAMPLE_CHARS` characters, leaving out words that start with a
    capital letter when enough text remains: names say little about a text's language
    and much about other ones ("Valencia 1 (Vicente 74) Athletic Bilbao 1", "8 Christian
    Rigano (Messina)" were taken for Aragonese and Italian, "Kenyan President Uhuru
    Kenyatta met Barack Obama" for Nigerian Pidgin). Scripts without case keep every word.
    The answer is the most likely language that has an ISO 639-1 code: py3langid 0.4's
    model has 142 classes, some of them ISO 639-3 codes of creoles and dialects (``pcm``,
    ``ary``...) that a short text is easily taken for, and the index's ``language`` field
    holds two-letter codes. Source: Lui & Baldwin, langid.py (ACL 2012), via py3langid.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    # py3langid's own identifier, loaded once per process on first use
    return next(code for code, _ in py3langid.rank(_common_words(sample)) if len(code) == 2)
