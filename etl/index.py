"""Elasticsearch side: connection, mapping, versioned index behind an alias, bulk load, rejections.

The index is reached through the alias ``news`` (``Settings.index_alias``); the
concrete index is versioned, ``news-v<MAPPING_VERSION>-<UTC timestamp>``, so a
mapping change is a rebuild into a new index and one atomic alias swap
(Elastic's "index aliases" guidance). The mapping is explicit and
``dynamic: strict``. Documents are written with ``helpers.streaming_bulk`` in
chunks bounded by count and bytes; ``_id`` is deterministic (sha1 of
``<source>/<source_path>``), so re-running never duplicates. Per-item bulk
errors become :class:`~etl.models.Rejection` values instead of failing the run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from etl.config import Settings
from etl.errors import ElasticsearchUnavailable, NewsEtlError
from etl.models import ENTITY_TYPES, Article, Rejection, Stage
from etl.changes import Fingerprint

log = logging.getLogger(__name__)

MAPPING_VERSION = 2
"""Bumped on every incompatible mapping change; part of the concrete index name.
2: the ``news_english`` analysis and the ``entity_names`` field (:data:`ANALYSIS`)."""

_KEYWORD = {"type": "keyword", "ignore_above": 1024}
_DATE = {"type": "date", "format": "strict_date_optional_time||epoch_millis"}
_DATE_RANGE = {"type": "date_range", "format": "strict_date_optional_time"}


def connect(settings: Settings) -> Elasticsearch:
    """An Elasticsearch client for ``NEWSETL_ES_URL`` with the configured credentials.

    ``NEWSETL_ES_URL`` may list several nodes (:attr:`Settings.es_urls`): they become the
    client's node pool, and :func:`etl.cluster.client_options` adds the retries and, with
    ``NEWSETL_ES_SNIFF``, the sniffing a multi-node cluster wants.

    Basic auth when ``es_username``/``es_password`` are set, an API key when
    ``es_api_key`` is (it wins over a user; either the ``encoded`` value that
    ``POST _security/api_key`` returns or ``<id>:<api_key>``, Elastic's "Create
    API key" page); ``es_ca_certs`` (a PEM file) verifies TLS. Secrets never
    leave the :class:`~pydantic.SecretStr` except into the client.

    Raises :class:`~etl.errors.ConfigError` when ``NEWSETL_ES_CA_CERTS`` names
    no readable file. With ``NEWSETL_ES_VERIFY_CERTS=false`` the client's
    per-request warnings are replaced by one log warning.
    """
    import os

    from etl.errors import ConfigError

    from etl.cluster import client_options

    kwargs: dict = {
        "request_timeout": settings.es_timeout,
        "retry_on_timeout": True,
        **client_options(settings),
    }
    if settings.es_api_key is not None:
        api_key = settings.es_api_key.get_secret_value()
        kwargs["api_key"] = tuple(api_key.split(":", 1)) if ":" in api_key else api_key
    elif settings.es_username:
        password = settings.es_password.get_secret_value() if settings.es_password else ""
        kwargs["basic_auth"] = (settings.es_username, password)
    if settings.es_ca_certs:
        if not settings.es_ca_certs.is_file() or not os.access(settings.es_ca_certs, os.R_OK):
            raise ConfigError(
                f"NEWSETL_ES_CA_CERTS: {settings.es_ca_certs} is not a readable file; "
                "give the PEM CA certificate of the cluster (`newsetl es up --secure` prints its path)"
            )
        kwargs["ca_certs"] = str(settings.es_ca_certs)
    if not settings.es_verify_certs:
        kwargs["verify_certs"] = False
        kwargs["ssl_show_warn"] = False
        if not _warned_no_verify:
            _warned_no_verify.append(True)
            log.warning("TLS certificates are not verified (NEWSETL_ES_VERIFY_CERTS=false): use only for tests")
    return Elasticsearch(settings.es_urls, **kwargs)


_warned_no_verify: list[bool] = []


def check_connection(es: Elasticsearch, url: str) -> dict:
    """Cluster health, or :class:`ElasticsearchUnavailable` with one readable line.

    Uses ``GET _cluster/health`` (the integ-test distribution has no ``GET /``), tried once on
    each node of the pool until one answers (a cluster of several nodes is reachable while any
    node is; ``url`` with commas is named as ``any of <url>, <url>``). 401/403 name the credential variables; a TLS failure names
    NEWSETL_ES_CA_CERTS (see :func:`tls_problem`); anything else unreachable
    says how to start a node.
    """
    from elastic_transport import TlsError

    from etl.cluster import every_node_once

    if "," in url:
        url = "any of " + ", ".join(url.split(","))
    try:
        return dict(es.options(max_retries=every_node_once(es)).cluster.health())
    except ApiError as exc:
        if exc.meta.status in (401, 403):
            raise ElasticsearchUnavailable(
                f"Elasticsearch at {url} refused the credentials (HTTP {exc.meta.status}); "
                "check NEWSETL_ES_USERNAME/NEWSETL_ES_PASSWORD or NEWSETL_ES_API_KEY"
            ) from None
        raise ElasticsearchUnavailable(f"Elasticsearch at {url} answered HTTP {exc.meta.status}: {exc.message}") from None
    except TlsError as exc:
        raise ElasticsearchUnavailable(tls_problem(url, exc)) from None
    except TransportError as exc:
        raise ElasticsearchUnavailable(
            f"Elasticsearch is not reachable at {url} ({type(exc).__name__}); "
            "start it with `newsetl es up` (or `make run`) or set NEWSETL_ES_URL"
        ) from None


def tls_problem(url: str, exc: Exception) -> str:
    """One line for a failed TLS handshake, naming the setting to fix.

    ``[SSL: WRONG_VERSION_NUMBER]`` means the server speaks plain HTTP (fix
    NEWSETL_ES_URL); a failed verification (unknown CA, hostname mismatch,
    expired) or an unreadable CA file points at NEWSETL_ES_CA_CERTS. The
    reason comes from the ``ssl`` module's message; it never holds secrets.
    """
    import re

    raw = str(getattr(exc, "message", "") or exc).strip()
    if "WRONG_VERSION_NUMBER" in raw or "record layer failure" in raw:
        return (
            f"Elasticsearch at {url} does not speak TLS (plain HTTP?); "
            "use an http:// NEWSETL_ES_URL, or check the port"
        )
    match = re.match(r"^(?:\[[A-Z0-9_: ]+\]\s*)?(?:certificate verify failed:\s*)?(.*?)(?:\s*\(_ssl\.c:\d+\))?$", raw)
    reason = (match.group(1) if match else raw) or raw or type(exc).__name__
    if "Hostname mismatch" in raw or "IP address mismatch" in raw:
        return (
            f"the TLS certificate of Elasticsearch at {url} does not match the host ({reason}); "
            "use a host name or IP the certificate lists in NEWSETL_ES_URL (e.g. 127.0.0.1 or localhost "
            "for `newsetl es up --secure`), with its CA in NEWSETL_ES_CA_CERTS"
        )
    if "CERTIFICATE_VERIFY_FAILED" in raw:
        return (
            f"the TLS certificate of Elasticsearch at {url} could not be verified ({reason}); "
            "set NEWSETL_ES_CA_CERTS to the cluster's CA certificate (PEM)"
        )
    return f"TLS with Elasticsearch at {url} failed ({reason}); check NEWSETL_ES_CA_CERTS and NEWSETL_ES_URL"


NEWS_ANALYZER = "news_english"
"""The analysis new indices get: Elasticsearch's ``english`` analyzer plus the punctuation rules below."""

NEWS_SEARCH_ANALYZER = "news_english_search"

_AMPERSAND = r"(?<=\b\p{L}{1,3})&(?=\p{L}{1,3}\b)|(?<=\b\p{Lu}{1,3}) ?& ?(?=\p{Lu}{1,3}\b)"

_ANALYSIS_CHAR_FILTERS: dict = {
    # one apostrophe: U+2019 (typographic), U+2018, U+02BC and the full-width one are the ASCII apostrophe,
    # and the Unicode hyphens U+2010/U+2011 the ASCII hyphen (Unicode's General Punctuation block)
    "news_apostrophes": {
        "type": "mapping",
        "mappings": ["\\u2019 => '", "\\u2018 => '", "\\u02BC => '", "\\uFF07 => '", "\\u2010 => -", "\\u2011 => -"],
    },
    # an ampersand between short words is part of an abbreviated name (AT&T, S&P, P&G, R&D, also
    # spaced between capitals: AT & T): it joins them into one word, as a hyphen does below
    "news_ampersand": {"type": "pattern_replace", "pattern": _AMPERSAND, "replacement": "_"},
    # in a query the name is looked up joined only (at&t -> att), never as its parts: "at" is a
    # stop word, and at + t would find "at T-shirts"
    "news_ampersand_query": {"type": "pattern_replace", "pattern": _AMPERSAND, "replacement": ""},
    # a hyphen inside a word (e-mail, cease-fire, US-led, F-16, 19-year-old; not 1990-91) keeps the
    # word whole for the tokenizer: "_" is a word-joining character in Unicode word segmentation
    # (UAX #29, ExtendNumLet), so the standard tokenizer leaves e_mail as one token
    "news_hyphen": {
        "type": "pattern_replace",
        "pattern": r"(?<=\p{L})-(?=[\p{L}\p{N}])|(?<=\p{N})-(?=\p{L})",
        "replacement": "_",
    },
}

_ANALYSIS_FILTERS: dict = {
    "news_possessive": {"type": "stemmer", "language": "possessive_english"},
    # a joined word is split at the joins into its parts and also made one word (e_mail -> e, mail and
    # email; Al_Qaeda_linked -> al, qaeda, linked and alqaedalinked), as a graph: a query for e-mail
    # asks for email or the phrase "e mail", and finds email, e-mail and e mail. Only "_" splits: the
    # other characters the standard tokenizer keeps inside a word (U.S, O'Donnell, 3.5, 1,000) do not
    "news_compounds": {
        "type": "word_delimiter_graph",
        "generate_word_parts": True,
        "generate_number_parts": True,
        "catenate_all": True,
        "preserve_original": False,
        "split_on_case_change": False,
        "split_on_numerics": False,
        "stem_english_possessive": False,
        "type_table": [". => ALPHA", "' => ALPHA", ": => ALPHA", "\\u00B7 => ALPHA", ", => DIGIT", "; => DIGIT"],
    },
    # indexing takes a flat stream (Elasticsearch reference, word_delimiter_graph: "use flatten_graph")
    "news_flatten": {"type": "flatten_graph"},
    # an acronym (2 to 4 capitals, as the tokenizer leaves U.S. as U.S) is spelled with dots, the form a
    # lower-case word never takes: US and U.S. both become u.s, the pronoun "us" stays us. Five capitals
    # or more are a word in capitals (MOSCOW), the rule canonical names use (etl.entities)
    "news_acronym_2": {"type": "pattern_replace", "pattern": r"^(\p{Lu})(\p{Lu})$", "replacement": "$1.$2"},
    "news_acronym_3": {"type": "pattern_replace", "pattern": r"^(\p{Lu})(\p{Lu})(\p{Lu})$", "replacement": "$1.$2.$3"},
    "news_acronym_4": {
        "type": "pattern_replace",
        "pattern": r"^(\p{Lu})(\p{Lu})(\p{Lu})(\p{Lu})$",
        "replacement": "$1.$2.$3.$4",
    },
    # indexed: both the plain lower-case word (so `nato` finds NATO) and the acronym form
    "news_acronyms": {
        "type": "multiplexer",
        "preserve_original": False,
        "filters": ["lowercase", "news_acronym_2, news_acronym_3, news_acronym_4, lowercase"],
    },
    "news_stop": {"type": "stop", "stopwords": "_english_"},
    "news_acronym_keywords": {"type": "keyword_marker", "keywords_pattern": r"\p{L}(\.\p{L})+"},
    "news_stemmer": {"type": "stemmer", "language": "english"},
}

ANALYSIS: dict = {
    "char_filter": _ANALYSIS_CHAR_FILTERS,
    "filter": _ANALYSIS_FILTERS,
    "analyzer": {
        NEWS_ANALYZER: {
            "type": "custom",
            "char_filter": ["news_apostrophes", "news_ampersand", "news_hyphen"],
            "tokenizer": "standard",
            "filter": [
                "news_possessive", "news_compounds", "news_flatten", "news_acronyms",
                "news_stop", "news_acronym_keywords", "news_stemmer",
            ],
        },
        NEWS_SEARCH_ANALYZER: {
            "type": "custom",
            "char_filter": ["news_apostrophes", "news_ampersand_query", "news_hyphen"],
            "tokenizer": "standard",
            "filter": [
                "news_possessive", "news_compounds", "news_acronym_2", "news_acronym_3", "news_acronym_4",
                "lowercase", "news_stop", "news_acronym_keywords", "news_stemmer",
            ],
        },
    },
}
"""Index settings ``analysis`` of a ``news_english`` index.

Elasticsearch's ``english`` analyzer, rebuilt as its reference documents it
("Language analyzers", english: standard tokenizer, ``possessive_english``
stemmer, lowercase, ``_english_`` stop words, keyword marker, ``english``
(Porter) stemmer), with rules for words that carry inner punctuation, all
made of Elasticsearch's own char and token filters: one apostrophe (O'Donnell =
O’Donnell); a word joined by a hyphen or an ampersand is both its parts and
one word (e-mail = email = e mail, cease-fire = ceasefire, AT&T = AT & T =
ATT, al-Qaeda = al Qaeda); acronyms of 2-4 capitals, dotted or not, are one
form of their own (US = U.S., never the pronoun "us"; IT is not the stop
word "it"). Such words are indexed in both forms (``nato`` finds NATO); a
query word in capitals is taken as the acronym (``US`` finds U.S. and US
only). ``search_analyzer`` is ``news_english_search``: the same rules, with
the joined-word graph kept for the query parser and no second forms.
"""

_ENGLISH_PROBE: dict = {
    "tokenizer": "standard",
    "char_filter": [
        {"type": "mapping", "mappings": ["\\u2019 => '"]},
        {"type": "pattern_replace", "pattern": "-", "replacement": "_"},
    ],
    "filter": [
        {"type": "stemmer", "language": "possessive_english"},
        {"type": "word_delimiter_graph", "catenate_all": True, "type_table": [". => ALPHA"]},
        {"type": "flatten_graph"},
        {"type": "pattern_replace", "pattern": "x", "replacement": "y"},
        {"type": "multiplexer", "preserve_original": False, "filters": ["lowercase"]},
        {"type": "stop", "stopwords": "_english_"},
        {"type": "keyword_marker", "keywords_pattern": "x"},
        {"type": "stemmer", "language": "english"},
    ],
    "text": "Korea’s e-mail sanctions",
}


def text_analyzer(es: Elasticsearch) -> str:
    """The analysis a new index gets: ``news_english``, else ``english``, else ``standard`` with a warning.

    ``news_english`` (:data:`ANALYSIS`) when the node has every component it is
    made of: the ``english`` stemmers and the ``mapping``, ``pattern_replace``,
    ``word_delimiter_graph``, ``flatten_graph``, ``multiplexer`` and
    ``keyword_marker`` filters of the
    analysis-common module (Docker images and Elastic Cloud have it; the local
    integ-test node gets them from the ``newsetl-analysis`` plugin that
    ``newsetl es up`` builds). A node that has only the ``english`` analyzer gets
    ``english``; one with neither (an integ-test node started without the
    plugin) falls back to ``standard`` and says so in a warning.
    """
    try:
        es.indices.analyze(**_ENGLISH_PROBE)
        return NEWS_ANALYZER
    except ApiError:
        pass
    try:
        es.indices.analyze(analyzer="english", text="running")
        log.warning("the node lacks some analysis-common filters; the index uses 'english' without the punctuation rules")
        return "english"
    except ApiError:
        log.warning("the node has no 'english' analyzer (analysis-common module missing); using 'standard'")
        return "standard"


def index_settings(analyzer: str) -> dict:
    """Index settings a new index with ``analyzer`` needs (``{"analysis": ANALYSIS}`` for ``news_english``, else none)."""
    return {"analysis": ANALYSIS} if analyzer == NEWS_ANALYZER else {}


def article_mapping(analyzer: str) -> dict:
    """The explicit ``dynamic: strict`` mapping of the indexed document (DESIGN.md field table).

    ``analyzer`` is what the index records in ``_meta.text_analyzer`` and keeps
    for its life (analysis cannot change on a live index): ``standard`` and
    ``english`` give the mapping those indices were made with; ``news_english``
    (:data:`ANALYSIS`, whose settings :func:`index_settings` gives) adds the
    search analyzer and ``entity_names``, a text field every ``entities.<type>``
    value is copied into, so query words match the canonical names of an
    article's entities (``Tillerson`` -> ``Rex Tillerson``).
    """
    text: dict = {"type": "text", "analyzer": analyzer}
    entity = _KEYWORD
    if analyzer == NEWS_ANALYZER:
        text = {**text, "search_analyzer": NEWS_SEARCH_ANALYZER}
        entity = {**_KEYWORD, "copy_to": "entity_names"}
    mention = {
        "label": _KEYWORD,
        "text": _KEYWORD,
        "canonical": _KEYWORD,
        "start": {"type": "integer"},
        "end": {"type": "integer"},
    }
    mapping = {
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION, "text_analyzer": analyzer},
        "properties": {
            "source": _KEYWORD,
            "source_path": _KEYWORD,
            "checksum": {"type": "keyword"},
            "published": _DATE,
            "dateline": _KEYWORD,
            "agency": _KEYWORD,
            "lead": text,
            "body": text,
            "language": {"type": "keyword"},
            "word_count": {"type": "integer"},
            "entities": {"properties": {t: entity for t in ENTITY_TYPES}},
            "entity_mentions": {"properties": mention},
            "person_aliases": _KEYWORD,
            "person_titles": _KEYWORD,
            "persons_in_article": _KEYWORD,
            "countries": {"type": "keyword"},
            "geo": {"type": "geo_point"},
            "mentioned_dates": _DATE_RANGE,
            "mentioned_periods": _DATE_RANGE,
            "date_mentions": {
                "properties": {
                    "text": _KEYWORD,
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "type": {"type": "keyword"},
                    "value": {"type": "keyword"},
                    "granularity": {"type": "keyword"},
                    "range": _DATE_RANGE,
                }
            },
            "encoding": {"type": "keyword"},
            "repairs": {"type": "keyword"},
            "enrichment": _KEYWORD,
            "duplicate_of": {"type": "keyword"},
            "byline": _KEYWORD,
            "file_size": {"type": "long"},
            "file_mtime_ns": {"type": "long"},
            "ingested_at": _DATE,
            "pipeline_version": {"type": "keyword"},
            "run_id": {"type": "keyword"},
        },
    }
    if analyzer == NEWS_ANALYZER:
        mapping["properties"]["entity_names"] = text
    return mapping


REJECTIONS_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "source": _KEYWORD,
        "source_path": _KEYWORD,
        "stage": {"type": "keyword"},
        "reason": {"type": "text", "fields": {"keyword": _KEYWORD}},
        "run_id": {"type": "keyword"},
        "time": _DATE,
        "resolved": {"type": "boolean"},
    },
}


def new_index_name(alias: str) -> str:
    """``<alias>-v<MAPPING_VERSION>-<UTC yyyymmddHHMMSS%f>``: sorts by creation time."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias}-v{MAPPING_VERSION}-{stamp}"


BUILDING = "building"
"""``_meta.build`` of an index that ``newsetl reindex`` is still filling (:func:`mark_built` ends it)."""


def create_index(es: Elasticsearch, settings: Settings, name: str, alias: str | None = None, building: bool = False) -> None:
    """Create the concrete index ``name`` with the article mapping; with ``alias``, behind it as write index.

    ``building`` marks it ``_meta.build: building`` (a rebuild in progress): :func:`versioned_indices`
    with ``built_only`` leaves it out, so a rebuild killed before :func:`mark_built` is never a
    rollback target, and :func:`drop_old_indices` deletes it. With ``alias`` the index is also
    recorded live from now on (:data:`LIVE_KEY`).
    """
    analyzer = text_analyzer(es)
    mappings = article_mapping(analyzer)
    if building:
        mappings["_meta"]["build"] = BUILDING
    body: dict = {
        "settings": {
            "number_of_shards": settings.index_shards,
            "number_of_replicas": settings.index_replicas,
            **index_settings(analyzer),
        },
        "mappings": mappings,
    }
    if alias:
        body["aliases"] = {alias: {"is_write_index": True}}
        body["mappings"]["_meta"][LIVE_KEY] = [_now_stamp()]  # live from its creation on
    try:
        es.indices.create(index=name, **body)
    except ApiError as exc:
        if not _created_by_an_earlier_try(es, exc, name, alias):
            raise
    log.info("created index %s%s", name, f" behind alias {alias}" if alias else "")


def _created_by_an_earlier_try(es: Elasticsearch, exc: ApiError, name: str, alias: str | None) -> bool:
    """True when ``PUT <name>`` failed with ``resource_already_exists_exception`` because an earlier
    try of the very same request created it (with ``alias``, behind it).

    The client retries a request that timed out on another node (``retry_on_timeout``; a busy
    cluster, or one that lost the node it was sent to, may answer after the index was made), and
    the retry then finds the index. ``name`` holds a microsecond timestamp
    (:func:`new_index_name`), so no one else makes it.
    """
    if exc.meta.status != 400 or "resource_already_exists_exception" not in str(exc):
        return False
    if alias is not None:
        return bool(es.indices.exists_alias(name=alias, index=name))
    return bool(es.indices.exists(index=name))


def alias_target(es: Elasticsearch, alias: str) -> str | None:
    """The concrete index the alias points at (the newest if several), or None when the alias does not exist."""
    if not es.indices.exists_alias(name=alias):
        return None
    return sorted(es.indices.get_alias(name=alias))[-1]


def ensure_index(es: Elasticsearch, settings: Settings) -> str:
    """Make sure the alias points at a concrete index (creating ``news-v2-<ts>`` if needed); return its name.

    An existing index gets this version's mapping added with ``PUT _mapping``:
    new fields are additive, which Elasticsearch allows on a live index; a
    conflicting change raises :class:`NewsEtlError` asking for ``newsetl reindex``.
    Its analysis stays the one recorded in ``_meta.text_analyzer`` (analysis
    settings cannot change on a live index; a warning names ``newsetl reindex``,
    which builds a new index with the current analysis).
    Also creates the rejections index.
    """
    alias = settings.index_alias
    name = alias_target(es, alias)
    if name is None:
        name = new_index_name(alias)
        create_index(es, settings, name, alias=alias)
    else:
        meta = es.indices.get_mapping(index=name)[name]["mappings"].get("_meta", {})
        recorded = meta.get("text_analyzer", "standard")
        mapping = article_mapping(recorded)
        if recorded != NEWS_ANALYZER and text_analyzer(es) == NEWS_ANALYZER:
            log.warning(
                "index %s keeps the '%s' analysis it was made with; `newsetl reindex DIR...` rebuilds it with '%s'",
                name, recorded, NEWS_ANALYZER,
            )
        try:
            es.indices.put_mapping(index=name, properties=mapping["properties"], dynamic="strict")
        except ApiError as exc:
            raise NewsEtlError(
                f"index {name} has an incompatible mapping ({exc.message}); rebuild it with `newsetl reindex DIR`"
            ) from None
    ensure_rejections_index(es, settings)
    return name


def ensure_rejections_index(es: Elasticsearch, settings: Settings) -> None:
    """Create the ``news-rejections`` index (strict mapping) if it does not exist."""
    if not es.indices.exists(index=settings.rejections_index):
        es.options(ignore_status=400).indices.create(
            index=settings.rejections_index,
            settings={"number_of_shards": 1, "number_of_replicas": settings.index_replicas},
            mappings=REJECTIONS_MAPPING,
        )


FINGERPRINT_FIELDS = ["checksum", "pipeline_version", "file_size", "file_mtime_ns"]
"""The fields :func:`fetch_fingerprints` reads of each document."""


FINGERPRINT_PAGE = 10_000
"""Ids per :func:`fetch_fingerprints` and :func:`fetch_file_stats` request: Elasticsearch's default
``index.max_result_window``."""


def _doc_values(
    es: Elasticsearch, alias: str, ids: Sequence[str], fields: list[str], filters: Sequence[dict] = ()
) -> Iterator[tuple[str, dict]]:
    """``(id, {field: [values]})`` of the documents among ``ids`` that match ``filters``: one ``ids``
    search per :data:`FINGERPRINT_PAGE` ids reading ``fields`` from doc values, never the ``_source``.

    Like every search it sees what the last refresh made visible; each run ends with a refresh,
    and a file is checked before this run loads it, so nothing a run needs is missed.
    """
    for start in range(0, len(ids), FINGERPRINT_PAGE):
        page = list(ids[start : start + FINGERPRINT_PAGE])
        resp = es.search(
            index=alias, query={"bool": {"filter": [{"ids": {"values": page}}, *filters]}}, size=len(page), sort=["_doc"],
            source=False, docvalue_fields=fields, track_total_hits=False, filter_path=["hits.hits._id", "hits.hits.fields"],
        )
        for hit in resp.get("hits", {}).get("hits", []):  # no "hits" at all when none is found
            yield hit["_id"], hit.get("fields", {})


def fetch_fingerprints(es: Elasticsearch, alias: str, ids: Sequence[str]) -> dict[str, Fingerprint]:
    """``{id: Fingerprint(checksum, pipeline_version, file_size, file_mtime_ns)}`` for the ids
    already indexed (the stat fields are None where a document lacks them).

    The four fields come from doc values (:func:`_doc_values`), so the cost does not grow with the
    documents' text: about half an ``_mget``'s time with small documents, less with large ones
    (measured: bench/README.md, ``rerun_scale.py``).
    """
    return {
        doc_id: Fingerprint(
            got.get("checksum", [""])[0], got.get("pipeline_version", [""])[0],
            got.get("file_size", [None])[0], got.get("file_mtime_ns", [None])[0],
        )
        for doc_id, got in _doc_values(es, alias, ids, FINGERPRINT_FIELDS)
    }


def fetch_file_stats(es: Elasticsearch, alias: str, ids: Sequence[str], version: str) -> dict[str, tuple[int | None, int | None]]:
    """``{id: (file_size, file_mtime_ns)}`` for the ids indexed by pipeline ``version`` (None where a
    document lacks the field); documents of another version are left out, as if not indexed.

    What a re-run needs of each file first (:func:`etl.changes.check_files`): the two ``long`` doc
    values, filtered by a ``term`` on ``pipeline_version``. The ``keyword`` doc values
    (``checksum``, ``pipeline_version``) cost most of :func:`fetch_fingerprints`'s time: without
    them, 50,000 ids took 0.3 s of Elasticsearch's time instead of 0.8 s (bench/README.md).
    """
    return {
        doc_id: (got.get("file_size", [None])[0], got.get("file_mtime_ns", [None])[0])
        for doc_id, got in _doc_values(es, alias, ids, FINGERPRINT_FIELDS[2:], [{"term": {"pipeline_version": version}}])
    }


def update_file_stats(es: Elasticsearch, alias: str, stats: dict[str, tuple[int, int]]) -> int:
    """Write each file's new ``stat`` (``{id: (file_size, file_mtime_ns)}``) into its document
    with partial updates (``_bulk`` ``update``); returns how many were written.

    For files whose bytes are unchanged under a new stat (:attr:`etl.pipeline.CheckResult.restat`):
    once written, the next run finds them unchanged without reading them. A failed item only
    means that file is hashed again next time, so errors are logged, never raised.
    """
    if not stats:
        return 0
    actions = (
        {"_op_type": "update", "_index": alias, "_id": i, "doc": {"file_size": size, "file_mtime_ns": mtime}}
        for i, (size, mtime) in stats.items()
    )
    try:
        ok, errors = helpers.bulk(es, actions, raise_on_error=False, stats_only=True)
    except (ApiError, TransportError) as exc:
        log.warning("could not record the new stat of %d unchanged file(s) (%s); they are hashed again next run", len(stats), exc)
        return 0
    if errors:
        log.warning("could not record the new stat of %d unchanged file(s); they are hashed again next run", errors)
    return ok


def find_by_checksum(es: Elasticsearch, alias: str, checksums: Sequence[str]) -> dict[str, str]:
    """``{checksum: _id}`` of indexed originals (documents that are not themselves ``duplicate_of`` another).

    One ``terms`` search on the ``checksum`` keyword; searches see what the last
    refresh made visible, so the flow also remembers the checksums of its own run.
    """
    if not checksums:
        return {}
    resp = es.search(
        index=alias,
        ignore_unavailable=True,  # no index yet: no originals (one request, not an exists check first)
        query={"bool": {"filter": [{"terms": {"checksum": list(set(checksums))}}], "must_not": [{"exists": {"field": "duplicate_of"}}]}},
        source=["checksum"],
        sort=[{"source_path": "asc"}],
        size=len(checksums) * 2,
    )
    out: dict[str, str] = {}
    for hit in resp["hits"]["hits"]:
        out.setdefault(hit["_source"]["checksum"], hit["_id"])
    return out


def source_documents(es: Elasticsearch, alias: str, source: str) -> set[str]:
    """The ``_id`` of every document of ``source`` behind ``alias`` (``helpers.scan``, a point-in-time free
    scroll, 10,000 ids a page: a quarter of a million documents in 25 round trips, not 250); empty when
    the alias does not exist. ``--prune`` compares them with the files a run saw."""
    if not es.indices.exists_alias(name=alias) and not es.indices.exists(index=alias):
        return set()
    query = {"query": {"term": {"source": source}}}
    return {hit["_id"] for hit in helpers.scan(es, index=alias, query=query, _source=False, size=10_000)}


def _terms_by_year(es: Elasticsearch, index: str, field: str) -> dict[str, set[int]]:
    """Every distinct value of the keyword ``field`` in ``index`` with the years (of ``published``) of
    the documents that hold it: a ``composite`` aggregation of value and year, 10,000 pairs a page."""
    out: dict[str, set[int]] = {}
    after = None
    sources = [
        {"v": {"terms": {"field": field}}},
        {"y": {"date_histogram": {"field": "published", "calendar_interval": "year", "format": "yyyy"}}},
    ]
    while True:
        agg = {"composite": {"size": 10_000, "sources": sources, **({"after": after} if after else {})}}
        page = es.search(index=index, size=0, aggregations={"pairs": agg})["aggregations"]["pairs"]
        for bucket in page["buckets"]:
            year = bucket["key"]["y"]
            out.setdefault(bucket["key"]["v"], set()).add(int(year) if isinstance(year, str) else dt.datetime.fromtimestamp(year / 1000, dt.timezone.utc).year)
        after = page.get("after_key")
        if not page["buckets"] or after is None:
            return out


def apply_person_aliases(es: Elasticsearch, index: str) -> tuple[int, int]:
    """Merge the collection's person names in ``index``'s ``entities.person`` (:mod:`etl.collection_names`).

    Reads the evidence (``person_aliases``), every person name (``entities.person`` and
    ``persons_in_article``) and the titles they are written with (``person_titles``), each with
    the years of its documents (composite aggregations), computes one table of merges per year
    with :func:`etl.collection_names.year_tables`, and rewrites, with ``helpers.streaming_bulk``
    partial updates, the documents that hold a merged name or held one: ``entities.person``
    becomes the article's own names with its year's merges applied
    (:func:`etl.collection_names.apply_aliases`), and ``persons_in_article`` keeps the article's
    own names while they differ (null again once no merge touches the document). The integ-test
    node has no ``reindex`` module, so no ``_update_by_query``; each update is conditional on the
    ``_seq_no`` read (optimistic concurrency), and a document written meanwhile is left to the
    next run. Returns ``(merges in all the year tables, documents updated)``. Raises
    :class:`elasticsearch.ApiError` and :class:`elasticsearch.TransportError` as the client
    does; the caller logs them (the documents then keep the article's own names until the next run).
    """
    from etl.collection_names import apply_aliases, parse_alias, title_spellings, year_tables

    evidence: dict[tuple[str, str], set[int]] = {}
    for value, years in _terms_by_year(es, index, "person_aliases").items():
        pair = parse_alias(value)
        if pair:
            evidence.setdefault(pair, set()).update(years)
    names = _terms_by_year(es, index, "entities.person")
    for name, years in _terms_by_year(es, index, "persons_in_article").items():
        names.setdefault(name, set()).update(years)
    titles = _terms_by_year(es, index, "person_titles")
    tables = year_tables(evidence, names, titles, {y for ys in names.values() for y in ys})
    multi = sorted({a for t in tables.values() for a in t.names})
    titled = sorted({f"{form} {name}" for m in tables.values() for title, name in m.titled for form in title_spellings(title)})
    should: list[dict] = [{"exists": {"field": "persons_in_article"}}]
    for field, values in (("entities.person", multi), ("person_titles", titled)):
        for i in range(0, len(values), 10_000):  # under index.max_terms_count (65,536)
            should.append({"terms": {field: values[i : i + 10_000]}})
    query = {"query": {"bool": {"should": should, "minimum_should_match": 1}}, "seq_no_primary_term": True}
    fields = ["entities.person", "persons_in_article", "person_titles", "published"]

    def updates() -> Iterator[dict]:
        for hit in helpers.scan(es, index=index, query=query, _source_includes=fields, size=2_000):
            src = hit["_source"]
            mine = src.get("persons_in_article")
            current = src.get("entities", {}).get("person", [])
            own = mine if mine is not None else current
            table = tables.get(int(str(src.get("published", "0"))[:4]))
            merged = apply_aliases(own, table, src.get("person_titles", [])) if table else own
            keep = None if merged == own else own
            if merged != current or keep != mine:
                yield {
                    "_op_type": "update", "_index": hit["_index"], "_id": hit["_id"],
                    "if_seq_no": hit["_seq_no"], "if_primary_term": hit["_primary_term"],
                    "doc": {"entities": {"person": merged}, "persons_in_article": keep},
                }

    updated = 0
    for ok, item in helpers.streaming_bulk(es, updates(), chunk_size=500, raise_on_error=False):
        if ok:
            updated += 1
        elif item.get("update", {}).get("status") != 409:  # 409: written meanwhile, the next run redoes it
            log.warning("person-name merge not written: %s", item)
    es.indices.refresh(index=index)
    return sum(len(t.names) + len(t.titled) for t in tables.values()), updated


def delete_documents(es: Elasticsearch, alias: str, ids: Iterable[str]) -> int:
    """Delete these documents with ``helpers.bulk`` and refresh ``alias``; returns how many were deleted."""
    ids = list(ids)
    if not ids:
        return 0
    ok, _ = helpers.bulk(es, ({"_op_type": "delete", "_index": alias, "_id": i} for i in ids), raise_on_error=False)
    es.indices.refresh(index=alias)
    return ok


def mark_built(es: Elasticsearch, name: str) -> None:
    """End a rebuild's ``_meta.build: building`` mark (:func:`create_index`): the index is complete.

    ``PUT _mapping`` replaces ``_meta`` as a whole, so the rest of it is sent back unchanged.
    """
    meta = dict(es.indices.get_mapping(index=name)[name]["mappings"].get("_meta", {}))
    meta.pop("build", None)
    es.indices.put_mapping(index=name, meta=meta)


def versioned_indices(es: Elasticsearch, alias: str, built_only: bool = False) -> list[str]:
    """Concrete indices named ``<alias>-v<N>-<stamp>``, oldest first (the name sorts by creation time).

    ``built_only`` leaves out indices a rebuild is still filling, or left half-built when it was killed.
    """
    found = es.indices.get(index=f"{alias}-v*", expand_wildcards="open", allow_no_indices=True)
    names = sorted(found, key=lambda n: n.split("-v", 1)[1].split("-", 1)[1])
    if built_only:
        names = [n for n in names if found[n].get("mappings", {}).get("_meta", {}).get("build") != BUILDING]
    return names


LIVE_KEY = "live_since"
"""Key in a concrete index's mapping ``_meta``: the UTC times (ISO 8601, microseconds) at which the
alias was pointed at it, oldest first, at most :data:`LIVE_KEEP` of them. This is the alias history
that ``rollback`` and the deletion of old indices go by: an index's name only says when it was built,
not when it was last searched (built A, B; rolled back to A; built C: A was live just before C)."""

LIVE_KEEP = 20
"""Times kept per index in :data:`LIVE_KEY` (only the latest one decides anything)."""


def _now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def record_live(es: Elasticsearch, index: str, at: str | None = None) -> None:
    """Append ``at`` (default: now, UTC) to ``index``'s :data:`LIVE_KEY` list in its mapping ``_meta``.

    ``PUT _mapping`` replaces ``_meta`` as a whole (Elasticsearch reference, "_meta field"), so the
    other keys (``mapping_version``, ``text_analyzer``) are read and written back with it.
    """
    meta = dict(es.indices.get_mapping(index=index)[index]["mappings"].get("_meta", {}))
    meta[LIVE_KEY] = [*meta.get(LIVE_KEY, []), at or _now_stamp()][-LIVE_KEEP:]
    es.indices.put_mapping(index=index, meta=meta)


@dataclass(frozen=True)
class IndexState:
    """One versioned index behind an alias, as ``newsetl history`` shows it.

    ``last_live`` is the latest time (ISO 8601, UTC) the alias was pointed at it, from
    :data:`LIVE_KEY`; an index built before that history was kept counts as live from its
    creation (``recorded`` False). ``documents`` counts its documents.
    """

    name: str
    created: str
    last_live: str | None
    recorded: bool
    live: bool
    documents: int


def index_states(es: Elasticsearch, alias: str) -> list[IndexState]:
    """The complete versioned indices of ``alias`` (:func:`versioned_indices` ``built_only``: not one a
    rebuild is still filling or was killed in), oldest built first, with their alias history."""
    names = versioned_indices(es, alias, built_only=True)
    if not names:
        return []
    current = alias_target(es, alias)
    mappings = es.indices.get_mapping(index=",".join(names))
    settings = es.indices.get_settings(index=",".join(names), name="index.creation_date")
    counts = {row["index"]: int(row["docs.count"] or 0) for row in es.cat.indices(index=",".join(names), format="json", h="index,docs.count")}
    out = []
    for name in names:
        millis = int(settings[name]["settings"]["index"]["creation_date"])
        created = dt.datetime.fromtimestamp(millis / 1000, dt.UTC).isoformat(timespec="microseconds")
        times = mappings[name]["mappings"].get("_meta", {}).get(LIVE_KEY, [])
        out.append(
            IndexState(
                name=name, created=created, last_live=max(times) if times else None, recorded=bool(times),
                live=name == current, documents=counts.get(name, 0),
            )
        )
    return out


def _recency(state: IndexState) -> str:
    """When ``state``'s index was last live: its recorded time, else (built before the history was kept) its creation."""
    return state.last_live or state.created


def previous_index(es: Elasticsearch, alias: str) -> str | None:
    """The index the alias pointed at before the current one: the kept index, other than the
    current one, that was live most recently (:data:`LIVE_KEY`); None when there is none.

    So ``rollback`` after ``rollback`` returns to where the first one started (as ``kubectl
    rollout undo`` and ``helm rollback`` do); ``rollback --to INDEX`` goes anywhere kept.
    Indices never recorded live (one a ``reindex`` is still building, or one built before
    the history was kept) count only when no other is left, the newest built first.
    """
    current = alias_target(es, alias)
    spare = [s for s in index_states(es, alias) if s.name != current]
    recorded = [s for s in spare if s.recorded] or spare
    return max(recorded, key=_recency).name if recorded else None


def newest_index(es: Elasticsearch, alias: str) -> str | None:
    """The newest built index that the alias has pointed at (:data:`LIVE_KEY`), the target of
    ``rollforward``: one a ``reindex`` is still building was never live and is left alone."""
    recorded = [s.name for s in index_states(es, alias) if s.recorded]
    return recorded[-1] if recorded else None


def swap_alias(es: Elasticsearch, alias: str, new: str) -> str | None:
    """Point ``alias`` at ``new`` in one atomic ``_aliases`` call; returns the index it pointed at before (or None).

    Elastic's "Aliases" guide: removing and adding in one request means searches
    never see a moment without the alias. Then records the swap in ``new``'s
    alias history (:func:`record_live`).
    """
    old = alias_target(es, alias)
    actions: list[dict] = [{"add": {"index": new, "alias": alias, "is_write_index": True}}]
    if old and old != new:
        actions.insert(0, {"remove": {"index": old, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    record_live(es, new)
    return old


def drop_old_indices(es: Elasticsearch, alias: str, keep: int = 1) -> list[str]:
    """Delete the versioned indices not behind the alias except the ``keep`` complete ones that were
    live most recently (the alias history, :data:`LIVE_KEY`: not the newest built); returns the
    deleted names. Indices older than the alias's that a killed rebuild left half-built
    (``_meta.build: building``) are deleted too (one run of ``reindex`` at a time).

    Built A, then B, rolled back to A, built C: with ``keep=1`` A (live just before C) is kept
    and B deleted, so ``rollback`` goes to A.
    """
    current = alias_target(es, alias)
    every = versioned_indices(es, alias)
    built = set(versioned_indices(es, alias, built_only=True))
    older = every[: every.index(current)] if current in every else every
    spare = sorted((s for s in index_states(es, alias) if s.name != current), key=_recency, reverse=True)
    doomed = [n for n in older if n not in built] + [s.name for s in spare[keep:]]
    if doomed:  # names, never wildcards: Elasticsearch 9 refuses destructive wildcards
        es.indices.delete(index=",".join(doomed))
    return doomed


def classify_bulk_error(error: dict) -> str:
    """A short class for a per-item bulk error: ``mapping``, ``too large``, ``version conflict`` or ``other``.

    ``too large`` also covers an ``es_rejected_execution_exception`` from indexing
    pressure (its reason names ``..._operation_bytes`` against ``max_..._bytes``:
    the document needs more than 10% of the node's heap, Elastic's "Indexing
    pressure" page), which no retry can fix; a queue-full rejection stays ``other``.
    """
    kind = str(error.get("type", ""))
    reason = str(error.get("reason", ""))
    if "parsing" in kind or "mapper" in kind or "illegal_argument" in kind:
        return "mapping"
    if "too_large" in kind or "max_bytes" in kind:
        return "too large"
    if kind == "es_rejected_execution_exception" and "operation_bytes=" in reason and "max_" in reason:
        return "too large"
    if "version_conflict" in kind:
        return "version conflict"
    return "other"


@dataclass
class LoadResult:
    """Outcome of one :func:`bulk_load`: ids written and rejections for the items that failed."""

    indexed: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def bulk_load(
    es: Elasticsearch,
    alias: str,
    articles: Sequence[Article],
    run_id: str,
    chunk_size: int = 500,
    max_chunk_bytes: int = 10 * 1024 * 1024,
) -> LoadResult:
    """Index ``articles`` through the alias with ``helpers.streaming_bulk``.

    Requests are cut at ``chunk_size`` documents or ``max_chunk_bytes`` bytes,
    whichever comes first.

    429s are retried by the helper (``max_retries=3`` with exponential backoff);
    connection errors propagate (the caller's task retries the batch); every
    other per-item error becomes a ``load`` :class:`Rejection` naming its class.
    When the cluster still refuses a whole request (413, or a 429 from indexing
    pressure: Elastic's "Indexing pressure" page, 10% of the heap per node), the
    rest are sent one by one and a document refused alone is rejected as too large.
    """
    by_id = {a.id: a for a in articles}
    # the JSON comes from pydantic's Rust serializer (model_dump_json, the same
    # document as Article.to_source()) and goes into the request as bytes:
    # no dict copy and no pure-Python json.dumps per document
    actions = (
        {"_index": alias, "_id": a.id, "_source": a.model_dump_json(exclude_none=True).encode()} for a in articles
    )
    result = LoadResult()
    now = dt.datetime.now(dt.UTC)

    def reject(article: Article, reason: str) -> None:
        result.rejections.append(
            Rejection(
                id=article.id, source=article.source, source_path=article.source_path,
                stage=Stage.LOAD, reason=reason[:1000], run_id=run_id, time=now,
            )
        )

    try:
        for ok, item in helpers.streaming_bulk(
            es,
            actions,
            chunk_size=chunk_size,
            max_chunk_bytes=max_chunk_bytes,
            raise_on_error=False,
            max_retries=3,
            initial_backoff=1,
        ):
            info = item["index"]
            if ok:
                result.indexed.append(info["_id"])
                continue
            error = info.get("error", {})
            reason = f"{classify_bulk_error(error)} error from Elasticsearch: {error.get('type')}: {error.get('reason')}"
            reject(by_id[info["_id"]], reason)
    except ApiError as exc:
        # the whole request refused, after the helper's retries: 413 (http.max_content_length) or a
        # 429 from indexing pressure (a request above 10% of the heap, e.g. one huge article).
        # Send what is left one document at a time, so only the document that is too large fails.
        if exc.meta.status not in (413, 429):
            raise
        done = set(result.indexed) | {r.id for r in result.rejections}
        for article in articles:
            if article.id in done:
                continue
            try:
                es.index(index=alias, id=article.id, document=article.to_source())
                result.indexed.append(article.id)
            except ApiError as one:
                if one.meta.status == 413:
                    reject(article, "too large error from Elasticsearch (HTTP 413): the document exceeds the cluster's http.max_content_length")
                elif one.meta.status == 429:
                    reject(article, f"too large error from Elasticsearch (HTTP 429): {one.message}: {one.body}")
                else:
                    reject(article, f"{classify_bulk_error(one.body.get('error', {}) if isinstance(one.body, dict) else {})} error from Elasticsearch: {one.message}")
    return result


def record_rejections(es: Elasticsearch, index: str, rejections: Iterable[Rejection]) -> int:
    """Write rejections (one document per file, newest wins) to the rejections index; returns the count."""
    actions = [
        {"_index": index, "_id": r.id, "_source": r.model_dump(mode="json")} for r in rejections
    ]
    if not actions:
        return 0
    ok, _ = helpers.bulk(es, actions, raise_on_error=False)
    return ok


def has_open_rejections(es: Elasticsearch, index: str, source: str) -> bool:
    """True when ``index`` (the rejections index) holds unresolved rejections of ``source``.

    Only those can be resolved by a run of that source, so when there are none the
    run skips :func:`resolve_rejections` for every batch (one request per batch saved).
    """
    if not es.indices.exists(index=index):
        return False
    query = {"bool": {"filter": [{"term": {"source": source}}], "must_not": [{"term": {"resolved": True}}]}}
    return es.count(index=index, query=query)["count"] > 0


def resolve_rejections(es: Elasticsearch, index: str, ids: Sequence[str]) -> None:
    """Mark earlier rejections of these (now indexed) documents ``resolved: true``; missing ones are ignored."""
    if not ids:
        return
    found = es.mget(index=index, ids=list(ids), source=False)["docs"]
    actions = [
        {"_op_type": "update", "_index": index, "_id": d["_id"], "doc": {"resolved": True}}
        for d in found
        if d.get("found")
    ]
    if actions:
        helpers.bulk(es, actions, raise_on_error=False)


def resolve_missing_rejections(es: Elasticsearch, index: str, source: str, keep_ids: set[str]) -> int:
    """Mark open rejections of ``source`` whose ``_id`` is not in ``keep_ids`` ``resolved: true``
    (their file is gone, or no longer matches the glob: nothing is left to fix); returns the count.

    The rejections' counterpart of pruning documents (``--prune``, :func:`delete_documents`): without it
    ``newsetl rejects`` listed deleted files for ever. Reads with ``helpers.scan``, updates
    with ``helpers.bulk``; a missing rejections index counts 0.
    """
    if not es.indices.exists(index=index):
        return 0
    query = {"query": {"bool": {"filter": [{"term": {"source": source}}], "must_not": [{"term": {"resolved": True}}]}}}
    gone = [hit["_id"] for hit in helpers.scan(es, index=index, query=query, _source=False) if hit["_id"] not in keep_ids]
    if not gone:
        return 0
    ok, _ = helpers.bulk(
        es, ({"_op_type": "update", "_index": index, "_id": i, "doc": {"resolved": True}} for i in gone),
        raise_on_error=False, refresh=True,
    )
    return ok


def list_rejections(
    es: Elasticsearch, index: str, run_id: str | None = None, include_resolved: bool = False, size: int = 10_000,
    source: str | None = None,
) -> list[dict]:
    """Rejections, newest first, as ``_source`` dicts (``source``, ``source_path``, ``stage``, ``reason``, ``run_id``, ``time``, ``resolved``).

    ``run_id`` may be a prefix of the run id (the first 8 characters are enough in practice);
    ``source`` keeps one source's rejections (its label, exactly).
    """
    if not es.indices.exists(index=index):
        return []
    filters: list[dict] = []
    if run_id:
        filters.append({"prefix": {"run_id": run_id}})
    if source:
        filters.append({"term": {"source": source}})
    if not include_resolved:
        filters.append({"term": {"resolved": False}})
    resp = es.search(
        index=index,
        query={"bool": {"filter": filters}},
        sort=[{"time": "desc"}, {"source_path": "asc"}],
        size=size,
    )
    return [h["_source"] for h in resp["hits"]["hits"]]
