"""One run per source at a time: a lease document in Elasticsearch with an expiry.

Two ingest runs of one source at once read, enrich and load the same files, and
race on ``duplicate_of``, pruning and the rejections. A run therefore holds a
*lease* on its source while it works: one document per source, ``_id`` = the
source label, in the index ``<alias>-leases`` (:func:`leases_index`). The lease
names its holder (run id and name, host, process) and an expiry time; the holder
renews it every quarter of its length (:meth:`SourceLease.keep_alive`) and deletes
it at the end. A run that crashes (killed, machine lost) stops renewing, and the
lease lapses by itself after at most ``NEWSETL_LEASE_SECONDS``: nothing blocks
for ever. On the holder's own machine a crashed run frees the source at once: the
lease names the holder's process (host, PID namespace, PID and the process's start
time), and a lease whose process no longer exists is stale, the rule of PID files
and lock files (a lock naming a dead process may be broken; ``lockfile(1)``,
``man 5 proc``). The start time guards against a PID that was reused; the PID
namespace (``/proc/self/ns/pid``) against containers that share a host name.

Taking a lease is atomic: ``op_type=create`` when there is none, and a write
guarded by the old document's ``_seq_no``/``_primary_term`` when an expired one
is taken over (Elasticsearch's optimistic concurrency control, "Optimistic
concurrency control" in its reference), so of two runs that try at once exactly
one gets it. Expiry times are written by the holder's clock and compared with the
reader's: machines that share sources need clocks within a few seconds (NTP).

Usage::

    lease = SourceLease.acquire(es, "news-leases", "tbaq-seeds", run_id, seconds=120)
    lease.keep_alive()          # a daemon thread renews it every 30 s
    ...                         # ingest
    lease.release()             # stops the thread, deletes the document

No Prefect here: ``flows/operations.py`` ties a lease to a flow run.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psutil
from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from etl.errors import NewsEtlError

log = logging.getLogger(__name__)

LEASE_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "source": {"type": "keyword"},
        "run_id": {"type": "keyword"},
        "run_name": {"type": "keyword"},
        "host": {"type": "keyword"},
        "pid": {"type": "integer"},
        "pid_namespace": {"type": "keyword"},
        "process_started": {"type": "double"},
        "acquired": {"type": "date"},
        "renewed": {"type": "date"},
        "expires": {"type": "date"},
    },
}


def leases_index(alias: str) -> str:
    """``<alias>-leases``: where the leases of the sources behind ``alias`` live (``news`` -> ``news-leases``)."""
    return f"{alias}-leases"


def _pid_namespace() -> str:
    """``pid:[4026531836]``: this process's PID namespace on Linux, ``""`` where there is none to read."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return ""


def _started(pid: int) -> float | None:
    """Start time of process ``pid`` (seconds since the epoch), None when no such process exists."""
    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied, ValueError):
        return None


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _clock_text(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


_HELD_HERE: set[str] = set()
"""Run ids whose lease this process holds now (taken by :meth:`SourceLease.acquire`, until
:meth:`SourceLease.release`): a lease document of this process whose run is not here is one an
ended run could not delete (:meth:`LeaseHolder.run_ended_here`)."""


@dataclass(frozen=True)
class LeaseHolder:
    """Who holds a source's lease, as stored: run id and name, host, process id, times (UTC)."""

    source: str
    run_id: str
    run_name: str
    host: str
    pid: int
    acquired: datetime
    expires: datetime
    pid_namespace: str = ""
    process_started: float | None = None

    @classmethod
    def from_document(cls, doc: dict) -> LeaseHolder:
        """The holder of a lease document's ``_source``."""
        return cls(
            source=doc["source"], run_id=doc["run_id"], run_name=doc.get("run_name", ""), host=doc.get("host", ""),
            pid=int(doc.get("pid", 0)), acquired=datetime.fromisoformat(doc["acquired"]),
            expires=datetime.fromisoformat(doc["expires"]),
            pid_namespace=doc.get("pid_namespace", ""), process_started=doc.get("process_started"),
        )

    def process_gone(self) -> bool:
        """True when the holder's process is known to be gone: it ran on this host, in this PID
        namespace, and no process with its PID and start time exists. Any doubt (another host, no
        namespace or start time recorded) says False: the expiry decides then."""
        if self.host != socket.gethostname() or not self.pid_namespace or self.pid_namespace != _pid_namespace():
            return False
        if self.process_started is None:
            return False
        started = _started(self.pid)
        return started is None or abs(started - self.process_started) > 1.0  # a reused PID: another process

    def run_ended_here(self) -> bool:
        """True when the holder is this very process and its run no longer holds the lease here:
        the run ended and its :meth:`SourceLease.release` could not delete the document
        (Elasticsearch was away). Such a lease belongs to nobody; a later run in this process
        (an ``ingest`` called again, a test) takes it over instead of waiting for its expiry."""
        if self.host != socket.gethostname() or self.pid != os.getpid() or self.pid_namespace != _pid_namespace():
            return False
        started = _started(self.pid)
        same_process = started is not None and self.process_started is not None and abs(started - self.process_started) <= 1.0
        return same_process and self.run_id not in _HELD_HERE

    def live(self, now: datetime) -> bool:
        """The lease still holds at ``now``: not expired, its process not known to be gone, and
        not a lease this process's ended run left behind (:meth:`run_ended_here`)."""
        return self.expires > now and not self.process_gone() and not self.run_ended_here()

    def describe(self) -> str:
        """``run 'NAME' (id ID) on HOST, process PID, since TIME``: for messages."""
        name = f"'{self.run_name}' " if self.run_name else ""
        return f"run {name}(id {self.run_id}) on {self.host}, process {self.pid}, since {_clock_text(self.acquired)}"


class SourceBusy(NewsEtlError):
    """Another run holds the source's lease; the message names that run and when its lease lapses."""

    def __init__(self, holder: LeaseHolder) -> None:
        self.holder = holder
        super().__init__(
            f"source '{holder.source}' is being ingested by {holder.describe()}; its lease runs until "
            f"{_clock_text(holder.expires)} and is renewed while that run lives: try again when it has finished "
            "(a crashed run's lease lapses by itself)"
        )


def ensure_leases_index(es: Elasticsearch, index: str) -> None:
    """Create the leases index (strict mapping, one shard, a replica when the cluster has a second node)."""
    if not es.indices.exists(index=index):
        es.options(ignore_status=400).indices.create(  # 400: another run created it meanwhile
            index=index,
            settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
            mappings=LEASE_MAPPING,
        )


def current_holder(
    es: Elasticsearch, index: str, source: str, clock: Callable[[], datetime] = _utcnow
) -> LeaseHolder | None:
    """The holder of ``source``'s lease if it still holds (:meth:`LeaseHolder.live`: not expired, its
    process not gone), else None (one realtime ``GET``)."""
    try:
        doc = es.get(index=index, id=source)
    except NotFoundError:  # no such document, or no leases index yet
        return None
    holder = LeaseHolder.from_document(doc["_source"])
    return holder if holder.live(clock()) else None


def check_free(es: Elasticsearch, index: str, source: str, run_id: str | None = None) -> None:
    """Raise :class:`SourceBusy` when another run (not ``run_id``) holds an unexpired lease on ``source``.

    A look only, for a quick refusal before a run starts anything; taking the
    lease (:meth:`SourceLease.acquire`) is what decides.
    """
    holder = current_holder(es, index, source)
    if holder is not None and holder.run_id != run_id:
        raise SourceBusy(holder)


class SourceLease:
    """A lease on one source held by this process; see the module docstring for the rules."""

    def __init__(
        self, es: Elasticsearch, index: str, source: str, run_id: str, seconds: float,
        run_name: str = "", clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.es = es
        self.index = index
        self.source = source
        self.run_id = run_id
        self.run_name = run_name
        self.seconds = float(seconds)
        self.clock = clock
        self.acquired = clock()
        self._seq: tuple[int, int] | None = None  # (_seq_no, _primary_term) of our document
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _document(self) -> dict:
        now = self.clock()
        return {
            "source": self.source, "run_id": self.run_id, "run_name": self.run_name,
            "host": socket.gethostname(), "pid": os.getpid(),
            "pid_namespace": _pid_namespace(), "process_started": _started(os.getpid()),
            "acquired": self.acquired.isoformat(), "renewed": now.isoformat(),
            "expires": (now + timedelta(seconds=self.seconds)).isoformat(),
        }

    @classmethod
    def acquire(
        cls, es: Elasticsearch, index: str, source: str, run_id: str, seconds: float,
        run_name: str = "", clock: Callable[[], datetime] = _utcnow,
    ) -> SourceLease:
        """Take ``source``'s lease for ``seconds`` (creates the leases index if needed).

        Succeeds when there is no lease, when the lease has expired or its process
        is gone (taken over), or when ``run_id`` already holds it. Raises :class:`SourceBusy` naming the
        holder otherwise, and Elasticsearch's errors when it cannot be reached.
        """
        ensure_leases_index(es, index)
        lease = cls(es, index, source, run_id, seconds, run_name, clock)
        for _ in range(3):  # a lease deleted or taken between our reads: look again
            try:
                resp = es.create(index=index, id=source, document=lease._document())
                lease._seq = (resp["_seq_no"], resp["_primary_term"])
                _HELD_HERE.add(run_id)
                return lease
            except ConflictError:
                pass
            try:
                doc = es.get(index=index, id=source)
            except NotFoundError:  # released meanwhile
                continue
            holder = LeaseHolder.from_document(doc["_source"])
            if holder.run_id != run_id and holder.live(clock()):
                raise SourceBusy(holder)
            if holder.run_id != run_id:
                why = (
                    "expired" if holder.expires <= clock()
                    else "stale (its run in this process has ended)" if holder.run_ended_here()
                    else "stale (its process is gone)"
                )
                log.warning("taking over the %s lease of source %r from %s", why, source, holder.describe())
            try:
                resp = es.index(
                    index=index, id=source, document=lease._document(),
                    if_seq_no=doc["_seq_no"], if_primary_term=doc["_primary_term"],
                )
                lease._seq = (resp["_seq_no"], resp["_primary_term"])
                _HELD_HERE.add(run_id)
                return lease
            except ConflictError:  # another run took it first
                continue
        holder = current_holder(es, index, source, clock)
        if holder is not None:
            raise SourceBusy(holder)
        raise NewsEtlError(f"could not take the lease on source '{source}' in {index}: it kept changing; try again")

    def renew(self) -> bool:
        """Push the expiry ``seconds`` ahead; False (and a warning) when the lease is no longer ours.

        Raises Elasticsearch's errors when it cannot be reached (the lease then
        lapses at its expiry unless a later renewal gets through).
        """
        with self._lock:
            if self._seq is None:
                return False
            try:
                resp = self.es.index(
                    index=self.index, id=self.source, document=self._document(),
                    if_seq_no=self._seq[0], if_primary_term=self._seq[1],
                )
            except (ConflictError, NotFoundError):
                self._seq = None
                log.warning("the lease on source %r lapsed and was taken or removed; run %s no longer holds it", self.source, self.run_id)
                return False
            self._seq = (resp["_seq_no"], resp["_primary_term"])
            return True

    def keep_alive(self) -> None:
        """Renew the lease every quarter of its length from a daemon thread until :meth:`release`."""
        if self._thread is not None:
            return

        def beat() -> None:
            while not self._stop.wait(self.seconds / 4):
                try:
                    if not self.renew():
                        return
                except Exception as exc:  # Elasticsearch away: try again at the next beat
                    log.warning("could not renew the lease on source %r: %s", self.source, exc)

        self._thread = threading.Thread(target=beat, name=f"lease-{self.source}", daemon=True)
        self._thread.start()

    @property
    def held(self) -> bool:
        """True while this process believes it holds the lease (taken, not released, not lost)."""
        return self._seq is not None

    def release(self) -> None:
        """Stop renewing and delete the lease document if it is still ours; idempotent.

        Errors reaching Elasticsearch are logged, not raised: the lease then lapses at its expiry.
        """
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)
        with self._lock:
            _HELD_HERE.discard(self.run_id)
            if self._seq is None:
                return
            seq, self._seq = self._seq, None
            try:
                self.es.options(ignore_status=[404, 409]).delete(
                    index=self.index, id=self.source, if_seq_no=seq[0], if_primary_term=seq[1]
                )
            except Exception as exc:
                log.warning("could not release the lease on source %r (it lapses by itself): %s", self.source, exc)
