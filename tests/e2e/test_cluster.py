"""A three-node local cluster (`newsetl es up --nodes 3`) that loses a node in the middle of a
`newsetl run` (issue 17): the run completes, every file is indexed once, with the documents a
single node gets, and the cluster returns to green once the node is back.

The cluster runs on HTTP ports P..P+2 (transport +100) with P = ``NEWSETL_TEST_CLUSTER_PORT``,
default the test node's port + 1 (`make test TEST_ES_PORT=9240`: 9241-9243 and 9341-9343).
``NEWSETL_TEST_CLUSTER_FILES`` sets how many silver-seeds files the run ingests (default 64;
``all`` for the whole corpus, about 20 minutes on 2 cores). No outcome depends on a sleep: the
node is killed once the first batch is in the index, and later checks poll for states.
"""

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from etl.config import get_settings
from etl.sources import document_id
from tests.conftest import REPO, corpus
from tests.e2e.test_cli import NEWSETL, summary_of
from tests.e2e.test_es_faults import _count, _get

pytestmark = pytest.mark.e2e

COMPARED = ("source_path", "checksum", "published", "dateline", "entities", "entity_mentions", "mentioned_dates",
            "date_mentions", "countries", "word_count", "pipeline_version")


def _documents(url: str, alias: str, fields: tuple[str, ...] = COMPARED) -> dict[str, dict]:
    """Every document of ``alias`` as ``{_id: {field: value}}``, after a refresh."""
    urllib.request.urlopen(urllib.request.Request(f"{url}/{alias}/_refresh", method="POST"), timeout=60).read()
    body = json.dumps({"size": 10000, "_source": list(fields), "query": {"match_all": {}}}).encode()
    req = urllib.request.Request(f"{url}/{alias}/_search", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        hits = json.loads(resp.read())["hits"]
    assert hits["total"]["value"] == len(hits["hits"])
    return {h["_id"]: h["_source"] for h in hits["hits"]}


@pytest.fixture(scope="module")
def cluster(es_url):
    """A three-node ephemeral local cluster of this test's own, stopped and removed at the end."""
    from etl.elasticsearch_cluster import LocalCluster
    from etl.elasticsearch_local import port_open
    from etl.errors import LocalNodeError

    base = int(os.environ.get("NEWSETL_TEST_CLUSTER_PORT") or int(es_url.rsplit(":", 1)[1]) + 1)
    taken = [p for p in range(base, base + 3) for p in (p, p + 100) if port_open(p)]
    if taken:
        pytest.fail(f"ports {taken} are taken: set NEWSETL_TEST_CLUSTER_PORT to a free range (HTTP P..P+2, transport +100)")
    settings = get_settings().model_copy(update={"es_heap": "512m"})
    made = LocalCluster(settings, port=base, nodes=3, ephemeral=True)
    try:
        made.up()
    except LocalNodeError as exc:
        made.down()
        pytest.fail(str(exc))
    try:
        yield made
    finally:
        made.down()


def test_a_node_killed_mid_run_loses_and_duplicates_nothing(cluster, isolated_env, tmp_path):
    """SIGKILL of the node listed first in NEWSETL_ES_URL once the first batch is loaded: the run goes on through the two others; every file
    is indexed exactly once with what a single node gets; the node restarts and rejoins, and
    the cluster is green again."""
    names = sorted(p.name for p in corpus("silver-seeds").glob("*.txt"))
    wanted = os.environ.get("NEWSETL_TEST_CLUSTER_FILES", "64")
    if wanted != "all":
        names = names[:: max(1, len(names) // int(wanted))][: int(wanted)]
    folder = tmp_path / "wire"
    folder.mkdir()
    for name in names:
        shutil.copy(corpus("silver-seeds") / name, folder / name)  # a link out of the folder is refused
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    urls = cluster.urls
    first = cluster.node(cluster.ports[0])
    env = {**os.environ, **isolated_env, "COLUMNS": "200", "NEWSETL_ES_URL": ",".join(urls),
           "NEWSETL_INDEX_SHARDS": "3", "NEWSETL_INDEX_REPLICAS": "1", "NEWSETL_ES_TIMEOUT": "30"}
    args = [NEWSETL, "run", str(folder), "--batch-size", "8", "--workers", "1", "--no-progress"]

    proc = subprocess.Popen(args, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        while _count(urls[1], alias) == 0:  # the first batch is in: kill the first node for the rest of the run
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        assert proc.poll() is None, "the run finished before the node was lost"
        os.kill(first._pid(), signal.SIGKILL)
        out, errout = proc.communicate(timeout=1800)
    finally:
        if proc.poll() is None:
            proc.kill()
    summary = summary_of(out)
    failed = summary.get("failed batches", "")
    if proc.returncode != 0:  # a batch failed during the outage: it is named, and the next run finishes it
        assert "failed after retries" in errout + out and failed, (out[-3000:], errout[-3000:])
        again = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=1800)
        assert again.returncode == 0, (again.stdout[-3000:], again.stderr[-3000:])
    # what the user sees: one line naming the lost node, no traceback of the client's node objects
    assert f"Elasticsearch node {urls[0]} failed; requests go to the other nodes" in errout, errout[-3000:]
    assert "Urllib3HttpNode" not in errout

    got = _documents(urls[1], alias)
    expected_ids = {document_id("wire", name) for name in names}
    assert set(got) == expected_ids  # every file, and only once (ids are unique in an index)
    assert _count(urls[2], alias) == len(names)

    # the same files on the single test node: the same documents
    single_alias = f"{alias}-single"
    single_env = {**os.environ, **isolated_env, "NEWSETL_INDEX_ALIAS": single_alias,
                  "NEWSETL_REJECTIONS_INDEX": f"{single_alias}-rejections"}
    single = subprocess.run(args, env=single_env, cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert single.returncode == 0, single.stderr[-3000:]
    reference = _documents(isolated_env["NEWSETL_ES_URL"], single_alias)
    assert got == reference
    assert sum(len(d.get("entity_mentions", [])) for d in got.values()) > len(names)  # the comparison has substance

    # the node comes back: it rejoins from its data folder and the replicas are rebuilt
    cluster.up()
    health = cluster.wait_for_status("green", timeout=300)
    assert (health["number_of_nodes"], health["status"], health["unassigned_shards"]) == (3, "green", 0), health
