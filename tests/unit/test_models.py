"""etl/models.py: what validation refuses before anything reaches Elasticsearch."""

import datetime as dt

import pytest
from pydantic import ValidationError

from etl.models import Article, DateMention, DateRange, EntityMention

BODY = "MOSCOW: Lavrov spoke on Tuesday."


def _article(**extra) -> Article:
    return Article(
        id="f" * 40, source="seeds", source_path="a.txt", checksum="a" * 64, published=dt.date(2017, 12, 27),
        lead="Lavrov spoke on Tuesday.", body=BODY, word_count=5,
        ingested_at=dt.datetime(2026, 11, 29, tzinfo=dt.UTC), pipeline_version="0.1.0", run_id="r", **extra,
    )


def test_valid_article_serializes_without_id_and_nones():
    tuesday = DateMention(text="Tuesday", start=24, end=31, type="DATE", value="2017-12-26", granularity="day",
                          range=DateRange(gte="2017-12-26", lt="2017-12-27"))
    src = _article(date_mentions=[tuesday], mentioned_dates=[tuesday.range]).to_source()
    assert "id" not in src and "dateline" not in src
    assert src["published"] == "2017-12-27"
    assert src["mentioned_dates"] == [{"gte": "2017-12-26", "lt": "2017-12-27"}]


def test_mention_offsets_must_match_body():
    wrong = EntityMention(label="person", text="Lavrov", canonical="Sergei Lavrov", start=0, end=6)
    with pytest.raises(ValidationError, match="does not match body"):
        _article(entity_mentions=[wrong])


def test_empty_or_reversed_date_range_is_refused():
    with pytest.raises(ValidationError, match="empty date range"):
        DateRange(gte="2017-12-01", lt="2017-11-01")


def test_bad_checksum_and_unknown_entity_type_are_refused():
    with pytest.raises(ValidationError, match="checksum"):
        _article().model_validate({**_article().model_dump(), "id": "f" * 40, "checksum": "xyz"})
    with pytest.raises(ValidationError, match="unknown entity types"):
        _article(entities={"money": ["$5"]})
