"""Tie the stages together: find anchors, read one figure around each, add context.

The scan is one pass of ``patterns.ANCHOR`` (``SCAN``, run as ``SCAN_AFTER``, which also
collects the speech verbs for ``context``) over the text; each anchor is read with small
anchored regexes (``pattern.match(text, pos)``), so the cost is linear in the text and
proportional to the number of candidate numbers, not to rule count. Digits are read here;
``times`` and ``words`` read dates, times and number words.
"""

from __future__ import annotations

import itertools
import logging
import operator
import re
import unicodedata

from . import context
from . import lexicon as lx
from .dates import MONTHS, relative, valid_day
from .numbers import (
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    Number,
    apply_scale,
    parse_digits,
    read_number_words,
    to_number,
)
from .patterns import (
    ANCHOR_ENDS,
    DIGITS,
    MASK_HINT,
    MASKS,
    MONTH_ANCHORS,
    NOT_WORD,
    WEEKDAY_ANCHORS,
    trie_regex_with_ends,
)
from .reader import Candidate, Quantity
from .times import TimeReader
from .types import Document, Figure, Value
from .units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DURATION_UNITS,
    IMPERIAL_PAIRS,
    MEASURE_SYMBOLS,
    MEASURE_WORDS,
    RATE_ADVERBS,
    RATE_PERIODS,
    SPEED_UNITS,
    SUBUNITS,
    singular,
)
from .words import WordReader

log = logging.getLogger(__name__)
_BY_START = operator.attrgetter("start")
# Letters attached to digits in any case: ordinals, clock and scale letters, common units.
_ATTACHED_ANY_CASE = ("st", "nd", "rd", "th", "am", "pm", "bn", "km", "kg", "mph")

# Anchors, and the speech verbs annotate needs, in one pass over the text: a second
# scan for the verbs alone would cost about as much as this one. (No speech verb is an
# anchor word.)
_SCAN_ENDS = {**ANCHOR_ENDS, **dict.fromkeys(context.SPEECH_VERBS, NOT_WORD)}
SCAN = re.compile(rf"(?<![\w])(?:\d+|{trie_regex_with_ends(_SCAN_ENDS)})")
# SCAN as run: the character before each anchor is consumed ("[\W]") instead of looked
# behind at, and the anchor is group 1. A pattern that opens with a character class lets
# the regex engine skip to the places an anchor may start; one that opens with a
# lookbehind is tried in full at every position (17% more instructions for the scan).
# It runs over " " + text, so that an anchor may open the text: offsets are one more
# than the text's. Finds what SCAN finds (tests/claims/extraction/test_patterns.py).
SCAN_AFTER = re.compile(rf"[\W](\d+|{trie_regex_with_ends(_SCAN_ENDS)})")


def _scaled(q: Quantity, factor: int) -> tuple[Number, bool]:
    """q's value times a scale; a value that already overflowed (read as 0)
    stays flagged: "$<400 digits> million" is out of range, not $0."""
    value, overflow = apply_scale(q.value, factor)
    return value, overflow or q.overflow


class _Reader(TimeReader, WordReader):
    """Reads every figure of one document."""

    def run(self) -> list[Candidate]:
        out: list[Candidate] = []
        pos = 0
        text = self.text
        masks = self.masks  # most articles have none: skip the lookup then
        verbs, speech_verbs = self.verbs, context.SPEECH_VERBS
        for m in SCAN_AFTER.finditer(" " + text):
            word = m[1]
            s = m.start(1) - 1  # (offsets in " " + text)
            if word in speech_verbs:  # for annotate, as a match in the text
                verbs.append(SCAN.match(text, s))  # type: ignore[arg-type]
                continue
            if s < pos:
                continue
            if masks:
                mask_end = self.masked(s)
                if mask_end >= 0:
                    pos = mask_end
                    continue
            if word[0].isdigit():
                if s > 1 and text[s - 1] in ",." and text[s - 2].isdecimal():
                    # the tail of a number whose start was no figure ("RMB12,000",
                    # "v2.5"): never a number of its own
                    pos = self.token_end(s)
                    continue
                group = "d"
                if s and text[s - 1] in "+([":
                    mm = MASKS.match(text, s - 1)
                else:
                    mm = MASKS.match(text, s) if MASK_HINT.match(text, s) else None
                # "1 250 000 people" is a number in groups of three, not a phone number
                if mm and not (text[s] != "0" and lx.SPACE_GROUPED.fullmatch(mm[0].rstrip(",. "))):
                    pos = mm.end()
                    continue
            elif word in MONTH_ANCHORS:
                group = "mo"
            elif word in WEEKDAY_ANCHORS:
                group = "wd"
            else:
                group = "w"
            cand: Candidate | None
            try:
                if group == "d":
                    cand, pos = self.read_digits(s)
                elif group == "w":
                    cand = self.read_word(s, word)
                    pos = cand.resume if cand else s + len(word)
                elif group == "mo":
                    e = s + len(word)
                    if text[e : e + 1] == ".":
                        word += "."
                    cand = self.read_month(s, word)
                    pos = cand.resume if cand else e
                else:
                    cand = self.read_weekday(s, word)
                    pos = s + len(word)
            except (ValueError, IndexError, KeyError, ZeroDivisionError, OverflowError):
                # a rule that trips on odd input loses that one figure, not the article
                log.warning("skipped a figure at offset %d", s, exc_info=True)
                cand, pos = None, s + len(m[1])
            if cand is not None:
                out.append(cand)
                if cand.resume > pos:
                    pos = cand.resume
        return out

    def read_digits(self, s: int) -> tuple[Candidate | None, int]:
        text = self.text
        m = DIGITS.match(text, s)
        if m is None:  # pragma: no cover - the anchor guarantees a digit
            return None, s + 1
        e = m.end()
        glued = self.read_glued(s, m)
        if glued is not None:
            return glued
        c = text[e : e + 1]
        # letters right after the digits ("5km", "3rd", "CO2x"); mostly a space or a comma
        attached = lx.ATTACHED.match(text, e) if c.isalpha() or c in "°º²³" else None
        if attached and c in lx.POWER_FIRST and self.power_at(m[0], e):
            attached = None  # "1.5e6", "10²": power notation, read by number_at
        if attached and self.attached_refused(attached, m[0]):
            return None, self.token_end(s)
        raw = m[0]
        # most numbers follow no name, so read_after_name costs them no call
        if self.name_before(s):
            named = self.read_after_name(s, e, raw)
            if named is not None:
                return named
        # what follows decides which readers can apply: look at the next word once
        nx = lx.NEXT_TOKEN.match(text, e)
        self._next_token = (e, nx)  # kept for quantity, as next_token does
        read = self.read_by_next_word(s, m, nx[1] if nx else "", attached)
        if read is not None:
            return read
        q = self.quantity(s, allow_currency_prefix=False, digits=m)
        if q is None:
            return None, self.token_end(s)
        if (
            q.kind == "count"
            and text[s - 4 : s].lower() == "top "
            and not q.scaled
            and not text[s - 5 : s - 4].isalpha()
        ):
            return None, q.end  # "the top 10 lenders": the size of a list ("top 1%" counts)
        if q.kind == "count" and not q.scaled and isinstance(q.value, int):
            frac = self.one_in_n(q)
            if frac is not None:
                return frac, frac.resume
        # currency written before the number: "$", "US$", "€"
        cur = self.currency_before(s)
        if cur and q.kind not in ("percent",):
            self.take_currency(q, s, cur)
        elif q.m_suffix and not self.read_m_suffix(q, s):
            return None, self.token_end(s)
        sign = self.sign_before(q.start)
        if sign:
            q.value = -q.value
            q.start -= sign
        cand = self.finish(q)
        if cand is None:
            return None, self.token_end(s)
        return cand, cand.resume

    def read_glued(self, s: int, m: re.Match[str]) -> tuple[Candidate | None, int] | None:
        """The digits ``m`` at ``s`` with what is glued to them: part of an identifier,
        code or phone number (skipped), a date or a time (read), a provision name; None
        for a number to read on."""
        text = self.text
        e = m.end()
        before = text[s - 1] if s > 0 else " "
        # identifiers: CO2, A320, F-16, COVID-19, 1.2.3, #5, 24/7 ("RMB12,000" is read
        # from its code: words.read_sign)
        if before.isalpha() or before in "_#№/@":
            return None, self.token_end(s)
        if before in "-\u2010" and s >= 2 and text[s - 2].isalpha():
            word = lx.TRAILING_LETTERS.search(text[max(0, s - 12) : s - 1])
            if not (word and word[0].lower() in ("mid", "early", "late", "pre", "post")):
                return None, self.token_end(s)
        if before == "." and s >= 2 and text[s - 2].isdigit():
            return None, self.token_end(s)
        if before == "(" and s >= 2 and text[s - 2].isalnum():
            return None, self.token_end(s)  # "Section 2(1)", "A1(M)": part of a reference
        if (
            (text[s] == "0" or (e - s == 3 and text[s:e] in lx.SHORT_PHONE_NUMBERS))
            and before == " "
            and lx.DIAL_LEFT.search(self.left(s, 12))
        ):
            return None, self.token_end(s)  # "call 999", "dial 911": a phone number
        if e - s == 4 and text[s] == "1" and lx.HELPLINE_LEFT.search(self.left(s, 72)):
            return None, e  # "the centre can be reached on 1070": a helpline
        nxt = text[e : e + 2]
        c = nxt[:1]
        if c == "(" and text[e + 2 : e + 3] == ")" and nxt[1:].isalpha():
            return None, e + 3  # "401(k)", "12(b)": a provision or plan name
        if c in "'’′" and m[0].isdigit():
            fp = lx.FEET_PRIME.match(text, e)
            if fp and int(fp[1]) < 12:  # 5'11": feet and inches, in feet
                value, _ = to_number(round(int(m[0]) + int(fp[1]) / 12, 10))
                return Candidate(s, fp.end(), value, "ft", "measure", fp.end()), fp.end()
        if c in ("-", "/", ":", ".", ","):  # a separator and more: a date, a time, junk
            read = self.read_separated(s, e, nxt)
            if read is not None:
                return read
        if "." in m[0]:
            tm = lx.TIME.match(text, s)
            if tm and tm[5]:  # "9.15pm"
                return self.read_time(s)
        return None

    def read_separated(self, s: int, e: int, nxt: str) -> tuple[Candidate | None, int] | None:
        """``nxt``, the two characters after the digits, starts with - / : . or ,"""
        text = self.text
        c = nxt[:1]
        if c in "./" and lx.NUMERIC_DATE.match(text, s):
            return self.read_numeric_date(s)  # "20.10.2026", "10/20/2026"
        if c == "-":
            if nxt[1:2].isupper():
                return None, self.token_end(e + 1)  # "7-Eleven", "10-K": a name
            if (
                text[s:e] == "50"
                and text[e : e + 3] == "-50"
                and not text[e + 3 : e + 4].isalnum()
                and not lx.SCORE_CONTEXT_LEFT.search(self.clause_left(s, 50))
            ):  # "a 50-50 chance": even odds, not a score
                return self.percent_figure(s, e + 3, 50), e + 3
            iso = lx.ISO_DATE.match(text, s)
            if iso and valid_day(int(iso[1]), int(iso[2]), int(iso[3])):
                return Candidate(s, iso.end(), iso[0], "date", "date", iso.end()), iso.end()
        elif c == "/":
            fr = lx.SLASH_FRACTION.match(text, s)
            if fr and 0 < int(fr[1]) < int(fr[2]):  # "2/3 of": a share, in percent
                return self.percent_figure(s, fr.end(), int(fr[1]) * 100 / int(fr[2])), fr.end()
            ys = lx.YEAR_SLASH.match(text, s)
            if ys:
                y2 = ys[2] if len(ys[2]) == 4 else ys[1][:2] + ys[2]
                if y2 > ys[1]:
                    return Candidate(s, ys.end(), (ys[1], y2), "date", "range", ys.end()), ys.end()
            if nxt[1:2].isdigit():
                return None, self.token_end(s)
        elif c == ":":
            if nxt[1:2].isdigit():
                return self.read_time(s)
        elif nxt[1:2].isdecimal():  # "1.2.3", "5,00"
            return None, self.token_end(s)
        return None

    def attached_refused(self, attached: re.Match[str], raw: str) -> bool:
        """Letters attached to the digits ``raw`` that make them no figure: "CO2x",
        "4x100m", "the 80s"; units, ordinals, "am"/"pm" and scale letters are fine."""
        a = attached[0]
        if a not in lx.ALLOWED_ATTACHED and a.lower() not in _ATTACHED_ANY_CASE:
            return True
        if a == "x" and self.text[attached.end() : attached.end() + 1].isdigit():
            return True  # "4x100m relay"
        return a == "s" and len(raw) == 2  # "the 80s": century unknown, not a figure

    def read_after_name(self, s: int, e: int, raw: str) -> tuple[Candidate | None, int] | None:
        """Digits after a name ("Flight 370", "world number 14"): skipped or read as a
        rank; None when they are a figure still (a magnitude, a score)."""
        text = self.text
        if lx.LEFT_MAGNITUDE.search(self.left(s, 12)) or (
            lx.SCORE_SHAPE.match(text, s) and lx.SCORE_CONTEXT_LEFT.search(self.clause_left(s, 50))
        ):
            return None
        if raw.isdigit() and lx.WORLD_NUMBER_LEFT.search(self.left(s, 16)):
            return Candidate(s, e, int(raw), "rank", "ordinal", e), e  # "world number 14"
        return None, self.token_end(s)

    def read_by_next_word(
        self, s: int, m: re.Match[str], next_word: str, attached: re.Match[str] | None
    ) -> tuple[Candidate | None, int] | None:
        """What the word after the digits makes of them: a street number, page chrome, a
        time, a day of a month, an ordinal; None for a quantity."""
        text = self.text
        e = m.end()
        raw = m[0]
        if next_word[:1].isupper() and lx.STREET.match(text, e):
            return None, self.token_end(s)
        if text[s - 3 : s] == "of " and lx.PAGE_OF.search(self.left(s, 24)):
            return None, self.token_end(s)  # page chrome: "Page 2 of 5"
        low = next_word.lower()
        if low in ("am", "pm", "a", "p"):
            ampm = lx.AMPM.match(text, s)
            if ampm and ampm.start(2) <= e + 1:
                return self.read_time(s)
        if low == "o" and lx.OCLOCK.match(text, e):
            return self.read_time(s)
        if len(raw) <= 2 and (next_word[:1].isupper() or low in ("st", "nd", "rd", "th", "of")):
            dm = lx.DAY_MONTH.match(text, e)
            if dm:
                return self.read_day_month(s, m, dm)
        if low[:2] == "st" and raw.isdigit():
            sp = lx.STONE_POUNDS.match(text, e)
            if sp:  # "13st 8lb": stones and pounds, in stones
                value, _ = to_number(round(int(raw) + float(sp[1]) / IMPERIAL_PAIRS["st"], 10))
                return Candidate(s, sp.end(), value, "st", "measure", sp.end()), sp.end()
        suffix = lx.ORDINAL_SUFFIX.match(text, e) if attached else None
        if suffix:
            return self.read_ordinal(
                s, suffix.end(), int(raw.replace(",", "")) if raw.isdigit() else 0
            )
        return None

    def read_m_suffix(self, q: Quantity, s: int) -> bool:
        """The letter after a number with no currency: "1.5m people" and "61.5k vehicles"
        scale it, "3m" and "5K" are units. False for a letter that makes it no figure."""
        if q.m_suffix == "m" and self.m_is_million(q, s):
            # "1.5m people", "the 2.3m workers": British news writes millions as "m"
            q.value, q.overflow = _scaled(q, 1_000_000)
            q.scaled = True
            q.end += 1
            q.m_suffix = None
        elif q.m_suffix in ("m", "K"):
            q.unit, q.kind = ("m", "measure") if q.m_suffix == "m" else ("K", "measure")
            q.end += 1
        elif (
            q.m_suffix == "k"
            and (not isinstance(q.value, int) or q.value >= 20)
            and not lx.RACE_AFTER.match(self.text, q.end + 1)
        ):
            # "61.5k vehicles", "500k more": thousands; "a 5k", "the 10k race" are distances
            q.value, q.overflow = _scaled(q, 1_000)
            q.scaled = True
            q.end += 1
            q.m_suffix = None
        else:
            return False
        return True

    def take_currency(self, q: Quantity, s: int, cur: re.Match[str]) -> None:
        """``q`` is money in the currency ``cur`` written before it, at ``s``."""
        q.currency = CURRENCY_PREFIXES[cur[1]]
        q.start = s - len(cur[0])
        if q.m_suffix:
            factor = SCALE_ABBREVIATIONS[q.m_suffix]
            q.value, q.overflow = _scaled(q, factor)
            q.scaled = True
            q.end += len(q.m_suffix)
            q.m_suffix = None
        if q.unit in ("lb",):
            q.unit = ""
        q.kind = "money"
        q.unit = q.currency
        sub = lx.SUBUNIT_AND.match(self.text, q.end) if isinstance(q.value, int) else None
        if sub and not q.scaled:  # "£3 and 50p", "$5 and 20 cents"
            q.value, _ = to_number(q.value + int(sub[1]) / 100)
            q.end = sub.end()

    def m_is_million(self, q: Quantity, s: int) -> bool:
        """Whether the "m" after ``q`` means million (people or things follow, or the
        clause before calls for a count) rather than metres."""
        return bool(
            self.counts_people_or_things(q.end + 1)
            or lx.M_MILLION_LEFT.search(self.clause_left(s, 60))
            or (
                lx.COUNTED_SUBJECT_LEFT.search(self.clause_left(s, 40))
                and not lx.LENGTH_AFTER.match(self.text, q.end + 1)
            )
        )

    def one_in_n(self, q: Quantity) -> Candidate | None:
        """ "1 in 5", "3 out of 4": a proportion, normalised to percent (``q`` a plain
        count, an int)."""
        inn = lx.IN_N.match(self.text, q.end)
        if inn is None:
            return None
        dm = DIGITS.match(self.text, inn.end())
        if dm is None or self.text[dm.end() : dm.end() + 1].isalnum():
            return None
        parsed = parse_digits(dm[0])
        if parsed is None or not isinstance(parsed[0], int) or not q.value < parsed[0] <= 1000:
            return None
        return self.percent_figure(q.start, dm.end(), q.value * 100 / parsed[0])

    def counts_people_or_things(self, pos: int) -> bool:
        """A plural noun follows: "1.5m people" counts, "a 2.5m wall" measures."""
        m = lx.NOUN_WORDS.match(self.text, pos)
        if m is None:
            return False
        w = m[1].lower()
        return w not in lx.STOP and (singular(w) != w or w in ("people", "staff", "police"))

    def sign_before(self, s: int) -> int:
        """Width of a written minus sign before ``s`` ("−3C", "minus 3C"), else 0."""
        text = self.text
        if s >= 1 and text[s - 1] in "\u2212-" and (s == 1 or text[s - 2] in " \u00a0(\n"):
            return 1
        window = text[s - 8 if s > 8 else 0 : s]
        # "minus" has an "m" (re.I matches no other letter to it): most windows have none
        m = lx.MINUS_WORD.search(window) if "m" in window or "M" in window else None
        if m and self.left(s, 16).lower().endswith("plus or " + m[0].lower()):
            return 0  # "plus or minus 2.5 points": a margin, not a negative number
        return len(m[0]) if m else 0

    def currency_before(self, pos: int) -> re.Match[str] | None:
        """The currency symbol or code written just before ``pos``: "$", "US$ ", "€"."""
        text = self.text
        if not pos or text[pos - 1] not in lx.CURRENCY_END:
            return None
        # the symbol ends right before pos, or before one space: look at that character
        # first, as most numbers follow a word, not a currency
        last = text[pos - 2 : pos - 1] if text[pos - 1] in " \u00a0" else text[pos - 1]
        if last not in lx.CURRENCY_LAST:
            return None
        return lx.CURRENCY_LEFT.search(self.left(pos, 8))

    def number_at(self, pos: int, digits: re.Match[str] | None = None) -> Quantity | None:
        """The number itself at ``pos``: digits or words, with "and a half", "dozen"
        and a scale word ("4.2 billion", "two million", "half a dozen"). ``digits`` is
        ``DIGITS.match(text, pos)`` when the caller has it already."""
        text = self.text
        m = digits if digits is not None else DIGITS.match(text, pos)
        if m:
            me = m.end()
            # groups of three after a space need a group of at most three digits first
            sg = (
                lx.SPACE_GROUPED.match(text, pos)
                if me - pos <= 3 and text[me : me + 1] == " " and text[me + 1 : me + 2].isdecimal()
                else None
            )
            if sg and not lx.MONTH_BEFORE.search(self.left(pos, 12)):
                m = sg  # "10 000 dollars": plain spaces between groups of three
            parsed = parse_digits(m[0].replace(" ", ""))
            if parsed is None:
                return None
            q = Quantity(pos, m.end(), parsed[0], parsed[1])
            c = text[q.end : q.end + 1]
            # most numbers end at a space with no "×" after it: no call for them
            if c in lx.POWER_FIRST and (c != " " or text[q.end + 1 : q.end + 2] in lx.TIMES_SIGNS):
                power = self.power_at(m[0], q.end)
                if power is not None:  # "1.5e6", "10^400", "10⁶", "3 × 10⁸"
                    q.value, q.overflow = power[0]
                    q.end, q.scaled = power[1], True
                    return q
            vulgar = lx.VULGAR_FRACTIONS.get(text[q.end : q.end + 1])
            if vulgar is not None:  # "1½ hours"
                q.value, q.end = q.value + vulgar, q.end + 1
        else:
            w = self.number_words(pos)
            if w is None:
                return None
            q = Quantity(pos, w[0], w[1], words=True)
        if lx.NUMBER_TAIL_HINT.match(text, q.end) is None:
            return q  # no "and a half", "dozen" or scale after it: most numbers
        h = lx.HALF_TAIL.match(text, q.end)
        if h:
            q.value, q.end = q.value + 0.5, h.end()
        d = lx.DOZEN_TAIL.match(text, q.end)
        if d:
            q.value, q.end = q.value * 12, d.end()
        sc = lx.SCALE_TAIL.match(text, q.end)
        if sc and sc[1]:
            factor = SCALE_WORDS.get(sc[1].lower()) or SCALE_ABBREVIATIONS[sc[1].lower()]
            cr = lx.CRORE_AFTER.match(text, sc.end()) if factor in (1_000, 100_000) else None
            if cr:  # "₹1.5 lakh crore"
                factor, sc = factor * SCALE_WORDS["crore"], cr
            q.value, q.overflow = _scaled(q, factor)
            q.scaled = True
            q.end = sc.end()
        elif sc and sc[2] and not q.words:
            q.m_suffix = sc[2]
        return q

    def power_at(self, digits: str, pos: int) -> tuple[tuple[Number, bool], int] | None:
        """Power notation right after the number ``digits`` that ends at ``pos``: "e6",
        "^400" or "⁶" after a bare 10, "× 10⁸": ((value, overflow), where it ends)."""
        text = self.text
        c = text[pos : pos + 1]
        mantissa = digits.replace(",", "")
        if c in "eE":
            pm = lx.E_NOTATION.match(text, pos)
        elif c in " \u00a0\u00d7xX*":
            if c in " \u00a0" and text[pos + 1 : pos + 2] not in ("\u00d7", "x", "X", "*"):
                return None
            pm = lx.TIMES_TEN_POWER.match(text, pos)
        else:
            pm = lx.TEN_POWER.match(text, pos) if mantissa == "10" else None
            mantissa = "1"
        if pm is None:
            return None
        exponent = (pm[1] or pm[2].translate(lx.SUPERSCRIPT_TO_ASCII)).replace("\u2212", "-")
        if not mantissa.replace(".", "", 1).isdigit():
            return None
        value = float(f"{mantissa}e{exponent}")
        if value and abs(value) < 1e-300:
            value = 0.0  # too small for a float: read as 0, not flagged
        return to_number(value), pm.end()

    def quantity(
        self, pos: int, allow_currency_prefix: bool = True, digits: re.Match[str] | None = None
    ) -> Quantity | None:
        """A number with its attached unit: "$4.2 billion", "12%", "450 kg", "9-year-old".
        ``digits`` as for ``number_at``, with no currency prefix allowed."""
        text = self.text
        currency = None
        start = pos
        if allow_currency_prefix:
            cm = lx.CURRENCY_AT.match(text, pos)
            if cm:
                currency = CURRENCY_PREFIXES[cm[1]]
                pos = cm.end()
        q = self.number_at(pos, digits)
        if q is None:
            return None
        q.start = start
        if currency:
            q.currency, q.unit, q.kind = currency, currency, "money"
            if q.m_suffix:
                q.value, q.overflow = _scaled(q, SCALE_ABBREVIATIONS[q.m_suffix])
                q.end += len(q.m_suffix)
                q.m_suffix = None
            return q
        if q.m_suffix:
            return q
        e = q.end
        # fast path: most numbers are followed by a word that starts no unit
        if text[e : e + 1] not in lx.TAIL_CHARS:
            nx = self.next_token(e)
            if nx is None:
                if text[e + 1 : e + 2] not in lx.SPACED_TAIL_CHARS:
                    return q  # (but "50 €" is money, "90 °F" a temperature)
            elif nx[1].lower() not in lx.TAIL_WORDS and nx[1] not in MEASURE_SYMBOLS:
                return q
        if not self.read_unit_tail(q, e):
            self.read_money_or_measure_tail(q, e)
        return q

    def read_unit_tail(self, q: Quantity, e: int) -> bool:
        """A percent, age, speed or duration written after ``q`` (which ends at ``e``):
        set on ``q``, True if one was."""
        text = self.text
        p = lx.PERCENT.match(text, e)
        if p:
            q.end = p.end()
            q.kind = "percent"
            q.unit = "percent" if p["pct"] else "percentage_point" if p["pp"] else "basis_point"
            return True
        a = lx.AGE_TAIL.match(text, e)
        if a:
            q.end, q.kind, q.unit = a.end(), "age", "month" if a[1].lower() == "month" else "year"
            if a[1].lower() in ("week", "day"):
                q.unit = a[1].lower()
            return True
        sp = lx.SPEED_TAIL.match(text, e)
        if sp:
            q.end, q.kind, q.unit = sp.end(), "rate", SPEED_UNITS[sp[1].lower()]
            return True
        du = lx.DURATION_TAIL.match(text, e)
        if du and not (du[1] in ("h", "min") and du.start(1) != e):
            self.read_duration(q, du)
            return True
        return False

    def read_duration(self, q: Quantity, du: re.Match[str]) -> None:
        """``q`` is a duration in the unit ``du`` matched, with more parts chained on
        ("one hour and 36 minutes", "2 hours 30 minutes"): its value in seconds."""
        text = self.text
        q.kind, q.unit = "duration", "s"
        secs = DURATION_UNITS[du[1].lower()]
        total, overflow = apply_scale(q.value, secs)
        q.end = du.end()
        while True:
            ch = lx.DURATION_CHAIN.match(text, q.end)
            if ch is None:
                break
            nq = self.number_at(ch.end())
            if nq is None or nq.scaled:
                break
            du2 = lx.DURATION_TAIL.match(text, nq.end)
            if du2 is None or DURATION_UNITS[du2[1].lower()] >= secs:
                break
            secs = DURATION_UNITS[du2[1].lower()]
            add, _ = apply_scale(nq.value, secs)
            total, overflow = to_number(total + add)
            q.end = du2.end()
        q.value, q.overflow = total, overflow or q.overflow

    def read_money_or_measure_tail(self, q: Quantity, e: int) -> None:
        """A measure, pence, currency word, "-fold" or "times" after ``q`` (which ends
        at ``e``): set on ``q``."""
        text = self.text
        mw = lx.MEASURE_WORD_TAIL.match(text, e)
        if mw:
            q.end, q.kind, q.unit = mw.end(), "measure", MEASURE_WORDS[mw[1].lower()]
            if q.unit == "ft":
                self.add_inches(q)
            return
        ms = lx.MEASURE_SYMBOL_TAIL.match(text, e)
        if ms and not q.words:
            sym = ms[1] or ms[2]
            q.end, q.kind, q.unit = ms.end(), "measure", MEASURE_SYMBOLS[sym]
            if q.unit == "ft":
                self.add_inches(q)
            return
        if text[e : e + 1] == "p" and not text[e + 1 : e + 2].isalnum() and not q.words:
            q.end, q.kind, q.unit = e + 1, "money", "GBX"  # pence: "145.2p a litre"
            self.to_main_currency(q)
            return
        ca = lx.CURRENCY_SYMBOL_AFTER.match(text, e) if not q.words else None
        if ca:  # "50 €", "100₹"
            q.end, q.kind, q.unit = ca.end(), "money", CURRENCY_PREFIXES[ca[1]]
            return
        cw = lx.CURRENCY_WORD_TAIL.match(text, e)
        if cw:
            word = cw[1].lower()
            if word in ("pounds", "pound"):
                if q.scaled:
                    q.end, q.kind, q.unit = cw.end(), "money", "GBP"
                else:
                    q.end, q.kind, q.unit = cw.end(), "measure", "lb"
            else:
                q.end, q.kind, q.unit = cw.end(), "money", CURRENCY_WORDS[word]
                self.to_main_currency(q)
            return
        fold = lx.FOLD_TAIL.match(text, e)
        if fold:
            q.end, q.kind, q.unit = fold.end(), "measure", "times"
            return
        t = lx.TIMES_TAIL.match(text, e)
        if t:
            if lx.TIMES_COMPARATIVE.match(text, t.end()):
                q.end, q.kind, q.unit = t.end(), "measure", "times"
            else:
                q.unit = "time"

    def to_main_currency(self, q: Quantity) -> None:
        """Pence and cents in the main currency: "318p" is 3.18 GBP (ISO codes); in a
        sentence about shares, a price or earnings per share ("closed at 312.5p")."""
        main = SUBUNITS.get(q.unit)
        if main is not None:
            q.unit = main[0]
            q.value, _ = to_number(round(q.value / main[1], 10))
            if lx.SHARE_CONTEXT_LEFT.search(self.clause_left(q.start, 80)) and not (
                lx.RATE_TAIL.match(self.text, q.end)
            ):
                q.unit, q.kind = f"{q.unit}/share", "rate"

    def add_inches(self, q: Quantity) -> None:
        """ "6ft 4in", "6 feet 4 inches": the inches added to the feet."""
        inch = lx.INCHES_AFTER.match(self.text, q.end)
        if inch and float(inch[1]) < IMPERIAL_PAIRS["ft"]:
            q.value, _ = to_number(round(q.value + float(inch[1]) / IMPERIAL_PAIRS["ft"], 10))
            q.end = inch.end()

    # ------------------------------------------------------------ finishing a figure
    def finish(self, q: Quantity) -> Candidate | None:
        """Ranges, years, ages, rates, counted nouns, hedges: turn a quantity into a figure."""
        text = self.text
        start = q.start
        # magnitude 6.2 -> moment magnitude
        if q.kind == "count":
            left12 = text[start - 12 if start > 12 else 0 : start]
            if "agnitude" in left12 and lx.LEFT_MAGNITUDE.search(left12):
                q.kind, q.unit = "measure", "Mw"
            elif left12.endswith((" level ", " category ", " Category ")):
                level = left12.rsplit(None, 1)[-1].lower()
                if self.named_scale_level(start, level):  # "alert to level 4"
                    q.kind, q.unit = "measure", "alert_level" if level == "level" else "category"
        hedge, lw = self.hedge_and_last_word(start)
        # ranges: "between 8,000 and 10,000", "10-12%", "$61-63 billion", scores "3-1"
        sep = lx.RANGE_SEP.match(text, q.end)
        if sep is not None:
            r = self.read_range(q, lw, sep)
            if r is not None:
                return r
        plus = lx.PLUS_TAIL.match(text, q.end) if q.kind == "count" else None
        if plus and hedge is None:
            hedge = "plus"  # "1,200-plus vessels": at least, written after the number
        if q.kind == "duration" and hedge == "over":
            hedge = None  # "a loan over 25 years": a span of time, not a bound
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        is_plain = q.kind == "count" and not q.scaled and not q.words
        if is_plain and q.end - q.start == 4:
            dated = self.read_clock_or_year(q, approx, hedge)
            if dated is not None:
                return dated
        if q.kind == "duration":
            ago = self.read_ago(q, approx, hedge)
            if ago is not None:
                return ago
        value: Value = q.value
        end = resume = q.end
        if is_plain or q.kind == "age":
            kind, unit, apposition = self.age_reading(q, is_plain, lw)
        else:  # money, percents, measures...: nothing for age_reading to change
            kind, unit, apposition = q.kind, q.unit, False
        # multipliers: "3 times as many" is a factor, "hit four times" a count of events
        if unit == "time":
            rt = lx.RATE_AFTER_TIMES.match(text, lx.TIMES_TAIL.match(text, end).end())  # type: ignore[union-attr]
            if rt:
                unit, kind = f"time/{RATE_PERIODS[rt[1].lower()]}", "rate"
                resume = rt.end()
        subject = None
        if kind in ("count", "money", "measure", "percent") and unit != "Mw":
            end, kind, unit, subject, resume = self.read_counted_or_rate(
                q, plus, kind, unit, resume
            )
        overflow = q.overflow
        return Candidate(
            start, end, value, unit, kind, resume, approx, hedge, subject, overflow, apposition
        )

    def read_clock_or_year(self, q: Quantity, approx: bool, hedge: str | None) -> Candidate | None:
        """Four plain digits: a 24-hour clock time before a time zone, or a calendar
        year or decade; None for a count."""
        text = self.text
        start, end = q.start, q.end
        raw_digits = text[start:end]
        # "0430 GMT", "2115 UTC": a 24-hour clock time with a zero written first, or one
        # past any calendar year (years up to 2100 are read as times below)
        if (raw_digits[0] == "0" or "2100" < raw_digits < "2400") and raw_digits.isdigit():
            tz = lx.TIMEZONE.match(text, end)
            if tz and tz[1] and int(raw_digits[2:]) < 60:
                value = int(raw_digits[:2]) * 3600 + int(raw_digits[2:]) * 60
                return Candidate(start, tz.end(), value, tz[1], "time", tz.end(), approx, hedge)
        # bare calendar years and decades
        if not (
            lx.FOUR_DIGITS.fullmatch(raw_digits)
            and 1000 <= int(raw_digits) <= 2100
            and hedge is None
        ):
            return None
        tz = lx.TIMEZONE.match(text, end)
        hhmm = int(raw_digits)
        if tz and tz[1] and hhmm % 100 < 60 and hhmm // 100 <= 24:  # "at 1300 GMT"
            value = hhmm // 100 * 3600 + hhmm % 100 * 60
            return Candidate(start, tz.end(), value, tz[1], "time", tz.end())
        if text[end : end + 1] == "s" and not text[end + 1 : end + 2].isalpha():
            return Candidate(start, end + 1, raw_digits, "date", "year", end + 1, approx=True)
        fz = lx.FUZZY_LEFT.search(self.left(start, 24))
        if fz:  # "mid-2030", "early 2024", "the end of 2025"
            return Candidate(start - len(fz[0]), end, raw_digits, "date", "year", end, approx=True)
        nxt = lx.NOUN_WORDS.match(text, end)
        if (
            nxt
            and nxt[1].islower()
            and singular(nxt[1]) != nxt[1].lower()
            and nxt[1].lower() not in lx.STOP
            and int(raw_digits) < 1900
        ):
            return None  # "1500 troops": a count before a plural noun
        return Candidate(start, end, raw_digits, "date", "year", end)

    def read_ago(self, q: Quantity, approx: bool, hedge: str | None) -> Candidate | None:
        """A duration followed by "ago": the date it resolves to from publication."""
        text = self.text
        ago = lx.AGO.match(text, q.end)
        if not ago or self.published is None:
            return None
        du = lx.DURATION_TAIL.search(text, q.start, q.end)
        unit_name = singular(du[1].lower()) if du else "year"
        unit_name = {"yr": "year", "yrs": "year"}.get(unit_name, unit_name)
        if not isinstance(q.value, (int, float)) or unit_name not in (
            "year",
            "month",
            "week",
            "day",
            "decade",
        ):
            return None
        amount = q.value / DURATION_UNITS[unit_name]
        if amount != int(amount):
            return None
        d = relative(unit_name, -int(amount), self.published)
        if d is None:
            return None
        return Candidate(q.start, ago.end(), d, "date", "date", ago.end(), approx, hedge)

    def age_reading(self, q: Quantity, is_plain: bool, lw: str) -> tuple[str, str, bool]:
        """(kind, unit, apposition) of ``q`` once ages are recognised ("aged 68",
        "Harriet Shaw, 68,", "she turned 40") and a hyphenated noun ("a 1,000-page
        report") is taken as the unit."""
        text = self.text
        start, end, value = q.start, q.end, q.value
        kind, unit = q.kind, q.unit
        apposition = False
        if is_plain and lw == "aged":
            kind, unit = "age", "year"
        elif (
            is_plain
            and lw in ("turned", "turns", "now")
            and isinstance(value, int)
            and 0 < value < 120
            and not self.counts_people_or_things(end)
            and (lw != "now" or "born" in self.clause_left(start, 90).lower())
        ):
            kind, unit = "age", "year"  # "she turned 40", "born in 1969 and now 56"
        elif (
            is_plain
            and isinstance(value, int)
            and 0 < value < 120
            and lx.PERSON_IS_LEFT.search(self.left(start, 14))
            and lx.AGE_END_RIGHT.match(text, end)
        ):
            kind, unit = "age", "year"  # "He's 24.", "the mayor, who is 58, said"
        if is_plain and text[end : end + 1] in "-\u2010":
            hyph = lx.HYPHEN_NOUN.match(text, end)
            if hyph and hyph[1].lower() not in lx.STOP:
                unit = hyph[1].lower()  # "a 1,000-page report", "the 27-member bloc"
        elif (
            is_plain
            and isinstance(value, int)
            and 0 < value < 120
            and lx.NAME_COMMA_LEFT.search(self.left(start, 40))
            and lx.AGE_RIGHT.match(text, end)
        ):
            kind, unit, apposition = "age", "year", True
        if kind == "age" and self.left(start, 30).rstrip().endswith(","):
            apposition = True
        if kind == "age" and lx.DETERMINER_LEFT.search(self.left(start, 12)):
            apposition = True
        return kind, unit, apposition

    def read_counted_or_rate(
        self, q: Quantity, plus: re.Match[str] | None, kind: str, unit: str, resume: int
    ) -> tuple[int, str, str, str | None, int]:
        """The counted noun and a rate after a figure ("8,000 troops", "$5 a day",
        "270 per 100,000", poll "points"): (end, kind, unit, subject, resume)."""
        text = self.text
        start, end = q.start, q.end
        noun, subject, noun_end = self.counted_noun(plus.end() if plus else end)
        if kind in ("percent", "measure") and not lx.OF_DET.match(text, end):
            subject = None
        if kind == "count" and "point" in (noun, unit) and self.poll_points(start, end):
            # "four points ahead ... according to a poll": percentage points
            if noun == "point":
                end = noun_end
            else:  # "a 4-point lead"
                hy = lx.HYPHEN_NOUN.match(text, end)
                end = hy.end() if hy and hy[1].lower() == "point" else end
            kind, unit, subject = "percent", "percentage_point", None
        elif kind == "count" and noun:
            unit = noun
        rate = lx.RATE_TAIL.match(text, noun_end if noun and kind == "count" else end)
        if rate is None and kind == "money" and noun:
            rate = lx.RATE_TAIL.match(text, noun_end)
        if rate:
            per = self.rate_denominator(rate)
            if per:
                unit = f"{unit or 'count'}/{per}"
                kind = "rate"
                resume = max(resume, rate.end())
                if rate.start() == end and rate["pn"] and rate["pn"][0].isdigit():
                    # "270 per 100,000": the numeric denominator is part of the span
                    dm = DIGITS.match(text, rate.start("pn"))
                    end = dm.end() if dm else end
        return end, kind, unit, subject, resume

    def poll_points(self, start: int, end: int) -> bool:
        """Whether "points" near ``start`` are percentage points: a poll, survey or
        margin of error is mentioned close by (a league table's points are not)."""
        text = self.text
        if lx.SPORTS_POINTS.search(text, end, end + 40):
            return False
        if lx.POLL_WORDS.search(text, max(0, start - 300), min(len(text), end + 120)):
            return True
        # "turnout was 71.2pc, up 3.1 points": points of a share stated just before (a stock
        # index's points are not)
        clause = self.clause_left(start, 120)
        return bool(lx.PERCENT_BEFORE.search(clause)) and not lx.INDEX_WORDS.search(clause)

    def rate_denominator(self, rate: re.Match[str]) -> str | None:
        if rate["sl"]:
            sl = rate["sl"].lower()
            return {"hour": "h", "hr": "h", "yr": "year"}.get(sl, sl)
        if rate["p"]:
            p = rate["p"].lower()
            return RATE_PERIODS.get(p, singular(p))
        if rate["adv"]:
            return RATE_ADVERBS[rate["adv"].lower()]
        pn = rate["pn"] or ""
        if pn.lower() in ("cent",):
            return None
        parts = pn.split()
        if parts and parts[0][0].isdigit():
            parsed = parse_digits(parts[0])
            if parsed is None:
                return None
            n = parsed[0]
            head = singular(parts[1]) if len(parts) > 1 else ""
            label = (
                f"{int(n) // 1000}k"
                if isinstance(n, int) and n >= 1000 and n % 1000 == 0
                else str(n)
            )
            return f"{label}_{head}" if head else label
        return RATE_PERIODS.get(pn.lower(), singular(pn.lower()))

    def counted_noun(self, pos: int) -> tuple[str, str | None, int]:
        """The noun a number counts: ("troop", "Rhovan troops", end) for "8,000 Rhovan troops"."""
        text = self.text
        nxt = lx.NOUN_WORDS.match(text, pos)
        if nxt is None:
            return "", None, pos  # no word follows (which "of" and "more" need too)
        # OF_DET and MORE_BEFORE_NOUN match that next word: most words are neither
        first = nxt[1].lower()
        of = lx.OF_DET.match(text, pos) if first.startswith("of") else None
        if of:
            pos = of.end()
            owner = lx.POSSESSIVE.match(text, pos)  # "five of the train's eight carriages"
            if owner:
                pos = owner.end()
            skip = lx.OF_NUMBER.match(text, pos)
            if skip and (
                skip[0].strip()[:1].isdigit()
                or read_number_words(text, skip.end() - len(skip[0].strip())) is not None
            ):
                pos = skip.end()
            nxt = None
        words: list[tuple[str, str, str, int]] = []  # (word, lower-cased, singular, end)
        i = pos
        if of or first in lx.MORE_WORDS or not first.isascii():  # (re.I reads "ı" as "i")
            more = lx.MORE_BEFORE_NOUN.match(text, i)  # "two more rate cuts", "a further 240"
            if more:
                i = more.end()
                nxt = None
        for _ in range(5):
            m = nxt or lx.NOUN_WORDS.match(text, i)
            nxt = None
            if m is None:
                break
            w = m[1]
            lw = w.lower()
            if (
                lw in lx.STOP
                or lw.endswith(("n't", "n’t"))  # "10,000 won't come close": a verb
                or (lw.endswith("ly") and len(lw) > 4)
                or (lw.endswith("ed") and len(lw) > 4 and not words)
                or (lw in MONTHS and w[0].isupper())
            ):
                break
            i = m.end()
            sg = singular(lw)
            words.append((w, lw, sg, i))
            if sg != lw:
                break
        if not words:
            return "", None, pos
        # head: the first plural-looking word, else the last word
        head_i = len(words) - 1
        for k, (_, lw, sg, _) in enumerate(words):
            if sg != lw or lw in ("people", "police", "staff"):
                head_i = k
                break
        head, low, sg, head_end = words[head_i]
        if low.endswith("est") and head_i == len(words) - 1:
            return "", None, pos
        if low.endswith(("ing", "ed")) and head_i == 0 and sg == low:
            return "", None, pos
        if head[0].isupper() and sg == low:
            return "", None, pos
        # the unit is the head noun alone ("73 attack drones" and "37 drones" both count
        # drones, so figures stay comparable across articles); the subject keeps the phrase
        subject = text[pos:head_end].strip()
        return sg, subject, head_end

    def read_range(self, q: Quantity, lw: str, sep: re.Match[str]) -> Candidate | None:
        """The range, year range or score ``q`` opens with the separator ``sep``
        (``RANGE_SEP`` matched after it), or None."""
        text = self.text
        word = (sep[1] or "").lower()
        if not self.range_word_fits(q, lw, sep, word):
            return None
        if (
            word in ("to", "")
            and q.kind == "count"
            and not q.unit
            and isinstance(q.value, int)
            and text[sep.end() : sep.end() + 1].isdigit()
        ):
            hours = self.time_range_to(q.start, q.value, sep.end())
            if hours is not None:
                return hours
        q2 = self.quantity(sep.end())
        if q2 is None:
            return None
        if not word:
            # hyphenated digits: a score in a match context, else a range
            score = self.read_score(q, q2)
            if score is not None:
                return score
            if DIGITS.match(text, q2.start) is None and not lx.CURRENCY_AT.match(text, q2.start):
                return None
        if q.unit and q2.unit and q.unit != q2.unit and q.kind != "count":
            return None
        if q.kind == "percent" and q2.kind != "percent":
            return None
        lo, hi = self.range_ends(q, q2)
        if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)):
            return None
        four = lx.FOUR_DIGITS.fullmatch(text[q.start : q.end])
        if four:
            years = self.year_range(q, q2, four[0], word, hi > lo)
            if years is not None:
                return years
        if hi <= lo:
            return None
        return self.range_figure(q, q2, lw, lo, hi)

    def range_word_fits(self, q: Quantity, lw: str, sep: re.Match[str], word: str) -> bool:
        """Whether the separator after ``q`` ("and", "to", "or", a dash) can join a
        range, given ``lw``, the word before ``q``."""
        if word == "and" and lw != "between":
            return False
        if (
            (word in ("to", "or") or (not word and len(sep[0]) > 1))  # "20-25%" is a range
            and (
                (lw == "by" and not self.change_amount_range(q, sep))
                # the ends of a change ("rose from 3 to 5", "fell 10% to $5m"), not a
                # span after a change word further back ("a surge of 3 to 5 metres")
                or (
                    lw in lx.CHANGE_ENDS_LEFT
                    and lx.CHANGE_VERB.search(self.clause_left(q.start))
                    and not (lw in lx.CHANGE_AMOUNT_LEFT and self.change_amount_range(q, sep))
                )
            )
        ):
            return False
        return not (not word and q.words)

    def change_amount_range(self, q: Quantity, sep: re.Match[str]) -> bool:
        """ "by 2 to 3 points", "down 1 to 2 per cent": after "by", "up" or "down" a bare
        number and one with the unit make a range of the change ("by 2% to 5%" and "rose
        by 2 to 5,000" are the change and the new level)."""
        if q.kind != "count" or q.unit or q.scaled or q.currency or sep[1] != "to":
            return False
        q2 = self.quantity(sep.end())
        return (
            q2 is not None
            and q2.kind in ("percent", "measure", "count")
            and (q2.kind != "count" or bool(lx.POINTS_AFTER.match(self.text, q2.end)))
        )

    def read_score(self, q: Quantity, q2: Quantity) -> Candidate | None:
        """Two counts joined by a hyphen ("3-1"): a score when small or in a match."""
        if q.kind != "count" or q2.kind != "count" or q.scaled or q2.currency:
            return None
        small = (
            isinstance(q.value, int)
            and isinstance(q2.value, int)
            and q.value <= 20
            and q2.value <= 20
            and q2.value <= q.value
        )
        if (
            small
            or lx.SCORE_CONTEXT_LEFT.search(self.clause_left(q.start, 50))
            or lx.SCORE_CONTEXT_RIGHT.match(self.text, q2.end)
        ):
            return Candidate(q.start, q2.end, (q.value, q2.value), "score", "score", q2.end)
        return None

    def range_ends(self, q: Quantity, q2: Quantity) -> tuple[Number, Number]:
        """The low and high values of a range, the low end taking the high end's scale
        ("$61-63 billion") or duration unit ("2 to 3 hours")."""
        text = self.text
        lo, hi = q.value, q2.value
        if q2.scaled and not q.scaled and q.kind in ("count", "money") and not q.words:
            written = _unscaled(text, q2)
            factor = q2.value / written if written else 1
            lo, _ = (
                apply_scale(q.value, int(factor))
                if factor == int(factor)
                else (q.value * factor, False)
            )
        if q.kind == "duration" and q2.kind == "duration":
            lo = q.value
        elif q2.kind == "duration" and q.kind == "count":
            du = lx.DURATION_TAIL.search(text, q2.start, q2.end)
            lo = q.value * DURATION_UNITS[du[1].lower()] if du else q.value
        return lo, hi

    def year_range(
        self, q: Quantity, q2: Quantity, first: str, word: str, rising: bool
    ) -> Candidate | None:
        """A range of years ("2019-20", "1990 to 2010") from the four digits ``first``;
        ``rising``: the second number is the larger."""
        text = self.text
        second = text[q2.start : q2.end]
        recent = 1900 <= int(first) <= 2100
        if not word and lx.YEAR_END.fullmatch(second):
            y2 = text[q.start : q.start + 2] + second if len(second) == 2 else second
            # "2019-20": the numbers fall (20 < 2019) but the years rise
            if (recent and y2 > first) or rising:
                return Candidate(q.start, q2.end, (first, y2), "date", "range", q2.end)
        if rising and recent and lx.FOUR_DIGITS.fullmatch(second):
            return Candidate(q.start, q2.end, (first, second), "date", "range", q2.end)
        return None

    def range_figure(self, q: Quantity, q2: Quantity, lw: str, lo: Number, hi: Number) -> Candidate:
        """The range from ``q`` to ``q2``: its currency, hedge, counted noun and rate."""
        text = self.text
        unit = q2.unit or q.unit
        cur = self.currency_before(q.start)
        start = q.start
        if cur and not q.currency:
            unit = CURRENCY_PREFIXES[cur[1]]
            start -= len(cur[0])
        if q2.kind == "money" and not unit:
            unit = q2.unit
        hedge, _ = self.hedge(start)
        if q2.kind == "duration" and hedge == "over":
            hedge = None
        resume = q2.end
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        subject = None
        if q2.kind in ("count",) and not q.currency and not cur:
            noun, subject, noun_end = self.counted_noun(q2.end)
            if noun:
                unit = noun
            rate = lx.RATE_TAIL.match(text, noun_end if noun else q2.end)
            if rate:
                per = self.rate_denominator(rate)
                if per:
                    unit = f"{unit or 'count'}/{per}"
                    resume = rate.end()
        if lw == "aged" or (lw == "between" and self.last_word(start - len("between ")) == "aged"):
            unit = "year"
        lo_n, lo_over = to_number(lo)
        hi_n, hi_over = to_number(hi)
        overflow = q.overflow or q2.overflow or lo_over or hi_over
        return Candidate(
            start, q2.end, (lo_n, hi_n), unit, "range", resume, approx, hedge, subject, overflow
        )

    def read_ordinal(self, s: int, e: int, value: int) -> tuple[Candidate | None, int]:
        text = self.text
        sup = lx.SUPERLATIVE.match(text, e)
        if sup:
            return Candidate(s, sup.end(), value, "rank", "ordinal", sup.end()), sup.end()
        if lx.CAPITALISED_NEXT.match(text, e):
            return None, e  # "93rd Mechanised Brigade": part of a name
        if value == 0:
            return None, e
        return Candidate(s, e, value, "rank", "ordinal", e), e


def _share_to_units(text: str, cands: list[Candidate]) -> None:
    """ "from 1,800 to 2,700 kWh", "rose 3 to 5 per cent", "from $1.2 to $1.5 billion": the
    first number of a from-to pair takes the unit (and, after "from", the scale word)
    written only after the second. Candidates are in text order."""
    for c, n in itertools.pairwise(cands):
        if n.start - c.end > 6 or not text.startswith(" to ", c.end):
            continue  # most neighbours are further apart
        if c.kind not in ("count", "money") or n.kind not in (
            "count",
            "money",
            "measure",
            "percent",
        ):
            continue
        if not lx.TO_BETWEEN.fullmatch(text, c.end, n.start):
            continue
        first = text[c.start : c.end]
        if not lx.PLAIN_NUMBER.fullmatch(first.lstrip("$€£¥")):
            continue
        after_from = text[max(0, c.start - 5) : c.start].lower() == "from "
        if c.kind == "count" and not c.unit and n.kind in ("measure", "percent"):
            c.kind, c.unit = n.kind, n.unit
        elif c.kind == "count" and not c.unit and n.kind == "count" and n.unit and after_from:
            c.unit = n.unit
        if not after_from or not isinstance(c.value, (int, float)) or c.kind != n.kind:
            continue
        if c.kind == "money" and c.unit != n.unit:
            continue
        sc = lx.SCALE_AT_END.search(text, n.start, n.end)
        if sc and c.kind in ("count", "money"):
            factor = SCALE_WORDS.get(sc[1].lower()) or SCALE_ABBREVIATIONS.get(sc[1].lower())
            if factor:
                c.value, overflow = apply_scale(c.value, factor)
                c.overflow = c.overflow or overflow


def _unscaled(text: str, q: Quantity) -> Number:
    """The written number of ``q`` before its scale word (for "$61-63 billion")."""
    m = lx.FIRST_NUMBER.search(text, q.start, q.end)
    if m:
        p = parse_digits(m[0])
        if p:
            return p[0]
    return 0


def extract(doc: Document) -> list[Figure]:
    """All figures of ``doc`` in text order. Never raises on odd input."""
    text = doc.text
    if not text:
        return []
    ascii_text = text.isascii()
    read = doc
    # str.translate looks up every character in Python: 7% of the engine's time on
    # news with a dash or a curly quote; three C-speed scans rule it out first
    if not ascii_text and ("\u066b" in text or "\u066c" in text or "\u066a" in text):
        read = Document(text.translate(ARABIC_SIGNS), doc.published)
    reader = _Reader(read)
    cands = reader.run()
    cands.sort(key=_BY_START)
    _share_to_units(text, cands)
    if not ascii_text:
        for c in cands:
            c.value = _ascii_dates(c.value)
    return context.annotate(doc, cands, reader.verbs)


# The Arabic decimal and thousands separators and percent sign, written with
# Arabic-Indic digits ("١٢٫٥٪"), read as their ASCII counterparts. One
# character for one, so offsets still point into the original text, which the
# surfaces and sentences come from.
ARABIC_SIGNS = str.maketrans({"\u066b": ".", "\u066c": ",", "\u066a": "%"})


def _ascii_dates(value: Value) -> Value:
    """Date and year strings are sliced from the text; in another digit script
    ("٢٠٢٤") they become the contract's ASCII form ("2024")."""
    if isinstance(value, str):
        if value.isascii():
            return value
        return "".join(str(unicodedata.decimal(ch, "")) or ch for ch in value)
    if isinstance(value, tuple):
        return (_ascii_dates(value[0]), _ascii_dates(value[1]))  # type: ignore[return-value]
    return value
