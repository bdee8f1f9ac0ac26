"""Holidays: fixed, Easter-based, nth-weekday and lunar ones ("Christmas Day",
"Thanksgiving", "last Christmas", "Easter 2016", "the 2004 Boxing Day", "Lunar New Year").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.dates.anaphora import Anaphor
from etl.dates.anchoring import PAST_BIAS_DAYS, Timex, easter, holiday_weekend, lunar_holidays, nth_weekday, timex_at
from etl.dates.context import name_word_before, word_before
from etl.dates.rules.shared import REL_STEP, WEEKDAY_AFTER_HOLIDAY
from etl.dates.rules.table import Hit, hit_over_t, rule
from etl.dates.tense import clause_tense, future_context, speaks_of_future
from etl.dates.vocabulary import (
    CHINESE_HOLIDAYS,
    EASTER_OFFSETS,
    FIXED_HOLIDAYS,
    LABOR_DAY_MAY,
    LUNAR_HOLIDAY_DAYS,
    NTH_WEEKDAY_HOLIDAYS,
    PARTS_OF_DAY,
    THANKSGIVING_OFFSETS,
    WEEKDAY,
    WEEKDAY_NUM,
)


_HOLIDAY_PREPOSITIONS = frozenset("on since until till by before after from through during over at".split())
"""Words before a holiday that make it a date even before a capitalised word ("On Christmas Day
Pope Francis called for peace")."""
_NOT_A_COUNTRY_BEFORE = _HOLIDAY_PREPOSITIONS | {"the", "this", "last", "next", "for", "of"}
"""Capitalised words that may open a sentence before "Independence Day" without naming a country."""


_FESTIVAL_DAY_BEFORE = re.compile(
    r"\b(?:on|during|before|after|ahead\s+of|eve\s+of|until|till|since|over|around|for|by|celebrat\w+|mark\w*|welcom\w+|this|last|next|year['’]s)"
    r"(?:\s+the)?\s+$",
    re.IGNORECASE,
)
"""What makes a Chinese festival's name a day: a preposition of time, a verb of celebrating or
last/this/next before it ("on Spring Festival", "celebrated Spring Festival", "ahead of the Lunar
New Year"); Xinhua names them as customs too ("traditional festivals like the Spring Festival")."""
_ON_THE_DAY = frozenset("on at during over".split())
"""Prepositions before a holiday in a past clause that put the clause's event on the holiday itself
("rallied on Australia Day", "the pope spoke on Palm Sunday"): the holiday is then the latest one up
to the DCT. After another word it stays the nearest ("reported sales ahead of Valentine's Day",
"prayed as Easter week began", "myths surrounding Christmas")."""


def _lunar_key(name: str) -> str:
    """The key of :data:`~etl.dates.vocabulary.HIJRI_HOLIDAYS` or :data:`~etl.dates.vocabulary.HEBREW_HOLIDAYS`
    for a written name ("Eid ul-Fitr" -> ``eid al fitr``, "Tisha B'Av" -> ``tisha b av``)."""
    key = re.sub(r"[\s'’-]+", " ", name.lower()).strip()
    key = re.sub(r"^eid (?:al|el|ul) ?", "eid al ", key)
    return "mawlid" if key.startswith("mawlid") else key


_ONE_DAY_HOLIDAY = re.compile(r"(?<!^may)(?<!^christmas) day$|^thanksgiving$|^juneteenth$|^new year$")
"""Holiday names (normalized) that stay one day before "holiday": those named a Day (not May Day,
a week in China, nor Christmas Day's season), Thanksgiving, a US federal holiday of one day, and
"the New Year holiday" (Jan. 1, the day markets close; the name alone is the year's start, untagged)."""
_WEEKDAY_OWNER = re.compile(rf"\b{WEEKDAY}['’]s\s+$")
"""A weekday's possessive before a holiday ("ahead of Monday's Memorial Day holiday"): the day's, no longer name."""


_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?:sales|break|party|parties|dinner|market|weekend|message|address|truce|ceasefire|cease-fire|bombing|offensive)\b"
)
_DAY_WORD_END = re.compile(r"(?:Day|Eve|Night|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$")
"""Event nouns after a holiday's name and the day word that a one-day holiday's name ends in: before
such a noun a name with a day word names its day ("the Christmas Day message", "Black Friday
sales", "Mother's Day sales": a modifier that is a temporal expression is tagged, TimeML 1.2.1),
a bare festival's name its season ("the Christmas message", "Christmas sales", "the Easter
offensive"). Nouns of a custom ("Christmas tree", "Mother's Day cards", "Easter eggs") name
no day after either (the pattern's lookahead)."""


_EVERY_BEFORE = re.compile(r"\b(?:[Ee]very|[Ee]ach)\s+$")


# Holidays: "Christmas Day", "Thanksgiving", "last Christmas", "Easter 2016", "the 2004 Boxing Day"
@rule(
    "holiday",
    r"\b(?P<t>(?P<wkof>the\s+week\s+of\s+)?(?:(?P<rel>(?i:last|this|next))\s+|(?P<ry>(?i:last|this|next))\s+year['’]s\s+"
    r"|(?P<y0>(?:19|20)\d\d)\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+Day|\s+Eve)|New\s+Year(?=\s+holiday\b)"
    r"|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Election\s+Day"
    r"|Memorial\s+Day|Presidents['’]?\s+Day|President['’]s\s+Day|Columbus\s+Day|Black\s+Friday|Cyber\s+Monday"
    r"|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|MLK\s+Day|Labor\s+Day|Independence\s+Day(?!:)|Father['’]s\s+Day|Mother['’]s\s+Day"
    r"|Boxing\s+Day|(?:St\.?|Saint)\s+(?:Patrick|Andrew|George|David)['’]s\s+Day|Bastille\s+Day|Veterans['’]?\s+Day|Armistice\s+Day|May\s+Day"
    r"|Guy\s+Fawkes['’]?\s+(?:Night|Day)|Bonfire\s+Night|Burns\s+Night|Waitangi\s+Day|Cinco\s+de\s+Mayo|April\s+Fools['’]?\s+Day"
    r"|Epiphany|All\s+Saints['’]?\s+Day|All\s+Souls['’]?\s+Day"
    r"|Juneteenth|Australia\s+Day|Anzac\s+Day|ANZAC\s+Day|Canada\s+Day|Remembrance\s+Day"
    r"|World\s+AIDS\s+Day|Earth\s+Day|Inauguration\s+Day"
    r"|Ash\s+Wednesday|Palm\s+Sunday|Maundy\s+Thursday|Holy\s+Thursday|Mardi\s+Gras|Shrove\s+Tuesday|Holy(?=\s+Week\b)"
    r"|Ascension\s+Day|Pentecost(?!al)|Whit\s+(?:Sunday|Monday)|Whitsun"
    r"|(?P<lunar>(?i:Eid[-\s]+(?:al|el|ul)[-\s]?(?:Fitr|Adha))|Ashura|Islamic\s+New\s+Year|Hijri\s+New\s+Year|Mawlid(?:\s+(?:al|an)[-\s]Nabi)?"
    r"|Rosh\s+Hashanah?|Yom\s+Kippur|Sukkot|Simchat\s+Torah|Hanukkah|Chanukah|Purim|Passover|Pesach|Shavuot|Tisha\s+B['’]Av"
    r"|Lunar\s+New\s+Year|Chinese\s+New\s+Year|Spring\s+Festival|Lantern\s+Festival|Dragon\s+Boat\s+Festival|Mid-Autumn\s+Festival"
    r"|Diwali|Deepavali|Holi|Dussehra|Dasara|Vijayadashami))\b(?P<wk>(?:\s+holiday)?\s+[Ww]eek(?P<we>end)?\b)?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b|\s+(?P<ry2>last|this|next)\s+year\b(?!['’]))?)(?=(?:\s+in\s+(?P<yin>(?:19|20)\d\d)\b)?)(?!\s+(?:tree|trees|card|cards|present|presents|gift|gifts|shopping|shoppers?|spending|season|holidays|carols?|lights|music|eggs?|decorations)\b)(?!['’]s)",
)
def holiday(m: re.Match[str], text: str, dct: dt.date) -> Hit | None:
    """Fixed and computed holidays -> their day, in the year nearest the DCT (past bias; the
    next one in a clause with a future cue or a future verb, "hopes to have the device on
    shelves by Christmas" in July, HeidelTime's tense rule):
    Christmas (Dec 25; Eve Dec 24), New Year's Day (Jan 1; Eve Dec 31), Halloween (Oct 31),
    Valentine's Day (Feb 14), US Thanksgiving (fourth Thursday of November), Easter
    Sunday, Easter Monday, Good Friday, Maundy (Holy) Thursday, Palm Sunday, Ash Wednesday, Mardi
    Gras (Shrove Tuesday), Ascension Day, Pentecost (Whit Sunday, Whitsun) and Whit Monday (Gregorian computus,
    :data:`~etl.dates.vocabulary.EASTER_OFFSETS`), US Election Day (capitalized: the Tuesday
    after the first Monday of November, 2 U.S.C. 7), US Inauguration Day (Jan. 20 of a year after a
    presidential election, 4n + 1; 20th Amendment) and the fixed days of
    :data:`~etl.dates.vocabulary.FIXED_HOLIDAYS` (Boxing Day, St. Patrick's Day, Bastille
    Day, Veterans/Armistice Day, May Day; Independence Day, the US July 4, unless a
    possessive or a capitalised word names another country's, "India's Independence Day",
    "Ukrainian Independence Day"), the US federal holidays on an n-th weekday
    (:data:`~etl.dates.vocabulary.NTH_WEEKDAY_HOLIDAYS`: Memorial Day, Presidents' Day,
    Columbus Day, Martin Luther King Jr. Day, Labor Day; 5 U.S.C. 6103; Father's Day and
    Mother's Day, 36 U.S.C. 109 and 117) and the shopping days
    after Thanksgiving (Black Friday, Cyber Monday). The holidays of the Islamic, Hebrew, Chinese
    and Hindu calendars (Eid al-Adha, Yom Kippur, the Lunar New Year, Diwali...) are the days
    :func:`~etl.dates.anchoring.lunar_holidays` gives; a weekday named right after one that falls a
    day from it ("Eid al-Adha on Monday") is taken instead, as countries that sight the moon keep
    the holiday a day either side of a computed calendar's. Chinese and Asian wire copy calls May 1
    "Labor Day", the US the first Monday of September: the one nearer the DCT, on the side of it
    a future or past clause speaks of, is taken ("open daily through Labor Day" in May:
    September); more than :data:`_LABOR_DAY_REACH` days from both (half a year ahead in a
    future clause), no date. Before
    "holiday" only these Monday holidays are the day ("the Memorial Day holiday"; "the May Day
    holiday" is a week in China, "the Christmas holiday" a season). A
    year before the name is its year ("the 2004 Boxing Day tsunami"); before a capitalised
    word the holiday is part of a name ("Christmas Channel", "Palm Sunday Mass") unless a
    preposition precedes it ("On Christmas Day Pope Francis..."). TIMEX3 guidelines:
    holidays are DATEs.

    "last year's Thanksgiving", "Christmas next year" are the holiday of that year (the
    DCT's year minus or plus one; "last Christmas" is the latest one before the DCT).

    A holiday before "week" ("Easter week", "Christmas week", "Thanksgiving week", and "Holy
    Week", Easter's) or after "the week of" is the ISO week that holds the holiday (TBAQ: "as Easter week began" on
    Palm Sunday 2000 is ``2000-W16``, the week that ends on Easter Sunday); before "weekend",
    that week's weekend ("the Thanksgiving weekend" of 2013: ``2013-W48-WE``).

    TimeML (DCT 2000-04-17): ``Protesters prayed as <TIMEX3 type="DATE" value="2000-W16">Easter
        week</TIMEX3> began.``

    TimeML (DCT 2017-12-27): ``Shops closed on <TIMEX3 type="DATE" value="2017-12-25">Christmas
        Day</TIMEX3>.``
    """
    lunar = _lunar_key(m["lunar"]) if m["lunar"] else None
    if _EVENT_NOUN_AFTER.match(text, m.end("t")) and not _DAY_WORD_END.search(m["name"]):
        return None  # "the Christmas message", "Christmas sales": the season's; "the Christmas Day message" is the day's
    if lunar in CHINESE_HOLIDAYS and not _FESTIVAL_DAY_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t")):
        return None  # "festivals like the Spring Festival", "three Spring Festival charter flights": a custom, no day
    if re.match(r"\s+Islands?\b", text[m.end() : m.end() + 9]):
        return None  # "on Easter Island", "Christmas Island": a place
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]) and (lunar or not (m["y"] or m["y0"])):
        if lunar or word_before(text, m.start("t")) not in _HOLIDAY_PREPOSITIONS:
            return None  # a name: "a special Christmas Channel", "the Easter Rising", "the 1973 Yom Kippur War"
    if not (lunar or m["rel"] or m["ry"] or m["y0"] or m["wkof"]) and name_word_before(text, m.start("t")) and not _WEEKDAY_OWNER.search(
        text, max(0, m.start("t") - 14), m.start("t")
    ):
        return None  # "Orthodox Christmas", "Holocaust Memorial Day": another calendar's day, a longer name
    name = re.sub(r"[\s'’.,]+", " ", m["name"].lower()).strip()
    if name == "independence day":
        before = text[max(0, m.start("t") - 12) : m.start("t")]
        if re.search(r"(?:['’]s|\b(?:its|their|our|his|her|national|film|movie|blockbuster))\s+$", before) or (
            re.search(r"\b[A-Z][a-z]+\s+$", before) and word_before(text, m.start("t")) not in _NOT_A_COUNTRY_BEFORE
        ):
            return None  # "Pakistan's Independence Day", "Ukrainian Independence Day": another country's; the film
    year = m["y"] or m["y0"]
    if re.match(r"\s+holiday\b", text[m.end("t") :]) and not _ONE_DAY_HOLIDAY.search(name):
        # "the Christmas holiday", "the May Day holiday", "the Easter holiday": a period; "the Memorial
        # Day holiday", "the Veterans Day holiday", "the Thanksgiving holiday" are the day
        return None

    every = _EVERY_BEFORE.search(text, max(0, m.start("t") - 8), m.start("t"))
    if every is not None and not any(m[g] for g in ("rel", "ry", "y0", "wkof", "wk", "y", "ry2", "yin")):
        # "Every Christmas, the family...": the holiday recurs, a SET of its day of the year
        # (TIDES 2005 4.2, "every March 1" XXXX-03-01); a holiday that moves has no such value
        fixed = next(((mo, d) for prefix, mo, d in FIXED_HOLIDAYS if name.startswith(prefix)), None)
        if fixed is None or lunar:
            return None
        return Hit(every.start(), m.end("t"), Timex("SET", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", None))

    holiday_in = HolidayIn(name, lunar)
    day_in = holiday_in.day

    ry = (m["ry"] or m["ry2"] or "").lower()
    year = year or m["yin"]  # "on Christmas Eve in 2000": that year's (the year a TIMEX3 of its own)
    if year:
        d = day_in(int(year))
    elif ry:  # "last year's Thanksgiving", "Easter this year": the holiday of that year
        d = day_in(dct.year + REL_STEP[ry])
    else:
        rel = (m["rel"] or "").lower()
        cands = list(lunar_holidays(lunar, dct)) if lunar else [day_in(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        named = WEEKDAY_AFTER_HOLIDAY.match(text, m.end("t"))
        if name.startswith("inauguration"):  # only after a presidential election: years 4n + 1
            cands = [day_in(y) for y in range(dct.year - 4, dct.year + 5) if y % 4 == 1]
        if name.startswith("labor"):
            # Xinhua's "Labor Day" is May 1: the one of the two nearer the DCT on the clause's side
            may = [dt.date(y, *LABOR_DAY_MAY) for y in (dct.year - 1, dct.year, dct.year + 1)]
            ahead = speaks_of_future(text, m.start("t"), m.end("t"))
            past = not ahead and clause_tense(text, m.start("t"), m.end("t")) < 0
            side = [c for c in may + cands if (ahead and c >= dct) or (past and c <= dct) or not (ahead or past)] or may + cands
            nearest = min(side, key=lambda c: abs((c - dct).days))
            if abs((nearest - dct).days) > (_LABOR_DAY_REACH_AHEAD if ahead else _LABOR_DAY_REACH):
                return None  # far from both, the story's country decides: no date
            if nearest in may:
                cands = may
        on_weekday = [c for c in cands if named and c.weekday() == WEEKDAY_NUM[named["wd"].lower()] and abs((c - dct).days) <= 7]
        if lunar and named and not on_weekday:
            # a lunar holiday kept a day either side of the table's where the moon is sighted ("Eid
            # al-Adha on Monday" in 2016, Umm al-Qura's Sunday): the weekday the story names
            wd = WEEKDAY_NUM[named["wd"].lower()]
            near = (c + dt.timedelta(days=k) for c in cands for k in (1, -1))
            on_weekday = [c for c in near if c.weekday() == wd and abs((c - dct).days) <= 7]
        if not rel and on_weekday:
            # "the Presidents Day holiday Monday" the day after it: the weekday names the week, as a
            # weekday alone is read within a week of the DCT
            d = min(on_weekday, key=lambda c: abs((c - dct).days))
        elif rel == "last":
            d = max(c for c in cands if c < dct)
        elif rel == "next":
            d = min(c for c in cands if c > dct)
        elif rel == "this":
            d = cands[1]
        elif (tense := clause_tense(text, m.start("t"), m.end("t"))) < 0 and word_before(text, m.start("t")) in _ON_THE_DAY:
            # "Thousands rallied in Sydney on Australia Day" four days before the next one: a past
            # event on the holiday, the latest one up to the DCT (HeidelTime's tense rule)
            d = max(c for c in cands if c <= dct)
        elif tense >= 0 and (future_context(text, m.start("t")) or tense > 0):
            # "hopes to have it on shelves by Christmas" in July: the next one (a present habit,
            # "banks close on Columbus Day", keeps the nearest; a past clause too, "florists
            # reported brisk sales ahead of Valentine's Day" on Feb. 27)
            lasts = dt.timedelta(days=LUNAR_HOLIDAY_DAYS.get(lunar or "", 1) - 1)
            d = min(c for c in cands if c + lasts >= dct)  # one under way is not behind
        else:
            d = min(cands, key=lambda c: abs((c - dct).days) + (PAST_BIAS_DAYS if c > dct else 0))
        if (
            not (rel or m["wk"] or m["wkof"] or _PART_OF_DAY_AFTER.match(text, m.end("t")))
            and clause_tense(text, m.start("t"), m.end("t")) < 0
            and not _NOW_IN_CLAUSE.match(text, m.end("t"))
        ):
            # "Kosinski remembered Christmas Eve, when German bombers hit" after "Dec. 16, 1944", "He was
            # released after 11 days, on Easter Sunday" after "March 1985": a holiday without a year in a
            # past clause takes the year of a historical frame, as a year-less "Dec. 24" does
            # (:func:`~etl.dates.rules.days.month_day`): the holiday's day in the anchor's year
            return hit_over_t(m, Anaphor("year", 0, historical=True, day_in_year=holiday_in, fallback=timex_at(d, "day")))
    if m["we"]:  # "the Thanksgiving weekend", "Easter weekend": the weekend of the holiday's ISO week
        s = m.start("t")
        the = 4 if text[max(0, s - 4) : s].lower() == "the " and not m["wkof"] else 0
        # a Monday holiday ends a long weekend: "the Memorial Day weekend" is the Saturday and
        # Sunday before it, not those of its ISO week
        return Hit(s - the, m.end("t"), holiday_weekend(d))
    if not (m["wk"] or m["wkof"] or m["y"] or m["ry2"]) and (part := _PART_OF_DAY_AFTER.match(text, m.end("t"))) is not None:
        # "on Christmas morning": that part of the holiday, a TIME (as "Tuesday night")
        return Hit(m.start("t"), part.end(), timex_at(d, "day", PARTS_OF_DAY[part["pod"].lower()]))
    return hit_over_t(m, timex_at(d, "week" if m["wk"] or m["wkof"] else "day"))


@dataclass(frozen=True)
class HolidayIn:
    """The day of the holiday ``name`` (lower case, as the rule reads it; ``lunar`` the key of a lunar
    calendar's holiday, else None) in a given year: ``HolidayIn("easter sunday", None)(1985)`` is
    1985-04-07 (None for a year a lunar calendar's table does not hold). A value, so two hits that name
    the same holiday compare equal (:attr:`etl.dates.anaphora.Anaphor.day_in_year`); :meth:`day`
    raises StopIteration for such a year."""

    name: str
    lunar: str | None

    def day(self, y: int) -> dt.date:
        """The holiday's day in year ``y`` (the first day of a lunar holiday of several)."""
        name, lunar = self.name, self.lunar
        if lunar:  # the first of the year's days of a lunar calendar's holiday
            return next(d for d in lunar_holidays(lunar, dt.date(y, 7, 1)) if d.year == y)
        for prefix, month, day in FIXED_HOLIDAYS:
            if name.startswith(prefix):
                return dt.date(y, month, day)
        for prefix, month, weekday, n in NTH_WEEKDAY_HOLIDAYS:
            if name.startswith(prefix):
                return nth_weekday(dt.date(y, month, 1), weekday, n)  # type: ignore[return-value]
        for prefix, after in THANKSGIVING_OFFSETS.items():
            if name.startswith(prefix):
                return nth_weekday(dt.date(y, 11, 1), 3, 4) + dt.timedelta(days=after)  # type: ignore[operator]
        if name.startswith("inauguration"):
            return dt.date(y, 1, 20)  # the US president's term begins at noon on Jan. 20 (20th Amendment, 1933)
        if name.startswith("election"):
            first = dt.date(y, 11, 1)  # the Tuesday after the first Monday of November
            return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
        return easter(y) + dt.timedelta(days=EASTER_OFFSETS.get(name, 0))

    def __call__(self, y: int) -> dt.date | None:
        """:meth:`day`, or None for a year it cannot place (a lunar calendar's table ends)."""
        try:
            return self.day(y)
        except (StopIteration, ValueError):
            return None


_NOW_IN_CLAUSE = re.compile(r"[^.;!?\"“”]{0,60}?\b(?:(?:this|last)\s+(?:year|month|week)|today|now)\b", re.IGNORECASE)
"""A deictic time later in the holiday's clause ("after spending Thanksgiving with her grandchildren this
year"): the clause is in the DCT's time, whatever a frame told before it."""


_PART_OF_DAY_AFTER = re.compile(r"\s+(?P<pod>morning|afternoon|evening|night)\b(?![-’'])")


_LABOR_DAY_REACH = 62
"""Days from the DCT within which "Labor Day" is read as the nearer of May 1 and the US one
(a story of late April or May speaks of May 1, one of August or September of the US day); beyond
it the country decides, which the tagger does not know. A future clause reaches further
(:data:`_LABOR_DAY_REACH_AHEAD`): "pools will be open daily through Labor Day" in May."""
_LABOR_DAY_REACH_AHEAD = 183
