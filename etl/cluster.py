"""A cluster of several Elasticsearch nodes from the client's side: the node pool, sniffing, and
what a user is told when a node goes away and comes back.

``NEWSETL_ES_URL`` may list several node URLs (``http://a:9200,http://b:9200``;
:func:`etl.config.split_node_urls`). They become the elasticsearch-py client's node pool
(elastic-transport's ``NodePool``): requests go round-robin to the live nodes; a node whose
request fails with a connection error or a timeout, or answers 502/503/504, is set aside for
1 s, then 2, 4... up to 30 s after repeated failures (``dead_node_backoff_factor``,
``max_dead_node_backoff``) and the request is retried on another node. With
``NEWSETL_ES_SNIFF=true`` the client also asks the cluster for its data nodes
(``GET _nodes/_all/http``) at start and after a node fails, so nodes not listed are used too
(leave it off when the listed address is a load balancer, a proxy or a Docker port mapping:
sniffing yields the nodes' own publish addresses, which the client may not reach).
"""

from __future__ import annotations

import logging

from etl.config import Settings

log = logging.getLogger(__name__)

SNIFF_INTERVAL = 60.0
"""Seconds between two sniffs at most once (``min_delay_between_sniffing``) with ``NEWSETL_ES_SNIFF``."""


def client_options(settings: Settings) -> dict:
    """Keyword arguments of ``Elasticsearch(...)`` for the node pool of ``settings.es_urls``.

    ``max_retries``: 2 for one node (as before), else the number of nodes, so a request can be
    tried on every node once more than the one that failed. With ``settings.es_sniff``:
    ``sniff_on_start``, ``sniff_on_node_failure`` and ``min_delay_between_sniffing`` =
    :data:`SNIFF_INTERVAL` (elasticsearch-py "Sniffing" options), ``sniff_timeout`` the
    request timeout capped at 10 s. Registers the nodes with :func:`report_node_changes`.
    """
    urls = settings.es_urls
    options: dict = {"max_retries": max(2, len(urls))}
    if settings.es_sniff:
        options.update(
            sniff_on_start=True,
            sniff_on_node_failure=True,
            min_delay_between_sniffing=SNIFF_INTERVAL,
            sniff_timeout=min(settings.es_timeout, 10.0),
        )
    if len(urls) > 1 or settings.es_sniff:
        report_node_changes(urls, any_node=settings.es_sniff)
    return options


def every_node_once(es) -> int:
    """``max_retries`` for a request that should try each node of ``es``'s pool once: nodes - 1."""
    try:
        return max(0, len(es.transport.node_pool.all()) - 1)
    except AttributeError:  # not a client with a node pool
        return 0


class _NodePoolReporter(logging.Handler):
    """Turns elastic-transport's node pool log lines into one line per change a user cares about.

    ``Node <Urllib3HttpNode(http://h:9201)> has failed for 1 times in a row, putting on 1 second
    timeout`` -> ``Elasticsearch node http://h:9201 failed; requests go to the other nodes, and
    it is tried again from time to time``, once per outage (later consecutive failures are
    debug lines); ``... has been marked alive ...`` -> ``Elasticsearch node http://h:9201
    answers again``. Only for a pool of several nodes: one node has nowhere else to go, and
    its failure is the run's error.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            args = record.args if isinstance(record.args, tuple) else ()
            node = getattr(args[0], "base_url", None) if args else None
            if node is None or not (_reported["any"] or node in _reported["urls"]):
                return
            if record.msg.startswith("Node %r has failed") and len(args) >= 2:
                if args[1] == 1:
                    log.warning(
                        "Elasticsearch node %s failed; requests go to the other nodes, and it is tried again "
                        "from time to time", node,
                    )
                else:
                    log.debug("Elasticsearch node %s failed %d times in a row; next try in %s s", node, args[1], args[2])
            elif record.msg.startswith("Node %r has been marked alive"):
                log.warning("Elasticsearch node %s answers again", node)
        except Exception:  # a log line must never cost a request
            pass


_reported: dict = {"urls": set(), "any": False}


def report_node_changes(urls: list[str], any_node: bool = False) -> None:
    """Report failures and returns of the nodes ``urls`` (``any_node``: of every node, sniffed ones
    too): install :class:`_NodePoolReporter` on the ``elastic_transport.node_pool`` logger (once
    per process).

    That logger then keeps its WARNING records to this reporter (they read as tracebacks of
    node objects); with ``--debug`` (``elastic_transport`` at DEBUG) they propagate as well.
    """
    _reported["urls"].update(urls)
    _reported["any"] = _reported["any"] or any_node
    pool_log = logging.getLogger("elastic_transport.node_pool")
    if not any(isinstance(h, _NodePoolReporter) for h in pool_log.handlers):
        pool_log.addHandler(_NodePoolReporter())
    pool_log.setLevel(logging.INFO)
    pool_log.propagate = logging.getLogger("elastic_transport").getEffectiveLevel() <= logging.DEBUG
