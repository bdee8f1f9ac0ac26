"""A temporary Prefect API server for one CLI run, started in its own process at once.

With no ``PREFECT_API_URL`` (environment or Prefect profile), Prefect 3 runs a
temporary server for a flow run (its "ephemeral mode": ``SubprocessASGIServer``).
Prefect's client starts it only when the flow begins, and importing the module that
defines it costs this process about 3 s of CPU before the server process is even
spawned (measured on this 2-core machine). :class:`TemporaryPrefectServer` instead
spawns ``prefect server start --no-services`` (the public command; the UI is off, as
in Prefect's ephemeral mode) as soon as the CLI knows it needs one, so the server
boots on another core while the CLI imports the flow, and points this process
(:func:`prefect.context.refresh_global_settings_context`) and the processes it
starts (Dask workers) at it through ``PREFECT_API_URL``. The server uses the same
database as Prefect's own temporary server (``PREFECT_HOME``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from etl.errors import NewsEtlError


class PrefectServerError(NewsEtlError):
    """The temporary Prefect server exited or did not answer in time; the message ends with its log's last lines."""


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _drain_prefect_workers() -> None:
    """Block until Prefect's background workers have sent the logs and events they hold (5 s at most each).

    They send in batches from their own threads; stopping the server first loses the
    run's last log lines ("Error logging to API" on stderr, seen here).
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()
    EventsWorker.drain_all(timeout=5)


class TemporaryPrefectServer:
    """``prefect server start --no-services`` on a free 127.0.0.1 port, for the life of this process.

    Usage::

        server = TemporaryPrefectServer.start()   # returns at once; the server boots meanwhile
        ...                                      # import the flow, the task runner
        server.wait()                            # healthy, or PrefectServerError
        ...                                      # run flows: they report to server.api_url
        server.stop()                            # also registered with atexit

    ``start`` sets ``PREFECT_API_URL`` in ``os.environ`` and refreshes Prefect's
    global settings, so Prefect in this process and every process started from it
    uses the server; ``stop`` restores the variable.
    """

    def __init__(self, process: subprocess.Popen, port: int, log: Path, before: str | None) -> None:
        self.process = process
        self.port = port
        self.log = log
        self._before = before

    @property
    def api_url(self) -> str:
        """``http://127.0.0.1:PORT/api``: what ``PREFECT_API_URL`` is set to."""
        return f"http://127.0.0.1:{self.port}/api"

    @classmethod
    def start(cls) -> TemporaryPrefectServer:
        """Spawn the server and point Prefect at it; does not wait for it (see :meth:`wait`).

        Its output goes to a temporary log file, removed by :meth:`stop` unless the server failed.
        """
        from prefect.context import refresh_global_settings_context

        port = _free_port()
        fd, name = tempfile.mkstemp(prefix="newsetl-prefect-server-", suffix=".log")
        with os.fdopen(fd, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-services"],
                env={**os.environ, "PREFECT_UI_ENABLED": "0"},
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        server = cls(process, port, Path(name), os.environ.get("PREFECT_API_URL"))
        atexit.register(server.stop)
        os.environ["PREFECT_API_URL"] = server.api_url
        refresh_global_settings_context()
        return server

    def wait(self, timeout: float | None = None) -> None:
        """Block until ``GET /api/health`` answers 200.

        ``timeout`` defaults to Prefect's ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS``
        (20 s), at least 60 s: the first start on a new ``PREFECT_HOME`` migrates its
        database (10 s measured here). Raises :class:`PrefectServerError` if the process
        exits or the time runs out; the server is then stopped.
        """
        if timeout is None:
            from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

            timeout = max(60.0, float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()))
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                self._fail(f"exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self._fail(f"did not answer within {timeout:.0f} s")
            time.sleep(0.05)

    def _fail(self, what: str) -> None:
        self.stop(keep_log=True)
        tail = [line for line in self.log.read_text(errors="replace").splitlines() if line.strip()][-4:]
        raise PrefectServerError(
            f"the temporary Prefect server ({self.api_url}) {what}; log {self.log}: " + " | ".join(tail)
            + " (or set PREFECT_API_URL to a running Prefect server)"
        )

    def stop(self, keep_log: bool = False) -> None:
        """Send Prefect's queued logs and events, terminate the server (SIGTERM, then SIGKILL
        after 10 s) and restore ``PREFECT_API_URL``; idempotent. When the process is stopping
        on a signal (:func:`etl.interrupt.stopping`), queued logs are dropped and SIGKILL
        follows after 2 s: the stop has seconds, not minutes."""
        from prefect.context import refresh_global_settings_context

        from etl import interrupt

        atexit.unregister(self.stop)
        if self.process.poll() is None:
            hurry = interrupt.stopping() is not None
            if not hurry:
                _drain_prefect_workers()
            self.process.terminate()
            try:
                self.process.wait(timeout=2 if hurry else 10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if os.environ.get("PREFECT_API_URL") == self.api_url:
            if self._before is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = self._before
            refresh_global_settings_context()
        if not keep_log:
            self.log.unlink(missing_ok=True)


@contextlib.contextmanager
def prefect_api() -> Iterator[Callable[[], None]]:
    """Make sure flow runs in this block have a Prefect API; yields ``ready()``, which waits until it answers.

    With ``PREFECT_API_URL`` set (environment or Prefect profile), nothing is
    started and ``ready()`` returns at once. Otherwise a :class:`TemporaryPrefectServer`
    starts at once, so it boots while the caller imports the flow and the task
    runner, and stops when the block ends. ``ready()`` raises
    :class:`PrefectServerError` if it does not come up.
    """
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        yield lambda: None
        return
    server = TemporaryPrefectServer.start()
    try:
        yield server.wait
    finally:
        server.stop()
