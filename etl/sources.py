"""Discover article files under a source folder, read their bytes, decode them to text.

Discovery walks the folder recursively for a glob (default ``*.txt``), skipping
hidden files and folders (names starting with ``.``); files are yielded in a
stable (sorted) order. Reading refuses a path that resolves outside the source
folder (a symlink pointing elsewhere). Decoding never guesses silently: valid
UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as such; anything
else goes to charset-normalizer, and bytes that look binary are refused with
:class:`~etl.errors.EncodingError`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from etl.errors import ArticleError, EncodingError
from etl.models import SourceFile

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
PREFERRED_LEGACY_ENCODING = "cp1252"
"""When charset-normalizer scores several single-byte encodings equally (cp1250 and
cp1252 often tie on short Western text), Windows-1252 wins: it is the WHATWG
default for Latin-1 labelled text and the usual legacy encoding of English wire copy."""

BINARY_CONTROL_RATIO = 0.02
"""Share of C0 control bytes (other than tab, LF, FF, CR) above which a file is binary."""


def document_id(source: str, relative_path: str) -> str:
    """Stable ``_id``: sha1 hex (40 chars) of ``<source>/<relative_path>`` (DESIGN.md)."""
    return hashlib.sha1(f"{source}/{relative_path}".encode()).hexdigest()


def checksum(data: bytes) -> str:
    """sha256 hex (64 chars) of the raw bytes; drives incremental runs."""
    return hashlib.sha256(data).hexdigest()


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


@dataclass
class Discovery:
    """What a walk of a source folder found.

    ``files``: the article files, sorted. ``ignored``: how many other files were
    skipped, by reason (``hidden``: a name or folder starting with ``.``;
    ``not matching '<glob>'``: e.g. ``notes.md`` when the glob is ``*.txt``;
    :data:`NOT_REGULAR`: a named pipe, socket or device that matches the glob). Ignored
    files are counted, never rejected, and never opened.
    """

    files: list[SourceFile] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)


NOT_REGULAR = "not a regular file"
"""Why a FIFO, socket or block/character device matching the glob is ignored: opening a
named pipe blocks until a writer comes, and a device may never end, so only regular files
(``S_ISREG`` after following symlinks, POSIX ``stat``) are articles."""


def is_regular(path: Path) -> bool:
    """True unless ``path`` (followed through symlinks) is a FIFO, socket or device; never opens it.

    A path that cannot be stat'ed (a broken link, a file deleted meanwhile) counts as
    regular here, so that reading it reports why it is gone.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def scan(root: Path, glob: str = "*.txt", source: str | None = None) -> Discovery:
    """Walk ``root`` once: the article files (as :func:`discover`) and the counts of ignored files.

    A hidden folder counts as one ignored ``hidden`` entry and is not walked into
    (a ``.git`` folder would otherwise cost a walk of thousands of objects). Pipes,
    sockets and devices that match the glob are ignored as :data:`NOT_REGULAR`.
    Raises :class:`ArticleError` if ``root`` is not a folder.
    """
    root = Path(root).absolute()
    found = Discovery(files=list(discover(root, glob, source)))
    matched = {f.relative_path for f in found.files}
    special = {p.relative_to(root).as_posix() for p in _special_files(root, glob)}
    other = f"not matching {glob!r}"
    for folder, dirs, names in os.walk(root):
        hidden_dirs = [d for d in dirs if d.startswith(".")]
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = Path(folder).relative_to(root)
        for name in [*hidden_dirs, *names]:
            relative = (rel_folder / name).as_posix()
            if name.startswith("."):
                found.ignored["hidden"] = found.ignored.get("hidden", 0) + 1
            elif relative in special:
                found.ignored[NOT_REGULAR] = found.ignored.get(NOT_REGULAR, 0) + 1
            elif relative not in matched:
                found.ignored[other] = found.ignored.get(other, 0) + 1
    return found


def _special_files(root: Path, glob: str) -> Iterator[Path]:
    for path in root.rglob(glob):
        if not _hidden(path.relative_to(root)) and not is_regular(path):
            yield path


def discover(root: Path, glob: str = "*.txt", source: str | None = None) -> Iterator[SourceFile]:
    """Yield every file under ``root`` matching ``glob`` (recursive), in sorted order.

    ``source`` labels the documents (default: the folder's name). Hidden files,
    anything under a hidden folder, and pipes, sockets and devices (:func:`is_regular`)
    are skipped. Raises :class:`ArticleError` if ``root`` is not a folder.
    """
    root = Path(root).absolute()
    if not root.is_dir():
        raise ArticleError(f"source folder {root} does not exist or is not a folder")
    label = source or root.resolve().name
    for path in sorted(root.rglob(glob)):
        relative = path.relative_to(root)
        if _hidden(relative) or path.is_dir() or not is_regular(path):
            continue
        try:
            size = path.lstat().st_size
        except OSError:
            size = 0  # gone between listing and stat: read() reports it
        yield SourceFile(path=path, relative_path=relative.as_posix(), source=label, size=size)


def read_bytes(file: SourceFile, root: Path) -> bytes:
    """The file's raw bytes.

    Raises :class:`ArticleError` when the path resolves outside ``root`` (symlink),
    is not a regular file, cannot be read (permission denied, deleted meanwhile),
    or is empty (0 bytes). The file is opened with ``O_NONBLOCK`` and checked with
    ``fstat`` before a byte is read, so a path that became a named pipe or a device
    since discovery is refused instead of blocking the run for ever.
    """
    resolved = file.path.resolve()
    if not resolved.is_relative_to(Path(root).resolve()):
        raise ArticleError(f"refused: link points outside the source folder (to {resolved})")
    try:
        fd = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ArticleError("file disappeared before it could be read") from None
    except IsADirectoryError:
        raise ArticleError(NOT_REGULAR) from None
    except OSError as exc:
        raise ArticleError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ArticleError(NOT_REGULAR)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError as exc:
        raise ArticleError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if not data:
        raise ArticleError("empty file (0 bytes)")
    return data


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > BINARY_CONTROL_RATIO


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to text; returns ``(text, encoding)``.

    Order: a byte-order mark decides (UTF-8/16/32); else strict UTF-8; else, if
    the bytes are not binary, charset-normalizer's best match, ties going to
    :data:`PREFERRED_LEGACY_ENCODING`.
    Raises :class:`EncodingError` for binary content or when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(data):
            raise EncodingError("binary content (control bytes), not a text article")
        return text, "utf-8"
    if _looks_binary(data):
        raise EncodingError("binary content (control bytes), not a text article")
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise EncodingError("not text in any encoding charset-normalizer recognises")
    for match in matches:  # a tie goes to the legacy encoding most news archives use
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and PREFERRED_LEGACY_ENCODING in match.could_be_from_charset:
            return str(match), PREFERRED_LEGACY_ENCODING
    return str(best), best.encoding
