"""`newsetl reindex` and `newsetl rollback`: a rebuild never takes search offline."""

import json
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import CORPORA, SEEDS
from tests.e2e.test_cli import newsetl

pytestmark = pytest.mark.e2e


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_reindex_swaps_the_alias_while_searches_keep_answering(isolated_env):
    corpus = CORPORA / "tbaq-seeds"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (corpora are read from ../shared, never copied)")
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    assert newsetl("run", str(corpus), env=isolated_env).returncode == 0
    first = sorted(_get(f"{es}/_alias/{alias}"))
    assert len(first) == 1 and _get(f"{es}/{alias}/_count")["count"] == 256

    outcomes: list[object] = []
    stop = threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                outcomes.append(_get(f"{es}/{alias}/_search?q=body:said&size=0")["hits"]["total"]["value"])
            except (urllib.error.URLError, OSError, KeyError) as exc:
                outcomes.append(exc)
            time.sleep(0.05)

    searcher = threading.Thread(target=search_loop)
    searcher.start()
    try:
        rebuilt = newsetl("reindex", str(corpus), env={**isolated_env, "COLUMNS": "200"})
        time.sleep(1)  # a few searches after the swap
    finally:
        stop.set()
        searcher.join()
    assert rebuilt.returncode == 0, rebuilt.stderr
    second = sorted(_get(f"{es}/_alias/{alias}"))
    assert len(second) == 1 and second != first
    assert f"alias {alias}: {first[0]} -> {second[0]}" in rebuilt.stdout

    errors = [o for o in outcomes if not isinstance(o, int)]
    assert errors == [] and len(outcomes) > 20
    assert min(outcomes) == max(outcomes) > 0  # never empty, never partial: same total before and after
    assert _get(f"{es}/{alias}/_count")["count"] == 256

    # the previous index is kept for rollback; rollback swaps back, and a second reindex drops the oldest
    assert _get(f"{es}/{first[0]}/_count")["count"] == 256
    back = newsetl("rollback", env=isolated_env, timeout=60)
    assert back.returncode == 0, back.stderr
    assert sorted(_get(f"{es}/_alias/{alias}")) == first
    assert newsetl("rollback", env=isolated_env, timeout=60).returncode == 1  # nothing older than the first


def test_failed_rebuild_leaves_the_alias_alone(isolated_env, tmp_path):
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    assert newsetl("run", str(SEEDS), env=isolated_env).returncode == 0
    before = sorted(_get(f"{es}/_alias/{alias}"))
    missing = newsetl("reindex", str(tmp_path / "nope"), env=isolated_env, timeout=60)
    assert missing.returncode == 1 and "is not a folder" in missing.stderr
    assert sorted(_get(f"{es}/_alias/{alias}")) == before
    names = _get(f"{es}/_cat/indices/{alias}-v*?format=json")
    assert [n["index"] for n in names] == before  # no half-built index left behind
