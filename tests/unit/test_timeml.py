"""Unit tests for :mod:`etl.dates.timeml`: reading TimeML and the TempEval-3 Task A scorer.

Every expected number below was worked out by hand from the inline examples.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.errors import NewsEtlError, ParseError
from etl.dates.timeml import GoldTimex, SystemTimex, evaluate_directory, read_timeml, score

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TITLE>Not scored</TITLE>
<TEXT>
AT&amp;T said <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> that \
<EVENT eid="e1" class="OCCURRENCE">sales</EVENT> rose <TIMEX3 tid="t2" type="DURATION" \
value="P2Y">two years</TIMEX3> after &lt;launch&gt;.
</TEXT>
</TimeML>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_timeml_plain_text_offsets_and_dct(tmp_path):
    doc = read_timeml(write(tmp_path, "a.tml", TML))
    assert doc.doc_id == "TEST0001"
    assert doc.dct == dt.date(1998, 8, 7)
    # tags removed, entities unescaped: "&amp;" -> "&", "&lt;launch&gt;" -> "<launch>"
    assert doc.text == "\nAT&T said Friday that sales rose two years after <launch>.\n"
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "1998-08-07"),
        ("two years", "DURATION", "P2Y"),
    ]
    for g in doc.gold:  # offsets count in the plain text of <TEXT>; the DCT TIMEX3 is not there
        assert doc.text[g.start : g.end] == g.text
    assert doc.gold[0].start == len("\nAT&T said ")


def test_read_timeml_without_dct_or_bad_xml(tmp_path):
    no_dct = TML.replace(TML[TML.index("<DCT>") : TML.index("</DCT>") + 6], "")
    with pytest.raises(ParseError, match="no <DCT>"):
        read_timeml(write(tmp_path, "b.tml", no_dct))
    with pytest.raises(ParseError, match="well-formed"):
        read_timeml(write(tmp_path, "c.tml", "<TimeML><TEXT>unclosed</TimeML>"))


def g(start: int, end: int, value: str, type_: str = "DATE") -> GoldTimex:
    return GoldTimex(start, end, "x" * (end - start), type_, value)


def s(start: int, end: int, value: str, type_: str = "DATE") -> SystemTimex:
    return SystemTimex(start, end, "x" * (end - start), type_, value)


def test_scores_on_a_hand_computed_example():
    gold = [g(0, 6, "1998-08-07"), g(10, 20, "P2Y", "DURATION"), g(30, 40, "1998"), g(50, 55, "PRESENT_REF")]
    system = [
        s(0, 6, "1998-08-07"),  # strict match, right value
        s(12, 20, "P2Y", "DURATION"),  # relaxed only (overlap 12..20), right value
        s(28, 33, "1997"),  # relaxed only, wrong value
        s(60, 65, "PAST_REF"),  # false alarm
    ]
    scores, errors = score(gold, system, text="y" * 70)
    # gold 4, system 4; strict 1 -> P = R = F1 = 1/4; relaxed 3 -> P = R = F1 = 3/4
    assert (scores.gold, scores.system, scores.strict_matched, scores.relaxed_matched) == (4, 4, 1, 3)
    assert scores.strict.f1 == pytest.approx(0.25)
    assert scores.relaxed.precision == pytest.approx(0.75)
    assert scores.relaxed.recall == pytest.approx(0.75)
    # type right on all 3 matches; value right on 2 of 3; value F1 = 0.75 * 2/3 = 0.5
    assert scores.type_accuracy == pytest.approx(1.0)
    assert scores.value_accuracy == pytest.approx(2 / 3)
    assert scores.value_f1 == pytest.approx(0.5)
    kinds = [(e.kind, e.start) for e in errors]
    assert kinds == [("wrong_value", 28), ("miss", 50), ("false_alarm", 60)]
    assert "[[" in errors[0].context and "]]" in errors[0].context


def test_relaxed_matching_is_one_to_one():
    # One long system span overlaps two gold spans: it matches one of them only.
    gold = [g(0, 5, "1998-08-07"), g(6, 12, "1998-08")]
    system = [s(0, 12, "1998-08-07")]
    scores, errors = score(gold, system)
    assert (scores.relaxed_matched, scores.strict_matched) == (1, 0)
    assert [e.kind for e in errors] == ["miss"]
    # Two system spans inside one gold span: one matches, the other is a false alarm.
    scores, errors = score([g(0, 12, "1998")], [s(0, 4, "1998"), s(5, 12, "1998")])
    assert (scores.relaxed_matched, scores.system) == (1, 2)
    assert [e.kind for e in errors] == ["false_alarm"]


def test_strict_needs_the_same_extent():
    scores, _ = score([g(10, 20, "1998")], [s(10, 19, "1998")])
    assert (scores.strict_matched, scores.relaxed_matched, scores.value_correct) == (0, 1, 1)


def test_evaluate_directory_errors(tmp_path):
    with pytest.raises(NewsEtlError, match="does not exist"):
        evaluate_directory(tmp_path / "missing")
    with pytest.raises(NewsEtlError, match="no .tml files"):
        evaluate_directory(tmp_path)


def test_evaluate_directory_skips_a_file_without_dct(tmp_path):
    write(tmp_path, "good.tml", TML)
    (tmp_path / "sub").mkdir()
    no_dct = TML.replace(TML[TML.index("<DCT>") : TML.index("</DCT>") + 6], "")
    write(tmp_path / "sub", "bad.tml", no_dct)
    result = evaluate_directory(tmp_path)
    assert result.documents == 1
    assert [p for p, _ in result.skipped] == [str(Path("sub") / "bad.tml")]
    assert "no <DCT>" in result.skipped[0][1]
    # "Friday" (DCT Fri 1998-08-07) and "two years" are both found with the gold values
    assert (result.scores.gold, result.scores.relaxed_matched, result.scores.value_correct) == (2, 2, 2)
    assert result.as_dict()["skipped"] == [{"path": str(Path("sub") / "bad.tml"), "reason": result.skipped[0][1]}]


def test_corpus_part_is_a_fixed_function_of_the_doc_id():
    import hashlib

    from etl.dates.timeml import corpus_part

    # the rule itself: held out when sha1(doc id) is a multiple of 3
    for doc_id in ("wsj_0001", "APW19980807.0261", "XIE19980808.0031", "TEST0001"):
        n = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16)
        assert corpus_part(doc_id) == ("held-out" if n % 3 == 0 else "tuning")
    # the two AQUAINT files that share a body fall in the same part
    assert corpus_part("APW20000107.0088") == corpus_part("APW20000115.0209") == "held-out"


def test_errors_are_grouped_by_rule():
    from etl.dates.timeml import MISS_WITH_SPAN, MISS_WITHOUT_SPAN, EvalError, errors_by_rule

    errors = [
        EvalError("wrong_value", "d", 0, 5, "x", "x", rule="weekday"),
        EvalError("false_alarm", "d", 9, 12, "x", "x", rule="duration"),
        EvalError("wrong_value", "d", 20, 25, "x", "x", rule="weekday"),
        EvalError("miss", "d", 30, 35, "x", "x", spacy_span=True),
        EvalError("miss", "d", 40, 45, "x", "x", spacy_span=False),
        EvalError("miss", "d", 50, 55, "x", "x", spacy_span=False),
    ]
    counts = errors_by_rule(errors)
    assert list(counts) == [MISS_WITHOUT_SPAN, "weekday", MISS_WITH_SPAN, "duration"]  # most errors first, then by name
    assert counts["weekday"] == {"miss": 0, "false_alarm": 0, "wrong_value": 2, "total": 2}
    assert counts[MISS_WITHOUT_SPAN]["miss"] == 2


def test_score_names_the_rule_of_the_system_mention():
    gold = [g(0, 6, "1998-08-07"), g(10, 20, "P2Y", "DURATION")]
    system = [SystemTimex(0, 6, "x" * 6, "DATE", "1998-08-06", "weekday"), SystemTimex(30, 34, "x" * 4, "DATE", "1998", "cued_year")]
    _, errors = score(gold, system)
    assert [(e.kind, e.rule) for e in errors] == [("wrong_value", "weekday"), ("miss", None), ("false_alarm", "cued_year")]


def test_evaluate_directory_scores_each_part(tmp_path):
    from etl.dates.timeml import corpus_part

    write(tmp_path, "good.tml", TML)  # DOCID TEST0001
    result = evaluate_directory(tmp_path)
    part = corpus_part("TEST0001")
    other = "tuning" if part == "held-out" else "held-out"
    assert result.part_documents == {part: 1, other: 0}
    assert (result.parts[part].gold, result.parts[part].value_correct, result.parts[other].gold) == (2, 2, 0)
    data = result.as_dict(errors_part="all")
    assert data["parts"][part]["documents"] == 1 and data["errors"] == [] and data["errors_by_rule"] == {}


def test_errors_listing_groups_by_rule_and_hides_the_other_part(tmp_path):
    import io

    from rich.console import Console

    from etl.dates.evaluate_cli import render
    from etl.dates.timeml import corpus_part

    # "Friday" is tagged 1998-08-07 by the weekday rule; the gold says 1998-08-06 here, so
    # the error is a wrong value of the rule "weekday".
    write(tmp_path, "a.tml", TML.replace('value="1998-08-07">Friday', 'value="1998-08-06">Friday'))
    result = evaluate_directory(tmp_path)
    part = corpus_part("TEST0001")
    out = io.StringIO()
    render(result, Console(file=out, width=200), errors=True, part=part)
    text = out.getvalue()
    assert "weekday: 1 errors (wrong 1, false alarm 0, miss 0)" in text
    assert "gold DATE 1998-08-06 'Friday' | system DATE 1998-08-07 'Friday'" in text
    other = "tuning" if part == "held-out" else "held-out"
    out = io.StringIO()
    render(result, Console(file=out, width=200), errors=True, part=other)
    assert "weekday:" not in out.getvalue() and "1 errors of the other part not listed" in out.getvalue()
