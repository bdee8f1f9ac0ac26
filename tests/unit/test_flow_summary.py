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
    assert "| files seen | 3 |" in md
    assert "| indexed | 2 |" in md
    assert "| docs/s | 0.5 |" in md  # 2 documents in 4 seconds
    assert "| a\\|b.txt | parse | no ' date YYYY-MM-DD' header \\| line 1 |" in md
    assert summary.balanced
