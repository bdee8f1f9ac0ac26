"""Benchmark: seconds from SIGTERM (or SIGINT) to the end of `newsetl run`, blocked and busy.

Usage (a node must answer at NEWSETL_ES_URL; the runs use a throwaway alias and delete it):

    NEWSETL_ES_URL=http://127.0.0.1:9224 .venv/bin/python bench/stop_bench.py [CORPUS] [--repeat N]

Two situations, each run N times (default 3), as the issue describes them:

- blocked: the run's second ``_bulk`` request is held by a proxy that never answers (a hung
  node), the signal comes a second later;
- busy: ``--workers 2``, the signal comes right after the first batch is loaded, while both
  Dask workers are in NER.

Prints, per situation and signal, the seconds from the signal to the process's end (min,
median, max), the exit statuses and whether any child process outlived it. The issue's bound
is 10 s; the watchdog forces the end 4 s after the signal (etl.interrupt.STOP_GRACE_SECONDS).
Timings on this shared 2-core machine are noisy. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "silver-seeds"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0
    es = os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9200")

    import psutil
    from elasticsearch import Elasticsearch

    from tests.e2e.test_stop import FreezingProxy, _count, _run

    client = Elasticsearch(es)
    work = Path(tempfile.mkdtemp(prefix="newsetl-stop-bench-"))
    folder = work / "inbox"
    folder.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:30]:
        shutil.copy(path, folder / path.name)

    def one(kind: str, signum: int) -> tuple[float, int, int]:
        alias = f"stopbench-{uuid.uuid4().hex[:8]}"
        env = {"NEWSETL_INDEX_ALIAS": alias, "NEWSETL_REJECTIONS_INDEX": f"{alias}-rejections", "NEWSETL_ES_URL": es}
        proxy = FreezingProxy(es) if kind == "blocked" else None
        try:
            if proxy:
                env["NEWSETL_ES_URL"] = proxy.url
                proc = _run(["run", str(folder), "--batch-size", "10", "--workers", "1", "--no-progress"], env, work)
                while not proxy.frozen.is_set() and proc.poll() is None:
                    time.sleep(0.2)
                time.sleep(1.0)
            else:
                proc = _run(["run", str(folder), "--batch-size", "6", "--workers", "2", "--no-progress"], env, work)
                while _count(es, alias) < 6 and proc.poll() is None:
                    time.sleep(0.2)
            children = psutil.Process(proc.pid).children(recursive=True)
            sent = time.monotonic()
            proc.send_signal(signum)
            proc.wait(timeout=60)
            seconds = time.monotonic() - sent
            time.sleep(1.0)
            alive = sum(1 for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE)
            return seconds, proc.returncode, alive
        finally:
            if proxy:
                proxy.close()
            names = list(client.indices.get(index=f"{alias}*", expand_wildcards="all"))
            if names:
                client.indices.delete(index=",".join(names))

    print(f"signal to exit, {args.repeat} runs each (30 silver-seeds files; node {es})")
    for kind, signum in (("blocked", signal.SIGTERM), ("blocked", signal.SIGINT), ("busy", signal.SIGTERM)):
        results = [one(kind, signum) for _ in range(args.repeat)]
        secs = sorted(r[0] for r in results)
        print(
            f"{kind:8} {signal.Signals(signum).name:8} min {secs[0]:5.1f} s  median {statistics.median(secs):5.1f} s  "
            f"max {secs[-1]:5.1f} s  exit {sorted({r[1] for r in results})}  children left {sum(r[2] for r in results)}"
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
