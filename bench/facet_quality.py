"""Entity facet quality: the top values of ``entities.person``, ``entities.org`` and ``entities.gpe`` over a
corpus, judged by hand.

Usage:

    .venv/bin/python bench/facet_quality.py CORPUS [CORPUS ...] [--top 40] [--save FILE]

Each CORPUS (default: ../shared/corpora/silver-seeds and tbaq-seeds) is built exactly as
``newsetl run`` builds it (:class:`etl.pipeline.ArticleBuilder`: decode, parse, NER and the
entity rules), without Elasticsearch; a value's count is the number of articles whose
``entities.<type>`` holds it, which is what a ``terms`` aggregation over the index counts.

The judgements live in ``bench/judgements/facets.json``: ``{corpus: {type: {value: verdict}}}``,
where the verdict is ``"ok"`` (right type and the complete canonical name) or a short
reason it is wrong (``"place, not a person"``, ``"cut-off name of Kuala Lumpur"``), or
``"same as X"`` for another full name of the entity X (wrong when X is in the same top list:
the entity is split in two values), or ``"part of the name X"`` (always wrong: ``Hu`` for Hu
Jintao). They were made by hand once, by reading articles that hold each
value, for every value that reached a top 40 before or after the entity rules of issue 13.
``bench/judgements/facets-before.json`` holds the top lists of the code before those rules
(commit 984fc18), made by this script with ``--save``.

The same file's ``"name merges"`` holds the verdict on every person name merged across articles
(``"James Kopp => James Charles Kopp": "ok"``, or why it names another person), judged by reading
the articles that hold the name.

Prints, per corpus: the person names merged across articles that changed a value, with their
verdicts; per corpus and type: precision of the top N (values judged ``ok`` / N) before, now with
the article rules alone, and now with the merges across articles (what the index holds), the values not judged yet (judge them and run again), the wrong values, and pairs that
still name one entity (verdicts ``same as X`` where X is also in the top N). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
JUDGEMENTS = REPO / "bench" / "judgements" / "facets.json"
BEFORE = REPO / "bench" / "judgements" / "facets-before.json"
TYPES = ("person", "org", "gpe")


def build(corpus: Path, merges: dict | None = None) -> list[tuple]:
    """``[(entities, person_titles, person_aliases, year), ...]``: what ``newsetl run`` makes of each
    article of ``corpus`` (:class:`etl.pipeline.ArticleBuilder`) for the facets.

    With ``merges`` (a dict), fills it with ``{person value: {spelling as written: mentions}}`` for
    the person values whose mentions were written with a variant that :data:`NAME_SPELLINGS` rewrote."""
    sys.path.insert(0, str(REPO))
    from etl.config import get_settings
    from etl.entity_rules import NAME_SPELLINGS
    from etl.pipeline import ArticleBuilder
    from etl.sources import scan

    settings = get_settings()
    files = scan(corpus, settings.source_glob, None).files
    builder = ArticleBuilder(settings.spacy_model, nlp_batch_size=settings.nlp_batch_size)
    out = []
    for i in range(0, len(files), 200):
        for article in builder.run(files[i : i + 200], corpus, run_id="facet-quality").articles:
            out.append((article.entities, article.person_titles, article.person_aliases, article.published.year))
            if merges is not None:
                for m in article.entity_mentions:
                    if m.label == "person" and any(w in NAME_SPELLINGS for w in m.text.split()):
                        merges.setdefault(m.canonical, Counter())
                for m in article.entity_mentions:
                    if m.label == "person" and m.canonical in merges and " " in m.text:
                        merges[m.canonical][m.text] += 1
    return out


def _top(counts: Counter, top: int) -> list[tuple[str, int]]:
    """As a ``terms`` aggregation orders its buckets: most articles first, then the value."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def top_values(articles: list[tuple], top: int, collection: dict | None = None) -> tuple[dict, dict]:
    """``({type: [(value, articles), ...]}`` with the article rules alone, the same with the
    collection's person-name merges applied as ``newsetl run`` applies them at its end
    (:func:`etl.collection_names.year_tables`)): the ``top`` values of each of
    :data:`TYPES` over ``articles`` (:func:`build`), one collection.

    With ``collection`` (a dict), fills it with ``{"alias => canonical": articles whose value it changed}``."""
    from etl.collection_names import apply_aliases, merged_names, parse_alias, year_tables

    counts = {t: Counter() for t in TYPES}
    evidence: dict[tuple[str, str], set[int]] = {}
    names: dict[str, set[int]] = {}
    titles: dict[str, set[int]] = {}
    for entities, person_titles, person_aliases, year in articles:
        for t in TYPES:
            counts[t].update(entities.get(t, []))
        for pair in filter(None, map(parse_alias, person_aliases)):
            evidence.setdefault(pair, set()).add(year)
        for name in entities.get("person", []):
            names.setdefault(name, set()).add(year)
        for title in person_titles:
            titles.setdefault(title, set()).add(year)
    tables = year_tables(evidence, names, titles, {a[3] for a in articles})
    merged = Counter()
    changed = Counter()
    for entities, person_titles, _, year in articles:
        own = entities.get("person", [])
        merged.update(apply_aliases(own, tables[year], person_titles))
        changed.update((n, m) for n, m in zip(own, merged_names(own, tables[year], person_titles)) if n != m)
    if collection is not None:
        collection.update({f"{a} => {c}": n for (a, c), n in changed.items()})
    alone = {t: _top(counts[t], top) for t in TYPES}
    return alone, {**alone, "person": _top(merged, top)}


def _same_as(verdict: str) -> str | None:
    return verdict[len("same as "):] if verdict.startswith("same as ") else None


def _other_name(verdict: str) -> str | None:
    """The entity a verdict says the value also names: ``same as X`` or ``part of the name X``."""
    for prefix in ("same as ", "part of the name "):
        if verdict.startswith(prefix):
            return verdict[len(prefix):]
    return None


def report(name: str, label: str, values: dict[str, list], judged: dict[str, dict[str, str]], top: int) -> None:
    print(f"\n== {name}: {label}")
    for t in TYPES:
        rows = values.get(t, [])[:top]
        verdicts = judged.get(t, {})
        present = {v for v, _ in rows}
        unjudged = [v for v, _ in rows if v not in verdicts]

        def right(v: str) -> bool:  # a duplicate is wrong only beside the value it duplicates
            verdict = verdicts.get(v)
            return verdict == "ok" or (verdict is not None and _same_as(verdict) is not None and _same_as(verdict) not in present)

        ok = sum(1 for v, _ in rows if right(v))
        wrong = [(v, n, verdicts[v]) for v, n in rows if v in verdicts and not right(v)]
        pairs = [(v, _other_name(r)) for v, _, r in wrong if _other_name(r) in present]
        print(f"{t}: precision of the top {len(rows)}: {ok}/{len(rows)} = {ok / max(1, len(rows)):.3f}"
              + (f"  ({len(unjudged)} not judged: {unjudged})" if unjudged else ""))
        for v, n, r in wrong:
            print(f"    wrong: {v!r} ({n} articles): {r}")
        for a, b in pairs:
            print(f"    still one entity: {a!r} and {b!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[CORPORA / "silver-seeds", CORPORA / "tbaq-seeds"])
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--save", type=Path, help="write the top lists as JSON (how facets-before.json was made)")
    parser.add_argument("--merges", action="store_true", help="list the person values that transliteration variants merged")
    args = parser.parse_args()
    judged = json.loads(JUDGEMENTS.read_text()) if JUDGEMENTS.exists() else {}
    before = json.loads(BEFORE.read_text()) if BEFORE.exists() else {}
    saved = {}
    built: dict[str, list[tuple]] = {}
    merge_verdicts = judged.get("name merges", {})

    def merges_report(collection: dict) -> None:
        false = 0
        for merge, n in sorted(collection.items()):
            verdict = merge_verdicts.get(merge, "not judged")
            false += verdict != "ok"
            print(f"  merged across articles: {merge} ({n} articles): {verdict}")
        print(f"  person names merged across articles: {len(collection)} merges changed a value; {false} not judged right")

    for corpus in args.corpora:
        if not corpus.is_dir():
            print(f"skipped: corpus {corpus} is absent")
            continue
        merges: dict | None = {} if args.merges else None
        built[corpus.name] = build(corpus, merges)
        for value, written in sorted((merges or {}).items()):
            print(f"  merged spellings of {value!r}: " + ", ".join(f"{w} ({n})" for w, n in written.most_common()))
        collection: dict = {}
        alone, now = top_values(built[corpus.name], args.top, collection)
        merges_report(collection)
        saved[corpus.name] = now
        verdicts = judged.get(corpus.name, {})
        if corpus.name in before:
            report(corpus.name, "before (commit 984fc18)", before[corpus.name], verdicts, args.top)
        report(corpus.name, "now, article rules only", alone, verdicts, args.top)
        report(corpus.name, "now, with the merges across articles (as indexed)", now, verdicts, args.top)
        for t in TYPES:
            print(f"  {t} top {args.top} now: " + ", ".join(f"{v} ({n})" for v, n in now[t]))
    if len(built) > 1:  # the corpora in one index, as `newsetl run A` then `newsetl run B` leave them
        name = " + ".join(built)
        collection = {}
        alone, now = top_values([a for arts in built.values() for a in arts], args.top, collection)
        print(f"\n== {name}, in one index")
        merges_report(collection)
        verdicts = {t: {k: v for c in built for k, v in judged.get(c, {}).get(t, {}).items()} for t in TYPES}
        report(name, "together, article rules only", alone, verdicts, args.top)
        report(name, "together, with the merges across articles (as indexed)", now, verdicts, args.top)
        for t in TYPES:
            print(f"  {t} top {args.top} together: " + ", ".join(f"{v} ({n})" for v, n in now[t]))
    if args.save:
        args.save.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
