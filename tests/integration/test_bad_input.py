"""Every kind of bad input the robustness issue lists, in one folder, through the real flow and node.

Each file must end up indexed (with the right handling), skipped as unchanged, or
rejected with its reason; hidden and non-article files are ignored and counted.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from etl import index as es_index
from etl.config import get_settings
from etl.sources import document_id
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.integration

SEED = SEED_FILE.read_text(encoding="utf-8")
FRENCH = (
    " date 2017-12-27 PARIS: Le ministre des Affaires étrangères a rencontré mardi son homologue "
    "allemand pour discuter de la situation en Corée du Nord et des sanctions économiques.\n\n"
    "Les deux pays souhaitent une solution diplomatique, a déclaré le porte-parole du ministère "
    "lors d'une conférence de presse à Paris.\n"
)
# the first line ("North Korea’s", "café") as UTF-8 bytes read as cp1252, then saved again as UTF-8
_FIRST, _REST = SEED.replace("North Korea’s nuclear", "North Korea’s nuclear café").split("\n", 1)
MOJIBAKE = _FIRST.encode("utf-8").decode("cp1252") + "\n" + _REST
CP1252_TEXT = " date 2017-12-27 PARIS: The café’s owner said on Tuesday that “prices” rose.\n\nAFP\n"


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "inbox"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(SEED)

    def put(name: str, data: bytes | str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    put("empty.txt", b"")
    put("whitespace.txt", "  \n\n \t \n")
    put("no_header.txt", "Russian Foreign Minister Sergei Lavrov spoke on Tuesday.\n")
    put("impossible_date.txt", " date 2017-13-45 MOSCOW: Lavrov spoke on Tuesday.\n")
    put("header_only.txt", " date 2017-12-27\n\n")
    put("bom.txt", b"\xef\xbb\xbf" + SEED.encode("utf-8"))
    put("cp1252.txt", CP1252_TEXT.encode("cp1252"))
    put("utf16.txt", SEED.encode("utf-16"))
    put("binary.txt", bytes(range(256)) * 64)
    put("mojibake.txt", MOJIBAKE)
    put("crlf.txt", SEED.replace("\n", "\r\n"))
    put("controls.txt", SEED.replace("Russian Foreign", "Russian\x00 Foreign\x07", 1))
    put("long_line.txt", " date 2017-12-27 " + "x" * 1_000_000 + "\n")
    put("long_token.txt", SEED.replace("Lavrov on Tuesday", "Lavrov " + "Z" * 40_000 + " on Tuesday", 1))
    put("copy_a.txt", SEED)
    put("copy_b.txt", SEED)
    put("one/same_name.txt", SEED.replace("Sergei Lavrov", "Sergei Lavrov (one)"))
    put("two/same_name.txt", SEED.replace("Sergei Lavrov", "Sergei Lavrov (two)"))
    put("french.txt", FRENCH)
    (root / "escape.txt").symlink_to(outside)
    put(".hidden.txt", SEED)
    put(".git/objects/ab", b"\x00\x01")
    put("notes.md", "# notes\n")
    put("photo.png", b"\x89PNG\r\n\x1a\n")
    return root


EXPECTED_REJECTED = {
    "empty.txt": ("read", "empty file (0 bytes)"),
    "whitespace.txt": ("parse", "empty text: nothing but white space"),
    "no_header.txt": ("parse", "no ' date YYYY-MM-DD' header on the first line (it starts 'Russian Foreign Minister Sergei Lavrov …')"),
    "impossible_date.txt": ("parse", "impossible date '2017-13-45' in the ' date' header: month must be in 1..12"),
    "header_only.txt": ("parse", "header ' date 2017-12-27' but no body after it"),
    "binary.txt": ("read", "binary content (control bytes), not a text article"),
}


def test_every_bad_input_is_indexed_or_rejected_with_a_reason(isolated_env, prefect_server, corpus):
    from flows.ingest import ingest

    settings = get_settings()
    es = es_index.connect(settings)
    summary = ingest(str(corpus))

    rejected = {r.source_path: (r.stage.value, r.reason) for r in summary.rejections}
    escape = rejected.pop("escape.txt")
    assert escape[0] == "read" and escape[1].startswith("refused: link points outside the source folder")
    assert rejected == EXPECTED_REJECTED

    indexed_names = {
        "bom.txt", "cp1252.txt", "utf16.txt", "mojibake.txt", "crlf.txt", "controls.txt", "long_line.txt",
        "long_token.txt", "copy_a.txt", "copy_b.txt", "one/same_name.txt", "two/same_name.txt", "french.txt",
    }
    assert (summary.seen, summary.indexed, summary.unchanged, summary.rejected) == (20, 13, 0, 7)
    assert summary.ignored == {"hidden": 2, "not matching '*.txt'": 2}
    assert summary.balanced and summary.failed_batches == []

    # what Elasticsearch holds matches the summary, document for document
    alias = settings.index_alias
    hits = es.search(index=alias, size=100, source_excludes=["body", "entity_mentions", "date_mentions"])["hits"]["hits"]
    docs = {h["_source"]["source_path"]: h["_source"] for h in hits}
    assert set(docs) == indexed_names
    stored = es.search(index=settings.rejections_index, size=100)["hits"]["hits"]
    assert {h["_source"]["source_path"] for h in stored} == set(EXPECTED_REJECTED) | {"escape.txt"}

    def full(name):
        return es.get(index=alias, id=document_id("inbox", name))["_source"]

    seed_body = full("copy_a.txt")["body"]
    assert docs["bom.txt"]["encoding"] == "utf-8-sig" and full("bom.txt")["body"] == seed_body
    assert docs["utf16.txt"]["encoding"] == "utf-16" and full("utf16.txt")["body"] == seed_body
    assert docs["crlf.txt"]["encoding"] == "utf-8" and full("crlf.txt")["body"] == seed_body
    assert docs["cp1252.txt"]["encoding"] == "cp1252"
    assert full("cp1252.txt")["body"] == "PARIS: The café’s owner said on Tuesday that “prices” rose."
    assert docs["mojibake.txt"]["repairs"] == ["mojibake"]
    assert "North Korea’s nuclear café program" in full("mojibake.txt")["body"]
    assert docs["controls.txt"]["repairs"] == ["control characters"]
    assert full("controls.txt")["body"].startswith("MOSCOW: Russian Foreign Minister")
    assert docs["crlf.txt"].get("repairs", []) == []
    assert len(full("long_line.txt")["body"]) == 1_000_000
    assert "Z" * 40_000 in full("long_token.txt")["body"]
    assert es.count(index=alias, q="body:sanctions AND source_path:long_token.txt")["count"] == 1

    # identical bytes: both indexed, the later path points at the first
    assert "duplicate_of" not in docs["copy_a.txt"]
    assert docs["copy_b.txt"]["duplicate_of"] == document_id("inbox", "copy_a.txt")
    assert docs["bom.txt"].get("duplicate_of") is None  # a BOM makes other bytes: not a copy
    # same file name in two folders: two documents
    assert docs["one/same_name.txt"]["lead"] != docs["two/same_name.txt"]["lead"]

    assert docs["french.txt"]["language"] == "fr"
    assert docs["french.txt"]["enrichment"] == "skipped: language fr (entities and dates are English-only)"
    assert docs["french.txt"]["entities"] == {} and docs["french.txt"]["mentioned_dates"] == []
    assert docs["copy_a.txt"]["enrichment"] == "complete"

    # a second run: everything indexed is unchanged, the rejected are rejected again, nothing else moves
    again = ingest(str(corpus))
    assert (again.seen, again.indexed, again.unchanged, again.rejected) == (20, 0, 13, 7)
    assert es.count(index=alias)["count"] == 13


def test_file_deleted_between_listing_and_reading(isolated_env, corpus):
    from etl.pipeline import ArticleBuilder
    from etl.sources import scan

    files = scan(corpus).files
    victim = next(f for f in files if f.relative_path == "copy_a.txt")
    victim.path.unlink()
    result = ArticleBuilder(get_settings().spacy_model).run([victim], corpus, run_id="t")
    (rejection,) = result.rejections
    assert (rejection.stage.value, rejection.reason) == ("read", "file disappeared before it could be read")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_unreadable_file_is_rejected_with_permission_denied():
    """As root every file is readable, so the read runs in a child that dropped to `nobody`.

    The folder is world-traversable (pytest's own tmp folders are not), the file mode 000:
    the refusal is about the file itself.
    """
    folder = Path(tempfile.mkdtemp(prefix="newsetl-perm-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        locked = folder / "locked.txt"
        locked.write_text(SEED)
        locked.chmod(0o000)
        code = (
            "import os; from pathlib import Path\n"
            "from etl.sources import read_bytes; from etl.models import SourceFile; from etl.errors import ArticleError\n"
            "os.setgid(65534); os.setuid(65534)\n"
            f"p = Path({str(locked)!r})\n"
            "try:\n    read_bytes(SourceFile(path=p, relative_path='locked.txt', source='s', size=1), p.parent)\n"
            "except ArticleError as e:\n    print(e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SEED_FILE.parents[1])
        assert out.stdout.strip() == "cannot read file: Permission denied", out.stderr
    finally:
        shutil.rmtree(folder)


def test_article_longer_than_spacy_max_length_is_enriched_to_its_end(isolated_env, prefect_server, tmp_path):
    """1.2 million characters (spaCy's max_length is 1,000,000): NER runs in pieces, nothing is cut."""
    from flows.ingest import ingest

    paragraphs = SEED.split("\n\n")[1:-1]  # the seed's body paragraphs, without header and agency line
    filler = "\n\n".join(paragraphs)
    repeats = 1_200_000 // len(filler) + 1
    tail = "Quentin Blakemore arrived in Oslo on March 3, 2011."
    text = " date 2017-12-27 MOSCOW: " + "\n\n".join([filler] * repeats) + "\n\n" + tail + "\n"
    (tmp_path / "big").mkdir()
    (tmp_path / "big" / "big.txt").write_text(text)

    summary = ingest(str(tmp_path / "big"))
    assert (summary.indexed, summary.rejected) == (1, 0)
    settings = get_settings()
    doc = es_index.connect(settings).get(index=settings.index_alias, id=document_id("big", "big.txt"))["_source"]
    body = doc["body"]
    assert len(body) > 1_200_000 and body.endswith(tail)
    # the last sentence, past the first million characters, was enriched: its names and its date
    assert "Quentin Blakemore" in doc["entities"]["person"] and "Oslo" in doc["entities"]["gpe"]
    assert {"gte": "2011-03-03", "lt": "2011-03-04"} in doc["mentioned_dates"]
    # every repeat was enriched like the first: the status counts every mention found, the offsets stop at the cap
    per_repeat = sum(1 for m in doc["entity_mentions"] if m["end"] <= len(filler))
    status = re.fullmatch(
        r"complete; offsets stored for the first 10,000 of ([\d,]+) entity mentions"
        r"(?: and the first 10,000 of [\d,]+ date mentions)? \(entities and mentioned_dates complete\)",
        doc["enrichment"],
    )
    assert status, doc["enrichment"]
    found = int(status[1].replace(",", ""))
    assert per_repeat >= 10 and found >= 0.95 * per_repeat * repeats, (per_repeat, repeats, found)
    assert len(doc["entity_mentions"]) == 10_000


def test_archives_as_they_really_come(isolated_env, prefect_server, tmp_path):
    """Issue 14's kinds through the real flow and node: special files, header variants, invisible
    characters, short legacy-encoded files, more wire styles and a byline."""
    import socket

    from flows.ingest import ingest

    root = tmp_path / "archive"
    root.mkdir()

    def put(name: str, data: bytes | str) -> None:
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    os.mkfifo(root / "notes.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "socket.txt"))
    put("colon.txt", " date: 2017-12-27 MOSCOW: Russia said on Tuesday it would act.\n")
    put("alone.txt", " DATE: 2017-12-27\nMOSCOW: Russia said on Tuesday it would act.\n")
    put("stamp.txt", " date 2017-12-27T08:30:00+01:00 MOSCOW: Russia said on Tuesday it would act.\n")
    put("ambiguous.txt", " date 05/06/2017 MOSCOW: Russia said on Tuesday it would act.\n")
    put("shy.txt", " date 2017-12-27 GENEVA: The Hu\u00adman Rights Council on Tues\u00adday called for sanc\u00adtions.\n")
    put("cp1252.txt", " date 2017-12-27 BERLIN: Officials in Köln said the talks would resume.\n".encode("cp1252"))
    put("cp1250.txt", " date 2017-12-27 WARSAW: Minister Łukasz Żółw said on Tuesday the plan was over.\n".encode("cp1250"))
    put("koi8.txt", " date 2017-12-27 MOSCOW: Газпром said exports rose in December.\n".encode("koi8-r"))
    put("kyodo.txt", " date 2017-12-27 TOKYO, Dec. 27 Kyodo - Japan said on Wednesday it would protest.\n")
    put("dpa.txt", " date 2017-12-27 Hamburg (dpa) - The city said on Wednesday the port would reopen.\n")
    put("byline.txt", " date 2017-12-27 By Maria Lopez\n\nMADRID: The Spanish government said on Wednesday the plan was over.\n")
    try:
        summary = ingest(str(root))
    finally:
        sock.close()

    assert summary.ignored == {"not a regular file": 2}
    assert (summary.seen, summary.indexed, summary.rejected) == (11, 10, 1)
    [rejection] = summary.rejections
    assert (rejection.source_path, rejection.stage.value) == ("ambiguous.txt", "parse")
    assert rejection.reason.startswith("ambiguous date '05/06/2017' in the ' date' header: day/month (5 June 2017) or month/day (6 May 2017)?")

    settings = get_settings()
    es = es_index.connect(settings)

    def doc(name: str) -> dict:
        return es.get(index=settings.index_alias, id=document_id("archive", name))["_source"]

    assert doc("colon.txt")["published"] == doc("alone.txt")["published"] == "2017-12-27"
    stamp = doc("stamp.txt")
    assert stamp["published"] == "2017-12-27T08:30:00+01:00"
    # "Tuesday" counts from the DCT, the story's own calendar day 2017-12-27: 2017-12-26
    assert {"gte": "2017-12-26", "lt": "2017-12-27"} in stamp["mentioned_dates"]
    hits = es.search(index=settings.index_alias, q="published:[2017-12-27T07:00:00Z TO 2017-12-27T08:00:00Z]")["hits"]["hits"]
    assert [h["_source"]["source_path"] for h in hits] == ["stamp.txt"]  # 08:30+01:00 is 07:30 UTC

    shy = doc("shy.txt")
    assert shy["body"] == "GENEVA: The Human Rights Council on Tuesday called for sanctions."
    assert shy["repairs"] == ["invisible characters"]
    assert "Human Rights Council" in shy["entities"]["org"]
    assert {"gte": "2017-12-26", "lt": "2017-12-27"} in shy["mentioned_dates"]
    assert es.count(index=settings.index_alias, q="body:sanctions")["count"] == 1

    assert (doc("cp1252.txt")["encoding"], doc("cp1252.txt")["lead"]) == ("cp1252", "Officials in Köln said the talks would resume.")
    assert (doc("cp1250.txt")["encoding"], doc("cp1250.txt")["lead"]) == ("cp1250", "Minister Łukasz Żółw said on Tuesday the plan was over.")
    assert (doc("koi8.txt")["encoding"], doc("koi8.txt")["lead"]) == ("koi8-r", "Газпром said exports rose in December.")

    kyodo, dpa, byline = doc("kyodo.txt"), doc("dpa.txt"), doc("byline.txt")
    assert (kyodo["dateline"], kyodo["agency"]) == ("TOKYO", "Kyodo")
    assert (dpa["dateline"], dpa["agency"]) == ("Hamburg", "dpa")
    assert (byline["dateline"], byline["byline"], byline["lead"]) == (
        "MADRID", ["Maria Lopez"], "The Spanish government said on Wednesday the plan was over."
    )
