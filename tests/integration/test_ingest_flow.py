"""The ingest flow end to end on the real node (Prefect's temporary local server runs the flow)."""

import shutil

import pytest

from etl import index as es_index
from etl.config import get_settings
from tests.conftest import SEED_FILE, SEEDS

pytestmark = pytest.mark.integration


@pytest.fixture
def es(isolated_env, prefect_server):
    return es_index.connect(get_settings())


def _seed_doc(es, alias):
    hits = es.search(index=alias, q="sanctions")["hits"]["hits"]
    assert len(hits) == 1
    return hits[0]


def test_seed_is_indexed_with_entities_and_dates(es, isolated_env):
    from flows.ingest import ingest

    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    summary = ingest(str(SEEDS))
    assert (summary.seen, summary.indexed, summary.unchanged, summary.rejected) == (1, 1, 0, 0)

    hit = _seed_doc(es, alias)
    doc = hit["_source"]
    assert hit["_id"] == "fea203395dc881c7b031d9985289b8505a68eb96"  # sha1("seeds/000_4a3f43196b185345.txt")
    assert doc["published"] == "2017-12-27"
    assert doc["dateline"] == "MOSCOW"
    assert doc["agency"] == "AFP"
    assert doc["language"] == "en"
    assert doc["body"].startswith("MOSCOW: Russian Foreign Minister")
    assert not doc["body"].rstrip().endswith("AFP")
    assert doc["lead"].startswith("Russian Foreign Minister Sergei Lavrov on Tuesday")
    assert {"Rex Tillerson", "Steven Mnuchin"} <= set(doc["entities"]["person"])
    assert {"North Korea", "United States"} <= set(doc["entities"]["gpe"])
    assert "US" not in doc["entities"]["gpe"]
    # the places the gazetteer resolved: Moscow, Manila, North Korea, Washington, Pyongyang, the
    # United States, Russia and South Korea (checked by hand against the text)
    assert sorted(doc["countries"]) == ["KP", "KR", "PH", "RU", "US"]
    def near(lat: float, lon: float) -> bool:  # GeoNames' points for a city, within 0.1 degree
        return any(abs(p["lat"] - lat) < 0.1 and abs(p["lon"] - lon) < 0.1 for p in doc["geo"])

    assert near(55.75, 37.62) and near(14.60, 120.98) and near(39.03, 125.75)  # Moscow, Manila, Pyongyang
    assert len(doc["geo"]) == 8
    assert "State" not in doc["entities"].get("org", [])  # "Secretary of State" is a title
    lavrov = [m for m in doc["entity_mentions"] if m["canonical"] == "Sergei Lavrov"]
    assert [m["text"] for m in lavrov] == ["Sergei Lavrov", "Lavrov"]

    values = {(m["text"], m["value"]) for m in doc["date_mentions"]}
    for expected in [
        ("Tuesday", "2017-12-26"),
        ("Wednesday", "2017-12-27"),
        ("Friday", "2017-12-22"),
        ("last month", "2017-11"),
        ("November 28", "2017-11-28"),
        ("last Friday", "2017-12-22"),
    ]:
        assert expected in values
    assert {"gte": "2017-11-01", "lt": "2017-12-01"} in doc["mentioned_dates"]
    assert {"gte": "2017-11-28", "lt": "2017-11-29"} in doc["mentioned_dates"]
    body = doc["body"]
    for m in doc["date_mentions"] + doc["entity_mentions"]:
        assert body[m["start"] : m["end"]] == m["text"]

    # the date_range field answers "articles that mention a date in November 2017"
    q = {"range": {"mentioned_dates": {"gte": "2017-11-01", "lt": "2017-12-01", "relation": "intersects"}}}
    assert es.count(index=alias, query=q)["count"] == 1

    # a second run finds the file unchanged and leaves exactly one document
    again = ingest(str(SEEDS))
    assert (again.seen, again.indexed, again.unchanged, again.rejected) == (1, 0, 1, 0)
    assert es.count(index=alias)["count"] == 1


def test_bad_files_are_rejected_with_reasons_and_resolved_when_fixed(es, isolated_env, tmp_path):
    from flows.ingest import ingest

    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    rejections_index = isolated_env["NEWSETL_REJECTIONS_INDEX"]
    src = tmp_path / "inbox"
    src.mkdir()
    shutil.copy(SEED_FILE, src / "good.txt")
    (src / "noheader.txt").write_text("Just some words without the date header.\n")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "baddate.txt").write_text(" date 2017-13-45 MOSCOW: An impossible date.\n")
    (src / "notes.md").write_text("not an article: other extension")

    summary = ingest(str(src))
    assert (summary.seen, summary.indexed, summary.unchanged, summary.rejected) == (4, 1, 0, 3)
    rows = {r["source_path"]: r for r in es_index.list_rejections(es, rejections_index)}
    assert set(rows) == {"noheader.txt", "binary.txt", "baddate.txt"}
    assert rows["binary.txt"]["stage"] == "read" and "binary" in rows["binary.txt"]["reason"]
    assert rows["noheader.txt"]["stage"] == "parse" and "header" in rows["noheader.txt"]["reason"]
    assert rows["baddate.txt"]["stage"] == "parse" and "2017-13-45" in rows["baddate.txt"]["reason"]
    assert {r["run_id"] for r in rows.values()} == {summary.run_id}

    # fixing a file gets it indexed on the next run and its rejection marked resolved
    (src / "noheader.txt").write_text(" date 2017-12-28 Some words, now with the date header.\n")
    again = ingest(str(src))
    assert (again.seen, again.indexed, again.unchanged, again.rejected) == (4, 1, 1, 2)
    es.indices.refresh(index=rejections_index)
    assert {r["source_path"] for r in es_index.list_rejections(es, rejections_index)} == {"binary.txt", "baddate.txt"}
    assert es.count(index=alias)["count"] == 2
