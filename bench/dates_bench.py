"""Benchmark: the temporal tagger's cost next to spaCy NER on the same article bodies.

Usage:

    .venv/bin/python bench/dates_bench.py [CORPUS] [--repeat N]

CORPUS defaults to ../shared/corpora/silver-seeds (seed-format wire stories). Bodies are
parsed with etl.parse exactly as the pipeline does; NER is `nlp.pipe` with the pipeline's
model (NER-only, settings.spacy_model) and batch size (settings.nlp_batch_size); the tagger
then runs on the same bodies with the DATE/TIME spans of that NER output as candidates.
The target (issue 4) is tagger time <= 15% of NER time. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "silver-seeds"))
    parser.add_argument("--repeat", type=int, default=3, help="tagger passes; the fastest counts (default 3)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0

    from etl.config import get_settings
    from etl.dates import TemporalTagger
    from etl.entities import DATE_LABELS, load_model
    from etl.errors import ArticleError
    from etl.parse import parse_article
    from etl.sources import decode, discover

    settings = get_settings()
    articles = []
    for f in discover(corpus, settings.source_glob):
        try:
            articles.append(parse_article(decode(f.path.read_bytes())[0]))
        except ArticleError:
            continue
    bodies = [a.body for a in articles]
    words = sum(len(b.split()) for b in bodies)
    nlp = load_model(settings.spacy_model)

    t = time.perf_counter()
    candidates = [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ in DATE_LABELS]
        for doc in nlp.pipe(bodies, batch_size=settings.nlp_batch_size)
    ]
    ner_s = time.perf_counter() - t

    tagger = TemporalTagger()
    best = float("inf")
    mentions = 0
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        mentions = sum(
            len(tagger.run(body, a.published, cands)) for body, a, cands in zip(bodies, articles, candidates)
        )
        best = min(best, time.perf_counter() - t)

    print(f"corpus: {corpus} ({len(bodies)} articles, {words} words)")
    print(f"spaCy NER ({settings.spacy_model}, nlp.pipe batch {settings.nlp_batch_size}, {nlp.pipe_names}): "
          f"{ner_s:.2f} s, {words / ner_s:,.0f} words/s")  # fmt: skip
    print(f"temporal tagger (fastest of {args.repeat}): {best:.2f} s, {words / best:,.0f} words/s, "
          f"{mentions} mentions, {sum(map(len, candidates))} spaCy DATE/TIME candidates")  # fmt: skip
    print(f"ratio tagger / NER time: {best / ner_s:.3f} (target <= 0.15)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
