"""The ``newsetl`` command line (Typer + rich).

Commands: ``run`` (the ingest flow), ``search`` (full-text with facets),
``rejects`` (list rejected files), ``serve`` (scheduled deployment), ``alerts``
(a Prefect automation that notifies on rejections), ``setup``
(index and alias), ``evaluate-dates`` (score the temporal tagger on TimeML),
``es up|down|status`` (local node).
Expected faults (Elasticsearch down, bad folder, node start failure) print one
red line and exit 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperCommand, TyperGroup

from etl import interrupt
from etl.errors import NewsEtlError
from etl.prefect_server import prefect_api

def _bare_flags(params: list) -> list:
    """Give flag options an empty metavar, so that --help shows ``--ephemeral``, not ``--ephemeral <bool>``
    (typer 0.29's help prints a flag's type as if the flag took a value); returns ``params``."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class _Group(TyperGroup):
    """Typer's command group, with :func:`_bare_flags` applied to its own options and to every command's."""

    def get_params(self, ctx) -> list:
        return _bare_flags(super().get_params(ctx))

    def get_command(self, ctx, cmd_name: str):
        command = super().get_command(ctx, cmd_name)
        if command is not None:  # get_params makes (and caches) the command's --help option too
            _bare_flags(command.get_params(ctx))
        return command


app = typer.Typer(cls=_Group, help="news-etl: index news articles into Elasticsearch.", no_args_is_help=True, add_completion=False)
es_app = typer.Typer(cls=_Group, help="Provision and control a local Elasticsearch node or cluster (no Docker needed).", no_args_is_help=True)
app.add_typer(es_app, name="es")

# rich wraps at 80 columns when output is not a terminal; logs and pipes read better wide
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)
_state = {"debug": False}


def _prefect_defaults() -> None:
    """Offline-friendly Prefect defaults (analytics off); never overrides what the user set."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")


def _settings():
    """The settings, or one error line naming the bad NEWSETL_ variable; a warning line for each
    NEWSETL_ variable no setting reads (a misspelling would otherwise go unnoticed)."""
    from etl.config import get_settings, unknown_variables

    for name, close in unknown_variables():
        hint = f"; did you mean {close}?" if close else ""
        err.print(f"[yellow]warning:[/] {name} is not a news-etl setting and is ignored{hint}", highlight=False, soft_wrap=True)
    try:
        return get_settings()
    except NewsEtlError as exc:
        _fail(exc)


def _fail(exc: BaseException) -> None:
    if _state["debug"]:
        raise exc
    err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
) -> None:
    _state["debug"] = debug
    # our own loggers only: Prefect keeps its console format for flow and task logs
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    etl_log = logging.getLogger("etl")
    etl_log.addHandler(handler)
    etl_log.setLevel(logging.DEBUG if debug else logging.WARNING)
    etl_log.propagate = False
    # the client's own retry chatter; our one-line errors say what matters
    logging.getLogger("elastic_transport").setLevel(logging.DEBUG if debug else logging.ERROR)


def _summary_table(summary) -> Table:
    table = Table(title=f"ingest summary: {summary.source}", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("run id", summary.run_id)
    table.add_row("files seen", str(summary.seen))
    table.add_row("indexed", str(summary.indexed))
    table.add_row("unchanged (skipped)", str(summary.unchanged))
    table.add_row("rejected", str(summary.rejected))
    if summary.pruned:
        table.add_row("pruned (file gone)", str(summary.pruned))
    for why, n in summary.ignored.items():
        table.add_row(f"ignored ({why})", str(n))
    if summary.failed_batches:
        table.add_row("failed batches", ", ".join(summary.failed_batches))
    table.add_row("index", summary.index)
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("docs/s", f"{summary.docs_per_second:.1f}")
    return table


def _rejections_table(rows: list[dict], title: str, status: bool = False) -> Table:
    """Rejections as a table; with ``status``, a column that says ``open`` or ``resolved`` (fixed or gone)."""
    table = Table(title=title)
    for col in ("file", "stage", "reason", "run", "time", *(("status",) if status else ())):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            f"{r['source']}/{r['source_path']}", r["stage"], r["reason"], r["run_id"], r["time"][:19],
            *(("resolved" if r.get("resolved") else "open",) if status else ()),
        )
    return table


_SOURCE_NAME = typer.Option("--source-name", help="Label for the source (default: the folder's name).")
_GLOB = typer.Option("--glob", help="Which files are articles (default NEWSETL_SOURCE_GLOB, '*.txt').")
_BATCH = typer.Option("--batch-size", min=1, help="Files per Prefect task (default NEWSETL_BATCH_SIZE).")


def _preflight(settings, paths: list[Path], dask_address: str | None = None):
    """Fail fast, before Prefect starts its temporary server: folders, spaCy model, Elasticsearch,
    the Dask scheduler (:func:`_check_dask_scheduler`) when one is given. Returns the client."""
    from etl import index as es_index
    from etl.entities import ensure_model_installed

    for path in paths:
        check_folder(path)
    ensure_model_installed(settings.spacy_model)
    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)
    if dask_address:
        _check_dask_scheduler(dask_address)
    _prefect_defaults()
    return es


def check_folder(path: Path) -> None:
    """Raise NewsEtlError unless ``path`` is a folder: one that does not exist is named as such, and a
    relative one with the folder it was looked for in (``run``'s default ``seeds`` is relative too)."""
    if path.is_dir():
        return
    if path.exists():
        raise NewsEtlError(f"{path} is not a folder")
    if path.is_absolute():
        raise NewsEtlError(f"folder {path} does not exist")
    hint = "; PATH defaults to seeds/ in the current folder: give the folder of your articles" if path == Path("seeds") else ""
    raise NewsEtlError(f"folder {path} does not exist in the current folder ({Path.cwd()}){hint}")


DASK_CONNECT_TIMEOUT = 5.0
"""Seconds the CLI gives the Dask scheduler to answer a handshake before the run starts."""


def _check_dask_scheduler(address: str) -> None:
    """Raise NewsEtlError unless ``address`` is a Dask scheduler address (:func:`etl.config.parse_dask_address`)
    that completes Dask's comm handshake within :data:`DASK_CONNECT_TIMEOUT` seconds.

    Without it, Dask's client waits 30 s, twice, inside the flow, after the index was set
    up, and ends in a traceback; something other than a scheduler on the port (seen here:
    a proxy that accepts any connection) even made it try to allocate exabytes.
    """
    import asyncio

    from etl.config import parse_dask_address

    try:
        parse_dask_address(address)
    except ValueError as exc:
        raise NewsEtlError(str(exc)) from None

    async def handshake() -> None:
        from distributed.comm import connect

        comm = await connect(address, timeout=DASK_CONNECT_TIMEOUT)
        await comm.close()

    try:  # connect's timeout does not bound the handshake's read: a server that never answers would hang
        asyncio.run(asyncio.wait_for(handshake(), DASK_CONNECT_TIMEOUT + 1))
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else f"{type(exc).__name__}, no Dask handshake"
        raise NewsEtlError(f"the Dask scheduler at {address} could not be reached ({reason[:200]})") from None


def _workers_for(settings, workers: int | None, path: Path, glob: str | None, batch_size: int | None) -> int:
    """Worker processes for this run: the option, else NEWSETL_WORKERS, else (0, auto) one per CPU
    core when the folder holds more than one batch of files (a local Dask cluster costs seconds to start)."""
    wanted = workers if workers is not None else settings.workers
    if wanted:
        return wanted
    cores = os.cpu_count() or 1
    if cores == 1:
        return 1
    from etl.sources import scan

    size = batch_size or settings.batch_size
    files = len(scan(path, glob or settings.source_glob, limit=size + 1).files)  # a walk that stops at one batch and a file
    return cores if files > size else 1


class _Progress:
    """A rich progress bar fed by the flow's progress events: files done, docs/s, ETA.

    Prefect's own console log lines are held back to warnings while it shows
    (they still reach the Prefect API); the bar is removed when the run ends.
    """

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[rate]:>7} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=console.is_terminal,
        )
        self.task = None
        self.started = 0.0
        self._quiet: list[tuple[logging.Handler, int]] = []

    def __call__(self, event: str, data: dict) -> None:
        import time

        if event == "start":
            self.started = time.perf_counter()
            self.task = self.bar.add_task("ingest", total=data["files"] or None, rate="-")
        elif event == "batch" and self.task is not None:
            seconds = max(time.perf_counter() - self.started, 1e-9)
            self.bar.update(self.task, completed=data["done"], rate=f"{data['indexed'] / seconds:.1f}")

    def __enter__(self):
        # Prefect's logging.yml puts its console handler on the root logger (not on "prefect")
        for handler in {*logging.getLogger().handlers, *logging.getLogger("prefect").handlers}:
            if type(handler).__name__ == "PrefectConsoleHandler":
                self._quiet.append((handler, handler.level))
                handler.setLevel(max(handler.level, logging.WARNING))
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()
        for handler, level in self._quiet:
            handler.setLevel(level)


def _stop_line(signum: int, what: str) -> str:
    """The one line of a command stopped by a signal before the flow could say how far it got."""
    return f"stopped by {interrupt.signal_name(signum)}: the {what} was cut short; what was loaded stays indexed, run again to do the rest"


def _stopped(exc: BaseException, what: str, line: str | None = None) -> None:
    """For SIGTERM/Ctrl-C (:func:`etl.interrupt.stop_signal`: also any error raised once a stop has
    begun): print the stop's one line and exit at once with 143/130 (:func:`etl.interrupt.exit_now`);
    for anything else, return (the caller re-raises)."""
    signum = interrupt.stop_signal(exc)
    if signum is None:
        return
    interrupt.arm(signum)  # the watchdog, if the flow did not start it
    if _state["debug"]:
        import traceback

        traceback.print_exception(exc)
    interrupt.say(line or interrupt.message() or _stop_line(signum, what))
    interrupt.exit_now(signum)


def _report(summary, settings, glob: str | None, path: Path) -> None:
    """Print the summary and rejections; exit 1 when batches failed or the accounting does not balance."""
    console.print(_summary_table(summary))
    if summary.seen == 0 and not summary.prune_refused:  # a refused prune's line says so
        err.print(f"[yellow]warning:[/] no files matched {glob or settings.source_glob!r} under {path}", highlight=False)
    if summary.rejections:
        console.print(_rejections_table([r.model_dump(mode="json") for r in summary.rejections], "rejected files"))
    if summary.failed_batches:
        _fail(
            NewsEtlError(
                f"{len(summary.failed_batches)} batch(es) failed after retries ({', '.join(summary.failed_batches)}); "
                "their files are listed as rejected: run again to finish"
            )
        )
    if not summary.balanced:
        _fail(NewsEtlError("run accounting does not balance: seen != indexed + unchanged + rejected"))
    if summary.prune_refused:
        _fail(NewsEtlError(summary.prune_refused))


@app.command()
def run(
    path: Annotated[Path, typer.Argument(help="Folder of article files.")] = Path("seeds"),
    source_name: Annotated[str | None, _SOURCE_NAME] = None,
    glob: Annotated[str | None, _GLOB] = None,
    batch_size: Annotated[int | None, _BATCH] = None,
    prune: Annotated[bool, typer.Option("--prune", help="Delete documents of this source whose file is gone (never when the run saw no file; above NEWSETL_PRUNE_MAX_SHARE of the source only with --force).")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --prune: delete even more than NEWSETL_PRUNE_MAX_SHARE of the source's documents.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=0, help="Worker processes for NLP: a local Dask cluster when > 1; 0: one per core for runs of more than one batch (default NEWSETL_WORKERS, 0).")] = None,
    dask_address: Annotated[str | None, typer.Option("--dask-address", metavar="tcp://HOST:PORT", help="Run the NLP tasks on this Dask scheduler (default NEWSETL_DASK_ADDRESS).")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar (files done, docs/s, ETA); default: on when stdout is a terminal.")] = None,
    verify: Annotated[bool, typer.Option("--verify", help="Read and hash every indexed file, even those whose size and mtime are unchanged (a periodic audit).")] = False,
) -> None:
    """Run the ingest flow over PATH (default: seeds/) and print the run summary.

    New and changed files are indexed, unchanged ones skipped (same size and mtime, else the same checksum), bad ones
    listed as rejected. Exit codes: 0 when the run completed (rejected files are
    listed, not fatal); 1 for an expected fault (Elasticsearch down, bad setting,
    missing folder or model, unreachable Dask scheduler), when batches failed after the
    retries, or when --prune refused to delete (one line says why).
    """
    from elasticsearch import TransportError

    from etl.sources import scan_ahead

    settings = _settings()
    address = dask_address or settings.dask_address
    show = sys.stdout.isatty() if progress is None else progress
    try:
        with interrupt.stop_on_signals(lambda signum: _stop_line(signum, "run")):
            _source_free(_preflight(settings, [path], address), settings, path, source_name)
            with contextlib.ExitStack() as stack:
                server_ready = stack.enter_context(prefect_api())
                # the walk of the folder runs while the temporary Prefect server starts; the flow takes it
                stack.enter_context(scan_ahead(path, glob or settings.source_glob, source_name))
                from flows.ingest import ingest, progress_listener, task_runner

                interrupt.quiet_console_on_stop()
                n = 1 if address else _workers_for(settings, workers, path, glob, batch_size)
                server_ready()
                try:
                    runner_cm = task_runner(workers=n, dask_address=address)
                    runner = runner_cm.__enter__()
                except OSError as exc:  # Dask's "Timed out trying to connect to tcp://..."
                    raise NewsEtlError(f"the Dask cluster could not be started or reached ({address or f'{n} local workers'}): {exc}") from None
                stack.push(runner_cm)
                if show:
                    bar = stack.enter_context(_Progress())
                    stack.enter_context(progress_listener(bar))
                summary = ingest.with_options(task_runner=runner)(
                    str(path), source_name=source_name, glob=glob, batch_size=batch_size, prune=prune, force=force, verify=verify
                )
    except NewsEtlError as exc:
        _fail(exc)
        return
    except TransportError as exc:  # the node went away mid-run and the retries ran out
        _fail(NewsEtlError(f"Elasticsearch failed during the run ({type(exc).__name__}: {exc}); run again to finish"))
        return
    except OSError as exc:
        if not address:
            raise
        _fail(NewsEtlError(f"the Dask scheduler at {address} could not be reached ({exc})"))
        return
    except BaseException as exc:
        _stopped(exc, "run")
        raise
    _report(summary, settings, glob, path)


def _source_free(es, settings, path: Path, source_name: str | None) -> None:
    """Raise :class:`etl.lease.SourceBusy` when another run is ingesting the source (its lease), before
    anything starts; the flow's own lease decides if two runs start at once (etl/lease.py)."""
    from etl.lease import check_free, leases_index
    from flows.operations import source_label

    check_free(es, leases_index(settings.index_alias), source_label(path, source_name))


@app.command()
def reindex(
    paths: Annotated[list[Path], typer.Argument(help="Every source folder the index should hold.")],
    glob: Annotated[str | None, _GLOB] = None,
    batch_size: Annotated[int | None, _BATCH] = None,
    keep: Annotated[int, typer.Option("--keep", min=0, help="Previous indices kept for `newsetl rollback`.")] = 1,
) -> None:
    """Rebuild the index from the sources into a new versioned index, then swap the alias atomically.

    Searches keep hitting the old index until the swap (one `_aliases` call), so
    search never goes offline. The new index is built from PATHS only: give every
    folder the index should hold. If any batch fails, or SIGTERM/Ctrl-C stops it (exit
    143/130 within seconds), the alias is left alone and the half-built index deleted.
    Older indices beyond --keep are deleted after the swap.
    """
    from elasticsearch import TransportError

    from etl import index as es_index

    settings = _settings()
    new = None
    old_target = None
    try:
        with interrupt.stop_on_signals(lambda signum: _stop_line(signum, "rebuild")):
            try:
                es = _preflight(settings, paths)
                old_target = es_index.alias_target(es, settings.index_alias)
                new = es_index.new_index_name(settings.index_alias)
                es_index.create_index(es, settings, new, building=True)
                with prefect_api() as prefect_ready:
                    from flows.ingest import ingest

                    interrupt.quiet_console_on_stop()
                    prefect_ready()
                    for path in paths:
                        summary = ingest(str(path), glob=glob, batch_size=batch_size, index=new)
                        console.print(_summary_table(summary))
                        if summary.failed_batches or not summary.balanced:
                            raise NewsEtlError(
                                f"the rebuild of {path} had failed batches ({', '.join(summary.failed_batches)}); "
                                f"the alias '{settings.index_alias}' still points at the old index"
                            )
                es.indices.refresh(index=new)
                es_index.mark_built(es, new)
                old = es_index.swap_alias(es, settings.index_alias, new)
                new = None  # live now: never delete it below
                dropped = es_index.drop_old_indices(es, settings.index_alias, keep=keep)
            except (NewsEtlError, TransportError) as exc:
                if new is not None:
                    es_index.connect(settings).options(ignore_status=[404]).indices.delete(index=new)
                _fail(exc if isinstance(exc, NewsEtlError) else NewsEtlError(f"Elasticsearch failed during the rebuild ({type(exc).__name__})"))
                return
    except BaseException as exc:
        signum = interrupt.stop_signal(exc)
        if signum is not None:
            _stopped(exc, "rebuild", _abandon_rebuild(settings, signum, new, old_target))
        raise
    console.print(f"alias {settings.index_alias}: {old or '(none)'} -> {es_index.alias_target(es, settings.index_alias)}")
    if dropped:
        console.print(f"deleted old indices: {', '.join(dropped)}")


def _abandon_rebuild(settings, signum: int, new: str | None, old_target: str | None) -> str:
    """Delete the half-built index of a stopped ``reindex`` (2 s, no retries: the node may be what
    hung) and say where the alias points. A half-built index is never behind the alias; one that
    could not be deleted is marked as building, so ``rollback`` skips it and the next
    ``reindex`` deletes it."""
    from etl import index as es_index

    interrupt.arm(signum)
    where = f"the alias '{settings.index_alias}' still points at {old_target or '(no index)'}"
    if new is None:
        return f"stopped by {interrupt.signal_name(signum)} before the rebuild had an index; {where}"
    try:
        es_index.connect(settings).options(request_timeout=2, max_retries=0, ignore_status=[404]).indices.delete(index=new)
        gone = f"the half-built index {new} was deleted"
    except Exception:
        gone = f"the half-built index {new} could not be deleted now (the next reindex deletes it)"
    return f"stopped by {interrupt.signal_name(signum)}: the rebuild was abandoned and {gone}; {where}"


def _index_client(settings):
    """A connected client for the commands that only talk to Elasticsearch (one error line when it is down)."""
    from etl import index as es_index

    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)
    return es


def _kept(es, alias: str) -> str:
    from etl import index as es_index

    return ", ".join(s.name for s in es_index.index_states(es, alias)) or "none"


@app.command()
def rollback(
    to: Annotated[str | None, typer.Option("--to", metavar="INDEX", help="Point the alias at this kept index (`newsetl history` lists them).")] = None,
) -> None:
    """Point the alias back at the index it pointed at before the current one (one atomic `_aliases` call).

    Goes by the alias history kept in each index's metadata, not by build order: a second
    rollback returns to where the first one started. `--to INDEX` picks any kept index;
    `newsetl rollforward` goes to the newest build.
    """
    from etl import index as es_index

    def choose(es, alias: str, current: str | None) -> str:
        if to is None:
            target = es_index.previous_index(es, alias)
            if target is None:
                raise NewsEtlError(f"no previous index to roll back to (alias '{alias}' -> {current}; kept: {_kept(es, alias)})")
            return target
        if to not in es_index.versioned_indices(es, alias, built_only=True):
            raise NewsEtlError(f"{to} is not an index of alias '{alias}' (kept: {_kept(es, alias)})")
        if to == current:
            raise NewsEtlError(f"alias '{alias}' already points at {current}")
        return to

    _point_alias(choose)


@app.command()
def rollforward() -> None:
    """Point the alias at the newest index `newsetl reindex` built and made live (undoes rollbacks), in one atomic `_aliases` call."""
    from etl import index as es_index

    def choose(es, alias: str, current: str | None) -> str:
        newest = es_index.newest_index(es, alias)
        if newest is None or newest == current:
            raise NewsEtlError(f"alias '{alias}' already points at the newest index ({current})")
        return newest

    _point_alias(choose)


def _point_alias(choose) -> None:
    """Point the alias at the index ``choose(es, alias, current)`` names (it raises NewsEtlError when
    there is none), in one atomic `_aliases` call recorded in the alias history; print the swap."""
    from etl import index as es_index

    settings = _settings()
    alias = settings.index_alias
    try:
        es = _index_client(settings)
        current = es_index.alias_target(es, alias)
        target = choose(es, alias, current)
        es_index.swap_alias(es, alias, target)
    except NewsEtlError as exc:
        _fail(exc)
        return
    console.print(f"alias {alias}: {current} -> {target}", highlight=False)


@app.command()
def history() -> None:
    """List the indices kept behind the alias: documents, when each was built and last live, which is live now."""
    from etl import index as es_index

    settings = _settings()
    try:
        states = es_index.index_states(_index_client(settings), settings.index_alias)
    except NewsEtlError as exc:
        _fail(exc)
        return
    if not states:
        console.print(f"no indices behind alias '{settings.index_alias}' yet")
        return
    table = Table(title=f"indices of alias {settings.index_alias} (oldest built first)")
    for col in ("index", "documents", "built", "last live", "now"):
        table.add_column(col)
    for s in states:
        last = s.last_live[:19] if s.last_live else "(not recorded)"
        table.add_row(s.name, str(s.documents), s.created[:19], last, "live" if s.live else "")
    console.print(table)


class SortOrder(str, Enum):
    """Hit order for ``newsetl search``."""

    relevance = "relevance"
    published = "published"


def calendar_day(value: str | date) -> date:
    """``YYYY-MM-DD`` -> :class:`datetime.date`, for the CLI's date options.

    Raises :class:`typer.BadParameter` saying which is wrong: the form (``2017/11/01``), or
    the day, which has the form but is not in the calendar (``2017-13-01``: month must be
    in 1..12; ``2017-02-29``: day is out of range for month; ISO 8601 calendar dates).
    """
    import re

    if isinstance(value, date):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"{value} is no calendar day ({exc})") from None


class SearchCommand(TyperCommand):
    """``newsetl search``, whose text may start with a minus (``-sanctions``: exclude a word).

    Click reads such a word as options (``-s``...), so the text goes after ``--`` or into
    ``-q/--query``. After ``--`` every word is search text, except the command's long options
    (``--json``, ``--gpe NAME``), which work on either side of it. A word before ``--`` that
    starts with one minus and is no option (``-sanctions``, or ``-quota``, which ``-q`` would
    take as ``uota``) is refused with a line that shows both ways.
    """

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        params = {name: p for p in self.get_params(ctx) for name in (*p.opts, *p.secondary_opts)}

        def takes_value(token: str) -> bool:
            param = params.get(token)
            return getattr(param, "param_type_name", "") == "option" and not param.is_flag and not param.count

        before, sep, after = (args[: args.index("--")], ["--"], args[args.index("--") + 1 :]) if "--" in args else (args, [], [])
        i = 0
        while i < len(before):
            token = before[i]
            if takes_value(token):
                i += 2
                continue
            if token.startswith("-") and not token.startswith("--") and len(token) > 2 and token.split("=", 1)[0] not in params:
                raise typer.BadParameter(
                    f"{token!r} is not an option; to search for text that starts with '-', "
                    f"write -q '{token}' or put it after --: newsetl search -- {token}",
                    ctx, param_hint="QUERY",
                )
            i += 1
        options, words = [], []
        i = 0
        while i < len(after):
            token = after[i]
            name = token.split("=", 1)[0]
            if name.startswith("--") and name in params:
                options.append(token)
                if "=" not in token and takes_value(token) and i + 1 < len(after):
                    options.append(after[i + 1])
                    i += 1
            else:
                words.append(token)
            i += 1
        return super().parse_args(ctx, [*before, *options, *sep, *words])


_DAY = {"parser": calendar_day, "metavar": "YYYY-MM-DD"}


@app.command(cls=SearchCommand)
def search(
    words: Annotated[list[str] | None, typer.Argument(metavar="QUERY", show_default=False, help="Search text (simple_query_string syntax: words, \"phrases\", -exclude, a|b); several words are joined. Empty: all articles. Text that starts with '-' goes after -- or in -q.")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", metavar="TEXT", help="The search text as an option: -q -sanctions.")] = None,
    person: Annotated[list[str] | None, typer.Option("--person", metavar="NAME", help="Only articles naming this person (repeatable: all must match).")] = None,
    org: Annotated[list[str] | None, typer.Option("--org", metavar="NAME", help="Only articles naming this organisation (repeatable).")] = None,
    gpe: Annotated[list[str] | None, typer.Option("--gpe", metavar="NAME", help="Only articles naming this country/city/state (repeatable; aliases such as DPRK work).")] = None,
    loc: Annotated[list[str] | None, typer.Option("--loc", metavar="NAME", help="Only articles naming this location (repeatable).")] = None,
    norp: Annotated[list[str] | None, typer.Option("--norp", metavar="NAME", help="Only articles naming this nationality/religious/political group (repeatable).")] = None,
    country: Annotated[list[str] | None, typer.Option("--country", metavar="CODE", help="Only articles mentioning a place in this country: ISO 3166-1 alpha-2 code (KP) or name (repeatable: any matches).")] = None,
    dateline: Annotated[list[str] | None, typer.Option("--dateline", metavar="NAME", help="Only these datelines (repeatable: any matches).")] = None,
    agency: Annotated[list[str] | None, typer.Option("--agency", metavar="NAME", help="Only these agencies, e.g. AFP (repeatable: any matches).")] = None,
    language: Annotated[list[str] | None, typer.Option("--language", metavar="NAME", help="Only these languages, ISO 639-1 (repeatable).")] = None,
    published_from: Annotated[date | None, typer.Option("--published-from", **_DAY, help="Published on or after this day.")] = None,
    published_to: Annotated[date | None, typer.Option("--published-to", **_DAY, help="Published on or before this day.")] = None,
    mentions_from: Annotated[date | None, typer.Option("--mentions-from", **_DAY, help="Mentions a date on or after this day (with --mentions-to: a date in the interval; a year or quarter when it lies wholly inside).")] = None,
    mentions_to: Annotated[date | None, typer.Option("--mentions-to", **_DAY, help="Mentions a date on or before this day.")] = None,
    sort: Annotated[SortOrder, typer.Option("--sort", help="Order of hits.")] = SortOrder.relevance,
    size: Annotated[int, typer.Option("--size", min=1, max=1000, help="Hits per page.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Page number, from 1.")] = 1,
    facets: Annotated[int, typer.Option("--facets", min=0, max=1000, help="Values shown per facet; 0: no facets.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits and facets as JSON.")] = False,
) -> None:
    """Full-text search over body and lead with filters, highlighted snippets and facet counts.

    Exit codes: 0 with results or none; 1 when Elasticsearch is down or the index is
    empty; 2 for a malformed query (an unbalanced quote or parenthesis), one beyond the
    limits (characters, words, nesting depth; checked before anything is sent) or bad options.
    """
    from etl import index as es_index
    from etl.search import QuerySyntaxError, QueryTooLargeError, SearchRequest, check_query_limits
    from etl.search import search as run_search

    if query is not None and words:
        raise typer.BadParameter(f"give the search text once: as words ({' '.join(words)!r}) or with -q ({query!r})", param_hint="'-q' / '--query'")
    text = query if query is not None else " ".join(words or [])
    try:
        check_query_limits(text)
    except QueryTooLargeError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None

    settings = _settings()
    entity_filters = {"person": person, "org": org, "gpe": gpe, "loc": loc, "norp": norp}
    req = SearchRequest(
        query=text,
        entities={k: v for k, v in entity_filters.items() if v},
        countries=country or [],
        dateline=dateline or [],
        agency=agency or [],
        language=language or [],
        published_from=published_from,
        published_to=published_to,
        mentions_from=mentions_from,
        mentions_to=mentions_to,
        sort=sort.value,
        size=size,
        page=page,
        facet_size=facets,
    )
    try:
        es = es_index.connect(settings)
        es_index.check_connection(es, settings.es_url)
        result = run_search(es, settings.index_alias, req)
    except (QuerySyntaxError, QueryTooLargeError) as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except NewsEtlError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    _print_search(result, facets)


def _print_search(result, facet_limit: int) -> None:
    from rich.markup import escape

    from etl.search import snippet_markup

    pages = max(1, -(-result.total // result.size))
    first = (result.page - 1) * result.size
    console.print(f"[bold]{result.total}[/] article(s) match; page {result.page} of {pages}", highlight=False)
    for n, hit in enumerate(result.hits, start=first + 1):
        where = " · ".join(x for x in (hit.published[:10], hit.dateline, hit.agency) if x)
        console.print(f"\n[bold]{n}.[/] {escape(where)}  [dim]{escape(hit.source)}/{escape(hit.source_path)}[/]", highlight=False)
        fragments = hit.highlight.get("body") or hit.highlight.get("lead") or [hit.lead[:240]]
        console.print("   " + snippet_markup(fragments), highlight=False)
    table = Table(title="facets", show_lines=False)
    table.add_column("facet")
    table.add_column("counts", overflow="fold")
    for name, buckets in result.facets.items():
        if buckets:
            table.add_row(name, facet_cell(name, buckets, facet_limit))
    if table.row_count:
        console.print()
        console.print(table)


def facet_cell(name: str, buckets: list[dict], limit: int) -> str:
    """One facet's counts as terminal text: ``key (count), ...``.

    Term facets arrive already cut to ``limit`` (``--facets``). A month or year histogram
    (``*_month``, ``*_year``) returns every month or year that has articles, which can be
    hundreds, so the terminal shows its ``limit`` busiest in calendar order and says how
    many more there are; ``--json`` keeps them all.
    """
    more = 0
    unit = "months" if name.endswith("_month") else "years" if name.endswith("_year") else None
    if unit and len(buckets) > limit:
        busiest = sorted(buckets, key=lambda b: -b["count"])[:limit]  # stable: ties keep the earlier month
        more = len(buckets) - limit
        buckets = sorted(busiest, key=lambda b: b["key"])
    from rich.markup import escape

    cell = ", ".join(f"{escape(str(b['key']))} ({b['count']})" for b in buckets)
    return cell + (f" [dim](+{more} more {unit}; --json lists all)[/]" if more else "")


@app.command()
def rejects(
    run_id: Annotated[str | None, typer.Option("--run", help="Only rejections of this run id (a prefix is enough).")] = None,
    source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="Only rejections of this source (its label, e.g. the folder's name).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include rejections resolved by a later run, with a status column (open/resolved).")] = False,
) -> None:
    """List rejected files with their stage and reason (from the rejections index: NEWSETL_REJECTIONS_INDEX, default <alias>-rejections).

    Rejections a run could not write to Elasticsearch (kept in the local ledger,
    :mod:`etl.ledger`) are written to the index first, so they are listed too.
    """
    from etl import index as es_index
    from etl.ledger import replay_pending

    settings = _settings()
    try:
        es = es_index.connect(settings)
        es_index.check_connection(es, settings.es_url)
        replay_pending(es, settings)
        rows = es_index.list_rejections(es, settings.rejections_index, run_id=run_id, include_resolved=all_, source=source)
    except NewsEtlError as exc:
        _fail(exc)
        return
    if not rows:
        console.print("no rejections")
        return
    if all_:
        still = sum(1 for r in rows if not r.get("resolved"))
        title = f"{len(rows)} rejected file(s): {still} open, {len(rows) - still} resolved"
    else:
        title = f"{len(rows)} rejected file(s)"
    console.print(_rejections_table(rows, title, status=all_))


@app.command()
def serve(
    path: Annotated[Path, typer.Argument(help="Folder to ingest on each scheduled run.")] = Path("seeds"),
    cron: Annotated[str | None, typer.Option("--cron", help="Cron schedule, e.g. '0 * * * *'.")] = None,
    interval: Annotated[float | None, typer.Option("--interval", help="Run every SECONDS instead of a cron.")] = None,
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "newsetl-ingest",
) -> None:
    """Serve the ingest flow as a scheduled Prefect deployment (needs `prefect server start` and PREFECT_API_URL).

    One run at a time: the deployment's concurrency limit is 1 with Prefect's CANCEL_NEW
    strategy, so a run due while the previous one is still going is cancelled (skipped);
    the next tick after it ends runs.
    """
    import shlex

    prefect = shlex.quote(str(Path(sys.executable).parent / "prefect"))  # the one installed beside newsetl (.venv/bin)
    if not cron and not interval:
        _fail(NewsEtlError("give --cron '...' or --interval SECONDS"))
    api = os.environ.get("PREFECT_API_URL")
    if not api:
        _fail(NewsEtlError(
            f"scheduled runs need a Prefect server: start one with `{prefect} server start` (or `make serve`, "
            "which does it all) and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        ))
    try:
        check_folder(path)
    except NewsEtlError as exc:
        _fail(exc)
    _prefect_defaults()
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.ingest import ingest

    when = f"cron {cron!r}" if cron else f"every {interval:g} s"
    console.print(f"serving deployment ingest/{name}: {path.absolute()}, {when}; Ctrl-C stops it", highlight=False, soft_wrap=True)
    console.print(
        f"start a run now from another shell: PREFECT_API_URL={api} {prefect} deployment run 'ingest/{name}'",
        highlight=False, soft_wrap=True,
    )
    one_at_a_time = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)
    # Prefect's own starting message suggests a bare `prefect deployment run`, which is only in .venv/bin
    ingest.serve(
        name=name, cron=cron, interval=interval, parameters={"path": str(path.absolute())},
        global_limit=one_at_a_time, print_starting_message=False,
    )


@app.command()
def alerts(
    block: Annotated[str, typer.Argument(metavar="BLOCK-TYPE/NAME", help="A Prefect notification block, as `prefect block ls` names it, e.g. slack-webhook/ops.")],
) -> None:
    """Create (or replace) the Prefect automation that sends BLOCK a notification when an ingest run
    ends with rejected files or failed batches (event newsetl.ingest.finished; needs PREFECT_API_URL)."""
    if not os.environ.get("PREFECT_API_URL"):
        _fail(NewsEtlError("automations live on a Prefect server: set PREFECT_API_URL=http://127.0.0.1:4200/api"))
    _prefect_defaults()
    from prefect.exceptions import ObjectNotFound

    from flows.operations import ATTENTION_AUTOMATION, install_attention_automation

    try:
        automation_id, replaced = install_attention_automation(block)
    except ValueError as exc:
        _fail(NewsEtlError(str(exc)))
        return
    except ObjectNotFound:
        _fail(NewsEtlError(f"no block {block!r} on {os.environ['PREFECT_API_URL']}; `prefect block ls` lists them"))
        return
    console.print(
        f"automation '{ATTENTION_AUTOMATION}' ({automation_id}) notifies {block} when a run ends with rejections or failed batches"
        + (f"; replaced {replaced} older one(s)" if replaced else ""),
        highlight=False, soft_wrap=True,
    )


@app.command()
def setup() -> None:
    """Create the versioned index behind the alias and the rejections index (idempotent); print the index name.

    The Docker setup service runs this before Kibana's saved objects are imported.
    """
    from etl import index as es_index

    settings = _settings()
    try:
        es = es_index.connect(settings)
        es_index.check_connection(es, settings.es_url)
        name = es_index.ensure_index(es, settings)
    except NewsEtlError as exc:
        _fail(exc)
        return
    console.print(f"alias {settings.index_alias} -> {name}; rejections in {settings.rejections_index}")


class EvalPart(str, Enum):
    """Which documents' errors ``evaluate-dates`` lists (see etl.dates.timeml.corpus_part)."""

    tuning = "tuning"
    held_out = "held-out"
    all = "all"


@app.command("evaluate-dates")
def evaluate_dates(
    directory: Annotated[Path, typer.Argument(help="Folder of TimeML .tml files (searched recursively).")],
    errors: Annotated[bool, typer.Option("--errors", help="List every miss, false alarm and wrong value with context, grouped by rule.")] = False,
    part: Annotated[EvalPart, typer.Option("--part", help="Whose errors --errors and --json list: the tuning part (rules are developed on it), the held-out part, or all.")] = EvalPart.tuning,
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures (and errors) as JSON.")] = False,
) -> None:
    """Score the temporal tagger on TimeML files: TempEval-3 Task A span, type and value measures, on all
    documents and on each part of the fixed tuning/held-out split."""
    from etl.dates.evaluate_cli import evaluate_dates_command

    try:
        code = evaluate_dates_command(directory, errors, as_json, part=part.value)
    except NewsEtlError as exc:
        _fail(exc)
        return
    if code:
        raise typer.Exit(code)


@es_app.command("up")
def es_up(
    port: Annotated[int, typer.Option(help="HTTP port on 127.0.0.1.")] = 9200,
    ephemeral: Annotated[bool, typer.Option("--ephemeral", help="Throwaway data folder, deleted by `es down`.")] = False,
    secure: Annotated[bool, typer.Option("--secure", help="Security on: HTTPS with a generated CA, user elastic (password NEWSETL_ES_PASSWORD or a generated file).")] = False,
    nodes: Annotated[int, typer.Option("--nodes", min=1, help="Start a local cluster of N nodes on ports PORT..PORT+N-1 (transport +100), 1 GB heap each unless NEWSETL_ES_HEAP is set.")] = 1,
) -> None:
    """Fetch (Maven), unpack and start a local node (or a cluster: --nodes N); reuse what already answers."""
    from etl.elasticsearch_local import LocalNode

    settings = _settings()
    if nodes > 1:
        if secure:
            _fail(NewsEtlError("--secure starts a single node; a local cluster (--nodes N) runs without security"))
        _es_cluster_up(settings, port, nodes, ephemeral)
        return
    try:
        with console.status(f"starting Elasticsearch on 127.0.0.1:{port}..."):
            status = LocalNode(settings, port=port, ephemeral=ephemeral, secure=secure).up()
    except NewsEtlError as exc:
        _fail(exc)
        return
    console.print(
        f"Elasticsearch is up at {status['url']} ({status['health']['status']}); logs in {status['logs']}", soft_wrap=True
    )
    if status["secure"]:
        where = f"in {status['password_file']}" if status["password_file"] else "NEWSETL_ES_PASSWORD"
        console.print(f"user elastic, password {where}; CA certificate {status['ca_certs']}", soft_wrap=True, highlight=False)


def _es_cluster_up(settings, port: int, nodes: int, ephemeral: bool) -> None:
    """``es up --nodes N``: start (or complete) the local cluster and print its URLs as NEWSETL_ES_URL."""
    from etl.elasticsearch_cluster import LocalCluster

    try:
        cluster = LocalCluster(settings, port=port, nodes=nodes, ephemeral=ephemeral)
        with console.status(f"starting a {nodes}-node Elasticsearch cluster on 127.0.0.1:{port}-{port + nodes - 1}..."):
            status = cluster.up()
    except NewsEtlError as exc:
        _fail(exc)
        return
    health = status["health"]
    console.print(
        f"Elasticsearch cluster {status['name']} is up: {health['number_of_nodes']} nodes ({health['status']}); "
        f"logs in {', '.join(n['logs'] for n in status['nodes'])}",
        soft_wrap=True, highlight=False,
    )
    console.print(f"NEWSETL_ES_URL={','.join(status['urls'])}", soft_wrap=True, highlight=False)


@es_app.command("down")
def es_down(port: Annotated[int, typer.Option(help="HTTP port of the node (of any node of a local cluster: all of them stop).")] = 9200) -> None:
    """Stop the local node started by `newsetl es up` on PORT, or every node of the local cluster PORT belongs to."""
    from etl.elasticsearch_cluster import LocalCluster
    from etl.elasticsearch_local import LocalNode

    settings = _settings()
    cluster = LocalCluster.recorded(settings, port)
    if cluster is not None:
        stopped = cluster.down()
        console.print(f"stopped {stopped} of the {cluster.nodes} nodes of cluster {cluster.name} (ports {cluster.ports[0]}-{cluster.ports[-1]})")
        return
    stopped = LocalNode(settings, port=port).down()
    console.print(f"stopped the node on port {port}" if stopped else f"no node started by newsetl runs on port {port}")


@es_app.command("status")
def es_status(port: Annotated[int, typer.Option(help="HTTP port of the node (of a local cluster: any node's).")] = 9200) -> None:
    """Say whether the local node on 127.0.0.1:PORT answers, and its health (exit 3 when it does not); for a
    local cluster, each node and the cluster's health (exit 3 when no node answers)."""
    from etl.elasticsearch_cluster import LocalCluster
    from etl.elasticsearch_local import LocalNode

    cluster = LocalCluster.recorded(_settings(), port)
    if cluster is not None:
        _print_cluster_status(cluster.status(), cluster.nodes)
        return
    status = LocalNode(_settings(), port=port).status()
    if status["running"]:
        console.print(f"running at {status['url']}: {status['health']['status']}; logs in {status['logs']}", soft_wrap=True)
    else:
        console.print(f"not running at {status['url']}")
        raise typer.Exit(3)


def _print_cluster_status(status: dict, nodes: int) -> None:
    """One line for the cluster (name, nodes joined, health), one per node (answers or not); exit 3 when none answers."""
    health = status["health"]
    if health:
        console.print(
            f"cluster {status['name']}: {health['status']}, {health['number_of_nodes']} of {nodes} nodes joined, "
            f"{health.get('unassigned_shards', 0)} unassigned shards",
            highlight=False,
        )
    else:
        console.print(f"cluster {status['name']}: no node answers", highlight=False)
    for node in status["nodes"]:
        state = "running" if node["running"] else "not running"
        console.print(f"  {node['url']}: {state}; logs in {node['logs']}", soft_wrap=True, highlight=False)
    if not health:
        raise typer.Exit(3)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="newsetl")


if __name__ == "__main__":
    sys.exit(main())
