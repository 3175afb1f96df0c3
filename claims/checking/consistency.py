"""In-article inconsistencies: figures in one article that cannot all be true.

Each check reads the figures of a sentence (and its neighbours) with the words
that tie them together ("from ... to", "of those", "split into", "a flight of"),
does the arithmetic and reports only clear mismatches, so a reviewer can trust
every flag.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from claims.checking.compare import _fmt, _fmt_duration
from claims.checking.model import Article, FigureRef, Finding
from claims.checking.quantities import Quantity, granularity, local_offset, quantity
from claims.checking.text import sentence_spans, stem
from claims.extraction.types import Figure


@dataclass(frozen=True, slots=True)
class Item:
    """A figure with its quantity and the index of its sentence."""

    figure: Figure
    q: Quantity
    sent: int

    @property
    def value(self) -> float:
        v = self.q.value
        return v if isinstance(v, float) else v[1]


@dataclass(frozen=True, slots=True)
class Context:
    article: Article
    items: tuple[Item, ...]
    sentences: tuple[tuple[int, int], ...]

    def ref(self, fig: Figure | tuple[int, int]) -> FigureRef:
        if isinstance(fig, tuple):
            return FigureRef(self.article.id, fig[0], fig[1])
        return FigureRef(self.article.id, fig.start, fig.end)

    def in_sentences(self, first: int, last: int) -> list[Item]:
        return [it for it in self.items if first <= it.sent <= last]

    def between(self, a: Figure, b: Figure) -> str:
        return self.article.text[min(a.end, b.end) : max(a.start, b.start)]


def build_context(article: Article) -> Context:
    text = article.text
    spans = sentence_spans(text)
    offset = local_offset(text)
    items = []
    for fig in sorted(article.figures, key=lambda f: f.start):
        q = quantity(fig, text, offset)
        if q is None:
            continue
        sent = next((i for i, (s, e) in enumerate(spans) if s <= fig.start < e), len(spans))
        items.append(Item(fig, q, sent))
    return Context(article, tuple(items), tuple(spans))


Check = Callable[[Context], Iterator[Finding]]


def _slack(*items: Item) -> float:
    """Rounding allowed in arithmetic: only for hedged figures ("about 1,200"); an
    unhedged 1,250 is read as exact, whatever its trailing zeros."""
    return sum(it.q.tol for it in items if it.q.hedged)


def check_article(article: Article) -> list[Finding]:
    ctx = build_context(article)
    out: list[Finding] = []
    seen: set[frozenset[FigureRef]] = set()
    for check in CHECKS:
        for f in check(ctx):
            key = frozenset(f.figures)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


# --------------------------------------------------------------------------- times


# "two hours ahead of GMT": a time-zone offset, not a span between two times
_ZONE_OFFSET_RE = re.compile(r"\s+(?:ahead\s+of|behind)\b", re.I)


def times_and_durations(ctx: Context) -> Iterator[Finding]:
    """Start and end times with a stated duration: "took off at 7:11, landed at 8:37,
    a flight of one hour and 36 minutes"."""
    times = [it for it in ctx.items if it.q.dim == "time"]
    text = ctx.article.text
    durations = [it for it in ctx.items if it.q.dim == "duration" and not it.q.vague
                 and not _ZONE_OFFSET_RE.match(text, it.figure.end)]
    for i, t1 in enumerate(times):
        for t2 in times[i + 1 :]:
            if t2.sent - t1.sent > 1 or t1.q.tz_known != t2.q.tz_known:
                continue
            if not t1.q.tz_known and t1.figure.unit != t2.figure.unit:
                continue
            elapsed = (t2.value - t1.value) % 86400
            for d in durations:
                if not t1.sent <= d.sent <= t2.sent + 1 or d.q.bound is not None:
                    continue
                if t1.figure.start < d.figure.start < t2.figure.start:
                    continue  # "began at 9:00, lasted three hours, lunch at 13:00"
                stated = d.value
                if not 0 < stated < 86400 or not 0.5 <= elapsed / stated <= 2:
                    continue  # another span of time: "four minutes of weightlessness"
                if abs(elapsed - stated) <= d.q.tol + t1.q.tol + t2.q.tol + 59:
                    continue
                why = (f"{t1.figure.surface} to {t2.figure.surface} is "
                       f"{_fmt_duration(elapsed)}, not the {d.figure.surface} stated")
                yield Finding("inconsistent", (ctx.ref(t1.figure), ctx.ref(t2.figure),
                                               ctx.ref(d.figure)), why)


def dates_and_durations(ctx: Context) -> Iterator[Finding]:
    """Two dates in one sentence with a stated span in days or weeks: "from March 1
    to March 4, a five-day visit". Counted both with and without the last day."""
    dates = [it for it in ctx.items if it.q.dim == "date" and isinstance(it.q.value, float)
             and it.q.precision == 3]
    durations = [it for it in ctx.items if it.q.dim == "duration" and not it.q.vague
                 and it.q.bound is None and 86400 <= it.value <= 366 * 86400]
    spans = [(d1, d2) for i, d1 in enumerate(dates) for d2 in dates[i + 1 :]
             if d2.sent == d1.sent and re.fullmatch(
                 r"\s*(?:to|until|till|through|and|-|–)\s*", ctx.between(d1.figure, d2.figure))]
    # one figure for the range: "from August 21 to 27"
    spans += [(r, r) for r in ctx.items if r.q.dim == "date" and isinstance(r.q.value, tuple)
              and r.q.precision == 3]
    for d1, d2 in spans:
        lo, hi = _day_span(d1, d2)
        days = hi - lo
        for d in durations:
            if d.sent != d1.sent:
                continue
            stated = d.value / 86400
            if days <= 0 or not 0.5 <= stated / (days + 1) <= 2:
                continue
            if min(abs(stated - days), abs(stated - days - 1)) <= d.q.tol / 86400 + 0.01:
                continue
            span = d1.figure.surface if d1 is d2 else f"{d1.figure.surface} to {d2.figure.surface}"
            why = (f"{span} is {days:.0f} days ({days + 1:.0f} counting both ends), "
                   f"not {d.figure.surface}")
            refs = (ctx.ref(d1.figure),) if d1 is d2 else (ctx.ref(d1.figure), ctx.ref(d2.figure))
            yield Finding("inconsistent", (*refs, ctx.ref(d.figure)), why)


def _day_span(d1: Item, d2: Item) -> tuple[float, float]:
    if d1 is d2 and isinstance(d1.q.value, tuple):
        return d1.q.value
    return d1.value, d2.value


# --------------------------------------------------------------------------- sums

_PARTITION_RE = re.compile(
    r"\b(?:split|divided|broken down|breaks down|made up of|consist(?:s|ed|ing)? of"
    r"|compris(?:e|es|ed|ing)|of those|of them|of whom|of which|of these|among them"
    r"|shared between|allocated|including)\b", re.I)
# a sentence that opens on the whole it breaks down: "Of the dead, 11 were passengers"
_OF_THE_WHOLE_RE = re.compile(r"\W*(?:of|among)\s+the\s+[a-z]+(?:\s+[a-z]+)?,", re.I)
_SUMMABLE = ("count", "money:")
_OF_TOTAL_RE = re.compile(r"\b(?:of|out of)\s+(?:the|all|its|their)?\s*$", re.I)


def parts_and_totals(ctx: Context) -> Iterator[Finding]:
    """Parts listed after a total that do not add up to it: "£1.8bn ... split into
    £950m, £600m and £150m"."""
    yield from _totals_after_parts(ctx)
    used_as_part: set[int] = set()
    for total in ctx.items:
        if not total.q.dim.startswith(_SUMMABLE) or isinstance(total.q.value, tuple):
            continue
        if total.figure.start in used_as_part:
            continue  # a part of an earlier total, not a total of its siblings
        for sent in (total.sent, total.sent + 1, total.sent + 2):
            parts = [it for it in ctx.in_sentences(sent, sent)
                     if it.figure.start > total.figure.start and it.q.dim == total.q.dim
                     and not isinstance(it.q.value, tuple) and it.q.period == total.q.period
                     and it.q.bound is None and not it.q.vague and 0 < it.value < total.value
                     and _same_thing(it.figure, total.figure)
                     and not _expected(ctx.article.text, it)]
            if len(parts) < 2 or total.q.bound is not None or total.q.vague:
                continue
            s, e = ctx.sentences[sent] if sent < len(ctx.sentences) else (0, 0)
            span_text = ctx.article.text[parts[0].figure.start : parts[-1].figure.end]
            before_total = ctx.article.text[max(0, total.figure.start - 12) : total.figure.start]
            # "eight lifeboats: three from Lorn and four from the mainland" - a colon
            # between the total and its list introduces the breakdown
            colon = sent == total.sent and ":" in ctx.article.text[
                total.figure.end : parts[0].figure.start]
            cue = (_PARTITION_RE.search(ctx.article.text[s:e]) is not None
                   or (sent > total.sent and _OF_THE_WHOLE_RE.match(ctx.article.text, s)
                       is not None)
                   or _OF_TOTAL_RE.search(before_total) is not None or colon)
            listed = re.search(r"\band\b|,", span_text) is not None
            parts_sum = sum(p.value for p in parts)
            slack = _slack(total, *parts) + 1e-9 * total.value
            # Without a word such as "split into", only parts that exceed their total
            # in the very sentence that names it ("£4.5m covers £2m, £1.5m and £1.2m").
            exceeds = sent == total.sent and parts_sum > total.value + slack
            if not (listed and (cue or exceeds)):
                continue
            if abs(parts_sum - total.value) <= slack or _some_add_up(parts, total):
                used_as_part.update(p.figure.start for p in parts)
                break  # they add up (maybe with an extra figure about something else)
            if not 0.6 <= parts_sum / total.value <= 1.4:
                break  # a different breakdown, not this total's parts: they may have their own
            used_as_part.update(p.figure.start for p in parts)
            listed_parts = " + ".join(p.figure.surface for p in parts)
            why = (f"{listed_parts} = {_money_like(parts_sum, total.figure.surface)}, "
                   f"not the {total.figure.surface} total stated")
            yield Finding("inconsistent",
                          (ctx.ref(total.figure), *(ctx.ref(p.figure) for p in parts)), why)
            break


_GENERIC_UNITS = frozenset({"", "person", "people", "time", "other"})


# "(consensus: $1.41B)", "analysts expected $3.97B": an expectation sits beside the
# actual figure, it is not one of the parts that add up to a total
_EXPECTATION_BEFORE_RE = re.compile(
    r"\b(?:consensus|expect\w*|forecasts?|forecasted|estimates?|projected|guidance)\b"
    r"[^.;()]{0,20}$", re.I)


def _expected(text: str, it: Item) -> bool:
    return _EXPECTATION_BEFORE_RE.search(text, max(0, it.figure.start - 40),
                                         it.figure.start) is not None


def _same_thing(part: Figure, total: Figure) -> bool:
    """Whether a figure in a later sentence may be a part of ``total``: it counts the
    same noun, or one of them names none ("640 cases ... two dozen nurses" do not add)."""
    a = (part.unit or "").split("/")[0].strip().lower()
    b = (total.unit or "").split("/")[0].strip().lower()
    return a == b or a in _GENERIC_UNITS or b in _GENERIC_UNITS


_TOTAL_AFTER_RE = re.compile(r"(?:a\s+)?(?:total(?:ling)?|in all|altogether|combined|together"
                             r"|in total|overall)\s*(?:of\s*)?(?:some\s+|about\s+)?$", re.I)


def _totals_after_parts(ctx: Context) -> Iterator[Finding]:
    """"£950m for repairs, £600m for classrooms and £150m for heating, a total of
    £1.8bn": the total named after its parts."""
    text = ctx.article.text
    for total in ctx.items:
        before = text[max(0, total.figure.start - 25) : total.figure.start]
        if not total.q.dim.startswith(_SUMMABLE) or not _TOTAL_AFTER_RE.search(before):
            continue
        if total.q.bound is not None or total.q.vague or isinstance(total.q.value, tuple):
            continue
        parts = [it for it in ctx.in_sentences(total.sent, total.sent)
                 if it.figure.end <= total.figure.start and it.q.dim == total.q.dim
                 and not isinstance(it.q.value, tuple) and it.q.bound is None
                 and 0 < it.value < total.value and not _expected(text, it)]
        if len(parts) < 2:
            continue
        parts_sum = sum(p.value for p in parts)
        slack = _slack(total, *parts) + 1e-9 * total.value
        if abs(parts_sum - total.value) <= slack or not 0.6 <= parts_sum / total.value <= 1.4:
            continue
        listed = " + ".join(p.figure.surface for p in parts)
        yield Finding("inconsistent", (ctx.ref(total.figure), *(ctx.ref(p.figure) for p in parts)),
                      f"{listed} = {_money_like(parts_sum, total.figure.surface)}, not the "
                      f"{total.figure.surface} total stated")


def _some_add_up(parts: Sequence[Item], total: Item) -> bool:
    """Whether two or more of the parts sum to the total: "200 from Spain and 112
    from France, and 47 were hurt" still adds up to 312."""
    if len(parts) > 8:
        return False
    for r in range(2, len(parts)):
        for combo in itertools.combinations(parts, r):
            slack = _slack(total, *combo) + 1e-9 * total.value
            if abs(sum(p.value for p in combo) - total.value) <= slack:
                return True
    return False


def _money_like(value: float, surface: str) -> str:
    m = re.match(r"^\D*", surface)
    prefix = m.group() if m and not m.group().strip().isalpha() else ""
    for word, factor in (("bn", 1e9), ("billion", 1e9), ("m", 1e6), ("million", 1e6)):
        if re.search(r"\d\s*" + word + r"\b", surface):
            return f"{prefix}{value / factor:,.3g}{word}" if word in ("bn", "m") else \
                f"{prefix}{value / factor:,.3g} {word}"
    return f"{prefix}{_fmt(value)}"


# --------------------------------------------------------------------------- shares

_OF_RE = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:of|out of)\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                    r"([^\W\d][\w-]*)?", re.I)


def shares_and_counts(ctx: Context) -> Iterator[Finding]:
    """A percentage that does not match the counts it describes: "47 of the 312
    passengers (25%)", or "47 of the passengers, 25%" after "312 passengers"."""
    text = ctx.article.text
    for part in ctx.items:
        if part.q.dim != "count" or isinstance(part.q.value, tuple):
            continue
        m = _OF_RE.match(text[part.figure.end : part.figure.end + 40])
        if not m:
            continue
        whole = _whole_for(ctx, part, m)
        if whole is None or whole.value <= part.value:
            continue
        for pct in ctx.in_sentences(part.sent, part.sent):
            if pct.q.dim != "percent" or abs(pct.figure.start - part.figure.end) > 60:
                continue
            if _share_of_something_else(text, pct, whole, part):
                continue  # "54 of the 120 seats, taking 31.4% of the vote"
            share = part.value / whole.value * 100
            tol = 0.5 * granularity(pct.figure.surface) + (3.0 if pct.q.hedged or pct.q.bound
                                                            else 0.05)
            if (pct.q.bound == "lower" and share >= pct.value) or (
                    pct.q.bound == "upper" and share <= pct.value):
                continue
            if abs(share - pct.value) <= tol + _slack(whole) / whole.value * 100:
                continue
            why = (f"{part.figure.surface} of {whole.figure.surface} is {share:.1f}%, "
                   f"not {pct.figure.surface}")
            yield Finding("inconsistent", (ctx.ref(part.figure), ctx.ref(whole.figure),
                                           ctx.ref(pct.figure)), why)


def _share_of_something_else(text: str, pct: Item, *counts: Item) -> bool:
    """Whether the percentage names its own whole ("31.4% of the vote") and that is not
    what the counts count (seats)."""
    m = _OF_RE.match(text[pct.figure.end : pct.figure.end + 40])
    if not m or not m.group(1):
        return False
    own = stem(m.group(1))
    nouns = set()
    for it in counts:
        unit = (it.figure.unit or "").split("/")[0].split(" ")[-1]
        if unit:
            nouns.add(stem(unit))
        nouns.update(stem(w) for w in re.findall(r"[^\W\d][\w-]*",
                                                 text[it.figure.end : it.figure.end + 25])[:2])
    return own not in nouns


def shares_stated_first(ctx: Context) -> Iterator[Finding]:
    """"25% of the 312 passengers, 47 people": the share named before the counts."""
    text = ctx.article.text
    for pct in ctx.items:
        if pct.q.dim != "percent":
            continue
        m = _OF_RE.match(text[pct.figure.end : pct.figure.end + 40])
        if not m:
            continue
        whole = _whole_for(ctx, pct, m)
        if whole is None:
            continue
        parts = [it for it in ctx.in_sentences(pct.sent, pct.sent)
                 if it.q.dim == "count" and it is not whole and not isinstance(it.q.value, tuple)
                 and it.figure.start > whole.figure.end
                 and it.figure.start - whole.figure.end < 40 and it.value < whole.value
                 and re.search(r"^[\s,(—–-]*(?:or|that is|some|about|around|roughly)?\s*$",
                               text[whole.figure.end : it.figure.start].split(" ", 2)[-1])]
        if not parts:
            continue
        part = parts[0]
        share = _misstated_share(whole, part, pct)
        if share is None:
            continue
        why = (f"{pct.figure.surface} of {whole.figure.surface} is "
               f"{pct.value * whole.value / 100:,.0f}, not {part.figure.surface} "
               f"({share:.1f}%)")
        yield Finding("inconsistent", (ctx.ref(pct.figure), ctx.ref(whole.figure),
                                       ctx.ref(part.figure)), why)


def _misstated_share(whole, part, pct) -> float | None:
    """The share `part` is of `whole`, when `pct` states it wrongly beyond its
    rounding and hedging; None when `pct` fits."""
    share = part.value / whole.value * 100
    tol = 0.5 * granularity(pct.figure.surface) + (3.0 if pct.q.hedged or pct.q.bound else 0.05)
    if abs(share - pct.value) <= tol + _slack(whole, part) / whole.value * 100:
        return None
    return share


_WHOLE_FIRST_RE = re.compile(
    r"(?:^|[,;:]\s*)(?:of|out of)\s+(?:the|all|its|their|these|those)?\s*$", re.I)
_APPOSED_SHARE_RE = re.compile(r"^[\s,(—–-]*(?:or|that is|i\.e\.|some|about|around|roughly)?\s*$",
                               re.I)


def shares_whole_first(ctx: Context) -> Iterator[Finding]:
    """"Of the 640 cases in the city, 96 — or 25% — were adults": the whole named
    first, then the part with its share in apposition."""
    text = ctx.article.text
    for whole in ctx.items:
        if whole.q.dim != "count" or isinstance(whole.q.value, tuple) or whole.q.vague:
            continue
        s, _ = ctx.sentences[whole.sent] if whole.sent < len(ctx.sentences) else (0, 0)
        if not _WHOLE_FIRST_RE.search(text[max(s, whole.figure.start - 40) : whole.figure.start]):
            continue
        same = ctx.in_sentences(whole.sent, whole.sent)
        after = [it for it in same if it.figure.start > whole.figure.end]
        if len(after) < 2:
            continue
        part, pct = after[0], after[1]
        if (part.q.dim != "count" or pct.q.dim != "percent" or isinstance(part.q.value, tuple)
                or isinstance(pct.q.value, tuple) or not 0 < part.value < whole.value):
            continue
        if "," not in text[whole.figure.end : part.figure.start] or \
                part.figure.start - whole.figure.end > 80:
            continue
        if not _APPOSED_SHARE_RE.match(text[part.figure.end : pct.figure.start]):
            continue
        share = _misstated_share(whole, part, pct)
        if share is None:
            continue
        why = (f"{part.figure.surface} of {whole.figure.surface} is {share:.1f}%, "
               f"not {pct.figure.surface}")
        yield Finding("inconsistent", (ctx.ref(whole.figure), ctx.ref(part.figure),
                                       ctx.ref(pct.figure)), why)


_SHARE_CHANGE_RE = re.compile(r"\b(?:from|up|down|rose|fell|risen|fallen|increase|decrease|compared"
                              r"|than|previous|last year|earlier)\b", re.I)


def shares_over_a_hundred(ctx: Context) -> Iterator[Finding]:
    """Shares of one whole listed in a sentence that add up to more than 100%:
    "52% voted yes, 45% no and 6% did not vote"."""
    text = ctx.article.text
    for idx, (s, e) in enumerate(ctx.sentences):
        pcts = [it for it in ctx.in_sentences(idx, idx) if it.q.dim == "percent"
                and it.q.bound is None and not isinstance(it.q.value, tuple)]
        if len(pcts) < 2 or _SHARE_CHANGE_RE.search(text[s:e]):
            continue
        total = sum(p.value for p in pcts)
        slack = sum(0.5 * granularity(p.figure.surface) for p in pcts) + _slack(*pcts)
        if 100 + slack < total <= 115:
            listed = " + ".join(p.figure.surface for p in pcts)
            yield Finding("inconsistent", tuple(ctx.ref(p.figure) for p in pcts),
                          f"{listed} = {total:g}%, more than the whole")


def _whole_for(ctx: Context, part: Item, m: re.Match[str]) -> Item | None:
    after = part.figure.end + m.end()
    nxt = [it for it in ctx.items if it.sent == part.sent and it.figure.start >= part.figure.end
           and it.figure.start <= after + 2 and it.q.dim == "count"]
    if nxt:
        return nxt[0]  # "47 of 312"
    noun = m.group(1)
    if not noun:
        return None
    want = stem(noun)
    text = ctx.article.text
    for it in sorted(ctx.items, key=lambda x: -x.figure.start):
        if it.figure.start >= part.figure.start or part.sent - it.sent > 3:
            continue
        if it.q.dim != "count" or isinstance(it.q.value, tuple):
            continue
        following = re.findall(r"[^\W\d][\w-]*", text[it.figure.end : it.figure.end + 30])[:2]
        unit_noun = (it.figure.unit or "").split("/")[0].split(" ")[-1]
        if want in {stem(w) for w in following} or (unit_noun and stem(unit_noun) == want):
            return it
    return None


# --------------------------------------------------------------------------- changes

_MULTIPLIER_WORDS = {"doubled": 2.0, "double": 2.0, "doubling": 2.0, "tripled": 3.0,
                     "triple": 3.0, "trebled": 3.0, "tripling": 3.0, "quadrupled": 4.0,
                     "halved": 0.5, "halving": 0.5}
_MULT_RE = re.compile(r"\b(" + "|".join(_MULTIPLIER_WORDS) + r"|(\w+)-?fold)\b", re.I)
_FOLD = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0, "2": 2.0,
         "3": 3.0, "4": 4.0, "5": 5.0, "10": 10.0}
_RISE_RE = re.compile(r"\b(?:rose|risen|rise|rising|increased?|up|grew|grown|climbed|jumped"
                      r"|gained|higher|soared|surged)\b", re.I)
_FALL_RE = re.compile(r"\b(?:fell|fallen|fall|falling|decreased?|down|dropped|declined"
                      r"|lower|slid|slipped|shrank|plunged|cut)\b", re.I)
_FROM_TO_RE = re.compile(r"\bfrom\b", re.I)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:a\s+|an\s+|the\s+)?$", re.I)


def changes(ctx: Context) -> Iterator[Finding]:
    """"Tripled from 120 to 240", "rose 12% from 50 to 60": the stated change
    against the values quoted."""
    text = ctx.article.text
    for idx, (s, e) in enumerate(ctx.sentences):
        sentence = text[s:e]
        items = ctx.in_sentences(idx, idx)
        pair = _from_to(ctx, items, s) or _up_from(ctx, items)
        if pair is None:
            continue
        a, b = pair
        if a.value == 0:
            continue
        ratio = b.value / a.value
        # a multiplier: a figure with unit "times" or a word such as "tripled"
        for it in items:
            if it.q.dim == "multiplier" and it.figure.start < a.figure.start:
                yield from _check_factor(ctx, (it.figure.start, it.figure.end),
                                         it.figure.surface, it.value, it.q.bound, a, b, ratio)
                break
        else:
            for m in _MULT_RE.finditer(sentence):
                if s + m.start() > a.figure.start:
                    break
                word = m.group(1).lower()
                factor = _MULTIPLIER_WORDS.get(word) or _FOLD.get((m.group(2) or "").lower())
                if factor:
                    yield from _check_factor(ctx, (s + m.start(), s + m.end()), m.group(1),
                                             factor, None, a, b, ratio)
                    break
        for it in items:
            if it.q.dim not in ("percent", "pp") or it is a or it is b:
                continue
            if it.figure.start > a.figure.start:
                continue
            before = text[max(s, it.figure.start - 40) : it.figure.start]
            rise, fall = _RISE_RE.search(before), _FALL_RE.search(before)
            if not (rise or fall):
                continue
            if it.q.dim == "pp" or (a.q.dim == "percent" and "point" in it.figure.surface):
                actual, unit = b.value - a.value, " points"
            else:
                actual, unit = (ratio - 1) * 100, "%"
            stated = it.value if rise and not fall else -it.value
            if rise and fall:
                stated = it.value if actual >= 0 else -it.value
            tol = 0.5 * granularity(it.figure.surface) + (2.0 if it.q.hedged else 0.0) + 0.05
            if abs(actual - stated) <= tol + abs(stated) * 0.02:
                continue
            why = (f"from {a.figure.surface} to {b.figure.surface} is a change of "
                   f"{actual:+.1f}{unit}, not {'+' if stated > 0 else '-'}{it.figure.surface}")
            yield Finding("inconsistent", (ctx.ref(it.figure), ctx.ref(a.figure),
                                           ctx.ref(b.figure)), why)


def _from_to(ctx: Context, items: Sequence[Item], sent_start: int) -> tuple[Item, Item] | None:
    text = ctx.article.text
    for i, a in enumerate(items):
        before = text[max(sent_start, a.figure.start - 8) : a.figure.start]
        if not _FROM_TO_RE.search(before):
            continue
        for b in items[i + 1 :]:
            if b.q.dim != a.q.dim or b.q.dim in ("date", "time"):
                continue
            gap = text[a.figure.end : b.figure.start]
            if _FROM_BEFORE_RE.search(gap):
                break  # "up 10% from $0.90 ..., and down 33% from $1.47": two bases
            if re.search(r"\b(?:to|and)\b", gap) and len(gap) < 40:
                return a, b
    for i, b in enumerate(items):  # "rose 20% to 60 from 50"
        before = text[max(sent_start, b.figure.start - 6) : b.figure.start]
        if not re.search(r"\bto\s+$", before):
            continue
        for a in items[i + 1 :]:
            if a.q.dim != b.q.dim or a.q.dim in ("date", "time"):
                continue
            gap = text[b.figure.end : a.figure.start]
            if re.fullmatch(r"[^.;]{0,30}\bfrom\s+", gap):
                return a, b
    return None


def _up_from(ctx: Context, items: Sequence[Item]) -> tuple[Item, Item] | None:
    """"peaked at 4.1 metres, up 50% from 2.4 metres": (2.4, 4.1)."""
    text = ctx.article.text
    for i, change in enumerate(items):
        if change.q.dim not in ("percent", "pp", "multiplier") or i == 0:
            continue
        after = [it for it in items[i + 1 :] if re.fullmatch(
            r"\s*from\s+(?:a\s+|an\s+|the\s+)?", text[change.figure.end : it.figure.start])]
        if not after:
            continue
        a = after[0]
        b = next((it for it in reversed(items[:i]) if it.q.dim == a.q.dim), None)
        if b is not None and re.search(r"\b(?:up|down|rising|falling|an? (?:increase|rise|drop"
                                       r"|fall|decrease))\s*(?:by\s+)?$",
                                       text[b.figure.end : change.figure.start]):
            return a, b
    return None


def _check_factor(ctx: Context, span: tuple[int, int], surface: str, factor: float,
                  bound: str | None, a: Item, b: Item, ratio: float) -> Iterator[Finding]:
    lo, hi = factor * 0.9, factor * 1.1
    if bound in ("near",):
        lo = factor * 0.8
    elif bound == "lower":
        hi = float("inf")
    elif bound == "upper":
        lo = 0.0
    if lo <= ratio <= hi:
        return
    why = (f"from {a.figure.surface} to {b.figure.surface} is a factor of {ratio:.2g}, "
           f"not {surface} (x{factor:g})")
    yield Finding("inconsistent", (ctx.ref(span), ctx.ref(a.figure), ctx.ref(b.figure)), why)


# --------------------------------------------------------------------------- dates

_BORN_RE = re.compile(r"\bborn\s+(?:in|on)\s+$", re.I)


def dates_in_order(ctx: Context) -> Iterator[Finding]:
    """Date ranges that end before they start, "from D1 to D2" reversed, and an age
    that does not fit a stated year of birth."""
    text = ctx.article.text
    for it in ctx.items:
        if it.q.dim == "date" and isinstance(it.q.value, tuple) and it.q.value[1] < it.q.value[0]:
            yield Finding("inconsistent", (ctx.ref(it.figure), ctx.ref(it.figure)),
                          f"{it.figure.surface}: the range ends before it starts")
    dates = [it for it in ctx.items if it.q.dim == "date" and isinstance(it.q.value, float)]
    for i, a in enumerate(dates):
        for b in dates[i + 1 :]:
            if b.sent != a.sent:
                continue
            gap = text[a.figure.end : b.figure.start]
            before = text[max(0, a.figure.start - 12) : a.figure.start]
            if not (re.search(r"\b(?:from|between)\s+$", before)
                    and re.fullmatch(r"\s*(?:to|until|till|through|and)\s*", gap)):
                continue
            if _last_day(b) < a.value:
                yield Finding("inconsistent", (ctx.ref(a.figure), ctx.ref(b.figure)),
                              f"{a.figure.surface} comes after {b.figure.surface}: "
                              "the dates are out of order")
    yield from _ages(ctx, dates)


def since_and_for(ctx: Context) -> Iterator[Finding]:
    """"has run the school since 2016 ... for eight years": the years since a date
    against the duration stated with it (as of publication)."""
    published = ctx.article.published
    if published is None:
        return
    text = ctx.article.text
    for since in ctx.items:
        if since.q.dim != "date" or isinstance(since.q.value, tuple):
            continue
        if not re.search(r"\bsince\s+$", text[max(0, since.figure.start - 8) : since.figure.start]):
            continue
        year = dt.date.fromordinal(int(since.value)).year
        for d in ctx.in_sentences(since.sent, since.sent):
            if d.q.dim != "duration" or d.q.bound is not None or d.q.vague:
                continue
            if not re.search(r"\bfor\s+(?:the\s+(?:past|last)\s+)?$",
                             text[max(0, d.figure.start - 16) : d.figure.start]):
                continue
            years = d.value / 31557600
            if years < 1 or not d.figure.surface.lower().rstrip("s").endswith(("year", "-year")):
                continue
            expected = published.year - year
            if abs(years - expected) > 1:
                yield Finding("inconsistent", (ctx.ref(since.figure), ctx.ref(d.figure)),
                              f"since {year} is {expected} years by {published.year}, "
                              f"not {d.figure.surface}")


def _last_day(it: Item) -> float:
    value = it.q.value
    assert isinstance(value, float)
    day = dt.date.fromordinal(int(value))
    if it.q.precision == 1:
        return float(dt.date(day.year, 12, 31).toordinal())
    if it.q.precision == 2:
        nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return float(nxt.toordinal() - 1)
    return value


def _ages(ctx: Context, dates: Sequence[Item]) -> Iterator[Finding]:
    published = ctx.article.published
    if published is None:
        return
    text = ctx.article.text
    for born in dates:
        if not _BORN_RE.search(text[max(0, born.figure.start - 12) : born.figure.start]):
            continue
        for age in ctx.in_sentences(born.sent - 1, born.sent + 1):
            if age.q.dim != "age":
                continue
            year = dt.date.fromordinal(int(born.value)).year
            expected = {published.year - year - 1, published.year - year}
            if int(age.value) not in expected:
                yield Finding("inconsistent", (ctx.ref(born.figure), ctx.ref(age.figure)),
                              f"born in {year}, the person would be "
                              f"{max(expected)} or {min(expected)} in {published.year}, "
                              f"not {age.figure.surface}")


# --------------------------------------------------------------------------- conversions

_CONVERSION_GAP_RE = re.compile(
    r"^\s*(?:\(|,?\s*or\s+|[—–]\s*|/\s*)(?:about|roughly|around|some|nearly|almost"
    r"|approximately|approx\.?|~|just\s+(?:over|under))?\s*$", re.I)
_PHYSICAL = ("length", "speed", "mass", "area", "volume", "temperature", "power")


def unit_conversions(ctx: Context) -> Iterator[Finding]:
    """A value followed by its conversion, "215 km/h (134 mph)", that is wrong."""
    for a, b in zip(ctx.items, ctx.items[1:], strict=False):
        if a.q.dim != b.q.dim or a.q.dim not in _PHYSICAL or a.figure.unit == b.figure.unit:
            continue
        if not _CONVERSION_GAP_RE.match(ctx.between(a.figure, b.figure)):
            continue
        va, vb = a.value, b.value
        slack = a.q.tol + b.q.tol + a.q.step + b.q.step + 1e-9 * max(abs(va), abs(vb))
        if abs(va - vb) <= slack:
            continue
        why = (f"{a.figure.surface} is not {b.figure.surface}: the conversion is off by "
               f"{abs(va - vb) / max(abs(va), abs(vb)) * 100:.0f}%")
        yield Finding("inconsistent", (ctx.ref(a.figure), ctx.ref(b.figure)), why)


# ---------------------------------------------------------------------- orderings

# the role a word right before a figure gives it: "a low of 12C", "peaked at 9 metres",
# "an average of 40", "a minimum of 300"
_ROLE_BEFORE_RE = re.compile(
    r"\b(?:(?P<low>minimum|lowest|low)|(?P<high>maximum|highest|high|peak|peaked)"
    r"|(?P<mean>average|mean|median))\b(?:\s+(?:of|at|was|is|reached|stood\s+at))?"
    r"(?:\s+(?:about|around|some|nearly|almost|just))?\s*$", re.I)
_ROLE_RANK = {"low": 0, "mean": 1, "high": 2}
# "1,200 of the 900 passengers": a part written with its whole right after it
_PART_OF_WHOLE_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+(?:the|its|their|all|all\s+the)\s+$", re.I)


def _role(ctx: Context, it: Item) -> str | None:
    text = ctx.article.text
    m = _ROLE_BEFORE_RE.search(text, max(0, it.figure.start - 30), it.figure.start)
    return m.lastgroup if m else None


def orderings(ctx: Context) -> Iterator[Finding]:
    """Values that cannot be in the order written: a low above a high or an average in
    one sentence ("a high of 9C and a low of 12C", "peaked at 3 metres, against an
    average of 4 metres"), and a part larger than its whole ("1,200 of the 900
    passengers")."""
    for idx in range(len(ctx.sentences)):
        items = [it for it in ctx.in_sentences(idx, idx) if not isinstance(it.q.value, tuple)
                 and not it.q.vague and it.q.bound is None]
        roles = [(it, _role(ctx, it)) for it in items]
        roled = [(it, r) for it, r in roles if r]
        for i, (a, ra) in enumerate(roled):
            for b, rb in roled[i + 1 :]:
                if a.q.dim != b.q.dim or ra == rb:
                    continue
                (lo, rlo), (hi, rhi) = sorted(((a, ra), (b, rb)), key=lambda x: _ROLE_RANK[x[1]])
                if lo.value > hi.value + _slack(lo, hi):
                    yield Finding("inconsistent", (ctx.ref(lo.figure), ctx.ref(hi.figure)),
                                  f"the {rlo} ({lo.figure.surface}) is above the {rhi} "
                                  f"({hi.figure.surface})")
        for a, b in itertools.pairwise(items):
            between = ctx.between(a.figure, b.figure)
            if a.q.dim != b.q.dim or not _PART_OF_WHOLE_RE.fullmatch(between):
                continue
            if a.value > b.value + _slack(a, b):
                yield Finding("inconsistent", (ctx.ref(a.figure), ctx.ref(b.figure)),
                              f"{a.figure.surface} is a part of {b.figure.surface}, yet larger")


CHECKS: tuple[Check, ...] = (
    times_and_durations, dates_and_durations, parts_and_totals, shares_and_counts,
    shares_stated_first, shares_whole_first, shares_over_a_hundred, changes, dates_in_order,
    since_and_for, unit_conversions, orderings)
