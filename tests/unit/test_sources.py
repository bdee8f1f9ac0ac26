"""etl/sources.py: discovery, ids, checksums and decoding of real byte sequences."""

import codecs
import os

import pytest

from etl.errors import ArticleError, EncodingError
from etl.sources import NOT_REGULAR, checksum, decode, discover, document_id, implausibility, read_bytes, scan
from tests.conftest import SEED_FILE, SEEDS
from tests.conftest import corpus as corpus_folder

DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "data"


def _judged(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            encoding, text = line.split("\t", 1)
            rows.append((encoding, text.replace("\\n", "\n")))
    return rows

TEXT = " date 2017-12-27 MOSCOW: Café “quotes” — naïve.\n"


def test_document_id_is_sha1_of_source_and_path():
    # echo -n "seeds/000_4a3f43196b185345.txt" | sha1sum
    assert document_id("seeds", "000_4a3f43196b185345.txt") == "fea203395dc881c7b031d9985289b8505a68eb96"


def test_checksum_is_sha256_of_bytes():
    # sha256sum seeds/000_4a3f43196b185345.txt
    assert checksum(SEED_FILE.read_bytes()) == "aaeb3e823119dce986b6da389059b3dfa26ccf2e1a7a1aedc0de328c36636571"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_decode_unicode(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_decode_cp1252():
    text = " date 2005-03-01 PARIS: Le président a déclaré « non » à l’accord signé à Genève.\n" * 3
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text
    assert encoding == "cp1252"  # cp1250 ties on these bytes; the tie goes to cp1252


def test_decode_binary_is_refused():
    with pytest.raises(EncodingError, match="binary"):
        decode(bytes(range(256)) * 10)


def test_discover_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("y")
    (tmp_path / ".hidden.txt").write_text("z")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text("z")
    (tmp_path / "a.gold.json").write_text("{}")
    files = list(discover(tmp_path, "*.txt", source="src"))
    assert [f.relative_path for f in files] == ["a.txt", "sub/a.txt"]
    assert {f.source for f in files} == {"src"}


def test_scan_orders_by_path_parts_and_passes_over_folders_and_links_to_them(tmp_path):
    """The order is ``sorted(rglob())``'s, by path parts: a folder's files come right after its
    name (``b/...`` before ``b-c.txt``), which a plain string sort would not give ('-' < '.' < '/');
    a folder named like an article and a link to a folder are neither files nor ignored files."""
    for relative in ("b-c.txt", "b.txt", "b/x.txt", "b/z/q.txt", "C.txt", "dir.txt/in.txt", "notes.md", "b/.draft.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    os.symlink(tmp_path / "b", tmp_path / "link.txt")
    found = scan(tmp_path)
    assert [f.relative_path for f in found.files] == ["C.txt", "b/x.txt", "b/z/q.txt", "b-c.txt", "b.txt", "dir.txt/in.txt"]
    assert [f.path for f in found.files] == [tmp_path / f.relative_path for f in found.files]
    assert found.ignored == {"hidden": 1, "not matching '*.txt'": 1}
    assert [f.relative_path for f in scan(tmp_path, limit=3).files] == ["C.txt", "b/x.txt", "b/z/q.txt"]  # the walk stops
    by_folder = scan(tmp_path, "b/*.txt")  # a glob over folders: the same rules through rglob
    assert [f.relative_path for f in by_folder.files] == ["b/x.txt"]
    assert by_folder.ignored == {"hidden": 1, "not matching 'b/*.txt'": 6}  # the other six files; not the link


def test_discover_labels_source_with_folder_name():
    [f] = list(discover(SEEDS))
    assert (f.source, f.relative_path, f.size) == ("seeds", "000_4a3f43196b185345.txt", SEED_FILE.stat().st_size)


def test_discover_missing_folder(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        list(discover(tmp_path / "nope"))


def test_read_refuses_symlink_outside(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "link.txt")
    [f] = list(discover(root))
    with pytest.raises(ArticleError, match="outside the source folder"):
        read_bytes(f, root)


def test_read_deleted_file(tmp_path):
    (tmp_path / "gone.txt").write_text("x")
    [f] = list(discover(tmp_path))
    (tmp_path / "gone.txt").unlink()
    with pytest.raises(ArticleError, match="disappeared"):
        read_bytes(f, tmp_path)


# --------------------------------------------------------------------------- legacy code pages


def test_the_issue_examples_decode_right():
    # issue 14: charset-normalizer alone gave cp775 ("K÷ln") and big5 (Chinese characters)
    koeln = " date 2017-12-27 BERLIN: Officials in Köln said the talks would resume."
    assert decode(koeln.encode("cp1252")) == (koeln, "cp1252")
    warsaw = " date 2017-12-27 WARSAW: Minister Łukasz Żółw said on Tuesday the plan was over."
    assert decode(warsaw.encode("cp1250")) == (warsaw, "cp1250")


@pytest.mark.parametrize(("encoding", "text"), _judged("legacy_encodings.tsv"))
def test_short_legacy_encoded_articles(encoding, text):
    data = text.encode(encoding)
    decoded, chosen = decode(data)
    assert decoded == text
    # bytes that read the same in cp1252 (Latin-1 without C1 bytes, Czech with only á and š) are reported as cp1252
    same_in_cp1252 = data.decode("cp1252", errors="replace") == text
    assert chosen == ("cp1252" if same_in_cp1252 else encoding)


@pytest.mark.parametrize(("encoding", "text"), _judged("non_western.tsv"))
def test_longer_non_western_articles_are_unchanged(encoding, text):
    decoded, _ = decode(text.encode(encoding))
    assert decoded == text


@pytest.mark.corpus
def test_silver_seeds_typeset_as_cp1252_come_back_unchanged():
    """Every 10th silver-seeds story with curly quotes and en dashes, saved as cp1252 (bench/encoding_bench.py does all)."""
    import re

    corpus = corpus_folder("silver-seeds")
    checked = 0
    for path in sorted(corpus.glob("*.txt"))[::10]:
        text = re.sub(r"(?<=\w)'(?=\w)", "’", path.read_text(encoding="utf-8"))
        text = re.sub(r'"([^"\n]*)"', "“\\1”", text).replace(" -- ", " – ")
        if text.isascii():
            continue
        assert decode(text.encode("cp1252")) == (text, "cp1252"), path.name
        checked += 1
    assert checked > 150


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Officials in Köln said", 0),
        (" Officials in K÷ln said", 1),  # cp775: a symbol inside a word
        (" Minister £ukasz ¯ó³w said", 3),  # cp1250 read as cp1252: symbols in words
        (" Officials in Kцln said", 2),  # a Cyrillic letter inside a Latin word, both sides
        (" íÉÎÉÓÔÒ said", 1),  # KOI8-R read as Latin-1: case flips inside a word
        (" It was 25°C and €5 at 10¾ past", 0),  # symbols next to digits are text
        (" The café\x92s owner", 1),  # a C1 control: Latin-1 where cp1252 was meant
    ],
)
def test_implausibility_counts_the_marks_of_a_wrong_code_page(text, expected):
    assert implausibility(text) == expected


# --------------------------------------------------------------------------- special files


def _special_folder(tmp_path):
    import socket

    root = tmp_path / "inbox"
    root.mkdir()
    (root / "a.txt").write_bytes(SEED_FILE.read_bytes())
    os.mkfifo(root / "notes.txt")  # the issue's example: a named pipe that matches the glob
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "socket.txt"))
    os.symlink("/dev/zero", root / "zero.txt")  # a device (through a link: outside, but never opened)
    os.symlink(root / "notes.txt", root / "pipe-link.txt")
    return root, sock


def test_pipes_sockets_and_devices_are_ignored_and_counted(tmp_path):
    root, sock = _special_folder(tmp_path)
    try:
        found = scan(root)
    finally:
        sock.close()
    assert [f.relative_path for f in found.files] == ["a.txt"]
    assert found.ignored == {NOT_REGULAR: 4}


def test_a_file_that_became_a_pipe_is_refused_without_blocking(tmp_path):
    (tmp_path / "late.txt").write_text(" date 2017-12-27 x")
    [f] = list(discover(tmp_path))
    (tmp_path / "late.txt").unlink()
    os.mkfifo(tmp_path / "late.txt")  # replaced between discovery and reading, no writer ever comes
    with pytest.raises(ArticleError, match=NOT_REGULAR):
        read_bytes(f, tmp_path)


def test_the_binary_threshold_is_2_percent_of_the_first_64_kib():
    """README: a file is binary when more than 2% of its first 64 KiB are C0 control bytes other
    than tab, LF, FF and CR (BINARY_CONTROL_RATIO); up to 2% they are text, cleaned later."""
    words = (b" date 2017-12-27 MOSCOW: Russia said on Wednesday that " * 2)[:98]  # 98 bytes of text, no controls
    assert decode(words + b"\x00\x07") == ((words + b"\x00\x07").decode(), "utf-8")  # 2 of 100: text
    with pytest.raises(EncodingError, match="binary content"):
        decode(words[:97] + b"\x00\x07\x01")  # 3 of 100: binary
    assert decode(b"\t\n\x0c\r" * 25)[1] == "utf-8"  # tab, LF, FF, CR are text
    # 2% of 65,536 bytes is 1,310.72: 1,310 control bytes are text, 1,311 binary
    assert decode(b"\x01" * 1310 + b"x" * (65536 - 1310))[1] == "utf-8"
    with pytest.raises(EncodingError, match="binary content"):
        decode(b"\x01" * 1311 + b"x" * (65536 - 1311))
    # only the first 64 KiB are looked at: controls after them do not make a file binary
    assert decode(b"x" * 65536 + b"\x00" * 5000)[1] == "utf-8"


def test_a_scan_started_ahead_is_taken_by_the_next_scan_of_the_same_folder(tmp_path):
    """``scan_ahead`` walks in a thread; the next ``scan`` of that folder, glob and label takes what
    that walk found (a file deleted since is still in it), the one after walks again."""
    from etl.sources import _ahead, scan_ahead

    (tmp_path / "a.txt").write_text("x")
    with scan_ahead(tmp_path, "*.txt", "wire"):
        for walk in list(_ahead.values()):
            walk.thread.join()  # the walk is done: what follows happens after it
        (tmp_path / "a.txt").unlink()
        (tmp_path / "b.txt").write_text("y")
        other = scan(tmp_path, "*.txt", "other")  # another label: its own walk, the scan ahead stays
        ahead = scan(tmp_path, "*.txt", "wire")
        again = scan(tmp_path, "*.txt", "wire")
    assert [(f.source, f.relative_path) for f in other.files] == [("other", "b.txt")]
    assert [(f.source, f.relative_path) for f in ahead.files] == [("wire", "a.txt")]
    assert [(f.source, f.relative_path) for f in again.files] == [("wire", "b.txt")]
    assert _ahead == {}
    with scan_ahead(tmp_path / "gone", "*.txt", None), pytest.raises(ArticleError, match="does not exist"):
        scan(tmp_path / "gone")  # the walk's error reaches the scan that takes it
