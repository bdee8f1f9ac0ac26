"""The text analysis of the index on the real node: english everywhere, names with inner punctuation, entities.

The test node is started by `newsetl es up` like any local node, so it runs the
newsetl-analysis plugin: these tests are also what proves the plugin registers the
english analyzer and the analysis-common filters with their documented behaviour.
"""

import logging

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.search import SearchRequest, search

pytestmark = pytest.mark.integration

# short articles written for these tests; each id says what it is
ARTICLES = {
    "att": ("AT&T agreed on Monday to buy Time Warner, the phone company said.", {"org": ["AT&T", "Time Warner"]}),
    "att-spaced": ("Shares of AT & T rose 2 percent in New York.", {"org": ["AT&T"]}),
    "decoy": ("Protesters gathered at the square on Monday wearing T-shirts with slogans.", {}),
    "us-pronoun": ("“Let us be clear,” the minister told reporters, asking them to trust us.", {}),
    "us-dotted": ("U.S. officials met their Chinese counterparts in Beijing on Friday.", {"gpe": ["United States", "Beijing"]}),
    "us-plain": ("US troops left the base on Friday, the army said.", {"gpe": ["United States"]}),
    "straight": ("Rosie O'Donnell spoke at the gala.", {"person": ["Rosie O'Donnell"]}),
    "curly": ("Rosie O’Donnell’s speech closed the gala.", {"person": ["Rosie O’Donnell"]}),
    "e-mail": ("The ministry said in an e-mail that the talks would resume.", {}),
    "email": ("The ministry said in an email that the vote was delayed.", {}),
    "qaeda-linked": ("An al-Qaeda-linked group claimed the attack.", {"org": ["al-Qaeda"]}),
    "qaeda-spaced": ("An al Qaeda commander was arrested on Monday.", {"org": ["al Qaeda"]}),
    "sanction": ("The council voted to sanction the regime over its missile tests.", {}),
    "sanctions": ("New sanctions were imposed on the regime on Friday.", {}),
    "possessive": ("North Korea’s missile tests alarmed its neighbours.", {"gpe": ["North Korea"]}),
    "plain-name": ("North Korea fired another missile into the sea.", {"gpe": ["North Korea"]}),
    "treasury": (
        "The Treasury secretary said the new measures target the regime's missile programme. "
        "The Treasury secretary, Steven Mnuchin, spoke in Washington.",
        {"person": ["Steven Mnuchin"], "gpe": ["Washington"]},
    ),
    "pyongyang": ("Pyongyang test-fired a missile on Tuesday.", {"gpe": ["Pyongyang", "North Korea"]}),
}


@pytest.fixture
def indexed(isolated_env, caplog):
    settings = get_settings()
    es = es_index.connect(settings)
    with caplog.at_level(logging.WARNING, logger="etl.index"):
        es_index.ensure_index(es, settings)
    for doc_id, (body, entities) in ARTICLES.items():
        es.index(
            index=settings.index_alias,
            id=doc_id,
            document={"source": "t", "source_path": f"{doc_id}.txt", "lead": body.split(". ")[0], "body": body, "entities": entities},
        )
    es.indices.refresh(index=settings.index_alias)
    return es, settings, caplog


def _ids(es, settings, query: str) -> set[str]:
    return {h.id for h in search(es, settings.index_alias, SearchRequest(query=query, size=50)).hits}


def test_body_and_lead_use_the_english_analysis_with_no_fallback_warning(indexed):
    es, settings, caplog = indexed
    name = es_index.alias_target(es, settings.index_alias)
    props = es.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    for field in ("body", "lead", "entity_names"):
        assert props[field] == {"type": "text", "analyzer": "news_english", "search_analyzer": "news_english_search"}
    assert not [r for r in caplog.records if "standard" in r.getMessage()]


def test_english_analyzer_is_elasticsearchs_documented_definition(indexed):
    """The prebuilt english analyzer gives the tokens of its documented rebuild (Elasticsearch reference,
    "Language analyzers", english): possessive stemmer, lowercase, _english_ stop words, Porter stemmer."""
    es, _, _ = indexed
    text = "North Korea’s negotiators were running the negotiations; the U.S. and Britain’s sanctions"
    prebuilt = [t["token"] for t in es.indices.analyze(analyzer="english", text=text)["tokens"]]
    rebuilt = es.indices.analyze(
        tokenizer="standard",
        filter=[
            {"type": "stemmer", "language": "possessive_english"},
            "lowercase",
            {"type": "stop", "stopwords": "_english_"},
            {"type": "keyword_marker", "keywords": ["example"]},
            {"type": "stemmer", "language": "english"},
        ],
        text=text,
    )
    assert prebuilt == [t["token"] for t in rebuilt["tokens"]]
    # checked by hand against Porter's algorithm: negotiators -> negoti, running -> run, sanctions -> sanction
    assert prebuilt == ["north", "korea", "negoti", "were", "run", "negoti", "u.", "britain", "sanction"]


def test_stemming_and_possessives(indexed):
    es, settings, _ = indexed
    assert _ids(es, settings, "sanction") == _ids(es, settings, "sanctions") == {"sanction", "sanctions"}
    assert _ids(es, settings, "North Korea's") == _ids(es, settings, "North Korea") >= {"possessive", "plain-name"}


def test_ampersand_names_find_the_company_and_not_the_decoy(indexed):
    es, settings, _ = indexed
    for query in ("AT&T", "AT & T", "ATT", "at&t", '"AT & T"'):
        assert _ids(es, settings, query) == {"att", "att-spaced"}, query


def test_us_and_u_s_find_each_other_and_not_the_pronoun(indexed):
    es, settings, _ = indexed
    assert _ids(es, settings, "US") == _ids(es, settings, "U.S.") == {"us-dotted", "us-plain"}
    assert "us-pronoun" in _ids(es, settings, "us")  # a lower-case word is the word


def test_apostrophes_and_hyphens(indexed):
    es, settings, _ = indexed
    assert _ids(es, settings, "O'Donnell") == _ids(es, settings, "O’Donnell") == {"straight", "curly"}
    assert _ids(es, settings, "e-mail") == _ids(es, settings, "email") == {"e-mail", "email"}
    assert _ids(es, settings, "mail") == {"e-mail"}  # the parts of a joined word stay searchable
    # a name written with and without its hyphen, also inside a longer compound
    assert _ids(es, settings, "al-Qaeda") == _ids(es, settings, "al Qaeda") == {"qaeda-linked", "qaeda-spaced"}
    assert _ids(es, settings, '"al-Qaeda commander"') == {"qaeda-spaced"}


def test_highlight_covers_the_whole_name(indexed):
    es, settings, _ = indexed
    hits = search(es, settings.index_alias, SearchRequest(query="AT&T")).hits
    fragments = {h.id: h.highlight["body"] for h in hits}
    assert fragments["att"] == ["<em>AT&T</em> agreed on Monday to buy Time Warner, the phone company said."]
    assert fragments["att-spaced"] == ["Shares of <em>AT & T</em> rose 2 percent in New York."]
    hits = search(es, settings.index_alias, SearchRequest(query="US")).hits
    fragments = {h.id: h.highlight["body"][0] for h in hits}
    assert sorted(fragments) == ["us-dotted", "us-plain"]
    assert fragments["us-dotted"].startswith("<em>U.S</em>. officials met")  # the tokenizer leaves the final dot out
    assert fragments["us-plain"].startswith("<em>US</em> troops left")


def test_entities_and_aliases_match(indexed):
    es, settings, _ = indexed
    # the article names him once and says "the Treasury secretary" otherwise: it still matches by its entity
    assert _ids(es, settings, "Mnuchin") == {"treasury"}
    assert _ids(es, settings, "Steven Mnuchin") == {"treasury"}
    # an alias finds the canonical name's articles: in the text, or only in entities (pyongyang)
    assert _ids(es, settings, "DPRK") == {"possessive", "plain-name", "pyongyang"}
    assert _ids(es, settings, "DPRK missile") == {"possessive", "plain-name", "pyongyang"}


def test_an_existing_index_keeps_its_analysis_until_reindexed(isolated_env, caplog):
    settings = get_settings()
    es = es_index.connect(settings)
    name = es_index.new_index_name(settings.index_alias)
    es.indices.create(index=name, mappings=es_index.article_mapping("standard"), aliases={settings.index_alias: {}})
    es.index(index=name, id="s", document={"source": "t", "source_path": "s.txt", "body": "New sanctions were imposed."}, refresh=True)
    with caplog.at_level(logging.WARNING, logger="etl.index"):
        assert es_index.ensure_index(es, settings) == name
    assert "keeps the 'standard' analysis" in caplog.text and "newsetl reindex" in caplog.text
    mapping = es.indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["properties"]["body"] == {"type": "text", "analyzer": "standard"}
    assert "entity_names" not in mapping["properties"]
    # searches still work on it, with its own analysis: no stemming there
    assert _ids(es, settings, "sanctions") == {"s"} and _ids(es, settings, "sanction") == set()
