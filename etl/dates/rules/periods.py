"""Parts of a year: quarters ("the third quarter", "Q3 2017", "the April-June quarter", "the
previous quarter"), halves ("the first half of 1990") and seasons ("last summer", "that
winter", "its hottest spring").
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import Timex, add_months, gap_days, season_of, season_start, shift, timex_at
from etl.dates.context import left_context, word_after, word_before
from etl.dates.rules.shared import PART_OF, REL_STEP
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, past_form, speaks_of_future
from etl.dates.vocabulary import MONTH_ABBR, MONTH_FULL, MONTH_NUM, ORDINALS, SEASONS, YEAR4


_HALF_LEFT = re.compile(r"\b(?:[Tt]he\s+)?(?P<h>(?i:first|second|last|latter|final|front|back))\s+$")


_L_SEASON = re.compile(
    r"(?:\b(?P<cue>in|during|since|until|by|over|through|throughout|before|after|for)\s+(?=the\s))?"
    r"(?:\b(?P<the>the)\s+|\b(?P<rel>this\s+past|this\s+coming|last|this|next|past|coming)\s+)?"
    r"(?:\b(?P<mod>early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)


_SPORTS = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|\d+\s+rebounds|half-?time|overtime|three-pointers?|free\s+throws?"
    r"|quarterback|scored|scoring|minutes?\s+(?:left|remaining|to\s+play)|seconds\s+(?:left|remaining|to\s+play)"
    r"|to\s+play\s+in\s+the|\d+-\d+\s+(?:win|victory|loss|defeat|lead))\b",
    re.IGNORECASE,
)
"""Words that make "the fourth quarter" a period of a game, not of a year."""


# Quarters: "the third quarter", "third-quarter", "the fourth quarter of 2016", "Q3 2017"
@rule(
    "quarter",
    r"\b(?P<t>(?:(?P<relyear>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?P<y1>(?:19|20)\d\d)\s+|the\s+)?"
    r"(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?quarter\b"
    r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>(?:19|20)\d\d)\b|(?P<relyear2>this|last|next)\s+year\b|(?P<theyear>the\s+(?:current\s+)?year)\b(?![-’']))"
    r"|,?\s+(?P<y3>(?:19|20)\d\d)\b(?![\d,.]?\d))?)(?!\s+of\s+(?:a|an|the|its|his|her|their)\b)", re.IGNORECASE,
)
def quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Calendar quarters -> ``YYYY-Qn`` (TIMEX3), granularity quarter.

    With a year ("the fourth quarter of 2016", "this year's third quarter", "the 1988
    second quarter") as written; "of the year" names the DCT's (the year before's for a quarter
    still ahead in a past clause). Without one, the quarter nearest the DCT (0 when the DCT
    falls in it; ties go to the past): in a story of 1989-10-26 "the third quarter" is
    1989-Q3 and in one of 1998-01-26 "the fourth quarter" is 1997-Q4 (news convention,
    the same rule as for months), moved by the clause's tense (:func:`_quarter_year`). "last
    quarter" alone is the quarter before the DCT's.

    TimeML (DCT 2017-12-27): ``Profit fell in <TIMEX3 type="DATE" value="2016-Q4">the fourth quarter
        of 2016</TIMEX3>.``
    """
    q_word = m["q"].lower()
    fiscal = "fiscal" in m["t"].lower()
    year = None
    if m["y1"] or m["y2"] or m["y3"]:
        year = int(m["y1"] or m["y2"] or m["y3"])
    elif m["relyear"] or m["relyear2"]:
        year = dct.year + REL_STEP[(m["relyear"] or m["relyear2"]).lower()]
    if q_word in ("last", "final"):
        if year is None and q_word == "last":
            if m["t"].lower().startswith("the"):
                return None  # "the last quarter": the previous one or the fourth? left alone
            prev = add_months(dct.replace(day=1), -3)
            return hit_over_t(m, timex_at(prev, "quarter"))
        q = 4
    else:
        q = ORDINALS[q_word]
    if year is None and fiscal:
        # a fiscal quarter without its year: TIMEX3 value in the DCT's (fiscal) year, as
        # TimeBank annotates it; no calendar range, since fiscal calendars vary
        return Hit(*m.span("t"), Timex("DATE", f"{dct.year:04d}-Q{q}", "quarter"))
    if year is None and m["theyear"]:
        # "the first quarter of the year": of the DCT's year, the year before's when that quarter is
        # still ahead in a past clause (results of the fourth quarter reported in January)
        year = dct.year
        if dt.date(year, 3 * q - 2, 1) > dct and clause_tense(text, *m.span("t")) < 0:
            year -= 1
    if year is None and _SPORTS.search(text, max(0, m.start() - 150), m.end() + 150):
        return None  # "nine minutes to play in the fourth quarter": a game, not a year
    if year is None:
        year = _quarter_year(q, text, *m.span("t"), dct)
    s, e = m.span("t")
    # "third-quarter" as a modifier keeps its hyphen; a trailing ", 1990" is part of it.
    return Hit(s, e, timex_at(dt.date(year, 3 * q - 2, 1), "quarter"))


def _quarter_year(q: int, text: str, start: int, end: int, dct: dt.date) -> int:
    """The year of quarter ``q`` named without one at ``text[start:end]``: the quarter nearest
    the DCT (0 when the DCT falls in it; ties go to the past), the year before's when that one
    is still ahead in a past-tense clause ("was well below the pace of the fourth quarter" in
    June 1995: ``1994-Q4``; HeidelTime's tense rule). Not the year after's in a future clause: a
    future cue is mostly the report's, "expects to report third-quarter results" (TBAQ, 6 of 6)."""
    options = [(y, q) for y in (dct.year - 1, dct.year, dct.year + 1)]

    def gap(yq: tuple[int, int]) -> tuple[int, int]:
        first = dt.date(yq[0], 3 * yq[1] - 2, 1)
        return (gap_days(first, add_months(first, 3), dct), yq[0])

    year = min(options, key=gap)[0]
    first = dt.date(year, 3 * q - 2, 1)
    if first > dct and clause_tense(text, start, end) < 0:
        return year - 1
    return year


# "Q4 earnings", "in Q1": a quarter written short, without its year
@rule("bare_q", r"\b(?P<t>Q(?P<q>[1-4]))\b(?![\w-]|\s*(?:of\s+)?(?:19|20)\d\d|\s*['’]?\d\d\b)")
def bare_q(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"Q4 earnings", "recover in Q1" -> the quarter as :func:`quarter` places one written without
    its year (:func:`_quarter_year`); "Q3 2017" is :func:`q_year`'s.

    TimeML (DCT 2022-12-07): ``It expects margins to recover in <TIMEX3 type="DATE"
        value="2023-Q1">Q1</TIMEX3>.``
    """
    q = int(m["q"])
    return hit_over_t(m, timex_at(dt.date(_quarter_year(q, text, *m.span("t"), dct), 3 * q - 2, 1), "quarter"))


# A quarter named by its months: "the April-June quarter", "the July-September period"
@rule(
    "month_range_quarter",
    rf"\b(?P<t>(?:the\s+)?(?P<m1>{MONTH_FULL}|{MONTH_ABBR})\.?\s?(?P<sep>[-–/])\s?(?P<m2>{MONTH_FULL}|{MONTH_ABBR})\.?"
    rf"(?:,?\s+(?P<y>{YEAR4}))?(?P<noun>\s+(?:fiscal\s+)?(?:quarter|period|three\s+months))?"
    rf"|the\s+(?P<qm>March|June|September|December)\s+quarter)\b",
)
def month_range_quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A calendar quarter named by its first and last months, as Japanese, Indian and
    markets copy write it: "the April-June quarter" -> ``2011-Q2`` (TIMEX3 quarter value),
    "the Oct.-Dec. period", "the July-September three months"; the year as written ("the
    January-March 2012 quarter"), else the year :func:`quarter` gives a quarter written without
    one (the nearest, not moved ahead by a future cue: "will report results for the April-June
    quarter" in August is the one just ended). Months that span no calendar
    quarter ("the March-May period") are left to the month rules.

    TimeML (DCT 2011-03-12): ``Growth could fall in <TIMEX3 type="DATE" value="2011-Q2">the
        April-June quarter</TIMEX3>.``

    A hyphenated span before another noun is the quarter too ("January-March gross domestic
    product figures"); "the March quarter" (Australian and Indian copy) is the quarter that
    ends in that month.
    """
    if m["qm"]:
        m1 = MONTH_NUM[m["qm"].lower()] - 2
        return hit_over_t(m, timex_at(dt.date(_quarter_year((m1 + 2) // 3, text, *m.span("t"), dct), m1, 1), "quarter"))
    m1, m2 = MONTH_NUM[m["m1"].lower()], MONTH_NUM[m["m2"].lower()]
    if m1 % 3 != 1 or m2 != m1 + 2 or not (m["noun"] or m["sep"] != "/"):
        return None
    s, e = m.span("t")
    if not m["noun"]:
        s = m.start("m1")  # "the January-March GDP figures": the determiner is the figures'

    d = dt.date(int(m["y"]) if m["y"] else _quarter_year((m1 + 2) // 3, text, s, e, dct), m1, 1)
    return Hit(s, e, timex_at(d, "quarter"))


# Half years: "the first half of 1990", "the last half of 1989", "the second half
# of next year", "the first two quarters of 1990"
@rule(
    "half_year",
    r"(?P<t>(?:half|two\s+quarters)\s+of\s+"
    r"(?:(?P<fiscal>fiscal\s+)?(?P<y>(?:19|20)\d\d)\b(?![\d,.]?\d)|(?P<rel>this|last|next)\s+year\b"
    r"|(?P<the>the\s+(?:current\s+)?year)\b(?!\s+(?:before|after|earlier|ago)\b|['’])))",
)
def half_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Half years -> ``YYYY-H1``/``YYYY-H2`` (TimeML 1.2.1 TIMEX3 value syntax, as in
    TimeBank: "the last half of 1989" -> ``1989-H2``; "the first two quarters of 1990"
    -> ``1990-H1``). The year as written, "this/last/next year" from the DCT, or "the year",
    the DCT's ("the second half of the year", as :func:`~etl.dates.rules.years.the_year` reads "the year"). The range
    is January-June or July-December; none for a fiscal year (fiscal calendars vary).
    TIMEX3 has no half-year granularity: the mention has none.

    TimeML (DCT 2017-12-27): ``Earnings for <TIMEX3 type="DATE" value="2017-H2">the second half of
        2017</TIMEX3> will fall.``
    """
    left = _HALF_LEFT.search(text, max(0, m.start() - 16), m.start())
    if left is None:
        return None
    half = 1 if left["h"].lower() in ("first", "front") else 2  # "the back half of the year": business slang for the second
    s, e = left.start(), m.end()
    if m["y"]:
        year = int(m["y"])
    elif m["the"]:
        year = dct.year  # "the second half of the year": the DCT's, as "for the year" is
    else:
        year = dct.year + REL_STEP[m["rel"].lower()]
    if m["fiscal"]:
        return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None))
    first = dt.date(year, 6 * half - 5, 1)
    return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None, first, add_months(first, 6)))


# "the second half" alone in business copy: a half of the DCT's year
@rule(
    "the_half",
    r"\b(?P<t>[Tt]he\s+(?P<h>first|second)\s+half)\b(?![-’']|\s+of\b)"
    r"|\b(?P<t2>(?P<h2>[Ff]irst|[Ss]econd)-half)(?=\s+(?:sales|profits?|earnings|results|revenues?|growth|loss(?:es)?|net|income|output|figures|demand)\b)",
)
def the_half(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the first (second) half" with no "of" after it, and "first-half" ("second-half") before a
    word of results ("second-half sales"), in business or economic copy (a word of
    :data:`_BUSINESS` within 300 characters, none of :data:`_GAME`) -> a half of the DCT's year
    (``2009-H2``; TIMEX3 value syntax as :func:`half_year`), the year before for the second
    half in a past clause written in the first half ("profit rose in the second half" in
    February), the year after for the first half in a future clause written in the second
    ("expect growth to slow in the first half" in December). In sports copy "the second
    half" is a match's.

    TimeML (DCT 2009-07-29): ``Demand should recover in <TIMEX3 type="DATE" value="2009-H2">the
        second half</TIMEX3>, the chief executive said.``
    """
    lo, hi = max(0, m.start() - 300), m.end() + 300
    if _GAME.search(text, lo, hi) or _SPORTS.search(text, lo, hi) or not _BUSINESS.search(text, lo, hi):
        return None
    half = 1 if (m["h"] or m["h2"]).lower() == "first" else 2
    year = dct.year
    s, e = m.span("t" if m["t"] else "t2")
    if half == 2 and dct.month <= 6 and not speaks_of_future(text, s, e) and clause_tense(text, s, e) < 0:
        year -= 1
    elif half == 1 and dct.month >= 7 and speaks_of_future(text, s, e) and not _COMPARED_WITH.search(text, max(0, s - 20), s):
        # "expect the transaction to close by the end of the first half" in September; not the half
        # a forecast is measured against ("sales stronger than in the first half": the one just ended)
        year += 1
    first = dt.date(year, 6 * half - 5, 1)
    return Hit(s, e, Timex("DATE", f"{year:04d}-H{half}", None, first, add_months(first, 6)))


_COMPARED_WITH = re.compile(r"\b(?:than|from|compared\s+(?:with|to)|versus|vs\.)\s+(?:in\s+|during\s+)?$", re.IGNORECASE)
_BUSINESS = re.compile(
    r"\b(?:profits?|sales|revenues?|earnings|econom(?:y|ic|ies)|growth|demand|prices|percent|inflation|output|GDP|fiscal|shares"
    r"|unemployment|jobless|exports|imports|investment|spending|production|markets?|housing|margins?|loss(?:es)?|loans?|lenders?"
    r"|dividends?|results|orders|deliveries|bookings|forecasts?|outlook|guidance)\b|%",
    re.IGNORECASE,
)
"""Words of business and economic copy, where "the second half" is a half of the year."""
_GAME = re.compile(
    r"\b(?:goals?|match(?:es)?|games?|penalty|striker|halftime|half-time|innings|kick(?:ed|off)?|referee|league|minute)\b",
    re.IGNORECASE,
)
"""Words of sports copy, where "the second half" is a half of a match."""


# "the previous quarter": the quarter before the one mentioned before it
@rule(
    "quarter_anaphor",
    r"\b(?P<t>the\s+(?:previous|preceding|prior)\s+quarter)\b(?![-’'])", re.IGNORECASE,
)
def quarter_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the previous (preceding, prior) quarter" -> the quarter before the date mentioned
    before it ("rose in the third quarter from the previous quarter" -> Q2; TimeML 1.2.1
    ``anchorTimeID``, as :func:`~etl.dates.rules.anaphors.anaphor` reads "the previous month"), else the one before the
    DCT's.

    TimeML (DCT 2000-11-01): ``Profit rose in <TIMEX3 type="DATE" value="2000-Q3">the third
        quarter</TIMEX3> from <TIMEX3 type="DATE" value="2000-Q2">the previous quarter</TIMEX3>.``
    """
    return hit_over_t(m, Anaphor("quarter", -1, named=True, fallback=timex_at(shift(dct, "quarter", -1), "quarter")))


@rule(
    "relative_quarter",
    r"\b(?P<t>(?P<rel>this|next|last|the\s+current|current)\s+quarter)\b(?!\s+of\b)", re.IGNORECASE,
)
def relative_quarter(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this/the current quarter" -> the DCT's quarter; "next quarter", "last quarter" -> +-1.

    TimeML (DCT 2017-12-27): ``Sales will rise <TIMEX3 type="DATE" value="2018-Q1">next
        quarter</TIMEX3>.``
    """
    rel = m["rel"].lower()
    step = {"next": 3, "last": -3}.get(rel, 0)
    return hit_over_t(m, timex_at(add_months(dct.replace(day=1), step), "quarter"))


@rule(
    "q_year",
    r"\b(?P<t>Q(?P<q>[1-4])\s*(?:of\s+)?(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4]))\b",
)
def q_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"Q3 2017" / "2017 Q3" -> ``2017-Q3``.

    TimeML (DCT 2017-12-27): ``Output in <TIMEX3 type="DATE" value="2017-Q3">Q3 2017</TIMEX3> was
        flat.``
    """
    q = int(m["q"] or m["q2"])
    y = int(m["y"] or m["y2"])
    return hit_over_t(m, timex_at(dt.date(y, 3 * q - 2, 1), "quarter"))


# Seasons: "last summer", "this winter", "the summer of 1989", "in the spring"
@rule(
    "season",
    r"\b(?P<s>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter"
    r"|SPRING|SUMMER|FALL|AUTUMN|WINTER)"
    r"(?:\s+of\s+(?P<y1>(?:19|20)\d\d)(?:[-–/](?P<y3>\d\d(?:\d\d)?))?\b|\s+of\s+(?P<ry>(?i:last|this|next))\s+year\b"
    r"|,?\s+(?P<y2>(?:19|20)\d\d)\b)?(?![\w-])",
)
def season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Seasons -> ``YYYY-SP``/``SU``/``FA``/``WI`` (TIMEX3), granularity season.

    Northern-hemisphere meteorological seasons: spring Mar-May, summer Jun-Aug, fall
    (autumn) Sep-Nov, winter Dec-Feb labelled with the year of its December. With a year
    ("the summer of 1989") as written ("the winter of 1944-45" is the one of December 1944), and
    "the autumn of last year" in the DCT's year minus one
    (plus one for "next year"); "this summer" = the one of the DCT's year (for
    winter: the one holding the DCT, or starting in its December; in December "this spring"
    and "this summer" are the coming ones, of the year the winter runs into, unless the clause is
    in the past, "started early this spring"); "last summer" = the
    latest summer that started before the DCT's season; "next" = the first after it;
    "in the summer" = the nearest one. Needs a year, last/this/next, early/late or
    "in the": "the fall of Saigon" and "a fall in prices" are not seasons.

    TimeML (DCT 2017-12-27): ``Flooding <TIMEX3 type="DATE" value="2017-SU">last summer</TIMEX3> hit
        the region, as in <TIMEX3 type="DATE" value="1989-FA">the fall of 1989</TIMEX3>.``
    """
    code = SEASONS[m["s"].lower()]
    lm = left_context(_L_SEASON, text, m.start())
    the = lm["the"] if lm else None
    rel = re.sub(r"\s+", " ", ((lm["rel"] or "") if lm else "").lower())
    mod = lm["mod"] if lm else None
    cue = lm["cue"] if lm else None
    starts = [lm.start(g) for g in ("the", "rel", "mod") if lm and lm[g]]  # type: ignore[union-attr]
    s = min(starts) if starts else m.start()
    e = m.end()
    if m["s"][0].isupper() and not m["s"].isupper() and text[e : e + 1] == " " and word_after(text, e)[:1].isupper():
        return None  # "Winter Olympics", "Spring Festival"
    year = m["y1"] or m["y2"]
    if m["y3"]:  # "the winter of 1944-45": the winter that begins in the first year
        if code != "WI" or int(m["y3"]) % 100 != (int(m["y1"]) + 1) % 100:
            return None
    if m["ry"]:  # "the autumn of last year": that year's season
        year = str(dct.year + {"last": -1, "this": 0, "next": 1}[m["ry"].lower()])
    if not (year or rel or mod or (the and cue)):
        return None
    if m["s"].lower() == "fall" and not (year or rel):
        nxt = text[e : e + 4].lower()
        if nxt.startswith(" of") or nxt.startswith(" in"):
            return None
    if year:
        start = season_start(int(year), code)
    else:
        cur_y, cur_code = season_of(dct)
        cur = season_start(cur_y, cur_code)
        cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
        if rel in ("last", "this past", "past"):
            start = max(c for c in cands if c < cur)
        elif rel in ("next", "this coming", "coming"):
            start = min(c for c in cands if c > cur)
        elif rel == "this":
            # "this spring" in December: the coming one, unless a past clause tells of the one gone ("the
            # fire season started early this spring": HeidelTime's tense rule)
            ahead = dct.month == 12 and code in ("SP", "SU") and clause_tense(text, s, e) >= 0
            start = cur if code == cur_code else season_start(dct.year + ahead, code)
        else:
            start = season_by_tense(cands, text, s, e, dct)
    return Hit(s, e, timex_at(start, "season"))


def season_by_tense(cands: list[dt.date], text: str, start: int, end: int, dct: dt.date) -> dt.date:
    """Of the starts ``cands`` (in date order) of one season in several years, the one "the
    summer" at ``start:end`` names: after "since" the latest begun by the DCT ("the strictest
    lockdowns since the spring" in a story of December); in a clause that speaks of the future
    the first not over by the DCT ("will bring life back to normal by the summer" in December:
    next summer; HeidelTime's tense rule); in a past clause the latest begun by the DCT ("first
    reported the flaw in the summer" in February); else the nearest, the past winning a tie."""
    if word_before(text, start) == "since" and any(c <= dct for c in cands):
        return max(c for c in cands if c <= dct)
    if speaks_of_future(text, start, end) and any(add_months(c, 3) > dct for c in cands):
        return min(c for c in cands if add_months(c, 3) > dct)
    if clause_tense(text, start, end) < 0 and any(c <= dct for c in cands):
        return max(c for c in cands if c <= dct)  # "first reported the flaw in the summer" (in February): the last one
    return min(cands, key=lambda c: (gap_days(c, add_months(c, 3), dct), -c.toordinal()))


# "its hottest spring", "Britain's wettest summer": a season ranked against the others
@rule(
    "ranked_season",
    r"\b(?:[Ii]ts|[Tt]he|[Tt]heir|[A-Z][a-z]+['’]s)\s+(?:[a-z]{3,}est|most\s+[a-z]+)\s+(?P<t>(?P<s>spring|summer|autumn|winter))\b(?![-’'])"
    r"(?!\s+(?:storms?|olympics?|games|session|term|wheat|of\s|on\s+record\s+for)\b)",
    needs=frozenset(["spring", "summer", "autumn", "winter"]),
)
def ranked_season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A season after a superlative ("Spain recorded its hottest spring since records began",
    "Britain's wettest summer") -> that season, placed by the clause's tense as "the summer" is
    (:func:`season_by_tense`: in a past clause the latest begun by the DCT). Not "fall", as often a
    decline ("its steepest fall since 2008").

    TimeML (DCT 2022-06-21): ``Spain recorded its hottest <TIMEX3 type="DATE"
        value="2022-SP">spring</TIMEX3> since records began.``
    """
    code = SEASONS[m["s"].lower()]
    cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    return hit_over_t(m, timex_at(season_by_tense(cands, text, m.start("t"), m.end("t"), dct), "season"))


# "the following spring", "the previous winter": a season anchored on the date before it
@rule(
    "season_anaphor",
    r"\b(?P<t>[Tt]he\s+(?P<dir>(?i:following|next|previous|preceding))\s+(?P<s>(?i:spring|summer|fall|autumn|winter)))\b(?![-’'])"
    r"(?!\s+(?i:games|olympics?|paralympics?|session|term|semester|festival|season)\b)",
)
def season_anaphor(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the following (next) spring" -> the first spring that starts after the date told
    before it ends; "the previous (preceding) winter" the last winter over before it starts
    (TimeML 1.2.1 ``anchorTimeID``, as :func:`~etl.dates.rules.anaphors.anaphor` reads "the following year"; seasons as
    :func:`season`). With no date before it, the same from the DCT's season ("next spring",
    "last winter").

    TimeML (DCT 2017-12-27): ``The fighting began in <TIMEX3 type="DATE" value="2008-FA">the
        autumn of 2008</TIMEX3>. <TIMEX3 type="DATE" value="2009-SP">The following
        spring</TIMEX3>, aid workers returned.``
    """
    code = SEASONS[m["s"].lower()]
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    cur_y, cur_code = season_of(dct)
    cur = season_start(cur_y, cur_code)
    cands = [season_start(y, code) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1, dct.year + 2)]
    start = min(c for c in cands if c > cur) if sign > 0 else max(c for c in cands if c < cur)
    return hit_over_t(m, Anaphor("season", sign, season=code, fallback=timex_at(start, "season")))


_THAT_CLAUSE_VERBS = frozenset(
    """say says believe believes think thinks know knows hope hopes warn warns fear fears mean means
    show shows suggest suggests argue argues claim claims insist insists note notes add adds so such""".split()
)
"""Verbs (and "so", "such") after which "that" opens a clause, not a demonstrative: "warned that
winter storms", "said that May would resign" (with :func:`~etl.dates.tense.past_form`)."""
_AFTER_THAT_MONTH = re.compile(r"(?:\s*[,.;:)!?]|\s+(?:he|she|it|they|we|I|you|the|a|an|his|her|its|their|in|of|on|when|as|was|were|had|and|or)\b|\s*$)")
"""What follows "that May" when it is the month ("a ballot that May, six weeks before", "that March
the army ..."), not the name or the modal before a verb ("that May pulled the vote")."""


def _that_demonstrative(text: str, start: int) -> bool:
    """True when the "that" at ``start`` is a demonstrative, not the conjunction after a verb of
    saying or thinking ("said that winter storms", "insist that May will stay")."""
    if not re.search(r"\w\s+$", text[max(0, start - 3) : start]):
        return True  # it opens a sentence or follows a punctuation mark
    before = word_before(text, start)
    return not (before in _THAT_CLAUSE_VERBS or past_form(before))


# "that winter", "that May": the season or the month of the year told before
@rule(
    "that_season_month",
    rf"\b(?P<t>[Tt]hat\s+(?:same\s+)?(?:(?P<s>(?i:spring|summer|fall|autumn|winter))|(?P<mon>{MONTH_FULL})))\b(?![-’'])(?!\s*\d)",
)
def that_season_month(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"that winter", "that summer", "that May" -> the season or the month of the date told before
    it (TimeML 1.2.1 ``anchorTimeID``; a demonstrative points back, as "that year" and "that
    day" do): the season that holds the date told before ("In January 1917 ... That winter" ->
    ``1916-WI``), else the one that starts in its year ("In 1951 ... That summer" -> ``1951-SU``);
    the month in its year ("In June 2012, six weeks after a ballot that May" -> ``2012-05``).
    With no date told before it, nothing: the demonstrative has no referent in the text. Not
    after a verb of saying ("warned that winter storms"); "that May/March/August" only before a
    clause's start or a punctuation mark (the name and the verbs: "that May pulled the vote").

    TimeML (DCT 2017-04-06): ``In <TIMEX3 type="DATE" value="1951">1951</TIMEX3> he joined the
        Dodgers. <TIMEX3 type="DATE" value="1951-SU">That summer</TIMEX3> he married.``
    """
    if not _that_demonstrative(text, m.start("t")):
        return None
    if m["s"]:
        return hit_over_t(m, Anaphor("season", 0, season=SEASONS[m["s"].lower()], mentioned_only=True))
    month = MONTH_NUM[m["mon"].lower()]
    if m["mon"].lower() in ("may", "march", "august") and not _AFTER_THAT_MONTH.match(text, m.end()):
        return None
    return hit_over_t(m, Anaphor("year", 0, month=month, mentioned_only=True))


@rule(
    "plain_season",
    r"\b(?P<t>(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|winter))\b", re.IGNORECASE,
    relaxed=True,
)
def plain_season(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A season inside a spaCy DATE span ("the summer") -> the nearest such season, or after
    "the" (or "since": "has pushed rates up since spring" in December is this year's) the one the
    clause's tense names (:func:`season_by_tense`).

    TimeML (DCT 2017-12-27): ``It was hot in <TIMEX3 type="DATE" value="2017-SU">summer</TIMEX3>.``
    """
    if _SEASON_KIND.match(text, m.end()):
        return None  # "a winter storm warning", "the Summer Olympics": a kind, no season; "The Winter's Tale": a title
    if m["s"].lower() == "spring" and not m["t"].lower().startswith("the") and _SPRING_VERB.match(text, m.end()):
        return None  # the verb: "clocks spring forward March 9", "prices could spring back"
    code = SEASONS[m["s"].lower()]
    cands = [season_start(y, code) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if not m["t"].lower().startswith("the") and word_before(text, m.start("t")) != "since":  # "poor summer weather": a modifier, the nearest
        start = min(cands, key=lambda c: (gap_days(c, add_months(c, 3), dct), -c.toordinal()))
        return hit_over_t(m, timex_at(start, "season"))
    part = PART_OF.search(text, max(0, m.start() - 30), m.start())
    start = season_by_tense(cands, text, part.start() if part else m.start(), m.end(), dct)
    return hit_over_t(m, timex_at(start, "season"))


_SPRING_VERB = re.compile(r"\s+(?:forward|back|up|ahead|into\s+action|to\s+life)\b")
"""Particles after "spring" that make it the verb ("clocks spring forward", "spring into
action"), not the season."""
_SEASON_KIND = re.compile(
    r"\s+(?:storms?|olympics?|games|solstice|wheat|sports|squash|apparel|clothing|clothes|coats?|fashions?|tires|tyres|festival)\b"
    r"|['’]s\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
"""Nouns a season names a kind of ("winter storm", "Summer Olympics", "winter wheat", "summer
apparel")."""
