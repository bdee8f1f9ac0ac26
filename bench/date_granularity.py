"""Measure what each granularity of mentioned date does to date search and to the date facets.

Usage:

    .venv/bin/python bench/date_granularity.py [CORPUS ...]        # tag the corpora (spaCy NER + TIMEX3 tagger)
    .venv/bin/python bench/date_granularity.py --es URL [--index news]   # read date_mentions of an index

CORPUS defaults to ../shared/corpora/silver-seeds and ../shared/corpora/tbaq-seeds. Each
article's TIMEX3 mentions are found exactly as the pipeline finds them (parse, NER date
candidates, the temporal tagger); with --es they are read from the documents' ``date_mentions``.

What it prints (figures, no pass/fail), for these ways of indexing the ranges:

- ``all``: every range in ``mentioned_dates``, searched with ``intersects`` (before issue 19);
- ``-century``: the same without centuries; ``-century -decade``: without decades too;
- ``dates+periods``: what the pipeline does now (:func:`etl.pipeline.calendar_ranges`):
  day-to-month mentions in ``mentioned_dates`` (searched with ``intersects``), quarters,
  seasons, halves and years in ``mentioned_periods`` (searched with ``within``).

1. Per granularity: mentions, articles, and calendar months one mention covers on average.
2. Month queries: for every month that some article mentions at month granularity or finer,
   the articles a ``--mentions-from/--mentions-to`` query for that month returns; a hit is
   *false* when none of its mentions at month granularity or finer falls in the month (it
   matched through a coarser period only), and the false hits are split by the finest
   granularity that matched. Also the months that match only through coarse mentions.
3. The mentioned-month facet over all articles: months (buckets) and article-month counts.
4. Years: year queries (every year some article mentions at year granularity or finer) and the
   mentioned-year facet, with and without decades, to decide whether decades belong there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FINE = ("minute", "hour", "day", "week", "month")
ORDER = (*FINE, "quarter", "season", "year", "decade", "century", "none")

Mention = tuple[str, dt.date, dt.date]  # (granularity or "none", gte, lt): a half-open range of days


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _lt_day(value: str) -> dt.date:
    """The end of a half-open range as a day: ``2017-12-27T14:00`` ends within 2017-12-27, so the next day."""
    d = _day(value)
    return d if len(value) <= 10 else d + dt.timedelta(days=1)


def mentions_from_corpora(folders: list[Path]) -> dict[str, list[Mention]]:
    """``{article: [(granularity, gte, lt)]}`` for every English article of the folders, tagged as the pipeline does."""
    from etl.config import get_settings
    from etl.dates import TemporalTagger
    from etl.entities import EntityExtractor
    from etl.errors import ArticleError
    from etl.language import detect_language
    from etl.pipeline import ENRICHED_LANGUAGES
    from etl.parse import parse_article
    from etl.sources import decode, discover

    settings = get_settings()
    parsed = []
    for folder in folders:
        for f in discover(folder, settings.source_glob):
            try:
                article = parse_article(decode(f.path.read_bytes())[0])
            except ArticleError:
                continue
            if detect_language(article.body) in ENRICHED_LANGUAGES:
                parsed.append((f"{f.source}/{f.relative_path}", article))
    extractor = EntityExtractor(settings.spacy_model, batch_size=settings.nlp_batch_size)
    results = extractor.run([a.body for _, a in parsed])
    tagger = TemporalTagger()
    out: dict[str, list[Mention]] = {}
    for (name, article), ents in zip(parsed, results):
        out[name] = [
            (m.granularity or "none", _day(m.range.gte), _lt_day(m.range.lt))
            for m in tagger.run(article.body, article.published, ents.date_candidates)
            if m.range is not None
        ]
    return out


def mentions_from_index(url: str, index: str) -> dict[str, list[Mention]]:
    """The same, read from the ``date_mentions`` of the documents of ``index`` (``helpers.scan``)."""
    from elasticsearch import Elasticsearch, helpers

    es = Elasticsearch(url)
    out: dict[str, list[Mention]] = {}
    for hit in helpers.scan(es, index=index, _source=["source", "source_path", "date_mentions"], query={"query": {"match_all": {}}}):
        src = hit["_source"]
        out[f"{src['source']}/{src['source_path']}"] = [
            (m.get("granularity") or "none", _day(m["range"]["gte"]), _lt_day(m["range"]["lt"]))
            for m in src.get("date_mentions", [])
            if m.get("range")
        ]
    return out


def months(gte: dt.date, lt: dt.date) -> Iterable[tuple[int, int]]:
    """The calendar months ``(year, month)`` that the half-open day range ``[gte, lt)`` overlaps."""
    last = lt - dt.timedelta(days=1)
    y, m = gte.year, gte.month
    while (y, m) <= (last.year, last.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def years(gte: dt.date, lt: dt.date) -> range:
    return range(gte.year, (lt - dt.timedelta(days=1)).year + 1)


def search_hits(data: dict[str, list[Mention]], keep, units, truth: dict[str, set], asked: set) -> tuple[int, int, Counter]:
    """``(hits, false hits, false hits per granularity)`` of a search for each unit in ``asked`` (a month or
    a year: ``units`` lists those a range overlaps), matching with ``intersects`` the mentions whose
    granularity ``keep`` admits. A hit is false when the unit is not in ``truth`` of that article; it is
    counted under the finest granularity that matched."""
    hits = false = 0
    culprit: Counter = Counter()
    for k, ms in data.items():
        touched: dict = {}
        for g, a, b in ms:
            if keep(g):
                for u in units(a, b):
                    if u in asked and (u not in touched or ORDER.index(g) < ORDER.index(touched[u])):
                        touched[u] = g
        hits += len(touched)
        for u, g in touched.items():
            if u not in truth[k]:
                false += 1
                culprit[g] += 1
    return hits, false, culprit


def classify(granularity: str, gte: dt.date, lt: dt.date) -> str | None:
    """Where the pipeline puts the range now (``dates``, ``periods`` or nowhere), via its own rule."""
    from etl.models import DateMention, DateRange
    from etl.pipeline import range_field

    mention = DateMention(
        text="x", start=0, end=1, type="DATE", value="x",
        granularity=None if granularity == "none" else granularity, range=DateRange(gte=gte.isoformat(), lt=lt.isoformat()),
    )
    return range_field(mention)


def report(data: dict[str, list[Mention]]) -> None:
    articles = len(data)
    total = sum(len(v) for v in data.values())
    print(f"articles {articles:,}, mentions with a calendar range {total:,}\n")

    # 1. per granularity
    per = Counter(g for ms in data.values() for g, _, _ in ms)
    docs = Counter(g for ms in data.values() for g in {g for g, _, _ in ms})
    span = defaultdict(int)
    for ms in data.values():
        for g, a, b in ms:
            span[g] += sum(1 for _ in months(a, b))
    placed = Counter()
    for ms in data.values():
        for g, a, b in ms:
            placed[(g, classify(g, a, b))] += 1
    print("1. granularity    mentions  articles  months per mention  now indexed in")
    for g in ORDER:
        if per[g]:
            where = ", ".join(f"{f or 'date_mentions only'} {n:,}" for (gg, f), n in sorted(placed.items(), key=str) if gg == g)
            print(f"   {g:<14} {per[g]:>9,} {docs[g]:>9,} {span[g] / per[g]:>19.1f}  {where}")

    # fine months per article: the truth a month query is judged against
    fine_months: dict[str, set] = {k: {mo for g, a, b in ms if classify(g, a, b) == "dates" for mo in months(a, b)} for k, ms in data.items()}
    asked = sorted(set().union(*fine_months.values()))

    policies = {
        "all": lambda g: True,
        "-century": lambda g: g != "century",
        "-century -decade": lambda g: g not in ("century", "decade"),
    }

    # 2. month queries
    print(f"\n2. month queries: {len(asked):,} months that articles mention at month granularity or finer")
    print("   policy              hits   false hits  precision  false hits by the finest granularity that matched")
    for name, keep in policies.items():
        hits, false, culprit = search_hits(data, keep, months, fine_months, set(asked))
        parts = ", ".join(f"{g} {culprit[g]:,}" for g in ORDER if culprit[g])
        print(f"   {name:<17} {hits:>7,} {false:>12,} {1 - false / hits if hits else 1:>10.3f}  {parts}")
    # the new way: dates intersect; periods (within one year) match a month query only when they lie within it: never
    hits = sum(len(v) for v in fine_months.values())
    print(f"   {'dates+periods':<17} {hits:>7,} {0:>12,} {1:>10.3f}  (a period is never within a single month)")

    # months that only coarse mentions reach: every hit of a query for them is false
    for name, keep in policies.items():
        reached = {mo for ms in data.values() for g, a, b in ms if keep(g) for mo in months(a, b)}
        print(f"   {name:<17} reaches {len(reached - set(asked)):,} further months that no article mentions at month granularity or finer")

    # 3. mentioned-month facet over all articles
    print("\n3. mentioned-month facet over all articles: months (buckets), article-month counts, of which from coarse mentions only")
    for name, keep in {**policies, "dates+periods": None}.items():
        pairs = set()
        for k, ms in data.items():
            for g, a, b in ms:
                if (keep is None and classify(g, a, b) == "dates") or (keep is not None and keep(g)):
                    pairs.update((k, mo) for mo in months(a, b))
        coarse = sum(1 for k, mo in pairs if mo not in fine_months[k])
        print(f"   {name:<17} {len({mo for _, mo in pairs}):>7,} months {len(pairs):>9,} counts {coarse:>9,} ({coarse / max(1, len(pairs)):.1%})")

    # 4. years: whether decades belong with the periods (year facet, within-searched)
    year_truth: dict[str, set] = {}
    for k, ms in data.items():
        year_truth[k] = {y for g, a, b in ms if classify(g, a, b) in ("dates", "periods") for y in years(a, b)}
    asked_years = set().union(*year_truth.values())
    print(f"\n4. years: {len(asked_years):,} years that articles mention at year granularity or finer")
    print("   year queries searched with intersects (before): false hits = matched only through a decade or century")
    for name, keep in policies.items():
        hits, false, culprit = search_hits(data, keep, years, year_truth, asked_years)
        parts = ", ".join(f"{g} {culprit[g]:,}" for g in ORDER if culprit[g])
        print(f"   {name:<17} {hits:>7,} hits {false:>7,} false ({false / max(1, hits):.1%})  {parts}")
    decade_docs = [k for k, ms in data.items() if any(g == "decade" for g, _, _ in ms)]
    only = Counter()
    for k in decade_docs:
        for g, a, b in data[k]:
            if g == "decade":
                only[sum(1 for y in years(a, b) if y not in year_truth[k])] += 1
    pairs = {(k, y) for k in data for y in year_truth[k]}
    extra = {(k, y) for k in decade_docs for g, a, b in data[k] if g == "decade" for y in years(a, b)} - pairs
    print(
        f"   a mentioned-year facet with decades: {len(extra):,} more article-year counts than without "
        f"({len(extra) / max(1, len(pairs) + len(extra)):.1%} of {len(pairs) + len(extra):,}), "
        f"from {per['decade']:,} decade mentions in {len(decade_docs):,} articles"
    )
    decades = {(a.year // 10) for ms in data.values() for g, a, b in ms if g == "decade"}
    for dec in sorted(decades):
        lo, hi = dt.date(dec * 10, 1, 1), dt.date(dec * 10 + 10, 1, 1)
        within = {k for k, ms in data.items() if any(classify(g, a, b) in ("dates", "periods") and lo <= a and b <= hi for g, a, b in ms)}
        by_decade = {k for k, ms in data.items() if any(g == "decade" and a == lo for g, a, b in ms)}
        print(f"   query {lo.year}-{hi.year - 1} (within): {len(within):,} articles without decades; the {dec * 10}s mentioned in {len(by_decade):,}, {len(by_decade - within):,} of them not found otherwise")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="seed-format folders (default: silver-seeds and tbaq-seeds)")
    parser.add_argument("--es", help="read date_mentions from this Elasticsearch instead of tagging")
    parser.add_argument("--index", default="news", help="index or alias to read with --es (default news)")
    args = parser.parse_args()
    if args.es:
        data = mentions_from_index(args.es, args.index)
    else:
        corpora = REPO.parent / "shared" / "corpora"
        folders = [Path(c) for c in args.corpus] or [corpora / "silver-seeds", corpora / "tbaq-seeds"]
        missing = [str(f) for f in folders if not f.is_dir()]
        if missing:
            print(f"skipped: corpus {', '.join(missing)} is absent")
            return 0
        data = mentions_from_corpora(folders)
    report(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
