"""Language identification with py3langid (a langid.py fork whose model ships inside the package: no download)."""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 2000
"""Characters of the body the detector reads; enough for a stable decision on news text."""


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``"en"``, ``"fr"``...), or None for text without letters.

    Reads the first :data:`SAMPLE_CHARS` characters. Source: Lui & Baldwin,
    langid.py (ACL 2012), 97 languages, via py3langid.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    code, _ = py3langid.classify(sample)
    return code
