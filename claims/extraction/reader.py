"""What every figure reader shares: the quantity and candidate records, and helpers that
look at the text just before or after a position.

The readers are split by what they read (``engine`` digits, ``times`` dates and times,
``words`` number words); ``ReaderBase`` declares the few steps they call on each other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .dates import MONTHS
from .numbers import Number, read_number_words
from .patterns import READING_TIME, WEB_MASKS, chrome_spans, has_web_hint
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


def _hedge_in(words: list[str]) -> tuple[str | None, int]:
    """The hedge the last words end with ("more than", "about") and its length in words,
    or (None, 0)."""
    if not words:
        return None, 0
    last = words[-1].lower()
    if last not in lx.HEDGE_LAST_WORDS:
        return None, 0
    if len(words) < 2 or words[-2].lower() not in lx.HEDGE_WORD_BEFORE_LAST[last]:
        # no hedge of two or three words ends so: the last word alone, or none
        return (last, 1) if last in lx.HEDGE_QUALIFIERS else (None, 0)
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:]).lower()
            if phrase in lx.HEDGE_QUALIFIERS:
                return phrase, n
    return None, 0


class ReaderBase:
    """The text, its publication date and the look-around helpers."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.published = doc.published
        masks: list[tuple[int, int]] = []
        if has_web_hint(doc.text):
            masks = [m.span() for m in WEB_MASKS.finditer(doc.text)]
        masks += chrome_spans(doc.text)
        if "read" in doc.text or "©" in doc.text:
            masks += [m.span() for m in READING_TIME.finditer(doc.text)]
        masks.sort()
        self.masks = masks
        self.mask_starts = [s for s, _ in self.masks]
        self._next_token: tuple[int, re.Match[str] | None] = (-1, None)
        self._before: tuple[int, str, list[str]] = (-1, "", [])
        self._number_words: tuple[int, tuple[int, Number] | None] = (-1, None)
        self.verbs: list[re.Match[str]] = []  # speech verbs the scan met, for annotate

    # ------------------------------------------------------------ helpers
    def masked(self, pos: int) -> int:
        """End of the mask covering ``pos``, or -1."""
        i = bisect.bisect_right(self.mask_starts, pos) - 1
        if i >= 0 and self.masks[i][0] <= pos < self.masks[i][1]:
            return self.masks[i][1]
        return -1

    def left(self, pos: int, size: int = 60) -> str:
        return self.text[pos - size if pos > size else 0 : pos]

    def words_before(self, pos: int) -> tuple[str, list[str]]:
        """The 32 characters before ``pos`` and their last three words (``rsplit``). The
        helpers below read them, mostly for the same number in turn: the last are kept."""
        before = self._before
        if before[0] != pos:
            window = self.text[pos - 32 if pos > 32 else 0 : pos]
            before = self._before = (pos, window, window.rsplit(None, 3))  # hedges: 3 words
        return before[1], before[2]

    def hedge(self, pos: int) -> tuple[str | None, int]:
        """The hedge or bound written just before ``pos``: (qualifier, its start)."""
        window, words = self.words_before(pos)
        if not window or window[-1] not in " \u00a0":
            return None, pos
        phrase, n = _hedge_in(words)
        if phrase is None:
            return None, pos
        return phrase, pos - len(window) + window.rfind(words[-n])

    def hedge_and_last_word(self, pos: int) -> tuple[str | None, str]:
        """``(self.hedge(pos)[0], self.last_word(pos))``, reading the words once."""
        before = self._before  # words_before's, inline: most calls find it set for pos
        if before[0] == pos:
            window, words = before[1], before[2]
        else:
            window, words = self.words_before(pos)
        if not window or window[-1] not in " \u00a0" or not words:
            return None, ""
        # last_word looks 24 characters back: a last word that starts further is cut there
        last = words[-1]
        if len(window) - len(window.rstrip()) + len(last) <= 24:
            lw = last.lower()
            if lw not in lx.HEDGE_LAST_WORDS:
                return None, lw  # _hedge_in's first test, on the word just lower-cased
        else:
            lw = self.last_word(pos)
        return _hedge_in(words)[0], lw

    def prev_word(self, pos: int) -> str | None:
        """The word just before ``pos`` and one space, as written in the 30 characters
        before ``pos``, or None."""
        window, words = self.words_before(pos)
        if len(window) < 2 or window[-1] not in " \u00a0" or window[-2].isspace():
            return None
        # a word ends at window[-2]; of a longer one, the 29 characters in those 30
        word = words[-1][-29:].lstrip("\"“‘'([")
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
        words = window.rsplit(None, 1)
        return words[-1].lower() if words else ""

    def at_sentence_start(self, pos: int) -> bool:
        return pos == 0 or bool(lx.SENTENCE_START.search(self.left(pos, 6)))

    def name_before(self, pos: int) -> bool:
        """A capitalised word or identifier noun right before: "Boeing 737", "platform 2"."""
        w = self.prev_word(pos)
        if w is None:
            return False
        low = w.lower()
        lw = low.rstrip(".")
        if lw in lx.ID_NOUNS or low in lx.ID_NOUNS:
            return not self.named_scale_level(pos, lw)
        if lw == "category" and self.named_scale_level(pos, lw):
            return False
        if not w[0].isupper():
            # "iPhone 15", "eBay 2": a product or brand name
            return len(w) > 2 and w[1].isupper() and w[0].islower() and w[2:].isalpha()
        if lw in lx.LEFT_OK or w.endswith(("'s", "’s", "s'")):
            return False
        return not (lw in MONTHS or w in CURRENCY_PREFIXES)

    def named_scale_level(self, pos: int, word: str) -> bool:
        """A level on a named scale right before ``pos``: "the alert to level 4", "a
        Category 4 hurricane" (a storm's category needs a storm word next to it)."""
        if word not in ("level", "category"):
            return False
        m = lx.NAMED_SCALE_LEFT.search(self.left(pos, 80))
        if m is None:
            return False
        if word == "level":
            return "alert" in m[0].lower()
        end = self.token_end(pos)
        return (
            m["storm"] is not None or lx.NAMED_SCALE_STORM_RIGHT.match(self.text, end) is not None
        )

    def next_token(self, pos: int) -> re.Match[str] | None:
        """``NEXT_TOKEN`` at ``pos``: the word right after a number. The digit reader and
        the quantity reader both look at it, so the last one is kept."""
        if self._next_token[0] != pos:
            self._next_token = (pos, lx.NEXT_TOKEN.match(self.text, pos))
        return self._next_token[1]

    def number_words(self, pos: int) -> tuple[int, Number] | None:
        """``read_number_words`` at ``pos``. The word reader reads a phrase ("two hundred")
        and then the quantity reader reads it again, so the last one is kept."""
        if self._number_words[0] != pos:
            self._number_words = (pos, read_number_words(self.text, pos))
        return self._number_words[1]

    def sign_before(self, s: int) -> int:  # pragma: no cover - implemented in engine
        raise NotImplementedError

    def token_end(self, pos: int) -> int:
        m = lx.TOKEN.match(self.text, pos)
        return m.end() if m else pos

    # ------------------------------------------------------------ implemented in engine
    def number_at(self, pos: int, digits: re.Match[str] | None = None) -> Quantity | None:
        raise NotImplementedError

    def quantity(
        self, pos: int, allow_currency_prefix: bool = True, digits: re.Match[str] | None = None
    ) -> Quantity | None:
        raise NotImplementedError

    def finish(self, q: Quantity) -> Candidate | None:
        raise NotImplementedError

    def counted_noun(self, pos: int) -> tuple[str, str | None, int]:
        raise NotImplementedError
