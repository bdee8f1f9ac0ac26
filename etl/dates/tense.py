"""Clause tense: whether the verb governing a time expression is past, future or open.

An underspecified date ("in March", "on Friday") is resolved towards the past in a
past-tense clause and towards the future in a future-tense one (the tense feature of
HeidelTime, Strötgen & Gertz 2013). :func:`clause_tense` reads the verb forms around the
expression, :func:`future_context` the cue words before it, :func:`deadline` a limit set
with "until" that lies ahead of the DCT.
"""

from __future__ import annotations

import re

from etl.dates.context import word_after, word_before
from etl.parse import split_sentences

_AHEAD_OF = r"ahead\s+of(?!\s+(?:plan|schedule|time|target|expectations|forecasts?)\b)"
""""ahead of" before what lies ahead, not "ahead of schedule" (earlier than planned)."""
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would(?!\s+not|n['’]t)|might|(?:is|are|was|were)\s+(?:due\s+|set\s+|slated\s+|going\s+)?to|['’](?:s|re)\s+going\s+to"
    r"|scheduled|planned|planning|plans?\s+to|set\s+to|slated|(?:is|are)(?:\s+not|n['’]t)?\s+(?:expected|set|due)\b|to\s+be\s+held|as\s+(?:soon|early)\s+as|"
    rf"{_AHEAD_OF}"
    r"|(?:agree[sd]?|promise[sd]?|pledge[sd]?|vow(?:s|ed)?|decide[sd]?|threaten(?:s|ed)?|intends?|hopes?|aims?|votes?|wants?|needs?)\s+to"
    r"|forecast(?:s|ed)?\s+(?:[\w-]+\s+){1,5}?for(?=\s*$)"
    r"|(?:is|are|am|was|were)\s+(?:bracing|preparing|gearing\s+up|getting\s+ready|girding)\s+for"
    r"|forecasters?|forecasts?\s+(?:call|calls|called)\s+for|forecast\s+for|no\s+later\s+than|due(?!\s+to\b)"
    r"|(?<!been\s)due\s+to\s+(?:be|meet|begin|start|open|close|hold|arrive|leave|visit|return|resume|sign|vote|announce|report"
    r"|release|publish|decide|rule|hear|deliver|give|face|travel|attend|host|launch|take|end|expire|depart|fly)\b"
    r"|(?<!been\s)(?<!had\s)(?<!than\s)(?<!\bas\s)(?<!-)expected(?=(?:\s+(?:early|late|on|by|before|until|at|around|about))*\s*$)"
    r"|(?:look|looks|looked|looking)\s+(?:ahead|forward)\s+to|await(?:s|ing)?"
    r"|(?:attention|focus|eyes|spotlight)\s+(?:now\s+|will\s+)?(?:turns?|shifts?|turned|shifted)\s+to|(?:is|are)\s+(?:waiting|hoping)\s+for"
    r"|(?:about|ready|bound|poised|certain|sure|on\s+course|on\s+track)\s+to|(?:un)?likely(?=(?:\s+(?:before|until|till|by))+\s*$)"
    r"|warn(?:s|ed|ing)?\s+(?:of|that)|(?<!been\s)possible(?=(?:\s+(?:early|late|on|by|before|until))*\s*$)"
    r"|(?:a|the)\s+(?:\d+\s+percent\s+|slight\s+|high\s+|strong\s+|good\s+)?(?:chance|risk|threat|likelihood)\s+of"
    r"|between\s+now\s+and|from\s+now\s+(?:until|till|to|through)"
    r"|(?:schedules?|tickets|seats?|reservations|bookings|warnings?|alerts?|watch(?:es)?)\s+for(?=\s*$)"
    r"|(?<!been\s)(?<!had\s)(?<!than\s)(?<!\bas\s)(?<!-)expected\s+(?:[\w,.$-]+\s+){1,8}?(?:on|by)(?=\s*$)"
    r"|(?<!\bthe\s)(?<!\bits\s)(?<!\ba\s)(?:plan|plans|planning)\s+(?:a|an)\s"
    r"|predicts?|predicting|(?:has|have)\s+(?:its|their|his|her|a)\s+(?:world\s+|global\s+|U\.?S\.?\s+|European\s+)?(?:premiere|debut|opening)"
    r"|(?<!\bthe\s)(?<!\bits\s)(?:reports|releases|publishes|posts|announces)\s+(?:(?:its|their|quarterly|annual|full-year|(?:first|second|third|fourth)-quarter)\s+){0,2}(?:results|earnings|figures|numbers)"
    r"|(?<!\bthe\s)(?<!\bits\s)(?<!\ba\s)(?-i:[A-Z][\w.&]*\s+)reports(?=\s+(?:on\s+)?$)"
    r"|expected\s+(?:[a-z]+\s+){0,3}?to\s+(?!have\b)[a-z]+|(?-i:may)(?!\s+(?:have|not)\b)|(?-i:If|Unless)"
    r"|expects?|(?:forecast|predicted|projected|likely)\s+to|must(?!\s+have)|should(?!\s+(?:have|not|never)\b)"
    r"|(?:could|can)(?!\s+(?:not|never|have|only|hardly|also)\b|\s+be\s+(?:reached|located|contacted|found|seen)\b))\b"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
"""Words that put what follows them in the clause ahead of the DCT: the future, plans, and
commissive verbs before an infinitive, whose event comes after the commitment ("workers vote
to walk off the job at 12:01 a.m. Saturday"; not the past "voted to convict ... Wednesday
afternoon", which was the vote itself), "agreed to hold
talks at 10 a.m. on Tuesday", "promised to release the hostages at noon Saturday"; of "hope",
"aim", "intend", "want", "need" only the present ("investors want to see a plan by Monday"), as "had said he hoped to remain captain ... on Monday" dates
the saying); a negated expectation ("is not expected to act until Wednesday"), "ahead of"
("raced to assemble a plan ahead of a Monday deadline"), a present expectation or forecast
("traders expect more turbulence Friday", "are forecast to stay below freezing through the
weekend"), a weather forecast ("forecasters called for thunderstorms Saturday", "cooler weather
forecast for Monday"), a result expected at a time ("final results expected early Monday"; not
"a launch had been expected on Saturday", nor the adjective of "a stronger-than-expected jobs report
released on Friday"), a limit ("no
later than Jan. 22", "results due by the end of September"), an event prepared for ("retailers
are bracing for Friday", "investors are looking ahead to Thursday's report", "attention now
turns to Friday's employment report", "organizers are hoping for a turnout of 10,000 on Saturday",
"the producer price index, due Friday", "foreign
ministers due to meet in Brussels on Monday" (not "due to fog"), "carriers have cut their
schedules for Saturday"), an obligation ("must vote on its plan by Dec. 23"), an expectation
("the weather should clear by Saturday", "verdicts were unlikely before Thursday", "are on
course to meet in the semifinals on Thursday", "light snow was possible Tuesday night", a warning
"warned of delays of up to two hours Wednesday morning", "was
expected to arrive in Baghdad Thursday", "snow may return on Monday"; not "should have", "may
have", nor the month May), a condition that opens the sentence ("Unless parliament acts by
Wednesday, ..."; "If he won in November" stays past by its verb) and a possibility ("the storm
could bring a foot of snow Sunday night", "NASA can try again on Wednesday"; not "could not", "could have", nor the reporter's
past attempt "could be reached/located Wednesday") look ahead too, and so does a release of results in
the present ("FedEx releases results for its fiscal second quarter on Thursday", "Hitachi Ltd.
reports on Thursday": business copy tells a release to come in the present, as a calendar does)."""
_FUTURE_AHEAD = re.compile(
    r"\b(?:will|shall|plans?\s+to|intends?\s+to|(?:is|are)\s+(?:due|set|scheduled|slated|expected|going|planning)\s+to)\b"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
"""The future and the present-tense plans that, as the first verb after a time expression
opening its sentence, make the clause future ("On Tuesday, the league plans to hold a news
conference"); a past plan ("the government planned to pay") does not."""
_CLAUSE_START = re.compile(
    r"(?<![ap]\.m)(?<!\.[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Lt|Co))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Sgt|Col|Inc|Ltd|Sep|Oct|Nov|Dec|Jan|Feb|Aug))"
    r"(?<!\bCorp)(?<!\bSept)[.!?;:,\n]\s|[\"“”(]|\b(?:said|says|because|which|who|whom|when|while|although|though|but)\b"
    r"|\b(?:after|before|since)\b(?!\s+(?:a|an|the|his|her|their|its|noon|midnight)\b|\s+\d|\s*$)"
)
"""Where a clause begins, for :func:`future_context`: not after "a.m."/"p.m." or "U.S.", nor
after a title or an abbreviation ("is expected to meet Mr. Arafat on Thursday", "Sen.", "Inc.",
"Dec.", "Ltd."); "after",
"before" and "since" before a determiner or right before the date are prepositions, no clause's
start ("is scheduled to appear before a magistrate Tuesday", "verdicts were unlikely before
Thursday"), nor before a clock time ("should leave before 10 a.m. or after 7 p.m. Tuesday")."""


_NAME_LIST_COMMA = re.compile(r"\b([A-Z][\w.-]*), (?=(?:[A-Z][\w.-]*, )*[A-Z][\w.-]*,? (?:and|or) [A-Z])")
"""A comma inside a list of names ("London, Paris and Brussels"): no clause starts there."""
_ASIDE = re.compile(r"\([^()]*\)")
"""A closed parenthetical: "(1430 GMT)", "(AP)"."""


def _clause_before(text: str, pos: int) -> str:
    """The clause that ends at ``pos``: at most 80 characters back ("was due to see the head of
    the centrist Third Way faction on Wednesday"), from the last :data:`_CLAUSE_START` on. A
    closed parenthesis is an aside, no clause's start ("is scheduled for 9:30 a.m. local time
    (1430 GMT) on Monday")."""
    window = _ASIDE.sub(" ", text[max(0, pos - 80) : pos])
    window = _NAME_LIST_COMMA.sub(r"\1  ", window)  # "between London, Paris and Brussels": a list, no clause
    starts = [m.end() for m in _CLAUSE_START.finditer(window)]
    return window[starts[-1] :] if starts else window


def future_context(text: str, pos: int) -> bool:
    """True when the clause before ``pos`` speaks of the future ("talks will resume on
    Tuesday"): a cheap stand-in for HeidelTime's tense feature. Looks back to the start
    of the clause (sentence end, comma, quote, "said", "because"...), at most 80 characters."""
    window = _clause_before(text, pos)
    if re.search(r"\b(?:called|set)\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,3})?for\s+$", window) or _SCHEDULED_FOR.search(window):
        # "Another meeting was called for Wednesday", "the vote was set for Friday", "has called a
        # news conference for 10:30 a.m. Tuesday"
        return True
    cues = [
        c for c in _FUTURE_CUE.finditer(window)
        if not (c.group().lower() in _PLAN_PARTICIPLES and _DETERMINED_PARTICIPLE.search(window, 0, c.start()))
        and not (c.group().lower() == "would" and _counterfactual(window, c.end()))
    ]
    if not cues:
        return False
    if _FORMER_PLAN.search(window, 0, cues[-1].start()):
        return False  # "The trial was originally set to begin in April but was postponed": a plan given up
    if re.match(r"as\s", cues[-1].group(), re.IGNORECASE):
        return True  # "as soon as trading opened Monday": reported speech keeps its own verb in the past
    if re.match(r"forecast", cues[-1].group(), re.IGNORECASE):
        return True  # "forecasters called for thunderstorms Saturday": a forecast's verb is past, its weather ahead
    # After the cue a past form dates an earlier event: "is set to extend gains made Tuesday",
    # "a ruling is due in the case filed Monday", "must charge or release a man they had
    # arrested on Monday" (not a passive or a perfect: "is expected to be completed Friday",
    # "will have finished by Monday").
    toks = re.findall(r"[A-Za-z]+", window[cues[-1].end() :])
    cue_end = cues[-1].group().split()[-1].lower()  # "due to be released": the cue's own auxiliary
    owned = re.match(r"[A-Za-z]+['’]s\b", text[pos : pos + 16]) is not None  # "during Thursday's loss"
    return not any(
        past_form(w)
        # "will be fully staffed through the weekend": an adverb between the auxiliary and the participle
        and (_word_before_adverbs(toks, i) or cue_end) not in ("be", "been", "being", "have", "has", *_COPULAS)
        # a negated passive or perfect: "If the bill is not signed by Saturday"
        and not (i >= 2 and toks[i - 1].lower() in ("not", "never") and toks[i - 2].lower() in _NEGATED_AUX)
        and (i == 0 or toks[i - 1].lower() not in _POSSESSIVES)
        # "will put a revised version to parliament on Thursday": an -ed form between an article and its noun
        and not (not owned and i and toks[i - 1].lower() in ("a", "an", "the") and i + 1 < len(toks) and toks[i + 1].islower()
                 and toks[i + 1] not in _FUNCTION_WORDS)
        and not (w in _LEXICAL_ED_ADJECTIVES and i + 1 < len(toks) and toks[i + 1].islower() and toks[i + 1] not in _FUNCTION_WORDS)
        for i, w in enumerate(toks)
    )  # after a possessive an -ed form is an adjective ("must submit its revised proposal by 5 p.m.
    # Monday"), as is one of its own before a noun ("agreed to draw up detailed proposals by March 31");
    # after an article a participle may tell an earlier event ("may miss two weeks with a sprained
    # ankle during Thursday's loss")


def _word_before_adverbs(toks: list[str], i: int) -> str:
    """The word before ``toks[i]`` past any -ly adverbs ("be fully staffed" -> "be"), lower case;
    "" at the start."""
    j = i - 1
    while j >= 0 and _manner_adverb(toks[j].lower()):
        j -= 1
    return toks[j].lower() if j >= 0 else ""


def _counterfactual(window: str, pos: int) -> bool:
    """Whether "would" ending at ``pos`` is a counterfactual past, "would have" + a past
    participle ("would have celebrated their 50th anniversary on Saturday", "would have been run
    on Sunday"), whose event is not ahead (Quirk et al. 1985, 14.23); "would have a decision by
    Friday" keeps "have" as the verb and looks ahead."""
    m = re.match(r"\s+(?:not\s+)?have\s+([a-z]+)", window[pos:])
    return m is not None and (m.group(1) == "been" or past_form(m.group(1)))


_NEGATED_AUX = frozenset("is are am be been being has have was were".split())
"""Auxiliaries before "not" whose participle after it is a passive or a perfect, no past event."""


_SCHEDULED_FOR = re.compile(
    r"\b(?:scheduled|rescheduled|cancell?ed|booked)\s+(?!for\b)(?:[\w-]+\s+){1,4}?for\s+$"
    r"|\b(?:scheduled|rescheduled|cancell?ed|booked)\s+(?:[\w-]+\s+){1,4}?for\s+(?:[^.;!?]|(?<=[A-Z][a-z]{2})\.)*\band\s+(?:[\w-]+\s+){1,4}?for\s+$"
)
"""A verb that puts an event on a day, its object between ("have canceled classes for Monday", "scheduled
jury selection for Jan. 13, 2020, and a final pretrial conference for Dec. 18"): the day is the event's, ahead."""
_DETERMINED_PARTICIPLE = re.compile(r"\b(?:the|its|their|his|her|our|a|an)\s+$", re.IGNORECASE)
"""A determiner right before a cue of a plan: the participle is an adjective ("ran 16 hours past their
scheduled close on Wednesday evening"), no plan."""
_FORMER_PLAN = re.compile(r"\b(?:originally|initially|previously)\b")
"""An adverb of a former plan before the cue ("was originally set to", "had initially planned"):
the plan's date was set in the past and is no longer the event's; the clause's tense decides."""
_LEXICAL_ED_ADJECTIVES = frozenset(
    """detailed limited advanced qualified sophisticated complicated talented experienced extended unprecedented
    renewed concerted coordinated sustained balanced integrated dedicated skilled armed organized organised
    related interested""".split()
)
"""-ed words that are adjectives of their own before a noun ("detailed proposals", "a limited
deal", "armed forces"), not the participle of an event ("a sprained ankle", "a failed bid")."""
_POSSESSIVES = frozenset("its his her their our your my".split())


def past_form(word: str) -> bool:
    """A lower-case finite past or past participle ("made", "filed", "began", "re-elected"), not a
    plan participle ("scheduled", "expected") nor the last part of a compound modifier
    ("sixth-ranked", "state-owned": a hyphenated adjective before a noun, Quirk et al. 1985,
    17.107; a verb prefix before the hyphen, "re-", "co-", keeps the verb)."""
    if not word.islower() or word in _PLAN_PARTICIPLES:
        return False
    if "-" in word and word.rsplit("-", 1)[0] not in _VERB_PREFIXES:
        return False
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS_ED)


_VERB_PREFIXES = frozenset("re co pre de un mis out over under".split())
"""Prefixes written with a hyphen before a verb ("re-elected", "co-founded", "pre-empted")."""


# Finite past-tense forms of common irregular verbs (regular ones end in -ed; "died" is too short
# for the -ed test). Forms that are also present tense or nouns ("set", "put", "cut", "hit",
# "read", "cost") are left out.
_IRREGULAR_PAST = frozenset(
    """was were had did said told made took gave came went got began became left lost won
    sold bought brought thought found held kept led met paid sent spent stood struck fell
    rose grew knew drew wrote broke chose spoke stole drove flew fled fought shot sought
    taught caught built felt heard laid lent meant rode rang sank sat shook slid slept
    spun swore swept swam threw tore understood woke wore withdrew overtook undertook
    forgot forgave arose awoke bore bent bled blew bred clung crept dealt dug
    fed froze hung hid lit overcame proved ran saw sang stuck stung strode strove swung
    wept wound died shrank sprang drank stank ate forbade foresaw mistook overran underwent
    withstood upheld withheld outsold outran sped trod wove""".split()
)
# Finite future or modal forms: "will" makes the clause future; the other modals (and
# "would", the future-in-the-past of reported speech) leave the tense open.
_FUTURE_AUX = frozenset("will shall 'll ’ll wo".split())
_BE_CONTRACTIONS = ("'re", "’re", "'s", "’s", "'m", "’m")
"""A contracted "be" ("they're", "it's", "I'm") that with "going to" makes a future."""
_OPEN_AUX = frozenset("would could can may might must should is are am".split())
_POSSIBILITY_MODALS = frozenset("could may might can must should".split())
"""Modals of an event that may yet happen, the verb after an expression that opens its sentence
("By Friday morning, police must charge or release a man"): unless perfect ("could have") or denied."""
_BARE_PARTICIPLES = frozenset("shut cut hit put set forecast".split())
"""Participles spelt as their verb's base form: after "is"/"are" a present passive, a schedule."""
# Participles that announce a plan, not a past event: "is expected in March"; a postponement's
# new date lies after it ("has been rescheduled for the first week of April").
_PLAN_PARTICIPLES = frozenset(
    """expected scheduled planned slated proposed intended designed aimed targeted projected
    anticipated forecast predicted due set rescheduled postponed delayed deferred adjourned""".split()
)
# Words after which an -ed form is an adjective ("the troubled region").
_DETERMINERS = frozenset(
    """the a an its their his her our your my this that these those some any no each every
    newly recently""".split()
)
_DEGREE_ADVERBS = frozenset("most more less least very so too much".split())
"""Adverbs of degree before which an -ed form is an adjective ("the most celebrated rivalry"): a
finite verb is not graded (Quirk et al. 1985, 7.5: gradability marks adjectives)."""
_COPULAS = frozenset("be being stay stays remain remains become becomes seem seems".split())
"""Verbs before which a past participle is an adjective ("will stay closed until June", "will be
named"); their own form tells the tense ("remained closed" is past by "remained")."""
_ORDINAL_ADJECTIVES = frozenset("first second third final last next new big".split())
"""Adjectives after a determiner before which a past form is a noun ("offer every adult a first
shot by the end of June"); without the determiner they are adverbs ("first met in December",
"last lifted its rate in March")."""
# Words that may follow a finite verb (an -ed form before any other lower-case word is taken
# for an adjective) and that cannot follow an infinitive "to".
_FUNCTION_WORDS = frozenset(
    """the a an his her its their our your my this that these those some any all both each
    every no to from in on at for with by of into onto as up down out off over back about
    after before since during until through against between under above near than and or
    but not also again later earlier early late last next first only just still then there
    here it he she they we you him them us""".split()
)
_PARTICLES = frozenset("guilty innocent down up out off back away again together home".split())
"""Words after an -ed form that make it a verb, not an adjective before a noun ("pleaded guilty
in March", "stepped down in May", "called off on Friday")."""
# -ed words that are not verbs.
_NOT_VERBS_ED = frozenset(
    """bed red need hundred shed bloodshed watershed speed seed creed greed feed breed united sacred naked wicked kindred
    unchanged unnamed unidentified undisclosed unspecified unprecedented unexpected unemployed unarmed unopposed
    unconfirmed unresolved unsolved unannounced unscheduled unlimited""".split()
)
"""-ed words that are no verb forms: nouns, and adjectives of "un-" with no verb of their own
("leave rates unchanged at its July meeting"; "unveiled", "uncovered" are verbs)."""
_LY_NOT_ADVERBS = frozenset(
    """family rally supply ally assembly anomaly monopoly belly jelly bully lily folly homily italy
    daily weekly monthly yearly quarterly hourly nightly likely unlikely lonely friendly costly deadly
    elderly orderly lively holy ugly only early""".split()
)
"""Words in -ly that are no manner adverbs: nouns ("a planned rally") and adjectives ("the
elected family", "revised quarterly figures")."""


def _manner_adverb(word: str) -> bool:
    """True for an adverb in -ly ("sharply", "unusually", "steadily"; not those of
    :data:`_LY_NOT_ADVERBS`): an -ed form before it is a verb ("prices dropped sharply in March",
    "the season started unusually early this spring"), since an attributive adjective comes
    before its noun, not before an adverb (Quirk et al. 1985, 7.2 and 8.1)."""
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOT_ADVERBS


_SUBJECT_DETERMINERS = frozenset("The A An This That These Those Its His Her Their Our".split())
"""Capitalized determiners that open a sentence's subject noun phrase."""
_SUBJECT_PRONOUNS = frozenset("he she it they we i you who".split())
"""Pronouns before an -ed form that make it a finite verb ("he robbed two banks"), not an adjective."""
# Prepositions of a deadline: "postponed until Tuesday" is future although "postponed" is past.
_DEADLINE_WORDS = frozenset("until till through pending".split())
_TENSE_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|['’]ll|\d[\d,.]*|[,;:()]")
_AHEAD_TOKENS = 28
"""How far :func:`clause_tense` reads ahead of a sentence-opening date for its verb, in tokens
(words, numbers and commas)."""
_SENTENCE_BACK = re.compile(r"[;\n\"“”]|``|''")
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|yet|so)\s+")
"""A comma and a coordinating conjunction: the start of an independent clause."""


_SUBJECT_VERB = re.compile(
    r"\s+(?:(?P<future>will|shall|marks|brings|sees|would(?!\s+(?:have|not)\b)|should(?!\s+(?:have|not|never)\b)"
    r"|(?:may|might|could)(?:\s+(?:still|also|well))?(?!\s+(?:have|not|never)\b)|(?:is|are)\s+(?:(?:expected|due|set|scheduled|slated"
    r"|forecast|predicted|likely|going)\s+to|to\s+be)|is(?=\s+[A-Z\"'“‘])|to\s+be|looks?\s+(?:like|set)|(?:expected|forecast)\s+to\s+be)"
    r"|(?P<past>was|were|had|saw|brought))\b"
)
"""A verb right after a time expression that is its subject ("Monday is expected to be
sunny", "Sunday should be drier", "February may be milder", "January could still bring more snow"
(a possibility is of what is yet to come; not "may have"), "Because Friday is Veterans Day" (a name after "is": "Monday
is the busiest day" is a habit), "Sunday marks the 50th anniversary", "Friday brings income
data" (a present "marks", "brings" or "sees" dates a day to come, as their past forms date one
gone), "Friday saw heavy trading"; the subject of an infinitive,
"expected Tuesday to be the busiest day") or ends its subject ("their match
on Tuesday was postponed", "the summit on Friday and Saturday will bring together"): the verb's
tense is the expression's. Not after "from" or "since" (a start: "the campaign from Friday will
last 16 days" began on Friday); after a preposition not "should", whose event it does not date
("the cut in October should be observed"), nor a future verb when a past participle before the
preposition, or right before the date, dates its event ("the vote held in May will be repeated",
"the ruling issued Friday will be appealed")."""
_EXPECT_VERBS = frozenset("expect expects expected forecast forecasts predicted predicts want wants wanted".split())
"""Verbs whose object a date can be, as the subject of an infinitive ("Airlines expected Tuesday
to be the busiest day")."""
_PREPOSITIONS = frozenset("in on at by for of during after before until till through".split())


def clause_tense(text: str, start: int, end: int) -> int:
    """The tense of the verb that governs the time expression at ``start:end``: -1 past,
    +1 future ("will"), 0 when unknown (modal, infinitive, present tense, a deadline).

    A cheap stand-in for the tense feature of HeidelTime (Strötgen & Gertz 2013), which
    resolves underspecified dates ("in March", "on Nov. 28") towards the past in a past-tense
    sentence and towards the future in a future-tense one. Scans back within the sentence (or
    quote) for the nearest verb form: "will" (also "will be named") is future; "was", "had",
    "said", an irregular past ("bought") or a finite -ed form ("stepped down ... in March";
    not an adjective after a determiner, not "expected"/"scheduled") is past; a present passive
    ("nominations are announced Tuesday") is a schedule, future; a modal,
    "would", "is", an infinitive ("agreed to acquire ... in January") or a deadline word
    ("until") is unknown. When the expression opens its sentence ("In January, the company
    sold..."), the first verb after it decides, and a verb of a plan in the present tense met
    before any other verb form (:data:`_FUTURE_AHEAD`: "On Tuesday, the league plans to
    hold...", "is scheduled to", "will") makes it future. An expression that is the subject of
    the verb right after it takes that verb's tense (:data:`_SUBJECT_VERB`: "Monday is expected
    to be sunny", "Sunday should be drier", "Friday was the worst day"). At most 18 tokens back
    and 28 ahead (a
    sentence-opening date's subject can be long: "In January, a week after the 25th anniversary of
    the Roe vs. Wade decision, a clinic bombing in Birmingham, Ala., killed...").
    """
    tense = _scan_clause(text, start, end)
    subject = _SUBJECT_VERB.match(text, end, end + 60)
    before = word_before(text, start)
    if subject is None or (subject.group().lstrip().startswith("to") and before not in _EXPECT_VERBS):
        return tense  # "was reported Friday to be suffering": the infinitive's subject is another
    if subject["past"]:
        return -1 if before not in ("from", "since") else tense
    if (
        subject["future"] and subject["future"].split()[0] in ("may", "might", "could") and before in _PREPOSITIONS
        and text[max(0, start - len(before) - 1) : start].strip() == before
    ):
        return tense  # "a dumping incident in August could reach into the millions": the possibility is the incident's
    if past_form(before) and before not in REPORTING_VERBS:
        return tense  # "The ruling issued Friday will be appealed": the participle dates the ruling; not
        # "Forecasters said February may be milder", whose day heads the reported clause
    if before in _PREPOSITIONS and (
        subject["future"] == "should" or past_form(word_before(text, text.rfind(before, 0, start))) or _PAST_VERB_PHRASE.search(text, max(0, start - 50), start)
    ):
        # "the vote held in May will be repeated": the participle dates the vote; "a team that
        # arrived in Monrovia on Monday would report back": the phrase is the past verb's
        return tense
    return 1 if before not in ("from", "since") else tense


_PRE_VERB_ADVERBS = frozenset("last first recently previously already once never just also twice".split())
"""Adverbs between a subject and its verb ("The committee last changed interest rates in January",
"the bank recently raised rates"): an -ed form after one is the verb, not an adjective; after a
determiner "last"/"first" are adjectives ("the last revised figure")."""


REPORTING_VERBS = frozenset("said told added warned predicted announced reported cautioned noted stated claimed".split())
"""Past verbs of saying: a time expression right after one heads the reported clause, whose verb
gives its tense ("said February may be milder"), and dates no event of its own ("said April 11 was a
probable date", :func:`etl.dates.rules.days.month_day`)."""


_PAST_VERB_PHRASE = re.compile(
    r"\b(?:that|who|which)\s+(?:[a-z]+ed|went|came|left|met|flew|arrived|fled|took|gave|held|made)\s+(?:[a-z]+\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:in|on|at|by)\s+$"
)
"""A relative clause's past verb whose phrase holds the expression ("a team that arrived in Monrovia
on Monday would report back"): the expression is the relative clause's, not the main verb's."""


def _scan_clause(text: str, start: int, end: int) -> int:
    """:func:`clause_tense` without the subject's verb: the verb forms before the expression,
    or after it when it opens its sentence or sits in the subject that opens it ("The last shutdown
    in January lasted three days")."""
    lo = max(0, start - 160)
    for lo, _ in split_sentences(text, lo, start):
        pass  # the last sentence start before the expression ("U.S. Sen. Bob Dole" is one sentence)
    window = text[lo:start]
    cut = None
    for m in _SENTENCE_BACK.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    joined = None
    for joined in _CLAUSE_JOIN.finditer(window):
        pass
    if joined is not None and sum(1 for t in _TENSE_TOKEN.findall(window[joined.end() :]) if t[0].isalpha()) <= 2:
        # "volunteers clean the beach, and on Saturday they will hold a special event": a comma and a
        # coordinating conjunction open an independent clause (Chicago Manual of Style 6.22), which
        # the expression opens; its own verb, after it, decides
        window = window[joined.end() :]
    toks = _TENSE_TOKEN.findall(window)
    if toks and toks[-1].lower() in _DEADLINE_WORDS:
        # "postponed until Tuesday": a limit, no tense of the verb; but a limit of a future clause is
        # ahead too ("will offer tours every Monday through September")
        return 1 if _scan_tense(toks[-2::-1][:18], backwards=True) == 1 else 0
    verdict = _scan_tense(toks[::-1][:18], backwards=True)
    if verdict is not None:
        return verdict
    words = [t for t in toks if t[0].isalpha()]
    # a phrase of time that opens the sentence ("On the night of Oct. 20, she lost"): the verb after it decides
    opening_phrase = len(words) <= 6 and words[:1] in (["On"], ["In"], ["At"], ["By"], ["During"]) and words[-1] == "of"
    if len(words) > 3 and not opening_phrase and not (
        len(words) <= 8 and words[0] in _SUBJECT_DETERMINERS and words[-1] in ("in", "on", "at", "during")
    ):
        # a date inside its sentence's subject ("The last shutdown in January lasted three days"): the
        # subject's verb after it decides, as for a date that opens the sentence
        return 0
    ahead = text[end : end + 160]
    m = re.search(r"[;\"“”]\s|``|''|\n", ahead)
    if m:
        ahead = ahead[: m.start()]
    # The sentence ends where etl.parse.split_sentences says: not after "vs.", "Ala.", "U.S."
    # ("In January, a week after ... Roe vs. Wade ..., a clinic bombing in Birmingham, Ala.,
    # killed": the verb is "killed").
    sentence = next(split_sentences(text, end, end + len(ahead)), None)
    ahead = text[end : sentence[1]] if sentence else ""
    if (owner := _POSSESSIVE_PHRASE.match(ahead)) is not None:
        ahead = ahead[owner.end() :]  # "In Saturday night's late game, the Eagles face...": the clause after the phrase
    cue = _FUTURE_AHEAD.search(ahead)
    head = _TENSE_TOKEN.findall(ahead[: cue.start()] if cue else ahead)
    verdict = _scan_tense(head[:_AHEAD_TOKENS], backwards=False)
    if verdict is None and cue is not None and len(head) <= _AHEAD_TOKENS:
        return 1  # "On Tuesday, the league plans to hold a news conference": the plan's verb first
    return verdict or 0


_POSSESSIVE_PHRASE = re.compile(r"['’]s\s+[^,.;:!?\"“”]{1,40},")
"""A possessive that makes the expression part of a longer opening phrase ("In Saturday night's
late game,"): the clause's verb comes after the phrase's comma."""


def _scan_tense(toks: list[str], backwards: bool) -> int | None:
    """Helper of :func:`clause_tense`: the first verdict met in ``toks`` (nearest first when
    ``backwards``, else in reading order), or None when no verb form was met."""
    n = len(toks)
    for i, tok in enumerate(toks):
        w = tok.lower()
        if backwards and w.endswith("ing") and i + 1 < n and toks[i + 1].lower() in ("after", "since"):
            # "will return Monday after deliberating over Friday and Saturday": an event before the
            # clause's own, past when that one is ("formed the government after winning elections in
            # January"), of no tense of its own before a future one
            return -1 if _scan_tense(toks[i + 2 :], backwards) == -1 else 0
        if w in _FUTURE_AUX or w.endswith(("'ll", "’ll")) or w in ("won't", "won’t"):
            return 1
        if not backwards and w.endswith(_BE_CONTRACTIONS) and [t.lower() for t in toks[i + 1 : i + 3]] == ["going", "to"]:
            return 1  # "on Tuesday they're going to get one": "be going to", a future
        if w in _OPEN_AUX and tok != "May":  # the month is no modal
            if backwards and w in ("is", "are") and i and toks[i - 1].lower() in _BARE_PARTICIPLES:
                return 1  # a present passive of "shut", "cut"...: "markets are shut on Thursday"
            if not backwards and w in _POSSIBILITY_MODALS and (toks[i + 1].lower() if i + 1 < n else "") not in ("have", "not", "never"):
                return 1  # "the match on Sunday could be cancelled": what may yet happen lies ahead
            return 0
        prev = (toks[i + 1] if i + 1 < n else "") if backwards else (toks[i - 1] if i else "")
        nxt = (toks[i - 1] if i else "") if backwards else (toks[i + 1] if i + 1 < n else "")
        team = re.fullmatch(r"[A-Z][a-z]+[^s'’]s", prev) is not None  # "the Eagles face": a plural name's verb
        prev, nxt_l = prev.lower(), nxt.lower()
        scheduled = (tok.endswith("s") or team) and tok in _SCHEDULED_VERBS | _FIXTURE_VERBS and prev not in _DETERMINERS
        if not backwards and scheduled and i <= 5 and "," not in toks[1:i]:
            return 1  # "On Sunday, Manchester City meets Arsenal": a scheduled event in the present, its subject short
        plural = re.search(r"[^su]s$", nxt_l) is not None  # "to regulators": a noun, no infinitive
        if backwards and w == "to" and nxt.isalpha() and nxt.islower() and nxt_l not in _FUNCTION_WORDS and not plural:
            return 0  # an infinitive: "agreed to acquire X in January"
        irregular = w in _IRREGULAR_PAST
        regular = w.endswith("ed") and len(w) > 4 and w not in _NOT_VERBS_ED
        if not (irregular or regular) or not tok.islower():
            continue
        j = i + 2 if backwards else i - 2
        if w == "said" and nxt == "," and 0 <= j < n and toks[j] == ",":
            continue  # a parenthetical ", economists said," governs nothing after it
        if w in _PLAN_PARTICIPLES:
            return 0
        if nxt_l == "by" and prev == ",":
            continue  # ", followed by ... figures on Wednesday": a participle phrase, no finite verb
        before_prev = (toks[i + 2] if i + 2 < n else "") if backwards else (toks[i - 2] if i >= 2 else "")
        if prev in _DETERMINERS or prev in _COPULAS or (prev in _ORDINAL_ADJECTIVES and before_prev.lower() in _DETERMINERS):
            # "the troubled region", "a first shot" (not "first met"); "will be named", "will stay
            # closed": the auxiliary or the copula decides
            continue
        if prev in _DEGREE_ADVERBS:
            continue  # "the most celebrated rivalry", "a very crowded field": a graded adjective
        if prev in _PRE_VERB_ADVERBS and before_prev.lower() in ("is", "are", "am"):
            return 1  # "children who are first vaccinated in November": a present passive, as below
        adverb = prev.endswith("ly") or prev in _PRE_VERB_ADVERBS
        if adverb and (before_prev.lower() in _COPULAS or before_prev.lower() in ("been", "was", "were")):
            continue  # "will be formally opened on May 6": the auxiliary before the adverb decides
        if prev in ("is", "are", "am"):
            return 1  # present passive, a schedule: "the case is heard in May", "nominations are announced Tuesday"
        subject = (
            (prev.isalpha() and prev.islower() and before_prev.lower() in ("the", "its", "their", "his", "her"))
            or prev in _SUBJECT_PRONOUNS
            or (prev in _PRE_VERB_ADVERBS and before_prev.lower() not in _DETERMINERS)  # "the committee last changed rates"
            # a plural noun: "Pentagon officials confirmed reports" (an attributive -ed adjective
            # does not follow a noun, Quirk et al. 1985, 7.2)
            or (len(prev) > 3 and re.search(r"[^sui]s$", prev) is not None and prev not in _FUNCTION_WORDS)
            or (not backwards and not any(t[0].isalpha() for t in toks[:i]))  # right after the subject it ends
        )
        if regular and nxt.isalpha() and nxt.islower() and nxt_l not in _FUNCTION_WORDS and nxt_l not in _PARTICLES:
            if not subject and not _manner_adverb(nxt_l):
                continue  # an -ed form before a noun is an adjective: "a still unspecified date"
            # after "the court" or a pronoun it is the verb: "The court suspended jury trials in March", "he robbed two banks"
        return -1
    return None


_DIRECTIVE_BY = re.compile(
    r"\b(?:asked|told|ordered|urged|instructed|directed|required|given|called\s+on|asks|urges|orders|tells"
    r"|(?<!had\s)(?:hoped|wanted|planned|intended|aimed|sought))\s+(?:[a-z]+\s+){0,3}?to\s+[a-z]+\b[^.;!?,]*\b(?:by|through|until|till)\s+$",
    re.IGNORECASE,
)
"""A directive's or an aim's infinitive before "by" (or "through", "until") and the day ("members have been asked
to vote by Tuesday", "ordered him to leave the country by Friday", "has asked customers to conserve
power through Tuesday morning", "said they hoped to vote by Wednesday": what is aimed at by a limit
is still to come; not "had hoped", an aim given up): a deadline ahead of the DCT. Read with the commas of a
list of names taken out ("urged Americans to leave Jordan, Iraq and Kuwait by Tuesday")."""
_NAMES_COMMA = re.compile(r"\b([A-Z][\w.-]*), (?=[A-Z])")
"""A comma between two names ("Jordan, Iraq and several other countries"): a list, no clause edge."""
_LASTING_STATE = re.compile(
    r"\b(?:remains?|stays?|continues?|lasts?|runs?|is\s+valid|are\s+valid|valid|(?:is|are)\s+in\s+(?:place|effect|force)"
    r"|(?:is|are)\s+(?:now\s+|only\s+)?(?:funded|financed|covered|suspended|banned|closed|extended|protected|booked|sold\s+out))\b[^.;!?,]*$",
    re.IGNORECASE,
)
"""A state in the present that lasts up to a day after "until"/"through" ("prices remain high
through Friday", "an amber warning valid from 15:00 GMT until 09:00 GMT on Tuesday", a present
passive "the government is funded through Sept. 30"): the day lies ahead."""
_PAST_STATE = re.compile(r"\b(?:remained|stayed|lasted|continued)\b[^.;!?,]*$", re.IGNORECASE)
"""A state in the past that lasted up to a day after "until"/"through" ("the offices remained closed
until Monday"): the day is behind, though "closed" alone would set a limit ahead."""
_DEADLINE_CUE = re.compile(
    r"\b(?:deadline|postpon\w*|delay(?:s|ed)?|extend(?:s|ed)?|adjourn\w*|gives?|given|gave|has|have|grant\w*"
    r"|could|would|(?-i:may)|might|should|must|expects?|suspend(?:s|ed)?|halt(?:s|ed)?|clos(?:e|es|ed)|shut"
    r"|cancel(?:s|l?ed)?|watch|warning|advisory|curfew|embargo(?:ed)?"
    r"|(?:does|do|is|are|will)\s+not|(?:doesn|don|isn|aren|won)['’]t)\b[^.;!?]*$",
    re.IGNORECASE,
)


_MOVED_CUE = re.compile(
    r"\b(?:postpon\w*|delay(?:s|ed|ing)?|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+(?:\w+\s+)?back|reschedul\w*|put\s+off"
    r"|defer(?:s|red|ring)?|adjourn\w*|br(?:ing|ings|ought)\s+forward|extend(?:s|ed|ing)?|prolong\w*)\b[^.;!?]*$",
    re.IGNORECASE,
)
"""A verb that moves a date, before the "to" of the new one ("postponed the downhill from
Saturday to Monday", "the vote was moved to Thursday", "pushed it back to May", "the talks were
extended to Wednesday")."""


def deadline(text: str, pos: int) -> bool:
    """True for a limit or a new date ahead of the DCT: "until"/"till" right before ``pos``
    after a word that sets a limit ("extended its deadline until 9 a.m. Tuesday", "postponed
    until Tuesday morning", "has given them until Friday", "suspended service ... until noon
    Tuesday", "issued a flood watch ... until 10 p.m. Thursday", a negated present or future "the
    century does not begin until Monday"), or "to" after a verb that moves a
    date (:data:`_MOVED_CUE`: "postponed trick-or-treating from Monday to Nov. 4" names the new
    day, which the story announces before it comes). Such a date lies after the DCT although
    the verb is past; a bare "until Thursday, they had..." (a past limit) stays past. A state
    in the present that lasts "until" or "through" the day (:data:`_LASTING_STATE`) ends ahead, as
    does "by" after a directive's infinitive (:data:`_DIRECTIVE_BY`). The
    cue is looked for in the sentence, at most 100 characters back."""
    before = word_before(text, pos)
    if before in ("by", "through", "until", "till") and _DIRECTIVE_BY.search(_NAMES_COMMA.sub(r"\1 ", text[max(0, pos - 100) : pos])):
        return True
    if before == "by":
        return False
    if before in ("until", "till", "through") and _LASTING_STATE.search(text, max(0, pos - 60), pos):
        return True  # "will remain high through Friday", "the warning remains in place until Tuesday"
    if before in ("until", "till", "through") and _PAST_STATE.search(text, max(0, pos - 60), pos):
        return False  # "The offices remained closed until Monday": a state that has ended
    if before in ("until", "till"):
        return _DEADLINE_CUE.search(text, max(0, pos - 100), pos) is not None
    return before == "to" and _MOVED_CUE.search(text, max(0, pos - 100), pos) is not None


_LIMIT_SETTERS = frozenset("extended extends extend prolonged postponed deferred delayed adjourned".split())
"""Verbs that set a new limit "until" a date (:func:`limit_ahead`): told when it is set, the limit
lies ahead, though the verb is past ("the moratorium was extended until June 30" in January)."""


def limit_ahead(text: str, pos: int) -> bool:
    """True when the date at ``pos`` is a limit that lies ahead: "by", "until", "till", "through"
    or "before" right before it in a clause that speaks of the future (:func:`future_context`:
    "must draft a constitution by Aug. 15", "hope to adjourn by early October") or after a word
    that sets a limit or a lasting state (:func:`deadline`: "the Pentagon is funded through Sept.
    30", and a limit a verb sets "until" a day, "the moratorium was extended until June 30"; not
    in another past clause: "a resolution which gave Iran until August 31" in December). A plan
    or an obligation is met at or before its limit, so the limit is not behind the DCT
    (HeidelTime's tense rule for a present-future clause)."""
    if word_before(text, pos) not in ("by", "until", "till", "through", "before"):
        return False
    words = re.findall(r"[A-Za-z]+", _clause_before(text, pos))
    if any(w in _LIMIT_SETTERS for w in words) and word_before(text, pos) in ("until", "till", "through"):
        return True  # "The moratorium was extended until June 30": the new limit lies ahead
    if any(
        w in ("was", "were", "had") or (past_form(w) and (i == 0 or words[i - 1].lower() not in ("is", "are", "be", "being")))
        for i, w in enumerate(words)
    ):
        return False  # "The report was due by March 1", "which gave Iran until August 31"
    return future_context(text, pos) or deadline(text, pos)


_SCHEDULED_VERBS = frozenset(
    """meets opens begins resumes arrives leaves travels flies convenes reconvenes closes ends
    expires expire lifts adjourns departs reopens starts runs meet convene resume begin reopen open close start run
    depart arrive travel fly sail beginning starting falls returns vote return peaks airs lands follows follow
    continues continue gathers gather comes""".split()
)
"""Verbs of scheduled events in the present tense: before a weekday ("Arafat meets Albright
Monday", "the summit opens Thursday", "polls close at 8 p.m. Sunday", "the vote comes Monday"; the participles "a
four-day match starting Thursday", "three days of mourning beginning Friday"; "Dhanteras, which
falls on Friday") the event lies ahead.
Third-person forms, and plurals ("talks resume", "polls open", "the games run from July 24",
"Congress returns Thursday"; after a determiner "returns" is a noun, "filed their returns");
forms that are as often nouns ("visit(s)", "return", "vote", "play", "end") are left out; after
a determiner a form is a noun ("at the close Friday", "a run on Monday"); for the forms without
-s see :data:`_BARE_PLURAL_VERBS`."""
_PRESENT_BEFORE = re.compile(r"\b([a-z]+)(\s+(?:off|effect|out))?(?:\s+(?:[a-z]+ly|again))?(?:\s+(?P<prep>on|at|in|until|from|through))?\s+$")
_OFF_VERBS = frozenset("kicks tips tees steps sets lifts blasts kick tip tee step set lift blast takes take runs run".split())
"""Verbs of a scheduled start with "off" ("the match kicks off at 3 p.m. GMT on Saturday", "the
parade steps off Monday at 10 a.m."),
"effect" ("the new law takes effect Friday") or a scheduled end with "out" ("funding runs out at
12:01 a.m. Saturday")."""
_BARE_PLURAL_VERBS = frozenset(
    "meet convene resume begin reopen open close start run depart arrive travel fly sail vote return follow continue gather expire".split()
)
"""Forms of :data:`_SCHEDULED_VERBS` without -s: a plan after a plural subject ("talks resume",
"polls open", "lawmakers return Tuesday", "Arafat and Netanyahu meet", "the first flights depart at 0630 GMT Saturday", "Israelis vote
on Tuesday": "vote" only after a plural) or
"to", not after a negation, a modal, a past copula
or a past verb ("banks remained open Monday"), see :data:`_NOT_A_PLAN_BEFORE`."""


_COPULA_SCHEDULE = re.compile(r"\b[A-Za-z]+\s+(?:is|are)(?:\s+(?:on|at))?\s+$")
"""A present copula right before the day, after a noun ("the observance is Sunday at 2 p.m.",
"the funeral is on Saturday", "the deadline is Friday"): the event is scheduled for that day."""


_NOT_A_SCHEDULED_SUBJECT = frozenset("there it this that today he she they we i you".split())
"""Subjects of "is"/"are" before a day that name no event ("it is Friday", "there are Tuesday's
results"); a noun, even one opening the sentence ("Kickoff is at 4:35 p.m. Saturday"), names one."""


def scheduled_present(text: str, pos: int) -> bool:
    """True when the word before ``pos`` (an adverb in -ly or "again", and "on", "at", "in",
    "until", "from" or "through" skipped) is a verb of
    a scheduled event in the present tense (:data:`_SCHEDULED_VERBS`): "the leaders meet
    separately Monday", "the summit opens on Thursday", "the match kicks off at 3 p.m. on
    Saturday", "the new law takes effect Friday" (:data:`_OFF_VERBS`), or a present copula
    after a noun ("the observance is Sunday at 2 p.m.", :data:`_COPULA_SCHEDULE`; not "it is",
    "there are"). HeidelTime's tense feature (Strötgen &
    Gertz 2013) resolves an underspecified day of a present-tense clause towards the future;
    here only verbs that name a scheduled event count, since "X says Monday" is rare but
    "is" and most present forms tell nothing. :func:`clause_tense` reads the same verbs after a
    date that opens its sentence ("On Sunday, Manchester City meets Arsenal")."""
    m = _PRESENT_BEFORE.search(text, max(0, pos - 40), pos)
    if m is not None and m.group(1) in ("is", "are") and not m.group(2) and _COPULA_SCHEDULE.search(text, max(0, pos - 40), pos):
        return word_before(text, m.start(1)) not in _NOT_A_SCHEDULED_SUBJECT
    if m is None or (m.group(1) not in _SCHEDULED_VERBS and not (m.group(2) and m.group(1) in _OFF_VERBS)):
        return _scheduled_verb_in_clause(text, pos) or _progressive_plan(text, pos)
    if m.group(2) and "effect" in m.group(2) and not m.group(1).startswith("take"):
        return False  # "takes effect", "kicks off", "takes off"; not "tips effect"
    if m.group(2) and "out" in m.group(2) and not m.group(1).startswith("run"):
        return False  # "runs out"; not "sets out", "takes out"
    if m.group(1) in ("follows", "follow") and m["prep"] != "on":
        return False  # "Apple follows on Thursday" is a schedule; "the move follows Tuesday's declaration" is behind
    if m.group(1) in ("beginning", "starting") and m["prep"] not in (None, "on"):
        return False  # a participle has no tense of its own: "the deal beginning in December was", "starting at noon Saturday"
    before = word_before(text, m.start(1))
    if before in _DETERMINERS and not (before == "that" and (m.group(1).endswith("s") or _PLURAL_BEFORE_THAT.search(text, max(0, m.start(1) - 30), m.start(1)))):
        # a noun: "at the close Friday", "their leaves Monday", "the meet Saturday"; "that" before an
        # -s form, or after a plural noun, is the relative pronoun ("the holiday that begins on Thursday",
        # "rules that take effect on Aug. 2")
        return False
    if before == "to":
        if _FORMER_PLAN.search(_clause_before(text, pos)) or re.search(r"\bhad\b", _clause_before(text, pos)):
            # "was originally set to begin in April", "It had been due to expire Friday evening" (a past
            # perfect plan, overtaken by the past it is told from): a plan given up
            return False
        # an infinitive is a plan ("parliament to meet on Monday", "a summit due to open
        # Saturday"), but not a market's result clause ("shed 113 points to close on Friday")
        # nor after an implicative verb, whose event was settled when it was written ("failed
        # to open Tuesday", "managed to meet Friday")
        return m.group(1) != "close" and word_before(text, text.rfind("to", 0, m.start(1))) not in _IMPLICATIVE
    if m.group(1) in _BARE_PLURAL_VERBS:
        if (
            before in _NOT_A_PLAN_BEFORE or before in _PREPOSITIONS or past_form(before) or before in _PLAN_PARTICIPLES
            or before in ("been", "have", "had")
        ):
            # a negation, a modal, a past verb, a perfect's participle ("would have been run on Sunday");
            # a noun after a preposition ("fired shots in return on
            # Tuesday") or an adjective ("ran past their scheduled close on Wednesday")
            return False
        if m.group(1) == "vote" and not re.search(r"[^'’s]s\s+$", text[max(0, m.start(1) - 4) : m.start(1)]):
            return False  # a noun but after a plural subject ("Israelis vote on Tuesday"): "the parliament's vote"
        if re.search(r"\b(?:[Aa]n?)\s+[a-z-]+\s+$", text[max(0, m.start(1) - 30) : m.start(1)]):
            return False  # "set a record close on Wednesday", "an early start on Monday": a noun after "a" and its modifier
        # an adjective after its verb's object: "kept its doors open Thursday"
        words = re.findall(r"[A-Za-z]+", text[max(0, m.start(1) - 30) : m.start(1)])[-3:]
        return not any(w in _KEEP_VERBS for w in words)
    return True


_FIXTURE_VERBS = frozenset(
    """plays play faces face hosts host visits leaves meets meet opens begins starts appears go takes take holds
    travelling traveling hosting facing playing visiting close closes finish finishes travel travels open hands
    return kicks kicking heads head heading flies fly flying returning turns goes premieres debuts ends
    celebrates peaks launches lands airs resigns arrives hits hears gets releases continues returns
    marks observes commemorates gather gathers assemble assembles release resume resumes comes hold begin start
    convene convenes""".split()
)
"""Verbs of a fixture or a visit in the present tense, whose object or place may stand between
them and the day ("the winners play the Netherlands in Marseille on Saturday", "Powell leaves for
the region on Sunday", "the suspect appears in court on Wednesday", "voters go to the polls on
Sunday", "the orchestra takes the stage at 11:15 am on Wednesday", "the ceremony takes place on
Sunday", "the Security Council holds an emergency meeting on the crisis Thursday", "policymakers begin a two-day meeting Tuesday"; the
participles of a fixture list, "Montpellier travelling to Lille on Saturday"; "The Mariners open
their title defense Thursday night"; "France hands over the presidency to Spain on Saturday"; "Lawmakers
return from their Christmas recess on Monday"; "the Fringe heads into its final day on Monday", "With
the World Cup kicking off Friday"; "He flies to Botswana on Wednesday before returning to Washington
Saturday"; "Jimmy Carter turns 100 on Tuesday"; "the court hears final arguments on Monday", "His first test comes Monday", "Kansas and Maine hold
contests Saturday", "the
institute releases its index on Tuesday", "the visit gets under way on Tuesday", "the film arrives on
Disney+ Thursday"; "the album goes on sale Tuesday", "the film premieres in
London on Sunday"; "the race ends in Adelaide on Wednesday", "IBM celebrates the anniversary on Sunday", "the president marks 100 days in office on Saturday";
"party leaders gather in Brussels on Thursday", "Tata Steel and Hindalco release their numbers on
Thursday", "Brazil resume training at Granja Comary on Monday morning"; "The Bucks close
the regular season on Wednesday", "the 76ers finish at home against Chicago Tuesday"): in news
copy the present tense of such a verb is a schedule."""
_CLAUSE_BACK = re.compile(r"[.!?;:,\n\"“”()]|\b(?:said|says|and|but|while|when|after|before|since|which|who)\b", re.IGNORECASE)


def _scheduled_verb_in_clause(text: str, pos: int) -> bool:
    """Helper of :func:`scheduled_present`: a verb of :data:`_FIXTURE_VERBS` earlier in the
    clause before ``pos`` (at most 60 characters, no clause break), after a name, a noun, a
    relative pronoun or an apposition's comma ("the suspect, who appears in court on Wednesday",
    "Spain, the champion, plays the Netherlands on Friday"; not a determiner: "the
    leaves fell on Sunday"; nor "to": an infinitive's plan is told by
    the words before it, :func:`future_context`), followed by its object or place (not the
    day itself: "told his French hosts Tuesday") and by no other verb form."""
    lo = max(0, pos - 60)
    window = text[lo:pos]
    cuts = list(_CLAUSE_BACK.finditer(window))
    # after "who", "which" or the comma that closes an apposition the verb opens the window:
    # "the suspect, who appears in court on Wednesday", "Spain, the champion, plays the
    # Netherlands on Friday"
    opener = bool(cuts) and cuts[-1].group().lower() in ("who", "which", ",", "and")
    if cuts and cuts[-1].group().lower() in ("before", "after") and re.match(r"\s*[a-z]+ing\b", window[cuts[-1].end() :]):
        # a participle has the tense of the clause it hangs on: "flies to Botswana on Wednesday before
        # returning to Washington Saturday" is a schedule, "told the media after returning from India
        # on Wednesday" is not
        main = lo + cuts[-1].start()
        if not (_scheduled_verb_in_clause(text, main) or future_context(text, main)):
            return False
        opener = True
    if cuts:
        window = window[cuts[-1].end() :]
    words = re.findall(r"[A-Za-z0-9'][A-Za-z0-9'-]*", window)  # "open-air" is one word, no verb; "turns 100 on" keeps its object
    for i in range(len(words) - 1, -1 if opener else 0, -1):
        if words[i] in _FIXTURE_VERBS:
            after = words[i + 1 :]
            if not [w for w in after if w not in ("on", "at")]:
                return False  # right before the day it is the nearer rule's case ("told his French hosts Tuesday")
            if after[0] == "of":
                return False  # a noun: "the IBSA heads of government summit", "visits of officials"
            before = words[i - 1] if i else ""
            if not i and after[0] == "to" and cuts[-1].group().lower() != "and" and not words[i].endswith("ing"):
                # a noun opening a clause: ", visits to the region on Sunday" (not a verb after "and":
                # "are fighting for a place and travel to Leipzig on Saturday", "visited Damascus on
                # Wednesday and travels to Amman on Friday")
                return False
            if before.lower() in _DETERMINERS or before.lower() in _NOT_A_PLAN_BEFORE or before == "to":
                return False  # a noun, a negation or a modal; an infinitive ("difficult to meet demand into the summer") is no schedule of itself
            if past_form(before) or before in _KEEP_VERBS:
                return False  # an adjective after a past verb: "polling stations stayed open for two more hours on Sunday evening"
            if not words[i].endswith(("s", "ing")) and any(w.lower() in _BARE_INFINITIVE_VERBS for w in words[:i]):
                return False  # a bare infinitive, no present tense: "Bush let the ground offensive begin Saturday night"
            return not any(past_form(w) or w in _OPEN_AUX or w in _FUTURE_AUX for w in after)
    return False


_BARE_INFINITIVE_VERBS = frozenset("let lets letting made make makes making saw see sees watched heard helped had".split())
"""Causative and perception verbs that take a bare infinitive after their object ("let the
offensive begin", "saw the team play"; Quirk et al. 1985, 16.52): the bare form after them is
no present tense, so it tells no schedule."""


_PROGRESSIVE_BEFORE = re.compile(
    r"\b(?:is|are|am|['’]re)\s+(?:(?:also|still|now|again|[a-z]+ly)\s+)?(?P<verb>[a-z]{2,}ing)"
    r"(?P<place>(?:\s+(?:to|in|at|with|for|from|into|on)\b(?:\s+[\w'’.-]+){1,5}?)?)\s+(?:on\s+|at\s+)?$"
)
"""A present progressive before the day, alone or with a place or a partner ("The committee is
meeting on Thursday", "the Pope is travelling to Fatima on Friday", "Obama is meeting with Abe on
Tuesday"); a direct object between them is left out ("police are investigating the shooting
Sunday": the day is the shooting's), and so is "'s", as often a possessive ("Israel's devastating
July offensive")."""


def _progressive_plan(text: str, pos: int) -> bool:
    """Helper of :func:`scheduled_present`: a present progressive with an adverbial of future time
    names an arrangement (Quirk et al., "A Comprehensive Grammar of the English Language", 1985,
    4.29: "We are meeting on Thursday"), so the day lies ahead; not with a past form between them,
    nor "going" ("is going to" is :func:`future_context`'s) nor "being" + a past participle, whose tense the
    participle tells."""
    m = _PROGRESSIVE_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None or m["verb"] in ("going", "being") or m["verb"] in _NOT_VERBS_ING:
        return False
    return not any(past_form(w) for w in re.findall(r"[a-z][\w'’-]*", m["place"]))


_NOT_VERBS_ING = frozenset("thing nothing something anything everything morning evening king ring spring sing string bring".split())
"""Words in -ing after "is" that are no progressive ("the decision is nothing on Monday")."""


_PLURAL_BEFORE_THAT = re.compile(r"\b[a-z]{3,}[^s']s\s+that\s+$")
"""A plural noun before "that" ("rules that take effect"): "that" is its relative pronoun, not a determiner."""


_IMPLICATIVE = frozenset("failed fails tried tries refused refuses managed manages declined declines attempted unable".split())
"""Verbs before "to" whose infinitive happened, or did not, when they did (implicative verbs,
Karttunen 1971: "failed to open Tuesday" is no plan)."""
_KEEP_VERBS = frozenset("kept keep keeps stayed stay stays remained remain remains left leave leaves held".split())
"""Verbs that take "open"/"closed" as the state of their object ("kept its doors open Thursday",
"left the border open Monday"): the form after them is an adjective, not a plan."""


_NOT_A_PLAN_BEFORE = frozenset("not never did could would should can may might must was were".split())
"""Words before a form without -s that make it no present plan: a negation or a modal ("did not
begin Monday", "could not open Friday") or a past copula ("the shops were open Thursday")."""


def speaks_of_future(text: str, start: int, end: int, tense: int | None = None) -> bool:
    """True when the expression at ``start:end`` lies ahead of the DCT by its clause: a future
    cue before it (:func:`future_context`), a future verb governing it (:func:`clause_tense`;
    ``tense`` when the caller has it already) or a scheduled event in the present tense
    (:func:`scheduled_present`), unless a past form follows it right away ("has claimed it will be
    difficult ... and on Monday criticised the proceedings"). What the weekday and day-of-month
    rules ask before they pick the next such day over the last."""
    if past_form(word_after(text, end)):
        return False  # "... and on Monday criticised the proceedings": the verb after it is past
    if _PLAN_UNDONE.match(text, end):
        return False  # "A verdict was expected Tuesday but was delayed": the day has come and gone
    if future_context(text, start):
        return True
    return (clause_tense(text, start, end) if tense is None else tense) > 0 or scheduled_present(text, start)


_PLAN_UNDONE = re.compile(
    r"[^.;!?]{0,40}?,?\s+but\s+(?:it\s+|they\s+|the\s+\w+\s+)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:delayed|postponed|cancell?ed|called\s+off|put\s+off|pushed\s+back|scrapped|suspended|adjourned)\b",
    re.IGNORECASE,
)
"""A plan undone later in its sentence ("was expected Tuesday but was delayed", "had been set for
Friday, but it was postponed"): the planned day is behind the DCT, so the clause's plan cue does
not put it ahead."""


_PRESENT_PLAN = re.compile(
    r"\b(?:will|shall|(?-i:If|Unless)|no\s+later\s+than|(?<!was\s)(?<!were\s)due\s+(?:by|on|in|at|before)"
    r"|(?:is|are)(?:\s+not|n['’]t)?\s+(?:\w+\s+)?(?:scheduled|planned|due|set|expected|slated|going)"
    r"|(?:plans|intends|hopes|aims|expects|seeks|promises|pledges|vows|(?:is|are)\s+(?:planning|hoping|aiming|seeking))\s+to"
    rf"|{_AHEAD_OF})\b|\w['’]ll\b",
    re.IGNORECASE,
)


def scheduled_for(text: str, pos: int) -> bool:
    """True when a verb that puts an event on a day ends right before ``pos`` with its object and
    "for" (:data:`_SCHEDULED_FOR`: "scheduled a final pretrial conference for Dec. 18", "have
    canceled classes for Monday"): the day is the event's, after the act of scheduling."""
    return _SCHEDULED_FOR.search(text, max(0, pos - 120), pos) is not None


def present_plan(text: str, pos: int) -> bool:
    """True when the clause before ``pos`` names a plan in the present or the future ("will",
    "is planned", "are due", "ahead of", a limit "no later than", "due by", a condition opening
    the sentence, "If he wins in November"; :data:`_PRESENT_PLAN`) and :func:`future_context`
    agrees: a month or a day it names lies ahead of the DCT ("A summit is planned in Brussels
    in June" in a story of August is next June; HeidelTime's tense rule for a present-future
    clause). A past plan ("had been scheduled for July 25") names no such cue."""
    return _PRESENT_PLAN.search(_clause_before(text, pos)) is not None and future_context(text, pos)
