"""Figure extraction: find the numbers a news article states and normalise them.

``extract(Document(text, published))`` returns one ``Figure`` per figure, sorted by start,
following the news-dev annotation conventions (span, value, unit, kind, approx, attribution).
Plain Python, no Django import. The stages, each in its own module:

- ``numbers``: digit strings (separators, Unicode digits, overflow) and number words;
- ``units``, ``dates``: unit lexicon and calendar arithmetic (relative dates);
- ``patterns``, ``lexicon``: the anchor scan, masks (phones, URLs) and small regexes;
- ``reader``, ``engine``, ``times``, ``words``: reading one figure around each anchor;
- ``context``: sentences and attribution (speakers, pronouns, surnames);
- ``cli``: ``python -m claims.extraction.cli FILE.json`` prints JSON lines.
"""

from .engine import extract
from .types import Document, Figure

# Bump when the output for some input changes.
EXTRACTOR_VERSION = "0.5.25"

__all__ = ["EXTRACTOR_VERSION", "Document", "Figure", "extract"]
