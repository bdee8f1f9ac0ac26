"""Pick and print the documents of the hand-annotated entity gold set (bench/judgements/entities-gold.jsonl).

Usage:

    .venv/bin/python bench/entity_gold_docs.py [--out DIR]

The set is fixed by a hash, not by hand: from ../shared/corpora/silver-seeds and
tbaq-seeds, files are ordered by sha1 of their name; the first 30 silver and 10 tbaq
files (tbaq: bodies of at most 3,000 characters) form the ``dev`` part, on which the
entity rules may be tuned, and the next 30 + 10 the ``test`` part, which is only
scored. With ``--out`` each body (exactly what NER sees: ``parse_article`` after
decoding) is written to ``DIR/<split>/<n>.txt`` for annotation.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))

PER_PART = {"silver-seeds": 30, "tbaq-seeds": 10}
MAX_TBAQ_CHARS = 3000


def body_of(path: Path) -> str:
    """The article body NER sees for a seed-format file (decode + parse)."""
    from etl.parse import parse_article
    from etl.sources import decode

    text, _ = decode(path.read_bytes())
    return parse_article(text).body


def gold_documents() -> list[tuple[str, str]]:
    """``[(split, "corpus/file.txt"), ...]``: 40 ``dev`` then 40 ``test`` documents (see module docstring)."""
    out: list[tuple[str, str]] = []
    for corpus, n in PER_PART.items():
        files = sorted((CORPORA / corpus).glob("*.txt"), key=lambda p: hashlib.sha1(p.name.encode()).hexdigest())
        picked = []
        for f in files:
            if corpus == "tbaq-seeds" and len(body_of(f)) > MAX_TBAQ_CHARS:
                continue
            picked.append(f"{corpus}/{f.name}")
            if len(picked) == 2 * n:
                break
        out += [("dev", p) for p in picked[:n]] + [("test", p) for p in picked[n:]]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: {CORPORA} is absent")
        return 0
    counters: dict[str, int] = {}
    for split, rel in gold_documents():
        counters[split] = counters.get(split, 0) + 1
        print(split, counters[split], rel)
        if args.out:
            d = args.out / split
            d.mkdir(parents=True, exist_ok=True)
            (d / f"{counters[split]:02d}.txt").write_text(f"# {rel}\n" + body_of(CORPORA / rel))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
