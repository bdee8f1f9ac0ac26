"""The search request body and the query-syntax check, without a node."""

import datetime as dt

import pytest

from etl.errors import NewsEtlError
from etl.search import (
    QuerySyntaxError,
    Relevance,
    SearchRequest,
    build_body,
    check_query_syntax,
    expand_aliases,
    snippet_markup,
    text_query,
)


@pytest.mark.parametrize("query", ['"unbalanced', 'north "korea', "(a | b", "a)", '"a" "b'])
def test_malformed_queries_are_refused(query):
    with pytest.raises(QuerySyntaxError):
        check_query_syntax(query)


@pytest.mark.parametrize("query", ['"North Korea" sanctions', "(a | b) -c", 'say \\"hi', '"a (b"', "sanctions*"])
def test_well_formed_queries_pass(query):
    check_query_syntax(query)  # no exception


def test_unclosed_quote_message_names_the_position():
    with pytest.raises(QuerySyntaxError, match="double quote at position 7 is never closed"):
        check_query_syntax('north "korea')


def test_user_text_goes_through_simple_query_string_only():
    body = build_body(SearchRequest(query="sanctions"), Relevance(lead_boost=2, entity_boost=1))
    must = body["query"]["bool"]["must"]
    assert must == [
        {"simple_query_string": {"query": "sanctions", "fields": ["lead^2", "body", "entity_names"], "default_operator": "and"}}
    ]
    assert "query_string" not in str(body).replace("simple_query_string", "")


def test_plain_words_also_count_as_a_phrase():
    clause = text_query('North Korea\'s "nuclear program" -Iran', Relevance(lead_boost=2, phrase_boost=1, phrase_slop=2))
    assert clause["bool"]["must"][0]["simple_query_string"]["query"] == 'North Korea\'s "nuclear program" -Iran'
    assert clause["bool"]["should"] == [
        {"multi_match": {"query": "North Korea's nuclear program", "type": "phrase", "fields": ["lead^2", "body"], "slop": 2, "boost": 1}}
    ]
    # one word: no phrase clause
    assert text_query("sanctions", Relevance(phrase_boost=1)) == {
        "simple_query_string": {"query": "sanctions", "fields": ["lead^2", "body"], "default_operator": "and"}
    }


@pytest.mark.parametrize(
    ("query", "expanded"),
    [
        ("DPRK missile tests", '(DPRK | "North Korea") missile tests'),
        ("the U.S. embassy", '(the U.S. | "United States") embassy'),
        ("US troops", '(US | "United States") troops'),
        ("Burma junta", '(Burma | "Myanmar") junta'),
        ("UN peacekeepers", '(UN | "United Nations") peacekeepers'),
        ("Holland floods", '(Holland | "Netherlands") floods'),
        # not aliases: the pronoun, a word in capitals that is its own name, a possessive, words already canonical
        ("let us go", "let us go"),
        ("Us", "Us"),
        ("MOSCOW talks", "MOSCOW talks"),
        ("North Korea's nuclear", "North Korea's nuclear"),
        ("Iran sanctions", "Iran sanctions"),
        # operators and phrases are left alone
        ('"DPRK" -DPRK (DPRK | Iran)', '"DPRK" -DPRK (DPRK | Iran)'),
    ],
)
def test_entity_aliases_are_expanded_to_their_canonical_name(query, expanded):
    assert expand_aliases(query) == expanded


def test_empty_query_is_match_all_without_highlight():
    body = build_body(SearchRequest())
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert "highlight" not in body


def test_mentions_interval_is_half_open_intersects_dates_and_holds_periods():
    body = build_body(SearchRequest(mentions_from=dt.date(2017, 11, 1), mentions_to=dt.date(2017, 11, 30)))
    assert {"bool": {"should": [
        {"range": {"mentioned_dates": {"gte": "2017-11-01", "lt": "2017-12-01", "relation": "intersects"}}},
        {"range": {"mentioned_periods": {"gte": "2017-11-01", "lt": "2017-12-01", "relation": "within"}}},
    ], "minimum_should_match": 1}} in body["query"]["bool"]["filter"]
    assert body["aggs"]["mentioned_month"]["date_histogram"]["hard_bounds"] == {"min": "2017-11", "max": "2017-11"}
    assert body["aggs"]["mentioned_year"]["date_histogram"] == {
        "field": "mentioned_periods", "calendar_interval": "year", "format": "yyyy", "min_doc_count": 1,
        "hard_bounds": {"min": "2017", "max": "2017"},
    }


def test_zero_facets_asks_for_no_aggregation():
    assert "aggs" not in build_body(SearchRequest(query="sanctions", facet_size=0))
    assert set(build_body(SearchRequest(facet_size=1))["aggs"]) >= {"entities.person", "mentioned_month", "mentioned_year"}


def test_published_to_includes_the_whole_day():
    body = build_body(SearchRequest(published_to=dt.date(2017, 12, 27)))
    assert {"range": {"published": {"lt": "2017-12-28"}}} in body["query"]["bool"]["filter"]


def test_entity_values_are_canonicalized():
    body = build_body(SearchRequest(entities={"gpe": ["DPRK", "the United States"]}))
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"entities.gpe": {"value": "North Korea", "case_insensitive": True}}} in filters
    assert {"term": {"entities.gpe": {"value": "United States", "case_insensitive": True}}} in filters


def test_paging_and_sort():
    body = build_body(SearchRequest(size=20, page=3, sort="published"))
    assert (body["from"], body["size"]) == (40, 20)
    assert body["sort"] == [{"published": "desc"}, {"source_path": "asc"}]
    with pytest.raises(NewsEtlError, match="past the first 10000 hits"):
        build_body(SearchRequest(size=100, page=101))


def test_reversed_interval_is_an_error():
    with pytest.raises(NewsEtlError, match="before the start date"):
        build_body(SearchRequest(published_from=dt.date(2017, 12, 2), published_to=dt.date(2017, 12, 1)))


def test_snippet_markup_marks_matches_and_escapes_the_rest():
    assert snippet_markup(["UN <em>sanctions</em> [act of war]"]) == "UN [bold yellow]sanctions[/] \\[act of war]"


def test_month_facets_show_the_busiest_months_in_calendar_order_and_say_how_many_more():
    from etl.cli import facet_cell

    months = [{"key": "1917-01", "count": 1}, {"key": "1997-03", "count": 9}, {"key": "1997-04", "count": 4},
              {"key": "1997-05", "count": 9}, {"key": "1998-01", "count": 2}]
    assert facet_cell("mentioned_month", months, 3) == (
        "1997-03 (9), 1997-04 (4), 1997-05 (9) [dim](+2 more months; --json lists all)[/]"
    )
    assert facet_cell("mentioned_month", months, 5) == "1917-01 (1), 1997-03 (9), 1997-04 (4), 1997-05 (9), 1998-01 (2)"
    people = [{"key": "Boris Yeltsin", "count": 3}, {"key": "Bill Clinton", "count": 2}]
    assert facet_cell("entities.person", people, 1) == "Boris Yeltsin (3), Bill Clinton (2)"  # terms come cut by Elasticsearch


# --------------------------------------------------------------------------- query limits (issue 14)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # the examples: a 12,000-word query, 20,000 nested parentheses
        (" ".join(["sanctions"] * 12_000), "query too large: 119,999 characters (the limit is 4,096 characters): 'sanctions sanctions"),
        ("(" * 20_000 + "x" + ")" * 20_000, "query too large: 40,001 characters (the limit is 4,096 characters): '(((("),
        # more of the kind, each beyond one limit only
        (" ".join(["a"] * 1_500), "query too large: 1,500 words (the limit is 1,024 words): 'a a a"),
        ("(" * 21 + "korea" + ")" * 21, "query too large: parentheses nested 21 deep (the limit is 20 levels): '((((("),
        ("x" * 4_097, "query too large: 4,097 characters (the limit is 4,096 characters): 'xxxx"),
    ],
)
def test_oversized_queries_are_refused_before_anything_is_built(query, message):
    from etl.search import QueryTooLargeError, check_query_limits

    with pytest.raises(QueryTooLargeError) as exc:
        check_query_limits(query)
    line = str(exc.value)
    assert line.startswith(message)
    assert "\n" not in line
    shown = line.split("): ", 1)[1]
    assert len(shown) <= 80 + 3  # the first 80 characters, quoted, and an ellipsis


@pytest.mark.parametrize(
    "query",
    [
        "(" * 20 + "korea" + ")" * 20,  # at the depth limit
        '"((((((((((((((((((((((((" sanctions',  # parentheses inside a phrase do not nest
        " ".join(["sanctions"] * 400),  # 3,999 characters, 400 words
        "\\(" * 30 + "x",  # escaped parentheses do not nest
    ],
)
def test_queries_within_the_limits_pass(query):
    from etl.search import check_query_limits

    check_query_limits(query)


def test_malformed_query_messages_show_at_most_80_characters():
    query = '"' + "x" * 1_000
    with pytest.raises(QuerySyntaxError) as exc:
        check_query_syntax(query)
    assert "x" * 81 not in str(exc.value)


def test_country_filter_takes_codes_and_names_any_of_which_matches():
    body = build_body(SearchRequest(countries=["kp", "South Korea", "DPRK"]))
    should = [{"term": {"countries": {"value": c, "case_insensitive": True}}} for c in ("KP", "KR", "KP")]
    assert {"bool": {"should": should, "minimum_should_match": 1}} in body["query"]["bool"]["filter"]
    assert body["aggs"]["countries"] == {"terms": {"field": "countries", "size": 10}}
    with pytest.raises(NewsEtlError, match="--country 'Atlantis': not an ISO 3166-1 alpha-2 code"):
        build_body(SearchRequest(countries=["Atlantis"]))
