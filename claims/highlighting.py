"""Split an article's text into plain runs and figure runs for highlighting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Span(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    text: str
    figure: Any = None  # the span object (a Figure) or None for plain text


def segments(text: str, spans: Iterable[Span]) -> Sequence[Segment]:
    """Plain and figure segments in text order. Spans out of bounds or
    overlapping an earlier span are shown as plain text, never dropped text."""
    out: list[Segment] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < pos or span.end > len(text) or span.start >= span.end:
            continue
        if span.start > pos:
            out.append(Segment(text[pos : span.start]))
        out.append(Segment(text[span.start : span.end], span))
        pos = span.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
