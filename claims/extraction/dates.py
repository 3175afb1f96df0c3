"""Calendar reading: month names, day-month-year forms, and dates relative to publication.

Dates come out as "YYYY", "YYYY-MM" or "YYYY-MM-DD" strings, as precise as written.
"""

from __future__ import annotations

import calendar
import datetime as dt

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}


def ymd(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def infer_year(
    month: int, day: int | None, published: dt.date | None, tense: str | None = None
) -> int | None:
    """Year of a date written without one. News mostly looks back: a month more than four
    months ahead of publication is last year's ("since March" in October), one within four
    months ahead is this coming one ("elections in January" in October). ``tense`` "past"
    ("since", "last") or "future" ("next", "until", "by") overrides the window."""
    if published is None:
        return None
    year = published.year
    months_ahead = (month - published.month) + ((day or 15) - published.day) / 31
    if tense == "past":
        return year if months_ahead <= 0 else year - 1
    if tense == "future":
        return year if months_ahead >= 0 else year + 1
    if months_ahead > 4:
        return year - 1
    if months_ahead < -8:
        return year + 1
    return year


def shift_months(d: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after ``d`` (negative for before)."""
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def relative(unit: str, amount: int, published: dt.date) -> str | None:
    """A date ``amount`` units after publication (negative: before), as precise as the
    unit: years -> "YYYY", months -> "YYYY-MM", weeks and days -> "YYYY-MM-DD"."""
    try:
        if unit == "year":
            return ymd(published.year + amount)
        if unit == "decade":
            return ymd(published.year + 10 * amount)
        if unit == "century":
            return ymd(published.year + 100 * amount)
        if unit == "month":
            return ymd(*shift_months(published, amount))
        if unit == "week":
            d = published + dt.timedelta(weeks=amount)
            return ymd(d.year, d.month)
        if unit == "day":
            d = published + dt.timedelta(days=amount)
            return ymd(d.year, d.month, d.day)
    except (OverflowError, ValueError):
        return None
    return None


def last_weekday(weekday: int, published: dt.date) -> str:
    """The most recent such weekday on or before publication ("on Thursday" in news copy
    refers to the past few days)."""
    back = (published.weekday() - weekday) % 7
    d = published - dt.timedelta(days=back)
    return ymd(d.year, d.month, d.day)
