"""Figure frames: what each figure is a figure of (measure, scope, time, source, modality,
direction), read from its sentence after the engine has found the figures.

``add_frames(doc, figures)`` returns the figures with ``frame`` set; ``compare_frames(a, b)``
says slot by slot whether two frames agree ("same"), disagree ("different") or cannot be
told apart ("unknown"), for the cross-checker's alignment.

Cost: one tokenization per sentence that holds figures (one compiled regex), the sentence's
time phrases and clause limits found once, then a bounded walk (a dozen tokens) around each
figure. No regex runs per figure; nothing here is quadratic in the sentence.

Conventions (the gold set ``bench/eval/frames/cases.jsonl`` follows them):

- measure: lowercased head phrase, plurals kept as written (no lemmatizer: "troops" stays
  "troops"; ``compare_frames`` folds a final "s" when it compares). Determiners, numbers,
  hedges and place or owner words are left out (the place goes to scope). For a count, a
  casualty word after it joins the measure ("people killed", "coaches derailed"); for a
  money, percent or measure figure it is the noun phrase the value is of ("revenue of $3bn",
  "earnings per share rose 12%"). Empty when no noun phrase is found.
- scope: the owner ("Acme's" -> "Acme"), else the nearest place or entity after in/at/
  across/near/from in the figure's clause, else capitalised words before the measure
  ("North Korean troops" -> "North Korean").
- time: the nearest date figure of the engine in the clause (its ISO value becomes
  ``time_iso``) or a written period ("in the third quarter", "at the close of trading"),
  with its preposition. A comparison base ("up from $1.25 a year earlier") keeps the times
  written after it.
- modality: the nearest cue before the figure in its clause (target > forecast words), else
  a cue right after it, else an estimating hedge (about, roughly; "put the toll at"), else a
  past period more than two years before publication or "record" ("historical"), else a
  period after publication ("forecast"), else "actual". A comparison with last year
  ("a year earlier") is "actual": its time slot already says when.
- direction: "up"/"down" when the figure is the change itself ("rose 12%", "up 3 points",
  "a loss of $5m", "a 4% fall", "cut 200 jobs"); "none" for levels ("rose to 5%",
  "from 2.6%").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from . import frame_lexicon as lx
from .types import Document, Figure, Frame

__all__ = ["add_frames", "compare_frames", "frame_for_figures", "SAME", "DIFFERENT", "UNKNOWN"]

SAME, DIFFERENT, UNKNOWN = "same", "different", "unknown"
SLOTS = ("measure", "scope", "time", "source", "modality", "direction")

# Words (letters first, then word characters, apostrophes, hyphens), numbers, or one
# other character. Linear: each alternative consumes what the next cannot start with.
_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d.,]*|[^\w\s]")
_TIME_PHRASE = re.compile(lx.TIME_PHRASES, re.IGNORECASE)
_NO_MEASURE_KINDS = frozenset({"date", "year", "time"})
_DATE_KINDS = frozenset({"date", "year"})
_CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though"})
_AFTER_COMMA = frozenset({"and", "but", "while", "whereas", "although", "though", "which"})
_COMPARISON_BASE = frozenset({"from", "than", "against", "versus", "vs", "with"})
_NOT_NOUN = (
    lx.DETERMINERS | lx.PREPOSITIONS | lx.AUXILIARIES | lx.CONJUNCTIONS | lx.PRONOUNS
    | lx.VERBS | lx.HEDGES | {"per", "cent", "percent", "pc", "that", "said", "says"}
)
_SKIP_LEFT = (
    lx.HEDGES | lx.AUXILIARIES | lx.VERBS | lx.PREPOSITIONS | {"per", "cent", "percent", "pc"}
)
_POSSESSIVE = ("'s", "’s")


class _Tok:
    __slots__ = ("start", "end", "text", "low", "cap", "fig", "word")

    def __init__(self, start: int, end: int, text: str, first: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        self.word = text[0].isalpha()
        # Capitalised and not just the sentence's first word (or all-caps: "GDP", "NDRF").
        self.cap = self.word and text[0].isupper() and (not first or text.isupper())
        self.fig = -1  # index of the figure the token belongs to


def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(_POSSESSIVE) else text


def _nouny(t: _Tok) -> bool:
    return t.word and t.fig < 0 and t.low not in _NOT_NOUN and not t.low.endswith("ly")


class _Sentence:
    """Tokens, clause numbers and time candidates of one sentence, computed once."""

    __slots__ = ("toks", "clause", "times", "figs", "published")

    def __init__(self, text: str, offset: int, figs: list[Figure],
                 published: dt.date | None) -> None:
        self.figs = figs
        self.published = published
        toks = []
        first = True
        for m in _TOKEN.finditer(text):
            toks.append(_Tok(m.start() + offset, m.end() + offset, m.group(), first))
            if first and m.group()[0].isalnum():
                first = False
        self.toks = toks
        # Mark figure tokens (figures and tokens are both in text order).
        j = 0
        n = len(toks)
        for i, f in enumerate(figs):
            while j < n and toks[j].end <= f.start:
                j += 1
            k = j
            while k < n and toks[k].start < f.end:
                toks[k].fig = i
                k += 1
        # Clause number of each token: a new clause after ";" ":" dashes, ", and|but|while",
        # and at "but", "while", "whereas".
        clause = [0] * n
        c = 0
        for i, t in enumerate(toks):
            if t.fig < 0:
                low = t.low
                if low in (";", ":", "—", "–") or low in _CLAUSE_WORDS:
                    c += 1
                elif low == "," and i + 1 < n and toks[i + 1].low in _AFTER_COMMA:
                    c += 1
                elif low == "that" and i > 0 and toks[i - 1].low == "and":
                    c += 1
            clause[i] = c
        self.clause = clause
        # Time candidates: (start, end, text, iso, first token, last token).
        times: list[tuple[int, int, str, str, int, int]] = []
        for f in figs:
            if f.kind in _DATE_KINDS or (
                f.kind == "range" and isinstance(f.value, tuple) and isinstance(f.value[0], str)
            ):
                iso = "/".join(f.value) if isinstance(f.value, tuple) else str(f.value)
                times.append(self._time_span(f.start, f.end, iso, text, offset))
        for m in _TIME_PHRASE.finditer(text):
            s, e = m.start() + offset, m.end() + offset
            if not any(a < e and s < b for a, b, *_ in times):
                times.append(self._time_span(s, e, "", text, offset))
        self.times = times

    def _index(self, pos: int) -> int:
        """Index of the first token that ends after ``pos``."""
        toks = self.toks
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _time_span(self, s: int, e: int, iso: str, text: str,
                   offset: int) -> tuple[int, int, str, str, int, int]:
        i = self._index(s)
        j = self._index(e - 1)
        toks = self.toks
        if i > 0 and toks[i - 1].low in lx.TIME_PREPOSITIONS and toks[i - 1].fig < 0:
            i -= 1
            s = toks[i].start
            if i > 0 and toks[i - 1].low == "as" and toks[i].low == "of":
                i -= 1
                s = toks[i].start
        return s, e, text[s - offset : e - offset], iso, i, min(j, len(toks) - 1)


def _figure_tokens(sent: _Sentence, fi: int, f: Figure) -> tuple[int, int]:
    i = sent._index(f.start)
    j = i
    toks = sent.toks
    while j + 1 < len(toks) and toks[j + 1].fig == fi:
        j += 1
    return i, j


_HEDGE_WORDS = frozenset(
    "about around roughly approximately nearly almost some over just under estimated further "
    "another additional extra circa only a an".split()
)
# Two-word hedges, by their last word: "at least", "up to", "more than", "close to".
_HEDGE_PAIRS = {
    "least": frozenset({"at"}), "most": frozenset({"at"}), "to": frozenset({"up", "close"}),
    "than": frozenset({"more", "less", "fewer", "greater", "higher", "lower"}),
}


def _skip_hedges_left(toks: list[_Tok], i: int) -> int:
    """Index of the first token before ``i`` that is not part of a hedge or an article."""
    while i >= 0 and toks[i].fig < 0:
        low = toks[i].low
        if low in _HEDGE_WORDS:
            i -= 1
        elif low in _HEDGE_PAIRS and i > 0 and toks[i - 1].low in _HEDGE_PAIRS[low]:
            i -= 2
        else:
            break
    return i


def _cap_run_right(toks: list[_Tok], i: int, limit: int) -> tuple[str, int]:
    """A capitalised name starting at ``i`` ("Spain and Portugal", "Borno state")."""
    j = i
    end = -1
    while j < limit and toks[j].cap and toks[j].fig < 0 and toks[j].low not in lx.MONTHS \
            and toks[j].low not in lx.WEEKDAYS:
        end = j
        if toks[j].text.endswith(_POSSESSIVE):
            break
        j += 1
        if j + 1 < limit and toks[j].low in ("and", "of") and toks[j + 1].cap:
            j += 1
    if end < 0:
        return "", i
    if end + 1 < limit and toks[end + 1].low in lx.PLACE_TAILS:
        end += 1
    words = " ".join(t.text for t in toks[i : end + 1])
    return _strip_possessive(words), end


def _measure_right(sent: _Sentence, j: int, limit: int) -> tuple[str, str, int]:
    """Noun phrase right after a count: (measure, capitalised modifiers, last index)."""
    toks = sent.toks
    k = j + 1
    while k < limit and toks[k].low in ("more", "other", "further", "additional", "new"):
        if toks[k].low == "other" or toks[k].low == "new":
            break
        k += 1
    words: list[str] = []
    caps: list[str] = []
    last = j
    while k < limit and len(words) < 4:
        t = toks[k]
        if t.cap and not words and t.fig < 0 and t.low not in lx.MONTHS:
            caps.append(t.text)
        elif _nouny(t) and t.low not in lx.TIME_NOUNS and not t.cap:
            words.append(t.low)
        elif t.cap and words:
            break
        else:
            break
        last = k
        k += 1
    if not words:
        if caps:  # "40 Rhovan troops" only had capitals: the last one is the noun
            words = [caps.pop().lower()]
        else:
            return "", "", j
    # A casualty word after it: "people (were) killed", "coaches derailed".
    k = last + 1
    while k < limit and k < last + 4 and toks[k].low in lx.AUXILIARIES | {"reported", "confirmed"}:
        k += 1
    if k < limit and toks[k].low in lx.EVENTS and toks[k].low not in words:
        words.append(toks[k].low)
    return " ".join(words), " ".join(caps), last


def _measure_left(sent: _Sentence, i: int, lo: int) -> tuple[str, str]:
    """The noun phrase a value is of, walking left from token ``i`` (the figure's first):
    over hedges, verbs, prepositions and other figures, then up to four nouns. Returns
    (measure, scope found on the way: an owner or a place)."""
    toks = sent.toks
    k = i - 1
    steps = 0
    scope = ""
    while k >= lo and steps < 10:
        t = toks[k]
        if t.fig >= 0 or t.low in _SKIP_LEFT or (t.word and t.low.endswith("ly") and not t.cap):
            k -= 1
            steps += 1
            continue
        if t.cap and not t.text.endswith(_POSSESSIVE) and t.low not in lx.MONTHS \
                and t.low not in lx.WEEKDAYS:
            # "Shares in Brightwell fell": a place after a preposition is the scope.
            m = k
            while m - 1 >= lo and toks[m - 1].cap and toks[m - 1].fig < 0:
                m -= 1
            if m - 1 >= lo and toks[m - 1].low in lx.LOCATIVES | {"of", "for"}:
                scope = scope or " ".join(x.text for x in toks[m : k + 1])
                k = m - 2
                steps += 2
                continue
            if m - 2 >= lo and toks[m - 1].low == "the" and toks[m - 2].low in lx.LOCATIVES:
                scope = scope or " ".join(x.text for x in toks[m : k + 1])
                k = m - 3
                steps += 3
                continue
            break  # a name that is the measure itself ("the Sensex gained")
        if t.low in lx.MONTHS or t.low in lx.WEEKDAYS:
            k -= 1
            steps += 1
            continue
        break
    if k < lo:
        return "", scope
    words: list[str] = []
    while k >= lo and len(words) < 4:
        t = toks[k]
        if t.text.endswith(_POSSESSIVE):
            if words and t.text[0].isupper():
                scope = _strip_possessive(t.text)
            break
        if t.low == "per" and words and k - 1 >= lo and _nouny(toks[k - 1]):
            words.append("per")
        elif _nouny(t) and t.low not in lx.TIME_NOUNS and t.low not in lx.MONTHS:
            if t.cap and words and t.low not in lx.WEEKDAYS:  # "North Korean troops"
                scope = scope or t.text
                k -= 1
                continue
            words.append(t.low)
        else:
            break
        k -= 1
    words.reverse()
    return " ".join(words), scope


def _measure_after_prep(sent: _Sentence, j: int, limit: int, preps: frozenset[str]) -> str:
    """"$725m in military aid", "52% of the vote", "£400m off its market value"."""
    toks = sent.toks
    k = j + 1
    if k >= limit or toks[k].low not in preps:
        return ""
    k += 1
    while k < limit and (toks[k].low in ("the", "its", "their", "his", "her", "our")
                         or toks[k].fig >= 0):
        k += 1
    words = []
    while k < limit and len(words) < 3 and _nouny(toks[k]) and not toks[k].cap:
        if toks[k].low in lx.TIME_NOUNS:
            return ""
        words.append(toks[k].low)
        k += 1
    if not words and k < limit and toks[k].cap and toks[k].text.isupper():
        words.append(toks[k].low)  # "of GDP"
    return " ".join(words)


def _subject_measure(subject: str | None) -> tuple[str, str]:
    if not subject:
        return "", ""
    parts = subject.split()
    low = parts[-1].lower()
    if not parts[-1][0].isalpha() or low in _NOT_NOUN:
        return "", ""
    caps = [p for p in parts[:-1] if p[0].isupper()]
    rest = [p.lower() for p in parts if not (p[0].isupper() and p is not parts[-1])]
    rest = [p for p in rest if p not in lx.DETERMINERS and p not in lx.HEDGES]
    return " ".join(rest), " ".join(caps)


def _locative(sent: _Sentence, i: int, j: int, lo: int, hi: int, source: str) -> str:
    """Nearest capitalised place after in/at/across/near/from in the clause: right of the
    figure first (other figures may sit between), then left without crossing a figure."""
    toks = sent.toks
    k = j + 1
    while k < hi and k <= j + 10:
        t = toks[k]
        if t.low in lx.LOCATIVES and t.fig < 0:
            m = k + 1
            if m < hi and toks[m].low == "the":
                m += 1
            if m < hi and toks[m].cap:
                name, _ = _cap_run_right(toks, m, hi)
                if name and name != source:
                    return name
        k += 1
    k = i - 1
    while k >= lo and k >= i - 12:
        t = toks[k]
        if t.fig >= 0 and sent.figs[t.fig].kind not in _DATE_KINDS:
            break
        if t.low in lx.LOCATIVES:
            m = k + 1
            if m < hi and toks[m].low == "the":
                m += 1
            if m < i and toks[m].cap:
                name, _ = _cap_run_right(toks, m, i)
                if name and name != source:
                    return name
        k -= 1
    return ""


def _time(sent: _Sentence, fi: int, i: int, j: int, clause: int,
          base_after: int) -> tuple[str, str]:
    """Nearest time candidate in the clause. ``base_after``: index of the first token of a
    comparison base after the figure ("up from $1.25"), whose times are its own."""
    best = None
    best_d = 1 << 30
    toks = sent.toks
    fstart, fend = toks[i].start, toks[j].end
    for s, e, text, iso, ti, tj in sent.times:
        if s < fend and fstart < e:
            continue  # the figure itself (a date)
        if sent.clause[ti] != clause and sent.clause[tj] != clause:
            continue
        if s >= fend:
            if base_after >= 0 and ti > base_after:
                continue
            d = ti - j
        else:
            d = i - tj
            # A time before the figure belongs to it only if no other value sits between
            # them that is a comparison base itself.
        if d < best_d:
            best, best_d = (text, iso), d
    return best or ("", "")


def _comparison_base_after(sent: _Sentence, j: int, hi: int) -> int:
    """Index of the next figure after ``j`` in the clause that is written as a comparison
    base ("from", "than", "compared with"), or -1."""
    toks = sent.toks
    k = j + 1
    while k < hi:
        t = toks[k]
        if t.fig >= 0 and toks[k - 1].fig != t.fig:
            p = _skip_hedges_left(toks, k - 1)
            if p >= 0 and toks[p].low in _COMPARISON_BASE:
                return k
        k += 1
    return -1


def _is_base(sent: _Sentence, i: int) -> bool:
    p = _skip_hedges_left(sent.toks, i - 1)
    return p >= 0 and sent.toks[p].low in _COMPARISON_BASE


def _cue(toks: list[_Tok], k: int) -> str:
    t = toks[k]
    if t.fig >= 0:
        return ""
    low = t.low
    if low in lx.TARGET_CUES:
        return "target"
    if low in lx.FORECAST_CUES:
        return "forecast"
    if low in lx.ESTIMATE_CUES:
        return "estimate"
    if low in lx.HISTORICAL_CUES:
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        if low != "record" or nxt in ("of", "was", "set", "is", "stands", "high", "low"):
            return "historical"
    return ""


def _modality(sent: _Sentence, f: Figure, i: int, j: int, lo: int, hi: int,
              time_iso: str) -> str:
    toks = sent.toks
    p = _skip_hedges_left(toks, i - 1)
    for k in range(i - 1, lo - 1, -1):
        cue = _cue(toks, k)
        if cue:
            return cue
        if toks[k].low == "put" and p >= 0 and toks[p].low == "at":
            return "estimate"  # "put the toll at 40"
    for k in range(j + 1, min(hi, j + 7)):
        cue = _cue(toks, k)
        if cue:
            return cue
    if f.qualifier and f.qualifier.lower() in lx.ESTIMATE_QUALIFIERS:
        return "estimate"
    pub = sent.published
    if time_iso and pub is not None and time_iso[:4].isdigit():
        end = time_iso.rsplit("/", 1)[-1]
        if end[:4].isdigit() and int(end[:4]) <= pub.year - 3:
            return "historical"
        first = time_iso.split("/")[0]
        if first > pub.isoformat()[: len(first)]:  # a period after publication
            return "forecast"
    return "actual"


def _direction(sent: _Sentence, i: int, j: int, lo: int, hi: int) -> str:
    toks = sent.toks
    p = _skip_hedges_left(toks, i - 1)
    if p >= lo:
        low = toks[p].low
        if low in ("to", "from", "at", "of") and low != "of":
            return "none"
        if low == "of" and p - 1 >= lo:  # "a loss of $5m", "a rise of 4%"
            noun = toks[p - 1].low
            if noun in lx.UP_WORDS and noun not in ("above", "more"):
                return "up"
            if noun in lx.DOWN_WORDS and noun not in ("below", "less", "fewer"):
                return "down"
            return "none"
        if low == "by":  # "cut its key rate by 25 points": the verb a few words back
            for k in range(p - 1, max(lo - 1, p - 6), -1):
                w = toks[k].low
                if w in lx.UP_WORDS and w not in ("above", "more"):
                    return "up"
                if w in lx.DOWN_WORDS and w not in ("below", "less", "fewer"):
                    return "down"
            return "none"
        if low in ("up", "down"):
            if p - 1 >= lo and toks[p - 1].low in lx.PHRASAL:
                return "none"
            return "up" if low == "up" else "down"
        if low in lx.UP_WORDS and low not in ("above", "more", "profit", "profits", "surplus"):
            return "up"
        if low in lx.DOWN_WORDS and low not in ("below", "less", "fewer", "deficit", "loss",
                                               "losses"):
            return "down"
    q = j + 1
    if q < hi:
        low = toks[q].low
        if low in ("higher", "up", "rise", "increase", "gain", "jump", "above", "more",
                   "hike", "growth", "surge"):
            return "up"
        if low in ("lower", "down", "fall", "drop", "decline", "loss", "cut", "below", "less",
                   "fewer", "reduction", "slump", "dip"):
            return "down"
    return "none"


def _frame(sent: _Sentence, fi: int, f: Figure) -> Frame:
    source = f.attributed_to or ""
    if f.kind in _NO_MEASURE_KINDS:
        return Frame(source=source)
    toks = sent.toks
    i, j = _figure_tokens(sent, fi, f)
    if i >= len(toks):
        return Frame(source=source)
    clause = sent.clause[i]
    lo = i
    while lo > 0 and sent.clause[lo - 1] == clause:
        lo -= 1
    hi = j + 1
    while hi < len(toks) and sent.clause[hi] == clause:
        hi += 1

    measure = scope = caps = ""
    kind = f.kind
    if kind in ("count", "vague", "ordinal", "range", "score", "age"):
        measure, caps, _ = _measure_right(sent, j, hi)
        if measure:
            p = _skip_hedges_left(toks, i - 1)
            if p >= lo and toks[p].low in lx.EVENTS_ACTIVE and " " not in measure:
                measure += " " + toks[p].low  # "killed 40 people" -> "people killed"
        elif toks[j + 1].low == "of" if j + 1 < hi else False:
            measure = _measure_after_prep(sent, j, hi, frozenset({"of"}))
    elif kind == "percent":
        measure = _measure_after_prep(sent, j, hi, frozenset({"of"}))
        if measure in lx.DENOMINATORS:
            measure = ""
    elif kind == "money":
        measure = _measure_after_prep(sent, j, hi, frozenset({"in", "off", "of"}))
    if not measure:
        measure, scope = _measure_left(sent, i, lo)
    if not measure:
        measure, caps2 = _subject_measure(f.subject)
        caps = caps or caps2
    if not scope:
        scope = _locative(sent, i, j, lo, hi, source)
    if not scope:
        # An owner anywhere before the figure in its clause ("Acme's profit rose 5% to ...").
        for k in range(lo, i):
            t = toks[k]
            if t.word and t.text[0].isupper() and t.text.endswith(_POSSESSIVE):
                scope = _strip_possessive(t.text)
                break
    scope = scope or caps

    base_after = _comparison_base_after(sent, j, hi)
    time, time_iso = _time(sent, fi, i, j, clause, base_after)
    modality = _modality(sent, f, i, j, lo, hi, time_iso)
    direction = "none" if _is_base(sent, i) else _direction(sent, i, j, lo, hi)
    return Frame(measure, scope, time, time_iso, source, modality, direction)


def frame_for_figures(text: str, published: dt.date | None,
                      figures: Sequence[Figure]) -> list[Frame]:
    """One frame per figure, in order. Figures of one sentence are read together."""
    out: list[Frame] = []
    n = len(figures)
    a = 0
    while a < n:
        ss, se = figures[a].sentence_start, figures[a].sentence_end
        b = a + 1
        while b < n and figures[b].sentence_start == ss and figures[b].sentence_end == se:
            b += 1
        group = list(figures[a:b])
        if se <= ss:  # no sentence known: the whole text
            ss, se = 0, len(text)
        sent = _Sentence(text[ss:se], ss, group, published)
        for fi, f in enumerate(group):
            out.append(_frame(sent, fi, f))
        a = b
    return out


_set_frame = object.__setattr__


def add_frames(doc: Document, figures: list[Figure]) -> list[Figure]:
    """Set each figure's ``frame`` (in place: the figures are the engine's fresh objects,
    and ``frame`` is outside equality and hash) and return the list."""
    for f, frame in zip(figures, frame_for_figures(doc.text, doc.published, figures)):
        _set_frame(f, "frame", frame)
    return figures


# ------------------------------------------------------------------ comparing frames
def _fold(phrase: str) -> str:
    words = []
    for w in phrase.lower().replace("’", "'").split():
        w = w.strip(".,'")
        if w in lx.DETERMINERS:
            continue
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def _text_slot(a: str, b: str) -> str:
    if not a or not b:
        return UNKNOWN
    return SAME if _fold(a) == _fold(b) else DIFFERENT


def _scope_slot(a: str, b: str) -> str:
    if not a or not b:
        return UNKNOWN
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return SAME
    # "Kursk" and "Kursk region": one names the other.
    sa, sb = set(fa.split()), set(fb.split())
    if sa <= sb or sb <= sa:
        return SAME
    return DIFFERENT


def _time_slot(a: Frame, b: Frame) -> str:
    if a.time_iso and b.time_iso:
        if a.time_iso == b.time_iso:
            return SAME
        x, y = a.time_iso.split("/")[0], b.time_iso.split("/")[0]
        if x.startswith(y) or y.startswith(x):
            return UNKNOWN  # one period holds the other ("2026-03" and "2026-03-03")
        return DIFFERENT
    if a.time and b.time and _fold(a.time) == _fold(b.time):
        return SAME
    return UNKNOWN


def _source_slot(a: str, b: str) -> str:
    if not a or not b:
        return UNKNOWN
    fa, fb = _fold(a).split(), _fold(b).split()
    if fa == fb or fa[-1] == fb[-1]:  # "Ana Reyes" and "Reyes"
        return SAME
    return DIFFERENT


def _frame_of(x: Frame | Figure) -> Frame | None:
    return x.frame if isinstance(x, Figure) else x


def compare_frames(a: Frame | Figure | None, b: Frame | Figure | None) -> dict[str, str]:
    """Slot by slot agreement of two frames (or of two figures' frames): for each of
    measure, scope, time, source, modality, direction, "same", "different" or "unknown"
    (a slot absent on either side; a period that holds the other)."""
    fa = _frame_of(a) if a is not None else None
    fb = _frame_of(b) if b is not None else None
    if fa is None or fb is None:
        return dict.fromkeys(SLOTS, UNKNOWN)
    return {
        "measure": _text_slot(fa.measure, fb.measure),
        "scope": _scope_slot(fa.scope, fb.scope),
        "time": _time_slot(fa, fb),
        "source": _source_slot(fa.source, fb.source),
        "modality": _text_slot(fa.modality, fb.modality),
        "direction": _text_slot(fa.direction, fb.direction),
    }
