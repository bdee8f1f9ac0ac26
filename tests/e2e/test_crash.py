"""Crash safety: SIGKILL in the middle of loading silver-seeds, run again, compare with a clean run."""

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import REPO, corpus
from tests.e2e.test_cli import NEWSETL, newsetl, summary_of

pytestmark = [pytest.mark.e2e, pytest.mark.corpus]

IGNORED = {"run_id", "ingested_at"}  # what legitimately differs between two runs


def _post(url: str, body: dict) -> dict:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def _count(es: str, alias: str) -> int:
    try:
        return _post(f"{es}/{alias}/_count", {"query": {"match_all": {}}})["count"]
    except OSError:
        return 0


def _snapshot(es: str, alias: str) -> dict[str, dict]:
    """Every document as ``{_id: _source without run_id/ingested_at}``, read with search_after."""
    docs: dict[str, dict] = {}
    after = None
    while True:
        body = {"size": 1000, "sort": [{"source_path": "asc"}], "query": {"match_all": {}}}
        if after:
            body["search_after"] = after
        hits = _post(f"{es}/{alias}/_search", body)["hits"]["hits"]
        if not hits:
            return docs
        for h in hits:
            assert h["_id"] not in docs, f"duplicate {h['_id']}"
            docs[h["_id"]] = {k: v for k, v in h["_source"].items() if k not in IGNORED}
        after = hits[-1]["sort"]


def test_sigkill_mid_load_then_rerun_equals_a_clean_run(isolated_env, tmp_path):
    """The first 200 silver-seeds stories in four batches of 50 (the whole corpus in batches of 200
    took 5 minutes here, and 400 in batches of 100 100 s, for no more coverage): a run SIGKILLed
    after its first load, re-run, equals a clean run."""
    silver = tmp_path / "silver-seeds"
    silver.mkdir()
    total, batch = 200, 50
    for path in sorted(corpus("silver-seeds").glob("*.txt"))[:total]:
        shutil.copy2(path, silver / path.name)  # keeps the mtime, as test_dask does
    isolated_env = {**isolated_env, "NEWSETL_BATCH_SIZE": str(batch)}
    es = isolated_env["NEWSETL_ES_URL"]
    crashed = isolated_env["NEWSETL_INDEX_ALIAS"]
    clean = f"{crashed}-clean"

    proc = subprocess.Popen(
        [NEWSETL, "run", str(silver)], env={**os.environ, **isolated_env}, cwd=REPO,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 600
        while _count(es, crashed) < batch and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        loaded_at_kill = _count(es, crashed)
        assert proc.poll() is None, "the run ended before it could be killed"
        assert 0 < loaded_at_kill < total
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its Prefect server, no clean-up of any kind
        proc.wait(timeout=60)

    rerun = newsetl("run", str(silver), env={**isolated_env, "COLUMNS": "200"})
    assert rerun.returncode == 0, rerun.stderr
    clean_env = {**isolated_env, "NEWSETL_INDEX_ALIAS": clean, "NEWSETL_REJECTIONS_INDEX": f"{clean}-rejections"}
    assert newsetl("run", str(silver), env=clean_env).returncode == 0
    # (the clean run's indices start with the isolated alias, so the fixture deletes them too)
    after_crash, reference = _snapshot(es, crashed), _snapshot(es, clean)
    # the re-run skips what the killed run loaded (at least what was visible at the kill) and does the rest
    counts = summary_of(rerun.stdout)
    seen, indexed, unchanged, rejected = (int(counts[k]) for k in ("files seen", "indexed", "unchanged (skipped)", "rejected"))
    assert (seen, rejected) == (total, 0)
    assert unchanged >= loaded_at_kill and unchanged + indexed == total and indexed > 0, counts
    assert len(after_crash) == len(reference) == total
    assert {i: d["checksum"] for i, d in after_crash.items()} == {i: d["checksum"] for i, d in reference.items()}
    assert after_crash == reference  # entities, dates, everything but the run id and time
