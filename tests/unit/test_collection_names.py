"""etl/collection_names.py: person names merged across articles, on hand-made collections."""

from etl.collection_names import apply_aliases, collection_aliases, parse_alias, stored_aliases


def test_middle_names_and_initials_merge_through_the_articles_evidence():
    # tbaq-seeds: one article writes James C. Kopp and James Kopp, another James Charles Kopp and James Kopp
    evidence = {"James Kopp": {"James C. Kopp", "James Charles Kopp"}}
    names = ["James Kopp", "James C. Kopp", "James Charles Kopp", "Barnett Slepian"]
    assert collection_aliases(evidence, names) == {
        "James Kopp": "James Charles Kopp", "James C. Kopp": "James Charles Kopp",
    }
    # without the evidence the collection proves nothing: no merge
    assert collection_aliases({}, names) == {}


def test_no_merge_when_two_full_names_compete_or_the_middle_names_differ():
    # George Bush folded into George W. Bush in one article and George H. W. Bush in another
    evidence = {"George Bush": {"George W. Bush", "George H. W. Bush"}, "Bush": {"George W. Bush"}}
    names = ["George Bush", "George W. Bush", "George H. W. Bush", "Bush"]
    assert collection_aliases(evidence, names) == {}  # W. is not H. W.; Bush has two candidates
    # Gonzalez: Elian, Juan Miguel and Lazaro Gonzalez are all in the collection
    evidence = {"Gonzalez": {"Juan Miguel Gonzalez"}}
    names = ["Gonzalez", "Elian Gonzalez", "Juan Miguel Gonzalez", "Lazaro Gonzalez"]
    assert collection_aliases(evidence, names) == {}


def test_only_a_names_end_and_well_formed_names_are_candidates():
    # Aung San is his daughter's name's start and a whole name himself; "Tony Blair - Sun" is a bad span
    evidence = {"Aung San": {"Aung San Suu Kyi"}, "Tony Blair": {"Tony Blair - Sun"}, "Bin Laden": {"Osama bin Laden"}}
    names = ["Aung San", "Aung San Suu Kyi", "Tony Blair", "Tony Blair - Sun", "Bin Laden", "Osama bin Laden"]
    assert collection_aliases(evidence, names) == {"Bin Laden": "Osama bin Laden"}
    # a one-word name merges only into a name it ends: "Elian" is a given name
    assert collection_aliases({"Elian": {"Elian Gonzalez"}}, ["Elian", "Elian Gonzalez"]) == {}


def test_a_one_word_name_is_replaced_only_where_the_article_titles_it():
    aliases = collection_aliases({"Clinton": {"Bill Clinton"}}, ["Clinton", "Bill Clinton"])
    assert aliases == {"Clinton": "Bill Clinton"}
    assert apply_aliases(["Clinton", "Janet Reno"], aliases, titled=["Clinton"]) == ["Bill Clinton", "Janet Reno"]
    assert apply_aliases(["Clinton"], aliases) == ["Clinton"]  # "the Clinton family": no title
    assert apply_aliases(["Bill Clinton", "Clinton"], aliases, ["Clinton"]) == ["Bill Clinton"]  # distinct


def test_stored_aliases_round_trip():
    assert stored_aliases([("James Kopp", "James Charles Kopp")]) == ["James Kopp => James Charles Kopp"]
    assert parse_alias("James Kopp => James Charles Kopp") == ("James Kopp", "James Charles Kopp")
    assert parse_alias("no separator") is None
