"""The engine's lexicon: word lists and the small anchored regexes it reads figures with.

Compiled once at import. Names say what a pattern matches; ``*_LEFT`` patterns are searched
at the end of the text just before a number, the others are matched just after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .dates import MONTHS
from .numbers import (
    FRACTION_WORDS,
)
from .patterns import (
    trie_regex,
)
from .units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DURATION_UNITS,
    MEASURE_SYMBOLS,
    MEASURE_WORDS,
    RATE_ADVERBS,
    RATE_PERIODS,
    SPEED_UNITS,
)

I = re.IGNORECASE  # noqa: E741 - the re module's own short name


def words(text: str) -> set[str]:
    """A word list written as one string, for readability."""
    return set(text.split())


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- left context
NOT_APPROX = {
    "only",
    "just",
    "plus or minus",
    "exactly",
    "an average of",
    "on average",
    "an extra",
    "another",
    "a further",
    "a record",
    "a total of",
    "a mere",
}

HEDGE_QUALIFIERS = {
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "as high as",
    "as low as",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "up to",
    "at least",
    "at most",
    "no more than",
    "no fewer than",
    "no less than",
    "not more than",
    "in excess of",
    "upwards of",
    "close to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "below",
    "above",
    "within",
    "an estimated",
    "estimated",
    "just over",
    "just under",
    "well over",
    "well under",
    "only",
    "just",
    "plus or minus",
    "exactly",
    "barely",
    "little more than",
    "an average of",
    "on average",
}


# Capitalised words that may stand right before a number without making it a name.
LEFT_OK = set(
    [
        "in",
        "on",
        "at",
        "by",
        "since",
        "until",
        "till",
        "from",
        "between",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "more",
        "over",
        "under",
        "up",
        "down",
        "only",
        "just",
        "of",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "to",
        "its",
        "their",
        "his",
        "her",
        "our",
        "all",
        "those",
        "these",
        "another",
        "each",
        "every",
        "when",
        "while",
        "during",
        "within",
        "than",
        "approximately",
        "estimated",
        "roughly",
        "last",
        "next",
        "this",
        "after",
        "before",
        "for",
        "with",
        "as",
        "fewer",
        "less",
        "least",
        "exactly",
        "total",
        "magnitude",
        "aged",
        "age",
        "ages",
        "minus",
        "plus",
        "with",
        "without",
        "among",
        "including",
        "includes",
        "nearly",
        "barely",
        "some",
        "then",
        "where",
        "there",
        "here",
        "that",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "once",
        "twice",
        "per",
        "almost",
        "also",
        "even",
        "still",
        "yet",
        "so",
        "if",
    ]
)
LEFT_OK.update(["q1", "q2", "q3", "q4", "h1", "h2"])  # "Q3 2024", "H1 2025": periods

# Lower-case nouns that name things by number ("platform 2", "flight 370").
ID_NOUNS = set(
    [
        "platform",
        "flight",
        "train",
        "helpline",
        "hotline",
        "extension",
        "ext",
        "ext.",
        "route",
        "highway",
        "motorway",
        "article",
        "section",
        "page",
        "room",
        "gate",
        "terminal",
        "bus",
        "line",
        "number",
        "no",
        "no.",
        "nos",
        "shirt",
        "bib",
        "channel",
        "chapter",
        "clause",
        "paragraph",
        "version",
        "model",
        "series",
        "level",
        "tier",
        "lane",
        "pier",
        "exit",
        "junction",
        "track",
        "ward",
        "block",
        "apartment",
        "flat",
        "suite",
        "box",
        "code",
        "district",
        "zone",
        "sector",
        "unit",
        "squad",
        "figure",
        "table",
        "annex",
        "appendix",
        "item",
        "rule",
        "amendment",
        "act",
        "resolution",
        "phase",
        "stage",
        "grade",
        "year-group",
        "category",
        "mark",
        "mk",
        "type",
        "class",
        "episode",
        "season",
        "volume",
        "issue",
        "verse",
        "psalm",
        "part",
        "vol",
        "pp",
        "p",
        "fig",
        "exhibit",
        "bay",
        "dock",
        "berth",
        "hangar",
        "seat",
        "row",
        "runway",
        "bed",
        "cell",
        "precinct",
        "province",
        "window",
        "windows",
        "apollo",
        "boeing",
        "airbus",
    ]
)

STREET = re.compile(
    r"[ \u00a0]+(?:[A-Z][\w'’-]*[ \u00a0]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|"
    r"Blvd|Square|Place|Drive|Way|Terrace|Close|Crescent|Gardens|Row|Court|Plaza)\b"
)

CHANGE_WORDS = words(
    "rose risen rising rises rise fall grow climbs surge surges soar soars slip slips slide "
    "slides plunge plunges reduce reduces "
    "rose risen rising rises fell fallen falling falls increase increased increases increasing "
    "decrease decreased decreases climb climbed climbing climbs jump jumped jumping jumps grew "
    "grown growing drop dropped dropping drops cut raise raised raising lift lifted lifting "
    "lower lowered slipped slid soared surged plunged decline declined went gone up down "
    "swung shrank shrunk expanded widened narrowed boosted reduced tripled doubled halved "
    "changed revised upgraded downgraded"
)

# after "5k", "10k": a race, so the k is kilometres, not thousands
RACE_AFTER = re.compile(r"[ \u00a0-]*(?:runs?|races?|course|route|trail)\b", re.I)

# the word right before X when "X to Y" may be the two ends of a change
CHANGE_ENDS_LEFT = frozenset({"from"} | CHANGE_WORDS)

# a verb of change before "from X to Y" makes X and Y two figures, not a range
CHANGE_VERB = re.compile(
    rf"\b(?:{trie_regex(CHANGE_WORDS | {w.capitalize() for w in CHANGE_WORDS})})\b"
)

# ---------------------------------------------------------------- right context
SP = "[ \u00a0\u202f\u2009]"

ATTACHED = re.compile(r"[A-Za-z°º²³]+")

ALLOWED_ATTACHED = {
    "st",
    "nd",
    "rd",
    "th",
    "bn",
    "m",
    "mn",
    "mln",
    "k",
    "tn",
    "trn",
    "b",
    "km",
    "kg",
    "mm",
    "cm",
    "C",
    "F",
    "K",
    "mph",
    "kph",
    "kmh",
    "GW",
    "MW",
    "kW",
    "kWh",
    "GWh",
    "TWh",
    "ft",
    "lb",
    "lbs",
    "ha",
    "L",
    "ml",
    "mL",
    "g",
    "t",
    "am",
    "pm",
    "AM",
    "PM",
    "s",
    "x",
    "h",
    "hrs",
    "min",
    "mins",
    "pc",
    "bps",
    "bp",
    "pp",
    "km²",
    "m²",
    "°C",
    "°F",
    "ºC",
    "ºF",
    "°",
    "sec",
    "secs",
    "yr",
    "yrs",
    "kn",
    "nmi",
    "p",
    "a",
    "km2",
    "m2",
    "M",
    "B",
    "T",
    "mg",
    "eV",
    "GHz",
    "MHz",
    "Hz",
    "Wh",
    "nm",
    "mi",
    "hr",
    "GB",
    "MB",
    "TB",
    "PB",
}

SCALE_TAIL = re.compile(
    rf"(?:{SP}|-)?(million|billion|trillion|thousand|lakhs?|crores?|bn|bln|mn|mln|tn|trn)\b"
    rf"|(m|k|b|M|B|T|K)\b",
)

# a second scale word after lakh or thousand: "₹1.5 lakh crore" (1.5e12), "20 thousand
# crore"; Indian budgets are written so
CRORE_AFTER = re.compile(rf"{SP}+crores?\b")
DOZEN_TAIL = re.compile(rf"{SP}+dozen\b", I)

# "two and a half", and hyphenated before a unit: "a two-and-a-half-hour wait"
HALF_TAIL = re.compile(rf"{SP}+and{SP}+a{SP}+half\b|-and-a-half\b", I)

# The first letters HALF_TAIL, DOZEN_TAIL and SCALE_TAIL can start with ("and",
# "dozen"; "million", "bn", "tn", "lakh", "crore"..., "m", "k"; re.I matches nothing
# else to "a" or "d"): when none follows, the three need not be tried.
NUMBER_TAIL_HINT = re.compile(rf"{SP}+[aAdDmbtlc]|-[ambtlc]|[mbtkMBTK]")

PERCENT = re.compile(
    rf"(?P<pct>{SP}?%|{SP}(?:per{SP}?cent|percent|pct)\b|pc\b)"
    rf"|(?P<pp>{SP}percentage[- ]points?\b|{SP}?(?:pp|ppts?)\b)"
    rf"|(?P<bp>{SP}basis[- ]points?\b|{SP}?bps?\b)",
    I,
)

AGE_TAIL = re.compile(rf"[-\u2010{SP[1:-1]}](year|month|week|day)s?[-\u2010{SP[1:-1]}]olds?\b", I)

DURATION_TAIL = re.compile(rf"(?:{SP}|[-\u2010])?({alt(DURATION_UNITS)})\b(?!-old)", I)

DURATION_CHAIN = re.compile(rf",?{SP}+(?:and{SP}+)?(?=\d|[a-z])", I)

AGO = re.compile(rf"{SP}+ago\b", I)

SPEED_TAIL = re.compile(rf"(?:{SP}|-)?({alt(SPEED_UNITS)})(?![\w/])", I)

MEASURE_WORD_TAIL = re.compile(rf"(?:{SP}|-)?({alt(MEASURE_WORDS)})(?![\w])", I)

MEASURE_SYMBOL_TAIL = re.compile(
    rf"({alt(MEASURE_SYMBOLS)})(?![\w])|{SP}(°[CF]|º[CF]|L|t|"
    rf"{alt(k for k in MEASURE_SYMBOLS if len(k) > 1)})(?![\w])"
)

# "10,000 won't come close": the verb, not the Korean won
CURRENCY_WORD_TAIL = re.compile(
    rf"{SP}+({alt(CURRENCY_WORDS)}|pounds|pound)(?![\w]|['’]t\b)", I
)

TIMES_TAIL = re.compile(rf"{SP}+times\b", I)

TIMES_COMPARATIVE = re.compile(
    rf"{SP}+(?:as|more|higher|larger|greater|bigger|faster|the|that|than|over|less|lower|"
    r"smaller|what|its|their)\b",
    I,
)

FOLD_TAIL = re.compile(r"-?fold\b", I)

ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b")

SUPERLATIVE = re.compile(
    r"[-\u2010](?:largest|biggest|highest|lowest|busiest|most[-\s]\w+|least[-\s]\w+|"
    r"best|worst|longest|smallest|richest|poorest|deadliest|strongest|oldest|fastest|"
    r"costliest|heaviest|tallest|greatest|ranked|placed)\b",
    I,
)

CAPITALISED_NEXT = re.compile(rf"{SP}+[A-Z][a-z]")

RANGE_SEP = re.compile(rf"{SP}*[-\u2010\u2013\u2014]{SP}*|{SP}+(to|and|or){SP}+", I)

OR_FOLD = re.compile(rf"[-\u2010]{SP}+or{SP}+(\w+?)fold\b", I)

IN_N = re.compile(rf"{SP}+(?:in|out{SP}+of){SP}+(?:every{SP}+)?", I)
# a tally over games, not a proportion: "he has scored nine in 11", "won four in six"
TALLY_VERBS = words("scored netted won lost drew kept conceded managed")

RATE_TAIL = re.compile(
    rf"(?:{SP}+|-)(?:(?:more|less|extra|each|on average|or so|in total){SP}+)?"
    rf"(?:(?:a|an|per|each|every)(?:{SP}+|-)(?P<p>{alt(RATE_PERIODS)}|capita|head|person|share|"
    r"pupil|student|patient|household|passenger|resident|flight|tonne|barrel|kilo|litre|unit)"
    rf"|(?P<adv>{alt(RATE_ADVERBS)})|(?P<per>per{SP}+(?P<pn>[\d,.]+(?:{SP}+\w+)?|[a-z]+)))\b"
    # "a year earlier" is when, not how often
    rf"(?!{SP}+(?:earlier|later|ago|before|after|previously)\b)"
    r"|/(?P<sl>hour|hr|h|day|week|month|year|yr|kg|km|person|head|share)\b",
    I,
)

TIME = re.compile(
    rf"(\d{{1,2}})([:.])(\d{{2}})(?::(\d{{2}}))?(?!\d)"
    rf"(?:{SP}?([ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b))?"
)

# between the two times of a range: "7am to 11pm", "9:00-17:30"
TIME_RANGE_SEP = re.compile(rf"{SP}*[-\u2013]{SP}*|{SP}+(?:to|until|till){SP}+", I)

AMPM = re.compile(rf"(\d{{1,2}}){SP}?([ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)")

OCLOCK = re.compile(rf"{SP}+o['’]clock\b", I)

TIMEZONE = re.compile(
    rf"{SP}+(GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|JST|IST|"
    rf"AEST|AEDT|Z)\b|{SP}+(local{SP}+time)\b"
)

DAY_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?{SP}+(?:of{SP}+)?(January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|"
    rf"Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![\w])(?:,?{SP}+(\d{{4}})(?!\d))?"
)

MONTH_DAY = re.compile(
    rf"\.?{SP}+(\d{{1,2}})(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?:,?{SP}+(\d{{4}})(?![\d]))?"
)

MONTH_DAY_RANGE = re.compile(
    rf"{SP}*(?:-|\u2013|{SP}and{SP}|{SP}to{SP}){SP}*(\d{{1,2}})(?![\d:,.]\d|\w)"
)

MONTH_YEAR = re.compile(rf"\.?,?{SP}+(\d{{4}})(?!\d|,\d)")

# a second month after a first: "March to May", "January-August", "Jan-Aug",
# "April 2024 through March 2025"
# after "between": "between April and June", one range of months
MONTH_AND_RANGE = re.compile(
    rf"{SP}+and{SP}+({'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?"
    rf"(?:,?{SP}+(\d{{4}})(?!\d|,\d))?",
    I,
)
MONTH_RANGE = re.compile(
    rf"(?:{SP}*[-\u2013]{SP}*|{SP}+(?:to|through|until|till){SP}+)"
    rf"({'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?(?:,?{SP}+(\d{{4}})(?!\d|,\d))?",
    I,
)

FUZZY_LEFT = re.compile(
    rf"\b(early|mid|late|the{SP}+end{SP}+of|the{SP}+start{SP}+of|the{SP}+beginning{SP}+of|"
    rf"the{SP}+middle{SP}+of)(?:{SP}+|-)$",
    I,
)

RELATIVE_LEFT = re.compile(rf"\b(last|next|this|previous){SP}+$", I)

RELATIVE = re.compile(
    rf"(last|this|next|previous){SP}+(year|month|week|decade|summer|winter|spring|autumn)\b", I
)
# the month each season ends in (northern hemisphere; winter ends in February)
SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}
# fiscal periods: "Q3" (a quarter), "H1" (a half-year), "FY2024" / "FY24" (a fiscal year)
PERIOD = re.compile(r"(Q[1-4]|H[12])(?![\w])|FY(\d{4}|\d{2})(?![\w])")
SEASON_LEFT = frozenset(
    ["since", "until", "till", "before", "after", "by", "from", "in", "during", "over", "than"]
)
# words before a bare "fortnight" that make it a span of time ("the past fortnight")
FORTNIGHT_LEFT = frozenset(
    ["past", "last", "next", "coming", "previous", "the", "that", "this", "first", "final", "whole"]
)

SCORE_WORDS = words(
    "won win wins winning beat beats beating lost lose loses losing drew draw draws drawing "
    "defeated defeat thrashed edged hammered routed trailed trailing led leading score scored "
    "scoreline victory tied ended finished final result voted vote votes approved passed "
    "rejected margin stun stuns stunned shock shocks shocked upset upsets beaten thumped "
    "crushed overcame downed"
)

SCORE_CONTEXT_LEFT = re.compile(rf"\b(?:{trie_regex(SCORE_WORDS)})\b", I)

# a score in words, "three-two", "one-one", "two-nil", "two-all": the second word
# ("nil" is 0, "all" a draw)
WORD_SCORE_SECOND = re.compile(r"[-\u2010\u2013](nil|nought|zero|all|[a-z]+)\b", I)
# "one-one at half-time", "two-all at the break"
SCORE_TIME_RIGHT = re.compile(
    rf"{SP}+(?:at|after|by){SP}+(?:half-time|halftime|the break|full-time)\b", I
)
SCORE_CONTEXT_RIGHT = re.compile(
    rf"{SP}+(?:win|victory|defeat|draw|loss|lead|home win|away win|scoreline|thrashing)\b", I
)

NOUN_WORDS = re.compile(rf"{SP}+([A-Za-z\u00c0-\u024f][\w'’-]*)")

OF_DET = re.compile(
    rf"{SP}+of(?:{SP}+(the|its|their|his|her|our|these|those|them|us|which|whom|it|all)\b)?", I
)

STOP = words(
    "a an the of and or but to from in on at by for with into onto over under than that which "
    "who whom whose was were is are be been being had has have will would could should may "
    "might must can did do does said says say told according it its their they them he she "
    "his her this these those there here more less fewer each per while when after before "
    "since ago about around across during between among including like against as so not no "
    "also still only just even all some such other another every both either neither "
    "than then yet if because though although until till via toward towards within without "
    "through throughout upon off out up down back away again ever never now today yesterday "
    "tomorrow overnight daily weekly monthly annually a.m. p.m. am pm percent cent per-cent "
    "times last next previous earlier later record"
) | words(
    "go goes come comes make makes take takes give gives remain remains include includes mean "
    "means seem seems show shows need needs get gets run runs stand stands fall falls rise "
    "rises grow grows hold holds keep keeps leave leaves move moves play plays put puts set "
    "sets turn turns work works live lives face faces pay pays cost costs reach reaches hit "
    "hits die dies lose loses win wins see sees use uses want wants receive receives return "
    "returns attend attends join joins arrive arrives flee fled enter enters "
    "received returned attended joined arrived entered went came made took gave held kept "
    "left moved played turned worked lived faced paid reached lost won saw used wanted "
    "signed voted died killed injured wounded hurt dead missing arrested detained displaced "
    "evacuated rescued affected"
)

ADJ_SKIP = set(
    [
        "new",
        "more",
        "other",
        "additional",
        "extra",
        "further",
        "young",
        "old",
        "local",
        "foreign",
        "several",
        "many",
        "major",
        "minor",
        "large",
        "small",
        "big",
        "high",
        "low",
        "top",
        "senior",
        "junior",
        "first",
        "last",
        "next",
        "final",
        "whole",
        "full",
        "total",
        "estimated",
        "average",
        "typical",
        "annual",
    ]
)

FRACTION_ALT = alt(FRACTION_WORDS)

# "a third" is a share; "a third-party vendor", "a second-hand car", "a third-rate
# show" are compound adjectives, no figure
FRACTION_AFTER_A = re.compile(
    rf"an?{SP}+({FRACTION_ALT})\b"
    r"(?![-\u2010](?:point|year|time|party|parties|hand|rate|person|world|class|tier|string))",
    I,
)

# compound ordinals after a tens word: "twenty-first", "thirty-second", "ninety-ninth"
COMPOUND_ORDINAL = re.compile(
    r"[-\u2010 ](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", I
)
# a hyphenated range of number words: "two-three hours", "four-five days" (Indian English)
WORD_RANGE_HYPHEN = re.compile(r"[-\u2010\u2013](?=[a-z])")
# "half-million", "a half-billion dollars": half the scale
HALF_SCALE = re.compile(r"[-\u2010 ](million|billion|trillion|thousand)\b", I)

HALF_CONTEXT_RIGHT = re.compile(
    rf"{SP}+(?:of|the|its|their|his|her|them|that|this|those|these|our|what)\b", I
)

HALF_CONTEXT_LEFT = re.compile(
    r"\b(?:by|in|than|to|nearly|almost|about|over|under|around|roughly|only|just|cut|"
    r"least|about|and|or|halved|more|less|fewer)[ \u00a0]+$",
    I,
)

POINT_TAIL = re.compile(
    rf"[-\u2010 ]point\b|{SP}+(?:of{SP}+)?a{SP}+(?:percentage{SP}+)?point\b(?!{SP}+of\b)", I
)
# before a range that is a span, not the ends of a change: "fall for another 12 to 18
# months", "between 5 and 7"
SPAN_LEFT = frozenset(["between", "for", "another", "within", "next", "past", "over"])
# "half" after these is no share ("the first half", "the latter half")
HALF_PERIOD_LEFT = frozenset(
    [
        "the",
        "first",
        "second",
        "a",
        "and",
        "one",
        "same",
        "latter",
        "former",
        "last",
        "next",
        "previous",
        "final",
    ]
)
HALF_OF_PERIOD = re.compile(
    rf"{SP}+of{SP}+(?:(?:19|20)\d\d\b|the{SP}+(?:year|decade|century|season|month)\b)", I
)
MONTH_NO_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?![ \u00a0,]*(?:\d{1,2}(?:st|nd|rd|th)?,?[ \u00a0]*)?(?:19|20)\d\d)"
)

TENS_OF = re.compile(rf"(tens|hundreds){SP}+of{SP}+(thousands|millions|billions)\b", I)

VAGUE = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}

MULTIPLIERS = {
    "double": 2,
    "doubled": 2,
    "doubles": 2,
    "doubling": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "tripling": 3,
    "treble": 3,
    "trebled": 3,
    "trebling": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadrupling": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "sevenfold": 7,
    "eightfold": 8,
    "ninefold": 9,
    "tenfold": 10,
    "hundredfold": 100,
    "halved": 0.5,
    "halving": 0.5,
}

# "for months", "within weeks": vague durations after a preposition of time
VAGUE_DURATION_LEFT = re.compile(
    r"\b(?:for|after|within|over|in|took|take|takes|lasted|lasting|spent|spend|coming)[ \u00a0]+$",
    I,
)

VAGUE_DURATION_RIGHT = re.compile(rf"{SP}+(?:ago|of{SP}+age|old|later|earlier)\b", I)

RATE_AFTER_TIMES = re.compile(rf"{SP}+(?:a|an|per|each|every){SP}+({alt(RATE_PERIODS)})\b", I)

DURATION_PREP_LEFT = re.compile(
    r"\b(?:in|within|for|over|after|than|about|around|nearly|almost|least|under|just|only|"
    r"lasting|lasted|lasts|took|take|takes|taking|spend|spent|spending|once|half|past|"
    r"than|up to|another|extra|additional|roughly|some|approximately)[ \u00a0]+$",
    I,
)

PERIOD_NOUN = re.compile(
    rf"{SP}+(?:(?:fiscal|financial|calendar){SP}+)?"
    rf"(?:quarter|half|week|month|year|day|round|term|season|semester|phase|stage|leg|"
    r"innings|period|decade|century|anniversary|set|lap|inning|heat)s?\b",
    I,
)
# "second-quarter revenue", "first-half goals": an ordinal joined to its period
PERIOD_HYPHEN = re.compile(
    r"[-\u2010](?:quarter|half|round|season|term|stage|leg|set|innings|period|minute|century|place)"
    r"(?![\w-])",
    I,
)
# "the second fine", "its second title", "the second to hit": "second" as a rank (not
# the unit of time, which takes "a" or a number)
SECOND_RANK_LEFT = re.compile(r"\b(?:the|its|their|his|her|our)[ \u00a0]+$", I)
SECOND_RANK_RIGHT = re.compile(
    rf"{SP}+(?:to{SP}+[a-z]+|(?:[a-z]{{3,}}{SP}+)?[a-z]{{3,}}(?={SP}+(?:for|since|of|in|this|"
    r"that|to|after|on|at|from|by|against)\b))"
)
# "the world number 14", "world No 2": a ranking
WORLD_NUMBER_LEFT = re.compile(r"\bworld[ \u00a0]+(?:number|No\.?|no\.)[ \u00a0]+$", I)

# a possessive before an ordinal: "their third World Cup", "Spain's fourth Grand Slam"
POSSESSIVE_LEFT = re.compile(r"\b(?:its|his|her|their|our|[A-Za-z]+['’]s)[ \u00a0]+$")
DETERMINER_LEFT = re.compile(
    r"\b(?:the|its|his|her|their|our|my|your|a|an|this|that|each|every|whose|for|"
    r"[A-Za-z]+['’]s)[ \u00a0]+$",
    I,
)

WEEKDAY_LEFT = re.compile(
    r"\b(on|last|next|this|On|Last|Next|This|by|until|till|from|since|before|after|By|Until|"
    r"From|Since|Before|After)[ \u00a0]+$"
)
# a clause that speaks of the future with a modal or "is due to" (not the present
# "resumes", which news also writes of the past): an undated month in it is the coming
# one. Substrings, not a regex: tested for every date written without a year.
FUTURE_MARKERS = (
    " will ", " shall ", "'ll ", "’ll ", " due to ", " set to ", " expected to ",
    " scheduled to ", " going to ", " plan to ", " plans to ",
)  # fmt: skip
# a time with seconds after these is a time of day ("at 10:42:15"), else a duration
CLOCK_LEFT = words("at around about until till by from")
# A bare weekday or "yesterday" dates the statement it sits in; it is read (resolved by
# tense against publication) so that the figures of its clause get their time, but it is
# not a figure to check: the real-news annotation convention lists neither weekdays nor
# "today", "tonight" or "tomorrow". Dates with a month ("Monday, March 3") stay figures.
DAY_REFERENCE = re.compile(
    r"(?:(?:last|next|this)[ \u00a0]+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|yesterday|today|tonight|tomorrow",
    I,
)
# prepositions that point a weekday ahead of publication, unless the clause is past
WEEKDAY_AHEAD = frozenset(["by", "until", "till", "from", "before"])
PAST_CLAUSE = re.compile(r"\b(?:was|were|had|did|ran|lasted|remained|stayed|took|ended)\b", I)
# a clause in the past before "by"/"until" + a date: "had killed 41 by March 3",
# "reached 41 by March 3", "was shut until May 2"
PAST_CLAUSE_BY = re.compile(
    r"\b(?:was|were|had|did|ran|lasted|remained|stayed|took|ended|reached|rose|climbed|"
    r"killed|fell|hit|recorded|counted)\b", I)

NAME_COMMA_LEFT = re.compile(r"(?:^|[^\w])[^\W\d_][\w'’.-]*,[ \u00a0]$")

# a person's age said as a state: "He's 24.", "she is 31 and", "who was 58,"
PERSON_IS_LEFT = re.compile(r"\b(?:[Hh]e|[Ss]he|who)(?:['’]s|\s+is|\s+was)\s+$")
AGE_END_RIGHT = re.compile(r"(?:[.,;!?\"”’)]|\s+(?:and|when|but|while)\b|$)")
AGE_RIGHT = re.compile(r"(?:,|\)|[ \u00a0]+(?:and|who|was|is|said|told|has|had)\b)")

SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]['\"”’)]*\s+|[\"“‘(]|\n)$")

CURRENCY_END = set("$€£¥₱₹₩₽₺₴DRPFYsNB. \u00a0")

TOKEN = re.compile(r"[\w.,:/-]{0,100}")

PAGE_OF = re.compile(r"\b(?:[Pp]age|[Pp]\.|[Ss]lide|[Pp]art|[Cc]hapter)\s+\d+\s+of\s+$")

# after "a third": "of", punctuation or a comparative keeps it a fraction; a noun or
# adjective makes it an ordinal ("a third consecutive meeting", "a fifth term")
ORDINAL_USE = re.compile(
    rf"{SP}+(?:consecutive|straight|successive|time|term|round|day|week|month|year|quarter|"
    r"season|place|attempt|game|match|stage|leg|wave|phase|generation|edition|anniversary|"
    r"child|son|daughter|party|bid|try|night|reading|vote|ballot|lockdown|test|man|woman|"
    r"victim|case|death|person|incident|attack|strike|increase|rise|cut|hike|fall|drop|"
    r"largest|biggest|highest|lowest|most|major|runway|terminal|reactor|plant|hospital)\b"
)

RANK_VERB_LEFT = re.compile(
    r"\b(?:is|are|was|were|be|been|now|finished|finish|came|come|ranked|ranks|placed|"
    r"stood|stands|sit|sits|sat|lie|lies|lay|stay|stays|stayed|remain|remains|remained|"
    r"dropped to|rose to|fell to|climbed to|up to|"
    r"moved to|(?:leaves|left|leave|leaving|puts|put|keeps|kept|lifts|lifted|takes|took|"
    r"sends|sent|moves|moved)[ \u00a0]+(?:them|him|her|it|us))[ \u00a0]+$"
)
# "its fiscal third quarter", "the financial second half": a period of a fiscal year
FISCAL_LEFT = re.compile(
    r"\b(?:the|its|their|his|her|our|a|[A-Za-z]+['’]s)[ \u00a0]+"
    r"(?:fiscal|financial|calendar)[ \u00a0]+$",
    I,
)
# what may follow a rank standing alone: "second in Group F", "third place", "fourth overall"
RANK_NEXT = re.compile(rf"{SP}+(?:in|place|overall|behind|with|on|after|among)\b", I)

HYPHEN_NOUN = re.compile(r"[-\u2010]([a-z]{3,})\b(?![-\u2010])")

SCORE_SHAPE = re.compile(r"\d{1,3}[-\u2013]\d{1,3}(?![\d%]|[.,]\d)")

OF_AFTER = re.compile(rf"{SP}+of\b", I)

ONE_LEFT_IDIOM = {
    "no",
    "any",
    "every",
    "each",
    "some",
    "the",
    "this",
    "that",
    "which",
    "what",
    "another",
    "someone",
    "anyone",
    "everyone",
    "at",
    "as",
    "like",
}

ONE_RIGHT_IDIOM = words(
    "day moment thing way time point side hand another kind sort reason question problem example "
    "version option such who which that whose can could would should might must will and or "
    "big major key main single simple small other more less"
)

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")
# a fraction with a slash before "of": "2/3 of the budget", "1/4 of homes" (not "24/7")
SLASH_FRACTION = re.compile(rf"(\d)/([2-9]|10)(?={SP}+of\b)")
# numeric dates with a four-digit year: "20.10.2026", "20/10/2026", "10/20/2026"
NUMERIC_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?![\d/]|\.\d)")
# the same anywhere in a text, to learn its order from the unambiguous ones
NUMERIC_DATE_ANY = re.compile(r"(?<![\d./])(\d{1,2})[./](\d{1,2})[./](?:19|20)\d\d(?![\d/])")
# dates written with month names: "20 October" (day first) or "October 20" (month first)
MONTH_NAME_DAY_FIRST = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?[ \u00a0]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
MONTH_NAME_MONTH_FIRST = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \u00a0]+\d{1,2}(?!\d)"
)

# currency symbols written after the number ("50 €", "100₹"); "$" is left out: "5 $" is
# rarer than a price that starts the next figure
_SYMBOLS_AFTER = [k for k in CURRENCY_PREFIXES if len(k) == 1 and k != "$" and not k.isalnum()]
SYMBOLS_AFTER = frozenset(_SYMBOLS_AFTER)
# what may follow a number after one space and start its unit though it is no word:
# "50 €", "90 °F"
SPACED_TAIL_CHARS = SYMBOLS_AFTER | {"°", "º"}
TAIL_CHARS = set("-\u2010%°º/") | SYMBOLS_AFTER

NEXT_TOKEN = re.compile(r"[ \u00a0\u202f\u2009]?([^\W\d_]+)")

# first word of every unit the quantity reader knows, to skip its regexes quickly
TAIL_WORDS = {
    w.split()[0].split("/")[0].split("-")[0].lower()
    for table in (DURATION_UNITS, SPEED_UNITS, MEASURE_WORDS, CURRENCY_WORDS, MEASURE_SYMBOLS)
    for w in table
} | {
    "per",
    "percent",
    "pct",
    "percentage",
    "basis",
    "bps",
    "bp",
    "pp",
    "ppt",
    "ppts",
    "pc",
    "year",
    "month",
    "week",
    "day",
    "pounds",
    "pound",
    "times",
    "fold",
    "p",
    "degrees",
    "square",
    "cubic",
    "sq",
    "nautical",
    "light",
    "metric",
    "us",
    "swiss",
    "canadian",
    "australian",
}

TRAILING_LETTERS = re.compile(r"[A-Za-z]+$")

FOUR_DIGITS = re.compile(r"\d{4}")

YEAR_END = re.compile(r"\d{2}|\d{4}")

A_DOZEN = re.compile(rf"an?{SP}+dozen\b", I)

A_DURATION = re.compile(rf"an?{SP}+({'|'.join(DURATION_UNITS)})\b", I)
# "a minute later", "an hour earlier": the time between two events (a year or a month
# earlier is a relative date)
LATER_AFTER = re.compile(rf"{SP}+(?:later|earlier)\b", I)
LATER_UNITS = frozenset(["second", "minute", "hour", "day", "week"])
# "scored a double", "bagged a quick-fire double": two goals
DOUBLE_GOALS_LEFT = re.compile(
    r"\b(?:scor|bag|nett?|grabb?|complet|claim|hit)[a-z]*[ \u00a0]+an?[ \u00a0]+"
    r"(?:[\w-]+[ \u00a0]+)?$",
    I,
)
# "days" alone is vague only as a span ahead: "in the coming days", "in days to come"
TO_COME = re.compile(rf"{SP}+to{SP}+come\b", I)

# "half a dozen", "half an hour", "half a million", and half of a measure: "half a mile"
HALF_A_MEASURES = frozenset(
    words("mile metre meter kilometre kilometer litre kilogram tonne inch foot")
)
HALF_A = re.compile(
    rf"{SP}+an?{SP}+(dozen|hour|million|billion|day|century|decade|year|"
    rf"{'|'.join(sorted(HALF_A_MEASURES, key=len, reverse=True))})\b",
    I,
)

DIGIT_BEFORE = re.compile(r"\d[ \u00a0]*$")

OF_MONEY = re.compile(rf"{SP}+of{SP}+(dollars|euros|pounds|yen)\b", I)

CENTURY_TAIL = re.compile(rf"{SP}+century\b", I)

HALF_A_TAIL = re.compile(rf"{SP}+(?:an?|dozen|million|billion)\b", I)

MULTIPLIER_OBJECT = re.compile(rf"{SP}+(?:the|its|their|that|what|in)\b", I)

OF_NUMBER = re.compile(rf"{SP}*(?:[\d,.]+|[a-z]+(?=[ \u00a0]))", I)

CURRENCY_LEFT = re.compile(rf"({alt(CURRENCY_PREFIXES)}){SP}?$")
# the last characters of the currencies CURRENCY_LEFT finds
CURRENCY_LAST = frozenset(p[-1] for p in CURRENCY_PREFIXES)

CURRENCY_AT = re.compile(rf"({alt(CURRENCY_PREFIXES)}){SP}?(?=\d)")

MINUS_WORD = re.compile(rf"\bminus{SP}+$", I)
# a currency symbol written after the number: "50 €", "100₹", "-15€"
CURRENCY_SYMBOL_AFTER = re.compile(rf"{SP}?({alt(_SYMBOLS_AFTER)})(?![\w\d])")
# pence and cents in a sentence about shares are a price or earnings per share: "shares
# closed at 312.5p", "earnings per share of 14.2 pence", "an interim dividend of 4.5p"
SHARE_CONTEXT_LEFT = re.compile(
    r"\b(?:shares?|per[ \u00a0]share|EPS|dividends?|stock|share[ \u00a0]price)\b", I
)
# the minor unit added to a whole amount: "£3 and 50p", "$5 and 20 cents"
SUBUNIT_AND = re.compile(rf"{SP}+and{SP}+(\d{{1,2}})(?:p\b|{SP}+(?:pence|cents?)\b)", I)
# the inches after feet ("6ft 4in", "6 feet 4 inches", "5 ft 11") and the pounds after
# stones ("13st 8lb", "13 stone 8 pounds"): one measure in the larger unit
INCHES_AFTER = re.compile(rf"{SP}*(\d{{1,2}}(?:\.\d+)?){SP}?(?:in|inches|inch|\"|”|″)(?![\w])")
STONE_POUNDS = re.compile(
    rf"(?:st|{SP}+stones?){SP}*(\d{{1,2}}(?:\.\d+)?){SP}?(?:lb|lbs|pounds?)(?![\w])", I
)
# feet and inches in prime marks: 5'11", 6′2″
FEET_PRIME = re.compile(r"['’′](\d{1,2})(?:\"|”|″|''|’’)")
# a range of the change itself after "by", "up" or "down": "by 2 to 3 points", "down 1
# to 2 per cent" (the first number bare, the unit written once after the second)
CHANGE_AMOUNT_LEFT = frozenset(["by", "up", "down"])
POINTS_AFTER = re.compile(rf"{SP}+(?:points?|pts|notches)\b", I)

LEFT_MAGNITUDE = re.compile(rf"\b[Mm]agnitude[-{SP[1:-1]}]+$")

FIRST_NUMBER = re.compile(r"\d[\d,.]*\d|\d")

# "a quarter of a million", "three-quarters of a million"
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
OF_A_SCALE = re.compile(rf"{SP}+of{SP}+an?{SP}+(million|billion|thousand|trillion|dozen)\b", I)
# levels on named scales, read as figures although "level" and "category" are identifier
# nouns: "raised the alert to level 4", "an alert level 3", "a Category 4 hurricane",
# "the storm weakened to category 2"; not "Level 3 alert" nor "level 2 of the car park"
NAMED_SCALE_LEFT = re.compile(
    r"\balert\b(?:[ \u00a0]+[a-z]+){0,3}[ \u00a0]+level[ \u00a0]+$"
    r"|(?:\b(?P<storm>hurricane|storm|cyclone|typhoon)\b[^.;]{0,40}?)?"
    r"\b[Cc]ategory[ \u00a0]+$",
    I,
)
NAMED_SCALE_STORM_RIGHT = re.compile(
    r"[ \u00a0]+(?:(?:super|severe|major)[ \u00a0]+)?(?:hurricane|storm|cyclone|typhoon)s?\b", I
)
VULGAR_FRACTIONS = {
    "½": 0.5,
    "¼": 0.25,
    "¾": 0.75,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅛": 0.125,
    "⅜": 0.375,
    "⅝": 0.625,
    "⅞": 0.875,
    "⅕": 0.2,
}
PLUS_TAIL = re.compile(r"[-\u2010]?plus\b|\+(?!\d)", I)
SEVERAL_LEFT = re.compile(r"\b(?:several|a few|few|many|some)[ \u00a0]+$", I)
# the last word of every hedge: most numbers have none of them before, so stop early
HEDGE_LAST_WORDS = frozenset(h.split()[-1] for h in HEDGE_QUALIFIERS)
# "as recently as May", "as early as May", "as late as May"
AS_MONTH_LEFT = re.compile(r"\b(?:recently|early|late|soon|long ago)[ \u00a0]+as[ \u00a0]+$", I)
# a clause about the future: a weekday in it is the coming one ("will reopen on Monday")
FUTURE_CLAUSE = re.compile(
    r"\b(?:will|shall|won['’]t|until|till|(?:is|are)[ \u00a0]+(?:due|set|expected|scheduled|to)|"
    r"going[ \u00a0]+to|plans?[ \u00a0]+to|ends|opens|begins|starts|closes|resumes|expires)\b"
    r"|['’]ll\b",
    I,
)
# what comes before "noon" or "midnight" read as a time of day
NOON_LEFT = frozenset(
    [
        "at",
        "around",
        "about",
        "by",
        "until",
        "till",
        "before",
        "after",
        "from",
        "to",
        "between",
        "and",
        "past",
        "since",
        "approximately",
        "shortly",
        "just",
        "nearly",
        "almost",
        # "It's midday.": the time of day it is
        "it's",
        "it’s",
    ]
)
# near "N points": the points are percentage points of a poll or survey
POLL_WORDS = re.compile(
    r"\b(?:polls?|polling|pollsters?|survey(?:ed|s)?|margin of error|opinion|approval rating)\b",
    I,
)
PERCENT_BEFORE = re.compile(r"\d(?:%|[ \u00a0]?per[ \u00a0]?cent\b|pc\b|[ \u00a0]percent\b)", I)
INDEX_WORDS = re.compile(
    r"\b(?:index|indices|FTSE|Dow|Nasdaq|S&P|Nikkei|DAX|CAC|Stoxx|Hang Seng|Sensex|shares)\b", I
)
# "six points off the top", "three points clear": a league table's points
SPORTS_POINTS = re.compile(r"\b(?:off the top|clear|table|league|game|match|from safety)\b", I)
# "a year earlier", "a year before" (not "a year before the vote": that names its event)
YEAR_EARLIER = re.compile(
    rf"{SP}+(?:earlier|before)\b(?!{SP}+(?:the|that|it|he|she|they|we|a|an|this|its|his|her|"
    r"their|then)\b)",
    I,
)
YEAR_IN_TEXT = re.compile(r"\b((?:19|20)\d\d)\b")
# a price just before: "£2.95 a dozen"
PRICE_LEFT = re.compile(r"[$€£¥]\s?\d[\d,.]*(?:p)?[ \u00a0]+$|\d[\d,.]*p[ \u00a0]+$")
# "call 999", "dial 911", "ring 111": the number is a telephone number
# before a four-digit helpline ("can be reached on 1070", "the hotline 1091"); not
# "called 1500 voters"
HELPLINE_LEFT = re.compile(
    r"\b(?:(?:be|is|are)[ \u00a0]+reached|helplines?|hotlines?|toll-free(?:[ \u00a0]+number)?)"
    r"[ \u00a0]+(?:(?:on|at)[ \u00a0]+)?$"
    # "numbers: 08342-226140 and 1070": a short line listed after a telephone number
    r"|\d[\d \u00a0-]{6,}\d,?[ \u00a0]+(?:and|or)[ \u00a0]+$"
    # "the state helpline for people looking for relatives is 1070"
    r"|\b(?:helpline|hotline)\b[^.;:!?\d]{0,48}\b(?:is|are|was)[ \u00a0]+$",
    I,
)
DIAL_LEFT = re.compile(
    r"\b(?:call|calls|called|calling|dial|dials|dialled|dialed|dialling|"
    r"ring|rang|text|texted|phone|phoned|(?:be|is|are)[ \u00a0]+reached|helplines?|hotlines?)"
    r"[ \u00a0]+(?:(?:on|at)[ \u00a0]+)?$",
    I,
)
SHORT_PHONE_NUMBERS = frozenset(
    ["999", "911", "112", "111", "101", "000", "988", "211", "311", "119", "110", "100", "102"]
)
# between the two numbers of "from 1,800 to 2,700 kWh"
TO_BETWEEN = re.compile(rf"{SP}+to{SP}+")
PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_AT_END = re.compile(r"\d[ \u00a0-]?(million|billion|trillion|bn|mn|tn|m)$", I)
# words before a month that tell which year it is in ("since March", "until January")
PAST_CUES = frozenset(["since", "ago", "earlier", "previously", "last"])
FUTURE_CUES = frozenset(["until", "till", "by", "next", "before"])
# "10 000 dollars": groups of three separated by plain spaces (not "June 14 300 people")
SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+(?![\d,.]|\s\d)")
MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?[ \u00a0]+$"
)
POSSESSIVE = re.compile(rf"{SP}*[A-Za-z][\w-]*['’]s(?={SP})")
# "Sales fell to 2.1m units from 2.4m": an "m" after a number that earlier meant millions
# "ticket sales hit 1m", "viewers rose to 3.4m": what is counted stands before the number
COUNTED_SUBJECT_LEFT = re.compile(
    r"\b(?:sales|users|viewers|visitors|subscribers|votes|copies|tickets|downloads|customers|"
    r"members|passengers|streams|followers|signatures|applications|population|audience|"
    r"households|homes|jobs|patients|cases|people|residents|shares)\b",
    I,
)
LENGTH_AFTER = re.compile(
    r"[ \u00a0]*(?:tall|high|long|deep|wide|away|of|above|below|from|apart|across|behind|ahead|"
    r"short|underground|underwater|in[ \u00a0]+(?:height|length|diameter|depth|width))\b"
)
M_MILLION_LEFT = re.compile(r"\d(?:\.\d+)?m[ \u00a0]+[a-z]+s\b")
MORE_WORDS = ("more", "further", "additional", "extra", "other", "new")
MORE_BEFORE_NOUN = re.compile(rf"{SP}+(?:{'|'.join(MORE_WORDS)})(?={SP})", I)
# "the 2024/25 season": a span of years written with a slash
YEAR_SLASH = re.compile(r"((?:19|20)\d\d)/(\d\d|(?:19|20)\d\d)(?![\d/])")

# Power notation after a number: "1.5e6", "1e400", "10^400", "10⁶", "3 × 10⁸", "2.1x10^9".
SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
SUPERSCRIPT_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS + "\u207b\u207a", "0123456789-+")
_SUPER_EXP = rf"[\u207b\u207a]?[{SUPERSCRIPT_DIGITS}]{{1,4}}(?![{SUPERSCRIPT_DIGITS}])"
# the characters one of them can start with, checked before the patterns
POWER_FIRST = frozenset("eE^ \u00a0\u00d7xX*" + SUPERSCRIPT_DIGITS + "\u207b")
TIMES_SIGNS = frozenset("\u00d7xX*")
# "e6" after any number; "^400" or "⁶" after a bare 10
E_NOTATION = re.compile(r"[eE]([-+\u2212]?\d{1,4})(?![\w.]|,\d)")
TEN_POWER = re.compile(rf"\^([-+\u2212]?\d{{1,4}})(?![\d.])|({_SUPER_EXP})")
# "× 10⁸" after a mantissa
TIMES_TEN_POWER = re.compile(
    rf"[ \u00a0]?[\u00d7xX*][ \u00a0]?10(?:\^([-+\u2212]?\d{{1,4}})(?![\d.])|({_SUPER_EXP}))"
)
# For each last word of a hedge of several words, the words that can come right before it
# ("up" and "close" before "to"): a hedge of one word when the word before is none of them.
HEDGE_WORD_BEFORE_LAST: dict[str, frozenset[str]] = {
    last: frozenset(h.split()[-2] for h in HEDGE_QUALIFIERS if h.split()[-1] == last and " " in h)
    for last in HEDGE_LAST_WORDS
}
