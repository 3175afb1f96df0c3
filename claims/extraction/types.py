"""The extraction engine's contract: a document in, figures out.

Plain Python (no Django import) so the engine tests in milliseconds and can be
reused outside the app. Offsets are Python ``str`` (code point) offsets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

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


MODALITIES = ("actual", "forecast", "estimate", "target", "historical")
DIRECTIONS = ("up", "down", "none")


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure is a figure of, slot by slot, so two figures (of two outlets) can be
    compared frame to frame (``frames.compare_frames``). Absent slots are ``""``, never a
    guess. Filled by ``frames.add_frames`` after the engine has read the figures.

    - ``measure``: what is counted or measured, lowercased, without determiners, numbers,
      hedges or place/owner words; plurals kept as written ("troops", "people killed",
      "earnings per share"). A casualty verb after a count joins it ("people killed").
    - ``scope``: where, or which entity, as written without its preposition ("Kursk",
      "Acme", "Spain and Portugal").
    - ``time``: the date or period the value holds for, as written with its preposition
      ("by Tuesday", "a year earlier", "at the close of trading");
      ``time_iso`` its ISO form when the publication date resolves it ("2026-03-03",
      "2025-11", "2024", "2026-01-01/2026-01-31" for a period), else "".
    - ``source``: who said it (the figure's ``attributed_to``).
    - ``modality``: one of MODALITIES; "actual" unless the text says otherwise.
    - ``direction``: one of DIRECTIONS: "up"/"down" when the figure is a change ("rose
      12%", "a loss of $5m", "cut 200 jobs"), "none" for a level ("rose to 5%").
    """

    measure: str = ""
    scope: str = ""
    time: str = ""
    time_iso: str = ""
    source: str = ""
    modality: str = "actual"
    direction: str = "none"


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
    # Set by frames.add_frames (extract() does it). Derived from the figure and its
    # sentence, so not part of a figure's equality or hash: the figure read is the same.
    frame: Frame | None = field(default=None, compare=False)


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
    frame: Frame | None = None,
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
    fig.frame = frame
    fig.__class__ = Figure  # same slots in the same order: Python allows the swap
    return fig  # type: ignore[return-value]


class _FrameDraft:
    __slots__ = tuple(f.name for f in fields(Frame))


def new_frame(
    measure: str,
    scope: str,
    time: str,
    time_iso: str,
    source: str,
    modality: str,
    direction: str,
) -> Frame:
    """``Frame(...)`` with every field given, positionally, built faster (as new_figure)."""
    fr = _new_object(_FrameDraft)
    fr.measure = measure
    fr.scope = scope
    fr.time = time
    fr.time_iso = time_iso
    fr.source = source
    fr.modality = modality
    fr.direction = direction
    fr.__class__ = Frame
    return fr  # type: ignore[return-value]


# Fail at import, not on the first figure, if Figure's layout ever stops matching.
new_figure(0, 0, "", 0, "", "count", False, None, None, None, 0, 0, False)
new_frame("", "", "", "", "", "actual", "none")
