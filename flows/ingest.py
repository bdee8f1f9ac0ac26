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
from datetime import UTC, datetime
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
from etl.sources import document_id, scan


@lru_cache(maxsize=2)
def _builder(model: str, nlp_batch_size: int) -> ArticleBuilder:
    return ArticleBuilder(model, nlp_batch_size=nlp_batch_size)


@task(name="build-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def build_batch(files: list[SourceFile], root: str, run_id: str, index: str) -> BatchResult:
    """Read, parse, enrich and validate one batch; unchanged files (same checksum and version) are skipped.

    ``index`` is the alias or concrete index whose documents decide what is
    unchanged. Per-file faults become rejections inside :meth:`ArticleBuilder.run`;
    what still raises here is the checksum look-up in Elasticsearch, which runs
    before any NLP, so a retry is cheap.
    """
    settings = get_settings()
    es = es_index.connect(settings)
    known = es_index.fetch_fingerprints(es, index, [document_id(f.source, f.relative_path) for f in files])
    return _builder(settings.spacy_model, settings.nlp_batch_size).run(files, Path(root), run_id, known)


@task(
    name="load-batch",
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def load_batch(articles: list[Article], run_id: str, index: str, originals: dict[str, str]) -> es_index.LoadResult:
    """Mark copies (``duplicate_of``), then bulk-index one batch into ``index``.

    ``originals`` maps checksums to the ids of articles this run already loaded;
    the index is asked for the rest. Connection failures raise and Prefect
    retries the task with backoff.
    """
    settings = get_settings()
    es = es_index.connect(settings)
    articles = mark_duplicates(articles, {**es_index.find_by_checksum(es, index, [a.checksum for a in articles]), **originals})
    result = es_index.bulk_load(es, index, articles, run_id, settings.bulk_chunk_size, settings.bulk_max_bytes)
    es_index.resolve_rejections(es, settings.rejections_index, result.indexed)
    return result


def mark_duplicates(articles: list[Article], originals: dict[str, str]) -> list[Article]:
    """Set ``duplicate_of`` on each article whose checksum belongs to another, earlier article.

    ``originals`` maps checksum -> id of the first article with those bytes (from
    the index or earlier in this run) and is extended in place with this batch's
    first occurrences, in batch (sorted path) order. Both copies stay indexed:
    they are different files, and a user may search either path.
    """
    out = []
    for a in articles:
        first = originals.setdefault(a.checksum, a.id)
        out.append(a.model_copy(update={"duplicate_of": first}) if first != a.id else a)
    return out


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
        ("pruned (file gone)", summary.pruned),
        *((f"ignored ({k})", v) for k, v in summary.ignored.items()),
        ("failed batches (run again)", ", ".join(summary.failed_batches) or "none"),
        ("index", summary.index),
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


def _batch_rejections(files: list[SourceFile], run_id: str, reason: str) -> list[Rejection]:
    now = datetime.now(UTC)
    return [
        Rejection(
            id=document_id(f.source, f.relative_path), source=f.source, source_path=f.relative_path,
            stage=Stage.LOAD, reason=reason[:500], run_id=run_id, time=now,
        )
        for f in files
    ]


@flow(name="ingest")
def ingest(
    path: str = "seeds",
    source_name: str | None = None,
    glob: str | None = None,
    batch_size: int | None = None,
    prune: bool = False,
    index: str | None = None,
) -> RunSummary:
    """Index every article file under ``path``; returns the :class:`RunSummary`.

    ``index`` writes into that concrete index instead of the alias (``newsetl
    reindex`` builds a new index this way before swapping the alias). With
    ``prune``, documents of this source whose file is gone are deleted at the end
    (not when a batch failed: the run then does not know every file's fate).

    Raises :class:`~etl.errors.ElasticsearchUnavailable` if the cluster cannot
    be reached at the start, :class:`~etl.errors.ModelNotInstalled` if the spaCy
    model is missing. When Elasticsearch fails mid-run and the task retries run
    out, the batch's files become ``load`` rejections, the batch is named in
    ``failed_batches``, and the run goes on; the next run picks those files up.
    """
    logger = get_run_logger()
    settings: Settings = get_settings()
    started = time.perf_counter()
    run_id = _current_run_id()
    root = Path(path)
    ensure_model_installed(settings.spacy_model)
    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)
    target = index or settings.index_alias
    concrete = index or es_index.ensure_index(es, settings)
    es_index.ensure_rejections_index(es, settings)
    found = scan(root, glob or settings.source_glob, source_name)
    files = found.files
    source = files[0].source if files else (source_name or root.resolve().name)
    summary = RunSummary(run_id=run_id, source=source, index=concrete, seen=len(files), ignored=found.ignored)
    logger.info("%d files under %s -> %s (%s)", len(files), root, concrete, target)
    if found.ignored:
        logger.info("ignored (not articles): %s", ", ".join(f"{k}: {v}" for k, v in found.ignored.items()))

    originals: dict[str, str] = {}
    size = batch_size or settings.batch_size
    for number, batch in enumerate(_batches(files, size)):
        label = f"files {number * size + 1}-{number * size + len(batch)}"
        rejections: list[Rejection] = []
        try:
            built = build_batch(batch, str(root), run_id, target)
        except Exception as exc:  # retries exhausted on the checksum look-up: Elasticsearch is away
            logger.error("batch %s not processed after retries: %s", label, exc)
            summary.failed_batches.append(label)
            rejections = _batch_rejections(batch, run_id, f"batch {label} not processed: Elasticsearch failed after retries ({type(exc).__name__}); run again")
            built = None
        if built is not None:
            rejections = list(built.rejections)
            summary.unchanged += len(built.unchanged)
            if built.articles:
                try:
                    loaded = load_batch(built.articles, run_id, target, dict(originals))
                    written = set(loaded.indexed)
                    for a in built.articles:  # first occurrences become the originals of later copies
                        if a.id in written:
                            originals.setdefault(a.checksum, a.id)
                except Exception as exc:  # retries exhausted: name the batch and its files, keep going
                    logger.error("load failed for batch %s after retries: %s", label, exc)
                    summary.failed_batches.append(label)
                    loaded = es_index.LoadResult(
                        rejections=_batch_rejections(
                            [SourceFile(path=root / a.source_path, relative_path=a.source_path, source=a.source, size=0) for a in built.articles],
                            run_id, f"bulk load of batch {label} failed after retries: {type(exc).__name__}: {exc}",
                        )
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

    if prune and not summary.failed_batches:
        keep = {document_id(f.source, f.relative_path) for f in files}
        summary.pruned = es_index.prune_missing(es, target, source, keep)
        if summary.pruned:
            logger.info("pruned %d documents whose file is gone", summary.pruned)
    elif prune:
        logger.warning("not pruning: %d batches failed, so this run cannot tell which files are gone", len(summary.failed_batches))
    try:
        es.indices.refresh(index=target)
        es.options(ignore_status=404).indices.refresh(index=settings.rejections_index)
    except Exception as exc:  # the documents are written; they become visible at the next refresh
        logger.error("final refresh failed: %s", exc)
    summary.seconds = time.perf_counter() - started
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary), description=f"ingest {source}")
    logger.info(
        "seen %d = indexed %d + unchanged %d + rejected %d in %.1fs",
        summary.seen, summary.indexed, summary.unchanged, summary.rejected, summary.seconds,
    )
    if not summary.balanced:
        logger.error("accounting mismatch: %s", summary.model_dump(exclude={"rejections"}))
    return summary
