"""`newsetl search` as a user runs it, over the seed indexed by `newsetl run`."""

import json

import pytest

from tests.conftest import SEEDS
from tests.e2e.test_cli import newsetl

pytestmark = pytest.mark.e2e

ISSUE_ARGS = ["sanctions", "--gpe", "North Korea", "--mentions-from", "2017-11-01", "--mentions-to", "2017-11-30"]


def test_search_the_seed(isolated_env):
    empty = newsetl("search", "sanctions", env=isolated_env, timeout=60)
    assert empty.returncode == 1
    assert empty.stderr.strip() == (
        f"error: there is no index '{isolated_env['NEWSETL_INDEX_ALIAS']}' yet: index articles first with `newsetl run DIR`"
    )

    assert newsetl("run", str(SEEDS), env=isolated_env).returncode == 0

    shown = newsetl("search", *ISSUE_ARGS, env=isolated_env, timeout=60)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "1 article(s) match" in out
    assert "2017-12-27 · MOSCOW · AFP" in out
    # the highlighted body fragments: with the english analysis "sanctions" also marks "sanctioned"
    assert "Pyongyang has slammed the UN sanctions" in out and "The United States sanctioned two" in out
    assert "Sergei Lavrov (1)" in out and "North Korea (1)" in out
    assert "mentioned_month │ 2017-11 (1)" in out

    as_json = newsetl("search", *ISSUE_ARGS, "--json", env=isolated_env, timeout=60)
    data = json.loads(as_json.stdout)
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert hit["source_path"] == "000_4a3f43196b185345.txt"
    assert hit["published"] == "2017-12-27"
    assert any("<em>sanctions</em>" in f for f in hit["highlight"]["body"])
    assert any("<em>sanctioned</em>" in f for f in hit["highlight"]["body"])
    facets = data["facets"]
    assert {"key": "Rex Tillerson", "count": 1} in facets["entities.person"]
    assert facets["dateline"] == [{"key": "MOSCOW", "count": 1}]
    assert facets["agency"] == [{"key": "AFP", "count": 1}]
    assert facets["published_month"] == [{"key": "2017-12", "count": 1}]
    assert facets["mentioned_month"] == [{"key": "2017-11", "count": 1}]


def test_mentioned_dates_intersect_at_day_boundaries(isolated_env):
    assert newsetl("run", str(SEEDS), env=isolated_env).returncode == 0

    def total(*args):
        result = newsetl("search", "--json", *args, env=isolated_env, timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    # the seed's ranges: November 2017 (last month), Nov 28, Dec 22 (Friday), Dec 26, Dec 27
    assert total("--mentions-from", "2017-12-01", "--mentions-to", "2017-12-21")["total"] == 0
    assert total("--mentions-from", "2017-12-01", "--mentions-to", "2017-12-22")["total"] == 1
    everything = total()
    assert everything["facets"]["mentioned_month"] == [{"key": "2017-11", "count": 1}, {"key": "2017-12", "count": 1}]
    assert total("--gpe", "DPRK", "--person", "rex tillerson")["total"] == 1
    assert total("--person", "Kim Jong-Un", "--agency", "Xinhua")["total"] == 0
    assert total("--published-from", "2017-12-28")["total"] == 0


def test_malformed_query_and_node_down_are_one_line(isolated_env):
    bad = newsetl("search", '"unbalanced', env=isolated_env, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "error: malformed query '\"unbalanced': the double quote at position 1 is never closed "
        '(phrases need a pair of quotes; escape a literal quote as \\")'
    ]
    down = newsetl("search", "x", env={**isolated_env, "NEWSETL_ES_URL": "http://127.0.0.1:9"}, timeout=60)
    assert down.returncode == 1
    assert len(down.stderr.strip().splitlines()) == 1
    assert down.stderr.startswith("error: Elasticsearch is not reachable at http://127.0.0.1:9")


def test_what_people_type_finds_the_seed(isolated_env):
    """The seed's words as a user types them other ways (issue 15): stems, a possessive, an alias, an
    acronym, a curly apostrophe, a name the entities know; the pronoun 'us' alone is not the country."""
    run = newsetl("run", str(SEEDS), env=isolated_env)
    assert run.returncode == 0
    output = run.stdout + run.stderr  # no fallback warning: the node has the whole english analysis
    assert "using 'standard'" not in output and "lacks some analysis-common filters" not in output

    def total(query):
        result = newsetl("search", query, "--json", env=isolated_env, timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["total"]

    # the seed says "sanctions", "sanctioned", "sanctioning", "negotiations", "negotiating"
    for query in ("sanction", "negotiate", "North Korea's", "North Korea’s", "DPRK", "the U.S.", "US", "Mnuchin"):
        assert total(query) == 1, query
    assert total("U.S. sanctions negotiate") == 1
    assert total("us") == 1  # lower case is the word too: the seed's "US President" counts
