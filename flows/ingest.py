"""The ``ingest`` Prefect flow: a source folder -> the ``news`` index.

Thin orchestration over :mod:`etl`: discovery, then a ``check-batch`` task in
the flow for each chunk of files (``NEWSETL_CHECK_BATCH_SIZE``, thousands: one
search of the stored fingerprints; unchanged files stop here), and for each
batch of the new and changed files (``NEWSETL_BATCH_SIZE``, hundreds) a
``build-batch`` task (read, parse, NER, dates, validate) and a ``load-batch``
task (streaming bulk, retried with backoff). A task per batch,
never per file: Prefect's bookkeeping costs milliseconds per task run. The flow
ends with a refresh and a markdown artifact ``ingest-summary-<source>`` (counts per
outcome, stage seconds, docs/s).

Concurrency: ``build-batch`` tasks are *submitted* to the flow's task runner,
at most ``workers + 1`` ahead of the loads, so memory stays flat however large
the folder. Loads run in the flow, one batch at a time and in file order, so
``duplicate_of`` marking is the same whatever the runner. With the default
runner (one thread) the next batch's NLP overlaps the current load; with
:func:`task_runner` (a Dask cluster: ``--workers N`` or ``--dask-address``)
batches are built on N processes or machines at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from etl import index as es_index
from etl import faults, interrupt, ledger
from etl.config import Settings, get_settings
from etl.entities import ensure_model_installed
from etl.models import Article, Rejection, RunSummary, SourceFile, Stage
from etl.changes import check_files
from etl.pipeline import ArticleBuilder, BatchResult, pipeline_version
from etl.sources import document_id, scan
from flows import operations


@lru_cache(maxsize=2)
def _builder(model: str, nlp_batch_size: int) -> ArticleBuilder:
    return ArticleBuilder(model, nlp_batch_size=nlp_batch_size)


_clients: dict[tuple, object] = {}


def _client(settings: Settings):
    """One Elasticsearch client (one connection pool) per process and connection settings, reused by every task."""
    key = (settings.es_url, settings.es_username, settings.es_password, settings.es_api_key, settings.es_ca_certs, settings.es_verify_certs, settings.es_timeout)
    if key not in _clients:
        _clients[key] = es_index.connect(settings)
    return _clients[key]


class BatchFiles:
    """The files of one batch, as one opaque value: Prefect does not walk into it when the task is submitted."""

    __slots__ = ("files",)

    def __init__(self, files: list[SourceFile]) -> None:
        self.files = files

    def __len__(self) -> int:
        return len(self.files)


class UnchangedIds:
    """The ids :func:`check_batch` found unchanged, as one opaque value: Prefect links a task's result
    to its state item by item when it is a list or set (0.2 s for 5,000 ids, measured), not this."""

    __slots__ = ("ids",)

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = frozenset(ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids


@task(
    name="check-batch", task_run_name=operations.batch_run_name("check-batch"),
    cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def check_batch(files: BatchFiles, root: str, index: str, verify: bool = False, label: str = "") -> UnchangedIds:
    """Ids of the batch's files that ``index`` already holds with the same bytes and pipeline version.

    Runs in the flow before anything is built, so an unchanged file costs a share of one
    search of the stored stats (:func:`etl.index.fetch_file_stats`) and, only when its size or
    mtime differs from the stored ones (or ``verify``), a share of a search of the checksums, a
    read and a hash (:func:`etl.changes.check_files`); same bytes under a new stat get the stat
    written to their document. A run with nothing to build never starts a Dask cluster. Raises
    on Elasticsearch failures; Prefect retries with backoff. ``label`` (``files 1-5000``) names
    the task run.
    """
    settings = get_settings()
    es = _client(settings)
    version = pipeline_version(settings.spacy_model)
    found = check_files(
        files.files, Path(root), version,
        lambda ids: es_index.fetch_file_stats(es, index, ids, version), lambda ids: es_index.fetch_fingerprints(es, index, ids), verify,
    )
    es_index.update_file_stats(es, index, found.restat)
    same = UnchangedIds(found.unchanged)
    get_run_logger().info("%d files: %d unchanged, %d new or changed", len(files), len(same), len(files) - len(same))
    return same


@task(
    name="build-batch", task_run_name=operations.batch_run_name("build-batch"),
    cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def build_batch(files: list[SourceFile] | BatchFiles, root: str, run_id: str, label: str = "") -> BatchResult:
    """Read, parse, enrich and validate one batch of new or changed files (:meth:`ArticleBuilder.run`).

    Needs no Elasticsearch: :func:`check_batch` has already set the unchanged
    files aside, so Dask workers only need the files and the spaCy model.
    Per-file faults become rejections inside the builder. ``label`` names the task run.
    """
    if isinstance(files, BatchFiles):
        files = files.files
    settings = get_settings()
    faults.trigger(settings.failpoint, "build-batch", files)  # NEWSETL_FAILPOINT, tests only
    built = _builder(settings.spacy_model, settings.nlp_batch_size).run(files, Path(root), run_id)
    get_run_logger().info(
        "%d files: %d article(s) built, %d rejected; %d words", len(files), len(built.articles), len(built.rejections), built.words
    )
    return built


@task(
    name="load-batch",
    task_run_name=operations.batch_run_name("load-batch"),
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def load_batch(
    articles: list[Article], run_id: str, index: str, originals: dict[str, str], resolve: bool = True, label: str = ""
) -> es_index.LoadResult:
    """Mark copies (``duplicate_of``), then bulk-index one batch into ``index``.

    ``originals`` maps checksums to the ids of articles this run already loaded;
    the index is asked for the rest. With ``resolve``, earlier rejections of the
    indexed files are marked resolved (the flow passes False when the source has
    none open). Connection failures raise and Prefect retries the task with backoff.
    ``label`` names the task run.
    """
    settings = get_settings()
    es = _client(settings)
    articles = mark_duplicates(articles, {**es_index.find_by_checksum(es, index, [a.checksum for a in articles]), **originals})
    result = es_index.bulk_load(es, index, articles, run_id, settings.bulk_chunk_size, settings.bulk_max_bytes)
    if resolve:
        es_index.resolve_rejections(es, settings.rejections_index, result.indexed)
    get_run_logger().info(
        "%d article(s): %d indexed, %d rejected by Elasticsearch; %d are copies of an earlier file (duplicate_of)",
        len(articles), len(result.indexed), len(result.rejections), sum(1 for a in articles if a.duplicate_of),
    )
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


def tail_batch_size(size: int, remaining: int, slots: int) -> int:
    """How many files the next ``build-batch`` gets: ``size``, fewer near the end of a run.

    Factoring (Hummel, Schonberg and Flynn, "Factoring: a method for scheduling
    parallel loops", CACM 35(8), 1992): a batch takes at most half of the
    ``remaining`` files (not yet handed out) divided among the ``slots`` builds that
    run at once, and no fewer than ``size // 8`` (at least 1). So the last round's
    batches are short and no worker idles long while another finishes a full
    batch; Prefect's and Dask's cost per task stays small. Example: 2,452 files,
    size 200, 2 slots: nine batches of 200, then 163, 123, 92, 69, 52, 39, 29, three
    of 25 and the last 10. With unchanged files set aside, ``remaining`` also counts files not
    checked yet, so batches shrink only near the true end.
    """
    return max(1, min(size, max(size // 8, -(-remaining // (2 * slots)))))


def _batches(items: list[SourceFile], size: int):
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prune_refusal(
    source: str, where: str, seen: int, gone: int, held: int, max_share: float, force: bool = False
) -> str | None:
    """Why ``--prune`` must not delete the ``gone`` of the ``held`` documents of ``source``, or None when it may.

    ``seen`` is how many article files the run found at ``where`` (the folder and glob, for
    the message). Two rules, so that a folder that is not there as the run expects (an
    unmounted network share, an emptied mount point, a mistyped ``--glob``) never empties
    the index: a run that saw no file of the source never prunes (``force`` or not: to
    drop a whole source, rebuild without it); and deleting more than ``max_share``
    (``NEWSETL_PRUNE_MAX_SHARE``, default one half) of the source's documents needs
    ``force``. Nothing to delete is never refused.
    """
    if gone == 0:
        return None
    if seen == 0:
        return (
            f"not pruning: the run saw no file of source '{source}' under {where}, so pruning would delete all "
            f"{gone} of its documents; check that the folder is there (mounted) and the glob, or, to drop the "
            "source, rebuild without it (`newsetl reindex` with the other folders)"
        )
    if gone > max_share * held and not force:
        return (
            f"not pruning: {gone} of the {held} documents of source '{source}' ({gone / held:.0%}) have no file under "
            f"{where}, more than NEWSETL_PRUNE_MAX_SHARE ({max_share:.0%}); check the folder and the glob, "
            "and run again with --force to delete them"
        )
    return None


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: RunSummary, stages: dict[str, float] | None = None) -> str:
    """The run summary as a markdown table (the Prefect artifact and the README show this).

    The first row (source) is the table's header, so no empty header row renders as
    a blank bar; the rows follow the CLI's summary table (run id first). Rejected
    files are listed as ``source/source_path`` like ``newsetl rejects``, the first
    50, then how many more. ``stages`` (optional) maps stage names to seconds (summed
    over workers) and adds a second table.
    """
    rows = [
        ("run id", summary.run_id),
        ("files seen", summary.seen),
        ("indexed", summary.indexed),
        ("unchanged (skipped)", summary.unchanged),
        ("rejected", summary.rejected),
        ("pruned (file gone)", summary.pruned),
        *((("prune refused", _md_cell(summary.prune_refused)),) if summary.prune_refused else ()),
        *((f"ignored ({k})", v) for k, v in summary.ignored.items()),
        ("failed batches (run again)", ", ".join(summary.failed_batches) or "none"),
        ("index", summary.index),
        ("seconds", f"{summary.seconds:.1f}"),
        ("docs/s", f"{summary.docs_per_second:.1f}"),
    ]
    lines = [f"| source | {_md_cell(summary.source)} |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
    if summary.rejections:
        lines += ["", "| file | stage | reason |", "|---|---|---|"]
        lines += [f"| {_md_cell(f'{r.source}/{r.source_path}')} | {r.stage} | {_md_cell(r.reason)} |" for r in summary.rejections[:50]]
        if len(summary.rejections) > 50:
            lines.append(f"\n{len(summary.rejections) - 50} more: `newsetl rejects --run {summary.run_id}` lists every one.")
    if stages:
        lines += ["", "| stage | seconds (summed over workers) |", "|---|---|"]
        lines += [f"| {k} | {v:.1f} |" for k, v in stages.items()]
    return "\n".join(lines)


def _current_run_id() -> str:
    from prefect.runtime import flow_run

    return str(flow_run.id or uuid.uuid4().hex)


def _batch_rejections(named: Iterable[tuple[str, str]], run_id: str, reason: str) -> list[Rejection]:
    """``load`` rejections with one reason for every ``(source, source_path)`` of a batch Elasticsearch failed."""
    now = datetime.now(UTC)
    return [
        Rejection(
            id=document_id(source, path), source=source, source_path=path,
            stage=Stage.LOAD, reason=reason[:500], run_id=run_id, time=now,
        )
        for source, path in named
    ]


ProgressCallback = Callable[[str, dict], None]
"""``callback(event, data)``: ``start`` ``{files}``, ``batch`` ``{done, indexed, unchanged, rejected, words}``
(running totals), ``end`` ``{summary, stages, words}``."""

_listeners: list[ProgressCallback] = []


@contextlib.contextmanager
def progress_listener(callback: ProgressCallback) -> Iterator[None]:
    """Call ``callback`` with the progress of every ``ingest`` run in this process while the block runs.

    The flow runs in the caller's process (Prefect runs flows in-process), so a
    progress bar or a benchmark can follow it without polling the Prefect API.
    A callback that raises is logged and ignored: progress never breaks a run.
    """
    _listeners.append(callback)
    try:
        yield
    finally:
        _listeners.remove(callback)


def _emit(event: str, **data) -> None:
    for callback in list(_listeners):
        try:
            callback(event, data)
        except Exception:  # a display problem must not cost the run
            logging.getLogger(__name__).debug("progress callback failed", exc_info=True)


def stop_line(signum: int, done: int, total: int, indexed: int) -> str:
    """The one line a stopped run leaves: which signal, how far it got, and that nothing is lost."""
    return (
        f"stopped by {interrupt.signal_name(signum)} after {done} of {total} files ({indexed} indexed); "
        "what was loaded stays indexed, run again to do the rest"
    )


def _stopping(signum: int, logger, summary: RunSummary, done: int, total: int) -> None:
    """A stop signal reached the flow: arm the watchdog (:func:`etl.interrupt.arm`) and say so once;
    the exception then unwinds the flow (Prefect marks the run crashed, or cancelled when Prefect
    itself cancelled it) and the task runner's exit ends the builds in flight."""
    line = stop_line(signum, done, total, summary.indexed)
    interrupt.arm(signum, line)
    if not interrupt.cli_reports():  # a served or scripted run: the flow's log is where people look
        logger.warning(line)
        interrupt.mark_said()
        _send_logs_now()


def _send_logs_now() -> None:
    """Send the run's queued log records to the Prefect API now (``APILogHandler.flush``, which
    drains Prefect's log worker, at most 5 s): the watchdog may end the process before Prefect's
    own drain at the end of the run, and the stop line must reach the server's log."""
    with contextlib.suppress(Exception):
        from prefect.logging.handlers import APILogHandler

        APILogHandler().flush()


@contextlib.contextmanager
def _prefect_api_for_workers() -> Iterator[None]:
    """Make Dask worker processes started in this block report to this process's Prefect API.

    Without a ``PREFECT_API_URL``, Prefect runs a temporary server per process:
    each worker would start its own (seconds each, and the task runs would be
    recorded elsewhere). So the temporary server is started here, and its URL
    put in the environment the worker processes inherit.
    """
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()  # the same instance Prefect's client uses in this process
        server.start()
        url = server.api_url
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.preload": ["flows.dask_noise"],
}
"""Dask configuration the local cluster's worker processes start with (:func:`task_runner` says why)."""


@contextlib.contextmanager
def task_runner(workers: int = 1, dask_address: str | None = None) -> Iterator[object]:
    """The task runner for one or more ``ingest`` runs: ``ingest.with_options(task_runner=runner)``.

    - ``dask_address`` (``tcp://HOST:8786``): the ``build-batch`` tasks run on that
      Dask cluster (prefect-dask). Its workers need this project installed, the
      files at the same path, the same ``NEWSETL_SPACY_MODEL`` and a
      ``PREFECT_API_URL`` of a Prefect server they can reach; not Elasticsearch.
    - ``workers`` > 1: a local Dask cluster of that many worker processes (one
      thread each). prefect-dask starts it at the flow's first ``build-batch``
      submission, so a run with nothing new to build never pays for it, and closes
      it when the flow ends.
    - otherwise one thread: builds overlap loads, in this process.
    """
    if not dask_address and workers <= 1:
        yield ThreadPoolTaskRunner(max_workers=1)
        return
    from prefect_dask import DaskTaskRunner

    logging.getLogger("distributed").setLevel(logging.WARNING)
    if dask_address:
        yield DaskTaskRunner(address=dask_address)
        return
    import dask
    from distributed import LocalCluster

    # The workers start later, inside the flow: they inherit this environment and
    # this Dask configuration (measured on silver-seeds, 2 workers):
    # - Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in their workers by default;
    #   setting it at all turns off glibc's dynamic mmap threshold, so spaCy's
    #   per-batch arrays are mmap'd and page-faulted afresh: NER took 35.5 s (11.3 s
    #   of it system time) with it, 29.9 s (1.5 s) without, as fast as a process pool.
    # - Each worker samples its own stack every 10 ms for the dashboard's profile
    #   (which a local run does not serve) and keeps a snapshot per second, up to
    #   1,000 of them. Off, a 4x silver-seeds run's worker peaks went from 479/480 to
    #   455/462 MiB, and that run from 224 s to 167 s (one run each).
    # - The closing cluster's expected noise stays off the console (flows/dask_noise.py): in
    #   this process for the nanny, in each worker through Dask's preload hook.
    from flows import dask_noise

    dask_noise.install()
    with _prefect_api_for_workers(), dask.config.set(LOCAL_WORKER_CONFIG):
        yield DaskTaskRunner(
            cluster_class=LocalCluster,
            cluster_kwargs={
                "n_workers": workers, "threads_per_worker": 1, "processes": True,
                # ERROR: the workers' and nannies' warnings are about the cluster's own housekeeping
                # ("Worker process still alive after 4.0 seconds, killing" at every close, "Async
                # instruction ... ended with CancelledError" when a stop cancels a build)
                "dashboard_address": None, "silence_logs": logging.ERROR,
            },
        )


def _parallel_slots() -> int:
    """How many build tasks the current flow's task runner runs at once (threads, or Dask worker threads).

    For a local cluster prefect-dask has not started yet, the count comes from its
    ``cluster_kwargs``, so asking does not start it.
    """
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    runner = getattr(ctx, "task_runner", None)
    try:
        planned = getattr(runner, "cluster_kwargs", None) or {}
        if "n_workers" in planned:
            return max(1, int(planned["n_workers"]) * int(planned.get("threads_per_worker", 1)))
        if hasattr(runner, "client"):  # DaskTaskRunner on a running cluster
            return max(1, sum(runner.client.nthreads().values()))
        return max(1, int(getattr(runner, "_max_workers", 1) or 1))
    except Exception:
        return 1


@flow(
    name="ingest", flow_run_name=operations.flow_run_name, task_runner=ThreadPoolTaskRunner(max_workers=1),
    **operations.LEASE_HOOKS,
)
def ingest(
    path: str = "seeds",
    source_name: str | None = None,
    glob: str | None = None,
    batch_size: int | None = None,
    prune: bool = False,
    index: str | None = None,
    force: bool = False,
    verify: bool = False,
) -> RunSummary:
    """Index every article file under ``path``; returns the :class:`RunSummary`.

    ``index`` writes into that concrete index instead of the alias (``newsetl
    reindex`` builds a new index this way before swapping the alias). With
    ``prune``, documents of this source whose file is gone are deleted at the end,
    and the open rejections of such files marked resolved (not when a batch
    failed: the run then does not know every file's fate), unless
    :func:`prune_refusal` refuses (``force`` lifts the share limit only); the
    summary's ``prune_refused`` then says why. ``verify`` reads and hashes
    every file the index holds, whatever its stat says (``newsetl run --verify``).

    Files are checked first, in chunks of ``NEWSETL_CHECK_BATCH_SIZE`` (``check-batch``, in the
    flow): unchanged files are counted and cost nothing more. The new and changed files go, in
    batches, to ``build-batch`` tasks on the flow's task runner (one thread by default; a
    Dask cluster with :func:`task_runner`), at most two per build it runs at
    once, smaller near the end (:func:`tail_batch_size`); loads happen here in
    file order.

    Raises :class:`~etl.errors.ElasticsearchUnavailable` if the cluster cannot
    be reached at the start, :class:`~etl.errors.ModelNotInstalled` if the spaCy
    model is missing. When Elasticsearch fails mid-run and the task retries run
    out (or a build fails after its retries), the batch's files become ``load``
    rejections, the batch is named in ``failed_batches``, and the run goes on;
    the next run picks those files up. Rejections Elasticsearch cannot take wait in
    the local ledger (:mod:`etl.ledger`), which the next run writes first.

    A run that indexed or pruned documents ends by merging person names across articles
    (:func:`etl.index.apply_person_aliases`, :mod:`etl.collection_names`): ``entities.person``
    then holds the collection's canonical names (``President Clinton`` -> ``Bill Clinton``, when an
    article of the collection proves it); a failure there is logged and the run goes on.

    One run per source at a time: the run holds its source's lease
    (:func:`flows.operations.hold_source_lease`) and raises
    :class:`~etl.lease.SourceBusy` when another run holds it. Flow runs are named
    after the source and time, task runs after their batch; rejections are logged at
    WARNING; the run ends with the artifact ``ingest-summary-<source>`` and the
    event ``newsetl.ingest.finished`` (:mod:`flows.operations`).
    """
    logger = get_run_logger()
    interrupt.watch_sigterm()  # under the CLI: SIGTERM arms the stop's watchdog at once
    settings: Settings = get_settings()
    started = time.perf_counter()
    run_id = _current_run_id()
    root = Path(path)
    ensure_model_installed(settings.spacy_model)
    es = _client(settings)
    es_index.check_connection(es, settings.es_url)
    operations.hold_source_lease(es, settings, operations.source_label(root, source_name), run_id)  # or SourceBusy
    target = index or settings.index_alias
    concrete = index or es_index.ensure_index(es, settings)
    es_index.ensure_rejections_index(es, settings)
    found = scan(root, glob or settings.source_glob, source_name)
    files = found.files
    source = files[0].source if files else (source_name or root.resolve().name)
    summary = RunSummary(run_id=run_id, source=source, index=concrete, seen=len(files), ignored=found.ignored)
    stages: dict[str, float] = {"setup": time.perf_counter() - started}
    words = 0
    logger.info("%d files under %s -> %s (%s)", len(files), root, concrete, target)
    if found.ignored:
        logger.info("ignored (not articles): %s", ", ".join(f"{k}: {v}" for k, v in found.ignored.items()))
    _emit("start", files=len(files))
    warn = operations.RejectionWarnings(logger)  # each rejection at WARNING: file, stage, reason

    def add(stage: str, seconds: float) -> None:
        stages[stage] = stages.get(stage, 0.0) + seconds

    originals: dict[str, str] = {}
    replayed = ledger.replay_pending(es, settings)  # rejections an earlier run could not write: before resolving any
    if replayed:
        logger.info("wrote %d rejection(s) an earlier run kept in the local ledger to %s", replayed, settings.rejections_index)
    open_rejections = es_index.has_open_rejections(es, settings.rejections_index, source)  # else nothing to resolve
    load_task = load_batch.with_options(retries=settings.load_retries)  # NEWSETL_LOAD_RETRIES
    size = batch_size or settings.batch_size
    check_size = max(size, settings.check_batch_size)
    slots = _parallel_slots()
    ahead = 2 * slots  # builds in flight: one queued per worker, so a slow batch ahead in file order idles no worker
    in_flight: deque = deque()
    done = 0

    def record(rejections: list[Rejection]) -> None:
        if not rejections:
            return
        try:
            kept = ledger.record(es, settings, rejections)  # what Elasticsearch does not take waits in the ledger
        except OSError as exc:
            kept = 0
            logger.error("could not record %d rejections, in Elasticsearch or in the local ledger: %s", len(rejections), exc)
        if kept:
            logger.error(
                "Elasticsearch did not take %d rejection(s): kept in %s; the next run (or `newsetl rejects`) writes them to %s",
                kept, ledger.RejectionLedger.for_settings(settings).path, settings.rejections_index,
            )
        summary.rejected += len(rejections)
        summary.rejections += rejections
        warn(rejections)

    def progressed(files_done: int) -> None:
        nonlocal done
        done += files_done
        _emit("batch", done=done, indexed=summary.indexed, unchanged=summary.unchanged, rejected=summary.rejected, words=words)

    def label_of(positions: list[int]) -> str:
        return f"files {positions[0] + 1}-{positions[-1] + 1}"

    def to_build() -> Iterator[tuple[str, list[SourceFile]]]:
        """Batches of ``size`` new or changed files, in file order; unchanged files are counted and dropped here.

        Files are checked in chunks of ``check_size`` (``NEWSETL_CHECK_BATCH_SIZE``, at least ``size``):
        one ``check-batch`` task run and one search per chunk, so a re-run that finds nothing to do
        pays Prefect's per-task cost once per 5,000 files, not once per build batch. A chunk that
        fails after its retries is named by its whole range (``files 1-5000``).
        """
        pending: list[tuple[int, SourceFile]] = []
        for number, chunk in enumerate(_batches(files, check_size)):
            first = number * check_size
            label = label_of([first, first + len(chunk) - 1])
            t = time.perf_counter()
            try:
                same = check_batch(BatchFiles(chunk), str(root), target, verify, label=label)
            except Exception as exc:  # retries exhausted: Elasticsearch is away; these files wait for the next run
                logger.error("batch %s not checked after retries: %s", label, exc)
                summary.failed_batches.append(label)
                record(_batch_rejections(((f.source, f.relative_path) for f in chunk), run_id, f"batch {label} not processed: Elasticsearch failed after retries ({type(exc).__name__}); run again"))
                progressed(len(chunk))
                continue
            finally:
                add("check", time.perf_counter() - t)
            summary.unchanged += len(same)
            if len(same) < len(chunk):  # (a re-run that finds nothing to do computes no id here)
                pending += [(i, f) for i, f in enumerate(chunk, start=first) if not same or document_id(f.source, f.relative_path) not in same]
            if same:
                progressed(len(same))
            checked = first + len(chunk)
            while pending:
                take = tail_batch_size(size, len(pending) + len(files) - checked, slots)
                if len(pending) < take and checked < len(files):
                    break
                batch, pending = pending[:take], pending[take:]
                yield label_of([batch[0][0], batch[-1][0]]), [f for _, f in batch]

    batches = to_build()

    def submit_next() -> None:
        item = next(batches, None)
        if item is not None:
            label, batch = item
            # wrapped: Prefect would otherwise walk every file record of the batch (its own bookkeeping);
            # quote() does not survive prefect-dask's submission, a plain holder does
            in_flight.append((label, batch, build_batch.submit(BatchFiles(batch), str(root), run_id, label=label)))

    try:
        for _ in range(ahead):
            submit_next()
        while in_flight:
            label, batch, future = in_flight.popleft()
            rejections: list[Rejection] = []
            t = time.perf_counter()
            try:
                built = future.result()
            except Exception as exc:  # the build failed after its retries (a worker died, or a bug): keep going
                if interrupt.stopping():
                    raise  # a stop surfacing as the build's error: no rejections for a batch nobody failed
                logger.error("batch %s not built after retries: %s", label, exc)
                summary.failed_batches.append(label)
                rejections = _batch_rejections(((f.source, f.relative_path) for f in batch), run_id, f"batch {label} not processed: {type(exc).__name__}: {exc}; run again"[:500])
                built = None
            add("wait for build", time.perf_counter() - t)
            submit_next()  # the workers build the next batch while this one loads
            if built is not None:
                for stage, seconds in built.seconds.items():
                    add(stage, seconds)
                words += built.words
                rejections = list(built.rejections)
                if built.articles:
                    t = time.perf_counter()
                    try:
                        # quote(): unquoted, Prefect walks every field of every article before the task
                        # starts, ~0.5 s per 200 articles (measured): more than the bulk request itself
                        loaded = load_task(quote(built.articles), run_id, target, quote(dict(originals)), resolve=open_rejections, label=label)
                        written = set(loaded.indexed)
                        for a in built.articles:  # first occurrences become the originals of later copies
                            if a.id in written:
                                originals.setdefault(a.checksum, a.id)
                    except Exception as exc:  # retries exhausted: name the batch and its files, keep going
                        if interrupt.stopping():
                            raise  # a stop surfacing as the load's error: the next run loads the batch
                        logger.error("load failed for batch %s after retries: %s", label, exc)
                        summary.failed_batches.append(label)
                        loaded = es_index.LoadResult(
                            rejections=_batch_rejections(
                                ((a.source, a.source_path) for a in built.articles),
                                run_id, f"bulk load of batch {label} failed after retries: {type(exc).__name__}: {exc}",
                            )
                        )
                    add("load", time.perf_counter() - t)
                    summary.indexed += len(loaded.indexed)
                    rejections += loaded.rejections
                del built  # nothing of a loaded batch stays in memory
            record(rejections)
            progressed(len(batch))
    except BaseException as exc:  # SIGTERM (Prefect cancellation, timeout, systemd) or Ctrl-C: stop within seconds
        signum = interrupt.stop_signal(exc)
        if signum is not None:
            _stopping(signum, logger, summary, done, len(files))
        raise

    t = time.perf_counter()
    if prune and not summary.failed_batches:
        keep = {document_id(f.source, f.relative_path) for f in files}
        es.indices.refresh(index=target)  # the share counts this run's new documents too
        held = es_index.source_documents(es, target, source)
        gone = held - keep
        summary.prune_refused = prune_refusal(
            source, f"{root} (glob {glob or settings.source_glob!r})", len(files), len(gone), len(held), settings.prune_max_share, force
        )
        if summary.prune_refused:
            logger.error("%s", summary.prune_refused)
        else:
            summary.pruned = es_index.delete_documents(es, target, gone)
            if summary.pruned:
                logger.info("pruned %d document(s) whose file is gone", summary.pruned)
            closed = es_index.resolve_missing_rejections(es, settings.rejections_index, source, keep)
            if closed:
                logger.info("marked %d rejection(s) resolved: their file is gone", closed)
    elif prune:
        logger.warning("not pruning: %d batches failed, so this run cannot tell which files are gone", len(summary.failed_batches))
    add("finish", time.perf_counter() - t)
    if summary.indexed or summary.pruned:  # the collection changed, and so may its person-name merges
        t = time.perf_counter()
        try:
            es.indices.refresh(index=target)
            merged, updated = es_index.apply_person_aliases(es, target)
            logger.info("person names merged across articles: %d, documents updated: %d", merged, updated)
        except Exception as exc:  # the documents keep their articles' own names until the next run
            logger.error("merging person names across articles failed: %s", exc)
        add("merge names", time.perf_counter() - t)
    t = time.perf_counter()
    try:
        es.indices.refresh(index=target)
        es.options(ignore_status=404).indices.refresh(index=settings.rejections_index)
    except Exception as exc:  # the documents are written; they become visible at the next refresh
        logger.error("final refresh failed: %s", exc)
    add("finish", time.perf_counter() - t)
    summary.seconds = time.perf_counter() - started
    warn.close(run_id)
    create_markdown_artifact(key=operations.artifact_key(source), markdown=summary_markdown(summary, stages), description=f"ingest {source}")
    operations.emit_run_event(summary)
    logger.info(
        "seen %d = indexed %d + unchanged %d + rejected %d in %.1fs",
        summary.seen, summary.indexed, summary.unchanged, summary.rejected, summary.seconds,
    )
    logger.info("stage seconds: %s", ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    if not summary.balanced:
        logger.error("accounting mismatch: %s", summary.model_dump(exclude={"rejections"}))
    _emit("end", summary=summary, stages=stages, words=words)
    return summary
