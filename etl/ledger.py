"""The rejections ledger: rejections Elasticsearch could not take, kept on local disk until it can.

Every file a run sees ends indexed, unchanged or rejected, and a rejection must stay
where ``newsetl rejects`` finds it. When the rejections index cannot be written (the
node went away mid-run, which is also when most rejections arise: the batches that
failed), :func:`record` appends them to a local file instead of dropping them, and the
next run that reaches Elasticsearch (or ``newsetl rejects``) writes them to the index
first (:func:`replay_pending`), before it resolves what it indexes.

The file is ``<NEWSETL_STATE_DIR>/rejections-ledger.jsonl`` (JSON Lines), one entry per
rejection::

    {"es_url": "http://127.0.0.1:9200", "index": "news-rejections", "id": "<_id>",
     "rejection": {"source": ..., "source_path": ..., "stage": "load", "reason": ...,
                   "run_id": ..., "time": ..., "resolved": false}}

Entries are appended and ``fsync``'d under an exclusive ``flock`` of
``rejections-ledger.lock``, so concurrent runs never interleave lines, and a replay
rewrites the file without what it wrote (temporary file, ``fsync``, ``rename``: POSIX's
atomic replace), so a crash at any point loses no entry. Entries are kept per cluster and
index: a run against another cluster leaves them alone.

A replay never overwrites newer news: an entry is written only if the index holds no
rejection of that file with the same or a later ``time`` (compare-and-set with the
document's ``_seq_no``/``_primary_term``, Elasticsearch's optimistic concurrency
control), so a rejection resolved since, or one a later run recorded, stays as it is and
replaying twice changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from elasticsearch import Elasticsearch, helpers

from etl.config import Settings
from etl.models import Rejection

log = logging.getLogger(__name__)

LEDGER_NAME = "rejections-ledger.jsonl"
LOCK_NAME = "rejections-ledger.lock"


class RejectionLedger:
    """The ledger entries of one cluster (``es_url``) and rejections ``index``, in ``state_dir``.

    Usage::

        ledger = RejectionLedger.for_settings(get_settings())
        ledger.append(rejections)          # Elasticsearch refused them
        ledger.pending()                   # [Rejection, ...] still to write
        ledger.replay(es)                  # -> how many it wrote; they leave the file
    """

    def __init__(self, state_dir: Path, es_url: str, index: str) -> None:
        self.state_dir = Path(state_dir)
        self.es_url = es_url
        self.index = index

    @classmethod
    def for_settings(cls, settings: Settings) -> RejectionLedger:
        """The ledger of ``NEWSETL_STATE_DIR`` for ``NEWSETL_ES_URL`` and the rejections index."""
        return cls(settings.state_dir, settings.es_url, settings.rejections_index)

    @property
    def path(self) -> Path:
        return self.state_dir / LEDGER_NAME

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.state_dir / LOCK_NAME, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _mine(self, entry: dict) -> bool:
        return entry.get("es_url") == self.es_url and entry.get("index") == self.index

    def append(self, rejections: Sequence[Rejection]) -> None:
        """Add ``rejections`` to the file, flushed and ``fsync``'d before returning. Raises OSError if it cannot."""
        if not rejections:
            return
        text = "".join(
            json.dumps({"es_url": self.es_url, "index": self.index, "id": r.id, "rejection": r.model_dump(mode="json")}) + "\n"
            for r in rejections
        )
        with self._locked():
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())

    def _read(self) -> list[tuple[str, dict | None]]:
        """Every line of the file with its parsed entry (None for a line that is not JSON: kept, never dropped)."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        out = []
        for line in lines:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s: a line that is not JSON is kept as it is: %.80s", self.path, line)
                entry = None
            out.append((line, entry if isinstance(entry, dict) else None))
        return out

    def pending(self) -> list[Rejection]:
        """The rejections waiting in the file for this cluster and index, oldest first."""
        with self._locked():
            return [_rejection(e) for _, e in self._read() if e is not None and self._mine(e)]

    def replay(self, es: Elasticsearch) -> int:
        """Write the waiting rejections to the index; returns how many were written.

        Entries the index already holds something as new or newer for (the same
        ``time`` or later: a resolved or later rejection of the file) are dropped from
        the file without a write; entries Elasticsearch refuses stay. Raises the
        client's errors when the cluster cannot be reached (the file is then untouched).
        """
        with self._locked():
            lines = self._read()
            mine = [(line, e) for line, e in lines if e is not None and self._mine(e)]
            if not mine:
                return 0
            newest: dict[str, Rejection] = {}
            for _, entry in mine:  # the same file twice: the later rejection is the one that counts
                r = _rejection(entry)
                if r.id not in newest or newest[r.id].time <= r.time:
                    newest[r.id] = r
            found = {
                d["_id"]: d
                for d in es.mget(index=self.index, ids=list(newest), source_includes=["time"])["docs"]
                if d.get("found")
            }
            actions, settled = [], set()
            for rid, r in newest.items():
                doc = found.get(rid)
                if doc is not None and _parse_time(doc["_source"].get("time")) >= r.time:
                    settled.add(rid)  # the index knows as much or more
                    continue
                action = {"_index": self.index, "_id": rid, "_source": r.model_dump(mode="json")}
                if doc is None:
                    action["_op_type"] = "create"
                else:
                    action.update(if_seq_no=doc["_seq_no"], if_primary_term=doc["_primary_term"])
                actions.append(action)
            written = 0
            if actions:
                ok, errors = helpers.bulk(es, actions, raise_on_error=False, refresh=True)
                written = ok
                refused = {}
                for item in errors:
                    info = next(iter(item.values()))
                    refused[info["_id"]] = info.get("status")
                settled |= {a["_id"] for a in actions if refused.get(a["_id"], 409) == 409}  # 409: written by someone since
                if any(status != 409 for status in refused.values()):
                    log.warning("Elasticsearch refused %d ledger entries; they stay in %s", sum(s != 409 for s in refused.values()), self.path)
            keep = [line for line, e in lines if e is None or not self._mine(e) or e.get("id") not in settled]
            _replace(self.path, keep)
            return written


def _rejection(entry: dict) -> Rejection:
    return Rejection(id=entry["id"], **entry["rejection"])


def _parse_time(value: str | None) -> dt.datetime:
    if not value:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _replace(path: Path, lines: list[str]) -> None:
    """Rewrite ``path`` with ``lines`` atomically (write a temporary file, fsync, rename, fsync the folder)."""
    if not lines:
        path.unlink(missing_ok=True)
    else:
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in lines))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def record(es: Elasticsearch, settings: Settings, rejections: Sequence[Rejection]) -> int:
    """Write ``rejections`` to the rejections index (one document per file, newest wins);
    those Elasticsearch does not take, item by item or all at once, go to the ledger.

    Returns how many went to the ledger (0 when Elasticsearch took them all). Raises
    OSError only when the ledger file cannot be written either.
    """
    if not rejections:
        return 0
    actions = [{"_index": settings.rejections_index, "_id": r.id, "_source": r.model_dump(mode="json")} for r in rejections]
    try:
        _, errors = helpers.bulk(es, actions, raise_on_error=False)
        refused = {next(iter(item.values()))["_id"] for item in errors}
    except Exception as exc:  # the cluster is away: keep them all
        log.warning("could not write %d rejections to %s (%s)", len(rejections), settings.rejections_index, exc)
        refused = {r.id for r in rejections}
    kept = [r for r in rejections if r.id in refused]
    RejectionLedger.for_settings(settings).append(kept)
    return len(kept)


def replay_pending(es: Elasticsearch, settings: Settings) -> int:
    """Write what an earlier run kept in the ledger for this cluster and index; returns how many.

    Creates the rejections index if needed. When the cluster fails meanwhile the
    entries stay for the next try and 0 is returned (with a warning in the log):
    a replay never stops the run or the command that asked for it.
    """
    from etl import index as es_index

    ledger = RejectionLedger.for_settings(settings)
    if not ledger.path.exists():
        return 0
    try:
        if not ledger.pending():
            return 0
        es_index.ensure_rejections_index(es, settings)
        return ledger.replay(es)
    except Exception as exc:
        log.warning("the rejections kept in %s stay there for now: %s", ledger.path, exc)
        return 0
