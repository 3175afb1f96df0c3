"""Reading figures written in words: "a dozen", "two-thirds", "one in five", "twice",
"tripled", "third-largest", "thousands of", "several hundred", "for months"."""

from __future__ import annotations

from . import lexicon as lx
from .dates import relative
from .numbers import (
    FRACTION_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    UNITS_WORDS,
    Number,
    parse_digits,
    read_number_words,
    to_number,
)
from .patterns import (
    CURRENCY_CODES_GLUED,
    DIGITS,
    FRACTION,
)
from .reader import Candidate, Quantity, ReaderBase
from .units import (
    DURATION_UNITS,
    MEASURE_WORDS,
    RATE_PERIODS,
)

TENS_VALUES = frozenset(range(20, 100, 10))


class WordReader(ReaderBase):
    def read_word(self, s: int, word: str) -> Candidate | None:
        text = self.text
        lw = word.lower()
        if word in lx.VULGAR_FRACTIONS or word in CURRENCY_CODES_GLUED:
            return self.read_sign(s, word)
        if lw in ("noon", "midday", "midnight"):
            return self.read_noon(s, word)
        if lw in ("last", "this", "next", "previous"):
            m = lx.RELATIVE.match(text, s)
            if m is None or self.published is None:
                return None
            unit = m[2].lower()
            step = {"last": -1, "previous": -1, "this": 0, "next": 1}[lw]
            if unit == "decade":
                return None
            if unit in lx.SEASON_LAST_MONTH:
                return self.read_season(s, m.end(), unit, step)
            d = relative(unit, step, self.published)
            if d is None:
                return None
            return Candidate(s, m.end(), d, "date", "date", m.end())
        if word in ("Q", "H", "FY"):
            return self.read_period(s)
        if lw == "yesterday":
            if self.published is None:
                return None
            d = relative("day", -1, self.published)
            return Candidate(s, s + 9, d, "date", "date", s + 9) if d else None
        if lw == "fortnight":  # "the past fortnight" ("a fortnight" is read from the "a")
            if (self.last_word(s) or "").lower() not in lx.FORTNIGHT_LEFT:
                return None
            return Candidate(s, s + 9, 1_209_600, "s", "duration", s + 9)
        if word[0].isupper() and not self.at_sentence_start(s):
            if lw not in ("a", "an") and self.prev_word(s) is not None:
                pw = self.prev_word(s) or ""
                if pw[0].isupper() and pw.lower() not in lx.LEFT_OK:
                    return None
            if lw not in ("a", "an") and word not in ("Thousands", "Hundreds", "Dozens"):
                nxt = lx.CAPITALISED_NEXT.match(text, s + len(word))
                if nxt:
                    return None
        if lw in lx.VAGUE or lw in ("tens",):
            return self.read_vague(s, word)
        if lw in ("days", "months", "years", "decades", "weeks"):
            return self.read_vague_duration(s, word)
        if lw in ("hundred", "thousand", "million", "billion", "dozen"):
            return self.read_several(s, word)
        if lw in lx.MULTIPLIERS or lw in ("twice", "once"):
            return self.read_multiplier(s, word)
        if lw == "half" or lw == "quarter":
            return self.read_half(s, word)
        if lw in ORDINAL_WORDS:
            return self.read_ordinal_word(s, word)
        if lw in ("a", "an"):
            return self.read_a(s)
        return self.read_cardinal_word(s, word)

    def read_sign(self, s: int, word: str) -> Candidate | None:
        """A currency code glued to its digits ("RMB12,000": money) or a Unicode
        fraction standing alone ("¾ of the stock": a share, in percent like "three
        quarters of"; a lone fraction sign elsewhere is left alone)."""
        if word in CURRENCY_CODES_GLUED:
            q = self.quantity(s)
            return self.finish(q) if q is not None and q.kind == "money" else None
        e = s + len(word)
        if not lx.OF_AFTER.match(self.text, e):
            return None
        return self.percent_figure(s, e, lx.VULGAR_FRACTIONS[word] * 100)

    def read_period(self, s: int) -> Candidate | None:
        """ "Q3" the third quarter and "H1" the first half (ordinals, as "third
        quarter"), "FY2024" and "FY24" a fiscal year."""
        m = lx.PERIOD.match(self.text, s)
        if m is None:
            return None
        if m[1]:
            return Candidate(s, m.end(), int(m[1][1]), "rank", "ordinal", m.end())
        year = m[2] if len(m[2]) == 4 else "20" + m[2]
        return Candidate(s, m.end(), year, "date", "year", m.end())

    def read_season(self, s: int, e: int, season: str, step: int) -> Candidate | None:
        """ "last summer", "this winter", "next spring": the year of that season (winter
        by its January), approximate. "last summer" in November is this year's."""
        assert self.published is not None
        # a season dates a figure after a preposition ("since last summer"), as a
        # possessive ("last summer's peak") or opening a sentence; "fought there last
        # autumn" dates an event, not a figure
        if not (
            self.last_word(s) in lx.SEASON_LEFT
            or self.text[e : e + 2] in ("'s", "’s")
            or self.at_sentence_start(s)
        ):
            return None
        year, month = self.published.year, self.published.month
        ends = lx.SEASON_LAST_MONTH[season]
        if season == "winter":
            over = month > ends and month != 12  # December belongs to the next winter
            current = year + 1 if month == 12 else year  # the winter's January
            value = current + step if step > 0 else current if step == 0 or over else current - 1
        else:
            over = month > ends  # the season this year has ended
            if step < 0:
                value = year if over else year - 1
            elif step > 0:
                value = year + 1 if over or month >= ends - 2 else year
            else:
                value = year
        return Candidate(s, e, str(value), "date", "date", e, approx=True)

    def read_noon(self, s: int, word: str) -> Candidate | None:
        """ "at noon", "around midnight", "by midday", "between noon and 5pm": a time of
        day, when a preposition of time comes first ("the midnight deadline" has none)."""
        if word[0].isupper() or self.last_word(s) not in lx.NOON_LEFT:
            return None
        e = s + len(word)
        unit = "local"
        tz = lx.TIMEZONE.match(self.text, e)
        if tz and tz[1]:
            unit, e = tz[1], tz.end()
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        value = 0 if word == "midnight" else 43200
        return Candidate(s, e, value, unit, "time", e, approx, hedge)

    def read_cardinal_word(self, s: int, word: str) -> Candidate | None:
        text = self.text
        got = self.number_words(s)
        if got is None:
            return None
        end, value = got
        if value in TENS_VALUES:
            co = lx.COMPOUND_ORDINAL.match(text, end)
            if co and not (co[1].lower() == "second" and self.last_word(s) in ("a", "an")):
                # "twenty-first": the ordinal, not twenty ("a thirty-second clip" lasts)
                return self.read_ordinal_word(
                    s, word, co.end(), value + ORDINAL_WORDS[co[1].lower()]
                )
        if value < 20 and text[end : end + 1] in "-\u2010\u2013":
            rng = self.word_score(s, end, value) or self.word_range(s, end, value)
            if rng is not None:
                return rng
        if 1 <= value <= 12 and lx.OCLOCK.match(text, end):
            return self.word_oclock(s, lx.OCLOCK.match(text, end).end(), value)  # type: ignore[union-attr]
        # fractions: "two-thirds", "three quarters"
        fr = FRACTION.match(text, end)
        if fr and value < 20 and not lx.POINT_TAIL.match(text, fr.end()):
            denom = FRACTION_WORDS[fr[1].lower()]
            spaced = not fr[0].startswith(("-", "\u2010"))
            if fr[1].lower() not in ("second",) and not (
                spaced and value != 1 and not lx.OF_AFTER.match(text, fr.end())
            ):
                return self.percent_figure(s, fr.end(), value * 100 / denom)
        # "one in five"
        inn = lx.IN_N.match(text, end)
        if inn and self.last_word(s) not in lx.TALLY_VERBS:
            other = read_number_words(text, inn.end())
            dm = DIGITS.match(text, inn.end())
            denom_v: Number | None = None
            denom_end = 0
            if other:
                denom_end, denom_v = other
            elif dm:
                pd = parse_digits(dm[0])
                denom_v, denom_end = (pd[0] if pd else None), dm.end()
            if denom_v:
                return self.percent_figure(s, denom_end, value * 100 / denom_v)
        # "two- or threefold"
        of = lx.OR_FOLD.match(text, end)
        if of:
            w2 = of[1].lower()
            if w2 in UNITS_WORDS and UNITS_WORDS[w2] > value:
                hedge, _ = self.hedge(s)
                return Candidate(
                    s,
                    of.end(),
                    (value, UNITS_WORDS[w2]),
                    "times",
                    "range",
                    of.end(),
                    hedge is not None and hedge not in lx.NOT_APPROX,
                    hedge,
                )
        fold = lx.FOLD_TAIL.match(text, end)
        if fold:
            hedge, _ = self.hedge(s)
            return Candidate(
                s,
                fold.end(),
                value,
                "times",
                "measure",
                fold.end(),
                hedge is not None and hedge not in lx.NOT_APPROX,
                hedge,
            )
        q = self.quantity(s, allow_currency_prefix=False)
        if q is None:
            return None
        if q.m_suffix:
            return None
        # "one" is mostly idiom ("one of the", "one day"): a figure only with a unit,
        # a hedge, or as "one more/one new X" after a bound
        if value == 1 and word.lower() == "one" and not self.one_is_a_figure(s, q):
            return None
        # "minus eight Celsius" (most words follow no "minus ": look for its "s " first)
        sign = self.sign_before(s) if text[s - 2 : s] in ("s ", "S ") else 0
        if sign:  # "minus eight Celsius"
            q.value, q.start = -q.value, q.start - sign
        return self.finish(q)

    def word_score(self, s: int, end: int, value: Number) -> Candidate | None:
        """ "beaten them three-two", "one-one at half-time", "won two-nil": a score in
        words, in a match context (the second no larger than the first, or a score word
        before or after)."""
        text = self.text
        m = lx.WORD_SCORE_SECOND.match(text, end)
        if m is None:
            return None
        w = m[1].lower()
        second = (
            0 if w in ("nil", "nought", "zero") else value if w == "all" else UNITS_WORDS.get(w)
        )
        if second is None or second > 20:
            return None
        if not (
            lx.SCORE_CONTEXT_LEFT.search(self.clause_left(s, 50))
            or lx.SCORE_CONTEXT_RIGHT.match(text, m.end())
            or lx.SCORE_TIME_RIGHT.match(text, m.end())
        ):
            return None
        return Candidate(s, m.end(), (value, second), "score", "score", m.end())

    def word_oclock(self, s: int, e: int, hour: Number) -> Candidate:
        """ "seven o'clock": the hour as written (as "7 o'clock" is read)."""
        unit = "local"
        tz = lx.TIMEZONE.match(self.text, e)
        if tz and tz[1]:
            unit, e = tz[1], tz.end()
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        return Candidate(s, e, int(hour) % 24 * 3600, unit, "time", e, approx, hedge)

    def word_range(self, s: int, end: int, value: Number) -> Candidate | None:
        """ "two-three hours", "four-five days": a range of number words joined by a
        hyphen, the unit read after the second; the first end in the same unit."""
        text = self.text
        if value < 2 or not lx.WORD_RANGE_HYPHEN.match(text, end):
            return None
        got = read_number_words(text, end + 1)
        if got is None or not (value < got[1] <= 2 * value + 1) or got[1] >= 20:
            return None
        q2 = self.quantity(end + 1, allow_currency_prefix=False)
        if q2 is None or q2.m_suffix:
            return None
        second = self.finish(q2)
        if second is None or second.kind not in ("count", "duration", "measure", "money"):
            return None
        if not isinstance(second.value, (int, float)):
            return None
        lo, _ = to_number(value * second.value / got[1])
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        return Candidate(
            s,
            second.end,
            (lo, second.value),
            second.unit,
            "range",
            second.resume,
            approx,
            hedge,
            second.subject,
        )

    def one_is_a_figure(self, s: int, q: Quantity) -> bool:
        """ "One" is mostly idiom ("one of the", "one day", "no one"): a figure when bounded
        ("at least one"), or counting a noun ("one person was killed")."""
        hedge, _ = self.hedge(s)
        if hedge is not None:
            return True
        if q.kind == "duration":  # "one day, she said" is idiom; "one hour and 36 minutes" not
            return self.text[s : q.end].lower() != "one day" or bool(
                lx.DURATION_PREP_LEFT.search(self.left(s, 16))
            )
        if q.kind != "count":
            return True
        if self.last_word(s) in lx.ONE_LEFT_IDIOM:
            return False
        nxt = lx.NOUN_WORDS.match(self.text, q.end)
        if nxt is None:
            return False
        w = nxt[1].lower()
        return w not in lx.STOP and w not in lx.ONE_RIGHT_IDIOM and nxt[1][0].islower()

    def percent_figure(self, s: int, e: int, value: float) -> Candidate:
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        of_scale = lx.OF_A_SCALE.match(self.text, e)
        if of_scale:  # "a quarter of a million people": a count, not a share
            q = Quantity(
                s, of_scale.end(), value / 100 * lx.SCALES[of_scale[1].lower()], scaled=True
            )
            q.value, q.overflow = to_number(round(q.value, 6))
            return self.finish(q) or Candidate(s, e, q.value, "", "count", e)
        v, _ = to_number(value)
        subject = None
        of = lx.OF_DET.match(self.text, e)
        if of:
            _, subject, _ = self.counted_noun(e)
        return Candidate(s, e, v, "percent", "percent", e, approx, hedge, subject)

    def read_a(self, s: int) -> Candidate | None:
        text = self.text
        fr = lx.FRACTION_AFTER_A.match(text, s)
        if fr:
            word = fr[1].lower()
            if word in ("half", "quarter") and lx.POINT_TAIL.match(text, fr.end()):
                end = lx.POINT_TAIL.match(text, fr.end()).end()  # type: ignore[union-attr]
                return self.pp_figure(s, end, 0.5 if word == "half" else 0.25)
            if word == "quarter" and lx.CENTURY_TAIL.match(text, fr.end()):
                m = lx.CENTURY_TAIL.match(text, fr.end())
                return Candidate(s, m.end(), 25 * DURATION_UNITS["year"], "s", "duration", m.end())  # type: ignore[union-attr]
            if word == "half" and text[fr.end() : fr.end() + 1] in "-\u2010":
                hs = lx.HALF_SCALE.match(text, fr.end())
                if hs:  # "a half-million cars"
                    half = SCALE_WORDS[hs[1].lower()] // 2
                    return self.finish(Quantity(s, hs.end(), half, scaled=True))
                return None  # "a half-hour show", "a half-hearted bid"
            if word in ("half",) and lx.HALF_A_TAIL.match(text, fr.end()):
                return None  # "a half" inside "and a half" / "a half dozen" is read elsewhere
            if word in ("second",):
                return None
            if word in FRACTION_WORDS and not word.endswith("s"):
                if word != "half" and lx.ORDINAL_USE.match(text, fr.end()):
                    value = ORDINAL_WORDS.get(word)
                    if value is None:
                        return None
                    w_start = fr.start(1)
                    return Candidate(w_start, fr.end(), value, "rank", "ordinal", fr.end())
                return self.percent_figure(s, fr.end(), 100 / FRACTION_WORDS[word])
        dz = lx.A_DOZEN.match(text, s)
        if dz and lx.PRICE_LEFT.search(self.left(s, 16)):
            return None  # "£2.95 a dozen": the unit a price is for, not a count
        if dz:
            return self.finish(Quantity(s, dz.end(), 12))
        q = self.number_at(s)
        if q is not None and not q.words:
            return None
        if q is not None:  # "a dozen", "a hundred", "a million"
            q2 = self.quantity(s, allow_currency_prefix=False)
            return self.finish(q2) if q2 else None
        # "a week", "a month", "a century": a duration after a preposition or hedge
        m = lx.A_DURATION.match(text, s)
        if m is None:
            return None
        unit = m[1].lower()
        ago = lx.AGO.match(text, m.end())
        if ago:
            if self.published is None or unit not in (
                "year",
                "month",
                "week",
                "day",
                "decade",
                "century",
            ):
                return None
            d = relative(unit, -1, self.published)
            return Candidate(s, ago.end(), d, "date", "date", ago.end()) if d else None
        earlier = lx.YEAR_EARLIER.match(text, m.end()) if unit == "year" else None
        if earlier and self.published is not None:
            # "up from 1.2bn a year earlier": the year before the one the clause is about
            clause = self.clause_left(s, 150)
            years = list(lx.YEAR_IN_TEXT.finditer(clause))
            # a month named after the last year ("in 2024, but in the year to September")
            # is the publication year's: "a year earlier" is the year before that one
            month = lx.MONTH_NO_YEAR.search(clause, years[-1].end() if years else 0)
            year = int(years[-1][1]) - 1 if years and month is None else self.published.year - 1
            return Candidate(s, earlier.end(), f"{year:04d}", "date", "date", earlier.end())
        later = unit in lx.LATER_UNITS and lx.LATER_AFTER.match(text, m.end())
        if not later and not lx.DURATION_PREP_LEFT.search(self.left(s, 16)):
            return None  # ("a minute later" is the time between two events)
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        return Candidate(s, m.end(), DURATION_UNITS[unit], "s", "duration", m.end(), approx, hedge)

    def pp_figure(self, s: int, e: int, value: float) -> Candidate:
        hedge, _ = self.hedge(s)
        return Candidate(
            s,
            e,
            value,
            "percentage_point",
            "percent",
            e,
            hedge is not None and hedge not in lx.NOT_APPROX,
            hedge,
        )

    def read_half(self, s: int, word: str) -> Candidate | None:
        text = self.text
        e = s + len(word)
        lw = word.lower()
        pt = lx.POINT_TAIL.match(text, e)
        if pt:
            return self.pp_figure(s, pt.end(), 0.5 if lw == "half" else 0.25)
        if lw == "quarter":
            return None
        hs = lx.HALF_SCALE.match(text, e) if text[e : e + 1] in "-\u2010" else None
        if hs:  # "the half-million mark": half the scale
            return self.finish(Quantity(s, hs.end(), SCALE_WORDS[hs[1].lower()] // 2, scaled=True))
        m = lx.HALF_A.match(text, e)
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        if m:
            what = m[1].lower()
            if what == "dozen":
                q = Quantity(s, m.end(), 6)
            elif what in MEASURE_WORDS:  # "half a mile"
                unit = MEASURE_WORDS[what]
                return Candidate(s, m.end(), 0.5, unit, "measure", m.end(), approx, hedge)
            elif what in ("million", "billion"):
                q = Quantity(s, m.end(), SCALE_WORDS[what] // 2, scaled=True)
            else:
                secs = DURATION_UNITS[what] // 2
                return Candidate(s, m.end(), secs, "s", "duration", m.end(), approx, hedge)
            return self.finish(q)
        prev = self.prev_word(s)
        if prev and prev.lower() in lx.HALF_PERIOD_LEFT:
            return None
        if lx.HALF_OF_PERIOD.match(text, e):
            return None  # "the same half of 2024": a period, not a share
        if text[e : e + 1] in "-\u2010":
            return None
        if lx.HALF_CONTEXT_RIGHT.match(text, e) or lx.HALF_CONTEXT_LEFT.search(self.left(s, 16)):
            return self.percent_figure(s, e, 50)
        return None

    def read_vague(self, s: int, word: str) -> Candidate | None:
        text = self.text
        t = lx.TENS_OF.match(text, s)
        if t:
            base = {"tens": 10, "hundreds": 100}[t[1].lower()]
            value = base * lx.VAGUE[t[2].lower()]
            end = t.end()
        else:
            if word.lower() == "tens":
                return None
            value = lx.VAGUE[word.lower()]
            end = s + len(word)
        if lx.DIGIT_BEFORE.search(self.left(s, 4)):
            return None  # "2 thousands" is not a vague quantity
        unit, subject, _ = self.counted_noun(end)
        kind = "vague"
        cw = lx.OF_MONEY.match(text, end)
        if cw:
            unit = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY"}[cw[1].lower()]
        return Candidate(s, end, value, unit, kind, end, True, None, subject)

    def read_several(self, s: int, word: str) -> Candidate | None:
        """ "several thousand", "a few hundred": vague, the magnitude of the scale word."""
        left = lx.SEVERAL_LEFT.search(self.left(s, 14))
        if left is None:
            return None
        start = s - len(left[0])
        e = s + len(word)
        value = lx.SCALES[word.lower()]
        unit, subject, _ = self.counted_noun(e)
        hedge, _ = self.hedge(start)
        return Candidate(start, e, value, unit, "vague", e, True, hedge, subject)

    def read_vague_duration(self, s: int, word: str) -> Candidate | None:
        """ "for months", "within weeks", "after years of talks": magnitude of the unit."""
        e = s + len(word)
        if word.lower() == "days" and not (
            self.last_word(s) == "coming" or lx.TO_COME.match(self.text, e)
        ):
            return None
        if not lx.VAGUE_DURATION_LEFT.search(self.left(s, 12)) or lx.VAGUE_DURATION_RIGHT.match(
            self.text, e
        ):
            return None
        secs = DURATION_UNITS[word.lower()]
        return Candidate(s, e, secs, "s", "duration", e, True)

    def read_multiplier(self, s: int, word: str) -> Candidate | None:
        text = self.text
        lw = word.lower()
        e = s + len(word)
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        if lw in ("twice", "once"):
            value = 2 if lw == "twice" else 1
            rt = lx.RATE_AFTER_TIMES.match(text, e)
            if rt:
                return Candidate(
                    s,
                    e,
                    value,
                    f"time/{RATE_PERIODS[rt[1].lower()]}",
                    "rate",
                    rt.end(),
                    approx,
                    hedge,
                )
            if lw == "once":
                return None
            if lx.TIMES_COMPARATIVE.match(text, e) or hedge in ("almost", "nearly", "more than"):
                return Candidate(s, e, 2, "times", "measure", e, approx, hedge)
            return Candidate(s, e, 2, "time", "count", e, approx, hedge)
        value = lx.MULTIPLIERS[lw]
        if lw == "double" and lx.DOUBLE_GOALS_LEFT.search(self.left(s, 40)):
            return Candidate(s, e, 2, "goal", "count", e, approx, hedge)  # "scored a double"
        if lw in ("double", "triple", "treble", "quadruple"):
            if text[e : e + 1] in "-\u2010":
                return None
            prev = (self.prev_word(s) or "").lower()
            if not (
                lx.MULTIPLIER_OBJECT.match(text, e)
                or prev in ("to", "would", "will", "could", "set", "nearly", "almost", "more")
            ):
                return None
        return Candidate(s, e, value, "times", "measure", e, approx, hedge)

    def read_ordinal_word(self, s: int, word: str, e: int = -1, value: int = 0) -> Candidate | None:
        """An ordinal word ("fourth", or a compound "twenty-first" ending at e, with its
        value) where it ranks or counts something."""
        text = self.text
        if e < 0:
            e = s + len(word)
            value = ORDINAL_WORDS[word.lower()]
        sup = lx.SUPERLATIVE.match(text, e)
        if sup:
            return Candidate(s, sup.end(), value, "rank", "ordinal", sup.end())
        if lx.PERIOD_HYPHEN.match(text, e):
            return Candidate(s, e, value, "rank", "ordinal", e)  # "Second-quarter sales"
        if word[0].isupper():
            return None  # "Third Reich", sentence-initial "First," discourse markers
        if (
            lx.RANK_VERB_LEFT.search(self.left(s, 16))
            and text[e : e + 1] in ",;:. "
            and (not lx.NOUN_WORDS.match(text, e) or lx.RANK_NEXT.match(text, e))
        ):
            return Candidate(s, e, value, "rank", "ordinal", e)  # "United are now fourth."
        if text[e : e + 1] in ",;:.-\u2010":
            return None
        if lx.CAPITALISED_NEXT.match(text, e) and not (
            value >= 3 and lx.POSSESSIVE_LEFT.search(self.left(s, 20))
        ):
            return None  # "the Second World War"; but "their third World Cup" counts
        if not lx.DETERMINER_LEFT.search(self.left(s, 20)) and not (
            lx.FISCAL_LEFT.search(self.left(s, 30)) and lx.PERIOD_NOUN.match(text, e)
        ):
            return None
        if (
            value == 2
            and lx.SECOND_RANK_LEFT.search(self.left(s, 8))
            and lx.SECOND_RANK_RIGHT.match(text, e)
        ):
            return Candidate(s, e, value, "rank", "ordinal", e)
        if value <= 2 and not lx.PERIOD_NOUN.match(text, e):
            return None
        if not lx.NOUN_WORDS.match(text, e):
            return None
        return Candidate(s, e, value, "rank", "ordinal", e)
