"""Do two figures' frames allow them to state the same fact?

The extractor gives each figure a frame (``claims.extraction.types.Frame``): what it
measures, where, when, who said it, its modality and direction. Two figures report one
fact only when those slots are compatible; a slot the text does not give never decides.
The aligner (``align.py``) asks ``fit`` for every candidate pair:

The frames are read by rules and are often incomplete or wrong (a measure read as
"slipped", a cohort's "1980s" as a time), so a slot that differs weighs in the score
rather than vetoing a pair; the aligner's own vetoes (``align._may_conflict``) use the
slots that are reliable when present.

- ``score``: a small bonus when slots match, a penalty when soft slots differ (a
  forecast against an actual figure, a target against an agreed amount);
  ``scope``: whether the two name different places (a penalty for a conflict only: an
  equal value "in Kursk" and "in Russia" may be one fact, a different one is not a
  misreport of it).
- ``later``: the two figures hold for different as-of times of one measure (an update:
  a toll that rose, data revised), so a difference is not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.checking.text import STOPWORDS, stem, words
from claims.extraction.types import Frame

# Forecasts and targets speak of what is expected; actual figures, estimates of what
# happened and historical values of what was. A forecast never confirms or contradicts
# an actual figure ("analysts expected $3.97B" vs "revenue reached $3.87B").
_EXPECTED = frozenset({"forecast"})
# A target or a pledge may be the same amount another outlet reports as agreed: softer.
_AIMED = frozenset({"target"})
MODALITY_AIMED = -0.1
MODALITY_EXPECTED = -0.1
# words of a measure that say little about what is measured
_LIGHT = frozenset(stem(w) for w in (
    "number", "total", "figure", "level", "rate", "amount", "more", "new", "other",
    "some", "last", "first", "year", "month", "week", "day", "per", "cent", "percent",
))  # fmt: skip

MEASURE_SAME = 0.1
MEASURE_DIFFERENT = 0.0
SCOPE_DIFFERENT = -0.15
TIME_SAME = 0.05
TIME_DIFFERENT = -0.15


@dataclass(frozen=True, slots=True)
class Fit:
    score: float  # added to the alignment score
    later: bool  # one measure at two as-of times: an update, not a conflict
    measure: str  # "same" / "different" / "unknown"
    days: bool = False  # two different days: a count that may have moved on (an update)
    scope: str = "unknown"  # "different": two places or entities (the aligner weighs it)


UNKNOWN_FIT = Fit(0.0, False, "unknown")


# People counted under another name are still people: "1,200 men" lost a day and
# "1,200 casualties" a day may be one fact.
_PEOPLE = frozenset(stem(w) for w in (
    "people", "person", "men", "man", "women", "woman", "troops", "soldiers", "casualties",
    "victims", "dead", "deaths", "killed", "injured", "wounded", "residents", "civilians",
    "passengers", "fatalities", "bodies", "survivors", "children", "workers",
))  # fmt: skip


# Words that make a figure an expectation of an outcome (a forecast, a consensus, a
# company's guidance), which never contradicts the outcome itself: "analysts expected
# $3.97B" and "revenue reached $3.87B" are two facts. Matched on the figure's near
# context (stemmed), not on the frame's modality, which also calls a plan ("will cost
# €3m") a forecast.
EXPECTATION = frozenset(stem(w) for w in (
    "expect", "expected", "expects", "expectation", "expectations", "forecast", "forecasts",
    "forecasted", "consensus", "predicted", "predicts", "projected", "projects", "outlook",
    "guidance", "anticipated", "anticipates",
))  # fmt: skip


def terms(phrase: str) -> frozenset[str]:
    """A measure's content words, stemmed into the checker's concept classes, so
    "jobs" meets "posts" and "bogies" meets "coaches"."""
    out = set()
    for m in words(phrase):
        w = m.group().lower()
        if w in STOPWORDS or len(w) < 3 or w.isdigit():
            continue
        t = stem(w)
        if t in _PEOPLE:
            t = "person"
        if t not in _LIGHT:
            out.add(t)
    return frozenset(out)


def measure_slot(a: frozenset[str], b: frozenset[str]) -> str:
    if not a or not b:
        return "unknown"
    return "same" if a & b else "different"


def scope_slot(a: frozenset[str], b: frozenset[str]) -> str:
    if not a or not b:
        return "unknown"
    return "same" if (a <= b or b <= a or a & b) else "different"


def time_slot(a: str, b: str) -> str:
    """ISO times: "same", "holds" (a day and its month or week), "part" (a month and its
    year: two periods), "different" or "unknown"."""
    if not a or not b:
        return "unknown"
    if a == b:
        return "same"
    x, y = a.split("/")[0], b.split("/")[0]
    if x.startswith(y) or y.startswith(x):
        # a day in its month is one as-of time; a month in its year, two periods
        return "holds" if max(len(x), len(y)) > 7 else "part"
    if "/" in a or "/" in b:  # a period: the other falls inside it or not
        lo_a, hi_a = _bounds(a)
        lo_b, hi_b = _bounds(b)
        if lo_a <= hi_b and lo_b <= hi_a:
            return "holds"
    return "different"


def _bounds(iso: str) -> tuple[str, str]:
    lo, _, hi = iso.partition("/")
    return lo, (hi or lo) + "\uffff"  # "2026-03" holds every day of March


@dataclass(frozen=True, slots=True)
class FrameTerms:
    """A frame read once per mention: its measure and scope as term sets."""

    measure: frozenset[str]
    scope: frozenset[str]
    time_iso: str
    modality: str
    direction: str
    earlier: bool = False  # written as an earlier period: "in the previous quarter"

    @classmethod
    def of(cls, frame: Frame | None) -> FrameTerms:
        if frame is None:
            return NO_FRAME
        earlier = not _EARLIER.isdisjoint(frame.time.lower().split())
        return cls(terms(frame.measure), terms(frame.scope), frame.time_iso, frame.modality,
                   frame.direction, earlier)


NO_FRAME = FrameTerms(frozenset(), frozenset(), "", "actual", "none")
# a time written as a period before the one reported: the comparison base of a result
_EARLIER = frozenset({"previous", "prior", "earlier", "ago", "preceding"})


def fit(a: FrameTerms, b: FrameTerms, dim: str) -> Fit:
    if a is NO_FRAME or b is NO_FRAME:
        return UNKNOWN_FIT
    score = 0.0
    if (a.modality in _EXPECTED) != (b.modality in _EXPECTED):
        score += MODALITY_EXPECTED
    if (a.modality in _AIMED) != (b.modality in _AIMED):
        score += MODALITY_AIMED
    measure = measure_slot(a.measure, b.measure) if dim not in ("date", "time") else "unknown"
    if measure == "same":
        score += MEASURE_SAME
    elif measure == "different":
        score += MEASURE_DIFFERENT
    when = time_slot(a.time_iso, b.time_iso) if dim not in ("date", "time") else "unknown"
    if when == "same":
        score += TIME_SAME
    elif when == "different":
        score += TIME_DIFFERENT
    # for a conflict, two known as-of times must be one: a month's figure and the year's
    # that holds it are two facts, and a later time is an update
    later = (when in ("different", "part") or a.earlier != b.earlier) and measure != "different"
    days = when == "different" and len(a.time_iso) == len(b.time_iso) == 10
    return Fit(score, later, measure, days, scope_slot(a.scope, b.scope))
