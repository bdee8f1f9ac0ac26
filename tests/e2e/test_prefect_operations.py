"""What an operator relies on in Prefect, on real servers started as the project starts them.

- `make serve PREFECT_PORT=N`: the UI's /ui-settings names the API at port N (not Prefect's default
  4200), and the deployment allows one run at a time (CANCEL_NEW).
- The docker-compose `prefect` service: started here with the environment `docker-compose config`
  gives it, its UI is told the published port; the same server then carries the tests below.
- `newsetl serve --interval 3` over a folder whose runs take longer than 3 s: never two runs at
  once (the ticks in between are cancelled by Prefect), runs named after source and scheduled time,
  the end-of-run event in the event feed, and the automation made by `newsetl alerts` notifying a
  webhook block because each run rejected a file.
- `prefect deploy` of prefect.yaml: the deployment's concurrency limit is 1, CANCEL_NEW.
- A one-off `newsetl run` on a source another run holds: one line, exit 1, nothing written.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_FILE
from tests.e2e.test_cli import NEWSETL, newsetl
from tests.e2e.test_scheduled_runs import _free_port, _http, _stop, _wait

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")
OFFLINE = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def _base_env(home: Path) -> dict:
    env = {**os.environ, **OFFLINE, "PREFECT_HOME": str(home)}
    for name in ("PREFECT_API_URL", "PREFECT_UI_API_URL", "PREFECT_SERVER_API_PORT", "PREFECT_SERVER_API_HOST"):
        env.pop(name, None)
    return env


def _compose_prefect_service(port: int) -> dict | None:
    """The compose file's `prefect` service as `docker-compose config` renders it with PREFECT_PORT=port."""
    if shutil.which("docker-compose") is None:
        return None
    import yaml

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PUBLIC_HOSTNAME", "BIND_ADDRESS"))}
    rendered = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "--env-file", ".env.example", "config"],
        cwd=REPO, env={**env, "PREFECT_PORT": str(port)}, capture_output=True, text=True, timeout=120, check=True,
    )
    return yaml.safe_load(rendered.stdout)["services"]["prefect"]


@pytest.fixture(scope="module")
def module_env(es_url):
    """An alias of its own for the module (the function-scoped isolated_env cannot serve a module fixture)."""
    from elasticsearch import Elasticsearch

    name = f"t-{uuid.uuid4().hex[:10]}"
    yield {"NEWSETL_ES_URL": es_url, "NEWSETL_INDEX_ALIAS": name, "NEWSETL_REJECTIONS_INDEX": f"{name}-rejections"}
    es = Elasticsearch(es_url)
    names = list(es.indices.get(index=f"{name}*", expand_wildcards="all"))
    if names:
        es.indices.delete(index=",".join(names))


@pytest.fixture(scope="module")
def prefect(tmp_path_factory):
    """A real `prefect server start` (services and UI on) run as the compose `prefect` service runs it:
    its command and environment from `docker-compose config`, on a free port of 127.0.0.1 that stands
    for the published one. Without docker-compose, the same server with Prefect's defaults."""
    tmp = tmp_path_factory.mktemp("prefect")
    port = _free_port()
    service = _compose_prefect_service(port)
    env = _base_env(tmp / "home")
    command = [PREFECT, "server", "start"]
    if service is not None:
        assert service["command"][:3] == ["prefect", "server", "start"]
        env.update({k: str(v) for k, v in service["environment"].items()})
        env["PREFECT_HOME"] = str(tmp / "home")  # not the container's /var/lib/prefect
    command += ["--host", "127.0.0.1", "--port", str(port)]
    log = tmp / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        _wait("the Prefect server's /api/health", lambda: _http("GET", f"{api}/health") is True, 180, [log])
        yield {"api": api, "port": port, "log": log, "compose": service is not None, "tmp": tmp}
    finally:
        _stop(proc)


def test_compose_prefect_ui_is_told_the_published_port(prefect):
    if not prefect["compose"]:
        pytest.skip("docker-compose is not installed: run docker/ensure-compose.sh")
    settings = _http("GET", f"http://127.0.0.1:{prefect['port']}/ui-settings")
    assert settings["api_url"] == f"http://localhost:{prefect['port']}/api"
    assert _http("GET", f"{settings['api_url']}/health") is True  # the address the UI is given answers


def test_make_serve_ui_knows_its_port_and_runs_one_at_a_time(es_url, module_env, tmp_path):
    port = _free_port()
    es_port = es_url.rsplit(":", 1)[1].rstrip("/")
    watched = tmp_path / "inbox"
    watched.mkdir()
    log = tmp_path / "make-serve.log"
    env = {**_base_env(tmp_path / "prefect-home"), **module_env}
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PREFECT_PORT={port}", f"ES_PORT={es_port}",
             f"SERVE_DIR={watched}", "SERVE_CRON=0 0 1 1 *"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        settings = _wait("/ui-settings", lambda: _http("GET", f"http://127.0.0.1:{port}/ui-settings"), 240, [log])
        assert settings["api_url"] == f"http://127.0.0.1:{port}/api"  # Prefect's default would say :4200
        api = settings["api_url"]
        dep = _wait("the served deployment", lambda: _http("GET", f"{api}/deployments/name/ingest/newsetl-ingest"), 240, [log])
        assert dep["global_concurrency_limit"]["limit"] == 1
        assert dep["concurrency_options"]["collision_strategy"] == "CANCEL_NEW"
        assert dep["parameters"] == {"path": str(watched)}
    finally:
        _stop(proc)


class _Webhook(http.server.BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).received.append(json.loads(body or b"{}"))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(prefect, module_env):
    """`newsetl alerts` with a webhook block, then `newsetl serve --interval 3` over `wire` (the seed and
    an empty file) until three runs have completed and at least one tick was cancelled; then stopped."""
    tmp, api = prefect["tmp"], prefect["api"]
    _Webhook.received = []
    hook = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Webhook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    env = {**_base_env(tmp / "client-home"), **module_env, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    make_block = (
        "import sys\n"
        "from prefect.blocks.notifications import CustomWebhookNotificationBlock as B\n"
        "B(name='newsetl-test', url=sys.argv[1], json_data={'subject': '{{subject}}', 'body': '{{body}}'})"
        ".save('newsetl-test', overwrite=True)\n"
    )
    subprocess.run([sys.executable, "-c", make_block, f"http://127.0.0.1:{hook.server_port}/alert"], env=env, check=True, timeout=120)
    alerts = subprocess.run([NEWSETL, "alerts", "custom-webhook/newsetl-test"], env=env, capture_output=True, text=True, timeout=120)
    assert alerts.returncode == 0, alerts.stderr
    assert "notifies custom-webhook/newsetl-test when a run ends with rejections or failed batches" in alerts.stdout

    wire = tmp / "wire"
    wire.mkdir()
    shutil.copy(SEED_FILE, wire / "a-seed.txt")
    (wire / "b-empty.txt").write_bytes(b"")
    log = tmp / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [NEWSETL, "serve", str(wire), "--interval", "3", "--name", "fast"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    logs = [log, prefect["log"]]

    def runs() -> list[dict]:
        body = {  # the ~100 runs the scheduler keeps ahead are left out
            "deployments": {"name": {"any_": ["fast"]}}, "sort": "EXPECTED_START_TIME_ASC",
            "flow_runs": {"state": {"type": {"not_any_": ["SCHEDULED"]}}},
        }
        return _http("POST", f"{api}/flow_runs/filter", body) or []

    def enough():
        found = runs()
        done = [r for r in found if r["state_type"] == "COMPLETED" and r["run_count"] > 0]
        cancelled = [r for r in found if r["state_type"] == "CANCELLED"]
        # three: the runner's shutdown can still turn the last one into CANCELLED ('Runner is shutting
        # down.') when its process had not been reaped yet (seen once in a full make test)
        return found if len(done) >= 3 and cancelled else None

    try:
        try:
            _wait("three completed runs and a cancelled tick", enough, 480, logs)
        finally:
            stopped_at = datetime.now(UTC)
            _stop(proc)
        yield {"runs": runs(), "api": api, "alerts": _Webhook.received, "logs": logs, "stopped_at": stopped_at}  # alerts: still arriving
    finally:
        hook.shutdown()


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _table(runs: list[dict]) -> str:
    return "\n".join(
        f"{r['name'][:32]:32} {r['state_type']:10} runs {r['run_count']} {r['start_time']} {r['end_time']} {r['state']['message']!r}"
        for r in runs if r["state_type"] != "SCHEDULED"
    )


def test_served_runs_of_a_source_never_overlap(served):
    runs, stopped = served["runs"], served["stopped_at"]
    ran = [r for r in runs if r["run_count"] > 0]  # the flow started
    assert len([r for r in ran if r["state_type"] == "COMPLETED"]) >= 2, _table(runs)
    # no run failed (a second run at once would have been refused by the lease: FAILED), none crashed
    # or was cancelled but the one our stop interrupted
    assert all(
        r["state_type"] == "COMPLETED"
        or (r["state_type"] in ("CRASHED", "RUNNING", "CANCELLED") and (_time(r["end_time"]) or stopped) >= stopped)
        # the runner's shutdown also turns a run that had just completed, its process not yet reaped, into
        # CANCELLED and keeps its end time (seen in CI): only our stop says that
        or (r["state_type"] == "CANCELLED" and r["state"]["message"] == "Runner is shutting down.")
        for r in ran
    ), _table(runs)
    spans = sorted((_time(r["start_time"]), _time(r["end_time"])) for r in ran)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end is not None and end <= start, _table(runs)  # (a run still going can only be the last)
    # the ticks due while a run was going were cancelled by Prefect before their flow started
    cancelled = [
        r for r in runs if r["state_type"] == "CANCELLED" and _time(r["end_time"]) < stopped
        and r["state"]["message"] != "Runner is shutting down."
    ]
    assert cancelled, _table(runs)
    assert all(r["run_count"] == 0 and r["state"]["message"] == "Deployment concurrency limit reached." for r in cancelled), _table(runs)


def test_served_runs_are_named_after_source_and_scheduled_time(served):
    for run in served["runs"]:
        if run["state_type"] == "COMPLETED":
            when = _time(run["expected_start_time"])
            assert run["name"] == f"wire {when:%Y-%m-%d %H:%M:%S} UTC"


def test_every_run_ends_with_its_event_in_the_feed(served):
    api = served["api"]
    body = {"filter": {"event": {"name": ["newsetl.ingest.finished"]}, "resource": {"id": ["newsetl.source.wire"]}}, "limit": 50}
    done = {r["id"] for r in served["runs"] if r["state_type"] == "COMPLETED"}

    def feed() -> dict | None:  # the server stores events in batches, a moment after they arrive
        by_run = {}
        for event in (_http("POST", f"{api}/events/filter", body) or {}).get("events", []):
            (flow_run,) = [r["prefect.resource.id"] for r in event["related"] if r["prefect.resource.role"] == "flow-run"]
            by_run[flow_run.removeprefix("prefect.flow-run.")] = event
        return by_run if done <= set(by_run) else None

    by_run = _wait("an event for every completed run", feed, 60, served["logs"])
    first = min(done, key=lambda i: next(r["start_time"] for r in served["runs"] if r["id"] == i))
    payload = by_run[first]["payload"]
    assert (payload["seen"], payload["indexed"], payload["unchanged"], payload["rejected"], payload["failed_batches"]) == (2, 1, 0, 1, [])
    assert by_run[first]["resource"]["newsetl.status"] == "rejections"
    later = (done - {first}).pop()
    assert (by_run[later]["payload"]["indexed"], by_run[later]["payload"]["unchanged"], by_run[later]["payload"]["rejected"]) == (0, 1, 1)


def test_the_automation_notifies_runs_with_rejections(served):
    # the server runs the action a moment after the event: give it time after the runs
    deadline = time.monotonic() + 60
    while len(served["alerts"]) < 1 and time.monotonic() < deadline:
        time.sleep(1)
    assert served["alerts"], "no notification reached the webhook"
    done = {r["id"] for r in served["runs"] if r["state_type"] == "COMPLETED"}
    alert = served["alerts"][0]
    assert alert["subject"] == "news-etl: wire needs attention (rejections)"
    assert alert["body"].startswith("Ingest of wire ended with 1 rejected file(s) and 0 failed batch(es): 2 seen, ")
    run_id = alert["body"].rsplit("newsetl rejects --run ", 1)[1].strip()
    assert run_id in done


def test_prefect_yaml_deploys_one_run_at_a_time(prefect, tmp_path):
    env = {**_base_env(tmp_path / "home"), "PREFECT_API_URL": prefect["api"], "NEWSETL_SOURCE_DIR": str(tmp_path)}
    pool = subprocess.run([PREFECT, "work-pool", "create", "newsetl", "--type", "process"], cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert pool.returncode == 0, pool.stdout + pool.stderr
    deploy = subprocess.run([PREFECT, "--no-prompt", "deploy", "--name", "newsetl-ingest"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    dep = _http("GET", f"{prefect['api']}/deployments/name/ingest/newsetl-ingest")
    assert dep["global_concurrency_limit"]["limit"] == 1
    assert dep["concurrency_options"]["collision_strategy"] == "CANCEL_NEW"
    assert dep["parameters"] == {"path": str(tmp_path)}


def test_one_off_run_on_a_busy_source_says_so_and_stops(isolated_env, tmp_path):
    from etl import index as es_index
    from etl.config import get_settings
    from etl.lease import SourceLease, leases_index

    wire = tmp_path / "wire"
    wire.mkdir()
    shutil.copy(SEED_FILE, wire / "a-seed.txt")
    es = es_index.connect(get_settings())
    lease = SourceLease.acquire(es, leases_index(isolated_env["NEWSETL_INDEX_ALIAS"]), "wire", "scheduled-run", 120, run_name="wire 2026-11-30 12:00:00 UTC")
    try:
        refused = newsetl("run", str(wire), env=isolated_env, timeout=120)
        assert refused.returncode == 1
        lines = [line for line in refused.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, refused.stderr
        assert lines[0].startswith("error: source 'wire' is being ingested by run 'wire 2026-11-30 12:00:00 UTC' (id scheduled-run)")
        assert not es.indices.exists(index=isolated_env["NEWSETL_INDEX_ALIAS"])
    finally:
        lease.release()
    ran = newsetl("run", str(wire), env=isolated_env)
    assert ran.returncode == 0, ran.stderr
