"""etl/ledger.py against the real node: rejections Elasticsearch could not take wait in a local file
and are written later, never over newer news."""

import datetime as dt
import json

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.ledger import RejectionLedger, record, replay_pending
from etl.models import Rejection, Stage
from tests.integration.test_index import es  # noqa: F401  (the fixture: a client, the index and rejections index made)

pytestmark = pytest.mark.integration

T0 = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def _rejection(letter: str, minutes: int, reason: str = "bulk load failed", resolved: bool = False) -> Rejection:
    return Rejection(
        id=letter * 40, source="wire", source_path=f"{letter}.txt", stage=Stage.LOAD, reason=reason,
        run_id=f"run-{minutes}", time=T0 + dt.timedelta(minutes=minutes), resolved=resolved,
    )


def _stored(es, index: str) -> dict[str, tuple[str, bool]]:
    es.indices.refresh(index=index)
    return {r["source_path"]: (r["run_id"], r["resolved"]) for r in es_index.list_rejections(es, index, include_resolved=True)}


def test_record_keeps_in_the_ledger_what_an_unreachable_cluster_cannot_take(isolated_env, tmp_path):
    settings = get_settings().model_copy(update={"es_url": "http://127.0.0.1:9"})  # nothing listens there
    dead = es_index.connect(settings).options(max_retries=0)
    assert record(dead, settings, [_rejection("a", 0), _rejection("b", 0)]) == 2
    ledger = RejectionLedger.for_settings(settings)
    assert ledger.path == tmp_path / "state" / "rejections-ledger.jsonl"
    assert [r.source_path for r in ledger.pending()] == ["a.txt", "b.txt"]
    lines = [json.loads(line) for line in ledger.path.read_text().splitlines()]
    assert {(e["es_url"], e["index"], e["id"]) for e in lines} == {
        ("http://127.0.0.1:9", settings.rejections_index, "a" * 40), ("http://127.0.0.1:9", settings.rejections_index, "b" * 40),
    }
    # the ledger of another cluster, or of another rejections index, is not this one's
    assert RejectionLedger(settings.state_dir, isolated_env["NEWSETL_ES_URL"], settings.rejections_index).pending() == []


def test_replay_writes_what_the_index_lacks_and_never_overwrites_newer_news(es, isolated_env):
    settings = get_settings()
    index = settings.rejections_index
    # in the index already: b (resolved since, same time as the ledger's), c (a later rejection), d (an older one)
    es_index.record_rejections(es, index, [_rejection("b", 0, resolved=True), _rejection("c", 5), _rejection("d", -5)])
    ledger = RejectionLedger.for_settings(settings)
    ledger.append([_rejection("a", 0), _rejection("b", 0), _rejection("c", 0), _rejection("d", 0)])
    other = RejectionLedger(settings.state_dir, "http://elsewhere:9200", index)
    other.append([_rejection("e", 0)])
    with ledger.path.open("a") as out:
        out.write('{"es_url": "torn li\n')  # a line a crash cut short: kept, never dropped

    assert replay_pending(es, settings) == 2  # a (absent) and d (older in the index)
    assert _stored(es, index) == {
        "a.txt": ("run-0", False), "b.txt": ("run-0", True), "c.txt": ("run-5", False), "d.txt": ("run-0", False),
    }
    assert ledger.pending() == []
    assert [r.source_path for r in other.pending()] == ["e.txt"]
    assert ledger.path.read_text().splitlines()[-1] == '{"es_url": "torn li'
    assert replay_pending(es, settings) == 0  # nothing left for this cluster: a second replay changes nothing
    assert _stored(es, index)["b.txt"] == ("run-0", True)
