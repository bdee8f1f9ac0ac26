"""`newsetl search` as a user runs it, over the seed indexed by `newsetl run`."""

import json
import re
import uuid

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
    by_country = total("--country", "KP", "sanctions")
    assert by_country["total"] == 1 and {"key": "PH", "count": 1} in by_country["facets"]["countries"]
    assert total("--country", "north korea", "--country", "FR")["total"] == 1  # any of several
    assert total("--country", "FR")["total"] == 0


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


# Thirteen silver-seeds stories (every 200th file), read by hand: 3 AFP stories of April 1997 with a
# dateline and an AFP line, 3 AFP stories of 2005-2006 with neither, 7 Xinhua stories with both.
STORIES = {
    "AFP_ENG_19970401.0006.txt": ("1997-04-01", "KUALA LUMPUR", "AFP"),
    "AFP_ENG_19970415.0397.txt": ("1997-04-15", "THE HAGUE", "AFP"),
    "AFP_ENG_19970429.0243.txt": ("1997-04-29", "MANILA", "AFP"),
    "AFP_ENG_20051215.0683.txt": ("2005-12-15", None, None),
    "AFP_ENG_20061212.0232.txt": ("2006-12-12", None, None),
    "AFP_ENG_20061224.0227.txt": ("2006-12-24", None, None),
    "XIN_ENG_20051108.0025.txt": ("2005-11-08", "DAR ES SALAAM", "Xinhua"),
    "XIN_ENG_20051116.0283.txt": ("2005-11-16", "WASHINGTON", "Xinhua"),
    "XIN_ENG_20051126.0121.txt": ("2005-11-26", "TEHRAN", "Xinhua"),
    "XIN_ENG_20061104.0128.txt": ("2006-11-04", "BEIJING", "Xinhua"),
    "XIN_ENG_20061114.0059.txt": ("2006-11-14", "GUIYANG", "Xinhua"),
    "XIN_ENG_20061121.0308.txt": ("2006-11-21", "KHARTOUM", "Xinhua"),
    "XIN_ENG_20061129.0123.txt": ("2006-11-29", "BAGHDAD", "Xinhua"),
}


@pytest.fixture(scope="module")
def thirteen(es_url, tmp_path_factory):
    """An index of the thirteen STORIES, made once for this module's searches (they only read it)."""
    import shutil
    import urllib.request

    from tests.conftest import corpus

    folder = tmp_path_factory.mktemp("thirteen") / "wire"
    folder.mkdir()
    for name in STORIES:
        shutil.copy(corpus("silver-seeds") / name, folder / name)
    name = f"t-{uuid.uuid4().hex[:10]}"
    env = {"NEWSETL_ES_URL": es_url, "NEWSETL_INDEX_ALIAS": name, "NEWSETL_REJECTIONS_INDEX": f"{name}-rejections", "COLUMNS": "200"}
    made = newsetl("run", str(folder), "--workers", "1", env=env)
    assert made.returncode == 0, made.stderr
    yield env
    with urllib.request.urlopen(f"{es_url}/_cat/indices/{name}*?format=json&h=index") as resp:
        names = [i["index"] for i in json.loads(resp.read())]
    urllib.request.urlopen(urllib.request.Request(f"{es_url}/{','.join(names)}", method="DELETE")).close()


def _json(env: dict, *args: str) -> dict:
    result = newsetl("search", "--json", *args, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_sort_by_publication_date_and_the_pages_of_it(thirteen):
    newest_first = sorted(STORIES, key=lambda n: STORIES[n][0], reverse=True)
    everything = _json(thirteen, "--sort", "published", "--size", "13")
    assert [h["source_path"] for h in everything["hits"]] == newest_first
    assert [h["published"] for h in everything["hits"]][:3] == ["2006-12-24", "2006-12-12", "2006-11-29"]
    pages = [_json(thirteen, "--sort", "published", "--size", "5", "--page", str(p)) for p in (1, 2, 3)]
    assert [[h["source_path"] for h in page["hits"]] for page in pages] == [newest_first[:5], newest_first[5:10], newest_first[10:]]
    assert {(page["total"], page["size"]) for page in pages} == {(13, 5)}
    shown = newsetl("search", "--sort", "published", "--size", "5", "--page", "3", env=thirteen, timeout=60)
    assert shown.stdout.startswith("13 article(s) match; page 3 of 3\n\n11. 1997-04-29 · MANILA · AFP  wire/AFP_ENG_19970429.0243.txt")
    assert "\n13. 1997-04-01 · KUALA LUMPUR · AFP  wire/AFP_ENG_19970401.0006.txt" in shown.stdout


def test_a_repeated_dateline_or_agency_filter_matches_any_of_them(thirteen):
    assert _json(thirteen, "--agency", "AFP")["total"] == 3
    assert _json(thirteen, "--agency", "Xinhua")["total"] == 7
    assert _json(thirteen, "--agency", "AFP", "--agency", "Xinhua")["total"] == 10
    both = _json(thirteen, "--dateline", "MANILA", "--dateline", "BAGHDAD")
    assert sorted(h["source_path"] for h in both["hits"]) == ["AFP_ENG_19970429.0243.txt", "XIN_ENG_20061129.0123.txt"]
    assert _json(thirteen, "--dateline", "MANILA", "--agency", "Xinhua")["total"] == 0  # different options: AND


def test_facets_n_limits_the_values_per_facet(thirteen):
    two = _json(thirteen, "--facets", "2")["facets"]
    assert two["agency"] == [{"key": "Xinhua", "count": 7}, {"key": "AFP", "count": 3}]
    assert two["dateline"] == [{"key": "BAGHDAD", "count": 1}, {"key": "BEIJING", "count": 1}]  # ties: by name
    assert all(len(buckets) <= 2 for name, buckets in two.items() if not name.endswith(("_month", "_year")))  # --json lists every month and year
    assert two["published_month"] == [  # --json lists every month
        {"key": "1997-04", "count": 3}, {"key": "2005-11", "count": 3}, {"key": "2005-12", "count": 1},
        {"key": "2006-11", "count": 4}, {"key": "2006-12", "count": 2},
    ]
    assert _json(thirteen, "--facets", "1")["facets"]["agency"] == [{"key": "Xinhua", "count": 7}]
    shown = newsetl("search", "--facets", "2", env=thirteen, timeout=60).stdout
    assert re.search(r"│ agency +│ Xinhua \(7\), AFP \(3\) +│", shown), shown
    # the terminal's month facet: the 2 busiest months in calendar order (a tie keeps the earlier month)
    assert re.search(r"│ published_month +│ 1997-04 \(3\), 2006-11 \(4\) \(\+3 more months; --json lists all\) +│", shown), shown


def test_search_of_an_empty_index_is_one_line(isolated_env):
    assert newsetl("setup", env=isolated_env, timeout=120).returncode == 0
    empty = newsetl("search", "sanctions", env=isolated_env, timeout=60)
    assert empty.returncode == 1
    assert empty.stderr.strip() == (
        f"error: the index '{isolated_env['NEWSETL_INDEX_ALIAS']}' holds no articles yet: index some with `newsetl run DIR`"
    )


MENTIONS = {  # published, body: one kind of mention each
    "century.txt": ("2017-11-15", "GENEVA: Delegates said the treaty must serve the 21st century."),
    "year.txt": ("2017-12-01", "PARIS: Exports rose sharply this year, the ministry said."),
    "decade.txt": ("2017-12-01", "ROME: The party has not been this strong since the 1990s, officials said."),
    "november.txt": ("2017-12-05", "BERLIN: Talks held on Nov. 20 ended without a deal, officials said."),
}


def test_a_month_search_finds_only_articles_that_mention_a_date_in_that_month(isolated_env, tmp_path):
    """Centuries and decades are in no date facet and match no date search; a year ("this year")
    is a period: it matches a search for the whole year, not for one month, and has its own facet."""
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, (published, body) in MENTIONS.items():
        (folder / name).write_text(f" date {published} {body}\n\nAFP\n")
    (folder / "seed.txt").write_text(SEEDS.joinpath("000_4a3f43196b185345.txt").read_text())
    assert newsetl("run", str(folder), env=isolated_env).returncode == 0

    def search(*args):
        result = newsetl("search", "--json", "--size", "20", *args, env=isolated_env, timeout=60)
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        return data, sorted(h["source_path"] for h in data["hits"])

    november, paths = search("--mentions-from", "2017-11-01", "--mentions-to", "2017-11-30")
    assert paths == ["november.txt", "seed.txt"]
    assert november["facets"]["mentioned_month"] == [{"key": "2017-11", "count": 2}]

    _, paths = search("--mentions-from", "2017-01-01", "--mentions-to", "2017-12-31")
    assert paths == ["november.txt", "seed.txt", "year.txt"]
    _, paths = search("--mentions-from", "1990-01-01", "--mentions-to", "2099-12-31")
    assert "century.txt" not in paths and "decade.txt" not in paths

    everything, _ = search()
    assert everything["total"] == 5
    # the seed: November 2017 (last month, Nov 28) and December 2017; Nov. 20: November
    assert everything["facets"]["mentioned_month"] == [{"key": "2017-11", "count": 2}, {"key": "2017-12", "count": 1}]
    assert everything["facets"]["mentioned_year"] == [{"key": "2017", "count": 1}]

    shown = newsetl("search", "--facets", "0", env=isolated_env, timeout=60)
    assert shown.returncode == 0 and "5 article(s) match" in shown.stdout and "facets" not in shown.stdout


def test_a_query_that_starts_with_a_minus(isolated_env, tmp_path):
    """`-sanctions` (every article without the word) through -q/--query, or after `--` with options on either side."""
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEEDS.joinpath("000_4a3f43196b185345.txt").read_text())
    (folder / "other.txt").write_text(" date 2017-12-01 PARIS: Exports rose sharply this year, the ministry said.\n\nAFP\n")
    assert newsetl("run", str(folder), env=isolated_env).returncode == 0

    def paths(*args):
        result = newsetl("search", *args, env=isolated_env, timeout=60)
        assert result.returncode == 0, result.stderr
        return sorted(h["source_path"] for h in json.loads(result.stdout)["hits"])

    assert paths("sanctions", "--json") == ["seed.txt"]
    for args in (
        ["-q", "-sanctions", "--json"],
        ["--", "-sanctions", "--json"],
        ["--agency", "AFP", "--", "-sanctions", "--json", "--size", "5"],  # options on both sides of --
    ):
        assert paths(*args) == ["other.txt"], args
    assert paths("--json", "--", "exports", "-sanctions") == ["other.txt"]  # words after -- are joined

    bare = newsetl("search", "-sanctions", env={**isolated_env, "COLUMNS": "250"}, timeout=60)
    assert bare.returncode == 2
    assert "'-sanctions' is not an option; to search for text that starts with '-', write -q '-sanctions' " \
        "or put it after --: newsetl search -- -sanctions" in bare.stderr
    twice = newsetl("search", "exports", "-q", "sanctions", env={**isolated_env, "COLUMNS": "250"}, timeout=60)
    assert twice.returncode == 2 and "give the search text once" in twice.stderr


def test_an_impossible_date_is_named_as_such(isolated_env):
    for value, reason in (
        ("2017-13-01", "2017-13-01 is no calendar day (month must be in 1..12)"),
        ("2017-02-29", "2017-02-29 is no calendar day (day is out of range for month)"),
        ("2017/11/01", "'2017/11/01' is not a date in the form YYYY-MM-DD"),
    ):
        result = newsetl("search", "--published-from", value, env={**isolated_env, "COLUMNS": "250"}, timeout=60)
        assert result.returncode == 2
        assert f"Invalid value for '--published-from': {reason}" in result.stderr
