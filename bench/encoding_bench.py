"""Benchmark: decoding legacy-encoded articles, charset-normalizer alone (before) against
``etl.sources.decode`` (after: the detector's choice weighed against the legacy code pages).

Usage:

    .venv/bin/python bench/encoding_bench.py [CORPUS] [--every N]

Three judged sets, each reported as "exactly right / total" before and after, with seconds:

1. ``tests/data/legacy_encodings.tsv``: one-line articles in cp1252, Latin-1, cp1250 (Polish,
   Czech, Slovak, Hungarian), cp1251 (Russian, Ukrainian, Bulgarian) and KOI8-R, written and
   checked by hand;
2. ``tests/data/non_western.tsv``: longer articles in Cyrillic, Greek, Chinese, Japanese,
   Hebrew, Arabic, Czech and German code pages;
3. CORPUS (default ../shared/corpora/silver-seeds): every N-th file (default 1: all), typeset
   as archives hold it (:func:`typeset`: curly quotes and apostrophes, en dashes; the corpus
   itself is pure ASCII, which is valid UTF-8 and never reaches these rules) and saved as
   cp1252: long English wire copy, whose text must come back unchanged.

"Before" is what ``decode`` did until issue 14: charset-normalizer's best match, a tie of
chaos and coherence going to cp1252. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def detector_only(data: bytes) -> tuple[str, str]:
    """The decoding rule before issue 14, for non-UTF-8 bytes (etl/sources.py at main)."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return "", "none"
    for match in matches:
        if (match.chaos, match.coherence) == (best.chaos, best.coherence) and "cp1252" in match.could_be_from_charset:
            return str(match), "cp1252"
    return str(best), best.encoding


def typeset(text: str) -> str:
    """ASCII wire copy as typeset text: ``it's`` -> ``it’s``, ``"x"`` -> ``“x”``, `` -- `` -> `` – ``."""
    import re

    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'"([^"\n]*)"', "“\\1”", text)
    return text.replace(" -- ", " – ")


def judged(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            encoding, text = line.split("\t", 1)
            rows.append((encoding, text.replace("\\n", "\n")))
    return rows


def score(name: str, rows: list[tuple[str, str]]) -> None:
    from etl.sources import decode

    for label, fn in (("before (charset-normalizer)", detector_only), ("after (decode)", decode)):
        right, wrong, started = 0, [], time.perf_counter()
        for encoding, text in rows:
            got, chosen = fn(text.encode(encoding))
            if got == text:
                right += 1
            else:
                wrong.append(f"{encoding}->{chosen}")
        seconds = time.perf_counter() - started
        counts = ", ".join(f"{k} x{n}" for k, n in Counter(wrong).most_common())
        print(f"{name:34} {label:28} {right:4}/{len(rows):<4} right  {seconds:6.2f} s  wrong: {counts or '-'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "silver-seeds"))
    parser.add_argument("--every", type=int, default=1, help="take every N-th corpus file (default 1: all)")
    args = parser.parse_args()

    data = REPO / "tests" / "data"
    score("one-line legacy articles", judged(data / "legacy_encodings.tsv"))
    score("longer non-Western articles", judged(data / "non_western.tsv"))

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0
    rows, plain, unencodable = [], 0, 0
    for path in sorted(corpus.glob("*.txt"))[:: args.every]:
        text = typeset(path.read_text(encoding="utf-8"))
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            unencodable += 1
            continue
        if text.isascii():
            plain += 1  # ASCII is valid UTF-8: decode never reaches the legacy rules
            continue
        rows.append(("cp1252", text))
    print(f"{corpus.name}: {len(rows)} typeset files saved as cp1252 "
          f"({plain} still pure ASCII and {unencodable} with characters outside cp1252 left out)")
    score(f"{corpus.name} typeset, cp1252", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
