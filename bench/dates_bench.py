"""Benchmark: the temporal tagger's cost next to spaCy NER, and its TimeML scores, before and after.

Usage:

    .venv/bin/python bench/dates_bench.py [CORPUS] [--repeat N] [--before REV] [--tbaq DIR]

CORPUS defaults to ../shared/corpora/silver-seeds (seed-format wire stories). Bodies are
parsed with etl.parse exactly as the pipeline does; NER is `nlp.pipe` with the pipeline's
model (NER-only, settings.spacy_model) and batch size (settings.nlp_batch_size); the tagger
then runs on the same bodies with the DATE/TIME spans of that NER output as candidates.
The target (issues 4 and 16) is tagger time <= 15% of NER time.

`--before REV` also loads the tagger of a git revision (the single module `etl/dates.py` up to
`984fc18`, the package `etl/dates/` after it, e.g. `--before 7fc0f38`) and times it in the
same process, alternating passes with the current tagger, so the two figures share the
machine's load.

`--tbaq DIR` (default ../shared/corpora/timeml-tbaq; `--tbaq ''` skips it) scores the
tagger (and the `--before` one, on the same spaCy candidates) with the TempEval-3 Task A
measures of `newsetl evaluate-dates`: all documents, the tuning part and the held-out part.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPORA = REPO.parent / "shared" / "corpora"


def tagger_at(rev: str):
    """A ``TemporalTagger`` built from the tagger as it was at git revision ``rev``: the single
    module ``etl/dates.py`` (up to issue 16's first pass) or the package ``etl/dates/``, loaded
    under another name (``etl_dates_<rev>``) so it runs beside the current one."""
    shown = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:etl/dates.py"], capture_output=True, text=True)
    if shown.returncode != 0:
        return _package_tagger_at(rev)
    source = shown.stdout
    module = types.ModuleType("etl_dates_before")
    module.__file__ = f"{rev}:etl/dates.py"
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module.TemporalTagger()


def _package_tagger_at(rev: str):
    """The ``etl/dates/`` package of ``rev`` extracted to a temporary folder, its own imports
    (``etl.dates.x``) renamed to the extracted package's name; other ``etl`` modules are the
    current ones."""
    import importlib
    import re
    import tempfile

    name = "etl_dates_" + re.sub(r"\W", "_", rev)
    root = Path(tempfile.mkdtemp(prefix="dates_bench_"))
    files = subprocess.run(
        ["git", "-C", str(REPO), "ls-tree", "-r", "--name-only", rev, "etl/dates/"], capture_output=True, text=True, check=True
    ).stdout.split()
    for path in files:  # the subpackage etl/dates/rules/ too (from 9811b3f's parent on)
        if not path.endswith(".py"):
            continue
        text = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{path}"], capture_output=True, text=True, check=True).stdout
        text = re.sub(r"\betl\.dates\b", name, text)
        target = root / name / Path(path).relative_to("etl/dates")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    return importlib.import_module(name).TemporalTagger()


def time_tagger(tagger, bodies, dcts, candidates) -> tuple[float, int]:
    t = time.perf_counter()
    n = sum(len(tagger.run(b, d, c)) for b, d, c in zip(bodies, dcts, candidates))
    return time.perf_counter() - t, n


def score_tbaq(folder: Path, taggers: dict[str, object], settings) -> None:
    from etl.dates.timeml import PARTS, Scores, SystemTimex, corpus_part, read_timeml, score
    from etl.entities import EntityExtractor

    docs = [read_timeml(p) for p in sorted(folder.rglob("*.tml"))]
    extractor = EntityExtractor(settings.spacy_model, batch_size=settings.nlp_batch_size)
    candidates = [r.date_candidates for r in extractor.run([d.text for d in docs])]
    print(f"\nTempEval-3 Task A on {folder} ({len(docs)} documents; parts by etl.dates.timeml.corpus_part)")
    print(f"{'tagger':>10} {'part':>9} {'docs':>5} {'gold':>5} {'system':>6} {'strict F1':>9} {'relaxed F1':>10} "
          f"{'type F1':>7} {'value F1':>8}")  # fmt: skip
    for name, tagger in taggers.items():
        totals = {"all": Scores(), **{p: Scores() for p in PARTS}}
        counts = dict.fromkeys(totals, 0)
        for doc, cands in zip(docs, candidates):
            system = [SystemTimex(m.start, m.end, m.text, m.type, m.value) for m in tagger.run(doc.text, doc.dct, cands)]
            s, _ = score(doc.gold, system, doc.text, doc.doc_id)
            for part in ("all", corpus_part(doc.doc_id)):
                totals[part].add(s)
                counts[part] += 1
        for part, s in totals.items():
            print(f"{name:>10} {part:>9} {counts[part]:>5} {s.gold:>5} {s.system:>6} {s.strict.f1:>9.4f} "
                  f"{s.relaxed.f1:>10.4f} {s.type_f1:>7.4f} {s.value_f1:>8.4f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(CORPORA / "silver-seeds"))
    parser.add_argument("--repeat", type=int, default=3, help="tagger passes; the fastest counts (default 3)")
    parser.add_argument("--before", metavar="REV", help="also the tagger of this git revision (etl/dates.py or etl/dates/)")
    parser.add_argument("--tbaq", default=str(CORPORA / "timeml-tbaq"), help="TimeML folder to score ('' skips)")
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
    dcts = [a.published for a in articles]
    words = sum(len(b.split()) for b in bodies)
    nlp = load_model(settings.spacy_model)

    t = time.perf_counter()
    candidates = [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ in DATE_LABELS]
        for doc in nlp.pipe(bodies, batch_size=settings.nlp_batch_size)
    ]
    ner_s = time.perf_counter() - t

    taggers = {"current": TemporalTagger()}
    if args.before:
        taggers[args.before] = tagger_at(args.before)
    best = dict.fromkeys(taggers, float("inf"))
    mentions = dict.fromkeys(taggers, 0)
    for _ in range(max(1, args.repeat)):
        for name, tagger in taggers.items():  # alternate, so both see the same load
            seconds, mentions[name] = time_tagger(tagger, bodies, dcts, candidates)
            best[name] = min(best[name], seconds)

    print(f"corpus: {corpus} ({len(bodies)} articles, {words} words)")
    print(f"spaCy NER ({settings.spacy_model}, nlp.pipe batch {settings.nlp_batch_size}, {nlp.pipe_names}): "
          f"{ner_s:.2f} s, {words / ner_s:,.0f} words/s")  # fmt: skip
    for name in taggers:
        print(f"temporal tagger {name} (fastest of {args.repeat}): {best[name]:.2f} s, {words / best[name]:,.0f} words/s, "
              f"{mentions[name]} mentions, {sum(map(len, candidates))} spaCy DATE/TIME candidates; "
              f"ratio tagger / NER time: {best[name] / ner_s:.3f} (target <= 0.15)")  # fmt: skip
    if args.tbaq and Path(args.tbaq).is_dir():
        score_tbaq(Path(args.tbaq), taggers, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
