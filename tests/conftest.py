"""Shared fixtures: the real Elasticsearch node that `make test` starts, isolated per test; a spare node
of the session's own for tests that stop Elasticsearch; the corpora; Prefect state per session."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_4a3f43196b185345.txt"
CORPORA = REPO.parent / "shared" / "corpora"
UNDER_MAKE_TEST = bool(os.environ.get("NEWSETL_TEST_ES_PORT"))
"""`make test` sets NEWSETL_TEST_ES_PORT: what it must provide (the node, the corpora) is then a failure when absent."""

_SESSION_DIR: Path | None = None


def pytest_configure(config):
    """One Prefect home and one state folder for this test session, removed at its end.

    Never the repository's `.prefect` (what `make run` uses) nor the user's state folder:
    the CLI runs of the tests inherit these, and the in-process flows use Prefect's test
    harness (a temporary database) on top.
    """
    global _SESSION_DIR
    _SESSION_DIR = Path(tempfile.mkdtemp(prefix="newsetl-test-session-"))
    os.environ["PREFECT_HOME"] = str(_SESSION_DIR / "prefect")
    os.environ["NEWSETL_STATE_DIR"] = str(_SESSION_DIR / "state")


def pytest_unconfigure(config):
    if _SESSION_PREFECT is not None:
        _SESSION_PREFECT.stop()
    if _SESSION_DIR is not None:
        shutil.rmtree(_SESSION_DIR, ignore_errors=True)


_SESSION_PREFECT = None


def session_prefect_api() -> str:
    """``http://127.0.0.1:PORT/api`` of one Prefect server for the whole test session, started on first use
    (:class:`etl.prefect_server.TemporaryPrefectServer`, in the session's ``PREFECT_HOME``) and stopped at
    the session's end; for CLI runs in subprocesses. This process's own ``PREFECT_API_URL`` is left as it
    was: in-process flows keep Prefect's test harness (the ``prefect_server`` fixture).

    Raises :class:`etl.errors.PrefectServerError` when the server does not start.
    """
    global _SESSION_PREFECT
    if _SESSION_PREFECT is None:
        from prefect.context import refresh_global_settings_context

        from etl.prefect_server import TemporaryPrefectServer

        before = os.environ.get("PREFECT_API_URL")
        server = TemporaryPrefectServer.start()
        if before is None:  # start() pointed this process at it: undo that, the CLI runs get it by env
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
        refresh_global_settings_context()
        server.wait(timeout=180)
        _SESSION_PREFECT = server
    return _SESSION_PREFECT.api_url


def corpus(name: str) -> Path:
    """``../shared/corpora/<name>`` (read there, never copied into the repository).

    Under `make test` a missing corpus fails the test that needs it (the Makefile already
    stops with one line when ``../shared/corpora`` is absent); a bare `pytest` skips it.
    """
    folder = CORPORA / name
    if not folder.is_dir():
        message = f"{folder} is missing: the corpora are read from ../shared/corpora beside the repository"
        if UNDER_MAKE_TEST:
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.fixture(scope="session")
def es_url() -> str:
    """URL of the test node. Under `make test` a missing node is an error; a bare `pytest` skips."""
    from etl.elasticsearch_local import http_health

    url = os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9250")
    if http_health(url) is None:
        if UNDER_MAKE_TEST:
            pytest.fail(f"make test started no Elasticsearch at {url}")
        pytest.skip(f"no Elasticsearch at {url}: run `make test` (it starts one)")
    return url


@pytest.fixture
def isolated_env(es_url, monkeypatch, tmp_path):
    """Point the settings at the test node with a unique alias and rejections index and a state folder
    (the rejections ledger) of the test's own; clears the settings cache."""
    from elasticsearch import Elasticsearch

    from etl.config import get_settings

    name = f"t-{uuid.uuid4().hex[:10]}"
    env = {
        "NEWSETL_ES_URL": es_url,
        "NEWSETL_INDEX_ALIAS": name,
        "NEWSETL_REJECTIONS_INDEX": f"{name}-rejections",
        "NEWSETL_STATE_DIR": str(tmp_path / "state"),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield env
    get_settings.cache_clear()
    es = Elasticsearch(es_url)
    names = list(es.indices.get(index=f"{name}*", expand_wildcards="all"))
    if names:  # Elasticsearch 9 refuses wildcard deletes (action.destructive_requires_name)
        es.indices.delete(index=",".join(names))


@pytest.fixture(scope="session")
def prefect_server():
    """A real, temporary Prefect server (SQLite) for flows run inside the test process; stopped at the end."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


SPARE_PORTS = range(9260, 9300)
"""HTTP ports for nodes the tests start themselves (each also takes port + 100 for its transport)."""


def start_node_on_a_free_port(make_node, ports=SPARE_PORTS, attempts: int = 3):
    """Start ``make_node(port)`` (a :class:`~etl.elasticsearch_local.LocalNode`) on a port of ``ports`` no one uses.

    Other engineers' suites pick ports in the same range at the same time, so a port
    that looked free may be taken before our node binds it: the start then fails and
    another port is tried, up to ``attempts`` starts. A node of someone else's that
    answers on the port is never reused (``up()`` would): ours has our pid file.
    Raises :class:`~etl.errors.LocalNodeError` with the last reasons when no start succeeds.
    """
    from etl.elasticsearch_local import port_open
    from etl.errors import LocalNodeError

    candidates = list(ports)
    random.shuffle(candidates)
    problems = []
    for port in candidates:
        if len(problems) >= attempts:
            break
        if port_open(port) or port_open(port + 100):
            continue
        node = make_node(port)
        try:
            status = node.up()
        except LocalNodeError as exc:
            problems.append(f"port {port}: {exc}")
            node.down()
            shutil.rmtree(node.node_dir, ignore_errors=True)
            continue
        if status["pid"] is None:  # someone else's node started there in the meantime
            problems.append(f"port {port}: taken by another node")
            continue
        return node
    raise LocalNodeError(f"no test node started on a free port of {ports.start}-{ports.stop - 1}: {'; '.join(problems) or 'all taken'}")


@pytest.fixture(scope="session")
def spare_node(es_url):
    """A second real node of this session's own, for tests that stop and restart Elasticsearch.

    Its write thread pool has one thread and a queue of one, so concurrent bulks get
    real 429 ``es_rejected_execution_exception``s (the flow writes one bulk at a time,
    so it never competes with itself); a 512 MB heap. Removed with its data at the end.
    """
    from etl.config import get_settings
    from etl.elasticsearch_local import LocalNode

    settings = get_settings().model_copy(update={"es_heap": "512m"})
    extra = {"thread_pool.write.size": 1, "thread_pool.write.queue_size": 1}
    from etl.errors import LocalNodeError

    try:
        node = start_node_on_a_free_port(lambda port: LocalNode(settings, port=port, secure=False, extra_settings=extra))
    except LocalNodeError as exc:
        pytest.fail(str(exc))
    try:
        yield node
    finally:
        node.down()
        shutil.rmtree(node.node_dir, ignore_errors=True)


@pytest.fixture
def fault_node(spare_node, isolated_env, monkeypatch):
    """The spare node, up, with the isolated settings pointed at it (``NEWSETL_ES_URL``).

    A test may stop it; it is started again before the next test that needs it."""
    from etl.config import get_settings

    spare_node.up()
    monkeypatch.setenv("NEWSETL_ES_URL", spare_node.url)
    isolated_env["NEWSETL_ES_URL"] = spare_node.url
    get_settings.cache_clear()
    return spare_node


_OPEN_COUNTERS: list[dict] = []


def _count_opens_hook(event: str, args: tuple) -> None:
    if event != "open" or not _OPEN_COUNTERS or not args or isinstance(args[0], int):
        return
    try:
        path = os.path.realpath(os.fsdecode(args[0]))
    except (TypeError, ValueError):
        return
    for counter in _OPEN_COUNTERS:
        if path.startswith(counter["root"]):
            counter["paths"].append(path)


class count_opens:
    """``with count_opens(folder) as opened: ...``: ``opened["paths"]`` lists every file under ``folder``
    this process opened meanwhile (``open()`` and ``os.open``, PEP 578 audit event ``open``), in any thread.

    How tests show that a step read no article: not a counter inside the code under test, the
    interpreter's own record of opened paths. The hook is added once per process (audit hooks
    cannot be removed) and does nothing outside these blocks.
    """

    _installed = False

    def __init__(self, folder: Path) -> None:
        self.counter = {"root": os.path.realpath(folder) + os.sep, "paths": []}

    def __enter__(self) -> dict:
        import sys

        if not count_opens._installed:
            sys.addaudithook(_count_opens_hook)
            count_opens._installed = True
        _OPEN_COUNTERS.append(self.counter)
        return self.counter

    def __exit__(self, *exc) -> None:
        _OPEN_COUNTERS.remove(self.counter)
