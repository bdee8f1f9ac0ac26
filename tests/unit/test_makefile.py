"""The Makefile: `make test` without ../shared/corpora stops with one error line before any node starts;
`make run`/`make serve` keep Prefect's state where `newsetl` and `prefect` run by hand do."""

import os
import shutil
import subprocess

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")

SHOW = 'prefect-home: ; @echo "PREFECT_HOME=[$$PREFECT_HOME]"'


def _make(*args: str, env: dict) -> str:
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_leaves_prefect_home_to_prefect():
    """Before, `make` set PREFECT_HOME=.prefect while `newsetl` run directly used ~/.prefect: two run histories."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_HOME"}
    assert _make("--eval", SHOW, "prefect-home", env=env).strip() == "PREFECT_HOME=[]"  # Prefect's default, ~/.prefect
    assert _make("--eval", SHOW, "prefect-home", env={**env, "PREFECT_HOME": "/srv/prefect"}).strip() == "PREFECT_HOME=[/srv/prefect]"


def test_make_test_without_the_corpora_stops_with_one_line(tmp_path):
    missing = tmp_path / "shared" / "corpora"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    # -o install: the venv counts as made, so nothing is installed or started before the check
    done = subprocess.run(
        ["make", "-o", "install", "test", f"CORPORA={missing}", "TEST_ES_PORT=1"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        f"error: {missing} is missing: the tests read the corpora from ../shared/corpora beside the repository"
    )
