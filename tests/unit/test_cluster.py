"""etl/cluster.py and NEWSETL_ES_URL as a list: the client's node pool, its retries, sniffing, and the
lines a user sees when a node of a cluster fails (real clients against ports where nothing listens)."""

import logging
import socket

import pytest

from etl.cluster import client_options, every_node_once
from etl.config import Settings, split_node_urls


def _settings(**kw) -> Settings:
    return Settings(_env_file=None, **kw)


def _closed_port() -> int:
    with socket.socket() as s:  # bound and closed again: nothing listens there now
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_comma_separated_url_is_a_list_of_nodes():
    s = _settings(es_url=" http://127.0.0.1:9240/, http://127.0.0.1:9241 ,http://127.0.0.1:9240,")
    assert s.es_urls == ["http://127.0.0.1:9240", "http://127.0.0.1:9241"]  # trimmed, repeat and trailing comma dropped
    assert s.es_url == "http://127.0.0.1:9240,http://127.0.0.1:9241"
    assert _settings(es_url="https://search.example.org:9243/").es_urls == ["https://search.example.org:9243"]


@pytest.mark.parametrize(("value", "message"), [
    ("http://127.0.0.1:9240,127.0.0.1:9241", "'127.0.0.1:9241' is not an http(s) URL"),
    ("http://a:9200,https://b:9200", "mixes http:// and https:// nodes"),
    ("", "'' is not an http(s) URL"),
])
def test_a_bad_node_in_the_list_is_named(value, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        split_node_urls(value)


def test_retries_reach_every_node_and_sniffing_is_opt_in():
    one = client_options(_settings(es_url="http://127.0.0.1:9200"))
    assert one == {"max_retries": 2}
    three = client_options(_settings(es_url="http://127.0.0.1:9240,http://127.0.0.1:9241,http://127.0.0.1:9242"))
    assert three == {"max_retries": 3}
    sniffing = client_options(_settings(es_sniff=True, es_timeout=30))
    assert sniffing == {
        "max_retries": 2, "sniff_on_start": True, "sniff_on_node_failure": True,
        "min_delay_between_sniffing": 60.0, "sniff_timeout": 10.0,
    }


def test_a_failing_node_of_a_pool_is_one_warning_and_the_check_tries_every_node(caplog):
    from etl import index as es_index
    from etl.errors import ElasticsearchUnavailable

    dead = [f"http://127.0.0.1:{_closed_port()}" for _ in range(2)]
    settings = _settings(es_url=",".join(dead), es_timeout=2)
    es = es_index.connect(settings)
    assert every_node_once(es) == 1
    with caplog.at_level(logging.WARNING, logger="etl.cluster"):
        with pytest.raises(ElasticsearchUnavailable) as info:
            es_index.check_connection(es, settings.es_url)
    assert str(info.value).startswith(f"Elasticsearch is not reachable at any of {dead[0]}, {dead[1]} (ConnectionError)")
    lines = sorted(r.getMessage() for r in caplog.records if r.name == "etl.cluster")
    assert lines == [
        f"Elasticsearch node {url} failed; requests go to the other nodes, and it is tried again from time to time"
        for url in sorted(dead)
    ]  # one line per node, not the transport's own node objects and tracebacks
