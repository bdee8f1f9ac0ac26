"""Units counted from the DCT: "last week", "next month", "this time last year", "the week
before last", "two years ago", "two years later" (from the date told before), the reference
words (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``) and "over the weekend".
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor, Period, comparison
from etl.dates.anchoring import RANK, Timex, add_months, duration_value, iso_duration, shift, timex_at, weekend_of
from etl.dates.context import left_context, name_word_before, title_unit, word_before
from etl.dates.rules.shared import NOT_AFTER_A_TIME_WORD, OR_SO, bare_weekday
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, future_context, speaks_of_future
from etl.dates.vocabulary import HEDGE, NUM, UNIT, UNITS, UNIT_CS, WEEKDAY, WEEKDAY_NUM, number, unit_key


_L_AGO = re.compile(rf"(?:\b(?P<hedge>{HEDGE})\s+)?(?:\b(?P<half>half)\s+(?=an?\s))?\b(?P<num>{NUM})\s+$", re.IGNORECASE)
_L_COMPOUND = re.compile(rf"\b(?P<n1>{NUM})\s+(?P<u1>{UNIT})\s+and\s+$", re.IGNORECASE)
_COMPOUND_FACTOR = {("hour", "minute"): 60, ("day", "hour"): 24, ("week", "day"): 7, ("year", "month"): 12}
"""A count of a coarser unit joined by "and" before the count of "... later" ("two hours and 40
minutes later"), and how many of the finer unit one of it holds."""
_HALF_UNIT = {"century": ("year", 50), "decade": ("year", 5), "year": ("month", 6), "day": ("hour", 12), "hour": ("minute", 30)}
""""half a century" as a count of a finer unit (50 years), for "half a century ago (later)"."""


# "the week before last", "the month after next"
@rule(
    "unit_before_last",
    r"\b(?P<t>the\s+(?P<unit>week|month|year)\s+(?P<dir>before\s+last|after\s+next))\b", re.IGNORECASE,
)
def unit_before_last(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week before last", "the month before last", "the year after next": the calendar
    unit two back (ahead) of the DCT's, as "the day before yesterday" is two days back (TimeML
    1.2.1: a relative DATE anchored on the DCT at the unit's granularity; ISO weeks).

    TimeML (DCT 2017-12-27): ``Prices fell <TIMEX3 type="DATE" value="2017-W50">the week before
        last</TIMEX3>.``
    """
    unit = m["unit"].lower()
    step = 2 if m["dir"].lower().startswith("after") else -2
    return hit_over_t(m, timex_at(shift(dct, unit, step), unit))


_POSSESSOR = re.compile(
    rf"(?:\b(?:his|her|its|their|my|your|our)|{NOT_AFTER_A_TIME_WORD}(?<![Tt]onight)\b[A-Za-z]+['’]s?)\s+$"
)
"""A possessive right before "last/next <unit>": "last" is then "final" ("his last week in
office", "Smith's last century", a cricket score), not the calendar unit before the DCT's; a
time's possessive ("yesterday's last week"...) is left alone."""


# "this time last year": the DCT's day a year before
@rule("same_time_year", r"\b(?P<t>(?:this|that|the\s+same)\s+time\s+(?P<rel>last|next)\s+year)\b", re.IGNORECASE)
def same_time_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this time last year" ("that time", "the same time") -> the DCT's day a year before,
    "this time next year" a year after: one TIMEX3 (TimeML 1.2.1), not "last year" alone,
    whose value would lose the time of the year the phrase names.

    TimeML (DCT 2019-11-27): ``Bookings run 8 percent ahead of <TIMEX3 type="DATE"
        value="2018-11-27">this time last year</TIMEX3>.``
    """
    return hit_over_t(m, timex_at(shift(dct, "year", -1 if m["rel"].lower() == "last" else 1), "day"))


# last/this/next week|weekend|month|year (+ earlier/later/early/late/mid)
@rule(
    "relative_unit",
    r"(?<!\bthe\s)\b(?P<t>(?:(?P<mod>earlier|later|early|late|mid)[\s-]+)?"
    r"(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+current|current)\s+"
    r"(?P<unit>week|weekend|month|year|decade|century)(?!-|\s+(?:or|and)\s+(?:so|two|more)))\b", re.IGNORECASE,
)
def relative_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """last/this/next week, weekend, month, year, decade, century, anchored on the DCT.

    "last week" -> the ISO week before the DCT's (``2017-W51``, range Monday to Monday);
    "last month" -> ``2017-11``; "last year" -> ``2016``; "last weekend" -> ``2017-W51-WE``
    (Saturday and Sunday of the previous ISO week, TIMEX3 guidelines). Leading
    "earlier"/"late"/"mid" stay in the extent; the value is unchanged (TIMEX3 would add ``mod``).
    Not after a possessive (:data:`_POSSESSOR`: "his last week in office").

    TimeML (DCT 2017-12-27): ``Prices rose <TIMEX3 type="DATE" value="2017-W51">last week</TIMEX3>
        and will fall <TIMEX3 type="DATE" value="2018-01">next month</TIMEX3>.``

    "this weekend" in a past clause before the DCT's weekend ("Nobody slept much this weekend" on a
    Monday) is the weekend just gone. "this week" in a future clause of a Sunday story is the week
    that Sunday opens (US weeks run Sunday to Saturday; the ISO week holding the DCT ends that
    day): the next ISO week. "last
    year" compared with a figure ("up from last year's $3.27") is the reporting period a year
    back (:class:`~etl.dates.anaphora.Period`), unless the sentence has named a year before it
    ("for this year, up from last year's"): then the year.
    """
    if title_unit(m["unit"], m["t"]):
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("last", "next") and m.start("rel") == m.start("t") and _POSSESSOR.search(text, max(0, m.start() - 24), m.start()):
        return None  # "his last week in office", "Smith's last century": final, not the calendar's
    unit = m["unit"].lower()
    step = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
    if unit == "weekend":
        monday = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(weeks=step)
        sat = monday + dt.timedelta(days=5)
        if rel == "this past" and sat > dct:
            sat -= dt.timedelta(weeks=1)
        if rel == "this" and sat > dct and clause_tense(text, *m.span("t")) < 0 and not speaks_of_future(text, *m.span("t")):
            sat -= dt.timedelta(weeks=1)  # "Nobody slept much this weekend" on a Monday: the weekend just gone
        return hit_over_t(m, weekend_of(sat))
    if unit in ("decade", "century"):
        if rel.startswith("last") or rel == "this past":
            # "last decade" is as often "the past ten years" as "the 2000s": only
            # "last century" (the previous one) is unambiguous.
            if unit == "decade":
                return None
        d = dct.replace(day=1, month=1)
        d = add_months(d, step * (120 if unit == "decade" else 1200))
        return hit_over_t(m, timex_at(d, unit))
    if unit == "week" and rel == "this" and dct.weekday() == 6 and speaks_of_future(text, *m.span("t")):
        step = 1  # "data due this week" on a Sunday: the week it opens (Sunday to Saturday in US usage), the next ISO week
    tx = timex_at(shift(dct, unit, step), unit)
    if (
        unit == "year" and rel == "last" and comparison(text, m.start("t"), need_cue=True)
        and not _YEAR_COMPARED.search(text, max(0, m.start() - 200), m.start())
    ):
        # "up from last year's $2.34 billion": the reporting period a year back
        return hit_over_t(m, Period(years_back=1, fallback=tx))
    return hit_over_t(m, tx)


_YEAR_COMPARED = re.compile(r"\b(?:this|the(?:\s+(?:full|whole|current))?)\s+year\b[^.;!?]*$", re.IGNORECASE)
"""A year named earlier in the sentence ("$4 a share for this year, up from last year's $3.27"): the
comparison is between years, so "last year" is the year, not the reporting quarter a year back."""


# "N units ago", "N units from now"
@rule(
    "ago",
    rf"\b(?P<unit>{UNIT_CS}|(?<![\w,] )(?:Weeks|Months|Years|Decades|Centuries)(?=\s+ago))(?:\s+{OR_SO})?\s+(?P<dir>ago|from\s+now|hence|before\s+now|from\s+(?P<day>today|tomorrow|yesterday|{WEEKDAY}))\b",
)
def ago(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"two days ago" -> DCT - 2 days at day granularity; "three weeks ago" -> that ISO
    week; "six months ago" -> that month; "a year ago" -> that year; "a decade ago" ->
    that year (TIMEX3 guidelines: "ago" is anchored on the DCT, granularity of the unit).
    A hedge ("nearly", "more than", or "or so" after the unit: "a week or so ago") stays in the
    extent; the value is unchanged (TimeML ``mod="APPROX"``, which the value does not carry).
    "half a century ago" -> 50 years back, at the year (half a decade 5 years; half a year six
    months, at the month). "several/a few years ago" -> ``PAST_REF`` (no number to count back), as
    is a bare plural ("decades ago", "many years ago", "Years ago," opening a sentence; not "65
    million years ago"). "Fifty years ago this month", "a year ago
    today", "50 years ago tonight" are one TIMEX3 at the finer unit (``1961-03``, ``2020-03-31``,
    ``1969-07-20TNI``). Counted from a day
    word ("a week from today", "two days from tomorrow", "a week from Friday": the coming
    Friday), the value is that day shifted (TIDES 2005: an offset from a day names a day); not
    after "for" or before a range's end ("close for two weeks from Thursday": a span and its start).

    TimeML (DCT 2017-12-27): ``The mine collapsed <TIMEX3 type="DATE" value="2017-12-25">two days
        ago</TIMEX3>.``
    TimeML (DCT 2018-05-25): ``The pool will open <TIMEX3 type="DATE" value="2018-06-01">a week
        from today</TIMEX3>.``
    """
    lm = left_context(_L_AGO, text, m.start())
    if lm is None:
        bare_plural = re.fullmatch(r"(?i:weeks|months|years|decades|centuries)", m["unit"]) is not None
        counted = _COUNTED_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None
        if m["dir"].lower() == "ago" and bare_plural and not counted:
            # "renounced violence decades ago": a vague past, as "several years ago" (TIMEX3 PAST_REF)
            many = re.search(r"\b[Mm]any\s+$", text[max(0, m.start() - 6) : m.start()])
            return Hit(m.start() - (len(many.group()) if many else 0), m.end(), Timex("DATE", "PAST_REF", None))
        return None
    n = number(lm["num"])
    unit = unit_key(m["unit"])
    sign = 1 if m["dir"].lower() in ("from now", "hence") or m["day"] else -1
    if lm["half"]:
        if unit not in _HALF_UNIT or m["day"] or unit in ("day", "hour"):
            return None
        (unit, n), coarse = _HALF_UNIT[unit], unit  # "half a century ago": 50 years back, at the year
        return Hit(lm.start(), m.end(), timex_at(shift(dct, unit, sign * n), "year" if coarse != "year" else "month"))
    if m["day"]:
        if n is None or unit not in ("day", "week", "fortnight", "month", "year"):
            return None
        span_start = re.match(r"\s+(?:to|until|till|through|and)\b", text[m.end() :]) is not None
        if word_before(text, lm.start()) in ("for", "over", "during") or span_start:
            return None  # "close for two weeks from Thursday", "two days from Tuesday to Thursday": a span and its start
        day = m["day"].lower()
        if day in WEEKDAY_NUM:  # "a week from Friday": counted from the coming Friday
            base = bare_weekday(WEEKDAY_NUM[day], True, dct)
        else:
            base = dct + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[day])
        n, unit = (2 * n, "week") if unit == "fortnight" else (n, unit)
        return Hit(lm.start(), m.end(), timex_at(shift(base, unit, n), "day"))
    if n is None and lm["num"].lower() in ("several", "a few", "few") and unit not in ("hour", "minute"):
        # "several years ago": a vague past (TIMEX3 PAST_REF, as HeidelTime)
        return Hit(lm.start(), m.end(), Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None))
    if n is None or unit not in ("day", "week", "fortnight", "month", "quarter", "year", "decade", "century"):
        return None
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "century":
        unit, n = "year", 100 * n
    gran = "year" if unit == "decade" else unit
    finer = _AGO_FINER.match(text, m.end())
    finer_unit = (finer["unit"] or "day").lower() if finer else ""
    if finer is not None and sign < 0 and RANK[finer_unit] < RANK[gran]:
        # "Fifty years ago this month", "a year ago today": that month (day) N units back
        # (TimeML 1.2.1: one expression, the finer unit sets the granularity)
        # ("50 years ago tonight": that night, a TIME)
        return Hit(lm.start(), finer.end(), timex_at(shift(dct, unit, sign * n), finer_unit, "NI" if finer["night"] else None))
    tx = timex_at(shift(dct, unit, sign * n), gran)
    if unit == "year" and n == 1 and sign < 0 and comparison(text, lm.start(), need_cue=False):
        # "up from $10 million a year ago": the reporting period a year back (see Period)
        return Hit(lm.start(), m.end(), Period(years_back=1, fallback=tx))
    return Hit(lm.start(), m.end(), tx)


_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|of|some|the))\s+$", re.IGNORECASE)
"""A count or a determiner before a plural unit: "65 million years ago" is no vague past ("many
years ago" is)."""
_AGO_FINER = re.compile(r"\s+(?:this\s+(?P<unit>month|week)|today|(?P<night>tonight))\b(?!['’])", re.IGNORECASE)
"""A finer unit of the DCT after "N units ago": "this month", "this week", "today"."""


# "two years later", "three days earlier": anchored on the date mentioned before
@rule(
    "units_later",
    rf"\b(?P<unit>{UNIT_CS})(?:\s+{OR_SO})?\s+(?P<dir>later|earlier|afterwards?|on(?=\s*[,.;:])|after\s+that|before\s+that)\b(?!\s+(?:than|this|last|next|today|yesterday|tonight)\b)",
)
def units_later(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"two years later", "three days earlier" (a count of at least two): the date mentioned
    before it, shifted by that many units, at the unit's granularity: after "in the spring
    of 2015", "two years later" is the DATE ``2017`` (TimeML 1.2.1 ``anchorTimeID``, as
    HeidelTime's anaphoric rules); "three months later" after a day is that month; weeks after
    a day give the day ("two weeks later" after March 3 is March 17); a whole number of a
    coarser anchor's units keeps its granularity ("six months later" after a season is a
    season, :func:`~etl.dates.anaphora.resolve_anaphor`). With no date before it, or one
    coarser than the unit otherwise, it stays the DURATION ``P2Y`` of "two years" ("later"
    outside the extent, as TimeBank annotates durations). Hours and minutes, one too, count
    from a clock time before them ("10:15 GMT ...; two hours later" -> ``T12:15``, "8:46 a.m.
    ... An hour or so later" -> ``T09:46``), else stay durations. "on" before a punctuation
    mark is "later" ("Six years on, the war continues"; not "two years on the job"), and so
    is "after that" ("five years after that"; "before that" is "earlier"), and "afterward(s)" ("her
    second two years afterward"). "a year earlier" is
    :func:`~etl.dates.rules.anaphors.anaphor`'s; vague counts ("a few days later") stay durations.
    "half a century later" counts 50 years, "half an hour later" 30 minutes, "two hours and 40
    minutes later" 160 minutes. Not before "this", "last", "next", "today" ("shut down for three days
    earlier this month": "earlier" heads "earlier this month", and "three days" is a span).

    TimeML (DCT 2017-12-27): ``He left in <TIMEX3 type="DATE" value="2015-SP">the spring of
        2015</TIMEX3> and came back <TIMEX3 type="DATE" value="2017">two years later</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``<TIMEX3 type="DURATION" value="P3D">Three days</TIMEX3> later, talks
        resumed.``
    """
    lm = left_context(_L_AGO, text, m.start())
    unit = unit_key(m["unit"])
    sign = 1 if m["dir"].lower().split()[0] in ("later", "on", "after", "afterward", "afterwards") else -1
    if lm is not None and lm["half"] and unit in _HALF_UNIT:
        # "half a century later", "half an hour later": that many of the finer unit from the date (clock
        # time) before it, else the DURATION of the half (P50Y, PT30M), as odd_duration reads it
        half, n = _HALF_UNIT[unit]
        fallback = Timex("DURATION", duration_value(n, half), UNITS[unit][1])
        return Hit(lm.start(), m.end(), Anaphor(half, sign * n, named=True, mentioned_only=True, fallback=fallback, fallback_end=m.end("unit")))
    if lm is None or (lm["num"].lower() in ("a", "an", "one") and unit not in ("hour", "minute")):
        return None  # "a year later" is :func:`~etl.dates.rules.anaphors.anaphor`'s; "an hour later" counts from a clock here
    n = number(lm["num"])
    start = lm.start()
    as_duration = Timex("DURATION", duration_value(n, unit), UNITS[unit][1]) if n is not None else None
    if n is not None and (big := left_context(_L_COMPOUND, text, start)) is not None:
        # "two hours and 40 minutes later": 160 minutes from the clock time before it (else the
        # DURATION PT2H40M, as the duration rule reads the chain)
        n1, u1 = number(big["n1"]), unit_key(big["u1"])
        factor = _COMPOUND_FACTOR.get((u1, unit))
        if n1 is not None and factor:
            as_duration = Timex("DURATION", iso_duration([(u1, n1), (unit, n)]), UNITS[u1][1])
            n, start = n1 * factor + n, big.start()
    if n is None or (n < 2 and unit not in ("hour", "minute")) or unit not in ("minute", "hour", "day", "week", "month", "quarter", "year", "decade") or title_unit(m["unit"], m.group()):
        return None
    if unit == "decade":
        unit, n = "year", 10 * n
    shifted = Anaphor(unit, sign * n, named=True, mentioned_only=True, fallback=as_duration, fallback_end=m.end("unit"))
    return Hit(start, m.end(), shifted)


# PRESENT_REF / PAST_REF / FUTURE_REF
@rule(
    "ref",
    r"\b(?P<t>(?P<present>(?:[Rr]ight\s+)?[Nn]ow|[Cc]urrently|[Nn]owadays|[Aa]t\s+present|[Tt]hese\s+days)"
    r"|(?P<past>[Rr]ecently|the\s+(?:distant\s+|recent\s+)?past(?!\s+\d|\s+(?:two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\b)|(?:[Aa]\s+moment|[Mm]oments)\s+ago)|(?P<future>the\s+(?:near\s+|foreseeable\s+|distant\s+)?future"
    r"|the\s+(?:near|short|long)\s+(?:term|run)\b(?!\s+(?!(?:and|or|but|is|was|will|as)\b)[a-z])"
    r"|a\s+later\s+date))\b"
    rf"(?!\s+(?:{NUM}\s+)?(?:{UNIT}|few|several|couple|tense|perfect|participle|of)\b)(?![-’'])",
)
def ref(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"now", "currently", "nowadays", "at present", "these days" -> ``PRESENT_REF``;
    "recently", "the (distant, recent) past", "a moment ago" (broadcast copy) -> ``PAST_REF``; "the (near) future", "the near (short, long)
    term" as a noun, "the long run", "a later date" -> ``FUTURE_REF`` (TIMEX3 guidelines,
    type DATE, no range; TBAQ tags "the near term" and "the short term" so, not the adjective
    "short-term debt"; "as recently as April" tags only "April"). The adjectives "current" (``PRESENT_REF``) and
    "then-current" (``PAST_REF``) too, as TimeBank annotates them; "current account",
    "current assets" and such financial terms are not.

    TimeML (DCT 2017-12-27): ``The plant is <TIMEX3 type="DATE" value="PRESENT_REF">now</TIMEX3>
        closed; it was <TIMEX3 type="DATE" value="PAST_REF">recently</TIMEX3> sold.``
    TimeML (DCT 2017-12-27): ``The <TIMEX3 type="DATE" value="PRESENT_REF">current</TIMEX3>
        government ruled by decree.``
    TimeML (DCT 2017-12-27): ``Margins will suffer in <TIMEX3 type="DATE" value="FUTURE_REF">the
        near term</TIMEX3>; the rest is paid at <TIMEX3 type="DATE" value="FUTURE_REF">a later
        date</TIMEX3>.``
    """
    if m["t"] == "Current" and name_word_before(text, m.start("t")):
        return None  # "the film ``Deep Current''": part of a title
    if m["present"]:
        if m["t"].lower() == "current" and _CURRENT_NOUN.match(text, m.end()):
            return None  # the noun: "The current is terrible", "swept away by the current."
        value = "PRESENT_REF"
    elif m["past"]:
        if re.search(r"\bas\s+$", text[max(0, m.start() - 4) : m.start()], re.IGNORECASE) and re.match(r"\s+as\b", text[m.end() :]):
            return None  # "as recently as April": the date after it is the expression
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    return hit_over_t(m, Timex("DATE", value, None))


_CURRENT_NOUN = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:is|was|were|are|has|had|carried|carries|swept|sweeps|pulled|pulls|took|takes|runs|ran|flows|flowed)\b"
)
"""What follows "current" used as a noun (a flow of water or electricity): a verb or the end of
its phrase; the adjective is followed by its noun ("the current government")."""


# Temporal adjectives: "current" -> PRESENT_REF, "then-current" -> PAST_REF
rule(
    "current",
    r"\b(?P<t>(?P<past>[Tt]hen[\s-]current)|(?P<present>[Cc]urrent))\b"
    r"(?![-’']|\s+(?:accounts?|affairs|assets|liabilities|flows?|density|rate|ratio)\b)",
)(ref)


# "over the weekend", "ahead of the weekend"
@rule(
    "weekend",
    r"(?:\b(?P<ahead>ahead\s+of|before|(?:going|heading)\s+into|until|till)\s+)?\b(?P<t>the\s+(?:holiday\s+|long\s+)?weekend)\b(?!\s+(?:of|before|after)\b)", re.IGNORECASE,
)
def weekend(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"(over) the weekend" ("the holiday weekend") -> ``YYYY-Www-WE`` (TIMEX3): the latest weekend that has begun
    by the DCT, or the coming one when the clause speaks of the future ("will ... this
    weekend", "ahead of the weekend", "going into the weekend", "until the weekend"); a possessive too ("the last of the weekend's four
    wild-card games", the extent without "'s", as "last year's"). Range Saturday to Monday;
    granularity none.

    TimeML (DCT 2017-12-27): ``Talks failed over <TIMEX3 type="DATE" value="2017-W51-WE">the
        weekend</TIMEX3>.``
    """
    # the verb's future too: "Whether the truce holds through the weekend will be the first real test"
    future = bool(m["ahead"]) or future_context(text, m.start("t")) or clause_tense(text, m.start("t"), m.end("t")) > 0
    sat = dct + dt.timedelta(days=5 - dct.weekday())  # Saturday of the DCT's ISO week
    if not future and sat > dct:
        sat -= dt.timedelta(weeks=1)
    if future and dct.weekday() == 6:
        sat += dt.timedelta(weeks=1)
    return hit_over_t(m, weekend_of(sat))
