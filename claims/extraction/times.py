"""Reading dates and times of day: "7:11 am", "14:30 GMT", "Feb. 3, 2024", "late February",
"28 October", "on Thursday" (resolved against the publication date)."""

from __future__ import annotations

import datetime as dt
import re

from . import lexicon as lx
from .dates import MONTHS, WEEKDAYS, infer_year, last_weekday, valid_day, ymd
from .patterns import (
    DIGITS,
    FULL_MONTH_NAMES,
)
from .reader import Candidate, ReaderBase


class TimeReader(ReaderBase):
    def read_time(self, s: int) -> tuple[Candidate | None, int]:
        text = self.text
        m = lx.TIME.match(text, s)
        tz_unit = "local"
        if m:
            h, sep, mi, sec, ampm = int(m[1]), m[2], int(m[3]), m[4], m[5]
            if sep == "." and not ampm:
                return None, self.token_end(s)
            if sec is not None and not ampm:
                # "2:02:41" is a race time, a duration; "at 10:42:15" a time of day
                if int(sec) < 60 and mi < 60 and h < 24 and self.last_word(s) in lx.CLOCK_LEFT:
                    value = h * 3600 + mi * 60 + int(sec)
                    tz = lx.TIMEZONE.match(text, m.end())
                    end = tz.end() if tz and tz[1] else m.end()
                    unit = tz[1] if tz and tz[1] else "local"
                    return Candidate(s, end, value, unit, "time", end), end
                if int(sec) < 60 and mi < 60:
                    value = h * 3600 + mi * 60 + int(sec)
                    return Candidate(s, m.end(), value, "s", "duration", m.end()), m.end()
                return None, self.token_end(s)
            end = m.end()
        else:
            a = lx.AMPM.match(text, s)
            if a:
                h, mi, ampm, end = int(a[1]), 0, a[2], a.end()
            else:
                o = lx.OCLOCK.match(text, DIGITS.match(text, s).end())  # type: ignore[union-attr]
                if o is None or not text[s : o.start()].isdecimal():  # not "3.5 o'clock"
                    return None, self.token_end(s)
                h, mi, ampm, end = int(text[s : o.start()]), 0, None, o.end()
        if ampm:
            if not 1 <= h <= 12:
                return None, self.token_end(s)
            h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
        if not (0 <= h <= 24 and 0 <= mi < 60):
            return None, self.token_end(s)
        tz = lx.TIMEZONE.match(text, end)
        if tz and tz[1]:
            tz_unit = tz[1]
            end = tz.end()
        hedge, _ = self.hedge(s)
        value = h * 3600 + mi * 60
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        # "7am to 11pm", "09:00-17:30 GMT": one range of times of day
        sep = lx.TIME_RANGE_SEP.match(text, end)
        # isdecimal, not isdigit: a superscript "²" is a digit that no number reads
        if sep and text[sep.end() : sep.end() + 1].isdecimal() and tz_unit == "local":
            other, other_end = self.read_time(sep.end())
            if other is not None and other.kind == "time" and other.value != value:
                return (
                    Candidate(s, other_end, (value, other.value), other.unit, "range",
                              other_end, approx, hedge),
                    other_end,
                )  # fmt: skip
        return Candidate(s, end, value, tz_unit, "time", end, approx, hedge), end

    def time_range_to(self, s: int, hour: int, at: int) -> Candidate | None:
        """ "9 to 11am": the bare hour ``hour`` at ``s`` and the time of day read at
        ``at``, as one range of times (the first takes the second's half of the day
        unless that would put it after the second)."""
        a = lx.AMPM.match(self.text, at)
        if a is None or not 1 <= hour <= 12:
            return None
        second, end = self.read_time(at)
        if second is None or second.kind != "time":
            return None
        pm = a[2].lower().startswith("p")
        first = (hour % 12 + (12 if pm else 0)) * 3600
        if first >= second.value:  # "11 to 2pm": the morning's 11
            first = (hour % 12) * 3600
        if first >= second.value:
            return None
        hedge, _ = self.hedge(s)
        approx = hedge is not None and hedge not in lx.NOT_APPROX
        return Candidate(s, end, (first, second.value), second.unit, "range", end, approx, hedge)

    def month_range(
        self, start: int, end: int, year: int, month: int, approx: bool, year_given: bool = True
    ) -> Candidate | None:
        """A month (of ``year``) ending at ``end`` and a later month after it, as one
        range of months: "March to May", "January-August", "April 2024 through March
        2025". The second month without a year is the next one of that name."""
        m = lx.MONTH_RANGE.match(self.text, end)
        if m is None and self.last_word(start) == "between":
            m = lx.MONTH_AND_RANGE.match(self.text, end)  # "between April and June"
        if m is None:
            return None
        month2 = MONTHS[m[1].lower()]
        if m[2] and not year_given:  # "March to May 2027": the year is the second's
            year = int(m[2]) if month < month2 else int(m[2]) - 1
        year2 = int(m[2]) if m[2] else year if month2 > month else year + 1
        if (year2, month2) <= (year, month) or year2 - year > 10:
            return None
        stop = m.end()
        if not m[2] and self.text[stop - 1] == "." and m[1].capitalize() in FULL_MONTH_NAMES:
            stop -= 1  # the full stop after "May" ends the sentence
        return Candidate(
            start, stop, (ymd(year, month), ymd(year2, month2)), "date", "range", stop, approx
        )

    def year_for(self, month: int, day: int | None, left_pos: int) -> int | None:
        rel = lx.RELATIVE_LEFT.search(self.left(left_pos, 12))
        pub = self.published
        if pub is None:
            return None
        if rel:
            w = rel[1].lower()
            if w in ("last", "previous"):
                return pub.year if month < pub.month else pub.year - 1
            if w == "next":
                return pub.year if month > pub.month else pub.year + 1
            return pub.year
        cue = self.last_word(left_pos)
        if cue in ("on", "in") and day is None:
            cue = self.last_word(left_pos - 3)
        tense = "past" if cue in lx.PAST_CUES else "future" if cue in lx.FUTURE_CUES else None
        if tense == "future" and lx.PAST_CLAUSE_BY.search(self.clause_left(left_pos, 60)):
            tense = "past"  # "had killed 41 people by March 3": a deadline already passed
        if tense is None:
            tense = self.clause_tense(left_pos, cue)
        return infer_year(month, day, pub, tense)

    def clause_tense(self, left_pos: int, cue: str) -> str | None:
        """ "the plant will open in March", "the line is due to reopen in May": the
        coming one ("future"); "the bridge reopened in February": "past"; else None
        (the window of ``infer_year``)."""
        clause = self.clause_left(left_pos, 60)
        # (every marker has "ll " or " to ": two tests rule most clauses out)
        if ("ll " in clause or " to " in clause) and any(m in clause for m in lx.FUTURE_MARKERS):
            if not lx.PAST_CLAUSE.search(clause):
                return "future"  # ("will be completed in March" is future)
        elif len(cue) > 4 and cue.endswith("ed"):
            return "past"
        return None

    def read_day_month(
        self, s: int, m: re.Match[str], dm: re.Match[str]
    ) -> tuple[Candidate | None, int]:
        day = int(m[0])
        month = MONTHS[dm[1].lower().rstrip(".")]
        year = int(dm[2]) if dm[2] else self.year_for(month, day, s)
        end = dm.end()
        if year is None:
            return None, end  # no year written and no publication date to take it from
        if not valid_day(year, month, day):
            return None, end
        return Candidate(s, end, ymd(year, month, day), "date", "date", end), end

    def read_month(self, s: int, word: str) -> Candidate | None:
        text = self.text
        month = MONTHS[word.lower().rstrip(".")]
        e = s + len(word)
        start = s
        approx = False
        fz = lx.FUZZY_LEFT.search(self.left(s, 24))
        if fz:
            start = s - len(fz[0])
            approx = True
        rel = lx.RELATIVE_LEFT.search(self.left(s, 12))
        if rel and not fz:
            start = s - len(rel[0])
        md = lx.MONTH_DAY.match(text, e)
        if md:
            day = int(md[1])
            year = int(md[2]) if md[2] else self.year_for(month, day, s)
            end = md.end()
            if year is None or not valid_day(year, month, day):
                return None
            rng = lx.MONTH_DAY_RANGE.match(text, md.end(1)) if not md[2] else None
            if rng and valid_day(year, month, int(rng[1])) and int(rng[1]) > day:
                return Candidate(
                    start,
                    rng.end(),
                    (ymd(year, month, day), ymd(year, month, int(rng[1]))),
                    "date",
                    "range",
                    rng.end(),
                )
            return Candidate(start, end, ymd(year, month, day), "date", "date", end, approx)
        my = lx.MONTH_YEAR.match(text, e)
        if my:
            rng = self.month_range(start, my.end(), int(my[1]), month, approx)
            if rng is not None:
                return rng
            return Candidate(
                start, my.end(), ymd(int(my[1]), month), "date", "date", my.end(), approx
            )
        # a bare month name: "in January", "since September"; "May" needs a preposition
        prev = self.prev_word(s)
        lp = (prev or "").lower()
        if word.endswith(".") and word[:-1] in FULL_MONTH_NAMES:
            word = word[:-1]  # a full month name ending its sentence: "by the end of May."
        if word == "May" and lp == "as" and lx.AS_MONTH_LEFT.search(self.left(s, 24)):
            lp = "since"  # "as recently as May", "as early as May": a date, not the verb
        if word == "May" and lp not in (
            "in",
            "since",
            "until",
            "by",
            "of",
            "early",
            "late",
            "mid",
            "last",
            "next",
            "this",
            "from",
            "to",
            "before",
            "after",
            "during",
            "through",
            "till",
            "between",
            "and",
        ):
            return None
        if word.endswith(".") and not word[:-1].isalpha():
            return None
        if lx.MONTH_RANGE.match(text, s + len(word.rstrip("."))) or (
            lp == "between" and lx.MONTH_AND_RANGE.match(text, s + len(word.rstrip(".")))
        ):
            year = self.year_for(month, None, s)
            rng = (
                self.month_range(start, s + len(word.rstrip(".")), year, month, approx, False)
                if year is not None
                else None
            )
            if rng is not None:
                return rng
        if len(word.rstrip(".")) <= 3 and word.lower() not in ("may",):
            return None  # abbreviations stand alone only with a day or year
        if (
            prev
            and prev[0].isupper()
            and lp not in lx.LEFT_OK
            and lp not in ("early", "late", "mid")
        ):
            return None
        year = self.year_for(month, None, s)
        if year is None:
            return None
        end = s + len(word.rstrip("."))
        return Candidate(start, end, ymd(year, month), "date", "date", end, approx)

    def read_weekday(self, s: int, word: str) -> Candidate | None:
        if self.published is None:
            return None
        left = lx.WEEKDAY_LEFT.search(self.left(s, 8))
        if left is None:
            if self.text[s + len(word) : s + len(word) + 2] not in ("'s", "’s"):
                return None
            # "Sunday's election": the most recent such day
            value = last_weekday(WEEKDAYS[word.lower()], self.published)
            return Candidate(s, s + len(word), value, "date", "date", s + len(word))
        wd = WEEKDAYS[word.lower()]
        lw = left[1].lower()
        # "next Friday"; "clinics will open on Monday", "in force until 0700 on Saturday"
        clause = self.clause_left(s, 60).rsplit(",", 1)[-1]
        if lw in lx.WEEKDAY_AHEAD and not lx.PAST_CLAUSE.search(clause):
            # "by Friday", "until Sunday", "from Thursday evening": from publication on
            days = (wd - self.published.weekday()) % 7
            d = self.published + dt.timedelta(days=days)
            value = ymd(d.year, d.month, d.day)
        elif lw == "next" or (lw == "on" and lx.FUTURE_CLAUSE.search(clause)):
            days = (wd - self.published.weekday()) % 7 or 7
            d = self.published + dt.timedelta(days=days)
            value = ymd(d.year, d.month, d.day)
        else:
            value = last_weekday(wd, self.published)
        start = s - len(left[0]) if left[1].lower() in ("last", "next", "this") else s
        return Candidate(start, s + len(word), value, "date", "date", s + len(word))

    def read_numeric_date(self, s: int) -> tuple[Candidate | None, int]:
        """ "20.10.2026", "20/10/2026", "10/20/2026": day-first or month-first as the
        unambiguous part says (a number over 12 is the day), else as the text's other
        dates say (``numeric_date_order``)."""
        m = lx.NUMERIC_DATE.match(self.text, s)
        if m is None:
            return None, self.token_end(s)
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if a > 12 and b <= 12:
            day, month = a, b
        elif (b > 12 and a <= 12) or self.numeric_date_order() == "mdy":
            day, month = b, a
        else:
            day, month = a, b
        if not valid_day(year, month, day):
            return None, m.end()
        return Candidate(s, m.end(), ymd(year, month, day), "date", "date", m.end()), m.end()

    def numeric_date_order(self) -> str:
        """ "dmy" or "mdy" for this text: the order its unambiguous numeric dates show
        ("25/12/2026"), else the order of its dates with month names ("20 October" or
        "October 20"), else day first, as most of the world writes."""
        text = self.text
        dmy = mdy = 0
        for m in lx.NUMERIC_DATE_ANY.finditer(text):
            a, b = int(m[1]), int(m[2])
            dmy += a > 12 >= b
            mdy += b > 12 >= a
        if dmy == mdy:
            dmy = len(lx.MONTH_NAME_DAY_FIRST.findall(text))
            mdy = len(lx.MONTH_NAME_MONTH_FIRST.findall(text))
        return "mdy" if mdy > dmy else "dmy"
