"""Years and longer: "in 2016", "fiscal 1989", "the 1998-99 season", "the 1990s", "the 20th
century", "the turn of the century", "the new millennium", "nineteen ninety-six", "the year",
"mid-year", "this fiscal year", "in the new year".
"""

from __future__ import annotations

import datetime as dt
import re

from etl.dates.anchoring import Timex, season_start, timex_at
from etl.dates.context import left_context, word_after, word_before
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, past_form, speaks_of_future
from etl.dates.vocabulary import (
    CHANGE_VERBS,
    COUNT_NOUNS,
    MONTH_FULL,
    MONTH_NUM,
    OF_HEADS,
    ORDINALS,
    SEASONS,
    SPOKEN_YEAR,
    TZ_NAME,
    alts,
    spoken_year_value,
)


_L_YEAR = re.compile(
    r"(?:(?:\b(?P<cue>in|since|by|until|till|from|of|before|after|during|through|between|around|circa|pre"
    r"|post|throughout|and|or|to|for|into|both|the|a|an|its|his|her|their|our|that|this|whose)|(?P<poss>['’]s))"
    r"(?:\s+|-))?(?:\b(?P<mod>early|late|mid|fiscal(?:\s+year)?|the\s+year|calendar)[\s-]+)?$",
    re.IGNORECASE,
)


# Years 1900-2099, validated by a cue word in the resolver: "in 2016", "since 1997",
# "early 1990", "fiscal 1989", "the 1996 campaign"
@rule(
    "cued_year",
    r"(?<![\d$£€#.,'’/])\b(?P<y>(?:1\d|2[01])\d\d)\b"
    r"(?![\d,.]?\d|\s*(?:%|percent\b|per\s+cent\b)|-\d|['’]?s\b)",
)
def cued_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A 4-digit year 1600-2099 after a cue word -> ``YYYY``, year granularity (1000-1599 and
    2100-2199 only as :data:`_DISTANT_YEAR_CUES` says).

    Cues: in, since, by, until, from, for, into, before, after, during, through,
    early/late/mid-, fiscal; "of" after "the end of", "the spring of", a capitalized name
    ("the Act of 1989"); "and"/"or"/"to" after another year ("between 1990 and 1995"), a
    comma inside a list of years ("in 1994, 1995 and 1997"), or
    "to" after a non-numeric verb ("dating to 1994"); a determiner or possessive when a
    word follows ("the 1996 campaign", "its 1990 invasion", "the company's 1989 results").
    Not a year when a count noun follows ("in 2000 cities"), when a verb of change
    precedes ("rose by 2000"), or after "$". The preposition stays outside the extent,
    early/late/mid/fiscal stay inside (TIMEX3 guidelines).

    TimeML (DCT 2017-12-27): ``In <TIMEX3 type="DATE" value="2016">2016</TIMEX3> the index rose to
        2010 points.``
    """
    lm = left_context(_L_YEAR, text, m.start())
    cue = ((lm["cue"] or lm["poss"] or "") if lm else "").lower()
    mod = lm["mod"] if lm else None
    if not (cue or mod):
        if re.search(r"(?:19|20)\d\d,\s*$", text[max(0, m.start() - 8) : m.start()]) and re.match(
            r"(?:,\s*(?:19|20)\d\d)*,?\s+(?:and|or)\s+(?:19|20)\d\d\b", text[m.end() : m.end() + 40]
        ):
            # inside a list of years: "in 1994, 1995 and 1997"
            return Hit(m.start(), m.end(), timex_at(dt.date(int(m["y"]), 1, 1), "year"))
        return None
    s = lm.start("mod") if mod else m.start()  # type: ignore[union-attr]
    e = m.end()
    cue_start = lm.start()  # type: ignore[union-attr]
    if not 1600 <= int(m["y"]) < 2100 and (cue not in _DISTANT_YEAR_CUES or not _YEAR_ENDS_PHRASE.match(text, e)):
        return None  # "in 1492.", "by 2100,": a year outside 1600-2099 only after a preposition of time, its phrase ending
    nxt = word_after(text, e)
    if nxt.lower() in COUNT_NOUNS or (text[e : e + 1] == "-" and not mod):
        return None
    if _NUMBER_NOT_YEAR_AFTER.match(text, e):
        return None  # "marched to 1600 Pennsylvania Avenue": a street number
    hit = Hit(s, e, timex_at(dt.date(int(m["y"]), 1, 1), "year"))
    if mod:
        return hit
    prev = word_before(text, cue_start)
    after_year = re.search(r"(?:1[6-9]|20)\d\d\s*$", text[max(0, cue_start - 8) : cue_start])
    if cue in ("and", "or") and not after_year:
        return None
    if cue == "to" and not after_year and (
        prev in CHANGE_VERBS or prev in ("close", "amount", "amounted", "amounting", "equal", "rate")
    ):
        return None
    if cue in ("by", "from") and prev in CHANGE_VERBS:
        return None
    if cue == "of" and prev not in OF_HEADS:
        if not re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, cue_start - 30) : cue_start]):
            return None
    if cue in ("the", "a", "an", "its", "his", "her", "their", "our", "that", "this", "whose", "'s", "’s"):
        # a determiner: the year must modify a following word ("the 1996 campaign"), not be the
        # subject of a verb or the first of two titles ("Orwell's 1984 and ...", "The 1975 headlined")
        if not re.match(r" [A-Za-z]", text[e : e + 2]):
            return None
        after = word_after(text, e)
        if past_form(after) or (after in ("is", "are", "has", "and", "or") and not re.match(r"\s+(?:and|or)\s+(?:19|20)\d\d", text[e:])):
            return None
    return hit


_DISTANT_YEAR_CUES = frozenset("in since by until till from before after through during".split())
_YEAR_ENDS_PHRASE = re.compile(
    r"(?![^.;\n]{0,16}\b(?:B\.?C\.?E?|BCE)(?!\w))\s*(?:[.,;:!?)\"”]|$|\s(?:and|or|when|as|but|to|with|under|after|before)\b)"
)
"""A year outside 1600-2099 is taken only when a preposition of time precedes it and its phrase
ends after it ("Columbus reached the Americas in 1492.", "could rise 6 degrees by 2100,"): a
number of that size is more often a count ("in 1200 cities", "by 1500 points"); none before
"B.C." ("from 1354 to 1345 B.C.": no year of the common era)."""


# A range of years: "from 2009-2013", "the 1998-99 season" (each end a TIMEX3)
_YEAR_RANGE = r"(?<![\d$£€#.,'’/-])\b(?P<y1>(?:1[6-9]|20)\d\d)\s?[-–]\s?(?P<y2>(?:1[6-9]|20)\d\d|\d\d)\b(?![-–/.,]?\d)"


def year_range_ends(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The two years (1600-2099) of a :data:`_YEAR_RANGE` match, or None when it is no range:
    the second must follow the first, by at most four centuries (a life, "Ba Jin
    (1904-2005)", or a dynasty, "the Qing Dynasty (1644-1911)"; a two-digit end takes the first's century:
    "1998-99" is 1998 to 1999, "2017-12" is no range, a month), and no count noun, measure
    or time zone follows ("2000-3000 people", "a 2050-2100 range", "1900-2000 GMT")."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 - y1 % 100 + int(m["y2"])
    after = word_after(text, m.end()).lower()
    if not y1 < y2 <= y1 + 400 or after in COUNT_NOUNS or after in _NOT_A_YEAR_AFTER:
        return None
    if re.match(rf"\s*{TZ_NAME}\b", text[m.end() : m.end() + 16]):
        return None  # "between 1900-2000 GMT": a range of clock times
    return y1, y2


_NOT_A_YEAR_AFTER = frozenset("range level levels mark area zone hours gmt utc metres meters feet".split())
"""Words after a pair of 4-digit numbers that make them levels or clock times, not years."""


@rule("year_range", _YEAR_RANGE)
def year_range(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The first year of a range written with a dash ("from 2009-2013", "the 1998-99 season")
    -> ``2009``; :func:`year_range_end` tags the other end. TimeML 1.2.1 marks each end of a
    range as a TIMEX3 of its own, as "from 2009 to 2013" is tagged (:func:`cued_year`).

    TimeML (DCT 2017-12-27): ``He served from <TIMEX3 type="DATE" value="2009">2009</TIMEX3>-<TIMEX3
        type="DATE" value="2013">2013</TIMEX3>.``
    """
    ends = year_range_ends(m, text)
    return Hit(m.start("y1"), m.end("y1"), timex_at(dt.date(ends[0], 1, 1), "year")) if ends else None


@rule("year_range_end", _YEAR_RANGE)
def year_range_end(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """The second year of a range written with a dash ("2018-2020" -> ``2020``, "1998-99" ->
    ``1999``), see :func:`year_range`.

    TimeML (DCT 2017-12-27): ``The plan covers <TIMEX3 type="DATE" value="2018">2018</TIMEX3>-<TIMEX3
        type="DATE" value="2020">2020</TIMEX3>.``
    TimeML (DCT 2017-12-27): ``Output fell in the <TIMEX3 type="DATE" value="1998">1998</TIMEX3>-<TIMEX3
        type="DATE" value="1999">99</TIMEX3> season.``
    """
    ends = year_range_ends(m, text)
    return Hit(m.start("y2"), m.end("y2"), timex_at(dt.date(ends[1], 1, 1), "year")) if ends else None


_READING_BEFORE = re.compile(
    r"\b(?:temperatures?|highs|lows|degrees|readings?|thermometers?|mercury|wind\s+chills?|heat\s+index)\b[^.;!?]*$",
    re.IGNORECASE,
)
"""A weather reading earlier in the clause: "the fifties" after it is a range of degrees (US
weather copy: "highs in the seventies"), not a decade."""


# Decades: "the 1990s", "the mid-1990s", "the '80s", "the nineties"
@rule(
    "decade",
    r"(?P<t>(?<![\w'’])(?:[Tt]he\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<full>1\d\d0|20\d0)['’]?s"
    r"|['’](?P<short>\d0)s|(?:(?P<cent>(?i:eighteen|nineteen))[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b",
    # "1990s", "1990's", "'90s", "nineties": the parse tree shows only "0" and "s"
    needs=frozenset(["0s", "0's", "0’s", *"twenties thirties forties fifties sixties seventies eighties nineties".split()]),
)
def decade(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the 1990s" -> ``199``, granularity decade, range 1990-01-01..2000-01-01 (TIMEX3
    value: the first three digits). "the '90s"/"the nineties" -> the latest such decade
    that starts on or before the DCT's year ("the nineteen eighties", as broadcast copy says it:
    ``198``), unless a weather reading comes before it in the
    clause ("highs in the seventies"). "the 1800s" is a century (``18``); "the 1900s"
    is left alone (the century as often as its first decade); "the 2000s" in a story written
    since 2000 is the decade ``200``.

    TimeML (DCT 2017-12-27): ``It was built in <TIMEX3 type="DATE" value="199">the 1990s</TIMEX3>.``
    """
    if m["full"]:
        y = int(m["full"])
        if y % 100 == 0:
            if y == 2000 and dct.year >= 2000:
                pass  # "home prices soared in the 2000s": written since, the decade 2000-2009
            elif y >= 1900:
                return None  # "the 1900s": the century as often as its first decade, left alone
            else:
                return hit_over_t(m, timex_at(dt.date(y, 1, 1), "century"))
    else:
        if m["word"]:
            if not m["t"].lower().startswith("the"):
                return None  # "in his forties" is an age
            if _READING_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                return None  # "temperatures will climb into the fifties": degrees, not years
            digit = [
                "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
            ].index(m["word"]) + 2  # fmt: skip
        else:
            digit = int(m["short"][0])
        if m["cent"]:  # "the nineteen eighties": the century spoken
            y = (18 if m["cent"].lower() == "eighteen" else 19) * 100 + digit * 10
        else:
            y = dct.year - dct.year % 100 + digit * 10
            if y > dct.year:
                y -= 100
    return hit_over_t(m, timex_at(dt.date(y, 1, 1), "decade"))


# Centuries: "the 20th century", "the nineteenth century"
@rule(
    "century",
    rf"(?P<t>\b(?:[Tt]he\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alts(list(ORDINALS))})"
    r"[\s-]+[Cc]entury)\b(?!-old)",
)
def century(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the 20th century" -> ``19``, granularity century, range 1900-01-01..2000-01-01; not a
    capitalised "Century" before a capitalised word (a name: "20th Century Fox"); "the" is the
    noun's before an adjective ("The 19th-century mansion": "19th-century").

    TimeML (DCT 2017-12-27): ``It echoes <TIMEX3 type="DATE" value="19">the 20th century</TIMEX3>.``
    """
    if re.search(r"Century$", m["t"]) and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
        return None  # a name: "20th Century Fox", "21st Century Insurance"
    n = century_number(m["ord"])
    if not n:
        return None
    s = m.start("t")
    the = re.match(r"(?i)the\s+", m["t"])
    if the and re.search(r"-[Cc]entury$", m["t"]) and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
        s += the.end()  # "The 19th-century mansion": an adjective; the article is the noun's
    return Hit(s, m.end("t"), timex_at(dt.date((n - 1) * 100, 1, 1), "century"))


def century_number(ordinal: str) -> int | None:
    """The number of a century written as an ordinal ("20th", "twentieth" -> 20); None outside
    the 2nd-21st (a year 0 or beyond the DCT range has no TIMEX3 century here)."""
    o = ordinal.lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS.get(o)  # type: ignore[union-attr]
    return n if n and 2 <= n <= 21 else None


_CENTURY_ORDINAL = rf"\d{{1,2}}(?:st|nd|rd|th)|{alts(list(ORDINALS))}"
_DECADE_ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}


# "the turn of the century", "the last decade of the 20th century", "the first decade of this century"
@rule(
    "century_part",
    rf"\b(?P<t>[Tt]he\s+(?:(?P<ord>{alts(list(_DECADE_ORDINALS))}|last|final)\s+decade|(?P<turn>turn)"
    r"|(?P<half>(?:first|second|latter|early|earlier|later|last)\s+(?:half|part)))\s+of\s+"
    rf"(?:the\s+(?P<n>{_CENTURY_ORDINAL})[\s-]+century|(?P<rel>this|the\s+(?:last|past|previous|next)|last|next)\s+century"
    r"|the\s+(?P<bare>century|millennium)))\b",
    re.IGNORECASE,
)
def century_part(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A decade of a century, or the turn of a century (TimeML 1.2.1: the value is the
    calendar unit the phrase names; the century as :func:`century` reads it, "this/last/next
    century" from the DCT's, ``19`` for 1900-1999 as TimeBank writes centuries):

    * "the last decade of the 20th century" -> ``199``, "the first decade of this century"
      (DCT 2017) -> ``200``; "the second decade of the century" counts in the DCT's century;
    * "the first half of the 20th century", "the early part of the century" (DCT 1998) ->
      the century, ``19`` (TimeML 1.2.1 values the unit; the part is a modifier);
    * "the turn of the 20th century" -> the year it began, ``1900``; "the turn of the last
      century" (DCT 2019) -> ``1900``; "the turn of the century" (or millennium) without a
      number is the century (millennium) boundary nearest the DCT, ``2000`` from 1950 to
      2049 (HeidelTime's DCT anchoring of an unnumbered unit).

    TimeML (DCT 2008-04-14): ``The population doubled in <TIMEX3 type="DATE" value="199">the last
        decade of the 20th century</TIMEX3>.``
    TimeML (DCT 2019-07-01): ``The factory has stood empty since <TIMEX3 type="DATE"
        value="2000">the turn of the century</TIMEX3>.``
    """
    if m["n"]:
        n = century_number(m["n"])
        if n is None:
            return None
        start = (n - 1) * 100
    elif m["rel"]:
        rel = m["rel"].lower().split()[-1]
        start = dct.year // 100 * 100 + {"this": 0, "next": 100}.get(rel, -100)
    elif m["turn"]:
        size = 1000 if m["bare"].lower() == "millennium" else 100
        start = (dct.year + size // 2) // size * size
    elif m["bare"].lower() == "century":
        start = dct.year // 100 * 100
    else:
        return None  # "the last decade of the millennium": not a decade this rule can place
    if m["turn"]:
        return hit_over_t(m, timex_at(dt.date(start, 1, 1), "year"))
    if m["half"]:
        if m["bare"] and m["bare"].lower() == "millennium":
            return None
        return hit_over_t(m, timex_at(dt.date(max(start, 1), 1, 1), "century"))
    k = 10 if m["ord"].lower() in ("last", "final") else _DECADE_ORDINALS[m["ord"].lower()]
    return hit_over_t(m, timex_at(dt.date(start + 10 * (k - 1), 1, 1), "decade"))


_MILLENNIUM_ORDINALS = {"first": 1, "second": 2, "third": 3, "1st": 1, "2nd": 2, "3rd": 3}


# "the new millennium", "the third millennium", "the last millennium"
@rule(
    "millennium",
    r"\b(?P<t>(?:[Tt]he|[Tt]his)\s+(?:(?P<ord>first|second|third|1st|2nd|3rd)|(?P<rel>new|next|coming|last|past|previous|current))?\s*"
    r"[Mm]illennium)\b(?![-’']|\s+(?:[A-Z]|[Dd]ome|[Bb]ug|[Pp]roblem|[Cc]elebrations?|[Pp]arty|[Pp]arties|[Ee]ve))",
)
def millennium(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A millennium -> its first digit (TimeML 1.2.1 reduced precision, as ``19`` for a century):
    "the third millennium" -> ``2`` (2000-2999, as TimeBank counts centuries from ``00``);
    "the new millennium" -> the one that begins nearest the DCT (``2`` from 1500 to 2499, the
    news usage around 2000); "this/the current millennium" the DCT's, "the last/past/previous
    millennium" the one before it, "the next/coming" the one after. Not before a name or a noun
    it modifies ("the Millennium Dome", "the millennium bug", "millennium celebrations").

    TimeML (DCT 2000-12-31): ``Crowds gathered to greet <TIMEX3 type="DATE" value="2">the new
        millennium</TIMEX3>.``
    """
    if m["ord"]:
        start = 1000 * (_MILLENNIUM_ORDINALS[m["ord"].lower()] - 1)
    else:
        rel = (m["rel"] or "").lower()
        if rel == "new":
            start = (dct.year + 500) // 1000 * 1000
        elif m["t"][:4].lower() == "this" or rel == "current":
            start = dct.year // 1000 * 1000
        elif rel in ("last", "past", "previous"):
            start = dct.year // 1000 * 1000 - 1000
        elif rel in ("next", "coming"):
            start = dct.year // 1000 * 1000 + 1000
        else:
            return None  # "the millennium": which one is the story's
    return hit_over_t(m, timex_at(dt.date(max(start, 1), 1, 1), "millennium"))


# "the year", "for the full year", "earlier in the year", "year-end", "the fiscal
# year ended June 30"
@rule(
    "the_year",
    r"\b(?P<t>(?:(?P<inyear>earlier|later)\s+in\s+)?the\s+(?P<mod>full\s+|fiscal\s+|current\s+fiscal\s+|whole\s+|entire\s+|calendar\s+)?year"
    r"|(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year['’]s\s+end)(?P<end>))\b"
    r"(?![-’']|\s+(?:before(?!\s+[a-z]+ing\b)|after(?!\s+[a-z]+ing\b)|earlier|later|ago|two|of|in\s+which|when|\d|(?-i:[A-Z])))", re.IGNORECASE,
)
def the_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the year" in business news (TimeBank's annotation of earnings reports).

    "the (fiscal) year ended June 30" / "the fiscal year" -> DURATION ``P1Y`` (a span
    named by its end); "the current fiscal year", "the year", "for the full year",
    "earlier in the year", "year-end", "the end of the year", "the calendar year" -> the DCT's
    year, TIMEX3 value ``YYYY`` (the end itself would be ``mod="END"``, which the value does
    not carry); in a past-tense clause of January or February, the year just ended ("For the
    full year, revenue rose 22%": annual results come out in the first weeks of the next year),
    but not its start ("The index fell at the beginning of the year" on Jan. 10 is the DCT's).

    TimeML (DCT 2017-12-27): ``It forecast a rise for <TIMEX3 type="DATE" value="2017">the full
        year</TIMEX3>.``
    """
    if _AWARD_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")):
        return None  # "album of the year", "player of the year": an award's title, no date
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()).strip()
    nxt = word_after(text, m.end("t")).lower()
    if m["end"] is None and (nxt in ("ended", "ending", "ends", "through", "to") or mod == "fiscal"):
        return hit_over_t(m, Timex("DURATION", "P1Y", "year"))
    if (
        mod in ("", "full", "whole", "entire", "calendar") and dct.month <= 2 and clause_tense(text, *m.span("t")) < 0
        and not (m["end"] is None and _YEAR_START_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")))
    ):
        return hit_over_t(m, timex_at(dt.date(dct.year - 1, 1, 1), "year"))  # "For the full year, revenue rose 22%" in January
    return hit_over_t(m, timex_at(dct, "year"))


_YEAR_START_BEFORE = re.compile(
    r"\b(?:beginning|start|opening|outset|first\s+(?:days|weeks)|first\s+(?:[\w-]+\s+){1,3}?)\s*of\s+$|\bearly\s+(?:in\s+)?$", re.IGNORECASE
)
"""Words before "the year" that name its start ("at the beginning of the year", "early in the
year", "the first baby of the year"): in January that start is already behind, so the year is the
DCT's, not the one just ended."""


# "by mid-year", "at midyear", "by mid-decade", "by mid-century": the middle of the DCT's year,
# decade or century
@rule(
    "mid_year",
    r"\b(?:by|at|until|till|before|since|in|from|around|after|toward|towards)\s+(?P<t>mid-?(?P<unit>year|decade|century))\b(?![-’'])"
    r"(?!\s+(?!(?:if|and|or|but|when|as|to|for|in|on|at|with|after|before|the|a|an|is|was|will|would|unless|so)\b)[a-z]+)",
    re.IGNORECASE,
    needs=frozenset(["midyear", "mid-year", "middecade", "mid-decade", "midcentury", "mid-century"]),
)
def mid_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"by mid-year", "at midyear" after a preposition, the phrase ending there -> the DCT's year
    (TIMEX3 ``YYYY``; the middle would be ``mod="MID"``, which the value does not carry, as
    "mid-1990" is ``1990``). Not the adjective of "a mid-year review". "by mid-decade", "by
    mid-century" -> the DCT's decade (``200``) or century (``20``, TimeBank's numbering), the next
    one when the DCT is past its middle and the clause speaks of the future ("cut emissions by
    mid-century" in 1995 is the 2000s' century, ``20``).

    TimeML (DCT 1996-02-13): ``They hope to complete the merger by <TIMEX3 type="DATE"
        value="1996">mid-year</TIMEX3>.``
    TimeML (DCT 2022-08-22): ``It aims to be carbon neutral by <TIMEX3 type="DATE"
        value="20">mid-century</TIMEX3>.``
    """
    unit = m["unit"].lower()
    if unit == "year":
        return hit_over_t(m, timex_at(dct, "year"))
    size = 10 if unit == "decade" else 100
    start = dct.year // size * size
    if dct.year - start >= size // 2 and speaks_of_future(text, *m.span("t")):
        start += size  # past the middle of this one: the middle ahead is the next one's
    return hit_over_t(m, timex_at(dt.date(start, 1, 1), unit))


_AWARD_BEFORE = re.compile(
    r"\b(?:album|record|song|player|coach|manager|rookie|person|man|woman|athlete|car|book|word|team|artist|entertainer"
    r"|driver|footballer|cricketer|businessman|businesswoman)s?\s+of\s+$",
    re.IGNORECASE,
)
"""An award's noun before "of the year" ("record of the year", "Player of the Year")."""


# "this fiscal year", "last financial year", "the new financial year": a fiscal year named relative to the DCT
@rule(
    "fiscal_year",
    r"\b(?P<t>(?P<rel>this|last|next|(?:the\s+)?(?:current|new|latest|previous|coming))\s+(?:fiscal|financial|business)\s+year)\b(?![-’'])",
    re.IGNORECASE,
)
def fiscal_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this (the current, the new) fiscal year" -> the DCT's year, "last (the latest, the
    previous) fiscal year" the year before, "next (the coming) fiscal year" the year after: TIMEX3
    ``YYYY`` as TimeBank values a fiscal year by a calendar year ("the current fiscal year" in a
    story of 1989-11-02 is ``1989``, "the latest fiscal year" of 1989-10-26 ``1988``); also
    "financial year" and "business year" (British, Australian and Japanese copy). Without the
    relative word, a year "ended June 30" is a span named by its end (:func:`the_year`).

    TimeML (DCT 2012-09-27): ``The bank cut rates for the second time <TIMEX3 type="DATE"
        value="2012">this fiscal year</TIMEX3>.``
    """
    rel = re.sub(r"^the\s+", "", m["rel"].lower())
    step = {"this": 0, "current": 0, "new": 0, "last": -1, "latest": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    return hit_over_t(m, timex_at(dt.date(dct.year + step, 1, 1), "year"))


# "this fiscal", "the last fiscal": Indian copy's fiscal year, April to March, as a noun
@rule(
    "fiscal_noun",
    r"\b(?P<t>(?P<rel>this|the\s+current|last|the\s+last|the\s+previous|next|the\s+next)\s+fiscal)\b"
    r"(?!['’-]|\s+(?:19|20)\d\d|\s+(?:year|years|quarter|quarters|half|halves|first|second|third|fourth|period|month|months"
    r"|results?|budget|deficit|policy|plan|earnings|outlook|targets?|growth|reports?)\b)",
    re.IGNORECASE,
)
def fiscal_noun(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"this fiscal", "the last fiscal", "next fiscal" with "fiscal" as a noun (Indian English:
    PTI's "GDP growth this fiscal") -> the fiscal year of India, April 1 to March 31 (the
    Income-tax Act 1961, s. 3), valued by the year it begins in (TIMEX3 ``YYYY``): in a story of
    2008-03-08 "this fiscal" is ``2007`` (2007-08) and "the next fiscal" ``2008``. Not "this
    fiscal year" (:func:`the_year`), nor an adjective ("last fiscal quarter").

    TimeML (DCT 1993-04-01): ``Borrowers hope for some relief <TIMEX3 type="DATE"
        value="1993">this fiscal</TIMEX3>.``
    """
    rel = re.sub(r"\s+", " ", m["rel"].lower()).removeprefix("the ")
    begins = dct.year if dct.month >= 4 else dct.year - 1
    year = begins + {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[rel]
    return hit_over_t(m, timex_at(dt.date(year, 1, 1), "year"))


# "in the new year": the coming calendar year
@rule(
    "new_year",
    r"\b(?P<t>the\s+new\s+year)\b(?!['’]|\s+(?:festival|holiday|holidays|celebrations?|day|eve|party|parties|resolutions?)\b)",
)
def new_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """"the new year" (lower case; not the holiday, "the new year festival") -> the calendar
    year that comes next in a story of the last quarter ("made public early in the new year" on
    2005-11-16 -> ``2006``), else the DCT's year, which has just begun ("a recession early in
    the new year" on 2000-01-02 -> ``2000``): TIDES 2005, a year named by its relation to the DCT.

    TimeML (DCT 2005-11-16): ``The list could be made public early in <TIMEX3 type="DATE"
        value="2006">the new year</TIMEX3>.``
    """
    return hit_over_t(m, timex_at(dt.date(dct.year + (1 if dct.month >= 10 else 0), 1, 1), "year"))


# A year said in words: "nineteen ninety-six", "January nineteen ninety-seven"
@rule(
    "spoken_year",
    rf"\b(?P<t>(?:(?P<mon>{MONTH_FULL})\s+|(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+"
    rf"|the\s+year\s+)?(?P<y>{SPOKEN_YEAR}))(?![\w-])",
)
def spoken_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A year said in words (broadcast transcripts): "in nineteen ninety-one" -> ``1991``;
    with a month ("January nineteen ninety-seven" -> ``1997-01``) or a season ("the
    winter of nineteen ninety-four" -> ``1994-WI``). Not before a count noun.

    TimeML (DCT 2017-12-27): ``In <TIMEX3 type="DATE" value="1991">nineteen ninety-one</TIMEX3> the
        war ended.``
    """
    y = spoken_year_value(m["y"])
    if y is None or word_after(text, m.end("t")).lower() in COUNT_NOUNS:
        return None
    if m["y"].lower().startswith("two") and not (m["mon"] or m["s"] or m["t"].lower().startswith("the year")):
        if y == 2000:
            return None  # "two thousand" alone is mostly a number
    if m["mon"]:
        return hit_over_t(m, timex_at(dt.date(y, MONTH_NUM[m["mon"].lower()], 1), "month"))
    if m["s"]:
        return hit_over_t(m, timex_at(season_start(y, SEASONS[m["s"].lower()]), "season"))
    return hit_over_t(m, timex_at(dt.date(y, 1, 1), "year"))


# A relaxed rule, used only inside spaCy DATE/TIME candidate spans (lower prior precision).
@rule(
    "plain_year",
    r"(?<![\d$£€.,])(?<!\d[-–])\b(?P<t>(?P<y>(?:19|20)\d\d))\b(?![\d,.]?\d|\s*%|[-–]\d)",
    relaxed=True,
)
def plain_year(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """A 4-digit year 1900-2099 inside a spaCy DATE span ("the 2016 election") -> ``YYYY``;
    not an end of a dashed pair, which :func:`year_range` reads or rejects ("1980-2000 points"),
    nor a 24-hour clock before a time zone ("(2030 GMT)"), nor a street number or a name's number
    ("1600 Pennsylvania Avenue", "Flight 2010").

    TimeML (DCT 2017-12-27): ``Sales peaked in the boom year <TIMEX3 type="DATE"
        value="1999">1999</TIMEX3>.``
    """
    if re.match(rf"\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b", text[m.end() : m.end() + 24]):
        return None  # "3:30 p.m. (2030 GMT)": a clock time in another zone, not the year 2030
    if _NUMBER_NOT_YEAR_AFTER.match(text, m.end()) or _NUMBER_NOT_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "1600 Pennsylvania Avenue", "the 2000 block of", "Flight 2010", "Windows 2000", "2001: A Space Odyssey"
    if text[m.start() - 1 : m.start()] in _QUOTES and text[m.end() : m.end() + 1] in _QUOTES:
        return None  # "the disaster film '2012'", "Orwell's novel '1984'": a title in quotes
    if _COUNT_OF_AFTER.match(text, m.end()) and word_before(text, m.start()).lower() not in _YEAR_DETERMINERS:
        return None  # "seized 2000 rounds of ammunition": a count of things, not "the 2000 rounds of talks"
    return hit_over_t(m, timex_at(dt.date(int(m["y"]), 1, 1), "year"))


_QUOTES = frozenset("'\"‘’“”")
_COUNT_OF_AFTER = re.compile(
    r"\s+(?!(?:sales|profits|earnings|revenues|results|losses|figures|levels|prices|rates|dividends|payments|exports|imports)\b)"
    r"[a-z]+[^s\W]s\s+of\b"
)
"""A plural noun and "of" after a number: a count ("2000 rounds of ammunition", "1500 barrels of oil"); not a
year's figures ("reported 2005 sales of 6.8 million euros")."""
_YEAR_DETERMINERS = frozenset("the its their his her our this that in of since by from until to".split())
"""Words before a number that make it a year modifying the noun after it ("the 2000 rounds of talks")."""


_NUMBER_NOT_YEAR_AFTER = re.compile(
    r"\s+(?:block\b|(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane)(?!\w))"
    r"|:\s+(?:A|An|The)\s+[A-Z]"
)
"""Words after a four-digit number that make it a street number ("1600 Pennsylvania Avenue", "the
2000 block of Elm Street") or the head of a title with its subtitle ("2001: A Space Odyssey")."""
_NUMBER_NOT_YEAR_BEFORE = re.compile(
    r"\b(?:Flight|Windows|Office|Route|Highway|Interstate|Room|Suite|Model|Channel|Gate|Terminal|Pier|Version|No\.|Russell|Wilshire)\s+$"
)
"""Names before a four-digit number that make it a number: "Flight 2010", "Windows 2000", "Route 1900",
the stock indexes "Russell 2000" and "Wilshire 5000"."""
