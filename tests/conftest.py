"""Shared fixtures: the real Elasticsearch node that `make test` starts, isolated per test."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_4a3f43196b185345.txt"
CORPORA = REPO.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def es_url() -> str:
    """URL of the test node. Under `make test` a missing node is an error; a bare `pytest` skips."""
    from etl.elasticsearch_local import http_health

    url = os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9250")
    if http_health(url) is None:
        if os.environ.get("NEWSETL_TEST_ES_PORT"):
            pytest.fail(f"make test started no Elasticsearch at {url}")
        pytest.skip(f"no Elasticsearch at {url}: run `make test` (it starts one)")
    return url


@pytest.fixture
def isolated_env(es_url, monkeypatch, tmp_path):
    """Point the settings at the test node with a unique alias and rejections index; clears the settings cache."""
    from elasticsearch import Elasticsearch

    from etl.config import get_settings

    name = f"t-{uuid.uuid4().hex[:10]}"
    env = {
        "NEWSETL_ES_URL": es_url,
        "NEWSETL_INDEX_ALIAS": name,
        "NEWSETL_REJECTIONS_INDEX": f"{name}-rejections",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("PREFECT_HOME", str(REPO / ".prefect"))
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
