"""A secured cluster: HTTPS with a CA made by `elasticsearch-certutil`, user/password and API keys.

The module starts its own local node with security and TLS on (`LocalNode(...,
secure=True)`, independent of the plain node `make test` runs), drives the
installed `newsetl` console script against it as a user would, and stops the
node at the end, failed tests included.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEEDS, start_node_on_a_free_port

pytestmark = pytest.mark.integration

NEWSETL = str(Path(sys.executable).parent / "newsetl")
# unique per session, so "absent from the output" cannot pass by luck
PASSWORD = f"Pw-{uuid.uuid4().hex[:16]}"
WRONG_PASSWORD = f"Wrong-{uuid.uuid4().hex[:16]}"


class SecureNode:
    """What the tests need from the running node."""

    def __init__(self, node, status: dict, alias: str, api_key: str, api_key_id: str):
        self.node = node
        self.url: str = status["url"]
        self.ca_certs: str = status["ca_certs"]
        self.alias = alias
        self.api_key = api_key  # the "encoded" value of POST _security/api_key
        self.api_key_id = api_key_id

    def env(self, **extra: str | None) -> dict:
        """The subprocess environment: ours minus NEWSETL_*/PREFECT_API_URL, pointed at the secure node.

        A value of None removes the variable.
        """
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_") and k != "PREFECT_API_URL"}
        env.update(
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            DO_NOT_TRACK="1",
            NEWSETL_ES_URL=self.url,
            NEWSETL_ES_USERNAME="elastic",
            NEWSETL_ES_PASSWORD=PASSWORD,
            NEWSETL_ES_CA_CERTS=self.ca_certs,
            NEWSETL_INDEX_ALIAS=self.alias,
            NEWSETL_REJECTIONS_INDEX=f"{self.alias}-rejections",
            NEWSETL_STATE_DIR=os.environ["NEWSETL_STATE_DIR"],  # the session's (tests/conftest.py)
        )
        for key, value in extra.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env


def newsetl(*args: str, env: dict, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _create_api_key(url: str, ca_certs: str) -> tuple[str, str]:
    """``(encoded, id)`` of a new API key, made by ``elastic`` through ``security.create_api_key``.

    The first key creates the ``.security`` index; while its shard starts the
    API answers 503, so this retries for up to a minute.
    """
    from elasticsearch import ApiError, Elasticsearch

    es = Elasticsearch(url, basic_auth=("elastic", PASSWORD), ca_certs=ca_certs, request_timeout=30)
    deadline = time.monotonic() + 60
    while True:
        try:
            resp = es.security.create_api_key(name=f"newsetl-test-{uuid.uuid4().hex[:6]}")
            break
        except ApiError as exc:
            if exc.meta.status != 503 or time.monotonic() > deadline:
                raise
            time.sleep(1)
    # wait until the key authenticates (same index, same start-up)
    key_client = Elasticsearch(url, api_key=resp["encoded"], ca_certs=ca_certs, request_timeout=30)
    while True:
        try:
            key_client.security.authenticate()
            return resp["encoded"], resp["id"]
        except ApiError as exc:
            if exc.meta.status not in (401, 503) or time.monotonic() > deadline:
                raise
            time.sleep(1)


@pytest.fixture(scope="module")
def secure_node(tmp_path_factory):
    """An ephemeral secure node on a free port with password PASSWORD; stopped (``down()``) at the end.

    Under `make test` (NEWSETL_TEST_ES_PORT set) a node that cannot be provisioned
    (no Maven, no Java) fails the tests; a bare `pytest` skips them with the reason.
    """
    from etl.config import Settings
    from etl.elasticsearch_local import LocalNode
    from etl.errors import LocalNodeError

    settings = Settings(es_password=PASSWORD, _env_file=None)
    try:
        node = start_node_on_a_free_port(lambda port: LocalNode(settings, port=port, ephemeral=True, secure=True))
    except LocalNodeError as exc:
        if os.environ.get("NEWSETL_TEST_ES_PORT"):
            pytest.fail(f"cannot start a secure Elasticsearch node: {exc}")
        pytest.skip(f"cannot start a secure Elasticsearch node: {exc}")
    try:
        status = node.status()
        api_key, api_key_id = _create_api_key(status["url"], status["ca_certs"])
        yield SecureNode(node, status, f"t-{uuid.uuid4().hex[:10]}", api_key, api_key_id)
    finally:
        node.down()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """An empty working directory, so no stray `.env` feeds the settings."""
    return tmp_path_factory.mktemp("secure-cwd")


@pytest.fixture(scope="module")
def first_run(secure_node, workdir) -> subprocess.CompletedProcess:
    """`newsetl run seeds` over HTTPS with user elastic and the CA."""
    return newsetl("run", str(SEEDS), env=secure_node.env(), cwd=workdir)


def _stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_node_is_secured(secure_node):
    from etl.elasticsearch_local import http_health

    assert secure_node.url.startswith("https://127.0.0.1:")
    assert Path(secure_node.ca_certs).name == "ca.crt"
    assert "BEGIN CERTIFICATE" in Path(secure_node.ca_certs).read_text()
    auth = ("elastic", PASSWORD)
    assert http_health(secure_node.url, ca_certs=secure_node.ca_certs, auth=auth)["status"] in ("green", "yellow")
    assert http_health(secure_node.url, ca_certs=secure_node.ca_certs) is None  # 401 without credentials
    assert http_health(secure_node.url, ca_certs=secure_node.ca_certs, auth=("elastic", WRONG_PASSWORD)) is None
    assert http_health(secure_node.url, auth=auth) is None  # the system CAs do not know ours
    assert http_health(secure_node.url.replace("https", "http"), auth=auth) is None  # no plain HTTP
    # the certificate names localhost too
    assert http_health(secure_node.url.replace("127.0.0.1", "localhost"), ca_certs=secure_node.ca_certs, auth=auth)
    status = secure_node.node.status()
    assert status["secure"] is True and status["running"] is True
    assert status["password_file"] is None  # the password came from the settings


def test_run_and_search_with_password(secure_node, first_run, workdir):
    assert first_run.returncode == 0, first_run.stderr
    assert re.search(r"files seen\s*│\s*1\s*│", first_run.stdout), first_run.stdout
    assert re.search(r"indexed\s*│\s*1\s*│", first_run.stdout), first_run.stdout
    assert re.search(r"rejected\s*│\s*0\s*│", first_run.stdout), first_run.stdout

    found = newsetl("search", "sanctions", "--json", env=secure_node.env(), cwd=workdir, timeout=120)
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert hit["source_path"] == "000_4a3f43196b185345.txt"
    assert hit["published"] == "2017-12-27"
    assert hit["dateline"] == "MOSCOW"


def test_api_key_from_the_api(secure_node, first_run, workdir):
    assert first_run.returncode == 0, first_run.stderr
    env = secure_node.env(NEWSETL_ES_USERNAME=None, NEWSETL_ES_PASSWORD=None, NEWSETL_ES_API_KEY=secure_node.api_key)
    found = newsetl("search", "sanctions", "--json", env=env, cwd=workdir, timeout=120)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 1

    # the key as "<id>:<api_key>" works too (decoded form of the same key)
    import base64

    decoded = base64.b64decode(secure_node.api_key).decode()
    assert decoded.startswith(f"{secure_node.api_key_id}:")
    env["NEWSETL_ES_API_KEY"] = decoded
    again = newsetl("search", "sanctions", "--json", env=env, cwd=workdir, timeout=120)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["total"] == 1

    bad = newsetl("search", "sanctions", env={**env, "NEWSETL_ES_API_KEY": "bm9wZTpub3Bl"}, cwd=workdir, timeout=120)
    assert bad.returncode == 1
    assert _stderr_lines(bad) == [
        f"error: Elasticsearch at {secure_node.url} refused the credentials (HTTP 401); "
        "check NEWSETL_ES_USERNAME/NEWSETL_ES_PASSWORD or NEWSETL_ES_API_KEY"
    ]


def test_wrong_password_is_one_clear_line(secure_node, workdir):
    result = newsetl("run", str(SEEDS), env=secure_node.env(NEWSETL_ES_PASSWORD=WRONG_PASSWORD), cwd=workdir, timeout=300)
    assert result.returncode == 1
    assert _stderr_lines(result) == [
        f"error: Elasticsearch at {secure_node.url} refused the credentials (HTTP 401); "
        "check NEWSETL_ES_USERNAME/NEWSETL_ES_PASSWORD or NEWSETL_ES_API_KEY"
    ]
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert WRONG_PASSWORD not in output and PASSWORD not in output


def test_missing_ca_is_one_clear_line(secure_node, workdir):
    result = newsetl("run", str(SEEDS), env=secure_node.env(NEWSETL_ES_CA_CERTS=None), cwd=workdir, timeout=300)
    assert result.returncode == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"error: the TLS certificate of Elasticsearch at {secure_node.url} could not be verified (")
    assert line.endswith("; set NEWSETL_ES_CA_CERTS to the cluster's CA certificate (PEM)")
    assert "Traceback" not in result.stdout + result.stderr

    missing = newsetl("setup", env=secure_node.env(NEWSETL_ES_CA_CERTS="/nonexistent/ca.crt"), cwd=workdir, timeout=120)
    assert missing.returncode == 1
    assert _stderr_lines(missing) == [
        "error: NEWSETL_ES_CA_CERTS: /nonexistent/ca.crt is not a readable file; give the PEM CA "
        "certificate of the cluster (`newsetl es up --secure` prints its path)"
    ]


def test_hostname_mismatch_is_one_clear_line(secure_node, workdir):
    """The certificate lists 127.0.0.1 and localhost only; another name for this host must be refused."""
    host = socket.gethostname()
    try:
        resolves_to_loopback = host != "localhost" and socket.gethostbyname(host) == "127.0.0.1"
    except OSError:
        resolves_to_loopback = False
    if not resolves_to_loopback:
        pytest.skip(f"this host's name {host!r} does not resolve to 127.0.0.1")
    url = secure_node.url.replace("127.0.0.1", host)
    result = newsetl("setup", env=secure_node.env(NEWSETL_ES_URL=url), cwd=workdir, timeout=120)
    assert result.returncode == 1
    (line,) = _stderr_lines(result)
    assert line.startswith(f"error: the TLS certificate of Elasticsearch at {url} does not match the host (")
    assert "NEWSETL_ES_URL" in line and "NEWSETL_ES_CA_CERTS" in line


def test_secrets_are_never_printed(secure_node, first_run, workdir, monkeypatch):
    assert first_run.returncode == 0, first_run.stderr
    assert PASSWORD not in first_run.stdout + first_run.stderr

    # a run with both a password and an API key set (the key wins); neither may show up
    env = secure_node.env(NEWSETL_ES_API_KEY=secure_node.api_key)
    second = newsetl("run", str(SEEDS), env=env, cwd=workdir)
    assert second.returncode == 0, second.stderr
    assert re.search(r"unchanged \(skipped\)\s*│\s*1\s*│", second.stdout), second.stdout
    output = second.stdout + second.stderr
    assert PASSWORD not in output
    assert secure_node.api_key not in output
    assert base_key_secret(secure_node.api_key) not in output

    from etl.config import get_settings

    for key, value in env.items():
        if key.startswith("NEWSETL_"):
            monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        settings = get_settings()
        assert settings.es_password.get_secret_value() == PASSWORD  # really read...
        assert settings.es_api_key.get_secret_value() == secure_node.api_key
        for shown in (repr(settings), str(settings), settings.model_dump_json()):  # ...and never shown
            assert PASSWORD not in shown
            assert secure_node.api_key not in shown
            assert "**********" in shown
    finally:
        get_settings.cache_clear()


def base_key_secret(encoded: str) -> str:
    """The secret half of an encoded API key (``base64(id:api_key)`` -> ``api_key``)."""
    import base64

    return base64.b64decode(encoded).decode().split(":", 1)[1]
