"""etl/lease.py on the real node: one holder per source, expiry, take-over, renewal, release, a race."""

import os
import socket
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import psutil

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.lease import SourceBusy, SourceLease, check_free, current_holder, ensure_leases_index, leases_index

pytestmark = pytest.mark.integration


class Clock:
    """A clock the test moves by hand: expiry without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def es(isolated_env):
    return es_index.connect(get_settings())


@pytest.fixture
def index(isolated_env):
    return leases_index(isolated_env["NEWSETL_INDEX_ALIAS"])


def test_second_run_is_refused_until_the_first_releases(es, index):
    first = SourceLease.acquire(es, index, "tbaq-seeds", "run-1", 120, run_name="tbaq-seeds 2026-11-30 12:00:00 UTC")
    with pytest.raises(SourceBusy) as busy:
        SourceLease.acquire(es, index, "tbaq-seeds", "run-2", 120)
    message = str(busy.value)
    assert message.startswith("source 'tbaq-seeds' is being ingested by run 'tbaq-seeds 2026-11-30 12:00:00 UTC' (id run-1)")
    assert "try again when it has finished" in message
    with pytest.raises(SourceBusy):
        check_free(es, index, "tbaq-seeds")
    check_free(es, index, "tbaq-seeds", run_id="run-1")  # its own lease does not stop a run
    SourceLease.acquire(es, index, "other-source", "run-2", 120).release()  # other sources are free

    first.release()
    assert current_holder(es, index, "tbaq-seeds") is None
    second = SourceLease.acquire(es, index, "tbaq-seeds", "run-2", 120)
    assert current_holder(es, index, "tbaq-seeds").run_id == "run-2"
    second.release()
    first.release()  # idempotent, and it no longer deletes anything
    assert current_holder(es, index, "tbaq-seeds") is None


def test_a_crashed_holder_blocks_until_its_lease_expires(es, index):
    clock = Clock()
    crashed = SourceLease.acquire(es, index, "wire", "run-crashed", 60, clock=clock)  # never renewed, never released
    assert crashed.held
    clock.now += timedelta(seconds=59)
    with pytest.raises(SourceBusy):
        SourceLease.acquire(es, index, "wire", "run-next", 60, clock=clock)
    clock.now += timedelta(seconds=2)  # 61 s after the last renewal
    assert current_holder(es, index, "wire", clock=clock) is None
    taken = SourceLease.acquire(es, index, "wire", "run-next", 60, clock=clock)
    doc = es.get(index=index, id="wire")["_source"]
    assert doc["run_id"] == "run-next"
    assert doc["expires"] == "2026-11-30T12:02:01+00:00"  # 12:01:01 + 60 s

    # the crashed run, should it come back, finds the lease gone: it neither renews nor deletes it
    assert crashed.renew() is False and not crashed.held
    crashed.release()
    assert es.get(index=index, id="wire")["_source"]["run_id"] == "run-next"
    taken.release()


def test_renewal_pushes_the_expiry(es, index):
    clock = Clock()
    lease = SourceLease.acquire(es, index, "wire", "run-1", 60, clock=clock)
    clock.now += timedelta(seconds=45)
    assert lease.renew()
    clock.now += timedelta(seconds=45)  # 90 s after taking it, 45 s after the renewal
    with pytest.raises(SourceBusy):
        SourceLease.acquire(es, index, "wire", "run-2", 60, clock=clock)
    assert es.get(index=index, id="wire")["_source"]["expires"] == "2026-11-30T12:01:45+00:00"
    lease.release()


def test_keep_alive_renews_from_a_thread(es, index):
    lease = SourceLease.acquire(es, index, "wire", "run-1", 2)
    first = es.get(index=index, id="wire")["_source"]["expires"]
    lease.keep_alive()  # every 0.5 s
    deadline = datetime.now(UTC) + timedelta(seconds=30)
    while es.get(index=index, id="wire")["_source"]["expires"] == first and datetime.now(UTC) < deadline:
        threading.Event().wait(0.2)
    assert es.get(index=index, id="wire")["_source"]["expires"] > first
    lease.release()
    assert not lease._thread.is_alive()
    assert current_holder(es, index, "wire") is None


def test_of_runs_that_start_at_once_exactly_one_gets_the_lease(es, index):
    SourceLease.acquire(es, index, "warmup", "w", 60).release()  # the index exists before the race
    barrier = threading.Barrier(6)
    won, refused = [], []

    def contend(n: int) -> None:
        barrier.wait()
        try:
            won.append(SourceLease.acquire(es, index, "wire", f"run-{n}", 60))
        except SourceBusy:
            refused.append(n)

    threads = [threading.Thread(target=contend, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(refused) == 5
    assert current_holder(es, index, "wire").run_id == won[0].run_id
    won[0].release()


def _lease_of(es, index, source: str, pid: int, started: float, host: str | None = None) -> None:
    """A lease document as a run on ``host`` (this one by default) in process ``pid`` leaves it,
    with an hour to go: only the process rule can free it before then."""
    now = datetime.now(UTC)
    ensure_leases_index(es, index)
    es.index(index=index, id=source, refresh=True, document={
        "source": source, "run_id": f"run-of-{pid}", "run_name": "", "host": host or socket.gethostname(), "pid": pid,
        "pid_namespace": os.readlink("/proc/self/ns/pid"), "process_started": started,
        "acquired": now.isoformat(), "renewed": now.isoformat(), "expires": (now + timedelta(hours=1)).isoformat(),
    })


def _ended_process() -> tuple[int, float]:
    """PID and start time of a process that has ended (a crashed run, as far as its lease can tell)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    started = psutil.Process(proc.pid).create_time()
    proc.kill()
    proc.wait()
    return proc.pid, started


def test_a_lease_whose_process_is_gone_is_taken_over_at_once(es, index):
    pid, started = _ended_process()
    _lease_of(es, index, "wire", pid, started)
    assert current_holder(es, index, "wire") is None
    check_free(es, index, "wire")
    lease = SourceLease.acquire(es, index, "wire", "run-next", 60)
    assert es.get(index=index, id="wire")["_source"]["run_id"] == "run-next"
    lease.release()


def test_a_lease_whose_process_lives_holds(es, index):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _lease_of(es, index, "wire", proc.pid, psutil.Process(proc.pid).create_time())
        with pytest.raises(SourceBusy, match=rf"process {proc.pid}, since"):
            SourceLease.acquire(es, index, "wire", "run-next", 60)
    finally:
        proc.kill()
        proc.wait()
    SourceLease.acquire(es, index, "wire", "run-next", 60).release()  # gone now


def test_a_reused_pid_does_not_keep_a_lease(es, index):
    # our own PID, but the lease's process started an hour before this one: another process, gone
    _lease_of(es, index, "wire", os.getpid(), psutil.Process().create_time() - 3600)
    SourceLease.acquire(es, index, "wire", "run-next", 60).release()


def test_a_lease_of_another_host_waits_for_its_expiry(es, index):
    pid, started = _ended_process()  # no such process here, but the lease is not this host's to judge
    _lease_of(es, index, "wire", pid, started, host="another-host")
    with pytest.raises(SourceBusy, match="on another-host"):
        SourceLease.acquire(es, index, "wire", "run-next", 60)


def test_a_lease_an_ended_run_of_this_process_could_not_delete_is_taken_over(es, index):
    """A run that ends while Elasticsearch is away cannot delete its lease; the next run in the same
    process (the flow called again) takes it over, while a run of this process that still holds its
    lease keeps it."""
    from elasticsearch import Elasticsearch

    first = SourceLease.acquire(es, index, "wire", "run-1", 120)
    with pytest.raises(SourceBusy, match=r"\(id run-1\)"):  # held here, by a live run: busy
        SourceLease.acquire(es, index, "wire", "run-2", 120)
    first.es = Elasticsearch("http://127.0.0.1:1", request_timeout=1, max_retries=0)  # the node is away at its end
    first.release()
    assert es.get(index=index, id="wire")["_source"]["run_id"] == "run-1"  # the document stayed
    second = SourceLease.acquire(es, index, "wire", "run-2", 120)
    assert es.get(index=index, id="wire")["_source"]["run_id"] == "run-2"
    second.release()
    assert current_holder(es, index, "wire") is None
