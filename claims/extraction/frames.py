"""Figure frames: what each figure is a figure of (measure, scope, time, source, modality,
direction), read from its sentence after the engine has found the figures.

``add_frames(doc, figures)`` returns the figures with ``frame`` set; ``compare_frames(a, b)``
says slot by slot whether two frames agree ("same"), disagree ("different") or cannot be
told apart ("unknown"), for the cross-checker's alignment.

Cost: one tokenization per sentence that holds figures (``str.split``; each token's
lowercase form, capitalisation and clause role looked up in token caches by ``map``, at C
speed), the sentence's key words, time phrases, clause limits, owners, places and comparison
bases found once (the last few on first need), then a bounded walk (a dozen tokens) around
each figure. No regex runs per figure; nothing here is quadratic in the sentence.

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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress

from . import frame_lexicon as lx
from .types import Document, Figure, Frame, new_frame

__all__ = ["DIFFERENT", "SAME", "UNKNOWN", "add_frames", "compare_frames", "frame_for_figures"]

SAME, DIFFERENT, UNKNOWN = "same", "different", "unknown"
SLOTS = ("measure", "scope", "time", "source", "modality", "direction")

_MARK = "\x00"  # a figure's place in a sentence's token lists
_STRIP = ",.;:!?()[]{}\"“”‘’'«»…*"
_POSSESSIVE = ("'s", "’s")
_NO_MEASURE_KINDS = frozenset({"date", "year", "time"})
_DATE_KINDS = frozenset({"date", "year"})
_COUNT_KINDS = frozenset({"count", "vague", "ordinal", "range", "score", "age", "duration"})
# kinds whose engine subject is the noun they count ("8,000 troops", "1,200 casualties a day")
_SUBJECT_KINDS = frozenset({"count", "rate", "range"})
_CLAUSE_WORDS = frozenset(
    {"but", "while", "whereas", "although", "though", ";", ":", "—", "–", "-"}
)
_CLAUSE_OR_AND = _CLAUSE_WORDS | {"and"}
# "and" starts a clause before an auxiliary or a finite verb ("and has released", "and hopes
# to"), not before a bare verb sharing the first one's auxiliary ("would add ... and save").
_CLAUSE_VERBS = (
    lx.AUXILIARIES
    - {
        "now",
        "still",
        "only",
        "just",
        "also",
        "already",
        "yet",
        "then",
        "not",
        "reportedly",
        "officially",
        "currently",
    }
) | frozenset(v for v in lx.VERBS | lx.TARGET_CUES | lx.FORECAST_CUES if v.endswith(("s", "ed")))
_AFTER_COMMA = frozenset({"and", "but", "while", "whereas", "although", "though", "which"})
_COMPARISON_BASE = frozenset({"from", "than", "against", "versus", "vs", "with"})
_NOT_NOUN = (
    lx.DETERMINERS
    | lx.PREPOSITIONS
    | lx.AUXILIARIES
    | lx.CONJUNCTIONS
    | lx.PRONOUNS
    | lx.VERBS
    | lx.HEDGES
    | lx.NUMBER_WORDS
    | lx.PERIOD_WORDS
    | {"per", "cent", "percent", "pc", "that", "said", "says", ""}
)
# After "in", "of", "off" a verb form is a noun ("in costs", "of cuts").
_NOT_NOUN_AFTER_PREP = _NOT_NOUN - lx.VERBS
_SKIP_LEFT = (
    lx.HEDGES
    | lx.AUXILIARIES
    | lx.VERBS
    | lx.PREPOSITIONS
    | lx.NUMBER_WORDS
    | lx.UNIT_NOUNS
    | {"per", "cent", "percent", "pc", _MARK}
)
_TIME_SKIP = lx.MONTHS | lx.WEEKDAYS
_LOCATIVE_OR_OF = lx.LOCATIVES | {"of", "for"}
_EVENT_AUX = lx.AUXILIARIES | {"reported", "confirmed", "feared", "believed", "presumed"}
# An -ing verb right before one of these is the verb of the figure ("slipping back to 3%").
_AFTER_ING_VERB = frozenset({"up", "down", "to", "by", "at", "past", "higher", "lower", _MARK})
_LEFT_PERIOD = lx.TIME_NOUNS | lx.PERIOD_WORDS | lx.DETERMINERS | lx.MONTHS | lx.WEEKDAYS
_SKIP_LEFT_OR_PERIOD = _SKIP_LEFT | _LEFT_PERIOD
_CUES = {
    **dict.fromkeys(lx.ESTIMATE_CUES, "estimate"),
    **dict.fromkeys(lx.FORECAST_CUES, "forecast"),
    **dict.fromkeys(lx.TARGET_CUES, "target"),
}
_HEDGE_WORDS = lx.word_set(
    "about around roughly approximately nearly almost some over just under estimated further "
    "another additional extra circa only a an"
)
# Two-word hedges, by their last word: "at least", "up to", "more than", "close to".
_HEDGE_PAIRS: dict[str, frozenset[str]] = {
    "least": frozenset({"at"}),
    "most": frozenset({"at"}),
    "to": frozenset({"up", "close"}),
    "than": frozenset({"more", "less", "fewer", "greater", "higher", "lower"}),
}
_HEDGE_STARTS = _HEDGE_WORDS | frozenset(_HEDGE_PAIRS)
_UP_BEFORE = lx.UP_WORDS - {"above", "more", "profit", "profits", "surplus"}
_DOWN_BEFORE = lx.DOWN_WORDS - {"below", "less", "fewer", "deficit", "loss", "losses"}
# A word before the figure that can say its direction (``_direction``).
_DIRECTION_BEFORE = (
    frozenset({"to", "from", "at", "of", "by", "up", "down"}) | _UP_BEFORE | _DOWN_BEFORE
)
_UP_NOUN = lx.UP_WORDS - {"above", "more"}
_DOWN_NOUN = lx.DOWN_WORDS - {"below", "less", "fewer"}
_UP_AFTER = frozenset(
    {"higher", "up", "rise", "increase", "gain", "jump", "above", "hike", "growth", "surge"}
)
_DOWN_AFTER = frozenset(
    {
        "lower",
        "down",
        "fall",
        "drop",
        "decline",
        "loss",
        "cut",
        "below",
        "reduction",
        "slump",
        "dip",
    }
)
_OWN_PRONOUNS = frozenset({"the", "its", "their", "his", "her", "our"})
# A sentence runs the time-phrase regex only if one of its words can start or end a phrase
# (C-level set test); with punctuation variants, as split() leaves it attached.
_TIME_KEYS = frozenset(v for w in lx.TIME_KEYWORDS for v in (w, w + ",", w + ".", w + ";"))
_DATE_KEYS = frozenset(v for w in lx.MONTHS | lx.WEEKDAYS for v in (w, w + ",", w + ".", w + ";"))
_COMMON_KEYS = frozenset(v for w in lx.TIME_COMMON_KEYWORDS for v in (w, w + ",", w + ".", w + ";"))
_LOCATIVES = lx.LOCATIVES
_TIME_PHRASE = re.compile(lx.TIME_PHRASES)
# _TIME_PHRASE as run: each phrase (group 1) after the character before it, over " " +
# the sentence. Every phrase opens with \b and a letter, so that character is a non-word
# one; a pattern opening with a character class lets the regex engine skip to such
# places instead of trying each phrase at every position. Finds what _TIME_PHRASE finds
# (tests/claims/extraction/test_frames.py).
_TIME_PHRASE_AFTER = re.compile(rf"[\W]({lx.TIME_PHRASES})")
_NON_SPACE = re.compile(r"\S+")
# Every walk around a figure stays within this many tokens of it, so a sentence of
# thousands of figures costs linear time (tests/claims/extraction/test_pathological.py).
_WINDOW = 30


class _TokenCache(dict):
    """Raw token -> a value computed once (``__missing__``): looked up by ``map`` at C
    speed. Cleared when it grows past ``limit`` (vocabulary repeats; numbers are marks)."""

    def __init__(self, fn, limit: int = 1 << 16) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, w: str):
        v = self.fn(w)
        if len(self) >= self.limit:
            self.clear()
        self[w] = v
        return v


# Lowercased, punctuation stripped.
_LOW = _TokenCache(lambda w: w.lower().strip(_STRIP))
_ESTIMATE_QUALIFIER = _TokenCache(lambda q: q.lower() in lx.ESTIMATE_QUALIFIERS)
_UPPER1 = _TokenCache(lambda w: w[:1].isupper())
# May start or end a clause: ends in , ; : or is a clause word or "and".
_CLAUSE_CANDIDATE = _TokenCache(
    lambda w: w[-1] in ",;:" or w.lower().strip(_STRIP) in _CLAUSE_OR_AND
)


class _Sentence:
    """One sentence as parallel token lists, built once from the text between its figures
    (``str.split``: C speed, no regex): ``raw`` (as written), ``low`` (lowercase,
    punctuation stripped); a figure is one ``_MARK`` token at ``at[k]``. ``starts``: the
    first token of each clause; ``times``: the sentence's dates and written periods."""

    __slots__ = (
        "at",
        "bases",
        "cap",
        "clause_times",
        "cues",
        "figs",
        "low",
        "owners",
        "places",
        "pub_iso",
        "published",
        "raw",
        "starts",
        "times",
    )

    def __init__(
        self,
        text: str,
        ss: int,
        se: int,
        figs: Sequence[Figure],
        published: dt.date | None,
        pub_iso: str = "",
    ) -> None:
        self.figs = figs
        self.published = published
        self.pub_iso = pub_iso or (published.isoformat() if published is not None else "")
        raw: list[str] = []
        at: list[int] = []
        dated: list[int] = []  # figures that are dates (times of the sentence)
        pos = ss
        for k, f in enumerate(figs):
            start = f.start
            if start > pos:
                raw += text[pos:start].split()
            at.append(len(raw))
            raw.append(_MARK)
            if f.end > pos:
                pos = f.end
            kind = f.kind
            if kind in _DATE_KINDS or (
                kind == "range" and isinstance(f.value, tuple) and isinstance(f.value[0], str)
            ):
                dated.append(k)
        if se > pos:
            raw += text[pos:se].split()
        low = list(map(_LOW.__getitem__, raw))
        # Capitalised and not just the sentence's first word (all-caps counts: "GDP").
        cap = list(map(_UPPER1.__getitem__, raw))
        if raw and cap[0]:
            cap[0] = raw[0].isupper()
        self.cap = cap
        self.raw, self.low, self.at = raw, low, at
        # Does any word end in "'s" (an owner: "Acme's")? One C-level search per sentence.
        owners: list[int] = []
        if text.find("'s", ss, se) >= 0 or text.find("’s", ss, se) >= 0:
            owners = [m for m, r in enumerate(raw) if r.endswith(_POSSESSIVE) and r[:1].isupper()]
        self.owners = owners
        # The sentence's words of any list below, in one pass; each list tests this.
        keys = _KEY_WORDS.intersection(low)
        # Places need a locative word and a capitalised word after it.
        self.places: list[int] | None = (
            None if not _LOCATIVES.isdisjoint(keys) and True in cap else []
        )
        self.cues = not _MODALITY_WORDS.isdisjoint(keys)
        # Clause starts (token indices): at ";" ":" dashes, "but", "while"..., and after a
        # comma followed by "and", "but", "which"... Candidates picked at C speed.
        n = len(raw)
        after = _AFTER_COMMA
        starts = [0]
        for i in compress(range(n), map(_CLAUSE_CANDIDATE.__getitem__, raw)):
            w = raw[i]
            if low[i] == "and":  # "... and has released": a new clause with its own verb
                if i + 1 < n and low[i + 1] in _CLAUSE_VERBS:
                    starts.append(i)
            elif low[i] in _CLAUSE_WORDS:
                starts.append(i)
            elif i + 1 < n and (w[-1] != "," or low[i + 1] in after) and w != _MARK:
                starts.append(i + 1)
        self.starts = starts
        # Times: (first token, last token, text, iso).
        times: list[tuple[int, int, str, str]] = []
        for k in dated:
            f = figs[k]
            iso = "/".join(map(str, f.value)) if isinstance(f.value, tuple) else str(f.value)
            i = at[k]
            times.append(self._with_preposition(i, i, f.surface, iso, f.start, text))
        run = not _TIME_KEYS.isdisjoint(keys) or (
            published is None and not _DATE_KEYS.isdisjoint(keys)
        )
        sent_low = ""
        if not run and not _COMMON_KEYS.isdisjoint(keys):
            sent_low = text[ss:se].lower()
            run = "for the " in sent_low or "on the " in sent_low
        if run:
            sent_low = sent_low or text[ss:se].lower()
            offsets: list[int] = []
            date_spans = [(f.start, f.end) for f in figs if f.kind in _DATE_KINDS]
            for m in _TIME_PHRASE_AFTER.finditer(" " + sent_low):
                s, e = m.start(1) - 1 + ss, m.end(1) - 1 + ss  # (offsets in " " + sent_low)
                d = bisect_right(date_spans, (e,))
                if d and date_spans[d - 1][1] > s:
                    continue  # inside a date the engine read
                if not offsets:
                    offsets = self._offsets(text, ss, se)
                i = bisect_right(offsets, s) - 1
                j = bisect_right(offsets, e - 1) - 1
                if 0 <= i < len(raw):
                    times.append((i, max(i, min(j, len(raw) - 1)), text[s:e], ""))
            times.sort()
        self.times = times
        self.clause_times: dict[int, list[tuple[int, int, str, str]]] | None = None
        self.bases: list[int] | None = None

    def _offsets(self, text: str, ss: int, se: int) -> list[int]:
        """Start offset of each token (a figure's at its start); built only for sentences
        with written periods. ``\\S+`` splits as ``str.split`` does."""
        offsets: list[int] = []
        pos = ss
        for f in self.figs:
            if f.start > pos:
                offsets += [m.start() for m in _NON_SPACE.finditer(text, pos, f.start)]
            offsets.append(f.start)
            if f.end > pos:
                pos = f.end
        if se > pos:
            offsets += [m.start() for m in _NON_SPACE.finditer(text, pos, se)]
        return offsets

    def _with_preposition(
        self, i: int, j: int, surface: str, iso: str, start: int, text: str
    ) -> tuple[int, int, str, str]:
        low = self.low
        if i > 0 and low[i - 1] in lx.TIME_PREPOSITIONS:
            i -= 1
            if i > 0 and low[i - 1] == "as" and low[i] == "of":
                i -= 1
                return i, j, "as of " + surface, iso
            return i, j, self.raw[i].strip(_STRIP) + " " + surface, iso
        return i, j, surface, iso


def _word(w: str) -> str:
    return w.strip(_STRIP)


def _skip_hedges_left(low: list[str], i: int) -> int:
    """Index of the first token before ``i`` that is not part of a hedge or an article."""
    while i >= 0:
        w = low[i]
        if w in _HEDGE_WORDS:
            i -= 1
        elif w in _HEDGE_PAIRS and i > 0 and low[i - 1] in _HEDGE_PAIRS[w]:
            i -= 2
        else:
            break
    return i


def _nouny(w: str) -> bool:
    return (
        bool(w) and w[0].isalpha() and w not in _NOT_NOUN and not w.endswith("ly") and "/" not in w
    )


_NOUNY = _TokenCache(_nouny)


# A word of a measure right of its figure: a noun, not a period.
_NOUN_RIGHT = _TokenCache(lambda w: _nouny(w) and w not in lx.TIME_NOUNS)
# A word of a measure left of its figure: a noun, not a period or a month.
_NOUN_LEFT = _TokenCache(lambda w: _nouny(w) and w not in lx.TIME_NOUNS and w not in lx.MONTHS)
# Left walk: 1 skipped, 2 skipped unless capitalised (an -ly adverb), 0 stops the skipping.
_LEFT_SKIP = _TokenCache(
    lambda w: 1 if w in _SKIP_LEFT_OR_PERIOD or not w else 2 if w.endswith("ly") else 0
)


def _cap_run_right(raw: list[str], low: list[str], cap: list[bool], i: int, limit: int) -> str:
    """A capitalised name starting at ``i`` ("Spain and Portugal", "Borno state")."""
    j = i
    end = -1
    while j < limit and cap[j] and low[j] not in _TIME_SKIP:
        end = j
        w = raw[j]
        if w.endswith(_POSSESSIVE) or w[-1] in ",;:.":
            break
        j += 1
        if j + 1 < limit and low[j] in ("and", "of") and cap[j + 1]:
            j += 1
    if end < 0:
        return ""
    if end + 1 < limit and low[end + 1] in lx.PLACE_TAILS and raw[end][-1] not in ",;:.":
        end += 1
    name = _word(" ".join(raw[i : end + 1]))
    return name[:-2] if name.endswith(_POSSESSIVE) else name


def _measure_right(s: _Sentence, j: int, limit: int) -> tuple[str, str]:
    """Noun phrase right after a count: (measure, capitalised modifiers)."""
    raw, low, cap = s.raw, s.low, s.cap
    k = j + 1
    while k < limit and low[k] in ("more", "further", "additional"):
        k += 1
    words: list[str] = []
    caps: list[str] = []
    last = j
    while k < limit and len(words) < 4:
        w = low[k]
        if raw[k][0] in "([":
            break
        if cap[k] and not words and w not in lx.MONTHS and w not in _NOT_NOUN:
            caps.append(_word(raw[k]))
        elif _NOUN_RIGHT[w] and not cap[k]:
            words.append(w)
        else:
            break
        last = k
        if raw[k][-1] in ",;:.":
            break
        k += 1
    if words and words[0] in lx.UNIT_NOUNS:
        return "", ""  # "612 points": a unit; the measure is on the left
    if not words:
        if not caps:
            # "50 (were) feared dead", "7 more are missing": the casualty word is the measure.
            k = j + 1
            while k < limit and k < j + 5 and (low[k] in _EVENT_AUX or low[k] == "more"):
                k += 1
            if k < limit and low[k] in lx.EVENTS and k > j + 1:
                return low[k], ""
            return "", ""
        words = [caps.pop().lower()]  # "40 Rhovan troops" had only capitals
    # A casualty word after it: "people (were) killed", "coaches derailed".
    k = last + 1
    if raw[last][-1] not in ",;:.":
        while k < limit and k < last + 4 and low[k] in _EVENT_AUX:
            k += 1
        if k < limit and low[k] in lx.EVENTS and low[k] not in words:
            words.append(low[k])
    return " ".join(words), " ".join(caps)


def _measure_left(s: _Sentence, i: int, lo: int) -> tuple[str, str]:
    """The noun phrase a value is of, walking left from the figure at token ``i``: over
    hedges, verbs, prepositions and other figures, then up to four nouns. Returns
    (measure, scope found on the way: an owner or a place)."""
    raw, low, cap = s.raw, s.low, s.cap
    k = i - 1
    steps = 0
    scope = ""
    skip = _LEFT_SKIP
    while k >= lo and steps < 10:
        w = low[k]
        # Hedges, verbs, other figures...; periods: "sales for the half were $1.20";
        # adverbs in -ly unless capitalised.
        c = skip[w]
        if c == 1 or (c == 2 and not cap[k]):
            k -= 1
            steps += 1
            continue
        if w.endswith("ing") and k + 1 < len(low) and low[k + 1] in _AFTER_ING_VERB:
            k -= 1  # "the jobless rate slipping back to 3.8%"
            steps += 1
            continue
        if cap[k] and not raw[k].endswith(_POSSESSIVE):
            # "Shares in Brightwell fell": a place after a preposition is the scope.
            m = k
            while m - 1 >= lo and cap[m - 1] and low[m - 1] != _MARK:
                m -= 1
            if m - 1 >= lo and low[m - 1] in _LOCATIVE_OR_OF:
                scope = scope or _word(" ".join(raw[m : k + 1]))
                k = m - 2
                steps += 2
                continue
            if m - 2 >= lo and low[m - 1] == "the" and low[m - 2] in lx.LOCATIVES:
                scope = scope or _word(" ".join(raw[m : k + 1]))
                k = m - 3
                steps += 3
                continue
        break
    if k < lo:
        return "", scope
    words: list[str] = []
    while k >= lo and len(words) < 4:
        w = low[k]
        r = raw[k]
        if words and r[-1] in ",;:":
            break
        if r.endswith(_POSSESSIVE):
            if words and r[0].isupper():
                scope = r[:-2]
            break
        if w == "per" and words and k - 1 >= lo and _NOUNY[low[k - 1]]:
            words.append("per")
        elif _NOUN_LEFT[w]:
            if words and cap[k] and w not in lx.WEEKDAYS:  # "North Korean troops"
                scope = scope or _word(r)
                k -= 1
                continue
            words.append(w)
        else:
            break
        k -= 1
    words.reverse()
    return " ".join(words), scope


def _measure_after_prep(s: _Sentence, j: int, limit: int, preps: frozenset[str]) -> str:
    """ "$725m in military aid", "52% of the vote", "£400m off its market value"."""
    raw, low, cap = s.raw, s.low, s.cap
    k = j + 1
    if k >= limit or low[k] not in preps or raw[j][-1] in ",;:":
        return ""
    k += 1
    while k < limit and (low[k] in _OWN_PRONOUNS or low[k] == _MARK):
        k += 1
    words = []
    caps = 0
    while (
        k < limit
        and not words
        and caps < 3
        and cap[k]
        and k + 1 < limit
        and low[k] not in lx.MONTHS
    ):
        k += 1  # "of its five cup final penalties"
        caps += 1
    while k < limit and len(words) < 3:
        if low[k] in lx.TIME_NOUNS:
            return ""
        w = low[k]
        if not w or not w[0].isalpha() or w in _NOT_NOUN_AFTER_PREP or cap[k]:
            break
        words.append(w)
        if raw[k][-1] in ",;:.":
            break
        k += 1
    if not words and k < limit and raw[k].isupper() and raw[k][:1].isalpha():
        words.append(low[k])  # "of GDP"
    return " ".join(words)


def _measure_noun_after(s: _Sentence, i: int, hi: int) -> str:
    """ "a 5% stake", "65% gross margin"; through a change noun: "a 3% rise in rents"."""
    low = s.low
    if i + 1 >= hi or not _NOUNY[low[i + 1]] or s.raw[i][-1] in ",;:":
        return ""
    measure, _ = _measure_right(s, i, hi)
    if measure.split(" ", 1)[0] in lx.CHANGE_NOUNS:
        return _measure_after_prep(s, i + 1, hi, _IN_OF) if i + 2 < hi else ""
    return measure


def _subject_measure(subject: str | None) -> tuple[str, str]:
    """(measure, capitalised modifiers) of the engine's subject ("8,000 Rhovan troops"):
    subjects repeat, so each is read once."""
    if not subject:
        return "", ""
    got = _SUBJECT_MEASURES.get(subject)
    if got is None:
        got = _SUBJECT_MEASURES[subject] = _read_subject(subject)
        if len(_SUBJECT_MEASURES) > 4096:
            _SUBJECT_MEASURES.clear()
    return got


_SUBJECT_MEASURES: dict[str, tuple[str, str]] = {}


def _read_subject(subject: str) -> tuple[str, str]:
    parts = subject.split()
    last = parts[-1]
    if not last[0].isalpha() or last.lower() in _NOT_NOUN:
        return "", ""
    caps = [p for p in parts[:-1] if p[0].isupper()]
    rest = [p.lower() for p in parts[:-1] if not p[0].isupper()]
    rest = [p for p in rest if p not in lx.DETERMINERS and p not in lx.HEDGES]
    rest.append(last.lower())
    return " ".join(rest), " ".join(caps)


def _places(s: _Sentence) -> list[int]:
    """Tokens of the sentence that are in/at/across/near/from before a capitalised word
    ("in Kursk", "in the Lok Sabha"): computed once per sentence, on first need."""
    raw, low, cap = s.raw, s.low, s.cap
    n = len(raw)
    places = []
    for k in compress(range(n), map(_LOCATIVES.__contains__, low)):
        m = k + 2 if k + 1 < n and low[k + 1] == "the" else k + 1
        if m < n and cap[m]:
            places.append(k)
    s.places = places
    return places


def _locative(s: _Sentence, i: int, lo: int, hi: int, source: str) -> str:
    """Nearest capitalised place after in/at/across/near/from in the clause: right of the
    figure first (other figures may sit between), then left without crossing a figure."""
    places = s.places if s.places is not None else _places(s)
    if not places:
        return ""
    raw, low = s.raw, s.low
    n = bisect_right(places, i)
    for k in places[n:]:
        if k >= hi or k > i + 10:
            break
        m = k + 2 if low[k + 1] == "the" else k + 1
        if m < hi:
            name = _cap_run_right(raw, low, s.cap, m, hi)
            if name and name != source:
                return name
    left = max(lo, i - 12)
    at, figs = s.at, s.figs
    for k in reversed(places[:n]):
        if k < left:
            break
        if any(
            figs[m].kind not in _DATE_KINDS for m in range(bisect_right(at, k), bisect_left(at, i))
        ):
            break  # a place before another value is that one's
        m = k + 2 if low[k + 1] == "the" else k + 1
        if m < i:
            name = _cap_run_right(raw, low, s.cap, m, i)
            if name and name != source:
                return name
    return ""


def _clause_times(s: _Sentence) -> dict[int, list[tuple[int, int, str, str]]]:
    """The sentence's times by clause (a time across a clause limit is in both), in order;
    computed once per sentence, on first need. "the lowest since 2001" dates the
    comparison, not a figure: left out."""
    by_clause: dict[int, list[tuple[int, int, str, str]]] = {}
    starts = s.starts
    low = s.low
    for t in s.times:
        ti, tj, text, _ = t
        if ti > 0 and text[:6] == "since " and low[ti - 1].endswith("est"):
            continue
        ci = bisect_right(starts, ti)
        by_clause.setdefault(ci, []).append(t)
        cj = bisect_right(starts, tj)
        if cj != ci:
            by_clause.setdefault(cj, []).append(t)
    s.clause_times = by_clause
    return by_clause


def _time(s: _Sentence, i: int, hi: int, times: list[tuple[int, int, str, str]]) -> tuple[str, str]:
    """Nearest time in the clause (``times``: the clause's) and the window. A time after a
    comparison base of another figure ("up from $1.25 a year earlier") is that figure's."""
    best = ("", "")
    best_d = 1 << 30
    base_after = -2  # not looked for yet
    at = s.at
    figs = s.figs
    last = i + _WINDOW
    for n in range(bisect_right(times, (i - _WINDOW,)), len(times)):
        ti, tj, text, iso = times[n]
        if ti > last:
            break
        if ti <= i <= tj:
            continue  # the figure itself (a date)
        if ti > i:
            if base_after == -2:
                base_after = _comparison_base_after(s, i, hi)
            if 0 <= base_after < ti:
                continue
            if s.low[ti] in _COMPARISON_BASE and any(
                figs[m].kind not in _DATE_KINDS
                for m in range(bisect_right(at, i), bisect_right(at, ti - 1))
            ):
                continue  # "$37, up 4% from a year earlier": the base of the other figure
            d = ti - i
        else:
            d = i - tj
        if d < best_d:
            best, best_d = (text, iso), d
    return best


def _comparison_base_after(s: _Sentence, i: int, hi: int) -> int:
    """Token of the next figure after ``i`` in the clause written as a comparison base
    ("from", "than", "compared with"), or -1."""
    bases = s.bases
    if bases is None:  # the sentence's figures written as a base, found once
        low = s.low
        bases = s.bases = []
        for k in s.at:
            p = _skip_hedges_left(low, k - 1)
            if p >= 0 and low[p] in _COMPARISON_BASE:
                bases.append(k)
    n = bisect_right(bases, i)
    return bases[n] if n < len(bases) and bases[n] < hi else -1


def _modality(s: _Sentence, f: Figure, i: int, p: int, lo: int, hi: int, time_iso: str) -> str:
    if not s.cues:
        return _modality_rest(s, f, time_iso)
    low = s.low
    cues = _CUES
    if _MODALITY_WORDS.isdisjoint(low[lo:i]) and _MODALITY_WORDS.isdisjoint(low[i + 1 : i + 7]):
        return _modality_rest(s, f, time_iso)
    for k in range(i - 1, lo - 1, -1):
        w = low[k]
        cue = cues.get(w)
        if cue and not (k > 0 and low[k - 1] in _NOT_CUE_AFTER):
            return cue
        if w in lx.HISTORICAL_CUES and _historical(low, k):
            return "historical"
        if w == "put" and p >= 0 and low[p] == "at":
            return "estimate"  # "put the toll at 40"
    raw = s.raw
    for k in range(i + 1, min(hi, i + 7)):
        w = low[k]
        if w == _MARK:
            break  # cues after another figure are that one's
        cue = cues.get(w)
        if (
            cue
            and not (k + 1 < hi and low[k + 1] in ("of", "for"))
            and low[k - 1] not in _NOT_CUE_AFTER
        ):
            return cue
        if w in lx.HISTORICAL_CUES and _historical(low, k):
            return "historical"
        if raw[k][-1] in ",;:":
            break
    return _modality_rest(s, f, time_iso)


def _modality_rest(s: _Sentence, f: Figure, time_iso: str) -> str:
    """Modality without a cue word: from the hedge, then from the period's date."""
    q = f.qualifier
    if q and _ESTIMATE_QUALIFIER[q]:
        return "estimate"
    if not time_iso:
        return "actual"
    key = (time_iso, s.pub_iso)
    modality = _PERIOD_MODALITY.get(key)
    if modality is None:
        modality = _period_modality(time_iso, s.published, s.pub_iso)
        if len(_PERIOD_MODALITY) > 4096:
            _PERIOD_MODALITY.clear()
        _PERIOD_MODALITY[key] = modality
    return modality


def _period_modality(time_iso: str, pub: dt.date | None, pub_iso: str) -> str:
    """ "historical" for a period ending three years or more before publication, "forecast"
    for one after it, else "actual"."""
    if pub is not None and time_iso[:4].isdigit():
        end = time_iso.rsplit("/", 1)[-1]
        if end[:4].isdigit() and int(end[:4]) <= pub.year - 3:
            return "historical"
        first = time_iso.split("/")[0]
        if first > pub_iso[: len(first)]:  # a period after publication
            return "forecast"
    return "actual"


# (time_iso, publication date) -> modality of the period: periods repeat in an article.
_PERIOD_MODALITY: dict[tuple[str, str], str] = {}


def _historical(low: list[str], k: int) -> bool:
    # "the record of 51C", "a record set in 1998" (not "a record 40,000": this one is new).
    if low[k] != "record":
        return True
    return k + 1 < len(low) and low[k + 1] in ("of", "was", "set", "is", "stands", "high", "low")


def _direction(s: _Sentence, i: int, p: int, lo: int, hi: int) -> str:
    low = s.low
    if p >= lo and low[p] in _DIRECTION_BEFORE:
        w = low[p]
        if w in ("to", "from", "at"):
            return "none"
        if w == "of":  # "a loss of $5m", "a rise of 4%"
            if p - 1 >= lo:
                noun = low[p - 1]
                if noun in _UP_NOUN:
                    return "up"
                if noun in _DOWN_NOUN:
                    return "down"
            return "none"
        if w == "by":  # "cut its key rate by 25 points": the verb a few words back
            for k in range(p - 1, max(lo - 1, p - 6), -1):
                v = low[k]
                if v in _UP_NOUN:
                    return "up"
                if v in _DOWN_NOUN:
                    return "down"
            return "none"
        if w == "up" or w == "down":
            if p - 1 >= lo and low[p - 1] in lx.PHRASAL:
                return "none"
            return w
        if w in _UP_BEFORE:
            return "up"
        if w in _DOWN_BEFORE:
            return "down"
    if i + 1 < hi:
        w = low[i + 1]
        if w in _UP_AFTER:
            return "up"
        if w in _DOWN_AFTER:
            return "down"
    return "none"


def _owner(s: _Sentence, lo: int, i: int) -> str:
    """The first owner before the figure in its clause ("Acme's profit rose 5% to ...")."""
    owners = s.owners
    x = bisect_left(owners, lo)
    return s.raw[owners[x]][:-2] if x < len(owners) and owners[x] < i else ""


def _counted_measure(s: _Sentence, f: Figure, i: int, hi: int) -> tuple[str, str]:
    """(measure, capitalised modifiers) of a count-like figure at token ``i``."""
    measure, caps = _measure_right(s, i, hi)
    if f.subject and f.kind in _SUBJECT_KINDS:
        # the engine's counted noun is the measure ("1,200 casualties a day"); the walk
        # adds only a casualty word after it ("coaches derailed")
        event = next((w for w in measure.split() if w in lx.EVENTS), "") if measure else ""
        measure, caps2 = _subject_measure(f.subject)
        caps = caps or caps2
        if measure and event and event not in measure.split():
            measure += " " + event
    return measure, caps


def _frame(s: _Sentence, k: int, f: Figure) -> Frame:
    source = f.attributed_to or ""
    kind = f.kind
    if kind in _NO_MEASURE_KINDS or (
        kind == "range" and isinstance(f.value, tuple) and isinstance(f.value[0], str)
    ):
        return _date_frame(source)
    raw, low = s.raw, s.low
    i = s.at[k]
    p = i - 1  # the word before the figure and its hedge
    if p >= 0 and low[p] in _HEDGE_STARTS:
        p = _skip_hedges_left(low, p)
    starts = s.starts
    clause = bisect_right(starts, i)
    lo = starts[clause - 1]
    if lo < i - _WINDOW:
        lo = i - _WINDOW
    hi = starts[clause] if clause < len(starts) else len(raw)
    if hi > i + _WINDOW:
        hi = i + _WINDOW

    measure = scope = caps = ""
    if kind in _COUNT_KINDS or kind == "rate":
        measure, caps = _counted_measure(s, f, i, hi)
        if measure:
            if p >= lo and low[p] in lx.EVENTS_ACTIVE and " " not in measure:
                measure += " " + low[p]  # "killed 40 people" -> "people killed"
        elif i + 1 < hi and low[i + 1] == "of":
            measure = _measure_after_prep(s, i, hi, _OF)
    elif kind == "percent":
        measure = _measure_after_prep(s, i, hi, _OF)
        if measure in lx.DENOMINATORS:
            measure = ""
        if not measure:
            measure = _measure_noun_after(s, i, hi)
    elif kind == "money":
        measure = _measure_after_prep(s, i, hi, _IN_OFF_OF) or _measure_noun_after(s, i, hi)
    elif kind == "measure":
        measure = _measure_after_prep(s, i, hi, _OF)
    if not measure and kind not in _RIGHT_ONLY_KINDS:
        measure, scope = _measure_left(s, i, lo)
    if not measure and kind not in _RIGHT_ONLY_KINDS:
        measure, caps2 = _subject_measure(f.subject)
        caps = caps or caps2
    if not scope and s.places != []:
        scope = _locative(s, i, lo, hi, source)
    if not scope and s.owners:
        scope = _owner(s, lo, i)
    scope = scope or caps

    time = time_iso = ""
    if s.times:
        by_clause = s.clause_times if s.clause_times is not None else _clause_times(s)
        times = by_clause.get(clause)
        if times:
            time, time_iso = _time(s, i, hi, times)
    modality = _modality(s, f, i, p, lo, hi, time_iso) if s.cues else _modality_rest(s, f, time_iso)
    sign = f.surface[:1]
    if sign in "+-−–" and sign and kind in _SIGNED_KINDS:
        direction = "up" if sign == "+" else "down"  # "+24%", "-30% Y/Y"
    elif p >= 0 and low[p] in _COMPARISON_BASE:
        direction = "none"  # "up from $1.25": the base of a change is a level
    else:
        direction = _direction(s, i, p, lo, hi)
    key = (measure, scope, time, time_iso, source, modality, direction)
    frame = _FRAMES.get(key)
    if frame is None:
        frame = _FRAMES[key] = new_frame(*key)
        if len(_FRAMES) > 4096:
            _FRAMES.clear()
    return frame


# Frames are immutable: figures with the same frame share one object.
_FRAMES: dict[tuple[str, ...], Frame] = {}
_OF = frozenset({"of"})
# Kinds whose measure is only the noun after them ("a 3-3 draw", "the second round"): the
# words before an ordinal, a score, an age or a duration are not what it measures.
_RIGHT_ONLY_KINDS = frozenset({"ordinal", "score", "age", "duration"})
_SIGNED_KINDS = frozenset({"percent", "money", "count", "measure", "rate"})
# "better than expected", "as forecast": the figure is compared with a forecast, not one.
_NOT_CUE_AFTER = frozenset({"than", "as"})
_MODALITY_WORDS = frozenset(_CUES) | lx.HISTORICAL_CUES | {"put"}
_KEY_WORDS = _TIME_KEYS | _DATE_KEYS | _COMMON_KEYS | _LOCATIVES | _MODALITY_WORDS
_IN_OFF_OF = frozenset({"in", "off", "of"})
_IN_OF = frozenset({"in", "of"})


def frame_for_figures(
    text: str, published: dt.date | None, figures: Sequence[Figure]
) -> list[Frame]:
    """One frame per figure, in order. Figures of one sentence are read together."""
    out: list[Frame] = []
    append = out.append
    pub_iso = published.isoformat() if published is not None else ""
    no_measure = _NO_MEASURE_KINDS
    n = len(figures)
    a = 0
    while a < n:
        f = figures[a]
        ss, se = f.sentence_start, f.sentence_end
        b = a + 1
        dates_only = f.kind in no_measure
        while b < n:
            g = figures[b]
            if g.sentence_start != ss or g.sentence_end != se:
                break
            if dates_only and g.kind not in no_measure:
                dates_only = False
            b += 1
        group = figures[a:b]
        a = b
        if dates_only:
            for f in group:  # dates only: nothing to read around them
                append(_date_frame(f.attributed_to or ""))
            continue
        if se <= ss:  # no sentence known: the whole text
            ss, se = 0, len(text)
        sent = _Sentence(text, ss, se, group, published, pub_iso)
        for k, f in enumerate(group):
            append(_frame(sent, k, f))
    return out


def _date_frame(source: str) -> Frame:
    """The frame of a date, a year or a time of day: only its source (frames are
    immutable, so figures with one source share one)."""
    frame = _DATE_FRAMES.get(source)
    if frame is None:
        frame = new_frame("", "", "", "", source, "actual", "none")
        if len(_DATE_FRAMES) < 1024:
            _DATE_FRAMES[source] = frame
    return frame


_DATE_FRAMES: dict[str, Frame] = {}


_set_frame = object.__setattr__


def add_frames(doc: Document, figures: list[Figure]) -> list[Figure]:
    """Set each figure's ``frame`` (in place: the figures are the engine's fresh objects,
    and ``frame`` is outside equality and hash) and return the list."""
    for f, frame in zip(figures, frame_for_figures(doc.text, doc.published, figures), strict=True):
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
