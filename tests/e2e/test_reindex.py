"""`newsetl reindex` and `newsetl rollback`: a rebuild never takes search offline."""

import json
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import SEEDS, corpus
from tests.e2e.test_cli import newsetl, summary_of

pytestmark = pytest.mark.e2e


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_reindex_swaps_the_alias_while_searches_keep_answering(isolated_env):
    tbaq = corpus("tbaq-seeds")
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    assert newsetl("run", str(tbaq), env=isolated_env).returncode == 0
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
        rebuilt = newsetl("reindex", str(tbaq), env={**isolated_env, "COLUMNS": "200"})
        after_swap = len(outcomes)
        while len(outcomes) < after_swap + 5:  # a few searches after the swap
            assert searcher.is_alive()
            time.sleep(0.05)
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

    # the previous index is kept for rollback; rollback swaps back, a second rollback undoes the first
    assert _get(f"{es}/{first[0]}/_count")["count"] == 256
    back = newsetl("rollback", env=isolated_env, timeout=60)
    assert back.returncode == 0, back.stderr
    assert sorted(_get(f"{es}/_alias/{alias}")) == first
    again = newsetl("rollback", env=isolated_env, timeout=60)
    assert again.returncode == 0, again.stderr
    assert sorted(_get(f"{es}/_alias/{alias}")) == second


def _versions(es: str, alias: str) -> list[str]:
    return sorted(n["index"] for n in _get(f"{es}/_cat/indices/{alias}-v*?format=json&h=index"))


def test_a_missing_folder_stops_the_rebuild_before_any_index_is_made(isolated_env, tmp_path):
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    assert newsetl("run", str(SEEDS), env=isolated_env).returncode == 0
    before = sorted(_get(f"{es}/_alias/{alias}"))
    missing = newsetl("reindex", str(tmp_path / "nope"), env=isolated_env, timeout=60)
    assert missing.returncode == 1 and f"folder {tmp_path / 'nope'} does not exist" in missing.stderr
    assert sorted(_get(f"{es}/_alias/{alias}")) == before
    assert _versions(es, alias) == before


def test_a_rebuild_with_a_failed_batch_deletes_its_index_and_leaves_the_alias_alone(isolated_env, tmp_path):
    """The new index exists and holds documents when a batch fails (NEWSETL_FAILPOINT): the
    rebuild stops, deletes that index, and the alias keeps pointing at the old one."""
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    seed = (SEEDS / "000_4a3f43196b185345.txt").read_text()
    folder = tmp_path / "wire"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(seed.replace(" date 2017-12-27", f" date 2017-12-{ord(name[0]) - 80}", 1))
    assert newsetl("run", str(folder), env=isolated_env).returncode == 0
    before = sorted(_get(f"{es}/_alias/{alias}"))
    assert _versions(es, alias) == before and len(before) == 1

    env = {**isolated_env, "NEWSETL_FAILPOINT": "build-batch:raise:c.txt", "COLUMNS": "200"}
    failed = newsetl("reindex", str(folder), "--batch-size", "1", env=env)
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines()[-1] == (
        f"error: the rebuild of {folder} had failed batches (files 3-3); the alias '{alias}' still points at the old index"
    )
    assert summary_of(failed.stdout)["indexed"] == "2"  # a.txt and b.txt were in the new index...
    assert sorted(_get(f"{es}/_alias/{alias}")) == before
    assert _versions(es, alias) == before  # ...which is gone: no half-built index left behind
    assert _get(f"{es}/{alias}/_count")["count"] == 3


def test_reindex_keep_sets_how_many_previous_indices_stay(isolated_env):
    from etl import index as es_index
    from etl.config import get_settings

    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]
    settings = get_settings()
    client = es_index.connect(settings)
    made = [es_index.ensure_index(client, settings)]  # the live index, then two older spare ones
    for _ in range(2):
        made.append(es_index.new_index_name(alias))
        es_index.create_index(client, settings, made[-1])
    for keep, kept in (("2", 2), ("0", 0)):  # previous indices left after each rebuild
        rebuilt = newsetl("reindex", str(SEEDS), "--keep", keep, env={**isolated_env, "COLUMNS": "200"})
        assert rebuilt.returncode == 0, rebuilt.stderr
        made += sorted(_get(f"{es}/_alias/{alias}"))
        assert _versions(es, alias) == sorted(made)[-(kept + 1):], (keep, made)
        assert _get(f"{es}/{alias}/_count")["count"] == 1


def _live(es: str, alias: str) -> str:
    (name,) = _get(f"{es}/_alias/{alias}")
    return name


def test_rollback_goes_to_the_index_that_was_live_before(isolated_env):
    """run (A), reindex (B), rollback (A), reindex (C): C's reindex keeps A, the index live before
    it, and deletes B; rollback then goes to A, and rollback or rollforward back to C."""
    es, alias = isolated_env["NEWSETL_ES_URL"], isolated_env["NEWSETL_INDEX_ALIAS"]

    def cli(*args: str, code: int = 0):
        result = newsetl(*args, env={**isolated_env, "COLUMNS": "200"}, timeout=300)
        assert result.returncode == code, result.stdout + result.stderr
        return result

    cli("run", str(SEEDS))
    a = _live(es, alias)
    cli("reindex", str(SEEDS))
    b = _live(es, alias)
    assert cli("rollback").stdout.strip() == f"alias {alias}: {b} -> {a}"
    rebuilt = cli("reindex", str(SEEDS))
    c = _live(es, alias)
    assert f"deleted old indices: {b}" in rebuilt.stdout
    assert _versions(es, alias) == [a, c]

    assert cli("rollback").stdout.strip() == f"alias {alias}: {c} -> {a}"
    assert cli("rollback").stdout.strip() == f"alias {alias}: {a} -> {c}"  # undoes the rollback
    assert cli("rollback", "--to", a).stdout.strip() == f"alias {alias}: {c} -> {a}"
    assert cli("rollforward").stdout.strip() == f"alias {alias}: {a} -> {c}"
    assert cli("rollforward", code=1).stderr.strip() == f"error: alias '{alias}' already points at the newest index ({c})"
    wrong = cli("rollback", "--to", b, code=1)
    assert wrong.stderr.strip() == f"error: {b} is not an index of alias '{alias}' (kept: {a}, {c})"
    listed = cli("history").stdout
    assert a in listed and c in listed and b not in listed
    assert _get(f"{es}/{alias}/_count")["count"] == 1
