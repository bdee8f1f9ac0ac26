"""Person names merged across articles in the real index at the end of a run (issue 13, item 4)."""

import pytest

from etl import index as es_index
from etl.config import get_settings

pytestmark = pytest.mark.integration

# Three stories of one week, written for this test. "full" names the president in full and then
# alone, the evidence that "Clinton" is Bill Clinton; "titled" names him only "President Clinton";
# "family" speaks of a family called Clinton, no title: its "Clinton" must stay as it is.
STORIES = {
    "full.txt": " date 1998-08-20 WASHINGTON (AP) _ President Bill Clinton ordered strikes on Thursday. "
    "Clinton spoke from Martha's Vineyard, where he was on vacation with his family.\n\nAP\n",
    "titled.txt": " date 1998-08-21 NAIROBI, Kenya (AP) _ Kenyans welcomed the strikes ordered by President "
    "Clinton on Thursday, officials in Nairobi said.\n\nAP\n",
    "family.txt": " date 1998-08-22 LITTLE ROCK, Ark. (AP) _ The Clinton family of Little Rock, no relation, "
    "opened a bakery on Main Street on Saturday. Clinton bread is sold in three shops.\n\nAP\n",
}


def _persons(es, alias: str) -> dict[str, list[str]]:
    hits = es.search(index=alias, size=10, query={"match_all": {}})["hits"]["hits"]
    return {h["_source"]["source_path"]: h["_source"].get("entities", {}).get("person", []) for h in hits}


def test_a_titled_family_name_takes_the_full_name_another_article_gives_it_and_loses_it_with_that_article(
    isolated_env, prefect_server, tmp_path,
):
    from flows.ingest import ingest

    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    es = es_index.connect(get_settings())
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")

    assert ingest(str(folder)).indexed == 3
    persons = _persons(es, alias)
    assert persons["full.txt"] == ["Bill Clinton"]
    assert persons["titled.txt"] == ["Bill Clinton"]  # the article itself says only "President Clinton"
    assert "Bill Clinton" not in persons["family.txt"]  # no title: a family name, not merged
    facet = es.search(index=alias, size=0, aggregations={"p": {"terms": {"field": "entities.person"}}})
    assert {b["key"]: b["doc_count"] for b in facet["aggregations"]["p"]["buckets"]}.get("Bill Clinton") == 2

    # the evidence goes: the merge is undone, and the article gets its own name back
    (folder / "full.txt").unlink()
    summary = ingest(str(folder), prune=True, force=True)
    assert summary.pruned == 1
    persons = _persons(es, alias)
    assert persons["titled.txt"] == ["Clinton"]
    doc = es.search(index=alias, query={"term": {"source_path": "titled.txt"}})["hits"]["hits"][0]["_source"]
    assert doc.get("persons_in_article") is None  # null: no merge touches it any more
