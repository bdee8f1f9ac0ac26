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

A *secure* node (``newsetl es up --secure``) has security and HTTPS on, as
Elastic's "Set up basic security plus HTTPS" describes: before its first start
the distribution's own ``elasticsearch-certutil`` makes a CA and an HTTP
certificate for 127.0.0.1/localhost (kept in ``nodes/<port>/tls/``, copied to
``config/certs/``), and ``elasticsearch-keystore add -x bootstrap.password``
sets the ``elastic`` user's password ("Built-in users": the bootstrap password
holds until someone changes the password through the API). The password is
``NEWSETL_ES_PASSWORD`` or, when that is unset, a generated one stored in
``nodes/<port>/elastic-password`` (mode 600); it is never printed. Transport
TLS uses the same certificate.

The integ-test-zip lacks the ``analysis-common`` module: no ``english``
analyzer, and none of the filters the ``.security`` index (API keys) needs.
Every node (plain and secure) therefore runs a hard-linked copy of the
distribution with a small plugin, compiled with ``javac`` from the Lucene
classes in the distribution's ``lib/``, that registers those components under
their Elasticsearch names (see :func:`analysis_distribution`).
The node dir records the mode in ``mode``, so ``status``/``down`` work without
being told, and ``up`` in the other mode regenerates the config or refuses
clearly while a node in the other mode still runs.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import logging
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
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


def _health_request(
    url: str, timeout: float = 2.0, ca_certs: str | Path | None = None, auth: tuple[str, str] | None = None
) -> tuple[int | None, dict | None]:
    """``(HTTP status, JSON body)`` of ``GET <url>/_cluster/health``; ``(None, None)`` if nothing answers (or TLS fails)."""
    request = urllib.request.Request(f"{url.rstrip('/')}/_cluster/health")
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        context = ssl.create_default_context(cafile=str(ca_certs)) if ca_certs else None
        with urllib.request.urlopen(request, timeout=timeout, context=context) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, None
    except (urllib.error.URLError, OSError, ValueError, ssl.SSLError, http.client.HTTPException):
        return None, None  # HTTPException: something answers, but not HTTP (another node's transport port)


def http_health(
    url: str,
    timeout: float = 2.0,
    *,
    ca_certs: str | Path | None = None,
    auth: tuple[str, str] | None = None,
) -> dict | None:
    """``GET <url>/_cluster/health``; the parsed JSON, or None if nothing answers with 200.

    Plain call (``http_health("http://127.0.0.1:9200")``): no credentials, as before.
    For a secured node give ``ca_certs`` (a PEM CA file that verifies the
    ``https://`` certificate, hostname included) and ``auth=(user, password)``
    (HTTP basic auth). A TLS failure, a 401/403 or any other error is None too;
    never raises. (Elasticsearch reference, "Cluster health API".)
    """
    code, body = _health_request(url, timeout, ca_certs, auth)
    return body if code == 200 else None


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 1.0) -> bool:
    """True if something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _run_tool(cmd: list[str], env: dict, what: str, stdin: str | None = None) -> None:
    """Run an Elasticsearch CLI tool; :class:`LocalNodeError` with its last output lines when it fails."""
    try:
        proc = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LocalNodeError(f"{what} failed: {exc}") from None
    if proc.returncode != 0:
        lines = [line.strip() for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
        detail = " | ".join(lines[-3:]) or "no output"
        raise LocalNodeError(f"{what} failed (exit {proc.returncode}): {detail[:400]}")


def make_certificates(dist: Path, java_home: Path, dest: Path) -> dict[str, Path]:
    """Make a CA and an HTTP certificate for 127.0.0.1/localhost with the distribution's ``elasticsearch-certutil``.

    Runs ``certutil ca --pem`` then ``certutil cert --pem --ca-cert --ca-key
    --ip 127.0.0.1 --dns localhost`` in silent mode (Elastic's
    "elasticsearch-certutil" page), unpacks both zips and writes
    ``dest/{ca.crt,ca.key,http.crt,http.key}`` (keys mode 600). Returns those
    four paths by name (``{"ca.crt": Path, ...}``). Idempotent: existing files
    are kept, so the CA clients trust stays the same across restarts. Raises
    :class:`LocalNodeError` when the tool fails.
    """
    names = ("ca.crt", "ca.key", "http.crt", "http.key")
    paths = {n: dest / n for n in names}
    if all(p.exists() for p in paths.values()):
        return paths
    dest.mkdir(parents=True, exist_ok=True)
    tool = str(dist / "bin" / "elasticsearch-certutil")
    env = {**_tool_env(java_home), "ES_PATH_CONF": str(dist / "config")}
    with tempfile.TemporaryDirectory(prefix="newsetl-certs-") as tmp_name:
        tmp = Path(tmp_name)  # certutil resolves relative paths against ES_HOME: absolute paths only
        _run_tool([tool, "ca", "--pem", "--silent", "--days", "3650", "--out", str(tmp / "ca.zip")], env, "elasticsearch-certutil ca")
        with zipfile.ZipFile(tmp / "ca.zip") as zf:
            zf.extractall(tmp)
        _run_tool(
            [
                tool, "cert", "--pem", "--silent", "--days", "3650", "--name", "http",
                "--ca-cert", str(tmp / "ca" / "ca.crt"), "--ca-key", str(tmp / "ca" / "ca.key"),
                "--ip", "127.0.0.1", "--dns", "localhost", "--out", str(tmp / "http.zip"),
            ],
            env,
            "elasticsearch-certutil cert",
        )
        with zipfile.ZipFile(tmp / "http.zip") as zf:
            zf.extractall(tmp)
        for name in names:
            src = tmp / name.split(".")[0] / name
            shutil.copyfile(src, paths[name])
            paths[name].chmod(0o600 if name.endswith(".key") else 0o644)
    return paths


ANALYSIS_PLUGIN = "newsetl-analysis"
ANALYSIS_PLUGIN_SOURCE = Path(__file__).with_name("es_plugin") / "NewsetlAnalysisPlugin.java"
"""The plugin's Java source, shipped with the package and compiled against the distribution on first use."""


def analysis_distribution(dist: Path, java_home: Path) -> Path:
    """The distribution every local node runs: ``dist`` plus the ``newsetl-analysis`` plugin; return its home.

    Why: the integ-test-zip ships only the x-pack-core/-security, netty and apm
    modules, not ``analysis-common``, although Lucene's analyzers are in its
    ``lib/lucene-analysis-common-*.jar``. Without the module there is no
    ``english`` analyzer (local search fell back to ``standard``: no stemming,
    ``sanction`` and ``sanctions`` apart), and the ``.security`` system index
    (API keys, native users) cannot be created (``Unknown filter type
    [pattern_capture]``). The plugin (``etl/es_plugin/NewsetlAnalysisPlugin.java``)
    registers, under their Elasticsearch names and with their documented settings
    and behaviour, the components the article mapping and the ``.security`` index
    use, each on the Lucene class analysis-common uses: the ``english`` analyzer
    (prebuilt and configurable), the ``stemmer``, ``keyword_marker``,
    ``multiplexer``, ``pattern_replace``, ``pattern_capture`` and ``unique`` token
    filters, the ``mapping`` and ``pattern_replace`` char filters and the
    ``uax_url_email`` tokenizer (Elasticsearch reference, "Text analysis";
    "Creating classic plugins" for the layout). It is compiled here with the
    JDK's ``javac`` against the distribution's own jars.

    The copy is ``<dist>+newsetl-analysis-<sha256 of the source, 10 hex>`` next to
    ``dist``, made of hard links (no extra disk), so a changed plugin source gets
    a fresh build while nodes already running keep theirs. Idempotent. Raises
    :class:`LocalNodeError` when ``java_home`` has no ``javac`` (a JRE) or
    compiling fails.
    """
    source = ANALYSIS_PLUGIN_SOURCE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:10]
    home = dist.parent / f"{dist.name}+{ANALYSIS_PLUGIN}-{digest}"
    plugin = home / "plugins" / ANALYSIS_PLUGIN
    if (plugin / f"{ANALYSIS_PLUGIN}.jar").exists():
        return home
    javac, jar = java_home / "bin" / "javac", java_home / "bin" / "jar"
    if not javac.exists() or not jar.exists():
        raise LocalNodeError(
            f"the local node needs a JDK with javac to build its {ANALYSIS_PLUGIN} plugin (the english analyzer); "
            f"{java_home} has none: install a JDK (e.g. openjdk-21-jdk-headless) or set NEWSETL_ES_JAVA_HOME"
        )
    tmp = dist.parent / f".analysis-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        shutil.copytree(dist, tmp, copy_function=os.link, symlinks=True)
        build = tmp / ".build"
        src = build / "src" / "newsetl" / ANALYSIS_PLUGIN_SOURCE.name
        src.parent.mkdir(parents=True)
        src.write_bytes(source)
        classpath = os.pathsep.join(str(j) for j in sorted((dist / "lib").glob("*.jar")))
        release = str(required_java(_dist_version(dist)))
        env = _tool_env(java_home)
        _run_tool(
            [str(javac), "--release", release, "-nowarn", "-cp", classpath, "-d", str(build / "classes"), str(src)],
            env,
            f"compiling the {ANALYSIS_PLUGIN} plugin",
        )
        target = tmp / "plugins" / ANALYSIS_PLUGIN
        target.mkdir(parents=True)
        _run_tool(
            [str(jar), "--create", "--file", str(target / f"{ANALYSIS_PLUGIN}.jar"), "-C", str(build / "classes"), "."],
            env,
            f"packing the {ANALYSIS_PLUGIN} plugin",
        )
        (target / "plugin-descriptor.properties").write_text(
            "description=The english analyzer and the analysis-common filters news-etl and the .security index use "
            "(the integ-test-zip lacks analysis-common)\n"
            f"version=1.0\nname={ANALYSIS_PLUGIN}\nclassname=newsetl.NewsetlAnalysisPlugin\n"
            f"java.version={release}\nelasticsearch.version={_dist_version(dist)}\n"
        )
        shutil.rmtree(build)
        for q in [target.parent, *target.parent.rglob("*")]:
            q.chmod(0o755 if q.is_dir() else 0o644)
        if not (plugin / f"{ANALYSIS_PLUGIN}.jar").exists():  # else another process won the race
            shutil.rmtree(home, ignore_errors=True)
            tmp.rename(home)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return home


def _dist_version(dist: Path) -> str:
    """``9.5.4`` from a distribution folder ``elasticsearch-9.5.4``."""
    return dist.name.removeprefix("elasticsearch-")


def _tool_env(java_home: Path) -> dict:
    """Environment for the distribution's bin/ tools: ours minus JAVA_/ES_/NEWSETL_ variables, plus ES_JAVA_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JAVA_", "ES_", "NEWSETL_"))}
    env["ES_JAVA_HOME"] = str(java_home)
    return env


def node_name(port: int) -> str:
    """``newsetl-<port>``: the ``node.name`` of the local node on HTTP port ``port``."""
    return f"newsetl-{port}"


def cluster_discovery(ports: tuple[int, ...], bootstrap: bool) -> dict:
    """``elasticsearch.yml`` settings that make the nodes on HTTP ``ports`` (127.0.0.1) one cluster.

    One ``cluster.name`` (``newsetl-<first port>``); ``discovery.seed_hosts`` lists every
    node's transport address (HTTP port + 100); with ``bootstrap`` (a node whose data folder
    holds no cluster state yet), ``cluster.initial_master_nodes`` names them all, so the first
    election needs a majority of them. Elastic's "Discovery and cluster formation settings" and
    "Bootstrapping a cluster": the setting is for the first start only and must be left out
    once the cluster has formed (a restarted node rejoins from its stored state).
    """
    out: dict = {
        "cluster.name": node_name(ports[0]),
        "discovery.seed_hosts": [f"127.0.0.1:{p + 100}" for p in ports],
    }
    if bootstrap:
        out["cluster.initial_master_nodes"] = [node_name(p) for p in ports]
    return out


@dataclass
class LocalNode:
    """A local single-node Elasticsearch on ``127.0.0.1:<port>``.

    Usage::

        node = LocalNode(get_settings(), port=9200)
        node.up()        # fetch, unpack, start, wait for health (idempotent)
        node.status()    # {"running": True, "url": ..., "health": {...}, ...}
        node.down()      # stop; an ephemeral node's data folder is deleted

        LocalNode(settings, port=9260, secure=True).up()   # HTTPS + users; see the module docstring

    ``secure``: True = security and HTTPS on, False = plain HTTP without
    security (the default of ``newsetl es up``), None = the mode this port's
    node dir recorded at its last ``up`` (plain when none), which is what
    ``status``/``down`` want.
    """

    settings: Settings
    port: int = 9200
    ephemeral: bool = False
    secure: bool | None = None
    extra_settings: dict = field(default_factory=dict)
    """More ``elasticsearch.yml`` settings, e.g. ``{"thread_pool.write.queue_size": 1}`` (tests of 429s); they win."""
    cluster_ports: tuple[int, ...] = ()
    """The HTTP ports of every node of the local cluster this node belongs to (``newsetl es up
    --nodes N``, :class:`etl.elasticsearch_cluster.LocalCluster`); empty for a single node."""

    @property
    def is_secure(self) -> bool:
        """The mode in effect: ``secure`` if given, else the recorded one."""
        if self.secure is not None:
            return self.secure
        return self._recorded_mode() == "secure"

    @property
    def url(self) -> str:
        scheme = "https" if self.is_secure else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

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

    @property
    def tls_dir(self) -> Path:
        """Where the generated CA and HTTP certificate live (kept across restarts and mode switches)."""
        return self.node_dir / "tls"

    @property
    def ca_certs(self) -> Path | None:
        """The CA certificate (PEM) clients need for a secure node (``NEWSETL_ES_CA_CERTS``); None for a plain one."""
        return self.tls_dir / "ca.crt" if self.is_secure else None

    @property
    def password_file(self) -> Path:
        """The generated ``elastic`` password (mode 600), used only when ``NEWSETL_ES_PASSWORD`` is unset."""
        return self.node_dir / "elastic-password"

    def _recorded_mode(self) -> str:
        try:
            return (self.node_dir / "mode").read_text().strip()
        except OSError:
            return "plain"

    def _password(self, create: bool = False) -> str | None:
        """The ``elastic`` password: NEWSETL_ES_PASSWORD, else the password file, else (``create``) a new one."""
        if self.settings.es_password is not None:
            return self.settings.es_password.get_secret_value()
        try:
            return self.password_file.read_text().strip()
        except OSError:
            pass
        if not create:
            return None
        password = secrets.token_urlsafe(24)
        self.node_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(password + "\n")
        self.password_file.chmod(0o600)
        return password

    def _health_args(self) -> dict:
        if not self.is_secure:
            return {}
        password = self._password()
        return {"ca_certs": self.ca_certs, "auth": ("elastic", password) if password is not None else None}

    def _health(self) -> dict | None:
        return http_health(self.url, **self._health_args())

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
        """``{"running": bool, "url": str, "health": dict | None, "pid": int | None, "logs": str,
        "secure": bool, "ca_certs": str | None, "password_file": str | None}``.

        ``password_file`` is set only when the password came from the generated
        file (NEWSETL_ES_PASSWORD unset); the password itself is never in the result.
        """
        health = self._health()
        secure = self.is_secure
        generated = secure and self.settings.es_password is None and self.password_file.exists()
        return {
            "running": health is not None,
            "url": self.url,
            "health": health,
            "pid": self._pid(),
            "logs": str(self.logs_dir),
            "secure": secure,
            "ca_certs": str(self.ca_certs) if secure else None,
            "password_file": str(self.password_file) if generated else None,
        }

    def config_settings(self, data: Path) -> dict:
        """The ``elasticsearch.yml`` settings of this node, as a dict (values are written as JSON, valid YAML).

        Secure mode adds ``xpack.security.enabled: true`` and TLS with the
        certificates under ``config/certs/`` (Elastic's "Security settings in
        Elasticsearch", HTTP and transport TLS/SSL settings). Transport TLS is
        not required on a single-node cluster bound to loopback ("Bootstrap
        checks": it only warns there), but it is on, with the same certificate,
        as Elastic's security auto-configuration does.
        """
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
        if self.cluster_ports:
            settings.update(cluster_discovery(self.cluster_ports, bootstrap=not (data / "_state").exists()))
            del settings["discovery.type"]
        if self.is_secure:
            settings.update(
                {
                    "xpack.security.enabled": True,
                    "xpack.security.http.ssl.enabled": True,
                    "xpack.security.http.ssl.key": "certs/http.key",
                    "xpack.security.http.ssl.certificate": "certs/http.crt",
                    "xpack.security.http.ssl.certificate_authorities": ["certs/ca.crt"],
                    # the same certificate on transport: Elastic's auto-configuration does so, and it
                    # keeps the "Transport SSL must be enabled" bootstrap check from warning
                    "xpack.security.transport.ssl.enabled": True,
                    "xpack.security.transport.ssl.verification_mode": "certificate",
                    "xpack.security.transport.ssl.key": "certs/http.key",
                    "xpack.security.transport.ssl.certificate": "certs/http.crt",
                    "xpack.security.transport.ssl.certificate_authorities": ["certs/ca.crt"],
                    "xpack.security.enrollment.enabled": False,
                }
            )
        settings.update(self.extra_settings)
        return settings

    def _write_config(self, dist: Path, data: Path) -> Path:
        conf = self.node_dir / "config"
        shutil.rmtree(conf, ignore_errors=True)
        shutil.copytree(dist / "config", conf)
        settings = self.config_settings(data)
        (conf / "elasticsearch.yml").write_text(
            "# written by newsetl es up\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items())
        )
        if self.is_secure:  # TLS files must sit under the config dir for the node to read them
            certs = conf / "certs"
            certs.mkdir()
            for name in ("ca.crt", "http.crt", "http.key"):
                shutil.copyfile(self.tls_dir / name, certs / name)
                (certs / name).chmod(0o600 if name.endswith(".key") else 0o644)
        (self.node_dir / "mode").write_text("secure\n" if self.is_secure else "plain\n")
        record = self.node_dir / "cluster"
        if self.cluster_ports:
            record.write_text(json.dumps({"ports": list(self.cluster_ports)}) + "\n")
        else:
            record.unlink(missing_ok=True)
        return conf

    def recorded_cluster(self) -> tuple[int, ...]:
        """The HTTP ports of the cluster this port's node was last started in (``()``: a single node)."""
        try:
            return tuple(int(p) for p in json.loads((self.node_dir / "cluster").read_text())["ports"])
        except (OSError, ValueError, KeyError, TypeError):
            return ()

    def _refuse_topology_change(self, data: Path) -> None:
        """A kept data folder belongs to the cluster it was made in: a single node's data cannot
        join a cluster, nor a cluster member's data form a single-node cluster (it waits for the
        other master-eligible nodes for ever). Raise :class:`LocalNodeError` saying what to do."""
        recorded = self.recorded_cluster()
        if recorded == self.cluster_ports or not (data / "_state").exists():
            return
        was = f"a {len(recorded)}-node cluster on ports {', '.join(map(str, recorded))}" if recorded else "a single node"
        now = f"a {len(self.cluster_ports)}-node cluster" if self.cluster_ports else "a single node"
        again = f"--nodes {len(recorded)} --port {recorded[0]}" if recorded else f"--port {self.port}"
        raise LocalNodeError(
            f"the data folder {data} was made by {was}, not {now}: start it as before "
            f"(`newsetl es up {again}`), or remove {self.node_dir} to start afresh (its documents are lost)"
        )

    def _refuse_if_port_taken(self) -> None:
        """Before starting: a clear error when the port is held by a node that does not answer in our mode."""
        if self.is_secure:
            code, _ = _health_request(self.url, 2.0, **self._health_args())
            if code in (401, 403):
                source = "NEWSETL_ES_PASSWORD" if self.settings.es_password is not None else str(self.password_file)
                raise LocalNodeError(
                    f"a secure node answers at {self.url} but refuses the elastic password from {source} "
                    f"(HTTP {code}); use the password it was set up with, or stop it with "
                    f"`newsetl es down --port {self.port}`"
                )
            if port_open(self.port):
                raise LocalNodeError(
                    f"127.0.0.1:{self.port} is in use by something that is not a secure node of ours "
                    f"(a plain node?); stop it (`newsetl es down --port {self.port}` if newsetl started it) "
                    f"or use another --port"
                )
        elif self._recorded_mode() == "secure" and self._pid():
            raise LocalNodeError(
                f"a secure node started by newsetl runs on port {self.port}; stop it with "
                f"`newsetl es down --port {self.port}` before starting a plain one, or use another --port"
            )
        for port, role in ((self.port, "HTTP"), (self.port + 100, "transport")):
            if port_open(port):
                raise LocalNodeError(
                    f"127.0.0.1:{port} (this node's {role} port) is in use by something that is not Elasticsearch "
                    f"answering on {self.url}; a node on HTTP port P also takes P+100 for its transport, so "
                    f"9200 holds 9300: use another --port (e.g. {self.port + 10})"
                )

    def _set_bootstrap_password(self, dist: Path, java_home: Path, conf: Path, user: pwd.struct_passwd | None) -> None:
        """``elasticsearch-keystore add -x -f bootstrap.password`` (password on stdin) as the node's user."""
        env = {**_tool_env(java_home), "ES_PATH_CONF": str(conf)}
        cmd = [str(dist / "bin" / "elasticsearch-keystore"), "add", "-x", "-f", "bootstrap.password"]
        if user is not None:
            cmd = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups", *cmd]
            env["HOME"] = str(self.node_dir)
        _run_tool(cmd, env, "elasticsearch-keystore add bootstrap.password", stdin=self._password(create=True) + "\n")

    def up(self, wait: bool = True) -> dict:
        """Start the node unless one already answers on the port; wait for yellow/green health.

        ``wait=False`` returns once the process is started (a member of a cluster that is
        still forming cannot be healthy alone: :class:`~etl.elasticsearch_cluster.LocalCluster`
        waits for them all). Returns :meth:`status`. Raises :class:`LocalNodeError` (with the log
        folder) when Java, Maven or the start-up fails, or health does not come
        within ``Settings.es_start_timeout`` seconds. A secure node also raises
        it when ``elasticsearch-certutil``/``elasticsearch-keystore`` fail, when
        the port is held by a node in the other mode, or when a running secure
        node refuses the password.
        """
        if self._health():
            log.info("Elasticsearch already answers at %s; reusing it", self.url)
            return self.status()
        self._refuse_if_port_taken()
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
        try:
            dist = analysis_distribution(dist, java_home)
        except LocalNodeError as exc:
            if self.is_secure:  # the .security index cannot be created without the plugin
                raise
            log.warning("%s; the node starts without it, and new indices fall back to the 'standard' analyzer", exc)
        if self.is_secure:
            make_certificates(dist, java_home, self.tls_dir)
            self._password(create=True)
        data = self._data_dir()
        data.mkdir(parents=True, exist_ok=True)
        self._refuse_topology_change(data)
        conf = self._write_config(dist, data)
        for p in (self.settings.es_home, self.settings.es_home / "nodes", self.node_dir):
            p.chmod(0o755)
        if self.ephemeral:
            (self.settings.es_home / "tmp").chmod(0o755)
        _chown_tree(self.node_dir, user)
        _chown_tree(data, user)
        if user is not None:  # secrets stay with the caller; the node reads its copies under config/
            for secret in (self.password_file, self.tls_dir / "ca.key"):
                if secret.exists():
                    os.chown(secret, os.geteuid(), os.getegid())
        if self.is_secure:
            self._set_bootstrap_password(dist, java_home, conf, user)

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
        if not wait:
            return self.status()
        deadline = time.monotonic() + self.settings.es_start_timeout
        code = None
        while time.monotonic() < deadline:
            code, health = _health_request(self.url, 2.0, **self._health_args())
            if code == 200 and health and health.get("status") in ("green", "yellow"):
                return self.status()
            time.sleep(0.5)
        refused = " (it refuses the elastic password: HTTP 401)" if code == 401 else ""
        raise LocalNodeError(
            f"Elasticsearch did not become healthy at {self.url} within "
            f"{self.settings.es_start_timeout:.0f}s{refused}; see {self.logs_dir}/"
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
