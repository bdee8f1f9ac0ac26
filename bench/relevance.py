"""Relevance of `newsetl search` on a hand-judged query set: nDCG@10 and P@10 per variant.

Usage (a node with the articles of ../shared/corpora/silver-seeds, ../shared/corpora/tbaq-seeds
and seeds/ behind an alias, e.g. after `newsetl run` of each folder):

    .venv/bin/python bench/relevance.py [--es-url URL] [--source news] [--per-query]
    .venv/bin/python bench/relevance.py --pool pool.txt      # what is still to be judged

The queries are ``bench/relevance/queries.jsonl`` and the graded judgements
``bench/relevance/judgments.tsv`` (its header explains the grades); ``--queries`` and
``--judgments`` take other files of the same shapes (a held-back set, say).

Each variant is a text analysis (the index's) and a way of building the query
(:class:`etl.search.Relevance`). The bench copies the documents of ``--source`` into one
index per analysis (``relevance-standard``, ``relevance-english``, ``relevance-news_english``;
kept for the next run and rebuilt when the document count differs or with ``--rebuild``),
runs every query with its filters through :func:`etl.search.build_body` exactly as
`newsetl search` does, and scores the top 10:

- nDCG@10: gain 2^grade - 1, discount log2(rank + 1), normalised by the ideal order of all
  the query's judged documents (Jarvelin & Kekalainen 2002, the usual TREC form);
- P@10: share of the top 10 judged relevant (grade 1 or more);
- the difference of nDCG@10 from the baseline with a 95% paired-bootstrap interval over the
  queries: an interval that contains 0 is no measured difference on this set;
- unjudged: documents in the top 10 with no judgement (scored as not relevant). The
  judgements were pooled from the top 10 of every variant below, so it should be 0; a new
  variant that shows some needs them judged (``--pool``) before its figures mean much.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from elasticsearch import Elasticsearch, helpers  # noqa: E402

from etl.index import article_mapping, index_settings  # noqa: E402
from etl.search import DEFAULT_RELEVANCE, Relevance, SearchRequest, build_body  # noqa: E402

DATA = Path(__file__).resolve().parent / "relevance"
K = 10


@dataclass(frozen=True)
class Variant:
    """One measured way to search: the index's text analysis and the query's :class:`Relevance`."""

    name: str
    analyzer: str
    relevance: Relevance
    what: str


VARIANTS = [
    Variant("baseline", "standard", Relevance(lead_boost=2), "standard analyzer, lead^2: the local node before"),
    Variant("english", "english", Relevance(lead_boost=2), "Elasticsearch's english analyzer, lead^2"),
    Variant("punctuation", "news_english", Relevance(lead_boost=2), "english + punctuation rules (news_english), lead^2"),
    Variant("no lead boost", "news_english", Relevance(lead_boost=1), "news_english, lead and body alike"),
    Variant("lead boost 4", "news_english", Relevance(lead_boost=4), "news_english, lead^4"),
    Variant(
        "phrase boost", "news_english", Relevance(lead_boost=2, phrase_boost=1, phrase_slop=2),
        "news_english, lead^2, + words together (phrase, slop 2)",
    ),
    Variant(
        "entities", "news_english", Relevance(lead_boost=2, entity_boost=1, aliases=True),
        "news_english, lead^2, + entity_names and aliases",
    ),
    Variant(
        "entities + phrase", "news_english",
        Relevance(lead_boost=2, entity_boost=1, aliases=True, phrase_boost=1, phrase_slop=2),
        "news_english, lead^2, entity_names, aliases, phrase",
    ),
    Variant(
        "entities 0.5 + phrase", "news_english",
        Relevance(lead_boost=2, entity_boost=0.5, aliases=True, phrase_boost=1, phrase_slop=2),
        "news_english, lead^2, entity_names^0.5, aliases, phrase",
    ),
    Variant(
        "entities 0.25 + phrase", "news_english",
        Relevance(lead_boost=2, entity_boost=0.25, aliases=True, phrase_boost=1, phrase_slop=2),
        "news_english, lead^2, entity_names^0.25, aliases, phrase",
    ),
]


def load_queries(path: Path) -> list[dict]:
    """``[{"id", "query", "kind", "filters"?}, ...]`` from a JSON-lines file."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def load_judgments(path: Path) -> dict[str, dict[str, int]]:
    """``{query id: {"<source>/<source_path>": grade}}`` from the TSV (``#`` lines are comments)."""
    out: dict[str, dict[str, int]] = {}
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, doc, grade = line.split("\t")[:3]
        out.setdefault(qid, {})[doc] = int(grade)
    return out


def request(query: dict) -> SearchRequest:
    """The :class:`SearchRequest` of a query line: its text and its filters (entity types, dates, dateline, agency)."""
    filters = query.get("filters", {})
    req = SearchRequest(query=query["query"], size=K)
    for key, value in filters.items():
        if key in ("published_from", "published_to", "mentions_from", "mentions_to"):
            setattr(req, key, dt.date.fromisoformat(value))
        elif key in ("dateline", "agency"):
            setattr(req, key, list(value))
        else:
            req.entities[key] = list(value)
    return req


def ensure_variant_index(es: Elasticsearch, source: str, analyzer: str, rebuild: bool) -> str:
    """``relevance-<analyzer>``, holding a copy of every document of ``source``; (re)built when needed."""
    name = f"relevance-{analyzer}"
    want = es.count(index=source)["count"]
    if not rebuild and es.indices.exists(index=name) and es.count(index=name)["count"] == want:
        return name
    es.options(ignore_status=404).indices.delete(index=name)
    es.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0, **index_settings(analyzer)},
        mappings=article_mapping(analyzer),
    )
    docs = ({"_index": name, "_id": h["_id"], "_source": h["_source"]} for h in helpers.scan(es, index=source))
    helpers.bulk(es, docs, chunk_size=500)
    es.indices.refresh(index=name)
    print(f"built {name}: {es.count(index=name)['count']} documents", file=sys.stderr)
    return name


def ranked(es: Elasticsearch, index: str, query: dict, relevance: Relevance) -> list[dict]:
    """The top ``K`` hits of ``query`` on ``index``: ``[{"doc", "lead", "highlight"}]``."""
    body = build_body(request(query), relevance)
    body.pop("aggs", None)
    resp = es.search(index=index, **body)
    return [
        {
            "doc": f"{h['_source']['source']}/{h['_source']['source_path']}",
            "lead": h["_source"].get("lead", ""),
            "highlight": h.get("highlight", {}),
        }
        for h in resp["hits"]["hits"]
    ]


def ndcg(grades: list[int], judged: list[int], k: int = K) -> float:
    """nDCG@k of a ranking's grades against the ideal order of every judged grade; 0 when nothing is relevant."""
    def dcg(gs: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gs[:k]))

    ideal = dcg(sorted(judged, reverse=True))
    return dcg(grades) / ideal if ideal else 0.0


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def paired_bootstrap(a: list[float], b: list[float], rounds: int = 10_000, seed: int = 15) -> tuple[float, float]:
    """95% interval of mean(b - a) over queries, by resampling the queries (paired bootstrap, fixed seed)."""
    rng = random.Random(seed)
    diffs = [y - x for x, y in zip(a, b)]
    means = sorted(mean([rng.choice(diffs) for _ in diffs]) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--es-url", default=os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--source", default=os.environ.get("NEWSETL_INDEX_ALIAS", "news"), help="alias or index holding the corpora")
    parser.add_argument("--queries", type=Path, default=DATA / "queries.jsonl")
    parser.add_argument("--judgments", type=Path, default=DATA / "judgments.tsv")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the variant indices")
    parser.add_argument("--per-query", action="store_true", help="nDCG@10 of every query and variant")
    parser.add_argument("--pool", type=Path, help="write the unjudged documents of every variant's top 10 here, and stop")
    args = parser.parse_args()

    es = Elasticsearch(args.es_url, request_timeout=120)
    queries = load_queries(args.queries)
    judgments = load_judgments(args.judgments)
    indices = {a: ensure_variant_index(es, args.source, a, args.rebuild) for a in sorted({v.analyzer for v in VARIANTS})}
    runs = {v.name: {q["id"]: ranked(es, indices[v.analyzer], q, v.relevance) for q in queries} for v in VARIANTS}

    if args.pool:
        write_pool(es, args.source, queries, judgments, runs, args.pool)
        return

    default = next((v.name for v in VARIANTS if v.relevance == DEFAULT_RELEVANCE and v.analyzer == "news_english"), None)
    print(f"{len(queries)} queries, {sum(len(j) for j in judgments.values())} judgements; top {K}")
    print(f"{'variant':<23} {'nDCG@10':>8} {'P@10':>6} {'unjudged':>8}  {'nDCG vs baseline [95% CI]':<26} what")
    per_query: dict[str, list[float]] = {}
    for v in VARIANTS:
        scores, precisions, unjudged = [], [], 0
        for q in queries:
            judged = judgments.get(q["id"], {})
            hits = runs[v.name][q["id"]]
            grades = [judged.get(h["doc"], 0) for h in hits]
            unjudged += sum(h["doc"] not in judged for h in hits)
            scores.append(ndcg(grades, list(judged.values())))
            precisions.append(sum(g >= 1 for g in grades) / K)
        per_query[v.name] = scores
        mark = " (default)" if v.name == default else ""
        low, high = paired_bootstrap(per_query[VARIANTS[0].name], scores)
        delta = f"{mean(scores) - mean(per_query[VARIANTS[0].name]):+.3f} [{low:+.3f}, {high:+.3f}]"
        print(f"{v.name:<23} {mean(scores):>8.3f} {mean(precisions):>6.3f} {unjudged:>8}  {delta:<26} {v.what}{mark}")
    if args.per_query:
        print("\nnDCG@10 per query")
        print(f"{'id':<5} " + " ".join(f"{v.name[:11]:>11}" for v in VARIANTS) + "  query")
        for i, q in enumerate(queries):
            print(f"{q['id']:<5} " + " ".join(f"{per_query[v.name][i]:>11.3f}" for v in VARIANTS) + f"  {q['query']} {q.get('filters', '')}")


def write_pool(es: Elasticsearch, source: str, queries: list[dict], judgments: dict, runs: dict, out: Path) -> None:
    """Write, per query, the unjudged documents of every variant's top 10 with their text, for a person to grade."""
    lines: list[str] = []
    todo = 0
    for q in queries:
        judged = judgments.get(q["id"], {})
        pool: dict[str, dict] = {}
        for run in runs.values():
            for h in run[q["id"]]:
                if h["doc"] not in judged:
                    pool.setdefault(h["doc"], h)
        if not pool:
            continue
        lines.append(f"=== {q['id']} {q['query']!r} {q.get('filters', '')} — {len(pool)} to judge\nneed: {q.get('need', '')}")
        for doc, h in pool.items():
            src, path = doc.split("/", 1)
            hit = es.search(index=source, query={"bool": {"filter": [{"term": {"source": src}}, {"term": {"source_path": path}}]}}, size=1)
            body = hit["hits"]["hits"][0]["_source"]["body"] if hit["hits"]["hits"] else ""
            marks = " … ".join(f for frags in h["highlight"].values() for f in frags)
            lines.append(f"--- {doc}\n{body[:450]}\n[matches] {marks[:350]}\n")
            todo += 1
    out.write_text("\n".join(lines))
    print(f"{todo} unjudged documents written to {out}")


if __name__ == "__main__":
    main()
