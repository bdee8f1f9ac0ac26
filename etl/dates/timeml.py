"""TimeML reading and the TempEval-3 Task A scorer for the temporal tagger.

* :func:`read_timeml` reads one TimeML 1.2.1 ``.tml`` file: the DCT (the ``<TIMEX3
  functionInDocument="CREATION_TIME">`` inside ``<DCT>``), the plain text of ``<TEXT>``
  (every tag removed, XML entities unescaped) and the gold ``<TIMEX3>`` elements inside
  ``<TEXT>`` with character offsets into that plain text. The DCT TIMEX3 is not part of
  ``<TEXT>`` and is never scored.
* :func:`score` compares system mentions with gold TIMEX3 as TempEval-3 Task A does
  (UzZaman et al., "SemEval-2013 Task 1: TempEval-3", 2013): *strict* span match = the same
  start and end; *relaxed* span match = any character overlap, one-to-one; type and value
  accuracy over the relaxed matches; value F1 = relaxed F1 x value accuracy (the task's
  attribute F1, since attribute P = P x accuracy and attribute R = R x accuracy).
* :func:`evaluate_directory` runs spaCy NER (:class:`etl.entities.EntityExtractor`, so the
  DATE/TIME candidates are exactly the pipeline's) and :class:`etl.dates.TemporalTagger`
  over every ``.tml`` file under a folder and scores the lot, and each part of the fixed
  split (:func:`corpus_part`: a tuning part, on which rules are developed, and a held-out
  part, on which they are only measured). Every error names the rule that made the
  system mention, so errors can be grouped by rule.

Usage::

    result = evaluate_directory(Path("../shared/corpora/timeml-tbaq"))
    result.scores.relaxed.f1, result.scores.value_f1   # 0.93, 0.86
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from etl.errors import NewsEtlError, ParseError

__all__ = [
    "EvalError",
    "EvaluationResult",
    "GoldTimex",
    "PRF",
    "Scores",
    "SystemTimex",
    "TimeMLDocument",
    "corpus_part",
    "evaluate_directory",
    "read_timeml",
    "score",
]

CONTEXT_CHARS = 60
"""Characters of text shown on each side of an error."""

PARTS = ("tuning", "held-out")
"""The two parts of a TimeML corpus (see :func:`corpus_part`)."""

HELD_OUT_EVERY = 3
"""One document in this many is held out (see :func:`corpus_part`)."""


def corpus_part(doc_id: str) -> str:
    """``"held-out"`` or ``"tuning"``: the fixed split of a TimeML corpus by document.

    A document is held out when the SHA-1 of its ``<DOCID>`` (UTF-8), read as a number, is a
    multiple of :data:`HELD_OUT_EVERY` (3); the rest is the tuning part. The rule depends on
    nothing but the id, so the split is the same on every machine and for every corpus.
    On timeml-tbaq (TimeBank 1.2 + AQUAINT, 256 documents, 1,822 gold TIMEX3) it holds out
    90 documents with 623 TIMEX3 (the two AQUAINT files that share a body, APW20000107.0088
    and APW20000115.0209, both among them) and leaves 166 documents with 1,199 for tuning.
    Rules are developed on the tuning part (``evaluate-dates --errors`` lists its errors
    only); the held-out part is measured, never read.
    """
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()
    return "held-out" if int(digest, 16) % HELD_OUT_EVERY == 0 else "tuning"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold ``<TIMEX3>`` of ``<TEXT>``: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass(frozen=True, slots=True)
class SystemTimex:
    """A system mention to score: character offsets [start, end), TIMEX3 type and value, and
    the name of the tagger rule that made it (``""`` when unknown)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One ``.tml`` file: its DCT, the plain text of ``<TEXT>`` and the gold TIMEX3 in it."""

    path: Path
    doc_id: str
    dct: dt.date
    text: str
    gold: tuple[GoldTimex, ...]


_DCT_VALUE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def _parse_dct(value: str) -> dt.date | None:
    """The date of a DCT TIMEX3 value (``1998-08-07``, ``1998-08-07T06:18:00``, ``19980807``)."""
    m = _DCT_VALUE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _flatten(element: ET.Element, parts: list[str], timexes: list[GoldTimex], offset: list[int]) -> None:
    """Append the plain text of ``element``'s content to ``parts`` (tails of children
    included, its own tail excluded), recording every TIMEX3 with its offsets."""
    start = offset[0]
    if element.text:
        parts.append(element.text)
        offset[0] += len(element.text)
    for child in element:
        _flatten(child, parts, timexes, offset)
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)
    if element.tag == "TIMEX3":
        end = offset[0]
        text = "".join(parts)[start:end] if start < end else ""
        timexes.append(
            GoldTimex(
                start=start,
                end=end,
                text=text,
                type=element.get("type", ""),
                value=element.get("value", ""),
                tid=element.get("tid", ""),
            )
        )


def read_timeml(path: Path) -> TimeMLDocument:
    """Read a TimeML 1.2.1 ``.tml`` file.

    Returns a :class:`TimeMLDocument`: ``dct`` from the ``<DCT>`` TIMEX3's ``value`` (its
    date part), ``text`` = the concatenated character data of ``<TEXT>`` with every tag
    removed and entities unescaped by the XML parser, ``gold`` = the ``<TIMEX3>`` elements
    inside ``<TEXT>`` (document order) with ``text[start:end] == gold.text``. Empty
    TIMEX3 elements (no extent: TimeML's non-consuming timexes) are not returned.

    Raises:
        ParseError: the file is not well-formed XML, or it has no ``<DCT>`` with a dated
            TIMEX3, or no ``<TEXT>``.
        OSError: the file cannot be read.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ParseError(f"{path}: not well-formed TimeML XML ({exc})") from exc
    dct_el = root.find(".//DCT")
    dct_timex = dct_el.find(".//TIMEX3") if dct_el is not None else None
    if dct_timex is None:
        raise ParseError(f"{path}: no <DCT> TIMEX3 (the document creation time)")
    dct = _parse_dct(dct_timex.get("value", "") or (dct_timex.text or ""))
    if dct is None:
        raise ParseError(f"{path}: DCT value {dct_timex.get('value')!r} is not a calendar date")
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ParseError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _flatten(text_el, parts, timexes, [0])
    text = "".join(parts)
    gold = tuple(sorted((t for t in timexes if t.end > t.start), key=lambda t: (t.start, t.end)))
    doc_id_el = root.find(".//DOCID")
    doc_id = (doc_id_el.text or "").strip() if doc_id_el is not None and doc_id_el.text else path.stem
    return TimeMLDocument(path=path, doc_id=doc_id, dct=dct, text=text, gold=gold)


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from ``matched`` pairs among ``system`` and ``gold`` items (0 when undefined)."""

    matched: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class EvalError:
    """One scoring error: ``kind`` is ``miss`` (gold not found), ``false_alarm`` (system
    mention matching no gold) or ``wrong_value`` (relaxed match, different value or type).
    ``context`` is the text around it with the mention in ``[[...]]``. ``rule`` names the
    tagger rule of the system mention (false alarms, wrong values); for a miss,
    ``spacy_span`` says whether spaCy had proposed a DATE/TIME span over it (which no rule
    then resolved). ``part`` is the document's :func:`corpus_part`."""

    kind: str
    doc_id: str
    start: int
    end: int
    text: str
    context: str
    gold_type: str | None = None
    gold_value: str | None = None
    gold_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    system_text: str | None = None
    rule: str | None = None
    spacy_span: bool | None = None
    part: str | None = None


@dataclass
class Scores:
    """TempEval-3 Task A counts and measures (see :func:`score`)."""

    gold: int = 0
    system: int = 0
    strict_matched: int = 0
    relaxed_matched: int = 0
    type_correct: int = 0
    value_correct: int = 0

    @property
    def strict(self) -> PRF:
        return PRF(self.strict_matched, self.system, self.gold)

    @property
    def relaxed(self) -> PRF:
        return PRF(self.relaxed_matched, self.system, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed_matched if self.relaxed_matched else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed_matched if self.relaxed_matched else 0.0

    @property
    def type_f1(self) -> float:
        return self.relaxed.f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        """TempEval-3 attribute F1 for ``value``: relaxed F1 x value accuracy."""
        return self.relaxed.f1 * self.value_accuracy

    def add(self, other: Scores) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict_matched += other.strict_matched
        self.relaxed_matched += other.relaxed_matched
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct

    def as_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type_accuracy": round(self.type_accuracy, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "type_f1": round(self.type_f1, 4),
            "value_f1": round(self.value_f1, 4),
        }


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return re.sub(r"\s+", " ", f"{left}[[{text[start:end]}]]{right}").strip()


def _same_value(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def score(
    gold: Sequence[GoldTimex],
    system: Sequence[SystemTimex],
    text: str = "",
    doc_id: str = "",
) -> tuple[Scores, list[EvalError]]:
    """Score one document's system mentions against its gold TIMEX3 (TempEval-3 Task A).

    Matching is one-to-one: gold and system mentions are taken in order of start, and each
    gold TIMEX3 is paired with the unpaired overlapping system mention that shares the most
    characters with it (ties: the leftmost). A pair is a *relaxed* match; it is also a
    *strict* match when start and end are equal. Type and value are compared on relaxed
    matches (values case-insensitively, surrounding spaces ignored).

    Returns ``(scores, errors)``: the counts for this document and the error list (misses,
    false alarms, wrong values, each with :data:`CONTEXT_CHARS` characters of ``text`` on
    either side). Raises nothing.
    """
    g_sorted = sorted(gold, key=lambda t: (t.start, t.end))
    s_sorted = sorted(system, key=lambda t: (t.start, t.end))
    used = [False] * len(s_sorted)
    pairs: list[tuple[GoldTimex, SystemTimex | None]] = []
    for g in g_sorted:
        best, best_overlap = -1, 0
        for i, s in enumerate(s_sorted):
            if s.start >= g.end:
                break
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap and not used[i]:
                best, best_overlap = i, overlap
        if best >= 0:
            used[best] = True
            pairs.append((g, s_sorted[best]))
        else:
            pairs.append((g, None))
    scores = Scores(gold=len(g_sorted), system=len(s_sorted))
    errors: list[EvalError] = []
    for g, s in pairs:
        if s is None:
            errors.append(
                EvalError("miss", doc_id, g.start, g.end, g.text, _context(text, g.start, g.end),
                          gold_type=g.type, gold_value=g.value, gold_text=g.text)  # fmt: skip
            )
            continue
        scores.relaxed_matched += 1
        if (s.start, s.end) == (g.start, g.end):
            scores.strict_matched += 1
        type_ok = g.type == s.type
        value_ok = _same_value(g.value, s.value)
        scores.type_correct += type_ok
        scores.value_correct += value_ok
        if not (type_ok and value_ok):
            lo, hi = min(g.start, s.start), max(g.end, s.end)
            errors.append(
                EvalError("wrong_value", doc_id, lo, hi, text[lo:hi] if text else g.text, _context(text, lo, hi),
                          gold_type=g.type, gold_value=g.value, gold_text=g.text,
                          system_type=s.type, system_value=s.value, system_text=s.text,
                          rule=s.rule or None)  # fmt: skip
            )
    for i, s in enumerate(s_sorted):
        if not used[i]:
            errors.append(
                EvalError("false_alarm", doc_id, s.start, s.end, s.text, _context(text, s.start, s.end),
                          system_type=s.type, system_value=s.value, system_text=s.text,
                          rule=s.rule or None)  # fmt: skip
            )
    errors.sort(key=lambda e: (e.start, e.end))
    return scores, errors


# --------------------------------------------------------------------------- a directory


@dataclass
class EvaluationResult:
    """Scores over a folder of ``.tml`` files.

    ``documents`` = files scored; ``skipped`` = ``(path, reason)`` for files that could not
    be read (no DCT, bad XML), which are counted but not scored; ``scores`` over all
    documents, ``parts`` / ``part_documents`` the scores and document counts of each
    :func:`corpus_part`; ``errors`` in file order, each with its part.
    """

    directory: Path
    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    scores: Scores = field(default_factory=Scores)
    parts: dict[str, Scores] = field(default_factory=lambda: {p: Scores() for p in PARTS})
    part_documents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))
    errors: list[EvalError] = field(default_factory=list)
    seconds: float = 0.0

    def errors_of(self, part: str = "all") -> list[EvalError]:
        """The errors of one part (``tuning``, ``held-out``) or of ``all`` documents."""
        if part == "all":
            return list(self.errors)
        if part not in PARTS:
            raise ValueError(f"part must be all, {' or '.join(PARTS)}; got {part!r}")
        return [e for e in self.errors if e.part == part]

    def as_dict(self, with_errors: bool = True, errors_part: str = "all") -> dict[str, object]:
        """JSON-ready: the measures (all documents, then ``parts``), the counts, the skipped
        files and (optionally) the errors of ``errors_part`` with their rule counts."""
        out: dict[str, object] = {
            "directory": str(self.directory),
            "documents": self.documents,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            **self.scores.as_dict(),
            "parts": {
                p: {"documents": self.part_documents[p], **self.parts[p].as_dict()} for p in PARTS
            },
            "seconds": round(self.seconds, 2),
        }
        if with_errors:
            errors = self.errors_of(errors_part)
            out["errors_part"] = errors_part
            out["errors_by_rule"] = errors_by_rule(errors)
            out["errors"] = [{k: v for k, v in asdict(e).items() if v is not None} for e in errors]
        return out


MISS_WITH_SPAN = "(no rule: spaCy span left unresolved)"
MISS_WITHOUT_SPAN = "(no rule: no spaCy span)"


def error_group(error: EvalError) -> str:
    """The rule an error belongs to: the rule of its system mention, or for a miss
    :data:`MISS_WITH_SPAN` / :data:`MISS_WITHOUT_SPAN` (whether spaCy proposed a span)."""
    if error.rule:
        return error.rule
    if error.kind == "miss":
        return MISS_WITH_SPAN if error.spacy_span else MISS_WITHOUT_SPAN
    return "(unknown rule)"


def errors_by_rule(errors: Sequence[EvalError]) -> dict[str, dict[str, int]]:
    """``{group: {"miss": n, "false_alarm": n, "wrong_value": n, "total": n}}`` for the groups
    of :func:`error_group`, the group with the most errors first (ties by name)."""
    counts: dict[str, dict[str, int]] = {}
    for e in errors:
        row = counts.setdefault(error_group(e), {"miss": 0, "false_alarm": 0, "wrong_value": 0, "total": 0})
        row[e.kind] += 1
        row["total"] += 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1]["total"], kv[0])))


def evaluate_directory(
    path: Path,
    spacy_model: str | None = None,
    batch_size: int | None = None,
) -> EvaluationResult:
    """Run NER + the temporal tagger on every ``.tml`` file under ``path`` (recursively) and
    score them with :func:`score`, each against its own DCT.

    ``spacy_model``/``batch_size`` default to the settings (``NEWSETL_SPACY_MODEL``,
    ``NEWSETL_NLP_BATCH_SIZE``); the candidates come from :class:`etl.entities.EntityExtractor`
    as in the pipeline.

    Raises:
        NewsEtlError: ``path`` is not a folder, or holds no ``.tml`` file, or none could be read.
        ModelNotInstalled: the spaCy model is not installed.
    """
    import time

    from etl.dates import TemporalTagger
    from etl.entities import EntityExtractor, ensure_model_installed

    path = Path(path)
    if not path.exists():
        raise NewsEtlError(f"folder {path} does not exist")
    if not path.is_dir():
        raise NewsEtlError(f"{path} is not a folder")
    files = sorted(p for p in path.rglob("*.tml") if p.is_file())
    if not files:
        raise NewsEtlError(f"no .tml files under {path}")
    if spacy_model is None or batch_size is None:
        from etl.config import get_settings

        settings = get_settings()
        spacy_model = spacy_model or settings.spacy_model
        batch_size = batch_size or settings.nlp_batch_size
    ensure_model_installed(spacy_model)

    t0 = time.perf_counter()
    result = EvaluationResult(directory=path)
    docs: list[TimeMLDocument] = []
    for f in files:
        try:
            docs.append(read_timeml(f))
        except (ParseError, OSError) as exc:
            result.skipped.append((str(f.relative_to(path)), str(exc).removeprefix(f"{f}: ")))
    if not docs:
        raise NewsEtlError(f"none of the {len(files)} .tml files under {path} could be read")
    extractor = EntityExtractor(spacy_model, batch_size=batch_size)
    tagger = TemporalTagger()
    ner = extractor.run([d.text for d in docs])
    for doc, ents in zip(docs, ner, strict=True):
        tagged = tagger.explain(doc.text, doc.dct, ents.date_candidates)
        system = [SystemTimex(m.start, m.end, m.text, m.type, m.value, rule) for m, rule in tagged]
        s, errs = score(doc.gold, system, doc.text, doc.doc_id)
        part = corpus_part(doc.doc_id)
        spans = ents.date_candidates
        errs = [
            replace(e, part=part, spacy_span=any(a < e.end and e.start < b for a, b in spans) if e.kind == "miss" else None)
            for e in errs
        ]
        result.scores.add(s)
        result.parts[part].add(s)
        result.part_documents[part] += 1
        result.errors.extend(errs)
        result.documents += 1
    result.seconds = time.perf_counter() - t0
    return result
