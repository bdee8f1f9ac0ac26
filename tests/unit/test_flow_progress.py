"""Progress events from the ingest flow to listeners (the CLI's progress bar, the benchmark), and worker choice."""

from pathlib import Path

from flows.ingest import BatchFiles, _emit, progress_listener, summary_markdown, tail_batch_size


def test_listeners_get_events_only_inside_the_block_and_a_failing_one_is_ignored():
    seen = []

    def broken(event, data):
        raise RuntimeError("display gone")

    with progress_listener(broken), progress_listener(lambda e, d: seen.append((e, d))):
        _emit("batch", done=200, indexed=198, unchanged=0, rejected=2, words=123_456)
    _emit("batch", done=400)
    assert seen == [("batch", {"done": 200, "indexed": 198, "unchanged": 0, "rejected": 2, "words": 123_456})]


def test_batch_files_hide_the_list_from_prefect_but_keep_it():
    files = ["a", "b"]
    assert BatchFiles(files).files is files and len(BatchFiles(files)) == 2


def test_summary_markdown_adds_stage_seconds():
    from etl.models import RunSummary

    md = summary_markdown(RunSummary(run_id="r", source="s", seen=1, indexed=1), {"ner": 12.34, "load": 1.0})
    assert "| ner | 12.3 |" in md and "| load | 1.0 |" in md


def test_workers_auto_is_one_per_core_only_for_runs_of_more_than_one_batch(tmp_path: Path, monkeypatch):
    from etl.cli import _workers_for
    from etl.config import Settings

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(" date 2017-12-27 x\n")
    settings = Settings(batch_size=2, workers=0)
    assert _workers_for(settings, None, tmp_path, None, None) == 2  # 3 files > one batch of 2
    assert _workers_for(settings, None, tmp_path, None, 10) == 1  # one batch: no cluster to start
    assert _workers_for(settings, 3, tmp_path, None, None) == 3  # --workers wins
    assert _workers_for(Settings(workers=1), None, tmp_path, None, None) == 1  # NEWSETL_WORKERS


def _handed_out(files: int, size: int, slots: int) -> list[int]:
    sizes = []
    while files > 0:
        sizes.append(min(files, tail_batch_size(size, files, slots)))  # the flow slices what is left
        files -= sizes[-1]
    return sizes


def test_batches_shrink_near_the_end_so_workers_finish_together():
    # silver-seeds: 2,452 files, batches of 200, 2 workers; worked by hand: ceil(652 / 4) = 163,
    # ceil(489 / 4) = 123, ceil(366 / 4) = 92, ... down to the floor 200 // 8 = 25, then the last 10
    assert _handed_out(2452, 200, 2) == [200] * 9 + [163, 123, 92, 69, 52, 39, 29, 25, 25, 25, 10]
    assert tail_batch_size(200, 10_000, 2) == 200  # far from the end: the configured size
    assert tail_batch_size(200, 7, 2) == 25  # the floor (the flow hands out the last 7 as they are)
    assert _handed_out(5, 200, 1) == [5]  # one slot, few files: floor 25 > 5 left, one batch
    assert _handed_out(40, 10, 2) == [10, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1]  # floor 10 // 8 = 1
