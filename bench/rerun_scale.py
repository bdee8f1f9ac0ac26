"""Benchmark: the cost of a no-change re-run at archive scale, by stat (size and mtime) against by checksum.

Usage (a node or a cluster must be running; NEWSETL_ES_URL may list several nodes):

    NEWSETL_ES_URL=http://127.0.0.1:9200 .venv/bin/python bench/rerun_scale.py [--files 250000] [--folder DIR] [--keep]

What it does, all against the real Elasticsearch of ``NEWSETL_ES_URL``, into a throwaway alias
(``bench-rerun-<random>``, deleted at the end):

1. generates a synthetic archive of ``--files`` small article files (seed format, 1-4 KB,
   250 files a folder, every text different; mtimes set an hour back, as an archive's are;
   never committed: a temporary folder, or ``--folder`` kept with ``--keep`` and reused);
2. indexes it once with pre-built documents (no NLP: each document holds what a re-run reads,
   the checksum, pipeline version, ``file_size`` and ``file_mtime_ns`` of its file, and its
   provenance, no text), with ``parallel_bulk`` (two threads, 5,000 documents a request,
   refresh off during the load);
3. times the real CLI (wall, and the CPU seconds of its process tree, which another load on the
   machine does not inflate), ``newsetl run ARCHIVE`` (a subprocess), twice on the unchanged archive:
   with ``--verify`` (every indexed file read and hashed: what every re-run cost before the
   stat was stored), then by stat (the default); both with Prefect's temporary server (what a
   one-off ``newsetl run`` starts, seconds of fixed cost) and with a Prefect server that is
   already running (``PREFECT_API_URL``, as scheduled runs have; ``--prefect`` picks). In each run an audit hook (PEP 578 ``open``
   events of the CLI's process) counts the archive's files opened and their bytes: the
   "reads" figure; the load average before and after each run is printed beside it;
4. rewrites one file's content and runs again: exactly that file must be indexed.

``--profile FILE`` runs the by-stat re-run under cProfile and writes its statistics to FILE
(``python -m pstats FILE``); its wall time then includes the profiler's cost.

Prints figures; asserts nothing. Timings are wall-clock on whatever else the machine is
doing: say so when quoting them. The ``--verify`` run reads files the page cache may hold
(just written or read): on a cold cache it costs more, never less.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PER_FOLDER = 250
WORDS = (
    "government minister said officials talks border agreement market shares company report police city "
    "capital election parliament president week month year trade prices oil bank interest rate court "
    "ruling protest army region people spokesman statement agency news reporters on Tuesday Wednesday"
).split()
PLACES = ["MOSCOW", "PARIS", "NAIROBI", "LIMA", "SEOUL", "OTTAWA", "CAIRO", "DELHI"]


def article_text(i: int) -> str:
    """The seed-format text of synthetic article ``i``: a dated dateline line, 3-12 paragraphs, ``AFP``."""
    rng = random.Random(i)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=i % 2500)
    paragraphs = []
    for _ in range(rng.randint(3, 12)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(25, 55))]
        paragraphs.append(" ".join(words).capitalize() + ".")
    first = f" date {day.isoformat()} {PLACES[i % len(PLACES)]}: Story {i}. {paragraphs[0]}"
    return "\n\n".join([first, *paragraphs[1:], "AFP"]) + "\n"


def relative_path(i: int) -> str:
    return f"{i // PER_FOLDER:05d}/story-{i:07d}.txt"


def generate(folder: Path, files: int) -> float:
    """Write ``files`` articles under ``folder`` (reused when its marker says so); mtimes an hour back. Seconds taken."""
    marker = folder / ".generated"
    if marker.exists() and marker.read_text().strip() == str(files):
        return 0.0
    t = time.perf_counter()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    then = time.time_ns() - 3600 * 10**9
    for i in range(files):
        path = folder / relative_path(i)
        if i % PER_FOLDER == 0:
            path.parent.mkdir()
        path.write_bytes(article_text(i).encode())
        os.utime(path, ns=(then, then))
    marker.write_text(f"{files}\n")
    return time.perf_counter() - t


def documents(folder: Path, source: str, alias: str, version: str, run_id: str):
    """Bulk actions: one pre-built document per file, with the fields a re-run compares."""
    from etl.sources import document_id, scan

    now = dt.datetime.now(dt.UTC).isoformat()
    for f in scan(folder, source=source).files:
        data = f.path.read_bytes()
        # only what a re-run reads of a document (etl.index.FINGERPRINT_FIELDS) and its provenance:
        # analysing 250,000 texts would make the set-up, not the re-run, this bench's cost
        yield {
            "_index": alias,
            "_id": document_id(f.source, f.relative_path),
            "_source": {
                "source": f.source, "source_path": f.relative_path,
                "checksum": hashlib.sha256(data).hexdigest(),
                "file_size": f.size, "file_mtime_ns": f.mtime_ns,
                "ingested_at": now, "pipeline_version": version, "run_id": run_id,
            },
        }


def child(count_file: str, root: str, argv: list[str]) -> None:
    """Run the CLI with ``argv`` in this process; at exit, write how many files under ``root`` it opened and their bytes."""
    opened: list[str] = []

    def hook(event: str, args: tuple) -> None:
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            if path.startswith(root):
                opened.append(path)

    def report() -> None:
        size = sum(os.path.getsize(p) for p in set(opened) if os.path.isfile(p))
        Path(count_file).write_text(json.dumps({"opens": len(opened), "files": len(set(opened)), "bytes": size,
                                                "sample": sorted(set(opened))[:5]}))

    atexit.register(report)
    sys.addaudithook(hook)
    profile = os.environ.pop("NEWSETL_BENCH_PROFILE", "")
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        atexit.register(lambda: profiler.dump_stats(profile))  # at exit: typer's app ends with sys.exit
        profiler.enable()
    from etl.cli import app

    app(args=argv, prog_name="newsetl")


def cli_run(args: list[str], root: Path, env: dict) -> dict:
    """``newsetl <args>`` in a subprocess counting its opens under ``root``: wall seconds, reads, summary rows."""
    with tempfile.NamedTemporaryFile(suffix=".json") as counts:
        cmd = [sys.executable, __file__, "--child", counts.name, str(root) + os.sep, "--", *args]
        load = os.getloadavg()[0]
        t, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
        reads = json.loads(Path(counts.name).read_text() or "{}")
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
    seen = re.search(r"seen (\d+) = indexed (\d+) \+ unchanged (\d+) \+ rejected (\d+) in ([\d.]+)s", out)
    stages = re.search(r"stage seconds: (.*)$", out, flags=re.M)
    return {"wall": wall, "cpu": cpu, "exit": proc.returncode, "reads": reads, "load": (load, os.getloadavg()[0]),
            "summary": "seen {} = indexed {} + unchanged {} + rejected {}, {} s in the flow".format(*seen.groups()) if seen else "?",
            "stages": stages.group(1) if stages else "?"}


PREFECT_MODES = {"temporary": "temporary Prefect server", "running": "running Prefect server"}


@contextlib.contextmanager
def prefect_for(mode: str):
    """The environment of the timed runs: ``temporary``, none (each CLI run starts and stops Prefect's
    temporary server, unless the caller's own PREFECT_API_URL names one); ``running``, the API URL of a
    Prefect server started here once and stopped at the end of the block."""
    if mode == "temporary":
        yield {}
        return
    from etl.prefect_server import TemporaryPrefectServer

    server = TemporaryPrefectServer.start()  # sets PREFECT_API_URL here; stop() puts the old value back
    try:
        server.wait()
        yield {"PREFECT_API_URL": server.api_url}
    finally:
        server.stop()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        split = sys.argv.index("--")
        child(sys.argv[2], sys.argv[3], sys.argv[split + 1 :])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=250_000)
    parser.add_argument("--folder", type=Path, help="where to generate the archive (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated archive (reused next time)")
    parser.add_argument("--batch-size", type=int, help="newsetl run --batch-size (default NEWSETL_BATCH_SIZE)")
    parser.add_argument("--workers", type=int, default=1, help="newsetl run --workers (default 1; 0: the CLI's own choice)")
    parser.add_argument(
        "--prefect", type=lambda v: v.split(","), default=["temporary", "running"],
        help="temporary (each run starts Prefect's temporary server, as a one-off `newsetl run`), running (a Prefect "
        "server started once, PREFECT_API_URL: scheduled runs), or both, comma-separated (default temporary,running)",
    )
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the by-stat re-run to this file")
    opts = parser.parse_args()

    from elasticsearch import helpers

    from etl import index as es_index
    from etl.config import get_settings
    from etl.pipeline import pipeline_version

    alias = f"bench-rerun-{uuid.uuid4().hex[:8]}"
    os.environ["NEWSETL_INDEX_ALIAS"] = alias
    os.environ["NEWSETL_REJECTIONS_INDEX"] = f"{alias}-rejections"
    state = Path(tempfile.mkdtemp(prefix="bench-rerun-state-"))
    os.environ["NEWSETL_STATE_DIR"] = str(state)
    get_settings.cache_clear()
    settings = get_settings()
    es = es_index.connect(settings)
    health = es_index.check_connection(es, settings.es_url)
    folder = (opts.folder or Path(tempfile.mkdtemp(prefix="bench-rerun-")) / "archive").absolute()
    source = "archive"
    print(f"Elasticsearch {settings.es_url}: {health['number_of_nodes']} node(s), {health['number_of_data_nodes']} data; "
          f"archive {folder}, {opts.files:,} files")
    try:
        took = generate(folder, opts.files)
        size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        print(f"generated: {opts.files:,} files, {size / 1e6:.0f} MB ({'reused' if not took else f'{took:.0f} s'})")

        concrete = es_index.ensure_index(es, settings)
        es.indices.put_settings(index=concrete, settings={"index": {"refresh_interval": "-1"}})
        version = pipeline_version(settings.spacy_model)
        t = time.perf_counter()
        ok = sum(1 for good, _ in helpers.parallel_bulk(
            es, documents(folder, source, alias, version, "bench-prebuilt"), thread_count=2, chunk_size=5000,
            max_chunk_bytes=50 * 2**20) if good)
        load = time.perf_counter() - t
        es.indices.put_settings(index=concrete, settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=alias)
        print(f"indexed once (pre-built documents without text, read + hash + parallel_bulk): {ok:,} docs "
              f"in {load:.1f} s ({ok / load:,.0f} docs/s)")

        env = {**os.environ, "COLUMNS": "200"}
        args = ["run", str(folder), "--source-name", source, "--no-progress", "--workers", str(opts.workers)]
        if opts.batch_size:
            args += ["--batch-size", str(opts.batch_size)]
        print(f"NEWSETL_BATCH_SIZE {settings.batch_size if not opts.batch_size else opts.batch_size}, "
              f"NEWSETL_CHECK_BATCH_SIZE {settings.check_batch_size}, newsetl run --workers {opts.workers}")
        for mode in opts.prefect:
            results = {}
            with prefect_for(mode) as mode_env:
                for label, extra in (("by checksum (--verify)", ["--verify"]), ("by stat", [])):
                    run_env = {**env, **mode_env}
                    if opts.profile and not extra:
                        run_env["NEWSETL_BENCH_PROFILE"] = str(opts.profile)
                    r = cli_run(args + extra, folder, run_env)
                    results[label] = r
                    reads = r["reads"]
                    print(f"[{PREFECT_MODES[mode]}] no-change re-run {label:<24} {r['wall']:6.1f} s wall, {r['cpu']:.1f} s CPU "
                          f"({'the CLI and its Prefect server' if mode == 'temporary' else 'the CLI'}; the machine's load "
                          f"does not inflate it), exit {r['exit']}, {reads.get('files', '?'):,} article files opened "
                          f"({reads.get('bytes', 0) / 1e6:.1f} MB), {r['summary']}; stage seconds: {r['stages']}; "
                          f"load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}")
            a, b = results["by stat"]["wall"], results["by checksum (--verify)"]["wall"]
            print(f"[{PREFECT_MODES[mode]}] ratio checksum / stat: {b / a:.1f}x")

        touched = folder / relative_path(opts.files // 2)
        before = touched.read_text()
        # new bytes whatever an earlier --keep run left there (it leaves the rewrite in place)
        text = before.replace("Stories", "Story", 1) if "Stories" in before else before.replace("Story", "Stories", 1)
        touched.write_text(text)
        then = time.time_ns() - 60 * 10**9
        os.utime(touched, ns=(then, then))
        with prefect_for(opts.prefect[-1]) as mode_env:
            r = cli_run(args, folder, {**env, **mode_env})
        print(f"[{PREFECT_MODES[opts.prefect[-1]]}] one file rewritten ({touched.relative_to(folder)}): {r['wall']:.1f} s wall, exit {r['exit']}, "
              f"{r['reads'].get('files', '?')} article file(s) opened by the flow's process, {r['summary']}")
        if not opts.keep or opts.folder is None:
            touched.write_text(before)
    finally:
        names = list(es.indices.get(index=f"{alias}*", expand_wildcards="all"))
        if names:
            es.indices.delete(index=",".join(names))
        shutil.rmtree(state, ignore_errors=True)
        if not opts.keep:
            shutil.rmtree(folder.parent if opts.folder is None else folder, ignore_errors=True)


if __name__ == "__main__":
    main()
