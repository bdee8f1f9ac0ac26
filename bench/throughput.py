"""Benchmark: throughput, memory and overheads of the ingest pipeline, every ratio measured in one run.

Usage (a node must be running; `make run` leaves one on 9200): ``make bench``, or

    .venv/bin/python bench/throughput.py [CORPUS] [--es-url URL] [--scale 10] [--workers 2] [--naive 500]

CORPUS defaults to ../shared/corpora/silver-seeds. Figures:

- full ``newsetl run`` (the real CLI, a subprocess) into a fresh index with 1 and with
  ``--workers`` processes: docs/s, words/s, seconds per stage (from the flow's log,
  summed over workers), peak resident memory of the whole process tree (CLI, Prefect's
  temporary server, Dask workers; sampled every 0.1 s);
- the same on a corpus ``--scale`` times larger (the same texts under new file names,
  hard links in a temporary folder), for the memory ratio, and there with 1 process
  too: the scale-out ratio once a run's fixed start-up (imports, Prefect's temporary
  server, the Dask cluster's start and close: seconds) no longer dominates it;
- bare spaCy: ``nlp.pipe`` over the same bodies, same model and excluded components,
  1 and ``--workers`` processes (``n_process``): the floor (measured again right before the
  large corpus's run, which is judged against that measurement);
- the naive approach a tutorial would write (``spacy.load`` of the whole model, then one
  ``nlp(text)`` and one ``es.index()`` per article) on ``--naive`` articles;
- the load stage alone (the ``load-batch`` work: duplicate look-up, ``streaming_bulk``,
  rejection bookkeeping, per batch) against one raw ``_bulk`` NDJSON stream over one HTTP
  connection, same documents, fresh indices;
- a no-change re-run against the full run (on both corpora);
- Prefect's own cost: its bookkeeping (a no-op flow run, plus a no-op task run times the
  task runs the flow made), and apart from it the fixed start-up of a CLI run (Prefect's
  temporary server, measured on its own; the import of the CLI's modules).

The 1x figures of bare spaCy and of the full runs are each the fastest of ``--repeat`` runs
(default 2, alternating), as ``timeit`` reports: on a shared machine a slow spell otherwise
decides a ratio. Writes into throwaway aliases (``bench-<random>*``) that it deletes. Prints figures and
ratios; asserts nothing. The machine should be otherwise idle: other load skews every ratio.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
NEWSETL = str(REPO / ".venv" / "bin" / "newsetl")


def tree_rss(pid: int, peaks: dict[tuple[str, int], int] | None = None) -> int:
    """Resident bytes of a process and all its descendants; ``peaks`` keeps each one's
    highest, keyed by (role, pid): the CLI, the Prefect server, a Dask worker, other."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
            if peaks is not None:
                key = (_role(p, pid), p.pid)
                peaks[key] = max(peaks.get(key, 0), rss)
        except psutil.Error:
            continue
        total += rss
    return total


def _role(p, root_pid: int) -> str:
    if p.pid == root_pid:
        return "cli"
    cmd = " ".join(p.cmdline())
    if "prefect" in cmd and "server" in cmd:
        return "prefect server"
    if "spawn_main" in cmd:
        return "dask worker"
    return "other"


def roles_line(peaks: dict[tuple[str, int], int]) -> str:
    """Per-process peaks in MiB by role, e.g. ``cli 243, prefect server 221, dask worker 402/398``."""
    by_role: dict[str, list[int]] = {}
    for (role, _pid), rss in sorted(peaks.items()):
        by_role.setdefault(role, []).append(round(rss / 2**20))
    return ", ".join(f"{role} {'/'.join(map(str, v))}" for role, v in by_role.items())


def run_cli(corpus: Path, env: dict, *args: str) -> dict:
    """Run ``newsetl run CORPUS`` as a user would; returns wall seconds, peak tree RSS and the flow's figures."""
    peak = [0]
    peaks: dict[tuple[str, int], int] = {}
    t = time.perf_counter()
    proc = subprocess.Popen(
        [NEWSETL, "run", str(corpus), "--no-progress", *args], env=env, cwd=REPO,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.extend(proc.stdout), daemon=True)
    reader.start()
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_rss(proc.pid, peaks))
        time.sleep(0.1)
    reader.join()
    wall = time.perf_counter() - t
    text = "".join(out)
    if proc.returncode != 0:
        raise SystemExit(f"newsetl run failed ({proc.returncode}):\n{text[-3000:]}")
    m = re.search(r"seen (\d+) = indexed (\d+) \+ unchanged (\d+) \+ rejected (\d+) in ([\d.]+)s", text)
    stages = dict(
        (k.strip(), float(v)) for k, v in re.findall(r"([a-z ]+?) ([\d.]+)(?:,|$)", re.search(r"stage seconds: (.*)", text).group(1))
    )
    tasks = len(set(re.findall(r"Task run '((?:check|build|load)-batch-[0-9a-f]+)'", text)))
    return {
        "wall": wall, "peak": peak[0], "seen": int(m[1]), "indexed": int(m[2]), "unchanged": int(m[3]),
        "rejected": int(m[4]), "flow": float(m[5]), "stages": stages, "tasks": tasks, "peaks": roles_line(peaks),
    }


def make_scaled(corpus: Path, files: list[Path], scale: int, where: Path) -> Path:
    """``scale`` copies of every file under new names (hard links when the file system allows, else copies)."""
    out = where / f"{corpus.name}-x{scale}"
    out.mkdir()
    for f in files:
        rel = f.relative_to(corpus)
        for i in range(scale):
            dest = out / rel.parent / f"{rel.stem}-r{i}{rel.suffix}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(f, dest)
            except OSError:
                shutil.copyfile(f, dest)
    return out


def raw_bulk(url: str, index: str, docs: list[tuple[str, bytes]], chunk: int) -> float:
    """POST the documents as NDJSON ``_bulk`` requests of ``chunk`` documents over one HTTP connection; seconds."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 9200, timeout=120)
    t = time.perf_counter()
    for i in range(0, len(docs), chunk):
        body = b"".join(
            b'{"index":{"_index":"%s","_id":"%s"}}\n%s\n' % (index.encode(), d.encode(), src) for d, src in docs[i : i + chunk]
        )
        conn.request("POST", "/_bulk", body=body, headers={"Content-Type": "application/x-ndjson"})
        resp = json.loads(conn.getresponse().read())
        assert not resp["errors"], "raw bulk had item errors"
    conn.request("POST", f"/{index}/_refresh")
    conn.getresponse().read()
    conn.close()
    return time.perf_counter() - t


def prefect_costs(n: int = 40) -> tuple[float, float, float]:
    """Prefect's own costs in this process, with no work inside: seconds for the temporary server
    to start (0 with PREFECT_API_URL set), for one no-op flow run, and for one no-op task run called
    the way the flow calls its tasks."""
    from etl.prefect_server import prefect_api

    t = time.perf_counter()
    with prefect_api() as ready:  # what a CLI run without PREFECT_API_URL starts; the later CLI runs start their own
        ready()
        server_s = time.perf_counter() - t
        return (server_s, *_prefect_run_costs(n))


def _prefect_run_costs(n: int) -> tuple[float, float]:
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    @task(cache_policy=NO_CACHE)
    def noop(x: int) -> int:
        return x

    @flow
    def empty() -> None:
        return None

    @flow
    def probe() -> float:
        noop(0)
        t = time.perf_counter()
        for i in range(n):
            noop.submit(i).result()
        return (time.perf_counter() - t) / n

    empty()
    t = time.perf_counter()
    empty()
    flow_s = time.perf_counter() - t
    return flow_s, probe()


def import_seconds() -> float:
    """Seconds a fresh interpreter takes to import what ``newsetl run`` imports before its flow starts."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import etl.cli, flows.ingest, prefect_dask, distributed"], cwd=REPO, check=True)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "silver-seeds"))
    parser.add_argument("--es-url", default=os.environ.get("NEWSETL_ES_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--scale", type=int, default=10, help="size of the large corpus, in copies of CORPUS (0: skip)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes for the parallel figures")
    parser.add_argument("--naive", type=int, default=500, help="articles for the naive approach")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each 1x figure (bare spaCy, full runs); the fastest counts")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: corpus {corpus} is absent")
        return 0

    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    os.environ.update(
        NEWSETL_ES_URL=args.es_url, PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
        NEWSETL_INDEX_ALIAS=f"{prefix}-tmp", NEWSETL_REJECTIONS_INDEX=f"{prefix}-tmp-rejections",
    )
    os.environ.setdefault("PREFECT_HOME", str(REPO / ".prefect"))

    import spacy

    from etl import index as es_index
    from etl.config import get_settings
    from etl.entities import load_model
    from etl.models import Article
    from etl.parse import parse_article
    from etl.pipeline import word_count
    from etl.sources import decode, discover
    from flows.ingest import load_batch

    settings = get_settings()
    es = es_index.connect(settings)
    es_index.check_connection(es, settings.es_url)
    files = list(discover(corpus, settings.source_glob))
    texts = [decode(f.path.read_bytes())[0] for f in files]
    bodies = [parse_article(t).body for t in texts]
    words = sum(word_count(b) for b in bodies)
    n = args.workers
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    def env_for(alias: str) -> dict:
        return {**os.environ, "NEWSETL_INDEX_ALIAS": alias, "NEWSETL_REJECTIONS_INDEX": f"{alias}-rejections", "COLUMNS": "200"}

    tmp = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    try:
        say(f"corpus: {corpus} ({len(files)} files, {words} words); {n} processes; load average {os.getloadavg()[0]:.1f}")
        nlp = load_model(settings.spacy_model)
        bare: dict[int, float] = {}
        full: dict[int, dict] = {}
        for i in range(args.repeat):  # alternating, so a slow spell of the machine hits both sides
            for procs in sorted({1, n}):
                t = time.perf_counter()
                for _ in nlp.pipe(bodies, batch_size=settings.nlp_batch_size, n_process=procs):
                    pass
                bare[procs] = min(bare.get(procs, float("inf")), time.perf_counter() - t)
            for procs in sorted({1, n}):
                r = run_cli(corpus, env_for(f"{prefix}-w{procs}" + (f"-{i}" if i else "")), "--workers", str(procs))
                if procs not in full or r["wall"] < full[procs]["wall"]:
                    full[procs] = r
        best = f"best of {args.repeat}" if args.repeat > 1 else "one run"
        for procs in sorted({1, n}):
            say(f"bare spaCy NER, nlp.pipe n_process={procs} ({'+'.join(nlp.pipe_names)}), {best}: {bare[procs]:.1f} s, "
                f"{len(bodies) / bare[procs]:.1f} docs/s, {words / bare[procs]:.0f} words/s")
        for procs in sorted({1, n}):
            r = full[procs]
            say(f"full newsetl run --workers {procs}, {best}: {r['wall']:.1f} s wall ({r['flow']:.1f} s in the flow), "
                f"{r['indexed'] / r['wall']:.1f} docs/s, {words / r['wall']:.0f} words/s, peak RSS {r['peak'] / 2**20:.0f} MiB "
                f"(indexed {r['indexed']}, rejected {r['rejected']})")
            say("  stage seconds (summed over workers): " + ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items()))
            say(f"  peak RSS per process, MiB: {r['peaks']}")
        main = full[n]
        rerun = run_cli(corpus, env_for(f"{prefix}-w{n}"), "--workers", str(n))
        say(f"no-change re-run: {rerun['wall']:.1f} s wall ({rerun['flow']:.1f} s in the flow), unchanged {rerun['unchanged']}")

        # the load stage alone vs raw _bulk, on the documents the full run indexed
        hits = [h for h in __import__("elasticsearch").helpers.scan(es, index=f"{prefix}-w{n}", query={"query": {"match_all": {}}})]
        articles = sorted((Article(id=h["_id"], **h["_source"]) for h in hits), key=lambda a: a.source_path)
        docs = [(a.id, a.model_dump_json(exclude_none=True).encode()) for a in articles]
        resolve = es_index.has_open_rejections(es, settings.rejections_index, articles[0].source)  # as the flow asks
        raw_s = load_s = float("inf")
        for r in range(3):  # best of 3, alternating, each into fresh indices: a second or so each, so one hiccup decides a single try
            load_alias, raw_index = f"{prefix}-load{r}", f"{prefix}-raw{r}-v1"
            es_index.create_index(es, settings, f"{load_alias}-v1", alias=load_alias)
            es_index.create_index(es, settings, raw_index)
            raw_s = min(raw_s, raw_bulk(args.es_url, raw_index, docs, settings.bulk_chunk_size))
            t = time.perf_counter()
            originals: dict[str, str] = {}
            for i in range(0, len(articles), settings.batch_size):
                batch = articles[i : i + settings.batch_size]
                res = load_batch.fn(batch, "bench", load_alias, dict(originals), resolve=resolve)
                for a in batch:
                    originals.setdefault(a.checksum, a.id)
                assert not res.rejections, res.rejections[:1]
            es.indices.refresh(index=load_alias)
            load_s = min(load_s, time.perf_counter() - t)
        mb = sum(len(d) for _, d in docs) / 2**20
        say(f"load stage alone (load-batch work per {settings.batch_size} docs), best of 3: {load_s:.1f} s, {len(docs) / load_s:.0f} docs/s ({mb:.0f} MiB of JSON)")
        say(f"raw _bulk NDJSON, one HTTP connection, {settings.bulk_chunk_size} docs per request, best of 3: {raw_s:.1f} s, {len(docs) / raw_s:.0f} docs/s")

        # the naive approach: whole model, nlp(text) + es.index() per article
        sample = list(zip(files, bodies))[: args.naive]
        naive_index = f"{prefix}-naive"
        tutorial_nlp = spacy.load(settings.spacy_model)
        t = time.perf_counter()
        for f, body in sample:
            doc = tutorial_nlp(body)
            es.index(index=naive_index, id=f.relative_path, document={
                "path": f.relative_path, "body": body, "entities": [{"text": e.text, "label": e.label_} for e in doc.ents],
            })
        naive_s = time.perf_counter() - t
        naive_rate = len(sample) / naive_s
        say(f"naive (spacy.load whole model; nlp(text) + es.index() per article, {len(sample)} articles, 1 process): "
            f"{naive_s:.1f} s, {naive_rate:.1f} docs/s")

        server_s, flow_run_s, task_run_s = prefect_costs()
        imports_s = import_seconds()
        bookkeeping = flow_run_s + main["tasks"] * task_run_s
        say(f"Prefect bookkeeping: no-op flow run {flow_run_s:.2f} s + {main['tasks']} task runs x {task_run_s * 1000:.0f} ms no-op task run "
            f"= {bookkeeping:.2f} s; fixed start-up of a CLI run: temporary server {server_s:.1f} s (while the CLI imports its modules, "
            f"{imports_s:.1f} s); outside the flow body in all (start-up, Dask cluster close, summary) {main['wall'] - main['flow']:.1f} s")

        big = None
        if args.scale > 1:
            scaled = make_scaled(corpus, [f.path for f in files], args.scale, tmp)
            # the floor again, next to the run it judges: over the half hour of a bench this
            # machine's speed drifts by 10-30% (session 5: bare spaCy 1 process 59.0 s one day,
            # 67.9 s the next), which a floor measured at the start would book to the pipeline
            t = time.perf_counter()
            for _ in nlp.pipe(bodies, batch_size=settings.nlp_batch_size, n_process=n):
                pass
            bare_near = time.perf_counter() - t
            say(f"bare spaCy NER again, n_process={n}, just before the x{args.scale} run: {bare_near:.1f} s, {len(bodies) / bare_near:.1f} docs/s")
            big = run_cli(scaled, env_for(f"{prefix}-x{args.scale}"), "--workers", str(n))
            say(f"full newsetl run on the x{args.scale} corpus ({big['seen']} files) --workers {n}: {big['wall']:.1f} s wall, "
                f"{big['indexed'] / big['wall']:.1f} docs/s, {args.scale * words / big['wall']:.0f} words/s, peak RSS {big['peak'] / 2**20:.0f} MiB")
            say("  stage seconds (summed over workers): " + ", ".join(f"{k} {v:.1f}" for k, v in big["stages"].items()))
            say(f"  peak RSS per process, MiB: {big['peaks']}")
            big_rerun = run_cli(scaled, env_for(f"{prefix}-x{args.scale}"), "--workers", str(n))
            say(f"no-change re-run on the x{args.scale} corpus: {big_rerun['wall']:.1f} s wall ({big_rerun['flow']:.1f} s in the flow), unchanged {big_rerun['unchanged']}")
            if n > 1:  # the scale-out ratio once the fixed start-up of a run no longer dominates
                big1 = run_cli(scaled, env_for(f"{prefix}-x{args.scale}-w1"), "--workers", "1")
                say(f"full newsetl run on the x{args.scale} corpus --workers 1: {big1['wall']:.1f} s wall ({big1['flow']:.1f} s in the flow), "
                    f"{big1['indexed'] / big1['wall']:.1f} docs/s, peak RSS {big1['peak'] / 2**20:.0f} MiB")
                say("  stage seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in big1["stages"].items()))

        say()
        say("ratios (target in brackets):")
        say(f"  full pipeline / bare spaCy throughput, {n} processes: {bare[n] / main['wall']:.2f} (>= 0.85); "
            f"inside the flow: {bare[n] / main['flow']:.2f}")
        say(f"  full pipeline / bare spaCy throughput, 1 process: {bare[1] / full[1]['wall']:.2f}; inside the flow: {bare[1] / full[1]['flow']:.2f}")
        say(f"  {n} worker processes / 1 process: {full[1]['wall'] / main['wall']:.2f} (>= 1.7); inside the flow: {full[1]['flow'] / main['flow']:.2f}; "
            f"bare spaCy {n} / 1: {bare[1] / bare[n]:.2f}")
        say(f"  load stage / raw _bulk throughput: {raw_s / load_s:.2f} (>= 0.8)")
        say(f"  full pipeline / naive throughput: {main['indexed'] / main['wall'] / naive_rate:.1f} (>= 5)")
        say(f"  no-change re-run / full run time: {rerun['wall'] / main['wall']:.3f} (<= 0.05); inside the flow: {rerun['flow'] / main['flow']:.3f}")
        if big:
            bare_rate = len(bodies) / bare_near  # the same texts, so the same docs/s floor, measured next to the run
            say(f"  x{args.scale} corpus: full pipeline / bare spaCy throughput, {n} processes: {big['indexed'] / big['wall'] / bare_rate:.2f} (>= 0.85); "
                f"inside the flow: {big['indexed'] / big['flow'] / bare_rate:.2f}; against the 1x floor: {big['indexed'] / big['wall'] * bare[n] / len(bodies):.2f}")
            say(f"  x{args.scale} corpus: no-change re-run / full run time: {big_rerun['wall'] / big['wall']:.3f} (<= 0.05); "
                f"inside the flow: {big_rerun['flow'] / big['flow']:.3f}")
            if n > 1:
                say(f"  x{args.scale} corpus: {n} worker processes / 1 process: {big1['wall'] / big['wall']:.2f} (>= 1.7); "
                    f"inside the flow: {big1['flow'] / big['flow']:.2f}")
            say(f"  peak memory x{args.scale} / x1: {big['peak'] / main['peak']:.2f} (<= 1.1)")
        say(f"  Prefect bookkeeping / run time: {bookkeeping / main['wall']:.3f} (<= 0.05); "
            f"its temporary server's start, when no PREFECT_API_URL is set: {server_s / main['wall']:.3f} more")
        say(f"  load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        names = list(es.indices.get(index=f"{prefix}*", expand_wildcards="all"))
        if names:
            es.indices.delete(index=",".join(names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
