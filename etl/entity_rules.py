"""Article-level entity rules: what the parser knows, name coreference, one type per name, places.

:class:`~etl.entities.EntityExtractor` runs spaCy NER (with the place gazetteer component,
:mod:`etl.entities`) and hands the raw spans of one article to :func:`resolve_mentions`,
which applies, in this order:

1. **Spans cover the name itself** (OntoNotes 5.0 and CoNLL-2003 name annotation): a
   leading ``the``, a trailing possessive ``'s``/``’s`` (not the one the model put in a one-word
   organisation: ``Barron's``, ``Moody's``), edge punctuation, a person's titles
   (``President``, ``Dr.``) and, except in person names, the common words a span ran on into
   (``Hamas militants``) are cut off the offsets, not only off the canonical name; a span
   without a capital letter is no name.
2. **The parser wins over the model** (:func:`etl.parse.find_dateline`): the dateline's
   place words (``NAIROBI, Kenya``) are GPE mentions whatever spaCy made of them. News
   agencies (``(AP)``, ``told AFP``, ``Interfax reported``) are the story's sources and
   credits, not its entities (the story's own agency is the document's ``agency`` field).
   Time-zone abbreviations (dateparser's list) after a clock time, and ``GMT``/``UTC``
   anywhere, are not entities; a single word the model took for an organisation that is part
   of a job title (``Secretary of State``, ``Defense Secretary``) is not one either (OntoNotes
   5.0 guidelines: titles are not names). Religions are NORP, not organisations.
3. **Name coreference in the article** (the one-sense-per-discourse assumption of Gale,
   Church and Yarowsky 1992, applied to names as in the "string match" passes of Stanford's
   deterministic coreference sieve, Lee et al. 2013): person names that differ only by middle
   names or initials fold into the fullest (``James C. Kopp`` -> ``James Charles Kopp``); a
   shorter mention takes the one longer person name of the article that starts or ends with
   it, with that type (``Hu`` -> ``Hu Jintao``, ``Tillerson`` -> ``Rex Tillerson``), and stays
   as it is when two names compete (``Gonzalez`` with ``Juan Miguel Gonzalez`` and ``Lazaro
   Gonzalez``); a one-word "person" that starts the name of the article's one company of that
   name is the company (``Ralston`` -> ``Ralston Purina Co.``); an acronym takes the
   organisation whose initials it spells (``INS`` -> ``Immigration and Naturalization
   Service``), a name in parentheses after an organisation is that organisation (``Islamic
   Resistance Movement (Hamas)``), and a leading ``U.S.`` on an organisation folds into the
   same organisation without it when both occur.
4. **One type per name in the article**: the dateline decides first, then the gazetteer
   (a known country, US state or city is a GPE unless the article gives a sign that the
   name is a person: a title before it, or a longer person name that holds it), then the
   majority of the model's labels (ties: the first mention's).
5. **Institutions named without their country** (``the Foreign Ministry``) take it from the
   article: :func:`_qualify_institutions`; a country's embassy takes the country it is in
   (``U.S. Embassy`` -> ``U.S. Embassy in Kenya``): :func:`_locate_embassies`.
6. **Places**: every GPE mention the gazetteer knows is resolved (:meth:`Gazetteer.resolve`:
   a qualifier right after it, the countries and states the article names, else size) to its
   ISO 3166-1 alpha-2 ``country`` and coordinates.

Across articles, :func:`canonical_name` maps what is safe to map without context: aliases
(:data:`ORG_ALIASES`), gazetteer names, AP spellings of transliterated names
(:data:`NAME_SPELLINGS`) and a leading ``U.S.`` on an agency's own name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from etl.gazetteer import Gazetteer, gazetteer
from etl.models import EntityMention

NAME_TYPES = ("person", "org", "gpe", "loc", "norp", "fac")
"""Labels whose mentions take part in coreference and type consistency."""

ORG_ALIASES: dict[str, str] = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "NATO": "NATO",
    "Nato": "NATO",
    "North Atlantic Treaty Organization": "NATO",
    "North Atlantic Treaty Organisation": "NATO",
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
    "IAEA": "International Atomic Energy Agency",
    "OPEC": "OPEC",
    "Organization of the Petroleum Exporting Countries": "OPEC",
    "Organization of Petroleum Exporting Countries": "OPEC",
    "ASEAN": "ASEAN",
    "Association of Southeast Asian Nations": "ASEAN",
    "Association of South East Asian Nations": "ASEAN",
    "UNESCO": "UNESCO",
    "UNICEF": "UNICEF",
    "UNHCR": "UNHCR",
    "Office of the United Nations High Commissioner for Refugees": "UNHCR",
    "APEC": "APEC",
    "Asia-Pacific Economic Cooperation": "APEC",
    "Asia Pacific Economic Cooperation": "APEC",
    "Hamas": "Hamas",
    "HAMAS": "Hamas",
    "Islamic Resistance Movement": "Hamas",
    "Security Council": "United Nations Security Council",
    "Big Board": "New York Stock Exchange",
    "NYSE": "New York Stock Exchange",
    "Indian Congress": "Indian National Congress",
    "Congress party": "Indian National Congress",
    "PLO": "Palestine Liberation Organization",
    "IOC": "International Olympic Committee",
    "INS": "Immigration and Naturalization Service",
    "SEC": "Securities and Exchange Commission",
    "EPA": "Environmental Protection Agency",
    "FDA": "Food and Drug Administration",
    "FAA": "Federal Aviation Administration",
    "NTSB": "National Transportation Safety Board",
    "FEMA": "Federal Emergency Management Agency",
    "DEA": "Drug Enforcement Administration",
    "IRS": "Internal Revenue Service",
    "FBI": "FBI",
    "Federal Bureau of Investigation": "FBI",
    "CIA": "CIA",
    "Central Intelligence Agency": "CIA",
    "NASA": "NASA",
    "National Aeronautics and Space Administration": "NASA",
}
"""Organisation names -> canonical name, the common English short name (DESIGN.md): the
expansion where people say it (``United Nations``), the acronym where the acronym is the
name people use (``NATO``, ``FBI``). Official names as the organisations write them. A
leading alias is also expanded (``UN Security Council`` -> ``United Nations Security Council``)."""

NAME_SPELLINGS: dict[str, str] = {
    "Mahmud": "Mahmoud",
    "Mahmood": "Mahmoud",
    "Nuri": "Nouri",
    "Usama": "Osama",
    "Muammar": "Moammar",
    "Mouammar": "Moammar",
    "Moamer": "Moammar",
    "Moammer": "Moammar",
    "Muammer": "Moammar",
    "Qadhafi": "Gadhafi",
    "Qaddafi": "Gadhafi",
    "Gaddafi": "Gadhafi",
    "Kadhafi": "Gadhafi",
    "Khadafy": "Gadhafi",
    "Haniya": "Haniyeh",
    "Haniyah": "Haniyeh",
}
"""Transliteration variants of Arabic names -> the AP Stylebook spelling (its entries ``Gadhafi,
Moammar``, ``Abbas, Mahmoud``, ``al-Maliki, Nouri``): AFP and Xinhua copy spell the same names
``Mahmud``, ``Nuri``, ``Kadhafi``. Applied word by word to person names of two words or more,
so the same person's name is one facet value across agencies (``Mahmud Abbas`` = ``Mahmoud
Abbas``); ``bench/facet_quality.py --merges`` lists every merge it makes on the corpora."""

REGION_WORDS = frozenset(
    "Africa Asia Europe America Americas Oceania Arctic Antarctic Antarctica Caribbean Balkans Caucasus "
    "Mediterranean Pacific Atlantic Sahel Maghreb Levant Gulf Peninsula".split()
)
"""Last words of region names (``East Africa``, ``Southeast Asia``, ``Korean Peninsula``): a name the
model typed GPE that ends in one and is no place in the gazetteer (``South Africa`` is) is a region,
LOC in OntoNotes 5.0 ("non-GPE locations, mountain ranges, bodies of water")."""

RELIGIONS = frozenset(
    "Islam Christianity Judaism Hinduism Buddhism Sikhism Jainism Shinto Taoism Confucianism Catholicism "
    "Protestantism Orthodoxy Zoroastrianism Bahaism".split()
)
"""Religions the model takes for organisations: a religion is NORP in OntoNotes 5.0 ("nationalities
or religious or political groups"), not an organisation (Wikipedia, "Major religious groups")."""

NAME_PARTICLES = frozenset("bin ibn bint al el de del della di da du des la le van von der den ter".split())
"""Particles of personal names (Arabic ``bin``, ``al``; Romance ``de``, ``da``; Dutch and German
``van``, ``von``), written lower case inside a full name."""

_WORD_ACRONYMS = {k: v for k, v in ORG_ALIASES.items() if len(k) >= 4 and k.isalpha() and k.isupper()}

_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_LEADING_THE_RE = re.compile(r"(?:the|The|THE)\s+")
_SPACE_RE = re.compile(r"\s+")
_EDGE = " \t\n\"'“”‘’()[]{},;:-–—"
_EDGE_END = _EDGE + "."

TITLE_WORDS = frozenset(
    "Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Gen General Lt Col Colonel Sgt Capt Captain Maj Major Adm "
    "Admiral Cmdr Gov Governor Sen Senator Rep Representative Rev Reverend Father Sheikh Sheik Imam "
    "Ayatollah Rabbi Cardinal Archbishop Bishop Pope King Queen Prince Princess Emperor Sultan Emir President "
    "Vice-President Premier Prime Minister Chancellor Secretary Ambassador Judge Justice Mayor "
    "Chairman Chairwoman Chief Director Spokesman Spokeswoman Coach Officer Inspector Detective "
    "Deputy Speaker Commissioner Marshal Brig Pres Messrs Mme Mlle Herr Senor Senora Monsignor".split()
)
"""Words that stand before a person's name (titles and honorifics, AP Stylebook "titles";
the abbreviations with or without their period). One before a mention is a sign the name is a person."""

_TITLE_OF_RE = re.compile(
    r"(?:Secretary|Secretary-General|Undersecretary|Under Secretary|Minister|Commissioner|Attorney)"
    r"(?:[- ]General)? of\s+$"
)
"""A job title ending in ``of`` just before a one-word organisation: ``Secretary of`` State."""

_TITLE_AFTER_RE = re.compile(r"^[\s-]*(?:Secretary|Minister|Ministers|Secretaries|Undersecretary|Chief)\b")
"""A job-title word right after a one-word organisation: ``Defense Secretary``, ``Foreign Minister``."""

_CLOCK_BEFORE_RE = re.compile(r"(?:\d{1,2}[:.]\d{2}|\b\d{3,4}|\b\d{1,2}\s*[ap]\.?\s?m\.?)\s*\(?\s*$", re.IGNORECASE)
"""A clock time ending right before a mention: ``10:15``, ``0800``, ``3 p.m.``, ``(0800``."""

ALWAYS_TIME_ZONES = frozenset({"GMT", "UTC"})
"""Time-zone names that never name anything else in news copy."""

_INITIAL_STOP = frozenset("of and the for on in at to de du des la le & a an".split())


@lru_cache(maxsize=1)
def time_zone_abbreviations() -> frozenset[str]:
    """Time-zone abbreviations known to dateparser (``EST``, ``CET``, ``JST``...; 432 in dateparser 1.2)."""
    from dateparser.timezones import timezone_info_list

    return frozenset(name for block in timezone_info_list for name, _ in block["timezones"])


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    from etl.parse import AGENCIES

    return AGENCIES


@lru_cache(maxsize=4096)
def agency_name(text: str) -> str | None:
    """The usual name of a news agency written ``text`` (``Agence France-Presse`` -> ``AFP``), else None."""
    return _agencies().get(" ".join(text.split()).lower())


@dataclass
class RawMention:
    """A span the model (or a rule) proposes: OntoNotes label lower-cased, character offsets into the text."""

    label: str
    start: int
    end: int
    from_dateline: bool = False


@dataclass
class ArticleEntities:
    """What :func:`resolve_mentions` makes of one article: the mentions, and the places they resolve to.

    ``countries`` are ISO 3166-1 alpha-2 codes in order of first mention; ``geo`` the
    distinct ``{"lat": ..., "lon": ...}`` points of the resolved places, in the same order.
    """

    mentions: list[EntityMention] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    geo: list[dict[str, float]] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    """``(alias, canonical)`` pairs: a person named by its own words ``alias`` (``Clinton``,
    ``James Kopp``) that name coreference gave the canonical name ``canonical`` (``Bill
    Clinton``) in this article; the evidence :mod:`etl.collection_names` merges on."""
    titles: list[str] = field(default_factory=list)
    """The titles the article writes its person names with, ``"<title> <canonical name>"``
    (``"President Bill Clinton"``, ``"President Clinton"``, ``"Sen Hillary Clinton"``), and
    ``"administration Clinton"`` for ``the Clinton administration``: :func:`person_title`."""


def trim_span(text: str, start: int, end: int, possessive: bool = True) -> tuple[int, int]:
    """Offsets of the name itself inside ``text[start:end]``: no edge punctuation or white
    space, no leading ``the``, no trailing possessive (``the United States’`` -> ``United States``;
    with ``possessive=False`` a trailing ``'s`` stays: ``Barron's``).

    Returns ``(start, start)`` when nothing is left. A trailing period stays when it ends an
    abbreviation (``U.S.``, ``Calif.``, ``Acme Inc.``).
    """
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    m = _LEADING_THE_RE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    span = text[start:end]
    p = _POSSESSIVE_RE.search(span) if possessive else None
    if p and p.start() > 0:
        end = start + p.start()
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def surface_name(text: str) -> str:
    """``text`` with white space collapsed and ALL-CAPS words of five letters or more title-cased
    (datelines: ``MOSCOW`` -> ``Moscow``; ``NATO`` and ``UNICEF``-length acronyms stay)."""
    words = _SPACE_RE.sub(" ", text).strip().split(" ")
    return " ".join(w.title() if len(w) >= 5 and w.isupper() and w.isalpha() else w for w in words)


@lru_cache(maxsize=131072)
def canonical_name(text: str, label: str) -> tuple[str, str]:
    """Canonical name and (possibly corrected) type of one mention, without article context.

    ``label`` is a lower-cased OntoNotes type (``gpe``, ``org``...). Organisation aliases
    (:data:`ORG_ALIASES`) and news agencies (``Associated Press`` -> ``AP``) map to their
    usual name; a ``gpe``/``loc``/``org`` that names a country or a US state in the
    gazetteer becomes that place's name, typed ``gpe`` (``DPRK`` -> ``North Korea``,
    ``N.Y.`` -> ``New York``); a known city keeps its surface form (``Moscow``), or its
    GeoNames name when written as an alternate (``Peking`` -> ``Beijing``). Person names
    are never turned into places here (article evidence decides: :func:`resolve_mentions`).
    Examples: ``("North Korea’s", "gpe") -> ("North Korea", "gpe")``,
    ``("UN Security Council", "org") -> ("United Nations Security Council", "org")``,
    ``("MOSCOW", "gpe") -> ("Moscow", "gpe")``.
    """
    start, end = trim_span(text, 0, len(text), possessive=label != "org" or " " in text.strip())
    clean = _SPACE_RE.sub(" ", text[start:end])
    if not clean:
        return text.strip(), label
    if label in ("gpe", "loc", "org", "norp", "fac"):
        alias = org_alias(clean)
        if alias:
            return alias, "org"
        agency = agency_name(clean)
        if agency and label == "org":
            return agency, "org"
        gaz = gazetteer()
        found = gaz.lookup(clean)
        if not found and label == "gpe" and clean.split(" ")[-1] in REGION_WORDS:
            return surface_name(clean), "loc"  # East Africa, Southeast Asia: regions, not polities
        if found and label != "norp" and (label != "org" or (found[0].kind in ("country", "state") and gaz.written(clean))):
            return gaz.canonical(clean) or clean, "gpe"
    if label == "org" and clean in RELIGIONS:
        return clean, "norp"
    if label == "person":
        if any(c.isdigit() for c in clean):
            return "", label  # H5N1, F-16: personal names hold no digits
        words = clean.split(" ")
        if len(words) >= 2:
            words = [NAME_SPELLINGS.get(w, w) for w in words]
            # particles inside a full name are lower case: Osama bin Laden, Charles de Gaulle
            # (Chicago Manual of Style 8.5; AP writes "bin Laden")
            words = [words[0]] + [w.lower() if w.lower() in NAME_PARTICLES and w.istitle() else w for w in words[1:-1]] + [words[-1]]
            clean = " ".join(words)
    first, _, rest = clean.partition(" ")
    if rest and label == "org" and org_alias(first):
        clean = f"{org_alias(first)} {rest}"
    elif label == "org" and first in ("U.S.", "US") and len(_tokens(rest)) >= 2 and not set(_tokens(rest)) <= INSTITUTION_WORDS:
        # a leading U.S. on an agency's own name: "U.S. Immigration and Naturalization Service" is the
        # Immigration and Naturalization Service (kept on one word or a generic name: "U.S. Embassy")
        clean = org_alias(rest) or rest
    return surface_name(clean), label


def org_alias(name: str) -> str | None:
    """The canonical name for an organisation alias in :data:`ORG_ALIASES`, else None. Acronyms
    of four letters or more also match written as a word (``Nato``, ``Asean``, ``Opec``: British
    and Asian house styles, e.g. The Guardian and BBC style guides, write acronyms said as words
    that way)."""
    if name in ORG_ALIASES:
        return ORG_ALIASES[name]
    if len(name) >= 4 and name.isalpha() and name[0].isupper() and name[1:].islower():
        return _WORD_ACRONYMS.get(name.upper())
    return None


# --------------------------------------------------------------------------- the article rules


@lru_cache(maxsize=65536)
def _token_tuple(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def _tokens(name: str) -> list[str]:
    return list(_token_tuple(name))


def has_person_sign(text: str, name: str, persons: Sequence[str]) -> bool:
    """True when ``text`` gives a sign that ``name`` names a person: a title or honorific right
    before one of its occurrences (:data:`TITLE_WORDS`: ``King Abdullah``, ``Mr. Jordan``), or one
    of the multi-word ``persons`` names starts or ends with it (``Jordan`` beside ``Michael Jordan``).
    A "person" made only of place names (``Indonesia- Australia``) is the model's mistake, no sign."""
    gaz = gazetteer()
    real = [p for p in persons if not all(gaz.written(w.strip(_EDGE_END)) for w in _tokens(p))]
    if _NameParts(real).longer(name):
        return True
    return any(_title_before(text, m.start()) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))


_LAST_WORD_RE = re.compile(r"([A-Za-z-]+)\.?$")
_INITIALS_SPLIT_RE = re.compile(r"[\s-]+")


def _title_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip()
    word = _LAST_WORD_RE.search(before)
    if not word or word.group(1) not in TITLE_WORDS:
        return False
    prev = before[: word.start()].rstrip()
    return not prev or prev[-1] not in ",;"


_HEADED_BY_RE = re.compile(r"\s+(?:administration|presidency)\b")
"""``the Clinton administration``: the executive in office, named after the one person at its head
(AP Stylebook, "administration")."""


def person_title(text: str, start: int, end: int, one_word: bool) -> str | None:
    """The title the person name at ``start:end`` is written with: the word of :data:`TITLE_WORDS`
    right before it, without its period (``President``, ``Sen``, ``Mr``; ``Attorney General
    Janet Reno, President Clinton`` too), else ``administration`` when that word follows it
    (``the Clinton administration``); None otherwise. For a one-word name the title must go with
    a family name: not one of :data:`GIVEN_NAME_TITLES` (``King Hussein`` gives None)."""
    word = _LAST_WORD_RE.search(text[max(0, start - 40) : start].rstrip())
    if word and word.group(1) in TITLE_WORDS and not (one_word and word.group(1) in GIVEN_NAME_TITLES):
        return word.group(1)
    return "administration" if one_word and _HEADED_BY_RE.match(text, end) else None


GIVEN_NAME_TITLES = frozenset(
    "Sir Dame Lord Lady Father Sheikh Sheik Imam Ayatollah Pope King Queen Prince Princess Emperor Sultan Emir".split()
)
"""Titles of :data:`TITLE_WORDS` written before a given or regnal name, not a family name (Chicago
Manual of Style 8.32: ``Queen Elizabeth``, ``King Hussein``, ``Sir Elton``); the others (``President
Clinton``, ``Mr. Kopp``, ``Gov. Bush``) stand before a family name (AP Stylebook, "titles")."""


_WORD_RE = re.compile(r"[\w’'-]+\.?")

NAME_CONNECTORS = frozenset(
    "of and the for on in at to upon de del della di da das do dos du des la le les los las es el al ul "
    "van von der den ter zu am im op aan sur sous bin ibn bint y e und & amp -".split()
)
"""Lower-case words that can stand inside a name (``Bank of America``, ``Osama bin Laden``,
``Charles de Gaulle``, ``Council on Foreign Relations``); ``al-``/``el-`` prefixed words too."""


PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below beneath beside between "
    "beyond by despite during for from in inside into near of off on onto outside over since through "
    "throughout to toward towards under until upon with within without".split()
)
"""English prepositions (Quirk et al. 1985, 9.7: the simple prepositions)."""

_SENTENCE_START_RE = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*|[\"“‘(]\s*)$")
_PARTICIPLE_RE = re.compile(r"[A-Z][a-z]+(?:ed|ing)")
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


def _participle_opening(text: str, start: int, end: int) -> bool:
    """The one-word span ``text[start:end]`` opens a sentence as a participle clause does
    (``Rescued on Nov. 25 by fishermen, Elian ...``, ``Speaking at a rally, ...``): a word in
    ``-ed``/``-ing`` that English uses in lower case, as it is and without the ending (``rescue``,
    ``speak``; wordfreq Zipf >= 3, stems of three letters or more), first in its sentence,
    followed by a preposition (:data:`PREPOSITIONS`). The model often takes such a capitalised
    verb form for a name; non-finite clauses open sentences this way (Quirk et al. 1985, 15.58)."""
    word = text[start:end]
    if not _PARTICIPLE_RE.fullmatch(word) or not _SENTENCE_START_RE.search(text, max(0, start - 4), start):
        return False
    nxt = _NEXT_WORD_RE.match(text, end)
    if not nxt or nxt.group(1) not in PREPOSITIONS:
        return False
    from wordfreq import zipf_frequency

    lower = word.lower()
    stem = lower[:-2] if lower.endswith("ed") else lower[:-3]
    stems = {stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem}  # rescue-d, plan-n-ed
    verb = any(len(s) >= 3 and zipf_frequency(s, "en") >= 3.0 for s in stems)
    return verb and zipf_frequency(lower, "en") >= 3.0


def cut_at_common_word(text: str, start: int, end: int) -> int:
    """The end of a name span cut before its first lower-case word after the first that is no
    name connector (:data:`NAME_CONNECTORS`): ``Hamas militants`` -> ``Hamas``, ``NPR news`` ->
    ``NPR``, ``Indian Ocean archipelago of Zanzibar`` -> ``Indian Ocean`` (names are capitalised
    words, Chicago Manual of Style 8.1; the model's span ran on). Connectors left dangling at the
    cut go too. Returns ``end`` when nothing is cut."""
    words = list(_SPAN_WORD_RE.finditer(text, start, end))
    for i, w in enumerate(words[1:], start=1):
        word = w.group()
        if word.islower() and word.isalpha() and word not in NAME_CONNECTORS:
            keep = words[:i]
            while keep and keep[-1].group().lower() in NAME_CONNECTORS:
                keep.pop()
            return keep[-1].end() if keep else end
    return end


_SPAN_WORD_RE = re.compile(r"[^\s]+")


def _after_titles(text: str, start: int, end: int) -> int:
    """The start of a person's name inside a span that opens with titles: ``President Bush`` ->
    ``Bush``, ``Dr. Barnett Slepian`` -> ``Barnett Slepian`` (OntoNotes and CoNLL name spans hold
    no titles). A span that is nothing but titles is left alone."""
    pos = start
    while True:
        m = _WORD_RE.match(text, pos, end)
        if not m or m.group().rstrip(".") not in TITLE_WORDS:
            return start if pos == start else pos
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            return start
        pos = start = nxt


def _is_time_zone(text: str, start: int, end: int) -> bool:
    name = text[start:end]
    if name in ALWAYS_TIME_ZONES:
        return True
    return name in time_zone_abbreviations() and bool(_CLOCK_BEFORE_RE.search(text[max(0, start - 20) : start]))


def _is_title_part(text: str, start: int, end: int) -> bool:
    if " " in text[start:end]:
        return False
    before = text[max(0, start - 30) : start]
    return bool(_TITLE_OF_RE.search(before) or _TITLE_AFTER_RE.match(text[end : end + 20]))


def _dateline_mentions(text: str) -> tuple[int, list[RawMention]]:
    """Where the article's own header ends (dateline, or a byline line before it; 0 when neither)
    and a GPE mention for each place word of the dateline. The byline's names are the story's
    author, kept in the ``byline`` field: like the agency credit, not entities of the story."""
    from etl.parse import find_byline, find_dateline

    dateline = find_dateline(text)
    byline = find_byline(text)
    header_end = max(dateline.end if dateline else 0, byline.end if byline else 0)
    out: list[RawMention] = []
    if dateline is None or not dateline.place:
        return header_end, out
    pos = dateline.start
    for part in dateline.place.split(", "):
        i = text.find(part, pos, dateline.end)
        if i < 0:
            continue
        s, e = trim_span(text, i, i + len(part))
        if e > s:
            out.append(RawMention("gpe", s, e, from_dateline=True))
        pos = i + len(part)
    return header_end, out


def _initials(name: str) -> str:
    return "".join(w[0] for w in _INITIALS_SPLIT_RE.split(name) if w and w.lower() not in _INITIAL_STOP and w[0].isupper())


def _acronym_key(name: str) -> str:
    return name.replace(".", "").replace("&", "")


def _is_acronym(name: str) -> bool:
    key = _acronym_key(name)
    return 2 <= len(key) <= 8 and key.isalpha() and key.isupper()


def _middle_compatible(short: list[str], long: list[str]) -> bool:
    """``short`` middle names are, in order, words or initials of ``long``'s middle names."""
    it = iter(long)
    for word in short:
        w = word.rstrip(".").lower()
        for cand in it:
            c = cand.rstrip(".").lower()
            if c == w or (len(w) == 1 and c.startswith(w)):
                break
        else:
            return False
    return True


def _completeness(tokens: list[str]) -> tuple[int, int]:
    return len(tokens), sum(1 for t in tokens if len(t.rstrip(".")) > 1)


def _fold_variants(names: set[str]) -> dict[str, str]:
    """Person names that differ by middle names or initials -> the most complete form, when it is
    unique: ``James Kopp`` and ``James C. Kopp`` -> ``James Charles Kopp``; with ``James Charles Kopp``
    and ``James Carl Kopp`` both in the article, ``James Kopp`` stays as it is. Names are compared
    only within groups of the same first and last word, so the cost stays linear in practice."""
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}
    for n in names:
        tokens = _tokens(n)
        if len(tokens) >= 2:
            groups.setdefault((tokens[0].lower(), tokens[-1].lower()), {})[n] = tokens
    out: dict[str, str] = {}
    for multi in groups.values():
        if len(multi) < 2:
            continue

        def completions(a: str) -> list[str]:
            ta = multi[a]
            return [
                b for b, tb in multi.items()
                if b != a and _completeness(tb) > _completeness(ta) and _middle_compatible(ta[1:-1], tb[1:-1])
            ]

        for a in multi:
            tops = {b for b in completions(a) if not completions(b)}  # the most complete forms it can grow into
            if len(tops) == 1:
                out[a] = tops.pop()
    return out


class _NameParts:
    """Multi-word names indexed by their leading and trailing words: ``longer(short)`` is every
    name that starts or ends with ``short`` (case-insensitive) and is longer, without a scan."""

    def __init__(self, names) -> None:
        self._index: dict[tuple[str, ...], set[str]] = {}
        for name in names:
            words = tuple(t.lower() for t in _tokens(name))
            for k in range(1, len(words)):
                self._index.setdefault(words[:k], set()).add(name)
                self._index.setdefault(words[-k:], set()).add(name)

    def longer(self, short: str) -> set[str]:
        return self._index.get(tuple(t.lower() for t in _tokens(short)), set())


COMMON_WORD_ZIPF = 5.3
"""A one-word organisation name at least this frequent as an English word (Zipf scale of the
wordfreq package: ``times`` 5.6, ``post`` 5.4, ``house`` 5.7, ``world`` 5.9; ``army`` 5.1 and
``congress`` 4.9 are below) does not identify an organisation on its own (The Times, The Post,
the House): it stays a mention and is no facet value."""


def too_common_for_a_facet(name: str) -> bool:
    """True for a one-word organisation name that is a very common English word (:data:`COMMON_WORD_ZIPF`)."""
    if " " in name:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "en") >= COMMON_WORD_ZIPF


def ambiguous_part_names(persons: Sequence[str]) -> set[str]:
    """The names among ``persons`` that are the first or last words of two or more longer names
    among them: ``["Gonzalez", "Juan Miguel Gonzalez", "Lazaro Gonzalez"]`` -> ``{"Gonzalez"}``."""
    parts = _NameParts({n for n in persons if len(_tokens(n)) >= 2})
    return {n for n in set(persons) if len(parts.longer(n)) >= 2}


@dataclass
class _Item:
    label: str
    start: int
    end: int
    canonical: str
    from_dateline: bool = False
    title_before: bool = False
    own: str = ""  # the canonical name of the span's own words, before coreference


def resolve_mentions(text: str, raw: Sequence[RawMention], agency: str | None = None) -> ArticleEntities:
    """Apply the article rules (module docstring) to the model's spans of one article.

    ``raw`` are spans over ``text`` with lower-cased OntoNotes labels (only the name types
    of :data:`etl.models.ENTITY_TYPES` are kept); ``agency`` is the article's parsed agency
    (``AFP``) or None. Returns the mentions, in text order, whose ``text`` is exactly
    ``text[start:end]``, and the article's countries and map points. Raises nothing.
    """
    from etl.models import ENTITY_TYPES

    gaz = gazetteer()
    dateline_end, dateline_raw = _dateline_mentions(text)
    person_names = [text[m.start : m.end] for m in raw if m.label == "person"]
    items: list[_Item] = []
    for m in dateline_raw:
        items.append(_Item("gpe", m.start, m.end, "", from_dateline=True))
    for m in raw:
        if m.label not in ENTITY_TYPES or m.start < dateline_end:
            continue
        # a one-word organisation's 's that the model put in its span is the name's (Barron's,
        # McDonald's, Moody's: a founder's name); spaCy's OntoNotes-trained NER mostly leaves
        # possessive markers out (Apple's -> Apple) and puts them in longer names by mistake
        # (European Union's, Intel Corp.'s), measured on the judged articles (bench/entity_f1.py)
        one_word_org = m.label == "org" and " " not in text[m.start : m.end].strip()
        s, e = trim_span(text, m.start, m.end, possessive=not one_word_org)
        if m.label != "person":  # person names hold particles of many languages: Daniel arap Moi
            e = cut_at_common_word(text, s, e)
        if e <= s:
            continue
        name = text[s:e]
        if not any(c.isupper() for c in name):
            continue  # "the foreign ministry": English capitalises names (Chicago Manual of Style, 8.1)
        if agency_name(name) is not None and m.label in ("org", "person", "gpe", "norp"):
            continue  # a news agency is the story's source or credit (``agency`` holds the story's own)
        if _is_time_zone(text, s, e):
            continue
        if m.label in ("org", "gpe") and _is_title_part(text, s, e):
            continue
        if m.label == "person":
            s = _after_titles(text, s, e)
            if _participle_opening(text, s, e) and not has_person_sign(text, text[s:e], person_names):
                continue
        items.append(_Item(m.label, s, e, "", title_before=_title_before(text, s)))
    items.sort(key=lambda i: i.start)

    for it in items:
        it.canonical, label = canonical_name(text[it.start : it.end], it.label)
        if not it.canonical:
            it.label = ""
            continue
        if it.from_dateline:
            it.canonical = gaz.canonical(it.canonical) or it.canonical
            if it.canonical not in gaz and it.canonical in ORG_ALIASES.values():
                it.from_dateline, label = False, "org"  # UNITED NATIONS (AP) _: the UN's headquarters
            else:
                label = "gpe"
        it.label = label

    items = [it for it in items if it.label]
    for it in items:
        it.own = it.canonical if it.label == "person" else ""
    _coreference(items, text)
    _one_type_per_name(items, text, gaz)
    _qualify_institutions(items, text, gaz)
    _locate_embassies(items, text, gaz)

    mentions = [
        EntityMention(label=it.label, text=text[it.start : it.end], canonical=it.canonical, start=it.start, end=it.end)
        for it in items
    ]
    countries, geo = _places(items, text, gaz)
    aliases = {(it.own, it.canonical): None for it in items if it.label == "person" and it.own and it.own != it.canonical}
    titles = {
        f"{title} {it.canonical}": None for it in items
        if it.label == "person" and (title := person_title(text, it.start, it.end, " " not in it.canonical))
    }
    return ArticleEntities(mentions=mentions, countries=countries, geo=geo, aliases=list(aliases), titles=list(titles))


def _coreference(items: list[_Item], text: str) -> None:
    """Fold person-name variants, short mentions, acronyms and a leading ``U.S.`` (module docstring, 3)."""
    persons = {it.canonical for it in items if it.label == "person"}
    variants = _fold_variants(persons)
    for it in items:
        if it.label == "person" and it.canonical in variants:
            it.canonical = variants[it.canonical]

    # a leading U.S. on an organisation that also occurs without it
    orgs = {it.canonical for it in items if it.label == "org"}
    for it in items:
        if it.label == "org":
            head, _, rest = it.canonical.partition(" ")
            if head in ("U.S.", "US") and rest in orgs and not set(_tokens(rest)) <= INSTITUTION_WORDS:
                it.canonical = rest  # not for a generic name: the House of Representatives may be Japan's

    # "Islamic Resistance Movement (Hamas)": a name in parentheses right after an organisation is
    # another name of it; the pair takes an alias-table name of either, else the long form
    for a, b in zip(items, items[1:]):
        if a.label == "org" and text[a.end : b.start] in (" (", "(") and text[b.end : b.end + 1] == ")":
            if len(_tokens(b.canonical)) == 1 and b.label in ("org", "gpe", "person", "norp"):
                name = org_alias(a.canonical) or org_alias(b.canonical) or a.canonical
                for it in items:
                    if it.canonical in (a.canonical, b.canonical) and it.label in ("org", "gpe", "person", "norp"):
                        it.canonical, it.label = name, "org"

    # acronyms: an organisation whose initials the acronym spells, unique in the article
    by_initials: dict[str, set[str]] = {}
    for it in items:
        if it.label == "org" and len(_tokens(it.canonical)) >= 2:
            by_initials.setdefault(_initials(it.canonical), set()).add(it.canonical)
    for it in items:
        if it.label in ("org", "gpe", "person", "norp") and _is_acronym(it.canonical) and it.canonical not in ORG_ALIASES.values():
            found = set(by_initials.get(_acronym_key(it.canonical), ()))
            if len(found) == 1:
                target = found.pop()
                it.canonical, it.label = ORG_ALIASES.get(target, target), "org"

    # a short mention takes the one longer person name that starts or ends with it
    # (organisations do not: the United Nations is not the United Nations Security Council)
    parts = _NameParts({it.canonical for it in items if it.label == "person" and len(_tokens(it.canonical)) >= 2})
    org_heads: dict[str, set[str]] = {}
    for it in items:
        if it.label == "org" and len(_tokens(it.canonical)) >= 2:
            org_heads.setdefault(_tokens(it.canonical)[0].lower(), set()).add(it.canonical)
    gaz = gazetteer()
    for it in items:
        if it.from_dateline or it.label not in NAME_TYPES:
            continue
        found = parts.longer(it.canonical)
        if len(found) == 1:
            it.canonical, it.label = next(iter(found)), "person"
        elif not found and it.label == "person" and " " not in it.canonical and not gaz.written(it.canonical):
            # "Ralston" taken for a person in a story about "Ralston Purina Co.": a company's first word
            heads = org_heads.get(it.canonical.lower(), set())
            if len(heads) == 1:
                it.canonical, it.label = heads.pop(), "org"


def _one_type_per_name(items: list[_Item], text: str, gaz: Gazetteer) -> None:
    """Give every mention of a canonical name one type (module docstring, 4)."""
    groups: dict[str, list[_Item]] = {}
    for it in items:
        if it.label in NAME_TYPES:
            groups.setdefault(it.canonical, []).append(it)
    persons = _NameParts(n for n, g in groups.items() if any(i.label == "person" for i in g) and len(_tokens(n)) >= 2)
    for name, group in groups.items():
        labels = Counter(i.label for i in group)
        found = gaz.lookup(name) if (labels["gpe"] + labels["loc"] or gaz.written(name)) else []
        if any(i.from_dateline for i in group):
            label = "gpe"
        else:
            person_sign = any(i.title_before for i in group) or bool(persons.longer(name))
            has_place_label = labels["gpe"] + labels["loc"] > 0
            if found and not person_sign and (found[0].kind in ("country", "state") or has_place_label or labels["person"]):
                label = "gpe" if labels["loc"] <= labels["gpe"] or found[0].kind == "country" else "loc"
            elif labels["person"] and person_sign:
                label = "person"
            else:
                top = max(labels.values())
                label = next(i.label for i in group if labels[i.label] == top)
        canonical = (gaz.canonical(name) or name) if label == "gpe" and found else name
        for i in group:
            i.label, i.canonical = label, canonical


INSTITUTION_WORDS = frozenset(
    "Ministry Ministries Foreign Interior Home Defense Defence Finance Health Education Justice Trade Commerce "
    "Agriculture Industry Labor Labour Energy Information Culture Transport Environment Affairs Parliament "
    "Senate Congress Cabinet Government Army Navy Air Force Forces Police Supreme Court Constitutional High "
    "National Assembly Council Security Central Bank Election Electoral Commission Armed Military Coast Guard "
    "Intelligence Service Prosecutor Prosecutors Public Communist Party House Representatives Commons Lords "
    "Deputies Chamber of the for".split()
)
"""Words of which the names of a country's institutions are made (``Foreign Ministry``, ``Supreme
Court``, ``Central Bank``): a name made only of them says nothing about the country. Not among
them: ``Department`` and ``State`` (``State Department``, ``Justice Department``, ``State
Council`` name one country's body already) and ``Embassy`` (an embassy is a foreign country's,
never the dateline's)."""

DEMONYM_OVERRIDES = {"US": "U.S."}
"""Country adjectives used instead of countryinfo's demonym: AP style writes ``U.S.`` as the
adjective of the United States (``U.S. Supreme Court``), not ``American``."""


def _qualify_institutions(items: list[_Item], text: str, gaz: Gazetteer) -> None:
    """Give a country's institution named without its country (``Foreign Ministry``) the country's
    demonym as written in the article, in its canonical name (the span stays the name itself).

    The country comes from the article, in this order: a nationality word right before it
    (``Chinese Foreign Ministry``), a country's possessive (``Iran's Foreign Ministry`` ->
    ``Iranian Foreign Ministry``), the same institution so qualified elsewhere in the article
    (one sense per discourse), else the dateline's country (wire style: an unqualified
    institution is the dateline country's, AP Stylebook "datelines"), else, in a story without a
    dateline, the one country whose institutions the article names with their country (``Army,
    Navy and Air Force troops`` beside ``U.S. Navy`` and ``U.S. Air Force``). Otherwise it stays
    as it is.
    """
    generic = [it for it in items if it.label == "org" and set(_tokens(it.canonical)) <= INSTITUTION_WORDS]
    if not generic:
        return
    demonyms = {*gaz.demonyms.values(), *DEMONYM_OVERRIDES.values()}
    by_end = {it.end: it for it in items}
    own: dict[int, str] = {}
    seen: dict[str, set[str]] = {}
    for it in generic:
        prev = next((by_end[it.start - gap] for gap in (1, 3) if it.start - gap in by_end), None)
        if prev is None:
            continue
        between = text[prev.end : it.start]
        demonym = None
        if prev.label == "norp" and between == " ":
            demonym = prev.canonical
        elif prev.label == "gpe" and between in ("'s ", "’s "):
            place = gaz.resolve(prev.canonical)
            demonym = _demonym(gaz, place.country) if place and place.kind == "country" else None
        if demonym:
            own[id(it)] = demonym
            seen.setdefault(it.canonical, set()).add(demonym)
    countries_seen = set().union(*seen.values()) if seen else set()
    for it in items:  # institutions the model spanned with their country: "U.S. Air Force", "Iraqi Army"
        head, _, rest = it.canonical.partition(" ")
        if it.label == "org" and rest and set(_tokens(rest)) <= INSTITUTION_WORDS and head in demonyms:
            countries_seen.add(head)
    dateline = next((it for it in items if it.from_dateline), None)
    home = gaz.resolve(dateline.canonical) if dateline else None
    home_demonym = _demonym(gaz, home.country) if home and home.country else None
    if dateline is None and len(countries_seen) == 1:
        home_demonym = next(iter(countries_seen))  # one country's institutions only: "Army, Navy" beside "U.S. Navy"
    for it in generic:
        others = seen.get(it.canonical, set())
        demonym = own.get(id(it)) or (next(iter(others)) if len(others) == 1 else None) or (None if others else home_demonym)
        if demonym:
            qualified = f"{demonym} {it.canonical}"
            it.canonical = org_alias(qualified) or qualified


_IN_RE = re.compile(r"\s+in\s+")


def _locate_embassies(items: list[_Item], text: str, gaz: Gazetteer) -> None:
    """Name a country's embassy after the country it is in: ``U.S. Embassy`` -> ``U.S. Embassy in Kenya``.

    A state keeps one embassy in each state that receives it (Vienna Convention on Diplomatic
    Relations, 1961, arts. 2-3, 12: other offices in that state need its consent and are
    consulates or offices), so ``<sending country's adjective> Embassy in <receiving country>``
    names one mission; ``U.S. Embassy`` alone names the United States' embassies anywhere. The
    receiving country comes from the article, in this order: a place right after ``in``
    (``the U.S. Embassy in Dar es Salaam`` -> Tanzania), else the dateline's country unless it
    is the sending country itself (wire style: the story happens where it is datelined, AP
    Stylebook "datelines"), else the one receiving country the article gives this embassy
    elsewhere (one sense per discourse: ``WASHINGTON`` ... ``the U.S. Embassy in Nairobi`` ...
    ``the U.S. Embassy``). Otherwise the name stays as it is.
    """
    by_demonym = {d: iso for iso, d in gaz.demonyms.items()} | {d: iso for iso, d in DEMONYM_OVERRIDES.items()}
    missions = []
    for it in items:
        head, _, word = it.canonical.rpartition(" ")
        if it.label == "org" and word == "Embassy" and head in by_demonym:
            missions.append((it, head, by_demonym[head]))
    if not missions:
        return
    by_start = {it.start: it for it in items}
    hosts: dict[int, str] = {}
    seen: dict[str, set[str]] = {}
    for it, head, sender in missions:
        gap = _IN_RE.match(text, it.end)
        place_item = by_start.get(gap.end()) if gap else None
        place = gaz.resolve(place_item.canonical) if place_item is not None and place_item.label == "gpe" else None
        if place is not None and place.country and place.country != sender:
            hosts[id(it)] = place.country
            seen.setdefault(it.canonical, set()).add(place.country)
    dateline = next((it for it in items if it.from_dateline), None)
    home = gaz.resolve(dateline.canonical) if dateline else None
    for it, head, sender in missions:
        others = seen.get(it.canonical, set())
        host = hosts.get(id(it))
        if host is None and home is not None and home.country and home.country != sender:
            host = home.country
        if host is None and len(others) == 1:
            host = next(iter(others))
        name = gaz.country_name(host) if host else None
        if name:
            it.canonical = f"{head} Embassy in {name}"


def _demonym(gaz: Gazetteer, country: str | None) -> str | None:
    return DEMONYM_OVERRIDES.get(country or "") or gaz.demonyms.get(country or "")


def _places(items: list[_Item], text: str, gaz: Gazetteer) -> tuple[list[str], list[dict[str, float]]]:
    """ISO codes and map points of the article's GPE mentions (module docstring, 5).

    A place written right after another and a comma qualifies it (``Paris, Texas``); the
    countries and US states named by unambiguous names are the context of the others.
    """
    gpes = [it for it in items if it.label == "gpe"]
    context: set[str] = set()
    states: set[str] = set()
    for it in gpes:
        found = gaz.lookup(it.canonical)
        if found and len({p.country for p in found}) == 1 and found[0].country:
            context.add(found[0].country)
            if all(p.kind == "state" for p in found):
                states.add(found[0].admin1)
    countries: list[str] = []
    geo: list[dict[str, float]] = []
    for i, it in enumerate(gpes):
        qualifier = None
        nxt = gpes[i + 1] if i + 1 < len(gpes) else None
        if nxt is not None and _QUALIFIER_GAP_RE.fullmatch(text, it.end, nxt.start):
            qualifier = gaz.resolve(nxt.canonical, context, states)
        place = gaz.resolve(it.canonical, context, states, qualifier)
        if place is None:
            continue
        if place.country and place.country not in countries:
            countries.append(place.country)
        if place.lat is not None and place.lon is not None:
            point = {"lat": round(place.lat, 5), "lon": round(place.lon, 5)}
            if point not in geo:
                geo.append(point)
    return countries, geo


_QUALIFIER_GAP_RE = re.compile(r",\s*")
