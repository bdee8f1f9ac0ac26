"""The alias history in etl/index.py against the real node: rollback goes to the index that was live
before, and old indices are deleted by when they were last live, not by when they were built."""

import pytest

from etl import index as es_index
from etl.config import get_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def es(isolated_env):
    return es_index.connect(get_settings())


def _build(es) -> str:
    """What `newsetl reindex` does around the flow: a new index, the alias swapped to it, old ones dropped."""
    settings = get_settings()
    name = es_index.new_index_name(settings.index_alias)
    es_index.create_index(es, settings, name)
    es_index.swap_alias(es, settings.index_alias, name)
    es_index.drop_old_indices(es, settings.index_alias, keep=1)
    return name


def _built_and_rolled_back(es) -> tuple[str, str]:
    """Run (A), reindex (B), rollback (A): returns (A, B)."""
    settings = get_settings()
    a = es_index.ensure_index(es, settings)
    b = _build(es)
    es_index.swap_alias(es, settings.index_alias, a)
    return a, b


def _live(es) -> str | None:
    return es_index.alias_target(es, get_settings().index_alias)


def test_reindex_rollback_reindex_keeps_the_index_that_was_live(es):
    settings = get_settings()
    alias = settings.index_alias
    a = es_index.ensure_index(es, settings)  # what the first `newsetl run` makes
    b = _build(es)
    assert es_index.versioned_indices(es, alias) == [a, b]

    assert es_index.previous_index(es, alias) == a
    es_index.swap_alias(es, alias, a)  # rollback
    assert _live(es) == a

    c = _build(es)  # the index live just before C is A, not B (the newer build)
    assert es_index.versioned_indices(es, alias) == [a, c]
    assert es_index.previous_index(es, alias) == a
    es_index.swap_alias(es, alias, a)  # rollback: back to A
    # a second rollback returns to C, which was live before the first; rollforward's target is C too
    assert es_index.previous_index(es, alias) == c
    assert es_index.newest_index(es, alias) == c


def test_history_survives_mapping_updates_and_keeps_the_mapping_meta(es):
    settings = get_settings()
    alias = settings.index_alias
    a, b = _built_and_rolled_back(es)
    es_index.ensure_index(es, settings)  # every run PUTs the mapping of the live index
    meta = es.indices.get_mapping(index=a)[a]["mappings"]["_meta"]
    assert meta["mapping_version"] == es_index.MAPPING_VERSION and "text_analyzer" in meta
    assert len(meta[es_index.LIVE_KEY]) == 2  # created behind the alias, then rolled back to
    states = {s.name: s for s in es_index.index_states(es, alias)}
    assert states[a].live and not states[b].live
    assert states[a].last_live > states[b].last_live > states[a].created
    assert es_index.previous_index(es, alias) == b


def test_keep_two_deletes_the_least_recently_live(es):
    settings = get_settings()
    alias = settings.index_alias
    a, b = _built_and_rolled_back(es)  # B is now the least recently live
    name = es_index.new_index_name(alias)
    es_index.create_index(es, settings, name)
    es_index.swap_alias(es, alias, name)
    assert es_index.drop_old_indices(es, alias, keep=2) == []
    assert es_index.drop_old_indices(es, alias, keep=1) == [b]
    assert es_index.versioned_indices(es, alias) == [a, name]


def test_an_index_still_being_built_is_no_rollback_target(es):
    settings = get_settings()
    alias = settings.index_alias
    a = es_index.ensure_index(es, settings)
    b = _build(es)
    building = es_index.new_index_name(alias)
    es_index.create_index(es, settings, building)  # a reindex in progress: never live
    assert es_index.previous_index(es, alias) == a
    assert es_index.newest_index(es, alias) == b
