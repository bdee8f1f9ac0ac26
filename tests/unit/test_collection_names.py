"""etl/collection_names.py: person names merged across articles, on hand-made collections."""

from etl.collection_names import Merges, apply_aliases, collection_aliases, parse_alias, stored_aliases, year_tables


def test_middle_names_and_initials_merge_through_the_articles_evidence():
    # tbaq-seeds: one article writes James C. Kopp and James Kopp, another James Charles Kopp and James Kopp
    evidence = {"James Kopp": {"James C. Kopp", "James Charles Kopp"}}
    names = ["James Kopp", "James C. Kopp", "James Charles Kopp", "Barnett Slepian"]
    assert collection_aliases(evidence, names).names == {
        "James Kopp": "James Charles Kopp", "James C. Kopp": "James Charles Kopp",
    }
    # without the evidence the collection proves nothing: no merge
    assert collection_aliases({}, names) == Merges({}, {})


def test_no_merge_when_two_full_names_compete_or_the_middle_names_differ():
    # George Bush folded into George W. Bush in one article and George H. W. Bush in another
    evidence = {"George Bush": {"George W. Bush", "George H. W. Bush"}, "Bush": {"George W. Bush"}}
    names = ["George Bush", "George W. Bush", "George H. W. Bush", "Bush"]
    titles = ["President George W. Bush", "President George H. W. Bush", "President Bush"]
    assert collection_aliases(evidence, names, titles) == Merges({}, {})  # W. is not H. W.; two presidents Bush
    # Gonzalez: Elian, Juan Miguel and Lazaro Gonzalez are all in the collection
    evidence = {"Gonzalez": {"Juan Miguel Gonzalez"}}
    names = ["Gonzalez", "Elian Gonzalez", "Juan Miguel Gonzalez", "Lazaro Gonzalez"]
    assert collection_aliases(evidence, names, ["Mr Gonzalez"]) == Merges({}, {})


def test_only_a_names_end_and_well_formed_names_are_candidates():
    # Aung San is his daughter's name's start and a whole name himself; "Tony Blair - Sun" is a bad span
    evidence = {"Aung San": {"Aung San Suu Kyi"}, "Tony Blair": {"Tony Blair - Sun"}, "Bin Laden": {"Osama bin Laden"}}
    names = ["Aung San", "Aung San Suu Kyi", "Tony Blair", "Tony Blair - Sun", "Bin Laden", "Osama bin Laden"]
    assert collection_aliases(evidence, names).names == {"Bin Laden": "Osama bin Laden"}
    # a one-word name merges only into a name it ends: "Elian" is a given name
    assert collection_aliases({"Elian": {"Elian Gonzalez"}}, ["Elian", "Elian Gonzalez"], ["Mr Elian"]) == Merges({}, {})


def test_a_one_word_name_merges_only_as_titled_into_a_name_written_with_that_title():
    evidence = {"Clinton": {"Bill Clinton"}}
    names = ["Clinton", "Bill Clinton", "Hillary Clinton"]
    titles = ["President Bill Clinton", "Sen Hillary Clinton", "President Clinton", "administration Clinton", "Mrs Clinton"]
    merges = collection_aliases(evidence, names, titles)
    # President and the administration's head: Bill; Mrs. fits both full names: no merge
    assert merges.titled == {("President", "Clinton"): "Bill Clinton", ("administration", "Clinton"): "Bill Clinton"}
    assert apply_aliases(["Clinton", "Janet Reno"], merges, ["President Clinton"]) == ["Bill Clinton", "Janet Reno"]
    assert apply_aliases(["Clinton"], merges) == ["Clinton"]  # "the Clinton family": no title
    assert apply_aliases(["Clinton"], merges, ["Mrs Clinton"]) == ["Clinton"]
    assert apply_aliases(["Bill Clinton", "Clinton"], merges, ["Pres Clinton"]) == ["Bill Clinton"]  # AP's "Pres."


def test_articles_merge_only_with_the_collections_articles_of_their_time():
    # "President Bush" in 1990 (George H. W. Bush, never named in full here) and George W. Bush in 2006
    evidence = {("Bush", "George W. Bush"): {2006}}
    names = {"Bush": {1990, 2006}, "George W. Bush": {2006}}
    titles = {"President Bush": {1990, 2006}, "President George W. Bush": {2006}}
    tables = year_tables(evidence, names, titles, {1990, 2006})
    assert tables[2006].titled == {("President", "Bush"): "George W. Bush"}
    assert tables[1990] == Merges({}, {})
    # within a year of each other, the evidence counts (Kopp: articles of 1998-11 and 1999-05)
    tables = year_tables({("James Kopp", "James Charles Kopp"): {1998}}, {"James Kopp": {1999}, "James Charles Kopp": {1998}}, {}, {1999})
    assert tables[1999].names == {"James Kopp": "James Charles Kopp"}


def test_stored_aliases_round_trip():
    assert stored_aliases([("James Kopp", "James Charles Kopp")]) == ["James Kopp => James Charles Kopp"]
    assert parse_alias("James Kopp => James Charles Kopp") == ("James Kopp", "James Charles Kopp")
    assert parse_alias("no separator") is None


def test_a_title_is_spelled_in_full_and_as_its_ap_abbreviations():
    from etl.collection_names import title_spellings

    assert title_spellings("Senator") == {"Senator", "Sen"}
    assert title_spellings("President") == {"President", "Pres"}
    assert title_spellings("Mr") == {"Mr"}
