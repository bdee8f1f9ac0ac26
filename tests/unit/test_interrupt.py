"""etl/interrupt.py: the stop on SIGTERM/SIGINT, in child processes (a watchdog ends its process)."""

import signal
import subprocess
import sys
import textwrap

import pytest

from etl import interrupt
from tests.conftest import REPO


def _python(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


def test_exit_status_is_the_shells_for_a_death_by_that_signal():
    assert interrupt.exit_status(signal.SIGINT) == 130
    assert interrupt.exit_status(signal.SIGTERM) == 143


def test_every_kind_of_stop_exception_names_its_signal():
    from prefect.exceptions import TerminationSignal

    assert interrupt.signal_of(interrupt.Stopped(signal.SIGTERM)) == signal.SIGTERM
    assert interrupt.signal_of(KeyboardInterrupt()) == signal.SIGINT
    assert interrupt.signal_of(TerminationSignal(signal=signal.SIGTERM)) == signal.SIGTERM
    assert interrupt.signal_of(ValueError("x")) is None


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_blocking_read_is_interrupted_and_the_line_said_once(signum, status):
    result = _python(
        f"""
        import os, socket, threading
        from etl import interrupt
        a, b = socket.socketpair()
        threading.Timer(0.5, os.kill, (os.getpid(), {int(signum)})).start()
        threading.Timer(1.0, os.kill, (os.getpid(), {int(signum)})).start()  # a second one, while stopping
        try:
            with interrupt.stop_on_signals(lambda s: "stopped by " + interrupt.signal_name(s)):
                a.recv(1)  # nobody ever writes: blocks until the signal
        except interrupt.Stopped as exc:
            print("interrupted by", exc.signum, flush=True)
            interrupt.say(interrupt.message())
            interrupt.say("a second line is never printed")
            interrupt.exit_now(exc.signum)
        """,
    )
    assert result.stdout.strip() == f"interrupted by {int(signum)}"
    assert result.stderr.strip().splitlines() == [f"stopped by {signal.Signals(signum).name}"]
    assert result.returncode == status


def test_the_watchdog_ends_a_process_whose_thread_never_returns_and_its_children():
    result = _python(
        """
        import os, signal, subprocess, threading, time
        from etl import interrupt
        child = subprocess.Popen(["sleep", "300"])
        print(child.pid, flush=True)
        threading.Thread(target=time.sleep, args=(300,)).start()  # a non-daemon thread stuck for minutes
        interrupt.arm(signal.SIGTERM, "stopped by SIGTERM after 3 of 9 files", grace=0.5)
        time.sleep(300)
        """,
        timeout=30,
    )
    assert result.returncode == 143
    assert result.stderr.strip().splitlines() == ["stopped by SIGTERM after 3 of 9 files"]
    child = int(result.stdout.split()[0])
    import psutil

    assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE


def test_stop_on_signals_raises_in_the_main_thread_and_arms_the_watchdog():
    result = _python(
        """
        import os, signal, time
        from etl import interrupt
        try:
            with interrupt.stop_on_signals(lambda s: "stopped by " + interrupt.signal_name(s)):
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(30)
        except interrupt.Stopped as exc:
            print("caught", exc.signum, interrupt.stopping(), interrupt.message(), flush=True)
            time.sleep(30)  # the watchdog ends the process after STOP_GRACE_SECONDS
        """,
        timeout=40,
    )
    assert result.stdout.strip() == "caught 15 15 stopped by SIGTERM"
    assert result.returncode == 143
    assert result.stderr.strip() == "stopped by SIGTERM"
