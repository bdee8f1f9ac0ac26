"""One very large article (default 20 MB) through the pipeline: time, pieces, peak memory, and the load.

Usage: .venv/bin/python bench/large_article.py [--mb 20] [--es http://127.0.0.1:9200]

The article is silver-seeds bodies joined under one ` date` header until it reaches the size;
spaCy's max_length is 1,000,000 characters, so NER runs over pieces of at most
etl.entities.MAX_PIECE_CHARS characters. Prints the build time, the mentions found in the
whole body and the names found in its last sentence (proof nothing was cut), the document's
``enrichment`` status (it stores the offsets of the first etl.pipeline.MAX_STORED_MENTIONS
mentions of each kind), peak resident memory over the process (ru_maxrss) against the
resident memory after the model loaded, and, with --es, the bulk load of the document into a
throwaway index (the node's heap decides whether it fits: see README, NEWSETL_ES_HEAP).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "silver-seeds"


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--es", default=None, help="also bulk-load into a throwaway index on this cluster")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0

    from etl.config import get_settings
    from etl.pipeline import ArticleBuilder
    from etl.sources import scan

    settings = get_settings()
    builder = ArticleBuilder(settings.spacy_model, settings.nlp_batch_size)
    builder.extractor  # load the model before measuring
    base = rss_mb()

    target = int(args.mb * 1_000_000)
    parts, size = [], 0
    for f in scan(CORPUS).files:
        body = f.path.read_text(encoding="utf-8").split(" ", 3)[-1]  # drop " date YYYY-MM-DD"
        parts.append(body)
        size += len(body)
        if size >= target:
            break
    while size < target:  # fewer bytes in the corpus than asked: go round again
        parts += parts
        size *= 2
    text = " date 2006-12-09 PARIS: " + "\n\n".join(parts)[:target] + "\n\nQuentin Blakemore arrived in Oslo on Friday.\n"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "big"
        root.mkdir()
        (root / "big.txt").write_text(text, encoding="utf-8")
        files = scan(root).files
        t0 = time.perf_counter()
        result = builder.run(files, root, run_id="bench")
        seconds = time.perf_counter() - t0
    if not result.articles:
        print(f"rejected: {result.rejections}")
        return 1
    art = result.articles[0]
    print(f"article: {len(text) / 1e6:.1f} M characters, {art.word_count:,} words")
    print(f"build (read, parse, NER in pieces, dates, validate): {seconds:.1f} s, {art.word_count / seconds:,.0f} words/s")
    print(f"enrichment: {art.enrichment}")
    print(f"stored: {len(art.entity_mentions):,} entity and {len(art.date_mentions):,} date mentions, "
          f"{sum(len(v) for v in art.entities.values()):,} distinct names, {len(art.mentioned_dates):,} mentioned_dates")
    print(f"last sentence's names found: Quentin Blakemore {'Quentin Blakemore' in art.entities.get('person', [])}, "
          f"Oslo {'Oslo' in art.entities.get('gpe', [])}")
    print(f"document JSON: {len(art.model_dump_json(exclude_none=True)) / 1e6:.1f} MB")
    print(f"peak RSS: {rss_mb():,.0f} MB (after model load: {base:,.0f} MB; text size {len(text) / 2**20:.0f} MB)")
    if args.es:
        from elasticsearch import Elasticsearch

        from etl import index as es_index

        es = Elasticsearch(args.es, request_timeout=300)
        name = f"bench-large-{uuid.uuid4().hex[:8]}"
        es_index.create_index(es, settings, name)
        try:
            t0 = time.perf_counter()
            loaded = es_index.bulk_load(es, name, [art], run_id="bench")
            print(f"bulk load: {time.perf_counter() - t0:.1f} s, indexed {len(loaded.indexed)}, rejected {len(loaded.rejections)}")
            for r in loaded.rejections:
                print(f"  rejected: {r.reason[:400]}")
            heap = es.nodes.stats(metric="jvm")["nodes"]
            print(f"node heap: {[n['jvm']['mem']['heap_max_in_bytes'] // 2**20 for n in heap.values()]} MiB")
            print(f"peak RSS after the load: {rss_mb():,.0f} MB")
        finally:
            es.indices.delete(index=name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
