"""Scheduled runs that really fire: a real `prefect server start`, `newsetl serve --interval` and
`newsetl serve --cron`, a new file each.

The test is what a user does: start the server (SQLite, loopback, analytics off),
serve the deployments (every 10 s, and every minute by cron), drop an article into each watched folder,
and wait until a scheduled run (created by the server's scheduler, not by us)
has indexed it and left its `ingest-summary-<source>` artifact. Both processes are stopped
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
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import SEED_FILE

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent


_handed_out: set[int] = set()


def _free_port() -> int:
    """A free port of 127.0.0.1 for a Prefect server: any, or one of ``NEWSETL_TEST_PREFECT_PORTS``
    (``FIRST-LAST``) when set, so engineers sharing a machine keep to their own ports."""
    span = os.environ.get("NEWSETL_TEST_PREFECT_PORTS")
    candidates = range(int(span.split("-")[0]), int(span.split("-")[1]) + 1) if span else [0]
    for port in candidates:
        if port in _handed_out:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            port = s.getsockname()[1]
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in NEWSETL_TEST_PREFECT_PORTS={span}")


def _http(method: str, url: str, body: dict | None = None, timeout: float = 10) -> dict | list | None:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
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


def test_scheduled_runs_fire_on_an_interval_and_on_a_cron(isolated_env, tmp_path):
    """Two deployments on one server, as `newsetl serve --interval 10` and `newsetl serve --cron '* * * * *'`
    (the form `make serve` uses), each watching its own folder and writing its own index."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        **isolated_env,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "PREFECT_API_SERVICES_SCHEDULER_LOOP_SECONDS": "5",  # the server's scheduler looks every 5 s (default 60)
    }
    env.pop("PREFECT_API_URL", None)
    server_log = tmp_path / "server.log"
    logs = [server_log]
    es_url, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    kinds = {  # what each deployment is served with, and the index it writes (names start with the isolated alias)
        "interval": (["--interval", "10"], alias),
        "cron": (["--cron", "* * * * *"], f"{alias}-cron"),
    }
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

        deployments = {}
        for kind, (schedule, index) in kinds.items():
            watched = tmp_path / f"watched-{kind}"
            watched.mkdir()
            name = f"sched-{kind}-{alias}"
            serve_log = tmp_path / f"serve-{kind}.log"
            logs.append(serve_log)
            serve_env = {**env, "PREFECT_API_URL": api, "NEWSETL_INDEX_ALIAS": index, "NEWSETL_REJECTIONS_INDEX": f"{index}-rejections"}
            with serve_log.open("w") as out:
                procs.append(
                    subprocess.Popen(
                        [str(BIN / "newsetl"), "serve", str(watched), *schedule, "--name", name],
                        env=serve_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                    )
                )
            dep = _wait(f"the {kind} deployment to be registered", lambda: _http("GET", f"{api}/deployments/name/ingest/{name}"), 120, logs)
            assert dep["parameters"] == {"path": str(watched)}
            deployments[kind] = dep
            told = serve_log.read_text()  # the command that works here, not Prefect's bare `prefect deployment run`
            assert f"start a run now from another shell: PREFECT_API_URL={api} {BIN / 'prefect'} deployment run 'ingest/{name}'" in told
            assert "$ prefect deployment run" not in told
            shutil.copy(SEED_FILE, watched / f"new-{kind}.txt")
        assert deployments["interval"]["schedules"][0]["schedule"]["interval"] == 10.0
        assert deployments["cron"]["schedules"][0]["schedule"]["cron"] == "* * * * *"

        for kind, (_, index) in kinds.items():
            def indexed(index=index, kind=kind):
                found = _http("GET", f"{es_url}/{index}/_search?q=source_path:%22new-{kind}.txt%22")
                return found and found["hits"]["total"]["value"] == 1 and found["hits"]["hits"][0]["_source"]

            doc = _wait(f"a scheduled run ({kind}) to index the new article", indexed, 300, logs)
            assert doc["dateline"] == "MOSCOW" and doc["published"] == "2017-12-27"

        def summary_artifacts():
            arts = _http("POST", f"{api}/artifacts/filter", {"artifacts": {"key": {"any_": [f"ingest-summary-watched-{kind}" for kind in kinds]}}}) or []
            found = [a for a in arts if "| indexed | 1 |" in a["data"]]
            return found if len(found) >= 2 else None

        artifacts = _wait("the runs' ingest-summary-watched-* artifacts", summary_artifacts, 120, logs)
        by_deployment = {}
        for artifact in artifacts:
            assert "| files seen | 1 |" in artifact["data"]
            run = _http("GET", f"{api}/flow_runs/{artifact['flow_run_id']}")
            assert run["auto_scheduled"] is True  # created by the server's scheduler, not by hand
            by_deployment.setdefault(run["deployment_id"], run)
        assert set(by_deployment) == {dep["id"] for dep in deployments.values()}
        cron_run = by_deployment[deployments["cron"]["id"]]
        start = datetime.fromisoformat(cron_run["expected_start_time"].replace("Z", "+00:00"))
        assert (start.second, start.microsecond) == (0, 0)  # on a minute boundary, as the cron says
    finally:
        for proc in reversed(procs):
            _stop(proc)
    assert all(p.poll() is not None for p in procs)
