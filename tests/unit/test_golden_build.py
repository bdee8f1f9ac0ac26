"""What a build makes of the seeds and a fixed corpus sample moves only together with BUILD_REVISION (tests/golden)."""

import pytest

from etl.pipeline import BUILD_REVISION
from tests import golden
from tests.conftest import corpus

pytestmark = pytest.mark.corpus


def test_the_golden_history_bumps_the_revision_with_every_new_digest():
    history = golden.load()["history"]
    assert history, "tests/golden/build.json records no digest: run `make golden`"
    for before, after in zip(history, history[1:]):
        assert after["build_revision"] > before["build_revision"], (before, after)
    assert history[-1]["build_revision"] == BUILD_REVISION, (
        f"BUILD_REVISION is {BUILD_REVISION} but tests/golden/build.json was recorded at revision "
        f"{history[-1]['build_revision']}: run `make golden` (python -m tests.golden --update)"
    )


def test_a_build_of_the_sample_gives_the_recorded_digest():
    for folder in golden.SAMPLE_RULE:
        corpus(folder)
    recorded = golden.load()
    assert {k: len(v) for k, v in recorded["sample"].items()} == {"seeds": 1, "silver-seeds": 50, "tbaq-seeds": 32}
    now = golden.build(recorded["sample"])
    last = recorded["history"][-1]
    assert now.digest == last["digest"], (
        f"what a build makes changed: {golden.differences(recorded['documents'], now.documents)}. "
        f"If that is intended, bump BUILD_REVISION in etl/pipeline.py (now {BUILD_REVISION}) and run `make golden`: "
        "without the bump, documents built before keep their old content for ever (their files count as unchanged)"
    )
    assert now.documents == recorded["documents"]


def test_update_refuses_a_new_digest_under_a_recorded_revision(tmp_path, monkeypatch):
    """The guard itself: a changed build recorded without a bump is refused, with the fields that changed."""
    recorded = golden.load()
    one_seed = {"seeds": recorded["sample"]["seeds"]}
    fake = {
        "sample": one_seed,
        "history": [{"build_revision": BUILD_REVISION, "digest": "0" * 64}],
        "documents": {"seeds/000_4a3f43196b185345.txt": {**recorded["documents"]["seeds/000_4a3f43196b185345.txt"], "lead": "0" * 16}},
    }
    monkeypatch.setattr(golden, "GOLDEN_FILE", tmp_path / "build.json")
    with pytest.raises(SystemExit) as refused:
        golden.update(fake)
    assert str(refused.value).startswith(
        "what a build makes changed (1 of 1 documents differ (fields: lead 1); e.g. seeds/000_4a3f43196b185345.txt: lead) "
        f"but BUILD_REVISION is still {BUILD_REVISION}: bump it"
    )
    assert not (tmp_path / "build.json").exists()
