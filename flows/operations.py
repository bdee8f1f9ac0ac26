"""What an operator sees and relies on in Prefect, for the ``ingest`` flow.

- Names: flow runs are named after their source and start time
  (:func:`flow_run_name`, Prefect's ``flow_run_name``), task runs after their
  batch (:func:`batch_run_name`, ``task_run_name``): ``build-batch files 1-200``.
- Rejections at WARNING, with file, stage and reason (:class:`RejectionWarnings`),
  so Prefect's log-level filter and log shipping find them.
- One artifact key per source (:func:`artifact_key`).
- One run per source at a time: the flow holds the source's lease
  (:mod:`etl.lease`) from its start; Prefect's state hooks (:data:`LEASE_HOOKS`)
  release it however the run ends.
- A Prefect event at the end of each run with its counts (:func:`emit_run_event`),
  and the automation that notifies a Prefect notification block when a run ends
  with rejections or failed batches (:func:`attention_automation`,
  ``newsetl alerts``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl.lease import SourceLease, leases_index

if TYPE_CHECKING:
    from uuid import UUID

    from elasticsearch import Elasticsearch

    from etl.config import Settings
    from etl.models import Rejection, RunSummary

RUN_EVENT = "newsetl.ingest.finished"
"""The Prefect event every ingest run emits when it ends (:func:`emit_run_event`)."""

ATTENTION_AUTOMATION = "newsetl: ingest needs attention"
"""Name of the automation :func:`install_attention_automation` creates (or replaces)."""

REJECTIONS_LOGGED = 20
"""Rejections a run logs one by one at WARNING; past that it counts them and says how many at the end."""


def source_label(path: str | Path, source_name: str | None = None) -> str:
    """The ``source`` label a run of ``path`` gives its documents: ``source_name``, else the folder's
    name (the rule of :func:`etl.sources.discover`)."""
    return source_name or Path(path).resolve().name


def flow_run_name() -> str:
    """``SOURCE YYYY-MM-DD HH:MM:SS UTC`` (``SOURCE into INDEX ...`` for a rebuild into ``INDEX``).

    For Prefect's ``flow_run_name``: called inside the flow run, it reads the run's
    parameters and its scheduled start time (the time it was created, for a run
    started by hand) from :mod:`prefect.runtime`.
    """
    from prefect.runtime import flow_run

    params = flow_run.parameters or {}
    source = source_label(params.get("path") or "seeds", params.get("source_name"))
    when = flow_run.scheduled_start_time or datetime.now(UTC)
    into = f" into {params['index']}" if params.get("index") else ""
    return f"{source}{into} {when.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def batch_run_name(task: str):
    """A ``task_run_name`` callable: ``TASK LABEL`` from the task's ``label`` parameter
    (``build-batch files 201-400``), the bare task name without one."""

    def name(parameters: dict[str, Any]) -> str:  # Prefect passes the run's parameters by this name
        label = parameters.get("label") or ""
        return f"{task} {label}".strip()

    return name


_KEY_UNSAFE = re.compile(r"[^a-z0-9]+")


def artifact_key(source: str) -> str:
    """The key of a source's run summary artifact: ``ingest-summary-<source>``.

    Prefect artifact keys hold lower-case letters, digits and dashes only
    (``prefect.artifacts``), so the label is lower-cased and every other run of
    characters becomes one dash. When that changes the label (``Inbox A``), 8 hex
    digits of its sha1 follow, so two labels never share a key (``inbox-a`` and
    ``Inbox A`` stay apart).
    """
    slug = _KEY_UNSAFE.sub("-", source.lower()).strip("-")[:60].strip("-")
    if slug != source:
        digest = hashlib.sha1(source.encode()).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else digest
    return f"ingest-summary-{slug}"


class RejectionWarnings:
    """Log each rejection of a run at WARNING (file, stage, reason): the first ``limit`` one by one,
    then only a count, said once by :meth:`close`.

    Usage: ``warn = RejectionWarnings(logger)``; ``warn(rejections)`` per batch;
    ``warn.close(run_id)`` at the end.
    """

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter, limit: int = REJECTIONS_LOGGED) -> None:
        self.logger = logger
        self.limit = limit
        self.seen = 0

    def __call__(self, rejections: list[Rejection]) -> None:
        for r in rejections:
            self.seen += 1
            if self.seen <= self.limit:
                stage = getattr(r.stage, "value", r.stage)
                self.logger.warning("rejected %s/%s at stage %s: %s", r.source, r.source_path, stage, r.reason)
            if self.seen == self.limit + 1:
                self.logger.warning("more rejections follow: counted, not logged one by one (the end of the run says how many)")

    def close(self, run_id: str) -> None:
        """Say how many rejections were not logged one by one, if any."""
        if self.seen > self.limit:
            self.logger.warning(
                "%d more rejection(s) not logged one by one (%d in this run); `newsetl rejects --run %s` lists every one",
                self.seen - self.limit, self.seen, run_id,
            )


# --- one run per source: the lease, held for the flow run and released by its state hooks

_held: dict[str, SourceLease] = {}


def hold_source_lease(es: Elasticsearch, settings: Settings, source: str, run_id: str) -> SourceLease:
    """Take ``source``'s lease (``<alias>-leases``, ``NEWSETL_LEASE_SECONDS``) for this flow run and keep it alive.

    Raises :class:`etl.lease.SourceBusy` when another run holds it. The flow's
    :data:`LEASE_HOOKS` release it when the run ends, whatever the end.
    """
    from prefect.runtime import flow_run

    lease = SourceLease.acquire(
        es, leases_index(settings.index_alias), source, run_id, settings.lease_seconds, run_name=flow_run.name or ""
    )
    lease.keep_alive()
    _held[run_id] = lease
    return lease


def release_source_lease(flow: Any, flow_run: Any, state: Any) -> None:
    """Prefect state hook: release the lease the flow run took, if any (a refused run took none)."""
    lease = _held.pop(str(flow_run.id), None)
    if lease is not None:
        lease.release()


LEASE_HOOKS = {
    "on_completion": [release_source_lease],
    "on_failure": [release_source_lease],
    "on_crashed": [release_source_lease],
    "on_cancellation": [release_source_lease],
}
"""Keyword arguments for ``@flow``: every way a flow run ends releases its lease."""


# --- the end-of-run event and the automation that listens for it


def run_status(summary: RunSummary) -> str:
    """``failed-batches`` when a batch failed after its retries, else ``rejections`` when files were
    rejected, else ``clean``: the ``newsetl.status`` label of :data:`RUN_EVENT`."""
    if summary.failed_batches:
        return "failed-batches"
    return "rejections" if summary.rejected else "clean"


def emit_run_event(summary: RunSummary) -> Any:
    """Emit :data:`RUN_EVENT` for a finished run; returns the event (None when Prefect sends no events).

    Resource ``newsetl.source.<source>`` with the labels ``prefect.resource.name``
    (the source) and ``newsetl.status`` (:func:`run_status`), which automations
    match on; payload: the counts (``seen``, ``indexed``, ``unchanged``,
    ``rejected``, ``pruned``), ``failed_batches`` (their labels), ``run_id``,
    ``index``, ``seconds``. Prefect relates it to the flow run, flow and deployment.
    """
    from prefect.events import emit_event

    return emit_event(
        event=RUN_EVENT,
        resource={
            "prefect.resource.id": f"newsetl.source.{summary.source}",
            "prefect.resource.name": summary.source,
            "newsetl.status": run_status(summary),
        },
        payload={
            "source": summary.source, "run_id": summary.run_id, "index": summary.index,
            "seen": summary.seen, "indexed": summary.indexed, "unchanged": summary.unchanged,
            "rejected": summary.rejected, "pruned": summary.pruned,
            "failed_batches": list(summary.failed_batches), "seconds": round(summary.seconds, 1),
        },
    )


NOTIFICATION_SUBJECT = "news-etl: {{ event.resource.name }} needs attention ({{ event.resource['newsetl.status'] }})"
NOTIFICATION_BODY = (
    "Ingest of {{ event.resource.name }} ended with {{ event.payload.rejected }} rejected file(s) and "
    "{{ event.payload.failed_batches | length }} failed batch(es){% if event.payload.failed_batches %} "
    "({{ event.payload.failed_batches | join(', ') }}){% endif %}: {{ event.payload.seen }} seen, "
    "{{ event.payload.indexed }} indexed, {{ event.payload.unchanged }} unchanged. "
    "List them with: newsetl rejects --run {{ event.payload.run_id }}"
)


def attention_automation(block_document_id: UUID, name: str = ATTENTION_AUTOMATION) -> Any:
    """The Prefect automation (``AutomationCore``) that sends the notification block
    ``block_document_id`` a message when an ingest run ends with rejections or failed batches.

    Trigger: each :data:`RUN_EVENT` whose ``newsetl.status`` is ``rejections`` or
    ``failed-batches`` (reactive, threshold 1, evaluated per source). Action:
    ``send-notification`` with :data:`NOTIFICATION_SUBJECT` and :data:`NOTIFICATION_BODY`
    (Jinja templates over the event: source, counts, failed batches, run id).
    """
    from datetime import timedelta

    from prefect.events.actions import SendNotification
    from prefect.events.schemas.automations import AutomationCore, EventTrigger, Posture

    return AutomationCore(
        name=name,
        description="An ingest run ended with rejected files or failed batches (event newsetl.ingest.finished).",
        trigger=EventTrigger(
            expect={RUN_EVENT},
            match={"prefect.resource.id": "newsetl.source.*", "newsetl.status": ["rejections", "failed-batches"]},
            for_each={"prefect.resource.id"},
            posture=Posture.Reactive,
            threshold=1,
            within=timedelta(0),
        ),
        actions=[SendNotification(block_document_id=block_document_id, subject=NOTIFICATION_SUBJECT, body=NOTIFICATION_BODY)],
    )


def install_attention_automation(block: str, name: str = ATTENTION_AUTOMATION) -> tuple[UUID, int]:
    """Create :func:`attention_automation` for the notification block ``block``
    (``BLOCK-TYPE-SLUG/BLOCK-NAME``, as ``prefect block ls`` shows it) on the Prefect API
    of ``PREFECT_API_URL``, replacing automations of the same ``name``.

    Returns ``(automation id, how many were replaced)``. Raises ValueError for a
    malformed ``block``, ``prefect.exceptions.ObjectNotFound`` for an unknown block.
    """
    from prefect.client.orchestration import get_client

    kind, sep, block_name = block.partition("/")
    if not (sep and kind and block_name):
        raise ValueError(f"{block!r} is not a block slug such as slack-webhook/ops (BLOCK-TYPE/NAME, see `prefect block ls`)")
    with get_client(sync_client=True) as client:
        document = client.read_block_document_by_name(name=block_name, block_type_slug=kind)
        old = client.read_automations_by_name(name)
        for automation in old:
            client.delete_automation(automation.id)
        return client.create_automation(attention_automation(document.id, name)), len(old)
