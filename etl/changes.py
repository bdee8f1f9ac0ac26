"""Change detection: which files of a batch need no work, deciding by ``stat`` first and by checksum
when the ``stat`` differs.

A document records its file's sha256 (``checksum``), the ``pipeline_version`` that built it and
the file's ``stat`` at discovery (``file_size``, ``file_mtime_ns``). A re-run of an archive of a
million files must not read them all (3 GB for a million 3 KB stories): like rsync's "quick
check" (size and modification time) and Git's index (stat data, with its "racy git" rule for
files modified around the time they were recorded), a file whose size and mtime are the ones
recorded is unchanged without being read; any difference leads to reading and hashing it, and
the checksum decides. ``newsetl run --verify`` hashes every file (a periodic audit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from etl.errors import ArticleError
from etl.models import SourceFile
from etl.sources import checksum, document_id, read_bytes


class Fingerprint(NamedTuple):
    """What the index holds about a file's document for change detection (:func:`etl.index.fetch_fingerprints`).

    ``checksum`` (sha256 hex of the bytes), ``pipeline_version``, and the file's ``stat`` when it
    was indexed: ``file_size`` (bytes) and ``file_mtime_ns`` (None for documents indexed before
    these fields existed, or when the mtime was too recent to trust).
    """

    checksum: str
    pipeline_version: str
    file_size: int | None = None
    file_mtime_ns: int | None = None


@dataclass
class CheckResult:
    """What :func:`check_unchanged` found in one batch.

    ``unchanged``: ids that need no work. ``restat``: ``{id: (size, mtime_ns)}`` of unchanged files
    whose stored ``stat`` differs from the file's (touched, copied, restored: same bytes), to be
    written to their documents so the next run need not read them (:func:`etl.index.update_file_stats`).
    ``read``: how many files were read and hashed.
    """

    unchanged: list[str] = field(default_factory=list)
    restat: dict[str, tuple[int, int]] = field(default_factory=dict)
    read: int = 0


def check_unchanged(
    files: Sequence[SourceFile],
    root: Path,
    known: Mapping[str, Fingerprint | tuple],
    version: str,
    verify: bool = False,
) -> CheckResult:
    """Which of ``files`` need no work: indexed by pipeline ``version`` (:func:`pipeline_version`
    of the run's spaCy model) with the same bytes.

    ``known`` is :func:`etl.index.fetch_fingerprints` for these files. A file absent from it
    is new, one of another pipeline version is rebuilt: neither is read here. Otherwise the
    ``stat`` decides first, as rsync's quick check and Git's index do: when the document
    records the very size and mtime (ns) the file has now (:attr:`SourceFile.size`,
    :attr:`SourceFile.mtime_ns`), the file is unchanged without a byte read. Any difference,
    a mtime not trusted (:data:`etl.sources.RACY_WINDOW_NS`) or not recorded, or ``verify``
    (``newsetl run --verify``, a periodic audit) lead to reading and hashing it, and the
    sha256 decides (the checksum stays the truth for changes); same bytes under a new
    ``stat`` go to ``restat``. A file that cannot be read counts as changed: the build stage
    then rejects it with the reason. What the ``stat`` cannot see: content rewritten with
    the same size while the mtime is set back to its old value (``touch -d``, a restore
    that keeps mtimes); ``--verify`` finds those.
    """
    result = CheckResult()
    for file in files:
        doc_id = document_id(file.source, file.relative_path)
        stored = known.get(doc_id)
        if stored is None:
            continue
        stored = Fingerprint(*stored)
        if stored.pipeline_version != version:
            continue
        now = (file.size, file.mtime_ns)
        if not verify and file.mtime_ns is not None and (stored.file_size, stored.file_mtime_ns) == now:
            result.unchanged.append(doc_id)
            continue
        try:
            data = read_bytes(file, root)
        except ArticleError:
            continue
        finally:
            result.read += 1
        if checksum(data) == stored.checksum:
            result.unchanged.append(doc_id)
            if file.mtime_ns is not None and (stored.file_size, stored.file_mtime_ns) != now:
                result.restat[doc_id] = (file.size, file.mtime_ns)
    return result


def check_files(
    files: Sequence[SourceFile],
    root: Path,
    version: str,
    stats_of: Callable[[list[str]], Mapping[str, tuple[int | None, int | None]]],
    fingerprints_of: Callable[[list[str]], Mapping[str, Fingerprint]],
    verify: bool = False,
) -> CheckResult:
    """:func:`check_unchanged` of ``files``, asking the index for what it needs in two steps.

    ``stats_of(ids)`` gives ``{id: (file_size, file_mtime_ns)}`` of the documents built by
    ``version`` (:func:`etl.index.fetch_file_stats`); a file whose stored stat is its own is
    settled by it. ``fingerprints_of(ids)`` (:func:`etl.index.fetch_fingerprints`, with the
    checksums) is asked only for the other indexed files, those that will be read and hashed:
    none in a re-run where nothing changed, every indexed file with ``verify``.
    """
    ids = [document_id(f.source, f.relative_path) for f in files]
    stats = stats_of(ids)
    known: dict[str, Fingerprint] = {}
    ask: list[str] = []
    for file, doc_id in zip(files, ids):
        stored = stats.get(doc_id)
        if stored is None:
            continue  # new, or built by another version: built again without a read
        if not verify and file.mtime_ns is not None and stored == (file.size, file.mtime_ns):
            known[doc_id] = Fingerprint("", version, *stored)  # settled by the stat: check_unchanged never reads the checksum
        else:
            ask.append(doc_id)
    if ask:
        known.update(fingerprints_of(ask))
    return check_unchanged(files, root, known, version, verify)
