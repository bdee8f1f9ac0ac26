"""The temporal tagger's output on 2,709 fixed documents is the golden output (tests/golden/).

The golden digests were recorded from the tagger with the spaCy candidates stored beside them
(see :mod:`tests.golden.dates`). This test proves that a change meant to leave the output alone
(a refactor, a speed-up) moves no value, and makes every change of output a deliberate one:
regenerate the digests with ``python -m tests.golden.dates --update`` and commit them with the
rule change (and bump ``BUILD_REVISION``).
"""

from __future__ import annotations

import pytest

from tests.conftest import UNDER_MAKE_TEST
from tests.golden import dates as golden


@pytest.mark.corpus
def test_tagger_output_equals_the_golden_output():
    from etl.dates import TemporalTagger

    try:
        docs = list(golden.inputs())
    except FileNotFoundError as exc:  # a missing corpus: a failure under make test, a skip for a bare pytest
        if UNDER_MAKE_TEST:
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    expected = golden.load()
    assert sorted(key for key, _, _ in docs) == sorted(expected)
    tagger = TemporalTagger()
    changed = []
    for key, text, dct in docs:
        row = expected[key]
        assert row["dct"] == dct.isoformat(), key
        mentions = tagger.run(text, dct, [tuple(c) for c in row["candidates"]])
        if golden.digest(mentions) != row["digest"]:
            changed.append((key, [(m.text, m.type, m.value) for m in mentions]))
    assert not changed, (
        f"{len(changed)} of {len(docs)} documents tag differently from tests/golden/dates.jsonl, e.g. "
        + "; ".join(f"{k}: {v}" for k, v in changed[:3])
    )
