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
_DATE = rf"(?P<date>{_MONTH}\b\.? ?\d{{1,2}}\b(?:, ?\d{{4}})?)"
"""A date between the place and the agency: ``February 10``, ``Nov. 11``, ``Nov.3``."""

_PLACE_WORD = r"(?:Mc)?[A-Z][A-Z'’.&-]*[A-Z.]"
"""An upper-case word of 2+ characters: ``MOSCOW``, ``O'SMACH``, ``XI'AN``, ``PORT-AU-PRINCE``, ``ST.``."""

_REGION_WORD = r"[A-Z][A-Za-z'’.&-]*"
_REGION_LINK = r"of|de|del|da|do|la|el|es|and"
_REGION = rf"(?P<region>(?!{_MONTH}\b){_REGION_WORD}(?: (?:{_REGION_WORD}|{_REGION_LINK})){{0,3}})"
"""State, province or country after the place: ``Kenya``, ``Mo.``, ``N.Y.``, ``South Africa``,
``Gaza Strip`` (never a month: ``WASHINGTON, Nov. 11`` has a date, not a region)."""

_CREDIT = rf"(?P<credit> ?\( ?(?P<agency>(?i:{_AGENCY_ALT})) ?\))"
_SEPARATOR = r"(?P<sep> ?(?:_|--+|—|–)(?=\s|\Z|\w)| ?:(?=\s|\Z)| -(?=\s))"
"""What ends a dateline: `` _``, ``--`` (also glued to the next word: ``--After``), an
em/en dash, ``:`` or (Reuters style) `` -``."""

_DATELINE_RE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}})"
    rf"(?:, {_REGION})??"
    rf"(?:, ?{_DATE})?"
    rf"{_CREDIT}?(?:{_SEPARATOR}|(?<=\))(?=\s|\Z))"
)
"""A wire dateline at the very start of the body: an upper-case place, optionally
a region, optionally a date, then an agency credit and/or a separator."""

_INNER_DATELINE_RE = re.compile(
    rf"(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,3}})"
    rf"(?:, {_REGION})??"
    rf", ?{_DATE}"
    rf"{_CREDIT}"
    rf"{_SEPARATOR}?(?=\s|\Z|\w)"
)
"""A second, mixed-case dateline that TE3-silver Xinhua copy carries after its own
``PLACE:`` prefix, e.g. ``JAKARTA: Jerusalem, Nov. 1 (Xinhua) -- ...``: it needs both
a date and an agency credit to count."""

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


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a text.

    ``place`` is the place as written (``"NAIROBI, Kenya"``, ``"INDEPENDENCE, Mo."``;
    the date and agency credit are not part of it), ``agency`` the canonical agency of
    a ``(AP)``-style credit or ``None``, ``end`` the offset just past the separator.
    """

    place: str
    agency: str | None
    end: int


def _match_dateline(text: str, pos: int) -> Dateline | None:
    m = _DATELINE_RE.match(text, pos)
    if m is not None:
        place = m["place"]
        sep = m["sep"] or ""
        if sep.strip() == ":" and place.replace(".", "") in _NOT_PLACES:
            m = None
        elif any(w.endswith(("'S", "’S")) for w in place.split()):  # CHINA'S ECONOMY: ...
            m = None
        elif sep == " -" and not m["credit"]:  # "LONDON -" only with a credit: "LONDON (Reuters) -"
            m = None
    if m is None:
        m = _INNER_DATELINE_RE.match(text, pos)
    if m is None:
        return None
    place = m["place"] + (f", {m['region']}" if m["region"] else "")
    agency = canonical_agency(m["agency"]) if m["agency"] else None
    return Dateline(place=place, agency=agency, end=m.end())


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of ``text`` (an article body), or ``None``.

    Recognises an upper-case place (1-4 words), an optional region after a comma
    (``Kenya``, ``Mo.``, ``South Africa``), an optional date (not part of the
    dateline), an optional agency credit in parentheses, and a separator (``:``,
    ``_``, ``--``, an em/en dash, `` -`` after a credit, or nothing after a credit):
    ``MOSCOW:`` -> ``MOSCOW``; ``NAIROBI, Kenya (AP) _`` -> ``NAIROBI, Kenya`` (agency
    ``AP``); ``BRUSSELS, February 10 (Xinhua) --`` -> ``BRUSSELS`` (agency ``Xinhua``);
    ``INDEPENDENCE, Mo. _`` -> ``INDEPENDENCE, Mo.``. A mixed-case place counts only
    with both a date and a credit (``Jerusalem, Nov. 1 (Xinhua) --``). Upper-case
    starts without a separator are not datelines (``PROGRAM TRADING is ...``,
    ``CAMBREX Corp., Bayonne, N.J., ...``), nor are editorial labels (``NOTE:``,
    ``UPDATE:``) or possessives (``CHINA'S ECONOMY:``). Styles checked against the
    TE3-silver and TBAQ corpora (see the module docstring). Raises nothing.
    """
    return _match_dateline(text, 0)


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

_HEADER_RE = re.compile(r" ?date (?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?: |(?=\n)|\Z)")
_LOOSE_HEADER_RE = re.compile(r" ?date[ ]+(?P<value>[^ \n]{1,40})")


def _snippet(line: str, width: int = 40) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def _published(text: str) -> tuple[dt.date, int]:
    m = _HEADER_RE.match(text)
    if m is None:
        first_line = text.split("\n", 1)[0]
        loose = _LOOSE_HEADER_RE.match(text)
        if loose is not None:
            raise ParseError(
                f"no ' date YYYY-MM-DD' header on the first line: date {loose['value']!r} is not YYYY-MM-DD"
            )
        raise ParseError(
            f"no ' date YYYY-MM-DD' header on the first line (it starts {_snippet(first_line)!r})"
        )
    value = f"{m['y']}-{m['m']}-{m['d']}"
    try:
        published = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError as exc:
        raise ParseError(f"impossible date {value!r} in the ' date' header: {exc}") from None
    return published, m.end()


def parse_article(text: str) -> ParsedArticle:
    """Parse one article in the seed format; ``text`` is the decoded file, raw or normalized.

    Shape of the input: first line `` date YYYY-MM-DD <body starts here>`` (leading
    white space optional), then paragraphs separated by blank lines, optional
    subheadings on their own line, an optional trailing agency line (seed format,
    ``../shared/corpora/README.md``). The text is first passed through
    :func:`etl.normalize.normalize_text`.

    Returns a :class:`~etl.models.ParsedArticle` (DESIGN.md, "The indexed document"):

    - ``published``: the DCT from the header.
    - ``body``: everything after the `` date YYYY-MM-DD `` prefix, normalized, with
      leading/trailing white space and a trailing agency line removed. Every other
      field below is a substring of it (``lead`` up to line breaks).
    - ``dateline``: the place as written before the separator at the very start of
      the body, see :func:`find_dateline`; ``None`` when there is none.
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
    when the header date is impossible (``2017-13-45``), or when nothing but the
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
        undated = _UNDATED_RE.match(body)
        if undated is not None:
            pos = undated.end()

    lead_para, lead_span = _find_lead(body, paragraphs, pos)
    if lead_span is None:
        where = f"the dateline {dateline.place!r}" if dateline else "the header"
        raise ParseError(f"no article text after {where}")
    if agency is None:
        inner = _match_dateline(body, lead_span[2])
        if inner is not None:
            agency = inner.agency
    lead = body[lead_span[0] : lead_span[1]].replace("\n", " ")

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
        lead=lead,
        body=body,
        paragraphs=texts,
        subheadings=subheadings,
    )


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
