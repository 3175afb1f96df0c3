"""Group articles into stories: the same event covered by several outlets.

An article is reduced once to a fingerprint: weighted named entities, distinctive
words and distinctive numbers, storable as two parallel lists (terms, weights).
``similarity`` compares two fingerprints with IDF weights and a publication-time
window; ``StoryIndex`` keeps an inverted index term -> day -> articles so that
placing a new article touches only articles that share a term and fall in the
window, never the whole collection.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claims.checking.model import Article
from claims.checking.text import STOPWORDS, sentence_spans, stem

SIMILARITY_THRESHOLD = 0.18
WINDOW_DAYS = 4  # stories are about events: coverage spreads over a few days
FINGERPRINT_SIZE = 40
ENTITY_WEIGHT = 2.5
NUMBER_WEIGHT = 1.5
PRIOR_DOCS = 200  # pseudo-documents that keep IDF sane while the index is small
MAX_DF_FRACTION = 0.02  # at scale, terms in >2% of articles are not story-specific
# Terms are stored in an index column of this width (claims.models.ArticleTerm.term).
MAX_TERM_CHARS = 100
_CANDIDATES = 30
# Names every story shares: calendar words and time zones are not evidence of one event.
_CALENDAR_WORDS = """january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow gmt utc bst est edt pst am pm"""
_CALENDAR = frozenset(_CALENDAR_WORDS.split())

_CAP_SEQ_RE = re.compile(r"[A-Z][\w'’.-]*[\w](?:\s+(?:of|de|la|von|van|al)?\s*[A-Z][\w'’-]*\w)*")
_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")

IdfFn = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Weighted terms: ``e:`` named entities, ``w:`` stemmed words, ``n:`` numbers."""

    terms: tuple[str, ...]
    weights: tuple[float, ...]

    def items(self) -> Iterable[tuple[str, float]]:
        return zip(self.terms, self.weights, strict=True)

    @classmethod
    def from_lists(cls, terms: Iterable[str], weights: Iterable[float]) -> Fingerprint:
        return cls(tuple(terms), tuple(float(w) for w in weights))


def fingerprint(article: Article, size: int = FINGERPRINT_SIZE) -> Fingerprint:
    text = article.text
    counts: defaultdict[str, float] = defaultdict(float)
    for s, e in sentence_spans(text):
        _count_sentence(text[s:e], counts, 1.0)
    if article.title:
        _count_sentence(article.title, counts, 2.0)
    fitted: defaultdict[str, float] = defaultdict(float)
    for t, c in counts.items():
        fitted[_fit(t)] += c
    weighted = {t: (1 + math.log(c)) * _kind_weight(t) for t, c in fitted.items() if c > 0}
    top = heapq.nlargest(size, weighted.items(), key=lambda kv: (kv[1], kv[0]))
    return Fingerprint.from_lists((t for t, _ in top), (round(w, 4) for _, w in top))


def _fit(term: str) -> str:
    """The term itself, or, past MAX_TERM_CHARS, its start and a digest of the whole:
    cut short, two long numbers or names sharing a start became one term (and one
    duplicate row in the index), while the digest keeps each one itself everywhere."""
    if len(term) <= MAX_TERM_CHARS:
        return term
    digest = hashlib.blake2b(term.encode(), digest_size=8).hexdigest()
    return f"{term[: MAX_TERM_CHARS - len(digest) - 1]}~{digest}"


def _kind_weight(term: str) -> float:
    return ENTITY_WEIGHT if term.startswith("e:") else NUMBER_WEIGHT if term.startswith(
        "n:") else 1.0


def _count_sentence(sentence: str, counts: defaultdict[str, float], weight: float) -> None:
    for m in _CAP_SEQ_RE.finditer(sentence):
        phrase = m.group().rstrip(".")
        parts = phrase.split()
        if (m.start() == 0 and len(parts) == 1) or (parts[0].lower() in STOPWORDS and len(
                parts) == 1):
            continue  # a sentence-initial capital is not evidence of a name
        names = [_fold(p) for p in parts if p.lower() not in STOPWORDS
                 and p.lower().rstrip(".") not in _CALENDAR]
        for p in names:
            counts["e:" + p] += weight
        if len(names) > 1:
            counts["e:" + " ".join(names)] += weight
    for m in _WORD_RE.finditer(sentence):
        w = m.group().lower()
        if w not in STOPWORDS and len(w) > 2 and w not in _CALENDAR:
            counts["w:" + _fold(w)] += weight
    for m in _NUMBER_RE.finditer(sentence):
        digits = m.group().replace(",", "")
        if len(digits.rstrip("0").replace(".", "")) >= 2:  # 1,200 or 4.2, not 2 or 10
            counts["n:" + digits] += weight


def _fold(word: str) -> str:
    """Stemmed, lower-case and without accents: "Kovač" and "Kovac" are one name."""
    plain = unicodedata.normalize("NFKD", word)
    return stem("".join(c for c in plain if not unicodedata.combining(c)))


def _day(published: dt.date | dt.datetime | None) -> int | None:
    return published.toordinal() if published is not None else None


def time_factor(published_a: dt.date | None, published_b: dt.date | None) -> float:
    """1 for the same day, fading to 0 past the window; unknown dates are neutral."""
    da, db = _day(published_a), _day(published_b)
    if da is None or db is None:
        return 0.9
    gap = abs(da - db)
    return 0.0 if gap > WINDOW_DAYS else 1.0 - 0.08 * gap


def similarity(fp_a: Fingerprint, fp_b: Fingerprint, published_a: dt.date | None,
               published_b: dt.date | None, idf: IdfFn | None = None) -> float:
    """Cosine of the IDF-weighted fingerprints times a time-window factor, in [0, 1].
    Compare with ``SIMILARITY_THRESHOLD``."""
    factor = time_factor(published_a, published_b)
    if factor == 0.0:
        return 0.0
    f = idf or (lambda _t: 1.0)
    a = {t: w * f(t) for t, w in fp_a.items()}
    b = {t: w * f(t) for t, w in fp_b.items()}
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return factor * dot / (na * nb) if na and nb else 0.0


@dataclass(slots=True)
class _Entry:
    fp: Fingerprint
    day: int | None
    story: str


@dataclass(slots=True)
class StoryIndex:
    """In-memory inverted index of fingerprints, for placing articles in stories."""

    threshold: float = SIMILARITY_THRESHOLD
    max_df_fraction: float = MAX_DF_FRACTION
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _postings: dict[str, dict[int | None, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    _df: Counter[str] = field(default_factory=Counter)
    _story_seq: int = 0

    def __len__(self) -> int:
        return len(self._entries)

    def idf(self, term: str) -> float:
        n = len(self._entries) + PRIOR_DOCS
        return math.log(n / (1 + self._df.get(term, 0)))

    def story_of(self, article_id: str) -> str:
        return self._entries[article_id].story

    def add(self, article_id: str, fp: Fingerprint, published: dt.date | None,
            story: str | None = None) -> str:
        """Index an article in ``story`` (a new story when None); returns the story id."""
        if story is None:
            self._story_seq += 1
            story = f"story-{self._story_seq}"
        if article_id in self._entries:
            raise ValueError(f"article {article_id!r} is already indexed")
        day = _day(published)
        self._entries[article_id] = _Entry(fp, day, story)
        for t in fp.terms:
            self._postings[t][day].append(article_id)
            self._df[t] += 1
        return story

    def remove(self, article_id: str) -> None:
        """Forget an article (deleted or re-fingerprinted after an edit)."""
        entry = self._entries.pop(article_id)
        for t in entry.fp.terms:
            self._postings[t][entry.day].remove(article_id)
            self._df[t] -= 1
            if self._df[t] <= 0:
                del self._df[t]
                del self._postings[t]

    def candidates(self, fp: Fingerprint, published: dt.date | None,
                   limit: int = _CANDIDATES) -> list[tuple[str, float]]:
        """Articles sharing rare terms with ``fp`` inside the time window, with their
        similarity, best first."""
        day = _day(published)
        days: list[int | None] = (
            [None] if day is None else [*range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1), None])
        cutoff = max(50.0, self.max_df_fraction * len(self._entries))
        partial: defaultdict[str, float] = defaultdict(float)
        for term, w in fp.items():
            df = self._df.get(term, 0)
            if df == 0 or df > cutoff:
                continue
            by_day = self._postings[term]
            weight = w * self.idf(term) ** 2
            for d in days:
                for other in by_day.get(d, ()):
                    partial[other] += weight
        top = heapq.nlargest(limit, partial.items(), key=lambda kv: kv[1])
        scored = [(other, similarity(fp, self._entries[other].fp, published,
                                     _date(self._entries[other].day), self.idf))
                  for other, _ in top]
        return sorted(scored, key=lambda x: -x[1])

    def place(self, article_id: str, fp: Fingerprint, published: dt.date | None) -> str:
        """Put an article in the story of its best match above the threshold, or in
        a new story; indexes it and returns the story id."""
        cands = self.candidates(fp, published)
        story = None
        if cands and cands[0][1] >= self.threshold:
            story = self._entries[cands[0][0]].story
        return self.add(article_id, fp, published, story)


def _date(day: int | None) -> dt.date | None:
    return dt.date.fromordinal(day) if day is not None else None


def group_articles(articles: Iterable[Article]) -> list[list[Article]]:
    """Stories of a batch, in order of first appearance, placing articles by date."""
    arts = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    index = StoryIndex()
    groups: dict[str, list[Article]] = {}
    for art in arts:
        story = index.place(art.id, fingerprint(art), art.published)
        groups.setdefault(story, []).append(art)
    return list(groups.values())
