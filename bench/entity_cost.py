"""What the entity rules cost: spaCy NER with the gazetteer component and the article rules,
against bare spaCy NER, on the same article bodies.

Usage:

    .venv/bin/python bench/entity_cost.py [CORPUS] [--repeat N] [--limit N]

CORPUS defaults to ../shared/corpora/silver-seeds. Bodies are parsed as the pipeline parses
them; both runs use :class:`etl.entities.EntityExtractor` with the pipeline's model and batch
size, one process: ``rules=False`` is bare spaCy (NER and canonical names, what ``newsetl``
did before issue 13), ``rules=True`` adds the ``newsetl_places`` component and
:func:`etl.entity_rules.resolve_mentions`. The two alternate ``--repeat`` times (default 3)
and the fastest of each counts, because this shared machine's speed drifts. Then the rules
are timed alone on one bare NER pass's output, which a busy machine disturbs less than the
difference of two long runs. The gazetteer's
one-time load per process is measured apart. Target (issue 13): the rules add at most 10% to
NER time. Prints figures; asserts nothing.
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
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0

    from etl.config import get_settings
    from etl.entities import EntityExtractor
    from etl.errors import ArticleError
    from etl.parse import parse_article
    from etl.sources import decode

    settings = get_settings()
    bodies, agencies = [], []
    for path in sorted(corpus.glob("*.txt"))[: args.limit or None]:
        try:
            parsed = parse_article(decode(path.read_bytes())[0])
        except ArticleError:
            continue
        bodies.append(parsed.body)
        agencies.append(parsed.agency)
    chars = sum(map(len, bodies))

    t = time.perf_counter()
    from etl.gazetteer import gazetteer

    gazetteer()
    print(f"gazetteer load (cache file when present): {time.perf_counter() - t:.2f} s")
    extractors = {
        "bare": EntityExtractor(settings.spacy_model, batch_size=settings.nlp_batch_size, rules=False),
        "rules": EntityExtractor(settings.spacy_model, batch_size=settings.nlp_batch_size, rules=True),
    }
    best = {name: float("inf") for name in extractors}
    for n in range(args.repeat):
        for name, extractor in extractors.items():
            t = time.perf_counter()
            extractor.run(bodies, agencies)
            seconds = time.perf_counter() - t
            best[name] = min(best[name], seconds)
            print(f"  try {n + 1}: {name} {seconds:.1f} s")
    # the rules alone, on the same bare NER output: the newsetl_places component over each Doc,
    # then resolve_mentions over its spans (a direct figure, not a difference of two long runs)
    from etl.entities import load_model
    from etl.entity_rules import RawMention, resolve_mentions

    nlp_bare = load_model(settings.spacy_model, False)
    component = load_model(settings.spacy_model, True).get_pipe("newsetl_places")
    t = time.perf_counter()
    docs = list(nlp_bare.pipe(bodies, batch_size=settings.nlp_batch_size))
    ner_seconds = time.perf_counter() - t
    t = time.perf_counter()
    for doc in docs:
        component(doc)
    component_seconds = time.perf_counter() - t
    raw = [[RawMention(e.label_.lower(), e.start_char, e.end_char) for e in doc.ents] for doc in docs]
    t = time.perf_counter()
    for body, spans, agency in zip(bodies, raw, agencies):
        resolve_mentions(body, spans, agency)
    resolve_seconds = time.perf_counter() - t
    print(f"corpus: {corpus.name}, {len(bodies)} bodies, {chars:,} characters; model {settings.spacy_model}")
    print(
        f"the rules alone, after one bare NER pass of {ner_seconds:.1f} s: component {component_seconds:.2f} s"
        f" + article rules {resolve_seconds:.2f} s = {(component_seconds + resolve_seconds) / ner_seconds:.1%} of NER"
    )
    print(f"bare spaCy NER: {best['bare']:.1f} s; NER + rules: {best['rules']:.1f} s (fastest of {args.repeat})")
    print(f"rules / NER: +{(best['rules'] - best['bare']) / best['bare']:.1%} (target <= +10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
