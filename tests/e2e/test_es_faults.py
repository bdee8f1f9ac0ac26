"""Elasticsearch faults on the session's spare node (tests/conftest.py): an outage through a
`newsetl run`, and 429 rejections retried by the bulk helper.

The spare node's write thread pool has one thread and a queue of one, so concurrent bulks get
real 429 ``es_rejected_execution_exception``s. Every stop of the node is undone in a
``finally``; no outcome depends on how long anything sleeps.
"""

import json
import logging
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.request

import pytest

from etl.config import get_settings
from tests.conftest import REPO, corpus
from tests.e2e.test_cli import NEWSETL, newsetl, rejection_rows, summary_of

pytestmark = pytest.mark.e2e


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def _count(url: str, alias: str) -> int:
    try:
        return _get(f"{url}/{alias}/_count")["count"]
    except OSError:
        return 0


def _indexed_paths(url: str, alias: str) -> set[str]:
    hits = _get(f"{url}/{alias}/_search?size=1000&_source=source_path")["hits"]["hits"]
    return {h["_source"]["source_path"] for h in hits}


def _files_of(labels: list[str], names: list[str]) -> set[str]:
    """The file names that batch labels (``files 17-32``: 1-based positions in path order) cover."""
    out = set()
    for label in labels:
        first, last = map(int, re.fullmatch(r"files (\d+)-(\d+)", label).groups())
        out |= set(names[first - 1 : last])
    return out


def test_node_stopped_mid_run_then_back_every_failed_file_is_recorded_then_resolved(fault_node, isolated_env, tmp_path):
    """The README's recovery: the run names its failed batches and exits 1; their rejections,
    which Elasticsearch could not take, wait in the ledger; with the node back, `newsetl rejects`
    lists every failed file, and the same command run again indexes them and resolves them all."""
    folder = tmp_path / "wire"
    folder.mkdir()
    names = sorted(p.name for p in corpus("tbaq-seeds").glob("*.txt"))[:96]
    for name in names:
        shutil.copy(corpus("tbaq-seeds") / name, folder / name)
    url, alias = fault_node.url, isolated_env["NEWSETL_INDEX_ALIAS"]
    env = {**isolated_env, "COLUMNS": "200", "NEWSETL_LOAD_RETRIES": "0"}
    args = ["run", str(folder), "--batch-size", "16", "--workers", "1"]
    proc = subprocess.Popen(
        [NEWSETL, *args], env={**os.environ, **env}, cwd=REPO,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        while _count(url, alias) == 0:  # the first batch is loaded: stop the node for the rest of the run
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        assert proc.poll() is None, "the run finished before the outage"
        fault_node.down()
        out, errout = proc.communicate(timeout=900)
    finally:
        if proc.poll() is None:
            proc.kill()
        fault_node.up()

    assert proc.returncode == 1, errout[-3000:]
    (verdict,) = [line for line in errout.splitlines() if line.startswith("error: ")]
    labels = re.fullmatch(
        r"error: (\d+) batch\(es\) failed after retries \((.+)\); their files are listed as rejected: run again to finish", verdict
    )
    assert labels, verdict
    failed_labels = labels[2].split(", ")
    assert int(labels[1]) == len(failed_labels) >= 1
    failed = _files_of(failed_labels, names)
    first = summary_of(out)
    loaded = _indexed_paths(url, alias)
    assert (int(first["files seen"]), int(first["indexed"]), int(first["rejected"])) == (96, len(loaded), len(failed))
    assert loaded | failed == set(names) and not loaded & failed and len(loaded) >= 16

    # Elasticsearch could not take the rejections: they wait in the ledger, and `rejects` writes them
    ledger = [json.loads(line) for line in (tmp_path / "state" / "rejections-ledger.jsonl").read_text().splitlines()]
    assert {e["rejection"]["source_path"] for e in ledger} == failed
    listed = newsetl("rejects", env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    rows = rejection_rows(listed.stdout)
    assert {r["file"] for r in rows} == {f"wire/{n}" for n in failed}
    assert {r["stage"] for r in rows} == {"load"}
    assert not (tmp_path / "state" / "rejections-ledger.jsonl").exists()  # written: nothing left in the ledger

    second = newsetl(*args, env=env)
    assert second.returncode == 0, second.stderr[-3000:]
    again = summary_of(second.stdout)
    assert (again["indexed"], again["unchanged (skipped)"], again["rejected"]) == (str(len(failed)), str(len(loaded)), "0")
    assert _count(url, alias) == 96 and _indexed_paths(url, alias) == set(names)  # each once: ids are stable
    assert newsetl("rejects", env=env, timeout=120).stdout.strip() == "no rejections"
    resolved = rejection_rows(newsetl("rejects", "--all", env=env, timeout=120).stdout)
    assert {(r["file"], r["stage"], r["status"]) for r in resolved} == {(f"wire/{n}", "load", "resolved") for n in failed}


class _BulkWatch(logging.Handler):
    """Reads the client's own request/response log (``elastic_transport.node`` at DEBUG: bodies
    included) and counts, for our ``/_bulk`` requests only, the items sent and the items the
    node refused with 429; sets ``refused`` at our first refused item."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.requests = self.sent = self.rejected = 0
        self.refused = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        # args: method, target, HTTP version, request body, HTTP version, status, reason, response body
        target = str(record.args[1]).split("?")[0]
        if target != "/_bulk" or not str(record.msg).endswith("< %s"):  # the hammer writes to /<index>/_bulk
            return
        body, status, response = record.args[3], record.args[5], record.args[-1]
        items_sent = body.count("\n") // 2  # an action line and a source line per item
        self.requests += 1
        self.sent += items_sent
        if status == 429:  # the whole request refused: every item of it
            refused = items_sent
        else:
            items = json.loads(response).get("items", [])
            refused = sum(1 for item in items if next(iter(item.values()))["status"] == 429)
        self.rejected += refused
        if refused:
            self.refused.set()


def test_429_rejections_of_our_items_are_retried_by_the_bulk_helper(fault_node, isolated_env):
    """Four other writers keep the one-slot write queue full until the node refuses items of
    ours; the client's transport retries are off, so every item sent again was re-sent by
    ``helpers.streaming_bulk``: items sent = 600 + items refused, and all 600 are indexed."""
    from elasticsearch import Elasticsearch

    from etl import index as es_index
    from tests.integration.test_index import _article

    settings = get_settings()
    es = es_index.connect(settings).options(max_retries=0, retry_on_status=())
    es_index.ensure_index(es, settings)
    alias = settings.index_alias
    articles = [_article(f"{i:040x}", source_path=f"a{i}.txt") for i in range(600)]
    hammer_index = f"{alias}-hammer"
    watch = _BulkWatch()
    stop = threading.Event()

    def hammer():  # until the node has refused items of ours
        other = Elasticsearch(fault_node.url, max_retries=0)
        ops = [op for n in range(50) for op in ({"index": {}}, {"n": n})]
        while not stop.is_set() and not watch.refused.is_set():
            other.options(ignore_status=429).bulk(index=hammer_index, operations=ops)

    node_log = logging.getLogger("elastic_transport.node")
    level = node_log.level
    node_log.addHandler(watch)
    node_log.setLevel(logging.DEBUG)
    workers = [threading.Thread(target=hammer) for _ in range(4)]
    for worker in workers:
        worker.start()
    try:
        def write_rejections() -> int:
            stats = _get(f"{fault_node.url}/_nodes/stats/thread_pool")["nodes"]
            return sum(n["thread_pool"]["write"]["rejected"] for n in stats.values())

        before = write_rejections()
        while write_rejections() == before:  # the hammers fill the queue before our first request
            time.sleep(0.05)
        result = es_index.bulk_load(es, alias, articles, run_id="t429", chunk_size=20)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=60)
        node_log.removeHandler(watch)
        node_log.setLevel(level)

    assert watch.rejected > 0, "the node never refused an item of ours"
    assert watch.sent == 600 + watch.rejected  # each refused item sent again, by the helper alone
    assert watch.requests > 600 // 20  # more requests than chunks: the retries
    assert (len(result.indexed), result.rejections) == (600, [])
    es.indices.refresh(index=alias)
    assert es.count(index=alias)["count"] == 600
