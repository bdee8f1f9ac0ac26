"""Elasticsearch side: connection, mapping, versioned index behind an alias, bulk load, rejections.

The index is reached through the alias ``news`` (``Settings.index_alias``); the
concrete index is versioned, ``news-v<MAPPING_VERSION>-<UTC timestamp>``, so a
mapping change is a rebuild into a new index and one atomic alias swap
(Elastic's "index aliases" guidance). The mapping is explicit and
``dynamic: strict``. Documents are written with ``helpers.streaming_bulk`` in
chunks bounded by count and bytes; ``_id`` is deterministic (sha1 of
``<source>/<source_path>``), so re-running never duplicates. Per-item bulk
errors become :class:`~etl.models.Rejection` values instead of failing the run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from etl.config import Settings
from etl.errors import ElasticsearchUnavailable
from etl.models import ENTITY_TYPES, Article, Rejection, Stage

log = logging.getLogger(__name__)

MAPPING_VERSION = 1
"""Bumped on every incompatible mapping change; part of the concrete index name."""

_KEYWORD = {"type": "keyword", "ignore_above": 1024}
_DATE = {"type": "date", "format": "strict_date_optional_time||epoch_millis"}
_DATE_RANGE = {"type": "date_range", "format": "strict_date_optional_time"}


def connect(settings: Settings) -> Elasticsearch:
    """An Elasticsearch client for ``NEWSETL_ES_URL`` with the configured credentials.

    Basic auth when ``es_username``/``es_password`` are set, an API key when
    ``es_api_key`` is; ``es_ca_certs`` verifies TLS. Secrets never leave the
    :class:`~pydantic.SecretStr` except into the client.
    """
    kwargs: dict = {
        "request_timeout": settings.es_timeout,
        "retry_on_timeout": True,
        "max_retries": 2,
    }
    if settings.es_api_key is not None:
        kwargs["api_key"] = settings.es_api_key.get_secret_value()
    elif settings.es_username:
        password = settings.es_password.get_secret_value() if settings.es_password else ""
        kwargs["basic_auth"] = (settings.es_username, password)
    if settings.es_ca_certs:
        kwargs["ca_certs"] = str(settings.es_ca_certs)
    if not settings.es_verify_certs:
        kwargs["verify_certs"] = False
    return Elasticsearch(settings.es_url, **kwargs)


def check_connection(es: Elasticsearch, url: str) -> dict:
    """Cluster health, or :class:`ElasticsearchUnavailable` with one readable line.

    Uses ``GET _cluster/health`` (the integ-test distribution has no ``GET /``).
    """
    try:
        return dict(es.options(max_retries=0).cluster.health())
    except ApiError as exc:
        if exc.meta.status in (401, 403):
            raise ElasticsearchUnavailable(
                f"Elasticsearch at {url} refused the credentials (HTTP {exc.meta.status}); "
                "check NEWSETL_ES_USERNAME/NEWSETL_ES_PASSWORD or NEWSETL_ES_API_KEY"
            ) from None
        raise ElasticsearchUnavailable(f"Elasticsearch at {url} answered HTTP {exc.meta.status}: {exc.message}") from None
    except TransportError as exc:
        raise ElasticsearchUnavailable(
            f"Elasticsearch is not reachable at {url} ({type(exc).__name__}); "
            "start it with `newsetl es up` (or `make run`) or set NEWSETL_ES_URL"
        ) from None


def text_analyzer(es: Elasticsearch) -> str:
    """``english`` when the node has it (analysis-common module), else ``standard`` with a warning.

    The integ-test-zip distribution lacks analysis-common; Docker images and
    Elastic Cloud have it.
    """
    try:
        es.indices.analyze(analyzer="english", text="running")
        return "english"
    except ApiError:
        log.warning("the node has no 'english' analyzer (analysis-common module missing); using 'standard'")
        return "standard"


def article_mapping(analyzer: str) -> dict:
    """The explicit ``dynamic: strict`` mapping of the indexed document (DESIGN.md field table)."""
    text = {"type": "text", "analyzer": analyzer}
    mention = {
        "label": _KEYWORD,
        "text": _KEYWORD,
        "canonical": _KEYWORD,
        "start": {"type": "integer"},
        "end": {"type": "integer"},
    }
    return {
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION, "text_analyzer": analyzer},
        "properties": {
            "source": _KEYWORD,
            "source_path": _KEYWORD,
            "checksum": {"type": "keyword"},
            "published": _DATE,
            "dateline": _KEYWORD,
            "agency": _KEYWORD,
            "lead": text,
            "body": text,
            "language": {"type": "keyword"},
            "word_count": {"type": "integer"},
            "entities": {"properties": {t: _KEYWORD for t in ENTITY_TYPES}},
            "entity_mentions": {"properties": mention},
            "mentioned_dates": _DATE_RANGE,
            "date_mentions": {
                "properties": {
                    "text": _KEYWORD,
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "type": {"type": "keyword"},
                    "value": {"type": "keyword"},
                    "granularity": {"type": "keyword"},
                    "range": _DATE_RANGE,
                }
            },
            "ingested_at": _DATE,
            "pipeline_version": {"type": "keyword"},
            "run_id": {"type": "keyword"},
        },
    }


REJECTIONS_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "source": _KEYWORD,
        "source_path": _KEYWORD,
        "stage": {"type": "keyword"},
        "reason": {"type": "text", "fields": {"keyword": _KEYWORD}},
        "run_id": {"type": "keyword"},
        "time": _DATE,
        "resolved": {"type": "boolean"},
    },
}


def ensure_index(es: Elasticsearch, settings: Settings) -> str:
    """Make sure the alias points at a concrete index (creating ``news-v1-<ts>`` if needed); return its name.

    Also creates the rejections index. Logs a warning when the existing index
    was built with another mapping version.
    """
    alias = settings.index_alias
    if es.indices.exists_alias(name=alias):
        concrete = sorted(es.indices.get_alias(name=alias))
        name = concrete[-1]
        meta = es.indices.get_mapping(index=name)[name]["mappings"].get("_meta", {})
        if meta.get("mapping_version") != MAPPING_VERSION:
            log.warning("index %s has mapping version %s, this pipeline writes %s", name, meta.get("mapping_version"), MAPPING_VERSION)
        ensure_rejections_index(es, settings)
        return name
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    name = f"{alias}-v{MAPPING_VERSION}-{stamp}"
    es.indices.create(
        index=name,
        settings={"number_of_shards": settings.index_shards, "number_of_replicas": settings.index_replicas},
        mappings=article_mapping(text_analyzer(es)),
        aliases={alias: {"is_write_index": True}},
    )
    log.info("created index %s behind alias %s", name, alias)
    ensure_rejections_index(es, settings)
    return name


def ensure_rejections_index(es: Elasticsearch, settings: Settings) -> None:
    """Create the ``news-rejections`` index (strict mapping) if it does not exist."""
    if not es.indices.exists(index=settings.rejections_index):
        es.options(ignore_status=400).indices.create(
            index=settings.rejections_index,
            settings={"number_of_shards": 1, "number_of_replicas": settings.index_replicas},
            mappings=REJECTIONS_MAPPING,
        )


def fetch_fingerprints(es: Elasticsearch, alias: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """``{id: (checksum, pipeline_version)}`` for the ids already indexed (one ``_mget``)."""
    if not ids:
        return {}
    resp = es.mget(index=alias, ids=list(ids), source_includes=["checksum", "pipeline_version"])
    out = {}
    for doc in resp["docs"]:
        if doc.get("found"):
            src = doc["_source"]
            out[doc["_id"]] = (src.get("checksum", ""), src.get("pipeline_version", ""))
    return out


def classify_bulk_error(error: dict) -> str:
    """A short class for a per-item bulk error: ``mapping``, ``too large``, ``version conflict`` or ``other``."""
    kind = str(error.get("type", ""))
    if "parsing" in kind or "mapper" in kind or "illegal_argument" in kind:
        return "mapping"
    if "too_large" in kind or "max_bytes" in kind:
        return "too large"
    if "version_conflict" in kind:
        return "version conflict"
    return "other"


@dataclass
class LoadResult:
    """Outcome of one :func:`bulk_load`: ids written and rejections for the items that failed."""

    indexed: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def bulk_load(
    es: Elasticsearch,
    alias: str,
    articles: Sequence[Article],
    run_id: str,
    chunk_size: int = 500,
    max_chunk_bytes: int = 10 * 1024 * 1024,
) -> LoadResult:
    """Index ``articles`` through the alias with ``helpers.streaming_bulk``.

    429s are retried by the helper (``max_retries=3`` with exponential backoff);
    connection errors propagate (the caller's task retries the batch); every
    other per-item error becomes a ``load`` :class:`Rejection` naming its class.
    """
    by_id = {a.id: a for a in articles}
    actions = ({"_index": alias, "_id": a.id, "_source": a.to_source()} for a in articles)
    result = LoadResult()
    now = dt.datetime.now(dt.UTC)
    for ok, item in helpers.streaming_bulk(
        es,
        actions,
        chunk_size=chunk_size,
        max_chunk_bytes=max_chunk_bytes,
        raise_on_error=False,
        max_retries=3,
        initial_backoff=1,
    ):
        info = item["index"]
        if ok:
            result.indexed.append(info["_id"])
            continue
        article = by_id[info["_id"]]
        error = info.get("error", {})
        reason = f"{classify_bulk_error(error)} error from Elasticsearch: {error.get('type')}: {error.get('reason')}"
        result.rejections.append(
            Rejection(
                id=article.id,
                source=article.source,
                source_path=article.source_path,
                stage=Stage.LOAD,
                reason=reason,
                run_id=run_id,
                time=now,
            )
        )
    return result


def record_rejections(es: Elasticsearch, index: str, rejections: Iterable[Rejection]) -> int:
    """Write rejections (one document per file, newest wins) to the rejections index; returns the count."""
    actions = [
        {"_index": index, "_id": r.id, "_source": r.model_dump(mode="json")} for r in rejections
    ]
    if not actions:
        return 0
    ok, _ = helpers.bulk(es, actions, raise_on_error=False)
    return ok


def resolve_rejections(es: Elasticsearch, index: str, ids: Sequence[str]) -> None:
    """Mark earlier rejections of these (now indexed) documents ``resolved: true``; missing ones are ignored."""
    if not ids:
        return
    found = es.mget(index=index, ids=list(ids), source=False)["docs"]
    actions = [
        {"_op_type": "update", "_index": index, "_id": d["_id"], "doc": {"resolved": True}}
        for d in found
        if d.get("found")
    ]
    if actions:
        helpers.bulk(es, actions, raise_on_error=False)


def list_rejections(
    es: Elasticsearch, index: str, run_id: str | None = None, include_resolved: bool = False, size: int = 10_000
) -> list[dict]:
    """Rejections, newest first, as ``_source`` dicts (``source``, ``source_path``, ``stage``, ``reason``, ``run_id``, ``time``, ``resolved``).

    ``run_id`` may be a prefix of the run id (the first 8 characters are enough in practice).
    """
    if not es.indices.exists(index=index):
        return []
    filters: list[dict] = []
    if run_id:
        filters.append({"prefix": {"run_id": run_id}})
    if not include_resolved:
        filters.append({"term": {"resolved": False}})
    resp = es.search(
        index=index,
        query={"bool": {"filter": filters}},
        sort=[{"time": "desc"}, {"source_path": "asc"}],
        size=size,
    )
    return [h["_source"] for h in resp["hits"]["hits"]]
