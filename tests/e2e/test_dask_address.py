"""`newsetl run --dask-address`: a real scheduler and worker started as a user starts them, and the faults."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.test_cli import newsetl
from tests.e2e.test_scheduled_runs import _free_port

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent


def _wait(what: str, ready, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"{what} exited with {proc.returncode}"
        assert time.monotonic() < deadline, f"{what} did not start in {timeout} s"
        time.sleep(0.2)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def _index_exists(env: dict) -> bool:
    try:
        urllib.request.urlopen(f"{env['NEWSETL_ES_URL']}/{env['NEWSETL_INDEX_ALIAS']}", timeout=5)
    except urllib.error.HTTPError as exc:
        return exc.code != 404
    return True


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("foo", "error: 'foo' is not a Dask scheduler address such as tcp://127.0.0.1:8786"),
        # Dask's own "Timed out trying to connect", or the preflight's outer bound ("TimeoutError, no Dask
        # handshake") when a loaded machine lets it expire first: the same verdict either way
        ("tcp://127.0.0.1:1", "error: the Dask scheduler at tcp://127.0.0.1:1 could not be reached ("),
    ],
)
def test_a_bad_or_dead_scheduler_is_one_line_before_anything_is_written(isolated_env, address, error):
    """The CLI's preflight answers (its own 5 s handshake, DASK_CONNECT_TIMEOUT), not Dask's client
    inside the flow (2 x 30 s, then a traceback): no flow run starts and no index is made."""
    result = newsetl("run", str(SEEDS), "--dask-address", address, env=isolated_env, timeout=120)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(error), result.stderr + result.stdout
    assert "Traceback" not in result.stdout
    assert "Flow run" not in result.stdout + result.stderr  # Prefect never started the flow
    assert not _index_exists(isolated_env)


def test_bad_dask_address_setting_is_one_line(isolated_env):
    result = newsetl("run", str(SEEDS), env={**isolated_env, "NEWSETL_DASK_ADDRESS": "scheduler-host"}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: invalid setting NEWSETL_DASK_ADDRESS: Value error, 'scheduler-host' is not a Dask scheduler "
        "address such as tcp://127.0.0.1:8786"
    )


def test_run_on_a_dask_scheduler_and_worker_started_by_hand(isolated_env, tmp_path):
    """As the README's multi-machine recipe: `prefect server start`, `dask scheduler`, `dask worker`, then
    `newsetl run --dask-address`; the build task runs in the worker process and the seed is indexed."""
    prefect_port, dask_port = _free_port(), _free_port()
    api = f"http://127.0.0.1:{prefect_port}/api"
    env = {**os.environ, **isolated_env, "PREFECT_API_URL": api, "PREFECT_UI_ENABLED": "0",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    logs = {name: open(tmp_path / f"{name}.log", "w+") for name in ("prefect", "scheduler", "worker")}
    procs = []
    try:
        procs.append(subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(prefect_port), "--no-services"],
            env=env, stdout=logs["prefect"], stderr=subprocess.STDOUT,
        ))
        procs.append(subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(dask_port), "--no-dashboard"],
            env=env, stdout=logs["scheduler"], stderr=subprocess.STDOUT,
        ))
        procs.append(subprocess.Popen(
            [str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{dask_port}", "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
            env=env, stdout=logs["worker"], stderr=subprocess.STDOUT,
        ))
        _wait("prefect server", lambda: _answers(f"{api}/health"), procs[0])
        _wait("dask worker", lambda: "Registered to" in (tmp_path / "worker.log").read_text(), procs[2])

        result = newsetl("run", str(SEEDS), "--dask-address", f"tcp://127.0.0.1:{dask_port}", env={**isolated_env, "PREFECT_API_URL": api})
        assert result.returncode == 0, result.stderr + result.stdout
        assert "seen 1 = indexed 1 + unchanged 0 + rejected 0" in result.stderr

        worker_log = (tmp_path / "worker.log").read_text()
        assert "Task run 'build-batch files 1-1'" in worker_log and "Finished in state Completed()" in worker_log, worker_log[-2000:]
        url = f"{isolated_env['NEWSETL_ES_URL']}/{isolated_env['NEWSETL_INDEX_ALIAS']}/_search?q=sanctions"
        with urllib.request.urlopen(url) as resp:
            hit = json.loads(resp.read())["hits"]["hits"][0]["_source"]
        assert hit["dateline"] == "MOSCOW" and "Sergei Lavrov" in hit["entities"]["person"]
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs.values():
            log.close()
