"""The words of temporal expressions: month, weekday and holiday names, numerals, units, parts of
the day, seasons, time zones, and the regular-expression fragments the rules are built from.

Everything here is data or a pure helper reading a word; :mod:`etl.dates.rules` composes the
fragments into patterns. Sources: the English calendar vocabulary of the TimeML 1.2.1 TIMEX3
guidelines (Saurí et al. 2006), ISO 8601 duration designators, and word lists gathered from
TimeBank/AQUAINT and wire copy (each list says what it is for).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Fixed-date holidays as (normalized name prefix, month, day); longer prefixes first.
FIXED_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
    ("new year s eve", 12, 31),
    ("new year", 1, 1),
    ("halloween", 10, 31),
    ("valentine", 2, 14),
    ("boxing day", 12, 26),
    ("st patrick", 3, 17),
    ("saint patrick", 3, 17),
    ("bastille day", 7, 14),
    ("veterans day", 11, 11),
    ("armistice day", 11, 11),
    ("may day", 5, 1),
    ("independence day", 7, 4),
    ("juneteenth", 6, 19),
    ("australia day", 1, 26),
    ("anzac day", 4, 25),
    ("canada day", 7, 1),
    ("remembrance day", 11, 11),
    ("world aids day", 12, 1),
    ("earth day", 4, 22),
    ("guy fawkes", 11, 5),
    ("bonfire night", 11, 5),
    ("waitangi day", 2, 6),
    ("cinco de mayo", 5, 5),
    ("burns night", 1, 25),
    ("st andrew", 11, 30),
    ("saint andrew", 11, 30),
    ("st george", 4, 23),
    ("saint george", 4, 23),
    ("st david", 3, 1),
    ("saint david", 3, 1),
    ("april fool", 4, 1),
    ("epiphany", 1, 6),
    ("all saints", 11, 1),
    ("all souls", 11, 2),
)
"""Fixed-date holidays: the day of the Gregorian calendar each falls on (Boxing Day, 26
December, in the Commonwealth; Veterans/Armistice Day, 11 November; Bastille Day, 14 July;
Independence Day, the US 4 July, and Juneteenth, 19 June, 5 U.S.C. 6103; Australia Day, 26
January, and Anzac Day, 25 April, the Australian national public holidays; Canada Day, 1 July,
Canada's Holidays Act; Remembrance Day, 11 November; World AIDS Day, 1 December, a UN
observance; Earth Day, 22 April; Guy Fawkes (Bonfire) Night, 5 November, and Burns Night, 25
January, in Britain; Waitangi Day, 6 February, New Zealand's national day (Waitangi Day Act 1976);
Cinco de Mayo, 5 May; the patron saints' days of Scotland (St Andrew, 30 November), England (St
George, 23 April) and Wales (St David, 1 March); April Fools' Day, 1 April; and the Western
church's fixed feasts of the Epiphany, 6 January, All Saints, 1 November, and All Souls, 2
November). International Women's Day is left out: TimeBank leaves it untagged, 2 of 2
(VOA19980305.1800.2603); so is Groundhog Day, in news mostly the film's figure of speech."""
# US holidays on an n-th weekday of a month (the federal ones of 5 U.S.C. 6103 and the observances
# of 36 U.S.C. chapter 1): (name prefix, month, weekday with Monday 0, n with -1 for the last).
NTH_WEEKDAY_HOLIDAYS: tuple[tuple[str, int, int, int], ...] = (
    ("memorial day", 5, 0, -1),
    ("presidents day", 2, 0, 3),
    ("president s day", 2, 0, 3),
    ("columbus day", 10, 0, 2),
    ("martin luther king", 1, 0, 3),
    ("mlk day", 1, 0, 3),
    ("father s day", 6, 6, 3),  # the third Sunday of June (36 U.S.C. 109)
    ("mother s day", 5, 6, 2),  # the second Sunday of May (36 U.S.C. 117)
    ("labor day", 9, 0, 1),
)
"""US holidays set on a weekday of a month: Memorial Day (last Monday of May), Presidents' Day
(Washington's Birthday, third Monday of February), Columbus Day (second Monday of October),
Martin Luther King Jr. Day (third Monday of January), Labor Day (first Monday of September; in
Chinese wire copy "Labor Day" is May 1, :data:`LABOR_DAY_MAY`), Father's Day (third Sunday of
June) and Mother's Day (second Sunday of May; the UK's Mothering Sunday, in Lent, is another)."""
LABOR_DAY_MAY = (5, 1)
"""International Workers' Day, 1 May, which Xinhua copy calls "Labor Day": the holiday rule takes
whichever of it and the US Labor Day lies nearer the DCT."""
THANKSGIVING_OFFSETS: dict[str, int] = {"thanksgiving": 0, "black friday": 1, "cyber monday": 4}
"""The US shopping days named after Thanksgiving (the fourth Thursday of November): Black
Friday the day after, Cyber Monday the Monday after."""
# Movable feasts as days after Easter Sunday (Gregorian computus): Ash Wednesday is 46 days
# before, Palm Sunday 7 before, Good Friday 2 before, Easter Monday 1 after, Ascension Day 39
# after (the 40th day of Easter), Pentecost (Whit Sunday) 49 after (the 50th day), Whit Monday 50.
EASTER_OFFSETS: dict[str, int] = {
    "mardi gras": -47, "shrove tuesday": -47, "ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3,
    "holy thursday": -3, "good friday": -2, "easter monday": 1, "ascension day": 39, "pentecost": 49,
    "whit sunday": 49, "whitsun": 49, "whit monday": 50,
}  # fmt: skip

# Holidays of the Islamic (Hijri) and the Hebrew calendar: (month, day) in that calendar.
# Islamic: Eid al-Fitr 1 Shawwal, Eid al-Adha 10 Dhu al-Hijjah, Ashura 10 Muharram, the Islamic
# New Year 1 Muharram, the Mawlid 12 Rabi al-Awwal. Hebrew (months counted from Nisan = 1, Adar II
# = 13 in a leap year): Rosh Hashanah 1 Tishrei, Yom Kippur 10 Tishrei, Sukkot 15 Tishrei, Simchat
# Torah 22 Tishrei (as kept in Israel, with Shemini Atzeret), Hanukkah 25 Kislev, Purim 14 Adar
# (Adar II in a leap year), Passover 15 Nisan, Shavuot 6 Sivan, Tisha B'Av 9 Av. A holiday that
# lasts several days is its first day; each begins at the sundown before it.
HIJRI_HOLIDAYS: dict[str, tuple[int, int]] = {
    "eid al fitr": (10, 1), "eid al adha": (12, 10), "ashura": (1, 10), "islamic new year": (1, 1),
    "hijri new year": (1, 1), "mawlid": (3, 12),
}  # fmt: skip
HEBREW_HOLIDAYS: dict[str, tuple[int, int]] = {
    "rosh hashanah": (7, 1), "rosh hashana": (7, 1), "yom kippur": (7, 10), "sukkot": (7, 15), "simchat torah": (7, 22),
    "hanukkah": (9, 25), "chanukah": (9, 25), "purim": (12, 14), "passover": (1, 15), "pesach": (1, 15),
    "shavuot": (3, 6), "tisha b av": (5, 9),
}  # fmt: skip
CHINESE_HOLIDAYS: dict[str, tuple[int, int]] = {
    "lunar new year": (1, 1), "chinese new year": (1, 1), "spring festival": (1, 1), "lantern festival": (1, 15),
    "dragon boat festival": (5, 5), "mid autumn festival": (8, 15),
}  # fmt: skip
"""Festivals of the Chinese lunisolar calendar: (month, day) in it (the Lunar New Year, which
Xinhua calls the Spring Festival, 1/1; the Lantern Festival 1/15; the Dragon Boat Festival 5/5;
the Mid-Autumn Festival 8/15)."""
HINDU_HOLIDAYS: dict[str, str] = {
    "diwali": "Diwali", "deepavali": "Diwali", "holi": "Holi", "dussehra": "Dussehra", "dasara": "Dussehra",
    "vijayadashami": "Dussehra",
}  # fmt: skip
"""Festivals of the Hindu lunisolar calendar, by the name India's gazetted holiday list gives
them (Diwali, also Deepavali; Holi; Dussehra, also Dasara and Vijayadashami): their days are
those of ``holidays.India`` (the central government's list, 2001-2035)."""
LUNAR_HOLIDAY_DAYS: dict[str, int] = {
    "hanukkah": 8, "chanukah": 8, "passover": 8, "pesach": 8, "sukkot": 7, "eid al fitr": 3, "eid al adha": 4,
}  # fmt: skip
"""How many days a holiday of :data:`HIJRI_HOLIDAYS` or :data:`HEBREW_HOLIDAYS` lasts when more
than one (Hanukkah eight days, Passover eight outside Israel, Sukkot seven; the Eids' days off in
the Gulf): one under way at the DCT is not yet behind it ("a menorah to mark Hanukkah" on its
fifth day)."""

MONTHS_FULL = (
    "January February March April May June July August September October November December"
).split()
MONTH_NUM: dict[str, int] = {}
for _i, _name in enumerate(MONTHS_FULL, start=1):
    MONTH_NUM[_name.lower()] = _i
    MONTH_NUM[_name[:3].lower()] = _i
MONTH_NUM["sept"] = 9

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(WEEKDAYS)}  # Monday = 0 (ISO 8601 - 1)

NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Duration units -> (ISO 8601 designator, granularity, multiplier).
UNITS: dict[str, tuple[str, str | None, int]] = {
    "second": ("TS", None, 1),  # only "26 seconds" (the singular is an ordinal); no calendar granularity
    "minute": ("TM", "minute", 1),
    "hour": ("TH", "hour", 1),
    "day": ("D", "day", 1),
    "week": ("W", "week", 1),
    "fortnight": ("W", "week", 2),
    "month": ("M", "month", 1),
    "quarter": ("Q", "quarter", 1),
    "year": ("Y", "year", 1),
    "decade": ("Y", "decade", 10),
    "century": ("Y", "century", 100),
}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Nouns that, right after a 4-digit number, show it is a count and not a year.
COUNT_NOUNS = frozenset(
    """people persons men women children kids troops soldiers police policemen officers
    workers employees jobs votes voters students members residents refugees migrants
    families homes houses households cases deaths dead victims units vehicles cars trucks
    tons tonnes barrels km kilometers kilometres miles meters metres feet acres hectares
    dollars euros yuan yen pounds rupees won francs marks points shares times hours days
    weeks months years minutes seconds calories pages words copies items rounds shots
    rockets missiles bombs planes aircraft ships boats tanks guns rifles cities towns
    villages schools hospitals stores sites companies firms banks delegates participants
    athletes fans spectators visitors tourists pilgrims protesters demonstrators prisoners
    inmates detainees hostages patients doctors teachers mps lawmakers seats""".split()
)
# Verbs of change before "by"/"from"/"to": "rose by 2000", "fell from 1990".
CHANGE_VERBS = frozenset(
    """rose risen rise rises fell fallen fall falls increased increase increases decreased
    decrease decreases grew grown grow grows dropped drop drops jumped jump jumps climbed
    climb climbs gained gain gains lost lose loses cut cuts reduced reduce reduces slipped
    slid declined decline declines soared surged plunged plummeted tumbled up down
    numbered number totalled totaled total""".split()
)
# Words before a weekday that make it a named day or a name, not a calendar weekday ("Sheffield
# Wednesday" the club, "Ruby Tuesday" the restaurant chain, "TGI Fridays").
WEEKDAY_BLOCKERS = frozenset(
    "black good ash super easter palm holy maundy cyber bloody fat shrove man girl tgi sheffield ruby".split()
)
# Words that may stand between "of" and a bare year: "the end of 2017".
OF_HEADS = frozenset(
    """end start beginning middle half part rest spring summer fall autumn winter class
    quarter months days weeks course events election elections""".split()
)


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPOKEN_YEAR = (
    rf"(?:[Nn]ineteen[\s-](?:(?:{_TENS})(?:[\s-](?:{_ONES}))?\b|(?:{_TEENS})\b|oh[\s-](?:{_ONES})\b)"
    rf"|[Tt]wo\s+thousand(?:\s+and)?(?:[\s-](?:{_TEENS}|{_ONES})\b)?"
    rf"|[Tt]wenty[\s-](?:{_TEENS}|(?:twenty|thirty)(?:[\s-](?:{_ONES}))?)\b)"
)
"""A year said in words, as in broadcast transcripts: "nineteen ninety-six", "two thousand one",
"twenty twelve", "twenty twenty-one"."""


def spoken_year_value(text: str) -> int | None:
    """1900-2039 from words ("nineteen ninety-six" -> 1996, "two thousand and one" -> 2001,
    "twenty twelve" -> 2012, "twenty twenty-one" -> 2021)."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (number(" ".join(rest)) or 0 if rest else 0)
    if words[0] == "twenty":
        n = number(" ".join(words[1:]))
        return 2000 + n if n is not None and 10 <= n < 40 else None
    if words[0] != "nineteen":
        return None
    rest = [w for w in words[1:] if w != "oh"]
    n = number(" ".join(rest))
    return 1900 + n if n is not None and n < 100 else None


def alts(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so "Sept" is tried before "Sep")."""
    return "|".join(sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- pattern fragments
# Pieces the rules' patterns are built from (no groups unless named in the comment).

WEEKDAY = rf"(?:{alts(WEEKDAYS)}|{alts([w.upper() for w in WEEKDAYS])})"
MONTH_FULL = rf"(?:{alts(MONTHS_FULL)}|{alts([m.upper() for m in MONTHS_FULL])})"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
# A month name as written before a day or a year: "November", "Nov.", "Nov".
MONTH = rf"(?:{MONTH_FULL}\b|{MONTH_ABBR}\b\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.:/-]?\d)"
# The first day of a hyphenated range, "18" of "Dec. 18-22" or "18-22 December" (hyphen or en dash).
DAY_RANGE_START = r"(?:3[01]|[12]\d|0?[1-9])(?=\s?[-–]\s?(?:3[01]|[12]\d|0?[1-9])(?![\d,.:/-]?\d))"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]?\d)"
NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)?|a\s+dozen"
    r"|a\s+couple\s+of|couple\s+of|several|a\s+few|few|a|an|(?<![\d,./$])\d{1,3}(?:,\d{3})*(?!,\d))"
)
UNIT = r"(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?|decades?|centur(?:y|ies)|quarters?)"
UNIT_CS = (
    r"(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?|decades?|centur(?:y|ies)|quarters?"
    r"|YEARS?|MONTHS?|WEEKS?|FORTNIGHTS?|DAYS?|HOURS?|MINUTES?|DECADES?|CENTUR(?:Y|IES)|QUARTERS?)"
)
HEDGE = (
    r"(?:(?:no\s+)?(?:more|less|fewer)\s+than|nearly|almost|about|around|some|over|under|roughly"
    r"|approximately|at\s+least|at\s+most|up\s+to)"
)
"""Modifiers of a count that stay inside the TIMEX3: those TimeML 1.2.1 gives a ``mod`` value
(``APPROX``, ``LESS_THAN``, ``MORE_THAN``, ``EQUAL_OR_LESS``, ``EQUAL_OR_MORE``). "only" and
"just" have none and stay outside ("only <TIMEX3>five hours</TIMEX3>"), as TBAQ annotates them."""


def number(text: str) -> int | None:
    """Integer value of a cardinal written in digits or English words; None for vague ones."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        t = t.replace(",", "")  # "1,425"
    if t.isdigit():
        return int(t)
    if t in ("several", "a few", "few"):
        return None
    if t in ("a couple of", "couple of"):
        return 2
    if t == "a dozen":
        return 12
    total = current = 0  # "two hundred and forty-five": 2 -> 200 -> 245; "fifteen hundred": 1500
    for p in re.split(r"[\s-]+", t):
        if p == "hundred":
            current = max(current, 1) * 100
        elif p == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif p == "and" and (total or current >= 100):
            continue
        elif p in NUM_WORDS:
            current += NUM_WORDS[p]
        else:
            return None
    return total + current


def unit_key(unit: str) -> str:
    """The key of :data:`UNITS` for a unit word as written: "Years" -> ``year``, "centuries" -> ``century``."""
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u

TIME_ZONES = """GMT UTC UT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST IST CET CEST EET EEST
    WET WEST MSK JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT WIB ICT PHT ET PT
    AST ADT NST NDT EAT WAT SAST PKT""".split()
"""Time zone abbreviations written after a clock time in wire copy ("10:15 GMT", "4 a.m. EST")."""
_PLACE_TIME = (
    rf"(?-i:(?!(?:{alts(WEEKDAYS)}|{alts(MONTHS_FULL)})\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time)(?!\s+(?!(?:on|at|and|or|in|for|to|from|with|by|when|as|today|yesterday"
    r"|tomorrow|tonight|last|this)\b)[a-z])"
)
_US_ZONE = r"(?-i:(?:Eastern|Central|Mountain|Pacific|Atlantic)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?(?!\s+[A-Z]))"
"""A US or Canadian zone written as a word after a clock time ("9 p.m. Eastern", "1 p.m. Pacific
time", "8 a.m. Central Standard Time"), not before a capitalised word ("Central Park")."""
TZ_NAME = rf"(?:(?-i:{alts(TIME_ZONES)})|local\s+time|{_US_ZONE}|{_PLACE_TIME})"
"""A time zone: an abbreviation ("GMT", "EST"), "local time", a US zone word ("Eastern"), or a place's time as wire copy
writes it ("Moscow time", "Hong Kong time"): one or two capitalised words before "time", not a
weekday or month ("Tuesday time was running out"), and no word after it but a preposition, a
conjunction or a day word ("10:32 a.m. New York time yesterday"; "the 2008 Olympic time trial"
has no clock time)."""
# An optional time zone after a clock time; the TIMEX3 value keeps the clock as written (TimeBank drops the zone).
TZ = rf"(?:\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b)?"


HOUR_WORDS: dict[str, int] = {
    w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)
}
"""The hours of a 12-hour clock in words ("five o'clock", "four in the morning")."""
CLOCK_PART_OF_DAY = r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night"
"""The phrases that give a 12-hour clock its half of the day ("4 in the morning")."""


def clock_hour(hour: str, part_of_day: str | None) -> int:
    """The 24-hour hour (0-24) of an hour written in digits or words ("4", "five") and the
    phrase after it (:data:`CLOCK_PART_OF_DAY`, or None for a bare "o'clock"): "in the morning"
    keeps 1-11 (twelve is 0), "in the afternoon/evening" adds 12 to 1-11, "at night" adds 12 to
    6-11, keeps 1-5 ("2 at night" is 02:00) and makes twelve 24 (midnight, the end of the day,
    as the TIMEX3 guidelines write it); "five o'clock" alone stays as written, ``5``. Raises
    KeyError for a word that is not an hour."""
    h = int(hour) if hour.isdigit() else HOUR_WORDS[hour.lower()]
    pod = re.sub(r"\s+", " ", part_of_day or "").lower()
    if pod == "in the morning":
        return h % 12
    if pod in ("in the afternoon", "in the evening"):
        return h % 12 + 12
    if pod == "at night":
        return 24 if h == 12 else h + 12 if h >= 6 else h
    return h


def clock(suffix: str = "") -> str:
    """A clock time, its groups named with ``suffix`` (one pattern may hold two clocks): a
    12-hour time ``h``, ``mi``, ``se``, ``ap`` ("10:35 a.m.", "3.30 p.m." as British copy writes
    it, "4 pm", "11:59:59 p.m."); ``noon`` (noon, midnight,
    midday; not before a name, "the midnight Mass"); an hour ``hw`` in digits or words with "o'clock" or the part of the day ``pod``
    ("five o'clock", "4 in the morning", "eight o'clock at night", "seven in the evening");
    or a 24-hour time ``h24``, ``mi24``, ``se24`` ("10:15", "1015", "0735", "23:59:59"), taken only when a
    time zone follows ("10:15 GMT", "1600 UTC", "14:30 local time", military "1015 hours GMT",
    Indian "1443 hrs IST") or, written with a colon, a weekday ("10:15 on Wednesday"), or after
    "at" with an hour only a 24-hour clock writes (00-09 with its zero, 13-23: "kick-off on Friday at
    21:00", "at 08:00"; "at 11:30 last night" is the 12-hour clock's): alone, "10:15" is as often a
    score or a ratio."""
    n = suffix
    return (
        rf"(?:(?P<h{n}>1[0-2]|0?[1-9])(?:[:.](?P<mi{n}>[0-5]\d)(?::(?P<se{n}>[0-5]\d))?)?\s*(?P<ap{n}>(?i:[ap]\.\s?m\.?|[ap]m\b))"
        rf"|(?P<noon{n}>noon|midnight|midday)(?!\s+(?!(?:{WEEKDAY}|{MONTH_FULL}|Eastern|Central|Mountain|Pacific|Atlantic)\b)(?-i:[A-Z][a-z]+)\b(?!\s+time\b))"
        rf"|(?<![\d:.,$-])(?P<hw{n}>1[0-2]|0?[1-9]|(?i:{alts(list(HOUR_WORDS))}))(?=\s*o['’]clock\b|\s+(?:{CLOCK_PART_OF_DAY})\b)"
        rf"(?P<oc{n}>\s*o['’]clock)?(?:\s+(?P<pod{n}>{CLOCK_PART_OF_DAY}))?"
        rf"|(?<![\d:.,])(?P<h24{n}>[01]?\d|2[0-3])(?::|\.|h)?(?P<mi24{n}>[0-5]\d)(?::(?P<se24{n}>[0-5]\d))?"
        rf"(?=\s*(?:(?:hours|hrs)\s+)?{TZ_NAME}\b|(?<=:\d\d),?\s+(?:on\s+)?{WEEKDAY}\b"
        rf"|(?<=\bat 0\d:[0-5]\d)(?![\d:])|(?<=\bat 1[3-9]:[0-5]\d)(?![\d:])|(?<=\bat 2[0-3]:[0-5]\d)(?![\d:])))"
    )


CLOCK = clock()


_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
DAY_ORDINAL_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(_ORDINAL_UNITS, start=1)},
    **{w: i for i, w in enumerate(
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        start=10)},
    "twentieth": 20, "thirtieth": 30, "thirty-first": 31,
    **{f"twenty-{w}": 20 + i for i, w in enumerate(_ORDINAL_UNITS, start=1)},
}  # fmt: skip
"""Days of the month written as ordinal words: "the third of next month", "the twenty-first"."""
DAY_ORDINAL = rf"(?:{alts(list(DAY_ORDINAL_WORDS))})"


def day_number(text: str) -> int | None:
    """The day of the month in "26", "26th", "3rd", "third", "twenty-first"; None otherwise."""
    t = text.lower().strip()
    m = re.match(r"\d+", t)
    if m:
        return int(m.group())
    return DAY_ORDINAL_WORDS.get(re.sub(r"\s+", "-", t))

