"""Benchmark: full ingest vs bare spaCy NER on the same texts, and a no-change re-run.

Usage (a node must be running; `make run` leaves one on 9200):

    .venv/bin/python bench/ingest_bench.py [CORPUS] [--es-url URL]

CORPUS defaults to ../shared/corpora/silver-seeds. Writes into a throwaway alias
(`bench-<random>`) that it deletes afterwards. Prints figures and ratios; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "silver-seeds"))
    parser.add_argument("--es-url", default=os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9200"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0

    alias = f"bench-{uuid.uuid4().hex[:8]}"
    os.environ.update(
        NEWSETL_ES_URL=args.es_url,
        NEWSETL_INDEX_ALIAS=alias,
        NEWSETL_REJECTIONS_INDEX=f"{alias}-rejections",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
    )
    os.environ.setdefault("PREFECT_HOME", str(REPO / ".prefect"))

    from etl import index as es_index
    from etl.config import get_settings
    from etl.entities import load_model
    from etl.parse import parse_article
    from etl.sources import decode, discover
    from flows.ingest import ingest

    settings = get_settings()
    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)

    files = list(discover(corpus, settings.source_glob))
    bodies = [parse_article(decode(f.path.read_bytes())[0]).body for f in files]
    words = sum(len(b.split()) for b in bodies)

    nlp = load_model(settings.spacy_model)
    t = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=settings.nlp_batch_size):
        pass
    spacy_s = time.perf_counter() - t

    try:
        full = ingest(str(corpus))
        rerun = ingest(str(corpus))
    finally:
        names = list(es.indices.get(index=f"{alias}*"))
        if names:
            es.indices.delete(index=",".join(names))

    print(f"corpus: {corpus} ({len(files)} files, {words} words)")
    print(f"bare spaCy NER (nlp.pipe, 1 process, {nlp.pipe_names}): {spacy_s:.1f} s, {len(files) / spacy_s:.1f} docs/s, {words / spacy_s:.0f} words/s")
    print(f"full ingest flow: {full.seconds:.1f} s, {full.indexed} indexed, {full.rejected} rejected, {full.docs_per_second:.1f} docs/s, {words / full.seconds:.0f} words/s")
    print(f"no-change re-run: {rerun.seconds:.1f} s, {rerun.unchanged} unchanged")
    print(f"ratio full-pipeline / bare-spaCy throughput: {spacy_s / full.seconds:.2f}")
    print(f"ratio re-run / full run time: {rerun.seconds / full.seconds:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
