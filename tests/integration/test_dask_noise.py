"""A closing local Dask cluster's expected noise stays off the console (flows/dask_noise.py), in real worker processes."""

import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.integration

SCRIPT = r'''
import logging

import dask
from distributed import Client, LocalCluster
from distributed.comm.core import CommClosedError

from flows import dask_noise
from flows.ingest import LOCAL_WORKER_CONFIG


def emit():
    """What a worker logs when its heartbeat meets a closed scheduler, and two records that must still show."""
    log = logging.getLogger("distributed.worker")
    try:
        raise CommClosedError("in <TCP (closed) ConnectionPool.heartbeat_worker local=tcp://127.0.0.1:1>: Stream is closed")
    except OSError:
        log.exception("Failed to communicate with scheduler during heartbeat.")
    try:
        raise ConnectionRefusedError("the scheduler refused")
    except OSError:
        log.exception("Failed to communicate with scheduler during heartbeat.")
    log.error("an unrelated worker error")


dask_noise.install()  # what task_runner does in the process that runs the flow
with dask.config.set(LOCAL_WORKER_CONFIG):
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
        client.run(emit)
nanny = logging.getLogger("distributed.nanny")
nanny.warning("Worker process still alive after %.1f seconds, killing", 4.0)
nanny.warning("Restarting worker")
'''


def test_shutdown_noise_is_dropped_and_the_rest_shown():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert "CommClosedError" not in err and "Stream is closed" not in err  # the closed-stream heartbeat: dropped
    assert "still alive after" not in err
    assert "ConnectionRefusedError: the scheduler refused" in err  # a heartbeat failing otherwise still shows
    assert "an unrelated worker error" in err and "Restarting worker" in err
