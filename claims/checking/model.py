"""Input and output records of the checking engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from claims.extraction.types import Figure

# "update": one measure at two as-of times (a toll that rose, data revised): a timeline;
# "sources": two named sources give different values (two agencies' readings)
FindingType = Literal["conflict", "agree", "update", "sources", "inconsistent"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the checker reads it; ``figures`` are offsets into ``text``."""

    id: str
    text: str
    published: dt.date | None = None
    outlet: str = ""
    title: str = ""
    figures: tuple[Figure, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class FigureRef:
    """Points at one figure: the article and the figure's span in its text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A cross-article pair (``agree``/``conflict``/``update``/``sources``: two refs) or an
    in-article
    ``inconsistent`` group (two or more refs), with a reviewer-readable reason."""

    type: FindingType
    figures: tuple[FigureRef, ...]
    why: str
    score: float = 1.0  # confidence in (0, 1]; in-article arithmetic findings are 1.0


def ref(article: Article, figure: Figure) -> FigureRef:
    return FigureRef(article.id, figure.start, figure.end)
