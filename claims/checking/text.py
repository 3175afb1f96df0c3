"""Text helpers shared by story grouping and figure alignment: sentences,
tokens, a light stemmer, stopwords and a few concept classes of news wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extraction.context import sentence_spans as extraction_sentence_spans

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?", re.UNICODE)

_STOP_TEXT = """a an the and or but if of to in on at by for with from into onto over under about
    as is are was were be been being has have had do does did will would could should may
    might must can shall it its it's this that these those there their they them he she
    his her him we our us you your i me my who whom whose which what when where why how
    than then so such not no nor also just only very more most less least some any each
    every all both few many much other another same own said says say told according
    after before while during since until out off again further once per
    one two three four five six seven eight nine ten here now new yet still already
    around roughly nearly almost approximately some estimated least mr mrs ms
    day days week weeks month months year years time times percent cent eleven twelve
    twenty thirty forty fifty hundred thousand million billion trillion dozen dozens half
    hundreds thousands millions billions"""
STOPWORDS = frozenset(_STOP_TEXT.split())

# Words that name the same thing in news copy; mapped to one concept so that
# "killed" matches "died" and "shells" matches "rounds". Generic wording, not story terms.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "kill": (
        "kill",
        "killed",
        "killing",
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "fatal",
        "fatality",
        "fatalities",
        "lives",
        "perished",
    ),
    "injure": (
        "injure",
        "injured",
        "injuries",
        "injury",
        "hurt",
        "wounded",
        "wound",
        "hospital",
        "hospitalised",
        "hospitalized",
        "treated",
    ),
    "casualty": ("casualty", "casualties", "loss", "losses", "losing", "lose", "lost"),
    "rise": (
        "rise",
        "rose",
        "raise",
        "raised",
        "increase",
        "increased",
        "hike",
        "hiked",
        "lift",
        "lifted",
        "climb",
        "climbed",
        "jump",
        "jumped",
        "gain",
        "gained",
        "grew",
        "grow",
        "growth",
        "up",
        "higher",
        "surge",
        "surged",
        "soar",
        "soared",
    ),
    "fall": (
        "fall",
        "fell",
        "drop",
        "dropped",
        "decline",
        "declined",
        "slip",
        "slipped",
        "slide",
        "slid",
        "lower",
        "down",
        "cut",
        "shed",
        "plunge",
        "plunged",
        "sank",
    ),
    "cost": ("cost", "costs", "price", "priced", "charge", "charges", "fee", "fare"),
    "troop": ("troop", "troops", "soldier", "soldiers", "forces", "force", "personnel"),
    "ammunition": ("shell", "shells", "round", "rounds", "ammunition", "munition"),
    "people": ("people", "person", "persons", "individuals", "resident", "residents"),
    "vote": ("vote", "voted", "votes", "backed", "supported", "favour", "favor"),
    "speed": (
        "speed",
        "speeds",
        "travelling",
        "traveling",
        "fast",
        "velocity",
        "sailing",
        "moving",
        "driving",
        "flying",
    ),
    "power": ("power", "electricity", "blackout", "blackouts", "outage", "outages"),
    "home": (
        "home",
        "homes",
        "household",
        "households",
        "house",
        "houses",
        "dwelling",
        "dwellings",
        "property",
        "properties",
    ),
    "rail": ("rail", "railway", "railways", "train", "trains", "railroad"),
    "cancel": ("cancel", "cancelled", "canceled", "scrapped", "axed", "grounded"),
    "suspend": ("suspend", "suspended", "halted", "stopped", "shut"),
    "rescue": ("rescue", "rescued", "rescuing", "pulled", "saved", "freed", "extracted"),
    "build": ("built", "build", "constructed", "completed", "erected"),
    "rain": ("rain", "rainfall", "rained", "downpour", "precipitation", "showers"),
    "altitude": ("altitude", "height", "climbed", "reached", "peak"),
    "mass": ("weigh", "weighed", "weighing", "weight", "mass", "payload", "cargo"),
    "begin": (
        "began",
        "begin",
        "start",
        "started",
        "launch",
        "launched",
        "lifted",
        "opened",
        "kicked",
    ),
    "end": ("end", "ended", "finish", "finished", "landed", "landing", "closed", "concluded"),
    "inflation": ("inflation", "prices", "cpi"),
    "revenue": ("revenue", "revenues", "sales", "turnover", "takings"),
    "profit": ("profit", "profits", "earnings", "income"),
    "plant": (
        "plant",
        "plants",
        "factory",
        "factories",
        "site",
        "sites",
        "facility",
        "facilities",
        "mill",
        "mills",
    ),
    "job": ("job", "jobs", "post", "posts", "position", "positions", "role", "roles"),
    # rolling stock: Indian English writes "bogies" where others write "coaches"
    "coach": ("coach", "coaches", "carriage", "carriages", "bogie", "bogies", "wagon",
              "wagons"),
    "target": ("target", "goal", "aim", "objective"),
    "promise": ("promise", "promised", "pledge", "pledged", "committed", "commitment"),
    "unemployment": ("unemployment", "jobless"),
    "evacuate": ("evacuate", "evacuated", "evacuation", "evacuees", "fled", "displaced"),
    "arrest": ("arrest", "arrests", "arrested", "detained", "detain"),
    "jail": (
        "jail",
        "jailed",
        "prison",
        "imprisoned",
        "imprisonment",
        "sentenced",
        "sentence",
        "custody",
        "custodial",
    ),
    "fine": ("fine", "fined", "fines", "penalty", "penalties", "penalised", "penalized"),
    "poll": ("poll", "polls", "polled", "survey", "surveyed", "surveys"),
    "vaccinate": (
        "vaccinate",
        "vaccinated",
        "vaccination",
        "vaccinations",
        "vaccine",
        "vaccines",
        "jab",
        "jabs",
        "immunise",
        "immunised",
        "immunize",
        "immunized",
        "immunisation",
        "immunization",
    ),
    "flight": ("flight", "flights", "mission", "missions", "launches"),
    "budget": (
        "budget",
        "package",
        "funding",
        "fund",
        "aid",
        "spend",
        "spending",
        "investment",
        "allocated",
    ),
}
_CONCEPT_OF = {w: c for c, ws in _CONCEPTS.items() for w in ws}


def stem(word: str) -> str:
    """Lower-case, strip possessives and plural endings; cheap and good enough to
    match "casualties"/"casualty" and "drones"/"drone"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _CONCEPT_OF:
        return _CONCEPT_OF[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w in _CONCEPT_OF:
        return _CONCEPT_OF[w]
    # verb endings, so "rescued" meets "rescue" and "damaged" meets "damage"
    if len(w) > 6 and w.endswith("ly"):
        w = w[:-2]  # "quarterly" meets "quarter"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD_RE.finditer(text)


def content_terms(text: str) -> list[str]:
    """Stemmed non-stopword terms of ``text`` in order."""
    out = []
    for m in words(text):
        w = m.group().lower()
        if w in STOPWORDS or len(w) < 2:
            continue
        out.append(stem(w))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``: the extractor's splitter, so
    both engines agree on what a figure's sentence is."""
    return extraction_sentence_spans(text)


def sentence_of(text: str, pos: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    for s, e in spans if spans is not None else sentence_spans(text):
        if s <= pos < e:
            return s, e
    return 0, len(text)
