"""The CLI's temporary Prefect server: a real ``prefect server start`` process, started, used and stopped."""

from __future__ import annotations

import contextvars
import json
import os
import urllib.request

import pytest

from etl.prefect_server import PrefectServerError, TemporaryPrefectServer


@pytest.fixture
def no_prefect_api(monkeypatch, tmp_path):
    """As in a fresh ``newsetl`` process: no PREFECT_API_URL, a fresh PREFECT_HOME.

    Prefect's process-wide settings are put back afterwards (the session's test
    harness server lives there). Run the test's body with :func:`fresh_context`:
    the harness also sets this thread's settings context, which would hide the global one.
    """
    import prefect.context

    monkeypatch.setattr(prefect.context, "GLOBAL_SETTINGS_CONTEXT", prefect.context.GLOBAL_SETTINGS_CONTEXT)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    prefect.context.refresh_global_settings_context()


def fresh_context(body):
    """Run ``body()`` in an empty ``contextvars`` context, as the main thread of a new process has."""
    return contextvars.Context().run(body)


def test_server_answers_prefect_points_at_it_and_stop_undoes_everything(no_prefect_api):
    from prefect.settings import PREFECT_API_URL

    assert fresh_context(PREFECT_API_URL.value) is None
    server = fresh_context(TemporaryPrefectServer.start)
    try:
        assert os.environ["PREFECT_API_URL"] == server.api_url == f"http://127.0.0.1:{server.port}/api"
        assert fresh_context(PREFECT_API_URL.value) == server.api_url  # this process's Prefect sees it at once
        server.wait()  # first start on a fresh PREFECT_HOME: migrates its database
        with urllib.request.urlopen(server.api_url + "/health", timeout=5) as response:
            assert json.load(response) is True
        assert server.log.exists()
    finally:
        fresh_context(server.stop)
    assert server.process.returncode is not None  # the process is gone
    assert "PREFECT_API_URL" not in os.environ and fresh_context(PREFECT_API_URL.value) is None
    assert not server.log.exists()
    fresh_context(server.stop)  # idempotent


def test_a_server_that_cannot_start_is_one_clear_error_with_its_log(no_prefect_api, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", f"sqlite+aiosqlite:///{blocker}/prefect.db")
    server = fresh_context(TemporaryPrefectServer.start)
    with pytest.raises(PrefectServerError) as caught:
        fresh_context(lambda: server.wait(timeout=60))
    message = str(caught.value)
    assert "exited with code" in message and "unable to open database file" in message
    assert "set PREFECT_API_URL" in message
    assert str(server.log) in message and server.log.exists()  # kept for the user to read
    assert "PREFECT_API_URL" not in os.environ
    server.log.unlink()
