"""Full-text search with filters and facets over the ``news`` alias (``newsetl search``).

User text only ever reaches Elasticsearch through ``simple_query_string``
(Elastic's advice for search boxes: it never fails on syntax and exposes no
field or regex tricks). Because ``simple_query_string`` silently reads an
unbalanced quote or parenthesis as plain text, :func:`check_query_syntax`
rejects those first, so a user learns the query was not what they meant.
The only other way in is the optional phrase clause of :func:`text_query`: the
query's plain words, operators stripped, as a ``multi_match`` phrase (no syntax).

Filters are exact (``term``, case-insensitive) on keyword fields; entity
values go through :func:`etl.entities.canonical_name`, so ``--gpe DPRK`` finds
documents about ``North Korea``. Date filters are half-open intervals built from
inclusive calendar days: ``--published-from 2017-11-01 --published-to 2017-11-30``
is ``[2017-11-01, 2017-12-01)``. ``--mentions-from/--mentions-to`` match articles
whose ``mentioned_dates`` ranges *intersect* the interval (range-field query,
``relation: intersects``).

``--country`` matches the ISO 3166-1 alpha-2 codes in ``countries`` (the countries
of the places an article mentions; :mod:`etl.entity_rules`).

Dates mentioned at a month's granularity or finer are in ``mentioned_dates``; quarters,
seasons, halves and years in ``mentioned_periods`` (:func:`etl.pipeline.range_field`). A
``mentioned_periods`` range matches only when it lies *within* the interval (``relation:
within``): "this year" in a 2017 story is not a date in November 2017, but is one in 2017.

Facets: a ``terms`` aggregation per entity type, ``countries``, ``dateline``, ``agency`` and
``language``; a monthly ``date_histogram`` over ``published``; a monthly
``date_histogram`` over the ``mentioned_dates`` range field, where an article
counts once in every month one of its mentioned dates overlaps; and a yearly one over
``mentioned_periods`` (``mentioned_year``). ``facet_size`` 0 asks for no facets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from elasticsearch import ApiError, Elasticsearch, TransportError

from etl.errors import ElasticsearchUnavailable, NewsEtlError

MAX_RESULT_WINDOW = 10_000
"""Elasticsearch's default ``index.max_result_window``: ``(page - 1) * size + size`` may not exceed it."""

ENTITY_FILTERS: tuple[str, ...] = ("person", "org", "gpe", "loc", "norp")
"""Entity types offered as CLI filters; facets cover every type in ``etl.models.ENTITY_TYPES``."""

HIGHLIGHT_PRE = "<em>"
HIGHLIGHT_POST = "</em>"


class QuerySyntaxError(NewsEtlError):
    """The search text is malformed (unbalanced quote or parenthesis); nothing was sent."""


class QueryTooLargeError(NewsEtlError):
    """The search text is beyond a limit of :func:`check_query_limits`; nothing was sent."""


class EmptyIndexError(NewsEtlError):
    """The alias does not exist or holds no articles yet."""


@dataclass
class SearchRequest:
    """What the user asked for. Dates are calendar days, both ends inclusive; ``page`` counts from 1.

    ``entities`` maps a lower-cased entity type (``person``, ``gpe``...) to values
    that must all be present (AND). ``countries`` are ISO 3166-1 alpha-2 codes (``KP``) or
    country names (``North Korea``), any of which matches (OR). ``sort`` is ``relevance`` or ``published``
    (newest first).
    """

    query: str = ""
    entities: dict[str, list[str]] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    agency: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    mentions_from: dt.date | None = None
    mentions_to: dt.date | None = None
    sort: str = "relevance"
    size: int = 10
    page: int = 1
    facet_size: int = 10


@dataclass
class Hit:
    """One matching article: ``highlight`` maps ``body``/``lead`` to fragments with ``<em>`` marks."""

    id: str
    score: float | None
    published: str
    dateline: str | None
    agency: str | None
    source: str
    source_path: str
    lead: str
    highlight: dict[str, list[str]]


@dataclass
class SearchResult:
    """Total matches, the requested page of hits, and facets as ``{name: [{"key": str, "count": int}]}``.

    Facet names are the field names: ``entities.person``, ``entities.org``... (every
    entity type), ``countries``, ``dateline``, ``agency``, ``language``, plus ``published_month`` and
    ``mentioned_month`` (keys ``YYYY-MM``) and ``mentioned_year`` (keys ``YYYY``). Empty facets
    are kept as ``[]``; with ``facet_size`` 0 there are none (``{}``).
    """

    total: int
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, list[dict]]

    def to_json(self) -> dict:
        """A plain dict for ``--json`` (same hits and facets as the terminal view)."""
        return asdict(self)


MAX_QUERY_CHARS = 4_096
"""Longest search text accepted, in characters (a search box's text, or a long list of names)."""

MAX_QUERY_TERMS = 1_024
"""Most words a search text may hold: Lucene's default ``BooleanQuery`` clause limit, the
``indices.query.bool.max_clause_count`` default of Elasticsearch 7 (Elasticsearch reference,
"Search settings"). Each word becomes a clause per searched field; measured on the local
node with 300 articles, 1,000 words took 2.5-4.3 s and 12,000 ran past the 30 s timeout."""

MAX_QUERY_DEPTH = 20
"""Deepest nesting of parentheses: the ``indices.query.bool.max_nested_depth`` default of
Elasticsearch 7 (each group is a nested bool query; "Deep nesting of boolean queries may
lead to stack overflow", Elasticsearch reference, "Search settings")."""

QUERY_PREVIEW_CHARS = 80
"""An error message shows at most this many characters of the search text."""

_QUERY_WORD_RE = re.compile(r"\w+")
"""A word as the standard tokenizer counts it, near enough (runs of letters and digits, UAX #29)."""


def query_preview(query: str) -> str:
    """The first :data:`QUERY_PREVIEW_CHARS` characters of ``query``, quoted, with ``…`` when cut."""
    if len(query) <= QUERY_PREVIEW_CHARS:
        return repr(query)
    return repr(query[:QUERY_PREVIEW_CHARS]) + "…"


def check_query_limits(query: str) -> None:
    """Raise :class:`QueryTooLargeError` when ``query`` is longer than :data:`MAX_QUERY_CHARS`,
    holds more than :data:`MAX_QUERY_TERMS` words, or nests parentheses deeper than
    :data:`MAX_QUERY_DEPTH` (outside phrases; a backslash escapes the next character).

    Runs before any query is built or sent, so an oversized query is refused at once
    instead of keeping the node busy until the client's timeout. The message is one line
    that names the limit and shows at most 80 characters of the query (:func:`query_preview`).
    """
    def refuse(what: str, limit: str) -> None:
        raise QueryTooLargeError(f"query too large: {what} (the limit is {limit}): {query_preview(query)}")

    if len(query) > MAX_QUERY_CHARS:
        refuse(f"{len(query):,} characters", f"{MAX_QUERY_CHARS:,} characters")
    words = sum(1 for _ in _QUERY_WORD_RE.finditer(query))
    if words > MAX_QUERY_TERMS:
        refuse(f"{words:,} words", f"{MAX_QUERY_TERMS:,} words")
    depth = deepest = 0
    in_phrase = escaped = False
    for ch in query:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif not in_phrase and ch == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_QUERY_DEPTH:
        refuse(f"parentheses nested {deepest:,} deep", f"{MAX_QUERY_DEPTH} levels")


def check_query_syntax(query: str) -> None:
    """Raise :class:`QuerySyntaxError` for an unbalanced ``"`` or unbalanced parentheses.

    ``simple_query_string`` operators (Elasticsearch reference, "Simple query
    string syntax"): ``"`` wraps a phrase and ``(``/``)`` group; a backslash
    escapes the next character. Everything else is accepted as is.
    """
    depth = 0
    quote_at: int | None = None
    escaped = False
    for i, ch in enumerate(query):
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == '"':
            quote_at = i if quote_at is None else None
        elif quote_at is None and ch == "(":
            depth += 1
        elif quote_at is None and ch == ")":
            depth -= 1
            if depth < 0:
                raise QuerySyntaxError(f"malformed query {query_preview(query)}: ')' at position {i + 1} closes nothing")
    if quote_at is not None:
        raise QuerySyntaxError(
            f"malformed query {query_preview(query)}: the double quote at position {quote_at + 1} is never closed "
            '(phrases need a pair of quotes; escape a literal quote as \\")'
        )
    if depth > 0:
        raise QuerySyntaxError(f"malformed query {query_preview(query)}: {depth} '(' never closed")


def _day_range(start: dt.date | None, end: dt.date | None, what: str) -> dict:
    if start and end and end < start:
        raise NewsEtlError(f"{what}: the end date {end} is before the start date {start}")
    bounds: dict = {}
    if start:
        bounds["gte"] = start.isoformat()
    if end:
        bounds["lt"] = (end + dt.timedelta(days=1)).isoformat()
    return bounds


def _canonical_values(entity_type: str, values: list[str]) -> list[str]:
    from etl.entities import canonical_name

    return [canonical_name(v, entity_type)[0] for v in values]


@dataclass(frozen=True)
class Relevance:
    """How search text becomes a query; ``bench/relevance.py`` measures each knob on judged queries.

    Every word must match (``default_operator: and``) in ``lead``, ``body`` or,
    with ``entity_boost``, ``entity_names`` (the article's canonical entity names,
    a ``news_english`` index only; an older index simply lacks the field).
    ``lead_boost`` weighs a match in the first sentence. ``phrase_boost`` adds an
    optional ``multi_match`` ``phrase`` clause (``phrase_slop`` positions apart at
    most) over the query's plain words, so articles where they occur together
    rank first. ``aliases`` rewrites a name the query writes as an alias of an
    entity (``DPRK``, ``the U.S.``) into ``(DPRK | "North Korea")``, so the
    canonical name's articles match too (:func:`expand_aliases`).
    """

    lead_boost: float = 2.0
    entity_boost: float = 0.0
    aliases: bool = False
    phrase_boost: float = 0.0
    phrase_slop: int = 0


DEFAULT_RELEVANCE = Relevance(lead_boost=2.0, entity_boost=0.25, aliases=True, phrase_boost=1.0, phrase_slop=2)
"""The variant that scored best in ``bench/relevance.py`` (bench/README.md has the table)."""

_SQS_OPERATORS = re.compile(r'[|+()"*]|~\d*')
_ALIAS_MAX_WORDS = 6


def _plain_words(text: str) -> list[str]:
    """The words of ``text`` without ``simple_query_string`` operators, negated (``-word``) words left out."""
    words = []
    for raw in text.split():
        if raw.startswith("-"):
            continue
        word = _SQS_OPERATORS.sub(" ", raw).strip()
        words += word.split()
    return words


def entity_alias(span: str) -> str | None:
    """The canonical name ``span`` is an alias of (``DPRK`` -> ``North Korea``), or None.

    Uses :func:`etl.entities.canonical_name` (GeoNames/ISO country names and the
    common abbreviations it knows), typed as a place or organisation. A span
    whose canonical name is itself (``Moscow``, ``MOSCOW``, ``North Korea's``) is
    no alias. Names are written with capitals in English, so a span in lower
    case is never one (``us`` is the pronoun), and a word of 4 letters or
    fewer counts only in capitals, the way acronyms are written (``US``,
    ``UN``, ``DPRK``; not ``Us``).
    """
    from etl.entities import canonical_name

    if span == span.lower():
        return None
    letters = [c for c in span if c.isalpha()]
    if " " not in span and len(letters) <= 4 and not all(c.isupper() for c in letters):
        return None
    canonical, _ = canonical_name(span, "gpe")
    bare = re.sub(r"^(?:the|The|THE)\s+|['’]s$", "", span)
    if not canonical or canonical.casefold() in (bare.casefold(), span.casefold()):
        return None
    return canonical


def expand_aliases(text: str) -> str:
    """``text`` with every entity alias written as ``(alias | "Canonical name")``; phrases and operators untouched.

    Runs of plain words (outside quotes, without operators) are matched longest
    first, up to 6 words: ``DPRK missile tests`` -> ``(DPRK | "North Korea")
    missile tests``; ``the U.S. embassy`` -> ``(the U.S. | "United States") embassy``.
    The result is still valid ``simple_query_string`` syntax.
    """
    pieces: list[str] = []
    for i, part in enumerate(re.split(r'("[^"]*")', text)):
        if i % 2 == 1:  # a quoted phrase
            pieces.append(part)
            continue
        words = part.split()
        plain = [not re.search(r'[|+()"*~\\]', w) and not w.startswith("-") for w in words]
        j = 0
        while j < len(words):
            for k in range(min(len(words), j + _ALIAS_MAX_WORDS), j, -1):
                canonical = entity_alias(" ".join(words[j:k])) if all(plain[j:k]) else None
                if canonical:
                    pieces.append(f'({" ".join(words[j:k])} | "{canonical}")')
                    j = k
                    break
            else:
                pieces.append(words[j])
                j += 1
    return " ".join(pieces)


def text_query(text: str, relevance: Relevance = DEFAULT_RELEVANCE) -> dict:
    """The query clause for search text ``text`` (already checked by :func:`check_query_syntax`).

    User text reaches Elasticsearch only through ``simple_query_string`` (and,
    with ``phrase_boost``, its plain words through a ``multi_match`` phrase);
    see :class:`Relevance` for the knobs. Shapes::

        {"simple_query_string": {"query": ..., "fields": ["lead^2", "body", "entity_names"], "default_operator": "and"}}
        {"bool": {"must": [<that>], "should": [{"multi_match": {"type": "phrase", ...}}]}}
    """
    fields = [f"lead^{relevance.lead_boost:g}" if relevance.lead_boost != 1 else "lead", "body"]
    if relevance.entity_boost:
        fields.append(f"entity_names^{relevance.entity_boost:g}" if relevance.entity_boost != 1 else "entity_names")
    query = expand_aliases(text) if relevance.aliases else text
    main = {"simple_query_string": {"query": query, "fields": fields, "default_operator": "and"}}
    words = _plain_words(text)
    if not relevance.phrase_boost or len(words) < 2:
        return main
    phrase = {
        "multi_match": {
            "query": " ".join(words),
            "type": "phrase",
            "fields": fields[:2],
            "slop": relevance.phrase_slop,
            "boost": relevance.phrase_boost,
        }
    }
    return {"bool": {"must": [main], "should": [phrase]}}


def country_codes(values: list[str]) -> list[str]:
    """ISO 3166-1 alpha-2 codes for ``--country`` values: a code in any case (``kp`` -> ``KP``),
    or a country name or alias the gazetteer knows (``North Korea``, ``DPRK`` -> ``KP``).

    Raises :class:`NewsEtlError` naming a value that is neither."""
    from etl.gazetteer import gazetteer

    out = []
    for value in values:
        v = value.strip()
        if len(v) == 2 and v.isalpha():
            out.append(v.upper())
            continue
        place = next((p for p in gazetteer().lookup(v) if p.kind == "country" and p.country), None)
        if place is None:
            raise NewsEtlError(f"--country {value!r}: not an ISO 3166-1 alpha-2 code (KP, US...) or a country name")
        out.append(place.country)
    return out


def build_body(req: SearchRequest, relevance: Relevance = DEFAULT_RELEVANCE) -> dict:
    """The ``_search`` request body for ``req`` (query, filters, highlight, aggregations, sort, paging).

    ``relevance`` turns the search text into a query (:func:`text_query`).

    Raises :class:`QuerySyntaxError` for malformed search text and
    :class:`NewsEtlError` for an impossible page or date interval.
    """
    if req.size < 1 or req.page < 1:
        raise NewsEtlError("--size and --page must be at least 1")
    if req.page * req.size > MAX_RESULT_WINDOW:
        raise NewsEtlError(
            f"--page {req.page} x --size {req.size} goes past the first {MAX_RESULT_WINDOW} hits; narrow the search instead"
        )
    must: list[dict] = []
    text = req.query.strip()
    if text:
        check_query_syntax(text)
        must.append(text_query(text, relevance))
    filters: list[dict] = []
    for etype, values in req.entities.items():
        for value in _canonical_values(etype, values):
            filters.append({"term": {f"entities.{etype}": {"value": value, "case_insensitive": True}}})
    for fname, values in (
        ("countries", country_codes(req.countries)), ("dateline", req.dateline), ("agency", req.agency), ("language", req.language),
    ):
        if values:  # several values of one field: any of them
            filters.append(
                {"bool": {"should": [{"term": {fname: {"value": v, "case_insensitive": True}}} for v in values], "minimum_should_match": 1}}
            )
    published = _day_range(req.published_from, req.published_to, "--published-from/--published-to")
    if published:
        filters.append({"range": {"published": published}})
    mentions = _day_range(req.mentions_from, req.mentions_to, "--mentions-from/--mentions-to")
    if mentions:  # a date of the interval, or a whole period inside it ("2017" is no date in November 2017)
        filters.append(
            {
                "bool": {
                    "should": [
                        {"range": {"mentioned_dates": {**mentions, "relation": "intersects"}}},
                        {"range": {"mentioned_periods": {**mentions, "relation": "within"}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )

    from etl.models import ENTITY_TYPES

    aggs: dict = {f"entities.{t}": {"terms": {"field": f"entities.{t}", "size": req.facet_size}} for t in ENTITY_TYPES}
    for fname in ("countries", "dateline", "agency", "language"):
        aggs[fname] = {"terms": {"field": fname, "size": req.facet_size}}
    aggs["published_month"] = {
        "date_histogram": {"field": "published", "calendar_interval": "month", "format": "yyyy-MM", "min_doc_count": 1}
    }
    mentioned: dict = {"field": "mentioned_dates", "calendar_interval": "month", "format": "yyyy-MM", "min_doc_count": 1}
    periods: dict = {"field": "mentioned_periods", "calendar_interval": "year", "format": "yyyy", "min_doc_count": 1}
    if mentions:  # an article's other mentions would otherwise fill months and years outside the asked window
        # bounds are read with the histogram's own format (yyyy-MM, yyyy): both ends included
        mentioned["hard_bounds"] = {
            "min": f"{req.mentions_from:%Y-%m}" if req.mentions_from else "0001-01",
            "max": f"{req.mentions_to:%Y-%m}" if req.mentions_to else "9999-12",
        }
        periods["hard_bounds"] = {
            "min": f"{req.mentions_from:%Y}" if req.mentions_from else "0001",
            "max": f"{req.mentions_to:%Y}" if req.mentions_to else "9999",
        }
    aggs["mentioned_month"] = {"date_histogram": mentioned}
    aggs["mentioned_year"] = {"date_histogram": periods}

    body: dict = {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": filters}},
        "from": (req.page - 1) * req.size,
        "size": req.size,
        "track_total_hits": True,
        "_source": ["published", "dateline", "agency", "source", "source_path", "lead"],
    }
    if req.facet_size:  # --facets 0: hits only
        body["aggs"] = aggs
    if text:
        body["highlight"] = {
            "pre_tags": [HIGHLIGHT_PRE],
            "post_tags": [HIGHLIGHT_POST],
            "fields": {"lead": {"number_of_fragments": 0}, "body": {"fragment_size": 160, "number_of_fragments": 2}},
        }
    if req.sort == "published":
        body["sort"] = [{"published": "desc"}, {"source_path": "asc"}]
    elif req.sort != "relevance":
        raise NewsEtlError(f"--sort must be 'relevance' or 'published', not {req.sort!r}")
    return body


def _buckets(agg: dict) -> list[dict]:
    return [{"key": b.get("key_as_string", b["key"]), "count": b["doc_count"]} for b in agg.get("buckets", [])]


def search(es: Elasticsearch, alias: str, req: SearchRequest) -> SearchResult:
    """Run ``req`` against ``alias``.

    Raises :class:`EmptyIndexError` when the alias is missing or empty,
    :class:`QueryTooLargeError` for text beyond :func:`check_query_limits` (checked
    before the query is built), :class:`QuerySyntaxError` for malformed text,
    :class:`ElasticsearchUnavailable` when the node cannot be reached or refuses the request.
    """
    check_query_limits(req.query)
    body = build_body(req)
    try:
        if not es.indices.exists_alias(name=alias) and not es.indices.exists(index=alias):
            raise EmptyIndexError(f"there is no index '{alias}' yet: index articles first with `newsetl run DIR`")
        if es.count(index=alias)["count"] == 0:
            raise EmptyIndexError(f"the index '{alias}' holds no articles yet: index some with `newsetl run DIR`")
        resp = es.search(index=alias, **body)
    except ApiError as exc:
        cause = exc.body.get("error", {}).get("root_cause", [{}])[0].get("reason") if isinstance(exc.body, dict) else None
        raise ElasticsearchUnavailable(f"Elasticsearch refused the search (HTTP {exc.meta.status}): {cause or exc.message}") from None
    except TransportError as exc:
        raise ElasticsearchUnavailable(f"Elasticsearch failed during the search ({type(exc).__name__})") from None
    hits = [
        Hit(
            id=h["_id"],
            score=h.get("_score"),
            published=h["_source"].get("published", ""),
            dateline=h["_source"].get("dateline"),
            agency=h["_source"].get("agency"),
            source=h["_source"].get("source", ""),
            source_path=h["_source"].get("source_path", ""),
            lead=h["_source"].get("lead", ""),
            highlight=dict(h.get("highlight", {})),
        )
        for h in resp["hits"]["hits"]
    ]
    facets = {name: _buckets(agg) for name, agg in resp.get("aggregations", {}).items()}
    return SearchResult(total=resp["hits"]["total"]["value"], page=req.page, size=req.size, hits=hits, facets=facets)


_EM_RE = re.compile(re.escape(HIGHLIGHT_PRE) + r"(.*?)" + re.escape(HIGHLIGHT_POST), re.S)


def snippet_markup(fragments: list[str]) -> str:
    """Rich console markup for highlight fragments: matches bold yellow, the rest escaped, joined by `` … ``."""
    from rich.markup import escape

    out = []
    for frag in fragments:
        parts, last = [], 0
        for m in _EM_RE.finditer(frag):
            parts.append(escape(frag[last : m.start()]))
            parts.append(f"[bold yellow]{escape(m.group(1))}[/]")
            last = m.end()
        parts.append(escape(frag[last:]))
        out.append("".join(parts).replace("\n", " "))
    return " … ".join(out)
