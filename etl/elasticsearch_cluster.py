"""A local cluster of several Elasticsearch nodes on 127.0.0.1 (``newsetl es up --nodes N``).

Node ``i`` (0-based) of a cluster on port P is an ordinary :class:`~etl.elasticsearch_local.LocalNode`
on HTTP port P+i, transport port P+i+100, with its own folder ``<es_home>/nodes/<P+i>/``; what
makes them one cluster is :func:`~etl.elasticsearch_local.cluster_discovery` (one cluster
name, every transport address as a seed host, the first election among them all). Every
node runs the same distribution with the same ``newsetl-analysis`` plugin and the same
settings as a single node, each with its own small heap: ``NEWSETL_ES_HEAP`` when set, else
:data:`CLUSTER_HEAP`. Every node holds every role (master-eligible, data, ingest), so any
one of three may be lost and the other two still elect a master and hold a copy of each
shard that has a replica. Each member's folder records the cluster (``cluster``:
``{"ports": [...]}``), so ``newsetl es down|status --port`` with any member's port acts on
the whole cluster.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from etl.config import Settings
from etl.elasticsearch_local import (
    LocalNode,
    _health_request,
    analysis_distribution,
    find_java,
    install_distribution,
    node_name,
    required_java,
)
from etl.errors import LocalNodeError

log = logging.getLogger(__name__)

CLUSTER_HEAP = "1g"
"""Heap of each node of a local cluster unless ``NEWSETL_ES_HEAP`` is set: three nodes of the
single node's 2 GB would take 6 GB; 1 GB each holds the silver-seeds index with a replica."""

MAX_NODES = 9
"""At most this many nodes: P..P+8 keeps clear of a node 10 ports up (the README's 9200/9210 advice)."""


def cluster_ports(port: int, nodes: int) -> tuple[int, ...]:
    """HTTP ports of a cluster of ``nodes`` nodes from ``port``: ``(port, port + 1, ...)``.

    Raises :class:`LocalNodeError` outside 1..:data:`MAX_NODES` nodes, or when a port (or its
    transport port, +100) would leave 1..65535.
    """
    if not 1 <= nodes <= MAX_NODES:
        raise LocalNodeError(f"--nodes {nodes}: a local cluster has 1 to {MAX_NODES} nodes")
    ports = tuple(range(port, port + nodes))
    if ports[0] < 1 or ports[-1] + 100 > 65535:
        raise LocalNodeError(f"ports {ports[0]}-{ports[-1]} (transport +100) do not fit in 1-65535")
    return ports


@dataclass
class LocalCluster:
    """``nodes`` local nodes on HTTP ports ``port``..``port + nodes - 1``, one cluster.

    Usage::

        cluster = LocalCluster(get_settings(), port=9240, nodes=3)
        cluster.up()       # start the nodes that are not running, wait for all of them to join
        cluster.urls       # ["http://127.0.0.1:9240", "http://127.0.0.1:9241", "http://127.0.0.1:9242"]
        cluster.status()   # {"running": ..., "health": {...}, "nodes": [status of each node]}
        cluster.down()     # stop every node (an ephemeral cluster's data is deleted)

    ``up`` after a node was lost (killed, crashed) starts just that node again; it rejoins
    from its data folder.
    """

    settings: Settings
    port: int = 9200
    nodes: int = 3
    ephemeral: bool = False

    @classmethod
    def recorded(cls, settings: Settings, port: int) -> LocalCluster | None:
        """The cluster the node folder of ``port`` (any member's port) belongs to, or None for a single node."""
        ports = LocalNode(settings, port=port).recorded_cluster()
        if len(ports) < 2 or port not in ports:
            return None
        return cls(settings, port=ports[0], nodes=len(ports))

    @property
    def ports(self) -> tuple[int, ...]:
        return cluster_ports(self.port, self.nodes)

    @property
    def name(self) -> str:
        """``cluster.name`` of the cluster: ``newsetl-<first port>``."""
        return node_name(self.port)

    @property
    def urls(self) -> list[str]:
        """Every node's URL, first port first: the value of ``NEWSETL_ES_URL`` (joined by commas)."""
        return [f"http://127.0.0.1:{p}" for p in self.ports]

    def members(self) -> list[LocalNode]:
        """One :class:`LocalNode` per port, the cluster's heap, never secure."""
        settings = self.settings
        if "es_heap" not in settings.model_fields_set:
            settings = settings.model_copy(update={"es_heap": CLUSTER_HEAP})
        return [
            LocalNode(settings, port=p, ephemeral=self.ephemeral, secure=False, cluster_ports=self.ports)
            for p in self.ports
        ]

    def node(self, port: int) -> LocalNode:
        """The member on HTTP port ``port``."""
        return self.members()[self.ports.index(port)]

    def health(self, timeout: float = 2.0) -> dict | None:
        """``GET _cluster/health`` from the first member that answers 200, or None."""
        for url in self.urls:
            code, body = _health_request(url, timeout)
            if code == 200 and body:
                return body
        return None

    def _refuse_foreign(self) -> None:
        """A node answering on a member's port must belong to this cluster (cluster name), else it is not ours to join."""
        for url in self.urls:
            code, body = _health_request(url, 2.0)
            if code == 200 and body and body.get("cluster_name") != self.name:
                raise LocalNodeError(
                    f"{url} answers as cluster {body.get('cluster_name')!r}, not {self.name!r}: a single node or "
                    f"another cluster holds the port; stop it (`newsetl es down --port {url.rsplit(':', 1)[1]}`) "
                    f"or choose another --port"
                )

    def up(self) -> dict:
        """Start every member that does not answer, then wait until all ``nodes`` have joined and
        the health is yellow or green (``GET _cluster/health?wait_for_nodes=N``), within
        ``NEWSETL_ES_START_TIMEOUT`` seconds. Returns :meth:`status`.

        Raises :class:`LocalNodeError` when a port holds something else, when a member fails to
        start, or when the cluster does not form in time (naming the members' log folders).
        """
        self._refuse_foreign()
        members = self.members()
        idle = [node for node in members if node._health() is None]
        if idle:
            # the distribution and its plugin once, before the members share them
            try:
                java_home = find_java(required_java(self.settings.es_version), self.settings.es_java_home)
                analysis_distribution(install_distribution(self.settings), java_home)
            except LocalNodeError:
                pass  # each member says so again when it starts (LocalNode.up)
        # all at once: `elasticsearch -d` of a member returns when the node has joined a cluster or
        # after discovery.initial_state_timeout (30 s, Elastic's "Discovery and cluster formation
        # settings"); one by one, each would wait that long for the others
        with ThreadPoolExecutor(max_workers=len(idle) or 1) as pool:
            for future in [pool.submit(node.up, wait=False) for node in idle]:
                future.result()
        deadline = time.monotonic() + self.settings.es_start_timeout
        health = None
        while time.monotonic() < deadline:
            health = self.health()
            if health and health.get("number_of_nodes") == self.nodes and health.get("status") in ("green", "yellow"):
                return self.status()
            time.sleep(1.0)
        joined = health.get("number_of_nodes", 0) if health else 0
        logs = ", ".join(str(n.logs_dir) for n in members)
        raise LocalNodeError(
            f"the {self.nodes}-node cluster on ports {self.ports[0]}-{self.ports[-1]} did not form within "
            f"{self.settings.es_start_timeout:.0f}s ({joined} of {self.nodes} nodes joined); see {logs}"
        )

    def wait_for_status(self, status: str = "green", timeout: float = 120.0) -> dict | None:
        """Poll the cluster's health until it is ``status`` (or better) with every node joined; the
        last health seen (None when no member answers). Never raises."""
        rank = {"red": 0, "yellow": 1, "green": 2}
        deadline = time.monotonic() + timeout
        health = None
        while True:
            health = self.health()
            if (
                health
                and health.get("number_of_nodes") == self.nodes
                and rank.get(health.get("status"), -1) >= rank[status]
            ):
                return health
            if time.monotonic() >= deadline:
                return health
            time.sleep(1.0)

    def status(self) -> dict:
        """``{"running": bool, "name": str, "urls": [...], "health": dict | None, "nodes": [LocalNode.status()...]}``;
        ``running`` when a member answers (the cluster may still lack nodes: see ``health["number_of_nodes"]``)."""
        health = self.health()
        return {
            "running": health is not None,
            "name": self.name,
            "urls": self.urls,
            "health": health,
            "nodes": [n.status() for n in self.members()],
        }

    def down(self, timeout: float = 60.0) -> int:
        """Stop every member (SIGTERM to all, then each waited for, SIGKILL after ``timeout`` s);
        returns how many processes were stopped. An ephemeral member's data folder is removed."""
        members = self.members()
        stopped = 0
        for node in members:  # all at once: stopped one by one, the others would re-allocate shards meanwhile
            pid = node._pid()
            if pid:
                try:
                    os.kill(pid, signal.SIGTERM)
                    stopped += 1
                except OSError:
                    pass
        for node in members:  # waits, SIGKILL when needed, removes ephemeral data (a node gone already: False)
            node.down(timeout)
        return stopped
