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
