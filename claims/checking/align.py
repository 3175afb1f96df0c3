"""Align figures across the articles of one story and label each aligned pair.

Two figures are aligned when they have the same dimension (compatible units) and
their sentences talk about the same thing: the words around them (weighted by
closeness and by how rare they are in the story), the counted noun right after
the number, the speaker and the time reference. Pairs are then taken greedily,
best first, one partner per figure and article pair: agreements settle first,
then accepted pairs vouch for their sentence neighbours, and only then may the
remaining figures conflict.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from claims.checking.compare import Comparison, compare
from claims.checking.framefit import (
    EXPECTATION,
    NO_FRAME,
    SCOPE_DIFFERENT,
    Fit,
    FrameTerms,
    fit,
    measure_slot,
)
from claims.checking.model import Article, Finding, ref
from claims.checking.quantities import Quantity, local_offset, quantity
from claims.checking.text import STOPWORDS, sentence_of, sentence_spans, stem, words
from claims.extraction.frames import frame_for_figures
from claims.extraction.types import Figure, Frame

AGREE_THRESHOLD = 0.27
CONFLICT_THRESHOLD = 0.3
_PHYSICAL = frozenset({"length", "speed", "mass", "area", "volume", "temperature", "power", "pp",
                       "magnitude"})
_ATTRIBUTION = frozenset({"said", "says", "say", "told", "according", "announced", "added",
                          "estimated", "reported", "stated", "confirmed", "claimed"})
_GENERIC_NOUNS = frozenset(stem(w) for w in (
    "person", "people", "resident", "individual", "man", "woman", "time", "unit", "item",
    "case", "other"))
# Figures of one article compared with another's: every pair of one dimension is
# scored, so the work is the product of the two counts. News articles carry
# tens to a few hundred figures; past this many (a table pasted as text, or a
# poison article) only the first are compared, so a check stays bounded.
MAX_COMPARED = 500
_UNIQUE_EQUAL = 0.15  # an equal distinctive value that each article states once
_AGREE_FIRST = 0.3  # an equal partner with a fitting context beats a near-neighbour
_NEAR_DAY = 0.1  # a day within a week of publication: the story's own days, less telling
_SUPPORT = 0.15  # sentences already aligned by one fact likely report the others alike
_ALL = ("agree", "conflict", "update", "sources")
_ALIGNED = 0.2  # a conflict's alignment without what its values suggest (a slip's shape)
_ZONE_RE = re.compile(r"\b(?:GMT|UTC|local time|time zone|[A-Z]{1,2}[SD]T)\b")
_BOUNDARY_RE = re.compile(r"[,;:()—–]|\b(?:but|while|whereas|compared|against|versus|and)\b")


@dataclass(frozen=True, slots=True, eq=False)  # identity: hashable, one per figure
class Mention:
    article: Article
    figure: Figure
    quantity: Quantity
    sentence: int  # start offset of the sentence
    context: dict[str, float]  # stemmed term -> closeness weight in [0, 1]
    head: frozenset[str]  # what the number counts: the first words after it, the unit noun
    noun: str  # the counted noun from the figure's unit, stemmed, or ""
    speaker: frozenset[str]
    dates: frozenset[tuple[int, ...]]  # other dates in the same sentence: the occasion
    zones: bool  # the article names a time zone, so its dates may be another zone's (for a
    # date: and its sentence names a zone or a time of day)
    frame: FrameTerms = NO_FRAME  # what the extractor says the figure measures, where, when
    expected: bool = False  # an expectation of an outcome (forecast, consensus, guidance)
    period: bool = False  # only a reporting period ("Q3", "in January"): aligned, as it
    # ties sentences together, but not reported as a fact of its own
    rising: bool = False  # a running count: "the toll rose to 14", "has climbed to"
    names: frozenset[str] = frozenset()  # proper names just before the figure: its entity
    past: bool = False  # its sentence opens on an earlier year: "In 2021, four coaches ..."


def mentions(article: Article, limit: int | None = None) -> list[Mention]:
    text = article.text
    spans = sentence_spans(text)
    offset = local_offset(text)
    zones = offset is not None or _ZONE_RE.search(text) is not None
    frames = _frames(article, spans)
    periods = _reference_periods(text, article.figures, frames)
    out: list[Mention] = []
    for fig, frame in zip(article.figures, frames, strict=True):
        if limit is not None and len(out) >= limit:
            break
        q = quantity(fig, text, offset)
        if q is None:
            continue
        s, e = _sentence(fig, text, spans)
        # dates a day apart fit two time zones only around a stated time or zone
        timed = zones and (fig.kind != "date" or _ZONE_RE.search(text, s, e) is not None or any(
            o.kind == "time" and s <= o.start < e for o in article.figures))
        out.append(Mention(article, fig, q, s, _context(text, s, e, fig), _head(text, fig, e),
                           _noun(fig), _speaker(fig, text),
                           _dates_near(article, fig, s, e, offset), timed,
                           _frame_terms(frame, text, s, e), _expected(text, s, fig),
                           fig.start in periods,
                           _RISING_RE.search(text, max(s, fig.start - 30), fig.start) is not None,
                           _names_before(text, s, fig), _past_sentence(article, s)))
    return out


# "Q3", "H1", "second quarter", "third fiscal quarter", "first-half": a reporting period
_PERIOD_ORDINAL_RE = re.compile(r"[QH][1-4]\b|[\s-]+(?:fiscal\s+)?(?:quarter|half)\b", re.I)


def _reference_periods(text: str, figures: Sequence[Figure],
                       frames: Sequence[Frame | None]) -> set[int]:
    """Starts of figures that are only a reporting period: a quarter or half ("Q3",
    "second-quarter revenue"), or a month or year that another figure of the sentence
    holds for ("added 130,000 jobs in January"). The period is that figure's time, not a
    fact of its own to align."""
    used: dict[int, list[str]] = {}  # sentence start -> the written times of its figures
    for fig, frame in zip(figures, frames, strict=True):
        if frame is not None and frame.time and fig.kind not in ("date", "year", "ordinal"):
            used.setdefault(fig.sentence_start, []).append(frame.time)
    out = set()
    for fig in figures:
        quarter = fig.kind == "ordinal" and bool(
            _PERIOD_ORDINAL_RE.match(fig.surface) or _PERIOD_ORDINAL_RE.match(text, fig.end))
        month = (fig.kind == "date" and len(str(fig.value)) == 7
                 and any(fig.surface in t for t in used.get(fig.sentence_start, ())))
        if quarter or month:
            out.add(fig.start)
    return out


_PAST_OPENING_RE = re.compile(r"\W*(?:back\s+)?in\s+(\d{4}),", re.I)


def _past_sentence(article: Article, s: int) -> bool:
    """A sentence that opens on a year before the report's ("In 2021, four coaches of a
    regional train came off the track"): an earlier event, not the one reported."""
    m = _PAST_OPENING_RE.match(article.text, s)
    return bool(m and article.published and int(m[1]) < article.published.year)


def _frame_terms(frame: Frame | None, text: str, s: int, e: int) -> FrameTerms:
    """The frame as the aligner reads it. A time after "since" ("have died since the
    outbreak began in mid-January") starts a period that runs to the report: the figure
    holds for now, not for that month, so its as-of time is not known."""
    terms = FrameTerms.of(frame)
    if frame is not None and frame.time_iso and frame.time:
        at = text.find(frame.time, s, e)
        if at > s and _SINCE_RE.search(text, max(s, at - 40), at):
            return replace(terms, time_iso="")
    return terms


_SINCE_RE = re.compile(r"\bsince\b[^.;,]*$", re.I)


_EXPECTED_WORDS = 6  # how far left of a figure an expectation word governs it
_CLAUSE_END_RE = re.compile(r"[.;)]")
# "the $5.12 billion that analysts had expected", "4.4%, as economists forecast"
_EXPECTED_AFTER_RE = re.compile(
    r"[^.;,]{0,12}?\b(?:that|which|as)\s+(?:[\w'’]+\s+){0,3}?(?:had\s+|have\s+)?"
    r"(?:expected|forecast|forecasted|predicted|projected|anticipated)\b", re.I)


def _expected(text: str, s: int, fig: Figure) -> bool:
    """An expectation word among the few words before the figure, in its clause
    ("analysts expected $3.97B", "(consensus: $1.41B", "forecast to hold at 4.4
    percent"). Words after it ("$1.65B, above expectations") are about the outcome."""
    left = text[s : fig.start]
    cut = max((m.end() for m in _CLAUSE_END_RE.finditer(left)), default=0)
    tail = [m.group() for m in words(left[cut:])][-_EXPECTED_WORDS:]
    if any(stem(w) in EXPECTATION for w in tail):
        return True
    return _EXPECTED_AFTER_RE.match(text, fig.end) is not None


def _frames(article: Article, spans: list[tuple[int, int]]) -> list[Frame | None]:
    """The figures' frames; figures that come without one (stored before frames, or
    gold figures) get theirs read now, with their sentences."""
    figs = article.figures
    if all(f.frame is not None for f in figs):
        return [f.frame for f in figs]
    placed = []
    for f in figs:
        if f.sentence_end <= f.sentence_start:
            s, e = sentence_of(article.text, f.start, spans)
            f = replace(f, sentence_start=s, sentence_end=e)
        placed.append(f)
    order = sorted(range(len(placed)), key=lambda k: (placed[k].sentence_start, placed[k].start))
    read = frame_for_figures(article.text, article.published, [placed[k] for k in order])
    out: list[Frame | None] = [None] * len(figs)
    for k, frame in zip(order, read, strict=True):
        out[k] = frame
    return out


def _sentence(fig: Figure, text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    if fig.sentence_end > fig.sentence_start:
        return fig.sentence_start, fig.sentence_end
    return sentence_of(text, fig.start, spans)


def _context(text: str, s: int, e: int, fig: Figure) -> dict[str, float]:
    """Terms of the sentence weighted by closeness to the figure; a clause boundary
    between term and figure halves the weight (the other clause is about something else)."""
    ctx: dict[str, float] = {}
    speaker = {m.group().lower() for m in words(fig.attributed_to or "")}
    for side, chunk, base in (("L", text[s : fig.start], s), ("R", text[fig.end : e], fig.end)):
        toks = list(words(chunk))
        seq = reversed(toks) if side == "L" else iter(toks)
        dist, last = 0, (len(chunk) if side == "L" else 0)
        damp = 1.0
        for m in seq:
            between = chunk[m.end() : last] if side == "L" else chunk[last : m.start()]
            damp *= 0.5 ** len(_BOUNDARY_RE.findall(between))
            last = m.start() if side == "L" else m.end()
            w = m.group().lower()
            if w in _ATTRIBUTION:
                damp *= 0.3  # beyond "said" lies who said it, not what the figure is
            if w in STOPWORDS or len(w) < 2 or _inside_figure(base + m.start(), fig):
                continue
            if w in speaker:
                continue  # the speaker is compared on its own
            dist += 1
            weight = damp / (1 + (dist - 1) / 3)
            # "third-quarter" also counts as "quarter"
            for t in {stem(w), *(stem(p) for p in w.split("-") if len(p) > 2 and "-" in w)}:
                ctx[t] = max(ctx.get(t, 0.0), weight)
    return ctx


def _inside_figure(pos: int, fig: Figure) -> bool:
    return fig.start <= pos < fig.end


def _head(text: str, fig: Figure, sent_end: int) -> frozenset[str]:
    terms = set()
    unit = (fig.unit or "").split("/")[0].strip()
    if unit and fig.kind in ("count", "rate", "range", "vague") and not unit.isupper():
        terms.add(stem(unit.split()[-1]))
    after = text[fig.end : min(sent_end, fig.end + 40)]
    if fig.subject:  # the extractor's reading, when it has one, joins the words after
        terms.update(stem(m.group()) for m in words(fig.subject)
                     if m.group().lower() not in STOPWORDS)
    taken = 0
    for m in list(words(after))[:4]:
        w = m.group().lower()
        if w not in STOPWORDS and taken < 2:
            terms.add(stem(w))
            taken += 1
    return frozenset(terms)


def _noun(fig: Figure) -> str:
    unit = (fig.unit or "").split("/")[0].strip()
    if fig.kind not in ("count", "rate", "range", "vague") or not unit or unit.isupper():
        return ""
    return stem(unit.split()[-1])


# capitalised words right before a name: its title ("Harbour's Chief Inspector")
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w.-]*(?:['’]s)?[ \u00a0]+){1,4}$")


def _speaker(fig: Figure, text: str = "") -> frozenset[str]:
    """The source's words; a named source also takes the title its article gives
    it, so "the Chief Secretary" in one article meets "Chief Secretary Asha Rao"
    in another."""
    if not fig.attributed_to:
        return frozenset()
    name = fig.attributed_to
    found = [m.group() for m in words(name)]
    at = text.find(name) if text and len(found) >= 2 and name[0].isupper() else -1
    if at > 0:
        title = _TITLE_BEFORE.search(text, max(0, at - 60), at)
        if title:
            found += [m.group().removesuffix("'s").removesuffix("’s") for m in words(title[0])]
    return frozenset(stem(w) for w in found if w.lower() not in STOPWORDS and w[0].isupper())


def _dates_near(article: Article, fig: Figure, s: int, e: int,
                offset: float | None) -> frozenset[tuple[int, ...]]:
    out = set()
    for other in article.figures:
        if other is fig or other.kind not in ("date",) or not s <= other.start < e:
            continue
        if abs(other.start - fig.start) > 60:
            continue  # a date further along the sentence is usually another clause's
        q = quantity(other, article.text, offset)
        if q is not None and isinstance(q.value, float) and q.precision >= 2:
            day = dt.date.fromordinal(int(q.value))
            out.add((day.year, day.month, day.day)[: q.precision])
    return frozenset(out)


def _same_occasion(a: frozenset[tuple[int, ...]], b: frozenset[tuple[int, ...]]) -> bool:
    return any(x[: len(y)] == y[: len(x)] for x in a for y in b)


def story_idf(articles: Sequence[Article]) -> dict[str, float]:
    """Inverse sentence frequency over the story: words in every sentence (the
    place, the main actor) say little about which fact a figure reports."""
    df: Counter[str] = Counter()
    n = 0
    for art in articles:
        for s, e in sentence_spans(art.text):
            n += 1
            df.update({stem(m.group()) for m in words(art.text[s:e])})
    table = _IdfTable({t: math.log(1 + n / c) for t, c in df.items()})
    table[""] = math.log(1 + n)
    return table


def context_similarity(a: Mention, b: Mention, idf: dict[str, float]) -> float:
    """IDF-weighted cosine of the two figures' context words."""
    va, na = _vector(a, idf)
    vb, nb = _vector(b, idf)
    if not (na and nb):
        return 0.0
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(w * vb[t] for t, w in va.items() if t in vb) / (na * nb)


def _vector(m: Mention, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    # Computed once per mention and story: the story's IDF table holds the cache.
    cache = _cache(idf)
    hit = cache.get(m)
    if hit is None:
        default = idf[""]
        vec = {t: w * idf.get(t, default) for t, w in m.context.items()}
        hit = (vec, math.sqrt(sum(w * w for w in vec.values())))
        cache[m] = hit
    return hit


class _IdfTable(dict[str, float]):
    """The story's IDF weights, carrying a per-story cache of context vectors."""

    def __init__(self, *args: object, **kwargs: float) -> None:
        super().__init__(*args, **kwargs)
        self.vectors: dict[Mention, tuple[dict[str, float], float]] = {}


def _cache(idf: dict[str, float]) -> dict[Mention, tuple[dict[str, float], float]]:
    if isinstance(idf, _IdfTable):
        return idf.vectors
    return {}


@dataclass(frozen=True, slots=True)
class Candidate:
    a: Mention
    b: Mention
    score: float
    comparison: Comparison
    base: float = 0.0  # the score without what the values alone suggest (a slip's shape)


def score_pair(a: Mention, b: Mention, idf: dict[str, float]) -> Candidate | None:
    zones = a.zones or b.zones
    cmp = compare(a.quantity, b.quantity, a.figure.surface, b.figure.surface, zones)
    if cmp.verdict is None:
        return None
    frames = fit(a.frame, b.frame, a.quantity.dim)
    cmp = _direction(a, b, cmp)
    if cmp is None:
        return None
    if a.expected != b.expected and cmp.verdict == "agree":
        return None  # an expectation met by the outcome is not one fact reported twice
    if cmp.verdict == "conflict" and _near(a, b) and (
            (a.rising and b.rising) or ((a.rising or b.rising) and frames.measure != "different")):
        cmp = _update(a, b)  # "the toll rose to 14" and "... rose to 17": a running count
    if cmp.verdict == "conflict" and not _may_conflict(a, b, frames):
        # an expectation and its outcome are two facts, whatever the values; one
        # measure at two as-of times is an update: a timeline, not an alarm
        if not (frames.days and frames.measure == "same" and a.expected == b.expected):
            return None
        cmp = _update(a, b)
    if cmp.verdict == "conflict" and _two_sources(a, b, cmp):
        cmp = Comparison("sources", f"{a.figure.surface} per {a.figure.attributed_to} vs "
                         f"{b.figure.surface} per {b.figure.attributed_to}: two sources differ")
    score = context_similarity(a, b, idf) + frames.score
    if frames.scope == "different" and cmp.verdict != "agree":
        score += SCOPE_DIFFERENT
    if a.head & b.head:
        score += 0.15
    elif a.noun and b.noun and a.noun != b.noun and not {a.noun, b.noun} & _GENERIC_NOUNS:
        score -= 0.1  # "drone" and "cruise missile" are different things
    elif a.head and b.head and a.figure.kind in ("count", "rate", "ordinal", "vague"):
        score -= 0.05
    if a.speaker and b.speaker:
        score += 0.1 if a.speaker & b.speaker else -0.1
    if a.dates and b.dates and not _same_occasion(a.dates, b.dates):
        score -= 0.1
    if a.quantity.period and b.quantity.period and a.quantity.period != b.quantity.period:
        score -= 0.05
    if cmp.verdict == "agree":
        score += _distinctiveness(a, b)
        return Candidate(a, b, score, cmp, score)
    if cmp.verdict == "update" and a.rising and b.rising:
        score += _SUPPORT  # both written as a running count: "rose to 14", "rose to 17"
    error = _plausible_error(a.quantity, b.quantity, cmp)
    # a slip of a digit or a zero makes an aligned pair a likelier conflict; it never
    # aligns a pair by itself (``base`` must pass the threshold without it)
    return Candidate(a, b, score + error, cmp, score + min(error, 0.0))


_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_NAMES_BEFORE = 40  # characters left of a figure where its entity is named


def _names_before(text: str, s: int, fig: Figure) -> frozenset[str]:
    """Capitalised words (not opening the sentence) just before the figure in its
    clause: "Frostway volumes dropped 6 per cent", "in this district alone"."""
    lo = max(s, fig.start - _NAMES_BEFORE)
    chunk = text[lo : fig.start]
    cut = max(chunk.rfind(","), chunk.rfind(";"))
    chunk = chunk[cut + 1 :]
    return frozenset(m.group() for m in _NAME_RE.finditer(chunk)
                     if lo + cut + 1 + m.start() > s)


def _other_entity(x: Mention, other: Article) -> bool:
    """A name that sets the figure's entity and that the other article never writes."""
    source = x.figure.attributed_to or ""
    return any(n not in other.text and n not in source for n in x.names)


def _may_conflict(a: Mention, b: Mention, frames: Fit) -> bool:
    """A conflict is the same fact at the same time, stated incompatibly: not an update
    (a later as-of time), not an expectation against its outcome, not a past event
    against the present one. Ordinals and changes conflict only on a measure both
    frames name: "the third derailment" and "the second derailment" are usually two
    facts."""
    if frames.later or a.expected != b.expected or a.past != b.past:
        return False
    if _other_entity(a, b.article) or _other_entity(b, a.article):
        return False  # "Frostway volumes" against the group's volumes
    if "ordinal" in (a.figure.kind, b.figure.kind):
        return frames.measure == "same" or bool(a.head & b.head)  # "67th minute"
    if (a.quantity.period is None) != (b.quantity.period is None):
        return False  # "13,000 jobs" and "15,000 jobs per month": a total and a rate
    if a.frame.direction != "none" and b.frame.direction != "none":
        # two changes ("down 34% Q/Q", "down 33 percent from $1.47"): only of one
        # named measure; a change's subject is often far from its number
        return frames.measure == "same"
    return True


def _two_sources(a: Mention, b: Mention, cmp: Comparison) -> bool:
    """Two named sources (two agencies, a minister and a reporter on the ground) giving
    different values, not in the shape of a slip: their readings differ, which a
    reviewer sees apart from the conflicts. A slip-shaped gap stays a conflict."""
    return bool(a.speaker and b.speaker) and not (a.speaker & b.speaker) and not cmp.slip


# a count written as having risen to its value: tolls, cases, evacuees as they are counted
_RISING_RE = re.compile(r"\b(?:rose|risen|climbed|jumped|grown|grew|swelled|increased|"
                        r"mounted)\s+to\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.I)


def _near(a: Mention, b: Mention) -> bool:
    """Within a factor of three: a count still being made, not a slip of scale."""
    va, vb = a.quantity.value, b.quantity.value
    return (isinstance(va, float) and isinstance(vb, float) and va > 0 and vb > 0
            and max(va, vb) <= 3 * min(va, vb))


def _update(a: Mention, b: Mention) -> Comparison:
    """ "41 dead (2026-03-03) → 57 dead (2026-03-04)": earlier first; a running count
    without dates goes from the smaller to the larger."""
    if a.frame.time_iso and b.frame.time_iso and a.frame.time_iso != b.frame.time_iso:
        first, then = sorted((a, b), key=lambda m: m.frame.time_iso)
        return Comparison("update", f"{first.figure.surface} ({first.frame.time_iso}) → "
                          f"{then.figure.surface} ({then.frame.time_iso}): the figure for a "
                          "later time")
    first, then = sorted((a, b), key=lambda m: m.quantity.raw or 0.0)
    return Comparison("update", f"{first.figure.surface} → {then.figure.surface}: a count "
                      "that rose as it was reported")


def _direction(a: Mention, b: Mention, cmp: Comparison) -> Comparison | None:
    """Changes in opposite directions: of one size ("up 10%" vs "declined 10%") they
    conflict on the direction; of two sizes ("added 64,000" and "revised down by
    15,000") they are two changes, not one fact misreported (None)."""
    da, db = a.frame.direction, b.frame.direction
    if {da, db} != {"up", "down"}:
        return cmp
    ra, rb = a.quantity.raw, b.quantity.raw
    if ra is None or rb is None or abs(ra) != abs(rb):
        return None
    return Comparison("conflict", f"{a.figure.surface} {da} vs {b.figure.surface} {db}: "
                      "the direction differs")


def _significant_digits(q: Quantity) -> int:
    raw = q.raw if q.raw is not None else 0.0
    return len(f"{abs(raw):g}".replace(".", "").strip("0")) or 1


def _plausible_error(qa: Quantity, qb: Quantity, cmp: Comparison) -> float:
    """Two reports of one fact differ by a slip (a zero, transposed digits, a scale
    word) or by a modest amount; far-apart values are more likely different facts."""
    if cmp.slip:
        # transposed or shifted digits in 212 vs 221 are rarer by chance than in 37 vs 73
        digits = min(_significant_digits(qa), _significant_digits(qb))
        return 0.1 + 0.05 * min(digits, 4) if qa.dim != "date" else 0.1
    if qa.dim == "date":
        return -0.1
    if qa.dim == "score" and isinstance(qa.value, tuple) and isinstance(qb.value, tuple):
        # 3-1 vs 3-2: one goal apart is how reports of one result differ
        goals = abs(qa.value[0] - qb.value[0]) + abs(qa.value[1] - qb.value[1])
        return 0.1 if goals == 1 else 0.0
    va = qa.value if isinstance(qa.value, float) else qa.value[1]
    vb = qb.value if isinstance(qb.value, float) else qb.value[1]
    if not va or not vb or (va > 0) != (vb > 0):
        return -0.15
    ratio = max(abs(va), abs(vb)) / min(abs(va), abs(vb))
    return 0.0 if ratio <= 1.34 else -0.05 if ratio <= 2 else -0.15 if ratio <= 5 else -0.45


def _distinctiveness(a: Mention, b: Mention) -> float:
    """Equal values are evidence of the same fact in proportion to how unlikely
    they are to coincide: 312 or $4.2bn more than "two"; a unit conversion too."""
    qa, qb = a.quantity, b.quantity
    if qa.vague or qb.vague:
        return -0.1
    if qa.dim == "date":
        precision = min(qa.precision, qb.precision)
        if precision == 1 and isinstance(qa.value, float):
            # a year: distinctive when it is not the current one
            published = a.article.published
            year = dt.date.fromordinal(int(qa.value)).year
            return 0.1 if published and abs(published.year - year) > 2 else -0.05
        if precision == 3 and isinstance(qa.value, float) and a.article.published:
            # the days around publication are the story's own: many facts share them
            near = abs(dt.date.fromordinal(int(qa.value)) - a.article.published).days <= 7
            return _NEAR_DAY if near else 0.2
        return 0.2 if precision == 3 else 0.1
    if qa.dim == "time":
        # 7:11 rarely coincides by chance; 9:00 may.
        return 0.1 if qa.raw is not None and qa.raw % 1800 == 0 else 0.3
    raw = qa.raw if qa.raw is not None else 0.0
    if a.figure.unit != b.figure.unit and qa.dim in ("length", "speed", "mass", "area",
                                                     "volume", "temperature", "pp"):
        return 0.3  # a conversion that works out is rarely a coincidence
    if qa.dim in _PHYSICAL:
        return 0.2
    digits = len(re.sub(r"\D", "", a.figure.surface).rstrip("0"))
    if abs(raw) <= 12 and digits <= 2 and not re.search(r"[.]\d", a.figure.surface):
        return -0.05
    return min(0.2, 0.07 * digits)


def cross_check(articles: Sequence[Article],
                involving: Collection[str] | None = None) -> list[Finding]:
    """Agree / conflict findings between the articles of one story.

    With ``involving`` (article ids), only the pairs with at least one of those
    articles are aligned, in the order and orientation of the full check. Every
    choice of the alignment (one partner per figure, the rounds where aligned
    sentences vouch for their neighbours, repeats) is made within one pair of
    articles; only the IDF weights are the story's. So these findings are
    exactly the full check's findings of those pairs, at the cost of the new
    articles' pairs: the IDF and the other articles' mentions are linear in the
    story's size, the pairs linear in its figures."""
    idf = story_idf(articles)
    if involving is None:
        pairs = [(i, j) for i in range(len(articles)) for j in range(i + 1, len(articles))]
    else:
        new = [k for k, a in enumerate(articles) if a.id in involving]
        fresh = set(new)
        # (i, j), i < j, in the full check's order: all of a new article's later
        # partners, and an old article's later new ones.
        pairs = [(i, j) for i in range(len(articles))
                 for j in (range(i + 1, len(articles)) if i in fresh else
                           (k for k in new if k > i))]
    needed = sorted({k for pair in pairs for k in pair})
    per_article = {k: mentions(articles[k], limit=MAX_COMPARED) for k in needed}
    findings: list[Finding] = []
    for i, j in pairs:
        findings.extend(_align_pair(per_article[i], per_article[j], idf))
    return findings


def _next(m: Mention, ms: list[Mention], step: int) -> Mention | None:
    """The figure just before (step -1) or after (+1) ``m`` in its sentence."""
    same = [x for x in ms if x.sentence == m.sentence]
    same.sort(key=lambda x: x.figure.start)
    i = next(k for k, x in enumerate(same) if x is m) + step
    return same[i] if 0 <= i < len(same) else None


def _unique_dims(ms: list[Mention]) -> set[str]:
    counts = Counter(m.quantity.dim for m in ms)
    return {d for d, c in counts.items() if c == 1 and (d in _PHYSICAL or d == "score")}


def _align_pair(ma: list[Mention], mb: list[Mention], idf: dict[str, float]) -> list[Finding]:
    unique = _unique_dims(ma) & _unique_dims(mb)
    cands = []
    by_dim: dict[str, list[Mention]] = {}
    for b in mb:
        by_dim.setdefault(b.quantity.dim, []).append(b)
    for a in ma:
        for b in by_dim.get(a.quantity.dim, ()):
            c = score_pair(a, b, idf)
            if c is None:
                continue
            if a.quantity.dim in unique:  # the only speed in either article
                c = Candidate(a, b, c.score + 0.15, c.comparison, c.base + 0.15)
            cands.append(c)
    # An equal, distinctive value written once in each article ("95%" and "95 per cent",
    # "October 12" and "12 October") is likely the same fact even in other words.
    once_a, once_b = _value_counts(ma), _value_counts(mb)
    cands = [Candidate(c.a, c.b, c.score + _UNIQUE_EQUAL, c.comparison, c.base + _UNIQUE_EQUAL)
             if _unique_equal(c, once_a, once_b) else c for c in cands]
    # before any is taken: a conflict that cannot stand must not use up its figures
    cands = _without_restated(cands, ma, mb)
    cands = _without_reconciled(cands, ma, mb)
    accepted: list[Candidate] = []
    # Agreements settle first (an equal partner with a fitting context is the match);
    # later rounds let accepted pairs vouch for their sentence neighbours, and only
    # then may the remaining figures conflict. An agreement waits when one of its
    # figures has a far stronger conflict candidate.
    best_conflict: dict[int, float] = {}
    for c in cands:
        if c.comparison.verdict == "conflict":
            for k in (id(c.a), id(c.b)):
                best_conflict[k] = max(best_conflict.get(k, -1.0), c.score)
    for verdicts in (("agree",), ("agree",), _ALL, _ALL):
        taken_a = {id(c.a) for c in accepted}
        taken_b = {id(c.b) for c in accepted}
        anchors = {(c.a.article.id, c.a.sentence, c.b.article.id, c.b.sentence)
                   for c in accepted}
        neighbours = {(id(x), id(y)) for c in accepted
                      for x, y in ((_next(c.a, ma, -1), _next(c.b, mb, -1)),
                                   (_next(c.a, ma, 1), _next(c.b, mb, 1)))
                      if x is not None and y is not None}
        pool = []
        for c in cands:
            if id(c.a) in taken_a or id(c.b) in taken_b:
                continue
            key = (c.a.article.id, c.a.sentence, c.b.article.id, c.b.sentence)
            supported = key in anchors and (
                c.comparison.verdict == "agree" or bool(c.a.head & c.b.head)
                or not (c.a.head and c.b.head))
            bonus = _SUPPORT if supported else 0.0
            if supported and (id(c.a), id(c.b)) in neighbours:
                bonus += _SUPPORT  # right next to an aligned pair on both sides
            pool.append(Candidate(c.a, c.b, c.score + bonus, c.comparison, c.base + bonus))
        pool.sort(key=lambda c: -(c.score + (_AGREE_FIRST if c.comparison.verdict == "agree"
                                             else 0.0)))
        for c in pool:
            if id(c.a) in taken_a or id(c.b) in taken_b or c.comparison.verdict not in verdicts:
                continue
            rival = max(best_conflict.get(id(c.a), -1.0), best_conflict.get(id(c.b), -1.0))
            if len(verdicts) == 1 and rival > c.score + _AGREE_FIRST:
                continue
            threshold = AGREE_THRESHOLD if c.comparison.verdict == "agree" else CONFLICT_THRESHOLD
            if c.score < threshold or (c.comparison.verdict != "agree" and c.base < _ALIGNED):
                continue
            taken_a.add(id(c.a))
            taken_b.add(id(c.b))
            accepted.append(c)
    accepted.extend(_repeats(accepted, ma, mb, idf))
    accepted = _without_update_dates(accepted)
    out = []
    for c in accepted:
        if c.a.period or c.b.period:
            continue
        assert c.comparison.verdict is not None
        out.append(Finding(c.comparison.verdict, (ref(c.a.article, c.a.figure),
                                                  ref(c.b.article, c.b.figure)),
                           _why(c), _confidence(c)))
    return out


def _without_update_dates(accepted: list[Candidate]) -> list[Candidate]:
    """"41 dead by March 3" and "57 dead by March 4" are a later figure: their two
    dates are its two as-of times, not a conflict about a date."""
    updated = {(c.a.sentence, c.b.sentence) for c in accepted
               if c.comparison.verdict == "update"}
    if not updated:
        return accepted
    return [c for c in accepted if not (
        c.comparison.verdict == "conflict" and c.a.quantity.dim == "date"
        and (c.a.sentence, c.b.sentence) in updated)]


def _without_reconciled(cands: list[Candidate], ma: list[Mention],
                        mb: list[Mention]) -> list[Candidate]:
    """Drop a conflict that the first figure's own article reconciles: when it also
    states a figure of the same measure that holds with the other one, the first is
    likely a part ("132 injured at three centres" beside "over 300 injured", against
    another outlet's "at least 179 injured")."""
    out = []
    for c in cands:
        if c.comparison.verdict == "conflict" and (
                _reconciled(c.a, c.b, ma) or _reconciled(c.b, c.a, mb)):
            continue
        out.append(c)
    return out


def _reconciled(x: Mention, y: Mention, own: list[Mention]) -> bool:
    if not x.frame.measure:
        return False
    for z in own:
        if (z is x or z.quantity.dim != x.quantity.dim or z.period or z.quantity.vague
                or z.frame.measure != x.frame.measure or not _larger(z, x)):
            continue  # only a larger figure of the measure can hold x as a part
        cmp = compare(z.quantity, y.quantity, z.figure.surface, y.figure.surface, False)
        if cmp.verdict == "agree" or (cmp.verdict is None and "bounds" in cmp.reason):
            return True
    return False


def _larger(z: Mention, x: Mention) -> bool:
    vz, vx = z.quantity.value, x.quantity.value
    return isinstance(vz, float) and isinstance(vx, float) and vz > vx


_RESTATED_DIMS = frozenset({"count", "money"})  # percents coincide too often


def _without_restated(cands: list[Candidate], ma: list[Mention],
                      mb: list[Mention]) -> list[Candidate]:
    """Drop a conflict whose value the other article also states elsewhere, of a measure
    that may be the same: if one outlet prints 82,000 and 130,000 jobs and the other
    130,000 jobs, its 130,000 is not a wrong 82,000. (Its "1,200 stores" says nothing
    about a "1,200 jobs" elsewhere.)"""
    def distinctive(ms: list[Mention]) -> dict[tuple[str, object], list[Mention]]:
        out: dict[tuple[str, object], list[Mention]] = {}
        for m in ms:
            if (m.quantity.dim in _RESTATED_DIMS and not m.quantity.vague
                    and _distinctiveness(m, m) > 0):
                out.setdefault(_value_key(m), []).append(m)
        return out

    def restated(x: Mention, partner: Mention, values: dict[tuple[str, object], list[Mention]],
                 ) -> bool:
        return any(m is not partner and measure_slot(m.frame.measure, x.frame.measure)
                   != "different" for m in values.get(_value_key(x), ()))

    values_a: dict[tuple[str, object], list[Mention]] | None = None
    values_b: dict[tuple[str, object], list[Mention]] = {}
    out = []
    for c in cands:
        if c.comparison.verdict == "conflict":
            if values_a is None:
                values_a, values_b = distinctive(ma), distinctive(mb)
            if restated(c.a, c.b, values_b) or restated(c.b, c.a, values_a):
                continue
        out.append(c)
    return out


def _value_key(m: Mention) -> tuple[str, object]:
    return m.quantity.dim, m.quantity.value


def _value_counts(ms: list[Mention]) -> Counter[tuple[str, object]]:
    return Counter(_value_key(m) for m in ms)


def _unique_equal(c: Candidate, once_a: Counter[tuple[str, object]],
                  once_b: Counter[tuple[str, object]]) -> bool:
    a, b = c.a, c.b
    if c.comparison.verdict != "agree" or a.quantity.value != b.quantity.value:
        return False
    if a.quantity.vague or b.quantity.vague or (a.quantity.dim == "date"
                                                and min(a.quantity.precision,
                                                        b.quantity.precision) < 3):
        return False
    key = _value_key(a)
    return once_a[key] == 1 and once_b[key] == 1 and _distinctiveness(a, b) > 0


def _confidence(c: Candidate) -> float:
    """Alignment score mapped to (0, 1): 0.5 at the threshold, rising with margin."""
    threshold = AGREE_THRESHOLD if c.comparison.verdict == "agree" else CONFLICT_THRESHOLD
    return round(1 / (1 + math.exp(-6 * (c.score - threshold))), 3)


# a repeat of the accepted figure about the same thing (its noun or head words) needs
# less context of its own
_SAME_NOUN_REPEAT = 0.15


def _repeats(accepted: list[Candidate], ma: list[Mention], mb: list[Mention],
             idf: dict[str, float]) -> list[Candidate]:
    """A fact repeated inside one article pairs with the other article's mention
    each time: give each repeat (same value, fitting context) the same partner."""
    taken = {id(c.a) for c in accepted} | {id(c.b) for c in accepted}
    extra = []
    for c in accepted:
        for side, pool in ((c.a, ma), (c.b, mb)):
            for m in pool:
                mq, sq = m.quantity, side.quantity
                if id(m) in taken or not (
                    mq == sq or (mq.dim == sq.dim == "time" and mq.value == sq.value)
                ):
                    continue  # one instant: "16:45 local time (1445 GMT)" counts twice
                pair = score_pair(m, c.b, idf) if side is c.a else score_pair(c.a, m, idf)
                if pair is None or pair.comparison.verdict != c.comparison.verdict:
                    continue
                threshold = (AGREE_THRESHOLD if pair.comparison.verdict == "agree"
                             else CONFLICT_THRESHOLD)
                if (m.noun and m.noun == side.noun) or m.head & side.head or (
                        m.quantity == side.quantity and _distinctiveness(m, side) > 0):
                    # "212 flights ... of the 212 flights"; a distinctive value written
                    # again ("70,000" in the lead and in the summary)
                    threshold -= _SAME_NOUN_REPEAT
                if pair.score >= threshold:
                    taken.add(id(m))
                    extra.append(pair)
    return extra


def _why(c: Candidate) -> str:
    """The comparison, who said what, and the shared words that tie the two
    figures to one fact, as written in the first article."""
    shared = sorted((t for t in c.a.context if t in c.b.context),
                    key=lambda t: -c.a.context[t] * c.b.context[t])[:3]
    topic = ", ".join(_surface_word(c.a, t) for t in shared)
    period = c.a.quantity.period
    if period and period == c.b.quantity.period:
        topic = f"per {period}" + (f"; {topic}" if topic else "")
    who = f"{c.a.article.outlet or c.a.article.id} vs {c.b.article.outlet or c.b.article.id}"
    return f"{c.comparison.reason} ({who}{'; ' + topic if topic else ''})"


def _surface_word(m: Mention, term: str) -> str:
    s, e = m.sentence, m.sentence + 400
    for w in words(m.article.text[s:e]):
        if stem(w.group()) == term:
            return w.group()
    return term
