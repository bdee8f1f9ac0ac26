"""Failpoints: faults injected on purpose, so tests reach the failure branches of a run.

A failpoint is a named place in the code that does something wrong when a setting
asks it to (the pattern of FreeBSD's fail(9) and etcd's gofail). This project has
one place, ``build-batch`` (the task that reads, parses and enriches a batch), and
two actions, chosen with ``NEWSETL_FAILPOINT``:

- ``build-batch:raise:GLOB`` -- a batch holding a file whose path (relative to the
  source folder) matches ``GLOB`` raises :class:`InjectedFault`, on every try: the
  task's retries run out and the run records the batch as failed;
- ``build-batch:kill:GLOB`` -- the process building such a batch kills itself with
  SIGKILL: a Dask worker dies as it would when the kernel's OOM killer takes it (in a
  one-process run, the run itself dies).

Unset (the default) nothing happens. Real runs never set it; it is documented in the
README's configuration table because every ``NEWSETL_`` variable is.
"""

from __future__ import annotations

import fnmatch
import os
import signal
from collections.abc import Iterable
from typing import NamedTuple

from etl.models import SourceFile

POINTS = ("build-batch",)
ACTIONS = ("raise", "kill")


class InjectedFault(RuntimeError):
    """Raised by a ``raise`` failpoint; never raised unless ``NEWSETL_FAILPOINT`` asks for it."""


class Failpoint(NamedTuple):
    """A parsed ``NEWSETL_FAILPOINT``: ``point`` (:data:`POINTS`), ``action`` (:data:`ACTIONS`), ``glob``."""

    point: str
    action: str
    glob: str


def parse_failpoint(spec: str) -> Failpoint:
    """``"build-batch:raise:boom*.txt"`` -> ``Failpoint("build-batch", "raise", "boom*.txt")``.

    Raises ValueError naming the expected form for another point or action, or an empty glob.
    """
    point, _, rest = spec.partition(":")
    action, _, glob = rest.partition(":")
    if point not in POINTS or action not in ACTIONS or not glob:
        raise ValueError(
            f"{spec!r} is not a failpoint such as 'build-batch:raise:GLOB' or 'build-batch:kill:GLOB'"
        )
    return Failpoint(point, action, glob)


def trigger(spec: str | None, point: str, files: Iterable[SourceFile]) -> None:
    """Do what the failpoint ``spec`` (``NEWSETL_FAILPOINT``) says at ``point`` if one of ``files`` matches its glob.

    ``raise``: :class:`InjectedFault` naming the matching file. ``kill``: SIGKILL to
    this process (no clean-up, no ``finally`` runs). Does nothing when ``spec`` is
    None or names another point.
    """
    if not spec:
        return
    failpoint = parse_failpoint(spec)
    if failpoint.point != point:
        return
    hit = next((f.relative_path for f in files if fnmatch.fnmatchcase(f.relative_path, failpoint.glob)), None)
    if hit is None:
        return
    if failpoint.action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise InjectedFault(f"failpoint {spec!r} hit on {hit}")
