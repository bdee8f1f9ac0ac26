"""etl/faults.py: the failpoint that makes a build fail on purpose (NEWSETL_FAILPOINT)."""

from pathlib import Path

import pytest

from etl.faults import Failpoint, InjectedFault, parse_failpoint, trigger
from etl.models import SourceFile


def _files(*names: str) -> list[SourceFile]:
    return [SourceFile(path=Path("/in") / n, relative_path=n, source="in", size=1) for n in names]


def test_parse_names_point_action_and_glob():
    assert parse_failpoint("build-batch:raise:sub/boom*.txt") == Failpoint("build-batch", "raise", "sub/boom*.txt")
    assert parse_failpoint("build-batch:kill:*") == Failpoint("build-batch", "kill", "*")
    with pytest.raises(ValueError, match="is not a failpoint such as 'build-batch:raise:GLOB'"):
        parse_failpoint("build-batch:raise")


def test_raise_fires_only_for_a_batch_with_a_matching_file_at_its_point():
    spec = "build-batch:raise:sub/boom*.txt"
    trigger(None, "build-batch", _files("sub/boom.txt"))  # unset: nothing
    trigger(spec, "build-batch", _files("a.txt", "boom.txt"))  # the glob is on the relative path
    trigger(spec, "load-batch", _files("sub/boom.txt"))  # another point
    with pytest.raises(InjectedFault) as hit:
        trigger(spec, "build-batch", _files("a.txt", "sub/boom-2.txt", "sub/boom-3.txt"))
    assert str(hit.value) == "failpoint 'build-batch:raise:sub/boom*.txt' hit on sub/boom-2.txt"
