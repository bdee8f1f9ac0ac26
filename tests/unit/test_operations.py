"""flows/operations.py: run and task run names, artifact keys, rejection warnings, the run event's
status and the automation that listens for it (no server; the e2e tests run them on a real one)."""

import datetime as dt
import logging

import pytest

from etl.models import Rejection, RunSummary
from flows import operations


def _rejection(path: str, stage: str = "parse", reason: str = "no ' date YYYY-MM-DD' header", source: str = "inbox") -> Rejection:
    return Rejection(
        id=path, source=source, source_path=path, stage=stage, reason=reason, run_id="r1",
        time=dt.datetime(2026, 11, 29, tzinfo=dt.UTC),
    )


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("tbaq-seeds", "ingest-summary-tbaq-seeds"),  # already a valid key: kept as it is
        ("seeds", "ingest-summary-seeds"),
        ("silver_seeds", "ingest-summary-silver-seeds-9abe1f5f"),  # sha1("silver_seeds")[:8]
        ("Inbox A", "ingest-summary-inbox-a-0cc6d0e9"),  # sha1("Inbox A")[:8]
        ("新闻", "ingest-summary-76484b3b"),  # nothing left of the label but its sha1
    ],
)
def test_artifact_key_follows_prefect_key_rules_and_keeps_labels_apart(source, key):
    assert operations.artifact_key(source) == key


def test_artifact_keys_of_labels_that_slug_alike_differ():
    keys = {operations.artifact_key(s) for s in ("inbox-a", "Inbox A", "inbox_a", "INBOX-A")}
    assert len(keys) == 4
    from prefect.artifacts import Artifact

    for k in keys:  # Prefect's own model accepts each key
        Artifact(type="markdown", key=k, data="x")


def test_batch_run_name_reads_the_label_parameter():
    name = operations.batch_run_name("build-batch")
    assert name(parameters={"files": object(), "label": "files 201-400"}) == "build-batch files 201-400"
    assert name(parameters={"files": object()}) == "build-batch"


def test_task_run_names_are_prefect_callbacks_with_parameters():
    from prefect.tasks import TaskRunNameCallbackWithParameters

    from flows.ingest import build_batch, check_batch, load_batch

    for task in (check_batch, build_batch, load_batch):
        assert TaskRunNameCallbackWithParameters.is_callback_with_parameters(task.task_run_name)
        assert task.task_run_name(parameters={"label": "files 1-200"}) == f"{task.name} files 1-200"


def test_source_label_is_the_folder_name_unless_named(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    assert operations.source_label(folder) == "wire"
    assert operations.source_label(f"{folder}/.", None) == "wire"
    assert operations.source_label(folder, "agency-feed") == "agency-feed"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _logger() -> tuple[logging.Logger, _Collect]:
    logger = logging.getLogger("test-operations")
    logger.handlers[:] = []
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = _Collect()
    logger.addHandler(handler)
    return logger, handler


def test_rejections_are_warnings_naming_file_stage_and_reason():
    logger, handler = _logger()
    warn = operations.RejectionWarnings(logger, limit=3)
    warn([_rejection("a.txt", "read", "empty file (0 bytes)")])
    warn([])
    warn([_rejection("b.txt")])
    warn.close("r1")
    assert [r.levelno for r in handler.records] == [logging.WARNING, logging.WARNING]
    assert [r.getMessage() for r in handler.records] == [
        "rejected inbox/a.txt at stage read: empty file (0 bytes)",
        "rejected inbox/b.txt at stage parse: no ' date YYYY-MM-DD' header",
    ]


def test_rejections_past_the_limit_are_counted_once():
    logger, handler = _logger()
    warn = operations.RejectionWarnings(logger, limit=2)
    warn([_rejection(f"{n}.txt") for n in range(3)])
    warn([_rejection(f"{n}.txt") for n in range(3, 7)])
    warn.close("run-42")
    lines = [r.getMessage() for r in handler.records]
    assert lines[:2] == [
        "rejected inbox/0.txt at stage parse: no ' date YYYY-MM-DD' header",
        "rejected inbox/1.txt at stage parse: no ' date YYYY-MM-DD' header",
    ]
    assert len(lines) == 4  # two one by one, a notice when the limit is passed, the count at the end
    assert "counted, not logged one by one" in lines[2]
    assert lines[3] == "5 more rejection(s) not logged one by one (7 in this run); `newsetl rejects --run run-42` lists every one"
    assert all(r.levelno == logging.WARNING for r in handler.records)


@pytest.mark.parametrize(
    ("rejected", "failed", "status"),
    [(0, [], "clean"), (2, [], "rejections"), (16, ["files 17-32"], "failed-batches")],
)
def test_run_status(rejected, failed, status):
    summary = RunSummary(run_id="r", source="s", seen=32, indexed=32 - rejected, rejected=rejected, failed_batches=failed)
    assert operations.run_status(summary) == status


def test_attention_automation_listens_for_runs_with_rejections_or_failed_batches():
    from uuid import UUID

    block = UUID("6f1b0a52-0c55-4b6e-9d6c-3c1f7e1a2b3c")
    automation = operations.attention_automation(block)
    trigger = automation.trigger
    assert trigger.expect == {operations.RUN_EVENT}
    assert trigger.match.root == {
        "prefect.resource.id": "newsetl.source.*", "newsetl.status": ["rejections", "failed-batches"],
    }
    assert trigger.posture == "Reactive" and trigger.threshold == 1
    (action,) = automation.actions
    assert action.type == "send-notification" and action.block_document_id == block
    for template in (action.subject, action.body):  # the server's own template check
        from prefect.server.events.actions import JinjaTemplateAction

        JinjaTemplateAction.validate_template(template, "body")
