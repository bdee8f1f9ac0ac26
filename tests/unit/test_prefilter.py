"""Required literals of regular expressions (etl.prefilter), and the tagger's scans with and without them."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from etl.prefilter import ASCII_CASE_TWINS, fold, may_match, required_literals
from tests.conftest import SEEDS, corpus


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        # worked by hand from each pattern
        (r"\bspring|summer\b", 0, {"spring", "summer"}),
        (r"\b(?:last|next)\s+(?:week|month)\b", re.I, {"last", "next"}),  # a tie with week|month (4 letters, 2 strings) keeps the first
        (r"[Tt]he\s+weekend", 0, {"weekend"}),  # the longest run: "the" (from [Tt]he) loses to it
        (r"(?P<n>\d+)\s+years?\s+ago", re.I, {"year"}),  # "years?" needs "year"; "ago" is shorter
        (r"Q(?P<q>[1-4])\s*(?:19|20)\d\d", 0, {"19", "20"}),  # "q" is 1 char, 19|20 are 2
        (r"\d{1,2}:\d\d", 0, {":"}),
        (r"(?:early|late)?\s*century", re.I, {"century"}),  # an optional group requires nothing
        (r"(?:first|)\s+half", 0, {"half"}),  # an empty branch makes the alternation require nothing
        (r"(?<!\bthe\s)\b\d{4}\b", 0, None),  # a lookbehind's text is not in the match
        (r"[A-Z][a-z]+", 0, None),
        (r"(?:ab)+c", 0, {"ab"}),
        (r"x(?:ab)*c", 0, {"x"}),  # the zero-or-more group breaks the run: "xc" is not required
        (r"CHRISTMAS|Easter", re.I, {"christmas", "easter"}),
    ],
)
def test_required_literals(pattern, flags, expected):
    needs = required_literals(re.compile(pattern, flags))
    assert (set(needs) if needs is not None else None) == expected


def test_may_match_is_a_substring_test_on_folded_text():
    needs = required_literals(re.compile(r"\bthe\s+weekend\b", re.I))
    assert may_match(needs, fold("Over The WEEKEND, talks stalled."))
    assert not may_match(needs, fold("Talks stalled on Saturday."))
    assert may_match(None, "")  # nothing known: always scan


def test_fold_maps_every_character_ignorecase_treats_as_an_ascii_letter():
    # Brute force over every code point: whatever re.IGNORECASE matches to an ASCII
    # letter, fold() turns into that letter, so a literal in a match is in the folded text.
    letters = {a: re.compile(a, re.IGNORECASE) for a in string.ascii_lowercase}
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {}
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if any_letter.fullmatch(ch):
            twins[ch] = next(a for a, p in letters.items() if p.fullmatch(ch))
    assert twins == ASCII_CASE_TWINS  # {'İ': 'i', 'ı': 'i', 'ſ': 's', 'K': 'k'}
    for ch, a in twins.items():
        assert fold(f"x{ch}y") == f"x{a}y"
    assert fold("Straße ÉTÉ") == "straße été"


def _texts():
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    bodies += [
        "Over the weekend, ſpring came early: the Kelvin-signed KOREA (\u212aorea) talks and İstanbul's"
        " third-quarter results, reported on Dec. 26, 2017 at 10:35 a.m., were up from a year ago.",
        "NINETEEN NINETY-SIX was the year; the mid-1990s, the 20th century, Q3 2017, every Thursday.",
    ]
    for name in ("silver-seeds", "tbaq-seeds"):  # a missing corpus fails (make test) or skips the test, never shrinks it
        bodies += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus(name).glob("*.txt"))[:600]]
    return bodies


def test_the_tagger_finds_the_same_hits_with_and_without_the_prefilter():
    from etl.dates import TemporalTagger
    from etl.dates.rules import RULES

    tagger = TemporalTagger()
    dct = dt.date(2017, 12, 27)
    skipped = compared = 0
    for text in _texts():
        with_filter = tagger._scan(RULES, text, dct, 0, len(text), prefilter=True)
        without = tagger._scan(RULES, text, dct, 0, len(text))
        assert with_filter == without, text[:200]
        folded = fold(text)
        skipped += sum(not may_match(r.needs, folded) for r in RULES)
        compared += len(RULES)
    assert skipped > 0.3 * compared  # the filter does skip scans (measured: about half)
