"""Incremental runs: the stored checksum decides; changed files are re-indexed in place; --prune deletes the gone."""

import os
import time

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.sources import document_id
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.integration

SEED = SEED_FILE.read_text(encoding="utf-8")


def test_unchanged_changed_new_and_gone(isolated_env, prefect_server, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "wire"
    root.mkdir()
    hour_ago = time.time() - 3600
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
        # an mtime older than the racy window: the first run stores the stat, so the second skips b.txt
        # by its stat alone (a file written just now stores none and gets it later by a partial update)
        os.utime(root / name, (hour_ago, hour_ago))
    settings = get_settings()
    es = es_index.connect(settings)
    alias = settings.index_alias

    first = ingest(str(root))
    assert (first.seen, first.indexed, first.unchanged, first.rejected, first.pruned) == (3, 3, 0, 0, 0)
    b_before = es.get(index=alias, id=document_id("wire", "b.txt"))

    (root / "a.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (a, corrected)"))
    (root / "c.txt").unlink()
    (root / "d.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (d)"))

    second = ingest(str(root))  # without --prune the gone file's document stays
    assert (second.seen, second.indexed, second.unchanged, second.rejected, second.pruned) == (3, 2, 1, 0, 0)
    assert es.count(index=alias)["count"] == 4
    a = es.get(index=alias, id=document_id("wire", "a.txt"))
    assert "(a, corrected)" in a["_source"]["body"] and a["_version"] == 2  # re-indexed in place, same _id
    b_after = es.get(index=alias, id=document_id("wire", "b.txt"))
    assert b_after["_version"] == b_before["_version"] == 1  # unchanged: not even rewritten
    assert b_after["_source"]["run_id"] == first.run_id

    third = ingest(str(root), prune=True)
    assert (third.seen, third.indexed, third.unchanged, third.rejected, third.pruned) == (3, 0, 3, 0, 1)
    ids = {h["_id"] for h in es.search(index=alias, size=10, source=False)["hits"]["hits"]}
    assert ids == {document_id("wire", n) for n in ("a.txt", "b.txt", "d.txt")}


def test_prune_leaves_other_sources_alone(isolated_env, prefect_server, tmp_path):
    from flows.ingest import ingest

    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(SEED)
    ingest(str(tmp_path / "one"))
    ingest(str(tmp_path / "two"))
    (tmp_path / "one" / "x.txt").unlink()
    (tmp_path / "one" / "y.txt").write_text(SEED.replace("Lavrov", "Lavrov (y)"))
    summary = ingest(str(tmp_path / "one"), prune=True)
    assert (summary.indexed, summary.pruned) == (1, 1)
    settings = get_settings()
    es = es_index.connect(settings)
    ids = {h["_id"] for h in es.search(index=settings.index_alias, size=10, source=False)["hits"]["hits"]}
    assert ids == {document_id("one", "y.txt"), document_id("two", "x.txt")}


def test_prune_resolves_the_rejections_of_files_that_are_gone(isolated_env, prefect_server, tmp_path):
    from flows.ingest import ingest

    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(SEED)
        (tmp_path / folder / "empty.txt").write_text("")
    assert ingest(str(tmp_path / "one")).rejected == 1
    assert ingest(str(tmp_path / "two")).rejected == 1
    (tmp_path / "one" / "empty.txt").unlink()

    summary = ingest(str(tmp_path / "one"), prune=True)
    assert (summary.seen, summary.unchanged, summary.rejected, summary.pruned) == (1, 1, 0, 0)
    settings = get_settings()
    es = es_index.connect(settings)
    open_ = es_index.list_rejections(es, settings.rejections_index)
    assert [(r["source"], r["source_path"]) for r in open_] == [("two", "empty.txt")]  # the other source's stays open
    every = es_index.list_rejections(es, settings.rejections_index, include_resolved=True)
    assert sorted((r["source"], r["source_path"], r["resolved"]) for r in every) == [
        ("one", "empty.txt", True), ("two", "empty.txt", False),
    ]


def test_prune_on_an_empty_or_unmounted_folder_deletes_nothing(isolated_env, prefect_server, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "inbox"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
    assert ingest(str(root)).indexed == 4
    settings = get_settings()
    es = es_index.connect(settings)

    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):  # the share is unmounted: the mount point is empty
        (root / name).unlink()
    for force in (False, True):  # --force lifts the share limit, never this one
        summary = ingest(str(root), prune=True, force=force)
        assert (summary.seen, summary.pruned) == (0, 0)
        assert summary.prune_refused.startswith("not pruning: the run saw no file of source 'inbox' under ")
        assert "so pruning would delete all 4 of its documents" in summary.prune_refused
        assert es.count(index=settings.index_alias)["count"] == 4

    (root / "a.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (a.txt)"))
    mistyped = ingest(str(root), glob="*.text", prune=True)  # a glob that matches nothing
    assert (mistyped.seen, mistyped.pruned) == (0, 0) and mistyped.prune_refused
    assert es.count(index=settings.index_alias)["count"] == 4


def test_prune_above_the_share_needs_force(isolated_env, prefect_server, tmp_path, monkeypatch):
    from flows.ingest import ingest

    root = tmp_path / "inbox"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
    (root / "e.txt").write_text("")  # a rejection, resolved by the prune that finally happens
    assert ingest(str(root)).indexed == 4
    settings = get_settings()
    es = es_index.connect(settings)
    for name in ("b.txt", "c.txt", "d.txt", "e.txt"):
        (root / name).unlink()

    refused = ingest(str(root), prune=True)  # 3 of 4 documents (75%) would go: more than half
    assert (refused.seen, refused.unchanged, refused.pruned) == (1, 1, 0)
    assert refused.prune_refused == (
        f"not pruning: 3 of the 4 documents of source 'inbox' (75%) have no file under {root} (glob '*.txt'), "
        "more than NEWSETL_PRUNE_MAX_SHARE (50%); check the folder and the glob, and run again with --force to delete them"
    )
    assert es.count(index=settings.index_alias)["count"] == 4
    assert len(es_index.list_rejections(es, settings.rejections_index)) == 1  # still open: nothing was decided

    (root / "b.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (b.txt)"))
    (root / "c.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (c.txt)"))
    monkeypatch.setenv("NEWSETL_PRUNE_MAX_SHARE", "0.2")  # 1 of 4 (25%) is above 20%
    get_settings.cache_clear()
    assert ingest(str(root), prune=True).prune_refused.startswith("not pruning: 1 of the 4 documents")

    forced = ingest(str(root), prune=True, force=True)
    assert (forced.pruned, forced.prune_refused) == (1, None)
    ids = {h["_id"] for h in es.search(index=settings.index_alias, size=10, source=False)["hits"]["hits"]}
    assert ids == {document_id("inbox", n) for n in ("a.txt", "b.txt", "c.txt")}
    assert es_index.list_rejections(es, settings.rejections_index) == []  # e.txt's file is gone: resolved


def test_a_rerun_reads_only_the_files_whose_stat_changed(isolated_env, prefect_server, tmp_path):
    """Size and mtime (ns) are stored with each document; a re-run compares them before reading a
    byte, hashes only files whose stat differs, and --verify hashes every file (issue 17)."""
    import os
    import time

    from flows.ingest import ingest
    from tests.conftest import count_opens

    root = tmp_path / "wire"
    root.mkdir()
    an_hour_ago = time.time_ns() - 3600 * 10**9
    hour_ago = time.time() - 3600
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
        # an mtime older than the racy window: the first run stores the stat, so the second skips b.txt
        # by its stat alone (a file written just now stores none and gets it later by a partial update)
        os.utime(root / name, (hour_ago, hour_ago))
        os.utime(root / name, ns=(an_hour_ago, an_hour_ago))
    settings = get_settings()
    es = es_index.connect(settings)
    alias = settings.index_alias

    assert ingest(str(root)).indexed == 3
    b = es.get(index=alias, id=document_id("wire", "b.txt"))["_source"]
    assert (b["file_size"], b["file_mtime_ns"]) == ((root / "b.txt").stat().st_size, an_hour_ago)

    with count_opens(root) as opened:
        second = ingest(str(root))
    assert (second.indexed, second.unchanged, opened["paths"]) == (0, 3, [])  # not one article opened

    later = an_hour_ago + 60 * 10**9
    os.utime(root / "b.txt", ns=(later, later))  # touched: same bytes
    c_size = (root / "c.txt").stat().st_size
    (root / "c.txt").write_text(SEED.replace("Sergei Lavrov", "Sergei Lavrov (C.txt)"))  # same size...
    assert (root / "c.txt").stat().st_size == c_size
    os.utime(root / "c.txt", ns=(an_hour_ago, an_hour_ago))  # ...and the old mtime put back
    with count_opens(root) as opened:
        third = ingest(str(root))
    assert (third.indexed, third.unchanged) == (0, 3)
    assert opened["paths"] == [str((root / "b.txt").resolve())]  # hashed once: same bytes
    es.indices.refresh(index=alias)
    b = es.get(index=alias, id=document_id("wire", "b.txt"))
    assert (b["_source"]["file_mtime_ns"], b["_version"]) == (later, 2)  # its new stat recorded, nothing rebuilt
    assert b["_source"]["run_id"] == es.get(index=alias, id=document_id("wire", "a.txt"))["_source"]["run_id"]

    with count_opens(root) as opened:
        audit = ingest(str(root), verify=True)  # what the stat could not see
    assert (audit.indexed, audit.unchanged) == (1, 2)
    assert sorted(opened["paths"]) == sorted(str((root / n).resolve()) for n in ("a.txt", "b.txt", "c.txt", "c.txt"))
    assert "(C.txt)" in es.get(index=alias, id=document_id("wire", "c.txt"))["_source"]["body"]


def test_files_are_checked_in_chunks_and_the_changed_ones_built_in_batches_in_file_order(
    isolated_env, prefect_server, tmp_path, monkeypatch
):
    """``check-batch`` takes chunks of ``NEWSETL_CHECK_BATCH_SIZE`` files (one ``_mget`` each), larger
    than the build batches; the new and changed files of consecutive chunks are cut into build
    batches of ``batch_size`` in file order, with the tail rule (:func:`flows.ingest.tail_batch_size`)."""
    from flows.ingest import ingest, progress_listener
    from tests.integration.test_flow_faults import read_task_runs

    root = tmp_path / "wire"
    root.mkdir()
    names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"]
    for name in names:
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
    assert ingest(str(root)).indexed == 7

    for name in ("b.txt", "d.txt", "f.txt", "g.txt"):  # files 2, 4, 6 and 7 change
        (root / name).write_text(SEED.replace("Sergei Lavrov", f"Sergei Lavrov ({name}, revised)"))
    monkeypatch.setenv("NEWSETL_CHECK_BATCH_SIZE", "3")
    get_settings.cache_clear()
    done: list[int] = []
    with progress_listener(lambda event, data: done.append(data["done"]) if event == "batch" else None):
        second = ingest(str(root), batch_size=2)
    assert (second.seen, second.indexed, second.unchanged, second.rejected, second.failed_batches) == (7, 4, 3, 0, [])
    runs = read_task_runs(second.run_id)
    names_of: dict[str, list[str]] = {}
    for run in runs:  # "check-batch files 1-3"
        task, label = run.name.split(" ", 1)
        names_of.setdefault(task, []).append(label)
    assert names_of["check-batch"] == ["files 1-3", "files 4-6", "files 7-7"]
    # chunk 1-3 leaves b (2) alone, fewer than a batch of 2 with files unchecked: it waits for chunk 4-6;
    # then b + d (2-4), f (6: the tail rule halves what is left), g (7)
    assert names_of["build-batch"] == names_of["load-batch"] == ["files 2-4", "files 6-6", "files 7-7"]
    assert {run.state_name for run in runs} == {"Completed"}
    # unchanged a, c counted after chunk 1-3, e after chunk 4-6; then b + d, f, g as they load
    assert done == [2, 3, 5, 6, 7]
    settings = get_settings()
    es = es_index.connect(settings)
    es.indices.refresh(index=settings.index_alias)
    for name in names:
        body = es.get(index=settings.index_alias, id=document_id("wire", name))["_source"]["body"]
        assert (f"({name}, revised)" in body) == (name in ("b.txt", "d.txt", "f.txt", "g.txt")), name
