"""flows/ingest.py: the run summary artifact's markdown."""

import datetime as dt

from etl.models import Rejection, RunSummary
from flows.ingest import summary_markdown


def test_summary_markdown_lists_counts_and_escapes_rejections():
    rejection = Rejection(
        id="x" * 40, source="inbox", source_path="a|b.txt", stage="parse",
        reason="no ' date YYYY-MM-DD' header | line 1", run_id="r1", time=dt.datetime(2026, 11, 29, tzinfo=dt.UTC),
    )
    summary = RunSummary(run_id="r1", source="inbox", seen=3, indexed=2, rejected=1, seconds=4.0, rejections=[rejection])
    md = summary_markdown(summary).splitlines()
    assert md[:3] == ["| source | inbox |", "|---|---|", "| run id | r1 |"]  # no empty header row
    assert "| files seen | 3 |" in md
    assert "| indexed | 2 |" in md
    assert "| docs/s | 0.5 |" in md  # 2 documents in 4 seconds
    assert "| inbox/a\\|b.txt | parse | no ' date YYYY-MM-DD' header \\| line 1 |" in md  # source/path, as the CLI
    assert "| | |" not in md
    assert summary.balanced


def test_prune_refusal_rules():
    from flows.ingest import prune_refusal

    assert prune_refusal("wire", "in", seen=3, gone=0, held=3, max_share=0.5) is None
    assert prune_refusal("wire", "in", seen=0, gone=0, held=0, max_share=0.5) is None  # nothing to delete
    assert prune_refusal("wire", "in", seen=0, gone=4, held=4, max_share=0.5, force=True).startswith(
        "not pruning: the run saw no file of source 'wire' under in, so pruning would delete all 4"
    )
    assert prune_refusal("wire", "in", seen=2, gone=2, held=4, max_share=0.5) is None  # exactly half: allowed
    assert prune_refusal("wire", "in", seen=1, gone=3, held=4, max_share=0.5).startswith(
        "not pruning: 3 of the 4 documents of source 'wire' (75%) have no file under in"
    )
    assert prune_refusal("wire", "in", seen=1, gone=3, held=4, max_share=0.5, force=True) is None
    assert prune_refusal("wire", "in", seen=9, gone=1, held=10, max_share=0.0) is not None  # 0: any prune needs --force


def test_summary_markdown_lists_50_rejections_then_the_count():
    rejections = [
        Rejection(
            id=str(n), source="inbox", source_path=f"{n:03}.txt", stage="read", reason="empty file (0 bytes)",
            run_id="r7", time=dt.datetime(2026, 11, 29, tzinfo=dt.UTC),
        )
        for n in range(53)
    ]
    summary = RunSummary(run_id="r7", source="inbox", seen=53, rejected=53, rejections=rejections)
    md = summary_markdown(summary).splitlines()
    assert "| inbox/049.txt | read | empty file (0 bytes) |" in md
    assert "| inbox/050.txt | read | empty file (0 bytes) |" not in md
    assert md[-1] == "3 more: `newsetl rejects --run r7` lists every one."
