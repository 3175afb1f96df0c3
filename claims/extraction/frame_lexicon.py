"""Word lists for figure frames (``frames.py``): data only, all lowercase.

A token's role is looked up once per sentence; the lists are frozensets so a lookup is one
hash. Extend them here, not in the code.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split on whitespace): word lists read as prose."""
    return frozenset(text.split())


# Words that are never part of a measure phrase and stop one.
DETERMINERS = word_set(
    "the a an this that these those its their his her our your my some any each every "
    "all both no another such which what whose"
)
PREPOSITIONS = word_set(
    "of at to by from in on for with without into onto across near over under below above "
    "than off per up down around about between among against since until till during "
    "through after before within via like as"
)
AUXILIARIES = word_set(
    "is was were are be been being am has have had having do does did will would could "
    "may might can should shall must not also now still only just already yet then "
    "reportedly officially currently"
)
CONJUNCTIONS = word_set("and or but while whereas although though because if so nor")
PRONOUNS = word_set("it he she they we i you who whom there here them him us one ones")
# Hedges and bounds written before a figure (the engine keeps them in ``qualifier``).
HEDGES = word_set(
    "about around roughly approximately nearly almost some over more less fewer than "
    "least most at up to just under estimated further another additional extra "
    "close circa only over"
)
# Verbs of news copy that sit between a measure and its figure ("revenue rose 5%",
# "the toll stood at 40"). Casualty participles are not here: they join a count's measure.
VERBS = word_set(
    """
    said says say told added reported reports report announced announces showed shows
    rose rise rises risen rising fell fall falls fallen falling grew grow grows grown growing
    increased increase increases decreased decrease decreases declined decline declines
    dropped drop drops jumped jump jumps climbed climb climbs surged surge surges soared soar
    gained gain gains lost lose loses slumped slump plunged plunge slid slide shrank shrink
    contracted dipped dip eased ease edged edge narrowed widened advanced rallied tumbled
    stood stand stands was reached reach reaches hit hits totalled totaled total totals
    topped top tops exceeded exceed passed crossed touched peaked peak closed close closes
    ended end ends finished opened open came come comes amounted amount amounts numbered
    number put puts estimated estimate estimates expected expects expect projected project
    projects forecast forecasts predicted predicts aims aim aimed plans plan planned hopes
    hope hoped pledged pledge promised promise vowed seeks seek wants want intends intend
    set sets made make makes won win wins took take takes scored score scores recorded
    registered posted post posts earned earn earns paid pay pays cost costs
    received receive got get gets saw see sees left leave leaves brought bring brings sent
    send cut cuts slashed raised raise raises lowered lower lowers added add adds boost
    boosted save saves saved spent spend spends sold sell sells bought buy buys owned
    delivered deliver delivers created create creates build builds built employ employs
    employed hold holds held keep keeps kept remain remains remained stay stays stayed
    became become becomes seemed seems appeared appears believed thought known shot
    deployed deploy send killing wiping wiped taking giving bringing leaving affecting
    feared edging adding cutting rising falling climbing dropping reaching hitting
    totalling totaling standing coming """
)
# Words after a count that say what happened to what it counts ("40 people were killed").
EVENTS = word_set(
    """
    killed dead died injured wounded hurt missing displaced evacuated arrested detained
    derailed rescued affected stranded destroyed damaged flooded hospitalised hospitalized
    infected trapped drowned burned burnt sacked fired laid-off deported captured executed
    stabbed shot abducted kidnapped homeless
    """
)
# Verbs before a count that say what happened to it ("the quake killed 40 people").
EVENTS_ACTIVE = word_set(
    "killed injured wounded displaced evacuated arrested detained rescued affected "
    "destroyed damaged flooded infected trapped captured deported abducted"
)
# Words that make a noun phrase a period, not a measure ("in the fourth quarter").
TIME_NOUNS = word_set(
    "year years month months week weeks day days quarter quarters half period season "
    "seasons decade decades century morning evening night afternoon today yesterday "
    "tomorrow trading session hour hours minute minutes time"
)
MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# A capitalised run after one of these is a place or an entity: the scope.
LOCATIVES = word_set("in across near at from inside outside throughout within")
# Lowercase words that close a place name ("Borno state").
PLACE_TAILS = word_set(
    "state district region province county city town village area valley island islands "
    "division zone"
)
# A percentage of one of these is a ratio; the measure is what the ratio is of, not this.
DENOMINATORS = word_set("gdp output income total")
# Prepositions that put a date or period before the figure's time ("by Tuesday").
TIME_PREPOSITIONS = word_set(
    "by in on since until till from at during through for before after throughout"
)

# Modality cues, looked up on lowercase tokens of the figure's clause.
TARGET_CUES = word_set(
    "aim aims aimed aiming target targets targeted targeting goal plan plans planned "
    "planning pledge pledges pledged promise promises promised vow vows vowed hope hopes "
    "hoped hoping seek seeks seeking want wants intend intends intended ambition "
    "ambitions"
)
FORECAST_CUES = word_set(
    "expect expects expected expecting expectation expectations project projects projected "
    "projection projections forecast forecasts forecasters forecasting predict predicts "
    "predicted prediction will would could might likely outlook guidance anticipate "
    "anticipates anticipated set-to poised"
)
ESTIMATE_CUES = word_set(
    "estimate estimates estimated estimating believed thought reckoned reckons"
)
HISTORICAL_CUES = word_set("record previously former")
# Words of a period that are not nouns of a measure ("the previous quarter", "year-ago").
PERIOD_WORDS = word_set(
    "previous past last next same current year-ago year-earlier prior coming "
    "following preceding latest"
)
# Hedges (the engine's ``qualifier``) that make a figure an estimate; bounds ("at least",
# "more than", "nearly", "up to") do not: the writer states a bound, not a guess.
ESTIMATE_QUALIFIERS = frozenset(
    {
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "an estimated",
        "estimated",
        "circa",
        "or so",
        "an estimate of",
        "est.",
    }
)

# Words after a count that are its unit, not its measure ("612 points"): the measure is
# then read on the left ("the index gained 612 points").
UNIT_NOUNS = word_set("points point pts basis notches notch places place pips")

# Change nouns after a figure whose measure follows "in"/"of" ("a 3% rise in rents").
CHANGE_NOUNS = word_set(
    "rise increase fall drop decline gain jump cut growth reduction hike slump dip surge "
    "climb decrease loss"
)

# Direction cues: the word before a figure ("rose 12%", "up 3 points", "cut 200 jobs"), the
# noun before "of" ("a loss of $5m"), or the word after ("a 12% rise", "5% lower").
UP_WORDS = word_set(
    """
    rose rise rises risen rising up increased increase increases increasing grew grow grows
    grown growing growth gained gain gains gaining jumped jump jumps jumping climbed climb
    climbs climbing surged surge surges surging soared soar soars soaring added add adds
    adding boosted boost boosts higher advanced advance advances rallied rally rallies
    widened widen hike hikes hiked raised raise raises raising profit profits surplus
    above more expanded expand expands expansion improved improvement upturn
    """
)
DOWN_WORDS = word_set(
    """
    fell fall falls fallen falling down declined decline declines declining dropped drop
    drops dropping cut cuts cutting lost lose loses losing loss losses shed sheds shedding
    slumped slump slumps plunged plunge plunges plunging decreased decrease decreases
    decreasing slid slide slides sliding shrank shrink shrinks shrinking shrunk contracted
    contract contraction dipped dip dips reduced reduce reduces reduction lower lowered
    narrowed narrow slashed slash tumbled tumble wiping wiped wipe save saves saved saving
    savings below less fewer deficit downturn eased ease eases
    """
)
# "up"/"down" after these are phrasal verbs, not directions ("shot down 45 drones").
PHRASAL = word_set(
    "shot brought took broke set turned put pulled handed backed burned burnt sent cut "
    "wound shut broken called picked signed summed made make"
)

# Periods written without a date figure, matched on the sentence text (lowercase).
# Plain alternations, no nested quantifiers: linear time.
TIME_PHRASES = (
    r"\b(?:at|by|before|after) the (?:close|end|start|open|opening) of "
    r"(?:trading|play|business|the day|the session|the year|the quarter|the month)"
    r"|\b(?:in|during|for|over|of) the (?:first|second|third|fourth|final|last|latest|"
    r"same|previous|current|past|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|christmas|festive|holiday|summer|winter|spring|"
    r"autumn|monsoon|kharif|rabi|reporting) (?:quarter|half|period|season|month|week|year)"
    r"|\bfor the (?:year|quarter|half|month|week|season|period|day)\b"
    r"|\b(?:so far )?(?:this|last|next) (?:season|quarter|half)\b"
    r"|\bovernight\b|\bon the (?:day|month|quarter|year|week)\b"
    r"|\bwithin (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?:years?|months?|weeks?|days?|hours?)\b"
    r"|\b(?:year|month|week|quarter)-on-(?:year|month|week|quarter)\b"
    r"|\byear to date\b|\bso far\b"
    r"|\b(?:on|by|since|until|from|last|next|this|on or before) "
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:in|by|since|until|from|last|next|this) (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b"
)

# Number words: parts of figures the engine read ("two million"), never a measure.
NUMBER_WORDS = word_set(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion lakh lakhs crore crores dozen dozens third thirds first second
    fourth fifth bn m mn k
    """
)
# Words one of which every TIME_PHRASES match holds, but "year", "month", "week", "day"
# (common words; frames.py checks "for the"/"on the" before them): a sentence without any
# skips the regex.
TIME_KEYWORDS = word_set(
    """
    close end start open opening quarter half period season overnight within far date
    year-on-year month-on-month week-on-week quarter-on-quarter
    """
)
TIME_COMMON_KEYWORDS = word_set("year month week day")
