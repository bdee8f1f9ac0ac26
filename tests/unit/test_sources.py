"""etl/sources.py: discovery, ids, checksums and decoding of real byte sequences."""

import codecs
import os

import pytest

from etl.errors import ArticleError, EncodingError
from etl.sources import checksum, decode, discover, document_id, read_bytes
from tests.conftest import SEED_FILE, SEEDS

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
