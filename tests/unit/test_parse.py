"""etl/parse.py: the seed format -> ParsedArticle, on real article text.

Snippets are copied (shortened at paragraph ends) from ../shared/corpora: TBAQ
(TimeBank 1.2 + AQUAINT) and TE3-silver seed files; the file each comes from is
named above it. Expected values were checked by hand against the files.
"""

import datetime as dt

import pytest

from etl.errors import ParseError
from etl.models import ParsedArticle
from etl.parse import canonical_agency, find_dateline, parse_article, split_sentences
from tests.conftest import SEED_FILE

SEED_LEAD = (
    "Russian Foreign Minister Sergei Lavrov on Tuesday (Wednesday in Manila) discussed North Korea’s"
    " nuclear program with US Secretary of State Rex Tillerson, stressing the need to start a"
    " negotiations process."
)

# TBAQ APW19980807.0261: AP dateline standing alone as the first paragraph.
AP_NAIROBI = (
    " date 1998-08-07 NAIROBI, Kenya (AP) _\n"
    "\n"
    "Suspected bombs exploded outside the U.S. embassies in the Kenyan and Tanzanian capitals Friday,"
    " killing dozens of people, witnesses said.\n"
    "\n"
    "The American ambassador to Kenya was among hundreds injured, a local TV said.\n"
    "\n"
    "``It was definitely a bomb,'' said a U.S. Embassy official in Nairobi, who refused to identify"
    " himself. ``You can see a huge crater behind the building, and a bomb went off at the embassy in"
    " Tanzania at the same time,'' he said.\n"
)

# TBAQ APW19980213.1310: "(AP)_" glued to the first sentence, one long paragraph.
AP_CANBERRA = (
    " date 1998-02-13 CANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty to the British"
    " royal family, a constitutional convention voted overwhelmingly Friday to make Australia a republic"
    " under its own president. Prime Minister John Howard, a monarchist himself, promised to put the"
    " question to a national referendum next year after convention delegates voted 89-52 for a republic,"
    " with 11 abstentions.\n"
)

# TBAQ XIE19990210.0079: Xinhua dateline with a date between place and credit.
XINHUA_BRUSSELS = (
    " date 1999-02-10 BRUSSELS, February 10 (Xinhua) --\n"
    "\n"
    "The North Atlantic Treaty Organization (NATO) has decided to admit Poland, Hungary and the Czech"
    " Republic in early March, an official from the organization said on Wednesday.\n"
    "\n"
    "The official said that the accession was planned for early March, but no exact date was fixed yet.\n"
    "\n"
    "Also applying for NATO membership are Romania, Slovenia, Latvia, Estonia, Lithuania and Bulgaria.\n"
)

# TBAQ NYT19990312.0271: New York Times dateline with a state abbreviation, no credit.
NYT_INDEPENDENCE = (
    " date 1999-03-12 INDEPENDENCE, Mo. _ The North Atlantic Treaty Organization embraced three of its"
    " former rivals, the Czech Republic, Hungary and Poland on Friday, formally ending the Soviet"
    " domination of those nations that began after World War II and opening a new path for the military"
    " alliance.\n"
    "\n"
    "In a ceremony tinged with the personal and the emotional at the Truman Presidential Library here,"
    " Secretary of State Madeleine Albright watched the foreign ministers of the three countries sign the"
    " documents of accession to the alliance, signed them herself and then held them aloft like a"
    " victory trophy.\n"
)

# TBAQ APW19990312.0251: the same place in AP style, upper-case state, credit glued to "--".
AP_INDEPENDENCE = (
    " date 1999-03-12 INDEPENDENCE, MO. (AP)--\n"
    "\n"
    "Poland, Hungary and the Czech Republic today became full-fledged members of NATO, less than a"
    " decade after exchanging communist rule for democracy and shedding their Cold War military ties to"
    " the Soviet Union.\n"
)

# TBAQ wsj_0675: an upper-case start that is not a dateline (no separator).
WSJ_PROGRAM_TRADING = (
    " date 1989-10-30 PROGRAM TRADING is being curbed by more securities firms, but big institutional"
    " investors are expected to continue the practice, further roiling the stock market. Bowing to"
    " criticism, Bear Stearns, Morgan Stanley and Oppenheimer joined PaineWebber in suspending"
    " stock-index arbitrage trading for their own accounts.\n"
)

# TBAQ wsj_0762: company name, city and state, not a dateline; abbreviations in the lead.
WSJ_CAMBREX = (
    " date 1989-10-27 CAMBREX Corp., Bayonne, N.J., declared its initial quarterly of five cents a share,"
    " payable Dec. 1 to stock of record Nov. 10. The maker of specialty chemicals has about 5.9 million"
    " shares outstanding.\n"
)

# TBAQ wsj_1040: "Ltd." and "Nov. 17." inside / at the end of the lead.
WSJ_ONEIDA = (
    " date 1989-10-26 ONEIDA Ltd. declared a 10% stock dividend, payable Dec. 15 to stock of record"
    " Nov. 17. The Oneida, N.Y., maker of consumer, food-service and industrial products also declared a"
    " quarterly cash dividend of 12 cents a share, with the same payable and record dates.\n"
)

# TE3-silver AFP_ENG_19970411.0145: no dateline, trailing agency line.
AFP_NO_DATELINE = (
    " date 1997-04-11 Share prices rebounded 0.9 percent on the Korea Stock Exchange on Friday, with"
    " buying interest emerging on undervalued stocks after a short correction, dealers said.\n"
    "\n"
    '"Investors returned to the market after a correction, with individual stocks with respective'
    ' themes at the centre of buying activity," Cho Hung Securities analyst Choi Youn-Gun said.\n'
    "\n"
    "The composite index gained 5.90 points to finish at 693.94.\n"
    "\n"
    "AFP\n"
)

# TE3-silver AFP_ENG_20051203.0004 (whole file): no dateline, no agency line.
AFP_BARE = (
    " date 2005-12-03 Israeli soldiers shot dead two Palestinians in the Gaza Strip early Saturday,"
    " Palestinian security officials said.\n"
)

# TE3-silver AFP_ENG_20061226.0239 (start and end): short last lines that are no agency.
AFP_RESULTS = (
    " date 2006-12-26 English Premiership results on Tuesday:\n"
    "\n"
    "Chelsea 2 (Drogba 38, 72) Reading 2 (Lita 67, Essien 85-og)\n"
    "\n"
    "Playing later (1500 GMT unless stated)\n"
    "\n"
    "Watford v Arsenal (1730)\n"
    "\n"
    "Wednesday\n"
    "\n"
    "Charlton v Fulham\n"
)

# TE3-silver XIN_ENG_20051114.0007: "PLACE:" prefix, headline, byline, then the real dateline.
XINHUA_HEADLINE_BYLINE = (
    " date 2005-11-14 BANGKOK: Nation cuddles Olympic mascots\n"
    "\n"
    "By Zhou Yan\n"
    "\n"
    "BEIJING, Nov. 14 (Xinhua) -- A panda cub waited for 10 weeks to get a name. Newborn babies are"
    " named after them. Anxious buyers thronged department stores for cuddly stuffed toys.\n"
    "\n"
    "Bei Bei, Jing Jing, Huan Huan, Ying Ying and Ni Ni won the hearts of the entire Chinese nation at"
    " the very instant they were unveiled as mascots of the 2008 summer Olympiad to be held in Beijing.\n"
    "\n"
    "Xinhua\n"
)

# TE3-silver XIN_ENG_20051111.0316 (first paragraph): a second dateline right after the first.
XINHUA_DOUBLE_DATELINE = (
    " date 2005-11-12 BEIJING: WASHINGTON, Nov. 11 (Xinhua)-- US President George W. Bush on Friday had"
    " a telephone discussion with Australian Prime Minister John Howard over Iraq's upcoming elections"
    " and the agenda for the Asia-Pacific Economic Cooperation (APEC) informal economic leaders' meeting"
    " scheduled for November 18-19, the White House said.\n"
)

# TE3-silver XIN_ENG_20051119.0061 (excerpt): upper-case subheadings.
XINHUA_SUBHEADINGS = (
    " date 2005-11-19 NAIROBI: After several weeks of highly charged, divisive campaigns between those"
    " supporting the new constitution and those against, Kenyans will finally vote in the referendum this"
    " coming Monday.\n"
    "\n"
    '"Even our officers may take sides. The dead might vote. Double voting might take place. That\'s'
    ' why we want agents everywhere," said Kivuitu.\n'
    "\n"
    "REFERENDUM UNDER DISPUTE\n"
    "\n"
    "The referendum campaigns have been marked by tribalism, belligerent rhetoric, sporadic violence and"
    " the deaths of at least eight people.\n"
    "\n"
    "TEST FOR GOVERNMENT\n"
    "\n"
    "Analysts say the campaign could be a defining moment for Kibaki 's ruling National Rainbow"
    " Coalition (NARC).\n"
    "\n"
    "Xinhua\n"
)

# TBAQ NYT20000601.0442: "(Undated)" in the dateline slot.
NYT_UNDATED = (
    " date 2000-06-01 (Undated)\n"
    "\n"
    "Elian Gonzalez will remain in the United States for at least two more weeks even after a federal"
    " appeals court Thursday refused to order a political asylum hearing for the fought-over Cuban"
    " child.\n"
)


def parsed(text: str) -> ParsedArticle:
    article = parse_article(text)
    for para in article.paragraphs:  # invariants of every parse
        assert para in article.body
    for heading in article.subheadings:
        assert heading in article.paragraphs
    assert article.lead in article.body.replace("\n", " ")
    return article


# --------------------------------------------------------------------------- the seed


def test_seed_document():
    a = parsed(SEED_FILE.read_text(encoding="utf-8"))
    assert a.published == dt.date(2017, 12, 27)
    assert a.dateline == "MOSCOW"
    assert a.agency == "AFP"
    assert a.subheadings == ["Sanctioned"]
    assert a.body.startswith("MOSCOW: Russian")
    assert not a.body.endswith("AFP")
    assert a.body.endswith("as they do not have to be filled with liquid fuel prior to launch.")
    assert a.lead == SEED_LEAD
    assert len(a.paragraphs) == 15
    assert a.paragraphs[0] == "MOSCOW: " + SEED_LEAD
    assert a.paragraphs[8] == "Sanctioned"


def test_seed_with_crlf_and_padding_parses_the_same():
    raw = SEED_FILE.read_text(encoding="utf-8")
    messy = "\r\n" + raw.replace("\n", "  \r\n").replace("MOSCOW: ", "MOSCOW:\u00a0 ") + "\r\n\r\n"
    assert parse_article(messy) == parse_article(raw)


# --------------------------------------------------------------------------- datelines


def test_ap_dateline_alone_in_first_paragraph():
    a = parsed(AP_NAIROBI)
    assert a.published == dt.date(1998, 8, 7)
    assert a.dateline == "NAIROBI, Kenya"
    assert a.agency == "AP"  # from the credit: there is no agency line
    assert a.paragraphs[0] == "NAIROBI, Kenya (AP) _"
    assert a.lead == (
        "Suspected bombs exploded outside the U.S. embassies in the Kenyan and Tanzanian capitals Friday,"
        " killing dozens of people, witnesses said."
    )
    assert a.subheadings == []
    assert a.body.endswith("at the same time,'' he said.")


def test_ap_credit_glued_to_separator():
    a = parsed(AP_CANBERRA)
    assert (a.dateline, a.agency) == ("CANBERRA, Australia", "AP")
    assert a.lead == (
        "Turning its back on 210 years of loyalty to the British royal family, a constitutional convention"
        " voted overwhelmingly Friday to make Australia a republic under its own president."
    )


def test_xinhua_dateline_with_date():
    a = parsed(XINHUA_BRUSSELS)
    assert a.dateline == "BRUSSELS"  # "February 10" is not part of the dateline
    assert a.agency == "Xinhua"
    assert a.lead == (
        "The North Atlantic Treaty Organization (NATO) has decided to admit Poland, Hungary and the Czech"
        " Republic in early March, an official from the organization said on Wednesday."
    )
    assert len(a.paragraphs) == 4


def test_nyt_dateline_with_state_abbreviation():
    a = parsed(NYT_INDEPENDENCE)
    assert a.dateline == "INDEPENDENCE, Mo."
    assert a.agency is None
    assert a.body.startswith("INDEPENDENCE, Mo. _ The North Atlantic")
    assert a.lead.startswith("The North Atlantic Treaty Organization embraced three of its former rivals,")
    assert a.lead.endswith("opening a new path for the military alliance.")


def test_ap_dateline_with_upper_case_state():
    a = parsed(AP_INDEPENDENCE)
    assert (a.dateline, a.agency) == ("INDEPENDENCE, MO.", "AP")
    assert a.lead.startswith("Poland, Hungary and the Czech Republic today became")


def test_all_caps_start_without_separator_is_no_dateline():
    a = parsed(WSJ_PROGRAM_TRADING)
    assert a.dateline is None
    assert a.lead == (
        "PROGRAM TRADING is being curbed by more securities firms, but big institutional investors are"
        " expected to continue the practice, further roiling the stock market."
    )


def test_company_city_state_is_no_dateline():
    a = parsed(WSJ_CAMBREX)
    assert a.dateline is None
    assert a.agency is None
    assert a.lead == (
        "CAMBREX Corp., Bayonne, N.J., declared its initial quarterly of five cents a share, payable Dec. 1"
        " to stock of record Nov. 10."
    )


def test_headline_and_byline_before_the_real_dateline():
    a = parsed(XINHUA_HEADLINE_BYLINE)
    assert a.dateline == "BANGKOK"  # as written at the very start (TE3-silver's prefix)
    assert a.agency == "Xinhua"
    assert a.lead == "A panda cub waited for 10 weeks to get a name."
    assert a.paragraphs[:2] == ["BANGKOK: Nation cuddles Olympic mascots", "By Zhou Yan"]
    assert a.subheadings == []


def test_second_dateline_is_not_part_of_the_lead():
    a = parsed(XINHUA_DOUBLE_DATELINE)
    assert a.dateline == "BEIJING"
    assert a.agency == "Xinhua"  # no agency line: the second dateline's credit
    assert a.lead.startswith("US President George W. Bush on Friday had a telephone discussion")
    assert a.lead.endswith("scheduled for November 18-19, the White House said.")


def test_undated_marker_gives_no_dateline():
    a = parsed(NYT_UNDATED)
    assert a.dateline is None
    assert a.lead.startswith("Elian Gonzalez will remain in the United States")


@pytest.mark.parametrize(
    ("start", "place", "agency"),
    [
        ("MOSCOW: Russian Foreign Minister", "MOSCOW", None),
        ("NAIROBI, Kenya (AP) _ Terrorist bombings", "NAIROBI, Kenya", "AP"),
        ("BRUSSELS, February 10 (Xinhua) -- The", "BRUSSELS", "Xinhua"),
        ("INDEPENDENCE, Mo. _ The North", "INDEPENDENCE, Mo.", None),
        ("HAVANA (AP ) -- Elian Gonzalez's father", "HAVANA", "AP"),  # TBAQ APW20000216.0193
        ("O'SMACH, Cambodia (AP)_ The top commander", "O'SMACH, Cambodia", "AP"),  # APW19980219.0476
        ("DAR ES SALAAM, Tanzania (AP) _", "DAR ES SALAAM, Tanzania", "AP"),
        ("THE HAGUE, Netherlands (AP)_ The World Court", "THE HAGUE, Netherlands", "AP"),
        ("MAR DEL PLATA, Argentina, Nov. 5 (Xinhua) -- The", "MAR DEL PLATA, Argentina", "Xinhua"),
        ("RAFAH, Gaza Strip, Nov. 25 (Xinhua) -- It is", "RAFAH, Gaza Strip", "Xinhua"),
        ("LUSAKA, Nov.3 (Xinhua) -- Total amounts", "LUSAKA", "Xinhua"),  # XIN_ENG_20061103.0165
        ("JAKARTA, Nov. 6 (Xinhua) --After it was delayed", "JAKARTA", "Xinhua"),  # XIN_ENG_20051105.0183
        ("HANOI, Nov. 27 (Xinhua) Vietnam is expected", "HANOI", "Xinhua"),  # XIN_ENG_20061127.0111
        ("Jerusalem, Nov. 1 (Xinhua) -- A spokesman", "Jerusalem", "Xinhua"),  # XIN_ENG_20061101.0038
        ("XI'AN: About 1,000 Buddhists held", "XI'AN", None),  # XIN_ENG_20051110.0249
        ("WASHINGTON _\n\nThe bombings at the American Embassies", "WASHINGTON", None),  # NYT19980907.0112
        ("LONDON (Reuters) - Britain's", "LONDON", "Reuters"),  # Reuters house style (not in the corpora)
    ],
)
def test_find_dateline(start, place, agency):
    d = find_dateline(start)
    assert d is not None
    assert (d.place, d.agency) == (place, agency)


@pytest.mark.parametrize(
    "start",
    [
        "PROGRAM TRADING is being curbed by more securities firms",  # wsj_0675
        "CAMBREX Corp., Bayonne, N.J., declared its initial quarterly",  # wsj_0762
        "MALAYSIA's aggressive move into the information age",  # APW19980501.0480
        "GOODY PRODUCTS Inc. cut its quarterly dividend",  # wsj_0068
        "HEALTHDYNE Inc., Atlanta, said its subsidiary",  # wsj_0806
        "BLOCKBUSTER ENTERTAINMENT CORP. said it raised $92 million",  # wsj_0811
        "APEC MINISTERS COMMITTED TO STRENGTHENING MULTILATERAL TRADING SYSTEM",  # XIN_ENG_20051116.0094
        "CNN headline news, I'm Sachi Koto.",  # CNN19980222.1130.0084
        "The New York Times said in an editorial on Monday, Oct. 26:",  # NYT19981025.0188
        "NOTE: corrects the date",
        "CHINA'S DEVELOPMENT: not a threat",
        "US STOCKS - Wall Street ends higher",  # a bare hyphen counts only after a known place (Reuters headline label)
        "FOREX - Dollar firms against the yen",
        "Apple (AAPL) - Shares rose",  # parentheses that are no agency credit
        "The talks (AP) - went on",  # a lower-case word is no place
        "(Undated)",
    ],
)
def test_look_alikes_are_not_datelines(start):
    assert find_dateline(start) is None


# --------------------------------------------------------------------------- agency


def test_agency_line_without_dateline():
    a = parsed(AFP_NO_DATELINE)
    assert a.dateline is None
    assert a.agency == "AFP"
    assert a.body.endswith("to finish at 693.94.")
    assert a.lead == (
        "Share prices rebounded 0.9 percent on the Korea Stock Exchange on Friday, with buying interest"
        " emerging on undervalued stocks after a short correction, dealers said."
    )


def test_no_dateline_no_agency_line():
    a = parsed(AFP_BARE)
    assert (a.dateline, a.agency, a.subheadings) == (None, None, [])
    assert a.body == a.lead == a.paragraphs[0] == (
        "Israeli soldiers shot dead two Palestinians in the Gaza Strip early Saturday, Palestinian"
        " security officials said."
    )


def test_short_last_line_is_not_an_agency():
    a = parsed(AFP_RESULTS)
    assert a.agency is None
    assert a.body.endswith("Wednesday\n\nCharlton v Fulham")
    assert a.lead == "English Premiership results on Tuesday:"
    assert a.subheadings == []  # results and fixtures are not headings


def test_agency_line_beats_the_credit():
    text = AP_NAIROBI.rstrip("\n") + "\n\nReuters\n"
    assert parse_article(text).agency == "Reuters"


@pytest.mark.parametrize(
    ("name", "usual"),
    [
        ("AFP", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("XINHUA", "Xinhua"),
        ("xinhua news agency", "Xinhua"),
        ("The Associated Press", "AP"),
        ("  AP ", "AP"),
        ("Reuters", "Reuters"),
        ("United Press International", "UPI"),
        ("ITAR-TASS", "TASS"),
        ("Charlton v Fulham", None),
    ],
)
def test_canonical_agency(name, usual):
    assert canonical_agency(name) == usual


@pytest.mark.parametrize("line", ["AFP", "Xinhua", "XINHUA", "(AP)", "Agence France-Presse", "UPI"])
def test_agency_line_spellings(line):
    a = parse_article(AFP_BARE + "\n" + line + "\n")
    assert a.agency == canonical_agency(line.strip("()"))
    assert a.body.endswith("security officials said.")


# --------------------------------------------------------------------------- subheadings


def test_upper_case_subheadings():
    a = parsed(XINHUA_SUBHEADINGS)
    assert a.subheadings == ["REFERENDUM UNDER DISPUTE", "TEST FOR GOVERNMENT"]
    assert a.dateline == "NAIROBI"
    assert a.agency == "Xinhua"


def test_byline_and_wrapped_fragments_are_not_subheadings():
    # TE3-silver AFP_ENG_19970429.0207: an advisory hard-wrapped into one-line paragraphs
    text = (
        " date 1997-04-29 LONDON: As Britain's general election campaign enters its final 48 hours we plan"
        " to file the following stories and portraits of leading figures:\n\n"
        "LONDON:     Despite their mutual hostility during the\n\n"
        "British election campaign, the ruling\n\n"
        "Conservatives and the main opposition Labour\n\n"
        "party have only one stark policy difference:\n\n"
        "constitutional reform.\n\n"
        "Britain-vote\n\n"
        "660 words moved\n\n"
        "by Jean-Louis Pany\n\n"
        "LONDON:     British opposition leader Tony Blair\n\n"
        "has managed to break the ruling Conservatives'\n\n"
    )
    a = parsed(text)
    assert a.paragraphs[1] == "LONDON: Despite their mutual hostility during the"  # spaces collapsed
    fragments = {"British election campaign, the ruling", "Conservatives and the main opposition Labour"}
    assert not fragments & set(a.subheadings)
    assert "by Jean-Louis Pany" not in a.subheadings
    assert "660 words moved" not in a.subheadings
    assert a.subheadings == ["Britain-vote"]  # the wire slug looks like a heading; left as is


# --------------------------------------------------------------------------- lead / sentences


def test_lead_keeps_abbreviations_together():
    a = parsed(WSJ_ONEIDA)
    assert a.lead == "ONEIDA Ltd. declared a 10% stock dividend, payable Dec. 15 to stock of record Nov. 17."


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_titles_initials_and_quotes():
    # TBAQ WSJ910225-0066
    text = (
        '"So far, the offensive is progressing with dramatic success," said a buoyant Gen. Norman'
        " Schwarzkopf, commander of U.S. forces. Similarly, while cautioning about the uncertainty of early"
        ' battle reports, White House spokesman Marlin Fitzwater said late yesterday that "the operation'
        ' has been very successful."'
    )
    assert spans(text) == [
        '"So far, the offensive is progressing with dramatic success," said a buoyant Gen. Norman'
        " Schwarzkopf, commander of U.S. forces.",
        "Similarly, while cautioning about the uncertainty of early battle reports, White House spokesman"
        ' Marlin Fitzwater said late yesterday that "the operation has been very successful."',
    ]


def test_sentences_state_abbreviation_ends_a_sentence_before_an_opener():
    # TBAQ APW19990206.0090
    text = (
        "Three times, doctors whose names appeared on the list were killed, most recently last October"
        " when Dr. Barnett Slepian was gunned down by sniper fire in his home outside Buffalo, N.Y. His"
        " name on the Web site was crossed out that same day."
    )
    assert len(spans(text)) == 2
    assert spans(text)[0].endswith("outside Buffalo, N.Y.")


def test_sentences_ptb_quotes_and_initials():
    # TBAQ APW19980807.0261 and APW19990506.0155
    assert spans(
        "``It was definitely a bomb,'' said a U.S. Embassy official in Nairobi, who refused to identify"
        " himself. ``You can see a huge crater behind the building,'' he said."
    ) == [
        "``It was definitely a bomb,'' said a U.S. Embassy official in Nairobi, who refused to identify"
        " himself.",
        "``You can see a huge crater behind the building,'' he said.",
    ]
    assert spans(
        "Federal and state arrest warrants were issued for James C. Kopp, 44, of St. Albans, Vt. His"
        " whereabouts are unknown."
    ) == [
        "Federal and state arrest warrants were issued for James C. Kopp, 44, of St. Albans, Vt.",
        "His whereabouts are unknown.",
    ]


def test_sentences_question_in_quotes_before_speech_verb():
    # TE3-silver AFP_ENG_19970429.0591
    text = (
        '"This was a surprise for us, it wasn\'t planned, but if it helps us speed up repatriations, why'
        ' not?" Gesulfo said. The United Nations faces a monumental task.'
    )
    assert spans(text) == [
        '"This was a surprise for us, it wasn\'t planned, but if it helps us speed up repatriations, why'
        ' not?" Gesulfo said.',
        "The United Nations faces a monumental task.",
    ]


def test_sentences_months_numbers_and_paragraph_breaks():
    # TE3-silver XIN_ENG_20051114.0007, XIN_ENG_20051126.0147 ("5. 3" as in the file),
    # XIN_ENG_20051115.0253 (shortened), AFP_ENG_19970401.0129 (a numbered table row)
    text = (
        "The cub was born on Aug. 30 but was never named, said zoologists with the Chengdu base.\n\n"
        "An earthquake with a magnitude of 5. 3 on the Richter scale shook Turkey's central province of"
        " Malatya on Saturday. No casualty was reported.\n\n"
        "Federer has already clinched the world No. 1 year-end ranking\n\n"
        "1. April 1997 Crown Leasing 1,060.00 finance"
    )
    assert spans(text) == [
        "The cub was born on Aug. 30 but was never named, said zoologists with the Chengdu base.",
        "An earthquake with a magnitude of 5. 3 on the Richter scale shook Turkey's central province of"
        " Malatya on Saturday.",
        "No casualty was reported.",
        "Federer has already clinched the world No. 1 year-end ranking",
        "1. April 1997 Crown Leasing 1,060.00 finance",
    ]


def test_sentences_empty():
    assert spans("") == []
    assert spans("  \n\n ") == []


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty text"),
        ("  \n\t\r\n  ", "empty text"),
        ("MOSCOW: Russian Foreign Minister Sergei Lavrov", "no ' date YYYY-MM-DD' header on the first line"),
        ("Title\n date 2017-12-27 MOSCOW: text", "no ' date YYYY-MM-DD' header on the first line"),
        (" date 12/11/2017 MOSCOW: text", "ambiguous date '12/11/2017'"),
        (" date 2017-13-45 MOSCOW: text", "impossible date '2017-13-45'"),
        (" date 2017-02-29 MOSCOW: text", "impossible date '2017-02-29'"),
        (" date 2017-12-27", "no body"),
        (" date 2017-12-27   \n\n  \n", "no body"),
        (" date 2017-12-27\n\nAFP\n", "no body"),
        (" date 1998-09-07 WASHINGTON _\n", "no article text after the dateline 'WASHINGTON'"),
    ],
)
def test_parse_errors(text, reason):
    with pytest.raises(ParseError, match=reason.replace("(", r"\(").replace(")", r"\)")) as exc:
        parse_article(text)
    assert "\n" not in str(exc.value)  # one line


def test_impossible_date_reason_names_the_date():
    with pytest.raises(ParseError) as exc:
        parse_article(" date 2017-13-45 MOSCOW: Russian Foreign Minister")
    assert "2017-13-45" in str(exc.value)


def test_header_without_leading_space_and_body_on_next_line():
    a = parse_article("date 2017-12-27\nMOSCOW: Russian Foreign Minister Sergei Lavrov spoke.")
    assert a.published == dt.date(2017, 12, 27)
    assert a.body == "MOSCOW: Russian Foreign Minister Sergei Lavrov spoke."
    assert a.dateline == "MOSCOW"


# --------------------------------------------------------------------------- header variants (issue 14)

BODY = "MOSCOW: Russian Foreign Minister Sergei Lavrov spoke on Tuesday."


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the examples
        (" date: 2017-12-27 " + BODY, dt.date(2017, 12, 27)),
        (" DATE: 2017-12-27\n" + BODY, dt.date(2017, 12, 27)),
        # any case, optional colon, alone on its line or followed by the text
        ("Date 2017-12-27 " + BODY, dt.date(2017, 12, 27)),
        (" dAtE:2017-12-27\n\n" + BODY, dt.date(2017, 12, 27)),
        (" date : 2017-12-27 " + BODY, dt.date(2017, 12, 27)),
        # one calendar day without doubt: ISO basic form, a named month, a numeric day above 12
        (" date 20171227 " + BODY, dt.date(2017, 12, 27)),
        (" date Dec. 27, 2017 " + BODY, dt.date(2017, 12, 27)),
        (" date Wednesday, 27 December 2017\n" + BODY, dt.date(2017, 12, 27)),
        (" date 27/12/2017 " + BODY, dt.date(2017, 12, 27)),
        (" date 12/27/2017 " + BODY, dt.date(2017, 12, 27)),
        (" date 05.05.2017 " + BODY, dt.date(2017, 5, 5)),  # the same day in either order
        (" date 2017/12/27 " + BODY, dt.date(2017, 12, 27)),
    ],
)
def test_header_variants(text, published):
    a = parsed(text)
    assert a.published == published
    assert a.dct == published
    assert (a.dateline, a.body) == ("MOSCOW", BODY)


@pytest.mark.parametrize(
    ("text", "published", "dct"),
    [
        # the example: published keeps the time stamp, the DCT is its local calendar date
        (" date 2017-12-27T08:30:00+01:00 ", dt.datetime(2017, 12, 27, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))), dt.date(2017, 12, 27)),
        # late evening west of UTC: already the 28th in UTC, still the 27th where it was written
        ("DATE: 2017-12-27T23:30-05:00\n", dt.datetime(2017, 12, 27, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))), dt.date(2017, 12, 27)),
        # just after midnight in Tokyo: the 27th in UTC, the 28th in the DCT
        (" date 2017-12-28T00:30:15+09:00 ", dt.datetime(2017, 12, 28, 0, 30, 15, tzinfo=dt.timezone(dt.timedelta(hours=9))), dt.date(2017, 12, 28)),
        (" date 20171227T0830Z ", dt.datetime(2017, 12, 27, 8, 30, tzinfo=dt.UTC), dt.date(2017, 12, 27)),
        (" date 2017-12-27T08:30:00.250Z ", dt.datetime(2017, 12, 27, 8, 30, 0, 250000, tzinfo=dt.UTC), dt.date(2017, 12, 27)),
        (" date 2017-12-27T08:30 ", dt.datetime(2017, 12, 27, 8, 30), dt.date(2017, 12, 27)),  # no offset: as written
    ],
)
def test_header_date_time_keeps_the_time_stamp(text, published, dct):
    a = parsed(text + BODY)
    assert a.published == published
    assert a.dct == dct
    assert a.body == BODY


def test_published_date_time_is_indexed_as_written():
    from etl.models import Article

    a = parse_article(" date 2017-12-27T08:30:00+01:00 " + BODY)
    doc = Article(
        id="f" * 40, source="s", source_path="a.txt", checksum="a" * 64, published=a.published, lead=a.lead,
        body=a.body, word_count=9, ingested_at=dt.datetime(2017, 12, 27, tzinfo=dt.UTC), pipeline_version="v", run_id="r",
    )
    assert doc.to_source()["published"] == "2017-12-27T08:30:00+01:00"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the example and more of its kind: both readings are real dates
        (" date 05/06/2017 ", "ambiguous date '05/06/2017' in the ' date' header: day/month (5 June 2017) or month/day (6 May 2017)?"),
        (" date 03.04.2018\n", "ambiguous date '03.04.2018' in the ' date' header: day/month (3 April 2018) or month/day (4 March 2018)?"),
        (" Date: 1-2-2019 ", "ambiguous date '1-2-2019' in the ' date' header: day/month (1 February 2019) or month/day (2 January 2019)?"),
        (" date 27/12/17 ", "ambiguous date '27/12/17' in the ' date' header: a two-digit year could be any century"),
        (" date 31/31/2017 ", "impossible date '31/31/2017' in the ' date' header"),
        (" date 2017-12-27T25:00 ", "impossible time '2017-12-27T25:00' in the ' date' header"),
        (" date yesterday ", "no ' date YYYY-MM-DD' header on the first line: 'yesterday' after 'date' is not a date"),
    ],
)
def test_doubtful_header_dates_are_rejected_with_why(text, reason):
    with pytest.raises(ParseError) as exc:
        parse_article(text + BODY)
    assert str(exc.value).startswith(reason)
    assert "\n" not in str(exc.value)


# --------------------------------------------------------------------------- invisible characters (issue 14)


@pytest.mark.parametrize(
    "text",
    [
        " date 2017-12-27 MOS\u00adCOW: Russia on Tues\u00adday imposed sanc\u00adtions.",  # soft hyphens
        " date 2017-12-27 \u200bMOSCOW: Russia on Tuesday imposed sanctions.",  # zero-width space before it
        " date 2017-12-27 \u200eMOSCOW\u200f: Russia on Tue\u2060sday imposed sanctions.",  # bidi marks, word joiner
        "\ufeff date 2017-12-27 MOS\ufeffCOW: Russia on Tuesday imposed\u200c sanctions.",  # BOM inside, ZWNJ
    ],
)
def test_invisible_characters_do_not_hide_the_dateline(text):
    a = parsed(text)
    assert a.dateline == "MOSCOW"
    assert a.body == "MOSCOW: Russia on Tuesday imposed sanctions."


# --------------------------------------------------------------------------- wire styles (issue 14)


@pytest.mark.parametrize(
    ("start", "place", "agency", "rest"),
    [
        # the examples
        ("TOKYO, Dec. 27 Kyodo - Japan said", "TOKYO", "Kyodo", "Japan said"),
        ("Hamburg (dpa) - Die Regierung said", "Hamburg", "dpa", "Die Regierung said"),
        # AP
        ("FRANKFURT, Germany (AP) — German automaker Volkswagen said", "FRANKFURT, Germany", "AP", "German automaker"),
        ("SEOUL, South Korea (AP) _ Inter-Korean talks", "SEOUL, South Korea", "AP", "Inter-Korean talks"),
        # AFP
        ("PARIS, Dec 27, 2017 (AFP) - France's", "PARIS", "AFP", "France's"),
        ("Paris (AFP) - France's president", "Paris", "AFP", "France's president"),
        # Reuters
        ("LONDON, Dec 27 (Reuters) - Britain's", "LONDON", "Reuters", "Britain's"),
        ("WASHINGTON (Reuters) - A Unification Church affiliate", "WASHINGTON", "Reuters", "A Unification"),
        # Xinhua
        ("BERLIN, Aug. 23 (Xinhua) -- A hard Brexit", "BERLIN", "Xinhua", "A hard Brexit"),
        # dpa with a regional service code
        ("Berlin (dpa/lby) - Die Polizei", "Berlin", "dpa", "Die Polizei"),
        # Kyodo: a bare hyphen after a known place, with or without a region
        ("KUMAMOTO, Japan - Tens of thousands", "KUMAMOTO, Japan", None, "Tens of thousands"),
        ("NEW DELHI - A military helicopter crashed", "NEW DELHI", None, "A military helicopter"),
        # ANSA: the credit first
        ("(ANSA) - Rome, August 7 - Alitalia was struggling", "Rome", "ANSA", "Alitalia was"),
        ("ROME, DEC 27 (ANSA) - Premier Paolo Gentiloni", "ROME", "ANSA", "Premier Paolo"),
        # EFE: ".-" after the credit
        ("Mexico City, Sep 19 (EFE).- A magnitude-7.7 earthquake", "Mexico City", "EFE", "A magnitude"),
        ("Tokyo, Sep 20 (EFE).- Typhoon Nanmadol damaged", "Tokyo", "EFE", "Typhoon Nanmadol"),
        # PTI: nothing after the credit
        ("New Delhi, Oct 16 (PTI) Leader of Opposition", "New Delhi", "PTI", "Leader of Opposition"),
        ("Patna, Oct 16 (PTI) Prime Minister Narendra Modi", "Patna", "PTI", "Prime Minister"),
        # UPI
        ("MONTERREY, Mexico, March 22 (UPI) -- President George W. Bush", "MONTERREY, Mexico", "UPI", "President George"),
        ("Dec. 27 (UPI) -- The Pentagon said", None, "UPI", "The Pentagon said"),
        # Bloomberg: no place
        ("(Bloomberg) -- Japan's economy grew", None, "Bloomberg", "Japan's economy"),
        ("March 10 (Bloomberg) -- The disappearance of Malaysia Airlines Flight 370", None, "Bloomberg", "The disappearance"),
    ],
)
def test_wire_styles_of_the_major_agencies(start, place, agency, rest):
    d = find_dateline(start)
    assert d is not None
    assert (d.place, d.agency) == (place, agency)
    assert start[d.end :].lstrip().startswith(rest)


def test_every_wire_style_is_documented_with_its_agencies():
    from etl.parse import WIRE_STYLES

    named = {a for style in WIRE_STYLES for a in style.agencies}
    assert {"AP", "AFP", "Reuters", "Xinhua", "dpa", "Kyodo", "ANSA", "EFE", "PTI", "UPI", "Bloomberg"} <= named
    assert all(style.example and style.source for style in WIRE_STYLES)


@pytest.mark.parametrize(
    ("text", "dateline", "agency", "lead"),
    [
        (" date 2017-12-27 TOKYO, Dec. 27 Kyodo - Japan said on Tuesday it would act.", "TOKYO", "Kyodo", "Japan said on Tuesday it would act."),
        (" date 2017-12-27 Hamburg (dpa) - Die Regierung said on Tuesday the plan was over.", "Hamburg", "dpa", "Die Regierung said on Tuesday the plan was over."),
        (" date 2017-12-27 (Bloomberg) -- Japan's economy grew 2.5 percent.", None, "Bloomberg", "Japan's economy grew 2.5 percent."),
        (" date 2014-08-07 (ANSA) - Rome, August 7 - Alitalia was struggling on Thursday.", "Rome", "ANSA", "Alitalia was struggling on Thursday."),
    ],
)
def test_wire_styles_in_articles(text, dateline, agency, lead):
    a = parsed(text)
    assert (a.dateline, a.agency, a.lead) == (dateline, agency, lead)


# --------------------------------------------------------------------------- bylines (issue 14)


@pytest.mark.parametrize(
    ("text", "byline", "dateline", "lead"),
    [
        # the example: a byline line before the dateline
        (" date 2017-12-27 By Maria Lopez\n\nMADRID: The Spanish government said on Tuesday the plan was over.",
         ["Maria Lopez"], "MADRID", "The Spanish government said on Tuesday the plan was over."),
        (" date 2017-12-27\nBy Maria Lopez\nMADRID: The Spanish government said on Tuesday the plan was over.",
         ["Maria Lopez"], "MADRID", "The Spanish government said on Tuesday the plan was over."),
        # AP: capitals and a job-title line, after the dateline
        (" date 1998-08-07 NAIROBI, Kenya (AP) _\n\nBy HENRY MEYER\nAssociated Press Writer\n\nSuspected bombs exploded on Friday.",
         ["Henry Meyer"], "NAIROBI, Kenya", "Suspected bombs exploded on Friday."),
        # two authors and an agency after a comma (Reuters)
        (" date 2017-12-27 By Maria Lopez and John O'Neil, Reuters\n\nLONDON (Reuters) - Britain said on Tuesday it would act.",
         ["Maria Lopez", "John O'Neil"], "LONDON", "Britain said on Tuesday it would act."),
        # Xinhua: a job title before the name (TE3-silver)
        (" date 2005-11-14 BEIJING: Nation cuddles Olympic mascots\n\nby Xinhua writer Tian Sulei\n\nA panda cub waited for 10 weeks to get a name.",
         ["Tian Sulei"], "BEIJING", "A panda cub waited for 10 weeks to get a name."),
        # a place after the name, initials
        (" date 2017-12-27 By J.R. Smith in Madrid\n\nThe Spanish government said on Tuesday the plan was over.",
         ["J.R. Smith"], None, "The Spanish government said on Tuesday the plan was over."),
    ],
)
def test_bylines(text, byline, dateline, lead):
    a = parsed(text)
    assert (a.byline, a.dateline, a.lead) == (byline, dateline, lead)


@pytest.mark.parametrize(
    "text",
    [
        " date 2017-12-27 MOSCOW: By Tuesday, the talks had collapsed.",
        " date 2017-12-27 By the end of the year, the talks had collapsed.\n\nMore text.",
        " date 2017-12-27 By 2020 the population will double, officials said.",
        " date 2017-12-27 MOSCOW: Officials met.\n\nBy contrast, the opposition walked out.",
    ],
)
def test_sentences_starting_with_by_are_no_bylines(text):
    assert parsed(text).byline == []
