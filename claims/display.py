"""How a figure's normalized value reads to a reviewer: "1 h 26 min" rather
than 5160, "07:11 local" rather than 25860, "8,000–10,000 troop"."""

from __future__ import annotations

import math
from typing import Any

_YEAR = 31_557_600
_MONTH = _YEAR / 12
_DURATION_UNITS = (
    (_YEAR, "year"),
    (_MONTH, "month"),
    (604_800, "week"),
    (86_400, "day"),
    (3_600, "h"),
    (60, "min"),
    (1, "s"),
)
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def number(value: Any) -> str:
    """12500000 -> "12,500,000"; 2.5 -> "2.5"; other values as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:,.6f}".rstrip("0").rstrip(".")


def duration(seconds: float) -> str:
    """5160 -> "1 h 26 min"; 94672800 -> "3 years"."""
    if seconds <= 0:
        return number(seconds) + " s"
    for size, name in _DURATION_UNITS[:4]:
        count = seconds / size
        if count >= 1 and abs(count - round(count)) < 1e-9:
            n = round(count)
            return f"{n:,} {name}{'s' if n != 1 else ''}"
    parts = []
    rest = round(seconds)
    for size, name in _DURATION_UNITS[3:]:
        n, rest = divmod(rest, int(size))
        if n:
            parts.append(f"{n} {name}{'s' if name == 'day' and n != 1 else ''}")
    return " ".join(parts) or f"{seconds:g} s"


def time_of_day(seconds: float, zone: str) -> str:
    h, rem = divmod(int(seconds), 3600)
    text = f"{h:02d}:{rem // 60:02d}"
    return f"{text} {zone}" if zone else text


def _one(value: Any, kind: str, unit: str) -> str:
    if kind == "duration" and isinstance(value, int | float):
        return duration(value)
    if kind == "time" and isinstance(value, int | float):
        return time_of_day(value, unit)
    if kind in ("date", "year"):
        return str(value)
    if kind == "money" and unit in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[unit] + number(value)
    if unit in ("percent", "%"):
        return number(value) + "%"
    return number(value)


def figure_value(value: Any, kind: str, unit: str) -> str:
    """The whole reading of a value with its unit, for display."""
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = (_one(v, kind, unit) for v in value)
        text = f"{low}–{high}"
    else:
        text = _one(value, kind, unit)
    shown_in_value = (
        kind in ("duration", "time", "date", "year")
        or (kind == "money" and unit in _CURRENCY_SIGNS)
        or unit in ("percent", "%")
    )
    if unit and not shown_in_value and unit not in ("date",):
        text = f"{text} {unit.replace('_', ' ')}"
    return text
