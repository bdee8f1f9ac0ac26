"""The ``ingest`` Prefect flow: a source folder -> the ``news`` index.

Thin orchestration over :mod:`etl`: discovery, then for each batch of files
(``NEWSETL_BATCH_SIZE``, hundreds) one ``build-batch`` task (read, parse, NER,
dates, validate) and one ``load-batch`` task (streaming bulk, retried with
backoff). A task per batch, never per file: Prefect's bookkeeping costs
10-30 ms per task run. The flow ends with a refresh and a markdown artifact
``ingest-summary`` (counts per outcome, seconds, docs/s).
"""

from __future__ import annotations

import time
import uuid
from functools import lru_cache
from itertools import islice
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from etl import index as es_index
from etl.config import Settings, get_settings
from etl.entities import ensure_model_installed
from etl.models import Article, Rejection, RunSummary, SourceFile, Stage
from etl.pipeline import ArticleBuilder, BatchResult
from etl.sources import discover, document_id


@lru_cache(maxsize=2)
def _builder(model: str, nlp_batch_size: int) -> ArticleBuilder:
    return ArticleBuilder(model, nlp_batch_size=nlp_batch_size)


@task(name="build-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def build_batch(files: list[SourceFile], root: str, run_id: str) -> BatchResult:
    """Read, parse, enrich and validate one batch; unchanged files (same checksum and version) are skipped.

    Per-file faults become rejections inside :meth:`ArticleBuilder.run`; what
    still raises here is the checksum look-up in Elasticsearch, which runs
    before any NLP, so a retry is cheap.
    """
    settings = get_settings()
    es = es_index.connect(settings)
    known = es_index.fetch_fingerprints(es, settings.index_alias, [document_id(f.source, f.relative_path) for f in files])
    return _builder(settings.spacy_model, settings.nlp_batch_size).run(files, Path(root), run_id, known)


@task(
    name="load-batch",
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def load_batch(articles: list[Article], run_id: str) -> es_index.LoadResult:
    """Bulk-index one batch; connection failures raise and Prefect retries the task with backoff."""
    settings = get_settings()
    es = es_index.connect(settings)
    result = es_index.bulk_load(
        es, settings.index_alias, articles, run_id, settings.bulk_chunk_size, settings.bulk_max_bytes
    )
    es_index.resolve_rejections(es, settings.rejections_index, result.indexed)
    return result


def _batches(items: list[SourceFile], size: int):
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: RunSummary) -> str:
    """The run summary as a markdown table (the Prefect artifact and the README show this)."""
    rows = [
        ("source", summary.source),
        ("files seen", summary.seen),
        ("indexed", summary.indexed),
        ("unchanged (skipped)", summary.unchanged),
        ("rejected", summary.rejected),
        ("seconds", f"{summary.seconds:.1f}"),
        ("docs/s", f"{summary.docs_per_second:.1f}"),
    ]
    lines = ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
    if summary.rejections:
        lines += ["", "| file | stage | reason |", "|---|---|---|"]
        lines += [f"| {_md_cell(r.source_path)} | {r.stage} | {_md_cell(r.reason)} |" for r in summary.rejections[:50]]
    return "\n".join(lines)


def _current_run_id() -> str:
    from prefect.runtime import flow_run

    return str(flow_run.id or uuid.uuid4().hex)


@flow(name="ingest")
def ingest(
    path: str = "seeds",
    source_name: str | None = None,
    glob: str | None = None,
    batch_size: int | None = None,
) -> RunSummary:
    """Index every article file under ``path``; returns the :class:`RunSummary`.

    Raises :class:`~etl.errors.ElasticsearchUnavailable` if the cluster cannot
    be reached at the start, :class:`~etl.errors.ModelNotInstalled` if the spaCy
    model is missing. A batch whose load still fails after the retries
    is recorded as ``load`` rejections (the next run picks those files up again).
    """
    logger = get_run_logger()
    settings: Settings = get_settings()
    started = time.perf_counter()
    run_id = _current_run_id()
    root = Path(path)
    ensure_model_installed(settings.spacy_model)
    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)
    concrete = es_index.ensure_index(es, settings)
    files = list(discover(root, glob or settings.source_glob, source_name))
    source = files[0].source if files else (source_name or root.resolve().name)
    summary = RunSummary(run_id=run_id, source=source, seen=len(files))
    logger.info("%d files under %s -> %s (alias %s)", len(files), root, concrete, settings.index_alias)

    for batch in _batches(files, batch_size or settings.batch_size):
        built = build_batch(batch, str(root), run_id)
        rejections = list(built.rejections)
        summary.unchanged += len(built.unchanged)
        if built.articles:
            try:
                loaded = load_batch(built.articles, run_id)
            except Exception as exc:  # retries exhausted: name the files, keep going
                logger.error("load failed for a batch of %d after retries: %s", len(built.articles), exc)
                loaded = es_index.LoadResult(
                    rejections=[
                        Rejection(
                            id=a.id, source=a.source, source_path=a.source_path, stage=Stage.LOAD,
                            reason=f"bulk load failed after retries: {type(exc).__name__}: {exc}"[:500],
                            run_id=run_id, time=a.ingested_at,
                        )
                        for a in built.articles
                    ]
                )
            summary.indexed += len(loaded.indexed)
            rejections += loaded.rejections
        if rejections:
            try:
                es_index.record_rejections(es, settings.rejections_index, rejections)
            except Exception as exc:
                logger.error("could not record %d rejections in Elasticsearch: %s", len(rejections), exc)
            summary.rejected += len(rejections)
            summary.rejections += rejections

    es.indices.refresh(index=settings.index_alias)
    es.options(ignore_status=404).indices.refresh(index=settings.rejections_index)
    summary.seconds = time.perf_counter() - started
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary), description=f"ingest {source}")
    logger.info(
        "seen %d = indexed %d + unchanged %d + rejected %d in %.1fs",
        summary.seen, summary.indexed, summary.unchanged, summary.rejected, summary.seconds,
    )
    if not summary.balanced:
        logger.error("accounting mismatch: %s", summary.model_dump(exclude={"rejections"}))
    return summary
