"""The ingest flow's failure branches, each reached on purpose with real parts and its outcome asserted exactly.

- ``check-batch`` (a chunk of three files) and ``load-batch`` failing after their retries: a real node (the session's
  spare node) stopped at a chosen point of the run, after the first batch is loaded
  (``progress_listener``), with ``NEWSETL_LOAD_RETRIES=0``; restarted, the next run writes the
  rejections the ledger kept, indexes the files and marks the rejections resolved.
- ``build-batch`` raising (``NEWSETL_FAILPOINT=build-batch:raise:GLOB``, :mod:`etl.faults`):
  the run names the batch, records its files, and does not prune; the same run without the
  fault prunes.
- a Dask worker dying while it builds (``NEWSETL_FAILPOINT=build-batch:kill:GLOB``: the
  worker process is SIGKILLed): the batch fails with ``KilledWorker``, the run goes on.

Build batches are one file each (``batch_size=1``) so the labels are known by hand: with one
build slot the flow keeps two batches built ahead of the load (``2 * slots``), then one more per
batch loaded, and checks the next chunk of files (``NEWSETL_CHECK_BATCH_SIZE``) only when the
checked ones are all handed out.
"""

from uuid import UUID

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.ledger import RejectionLedger
from etl.sources import document_id
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.integration

SEED = SEED_FILE.read_text(encoding="utf-8")


def _stories(folder, names: list[str]) -> None:
    """One seed-format story per name, each with its own publication date (so no two have the same bytes)."""
    folder.mkdir(exist_ok=True)
    for day, name in enumerate(names, start=1):
        (folder / name).write_text(SEED.replace(" date 2017-12-27", f" date 2017-11-{day:02d}", 1), encoding="utf-8")


def read_task_runs(flow_run_id: str) -> list:
    """The task runs of one flow run, from the Prefect API, in the order they were created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)])))
    return sorted(runs, key=lambda r: r.expected_start_time)


def _task_runs(flow_run_id: str) -> dict[str, list[tuple[str, int]]]:
    """``{task name: [(state name, run count), ...]}`` of one flow run, from the Prefect API (tries = run count)."""
    out: dict[str, list[tuple[str, int]]] = {}
    for run in read_task_runs(flow_run_id):
        out.setdefault(run.name.split(" ", 1)[0], []).append((run.state_name, run.run_count))  # "load-batch files 2-2"
    return out


def _rejections(es, settings, include_resolved=True) -> dict[str, dict]:
    es.indices.refresh(index=settings.rejections_index)
    return {r["source_path"]: r for r in es_index.list_rejections(es, settings.rejections_index, include_resolved=include_resolved)}


def test_node_stopped_after_the_first_load_fails_the_rest_and_the_ledger_keeps_their_rejections(
    fault_node, prefect_server, monkeypatch, tmp_path
):
    from flows.ingest import ingest, progress_listener

    monkeypatch.setenv("NEWSETL_LOAD_RETRIES", "0")
    monkeypatch.setenv("NEWSETL_CHECK_BATCH_SIZE", "3")  # checks in chunks of 3 files, builds and loads one file each
    get_settings.cache_clear()
    folder = tmp_path / "wire"
    names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    _stories(folder, names)
    stopped: list[dict] = []

    def stop_after_the_first_load(event: str, data: dict) -> None:
        if event == "batch" and data["indexed"] >= 1 and not stopped:
            stopped.append(dict(data))
            fault_node.down()

    try:
        with progress_listener(stop_after_the_first_load):
            run = ingest(str(folder), batch_size=1, prune=True)
    finally:
        fault_node.up()
    assert stopped == [{"done": 1, "indexed": 1, "unchanged": 0, "rejected": 0, "words": stopped[0]["words"]}]

    # a.txt loaded; b.txt and c.txt were checked (the first chunk, files 1-3) before the stop and
    # fail to load (no retry); the second chunk, d.txt to f.txt, is checked after it, when c.txt's
    # build is handed out: check-batch fails after its 2 retries, before b.txt's load, and names
    # the whole chunk, every one of its files a rejection
    assert (run.seen, run.indexed, run.unchanged, run.rejected, run.pruned) == (6, 1, 0, 5, 0)
    assert run.failed_batches == ["files 4-6", "files 2-2", "files 3-3"]
    reasons = {r.source_path: (r.stage.value, r.reason) for r in run.rejections}
    assert sorted(reasons) == names[1:]
    for name in ("d.txt", "e.txt", "f.txt"):
        assert reasons[name] == ("load", "batch files 4-6 not processed: Elasticsearch failed after retries (ConnectionError); run again")
    for name, label in (("b.txt", "files 2-2"), ("c.txt", "files 3-3")):
        stage, reason = reasons[name]
        assert stage == "load" and reason.startswith(f"bulk load of batch {label} failed after retries: ConnectionError: "), reason
    tries = _task_runs(run.run_id)
    assert tries["check-batch"] == [("Completed", 1), ("Failed", 3)]  # NEWSETL_LOAD_RETRIES leaves check's 2 retries alone
    assert tries["load-batch"] == [("Completed", 1), ("Failed", 1), ("Failed", 1)]  # NEWSETL_LOAD_RETRIES=0: one try each

    # Elasticsearch was down when they arose: the three rejections wait in the local ledger
    settings = get_settings()
    ledger = RejectionLedger.for_settings(settings)
    assert ledger.path.parent == tmp_path / "state"
    assert sorted((r.source_path, r.stage.value, r.run_id) for r in ledger.pending()) == [
        (name, "load", run.run_id) for name in names[1:]
    ]

    # the node is back: the next run writes them to the index first, then indexes the files and resolves them
    again = ingest(str(folder), batch_size=1, prune=True)
    assert (again.seen, again.indexed, again.unchanged, again.rejected, again.failed_batches) == (6, 5, 1, 0, [])
    assert ledger.pending() == [] and not ledger.path.exists()
    es = es_index.connect(settings)
    rows = _rejections(es, settings)
    assert {p: (r["stage"], r["run_id"], r["resolved"]) for p, r in rows.items()} == {
        name: ("load", run.run_id, True) for name in names[1:]
    }
    assert rows["e.txt"]["reason"] == reasons["e.txt"][1]
    es.indices.refresh(index=settings.index_alias)
    assert es.count(index=settings.index_alias)["count"] == 6


def test_a_build_that_raises_fails_its_batch_and_the_run_does_not_prune(isolated_env, prefect_server, monkeypatch, tmp_path):
    from flows.ingest import ingest

    folder = tmp_path / "wire"
    _stories(folder, ["a.txt", "b.txt", "gone.txt"])
    first = ingest(str(folder))
    assert (first.indexed, first.rejected) == (3, 0)

    (folder / "gone.txt").unlink()
    (folder / "boom.txt").write_text(SEED, encoding="utf-8")
    monkeypatch.setenv("NEWSETL_FAILPOINT", "build-batch:raise:boom*")
    get_settings.cache_clear()
    failed = ingest(str(folder), batch_size=1, prune=True)
    # a.txt, b.txt unchanged (checked, never built); boom.txt is the third file, alone in its batch
    assert (failed.seen, failed.indexed, failed.unchanged, failed.rejected, failed.pruned) == (3, 0, 2, 1, 0)
    assert failed.failed_batches == ["files 3-3"]
    expected = "batch files 3-3 not processed: InjectedFault: failpoint 'build-batch:raise:boom*' hit on boom.txt; run again"
    assert [(r.source_path, r.stage.value, r.reason) for r in failed.rejections] == [("boom.txt", "load", expected)]
    assert _task_runs(failed.run_id)["build-batch"] == [("Failed", 3)]  # the task's own 2 retries ran first

    settings = get_settings()
    es = es_index.connect(settings)
    rows = _rejections(es, settings)
    assert {p: (r["stage"], r["reason"], r["resolved"]) for p, r in rows.items()} == {"boom.txt": ("load", expected, False)}
    gone_id = document_id("wire", "gone.txt")
    assert es.exists(index=settings.index_alias, id=gone_id)  # a run with a failed batch does not prune

    monkeypatch.delenv("NEWSETL_FAILPOINT")
    get_settings.cache_clear()
    fixed = ingest(str(folder), batch_size=1, prune=True)
    assert (fixed.seen, fixed.indexed, fixed.unchanged, fixed.rejected, fixed.pruned, fixed.failed_batches) == (3, 1, 2, 0, 1, [])
    assert not es.exists(index=settings.index_alias, id=gone_id)  # the same run without the fault prunes
    assert _rejections(es, settings)["boom.txt"]["resolved"] is True


def test_a_dask_worker_killed_while_it_builds_fails_only_its_batch(isolated_env, prefect_server, monkeypatch, tmp_path):
    """The batch is the run's only build, so it is the only task on the worker that dies (Dask
    errs every task a dead worker was processing); ``allowed-failures: 0`` makes the first
    death final instead of Dask's default of rescheduling it three more times."""
    import dask

    from flows.ingest import ingest, task_runner

    folder = tmp_path / "wire"
    _stories(folder, ["a.txt", "b.txt"])
    assert ingest(str(folder)).indexed == 2
    (folder / "c-boom.txt").write_text(SEED, encoding="utf-8")
    monkeypatch.setenv("NEWSETL_FAILPOINT", "build-batch:kill:*boom*")  # the worker processes inherit it
    get_settings.cache_clear()
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), task_runner(workers=2) as runner:
        killed = ingest.with_options(task_runner=runner)(str(folder), batch_size=1)
    assert (killed.seen, killed.indexed, killed.unchanged, killed.rejected) == (3, 0, 2, 1)
    assert killed.failed_batches == ["files 3-3"]
    [rejection] = killed.rejections
    assert (rejection.source_path, rejection.stage.value) == ("c-boom.txt", "load")
    assert rejection.reason.startswith("batch files 3-3 not processed: KilledWorker: "), rejection.reason
    assert "all those workers died while running it" in rejection.reason

    monkeypatch.delenv("NEWSETL_FAILPOINT")
    get_settings.cache_clear()
    again = ingest(str(folder), batch_size=1)
    assert (again.indexed, again.unchanged, again.rejected, again.failed_batches) == (1, 2, 0, [])
    settings = get_settings()
    assert _rejections(es_index.connect(settings), settings)["c-boom.txt"]["resolved"] is True
