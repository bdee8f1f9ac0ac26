"""Golden output of the temporal tagger on fixed inputs: the seed, silver-seeds and timeml-tbaq.

``tests/golden/dates.jsonl`` holds one line per document: its key (``seeds/...``,
``silver-seeds/...``, ``timeml-tbaq/...``), its DCT, the spaCy DATE/TIME candidate spans the
tagger was given (stored, so the golden output does not move when NER changes) and a digest
of what :class:`etl.dates.TemporalTagger` returned (every mention's start, end, type, value,
granularity and range). ``tests/unit/test_dates_golden.py`` re-runs the tagger on the same
inputs and compares digests, so a change to the rules that moves any value anywhere in 2,709
documents is seen, and one that should not (a refactor) is proven not to.

Texts: a seed-format file is read as UTF-8 and taken after its `` date YYYY-MM-DD `` header
(the tagger's input needs no parsing to be fixed); a ``.tml`` file is read with
:func:`etl.dates.timeml.read_timeml` (the plain text of ``<TEXT>``), as ``evaluate-dates`` does.

After a deliberate change of the tagger's output, bump ``BUILD_REVISION`` in
``etl/pipeline.py`` (so documents built before are rebuilt), regenerate the digests (candidates
are kept) and commit them with the change; ``--update`` refuses to record changed digests under
the build revision they were recorded with (the file's first line)::

    .venv/bin/python -m tests.golden.dates --update           # digests only
    .venv/bin/python -m tests.golden.dates --update --ner     # candidates from spaCy again too
    .venv/bin/python -m tests.golden.dates --dump out.jsonl   # every mention, to diff two versions
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO.parent / "shared" / "corpora"
SEED = REPO / "seeds" / "000_4a3f43196b185345.txt"
GOLDEN = Path(__file__).with_name("dates.jsonl")
HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")


def _seed_format(path: Path) -> tuple[str, dt.date]:
    raw = path.read_bytes().decode("utf-8")
    m = HEADER.match(raw)
    if not m:
        raise ValueError(f"{path} has no ' date YYYY-MM-DD' header")
    return raw[m.end() :], dt.date.fromisoformat(m.group(1))


def inputs() -> Iterator[tuple[str, str, dt.date]]:
    """Every golden document as ``(key, text, dct)``: the seed, silver-seeds, timeml-tbaq (sorted).

    Raises FileNotFoundError when ``../shared/corpora`` lacks one of the two corpora."""
    from etl.dates.timeml import read_timeml

    yield "seeds/" + SEED.name, *_seed_format(SEED)
    silver = CORPORA / "silver-seeds"
    tbaq = CORPORA / "timeml-tbaq"
    for folder in (silver, tbaq):
        if not folder.is_dir():
            raise FileNotFoundError(f"corpus {folder} is absent")
    for path in sorted(silver.glob("*.txt")):
        yield "silver-seeds/" + path.name, *_seed_format(path)
    for path in sorted(tbaq.rglob("*.tml")):
        doc = read_timeml(path)
        yield "timeml-tbaq/" + path.relative_to(tbaq).as_posix(), doc.text, doc.dct


def mention_rows(mentions: Sequence) -> list[list]:
    """The fields the digest covers, one list per mention."""
    return [
        [m.start, m.end, m.type, m.value, m.granularity, [m.range.gte, m.range.lt] if m.range else None]
        for m in mentions
    ]


def digest(mentions: Sequence) -> str:
    """sha1 (first 16 hex digits) of the mentions' start, end, type, value, granularity and range."""
    blob = json.dumps(mention_rows(mentions), separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]


def load() -> dict[str, dict]:
    """The golden lines by key (the header line, ``{"build_revision": N}``, left out)."""
    with GOLDEN.open(encoding="utf-8") as fh:
        return {row["doc"]: row for row in map(json.loads, fh) if "doc" in row}


def recorded_revision() -> int | None:
    """The ``BUILD_REVISION`` the golden digests were recorded under (None before it was kept)."""
    with GOLDEN.open(encoding="utf-8") as fh:
        head = json.loads(fh.readline())
    return head.get("build_revision")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the digests in tests/golden/dates.jsonl")
    parser.add_argument("--ner", action="store_true", help="with --update: compute the candidates with spaCy again")
    parser.add_argument("--dump", type=Path, help="write every mention of every document to this JSONL file")
    args = parser.parse_args(argv)

    from etl.dates import TemporalTagger

    docs = list(inputs())
    old = load() if GOLDEN.exists() else {}
    if args.ner or not old:
        from etl.config import get_settings
        from etl.entities import EntityExtractor

        settings = get_settings()
        extractor = EntityExtractor(settings.spacy_model, batch_size=settings.nlp_batch_size)
        cands = {key: r.date_candidates for (key, _, _), r in zip(docs, extractor.run([t for _, t, _ in docs]))}
    else:
        cands = {key: [tuple(c) for c in old[key]["candidates"]] for key, _, _ in docs}
    tagger = TemporalTagger()
    rows, dumped, changed = [], [], 0
    for key, text, dct in docs:
        mentions = tagger.run(text, dct, cands[key])
        row = {"doc": key, "dct": dct.isoformat(), "candidates": [list(c) for c in cands[key]],
               "mentions": len(mentions), "digest": digest(mentions)}  # fmt: skip
        changed += old.get(key, {}).get("digest") != row["digest"]
        rows.append(row)
        if args.dump:
            dumped.append({"doc": key, "mentions": [[*r, m.text] for r, m in zip(mention_rows(mentions), mentions)]})
    print(f"{len(rows)} documents, {sum(r['mentions'] for r in rows)} mentions, {changed} digests differ from {GOLDEN.name}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in dumped)
    if args.update:
        from etl.pipeline import BUILD_REVISION

        if changed and old and recorded_revision() == BUILD_REVISION:
            print(f"refused: {changed} digests changed but BUILD_REVISION is still {BUILD_REVISION}; bump it in etl/pipeline.py")
            return 1
        with GOLDEN.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps({"build_revision": BUILD_REVISION}) + "\n")
            fh.writelines(json.dumps(r, separators=(",", ":")) + "\n" for r in rows)
        print(f"wrote {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
