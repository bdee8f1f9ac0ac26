"""The temporal tagger: scan the text with the rules, select the longest matches, finish them.

:class:`TemporalTagger` runs the rules of :mod:`etl.dates.rules` over a text, keeps the
longest non-overlapping matches, reads the spaCy DATE/TIME spans no rule matched with the
relaxed rules (and, last, ``dateparser``), then resolves anaphors and reporting periods in
reading order (:mod:`etl.dates.anaphora`) and builds :class:`etl.models.DateMention` values.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from etl.dates.anaphora import YEAR_TO_DATE, Anaphor, Period, resolve_anaphor, resolve_period
from etl.dates.anchoring import Timex, holiday_weekend, shift, timex_at
from etl.dates.context import in_quoted_title
from etl.dates.rules import (
    RELAXED_RULES,
    RULES,
    Hit,
    Rule,
    widen_to_day_before_after,
    widen_to_hedge,
    widen_to_part_of,
    widen_to_weekend,
)
from etl.dates.tense import past_form
from etl.dates.vocabulary import MONTH
from etl.models import DateMention, DateRange
from etl.prefilter import fold

__all__ = ["TemporalTagger"]

_DCT_MIN_YEAR, _DCT_MAX_YEAR = 1000, 9000
_STORY_WEEK = dt.timedelta(days=7)
"""How far before the DCT the anchor of a ``recent`` anaphor ("the week") may lie."""


class TemporalTagger:
    """Find temporal expressions in a text and normalize them as TIMEX3 against the DCT.

    The tagger precompiles its patterns once; :meth:`run` is pure and thread-safe.

    Usage::

        >>> import datetime as dt
        >>> tagger = TemporalTagger()
        >>> body = "Lavrov on Tuesday discussed the ICBM test last month."
        >>> [(m.text, m.value) for m in tagger.run(body, dt.date(2017, 12, 27))]
        [('Tuesday', '2017-12-26'), ('last month', '2017-11')]
        >>> tagger.run(body, dt.date(2017, 12, 27))[1].range
        DateRange(gte='2017-11-01', lt='2017-12-01')

    Rules (:mod:`etl.dates.rules`; TimeML 1.2.1 TIMEX3 guidelines for the values and extents,
    ISO 8601 for the calendar, news conventions as in HeidelTime for anchoring; each resolver
    documents its own):

    * weekdays, with last/this/next and parts of the day; today, yesterday, tomorrow, tonight;
      underspecified months and weekdays follow the tense of their clause (:func:`etl.dates.tense.clause_tense`),
      a deadline ("extended until 9 a.m. Tuesday") lies ahead; half years ("1990-H1");
    * last/this/next week, weekend, month, year; "N units ago"; "earlier this month";
    * month-day and day-month with or without a year; month-year; bare months after a cue
      word; ISO ``YYYY-MM-DD`` and US ``MM/DD/YYYY`` dates; clock times tied to a day;
    * bare years after a cue word; decades ("the 1990s"); centuries ("the 20th century");
    * quarters ("the third quarter", "third-quarter", "Q3 2017"); seasons ("last summer");
    * durations ("two years" -> ``P2Y``, "2 1/2 years" -> ``P2Y6M``, "decades-long",
      "in recent years" -> ``PXY``), sets ("every day", "daily" -> ``P1D``), and
      ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` ("now", "current", "recently", "the future");
    * business-news reporting periods: "the year-ago quarter", "up from $10 million a year
      ago", "the latest quarter" resolve against the quarter the story reports (:class:`etl.dates.anaphora.Period`);
      "the year ended Sept. 30" is ``P1Y``, "for the full year" the DCT's year;
    * clock times alone ("at 10:35 a.m.") on the day last mentioned; years in words
      ("nineteen ninety-six");
    * inside spaCy DATE/TIME spans only: bare years, bare months (also May/March), bare
      seasons, anaphoric expressions ("the previous day"), rare absolute strings (dateparser).
    """

    def __init__(self) -> None:
        """Compile what the tagger needs besides the rules (compiled once, at import of
        :mod:`etl.dates.rules`); instances share them and :meth:`run` is thread-safe."""
        self._absolute_hint = re.compile(rf"{MONTH}|\d", re.IGNORECASE)

    def run(
        self, text: str, dct: dt.date, candidates: Sequence[tuple[int, int]] = ()
    ) -> list[DateMention]:
        """Tag and normalize the temporal expressions in ``text``.

        Args:
            text: the article body; offsets in the result count from its first character.
            dct: the document creation time (the article's ``published`` date); every
                relative expression is resolved against it. A ``datetime`` is reduced to its date.
            candidates: ``(start, end)`` character spans that spaCy labelled DATE or TIME.
                A span that overlaps none of the tagger's own matches is re-read with the
                relaxed rules (bare years, bare months, "the previous day"...); what does not
                resolve is dropped.

        Returns:
            :class:`DateMention` values sorted by ``start``, never overlapping (the longer of
            two overlapping matches wins), each with ``text[start:end] == mention.text``.
            ``range`` is set for DATE/TIME values that denote calendar time, ``None`` for
            DURATION, SET and ``*_REF`` values.

        Raises:
            TypeError: ``dct`` is not a ``datetime.date``.
            ValueError: a candidate span lies outside ``text`` or is empty, or the DCT's year
                is outside 1000-9000 (relative arithmetic needs room on both sides).
        """
        return [mention for mention, _ in self.explain(text, dct, candidates)]

    def explain(
        self, text: str, dct: dt.date, candidates: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[DateMention, str]]:
        """:meth:`run`, each mention paired with the name of the rule that found it (a name in
        :data:`etl.dates.rules.RULES` or :data:`~etl.dates.rules.RELAXED_RULES`, or
        ``absolute`` for a spaCy span read by ``dateparser``). Same arguments and errors."""
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        if not isinstance(dct, dt.date):
            raise TypeError(f"dct must be a datetime.date, got {type(dct).__name__}")
        if not _DCT_MIN_YEAR <= dct.year <= _DCT_MAX_YEAR:
            raise ValueError(f"dct {dct.isoformat()} is outside years {_DCT_MIN_YEAR}-{_DCT_MAX_YEAR}")
        n = len(text)
        for start, end in candidates:
            if not (0 <= start < end <= n):
                raise ValueError(f"candidate span {start}..{end} is outside a text of length {n}")

        own = self._select(self._scan(RULES, text, dct, 0, n, prefilter=True))
        own_starts = [h.start for h in own]
        own_ends = [h.end for h in own]
        extra: list[Hit] = []
        for start, end in sorted(set(candidates)):
            if _overlaps(own_starts, own_ends, start, end):
                continue
            found = self._scan(RELAXED_RULES, text, dct, start, end)
            if not found:
                found = self._absolute(text, start, end)
            extra.extend(found)
        hits = self._select(own + extra) if extra else own
        widened = widen_to_hedge(hits, text)
        for widen in (widen_to_part_of, widen_to_day_before_after, widen_to_weekend):
            widened = widen(widened, text)
        return self._finish(widened, text, dct)

    # ------------------------------------------------------------------ machinery

    @staticmethod
    def _scan(
        rules: Sequence[Rule], text: str, dct: dt.date, pos: int, endpos: int, prefilter: bool = False
    ) -> list[Hit]:
        """Every resolved match of every rule in ``text[pos:endpos]``.

        With ``prefilter``, the text is read paragraph by paragraph (:func:`_paragraphs`), and
        each rule is scanned only over the paragraphs that hold one of its required literals
        (:attr:`Rule.needs`, as in RE2's prefilter): a TIMEX3 never spans a blank line, and
        most rules skip most paragraphs. Lookbehinds and the resolvers still see the whole
        text. On the 2,709 golden documents (``tests/golden``) the hits are those of a scan
        of the whole text, found in about half the time."""
        hits: list[Hit] = []
        paragraphs = _paragraphs(text, pos, endpos) if prefilter else [(pos, endpos, "")]
        folded = fold(text[pos:endpos]) if prefilter else ""
        everywhere = [(start, end) for start, end, _ in paragraphs]
        where: dict[str, list[tuple[int, int]]] = {}  # literal -> the paragraphs holding it
        for index, r in enumerate(rules):
            if not prefilter or r.needs is None:
                spans = everywhere
            else:
                spans = []
                for literal in r.needs:
                    found = where.get(literal)
                    if found is None:
                        found = where[literal] = (
                            [(s, e) for s, e, para in paragraphs if literal in para] if literal in folded else []
                        )
                    spans.extend(found)
                if len(r.needs) > 1:
                    spans = sorted(set(spans))
            for start, end in spans:
                for m in r.pattern.finditer(text, start, end):
                    try:
                        hit = r.resolve(m, text, dct)
                    except (ValueError, OverflowError):
                        continue  # calendar arithmetic out of range ("999 centuries ago")
                    if hit is not None and not in_quoted_title(text, hit.start, hit.end):
                        hits.append(Hit(hit.start, hit.end, hit.timex, index, r.name))
        return hits

    @staticmethod
    def _select(hits: list[Hit]) -> list[Hit]:
        """Keep non-overlapping hits, longest first, then leftmost, then earliest rule.

        The kept hits are held sorted by start (hence by end too, as they do not overlap), so
        each overlap test is a binary search: O(n log n) for n hits."""
        chosen: list[Hit] = []
        starts: list[int] = []
        ends: list[int] = []
        for h in sorted(hits, key=lambda h: (h.start - h.end, h.start, h.rule)):
            if not _overlaps(starts, ends, h.start, h.end):
                i = bisect.bisect_left(starts, h.start)
                starts.insert(i, h.start)
                ends.insert(i, h.end)
                chosen.insert(i, h)
        return chosen

    @staticmethod
    def _finish(hits: list[Hit], text: str, dct: dt.date) -> list[tuple[DateMention, str]]:
        """Resolve anaphors against the latest earlier calendar mention and build the models,
        each with the name of its rule."""
        out: list[tuple[DateMention, str]] = []
        anchor: Timex = timex_at(dct, "day")
        anchor_is_dct = True
        # the anchor is an anaphor's date inside a historical frame ("that morning" after "on March 2,
        # 1966"): it carries the frame on as the date that set it would
        anchor_framed = False
        event_day: Timex | None = None  # the latest day told that lies after the DCT: the story's coming event
        anchor_begin = anchor_end = 0
        period: Timex | None = None  # the first quarter mentioned: the reporting period
        quarterly = True  # False after "the first nine months": comparisons are then yearly
        for h in hits:
            tx = h.timex
            end = h.end
            # "its worst day since Oct. 19, 1987": the point a comparison reaches back to, not a time
            # the story tells of (the anchor of TimeML 1.2.1's anchorTimeID is the story's temporal focus)
            # nor is a limit ("will remain closed at least until April 20")
            is_anchor = _COMPARED_SINCE.search(text, max(0, h.start - 60), h.start) is None and _LIMIT_BEFORE.search(
                text, max(0, h.start - 20), h.start
            ) is None
            framed = False
            if isinstance(tx, Period):
                if tx.years_back and not quarterly and tx.quarter is None:
                    # after "the first nine months": the year to date, a year back
                    resolved_p, sets_period = timex_at(shift(dct, "year", -tx.years_back), "year"), False
                else:
                    use = period if (quarterly or not tx.years_back) else None
                    resolved_p, sets_period = resolve_period(tx, use, anchor, anchor_is_dct, dct)
                    comparison = tx.years_back and tx.quarter is None and tx.year is None
                    if comparison and not anchor_is_dct and text[h.start : h.end].lower() != "last year":
                        before_anchor = text[max(0, anchor_begin - 10) : anchor_begin]
                        range_end = re.search(r"(?:\bto|\bthrough|\buntil|[-–])\s*$", before_anchor)
                        if not _SENTENCE_BREAK.search(text, anchor_end, h.start) and range_end is None:
                            # "in the third quarter, net profit jumped 59 percent from a year earlier",
                            # "backlog at the end of September ... up from $176 million a year earlier"; not
                            # the end of a range ("From January to September 2006 ... the same period last year")
                            resolved_p = _year_back(anchor, tx.years_back, dct) or resolved_p
                if resolved_p is None:
                    continue
                if sets_period and period is None:
                    period = resolved_p
                # a comparison ("a year earlier") is not an anchor: two in a row must not chain
                is_anchor = tx.years_back == 0
                tx = resolved_p
            elif isinstance(tx, Anaphor):
                in_frame = _historical_frame(
                    anchor, anchor_is_dct, text, anchor_begin, anchor_end, h.start, dct, _after(tx.fallback, dct) or tx.reading_ahead,
                    anchor_framed,
                )
                stale = (tx.recent and not (anchor.start is not None and dct - _STORY_WEEK <= anchor.start <= dct)) or (
                    tx.ahead and anchor.start is not None and anchor.start < dct
                ) or (tx.behind and anchor.start is not None and anchor.start > dct) or (tx.historical and not in_frame)
                try:
                    skip = ((tx.same or tx.mentioned_only) and anchor_is_dct) or stale
                    resolved = None if skip else resolve_anaphor(tx, anchor)
                except (ValueError, OverflowError):
                    resolved = None
                if resolved is None and tx.ahead and tx.same and tx.tod is not None and event_day is not None:
                    # "Polls in New York City open at 6 a.m." in a Sunday story of Tuesday's election, with
                    # "August" told in between: a clock time of a future clause is on the coming day the story
                    # told last, not on the DCT
                    resolved = resolve_anaphor(tx, event_day)
                if tx.historical and resolved is not None and resolved.start and anchor.start and resolved.start < anchor.start:
                    # a historical frame moves forward: in its own sentence to the year after ("began in
                    # December 2014 and lasted until late January": 2015-01), else back to the DCT's
                    # reading ("began raising rates in December 2021. The Fed lifted its benchmark on
                    # July 26" in 2023 is July 2023)
                    same_sentence = _SENTENCE_END.search(text, anchor_end, h.start) is None
                    on = _year_on(resolved) if anchor.granularity != "year" else None
                    # or, in a later sentence, the story's next days ("broke through on Dec. 26. But the
                    # fighting went on, and by the end of January ...": January 1945)
                    next_days = on is not None and on.start is not None and on.start <= anchor.start + _NARRATIVE_STEP
                    resolved = on if same_sentence or next_days else None
                if (
                    tx.historical and resolved is not None and resolved.start and anchor.start
                    and "\n\n" in text[anchor_end : h.start]
                    and not anchor.start <= resolved.start <= anchor.start + _NARRATIVE_STEP
                ):
                    resolved = None  # a frame carried into a later paragraph holds only for the story's next days
                framed = in_frame and resolved is not None
                if resolved is None:
                    if tx.fallback is None:
                        continue
                    resolved = tx.fallback
                    end = tx.fallback_end or end
                tx = resolved
            elif tx.type == "DATE" and tx.granularity == "quarter":
                if period is None and (tx.start is None or _recent(tx, dct)):
                    period = tx  # a recent (or a fiscal) quarter: the one the story reports
                quarterly = True
            elif tx.type == "DURATION" and YEAR_TO_DATE.search(text, h.start, h.end):
                quarterly = False
            if h.weekend and tx.granularity == "day" and tx.start is not None:
                tx = holiday_weekend(tx.start)  # "the July 4th weekend" (widen_to_weekend)
            if tx.start is not None and tx.end is not None:
                # "at 10:15 GMT on Tuesday": the day after its clock time leaves the clock the anchor
                # ("... two hours later" counts from 10:15), and so does a restatement in another zone
                # ("7 a.m. (0000 GMT). One hour later": 08:00)
                same_moment = anchor.type == "TIME" and (
                    (tx.granularity == "day" and anchor.start == tx.start and _ON_BETWEEN.fullmatch(text, anchor_end, h.start))
                    or (tx.type == "TIME" and _BRACKET_BETWEEN.fullmatch(text, anchor_end, h.start))
                )
                if is_anchor and not same_moment:
                    anchor, anchor_is_dct, anchor_begin, anchor_end, anchor_framed = tx, False, h.start, end, framed
                if tx.granularity in ("minute", "hour", "day") and tx.start > dct:
                    event_day = tx
                rng = DateRange(gte=tx.start.isoformat(), lt=tx.end.isoformat())
            else:
                rng = None
            mention = DateMention(
                text=text[h.start : end],
                start=h.start,
                end=end,
                type=tx.type,  # type: ignore[arg-type]
                value=tx.value,
                granularity=tx.granularity,  # type: ignore[arg-type]
                range=rng,
            )
            out.append((mention, h.name))
        return out

    def _absolute(self, text: str, start: int, end: int) -> list[Hit]:
        """Last resort for a candidate span: an absolute day date that ``dateparser`` reads."""
        span = text[start:end]
        if not (re.search(r"\b(?:19|20)\d\d\b", span) and self._absolute_hint.search(span)):
            return []
        d = _parse_absolute_day(span.strip())
        if d is None:
            return []
        lead = len(span) - len(span.lstrip())
        trail = len(span) - len(span.rstrip())
        return [Hit(start + lead, end - trail, timex_at(d, "day"), name="absolute")]


_COMPARED_SINCE = re.compile(
    r"\b(?:(?:high|low|larg|bigg|small|great|strong|weak|fast|slow|long|short|deep|cheap|hott|cold|wett|dri|wid|steep|sharp"
    r"|warm|clos|heavi|busi|earli|deadli|bloodi|quiet|tough|hard|rich|poor|fewe)est|most|least|first\s+time|worst|best)\b"
    r"[^.;!?\"“”]{0,40}?\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|middle)\s+of)\s+)?$",
    re.IGNORECASE,
)
"""A superlative (or "the first time") before "since" and the date: the date is the point a comparison
reaches back to ("its worst day since Oct. 19, 1987", "the first time since 1990", "the lowest level
since early 2009"), no anchor for the anaphors after it."""
_LIMIT_BEFORE = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
""""until" before a date: the limit of a state or a wait ("schools will remain closed until April 20"),
not a time the story tells of; the anaphors after it keep the anchor before it."""
_ON_BETWEEN = re.compile(r",?\s+on\s+")
"""What stands between a clock time and its day when they are two TIMEX3s ("10:15 GMT on Tuesday")."""
_BRACKET_BETWEEN = re.compile(r"\s*\(\s*")
"""What stands between a clock time and its restatement in another zone ("7 a.m. (0000 GMT)")."""


_NARRATIVE_STEP = dt.timedelta(days=31)
"""How far after a historical day a year-less date in a later paragraph may lie and still take its
year: a narrative told day by day ("The offensive began on Dec. 16, 1944 ... || Patton's army broke
through on Dec. 26"); further on, or before the day, the story has come back to the DCT's time."""

_HISTORICAL_GAP_YEARS = 2
"""How many years before the DCT's an anchor must lie for a year-less date after it to take its
year: a story that has gone back in time, where the DCT's reading is at least a year off."""


def _year_on(tx: Timex) -> Timex | None:
    """``tx`` (a day or a month) a year later, or None when it has no calendar value."""
    if tx.start is None or tx.granularity not in ("day", "month"):
        return None
    try:
        return timex_at(tx.start.replace(year=tx.start.year + 1), tx.granularity)
    except ValueError:
        return None  # Feb. 29


def _after(tx: Timex | Anaphor | None, dct: dt.date) -> bool:
    """True when ``tx`` is a calendar value that starts after the DCT."""
    return isinstance(tx, Timex) and tx.start is not None and tx.start > dct


def _historical_frame(
    anchor: Timex, is_dct: bool, text: str, begin: int, end: int, pos: int, dct: dt.date, ahead: bool = False,
    inherited: bool = False,
) -> bool:
    """True when the anchor ``text[begin:end]`` sets a historical frame for the year-less date at
    ``pos`` (:attr:`Anaphor.historical`): a month, a season or a day (a bare year only as told
    below, as it is often background: "the company, founded in 1985, said in March") at least
    :data:`_HISTORICAL_GAP_YEARS` years before the DCT's, told as when the story's events happen
    (:data:`_FRAME_BEFORE`: "In January 1917, Germany ...", "On Nov. 9, 1989, the Wall fell", "Five
    weeks later, ..."; not a date that modifies a noun, "the Dec. 21, 1988, bombing", "the August
    1988 cease-fire", nor a record's benchmark, "the sharpest fall since September 1986"), in the
    same paragraph (one year before the DCT's is enough when ``ahead``: the DCT reading of the
    year-less date lies after the DCT, "In 1999, the pace quickened. On June 11, he robbed two
    banks" in February 2000).

    A bare year (or a year back, "Two years ago") sets the frame only in its own sentence, opening
    it, with a clause about it or as the main clause's "in" ("In 1967, a quake on July 22 killed 86",
    "in 1954, when the river peaked on August 18", "the earthquake of 1976, which struck on July 28",
    "Britain joined the ERM in 1990, entering on Oct. 8"), or in a later sentence of the paragraph that
    the date opens ("In 1986, examiners found losses. On Aug. 4, a team arrived"; :data:`_OPENS_SENTENCE`):
    the year is then the events' time, not a background detail set off between commas ("The company,
    founded in 1985, said in March";
    :data:`_SENTENCE_LEAD`, :data:`_CLAUSE_ABOUT_YEAR`, :data:`_YEAR_THEN_EVENT`).

    ``inherited``: the anchor is an anaphor's date inside a frame ("that morning" after "shortly after
    8 a.m. on March 2, 1966"), which carries the frame on without the test of the words before it. A
    day's or a clock time's frame also holds in the paragraphs after it, for the story's next days
    (the caller keeps only the dates at most :data:`_NARRATIVE_STEP` after the anchor there)."""
    gap = 1 if ahead else _HISTORICAL_GAP_YEARS  # a past clause's DCT reading after the DCT is wrong anyway
    if is_dct or anchor.start is None or anchor.start.year > dct.year - gap:
        return False
    if anchor.granularity == "year":
        if "\n\n" in text[end:pos]:
            return False
        stop = _SENTENCE_END.search(text, end, pos)
        same_sentence = stop is None
        one_stop = stop is not None and _SENTENCE_END.search(text, stop.end(), pos) is None  # the date is in the next sentence
        # in the next sentence a past clause's day whose DCT reading lies ahead ("The worst came in 1868. It
        # struck on Oct. 21" in a story of Oct. 19, 1989) needs no more than the year's sentence before it
        next_sentence = ahead and one_stop
        if _SENTENCE_LEAD.search(text, max(0, begin - 12), begin) is not None:
            # "In 1998 the rouble collapsed ...", "Two years ago the club was sold ..."; in a later sentence
            # of the paragraph, a date that opens its own ("In 1986, examiners ... . On Aug. 4, a team ...")
            return same_sentence or next_sentence or _OPENS_SENTENCE.search(text, max(0, pos - 40), pos) is not None
        if _IN_OR_OF.search(text, max(0, begin - 7), begin) is None:
            return False
        if next_sentence:
            return True
        if _CLAUSE_ABOUT_YEAR.match(text, end) is not None:
            return same_sentence  # "in 1954, when the river peaked", "the earthquake of 1976, which struck"
        # the main clause's "in 1990" before its events (_YEAR_THEN_EVENT)
        if text[begin - 3 : begin] != "in ":
            return False
        if same_sentence:
            event = _YEAR_THEN_EVENT.match(text, end)
            if event is not None and event["verb"] in ("on", "in", "by") and not text[event.end() : pos].strip():
                return True  # "seized the town in 1994 and on March 8 executed its mayor": the second clause opens with its date
            return event is not None and (event["verb"] is None or past_form(event["verb"]))
        # "The attacks began in 2018. On Nov. 7, hackers ...": the year ends its sentence, the date opens the next
        return one_stop and stop.start() == end and _OPENS_SENTENCE.search(text, max(0, pos - 40), pos) is not None  # type: ignore[union-attr]
    if anchor.granularity not in ("minute", "hour", "day", "month", "season"):
        return False
    if not inherited:
        if not _FRAME_BEFORE.search(text, max(0, begin - 12), begin):
            return False
        if text.startswith(",", end) and _SET_OFF_BEFORE.search(text, max(0, begin - 40), begin):
            return False  # "The Berlin Wall, built in August 1961, was opened on Nov. 9": a detail set off between commas
    # a day's frame goes on into the next paragraphs, for the story's next days (:data:`_NARRATIVE_STEP`)
    return anchor.granularity in ("minute", "hour", "day") or "\n\n" not in text[end:pos]


_SET_OFF_BEFORE = re.compile(r",\s+(?:(?:[\w-]+\s+){0,2}|(?:who|which)\s+[^,;.]{0,60}?\s)(?:in|on|since)\s+$")
"""A comma a few words (or a relative clause) before the preposition of a date with a comma after it: a
phrase set off between commas ("The Berlin Wall, built in August 1961, was ...", "Argentina, who won
the title in Qatar in December 2022, begin ..."), background, not the story's time."""


_SENTENCE_LEAD = re.compile(r"(?:^|[.!?:;\"“]\s+|\n)(?:In\s+)?$")
"""A year that opens its sentence, alone or after "In": "In 1967, a quake ...", "Two years ago the ..."."""
_YEAR_THEN_EVENT = re.compile(r",\s+[a-z]+ing\b|\s+after\b|\s+(?:but|and)\s+(?:then\s+)?(?P<verb>[a-z]+)\b")
"""After the main clause's "in" and year, a participle, "after" or a coordinated past verb that goes on
with its events ("joined the ERM in 1990, entering on Oct. 8", "relegated in 2002 after a defeat on May
11", "sought the presidency in 1987 but withdrew in September", "seized the town in 1994 and on March 8
executed its mayor"); not a year set
off between commas ("The company, founded in 1985, said in March") nor one of a relative clause ("a
loan in 1987 that did not specify ...")."""
_IN_OR_OF = re.compile(r"\b(?:in|of|since)\s+$")
_CLAUSE_ABOUT_YEAR = re.compile(r",\s+(?:when|which|where)\b")
"""A relative clause about the year or its event: "in 1954, when the river peaked", "the
earthquake of 1976, which struck"; not "founded in 1985, said in March"."""
_SENTENCE_END = re.compile(r"(?<!\.[A-Z])(?<!\b[A-Z])[.!?][\"”)]?(?:\s+(?=[A-Z\"“(])|\s*$)")
"""A sentence's end: a full stop (not that of "U.S." or an initial), a question or exclamation mark
before a capital or the end of the text."""
_OPENS_SENTENCE = re.compile(
    r"(?:^|[.!?][\"”)]?\s+|\n)(?:(?:On|In|By|Then|Later|And)\s+(?:on\s+)?)?"
    r"(?:(?:[Oo]n\s+)?the\s+(?:night|morning|afternoon|evening|eve)\s+of\s+)?$"
)
"""A date that opens its sentence ("On Aug. 4, a team ...", "In September, ...", "On the night of Oct. 20,
she lost")."""


_FRAME_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n|\b(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y|[Uu]ntil|[Aa]fter|[Bb]efore|[Tt]hen|of),?\s+)$")
"""What precedes a date that tells when the story's events happen: the start of a sentence, a
preposition of time (an adverbial, not a noun's modifier), or the "of" of an event named by its
time ("the flood of March 2019", "the events of May 1968")."""


def _year_back(anchor: Timex, years: int, dct: dt.date) -> Timex | None:
    """The recent month, quarter or half ``anchor`` (begun by the DCT, ended less than a year
    before it) ``years`` years earlier: the period a comparison in the anchor's sentence
    speaks of ("for the first half, profit dropped ... from $114.4 million a year earlier" ->
    the first half of the year before); None for another anchor."""
    half = re.fullmatch(r"(\d{4})-H([12])", anchor.value)
    if not _recent(anchor, dct):
        return None
    if half:
        year, n = int(half[1]) - years, int(half[2])
        end = dt.date(year, 7, 1) if n == 1 else dt.date(year + 1, 1, 1)
        return Timex("DATE", f"{year:04d}-H{n}", None, dt.date(year, 6 * n - 5, 1), end)
    if anchor.granularity in ("month", "quarter"):
        return timex_at(shift(anchor.start, "year", -years), anchor.granularity)
    return None


def _recent(tx: Timex, dct: dt.date) -> bool:
    """A period begun by the DCT and ended less than a year before it: one a story can report
    (:class:`etl.dates.anaphora.Period`)."""
    return tx.start is not None and tx.end is not None and tx.start <= dct and (dct - tx.end).days < 365


_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]")
"""The end of a sentence and the start of the next."""


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def _paragraphs(text: str, pos: int, endpos: int) -> list[tuple[int, int, str]]:
    """``text[pos:endpos]`` cut at its blank lines: ``(start, end, folded)`` per paragraph,
    ``end`` the start of the next paragraph (the blank line belongs to the paragraph before
    it), ``folded`` the paragraph's :func:`etl.prefilter.fold`."""
    out: list[tuple[int, int, str]] = []
    start = pos
    for m in _BLANK_LINE.finditer(text, pos, endpos):
        out.append((start, m.end(), fold(text[start : m.start()])))
        start = m.end()
    if start < endpos or not out:
        out.append((start, endpos, fold(text[start:endpos])))
    return out


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint intervals given sorted by start."""
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < end:
        return True
    return i > 0 and ends[i - 1] > start


@lru_cache(maxsize=4096)
def _parse_absolute_day(span: str) -> dt.date | None:
    """A full day date (day, month and year all written) parsed by ``dateparser``; cached."""
    try:
        import dateparser  # lazy: slow to import, needed only for rare strings
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    parsed = dateparser.parse(
        span,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None
