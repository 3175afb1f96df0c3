"""Figure extraction: find the numbers a news article states and normalise them.

``extract(Document(text, published))`` returns one ``Figure`` per figure, sorted by start,
following the news-dev annotation conventions (span, value, unit, kind, approx, attribution).
Plain Python, no Django import. The stages, each in its own module:

- ``numbers``: digit strings (separators, Unicode digits, overflow) and number words;
- ``units``, ``dates``: unit lexicon and calendar arithmetic (relative dates);
- ``patterns``, ``lexicon``: the anchor scan, masks (phones, URLs) and small regexes;
- ``reader``, ``engine``, ``times``, ``words``: reading one figure around each anchor;
- ``context``: sentences and attribution (speakers, pronouns, surnames);
- ``frames``, ``frame_lexicon``: each figure's frame (measure, scope, time, source,
  modality, direction), read after the engine, and ``compare_frames``;
- ``cli``: ``python -m claims.extraction.cli FILE.json`` prints JSON lines.
"""

from . import engine, frames
from .frames import compare_frames
from .lexicon import DAY_REFERENCE
from .types import Document, Figure, Frame

# Bump when the output for some input changes.
EXTRACTOR_VERSION = "0.7.0"

__all__ = ["EXTRACTOR_VERSION", "Document", "Figure", "Frame", "compare_frames", "extract"]


def extract(doc: Document) -> list[Figure]:
    """The engine's figures, sorted by start, each with its ``frame`` set. A bare weekday
    or "yesterday" gives the figures of its clause their time and is then left out
    (``lexicon.DAY_REFERENCE``): it dates a statement, it is not a figure to check."""
    found = frames.add_frames(doc, engine.extract(doc))
    day = DAY_REFERENCE.fullmatch
    return [f for f in found if f.kind != "date" or day(f.surface) is None]
