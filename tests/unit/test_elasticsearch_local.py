"""etl/elasticsearch_local.py: choosing a JDK, and the secure mode's config, password and health checks."""

import os

import pytest

from etl.elasticsearch_local import find_java, java_major, required_java
from etl.errors import LocalNodeError


def _jdk(root, name, version):
    home = root / name
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("#!/bin/sh\n")
    (home / "release").write_text(f'IMPLEMENTOR="test"\nJAVA_VERSION="{version}"\n')
    return home


@pytest.mark.parametrize(("es", "java"), [("9.5.4", 21), ("9.0.0", 21), ("8.19.21", 17)])
def test_required_java_follows_elastic_support_matrix(es, java):
    assert required_java(es) == java


def test_java_major_reads_release_file(tmp_path):
    assert java_major(_jdk(tmp_path, "temurin-25", "25.0.3")) == 25
    assert java_major(_jdk(tmp_path, "openjdk-17", "17.0.15")) == 17
    assert java_major(tmp_path / "nothing") is None


def test_find_java_prefers_setting_then_newest(tmp_path, monkeypatch):
    import etl.elasticsearch_local as local

    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(local, "JVM_ROOT", tmp_path)
    j17 = _jdk(tmp_path, "openjdk-17", "17.0.15")
    j21 = _jdk(tmp_path, "openjdk-21", "21.0.5")
    j25 = _jdk(tmp_path, "temurin-25", "25.0.3")
    assert find_java(21) == j25  # newest under /usr/lib/jvm
    assert find_java(21, preferred=j21) == j21  # NEWSETL_ES_JAVA_HOME wins when new enough
    assert find_java(21, preferred=j17) == j25  # too old: ignored
    with pytest.raises(LocalNodeError, match="no Java 26\\+ found .*NEWSETL_ES_JAVA_HOME"):
        find_java(26)


# --- secure mode: configuration, password, health checks (no node started)


def _settings(tmp_path, **kw):
    from etl.config import Settings

    return Settings(es_home=tmp_path / "home", _env_file=None, **kw)


def _fake_dist(tmp_path):
    dist = tmp_path / "dist" / "elasticsearch-9.5.4"
    (dist / "config").mkdir(parents=True)
    (dist / "config" / "jvm.options").write_text("-Xss1m\n")
    return dist


def _fake_tls(node):
    node.tls_dir.mkdir(parents=True, exist_ok=True)
    for name in ("ca.crt", "ca.key", "http.crt", "http.key"):
        (node.tls_dir / name).write_text(f"PEM {name}\n")


def test_plain_config_is_unchanged(tmp_path, monkeypatch):
    from etl.elasticsearch_local import LocalNode

    monkeypatch.delenv("NEWSETL_ES_PASSWORD", raising=False)
    node = LocalNode(_settings(tmp_path), port=9250)
    assert node.url == "http://127.0.0.1:9250"
    assert node.ca_certs is None
    conf = node.config_settings(tmp_path / "data")
    assert conf["xpack.security.enabled"] is False
    assert not any(k.startswith("xpack.security.http") for k in conf)
    assert conf["discovery.type"] == "single-node" and conf["transport.port"] == 9350


def test_secure_config_and_mode_switch(tmp_path):
    from etl.elasticsearch_local import LocalNode

    dist = _fake_dist(tmp_path)
    secure = LocalNode(_settings(tmp_path), port=9260, secure=True)
    assert secure.url == "https://127.0.0.1:9260"
    assert secure.ca_certs == secure.node_dir / "tls" / "ca.crt"
    secure.node_dir.mkdir(parents=True)
    _fake_tls(secure)
    conf = secure._write_config(dist, tmp_path / "data")
    yml = (conf / "elasticsearch.yml").read_text()
    assert 'xpack.security.enabled: true\n' in yml
    assert 'xpack.security.http.ssl.enabled: true\n' in yml
    assert 'xpack.security.http.ssl.certificate_authorities: ["certs/ca.crt"]\n' in yml
    assert 'xpack.security.transport.ssl.enabled: true\n' in yml
    assert 'discovery.type: "single-node"\n' in yml
    assert sorted(p.name for p in (conf / "certs").iterdir()) == ["ca.crt", "http.crt", "http.key"]  # no CA key
    assert oct((conf / "certs" / "http.key").stat().st_mode & 0o777) == "0o600"
    assert (conf / "jvm.options").exists()
    # status/down without being told the mode follow what the node dir recorded
    assert LocalNode(secure.settings, port=9260).is_secure is True

    plain = LocalNode(secure.settings, port=9260, secure=False)
    conf = plain._write_config(dist, tmp_path / "data")
    yml = (conf / "elasticsearch.yml").read_text()
    assert "xpack.security.enabled: false\n" in yml and "ssl" not in yml
    assert not (conf / "certs").exists()
    assert LocalNode(secure.settings, port=9260).is_secure is False
    assert (secure.tls_dir / "ca.crt").exists()  # the CA survives, so clients keep trusting it


def test_plain_up_refuses_while_our_secure_node_runs(tmp_path):
    from etl.elasticsearch_local import LocalNode

    node = LocalNode(_settings(tmp_path), port=9261, secure=False)
    node.node_dir.mkdir(parents=True)
    (node.node_dir / "mode").write_text("secure\n")
    node.pid_file.write_text(str(os.getpid()))  # a live pid
    with pytest.raises(LocalNodeError, match="a secure node started by newsetl runs on port 9261; stop it"):
        node.up()


def test_password_from_settings_or_generated_file(tmp_path, monkeypatch):
    from etl.elasticsearch_local import LocalNode

    monkeypatch.delenv("NEWSETL_ES_PASSWORD", raising=False)
    given = LocalNode(_settings(tmp_path, es_password="from-settings"), port=9262, secure=True)
    assert given._password(create=True) == "from-settings"
    assert not given.password_file.exists()

    node = LocalNode(_settings(tmp_path), port=9263, secure=True)
    assert node._password() is None
    generated = node._password(create=True)
    assert len(generated) >= 24
    assert oct(node.password_file.stat().st_mode & 0o777) == "0o600"
    assert node._password(create=True) == generated  # stable across calls
    status = node.status()
    assert status["password_file"] == str(node.password_file)
    assert generated not in repr(status)
    assert status["running"] is False and status["secure"] is True


def test_http_health_plain_and_with_auth():
    import base64
    import json as _json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from etl.elasticsearch_local import http_health

    expected = "Basic " + base64.b64encode(b"elastic:pw").decode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            auth = self.headers.get("Authorization")
            ok = self.path == "/_cluster/health" and (auth is None or auth == expected)
            if self.server.require_auth and auth is None:
                ok = False
            body = _json.dumps({"status": "green"} if ok else {"error": "no"}).encode()
            self.send_response(200 if ok else 401)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.require_auth = False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        assert http_health(url) == {"status": "green"}  # the old call, unchanged
        assert http_health(url, auth=("elastic", "pw")) == {"status": "green"}
        assert http_health(url, auth=("elastic", "wrong")) is None  # 401
        server.require_auth = True
        assert http_health(url) is None
        assert http_health(url, auth=("elastic", "pw")) == {"status": "green"}
        assert http_health(url, ca_certs="/nonexistent/ca.crt") is None  # a bad CA file never raises
    finally:
        server.shutdown()
        server.server_close()
    assert http_health(url) is None  # nothing answers


def test_a_port_that_answers_but_not_http_is_not_a_node_and_up_refuses_it(tmp_path):
    """Another node's transport port (HTTP port + 100) answers TCP with binary frames, not HTTP."""
    import socket
    import threading

    from etl.elasticsearch_local import LocalNode, http_health

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def answer_garbage():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(1024)
                conn.sendall(b"ES\x00\x00\x00\x1a binary transport frame\r\n\r\n")

    threading.Thread(target=answer_garbage, daemon=True).start()
    port = listener.getsockname()[1]
    try:
        assert http_health(f"http://127.0.0.1:{port}") is None  # no BadStatusLine traceback
        node = LocalNode(_settings(tmp_path), port=port, secure=False)
        with pytest.raises(LocalNodeError, match=rf"127.0.0.1:{port} \(this node's HTTP port\) is in use .* P\+100"):
            node.up()
    finally:
        listener.close()


# --- a local cluster of several nodes (newsetl es up --nodes N): configuration only, no node started


def test_cluster_members_discover_each_other_and_bootstrap_only_once(tmp_path):
    from etl.elasticsearch_cluster import CLUSTER_HEAP, LocalCluster

    cluster = LocalCluster(_settings(tmp_path), port=9240, nodes=3)
    assert cluster.urls == ["http://127.0.0.1:9240", "http://127.0.0.1:9241", "http://127.0.0.1:9242"]
    members = cluster.members()
    assert [m.port for m in members] == [9240, 9241, 9242]
    assert {m.settings.es_heap for m in members} == {CLUSTER_HEAP} == {"1g"}  # NEWSETL_ES_HEAP unset
    data = tmp_path / "data-9241"
    conf = members[1].config_settings(data)
    assert "discovery.type" not in conf  # single-node discovery would make three one-node clusters
    assert conf["cluster.name"] == "newsetl-9240" and conf["node.name"] == "newsetl-9241"
    assert (conf["http.port"], conf["transport.port"]) == (9241, 9341)
    assert conf["discovery.seed_hosts"] == ["127.0.0.1:9340", "127.0.0.1:9341", "127.0.0.1:9342"]
    assert conf["cluster.initial_master_nodes"] == ["newsetl-9240", "newsetl-9241", "newsetl-9242"]
    assert conf["cluster.routing.allocation.disk.threshold_enabled"] is False  # the single node's settings too
    (data / "_state").mkdir(parents=True)  # the node has joined once: it rejoins from its stored state
    assert "cluster.initial_master_nodes" not in members[1].config_settings(data)

    explicit = LocalCluster(_settings(tmp_path, es_heap="512m"), port=9240, nodes=3)
    assert {m.settings.es_heap for m in explicit.members()} == {"512m"}


def test_any_member_port_finds_the_cluster_and_a_single_node_port_none(tmp_path):
    from etl.elasticsearch_cluster import LocalCluster
    from etl.elasticsearch_local import LocalNode

    settings = _settings(tmp_path)
    dist = _fake_dist(tmp_path)
    for member in LocalCluster(settings, port=9240, nodes=3).members():
        member.node_dir.mkdir(parents=True)
        member._write_config(dist, tmp_path / f"data-{member.port}")
    found = LocalCluster.recorded(settings, 9242)
    assert (found.port, found.nodes, found.ports) == (9240, 3, (9240, 9241, 9242))
    single = LocalNode(settings, port=9250)
    single.node_dir.mkdir(parents=True)
    single._write_config(dist, tmp_path / "data-9250")
    assert LocalCluster.recorded(settings, 9250) is None
    assert LocalCluster.recorded(settings, 9299) is None  # never started


def test_a_kept_data_folder_refuses_to_change_cluster(tmp_path):
    from etl.elasticsearch_local import LocalNode

    settings = _settings(tmp_path)
    dist = _fake_dist(tmp_path)
    data = tmp_path / "data"
    (data / "_state").mkdir(parents=True)
    member = LocalNode(settings, port=9240, cluster_ports=(9240, 9241, 9242))
    member.node_dir.mkdir(parents=True)
    member._write_config(dist, data)
    member._refuse_topology_change(data)  # the same cluster: fine
    with pytest.raises(LocalNodeError, match=r"made by a 3-node cluster on ports 9240, 9241, 9242, not a single node: "
                       r"start it as before \(`newsetl es up --nodes 3 --port 9240`\)"):
        LocalNode(settings, port=9240)._refuse_topology_change(data)
    LocalNode(settings, port=9240)._refuse_topology_change(tmp_path / "empty")  # nothing kept: anything goes


@pytest.mark.parametrize(("port", "nodes", "message"), [
    (9240, 0, "--nodes 0: a local cluster has 1 to 9 nodes"),
    (9240, 10, "--nodes 10: a local cluster has 1 to 9 nodes"),
    (65434, 3, "ports 65434-65436 .* do not fit"),
])
def test_cluster_ports_out_of_range(port, nodes, message):
    from etl.elasticsearch_cluster import cluster_ports

    with pytest.raises(LocalNodeError, match=message):
        cluster_ports(port, nodes)
