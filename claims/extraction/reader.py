"""What every figure reader shares: the quantity and candidate records, and helpers that
look at the text just before or after a position.

The readers are split by what they read (``engine`` digits, ``times`` dates and times,
``words`` number words); ``ReaderBase`` declares the few steps they call on each other.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from . import lexicon as lx
from .dates import MONTHS
from .numbers import (
    Number,
)
from .patterns import CHROME, READING_TIME, WEB_HINTS, WEB_MASKS
from .types import Document, Value
from .units import (
    CURRENCY_PREFIXES,
)


@dataclass(slots=True)
class Quantity:
    """A quantity as read so far: the number, its scale, currency and attached unit."""

    start: int
    end: int
    value: Number
    overflow: bool = False
    words: bool = False
    scaled: bool = False
    currency: str | None = None
    unit: str = ""
    kind: str = "count"
    m_suffix: str | None = None  # "m"/"k"/"b" attached: a scale with money, else metres


@dataclass(slots=True)
class Candidate:
    """A figure found by a reader, before sentence context is added."""

    start: int
    end: int
    value: Value
    unit: str
    kind: str
    resume: int
    approx: bool = False
    qualifier: str | None = None
    subject: str | None = None
    overflow: bool = False
    apposition: bool = False  # "Harriet Shaw, 68," describes the speaker: not attributed


class ReaderBase:
    """The text, its publication date and the look-around helpers."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.published = doc.published
        masks: list[tuple[int, int]] = []
        if any(h in doc.text for h in WEB_HINTS):
            masks = [m.span() for m in WEB_MASKS.finditer(doc.text)]
        masks += [m.span() for m in CHROME.finditer(doc.text)]
        if "read" in doc.text or "©" in doc.text:
            masks += [m.span() for m in READING_TIME.finditer(doc.text)]
        masks.sort()
        self.masks = masks
        self.mask_starts = [s for s, _ in self.masks]

    # ------------------------------------------------------------ helpers
    def masked(self, pos: int) -> int:
        """End of the mask covering ``pos``, or -1."""
        i = bisect.bisect_right(self.mask_starts, pos) - 1
        if i >= 0 and self.masks[i][0] <= pos < self.masks[i][1]:
            return self.masks[i][1]
        return -1

    def left(self, pos: int, size: int = 60) -> str:
        return self.text[pos - size if pos > size else 0 : pos]

    def hedge(self, pos: int) -> tuple[str | None, int]:
        """The hedge or bound written just before ``pos``: (qualifier, its start)."""
        window = self.left(pos, 32)
        if not window or window[-1] not in " \u00a0":
            return None, pos
        words = window.split()
        if not words or words[-1].lower() not in lx.HEDGE_LAST_WORDS:
            return None, pos
        for n in (3, 2, 1):
            if len(words) >= n:
                phrase = " ".join(words[-n:]).lower()
                if phrase in lx.HEDGE_QUALIFIERS:
                    start = pos - len(window) + window.rfind(words[-n])
                    return phrase, start
        return None, pos

    def prev_word(self, pos: int) -> str | None:
        window = self.left(pos, 30)
        if len(window) < 2 or window[-1] not in " \u00a0" or window[-2].isspace():
            return None
        word = window.split()[-1] if window.strip() else ""
        word = word.lstrip("\"“‘'([")
        if not word[:1].isalpha() or not (word[-1].isalnum() or word[-1] in ".'’"):
            return None
        return word

    def clause_left(self, pos: int, size: int = 70) -> str:
        """The text before ``pos`` back to the last full stop or semicolon."""
        window = self.left(pos, size)
        cut = max(window.rfind(". "), window.rfind(";"))
        return window[cut + 1 :] if cut >= 0 else window

    def last_word(self, pos: int) -> str:
        """The lower-cased word just before ``pos`` (separated by spaces), or ""."""
        window = self.left(pos, 24)
        if not window or window[-1] not in " \u00a0":
            return ""
        words = window.split()
        return words[-1].lower() if words else ""

    def at_sentence_start(self, pos: int) -> bool:
        return pos == 0 or bool(lx.SENTENCE_START.search(self.left(pos, 6)))

    def name_before(self, pos: int) -> bool:
        """A capitalised word or identifier noun right before: "Boeing 737", "platform 2"."""
        w = self.prev_word(pos)
        if w is None:
            return False
        lw = w.lower().rstrip(".")
        if lw in lx.ID_NOUNS or w.lower() in lx.ID_NOUNS:
            return True
        if not w[0].isupper():
            return False
        if lw in lx.LEFT_OK or w.endswith(("'s", "’s", "s'")):
            return False
        return not (lw in MONTHS or w in CURRENCY_PREFIXES)

    def token_end(self, pos: int) -> int:
        m = lx.TOKEN.match(self.text, pos)
        return m.end() if m else pos

    # ------------------------------------------------------------ implemented in engine
    def number_at(self, pos: int) -> Quantity | None:
        raise NotImplementedError

    def quantity(self, pos: int, allow_currency_prefix: bool = True) -> Quantity | None:
        raise NotImplementedError

    def finish(self, q: Quantity) -> Candidate | None:
        raise NotImplementedError

    def counted_noun(self, pos: int) -> tuple[str, str | None, int]:
        raise NotImplementedError
