"""Scheduled runs that really fire: a real `prefect server start`, `newsetl serve --interval`, a new file.

The test is what a user does: start the server (SQLite, loopback, analytics off),
serve the deployment on a short interval, drop an article into the watched folder,
and wait until a scheduled run (created by the server's scheduler, not by us)
has indexed it and left its `ingest-summary` artifact. Both processes are stopped
at the end, with their process groups.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEED_FILE

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(method: str, url: str, body: dict | None = None) -> dict | list | None:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read() or b"null")
    except OSError:
        return None


def _wait(what: str, check, timeout: float, proc_logs: list[Path]):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(1)
    logs = "\n".join(f"--- {p.name} ---\n{p.read_text(errors='replace')[-3000:]}" for p in proc_logs if p.exists())
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n{logs}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_scheduled_run_indexes_a_new_article(isolated_env, tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        **isolated_env,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    env.pop("PREFECT_API_URL", None)
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    logs = [server_log, serve_log]
    watched = tmp_path / "watched"
    watched.mkdir()
    procs: list[subprocess.Popen] = []
    try:
        with server_log.open("w") as out:
            procs.append(
                subprocess.Popen(
                    [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                    env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                )
            )
        _wait("the Prefect server's /api/health", lambda: _http("GET", f"{api}/health") is True, 180, logs)

        deployment = f"sched-{isolated_env['NEWSETL_INDEX_ALIAS']}"
        with serve_log.open("w") as out:
            procs.append(
                subprocess.Popen(
                    [str(BIN / "newsetl"), "serve", str(watched), "--interval", "10", "--name", deployment],
                    env={**env, "PREFECT_API_URL": api}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                )
            )
        dep = _wait(
            "the deployment to be registered",
            lambda: _http("GET", f"{api}/deployments/name/ingest/{deployment}"),
            120,
            logs,
        )
        assert dep["schedules"][0]["schedule"]["interval"] == 10.0
        assert dep["parameters"] == {"path": str(watched)}

        shutil.copy(SEED_FILE, watched / "new-article.txt")
        es_url, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]

        def indexed():
            found = _http("GET", f"{es_url}/{alias}/_search?q=source_path:%22new-article.txt%22")
            return found and found["hits"]["total"]["value"] == 1 and found["hits"]["hits"][0]["_source"]

        doc = _wait("a scheduled run to index the new article", indexed, 300, logs)
        assert doc["dateline"] == "MOSCOW" and doc["published"] == "2017-12-27"

        def summary_artifact():
            arts = _http("POST", f"{api}/artifacts/filter", {"artifacts": {"key": {"any_": ["ingest-summary"]}}}) or []
            return next((a for a in arts if "| indexed | 1 |" in a["data"]), None)

        artifact = _wait("the run's ingest-summary artifact", summary_artifact, 120, logs)
        assert "| files seen | 1 |" in artifact["data"]
        run = _http("GET", f"{api}/flow_runs/{artifact['flow_run_id']}")
        assert run["deployment_id"] == dep["id"]
        assert run["auto_scheduled"] is True  # created by the server's scheduler, not by hand
    finally:
        for proc in reversed(procs):
            _stop(proc)
    assert all(p.poll() is not None for p in procs)
