"""Anaphors and reporting periods, resolved by the tagger against the mentions before them:
"that day", "the same year", "a year earlier", "the following month", "that weekend", "the
previous decade", "the year-ago quarter", "for the week", "the deal of the decade", "the end of
the decade".
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor, Period, comparison, weekend_near
from etl.dates.anchoring import Timex, duration_value, shift, timex_at
from etl.dates.rules.shared import OR_SO
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, future_context
from etl.dates.vocabulary import ORDINALS, PARTS_OF_DAY, UNITS


# Reporting periods: "the year-ago quarter", "the same period last year", "the 1988
# quarter", "the latest period", "year-earlier" (business news, see Period)
@rule(
    "period_back",
    r"\b(?P<t>(?:the\s+)?(?:(?:same|corresponding|comparable|year-ago|year-earlier|prior-year)\s+){0,2}"
    r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)"
    r"(?:\s+(?P<back>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year))?"
    r"|last\s+year['’]s\s+(?:(?P<q2>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<back2>quarter|period)"
    r"|the\s+(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)"
    r"|the\s+(?P<latest>latest|most\s+recent)\s+(?:three-month\s+)?period"
    r"|(?P<adj>year-(?:earlier|ago)))\b(?!-|['’]s)", re.IGNORECASE,
)
def period_back(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The reporting period a year back, or with a year (business news; :class:`Period`).

    "the year-ago quarter", "the year-earlier third quarter", "the comparable year-ago
    period", "the same period last year", "the quarter a year ago", "last year's
    quarter" -> the latest quarter mentioned (the ordinal as written), a year earlier;
    "the 1988 quarter"/"the 1988 period" -> that quarter in 1988 (without a quarter
    mentioned before, 1988). "year-earlier"/"year-ago" alone ("the year-earlier $4.5
    million") -> that quarter a year back, else the DCT's year minus one. "the latest
    period" -> the reporting quarter (else the latest one closed before the DCT).

    TimeML (DCT 2017-12-27): ``<TIMEX3 type="DATE" value="2017-Q3">Third-quarter</TIMEX3> profit
        rose. In <TIMEX3 type="DATE" value="2016-Q3">the year-ago quarter</TIMEX3>, the firm lost
        money.``
    """
    q = ORDINALS.get((m["q"] or m["q2"] or "").lower())
    if m["y"]:
        y = int(m["y"])
        return hit_over_t(m, Period(year=y, quarter=q, fallback=timex_at(dt.date(y, 1, 1), "year")))
    if m["latest"]:
        return hit_over_t(m, Period())
    if m["adj"]:
        return hit_over_t(m, Period(years_back=1, fallback=timex_at(shift(dct, "year", -1), "year")))
    back = bool(m["back"] or m["back2"]) or bool(re.search(r"year-|prior-year", m["t"], re.IGNORECASE))
    if not back:
        return None
    return hit_over_t(m, Period(years_back=1, quarter=q))


# Same-reference anaphors: "that day", "the same year", "the quarter", "the latest quarter"
@rule(
    "same_anaphor",
    r"\b(?P<t>(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)"
    r"|the\s+(?:latest\s+|same\s+|fiscal\s+)?(?P<q>quarter))\b"
    r"(?![-’']\w\w|\s+(?:of|before|after|when|that|in\s+which|last|a|one|next|this|earlier|later)\b)", re.IGNORECASE,
)
def same_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that day", "that same day", "the same year" -> the latest calendar mention before it, at
    that unit (TimeML 1.2.1 ``anchorTimeID``; "later that year", "Earlier that day" in the
    extent, as TBAQ tags them); "the same" day or week within a coarser mention
    keeps ``X`` for what is unknown ("last October ... that same day" -> ``1998-10-XX``,
    :func:`~etl.dates.anaphora.unknown_within`), while a plain "that day" there is mostly a
    generic one ("trades made that day") and is dropped, as when no date precedes. "the (latest) quarter",
    "that quarter" -> the reporting period (:class:`Period`): the latest quarter
    mentioned, else the latest quarter closed before the DCT. "that morning" (afternoon,
    evening, night) is that part of the day mentioned before it, a TIME, as "the next morning"
    is (:func:`anaphor`).

    TimeML (DCT 2017-12-27): ``Police arrived on <TIMEX3 type="DATE" value="2017-12-20">Dec.
        20</TIMEX3>; <TIMEX3 type="DATE" value="2017-12-20">that day</TIMEX3>, a crowd gathered.``
    TimeML (DCT 2017-12-27): ``He was shot <TIMEX3 type="DATE" value="2017-10">last October</TIMEX3>;
        his name was crossed out <TIMEX3 type="DATE" value="2017-10-XX">that same day</TIMEX3>.``
    """
    unit = (m["unit"] or m["q"]).lower()
    if unit == "quarter":
        return hit_over_t(m, Period())
    if unit in PARTS_OF_DAY:  # "that morning": the day before it, at that part of the day
        return hit_over_t(m, Anaphor("day", 0, same=True, exact=True, tod=PARTS_OF_DAY[unit]))
    same = re.search(r"same", m["t"], re.IGNORECASE) is not None
    return hit_over_t(m, Anaphor(unit, 0, same=True, within=same))


_GENERIC_OF = re.compile(r"\b(?:days?|nights?|times?|hours?|mornings?|evenings?)\s+of\s+$", re.IGNORECASE)
"""A day or time "of" before "the week": a generic week ("the busiest day of the week")."""


# "For the week, the index fell": the week of the latest date mentioned, else the DCT's
@rule(
    "the_week",
    r"\b(?P<t>[Tt]he\s+week)\b(?![-’']\w\w|\s+(?:of|before|after|earlier|later|ahead|ended|ending|to|through|in\s+which)\b)",
)
def the_week(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the week" (not "weeks", nor "the week of ...", "the week before", "the week ahead",
    "the week ended ...", which other rules read) -> the ISO week of the latest date mentioned
    before it when that date lies in the 7 days up to the DCT (the week the story reports:
    "on Friday. For the week, ..."), else the DCT's week, as for "the rest of the week"
    (TimeML 1.2.1: a definite unit is an anaphoric DATE; TBAQ's
    tuning part tags it 5 times in 5, "For the week, the index dropped 3.8%"). Not after a
    day or a time "of" ("the busiest day of the week", "any time of the week": generic).

    TimeML (DCT 2017-12-27): ``Stocks fell on <TIMEX3 type="DATE" value="2017-12-22">Friday</TIMEX3>;
        for <TIMEX3 type="DATE" value="2017-W51">the week</TIMEX3>, the index lost 2%.``
    """
    if _GENERIC_OF.search(text, max(0, m.start() - 20), m.start()):
        return None
    week = timex_at(dct, "week")
    if re.search(r"\brest\s+of\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
        return hit_over_t(m, week)  # "for the rest of the week": the DCT's
    return hit_over_t(m, Anaphor("week", 0, same=True, fallback=week, recent=True))


# "a year earlier", "one week later": anaphoric (the reporting period a year back
# in a comparison of figures; else the latest mention shifted; else a DURATION)
@rule(
    "unit_earlier",
    rf"\b(?<![Hh]alf\s)(?P<t>(?:a|one)\s+(?P<unit3>year|month|fortnight|week|day|decade|century)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later))\b(?!\s+than\b)",
    re.IGNORECASE,
)
def anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Anaphoric "the previous day", "the day after", "a year earlier", "the following week":
    shifted from the latest calendar mention before it, or from the DCT when there is none
    (TimeML 1.2.1 ``anchorTimeID``; HeidelTime's reference-time rule).

    "the following year", "the previous month", "the week before" name a calendar unit:
    the value is that unit of the shifted anchor ("On May 22, 1995, ... the following
    year" -> ``1996``, TimeML 1.2.1: the value has the granularity the phrase names),
    while "a year earlier" shifts the anchor at its own granularity ("the third quarter
    ... a year earlier" -> the third quarter of the year before, as TimeBank has it).

    TimeML (DCT 2017-12-27): ``He moved to Paris in <TIMEX3 type="DATE" value="2015">2015</TIMEX3>
        and to Rome <TIMEX3 type="DATE" value="2014">a year earlier</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Police arrived on <TIMEX3 type="DATE"
        value="2017-12-25">Monday</TIMEX3> and left <TIMEX3 type="DATE" value="2017-12-26">the next
        day</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``On <TIMEX3 type="DATE" value="2015-05-22">May 22, 2015</TIMEX3>, he
        was promoted, and <TIMEX3 type="DATE" value="2016">the following year</TIMEX3> he moved.``
    TimeML (DCT 2017-12-27): ``Sales fell in <TIMEX3 type="DATE" value="2017-03">March 2017</TIMEX3>
        after a rise <TIMEX3 type="DATE" value="2017-02">the month before</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The ban took effect in <TIMEX3 type="DATE" value="2017-03">March
        2017</TIMEX3>; sales had jumped <TIMEX3 type="DATE" value="2017-02">the month before</TIMEX3> it.``

    "the next morning" (evening, night) is that part of the next day, a TIME, as a weekday's
    part of the day is (:func:`~etl.dates.rules.weekdays.weekday`).

    TimeML (DCT 2017-12-27): ``He was arrested on <TIMEX3 type="DATE" value="2017-12-20">Dec.
        20</TIMEX3> and appeared in court <TIMEX3 type="TIME" value="2017-12-21TMO">the next
        morning</TIMEX3>.``
    """
    g = m.groupdict()
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3")).lower()
    tod = PARTS_OF_DAY.get(unit)
    if tod:
        unit = "day"  # "the next morning": the next day, at that part of the day
    direction = (g.get("dir") or g.get("dir2") or g.get("dir3")).lower()
    sign = 1 if direction in ("next", "following", "after", "later") else -1
    as_duration = Timex("DURATION", duration_value(1, unit), UNITS[unit][1]) if g.get("unit3") else None
    step, named = 1, not g.get("unit3")
    if unit in ("decade", "century"):  # "a decade later": ten years on, a year (not a day) of it
        unit, step, named = "year", (10 if unit == "decade" else 100), True
    elif unit == "fortnight":  # "a fortnight later": two weeks on, as "two weeks later" is
        unit, step = "week", 2
    if g.get("unit3") and unit == "year" and step == 1 and sign < 0 and comparison(text, m.start("t"), need_cue=False):
        # "compared with C$307.2 a year earlier": the reporting period a year back
        return hit_over_t(m, Period(years_back=1, fallback=Anaphor(unit, sign, fallback=as_duration)))
    return hit_over_t(m, Anaphor(unit, sign * step, fallback=as_duration, named=named, tod=tod))


# "that weekend", "the weekend before", "the following weekend": a weekend of the date told before
@rule(
    "weekend_anaphor",
    r"\b(?P<t>(?P<that>that\s+(?:same\s+)?weekend)|the\s+(?P<dir>previous|preceding|prior|following)\s+weekend"
    r"|the\s+weekend\s+(?P<dir2>before|after)(?=\s*[,.;:!?)\"”]|\s+(?:and|but|when|while|as)\b))\b(?![-’'])",
    re.IGNORECASE,
)
def weekend_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that weekend", "the weekend before", "the previous/following weekend" -> a weekend
    anchored on the date told before it (TimeML 1.2.1 ``anchorTimeID``): of that date's week,
    the last one over before it, the first one after it
    (:func:`~etl.dates.anaphora.weekend_near`); "that weekend" with no date before it is dropped,
    the others fall back to the DCT ("the previous weekend" is then last weekend). "the weekend
    before (after)" only where its phrase ends: not "the weekend before last", "the weekend
    before his visit", "resigned at the weekend after losing a confidence vote" (an event's).

    TimeML (DCT 2006-02-09): ``The bodies were found on <TIMEX3 type="DATE"
        value="2004-01-13">Jan. 13, 2004</TIMEX3>; neighbours heard shots <TIMEX3 type="DATE"
        value="2004-W02-WE">the weekend before</TIMEX3>.``
    """
    if m["that"]:
        return hit_over_t(m, Anaphor("day", 0, same=True, weekend=True))
    sign = -1 if (m["dir"] or m["dir2"]).lower() in ("previous", "preceding", "prior", "before") else 1
    return hit_over_t(m, Anaphor("day", sign, weekend=True, fallback=weekend_near(dct, sign)))


# "the following month", "the previous week": anaphoric, whatever spaCy says
rule(
    "following_unit",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|prior|following)\s+(?P<unit>week|month|year))\b(?![-’']|\s+of\b)",
    re.IGNORECASE,
)(anaphor)


# "the previous decade", "the following century": anaphoric calendar decades and centuries
@rule(
    "decade_anaphor",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|following|ensuing)\s+(?P<unit>decade|century))\b(?![-’'])", re.IGNORECASE,
)
def decade_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous decade", "the following decade", "the preceding century": the calendar
    decade (century) before or after the date mentioned before it, else the DCT's (TimeML
    1.2.1 ``anchorTimeID``, as :func:`anaphor` reads "the following year"): after "the
    1990s", "the following decade" is ``200``; in a story of 2011 with no date before it,
    "the previous decade" is ``200``.

    TimeML (DCT 2011-04-04): ``Growth averaged 3 percent a year in <TIMEX3 type="DATE"
        value="200">the previous decade</TIMEX3>.``
    """
    sign = 1 if m["dir"].lower() in ("following", "ensuing") else -1
    return hit_over_t(m, Anaphor(m["unit"].lower(), sign, named=True))


# "the deal of the decade", "the last Cannes of the century": the DCT's decade or century
@rule(
    "of_the_period",
    r"\bof\s+(?P<t>the\s+(?P<unit>decade|century))(?=\s*(?:[.,;:!?)\"”]|$)|\s+(?:and|but|or|as|when|with|for|so|that|is|was)\b)"
    r"|\b(?:before|until|till|by\s+the\s+time)\s+(?P<t2>the\s+(?P<unit2>decade|century))(?=\s+(?:is|was)\s+(?:out|over|through)\b|\s+ends\b)",
    needs=frozenset(["decade", "century"]),
)
def of_the_period(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"of the decade", "of the century" after a superlative or a noun ("the most lucrative
    engagements of the decade", "the trial of the century") -> the DCT's decade or century,
    TIMEX3 DATE ``199``, ``19``, as "this decade" (TimeML 1.2.1: a definite "the decade" refers
    to the period of the speech time, TIMEX3 guidelines 2.2.1, "the year"). Only where the phrase
    ends (a punctuation mark or a conjunction after it): not "the decade before", "the decade in
    which" (another), "the century's end", nor "of the century bond" (a noun's modifier), nor a
    title ("the 'Trial of the Century'").

    TimeML (DCT 1993-11-04): ``It was the biggest deal of <TIMEX3 type="DATE" value="199">the
        decade</TIMEX3>.``

    So is the period of "before the decade is out" ("until the century is over", "by the time the
    decade ends"; the phrase as the issue of a deadline, JFK's "before this decade is out").

    TimeML (DCT 1996-09-10): ``NASA hopes to land a rover on Mars before <TIMEX3 type="DATE"
        value="199">the decade</TIMEX3> is out.``
    """
    if m["t2"]:
        return Hit(*m.span("t2"), timex_at(dct, m["unit2"].lower()))
    return hit_over_t(m, timex_at(dct, m["unit"].lower()))


_DAY_LIMIT_BEFORE = re.compile(r"\b(?:by|before|until|till|through)\s+$", re.IGNORECASE)
"""A limit before "the end of the day" ("should be known by the end of the day"): that day's end, not the
idiom "at the end of the day"."""
_L_PART = re.compile(r"\b[Tt]he\s+(?:end|start|beginning|middle|close|(?:first|second|latter)\s+half)\s+$")


# "the decade's end", "by century's end"
@rule(
    "unit_s_end",
    r"\b(?P<t>(?:[Tt]he\s+)?(?P<unit>decade|century|month|week)['’]s\s+(?:end|close|start|beginning|middle))\b",
)
def unit_s_end(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"(by) decade's end", "the century's end", "the month's end": the DCT's decade or
    century, the month or week last mentioned else the DCT's, as "the end of the decade" is
    (:func:`part_of_unit`; the part would be ``mod="END"``, which the value does not carry).

    TimeML (DCT 2011-01-15): ``China aims to land a probe on Mars by <TIMEX3 type="DATE"
        value="201">decade's end</TIMEX3>.``
    """
    return hit_over_t(m, unit_of_the_story(m["unit"], dct))


def unit_of_the_story(unit: str, dct: dt.date) -> Timex | Anaphor:
    """The decade or century last mentioned as such ("in the early 1970s and again at the end of the
    decade": the 1970s), else the DCT's; the month or week last mentioned, else the DCT's: what "the
    end of the decade" and "the month's end" name (``unit`` one of decade, century, month, week, day). A
    decade is taken only from a decade told before it, not from a year in it ("since 1985 ... by the
    end of the decade" is the DCT's)."""
    if unit in ("decade", "century"):
        return Anaphor(unit, 0, same=True, exact=True, fallback=timex_at(dct, unit))
    return Anaphor(unit, 0, same=True, fallback=timex_at(dct, unit))


# "the end of the decade", "the beginning of the month" (the pattern starts at "of the", a
# literal found fast; "the end" is read before it)
@rule(
    "part_of_unit",
    r"of\s+the\s+(?P<unit>decade|century|month|week|quarter|day)\b(?!['’-])",
)
def part_of_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the end (start, beginning, middle, close, first/second half) of the decade/century" -> the
    decade or century told before it, else the DCT's; "... of the month/week" -> the month or week last mentioned, else the DCT's;
    "by (before, until) the end of the day" -> the day last mentioned, else the DCT (not the idiom "at the end of the day");
    "... of the quarter" -> the reporting quarter (:class:`~etl.dates.anaphora.Period`), or in a
    future clause the DCT's ("must raise capital by the end of the quarter"); the end of a decade
    or century in a past clause of its first year is the one just ended (:func:`_just_ended`). The
    TIMEX3 spans the phrase; its value is the unit (the part would be ``mod="END"``...,
    which the value does not carry), as TimeBank annotates "the end of 1990" -> ``1990``.

    TimeML (DCT 2017-12-27): ``Prices will rise by <TIMEX3 type="DATE" value="201">the end of the
        decade</TIMEX3>.``
    """
    lm = _L_PART.search(text, max(0, m.start() - 20), m.start())
    if lm is None:
        return None
    if m["unit"] == "day" and not (_DAY_LIMIT_BEFORE.search(text, max(0, lm.start() - 8), lm.start()) and "end" in lm.group().lower()):
        return None  # "at the end of the day, voters want jobs": the idiom (ultimately), no day
    if m["unit"] == "quarter":
        # "must raise capital by the end of the quarter": in a future clause the DCT's quarter; in
        # business copy the reporting one
        tx = timex_at(dct, "quarter") if future_context(text, lm.start()) else Period()
    elif m["unit"] in ("decade", "century") and _just_ended(m["unit"], lm.group(), text, lm.start(), m.end(), dct):
        # "grew tenfold by the end of the decade" in January 2010: the 2000s, just ended
        size = 10 if m["unit"] == "decade" else 100
        tx = unit_of_the_story(m["unit"], dct.replace(year=dct.year - size, month=1, day=1))
    else:
        tx = unit_of_the_story(m["unit"], dct)
    return Hit(lm.start(), m.end(), tx)


def _just_ended(unit: str, part: str, text: str, start: int, end: int, dct: dt.date) -> bool:
    """True when "the end (close, second half) of the decade/century" in a past clause names the one
    just ended: the DCT lies in the first year of its decade (the first two of its century), whose end
    is still ahead, as "For the full year" in January names the year before (:func:`~etl.dates.rules.years.the_year`)."""
    if not re.search(r"\b(?:end|close|second\s+half|latter\s+half)\b", part, re.IGNORECASE):
        return False
    first_years = dct.year % 10 == 0 if unit == "decade" else dct.year % 100 <= 1
    if not first_years or clause_tense(text, start, end) >= 0:
        return False
    # no modal or forecast in the sentence ("By the end of the decade, half of all new cars sold could be
    # electric": a participle is no past clause)
    sentence = text[max(0, text.rfind(".", 0, start) + 1) : (text.find(".", end) + 1 or len(text))]
    return _AHEAD_IN_SENTENCE.search(sentence) is None


_AHEAD_IN_SENTENCE = re.compile(r"\b(?:will|would|could|may|might|should|must|expect\w*|forecasts?|projected|likely)\b", re.IGNORECASE)


# Anaphoric days: "the next (following, previous) day (morning...)" anywhere ("and the following
# day Canada approved it"); "the day (week, month, year, morning, evening, night) before/after" and "a day later" only
# where the phrase ends a clause ("the day before the vote" is anchored on the vote, "the month
# after," on the date before it). "a year earlier" and the like (mostly a reporting period in
# business news) only inside spaCy spans.
rule(
    "day_anaphor",
    r"\b(?P<t>(?:the\s+(?P<dir>previous|preceding|prior|next|following)\s+(?P<unit>day|morning|afternoon|evening|night)\b(?!-)"
    r"|(?:the\s+(?P<unit2>day|week|month|year|morning|evening|night)\s+(?P<dir2>before|after)"
    rf"|(?:a|one)\s+(?P<unit3>day)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later))\b"
    r"(?=\s*[,.;:!?)\u201d\"]|\s*$|\s+(?:and|but|when|as|while)\b)))", re.IGNORECASE,
)(anaphor)


rule(
    "relaxed_anaphor",
    r"\b(?P<t>the\s+(?P<dir>previous|preceding|prior|next|following)\s+(?P<unit>day|week|month|year)"
    r"|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)"
    rf"|(?:a|one)\s+(?P<unit3>day|week|month|year)(?:\s+{OR_SO})?\s+(?P<dir3>earlier|later|before))\b", re.IGNORECASE,
    relaxed=True,
)(anaphor)
