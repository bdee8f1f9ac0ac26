"""etl/index.py against the real node: versioned index behind an alias, strict mapping, bulk errors."""

import datetime as dt

import pytest
from elasticsearch import Elasticsearch

from etl import index as es_index
from etl.config import get_settings
from etl.models import Article, Stage

pytestmark = pytest.mark.integration


@pytest.fixture
def es(isolated_env):
    settings = get_settings()
    client = es_index.connect(settings)
    es_index.ensure_index(client, settings)
    return client


def _article(doc_id: str, **update) -> Article:
    art = Article(
        id=doc_id,
        source="unit",
        source_path=f"{doc_id[:6]}.txt",
        checksum="0" * 64,
        published=dt.date(2017, 12, 27),
        lead="Lead.",
        body="Lead. More text.",
        word_count=3,
        ingested_at=dt.datetime(2026, 11, 29, tzinfo=dt.UTC),
        pipeline_version="test",
        run_id="r1",
    )
    return art.model_copy(update=update)  # model_copy skips validation: lets a test send bad data


def test_alias_points_at_one_versioned_index(es, isolated_env):
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    [concrete] = es.indices.get_alias(name=alias)
    assert concrete.startswith(f"{alias}-v{es_index.MAPPING_VERSION}-")
    mapping = es.indices.get_mapping(index=concrete)[concrete]["mappings"]
    assert mapping["dynamic"] == "strict"
    assert mapping["properties"]["mentioned_dates"]["type"] == "date_range"
    assert mapping["_meta"]["text_analyzer"] == es_index.text_analyzer(es)
    # a second ensure_index reuses it
    assert es_index.ensure_index(es, get_settings()) == concrete


def test_bulk_errors_become_classified_rejections(es, isolated_env):
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    good = _article("a" * 40)
    bad = _article("b" * 40, word_count=2**40)  # does not fit an integer field
    result = es_index.bulk_load(es, alias, [good, bad], run_id="r1")
    assert result.indexed == ["a" * 40]
    [rej] = result.rejections
    assert (rej.id, rej.stage, rej.source_path) == ("b" * 40, Stage.LOAD, "bbbbbb.txt")
    assert rej.reason.startswith("mapping error from Elasticsearch: ")
    es.indices.refresh(index=alias)
    assert es.count(index=alias)["count"] == 1


def test_reindexing_same_id_never_duplicates(es, isolated_env):
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    art = _article("c" * 40)
    es_index.bulk_load(es, alias, [art], run_id="r1")
    es_index.bulk_load(es, alias, [art.model_copy(update={"run_id": "r2"})], run_id="r2")
    es.indices.refresh(index=alias)
    assert es.count(index=alias)["count"] == 1
    assert es.get(index=alias, id="c" * 40)["_source"]["run_id"] == "r2"
    # fingerprints are read from doc values by a search: what the last refresh made visible
    assert es_index.fetch_fingerprints(es, alias, ["c" * 40, "d" * 40]) == {"c" * 40: ("0" * 64, "test", None, None)}
    assert es_index.fetch_fingerprints(es, alias, ["d" * 40]) == {}
    assert es_index.fetch_file_stats(es, alias, ["c" * 40], "test") == {"c" * 40: (None, None)}  # no stat stored
    es_index.bulk_load(es, alias, [art.model_copy(update={"run_id": "r3", "file_size": 16, "file_mtime_ns": 1_764_000_000_123_456_789})], run_id="r3")
    es.indices.refresh(index=alias)
    assert es_index.fetch_fingerprints(es, alias, ["c" * 40]) == {"c" * 40: ("0" * 64, "test", 16, 1_764_000_000_123_456_789)}
    # a new stat for the same bytes is a partial update: the rest of the document stays
    assert es_index.update_file_stats(es, alias, {"c" * 40: (16, 1_764_000_060_000_000_001)}) == 1
    es.indices.refresh(index=alias)
    assert es_index.fetch_fingerprints(es, alias, ["c" * 40]) == {"c" * 40: ("0" * 64, "test", 16, 1_764_000_060_000_000_001)}
    # what a re-run asks first: the stat of the documents built by this pipeline version
    assert es_index.fetch_file_stats(es, alias, ["c" * 40, "d" * 40], "test") == {"c" * 40: (16, 1_764_000_060_000_000_001)}
    assert es_index.fetch_file_stats(es, alias, ["c" * 40], "another version") == {}
    assert es.get(index=alias, id="c" * 40)["_source"]["run_id"] == "r3"


def test_unreachable_cluster_is_one_clear_error():
    from etl.errors import ElasticsearchUnavailable

    dead = Elasticsearch("http://127.0.0.1:9", request_timeout=2)
    with pytest.raises(ElasticsearchUnavailable, match=r"not reachable at http://127.0.0.1:9 .*newsetl es up"):
        es_index.check_connection(dead, "http://127.0.0.1:9")


def test_swap_keeps_one_previous_index_and_drops_older(es):
    settings = get_settings()
    alias = settings.index_alias
    first = es_index.alias_target(es, alias)
    second, third = es_index.new_index_name(alias), None
    es_index.create_index(es, settings, second)
    assert es_index.swap_alias(es, alias, second) == first
    third = es_index.new_index_name(alias)
    es_index.create_index(es, settings, third)
    assert es_index.swap_alias(es, alias, third) == second
    assert es_index.versioned_indices(es, alias) == [first, second, third]
    assert sorted(es.indices.get_alias(name=alias)) == [third]
    assert es_index.drop_old_indices(es, alias, keep=1) == [first]
    assert es_index.versioned_indices(es, alias) == [second, third]


def test_a_rebuild_killed_half_way_is_never_a_rollback_target_and_is_dropped_later(es):
    """What `newsetl reindex` killed with SIGKILL leaves: an index marked building, never behind the alias."""
    settings = get_settings()
    alias = settings.index_alias
    live = es_index.alias_target(es, alias)
    killed = es_index.new_index_name(alias)
    es_index.create_index(es, settings, killed, building=True)  # the rebuild died before mark_built
    assert es_index.versioned_indices(es, alias) == [live, killed]
    assert es_index.versioned_indices(es, alias, built_only=True) == [live]
    assert es_index.drop_old_indices(es, alias, keep=1) == []  # newer than the live one: maybe still building

    rebuilt = es_index.new_index_name(alias)  # the next reindex completes
    es_index.create_index(es, settings, rebuilt, building=True)
    es_index.mark_built(es, rebuilt)
    meta = es.indices.get_mapping(index=rebuilt)[rebuilt]["mappings"]["_meta"]
    assert "build" not in meta and meta["mapping_version"] == es_index.MAPPING_VERSION and meta["text_analyzer"]
    assert es_index.swap_alias(es, alias, rebuilt) == live
    assert es_index.versioned_indices(es, alias, built_only=True) == [live, rebuilt]  # rollback goes to `live`
    assert es_index.drop_old_indices(es, alias, keep=1) == [killed]
    assert es_index.versioned_indices(es, alias) == [live, rebuilt]


def test_existing_index_gets_new_fields_added(es):
    """An index made before a field existed receives it through PUT _mapping (additive change)."""
    settings = get_settings()
    name = es_index.alias_target(es, settings.index_alias)
    es.indices.delete(index=name)
    old = es_index.article_mapping("standard")
    del old["properties"]["duplicate_of"]
    es.indices.create(index=name, mappings=old, aliases={settings.index_alias: {"is_write_index": True}})
    assert "duplicate_of" not in es.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    assert es_index.ensure_index(es, settings) == name
    assert es.indices.get_mapping(index=name)[name]["mappings"]["properties"]["duplicate_of"] == {"type": "keyword"}


def test_document_above_the_indexing_pressure_limit_is_rejected_alone(es):
    """A request above the node's indexing-pressure limit (10% of the heap) gets a whole-request 429;
    the rest of the batch is sent one by one, and only the oversized document is rejected."""
    stats = es.nodes.stats(metric="indexing_pressure")["nodes"]
    limit = min(n["indexing_pressure"]["memory"]["limit_in_bytes"] for n in stats.values())
    alias = get_settings().index_alias
    small = _article("c" * 40)
    huge = _article("d" * 40, body="x " * (limit // 2 + 1_000_000))
    result = es_index.bulk_load(es, alias, [small, huge, _article("e" * 40)], run_id="r1", max_chunk_bytes=1024)
    assert sorted(result.indexed) == ["c" * 40, "e" * 40]
    (rejection,) = result.rejections
    assert rejection.id == "d" * 40 and rejection.stage == Stage.LOAD
    # 429 from indexing pressure, or 413 when 10% of the heap is above http.max_content_length (100 MB)
    assert rejection.reason.startswith("too large error from Elasticsearch (HTTP ")
    if "(HTTP 429)" in rejection.reason:
        assert "coordinating_operation_bytes" in rejection.reason
    else:
        assert rejection.reason.endswith("exceeds the cluster's http.max_content_length")


def test_open_rejections_are_per_source_and_end_when_resolved(es, isolated_env):
    from etl.models import Rejection

    settings = get_settings()
    index = settings.rejections_index
    assert es_index.has_open_rejections(es, index, "wire") is False  # ensure_index made it empty
    when = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
    rejection = Rejection(id="a" * 40, source="wire", source_path="empty.txt", stage=Stage.READ, reason="empty file", run_id="r1", time=when)
    es_index.record_rejections(es, index, [rejection])
    es.indices.refresh(index=index)
    assert es_index.has_open_rejections(es, index, "wire") is True
    assert es_index.has_open_rejections(es, index, "other") is False
    es_index.resolve_rejections(es, index, ["a" * 40])
    es.indices.refresh(index=index)
    assert es_index.has_open_rejections(es, index, "wire") is False


def test_a_keyword_above_ignore_above_is_kept_in_source_but_not_indexed_as_a_term(es, isolated_env):
    """README: keyword fields carry `ignore_above: 1024`: a longer value does not fail the document."""
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    concrete = es_index.alias_target(es, alias)
    assert es.indices.get_mapping(index=concrete)[concrete]["mappings"]["properties"]["dateline"] == {"type": "keyword", "ignore_above": 1024}
    fits, too_long = "M" * 1024, "N" * 1025
    result = es_index.bulk_load(es, alias, [_article("e" * 40, dateline=fits), _article("f" * 40, dateline=too_long)], run_id="r1")
    assert (sorted(result.indexed), result.rejections) == (["e" * 40, "f" * 40], [])
    es.indices.refresh(index=alias)
    assert es.get(index=alias, id="f" * 40)["_source"]["dateline"] == too_long
    assert es.count(index=alias, query={"term": {"dateline": fits}})["count"] == 1
    assert es.count(index=alias, query={"term": {"dateline": too_long}})["count"] == 0
    assert es.count(index=alias, query={"exists": {"field": "dateline"}})["count"] == 1  # not a term: not there for search


def test_a_create_retried_after_a_timeout_finds_its_own_index(es, isolated_env):
    """The client retries a create that timed out (a busy cluster, or one losing a node, answers
    late: seen on the three-node cluster of tests/e2e/test_cluster.py); the retry's
    ``resource_already_exists_exception`` for the very index and alias is no error."""
    from elasticsearch import BadRequestError

    alias = f"{isolated_env['NEWSETL_INDEX_ALIAS']}-retry"  # the fixture's alias has its index already
    settings = get_settings()
    name = es_index.new_index_name(alias)
    es_index.create_index(es, settings, name, alias=alias)
    es_index.create_index(es, settings, name, alias=alias)  # the same request again: what a retry sends
    assert list(es.indices.get_alias(name=alias)) == [name]
    with pytest.raises(BadRequestError, match="resource_already_exists_exception"):
        es_index.create_index(es, settings, name, alias=f"{alias}-other")  # not made by that request
