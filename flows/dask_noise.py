"""Keep the expected shutdown noise of a local Dask cluster off the console.

When a run's local cluster closes (:func:`flows.ingest.task_runner`), Dask logs two things
that say nothing about the run, which has already finished and reported:

- a worker whose heartbeat was on its way when the scheduler closed its end logs ``Failed to
  communicate with scheduler during heartbeat.`` at ERROR, with a ``CommClosedError``
  traceback (``distributed.worker``; seen at the end of a successful run);
- the nanny gives a closing worker process a grace period, then logs ``Worker process
  still alive after 4.0 seconds, killing`` (``distributed.nanny``).

:class:`ShutdownNoise` drops exactly these records; a heartbeat that fails for another
reason, and every other record, still shows. It is installed in this process
(:func:`install`, for the nanny) and, through Dask's ``distributed.worker.preload`` setting,
in each worker process (:func:`dask_setup`, Dask's preload hook).
"""

from __future__ import annotations

import logging

HEARTBEAT_FAILED = "Failed to communicate with scheduler during heartbeat"
"""Start of ``distributed.worker``'s message when a heartbeat cannot reach the scheduler (distributed/worker.py)."""

NANNY_KILLING = "Worker process still alive after"
"""Start of ``distributed.nanny``'s warning when a closing worker process outlives its grace period (distributed/nanny.py)."""


def _closed_comm(exc: BaseException | None) -> bool:
    """True for the errors of a connection the other side closed: Dask's ``CommClosedError`` or tornado's ``StreamClosedError``."""
    if exc is None:
        return False
    from distributed.comm.core import CommClosedError
    from tornado.iostream import StreamClosedError

    return isinstance(exc, CommClosedError | StreamClosedError) or _closed_comm(exc.__cause__ or exc.__context__)


class ShutdownNoise(logging.Filter):
    """A logging filter (``logger.addFilter``) that drops the two records of a closing cluster named in the module docstring."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if record.name == "distributed.worker" and message.startswith(HEARTBEAT_FAILED):
            return not _closed_comm(record.exc_info[1] if record.exc_info else None)
        if record.name == "distributed.nanny" and message.startswith(NANNY_KILLING):
            return False
        return True


_FILTER = ShutdownNoise()


def install() -> None:
    """Add :class:`ShutdownNoise` to the loggers that log these records (idempotent)."""
    for name in ("distributed.worker", "distributed.nanny"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def dask_setup(worker: object) -> None:
    """Dask's preload hook, run in each worker process at start (``distributed.worker.preload``)."""
    install()
