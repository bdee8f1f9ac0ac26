"""Durations and sets: "two years", "the past three months", "for weeks", "for some time",
"over the years", "a two-week-old strike", "two and a half hours", "every Thursday", "daily".
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import ISO_PARTS, Timex, add_months, duration_value, iso_duration, shift, timex_at
from etl.dates.context import left_context, title_unit, word_after, word_before
from etl.dates.rules.shared import OR_SO, PART_OF
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, past_form
from etl.dates.vocabulary import (
    DAY,
    HEDGE,
    MONTH,
    MONTH_NUM,
    NUM,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    UNITS,
    UNIT_CS,
    WEEKDAY,
    WEEKDAY_BLOCKERS,
    WEEKDAY_NUM,
    alts,
    day_number,
    number,
    unit_key,
)


_L_COUNT = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE})\s+)?(?:\b(?P<pre>(?:the\s+)?(?:past|last|next|first|final|previous|coming"
    rf"|following|latest|same|remaining)|the)\s+)?\b(?P<num>{NUM})(?P<sep>[\s-])"
    r"(?:(?:more|additional|full|long|trading|business|working|calendar|consecutive|straight|successive|single)\s+)?$",
    re.IGNORECASE,
)


_ADVERB_FOLLOWERS = frozenset(
    """and or but in on at for from to since until till by with during through as than over
    under between before after because while when if so thereafter""".split()
)


_PAID_BY_THE_HOUR = re.compile(r"\s+(?:workers?|employees?|staff|wages?|pay|rates?|earnings|jobs?|positions?|personnel)\b")
"""Nouns after "hourly" that make it "paid by the hour" ("hourly workers", "hourly wages")."""
_COARSEST_FIRST = tuple(reversed(UNITS))
"""The units of :data:`~etl.dates.vocabulary.UNITS` (written finest first), coarsest first."""


# Sets: "every day", "each Thursday", "every two years", "daily", "on Fridays"
@rule(
    "set",
    rf"\b(?P<t>(?i:every|each)\s+(?:(?P<half>half[\s-](?:an\s+)?hour)|(?P<other>other\s+)?(?P<unit>hour|minute|day|week|fortnight|month|year|quarter|morning|afternoon|evening|night|weekend|weekday)(?!s)"
    rf"|(?:other\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<wpod>morning|afternoon|evening|night)\b)?|(?P<season>spring|summer|autumn|fall|winter)\b"
    rf"|(?P<mon>{MONTH})(?:\s*(?P<mday>{DAY}))?|(?P<num>{NUM})\s+(?P<units>{UNIT}))"
    rf"|(?P<freq>(?i:once|twice|thrice)|(?:{NUM}|\d{{1,3}})\s+(?:times|(?P<fpart>days|hours|minutes|weeks|months)))\s+(?:a|an|per|each|every)\s+(?P<funit>{UNIT})"
    rf"|(?P<adv>daily|weekly|fortnightly|monthly|annually|yearly|quarterly|hourly)|(?P<nightly>nightly)"
    rf"|(?P<wds>{WEEKDAY})s|(?P<wdp>{WEEKDAY})\s+(?P<ppod>(?i:mornings|afternoons|evenings|nights))"
    rf"|(?<=\bon\s)(?P<wes>weekends|weekdays)|(?<=\bopen\s)(?P<wes2>weekends|weekdays)|(?P<wes3>weekends|weekdays)(?=\s+only\b))\b(?!\s+of\b)",
)
def recurring_set(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Recurring times, TIMEX3 type SET (no range): "every day"/"daily" -> ``P1D`` (also
    as an adjective, "daily flights", as TimeBank annotates it; not the noun "a monthly" (a periodical), nor "quarterly dividend"
    nor before a name, "the weekly Akhbar", nor "the average daily volume" (a statistic,
    which TBAQ leaves unannotated, 2 of 2); nor "annually" as a rate after a figure,
    "to rise 20% annually", which TimeBank leaves unannotated),
    "every two years" -> ``P2Y``, "each Thursday"/"on Thursdays" -> ``XXXX-WXX-4``, "every
    Sunday afternoon" and "Sunday afternoons" -> ``XXXX-WXX-7TAF`` (a plural part of a weekday
    recurs, TIDES 2005 4.2), "on weekends", "open weekends only" -> ``XXXX-WXX-WE``, "a nightly
    curfew" -> ``XXXX-XX-XXTNI``, "on weekdays", "every weekday" -> ``XXXX-WXX-WD``, "each spring" -> ``XXXX-SP``, "fortnightly" -> ``P2W``, "every half
    hour" -> ``PT30M``,
    "each July" -> ``XXXX-07``, "every few hours" -> ``PTXH``; a quantified set, "twice a week", "three times a year",
    "once a month", "four days a week" -> ``P1W``, ``P1Y``, ``P1M``, ``P1W`` (TimeML 1.2.1 SETs: the value is the period,
    the count goes to ``freq``, which the value does not carry; the whole phrase is the extent).

    TimeML (DCT 2017-12-27): ``Flights leave <TIMEX3 type="SET" value="P1D">every day</TIMEX3> and
        <TIMEX3 type="SET" value="XXXX-WXX-4">each Thursday</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The council meets <TIMEX3 type="SET" value="P1W">twice a
        week</TIMEX3> and reports <TIMEX3 type="SET" value="P1Y">three times a year</TIMEX3>.``
    """
    if m["freq"]:
        if m["fpart"] and _COARSEST_FIRST.index(unit_key(m["fpart"])) <= _COARSEST_FIRST.index(unit_key(m["funit"])):
            return None  # "four days a week" counts a smaller unit; "two weeks a week" nothing
        if title_unit(m["funit"], m["t"]) or word_after(text, m.end("t")).lower() in ("ago", "earlier", "later", "before"):
            return None  # "once a year ago": "a year ago" is a date
        return hit_over_t(m, Timex("SET", duration_value(1, unit_key(m["funit"])), None))
    if m["half"]:  # "buses every half hour": every 30 minutes
        return hit_over_t(m, Timex("SET", "PT30M", None))
    if m["nightly"]:  # "a nightly curfew", "clashes broke out nightly": every night (TIDES 2005 4.2)
        if re.match(r"\s+[A-Z]", text[m.end("t") :]):
            return None  # "NBC Nightly News": a name
        return hit_over_t(m, Timex("SET", "XXXX-XX-XXTNI", None))
    if m["adv"]:
        if m["adv"] == "annually" and re.search(r"(?:\d|%|\bunits?|\bpercent)\s*$", text[max(0, m.start() - 20) : m.start()]):
            return None  # a rate after a figure ("rise 20% annually", "$17.9 million annually")
        if word_before(text, m.start("t")) == "average":
            return None  # "the average daily volume": a statistic per day, not a recurring time
        if word_before(text, m.start("t")) in ("a", "an") and re.match(r"\s*(?:[,.;:!?)\"”]|$)", text[m.end("t") :]):
            return None  # "it would become a monthly.": the noun, a periodical
        if m["adv"] == "hourly" and _PAID_BY_THE_HOUR.match(text, m.end("t")):
            return None  # "2,100 hourly workers", "hourly wages": paid by the hour, no recurring time
        nxt = word_after(text, m.end("t"))
        if m["adv"] != "annually" and nxt and re.match(r"\s*[A-Za-z]", text[m.end("t") :]) and nxt.lower() not in _ADVERB_FOLLOWERS:
            if m["adv"] == "quarterly" or not nxt[0].islower():
                return None  # "quarterly dividend" (a kind of payment), "the weekly Akhbar"
        unit = {"daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month", "annually": "year",
                "yearly": "year", "quarterly": "quarter", "hourly": "hour"}[m["adv"]]  # fmt: skip
        return hit_over_t(m, Timex("SET", duration_value(1, unit), None))
    if m["wes"] or m["wes2"] or m["wes3"]:  # "shops close on weekends", "open weekdays only": every weekend (weekday)
        return hit_over_t(m, Timex("SET", "XXXX-WXX-WE" if "weekends" in m["t"] else "XXXX-WXX-WD", None))
    if m["wds"] and word_before(text, m.start("t")) in WEEKDAY_BLOCKERS:
        return None  # "TGI Fridays": a name
    if m["wd"] or m["wds"] or m["wdp"]:
        wd = WEEKDAY_NUM[(m["wd"] or m["wds"] or m["wdp"]).lower()]
        part = m["wpod"] or (m["ppod"] and m["ppod"][:-1])
        pod = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""  # "every Sunday afternoon", "on Thursday evenings"
        return hit_over_t(m, Timex("SET", f"XXXX-WXX-{wd + 1}{pod}", None))
    if m["mon"]:  # "each July", "every Jan. 1" (XXXX-01-01)
        month = MONTH_NUM[m["mon"].rstrip(".").lower()]
        mday = day_number(m["mday"]) if m["mday"] else None
        return hit_over_t(m, Timex("SET", f"XXXX-{month:02d}" + (f"-{mday:02d}" if mday else ""), None))
    if m["season"]:  # "each spring": TIMEX3 SET XXXX-SP
        return hit_over_t(m, Timex("SET", f"XXXX-{SEASONS[m['season'].lower()]}", None))
    if m["unit"]:
        unit = m["unit"]
        if unit in PARTS_OF_DAY:
            return hit_over_t(m, Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None))
        if unit in ("weekend", "weekday"):  # "every weekday": XXXX-WXX-WD (TIDES 2005 4.2)
            return hit_over_t(m, Timex("SET", "XXXX-WXX-WE" if unit == "weekend" else "XXXX-WXX-WD", None))
        return hit_over_t(m, Timex("SET", duration_value(2 if m["other"] else 1, unit), None))  # "every other week": P2W
    n = number(m["num"])
    if n is None:
        if m["num"].lower() in ("few", "several"):  # "every few hours": a period of unknown length (TIDES 2005: X for a digit)
            return hit_over_t(m, Timex("SET", duration_value(None, unit_key(m["units"])), None))
        return None
    return hit_over_t(m, Timex("SET", duration_value(n, unit_key(m["units"])), None))


_QUANTITY_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?|\b(?:hundred|thousand|million|billion|trillion|dozen|hundreds|thousands|millions|billions))"
    r"(?P<noun>(?:\s+[A-Za-z][\w’'-]*){0,3})\s+$"
)
"""A figure and at most three words of its noun right before "a day" ("$8,000", "120,000 vehicles",
"more than 100,000 new infections", "10 Israeli hostages"): the amount a rate counts."""
_NOT_A_RATE_NOUN = frozenset(
    """in for within over during than about after before by at on of to from into each every
    and or but than nearly almost only just once times percent was were is are be been had has
    have take takes took taking spent spend lasted last lasts wait waited""".split()
)
"""Words that, met between the figure and "a day", make it no rate: a preposition or a verb
("rose 3 percent in a year", "spent $5 million over a year", "was jailed for 10 years a decade
ago"): "a year" there is a span or an anchor, :func:`duration`'s or another rule's; and "percent":
a growth rate ("averaged 3 percent a year", "20% a year") is no set of times, as TimeBank leaves
"to rise 20% annually" unannotated (:func:`recurring_set`)."""


# A rate: "$8,000 a year", "120,000 vehicles a day", "10 hostages per day"
@rule(
    "rate",
    r"(?<=\s)(?P<t>(?:a|an|per)\s+(?P<unit>day|week|month|year))\b(?!\s+(?:ago|earlier|later|before|after|ahead|behind|late|early|from|since|of|or)\b)(?![-’'])",
)
def rate(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A rate, "a day" (also "per day", "a week", "a month", "a year") right after an amount:
    "treatment costs about $8,000 a year", "the bridge carries 120,000 vehicles a day" -> TIMEX3
    SET ``P1Y``/``P1D`` (TimeML 1.2.1: a set of times, one in each period; TimeBank annotates
    "over fifty thousand CDs a year" and "a profit of about $33 million a year" as SET ``P1Y``).
    The amount is a figure or a number word ("million", "thousand") at most three words before,
    with no preposition or verb between (:data:`_NOT_A_RATE_NOUN`: "rose 3 percent in a year" is a
    span); not before "ago", "later", "after" ("$2 million a year ago" is a date), nor before "of".

    TimeML (DCT 2017-12-27): ``The bridge carries 120,000 vehicles <TIMEX3 type="SET"
        value="P1D">a day</TIMEX3>.``
    """
    q = _QUANTITY_BEFORE.search(text, max(0, m.start() - 60), m.start())
    if q is None or any(w.lower() in _NOT_A_RATE_NOUN for w in q["noun"].split()):
        return None
    return hit_over_t(m, Timex("SET", duration_value(1, m["unit"]), None))


_COUNT_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|\d{1,3})"
)


# The first count of a range of durations: "two" of "two to six days", "12-18 months"
@rule(
    "range_first_count",
    rf"(?<![\d,.$/-])\b(?P<t>(?P<n>{_COUNT_WORD}))\s?(?:\s(?:to|or)\s|[-–])\s?{_COUNT_WORD}\s+(?P<unit>{UNIT_CS})\b"
    r"(?!-old|\s+(?:old|older|younger|ago|later|earlier)\b)",
    re.IGNORECASE,
)
def range_first_count(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The first count of a range of durations, "two" of "two to six days" (also "or", a
    hyphen or en dash): a DURATION of its own in the unit written after the range, ``P2D``;
    the second count with the unit ("six days") is :func:`duration`'s. TimeML 1.2.1 tags
    each end of a range as a TIMEX3 (TimeBank: "between <TIMEX3 value="P2D">two</TIMEX3> to
    <TIMEX3 value="P6D">six days</TIMEX3>"), as HeidelTime's ``duration_r5`` does. Not a
    range of ages or of times before or after ("two to three years old", "two or three
    days later").

    TimeML (DCT 2017-12-27): ``Shipments resume within <TIMEX3 type="DURATION"
        value="P2W">two</TIMEX3> to <TIMEX3 type="DURATION" value="P3W">three weeks</TIMEX3>.``
    """
    n = number(m["n"])
    if n is None or n == 0:
        return None
    unit = unit_key(m["unit"])
    if title_unit(m["unit"], m.group()):
        return None
    return hit_over_t(m, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))


_BEFORE_A_VERB = frozenset("could would will may might can should must to did does do not never and or".split())
"""Words after which "last" is the verb ("could last three months", "is set to begin at 6 a.m.
and last 48 hours": a second verb after a coordinating conjunction), not "the last three months"."""
_ONE_UNIT_CUES = frozenset(
    """for in within than about over nearly almost only just after last lasts lasted lasting take
    takes took taking spend spends spent spending delayed postponed by wait waits waited waiting forward back""".split()
)
"""Words before "a day", "a year" that make it a duration ("for a day", "lasted a minute", "could
take a year", the size of a shift "postponed by one day", "clocks sprang forward one hour",
"pushed the match back a day"); elsewhere "a day" is as often a rate ("$5 a day") or a narrative "One day"."""
_UNIT_OF_NOUN = re.compile(r"\s+of\s+(?!the\b|this\b|that\b|its\b|his\b|her\b|their\b|our\b)[a-z]")
""""of" and a bare noun after "a minute", "a week": the unit's length of something ("a minute of
silence", "a week of talks"; not "a day of rest", a kind of day, nor "a week of the year")."""
_OVER_AS_MORE_THAN = frozenset(
    "for of in than just after took take takes lasted lasting last lasts spent waited wait waits waiting been is was be are were".split()
)
"""Words after which "over" before a count of units is "more than" ("for over two years", "took
over three hours"): elsewhere it is the preposition "during" ("jobs cut over 18 months")."""
_GIVEN_TIME = frozenset("has have had given gave give gives giving offered allowed granted him her them us".split())
"""Words before "a week to <verb>" that make it the time allowed to do something, a duration
("Syria has a week to submit a list", "offered him a week to withdraw": TBAQ ``P1W``), not
"a day to remember"."""


# Durations: "two years", "the past three months", "more than four hours", "five-year"
@rule(
    "duration",
    rf"\b(?P<unit>{UNIT_CS}|seconds|SECONDS)\b"
    r"(?!-old|[\s-]+olds?\b|\s+(?:ago|hence|from\s+now|of\s+age|and\s+a\s+half)\b)"
    r"(?!-(?:and|to|or)-|-(?:point|percentage|percent|inch|mile|pound|ounce)\b)",
)
def duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Whole, unambiguous durations -> TIMEX3 DURATION (ISO 8601 ``PnY``/``PnM``/``PnW``/
    ``PnD``/``PTnH``/``PTnM``; quarters ``PnQ``; decades and centuries in years).

    "two years" -> ``P2Y``, "the past three months" -> ``P3M``, "a five-year plan" ->
    ``P5Y``; vague counts ("several years", "a few days") -> ``PXY``/``PXD``; a vague count
    of the units just past ("the past few months", "the last several quarters") is the
    recent past, the DATE ``PAST_REF`` as "recent months" (:func:`vague_duration`; TBAQ's
    annotation, 2 of 2 on the tuning part, while "the next few years" stays ``PXY``). Not taken:
    fractions ("two and a half years", "2.5 years"), ages ("a 45-year-old"), anchored
    phrases ("two years later"), "a year" after a number or money ("$5m a year", a rate),
    and "a day"/"one day" without a preceding cue ("One day, he ..."; cues: "for", "in",
    "within", "over", "as long as", "lasted", "take"...: :data:`_ONE_UNIT_CUES`). Counts of finer
    units after it join it ("two hours and 20 minutes" -> ``PT2H20M``, :func:`~etl.dates.anchoring.iso_duration`).

    TimeML (DCT 2017-12-27): ``He served <TIMEX3 type="DURATION" value="P2Y">two years</TIMEX3> in a
        <TIMEX3 type="DURATION" value="P5Y">five-year</TIMEX3> term.``
    TimeML (DCT 2017-12-27): ``Rates have fallen in <TIMEX3 type="DATE" value="PAST_REF">the last
        few months</TIMEX3> and will rise over <TIMEX3 type="DURATION" value="PXY">the next few
        years</TIMEX3>.``
    """
    lm = left_context(_L_COUNT, text, m.start())
    if lm is None or re.search(r"\d[:.]$", text[max(0, lm.start("num") - 2) : lm.start("num")]):
        return None  # "10:15 hours GMT": a military clock time, not 15 hours
    raw = lm["num"]
    n = number(raw)
    unit = unit_key(m["unit"])
    pre = re.sub(r"\s+", " ", (lm["pre"] or "").lower())
    verb_last = pre == "last" and word_before(text, lm.start("pre")) in _BEFORE_A_VERB  # "could last several weeks"
    if (
        n is None
        and not verb_last
        and pre in ("the past", "the last", "past", "last", "the previous")
        and m["unit"].lower().endswith("s")
        and word_before(text, lm.start("pre")) != "for"
    ):
        # "(in) the past few months", "the last several quarters": the recent past, as "recent
        # months"; after "for", how long it lasted ("for the past few weeks": PXW, TBAQ 1 of 1)
        return Hit(lm.start("pre"), m.end(), Timex("DATE", "PAST_REF", None))
    if unit == "quarter" and (word_after(text, m.end()).lower() in ("of", "percentage", "point", "points", "percent") or n is None):
        return None  # "three quarters of the vote", "by a quarter percentage point": a fraction
    if m["unit"].lower().endswith("s") and n == 1 and not raw.isdigit():
        return None
    s, e = lm.start(), m.end()
    if verb_last or (raw.lower() in ("a", "an") and pre in ("last", "past", "next")):
        s, pre = lm.start("num"), ""  # "could last a day", "the trial could last three months": the verb
    approx = re.compile(rf"\s+{OR_SO}").match(text, e)
    if approx is not None:
        e = approx.end()  # "the next two years or so": TimeML mod APPROX, inside the extent
    later = re.match(r"\s+(?:later|after|earlier|before|ahead|left|remaining|to\s+go|behind\s+schedule|late)\b", text[e : e + 20])
    if (
        later and lm["hedge"] and raw.lower() in ("a", "an", "one") and later.group().split()[0] in ("later", "earlier")
        and unit in ("day", "week", "month", "year", "decade", "century")
    ):
        return None  # "less than a year later": the anchored "a year later" (unit_earlier), not a span
    if raw.lower() in ("a", "an", "one") and lm["sep"] != "-" and not (lm["hedge"] or pre or later):
        prev = word_before(text, s)
        allowed = prev in _GIVEN_TIME and re.match(r"\s+to\s+[a-z]", text[e : e + 6]) is not None
        # "ended a decade of Sandinista rule", "a minute of silence", "a week of talks": no rate, no
        # "One day, ..." (a cricket "century" is 100 runs)
        long_unit = unit == "decade" or (unit != "day" and raw.lower() in ("a", "an") and _UNIT_OF_NOUN.match(text, e) is not None)
        if prev not in _ONE_UNIT_CUES and not allowed and not long_unit:  # "Syria has a week to submit a list": time allowed
            if not (prev == "as" and re.search(r"\bas\s+(?:long|much|little|short)\s+as\s+$", text[max(0, s - 20) : s])):
                return None  # "as long as a month" is a duration
        if prev == "in" and raw.lower() == "one" and _FINER_AFTER.match(text, e) is None:
            return None  # "in one hour 43 minutes" is a race time; "in one day" alone is not
    if lm["hedge"] and pre.startswith("the") and lm["hedge"].lower() in ("over", "under", "about", "around"):
        s = lm.start("pre")  # "over the next few years": "over" is the preposition, not a hedge
    elif lm["hedge"] and lm["hedge"].lower() == "over" and not pre and raw.lower() not in ("a", "an"):
        if word_before(text, lm.start()) not in _OVER_AS_MORE_THAN:
            s = lm.start("num")  # "killed 14,000 people over eight years": "during", no hedge (TBAQ "used over three years")
    if pre and lm["sep"] == "-" and not pre.endswith(("past", "last", "next")):
        s = lm.start("num")  # "the two-year plan", "the first two-year recession": the determiner belongs to the noun
    if pre.startswith("the same") or pre == "same":
        return None
    if re.search(r"\bhalf\s+$", text[max(0, s - 5) : s], re.IGNORECASE):
        return None  # "half a century later": a half of the unit (odd_duration), not the unit
    parts, end = [(unit, n)], e
    while n is not None and unit in ISO_PARTS and (finer := _FINER_AFTER.match(text, end)) is not None:
        u2, n2 = unit_key(finer["u2"]), number(finer["n2"])
        if n2 is None or list(ISO_PARTS).index(u2) <= list(ISO_PARTS).index(parts[-1][0]):
            break
        if finer["bare"] is not None and not (u2 in ("minute", "second") and parts[-1][0] in ("hour", "minute")):
            break  # a race time joins without "and" ("in three hours 25 minutes"); "two days 10 hours" does not
        parts.append((u2, n2))
        end = finer.end()
    if len(parts) > 1:  # "two hours and 20 minutes", "one day, 18 hours, 40 minutes and 10 seconds"
        return Hit(s, end, Timex("DURATION", iso_duration(parts), UNITS[unit][1]))
    return Hit(s, e, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))


_FINER_AFTER = re.compile(
    rf"(?:,|\s+and|,\s+and|(?P<bare>))\s+(?P<n2>{NUM})\s+(?P<u2>months?|days?|hours?|minutes?|seconds?)\b(?![-’'])"
    r"(?!\s+(?:a|an|per|each|every|or)\b)",
    re.IGNORECASE,
)
"""A count of a finer unit after a duration, not a rate ("20 years, five days a week") nor one of
a list of choices ("one year, 68 days or even two months")."""


_YEARS_OF = re.compile(r"\b(?:years|decades|half|part|days)\s+of\s+$", re.IGNORECASE)
"""A part of a decade or century named before "of" ("the closing years of the last century")."""


# "the past year", "the last week": one unit back from the DCT, a DURATION
@rule(
    "past_unit",
    rf"\b(?P<t>the\s+(?:past|last|next|coming)\s+(?P<unit>week|fortnight|month|year|decade|century)(?:\s+{OR_SO})?)\b(?!\s+of\b|['’]s)", re.IGNORECASE,
)
def past_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the past year", "the last week", "the next month": the previous (next) calendar
    unit, as "last year" (TimeBank annotates "over the past year" in a 1998 story as
    ``1997``); decades and centuries stay DURATIONs (``P10Y``: "the past decade" is a
    span of ten years, not the 1980s), except after "the end (start, middle...) of", where
    only a calendar one has an end: "the end of the next decade" -> ``202``, the extent
    widened as :func:`~etl.dates.rules.extents.widen_to_part_of` does; and a century after "in" ("founded in the last
    century" -> ``19``: "in" places an event in a calendar century; "over the past century"
    stays ``P100Y``), or either after "into" or "early (late, mid) in" ("well into the next
    decade", "early in the next decade" -> ``202``, "into the next century", "not completed until the
    next decade"); also after a part of it named before "of" ("the closing years of the
    last century" -> ``19``, "the first half of the next decade" -> ``202``).

    TimeML (DCT 2017-12-27): ``Over <TIMEX3 type="DATE" value="2016">the past year</TIMEX3> it ruled
        by decree.``
    TimeML (DCT 2017-12-27): ``The fleet is replaced by <TIMEX3 type="DATE" value="202">the end of the
        next decade</TIMEX3>.``

    In a past clause "the next week (month, year)" is anaphoric, as "the following year" is
    (:func:`~etl.dates.rules.anaphors.anaphor`): shifted from the date told before it, else from the DCT.

    TimeML (DCT 2017-12-27): ``She joined in <TIMEX3 type="DATE" value="2003">2003</TIMEX3> and
        was promoted <TIMEX3 type="DATE" value="2004">the next year</TIMEX3>.``

    "the week (month, year) ahead" is "the coming week" (``unit_ahead``). After "within",
    "the next (coming) week" is a span from the DCT, DURATION ``P1W``.

    TimeML (DCT 2010-04-23): ``Investors await earnings in <TIMEX3 type="DATE" value="2010-W17">the
        week ahead</TIMEX3>.``
    """
    if title_unit(m["unit"], m["t"]):
        return None
    unit = m["unit"].lower()
    step = 1 if re.search(r"next|coming|ahead", m["t"], re.IGNORECASE) else -1
    if unit == "fortnight":  # no calendar unit: "over the past fortnight" is two weeks long
        return hit_over_t(m, Timex("DURATION", duration_value(1, unit), UNITS[unit][1]))
    if unit in ("decade", "century"):
        before = word_before(text, m.start("t"))
        # "not completed until the next decade": a limit is a point in a calendar decade, not a span
        limit = before in ("until", "till") and re.match(r"the\s+(?:next|coming)\b", m["t"], re.IGNORECASE) is not None
        in_century = limit or (unit == "century" and before == "in") or before == "into" or bool(
            re.search(r"\b(?:early|late|later|mid)\s+in\s+$", text[max(0, m.start("t") - 16) : m.start("t")], re.IGNORECASE)
        )
        part = _YEARS_OF.search(text, max(0, m.start() - 30), m.start())
        if in_century or part or PART_OF.search(text, max(0, m.start() - 30), m.start()):
            # "the end of the next decade": only a calendar decade has an end; "founded in
            # the last century": a time in a calendar century, not a hundred years
            return hit_over_t(m, timex_at(add_months(dct, step * (120 if unit == "decade" else 1200)), unit))
        return hit_over_t(m, Timex("DURATION", duration_value(1, unit), UNITS[unit][1]))
    if step > 0 and word_before(text, m.start("t")) == "within":
        # "a chance of a larger quake within the next week": a span from the DCT, as TBAQ's "within
        # the next two weeks" (DURATION P2W), not the calendar unit after it ("will be closed over the
        # next year or so" stays 1990 in TimeBank wsj_0189)
        return hit_over_t(m, Timex("DURATION", duration_value(1, unit), UNITS[unit][1]))
    deictic = timex_at(shift(dct, unit, step), unit)
    if unit == "week" and step < 0 and re.match(r"the\s+(?:past|last)\s+week$", m["t"], re.IGNORECASE):
        # "the past week" is the seven days up to the DCT: the ISO week that holds most of them, the
        # week of the day three before the DCT (TimeBank: "for the last week" on Friday 2000-04-14 is
        # ``2000-W15``, the DCT's own; on a Monday it is the week before)
        deictic = timex_at(dct - dt.timedelta(days=3), unit)
    if re.match(r"the\s+next\b", m["t"], re.IGNORECASE) and clause_tense(text, m.start("t"), m.end("t")) < 0:
        # "joined in 2003 and was promoted the next year": in a past clause "the next" is
        # "the following", anchored on the date told before it (TimeML 1.2.1 anchorTimeID)
        return hit_over_t(m, Anaphor(unit, 1, named=True, fallback=deictic))
    return hit_over_t(m, deictic)


rule("unit_ahead", r"\b(?P<t>the\s+(?P<unit>week|month|year)\s+ahead)\b(?!['’]s)", re.IGNORECASE)(past_unit)


# "for weeks", "within days", "in years"
@rule(
    "vague_duration",
    r"\bwithin\s+(?P<t4>(?P<unit4>minutes|hours|days|weeks|months)(?:\s+or\s+(?:minutes|hours|days|weeks|months|years))?)(?=\s+of\s)"
    r"|\b(?:(?:for|within|in|over|take|takes|took|taking|last|lasts|lasted|lasting|spent|spend|spends|spending|not)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades)"
    r"(?:\s+or\s+(?:minutes|hours|days|weeks|months|years|decades))?)|(?P<t2>(?:[Rr]ecent|(?:[Tt]he\s+)?[Cc]oming)\s+(?P<unit2>hours|days|weeks|months|quarters|years|decades)|[Tt]he\s+(?P<unit3>hours|days|weeks|months|years)\s+ahead"
    r"|[Aa]\s+matter\s+of\s+(?P<unit5>minutes|hours|days|weeks|months|years)))\b(?!\s+(?:of|to\s+come|ago|later|earlier|before|after|since|past)\b)(?![-’'])", re.IGNORECASE,
)
def vague_duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"for weeks", "within days", "within hours of the ceremony", "could last days or weeks" (one
    TIMEX3 of the first unit, as TBAQ's "within weeks or months": ``PXW``), "for the first time in years", "in (the) coming months",
    "the coming hours", "the weeks ahead", "a matter of hours", "years, not months" -> ``PXW``/``PXD``/``PXY``/``PTXH``
    (TIMEX3 guidelines: a duration of unspecified length). "(in) recent years/days/weeks/months" is the recent past, ``PAST_REF``, as
    "recently" (TimeBank annotates it so 5 times in 8).

    TimeML (DCT 2017-12-27): ``The siege lasted for <TIMEX3 type="DURATION"
        value="PXW">weeks</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Prices fell in <TIMEX3 type="DATE" value="PAST_REF">recent
        years</TIMEX3>.``
    """
    if m["t2"] and m["t2"][:1] in "Rr":
        return Hit(*m.span("t2"), Timex("DATE", "PAST_REF", None))
    unit = unit_key(m["unit"] or m["unit2"] or m["unit3"] or m["unit4"] or m["unit5"])
    tx = Timex("DURATION", duration_value(None, unit), UNITS[unit][1])
    return Hit(*m.span("t4" if m["t4"] else "t" if m["t"] else "t2"), tx)


# "wait another week", "another two days": a further span of that length
@rule(
    "another_unit",
    rf"\b(?P<t>[Aa]nother\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}))\b(?!\s+(?:ago|later|earlier|of)\b)(?![-’'])",
    needs=frozenset(["another"]),
)
def another_unit(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"another week" -> DURATION ``P1W``, "another two days" -> ``P2D``: a span added to one
    before it, the length of the span (TIMEX3 guidelines: "another" is a modifier inside the extent,
    as "the next"). A single day needs a verb of time given or spent at most three words before
    it ("wait another day", "giving lawmakers another day"; :data:`_ANOTHER_CUES`): not the idioms
    "a story for another day", "Tomorrow is another day"; the other units need none ("They keep
    telling us another hour", "maybe another year").

    TimeML (DCT 2017-12-27): ``Jurors must wait <TIMEX3 type="DURATION" value="P1W">another
        week</TIMEX3>.``
    """
    unit = unit_key(m["unit"])
    if m["num"] is None:
        before = re.findall(r"[a-z]+", text[max(0, m.start("t") - 40) : m.start("t")].lower())[-3:]
        cued = unit != "day" or any(w in _ANOTHER_CUES for w in before)
        if m["unit"].lower().endswith("s") or not cued or (before[-1:] == ["for"] and unit == "day"):
            return None
        n: int | None = 1
    else:
        n = number(m["num"])
        if not m["unit"].lower().endswith("s") and n != 1:
            return None
    return hit_over_t(m, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))


_ANOTHER_CUES = (_ONE_UNIT_CUES - {"for", "than", "after", "by", "forward", "back"}) | frozenset(
    "stay stays stayed remain remains remained give gives gave given giving extend extends extended need needs needed".split()
)
"""Verbs of time waited, spent or given within three words before "another week" ("wait another
week", "stayed another day", "giving lawmakers another week")."""


# "hours after learning", "only weeks after a bailout", "after months of talks": a vague span
@rule(
    "units_to_event",
    r"\b(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades))\s+"
    r"(?:(?:after|before)\s+(?!the\s+(?:first|second|start|end)\b)|behind\s+schedule\b|of\s+(?P<of>[a-z]+))",
    needs=frozenset(["after", "before", "behind", "of"]),
)
def units_to_event(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A bare plural unit that measures the gap to an event ("Sunday night, hours after learning of
    the deal", "exploded minutes after liftoff", "only weeks after a bailout", "fell weeks behind
    schedule"; not "minutes apart", which TBAQ leaves untagged, 2 of 2) or what filled a span
    ("After months of negotiations", "caps decades of rising euroskepticism") -> DURATION ``PTXH``, ``PTXM``, ``PXD``, ``PXW``, ``PXM``, ``PXY``: a duration
    of unspecified length (TIMEX3 guidelines), as TBAQ tags "days of swelling" (``PXD``) and the
    counted kind ("Three days later" is the DURATION ``P3D`` "Three days"). Not after a
    determiner, a quantifier, a number or an adjective of time ("the hours after the attack", "many
    years of war", "recent months of talks": a period of its own or another rule's phrase), nor
    "hours of the day", "years of age", "days of the week" (no span).

    TimeML (DCT 2023-04-20): ``The rocket exploded <TIMEX3 type="DURATION" value="PTXM">minutes</TIMEX3>
        after liftoff.``
    """
    lead_m = _LEAD_WORD.search(text, max(0, m.start() - 30), m.start())
    if lead_m is None:
        return None  # a digit, a hyphen or a symbol before it: a count ("three-and-a-half years", "2 years")
    lead = lead_m["lead"]
    if re.match(r"\s+or\s+(?:minutes|hours|days|weeks|months|years|decades)\b", text[m.end("unit") :]) or lead in ("or", "and"):
        return None  # "weeks or months of his capture": one vague span of two units (TBAQ), not two
    if lead and (lead.lower() in _NOT_BEFORE_A_VAGUE_SPAN or lead.isdigit() or (lead.endswith("ed") and not past_form(lead) and lead.islower())):
        return None
    if m["of"] and m["of"] in _NOT_A_SPAN_OF:
        return None  # "hours of the day", "15 years of age", "the long days of summer": no span of its own
    unit = unit_key(m["unit"])
    return hit_over_t(m, Timex("DURATION", duration_value(None, unit), UNITS[unit][1]))


_LEAD_WORD = re.compile(r"(?:^|[,;(—–]\s|\n|``\s|(?<![\w-])(?P<lead>[A-Za-z]+)\s+)$")
"""What may stand right before a bare plural unit of :func:`units_to_event`: a clause break or a word."""
_NOT_BEFORE_A_VAGUE_SPAN = frozenset(
    """the a an this that these those its his her their our your my some any no many few several all most more
    recent past last next coming early late first final previous following same other those of half quarter""".split()
)
"""Words before a bare plural unit that make it another phrase's (a determiner's period, a count,
"three-and-a-half years", "of" after a noun, "the past few"): :func:`units_to_event` leaves it."""
_NOT_A_SPAN_OF = frozenset(
    "the a an this that each every which whom it them him her time age summer winter spring autumn fall".split()
)
"""Words after "units of" that make no span ("hours of the day", "15 years of age", "days of
summer"): :func:`units_to_event` leaves the unit."""


# "for some time", "for a while", "for a fairly lengthy period"
@rule(
    "vague_period",
    r"(?<!\bonce\s)\b(?:for|in|within|after|over)\s+(?P<t>(?:quite\s+)?some\s+time(?!\s+(?:zones?|slots?|frames?|limits?|lines?|tables?)\b)"
    r"|a\s+(?:little\s+|good\s+|short\s+)?while"
    r"|an?\s+(?:(?:fairly|very|relatively|rather|much)\s+)?(?:long|longer|short|shorter|brief|lengthy|limited|extended"
    r"|considerable|indefinite|prolonged)\s+period(?:\s+of\s+time)?|a\s+period\s+of\s+time)\b"
    r"(?!\s+(?:ago|later|earlier|of(?!\s+time)|in\s+which|when)\b)(?![-’'])",
    re.IGNORECASE,
)
def vague_period(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A span of unspecified length and unit after a preposition of duration ("for", "in",
    "within", "after", "over"): "for some time", "for a while", "for a fairly lengthy period",
    "for an indefinite period" -> DURATION ``PXX`` (TimeML 1.2.1: a vague duration is a TIMEX3
    with ``X`` for what is unknown, here the unit too; TBAQ tags each such phrase, 3 of 3, with
    ``PXX`` twice). Not "a long time" (TBAQ leaves it, 1 of 1), not "once in a while" (a
    frequency), not before "ago", "later" or "of" ("a period of three years": the count is the
    duration), not "some time" before a noun ("in some time zones").

    TimeML (DCT 1990-08-15): ``Forces could be in the region for <TIMEX3 type="DURATION"
        value="PXX">some time</TIMEX3>.``
    """
    return hit_over_t(m, Timex("DURATION", "PXX", None))


_L_THE_UNITS = re.compile(r"\b(?:in|over|during|through|throughout|for|within)\s+$", re.IGNORECASE)


# "over the years", "in the early years", "in the days before the slaying"
@rule(
    "the_units",
    r"\b(?P<t>[Tt]he\s+(?:(?:early|late|intervening|ensuing|following)\s+)?(?P<unit>years|decades|months|weeks|days))\b"
    r"(?![-’']|\s+(?:of|ago|later|earlier|ahead|to\s+come)\b)",
)
def the_units(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A plural unit with "the" after "in", "over", "during", "for"...: a period of unspecified
    length (TimeML 1.2.1: vague durations are TIMEX3 DURATIONs with ``X``): "over the years",
    "in the years that followed", "in the early years" -> ``PXY``; "in the days before the
    slaying" -> ``PXD`` (TBAQ tags every such phrase of the tuning part, 8 of 8, though it
    values those anchored on an event in different ways).

    TimeML (DCT 2017-12-27): ``Prices have risen over <TIMEX3 type="DURATION" value="PXY">the
        years</TIMEX3>; a car was seen in <TIMEX3 type="DURATION" value="PXD">the days</TIMEX3>
        before the shooting.``
    """
    if left_context(_L_THE_UNITS, text, m.start()) is None:
        return None
    unit = unit_key(m["unit"])
    return hit_over_t(m, Timex("DURATION", duration_value(None, unit), UNITS[unit][1]))


_HALF_OF = {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
"""Half of one unit as an ISO 8601 duration ("half an hour" ``PT30M``, "half a century" ``P50Y``)."""
_HALF_COUNT = alts(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "an"])
_HALF_UNIT = r"years?|hours?|days?|minutes?"


# "a two-week-old strike", "the 8-month-old truce": how long a thing has lasted
@rule(
    "age_of_a_thing",
    rf"\b(?P<t>(?P<num>\d{{1,3}}|{NUM})-(?P<unit>hour|day|week|month)s?-old)\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
    needs=frozenset(["-old"]),
)
def age_of_a_thing(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"a two-week-old strike", "the 8-month-old truce", "a 10-day-old ceasefire" -> DURATION
    ``P2W``, ``P8M``, ``P10D``: how long an event or a state has lasted (TBAQ tags "8-month-old
    truce" ``P8M``). Not the age of a person or an animal ("his 6-month-old son", "a 10-day-old
    baby": TBAQ leaves ages untagged, 34 "N-year-old" of 34), nor counts in years (ages
    of people and institutions, "a 50-year-old alliance", untagged there too).

    TimeML (DCT 2007-06-13): ``Police broke up a <TIMEX3 type="DURATION" value="P2W">two-week-old</TIMEX3>
        strike.``
    """
    if m["noun"].lower() in _BEINGS:
        return None
    n = number(m["num"])
    if n is None:
        return None
    return hit_over_t(m, Timex("DURATION", duration_value(n, unit_key(m["unit"])), UNITS[unit_key(m["unit"])][1]))


_BEINGS = frozenset(
    """son sons daughter daughters baby babies boy boys girl girls infant infants child children twins
    grandson granddaughter niece nephew brother sister newborn toddler puppy puppies kitten calf cub
    foal lamb chick chicks panda elephant""".split()
)
"""Nouns after "N-month-old" that make it an age ("his 6-month-old son"), not a duration."""


_HEDGE_OF_HALF = re.compile(rf"\b{HEDGE}\s+$", re.IGNORECASE)
_THE_LAST_BEFORE = re.compile(r"\b[Tt]he\s+(?:past|last|next|coming|first)\s+$")
""""the past" before a half or a quarter of a unit: part of its extent (TimeML 1.2.1, as "the
past three years")."""


# "decades-long", "a day-long meeting", "2 1/2 years", "two and a half hours", "an hour and a half"
@rule(
    "odd_duration",
    r"\b(?P<t>(?P<lu>day|week|month|year|decade|centur(?:y|ie))(?P<pl>s?)-?long"
    rf"|(?P<n>\d{{1,3}}|{_HALF_COUNT})(?:\s+1/2|\s*½|\s+and\s+a\s+half)\s+(?P<hu>{_HALF_UNIT})"
    rf"|(?P<n2>\d{{1,3}}|{_HALF_COUNT})\s+(?P<hu2>{_HALF_UNIT})\s+and\s+a\s+half"
    r"|(?P<art>an?\s+)?half(?:\s+an?\s+|[\s-])(?P<hu3>hour|minute|day|year|decade|century)(?![\w-]|\s+ago\b)"
    r"|(?:a\s+|(?<=past\s)|(?<=last\s))quarter[\s-](?P<qc>century)(?![\w-]|\s+(?:ago|later|earlier)\b))\b",
    re.IGNORECASE,
    needs=frozenset(["long", "1/2", "½", "half", "quarter"]),  # the parse tree offers the units, in most paragraphs
)
def odd_duration(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Durations the count rule leaves alone (TIMEX3 DURATION, ISO 8601 values):
    "decades-long" -> ``PXY``, "day-long" and "weeklong" (one word, as AP style writes it) -> ``P1D``, ``P1W``; halves, the half written before or
    after the unit: "2 1/2 years" -> ``P2Y6M``, "five and a half hours" -> ``PT5H30M``, "a
    day and a half" -> ``P1DT12H``, "a minute and a half" -> ``PT1M30S``; half of one unit,
    "half an hour"/"a half-hour" -> ``PT30M``, "half a century" -> ``P50Y``, "half a year" ->
    ``P6M``, "a quarter century" -> ``P25Y`` (not "its quarter-century low", which TBAQ
    leaves untagged; not "half-year results", the business half; not "half an hour ago", an
    anchored time, while "half an hour later" is the duration before "later", as TBAQ's "a minute
    and a half later"; "a half-century" only after "for", "in", "past"...: cricket's "hit a
    half-century" is 50 runs) (the whole phrase is one TIMEX3, TimeML 1.2.1; half a month or week has
    no exact ISO 8601 value and is left out).

    TimeML (DCT 2017-12-27): ``The flight took about <TIMEX3 type="DURATION" value="PT5H30M">5 1/2
        hours</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``The vote took <TIMEX3 type="DURATION" value="PT1H30M">an hour and a
        half</TIMEX3>.``
    """
    if m["lu"]:
        unit = unit_key(m["lu"] + ("s" if m["pl"] else ""))
        n = None if m["pl"] else 1
        return hit_over_t(m, Timex("DURATION", duration_value(n, unit), UNITS[unit][1]))
    if m["qc"]:  # "a quarter century": 25 years; "the past quarter century"
        last = _THE_LAST_BEFORE.search(text, max(0, m.start("t") - 20), m.start("t"))
        return Hit(last.start() if last else m.start("t"), m.end("t"), Timex("DURATION", "P25Y", "century"))
    if m["hu3"]:  # "half an hour", "a half-century": half of one unit
        unit = m["hu3"].lower()
        if unit == "year" and "-" in m["t"]:
            return None  # "half-year results": the business half, a period (the_half), not six months
        if not re.search(r"half\s+an?\s", m["t"], re.IGNORECASE):  # "a half-hour", "half-century"
            prev = word_before(text, m.start("t"))
            if prev == "the" or (unit == "century" and prev not in _ONE_UNIT_CUES and prev != "past"):
                return None  # "on the half hour" (a match's 30th minute); "hit a half-century" (cricket's 50 runs)
        start = m.start("t")
        if (last := _THE_LAST_BEFORE.search(text, max(0, start - 20), start)) is not None:
            start = last.start()  # "the past half century": the whole phrase, as "the past three years"
        elif (hedge := _HEDGE_OF_HALF.search(text, max(0, start - 24), start)) is not None:
            start = hedge.start()  # "nearly half a century": the hedge inside the extent, as "nearly 30 years"
        elif m["art"] and "-" in m["t"] and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
            if word_after(text, m.end()).lower() not in _ADVERB_FOLLOWERS:
                start = m.end("art")  # "a half-hour lunch break": the adjective, the article is the noun's
        return Hit(start, m.end("t"), Timex("DURATION", _HALF_OF[unit], UNITS[unit_key(unit)][1]))
    n = number(m["n"] or m["n2"])
    if n is None:
        return None
    unit = unit_key(m["hu"] or m["hu2"])
    value = {"year": f"P{n}Y6M", "day": f"P{n}DT12H", "hour": f"PT{n}H30M", "minute": f"PT{n}M30S"}[unit]
    return hit_over_t(m, Timex("DURATION", value, UNITS[unit][1]))
