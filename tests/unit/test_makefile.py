"""The Makefile's `make test` without ../shared/corpora: one error line, before any node starts."""

import os
import subprocess

from tests.conftest import REPO


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
