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
import contextlib
import fnmatch
import gc
import hashlib
import os
import re
import stat
import threading
import time
import unicodedata
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


RACY_WINDOW_NS = 2_000_000_000
"""A file whose mtime is this close to the moment it was stat'ed (or later) has no trusted mtime.

Its content may still change within the same timestamp tick without the mtime moving: file
systems stamp writes with a coarse clock (a kernel tick on ext4 and XFS, 2 s on FAT, the
server's clock on NFS). This is Git's "racy git" problem (Documentation/technical/racy-git.txt),
solved the same way: such a file is compared by content the next time. 2 s covers FAT's
granularity; a future mtime (clock skew, ``touch -d``) is not trusted either."""


def file_stat(path: Path | str) -> tuple[int, int | None] | None:
    """``(size in bytes, mtime in ns or None)`` of a regular file, following symlinks (the bytes a
    read would get); None for a FIFO, socket, device or folder.

    The mtime is None when it is within :data:`RACY_WINDOW_NS` of now or in the future (not to
    be trusted to reveal a later change). A path that cannot be stat'ed (a broken link, a file
    deleted meanwhile) is ``(0, None)``: regular as far as discovery knows, so that reading it
    reports why it is gone. POSIX ``stat``: ``st_size``, ``st_mtim`` (``st_mtime_ns``).
    """
    try:
        st = os.stat(path)
    except OSError:
        return 0, None
    return _regular_stat(st)


def _regular_stat(st: os.stat_result) -> tuple[int, int | None] | None:
    """:func:`file_stat` of a ``stat`` result already taken."""
    if not stat.S_ISREG(st.st_mode):
        return None
    trusted = st.st_mtime_ns < time.time_ns() - RACY_WINDOW_NS
    return st.st_size, st.st_mtime_ns if trusted else None


class _Ahead:
    """A :func:`scan` running in a daemon thread (it never holds up the process's exit)."""

    def __init__(self, root: Path, glob: str, source: str | None) -> None:
        self.found: Discovery | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(root, glob, source), name="newsetl-scan-ahead", daemon=True)
        self.thread.start()

    def _run(self, root: Path, glob: str, source: str | None) -> None:
        try:
            self.found = _scan(root, glob, source, None)
        except BaseException as exc:  # handed to the caller of result()
            self.error = exc

    def result(self) -> Discovery:
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.found is not None
        return self.found


_ahead: dict[tuple[str, str, str | None], _Ahead] = {}


@contextlib.contextmanager
def scan_ahead(root: Path | str, glob: str = "*.txt", source: str | None = None) -> Iterator[None]:
    """Start :func:`scan` of ``root`` in a thread now; the first ``scan(root, glob, source)`` of this
    process inside the block takes its result instead of walking again.

    For ``newsetl run``: the walk of a large archive (seconds for 250,000 files) then runs while
    the CLI waits for Prefect's temporary server to answer, instead of after it, inside the flow.
    The files are those of the moment the walk ran, as with any walk taken before its files are
    read. A result nobody took is dropped at the end of the block.
    """
    key = (str(Path(root).absolute()), glob, source)
    _ahead[key] = _Ahead(Path(root), glob, source)
    try:
        yield
    finally:
        _ahead.pop(key, None)


def scan(root: Path, glob: str = "*.txt", source: str | None = None, limit: int | None = None) -> Discovery:
    """Walk ``root`` once: the article files (as :func:`discover`) and the counts of ignored files.

    A hidden folder counts as one ignored ``hidden`` entry and is not walked into
    (a ``.git`` folder would otherwise cost a walk of thousands of objects). Pipes,
    sockets and devices that match the glob are ignored as :data:`NOT_REGULAR`.
    Folders, and links to folders, are walked (folders) or passed over (links), never counted.
    Raises :class:`ArticleError` if ``root`` is not a folder.

    A glob of file names (``*.txt``, no ``/``) is matched as :meth:`pathlib.Path.rglob` matches
    it (:func:`fnmatch.translate`, case-sensitive) during one ``os.scandir`` walk: each entry is
    classified once and each matching file stat'ed once, from its directory entry, about 20 us
    a file (an archive of 250,000 files in seconds). A glob over folders (``2017/*.txt``) goes
    through ``rglob`` and a second walk for the ignored counts. ``limit``: stop the walk once that
    many files are found (the first ones in order; the ignored counts are then partial), for a
    caller that only needs to know whether there are more than so many. A walk :func:`scan_ahead`
    started for the same folder, glob and label is taken instead of walking again.
    """
    if limit is None:
        ahead = _ahead.pop((str(Path(root).absolute()), glob, source), None)
        if ahead is not None:
            return ahead.result()
    return _scan(root, glob, source, limit)


def _scan(root: Path, glob: str, source: str | None, limit: int | None) -> Discovery:
    """:func:`scan`, walking now."""
    root = Path(root).absolute()
    if not root.is_dir():
        raise ArticleError(f"source folder {root} does not exist or is not a folder")
    label = source or root.resolve().name
    if "/" in glob or os.sep in glob:
        found = _scan_by_path(root, glob, label)
        del found.files[limit or len(found.files) :]
        return found
    found = Discovery()
    match = re.compile(fnmatch.translate(glob)).fullmatch
    with _collector_paused():
        _walk(root, "", match, label, found, f"not matching {glob!r}", limit or -1)
    return found


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a walk creates objects that all live on.

    Each collection of the oldest generation visits every tracked object, and a walk that keeps
    hundreds of thousands of file records triggers them again and again though it makes no
    cycles (Python's ``gc`` documentation: the thresholds count allocations). Measured on the
    250,000 files of bench/rerun_scale.py: 10.8 s of CPU with it, 6.8 s without.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _walk(folder: Path, prefix: str, match, label: str, found: Discovery, other: str, limit: int) -> bool:
    """Add the files of ``folder`` (relative path ``prefix``) to ``found``, folders first walked in
    name order, so ``found.files`` is sorted as ``sorted(root.rglob(glob))`` sorts (by path parts).
    False once ``found`` holds ``limit`` files (-1: no limit): the walk stops."""
    try:
        with os.scandir(folder) as entries:
            entries = sorted(entries, key=lambda e: e.name)
    except OSError:  # as rglob and os.walk do: a folder that cannot be listed is passed over
        return True
    ignored = found.ignored
    for entry in entries:
        if len(found.files) == limit:
            return False
        name = entry.name
        if name.startswith("."):
            ignored["hidden"] = ignored.get("hidden", 0) + 1
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if not _walk(folder / name, f"{prefix}{name}/", match, label, found, other, limit):
                    return False
                continue
            if entry.is_symlink() and entry.is_dir():  # a link to a folder: neither walked nor counted
                continue
        except OSError:
            pass
        if not match(name):
            ignored[other] = ignored.get(other, 0) + 1
            continue
        try:
            found_stat = _regular_stat(entry.stat())  # follows a link: the bytes a read would get
        except OSError:
            found_stat = (0, None)
        if found_stat is None:
            ignored[NOT_REGULAR] = ignored.get(NOT_REGULAR, 0) + 1
            continue
        size, mtime_ns = found_stat
        found.files.append(
            SourceFile.model_construct(path=folder / name, relative_path=prefix + name, source=label, size=size, mtime_ns=mtime_ns)
        )
    return True


def _scan_by_path(root: Path, glob: str, label: str) -> Discovery:
    """:func:`scan` for a glob over folders: ``rglob``, then ``os.walk`` for the ignored counts."""
    special_paths: list[Path] = []
    found = Discovery(files=list(_discover(root, glob, label, special_paths)))
    matched = {f.relative_path for f in found.files}
    special = {p.relative_to(root).as_posix() for p in special_paths}
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


def discover(root: Path, glob: str = "*.txt", source: str | None = None) -> Iterator[SourceFile]:
    """Every file under ``root`` matching ``glob`` (recursive), in sorted order (:func:`scan`'s files).

    ``source`` labels the documents (default: the folder's name). Hidden files,
    anything under a hidden folder, and pipes, sockets and devices (:func:`is_regular`)
    are skipped. Each file is stat'ed once (:func:`file_stat`): its ``size`` and
    ``mtime_ns``. Raises :class:`ArticleError` if ``root`` is not a folder.
    """
    return iter(scan(root, glob, source).files)


def _discover(root: Path, glob: str, label: str, special: list[Path]) -> Iterator[SourceFile]:
    """The files of a glob over folders (``rglob``), also appending to ``special`` the matching paths that are no regular files."""
    root_text = str(root).rstrip(os.sep) + os.sep
    for path in sorted(root.rglob(glob)):
        relative = str(path)[len(root_text):]  # rglob yields root / relative: no relative_to() per file
        if relative.startswith(".") or f"{os.sep}." in relative:
            continue
        found = file_stat(path)
        if found is None:
            if not path.is_dir():
                special.append(path)
            continue
        size, mtime_ns = found
        yield SourceFile.model_construct(
            path=path, relative_path=relative.replace(os.sep, "/"), source=label, size=size, mtime_ns=mtime_ns
        )


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


LEGACY_ENCODINGS: dict[str, tuple[str, ...]] = {
    "cp1252": ("de", "fr", "es", "pt", "it", "nl", "da", "nb", "sv", "fi", "is", "ca", "en"),
    "latin-1": ("de", "fr", "es", "pt", "it", "nl", "da", "nb", "sv", "fi", "is", "ca", "en"),
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "ro", "sh"),
    "cp1251": ("ru", "uk", "bg", "mk"),
    "koi8-r": ("ru",),
}
"""The single-byte code pages news archives hold, in order of preference (Windows-1252 first:
the WHATWG default for Latin-1 labelled text and the usual legacy encoding of Western wire
copy), each with the languages it was made for (Microsoft code page and RFC 1489 documentation)
as wordfreq language codes: the languages whose words a decoding is checked against."""

_DETECTOR_LANGUAGES = {
    "English": "en", "German": "de", "French": "fr", "Dutch": "nl", "Italian": "it", "Polish": "pl",
    "Spanish": "es", "Russian": "ru", "Portuguese": "pt", "Swedish": "sv", "Ukrainian": "uk",
    "Norwegian": "nb", "Finnish": "fi", "Vietnamese": "vi", "Czech": "cs", "Hungarian": "hu",
    "Indonesian": "id", "Turkish": "tr", "Romanian": "ro", "Farsi": "fa", "Arabic": "ar", "Danish": "da",
    "Serbian": "sh", "Lithuanian": "lt", "Slovene": "sl", "Slovak": "sk", "Hebrew": "he", "Bulgarian": "bg",
    "Croatian": "sh", "Greek": "el", "Hindi": "hi", "Tamil": "ta",
}  # fmt: skip
"""charset-normalizer's language names -> wordfreq codes, for the detector's own choice."""

SCORED_CHARS = 20_000
"""Characters of each candidate decoding that :func:`implausibility` reads."""

MAX_CHECKED_WORDS = 40
"""Distinct words with non-ASCII letters that :func:`unknown_words` looks up per decoding."""

_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})
_SYMBOL_CATEGORIES = frozenset({"Sc", "Sk", "Sm", "So", "No"})
_WORD_RE = re.compile(r"[^\W\d_]+")
"""A word: a run of letters in any script."""


def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    word = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if word in _CJK_SCRIPTS else word


def implausibility(text: str) -> int:
    """How many characters of ``text`` are unlikely in real text: a count, 0 for clean text.

    Counted, for each non-ASCII character in the first :data:`SCORED_CHARS` characters:
    a C1 control (U+0080..U+009F: Latin-1 read where Windows-1252 was meant); a symbol or
    non-digit number (``£``, ``¯``, ``³``, ``÷``: general categories Sc, Sk, Sm, So, No)
    touching a letter with no digit on its other side (``£ukasz``, ``ó³w``; not ``25°C``);
    a letter of another script than the letter before it in the same word (``Kцln``,
    ``ㄆkasz``: Latin, Cyrillic, Greek, CJK... from the Unicode character name); and an
    upper-case letter right after a lower-case one when either is non-ASCII (``íÉÎ``,
    ``нЙОЙ``: a legacy decoding of the wrong code page flips case at random). These are the
    marks of a wrong code page that ftfy and charset-normalizer's mess detector look for
    (ftfy's ``badness``, charset-normalizer's ``SuspiciousRange``/``ArchaicUpperLower``
    plugins), made to work on one short line.
    """
    sample = text[:SCORED_CHARS]
    count = 0
    last = len(sample) - 1
    for i, ch in enumerate(sample):
        if ch.isascii():
            continue
        cat = unicodedata.category(ch)
        before = sample[i - 1] if i > 0 else " "
        after = sample[i + 1] if i < last else " "
        if cat == "Cc":
            count += 1
        elif cat in _SYMBOL_CATEGORIES:
            if (before.isalpha() and not after.isdigit()) or (after.isalpha() and not before.isdigit()):
                count += 1
        elif ch.isalpha():
            if before.isalpha() and _script(before) != _script(ch):
                count += 1
            elif before.islower() and ch.isupper():
                count += 1
            if after.isalpha() and after.isascii() and _script(ch) != "LATIN":
                count += 1  # a non-Latin letter followed by a Latin one: "KЖln"
            elif after.isascii() and ch.islower() and after.isupper():
                count += 1
    return count


def _words(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in _WORD_RE.finditer(text, 0, SCORED_CHARS):
        word = m.group().lower()
        if not word.isascii():
            seen.setdefault(word)
            if len(seen) >= MAX_CHECKED_WORDS:
                break
    return list(seen)


def unknown_words(text: str, languages: tuple[str, ...]) -> int:
    """How many distinct words with non-ASCII letters in ``text`` no language of ``languages`` has.

    Looked up in wordfreq's "small" word lists (offline, inside the package; Speer et al.,
    wordfreq 3): ``dvořák`` is a Czech word, ``dvoøák`` is nobody's, ``газпром`` is Russian
    and ``зюгопнл`` is not. Reads at most :data:`MAX_CHECKED_WORDS` words; a language
    wordfreq lacks knows no word.
    """
    from wordfreq import available_languages, zipf_frequency

    usable = [lang for lang in languages if lang in available_languages("small")]
    return sum(1 for word in _words(text) if not any(zipf_frequency(word, lang, wordlist="small") > 0 for lang in usable))


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to text; returns ``(text, encoding)``.

    Order: a byte-order mark decides (UTF-8/16/32); else strict UTF-8; else, if the bytes
    are not binary, the most plausible of charset-normalizer's best match and the legacy
    code pages of :data:`LEGACY_ENCODINGS` (:func:`plausible_decoding`): charset-normalizer
    guesses poorly on short text (a one-line cp1252 article came out as cp775, a cp1250
    one as big5), so its choice is weighed against the code pages news archives use.
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
    return plausible_decoding(data)


def _name_preference(name: str) -> int:
    order = list(LEGACY_ENCODINGS)
    return order.index(name) if name in order else len(order)


def plausible_decoding(data: bytes) -> tuple[str, str]:
    """The most plausible decoding of non-UTF-8 ``data``: ``(text, encoding)``.

    Candidates: charset-normalizer's best match and every code page of
    :data:`LEGACY_ENCODINGS` that decodes the bytes. They are ranked by
    :func:`implausibility` (fewest unlikely characters), then, among decodings that still
    differ, by :func:`unknown_words` in the languages each encoding serves (fewest words no
    such language has), then by preference: the detector's choice, then the order of
    :data:`LEGACY_ENCODINGS`. Candidates that give the very same text are one decoding,
    named after the most preferred (ties of cp1250 and cp1252 on Western text go to cp1252).
    Raises :class:`EncodingError` when nothing decodes the bytes.
    """
    from charset_normalizer import from_bytes

    candidates: list[tuple[int, str, str, tuple[str, ...]]] = []  # (preference, name, text, languages)
    best = from_bytes(data).best()
    if best is not None:
        langs = tuple(dict.fromkeys(_DETECTOR_LANGUAGES[n] for n in best.languages if n in _DETECTOR_LANGUAGES))
        name = best.encoding
        for legacy in LEGACY_ENCODINGS:
            if codecs.lookup(legacy).name == codecs.lookup(name).name:
                name = legacy
        candidates.append((0, name, str(best), langs or LEGACY_ENCODINGS.get(name, ())))
    for rank, (name, langs) in enumerate(LEGACY_ENCODINGS.items(), start=1):
        try:
            candidates.append((rank, name, data.decode(name), langs))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise EncodingError("not text in any encoding charset-normalizer recognises")
    by_text: dict[str, tuple[int, str, tuple[str, ...]]] = {}
    for rank, name, text, langs in candidates:  # one entry per distinct text: the most preferred name
        held = by_text.get(text)
        if held is None:
            by_text[text] = (rank, name, langs)
        else:
            preferred = min(held[1], name, key=_name_preference)
            by_text[text] = (min(held[0], rank), preferred, tuple(dict.fromkeys(held[2] + langs)))
    scored = sorted((implausibility(text), rank, name, text, langs) for text, (rank, name, langs) in by_text.items())
    tied = [c for c in scored if c[0] == scored[0][0]]
    if len(tied) > 1:
        tied.sort(key=lambda c: (unknown_words(c[3], c[4]), c[1]))
    _, _, name, text, _ = tied[0]
    return text, name
