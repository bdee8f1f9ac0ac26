"""Scale-out: the ingest flow on a local Dask cluster (2 worker processes) builds the same index as one process."""

import shutil
from typing import ClassVar

import distributed
import pytest

from etl import index as es_index
from etl.config import get_settings
from tests.conftest import corpus

pytestmark = [pytest.mark.integration, pytest.mark.corpus]

IGNORED = {"run_id", "ingested_at"}  # what legitimately differs between two runs


def _snapshot(es, alias: str) -> dict[str, dict]:
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, size=1000, sort=[{"source_path": "asc"}], query={"match_all": {}})["hits"]["hits"]
    return {h["_id"]: {k: v for k, v in h["_source"].items() if k not in IGNORED} for h in hits}


class WatchedCluster(distributed.LocalCluster):
    """A real LocalCluster that records, as it closes, how many batches each worker process built.

    At module level: defined inside the test, the class reached the cluster as a
    copy (with a copy of its closure), so its records never came back; a module
    class is referred to by name, so they land in this list.
    """

    started: ClassVar[list[dict[str, int]]] = []

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.started.append({})

    def close(self, timeout=None):
        if self.status.name == "running":
            with distributed.Client(self) as client:
                self.started[-1].update(client.run(_builds_done))
        return super().close(timeout)


def _builds_done() -> int:
    """Run on each Dask worker: how many batches ``build-batch`` built in that process."""
    import sys

    ingest_module = sys.modules.get("flows.ingest")
    if ingest_module is None:
        return 0
    info = ingest_module._builder.cache_info()  # build_batch asks for the builder once per batch
    return info.hits + info.misses


def test_two_dask_workers_build_the_same_index_as_one_process(isolated_env, prefect_server, tmp_path, monkeypatch):
    tbaq = corpus("tbaq-seeds")
    from flows.ingest import ingest, task_runner

    folder = tmp_path / "tbaq"
    folder.mkdir()
    for src in sorted(tbaq.glob("*.txt"))[:40]:
        shutil.copy2(src, folder / src.name)  # keeps the mtime: a file modified just now has no trusted stat (etl.changes), stored as None

    single = isolated_env["NEWSETL_INDEX_ALIAS"]
    one = ingest(str(folder), batch_size=10)
    assert (one.seen, one.indexed, one.rejected) == (40, 40, 0)

    monkeypatch.setattr(distributed, "LocalCluster", WatchedCluster)
    started = WatchedCluster.started
    started.clear()

    dask_alias = f"{single}-dask"  # starts with the isolated alias: the fixture deletes it too
    monkeypatch.setenv("NEWSETL_INDEX_ALIAS", dask_alias)
    monkeypatch.setenv("NEWSETL_REJECTIONS_INDEX", f"{dask_alias}-rejections")
    get_settings.cache_clear()
    with task_runner(workers=2) as runner:
        two = ingest.with_options(task_runner=runner)(str(folder), batch_size=10)
    assert (two.seen, two.indexed, two.unchanged, two.rejected, two.failed_batches) == (40, 40, 0, 0, [])
    assert len(started) == 1
    builds = started[0]  # {worker address: batches that process built}
    assert len(builds) == 2 and all(n >= 1 for n in builds.values()), builds  # both processes worked
    assert sum(builds.values()) == 11  # 40 files, 2 slots: batches of 10, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1 (tail_batch_size)

    with task_runner(workers=2) as runner:  # nothing changed: no batch to build, so no cluster is started
        again = ingest.with_options(task_runner=runner)(str(folder), batch_size=10)
    assert (again.seen, again.indexed, again.unchanged, again.rejected) == (40, 0, 40, 0)
    assert len(started) == 1

    es = es_index.connect(get_settings())
    a, b = _snapshot(es, single), _snapshot(es, dask_alias)
    assert len(a) == len(b) == 40
    assert {i: d["checksum"] for i, d in a.items()} == {i: d["checksum"] for i, d in b.items()}
    assert {i: d["entity_mentions"] for i, d in a.items()} == {i: d["entity_mentions"] for i, d in b.items()}
    assert {i: d.get("date_mentions") for i, d in a.items()} == {i: d.get("date_mentions") for i, d in b.items()}
    assert a == b  # every field but the run id and time
