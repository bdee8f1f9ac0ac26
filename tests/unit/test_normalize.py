"""etl/normalize.py: Unicode form, controls and white space of real article text."""

import pytest

from etl.normalize import normalize_text, text_repairs
from tests.conftest import SEED_FILE

# First lines of the seed (AFP, curly quotes), as shipped in seeds/.
SEED_HEAD = (
    " date 2017-12-27 MOSCOW: Russian Foreign Minister Sergei Lavrov on Tuesday (Wednesday in Manila)"
    " discussed North Korea’s nuclear program with US Secretary of State Rex Tillerson, stressing the"
    " need to start a negotiations process.\n"
    "\n"
    "“The sides were united in the opinion that nuclear missile projects in North Korea violate the"
    " demands of the UN Security Council,” the Russian foreign ministry said after the two men spoke"
    " by telephone."
)

# TBAQ APW19980807.0261: AP copy with PTB-style ``quotes''.
AP_QUOTES = (
    "``It was definitely a bomb,'' said a U.S. Embassy official in Nairobi, who refused to identify"
    " himself."
)


def test_clean_text_is_unchanged():
    assert normalize_text(SEED_HEAD) == SEED_HEAD
    assert normalize_text(AP_QUOTES) == AP_QUOTES


def test_seed_file_is_already_normalized():
    raw = SEED_FILE.read_text(encoding="utf-8")
    once = normalize_text(raw)
    assert once == raw.strip("\n")  # the seed is already clean
    assert normalize_text(once) == once


def test_curly_quotes_and_apostrophes_are_kept():
    out = normalize_text("North Korea’s “totally destroy” ‘x’")
    assert out == "North Korea’s “totally destroy” ‘x’"


def test_crlf_and_cr_become_lf():
    crlf = SEED_HEAD.replace("\n", "\r\n")
    assert normalize_text(crlf) == SEED_HEAD
    assert normalize_text("line one\rline two") == "line one\nline two"


def test_nul_and_control_characters_are_removed():
    # NUL, BEL, ESC, DEL and C1 controls (as left by a bad cp1252/latin-1 round trip)
    assert normalize_text("MOSCOW:\x00 Russian\x07 Foreign\x1b Minister\x7f Sergei\x9f Lavrov") == (
        "MOSCOW: Russian Foreign Minister Sergei Lavrov"
    )
    assert normalize_text("\ufeff date 2017-12-27 MOSCOW") == " date 2017-12-27 MOSCOW"


def test_line_break_controls_become_line_breaks():
    # VT/FF/NEL/LINE SEPARATOR are line boundaries (str.splitlines); PARAGRAPH SEPARATOR is a blank line
    out = normalize_text("said.\x0cThe\x0bnext\x85one\u2028two\u2029three")
    assert out == "said.\nThe\nnext\none\ntwo\n\nthree"


def test_tabs_nbsp_and_unicode_spaces_become_one_space():
    out = normalize_text("LONDON:\tDespite\u00a0their\u2009mutual\u3000hostility")
    assert out == "LONDON: Despite their mutual hostility"
    # TE3-silver AFP_ENG_19970429.0207: "LONDON:     Despite their mutual hostility during the"
    assert normalize_text("LONDON:     Despite their mutual hostility during the") == (
        "LONDON: Despite their mutual hostility during the"
    )
    assert normalize_text("MEXICO  CITY: \u00a0 \t x") == "MEXICO CITY: x"


def test_trailing_spaces_and_blank_lines():
    raw = "\n  \n date 2017-12-27 MOSCOW: first.   \n \n\n\n\nSanctioned \t\n\n\n\nAFP  \n\n"
    assert normalize_text(raw) == " date 2017-12-27 MOSCOW: first.\n\nSanctioned\n\nAFP"


def test_leading_space_of_header_is_kept():
    assert normalize_text(" date 2017-12-27 MOSCOW") == " date 2017-12-27 MOSCOW"


def test_nfc():
    assert normalize_text("Cafe\u0301 nai\u0308ve") == "Café naïve"
    assert normalize_text("Café naïve") == "Café naïve"


def test_mojibake_is_repaired_with_ftfy():
    # UTF-8 bytes of the seed's first sentence read as cp1252
    broken = "North Korea’s nuclear program".encode("utf-8").decode("cp1252")
    assert broken == "North Koreaâ€™s nuclear program"
    assert normalize_text(broken) == "North Korea’s nuclear program"


def test_real_accents_are_not_taken_for_mojibake():
    text = "Le président a déclaré « non » à l’accord signé à Genève."
    assert normalize_text(text) == text


@pytest.mark.parametrize("blank", ["", " ", "\n\n", "\t \r\n \u00a0\n", "\x00\x00"])
def test_blank_input_gives_empty_string(blank):
    assert normalize_text(blank) == ""


def test_idempotent_on_messy_input():
    messy = "\r\n\t date 2017-12-27  X:\u00a0a\x00b \r\n\r\n\r\n\r\n c\u2029\u2029d  "
    once = normalize_text(messy)
    assert once == " date 2017-12-27 X: ab\n\n c\n\nd"
    assert normalize_text(once) == once


# --------------------------------------------------------------------------- invisible characters (issue 14)


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        # the examples: soft hyphens inside words
        ("Tues\u00adday", "Tuesday"),
        ("sanc\u00adtions", "sanctions"),
        ("Hu\u00adman Rights Council", "Human Rights Council"),
        # zero-width space, non-joiner and joiner, word joiner
        ("North\u200b Korea", "North Korea"),
        ("Pyong\u200cyang\u200d and Seoul\u2060", "Pyongyang and Seoul"),
        # bidi marks, embeddings, overrides and isolates around a name
        ("\u202bIsrael\u202c said \u200eNetanyahu\u200f \u2067spoke\u2069", "Israel said Netanyahu spoke"),
        # a byte-order mark inside the text (files glued together), an Arabic letter mark
        ("first file.\ufeff second file\u061c", "first file. second file"),
        # a soft hyphen at a line break joins the word (it was hyphenated there)
        ("the sanc\u00ad\ntions were lifted", "the sanctions were lifted"),
    ],
)
def test_invisible_format_characters_are_removed(text, clean):
    assert normalize_text(text) == clean
    assert text_repairs(text) == ["invisible characters"]


def test_visible_format_characters_and_a_leading_bom_are_not_repairs():
    assert text_repairs("\ufeff date 2017-12-27 MOSCOW: clean") == []
    arabic_number_sign = "\u0600\u0661\u0662"  # ARABIC NUMBER SIGN is Cf but visible: kept
    assert normalize_text(arabic_number_sign) == arabic_number_sign
    assert text_repairs(arabic_number_sign) == []
