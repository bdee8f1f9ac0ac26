"""Weekdays: "Wednesday", "last Friday", "Tuesday morning", "Wed 8th", "the following Monday",
"by midweek". A bare weekday is the latest such day on or before the DCT, or the next one in a
clause about the future (:mod:`etl.dates.tense`; HeidelTime's news convention).
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import Timex, timex_at, weekday_on_day_of_month
from etl.dates.context import word_after, word_before
from etl.dates.rules.holidays import holiday
from etl.dates.rules.shared import (
    DAY_OF_MONTH_AFTER,
    WEEKDAY_AFTER_HOLIDAY,
    bare_weekday,
    month_day_of,
    ordinal_before,
    ordinal_is_the_day,
    relative_weekday,
)
from etl.dates.rules.table import Hit, hit_over_t, row, rule
from etl.dates.tense import clause_tense, deadline, past_form, speaks_of_future
from etl.dates.vocabulary import (
    MONTH,
    MONTH_FULL,
    PARTS_OF_DAY,
    TZ,
    WEEKDAY,
    WEEKDAY_BLOCKERS,
    WEEKDAY_NUM,
    YEAR4,
    clock,
    day_number,
)


_DAY_APPOSITION = re.compile(r"\d(?:st|nd|rd|th)?,\s+(?:which\s+(?:is|was)\s+|(?:is|was)\s+)?an?\s+$", re.IGNORECASE)
"""A date and "a" before a weekday that names its day ("Jan. 8, a Monday", "the 30th, a Tuesday",
"on the 30th, which is a Tuesday")."""
_CLOCK_ON_BEFORE = re.compile(rf"(?:{clock('w')}){TZ},?\s+on\s+$", re.IGNORECASE)
"""A clock time and "on" before a weekday ("at 11:15 am on "): the two are TIMEX3s of one day."""


_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
"""Weekday abbreviations as British and Asian copy write them before a day ("Wed 8th")."""


# An abbreviated weekday with its day: "Wed 8th", "Mon 6th July", "Thu. 12 March"
@rule(
    "weekday_abbr_day",
    rf"\b(?P<t>(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+(?P<day>3[01]|[12]\d|0?[1-9])(?P<suf>st|nd|rd|th)?"
    rf"(?:\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}))?)?)\b(?![-/:.,]?\d|\s*(?:%|[ap]\.?m\b))",
)
def weekday_abbr_day(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """An abbreviated weekday ("Mon", "Tue(s)", "Wed", "Thu(r)(s)", "Fri", "Sat", "Sun") with
    the day of the month after it, and optionally the month: one TIMEX3, as "Tuesday, Dec. 26"
    is (TIMEX3 guidelines). With a month, that date (:func:`~etl.dates.rules.days.month_day`'s year); without, the
    date near the DCT that is both that weekday and that day
    (:func:`~etl.dates.anchoring.weekday_on_day_of_month`). The abbreviations alone are
    words ("Sun", "Sat", "Wed") and are not read; the day needs an ordinal suffix or a month
    ("Sun 8" is a score or a page).

    TimeML (DCT 2020-07-03): ``The hearing has been moved to <TIMEX3 type="DATE"
        value="2020-07-08">Wed 8th</TIMEX3>.``
    """
    if not (m["suf"] or m["mon"]):
        return None
    wd = _WEEKDAY_ABBR[m["wd"].lower()]
    day = int(m["day"])
    if m["mon"]:
        d = month_day_of(m["mon"], m["day"], m["y"], text, m.start("t"), dct)
    else:
        d = weekday_on_day_of_month(wd, day, dct)
    if d is None or d.weekday() != wd:
        return None  # the weekday and the date disagree: not this reading
    return hit_over_t(m, timex_at(d, "day"))


_SPAN_NOUNS = r"(?:\s+(?:working|work|trading|business|school|calendar))?\s+(?:weekends?|weeks?|workweeks?|pattern|schedule|shifts?|rota)\b"
_WEEKDAY_SPAN_NOUN = re.compile(rf"[-–](?:to[-–]|through[-–])?{WEEKDAY}{_SPAN_NOUNS}", re.IGNORECASE)
"""A weekday that begins a hyphenated pair of weekdays before a week's noun ("a Friday-Saturday
weekend", "a Monday-to-Friday trading week", "a Thursday-Friday pattern"): the kind of week, not a
day of the calendar."""
_WEEKDAY_SPAN_NOUN_BEFORE = re.compile(rf"{WEEKDAY}[-–](?:to[-–]|through[-–])?$", re.IGNORECASE)
"""The first weekday of such a pair before the second, which the noun after it makes a kind of week too."""


_NAME_AROUND = re.compile(rf"\s+(?!(?:{MONTH_FULL}|{WEEKDAY}|Night|Morning|Evening|Afternoon|GMT|EST|EDT|UTC)\b)[A-Z][a-z]+\b(?!['’])")
"""A capitalised word after a weekday that is no month, weekday, part of the day or time zone."""
_NAME_BEFORE = re.compile(r"(?<![\w.])(?P<w>[A-Z][a-z]+)\s+$")
_NOT_A_FIRST_NAME_BEFORE = frozenset(
    """reuters xinhua ap afp cnn bbc nbc abc cbs interfax itar tass kyodo yonhap on in by since until till from
    last this next early late before after during through that said says told and but or the""".split()
)
"""Words before a weekday followed by a name that do not make it a given name: news agencies told
something on that day ("told Reuters Monday Obama..."), prepositions and determiners ("On Sunday Obama
spoke")."""
_LOOKING_AHEAD_TO = re.compile(
    r"\b(?:(?P<strong>ahead\s+of|eve\s+of|awaiting|run-up\s+to|moved|rescheduled|called\s+off|brac(?:ed|ing)\s+for)|for|until)\s+$",
    re.IGNORECASE,
)
"""What looks ahead to a weekday's event named by its possessive: always "ahead of", "on the eve
of", "in the run-up to" ("on the eve of Tuesday's runoff"), "moved", "rescheduled", "called off",
"braced for" (a game is moved before it is played: "The Cubs moved Saturday's game to 7:05 p.m.",
"Organisers on Thursday called off Saturday's match"; not "postponed", as often a rainout told the day
after: "Rain postponed Tuesday's game"); "for", "until" outside a past clause ("a
lawn seat for Saturday's show is $85"): the next such day. Not "before" ("Nestle's share before
Friday's purchases is far below": TBAQ's wsj_0557, the purchases made)."""
_PREPOSITION_PAST = re.compile(r"\b(?![Tt]he\b|[Tt]his\b|[Tt]hat\b|[Ss]ince\b|[Ff]rom\b|[Bb]y\b|[Uu]ntil\b|[Tt]ill\b"
                               r"|[Ff]or\b|[Oo]f\b|[Oo]ver\b|[Ii]n\b|[Aa]t\b|[Aa]nd\b|[Oo]r\b|[Tt]o\b|[Tt]han\b|[Dd]uring\b)[a-z]+\s+$")
"""A lower-case word right before "past" that is no determiner or preposition ("run past Friday",
"well past Sunday", "drag on past Friday"): "past" is then the preposition "beyond" (Oxford
English Dictionary, *past* prep.), not the modifier of "this past Sunday", "since past Sunday"."""


# Weekday with optional last/this/next, early/late and part of the day
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
"""A capitalised word right before a weekday ("Man Friday", "Girl Friday": a name)."""
_PUBLICATION_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Mail|Independent|Observer|Star|Sun|Journal|Standard|World)\b"
)
"""The second word of a newspaper named for its day of issue (The Sunday Times, Sunday Telegraph,
Sunday Mirror, Sunday Herald, Sunday World, Monday Star): the weekday is part of the name."""
_TIMETABLE_AFTER = re.compile(r"\s+(?:schedules?|timetables?)\b")
"""A timetable named for a day ("a Sunday schedule", "a Saturday timetable"): transit and shops
run to it on other days too, so it names no day."""
_SCHOOL_AFTER = re.compile(r"\s+schools?\b")
"""A weekday before "school" ("Sunday school", "a Saturday school teacher"): a kind of school."""


@rule(
    "weekday",
    rf"\b(?P<t>(?:(?P<mod>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming"
    rf"|this|past|coming))\s+)?(?P<wd>{WEEKDAY})\b"
    rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))\b)?)",
)
def weekday(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Weekday names, anchored on the DCT (news convention, as in HeidelTime):

    * bare ("on Tuesday", "(Wednesday in Manila)"): the latest such day on or before the DCT;
      the first one on or after it when the clause speaks of the future ("will meet on
      Tuesday", a deadline "until Tuesday", a scheduled event in the present tense "the
      leaders meet Tuesday", :func:`~etl.dates.tense.scheduled_present`);
    * "last"/"this past"/"past": the latest such day strictly before the DCT;
    * "next"/"this coming"/"coming": the first such day strictly after the DCT;
    * "this": that day in the DCT's ISO 8601 week (Monday to Sunday);
    * followed by a day of the month that ends the phrase ("Friday, the 29th", "Saturday the
      23rd."; not a rank, "Friday, the 13th to die"): the date within a month of the DCT that
      is that weekday and that day (:func:`~etl.dates.anchoring.weekday_on_day_of_month`),
      whatever the tense; without a comma the phrase is one TIMEX3 ("Saturday the 23rd", as
      "Friday the 13th"), with one an apposition and two;
    * in apposition to a date ("Jan. 8, a Monday"): that date;
    * after "a" at the end of its phrase ("both holidays fall on a Wednesday"): any such day,
      ``XXXX-WXX-3`` (TIDES 2005: a non-specific day);
    * opening an entry of a list of days ("Tuesday: BOJ policy decision"): the day ahead, after the
      entry before it (:func:`_list_entry_day`).

    A part of the day ("Tuesday night") gives a TIMEX3 TIME ``2017-12-26TNI`` (``MO``,
    ``AF``, ``EV``, ``NI``; TimeML 1.2.1: a time of the day, even a vague one, is a TIME),
    granularity day, range that day, as HeidelTime writes it for TempEval-3 (its rule
    ``time_r3b``). Named days such as "Good Friday" or "Super Tuesday" are left alone, as are
    titles: a weekday after "the" before a capitalised word ("The Sunday Times"), or with a
    capitalised part of the day ("Saturday Night Live").

    TimeML (DCT 2017-12-27): ``He left on <TIMEX3 type="DATE" value="2017-12-25">Monday</TIMEX3> and
        returns <TIMEX3 type="DATE" value="2018-01-03">next Wednesday</TIMEX3>.``
    """
    s = m.start("t")
    if (m["rel"] or "").lower() == "past" and not m["mod"] and _PREPOSITION_PAST.search(text, max(0, s - 30), s):
        # "talks could run past Friday": the preposition "beyond", the weekday alone is the TIMEX3,
        # a limit ahead unless the clause is past ("the talks ran past Friday")
        d = bare_weekday(WEEKDAY_NUM[m["wd"].lower()], clause_tense(text, s, m.end()) >= 0, dct)
        return Hit(m.start("wd"), m.end("t"), timex_at(d, "day", PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None))
    if word_before(text, s) in WEEKDAY_BLOCKERS and not m["rel"] and not m["mod"]:
        # "Man Friday", "Girl Friday" are capitalised names of a Friday; "arrested a man Sunday",
        # "a man Friday night" are days
        if word_before(text, s) not in ("man", "girl") or (m["wd"].lower() == "friday" and not m["pod"] and _CAPITALISED_BEFORE.search(text, max(0, s - 8), s)):
            return None
    if text.startswith(".", m.end("wd")) and text[m.end("wd") + 1 : m.end("wd") + 2].isalpha():
        return None  # a domain: "Shares of Monday.com fell"
    if not (m["rel"] or m["mod"] or m["pod"]) and _NAME_AROUND.match(text, m.end("wd")) and (cap := _NAME_BEFORE.search(text, max(0, s - 20), s)):
        if cap["w"].lower() not in _NOT_A_FIRST_NAME_BEFORE:
            return None  # "Dean Sunday Adeyemi said": a given name between a title and a surname
    if not (m["rel"] or m["mod"]) and word_before(text, s) == "the" and re.match(r"\s+[A-Z][a-z]", text[m.end("wd") :]):
        return None  # a title: "The Sunday Times", "the Sunday Telegraph"
    if not (m["rel"] or m["mod"] or m["pod"]) and _PUBLICATION_AFTER.match(text, m.end("wd")):
        return None  # a newspaper's name without "the": "Sunday Times reporters", "a Sunday Telegraph poll"
    if not (m["rel"] or m["mod"] or m["pod"]) and word_before(text, s) in ("a", "an") and _TIMETABLE_AFTER.match(text, m.end("wd")):
        return None  # "trains run on a Sunday schedule": a kind of timetable, no day of the calendar
    if not (m["rel"] or m["mod"] or m["pod"]) and _SCHOOL_AFTER.match(text, m.end("wd")):
        return None  # "taught Sunday school": a kind of school
    if m["pod"] and m["pod"][0].isupper() and not m["t"].isupper():
        return None  # a title-cased part of the day: "Saturday Night Live", "Friday Night Lights"
    if ordinal_before(text, s) and re.match(r"\s+(?:of|in)\s", text[m.end() : m.end() + 4]):
        return None  # "the fifth Monday of February": weekday_of_month's, or no day at all
    if not m["rel"] and (
        _WEEKDAY_SPAN_NOUN.match(text, m.end("wd"))
        or (_WEEKDAY_SPAN_NOUN_BEFORE.search(text, max(0, s - 25), s) and re.match(_SPAN_NOUNS, text[m.end("wd") :], re.IGNORECASE))
    ):
        return None  # "a Friday-Saturday weekend", "a Monday-to-Friday trading week": a kind of week, no day
    wd = WEEKDAY_NUM[m["wd"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    relative = relative_weekday(wd, rel, dct)
    if relative is not None:
        d = relative
    else:
        owner = text.startswith(("'s", "’s"), m.end("wd")) and (ahead := _LOOKING_AHEAD_TO.search(text, max(0, s - 30), s))
        # "in the run-up to Sunday's elections", "warmed up for Tuesday's tussle": the event looked ahead
        # to ("paid for Monday's first airlift", a past clause's "for" or "before", is behind)
        # "at 11:15 am on Wednesday": the clause is read from the clock time, as clock_with_day dates it
        ck = _CLOCK_ON_BEFORE.search(text, max(0, s - 40), s)
        cs = ck.start() if ck else s
        future = (
            speaks_of_future(text, cs, m.end()) or bool(owner and (ahead["strong"] or clause_tense(text, s, m.end()) >= 0))
            or _told_ahead(text, s, m.end("t"))
        )
        if future and text.startswith(("'s", "’s"), m.end("wd")) and word_before(text, s) in ("after", "since", "following"):
            future = False  # "bracing for a turbulent session today after Friday's plunge": the event behind the plan
        d = bare_weekday(wd, future or deadline(text, cs), dct)
        rs = _WEEKDAY_RANGE_START.search(text, max(0, s - 50), s)
        if (entry := _list_entry_day(text, s, m.end(), wd, dct)) is not None:
            d = entry
        elif rs is not None and not rs["rel"]:
            # "start Monday and run through Friday": a range's end follows its start when the
            # start lies ahead (a past range keeps both days on or before the DCT); "meet
            # Tuesday and Wednesday": a pair's second day, past by itself, follows a first
            # day read as ahead ("statements made Friday and Thursday" on a Friday stay past)
            ws = rs.start("wd")
            ahead = speaks_of_future(text, ws, rs.end("wd")) or deadline(text, ws) or _subject_of_present_copula(text, ws, rs.end("wd"))
            first = bare_weekday(WEEKDAY_NUM[rs["wd"].lower()], ahead, dct)
            pair = rs.group().rstrip().endswith(("and", "or", "&"))
            if (first >= dct and d <= first) if not pair else (ahead and d < dct):
                d = relative_weekday(wd, "next", first)  # type: ignore[assignment]
        elif d < dct and (gap := _GAPPED_AFTER_DAY.search(text, max(0, s - 90), s)) is not None and not any(
            past_form(w) or w.lower() in _PAST_AUX for w in re.findall(r"[A-Za-z]+", gap["rest"])
        ):
            # "Hitachi reports on Thursday and Toshiba on Friday", "are due on Tuesday, followed by
            # wholesale prices on Wednesday", "meet tomorrow and Tuesday": a continuation without a
            # verb of its own shares the tense of the day before it (gapping, Quirk et al. 1985,
            # 13.92), and lists days in order
            fs, fe = gap.start("first"), gap.end("first")
            if gap["first"].lower() == "tomorrow":
                first = dct + dt.timedelta(days=1)
            elif speaks_of_future(text, fs, fe) or deadline(text, fs):
                first = bare_weekday(WEEKDAY_NUM[gap["first"].lower()], True, dct)
            else:
                first = None
            if first is not None:
                d = relative_weekday(wd, "next", first)  # type: ignore[assignment]
        if d > dct and (said := _speech_day(text, s, dct)) is not None and said < dct:
            # "On Tuesday, the company said it would announce the layoffs on Thursday" on Saturday: the
            # future of reported speech is the speaker's, so the first such day after the saying
            d = min(d, relative_weekday(wd, "next", said))  # type: ignore[type-var]
    dm = None if rel else DAY_OF_MONTH_AFTER.match(text, m.end())
    joined = None  # the end of "the 15th" in "Friday the 15th" ("Tuesday 10th"): one noun phrase, one TIMEX3
    if dm is not None:
        the = text[dm.start() : dm.start("day")].lower().find("the")
        if ordinal_is_the_day(text, m.end("wd"), dm.start() + the if the >= 0 else dm.start("day"), dm.end()):
            # "Friday, the 29th": the day picks the week (the clause's tense breaks a tie)
            agreed = weekday_on_day_of_month(wd, day_number(dm["day"]) or 0, dct, future)
            d = agreed or d
            if agreed and "," not in text[m.end() : dm.start("day")] and not m["pod"] and m.end() == m.end("wd"):
                joined = dm.end()
    if not rel and (named := _holiday_in_apposition(text, m.end(), dct) or _holiday_before(text, s, dct)) is not None and named.weekday() == wd:
        # "days off for Friday, Halloween", "before Labor Day on Monday": the holiday names the week
        d = named
    pod = m["pod"]
    tx = timex_at(d, "day", PARTS_OF_DAY[pod.lower()] if pod else None)
    ends_phrase = re.match(r"\s*(?:[.,;:!?)]|$)", text[m.end() :]) is not None
    apposition = _DAY_APPOSITION.search(text, max(0, s - 24), s)
    if not (rel or m["mod"] or pod) and word_before(text, s) in ("a", "an") and ends_phrase:
        if apposition is None:  # not an apposition: "The 26th, a Tuesday,"
            # "Christmas falls on a Wednesday.": any Wednesday, no day of the calendar (TIDES 2005)
            return hit_over_t(m, Timex("DATE", f"XXXX-WXX-{wd + 1}", None))
    if not (rel or m["mod"]) and apposition is not None:
        # "Jan. 8, a Monday", "Aug. 18, a Monday night game": an apposition naming the weekday
        # (and the part of it) of the date before it
        tod = PARTS_OF_DAY[pod.lower()] if pod else None
        return hit_over_t(m, Anaphor("day", 0, same=True, exact=True, fallback=tx, tod=tod))
    if joined is not None:
        # "on Friday the 15th", "Tuesday 10th": no comma sets the day of the month apart, so the
        # phrase is one date, one TIMEX3 (TimeML 1.2.1 tags a whole date phrase, "Friday the 13th");
        # "Tuesday, the 26th" is an apposition, two TIMEX3s
        return Hit(s, joined, tx)
    return hit_over_t(m, tx)


_WEEKDAY_RANGE_START = re.compile(
    rf"(?:\b(?P<rel>last|next|this|past|coming)\s+)?\b(?P<wd>{WEEKDAY})\b(?:[^.;:!?]{{0,40}}?"
    r"(?:\s+(?:to|through|thru|until|till)\s+|\s?[-–]\s?)|\s+(?:and|or|&)\s+)$"
)
"""A weekday that starts a range whose end comes next ("Monday to ", "Monday and run through ")
or the first of a pair ("meet Tuesday and ")."""
_ENTRY_MARK = re.compile(r"[ \t]*(?::|[ \t][-–—])[ \t]")
"""What follows the weekday (and its part of the day) that opens a list entry: a colon or a dash
("Tuesday: ", "Wednesday night - ")."""
_ENTRY_BEFORE = re.compile(
    rf"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?(?P<wd>{WEEKDAY})\b(?:[ \t]+(?i:morning|afternoon|evening|night))?(?=[ \t]*(?::|[ \t][-–—])[ \t])"
)
_BULLETS = " \t-*•·"


def _told_ahead(text: str, start: int, end: int) -> bool:
    """True when the words around the weekday at ``text[start:end]`` put it ahead where the clause's
    tense does not: a day declared a day of something (:data:`_DECLARED_AS`), the subject of a present
    copula opening its sentence (:func:`_subject_of_present_copula`), a preview's or a possibility's
    day (:func:`_ahead_in_sentence`), a day after "today and" (:data:`_TODAY_AND`), a day after one
    that lies ahead in its sentence (:func:`_after_a_day_ahead`)."""
    declared = _DECLARED_BEFORE.search(text, max(0, start - 20), start) is not None and _DECLARED_AS.match(text, end) is not None
    return (
        declared or _subject_of_present_copula(text, start, end) or _ahead_in_sentence(text, start, end)
        or _TODAY_AND.search(text, max(0, start - 24), start) is not None or _after_a_day_ahead(text, start, end)
    )


_TODAY_AND = re.compile(r"\b(?:today|tonight|tomorrow)\s+(?:and|or|through|to|until|till)\s+$", re.IGNORECASE)
"""A weekday joined after "today" or "tomorrow" ("expected 200,000 visitors today and Saturday"): the
days run forward from the DCT, so the weekday is the next one."""
_EARLIER_WEEKDAY = re.compile(rf"\b{WEEKDAY}\b")


def _after_a_day_ahead(text: str, start: int, end: int) -> bool:
    """True when an earlier weekday of the same sentence lies ahead by its own clause and the
    weekday at ``text[start:end]`` is in no past clause ("Forecasters expect showers Wednesday,
    with clearing skies by Thursday evening"; "will hold a rally Friday night and make his final
    stop on Monday"): a sentence that has started telling days to come goes on with them, as a
    schedule does (TimeML 1.2.1: both anchored on the same temporal focus); not across a word that
    turns back in time (:data:`_BACK_IN_TIME`: "will return on Monday after deliberating over Friday")."""
    lo = max(0, start - 150)
    cut = max((m.end() for m in re.finditer(r"[.!?;]\s|\n", text[lo:start])), default=0)
    lo += cut
    if clause_tense(text, start, end) < 0 or past_form(word_after(text, end)):
        return False
    return any(
        speaks_of_future(text, w.start(), w.end()) and not _BACK_IN_TIME.search(text, w.end(), start)
        for w in _EARLIER_WEEKDAY.finditer(text, lo, start)
    )


_BACK_IN_TIME = re.compile(r"\b(?:after|since|following|having|had|ago|earlier|last)\b", re.IGNORECASE)
"""Words between two days that turn back in time ("will return on Monday after deliberating over
Friday and Saturday"): the later-written day need not come later."""


_DECLARED_BEFORE = re.compile(r"(?<!\bhad\s)\b(?:declared?|declares|proclaim(?:s|ed)?|designat(?:es?|ed)|named?|names)\s+$")
_DECLARED_AS = re.compile(r"\s+(?:as\s+)?an?\s+(?:[\w-]+\s+){0,3}?(?:day|holiday)\b")
"""A weekday declared a day of something ("Moi declared Monday a national day of mourning", "has declared
Thursday a holiday"): a day set apart ahead of time, so the first such day on or after the DCT; not
after "had" ("He had declared Sunday a national day of mourning" on Monday: the day is behind)."""


_OPENS_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n|[\"“]|``\s*)$")
_COPULA_AFTER = re.compile(
    rf"(?:\s+(?:and|or)\s+{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?)?\s+(?:is|are)\b(?!\s+(?:over|gone|past)\b)"
    r"(?!\s+(?:usually|always|often|typically|traditionally|generally|normally)\b|\s+(?:the|a)\s+(?:\w+est|most|least|usual|typical)\b)"
)


def _subject_of_present_copula(text: str, start: int, end: int) -> bool:
    """True when the weekday at ``text[start:end]`` opens its sentence as the subject of "is"/"are"
    ("Saturday and Sunday are the quiet days", "Monday morning is when millions turn on their
    computers", "Sunday is the deadline"): a present statement about a named day is about the days
    ahead (a day gone takes "was"); not "... is over", nor a habit ("Monday is the busiest day of the
    week", "Sunday is usually quiet"). A weekday after a noun ("the bombing Sunday is the deadliest")
    is left to the tense of its clause."""
    return _OPENS_SENTENCE_BEFORE.search(text, max(0, start - 4), start) is not None and _COPULA_AFTER.match(text, end) is not None


_WEEK_AHEAD = re.compile(
    r"\b(?:the\s+(?:week|days)\s+ahead|next\s+week|the\s+coming\s+week|later\s+(?:in\s+the|this)\s+week|on\s+tap)\b", re.IGNORECASE
)
_MAY_BEFORE = re.compile(r"\b(?:may|might)\b(?!\s+(?:have|not\s+have)\b)[^.;:!?,\"“”]{0,60}$")


def _ahead_in_sentence(text: str, start: int, end: int) -> bool:
    """True when the weekday at ``text[start:end]``, in a clause of no past tense, stands in a sentence
    that has looked at the week to come before it ("Also on tap: the purchasing managers' survey Monday ... and an
    auction of two-year Treasury notes Wednesday", "companies report results in the week ahead,
    including Apple on Tuesday", :data:`_WEEK_AHEAD`) or after "may"/"might" in its clause ("Highs may
    not get above 10 degrees Tuesday"): a preview's days lie ahead, as a possibility does (HeidelTime's
    tense rule for a present-future clause); not a day's possessive ("Thursday's loss")."""
    if clause_tense(text, start, end) < 0 or text.startswith(("'s", "’s"), end):
        return False  # a past clause; an event's day, told by its own words ("may miss two weeks with an ankle
        # sprained during Thursday's loss")
    if _MAY_BEFORE.search(text, max(0, start - 80), start) is not None:
        return True
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)  # the sentence up to the day
    return _WEEK_AHEAD.search(text, lo, start) is not None


_SAID_WOULD = re.compile(
    rf"(?:\b(?:[Oo]n\s+)?(?P<before>{WEEKDAY}|[Ll]ast\s+week)\b[^.;!?]{{0,80}}?)?"
    rf"\b(?:said|announced|told(?:\s+\w+){{1,2}}?|added|confirmed)(?:\s+(?P<after>{WEEKDAY}|last\s+week))?"
    r"\b(?:(?!\bwould\b)[^.;!?]){0,80}\bwould\b[^.;!?]*$"
)
"""A reported future with the day of its saying: "On Tuesday, the company said it would ...", "Officials
said Monday that the hearing would ...", "Last week the ministry said talks would ..."."""


def _speech_day(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day a reported future before ``pos`` was said (:data:`_SAID_WOULD`, in the same sentence):
    a weekday on or before the DCT, the Sunday before last week's Monday for "last week" (so its first
    weekday after is in that week); None without one ("yesterday" moves nothing: the first day after
    it is never before the DCT). A future told with "would" is relative to the saying (the
    future-in-the-past, Quirk et al. 1985, 4.45), as TimeML anchors a reported event on the speech
    time."""
    m = _SAID_WOULD.search(text, max(0, pos - 240), pos)
    said = m and (m["after"] or m["before"])
    if not said:
        return None
    said = said.lower()
    if said.startswith("last"):
        return dct - dt.timedelta(days=dct.weekday() + 8)
    return bare_weekday(WEEKDAY_NUM[said], False, dct)


def _list_entry_day(text: str, start: int, end: int, wd: int, dct: dt.date, depth: int = 0) -> dt.date | None:
    """The day of a weekday that opens an entry of a list of days ("Tuesday: BOJ announces its
    policy decision", "Wednesday - Turkey v England, kick-off 5pm"; ``text[start:end]`` the
    weekday and its part of the day), or None when it opens none or the list tells the days gone.
    A calendar lists days in order: an entry's day is the first such day on or after the day of
    the entry before it (within 600 characters; the "Friday" after "Thursday" in a Friday story's
    list is the next Friday). The first entry sets the list's direction: its heading
    (:data:`_AHEAD_HEADING`, "KEY U.S. EVENTS NEXT WEEK", "The week ahead": the first such day after
    the DCT; :data:`_PAST_HEADING`, "The week in review": the days gone), else its own words (a past
    form, "Monday: Stocks fell", tells the days gone; an entry without one, "Monday - October
    existing home sales, 10 a.m.", is a calendar's, ahead of the DCT)."""
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip(_BULLETS) or _ENTRY_MARK.match(text, end) is None:
        return None
    before = list(_ENTRY_BEFORE.finditer(text, max(0, line - 600), line))
    if before and depth < 7:
        prev = before[-1]
        first = _list_entry_day(text, prev.start("wd"), prev.end(), WEEKDAY_NUM[prev["wd"].lower()], dct, depth + 1)
        return None if first is None else bare_weekday(wd, True, first)
    heading = text[max(0, line - 400) : line].rstrip().rsplit("\n", 1)[-1][-120:]  # the line above the list
    if _AHEAD_HEADING.search(heading):
        return relative_weekday(wd, "next", dct)
    stop = text.find("\n", end)
    if _PAST_HEADING.search(heading) or any(past_form(w) for w in re.findall(r"[A-Za-z]+", text[end : stop if stop >= 0 else len(text)])):
        return None
    return bare_weekday(wd, True, dct)


_AHEAD_HEADING = re.compile(
    r"\b(?:next\s+week|(?:the\s+)?(?:week|days)\s+ahead|coming\s+(?:week|days)|diary|schedule|calendar|fixtures"
    r"|forecast|preview|outlook|agenda|upcoming|what['’]s\s+(?:on|ahead|next))\b",
    re.IGNORECASE,
)
"""A heading over a list of days that puts them ahead ("KEY U.S. EVENTS NEXT WEEK", "The week ahead:",
"Forecast for the capital", "Key fixtures")."""
_PAST_HEADING = re.compile(r"\b(?:last\s+week|(?:the\s+)?(?:week|year)\s+in\s+review|recap|past\s+week|looking\s+back)\b", re.IGNORECASE)
"""A heading over a list of the days gone ("The week in review")."""


_GAPPED_AFTER_DAY = re.compile(
    rf"\b(?P<first>{WEEKDAY}|(?i:tomorrow))\b(?:\s+(?i:morning|afternoon|evening|night))?"
    r"(?P<gap>,?\s+(?:and|followed\s+by|then|plus)\s+(?P<rest>(?:(?:[^.;:!?\d]|(?<=Corp)\.|(?<=Inc)\.|(?<=Ltd)\.|(?<=Co)\.){0,60}?\s)?(?:on\s+)?))$"
)
"""A day, then a continuation that names another event without a verb of its own before the
weekday ("Thursday and Toshiba Corp. on ", "Tuesday, followed by wholesale prices on ",
"tomorrow and "): the weekday shares the first day's reading (see :func:`weekday`)."""
_PAST_AUX = frozenset("was were had did said told".split())
"""Finite forms that give a continuation a past verb of its own ("Thursday and the bank said on ")."""


_APPOSITION_COMMA = re.compile(r",\s+")


def _holiday_day(found: re.Match[str], text: str, dct: dt.date) -> dt.date | None:
    """The day a match of :func:`holiday`'s pattern names, as the rule resolves it; None for a
    holiday that is no single day (a week, a season, a name)."""
    hit = holiday(found, text, dct)
    tx = hit.timex if hit is not None else None
    return tx.start if isinstance(tx, Timex) and tx.granularity == "day" else None


def _holiday_in_apposition(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of a holiday in apposition right after ``pos`` (", Halloween", ", Christmas Eve,"),
    as :func:`holiday` resolves it, or None: a weekday so followed is that day when it falls on
    it (an appositive names the same referent, Quirk et al. 1985, 17.65)."""
    m = _APPOSITION_COMMA.match(text, pos)
    if m is None:
        return None
    found = row("holiday").pattern.match(text, m.end())
    return _holiday_day(found, text, dct) if found is not None and found.start("t") == m.end() else None


def _holiday_before(text: str, pos: int, dct: dt.date) -> dt.date | None:
    """The day of a holiday named right before the weekday at ``pos`` ("before Labor Day on Monday",
    "the Presidents Day holiday Monday"), as :func:`holiday` resolves it, or None. The window is
    scanned only when it holds one of the rule's literals (as :meth:`TemporalTagger._scan` does)."""
    rule_, lo = row("holiday"), max(0, pos - 60)
    window = text[lo:pos].lower()
    if rule_.needs is not None and not any(lit in window for lit in rule_.needs):
        return None
    for found in rule_.pattern.finditer(text, lo, pos):
        link = WEEKDAY_AFTER_HOLIDAY.match(text, found.end("t"))
        if link is not None and link.start("wd") == pos:
            return _holiday_day(found, text, dct)
    return None


# "the previous Friday", "the following Monday": a weekday anchored on the date before it
@rule(
    "weekday_anaphor",
    rf"\b(?P<t>[Tt]he\s+(?P<dir>(?i:previous|preceding|following|next))\s+(?P<wd>{WEEKDAY}))\b",
)
def weekday_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous (preceding) Friday" -> the Friday strictly before the day last mentioned,
    "the following (next) Monday" the Monday strictly after it (TimeML 1.2.1 ``anchorTimeID``:
    the phrase is anchored on the time it follows, not on the DCT); with no day mentioned
    before it, the same from the DCT ("last Friday", "next Monday"). The determiner is part
    of the extent.

    TimeML (DCT 1989-10-30): ``The index closed at 2082.1 on <TIMEX3 type="DATE"
        value="1989-10-27">Friday</TIMEX3>, down 4.5% from <TIMEX3 type="DATE"
        value="1989-10-20">the previous Friday</TIMEX3>.``
    """
    wd = WEEKDAY_NUM[m["wd"].lower()]
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    fallback = relative_weekday(wd, "last" if sign < 0 else "next", dct)
    return hit_over_t(m, Anaphor("day", sign, weekday=wd, fallback=timex_at(fallback, "day")))  # type: ignore[arg-type]


# "by midweek": the DCT's week
@rule(
    "midweek",
    r"\b(?:by|until|till|from|around|before|after|at)\s+(?P<t>mid-?week)\b(?![-’'])(?!\s+[a-z]+(?<!\band)(?<!\bor)(?<!\bwhen))",
    re.IGNORECASE,
    needs=frozenset(["midweek", "mid-week"]),
)
def midweek(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"by midweek", "until mid-week" after a preposition, the phrase ending there -> the DCT's ISO
    week (TIMEX3 ``YYYY-Www``; the middle would be ``mod="MID"``). Not the adjective of "a midweek
    match".

    TimeML (DCT 2024-08-05): ``Temperatures will top 40C by <TIMEX3 type="DATE"
        value="2024-W32">midweek</TIMEX3>.``

    From Thursday on, the middle of the DCT's week is gone: a clause that speaks of the future
    names next week's ("could bring flooding by midweek" on a Sunday).
    """
    week = timex_at(dct, "week")
    if dct.weekday() >= 3 and speaks_of_future(text, m.start("t"), m.end("t")):
        week = timex_at(dct + dt.timedelta(days=7), "week")
    return hit_over_t(m, week)
