"""The extraction engine's contract: a document in, figures out.

Plain Python (no Django import) so the engine tests in milliseconds and can be
reused outside the app. Offsets are Python ``str`` (code point) offsets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

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


# Figure is frozen, so its generated __init__ sets each field through
# object.__setattr__; the engine builds one Figure per figure found. A mutable twin
# with the same slots is filled with plain attribute stores (about three times faster
# than calling each slot's descriptor) and then relabelled as a Figure: the object is
# the same, so equality, hash, repr and pickling are the dataclass's
# (tests/claims/extraction/test_types.py).
class _FigureDraft:
    __slots__ = tuple(f.name for f in fields(Figure))


_new_object = object.__new__


def new_figure(
    start: int,
    end: int,
    surface: str,
    value: Value,
    unit: str,
    kind: str,
    approx: bool,
    qualifier: str | None,
    subject: str | None,
    attributed_to: str | None,
    sentence_start: int,
    sentence_end: int,
    overflow: bool,
) -> Figure:
    """``Figure(...)`` with every field given, positionally, built faster."""
    fig = _new_object(_FigureDraft)
    fig.start = start
    fig.end = end
    fig.surface = surface
    fig.value = value
    fig.unit = unit
    fig.kind = kind
    fig.approx = approx
    fig.qualifier = qualifier
    fig.subject = subject
    fig.attributed_to = attributed_to
    fig.sentence_start = sentence_start
    fig.sentence_end = sentence_end
    fig.overflow = overflow
    fig.__class__ = Figure  # same slots in the same order: Python allows the swap
    return fig  # type: ignore[return-value]


# Fail at import, not on the first figure, if Figure's layout ever stops matching.
new_figure(0, 0, "", 0, "", "count", False, None, None, None, 0, 0, False)
