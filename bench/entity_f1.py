"""Named-entity mention quality against the hand-annotated gold set: bare spaCy against spaCy + the entity rules.

Usage:

    .venv/bin/python bench/entity_f1.py [--split dev|test|all] [--model NAME] [--errors N]

Gold: ``bench/judgements/entities-gold-{dev,test}.jsonl``, 80 articles of
../shared/corpora/silver-seeds and tbaq-seeds picked by a hash (``bench/entity_gold_docs.py``),
annotated by hand from the text alone (guidelines: ``bench/judgements/entity-guidelines.md``)
with persons, organisations, GPEs and other locations; the rules were tuned on ``dev`` only.

Scoring (CoNLL-2003 ``conlleval`` style, exact match): a predicted mention counts when its
``(start, end, type)`` equals a gold mention's. Predicted spans are the pipeline's
``entity_mentions`` of types person/org/gpe/loc (``bare``: spaCy's own PERSON/ORG/GPE/LOC spans,
as ``newsetl`` stored them before the rules). Prints micro precision, recall and F1 over the four
types, per-type recall, and the same with GPE and LOC merged into one ``place`` type.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
JUDGEMENTS = REPO / "bench" / "judgements"
sys.path.insert(0, str(REPO))

TYPES = ("person", "org", "gpe", "loc")


def load_gold(split: str) -> list[dict]:
    """Gold documents of ``split`` (``dev``, ``test`` or ``all``): ``[{"file", "mentions": [...]}]``."""
    parts = ("dev", "test") if split == "all" else (split,)
    docs = []
    for part in parts:
        for line in (JUDGEMENTS / f"entities-gold-{part}.jsonl").read_text().splitlines():
            if line.strip():
                docs.append(json.loads(line))
    return docs


def score(gold: list[set], pred: list[set], merge_places: bool = False) -> dict:
    """Micro P/R/F1 over documents, and recall per type; mentions are ``(start, end, type)`` sets."""
    def norm(s: set) -> set:
        return {(a, b, "place" if merge_places and t in ("gpe", "loc") else t) for a, b, t in s}

    tp = fp = fn = 0
    by_type_gold, by_type_tp = Counter(), Counter()
    for g, p in zip(gold, pred):
        g, p = norm(g), norm(p)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        for m in g:
            by_type_gold[m[2]] += 1
            by_type_tp[m[2]] += m in p
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": prec, "r": rec, "f1": f1, "recall": {t: by_type_tp[t] / by_type_gold[t] for t in by_type_gold}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=("dev", "test", "all"))
    parser.add_argument("--model", default=None, help="spaCy model package (default: NEWSETL_SPACY_MODEL)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong predictions and misses per document")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: {CORPORA} is absent")
        return 0

    from etl.config import get_settings
    from etl.entities import EntityExtractor
    from etl.parse import parse_article
    from etl.sources import decode

    model = args.model or get_settings().spacy_model
    docs = load_gold(args.split)
    bodies, agencies = [], []
    for d in docs:
        text, _ = decode((CORPORA / d["file"]).read_bytes())
        parsed = parse_article(text)
        bodies.append(parsed.body)
        agencies.append(parsed.agency)
        for m in d["mentions"]:
            assert parsed.body[m["start"] : m["end"]] == m["text"], (d["file"], m)
    gold = [{(m["start"], m["end"], m["type"]) for m in d["mentions"]} for d in docs]
    print(f"gold: {len(docs)} articles ({args.split}), {sum(len(g) for g in gold)} mentions; model {model}")
    for name, rules in (("bare spaCy", False), ("spaCy + rules", True)):
        extractor = EntityExtractor(model, rules=rules)
        extractor.run(bodies[:2], agencies[:2])  # warm-up: model and gazetteer loaded outside the timing
        t = time.perf_counter()
        results = extractor.run(bodies, agencies)
        seconds = time.perf_counter() - t
        pred = [{(m.start, m.end, m.label) for m in r.mentions if m.label in TYPES} for r in results]
        strict, merged = score(gold, pred), score(gold, pred, merge_places=True)
        print(f"{name}: P {strict['p']:.3f} R {strict['r']:.3f} F1 {strict['f1']:.3f}"
              f" | places merged: P {merged['p']:.3f} R {merged['r']:.3f} F1 {merged['f1']:.3f} | {seconds:.1f} s")
        print("   recall per type: " + ", ".join(f"{t} {strict['recall'].get(t, 0):.3f}" for t in TYPES)
              + f", place {merged['recall'].get('place', 0):.3f}")
        if args.errors and rules:
            for d, body, g, p in zip(docs, bodies, gold, pred):
                wrong = sorted(p - g)[: args.errors]
                missed = sorted(g - p)[: args.errors]
                if wrong or missed:
                    print(f"  {d['file']}")
                    print("    wrong: " + "; ".join(f"{body[a:b]!r} {t}" for a, b, t in wrong))
                    print("    missed: " + "; ".join(f"{body[a:b]!r} {t}" for a, b, t in missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
