"""Clock times and parts of the day: "10 p.m. Wednesday", "3:20 this afternoon", "at 10:35
a.m." (on the day last mentioned), "today", "last night", "overnight", "mid-afternoon".
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import ONE_DAY, Timex, timex_at, weekday_on_day_of_month
from etl.dates.context import name_word_before, word_after, word_before
from etl.dates.rules.shared import (
    DAY_OF_MONTH_AFTER,
    bare_weekday,
    day_hit_at,
    month_day_of,
    ordinal_is_the_day,
    relative_weekday,
)
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, deadline, past_form, speaks_of_future
from etl.dates.vocabulary import (
    CLOCK,
    DAY,
    MONTH,
    PARTS_OF_DAY,
    TZ,
    TZ_NAME,
    WEEKDAY,
    WEEKDAY_NUM,
    YEAR4,
    clock,
    clock_hour,
    day_number,
)


_RESTATED = re.compile(
    rf"(?:[ap]\.?\s?m\.?|noon|midnight|midday|\d|{TZ_NAME}|{WEEKDAY}|today|yesterday|tomorrow)\s*\(\s*$", re.IGNORECASE
)
"""A clock time (or its zone or day) and an opening bracket: what follows restates that time in another zone."""
_DAY_BEFORE_BRACKET = re.compile(
    rf"(?:{CLOCK}{TZ},?\s+(?:on\s+)?)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)\s*\(\s*$", re.IGNORECASE
)
"""The day of a clock time written before the bracket that restates it ("9 p.m. Sunday ("),
with that clock time when there is one (its start is where the clause dates it)."""

_CLOCK_DAY_WORDS = r"today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
"""Words that name the day of a clock time written before them ("11.30pm last night")."""
_CLOCK_DAY_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1}
"""Days from the DCT of :data:`_CLOCK_DAY_WORDS` ("this morning" and the like: 0)."""

_DAY_AFTER_RESTATED = re.compile(
    rf"\s*\([^()\n]{{1,40}}\)\s*,?\s*(?:on\s+)?(?:(?P<day>(?:(?i:last|next|this)\s+)?{WEEKDAY}|(?i:{_CLOCK_DAY_WORDS}))\b"
    rf"|(?P<mon>{MONTH})\s*(?P<md>{DAY})(?:,?\s+(?P<y>{YEAR4}))?\b)"
)
"""A bracketed restatement of a clock time ("(1515 GMT)") and the day after it: that day dates the time."""


def _day_of_month_after(text: str, pos: int, weekday: int, dct: dt.date) -> dt.date | None:
    """The day of the weekday ``weekday`` (Monday = 0) ending at ``pos`` that the day of the month
    written after it names ("on Monday, the 8th"), where :func:`ordinal_is_the_day` says the ordinal is
    that day (not "on Saturday, the first such shutdown"); else None."""
    dm = DAY_OF_MONTH_AFTER.match(text, pos)
    if dm is None or not ordinal_is_the_day(text, pos, dm.start("day"), dm.end()):
        return None
    return weekday_on_day_of_month(weekday, day_number(dm["day"]) or 0, dct)


# Clock time tied to a day: "10 p.m. Wednesday", "noon Thursday", "Tuesday at 9 a.m."
@rule(
    "clock_with_day",
    rf"\b(?P<t>(?:(?P<clk>{CLOCK}{TZ}),?\s+(?P<on>on\s+)?(?P<wd>(?:(?i:next|last|this\s+coming|this\s+past|coming)\s+)?{WEEKDAY}|(?i:{_CLOCK_DAY_WORDS}))\b"
    rf"(?:,\s+(?P<dmon>{MONTH})\s*(?P<dday>{DAY})(?:,?\s+(?P<dy>{YEAR4}))?\b)?"
    rf"|(?P<wd2>(?:(?i:next|last|this\s+coming|this\s+past|coming|this)\s+)?{WEEKDAY}|(?i:today|yesterday|tomorrow))\s+(?P<at>at\s+)?(?P<clk2>{clock('2')}{TZ})))",
)
def clock_with_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Clock time with its day: "10 p.m. Wednesday" -> TIME ``2017-12-27T22:00``.

    The day follows the weekday/today rules (:func:`day_of_clock`; "11.30pm last night" is
    the day before the DCT, "10 a.m. next Monday" the first Monday after the DCT); the clock is
    read by :func:`clock_time` (a 24-hour time with its
    zone too: "10:15 GMT on Wednesday" -> ``2017-12-27T10:15``).
    Granularity minute or hour; range that day. With a preposition between them ("10:15 GMT on
    Wednesday", "Monday at 14:30 local time") the clock time and the day are two TIMEX3s
    (:func:`_clock_extent`), the clock's value holding the day.

    TimeML (DCT 2017-12-27): ``The blast hit at <TIMEX3 type="TIME" value="2017-12-26T22:00">10 p.m.
        Tuesday</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Talks began at <TIMEX3 type="TIME" value="2017-12-27T10:15">10:15
        GMT</TIMEX3> on <TIMEX3 type="DATE" value="2017-12-27">Wednesday</TIMEX3>.``

    A date after the weekday is the day ("4 p.m. EST on Wednesday, Dec. 20"), and so is a day
    of the month after it ("at 10 a.m. EST on Monday, the 8th", a TIMEX3 of its own, picks the
    Monday that is the 8th, as :func:`~etl.dates.rules.weekdays.weekday` does); a 24-hour time with a colon needs no zone
    before a weekday ("at 10:15 on Wednesday").

    TimeML (DCT 2017-12-27): ``The deadline passed at <TIMEX3 type="TIME"
        value="2017-12-20T16:00">4 p.m. EST</TIMEX3> on <TIMEX3 type="DATE"
        value="2017-12-20">Wednesday, Dec. 20</TIMEX3>.``
    """
    # "at 10:31 p.m. PDT (1:31 a.m. EDT Monday)": the same moment in another zone, a TIMEX3 of
    # its own as TBAQ tags it ("(4 a.m. EDT Thursday)"); the clause before the bracket dates it
    restated = _RESTATED.search(text, max(0, m.start("t") - 24), m.start("t"))
    at, until = (restated.start(), restated.start()) if restated else m.span("t")
    if a_score(m, text):
        return None
    first_day = _DAY_BEFORE_BRACKET.search(text, max(0, m.start("t") - 48), m.start("t")) if restated else None
    if first_day is not None and (m["wd"] or "").lower() in WEEKDAY_NUM and not m["dmon"]:
        # "9 p.m. Sunday (0200 GMT Monday)": the restated day lies a day or less from the first
        base = day_of_clock(first_day["day"].lower(), text, first_day.start(), first_day.start(), dct)
        wd = WEEKDAY_NUM[m["wd"].lower()]
        d = next(base + dt.timedelta(days=k) for k in (0, 1, -1, 2, -2, 3, -3) if (base + dt.timedelta(days=k)).weekday() == wd)
        tod, gran = clock_time(m, "", text)
        return Hit(*_clock_extent(m), timex_at(d, gran, tod))
    if m["dmon"]:  # "10:15 GMT on Wednesday, Dec. 27": the date written after the weekday
        d = month_day_of(m["dmon"], m["dday"], m["dy"], text, at, dct)
        if d is None:
            return None
    elif m["on"] and (written := _day_at(text, m.start("wd"), dct)) is not None:
        d = written  # "at 7pm on Thursday 18 September": the date the weekday's own TIMEX3 holds
    else:
        day = re.sub(r"\s+", " ", (m["wd"] or m["wd2"]).lower())
        d = day_of_clock(day, text, at, until, dct)
        if day in WEEKDAY_NUM:  # "at 10 a.m. EST on Monday, the 8th": the day of the month picks the week
            d = _day_of_month_after(text, m.end("t"), WEEKDAY_NUM[day], dct) or d
    tod, gran = clock_time(m, "" if m["wd"] else "2", text)
    if re.search(r"o['’]clock", m["t"], re.IGNORECASE) and not re.search(r"\b[ap]\.?\s?m\b", m["t"], re.IGNORECASE):
        # "6 o'clock tonight" 18:00, "11 o'clock Monday night" 23:00 (the part of the day after
        # the weekday is in the extent): the day word gives the hour its half, as
        # clock_part_of_day reads "3:20 this afternoon"
        pod = _O_CLOCK_HALF.match(text, m.end("t")) if day in WEEKDAY_NUM or day in ("today", "tomorrow", "yesterday") else None
        word = pod["pod"].lower() if pod else {"tonight": "night", "last night": "night"}.get(day, day.split()[-1])
        hour = int(tod[:2])
        if (word in ("afternoon", "evening") and hour < 12) or (word == "night" and 6 <= hour < 12):
            tod = f"{hour + 12:02d}{tod[2:]}"
        if pod is not None and not (m["on"] or m["at"]):
            return Hit(m.start("t"), pod.end(), timex_at(d, gran, tod))
    return Hit(*_clock_extent(m), timex_at(d, gran, tod))


def _clock_extent(m: re.Match[str]) -> tuple[int, int]:
    """The TIMEX3 extent of a clock time matched with its day: the whole match when the two
    touch ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9": one TIMEX3, as TimeBank tags them), the
    clock time alone when a preposition stands between them ("10:15 GMT on Wednesday",
    "Tuesday at 9 a.m."): TimeML 1.2.1 leaves prepositions out of a TIMEX3, so the day is a
    TIMEX3 of its own (read by its own rule) and the clock a TIME whose value holds that day."""
    if m["on"]:
        return m.span("clk")
    if "at" in m.re.groupindex and m["at"]:
        return m.span("clk2")
    return m.span("t")


_O_CLOCK_HALF = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE)
"""A part of the day after the weekday of an "o'clock" time ("11 o'clock Monday night")."""


# "3:20 this afternoon", "9:45 tonight": a 12-hour clock without a.m./p.m., its half told by the day word
@rule(
    "clock_part_of_day",
    r"\b(?P<t>(?P<h>1[0-2]|0?[1-9]):(?P<mi>[0-5]\d)\s+(?P<pod>(?i:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)))\b",
)
def clock_part_of_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A clock time without a.m./p.m. before the part of the day that gives its half ("at
    about 3:20 this afternoon", "9:45 tonight", "11:30 last night") -> one TIME on the DCT's day
    (the day before for "last night"), in the afternoon, the evening or the night 12 hours on
    (TimeML 1.2.1: a clock time with its day is one TIME; broadcast and wire copy drop the
    a.m./p.m. when the day word tells it).

    TimeML (DCT 1999-04-15): ``The storm hit at <TIMEX3 type="TIME"
        value="1999-04-15T15:20">about 3:20 this afternoon</TIMEX3>.``
    """
    pod = re.sub(r"\s+", " ", m["pod"].lower())
    h = int(m["h"]) % 12
    if not pod.endswith("morning") and not (pod.endswith("night") and h < 5):
        h += 12  # afternoon, evening, tonight; "2:30 last night" stays after midnight
    day = dct + dt.timedelta(days=_CLOCK_DAY_SHIFT.get(pod, 0))
    if pod == "last night" and h < 12:
        day = dct  # "2:30 last night": the small hours of the DCT's day
    return hit_over_t(m, timex_at(day, "minute", f"{h:02d}:{m['mi']}"))


_CLOCK_PREPOSITIONS = frozenset("at by around about until till from before after approximately roughly since".split())
"""Words before a 24-hour time without a zone that make it a clock time ("at 10:15 on Tuesday")."""


_NOT_A_CLOCK_AFTER = re.compile(
    r"\s+(?:sessions?|trading|rush|shifts?|editions?|news|newspapers?|papers?|shows?|service|prayers?|games?|matche?s?"
    r"|matchups?|contests?|races?|positions?|directions?|bells?)\b",
    re.IGNORECASE,
)
"""Nouns after "in the morning" or "o'clock" that make the phrase a modifier, not a clock time
("rose 4 in the morning session", "trailed by 4 in the afternoon game", "the 6 o'clock
position")."""


def a_score(m: re.Match[str], text: str) -> bool:
    """True when a :func:`~etl.dates.vocabulary.clock` match is a number, not a clock time: a
    24-hour time with no zone after it ("10:15 on Tuesday") and no time preposition before it
    ("won the match 10:15 on Tuesday" is a score, "at 10:15 on Tuesday" a time); an hour in
    digits with a part of the day but no "o'clock" and no time preposition ("scored 4 in the
    afternoon"; "leave at 4 in the morning" is a time), or before a noun that the part of the
    day modifies ("rose 4 in the morning session")."""
    if m["hw"] is not None:
        if _NOT_A_CLOCK_AFTER.match(text, m.end("pod") if m["pod"] else m.end("oc")):
            return True
        return m["hw"].isdigit() and not m["oc"] and word_before(text, m.start("hw")) not in _CLOCK_PREPOSITIONS | {"to"}
    if m["h24"] is None or re.match(rf"\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b", text[m.end("se24" if m["se24"] else "mi24") :]):
        return False
    return word_before(text, m.start("h24")) not in _CLOCK_PREPOSITIONS


def day_of_clock(day: str, text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """The date of the day word (lower case weekday, optionally after "next", "last", "this
    coming"..., or one of :data:`_CLOCK_DAY_WORDS`: "today", "last night"...) that dates a clock
    time at ``text[start:end]``: a weekday as :func:`~etl.dates.rules.weekdays.weekday` places it (a bare one the latest on
    or before the DCT, the next on or after it when the clause speaks of the future), the
    deictic words from the DCT."""
    rel, _, name = day.rpartition(" ")
    if name in WEEKDAY_NUM:
        wd = WEEKDAY_NUM[name]
        relative = relative_weekday(wd, rel, dct) if rel != "this" else None  # "10 a.m. next Monday"
        if relative is not None:
            return relative
        return bare_weekday(wd, speaks_of_future(text, start, end) or deadline(text, start), dct)
    return dct + dt.timedelta(days=_CLOCK_DAY_SHIFT.get(re.sub(r"\s+", " ", day), 0))


_EVENING_BEFORE = re.compile(r"\b(?:tonight|this\s+(?:evening|afternoon)|last\s+night)\b[^.;!?]{0,20}$", re.IGNORECASE)
"""A part of the day written before an "o'clock" hour that gives it its half ("Tonight at 10
o'clock", "this evening at seven o'clock"), as broadcast copy writes it."""


def clock_time(m: re.Match[str], suffix: str = "", text: str = "") -> tuple[str, str]:
    """``("HH:MM", granularity)`` of a :func:`~etl.dates.vocabulary.clock` match (groups named
    with ``suffix``): noon/midday ``12:00``, midnight ``24:00`` (the end of the day, TIMEX3
    guidelines); "10 p.m." ``22:00`` at hour granularity, "10:35 a.m." ``10:35`` at minute;
    "4 in the morning" ``04:00`` and "five o'clock" ``05:00`` (:func:`~etl.dates.vocabulary.clock_hour`;
    ``17:00`` after "tonight" or "this evening" in ``text``, :data:`_EVENING_BEFORE`);
    a 24-hour "1015 GMT" ``10:15``, the zone dropped as TimeBank does; seconds when written
    ("23:59:59 GMT" ``23:59:59``, at minute granularity: the model has no finer one)."""
    noon = m[f"noon{suffix}"]
    if noon:
        return ("24:00" if noon.lower() == "midnight" else "12:00"), "hour"
    hw = m[f"hw{suffix}"]
    if hw is not None:
        h = clock_hour(hw, m[f"pod{suffix}"])
        if not m[f"pod{suffix}"] and h < 12 and _EVENING_BEFORE.search(text, max(0, m.start(f"hw{suffix}") - 40), m.start(f"hw{suffix}")):
            h += 12  # "tonight at 10 o'clock Eastern time": 22:00
        return f"{h:02d}:00", "hour"
    if m[f"h24{suffix}"] is not None:
        se = m[f"se24{suffix}"]
        return f"{int(m[f'h24{suffix}']):02d}:{m[f'mi24{suffix}']}" + (f":{se}" if se else ""), "minute"
    mi, se = m[f"mi{suffix}"], m[f"se{suffix}"]
    hh = int(m[f"h{suffix}"]) % 12 + (12 if m[f"ap{suffix}"].lower().startswith("p") else 0)
    return f"{hh:02d}:{int(mi or 0):02d}" + (f":{se}" if se else ""), ("minute" if mi else "hour")


# today, yesterday, tomorrow, tonight, "the day before yesterday", "this morning", "last night"
@rule(
    "deictic_day",
    r"\b(?P<t>(?:(?P<mod>earlier|later|early|late)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?"
    r"(?:(?P<day>today|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night)\b(?!s))?"
    r"|(?P<tonight>tonight)|this\s+(?P<pod2>morning|afternoon|evening)|(?P<lastnight>last\s+night)))\b", re.IGNORECASE,
)
def deictic_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """today = DCT, yesterday = DCT - 1, tomorrow = DCT + 1, "the day before yesterday" =
    DCT - 2 (TIMEX3 guidelines). tonight / last night / this morning / "yesterday
    afternoon" are TIMEX3 TIMEs (``TNI``, ``TMO``, ``TAF``, ``TEV``) on that day.

    A capitalised "Today" after a capitalised word mid-sentence is a name ("told USA Today",
    "This is VOA Today": TBAQ leaves it untagged), as is "The Day After Tomorrow" in capitals.

    TimeML (DCT 2017-12-27): ``It rained <TIMEX3 type="DATE" value="2017-12-26">yesterday</TIMEX3>
        and froze <TIMEX3 type="TIME" value="2017-12-26TNI">last night</TIMEX3>.``
    """
    if m["day"] and m["t"][:1].isupper() and name_word_before(text, m.start("t")):
        return None  # "USA Today", "VOA Today", "Good Morning America Today": a name mid-sentence
    if m["ba"] and re.search(r"\bDay\s+(?:Before|After)\s+[A-Z]", m["t"]):
        return None  # a title in capitals: "The Day After Tomorrow" (the film)
    if m["lastnight"]:
        return hit_over_t(m, timex_at(dct - ONE_DAY, "day", "NI"))
    if m["tonight"]:
        return hit_over_t(m, timex_at(dct, "day", "NI"))
    if m["pod2"]:
        return hit_over_t(m, timex_at(dct, "day", PARTS_OF_DAY[m["pod2"].lower()]))
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
    if m["ba"]:
        offset += -1 if m["ba"].lower() == "before" else 1
    pod = m["pod"]
    return hit_over_t(m, timex_at(dct + dt.timedelta(days=offset), "day", PARTS_OF_DAY[pod.lower()] if pod else None))


_OVERNIGHT_FOLLOWERS = frozenset(
    """and but or in on at to from as after before while with into near across amid amidst when following by
    for because despite until without since through along outside inside off around under over against
    instead among between during so then than ahead""".split()
)
"""Words after "overnight" that leave it an adverb ("died overnight in Berlin", "arrested several
teachers overnight and deployed police"); before any other lower-case word it is an adjective
("an overnight rally", "the overnight call rate"), no time of its own."""


# "overnight" as an adverb: "fighting erupted in the capital overnight"
@rule("overnight", r"\b(?P<t>[Oo]vernight)\b")
def overnight(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"overnight" used as an adverb -> TIME of the night before the DCT, ``(DCT - 1)TNI`` ("died
    overnight in Berlin" in a story of 1997-04-07: ``1997-04-06TNI``), or of the DCT's own night
    in a future clause ("will stay overnight"): TimeBank's ``TNI`` for the night (wsj_0586,
    "overnight" ``1989-10-26TNI``, the night before the story's Friday). Not the adjective ("an
    overnight rally", "overnight trains": :data:`_OVERNIGHT_FOLLOWERS`), nor beside a weekday,
    whose night it is ("overnight Tuesday to Wednesday", "Wednesday overnight": left to the
    weekday rule).

    TimeML (DCT 2017-12-27): ``Fighting erupted in the capital <TIMEX3 type="TIME"
        value="2017-12-26TNI">overnight</TIMEX3>, witnesses said.``
    """
    after = text[m.end() : m.end() + 30]
    nxt = word_after(text, m.end())
    if nxt and re.match(r"\s*[A-Za-z]", after) and nxt.lower() not in _OVERNIGHT_FOLLOWERS and not past_form(nxt):
        return None  # "an overnight rally", "overnight Tuesday" (not "snow that fell overnight closed roads")
    if word_before(text, m.start()).lower() in WEEKDAY_NUM or re.match(rf"\s+(?:on\s+)?{WEEKDAY}", after):
        return None  # "Wednesday overnight", "overnight on Thursday": the weekday's night
    day = dct if speaks_of_future(text, m.start(), m.end()) else dct - ONE_DAY
    return hit_over_t(m, timex_at(day, "day", "NI"))


# "mid-afternoon yesterday", "by mid-morning", "in early afternoon trade": a part of the day
@rule(
    "mid_part_of_day",
    r"(?P<t>(?:\b[Tt]he\s+)?(?:[Mm]id[\s-]?(?P<pod>morning|afternoon)|(?P<el>[Ee]arly|[Ll]ate)[\s-](?P<pod2>morning|afternoon|evening))"
    rf"(?:\s+(?P<day>yesterday|today|tomorrow|(?:(?i:last|next|this)\s+)?{WEEKDAY}))?)\b",
)
def mid_part_of_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"mid-afternoon yesterday" -> TIME ``1989-11-01TAF``, "mid-morning" -> ``TMO``, "early
    afternoon", "the late morning", "late evening" (TimeML 1.2.1 parts of the day; the modifier
    would be ``mod="START"``/``"END"``, which the value does not carry); on the day named right
    after it ("late afternoon Tuesday", "early morning of March 30"), else on the day last mentioned
    (``anchorTimeID``), else on the DCT, like a clock time alone.

    TimeML (DCT 2017-11-02): ``In London at <TIMEX3 type="TIME" value="2017-11-01TAF">mid-afternoon
        yesterday</TIMEX3>, shares rose.``
    TimeML (DCT 1997-11-05): ``The dollar slipped in <TIMEX3 type="TIME" value="1997-11-05TAF">early
        afternoon</TIMEX3> trade.``
    """
    if m.start() and text[m.start() - 1].isalnum():
        return None  # "humid afternoon"; the pattern has no leading \b (faster scan)
    tod = PARTS_OF_DAY[(m["pod"] or m["pod2"]).lower()]
    s, e = m.span("t")
    if text[s : s + 4].lower() == "the " and _NOUN_AFTER_PART.match(text, e):
        s += 4  # "the mid-afternoon melee", "the early morning flights": the determiner is the noun's
    if m["day"]:
        d = day_of_clock(re.sub(r"\s+", " ", m["day"].lower()), text, s, e, dct)  # "by late afternoon Tuesday"
        return Hit(s, e, timex_at(d, "day", tod))
    if (of := re.match(r",?\s+(?:of\s+|on\s+)?", text[e : e + 6])) is not None and (d := _day_at(text, e + of.end(), dct)) is not None:
        return Hit(s, e, timex_at(d, "day", tod))  # "until early morning of March 30", "the late evening March 29": that day's
    return Hit(s, e, Anaphor("day", 0, same=True, fallback=timex_at(dct, "day", tod), tod=tod))


# "in the afternoon", "by the evening", "through the night": a part of the day last mentioned
@rule(
    "the_part_of_day",
    r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout)\s+(?P<t>the\s+(?P<pod>morning|afternoon|evening|night))\b"
    r"|\b(?:[Aa]t|[Bb]y|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Ff]rom)\s+(?P<tw>dawn|daybreak|sunrise|dusk|nightfall|sunset)\b(?![-’'])",
)
def the_part_of_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the afternoon" after "in", "during", "by", "until", "through" -> TIME ``TAF`` (``TMO``,
    ``TEV``, ``TNI``) of the day last mentioned (TimeML 1.2.1 ``anchorTimeID``), else of the DCT,
    and so are the day's edges after "at", "by", "before", "until": "at dawn", "at daybreak", "at
    sunrise" -> ``TMO``, "by nightfall", "at dusk", "at sunset" -> ``TEV`` (TIDES 2005 4.1 puts dawn in
    the morning, dusk in the evening; "as dawn broke", with no preposition, TimeBank leaves untagged;
    before a day, "before dawn Monday", the day alone is tagged),
    as :func:`mid_part_of_day`: TimeBank tags "placed heavy buy orders in the morning" (wsj_0781,
    ``1989-10-27TMO``). The day told is on or after the DCT in a future clause, up to it in a past
    one; with none told, a night outside a future clause is the one before the DCT (as
    :func:`overnight`). Not before a noun it modifies ("in the morning session", "the evening
    news"), nor "the morning of March 30" (TimeBank tags the date alone), nor in a habitual clause
    ("usually leaves in the morning"; :func:`habitual_clause`).

    TimeML (DCT 1995-05-08): ``Veterans paraded past the Cenotaph in <TIMEX3 type="TIME"
        value="1995-05-08TAF">the afternoon</TIMEX3>.``
    """
    s, e = m.span("tw" if m["tw"] else "t")
    if _NOUN_AFTER_PART.match(text, e) or re.match(r"\s+of\b", text[e : e + 4]) or habitual_clause(text, s, e):
        return None
    tod = PARTS_OF_DAY[m["pod"]] if m["pod"] else "MO" if m["tw"] in ("dawn", "daybreak", "sunrise") else "EV"
    if m["tw"] and _DAY_AFTER_EDGE.match(text, e):
        return None  # "before dawn Monday", "before dawn on Feb. 24": the day after it is the TIMEX3 (DATE)
    ahead, behind = _ahead_or_behind(text, s, e)
    # with no day told, a night outside a future clause is the one before the DCT, as "overnight" is
    fallback = timex_at(dct - ONE_DAY if not ahead and tod == "NI" else dct, "day", tod)
    return Hit(s, e, Anaphor("day", 0, same=True, fallback=fallback, tod=tod, ahead=ahead, behind=behind))


_DAY_AFTER_EDGE = re.compile(rf"\s+(?:on\s+)?(?:{WEEKDAY}|{MONTH}|today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)
"""A day after "dawn", "dusk" ("before dawn Monday", "before dawn on Feb. 24"): annotators tag the day
alone, a DATE, and leave the edge of the day out."""


# "later in the day", "throughout the day": the day told
@rule(
    "the_day_told",
    r"\b(?:(?:[Ll]ater|[Ee]arlier|[Ee]arly|[Ll]ate)\s+in|[Tt]hroughout)\s+(?P<t>the\s+day)\b(?!['’]|\s+(?:of|before|after)\b)",
    needs=frozenset(["the day"]),
)
def the_day_told(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the day" after "later in", "earlier in", "throughout" -> the day last mentioned when it is of
    the story's week (TimeML 1.2.1 ``anchorTimeID``; a background date, "a tank crashed through its
    gates on April 30, 1975. Earlier in the day Rubin visited", is not the story's day; in a future
    clause a day from the DCT on, in a past one a day up to it), else the DCT: TimeBank tags "as he
    arrived in Philadelphia later in the day" (CNN19980213.2130.0155, the DCT 1998-02-13), the
    extent "the day" alone. Not in a habitual clause ("usually rises later in the day").

    TimeML (DCT 1998-02-13): ``He arrived in Philadelphia later in <TIMEX3 type="DATE"
        value="1998-02-13">the day</TIMEX3>.``
    """
    s, e = m.span("t")
    if habitual_clause(text, s, e):
        return None
    ahead, behind = _ahead_or_behind(text, s, e)
    return hit_over_t(m, Anaphor("day", 0, same=True, recent=True, ahead=ahead, behind=behind, fallback=timex_at(dct, "day")))


_NOUN_AFTER_PART = re.compile(r"\s+(?!(?:local|on|of|in|at|and|or|but|to|the|when|as|with|for|from|until|till|by)\b)[a-z]")
"""A lower-case noun after a part of the day that it modifies ("the mid-afternoon melee")."""


# A clock time alone: "at 10:35 a.m.", "at midday" -> on the day last mentioned
@rule(
    "bare_clock",
    rf"\b(?P<t>(?P<clk>{CLOCK}{TZ})(?:,?\s+(?P<on>on\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<y>{YEAR4}))?)?)(?![\w-])", re.IGNORECASE,
)
def bare_clock(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A clock time without a weekday ("at about 10:35 a.m.", "at midday", "at 10:15 GMT") ->
    TIMEX3 TIME on the date written after it ("5 p.m. EST, Nov. 6"), else on the day last
    mentioned before it (TimeML 1.2.1 ``anchorTimeID``), else on the DCT: ``1998-08-07T10:35``
    (the clock as :func:`clock_time` reads it); in a future clause or a scheduled present not
    on a day before the DCT ("... hit on July 11, 2008. Chevron will hold a call at 11 a.m.
    EDT", "Polling stations close at 7 p.m." after the last election's date: the DCT's day),
    in a past clause not on a day after it ("... through Sunday morning. Central Park recorded
    1.3 inches by 2 p.m."). A zone conversion in brackets after another
    clock time ("10:35 a.m. (0735 GMT)") restates the same moment: a TIME of its own on the first
    clock's day, or the day after (before) when the zones put it past midnight. The first
    of a pair takes the day written after the second ("between noon and 8 p.m. today", "from
    9 a.m. to 5 p.m. Monday"), or the day before when it is the later clock ("from noon until
    1 a.m. Thursday": the span runs past midnight); the second of a pair without a day, when
    the earlier clock, is on the day after the first's ("from 8 pm until 2 am"); a clock time
    before "the next (previous) day" is on the day after (before) the one mentioned before it
    ("met on Feb. 26. At 11 a.m. the next day"), and one before "on" and a holiday on the
    holiday ("at about 10:45 p.m. on Bastille Day").

    TimeML (DCT 2017-12-27): ``The blast occurred at <TIMEX3 type="TIME"
        value="2017-12-27T10:35">about 10:35 a.m.</TIMEX3> (<TIMEX3 type="TIME"
        value="2017-12-27T07:35">0735 GMT</TIMEX3>).``
    TimeML (DCT 2017-12-27): ``The deadline is <TIMEX3 type="TIME" value="2017-12-27T16:00">1600
        GMT</TIMEX3>.``

    A day written after the bracketed conversion dates the clock time too ("at 10:15 p.m.
    local time (1515 GMT) Tuesday"; with a day of the month after the weekday, "on Friday, the
    27th", that Friday); the weekday stays a TIMEX3 of its own. "on" and a date after the clock
    time ("at 7 a.m. on Dec. 26") date it too, the date a TIMEX3 of its own (TimeML 1.2.1 leaves
    the preposition out of both; without one, "5 p.m. EST, Nov. 6" is one TIMEX3, as TimeBank has it).

    TimeML (DCT 2017-12-27): ``The quake struck at <TIMEX3 type="TIME" value="2017-12-26T22:15">10:15
        p.m. local time</TIMEX3> (<TIMEX3 type="TIME" value="2017-12-26T15:15">1515 GMT</TIMEX3>)
        <TIMEX3 type="DATE" value="2017-12-26">Tuesday</TIMEX3>.``
    """
    s = m.start("t")
    if m["noon"] and m["noon"].lower() == "noon" and word_before(text, s) == "high":
        return None  # "high noon": the idiom (a showdown), or the film, not a clock time
    if a_score(m, text):
        return None
    tod, gran = clock_time(m, "", text)
    first = _CLOCK_BEFORE_BRACKET.search(text, max(0, s - 40), s) if _RESTATED.search(text, max(0, s - 24), s) else None
    if first is not None:
        # "12:17 p.m. (1017 GMT)": the same moment in another zone, on the first clock's day, or the
        # day after (before) when the zones put it past midnight ("11 p.m. EST (0400 GMT)")
        gap = _minutes(tod) - _minutes(clock_time(first, "r", text)[0])
        step = 1 if gap < -14 * 60 else -1 if gap > 14 * 60 else 0
        return hit_over_t(m, Anaphor("day", step, same=not step, named=bool(step), tod=tod,
                                     fallback=timex_at(dct + step * ONE_DAY, gran, tod)))  # fmt: skip
    bm = _DAY_AFTER_RESTATED.match(text, m.end())
    if bm is not None and bm["day"]:  # "10:15 p.m. (1515 GMT) Tuesday": the day after the bracket
        d = day_of_clock(bm["day"].lower(), text, s, bm.end(), dct)
        if bm["day"].lower() in WEEKDAY_NUM:  # "7 a.m. (0500 GMT) on Friday, the 27th": the day of the month picks the week
            d = _day_of_month_after(text, bm.end(), WEEKDAY_NUM[bm["day"].lower()], dct) or d
        return hit_over_t(m, timex_at(d, "day", tod))  # as when the day is mentioned before it
    if bm is not None:  # "10:15 a.m. (0215 GMT) on Dec. 26"
        d = month_day_of(bm["mon"], bm["md"], bm["y"], text, s, dct)
        return hit_over_t(m, timex_at(d, "day", tod) if d else None)
    if m["mon"]:  # "5 p.m. EST, Nov. 6": that day (see month_day); "at 7 a.m. on Dec. 26": two TIMEX3s
        d = month_day_of(m["mon"], m["day"], m["y"], text, s, dct)
        return Hit(*_clock_extent(m), timex_at(d, gran, tod)) if d else None
    pair = _CLOCK_PAIR_DAY.match(text, m.end())
    if pair is not None:  # "between noon and 8 p.m. today", "from 9 a.m. to 5 p.m. Monday": the second's day
        day = day_of_clock(pair["day"].lower(), text, s, pair.end(), dct)
        if tod > clock_time(pair, "p", text)[0]:
            day -= ONE_DAY  # "from noon until 1 a.m. Thursday": the span runs past midnight
        return hit_over_t(m, timex_at(day, gran, tod))
    after = _DAY_AFTER_CLOCK.match(text, m.end())
    if after is not None and after["rel"]:  # "At 11 a.m. the next day": a day from the one before
        step = {"previous": -1, "preceding": -1, "same": 0}.get(after["rel"].lower(), 1)
        # one TIMEX3 over both, as "10 a.m. Tuesday" is
        return Hit(s, after.end(), Anaphor("day", step, named=True, tod=tod, fallback=timex_at(dct + step * ONE_DAY, gran, tod)))
    if after is not None:  # "at 1 p.m. on New Year's Eve", "7 p.m. on 3/9", "11am on Friday 29th April": that day
        day = _day_at(text, after.end(), dct)
        if day is not None:
            return hit_over_t(m, timex_at(day, gran, tod))
    if habitual_clause(text, s, m.end()):
        # "which normally close at 4:30 p.m.", "open from 8 a.m. to 10 p.m. daily": the time of every such day
        return hit_over_t(m, Timex("TIME", f"XXXX-XX-XXT{tod}", None))
    first = _CLOCK_PAIR_BEFORE.search(text, max(0, s - 40), s)
    if first is not None and tod < clock_time(first, "q", text)[0]:
        # "would run from 8 pm until 2 am": the end of a span past midnight, the next day
        return hit_over_t(m, Anaphor("day", 1, named=True, tod=tod, fallback=timex_at(dct + ONE_DAY, gran, tod)))
    ahead, behind = _ahead_or_behind(text, s, m.end())
    fallback = timex_at(dct, gran, tod)
    return hit_over_t(m, Anaphor("day", 0, same=True, fallback=fallback, tod=tod, ahead=ahead, behind=behind))


def _ahead_or_behind(text: str, start: int, end: int) -> tuple[bool, bool]:
    """``(ahead, behind)`` for a time of the day at ``text[start:end]`` anchored on the day told
    before it: ahead when its clause speaks of the future (:func:`speaks_of_future`), behind when
    the clause is past; the anaphor then takes only a day from the DCT on, or up to it."""
    tense = clause_tense(text, start, end)
    ahead = speaks_of_future(text, start, end, tense)
    return ahead, not ahead and tense < 0


_HABITUAL = re.compile(
    rf"\b(?:daily|nightly|normally|usually|typically|routinely|regularly|customarily|ordinarily"
    rf"|(?:every|each)\s+(?:single\s+)?(?:day|morning|afternoon|evening|night|weekday|{WEEKDAY})"
    rf"|on\s+(?:weekdays|weekends|{WEEKDAY}s)|weekdays|seven\s+days\s+a\s+week)\b",
    re.IGNORECASE,
)
"""Words that make a clause habitual: a clock time in it recurs ("which normally close at 4:30
p.m.", "open from 8 a.m. to 10 p.m. daily", "buses run every day at 6 a.m.")."""
_CLAUSE_EDGE = re.compile(r"[,;:.!?()\n\"“”]")


def habitual_clause(text: str, start: int, end: int) -> bool:
    """True when the clause around ``text[start:end]`` (up to the nearest comma, semicolon,
    bracket, quote or sentence end on each side, at most 80 characters away) holds a word of
    :data:`_HABITUAL`: a clock time there is a time of any such day, the TIMEX3 TIME
    ``XXXX-XX-XXT16:30`` with no date (TIDES 2005 4.2: a time that recurs is not anchored;
    TimeML 1.2.1 writes the unknown date as ``X``)."""
    left = max(0, start - 80)
    edges = [e.end() for e in _CLAUSE_EDGE.finditer(text, left, start) if not _inside_clock(text, e.start())]
    lo = edges[-1] if edges else left
    right = min(len(text), end + 80)
    hi = right
    for e in _CLAUSE_EDGE.finditer(text, end, right):
        if not _inside_clock(text, e.start()):
            hi = e.start()
            break
    return _HABITUAL.search(text, lo, hi) is not None


def _inside_clock(text: str, pos: int) -> bool:
    """True when the character at ``pos`` is a dot of "a.m."/"p.m." or a decimal point, not a clause
    edge; the last dot of "p.m." before a capitalised word also ends its sentence ("until 9 p.m. The")."""
    if text[pos] != ".":
        return False
    if text[pos + 1 : pos + 2].isdigit() or re.search(r"\b[ap]$", text[max(0, pos - 2) : pos], re.IGNORECASE):
        return True
    return bool(re.search(r"\b[ap]\.m$", text[max(0, pos - 4) : pos], re.IGNORECASE)) and not re.match(r"\s+[A-Z]", text[pos + 1 : pos + 3])


_CLOCK_BEFORE_BRACKET = re.compile(rf"(?:{clock('r')}){TZ}\s*\(\s*$", re.IGNORECASE)
"""A clock time and the bracket that restates it in another zone: "12:17 p.m. (", "10:15 p.m. local time (" ."""


def _minutes(tod: str) -> int:
    """Minutes since midnight of an ``"HH:MM"`` clock value (``"24:00"`` is 1440)."""
    return int(tod[:2]) * 60 + int(tod[3:5])


_DAY_AFTER_CLOCK = re.compile(
    r"\s+(?:the|that)\s+(?P<rel>next|following|previous|preceding|same)\s+day\b|,?\s+on\s+(?=[A-Z0-9])", re.IGNORECASE
)
"""What dates a clock time right after it: "the next (previous, same) day", or "on" before a
holiday or a day written in another form than "Nov. 6" ("at 10:45 p.m. on Bastille Day", "at 7
p.m. on 3/9", "at midnight on 8th Nov.")."""


def _day_at(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of the date written at ``pos`` as one of :data:`~etl.dates.rules.shared.DAY_RULES_AFTER_ON` reads and
    resolves it ("Bastille Day", "Friday 29th April", "3/9", "15.12.2011"), or None. The date
    keeps its own TIMEX3; the clock time before "on" is a TIME on that day (TimeML 1.2.1: a
    time's value holds the date it is anchored on)."""
    found = day_hit_at(text, pos, dct)
    return found[0] if found else None


_CLOCK_PAIR_BEFORE = re.compile(
    rf"\b(?:from|between)\s+(?:{clock('q')}){TZ}\s+(?:and|to|until|till|through)\s+$", re.IGNORECASE
)
"""The first clock time of a pair, before the second: "from 8 pm until "."""
_CLOCK_PAIR_DAY = re.compile(
    rf"\s+(?:and|to|until|till|through)\s+(?:{clock('p')}){TZ},?\s+(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)
"""The second clock time of a pair and its day ("noon and 8 p.m. today"): the day of both."""
