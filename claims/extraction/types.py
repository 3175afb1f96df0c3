"""The extraction engine's contract: a document in, figures out.

Plain Python (no Django import) so the engine tests in milliseconds and can be
reused outside the app. Offsets are Python ``str`` (code point) offsets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# A figure's normalized value:
# - a number (int or float) for counts, money, percents, measures, rates, ages,
#   ordinals; durations in seconds; times of day in seconds after midnight;
# - a date string "YYYY", "YYYY-MM" or "YYYY-MM-DD" for dates and years;
# - a (low, high) tuple for ranges and scores (elements numbers or date strings).
Scalar = int | float | str
Value = Scalar | tuple[Scalar, Scalar]

KINDS = (
    "count", "money", "percent", "measure", "duration", "time", "date", "rate",
    "ordinal", "range", "year", "age", "score", "vague",
)


@dataclass(frozen=True, slots=True)
class Document:
    """What the engine reads: the plain text and, to resolve relative dates,
    the publication date."""

    text: str
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a document. ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    value: Value
    unit: str
    kind: str
    approx: bool = False
    qualifier: str | None = None  # hedge as written: "about", "more than", "up to"...
    subject: str | None = None  # what the figure counts or measures: "North Korean troops"
    attributed_to: str | None = None  # speaker or organisation, pronouns resolved
    sentence_start: int = 0
    sentence_end: int = 0
    overflow: bool = False  # the written value does not fit a float (10^400): value is 0
