"""Decide whether two figures that report the same fact agree or conflict, and
say why in words a reviewer can check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Literal

from claims.checking.quantities import NARROW_REACH, PERIOD_DAYS, Quantity

# "update", "sources": set by the aligner from the frames
Verdict = Literal["agree", "conflict", "update", "sources"]


@dataclass(frozen=True, slots=True)
class Comparison:
    verdict: Verdict | None  # None: not comparable (different dimensions, vague words)
    reason: str
    slip: bool = False  # the difference has the shape of a typing or editing slip


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same dimension (a count and a vague count are comparable, dates and years too)."""
    return a.dim == b.dim


def compare(a: Quantity, b: Quantity, surface_a: str, surface_b: str,
            zones_mentioned: bool = True) -> Comparison:
    """``zones_mentioned``: whether either article names a time zone, which can
    explain dates one day apart."""
    if not comparable(a, b):
        return Comparison(None, "")
    if a.dim == "date":
        return _compare_dates(a, b, surface_a, surface_b, zones_mentioned)
    if a.dim == "time":
        return _compare_times(a, b, surface_a, surface_b)
    if a.vague or b.vague:
        return _compare_vague(a, b, surface_a, surface_b)
    if a.dim == "score" and isinstance(a.value, tuple) and isinstance(b.value, tuple):
        if a.value == b.value:
            return Comparison("agree", f"{surface_a} = {surface_b}")
        if a.value == b.value[::-1]:
            return Comparison("agree", f"{surface_a} and {surface_b}: the same score, "
                              "sides named in the other order")
        return Comparison("conflict", f"{surface_a} vs {surface_b}: different scores")
    if isinstance(a.value, tuple) or isinstance(b.value, tuple):
        return _compare_ranges(a, b, surface_a, surface_b)
    if a.dim == "percent" and (a.falls or b.falls):
        # "fell 2.1%" and "-2.1%" state one fall: compare the falls as negative numbers
        a, b = (dataclasses.replace(q, value=-float(q.value)) if q.falls else q  # type: ignore[arg-type]
                for q in (a, b))
    return _compare_numbers(a, b, surface_a, surface_b)


def _per_day(q: Quantity) -> float:
    assert isinstance(q.value, float)
    return q.value / PERIOD_DAYS[q.period] if q.period else q.value


def _compare_numbers(a: Quantity, b: Quantity, sa: str, sb: str) -> Comparison:
    va, vb = float(a.value), float(b.value)  # type: ignore[arg-type]
    if a.period and b.period and a.period != b.period:
        if math.isclose(va, vb, rel_tol=1e-9):
            return Comparison("conflict", f"{sa} per {a.period} vs {sb} per {b.period}: "
                              f"the same number over a different period", slip=True)
        da, db = _per_day(a), _per_day(b)
        if _within(da, db, a.tol / PERIOD_DAYS[a.period] + b.tol / PERIOD_DAYS[b.period]):
            return Comparison("agree", f"{sa} per {a.period} = {sb} per {b.period}")
        va, vb = da, db
    converted = _converted(a, b)
    if converted:
        # A conversion is rounded to the last digit written on either side.
        a = dataclasses.replace(a, tol=a.tol + a.step)
        b = dataclasses.replace(b, tol=b.tol + b.step)
    ok, how = _consistent(va, a, vb, b)
    if ok is None:
        return Comparison(None, f"{sa} and {sb}: two bounds far apart")
    if ok:
        return Comparison("agree", _agree_reason(sa, sb, how))
    if converted:  # digit patterns mean nothing across units
        pct = abs(va - vb) / max(abs(va), abs(vb)) * 100
        return Comparison("conflict", f"{sa} vs {sb}: {pct:.0f}% apart after conversion")
    reason, slip = _difference(va, vb, sa, sb, a, b)
    return Comparison("conflict", reason, slip)


def _converted(a: Quantity, b: Quantity) -> bool:
    """Whether the two figures were written in different units of one dimension."""
    if not (a.raw and b.raw and isinstance(a.value, float) and isinstance(b.value, float)):
        return False
    if a.dim == "temperature":  # affine: a Celsius value equals its written number
        return math.isclose(a.value, a.raw) != math.isclose(b.value, b.raw)
    return not math.isclose(a.value / a.raw, b.value / b.raw, rel_tol=1e-9)


def _within(x: float, y: float, tol: float) -> bool:
    return abs(x - y) <= tol + 1e-9 * max(abs(x), abs(y), 1.0)


def _consistent(va: float, a: Quantity, vb: float, b: Quantity) -> tuple[bool | None, str]:
    """Whether the two statements can both hold, reading hedges as bounds; None when
    they can, but say too little to confirm each other."""
    if _within(va, vb, 0.0):
        return True, "equal"
    slack = a.tol + b.tol
    if a.bound and a.bound == b.bound:
        # "at least 58" vs "at least 85": both can hold, but two reports of one fact
        # give one bound; a slip-shaped difference is a conflict, anything else agrees.
        if _slip_shaped(va, vb):
            return False, "compatible bounds"
        if max(abs(va), abs(vb)) > _BOUNDS_APART * min(abs(va), abs(vb)):
            if a.bound == "upper":
                return False, ""  # "up to €400" and "up to €600": two different caps
            return None, ""  # "over 300" and "at least 179": both hold, neither confirms
        return True, "compatible bounds"
    # Bounds: "more than 900" holds for 940; "up to 18 months" holds for 18 months.
    for (x, qx), (y, qy) in (((va, a), (vb, b)), ((vb, b), (va, a))):
        # A bound says where the value lies, and that it lies near the bound; a
        # slip-shaped gap ("at least 58" vs 85) is read as a slip, not as agreement.
        if _slip_shaped(va, vb):
            break
        # a bound holds near it: up to twice the bound, or on a scale without a true zero
        # (temperatures) a few degrees
        far_above = x + _TEMPERATURE_REACH if a.dim == "temperature" else x * 2
        far_below = x - _TEMPERATURE_REACH if a.dim == "temperature" else x / 2
        if qx.narrow and a.dim != "temperature":  # "just over 4,000": not 4,600
            far_above, far_below = x * (1 + NARROW_REACH), x * (1 - NARROW_REACH)
        if (qx.bound == "lower" and qy.bound != "upper" and y + qy.tol >= x
                and (qy.bound == "lower" or y <= far_above + qy.tol)):
            return True, "within the stated minimum"
        if (qx.bound == "upper" and qy.bound != "lower" and y - qy.tol <= x
                and (qy.bound == "upper" or y + qy.tol >= far_below)):
            return True, "within the stated maximum"
        if qx.bound == "near" and x * 0.85 <= y + qy.tol and y - qy.tol <= x * 1.01:
            return True, "just below the stated figure"
    if a.bound == "lower" and b.bound == "upper":
        return va <= vb + slack, "bounds overlap"
    if a.bound == "upper" and b.bound == "lower":
        return vb <= va + slack, "bounds overlap"
    if {a.bound, b.bound} & {"lower", "upper"}:
        return False, ""  # a bound is a one-sided statement: no rounding either way
    if _within(va, vb, slack):
        return True, "within rounding"
    return False, ""


_BOUNDS_APART = 1.25  # two bounds this far apart are two readings, not one fact twice
_TEMPERATURE_REACH = 3.0  # degrees C past a bound that a temperature report still meets


def _slip_shaped(va: float, vb: float) -> bool:
    da, db = f"{va:g}", f"{vb:g}"
    if da != db and sorted(da) == sorted(db):
        return True
    if va and vb:
        ratio = max(abs(va), abs(vb)) / min(abs(va), abs(vb))
        if not math.isfinite(ratio):
            return False
        k = round(math.log10(ratio))
        return k >= 1 and math.isclose(ratio, 10**k, rel_tol=0.02)
    return False


def _agree_reason(sa: str, sb: str, how: str) -> str:
    if how == "equal":
        return f"{sa} = {sb}"
    return f"{sa} and {sb} agree ({how})"


def _digits(surface: str) -> str:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    return m.group().replace(",", "").replace(".", "") if m else ""


_DURATION_UNIT_RE = re.compile(r"(?:century|centuries|decade|year|month|fortnight|week|day|"
                               r"hour|hr|minute|min|second|sec)", re.I)


def _duration_unit(surface: str) -> str:
    """The unit a duration is written in ("nine days" -> "day"), or ""."""
    m = _DURATION_UNIT_RE.search(surface)
    return m.group().lower() if m else ""


def _raw_digits(q: Quantity) -> str:
    """The digits of a whole number written in words, for counts and the like."""
    if q.raw is None or q.dim in ("duration", "date", "time") or not float(q.raw).is_integer():
        return ""
    return str(int(abs(q.raw)))


def _mantissa(surface: str) -> str:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    return m.group().replace(",", "") if m else ""


def _scale_word(surface: str) -> str:
    m = re.search(r"\d\s*-?(trillion|billion|million|thousand|bn|mn|tn|m|k)\b", surface.lower())
    if not m:
        return ""
    return {"bn": "billion", "mn": "million", "m": "million", "k": "thousand",
            "tn": "trillion"}.get(m.group(1), m.group(1))


def _difference(va: float, vb: float, sa: str, sb: str, a: Quantity, b: Quantity
                ) -> tuple[str, bool]:
    """Describe a mismatch; flag the shapes that betray a slip rather than a
    different fact: a power of ten, a swapped scale word, transposed digits."""
    head = f"{sa} vs {sb}"
    if a.dim == "duration" and _duration_unit(sa) != _duration_unit(sb):
        # "20 years" vs "25 minutes": digits written in different units say nothing
        return f"{head}: {_fmt_duration(va)} vs {_fmt_duration(vb)}", False
    ratio = max(abs(va), abs(vb)) / min(abs(va), abs(vb)) if va and vb else math.inf
    if math.isfinite(ratio) and (va > 0) == (vb > 0):
        k = round(math.log10(ratio))
        if k >= 1 and math.isclose(ratio, 10**k, rel_tol=0.02):
            wa, wb = _scale_word(sa), _scale_word(sb)
            if wa != wb and _mantissa(sa) == _mantissa(sb):
                return (f"{head}: same digits, different scale word ({wa or 'none'} vs "
                        f"{wb or 'none'}), a factor of {10**k:,}"), True
            if k == 1:
                return f"{head}: a factor of 10, a likely slip of a zero", True
            return f"{head}: a factor of {10**k:,}, a likely slip of the scale", True
    # numbers written in words ("seventeen" vs 71) compare by the digits of their value
    da, db = _digits(sa) or _raw_digits(a), _digits(sb) or _raw_digits(b)
    if not _same_magnitude(va, vb):
        # "a fifth" (20) vs 2.1%, 1.5e6 vs 11: the digits line up only once the
        # decimal point or the exponent is dropped, which says nothing of a slip
        da = db = ""
    if da and db and da != db and sorted(da) == sorted(db):
        return f"{head}: the same digits in a different order, a likely transposition", True
    if a.dim == "ordinal" and abs(va - vb) == 1:
        return f"{head}: off by one", True
    if (da and db and len(da) == len(db) > 1
            and sum(x != y for x, y in zip(da, db, strict=True)) == 1):
        # (any two one-digit numbers differ in one digit: that is no sign of a slip)
        return f"{head}: one digit differs", True
    for q, v, other, s in ((a, va, vb, sa), (b, vb, va, sb)):
        if q.bound == "lower" and other < v:
            return f"{head}: {_fmt(other)} is below the stated minimum of {s}", False
        if q.bound == "upper" and other > v:
            return f"{head}: {_fmt(other)} is above the stated maximum of {s}", False
    if a.dim == "duration":
        return f"{head}: {_fmt_duration(va)} vs {_fmt_duration(vb)}, " \
               f"{_fmt_duration(abs(va - vb))} apart", False
    pct = abs(va - vb) / max(abs(va), abs(vb)) * 100 if max(abs(va), abs(vb)) else 0.0
    return f"{head}: differ by {_fmt(abs(va - vb))} ({pct:.0f}%)", False


def _same_magnitude(va: float, vb: float) -> bool:
    """Both values have as many digits before the decimal point (and the same sign)."""
    if not va or not vb or (va > 0) != (vb > 0):
        return False
    return math.floor(math.log10(abs(va))) == math.floor(math.log10(abs(vb)))


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:,.3g}"


def _fmt_duration(seconds: float) -> str:
    s = round(seconds)
    d, rem = divmod(s, 86400)
    h, rem = divmod(rem, 3600)
    m, sec = divmod(rem, 60)
    parts = [f"{d} d" if d else "", f"{h} h" if h else "", f"{m} min" if m else "",
             f"{sec} s" if sec else ""]
    return " ".join(p for p in parts if p) or "0 min"


def _compare_ranges(a: Quantity, b: Quantity, sa: str, sb: str) -> Comparison:
    def ends(q: Quantity) -> tuple[float, float]:
        return q.value if isinstance(q.value, tuple) else (q.value, q.value)

    (la, ha), (lb, hb) = ends(a), ends(b)
    slack = a.tol + b.tol
    if isinstance(a.value, tuple) and isinstance(b.value, tuple):
        if _within(la, lb, slack) and _within(ha, hb, slack):
            return Comparison("agree", f"{sa} = {sb}")
        return Comparison("conflict", f"{sa} vs {sb}: the ranges differ")
    if la - slack <= lb and hb <= ha + slack:
        return Comparison("agree", f"{sb} lies within {sa}" if isinstance(a.value, tuple)
                          else f"{sa} lies within {sb}")
    return Comparison("conflict", f"{sa} vs {sb}: outside the stated range")


def _compare_vague(a: Quantity, b: Quantity, sa: str, sb: str) -> Comparison:
    # "thousands" names an order of magnitude: it can support but never refute.
    va = a.value[0] if isinstance(a.value, tuple) else a.value
    vb = b.value[0] if isinstance(b.value, tuple) else b.value
    lo = va if a.vague else vb
    other = vb if a.vague else va
    if lo <= other < lo * 100:
        return Comparison("agree", f"{sa} and {sb} are the same order of magnitude")
    return Comparison(None, "")


def _day(ordinal: float) -> dt.date:
    return dt.date.fromordinal(int(ordinal))


def _compare_dates(a: Quantity, b: Quantity, sa: str, sb: str,
                   zones_mentioned: bool) -> Comparison:
    if isinstance(a.value, tuple) or isinstance(b.value, tuple):
        return _compare_ranges(a, b, sa, sb)
    da, db = _day(a.value), _day(b.value)
    precision = min(a.precision, b.precision)
    if precision == 1 and a.precision != b.precision:
        return Comparison(None, "")  # "this year" says nothing about "March 20"
    key_a = (da.year, da.month, da.day)[:precision]
    key_b = (db.year, db.month, db.day)[:precision]
    if key_a == key_b:
        return Comparison("agree", f"{sa} = {sb}" if a.precision == b.precision
                          else f"{sa} and {sb} are consistent")
    if precision == 3 and abs((da - db).days) == 1:
        if zones_mentioned:
            # One day apart is what the same instant looks like in two time zones.
            return Comparison("agree", f"{sa} vs {sb}: one day apart, consistent with the "
                              "same moment reported in different time zones", slip=True)
        return Comparison("conflict", f"{sa} vs {sb}: one day apart")
    if (precision >= 2 and (da.month, da.day) == (db.month, db.day)) or (
            precision == 1 and abs(da.year - db.year) == 1):
        return Comparison("conflict", f"{sa} vs {sb}: different year", slip=True)
    return Comparison("conflict", f"{sa} vs {sb}: different dates")


def _compare_times(a: Quantity, b: Quantity, sa: str, sb: str) -> Comparison:
    assert isinstance(a.value, float) and isinstance(b.value, float)
    diff = (a.value - b.value) % 86400
    diff = min(diff, 86400 - diff)
    slack = a.tol + b.tol
    if diff <= slack:
        if a.raw is not None and b.raw is not None and a.raw != b.raw:
            return Comparison("agree", f"{sa} = {sb} (the same moment in different time zones)")
        return Comparison("agree", f"{sa} = {sb}")
    if a.tz_known != b.tz_known and diff % 1800 == 0:
        # one time in a named zone, the other in a local time whose zone no article
        # gives: a zone could explain the gap, but guessing one would explain away a
        # real difference. Neither agree nor conflict.
        return Comparison(None, f"{sa} vs {sb}: {diff / 3600:g} hours apart; the local time "
                          "zone is not stated")
    # two local times with no zone stated are read as one local time (outlets covering
    # one event write its local time): "6.42am" vs "7.42am" is an hour apart
    minutes = diff / 60
    return Comparison("conflict", f"{sa} vs {sb}: {minutes:.0f} minutes apart",
                      slip=minutes in (10, 60, 720) or _digits(sa) == _digits(sb)[::-1])
