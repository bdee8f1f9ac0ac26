"""Provision, start and stop a local single-node Elasticsearch without Docker.

How (DESIGN.md, "Runtime components"): Maven fetches the official
``org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>`` zip
from Maven Central, it is unpacked under ``Settings.es_home`` and started bound
to 127.0.0.1 with a small heap and security off. The zip carries no JDK, so a
JDK is picked from ``NEWSETL_ES_JAVA_HOME``, ``JAVA_HOME`` or ``/usr/lib/jvm``
(9.x needs Java 21+, 8.x Java 17+). Elasticsearch refuses to run as root: when
the caller is root, the node runs as the unprivileged user ``Settings.es_run_as``
(created with ``useradd`` if missing), and all its files live under ``es_home``,
a folder that user can reach.

Each node is identified by its HTTP port; its state lives in
``<es_home>/nodes/<port>/`` (``config/``, ``data/``, ``logs/``, ``pid``).
An *ephemeral* node (``make test``) keeps its data in a throwaway folder that
``down`` deletes.
"""

from __future__ import annotations

import json
import logging
import os
import pwd
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from etl.config import Settings
from etl.errors import LocalNodeError

log = logging.getLogger(__name__)

JVM_ROOT = Path("/usr/lib/jvm")
_JAVA_VERSION_RE = re.compile(r'JAVA_VERSION="(\d+)')
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def required_java(es_version: str) -> int:
    """Minimum Java major version for an Elasticsearch version (Elastic's support matrix: 9.x -> 21, 8.x -> 17)."""
    major = int(es_version.split(".")[0])
    return 21 if major >= 9 else 17


def java_major(java_home: Path) -> int | None:
    """Java major version of a JDK folder, from its ``release`` file (``JAVA_VERSION="25.0.3"`` -> 25); None if unknown."""
    release = java_home / "release"
    if not (java_home / "bin" / "java").exists() or not release.exists():
        return None
    m = _JAVA_VERSION_RE.search(release.read_text(errors="replace"))
    return int(m.group(1)) if m else None


def find_java(minimum: int, preferred: Path | None = None) -> Path:
    """Pick a JDK home with major version >= ``minimum``.

    Order: ``preferred`` (``NEWSETL_ES_JAVA_HOME``), ``$JAVA_HOME``, then the newest
    JDK under ``/usr/lib/jvm``. Raises :class:`LocalNodeError` naming what was found.
    """
    candidates: list[Path] = []
    if preferred:
        candidates.append(Path(preferred))
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    if JVM_ROOT.is_dir():
        found = [(java_major(p) or 0, p) for p in JVM_ROOT.iterdir() if p.is_dir() and not p.is_symlink()]
        candidates += [p for _, p in sorted(found, reverse=True)]
    seen = []
    for home in candidates:
        major = java_major(home)
        seen.append(f"{home} ({major or 'not a JDK'})")
        if major and major >= minimum:
            return home
    raise LocalNodeError(
        f"no Java {minimum}+ found for Elasticsearch (looked at: {', '.join(seen) or 'nothing'}); "
        f"install one (e.g. apt-get install openjdk-21-jre-headless) or set NEWSETL_ES_JAVA_HOME"
    )


def ensure_run_as_user(name: str) -> pwd.struct_passwd | None:
    """As root, return (creating with ``useradd --system`` if needed) the unprivileged user the node runs as; else None."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    try:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise LocalNodeError(f"cannot create user {name!r} to run Elasticsearch (it refuses root): {detail.strip()}") from exc
    return pwd.getpwnam(name)


def _chown_tree(path: Path, user: pwd.struct_passwd | None) -> None:
    if user is None:
        return
    for p in [path, *path.rglob("*")]:
        os.chown(p, user.pw_uid, user.pw_gid, follow_symlinks=False)


def fetch_distribution(version: str, dest: Path) -> Path:
    """Download the integ-test-zip for ``version`` into ``dest`` with Maven; return the zip's path.

    Uses ``mvn dependency:copy`` (Maven Central; the local ``~/.m2`` cache makes
    repeats free). Raises :class:`LocalNodeError` if Maven is missing or the
    artifact does not resolve.
    """
    zip_path = dest / f"elasticsearch-{version}.zip"
    if zip_path.exists():
        return zip_path
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNodeError("Maven (mvn) is needed to fetch Elasticsearch: apt-get install maven")
    dest.mkdir(parents=True, exist_ok=True)
    artifact = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"
    log.info("fetching %s with Maven", artifact)
    proc = subprocess.run(
        [mvn, "-q", "-B", "-Dstyle.color=never", "dependency:copy", f"-Dartifact={artifact}", f"-DoutputDirectory={dest}"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not zip_path.exists():
        output = _ANSI_RE.sub("", proc.stdout + proc.stderr).splitlines()
        errors = [line.removeprefix("[ERROR] ").strip() for line in output if line.startswith("[ERROR]")]
        cause = next((e for e in errors if e), "no output") if errors else " | ".join(output[-3:])
        raise LocalNodeError(f"Maven could not fetch {artifact}: {cause[:400]}")
    return zip_path


def install_distribution(settings: Settings) -> Path:
    """Make sure ``<es_home>/dist/elasticsearch-<version>`` exists (fetch + unpack); return it."""
    dist_root = settings.es_home / "dist"
    home = dist_root / f"elasticsearch-{settings.es_version}"
    if (home / "bin" / "elasticsearch").exists():
        return home
    zip_path = fetch_distribution(settings.es_version, settings.es_home / "downloads")
    tmp = dist_root / f".unpack-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            extracted = Path(zf.extract(info, tmp))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                extracted.chmod(mode)
    unpacked = next(tmp.iterdir())
    for p in [unpacked, *unpacked.rglob("*")]:  # readable (and traversable) by the run-as user
        p.chmod(p.stat().st_mode | (0o755 if p.is_dir() else 0o444))
    unpacked.rename(home)
    tmp.rmdir()
    return home


def http_health(url: str, timeout: float = 2.0) -> dict | None:
    """``GET <url>/_cluster/health`` without credentials; the parsed JSON, or None if nothing answers."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=timeout) as resp:
            return json.loads(resp.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


@dataclass
class LocalNode:
    """A local single-node Elasticsearch on ``127.0.0.1:<port>``.

    Usage::

        node = LocalNode(get_settings(), port=9200)
        node.up()        # fetch, unpack, start, wait for health (idempotent)
        node.status()    # {"running": True, "url": ..., "health": {...}}
        node.down()      # stop; an ephemeral node's data folder is deleted
    """

    settings: Settings
    port: int = 9200
    ephemeral: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def node_dir(self) -> Path:
        return self.settings.es_home / "nodes" / str(self.port)

    @property
    def pid_file(self) -> Path:
        return self.node_dir / "pid"

    @property
    def logs_dir(self) -> Path:
        return self.node_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "newsetl-local.log"

    def _data_dir(self) -> Path:
        marker = self.node_dir / "ephemeral-data"
        if self.ephemeral:
            if marker.exists():
                return Path(marker.read_text().strip())
            data = self.settings.es_home / "tmp" / f"data-{self.port}-{os.getpid()}-{int(time.time())}"
            marker.write_text(str(data))
            return data
        return self.node_dir / "data"

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def status(self) -> dict:
        """``{"running": bool, "url": str, "health": dict | None, "pid": int | None, "logs": str}``."""
        health = http_health(self.url)
        return {
            "running": health is not None,
            "url": self.url,
            "health": health,
            "pid": self._pid(),
            "logs": str(self.logs_dir),
        }

    def _write_config(self, dist: Path, data: Path) -> Path:
        conf = self.node_dir / "config"
        shutil.rmtree(conf, ignore_errors=True)
        shutil.copytree(dist / "config", conf)
        settings = {
            "cluster.name": f"newsetl-{self.port}",
            "node.name": f"newsetl-{self.port}",
            "network.host": "127.0.0.1",
            "http.port": self.port,
            "transport.port": self.port + 100,
            "discovery.type": "single-node",
            "path.data": str(data),
            "path.logs": str(self.logs_dir),
            "xpack.security.enabled": False,
            # a nearly full disk must not turn the index read-only on a laptop
            "cluster.routing.allocation.disk.threshold_enabled": False,
        }
        (conf / "elasticsearch.yml").write_text(
            "# written by newsetl es up\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items())
        )
        return conf

    def up(self) -> dict:
        """Start the node unless one already answers on the port; wait for yellow/green health.

        Returns :meth:`status`. Raises :class:`LocalNodeError` (with the log
        folder) when Java, Maven or the start-up fails, or health does not come
        within ``Settings.es_start_timeout`` seconds.
        """
        if http_health(self.url):
            log.info("Elasticsearch already answers at %s; reusing it", self.url)
            return self.status()
        java_home = find_java(required_java(self.settings.es_version), self.settings.es_java_home)
        user = ensure_run_as_user(self.settings.es_run_as)
        self.settings.es_home.mkdir(parents=True, exist_ok=True)
        if user is not None:
            closed = [p for p in self.settings.es_home.parents if not p.stat().st_mode & 0o001]
            if closed:
                raise LocalNodeError(
                    f"{closed[0]} is not searchable by other users, so {self.settings.es_run_as!r} cannot "
                    f"reach {self.settings.es_home}; set NEWSETL_ES_HOME to a folder under /var/cache or /srv"
                )
        dist = install_distribution(self.settings)
        self.node_dir.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        data = self._data_dir()
        data.mkdir(parents=True, exist_ok=True)
        conf = self._write_config(dist, data)
        for p in (self.settings.es_home, self.settings.es_home / "nodes", self.node_dir):
            p.chmod(0o755)
        if self.ephemeral:
            (self.settings.es_home / "tmp").chmod(0o755)
        _chown_tree(self.node_dir, user)
        _chown_tree(data, user)

        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("JAVA_", "ES_", "NEWSETL_"))},
            "ES_JAVA_HOME": str(java_home),
            "ES_PATH_CONF": str(conf),
            "ES_JAVA_OPTS": f"-Xms{self.settings.es_heap} -Xmx{self.settings.es_heap}",
        }
        cmd = [str(dist / "bin" / "elasticsearch"), "-d", "-p", str(self.pid_file)]
        if user is not None:
            cmd = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups", *cmd]
            env["HOME"] = str(self.node_dir)
        log.info("starting Elasticsearch %s on %s (Java %s)", self.settings.es_version, self.url, java_home)
        with open(self.log_file, "ab") as out:
            proc = subprocess.run(cmd, env=env, cwd=self.node_dir, stdout=out, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise LocalNodeError(
                f"Elasticsearch failed to start (exit {proc.returncode}); see {self.log_file} and {self.logs_dir}/"
            )
        deadline = time.monotonic() + self.settings.es_start_timeout
        while time.monotonic() < deadline:
            health = http_health(self.url)
            if health and health.get("status") in ("green", "yellow"):
                return self.status()
            time.sleep(0.5)
        raise LocalNodeError(
            f"Elasticsearch did not become healthy at {self.url} within "
            f"{self.settings.es_start_timeout:.0f}s; see {self.logs_dir}/"
        )

    def down(self, timeout: float = 60.0) -> bool:
        """Stop the node started by :meth:`up` (SIGTERM, then SIGKILL after ``timeout`` s).

        Returns True if a process was stopped. An ephemeral node's data folder is removed.
        """
        pid = self._pid()
        stopped = False
        if pid:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except OSError:
                    break
                time.sleep(0.25)
            else:
                os.kill(pid, signal.SIGKILL)
            stopped = True
        self.pid_file.unlink(missing_ok=True)
        marker = self.node_dir / "ephemeral-data"
        if marker.exists():
            shutil.rmtree(Path(marker.read_text().strip()), ignore_errors=True)
            marker.unlink()
        return stopped
