"""Pydantic records that travel between the pipeline's stages.

Shapes follow ``DESIGN.md`` ("Data flow" and "The indexed document"): a file is
discovered as a :class:`SourceFile`, parsed into a :class:`ParsedArticle`,
enriched with :class:`EntityMention` and :class:`DateMention` values, built and
validated into an :class:`Article` (one Elasticsearch document), or turned into
a :class:`Rejection` that names the file, the stage and the reason.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ENTITY_TYPES: tuple[str, ...] = (
    "person",
    "org",
    "gpe",
    "loc",
    "norp",
    "fac",
    "event",
    "product",
    "law",
    "work_of_art",
    "language",
)
"""Entity types kept in ``entities.<type>``: spaCy's OntoNotes labels, lower-cased."""

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
"""TIMEX3 ``type`` attribute values (TimeML 1.2.1, section 2.3)."""

Granularity = Literal[
    "minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade", "century", "millennium"
]


class Stage(StrEnum):
    """Pipeline stage where a file can be rejected."""

    DISCOVER = "discover"
    READ = "read"
    PARSE = "parse"
    ENRICH = "enrich"
    VALIDATE = "validate"
    LOAD = "load"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceFile(_Frozen):
    """A file found under a source folder.

    ``path`` is absolute; ``relative_path`` is POSIX-style relative to the source
    folder and, with ``source``, names the document (``_id`` = sha1 of
    ``<source>/<relative_path>``). ``size`` is in bytes and ``mtime_ns`` the modification
    time in nanoseconds since the epoch, both from one ``stat`` at discovery
    (:func:`etl.sources.file_stat`); ``mtime_ns`` is None when it is too recent to be
    trusted or unknown.
    """

    path: Path
    relative_path: str
    source: str
    size: int = Field(ge=0)
    mtime_ns: int | None = None


class DateRange(_Frozen):
    """Half-open calendar interval ``[gte, lt)`` in ISO 8601, as Elasticsearch's ``date_range`` takes it.

    Values are ``YYYY-MM-DD`` for whole days or ``YYYY-MM-DDTHH:MM`` for times of day.
    """

    gte: str
    lt: str

    @model_validator(mode="after")
    def _check_order(self) -> DateRange:
        # same-shaped ISO 8601 strings order like the instants they name
        if not self.gte < self.lt:
            raise ValueError(f"empty date range [{self.gte}, {self.lt})")
        return self


class DateMention(_Frozen):
    """One temporal expression in ``body``, normalized as a TIMEX3 (TimeML 1.2.1).

    ``start``/``end`` are character offsets into ``body`` (``body[start:end] == text``).
    ``value`` is a TIMEX3 value (``2017-12-22``, ``2017-11``, ``2017-W51``, ``P2Y``,
    ``PAST_REF``...). ``range`` is the half-open interval the value covers when it
    resolves to calendar time (DATE and TIME), else ``None`` (DURATION, SET, ``*_REF``).
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str
    granularity: Granularity | None = None
    range: DateRange | None = None

    @model_validator(mode="after")
    def _check_span(self) -> DateMention:
        if self.end <= self.start:
            raise ValueError(f"empty date mention span {self.start}..{self.end}")
        return self


class EntityMention(_Frozen):
    """A named-entity mention in ``body``.

    ``label`` is the lower-cased OntoNotes type (one of :data:`ENTITY_TYPES`),
    ``text`` is the surface form, ``canonical`` the canonical name (see
    :func:`etl.entities.canonical_name`), ``start``/``end`` character offsets into ``body``.
    """

    label: str
    text: str
    canonical: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class GeoPoint(_Frozen):
    """A point on the map, WGS84 degrees, as Elasticsearch's ``geo_point`` takes an object."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class ParsedArticle(_Frozen):
    """An article in the seed format after parsing.

    ``published`` is the header's date, or its date-time (with the UTC offset as
    written) when the header gives a time; :attr:`dct` is the DCT. ``body`` is the
    normalized text after the header marker: dateline and subheadings included,
    trailing agency line excluded; every offset counts from its first character.
    ``paragraphs`` and ``subheadings`` are substrings of ``body``; ``dateline`` and
    ``agency`` are ``None`` when the article has none; ``byline`` lists the author
    names of a ``By ...`` line (empty without one).
    """

    published: dt.datetime | dt.date
    dateline: str | None = None
    agency: str | None = None
    byline: list[str] = []
    lead: str
    body: str
    paragraphs: list[str]
    subheadings: list[str] = []

    @property
    def dct(self) -> dt.date:
        """The document creation time as a calendar day: ``published``'s own local date.

        ``2017-12-28T00:30:00+09:00`` is 2017-12-28 (the day the story carries where it was
        written), not 2017-12-27 as in UTC: relative dates ("yesterday") in the text count
        from the writer's calendar (TimeML 1.2.1: the DCT anchors the document's times).
        """
        return self.published.date() if isinstance(self.published, dt.datetime) else self.published


class Article(_Frozen):
    """The indexed document (``DESIGN.md``, "The indexed document"); ``id`` becomes ``_id``.

    ``countries`` are the ISO 3166-1 alpha-2 codes of the places the article mentions (a city
    counts for its country), ``geo`` their points (:mod:`etl.entity_rules`). Beyond DESIGN.md's
    fields: ``encoding`` is how the bytes were decoded
    (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``...); ``repairs`` lists what
    normalization repaired (:func:`etl.normalize.text_repairs`); ``enrichment`` is
    ``complete`` or ``skipped: ...`` with the reason (a non-English article gets no
    entities or dates); ``duplicate_of`` is the ``_id`` of an article with the very
    same bytes that was indexed first; ``byline`` the author names of a ``By ...`` line;
    ``person_aliases`` the person names the article's coreference folded into a longer one
    (``"James Kopp => James Charles Kopp"``), the evidence of :mod:`etl.collection_names`, and
    ``person_titles`` the titles it writes its person names with (``"President Clinton"``);
    ``file_size`` (bytes) and ``file_mtime_ns`` (ns since the epoch) are the file's ``stat``
    at discovery (:attr:`SourceFile.size`, :attr:`SourceFile.mtime_ns`), which the next run
    compares before it reads a byte (:func:`etl.pipeline.unchanged_ids`); absent when the
    mtime was too recent to trust.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(exclude=True, min_length=40, max_length=40)
    source: str = Field(min_length=1)
    source_path: str = Field(min_length=1)
    checksum: str = Field(pattern=r"^[0-9a-f]{64}$")
    published: dt.datetime | dt.date
    dateline: str | None = None
    agency: str | None = None
    lead: str
    body: str = Field(min_length=1)
    language: str | None = None
    word_count: int = Field(ge=0)
    entities: dict[str, list[str]] = {}
    entity_mentions: list[EntityMention] = []
    person_aliases: list[str] = []
    person_titles: list[str] = []
    countries: list[str] = []
    geo: list[GeoPoint] = []
    mentioned_dates: list[DateRange] = []
    mentioned_periods: list[DateRange] = []
    date_mentions: list[DateMention] = []
    encoding: str | None = None
    repairs: list[str] = []
    enrichment: str = "complete"
    duplicate_of: str | None = None
    byline: list[str] = []
    file_size: int | None = Field(None, ge=0)
    file_mtime_ns: int | None = None
    ingested_at: dt.datetime
    pipeline_version: str
    run_id: str

    @model_validator(mode="after")
    def _check_offsets(self) -> Article:
        unknown = set(self.entities) - set(ENTITY_TYPES)
        if unknown:
            raise ValueError(f"unknown entity types {sorted(unknown)}")
        bad = [c for c in self.countries if not (len(c) == 2 and c.isascii() and c.isupper())]
        if bad:
            raise ValueError(f"not ISO 3166-1 alpha-2 country codes: {bad}")
        n = len(self.body)
        for m in [*self.entity_mentions, *self.date_mentions]:
            if m.end > n or self.body[m.start : m.end] != m.text:
                raise ValueError(f"mention {m.text!r} at {m.start}..{m.end} does not match body")
        return self

    def to_source(self) -> dict:
        """The ``_source`` JSON for Elasticsearch: ``None`` fields left out, dates ISO 8601."""
        return self.model_dump(mode="json", exclude_none=True)


class Rejection(_Frozen):
    """A file that did not make it into the index, and why.

    ``stage`` says where it failed, ``reason`` is one readable line. Stored in the
    ``news-rejections`` index with ``id`` = the document id the file would have had.
    """

    id: str = Field(exclude=True)
    source: str
    source_path: str
    stage: Stage
    reason: str
    run_id: str
    time: dt.datetime
    resolved: bool = False


class RunSummary(BaseModel):
    """Counts of one run. Invariant: ``seen == indexed + unchanged + rejected``.

    ``seen`` counts article files (matching the glob, not hidden); ``ignored``
    counts the other files by reason and is outside the invariant; ``pruned``
    counts documents deleted because their file is gone (``--prune``);
    ``failed_batches`` names batches (``files 201-400``) whose files were rejected
    because Elasticsearch failed after the retries: the next run picks them up.
    ``prune_refused`` says why ``--prune`` deleted nothing although documents have no
    file (no file seen, or more than the allowed share without ``--force``).
    """

    run_id: str
    source: str
    index: str = ""
    seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    rejected: int = 0
    pruned: int = 0
    prune_refused: str | None = None
    ignored: dict[str, int] = {}
    failed_batches: list[str] = []
    seconds: float = 0.0
    rejections: list[Rejection] = []

    @property
    def docs_per_second(self) -> float:
        """Indexed documents per wall-clock second (0 when nothing ran)."""
        return self.indexed / self.seconds if self.seconds > 0 else 0.0

    @property
    def balanced(self) -> bool:
        """True when every file seen is accounted for."""
        return self.seen == self.indexed + self.unchanged + self.rejected
