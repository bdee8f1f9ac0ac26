"""What a run leaves in Prefect, read back from Prefect's API: the run's and its task runs' names, the
batch count lines, rejections at WARNING, the artifact key, the end-of-run event; and the source lease
(a run refused while another holds it, the lease gone after a run)."""

import re
import shutil

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.lease import SourceBusy, SourceLease, current_holder, leases_index
from tests.conftest import SEED_FILE
from tests.e2e.test_scheduled_runs import _wait

pytestmark = pytest.mark.integration


@pytest.fixture
def folder(tmp_path):
    """``wire``: the seed and an empty file (rejected at the read stage)."""
    src = tmp_path / "wire"
    src.mkdir()
    shutil.copy(SEED_FILE, src / "a-seed.txt")
    (src / "b-empty.txt").write_bytes(b"")
    return src


def _client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def _logs(flow_run_id, level: int = 0) -> list:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId, LogFilterLevel

    with _client() as client:
        return client.read_logs(
            log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id]), level=LogFilterLevel(ge_=level)),
            limit=200,
        )


def test_run_names_logs_artifact_and_event(isolated_env, prefect_server, folder):
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterId
    from prefect.logging.handlers import APILogHandler

    from flows.ingest import ingest

    summary = ingest(str(folder))
    assert (summary.seen, summary.indexed, summary.rejected) == (2, 1, 1)
    APILogHandler().flush()
    with _client() as client:
        run = client.read_flow_run(summary.run_id)
        assert re.fullmatch(r"wire \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", run.name), run.name
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
        assert sorted(t.name for t in tasks) == ["build-batch files 1-2", "check-batch files 1-2", "load-batch files 1-2"]
        (artifact,) = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-summary-wire"])),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])),
        )
    assert "| wire/b-empty.txt | read | empty file (0 bytes) |" in artifact.data
    assert f"| run id | {summary.run_id} |" in artifact.data

    by_task = {t.id: t.name for t in tasks}
    lines = _wait("the run's logs", lambda: [(by_task.get(log.task_run_id), log.level, log.message) for log in _logs(run.id)] or None, 30, [])
    counts = {name: msg for name, level, msg in lines if name and msg[0].isdigit()}
    assert counts == {
        "check-batch files 1-2": "2 files: 0 unchanged, 2 new or changed",
        "build-batch files 1-2": "2 files: 1 article(s) built, 1 rejected; 428 words",
        "load-batch files 1-2": "1 article(s): 1 indexed, 0 rejected by Elasticsearch; 0 are copies of an earlier file (duplicate_of)",
    }
    warnings = [msg for _, level, msg in lines if level >= 30]
    assert warnings == ["rejected wire/b-empty.txt at stage read: empty file (0 bytes)"]

    def run_event():
        from prefect.events.worker import EventsWorker

        EventsWorker.drain_all(timeout=5)
        with _client() as client:
            body = {"filter": {"event": {"name": ["newsetl.ingest.finished"]}, "related": {"id": [f"prefect.flow-run.{run.id}"]}}}
            found = client._client.post("/events/filter", json=body).json()["events"]
        return found

    (event,) = _wait("the run's newsetl.ingest.finished event", run_event, 30, [])
    assert event["resource"] == {
        "prefect.resource.id": "newsetl.source.wire", "prefect.resource.name": "wire", "newsetl.status": "rejections",
    }
    payload = event["payload"]
    assert {k: payload[k] for k in ("seen", "indexed", "unchanged", "rejected", "failed_batches", "run_id")} == {
        "seen": 2, "indexed": 1, "unchanged": 0, "rejected": 1, "failed_batches": [], "run_id": summary.run_id,
    }


def test_a_run_is_refused_while_another_holds_the_source(isolated_env, prefect_server, folder):
    from flows.ingest import ingest

    settings = get_settings()
    es = es_index.connect(settings)
    index = leases_index(settings.index_alias)
    other = SourceLease.acquire(es, index, "wire", "a-scheduled-run", 120, run_name="wire 2026-11-30 12:00:00 UTC")
    try:
        with pytest.raises(SourceBusy, match=r"^source 'wire' is being ingested by run 'wire 2026-11-30 12:00:00 UTC'"):
            ingest(str(folder))
        assert current_holder(es, index, "wire").run_id == "a-scheduled-run"  # the refused run left it alone
        assert not es.indices.exists(index=settings.index_alias)  # and wrote nothing
    finally:
        other.release()
    summary = ingest(str(folder))  # free again
    assert summary.indexed == 1
    assert current_holder(es, index, "wire") is None  # released by the flow's state hook
