"""Figures turned into comparable quantities: a dimension, a value in base units
and how precisely the value was stated (rounding, hedges, bounds)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from claims.extraction.types import Figure

# unit -> (dimension, factor to the base unit); temperatures are handled apart (affine).
_UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometer": ("length", 1000.0),
    "m": ("length", 1.0), "metre": ("length", 1.0), "meter": ("length", 1.0),
    "cm": ("length", 0.01), "mm": ("length", 0.001), "mi": ("length", 1609.344),
    "mile": ("length", 1609.344), "ft": ("length", 0.3048), "foot": ("length", 0.3048),
    "feet": ("length", 0.3048), "in": ("length", 0.0254), "inch": ("length", 0.0254),
    "yd": ("length", 0.9144), "nmi": ("length", 1852.0), "ly": ("length", 9.4607e15),
    "km/h": ("speed", 1 / 3.6), "kph": ("speed", 1 / 3.6), "kmh": ("speed", 1 / 3.6),
    "mph": ("speed", 0.44704), "mi/h": ("speed", 0.44704), "kn": ("speed", 0.514444),
    "knot": ("speed", 0.514444), "m/s": ("speed", 1.0), "km/s": ("speed", 1000.0),
    "mi/s": ("speed", 1609.344),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "t": ("mass", 1000.0), "tonne": ("mass", 1000.0),
    "lb": ("mass", 0.45359237), "pound": ("mass", 0.45359237), "oz": ("mass", 0.0283495),
    "km2": ("area", 1e6), "m2": ("area", 1.0), "ha": ("area", 1e4), "mi2": ("area", 2.589988e6),
    "acre": ("area", 4046.856), "sq ft": ("area", 0.092903), "ft2": ("area", 0.092903),
    "l": ("volume", 1.0), "ml": ("volume", 0.001), "gal": ("volume", 3.785411),
    "m3": ("volume", 1000.0), "bbl": ("volume", 158.987),
    "w": ("power", 1.0), "kw": ("power", 1e3), "mw": ("power", 1e6), "gw": ("power", 1e9),
    "percent": ("percent", 1.0), "%": ("percent", 1.0),
    "percentage_point": ("pp", 1.0), "basis_point": ("pp", 0.01),
    "s": ("duration", 1.0), "times": ("multiplier", 1.0),
}
_CASED_UNITS = {"Mw": "magnitude", "ML": "magnitude", "Ms": "magnitude", "mb": "magnitude"}
_TEMPERATURE = {"degc": "C", "c": "C", "degf": "F", "f": "F", "k": "K"}
PERIOD_DAYS = {"hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0, "fortnight": 14.0,
               "month": 30.4375, "quarter": 91.3125, "year": 365.25, "annum": 365.25}
_PERIOD_TEXT_RE = re.compile(
    r"^(?:[\s,]*[\w-]+){0,3}?[\s,]*(?:(?:a|an|per|each|every)\s+(hour|day|night|week|fortnight"
    r"|month|quarter|year|annum)\b|(hourly|daily|nightly|weekly|monthly|quarterly|yearly"
    r"|annually)\b)", re.IGNORECASE)
_ADVERB_PERIOD = {"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week",
                  "monthly": "month", "quarterly": "quarter", "yearly": "year",
                  "annually": "year"}

LOWER_BOUNDS = ("more than", "over", "at least", "upwards of", "in excess of", "above",
                "greater than", "exceeding", "no fewer than", "no less than", "at minimum",
                "a minimum of", "well over", "just over", "more then")
UPPER_BOUNDS = ("fewer than", "less than", "under", "below", "up to", "at most",
                "no more than", "within", "just under", "a maximum of", "not more than")
NEAR_BELOW = ("nearly", "almost", "close to", "approaching", "not quite", "just shy of")
# a bound that also says the value is close to it: "just over 4,000" is not 4,600
NARROW = ("just over", "just under", "just above", "just below", "slightly more than",
          "slightly less than", "a little over", "a little under", "a little more than",
          "a little less than", "barely over", "marginally above", "marginally below")
NARROW_REACH = 0.1  # how far past a narrow bound the value may lie (a tenth of it)

# a fall written as a word right before a percentage: "fell 2.1%", "down by 3%"
_FALL_LEFT = re.compile(
    r"\b(?:fell|falls?|falling|dropped|drops?|dropping|declined|declines?|declining|"
    r"down|slid|slipped|shrank|shrunk|contracted|lower|cut|decrease[sd]?|lost)"
    r"(?:\s+by)?(?:\s+(?:an?\s+)?(?:annual|yearly|monthly)?)?\s+$", re.IGNORECASE)
_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "tn")
_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_WORD_NUMBERS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten", "eleven", "twelve", "dozen", "twenty", "hundred"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """``value`` is in base units (a float), a (low, high) pair, or for dates and
    times a float of days / seconds since an epoch; ``tol`` is how far from the
    value the statement still holds given its rounding; ``bound`` is "lower",
    "upper", "near" (just below) or None."""

    dim: str
    value: float | tuple[float, float]
    tol: float
    bound: str | None = None
    period: str | None = None  # "day", "week"... for counts and money per period
    vague: bool = False
    precision: int = 3  # dates: 1 year, 2 month, 3 day
    tz_known: bool = True  # times: whether the UTC offset is known
    raw: float | None = None  # the number as written, in the written unit
    step: float = 0.0  # half the last written digit, in base units: conversion rounding
    hedged: bool = False  # "about", "more than"...: arithmetic checks allow the rounding
    falls: bool = False  # a change written as a fall ("fell 2.1%"): -2.1% says the same
    narrow: bool = False  # the bound is close to the value ("just over"): NARROW_REACH


def hedge_of(figure: Figure, text: str) -> str | None:
    """The hedge before the figure: from the extractor's qualifier or read from the text."""
    if figure.qualifier:
        return figure.qualifier.lower()
    before = text[max(0, figure.start - 30) : figure.start].lower()
    for h in (*NARROW, *LOWER_BOUNDS, *UPPER_BOUNDS, *NEAR_BELOW, "about", "around", "roughly",
              "some", "approximately", "an estimated", "estimated", "almost", "nearly"):
        if re.search(r"\b" + re.escape(h) + r"\s*$", before):
            return h
    return None


def bound_of(hedge: str | None) -> str | None:
    if not hedge:
        return None
    h = hedge.lower().strip()
    if h in NARROW:
        return "upper" if h.endswith(("under", "below", "less than")) else "lower"
    if h in LOWER_BOUNDS or h.startswith(("more than", "over", "at least")):
        return "lower"
    if h in UPPER_BOUNDS or h.startswith(("less than", "fewer than", "up to", "under")):
        return "upper"
    if h in NEAR_BELOW:
        return "near"
    return None


def granularity(surface: str) -> float:
    """Place value of the last significant digit as written: 312 -> 1, 300 -> 100,
    3.8 -> 0.1, "4.2 billion" -> 0.1 (in the written unit, before the scale word)."""
    m = _NUM_RE.search(surface)
    if not m:
        return 1.0
    digits = m.group().replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


def scale_of(surface: str) -> float:
    s = surface.lower()
    for word, factor in (("trillion", 1e12), ("tn", 1e12), ("billion", 1e9), ("bn", 1e9),
                         ("million", 1e6), ("mn", 1e6), ("thousand", 1e3)):
        if re.search(r"\d\s*-?" + word + r"\b", s) or re.search(r"\b" + word + r"\b", s):
            return factor
    if re.search(r"\d\s*m\b", s):
        return 1e6
    if re.search(r"\d\s*k\b", s):
        return 1e3
    return 1.0


def period_of(figure: Figure, text: str) -> str | None:
    unit = figure.unit or ""
    if "/" in unit:
        tail = unit.rsplit("/", 1)[1].strip().lower()
        if tail in PERIOD_DAYS:
            return tail
        if tail in ("h", "hr"):
            return "hour"
        return None
    if figure.kind in ("count", "money", "rate", "vague", "range"):
        m = _PERIOD_TEXT_RE.match(text[figure.end : figure.end + 40])
        if m:
            return m.group(1).lower() if m.group(1) else _ADVERB_PERIOD[m.group(2).lower()]
    return None


def _date_days(value: str) -> tuple[float, int] | None:
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    precision = 1 + (mo is not None) + (d is not None)
    day = dt.date(y, int(mo) if mo else 1, int(d) if d else 1)
    return float(day.toordinal()), precision


def _number(v: object) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, str):
        try:
            return float(v.replace(",", ""))
        except ValueError:
            return None
    return None


def quantity(figure: Figure, text: str, tz_offset: float | None = None) -> Quantity | None:
    """Turn a figure into a comparable quantity, or None when it cannot be compared
    (overflowing values, impossible dates, unknown shapes). ``tz_offset``: hours east
    of UTC that the article states for its "local" times, if any."""
    try:
        q = _quantity(figure, text, tz_offset)
    except (ValueError, TypeError, OverflowError, ZeroDivisionError):
        return None  # an extractor's odd value must not stop the check of the rest
    if q is None or not all(math.isfinite(v) for v in _floats(q.value)):
        return None
    return q


_SECONDS_RE = re.compile(r"\d[:.]\d\d[:.]\d\d")


def _floats(value: float | tuple[float, float]) -> tuple[float, ...]:
    return value if isinstance(value, tuple) else (value,)


def _quantity(figure: Figure, text: str, tz_offset: float | None) -> Quantity | None:
    if figure.overflow:
        return None
    hedge = hedge_of(figure, text)
    bound = bound_of(hedge)
    approx = figure.approx or hedge is not None
    kind, unit = figure.kind, (figure.unit or "").strip()
    value = figure.value

    if kind in ("date", "year") or (kind == "range" and isinstance(value, tuple | list)
                                   and any(isinstance(x, str) and "-" in x for x in value)):
        return _date_quantity(value, approx)
    if kind == "time":
        secs = _number(value)
        if secs is None:
            return None
        offset = tz_hours(unit, tz_offset)
        utc = secs - (offset or 0.0) * 3600
        # "3.41am" covers the minute: it agrees with "03:41:27"
        tol = 900.0 if approx else 0.0 if _SECONDS_RE.search(figure.surface) else 59.0
        return Quantity("time", utc, tol, bound, tz_known=offset is not None,
                        raw=secs)
    if kind == "age":
        n = _number(value)
        if n is None:
            return None
        years = n / 12 if unit.lower().startswith("month") else n
        return Quantity("age", years, 1.0 if approx else 0.0, bound, raw=n)

    dim, factor, period = _dimension(kind, unit, figure, text)
    if isinstance(value, tuple | list):
        lo, hi = (_number(x) for x in value)
        if lo is None or hi is None:
            return None
        g = min(granularity(figure.surface.split("to")[0]), granularity(figure.surface))
        return Quantity(dim, (lo * factor, hi * factor), 0.5 * g * factor if approx else 0.0,
                        bound, period, raw=hi)
    n = _number(value)
    if n is None:
        return None
    written, unit_step = n, 1.0
    if dim == "temperature":
        # raw stays the number as written, so a C/F pair reads as a conversion
        n, factor = _celsius(n, unit), 1.0
        unit_step = 5 / 9 if _TEMPERATURE.get(unit.lower()) == "F" else 1.0
    base = n * factor
    g = granularity(figure.surface) * scale_of(figure.surface)
    if dim in ("duration",):
        g = _duration_granularity(figure.surface, n)
    tol = _tolerance(abs(n), g, approx, figure.surface) * factor
    # A converted value is rounded to its last written digit: "50 mph" for 49.7.
    step = 0.5 * min(g, 1.0) * scale_of(figure.surface) * factor if dim != "duration" else 0.0
    return Quantity(dim, base, tol, bound, period, vague=kind == "vague", raw=written,
                    step=step * unit_step, hedged=approx, narrow=bool(hedge) and hedge in NARROW,
                    falls=dim == "percent" and n > 0 and _FALL_LEFT.search(
                        text[max(0, figure.start - 24) : figure.start]) is not None)


def _tolerance(n: float, g: float, approx: bool, surface: str) -> float:
    """How far the true value may be from the written one. Exact-looking numbers
    get none; round or hedged numbers get half their last digit, capped."""
    scaled = bool(re.search(r"\d\s*-?(?:thousand|million|billion|trillion|bn|mn|m|k)\b",
                            surface.lower()))
    round_number = (g >= 10 and n >= 100) or scaled
    if not (approx or round_number):
        return 0.0
    cap = 0.10 if approx else 0.05
    return min(0.5 * g, cap * n)


def _duration_granularity(surface: str, seconds: float) -> float:
    s = surface.lower()
    for word, secs in (("second", 1), ("minute", 60), ("hour", 3600), ("day", 86400),
                       ("week", 604800), ("month", 2629800), ("year", 31557600)):
        if word in s:
            return float(secs)
    return 1.0 if seconds < 60 else 60.0


def _celsius(n: float, unit: str) -> float:
    u = _TEMPERATURE.get(unit.lower(), "C")
    return (n - 32) * 5 / 9 if u == "F" else n - 273.15 if u == "K" else n


def _dimension(kind: str, unit: str, figure: Figure, text: str) -> tuple[str, float, str | None]:
    if unit in _CASED_UNITS:  # "Mw" (moment magnitude) is not "MW" (megawatt)
        return _CASED_UNITS[unit], 1.0, None
    u = unit.lower()
    if u in _TEMPERATURE and kind == "measure":
        return "temperature", 1.0, None
    if u in _UNITS:
        dim, factor = _UNITS[u]
        return dim, factor, None
    if kind in ("money",) or re.fullmatch(r"[A-Z]{3}(/.*)?", unit):
        cur = unit.split("/")[0] or "money"
        period = period_of(figure, text)
        return f"money:{cur}", 1.0, period
    if kind == "ordinal":
        return "ordinal", 1.0, None
    if kind == "score":
        return "score", 1.0, None
    if kind == "percent":
        return "percent", 1.0, None
    period = period_of(figure, text)
    if kind == "measure" and u and "/" not in u:
        return f"measure:{u}", 1.0, None
    return "count", 1.0, period


def _date_quantity(value: object, approx: bool) -> Quantity | None:
    if isinstance(value, tuple | list) and len(value) == 2:
        a, b = (_date_days(str(x)) for x in value)
        if a is None or b is None:
            return None
        return Quantity("date", (a[0], b[0]), 0.0, None, precision=min(a[1], b[1]))
    if isinstance(value, int) and 1000 <= value <= 9999:
        value = str(value)
    if not isinstance(value, str):
        return None
    parsed = _date_days(value)
    if parsed is None:
        return None
    return Quantity("date", parsed[0], 0.0, None, precision=parsed[1], vague=approx)


_TZ_HOURS = {"gmt": 0.0, "utc": 0.0, "z": 0.0, "bst": 1.0, "cet": 1.0, "cest": 2.0,
             "eet": 2.0, "eest": 3.0, "msk": 3.0, "est": -5.0, "edt": -4.0, "cst": -6.0,
             "cdt": -5.0, "mst": -7.0, "mdt": -6.0, "pst": -8.0, "pdt": -7.0, "jst": 9.0,
             "kst": 9.0, "ist": 5.5, "aest": 10.0, "aedt": 11.0, "hkt": 8.0, "sgt": 8.0,
             "wib": 7.0, "sast": 2.0, "wat": 1.0, "eat": 3.0, "ast": -4.0, "nzst": 12.0,
             "nzdt": 13.0, "gst": 4.0, "pht": 8.0, "ict": 7.0}
_OFFSET_RE = re.compile(r"^(?:gmt|utc)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$")


def tz_hours(unit: str, local_offset: float | None) -> float | None:
    u = unit.strip().lower()
    if u in _TZ_HOURS:
        return _TZ_HOURS[u]
    m = _OFFSET_RE.match(u)
    if m:
        hours = int(m.group(2)) + int(m.group(3) or 0) / 60
        return -hours if m.group(1) in "-−" else hours
    if u in ("local", "", "local time"):
        return local_offset
    return None


_WORD_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "an": 1, "a": 1}
_AHEAD_RE = re.compile(
    r"\b(\d{1,2}(?:\.5)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"
    r"(?:\s+and\s+a\s+half)?\s+hours?\s+(ahead of|behind)\s+(?:gmt|utc|greenwich)", re.I)
_LOCAL_OFFSET_RE = re.compile(r"\b(?:gmt|utc)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


def local_offset(text: str) -> float | None:
    """Hours east of UTC that the article gives for its local time, if it says so
    ("three hours ahead of GMT", "(UTC+3)")."""
    m = _AHEAD_RE.search(text)
    if m:
        word = m.group(1).lower()
        hours = float(_WORD_HOURS.get(word, 0) or float(word))
        if "and a half" in m.group(0).lower():
            hours += 0.5
        return hours if m.group(2).lower() == "ahead of" else -hours
    m2 = _LOCAL_OFFSET_RE.search(text)
    if m2:
        hours = int(m2.group(2)) + int(m2.group(3) or 0) / 60
        return -hours if m2.group(1) in "-−" else hours
    m3 = _LOCAL_THEN_UTC_RE.search(text)
    if m3:  # "16:45 local time (1445 GMT)": the difference is the offset
        local, utc = _clock(m3.group(1), m3.group(2), m3.group(3)), _clock(*m3.group(4, 5, 6))
        if local is not None and utc is not None:
            hours = (local - utc) % 24
            return hours - 24 if hours > 14 else hours
    return None


# a local time with its GMT/UTC equivalent in brackets: "16:45 local time (1445 GMT)"
_LOCAL_THEN_UTC_RE = re.compile(
    r"\b(\d{1,2})[:.]?(\d{2})\s*([ap]\.?m\.?)?\s+(?:local(?:\s+time)?\s*)?"
    r"\(\s*(\d{1,2})[:.]?(\d{2})\s*([ap]\.?m\.?)?\s*(?:gmt|utc)\s*\)", re.I)


def _clock(hours: str, minutes: str, ampm: str | None) -> float | None:
    h, m = int(hours), int(minutes)
    if m >= 60 or h > 24:
        return None
    if ampm and ampm[0].lower() == "p" and h < 12:
        h += 12
    elif ampm and ampm[0].lower() == "a" and h == 12:
        h = 0
    return h + m / 60
