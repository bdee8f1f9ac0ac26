"""A clean, bounded stop on SIGTERM and Ctrl-C (SIGINT) for runs, rebuilds and served flow runs.

SIGTERM is what Prefect's cancellation, systemd, Docker and ``timeout`` send; Ctrl-C sends
SIGINT. Either must end the process within seconds, with one line that says so and the
shell's exit status for a death by that signal (128 + the signal's number: 130 for SIGINT,
143 for SIGTERM; POSIX ``sh``, "Exit Status"). What a run has loaded stays; the next run
skips it by checksum and does the rest.

Two parts:

- :func:`stop_on_signals` installs handlers in the main thread: the first signal raises
  :class:`Stopped` there, which unwinds the run like ``KeyboardInterrupt`` (a blocking read
  or a wait on a worker is interrupted: PEP 475), so ``finally`` blocks clean up.
- :func:`arm` starts a watchdog (once per process): if the process has not ended
  :data:`STOP_GRACE_SECONDS` after the signal, because a thread is stuck in a read that
  never returns or a worker is deep in NER, it prints the line if nobody did, kills this
  process's child processes (the temporary Prefect server, Dask workers) and exits with
  the status. Prefect's flow engine raises its own ``TerminationSignal`` on SIGTERM; the
  flow calls :func:`arm` for it too (:func:`signal_of` recognises every such exception).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator

STOP_GRACE_SECONDS = 4.0
"""Seconds between the signal and the forced exit: cleanup (closing a Dask cluster, stopping the
temporary Prefect server) gets this long; the process is gone well within 10 seconds."""

_state: dict = {"signum": None, "since": None, "said": False, "message": None, "cli": False}
_lock = threading.Lock()


class Stopped(BaseException):
    """Raised in the main thread by the first SIGTERM or SIGINT (a ``BaseException``, like
    ``KeyboardInterrupt``, so no ``except Exception`` retries or swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_status(signum: int) -> int:
    """The shell's status for a process ended by ``signum``: 128 + its number (SIGINT 130, SIGTERM 143)."""
    return 128 + int(signum)


def signal_name(signum: int) -> str:
    """``SIGTERM``, ``SIGINT``..."""
    return signal.Signals(signum).name


def signal_of(exc: BaseException) -> int | None:
    """The signal behind ``exc`` when it is a stop: :class:`Stopped`, ``KeyboardInterrupt`` (SIGINT)
    or Prefect's ``TerminationSignal`` (its ``signal``); else ``None``."""
    if isinstance(exc, Stopped):
        return exc.signum
    if isinstance(exc, KeyboardInterrupt):
        return signal.SIGINT
    if type(exc).__name__ == "TerminationSignal" and isinstance(getattr(exc, "signal", None), int):
        return exc.signal
    return None


def stop_signal(exc: BaseException) -> int | None:
    """:func:`signal_of` ``exc``, or, for any other exception raised once a stop has begun, the stop's
    signal: a signal that lands inside a library can come out as its own error (pydantic wraps
    Prefect's ``TerminationSignal`` in a ``PydanticSerializationError`` when it strikes during
    serialization, seen here), and that error is the stop all the same."""
    return signal_of(exc) or stopping()


def message() -> str | None:
    """The stop's line as the run last described it (see :func:`arm`), or ``None``."""
    return _state["message"]


def stopping() -> int | None:
    """The signal this process is stopping for, or ``None`` while it runs normally."""
    return _state["signum"]


def say(line: str) -> bool:
    """Print the stop's one line to stderr unless it was printed already; True when printed now."""
    with _lock:
        if _state["said"]:
            return False
        _state["said"] = True
    print(line, file=sys.stderr, flush=True)
    return True


def mark_said() -> None:
    """Note that the stop's line went out another way (the flow's log), so :func:`say` stays silent."""
    with _lock:
        _state["said"] = True


def cli_reports() -> bool:
    """True inside :func:`stop_on_signals` with ``reports=True``: the command line prints the stop's line."""
    return bool(_state["cli"])


def _mute_console_logs() -> None:
    """Hold back the console log lines that a stop sets off (Dask's "Worker process still alive"),
    so the command's one line is what the user reads."""
    import logging

    for name in ("distributed", "prefect.task_runner.dask", "etl"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


class _QuietOnStop:
    """A logging filter for console handlers: once a stop begins, or while the exception of a
    stop is being handled (Prefect's "Crash detected! Execution was aborted by a termination
    signal" is logged from inside its ``except``), records are held back and the watchdog is
    armed; the lines still reach the Prefect API through its own handler."""

    def filter(self, record: object) -> bool:
        if _state["signum"] is not None:
            return False
        exc = sys.exc_info()[1]
        signum = signal_of(exc) if exc is not None else None
        if signum is None:
            return True
        arm(signum)
        return False


def quiet_console_on_stop() -> None:
    """Give the console log handlers (Prefect's, this package's) the :class:`_QuietOnStop` filter;
    call it once Prefect has set up its logging (after importing the flow)."""
    import logging

    quiet = _QuietOnStop()
    for logger in (logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("etl")):
        for handler in logger.handlers:
            if type(handler).__name__ == "PrefectConsoleHandler" or logger.name == "etl":
                if not any(isinstance(f, _QuietOnStop) for f in handler.filters):
                    handler.addFilter(quiet)


def _kill_children() -> None:
    try:
        import psutil
    except ImportError:  # psutil is a dependency; without it, only this process ends
        return
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=0.5)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


def _hard_exit(signum: int, after: float) -> None:
    time.sleep(after)
    os._exit(exit_status(signum))


def _watchdog(signum: int, grace: float) -> None:
    time.sleep(grace)
    # a full pipe on stderr, or a child that ignores SIGKILL's reaping, must not hold the exit
    threading.Thread(target=_hard_exit, args=(signum, 2.0), daemon=True).start()
    say(_state["message"] or f"stopped by {signal_name(signum)}")
    _kill_children()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(exit_status(signum))


def arm(signum: int, message: str | None = None, grace: float = STOP_GRACE_SECONDS) -> bool:
    """Note that this process is stopping for ``signum`` and start the watchdog (once; a later call
    only replaces ``message``: the flow knows better than the command line how far the run got).
    ``message`` is the one line the watchdog prints if the process has to be ended by force.
    Returns True on the first call."""
    with _lock:
        if message:
            _state["message"] = message
        if _state["signum"] is not None:
            return False
        _state["signum"] = int(signum)
        _state["since"] = time.monotonic()
    if _state["cli"]:
        with contextlib.suppress(Exception):
            _mute_console_logs()
    threading.Thread(target=_watchdog, args=(int(signum), grace), name="newsetl-stop-watchdog", daemon=True).start()
    return True


def exit_now(signum: int) -> None:
    """End the process at once with :func:`exit_status` after flushing output, without waiting for
    threads that are still busy (a thread stuck in NER or a read would hold interpreter exit)."""
    _kill_children()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(exit_status(signum))


def watch_sigterm() -> None:
    """Arm the watchdog the moment SIGTERM arrives, whatever handler is installed now.

    Prefect's flow engine swaps in its own SIGTERM handler for a flow run (it raises
    ``TerminationSignal``); where that exception lands is up to the code it interrupts (a
    library may turn it into a cancelled future that is retried), so under the command line
    (:func:`cli_reports`) the flow wraps Prefect's handler once it runs: the watchdog is armed
    first, then Prefect's handler runs as before. A served run (Prefect's runner checks that its
    own handler is installed before it cancels through its control channel) is left alone.
    """
    if not _state["cli"] or threading.current_thread() is not threading.main_thread():
        return
    current = signal.getsignal(signal.SIGTERM)
    if not callable(current) or getattr(current, "newsetl_watched", False):
        return

    def watched(signum: int, frame: object) -> object:
        arm(signum)
        return current(signum, frame)

    watched.newsetl_watched = True  # type: ignore[attr-defined]
    signal.signal(signal.SIGTERM, watched)


@contextlib.contextmanager
def stop_on_signals(message: Callable[[int], str] | None = None, reports: bool = True) -> Iterator[None]:
    """Within the block, the first SIGTERM or SIGINT raises :class:`Stopped` in the main thread and
    arms the watchdog (:func:`arm`, with ``message(signum)`` as its line); later ones are ignored
    while the stop is under way (Prefect re-delivers the SIGTERM it caught). With ``reports``, the
    caller prints the stop's line (:func:`cli_reports`) and console logs are held back once a stop
    begins. Outside the main thread this does nothing. The previous handlers come back when the
    block ends, unless a stop is under way: then both signals are ignored until the process ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _state["cli"] = reports

    def handler(signum: int, frame: object) -> None:
        if _state["signum"] is None and arm(signum, message(signum) if message else None):
            raise Stopped(signum)

    before = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in before.items():
            # while a stop is under way, a second Ctrl-C must not turn the exit into a traceback
            signal.signal(sig, signal.SIG_IGN if _state["signum"] is not None else old)
        _state["cli"] = False
