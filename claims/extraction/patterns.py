"""Regular expressions shared by the stages, compiled once at import.

Every pattern is linear: no nested unbounded quantifiers over overlapping classes, so
arbitrary input cannot trigger catastrophic backtracking.
"""

from __future__ import annotations

import re

from .dates import WEEKDAYS
from .numbers import FRACTION_WORDS, ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS
from .units import CURRENCY_PREFIXES

SP = r"[ \u00a0\u202f\u2009]"  # spaces inside a line
LETTER = r"[^\W\d_]"

_CARDINALS = sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True)
_ORDINALS = sorted(ORDINAL_WORDS, key=len, reverse=True)
_AFTER_A = (
    "dozen|hundred|thousand|million|billion|trillion|half|third|quarter|fifth|sixth|seventh|"
    "eighth|ninth|tenth|week|month|year|day|hour|minute|decade|century|fortnight|"
    "quarter-point|half-point|couple"
)
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|"
    r"Jan|Feb|Aug|Sept|Oct|Nov|Dec"
)


def trie_regex(words: set[str]) -> str:
    """An alternation of ``words`` factored by common prefixes, so the regex engine
    tests one character per step instead of every word at every position."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def trie_regex_with_ends(ends: dict[str, str]) -> str:
    """Like ``trie_regex``, each word followed by its own pattern (``ends[word]``: what
    must come after it). One trie for words that need different endings keeps the
    engine's test of the first character to one step for all of them."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w, end in ends.items():
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = end

    def build(node: dict) -> str:  # type: ignore[type-arg]
        # one-character words with the same ending share one branch, a character class
        # ("[½¼¾](?!...)"): each branch costs a test at every place a word may start
        leaves: dict[str, list[str]] = {}
        alts = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            if list(child) == [""]:
                leaves.setdefault(child[""], []).append(ch)
            else:
                alts.append(re.escape(ch) + build(child))
        for end, chars in leaves.items():
            one = re.escape(chars[0]) if len(chars) == 1 else f"[{''.join(map(re.escape, chars))}]"
            alts.append(one + end)
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


_ANCHOR_WORDS = {
    *_CARDINALS,
    *_ORDINALS,
    "half",
    "quarter",
    "twice",
    "once",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "double",
    "doubled",
    "doubles",
    "doubling",
    "triple",
    "tripled",
    "triples",
    "tripling",
    "halved",
    "halving",
    "treble",
    "trebled",
    "trebling",
    "quadruple",
    "quadrupled",
    "quadrupling",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "twofold",
    "threefold",
    "fourfold",
    "fivefold",
    "sixfold",
    "sevenfold",
    "eightfold",
    "ninefold",
    "tenfold",
    "hundredfold",
    "days",
    "months",
    "years",
    "decades",
    "weeks",
    "noon",
    "midday",
    "midnight",
}
ANCHOR_WORDS = _ANCHOR_WORDS | {w.capitalize() for w in _ANCHOR_WORDS}
# Unicode fractions standing alone ("¾ of the stock"); after digits ("1½") they are
# read with the digits
VULGAR_FRACTION_CHARS = "½¼¾⅓⅔⅛⅜⅝⅞⅕"
FULL_MONTH_NAMES = frozenset(
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
MONTH_ANCHORS = {
    *FULL_MONTH_NAMES,
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
}
WEEKDAY_ANCHORS = {w.capitalize() for w in WEEKDAYS}
# Where a figure may begin: digits, number words, month and weekday names, and a few
# words that need a lookahead ("a dozen", "last year", "tens of thousands"). Each word
# with what must follow it; no word is a prefix of another that could match at the same
# place, so the order of the trie's alternatives does not matter.
NOT_WORD = r"(?![\w])"  # the word ends there
# (only those news glues to digits: each first letter is a branch the scan tests at
# every word)
CURRENCY_CODES_GLUED = frozenset(["RMB", "Rs", "INR", "CNY"]) & set(CURRENCY_PREFIXES)
ANCHOR_ENDS = {
    **dict.fromkeys(ANCHOR_WORDS | MONTH_ANCHORS | WEEKDAY_ANCHORS, NOT_WORD),
    **dict.fromkeys(VULGAR_FRACTION_CHARS, r"(?![\w/])"),
    # currency codes glued to their digits: "RMB12,000", "Rs4 lakh"
    **dict.fromkeys(CURRENCY_CODES_GLUED, r"(?=\d)"),
    **dict.fromkeys(["a", "A", "an", "An"], rf"(?=\s+(?:{_AFTER_A})\b)"),
    **dict.fromkeys(
        ["last", "Last", "this", "This", "next", "Next"],
        r"(?=\s+(?:year|month|week|decade|summer|winter|spring|autumn)\b)",
    ),
    **dict.fromkeys(["yesterday", "Yesterday", "fortnight", "Fortnight"], NOT_WORD),
    "Q": r"(?=[1-4](?![\w]))",
    "H": r"(?=[12](?![\w]))",
    "FY": r"(?=\d\d(?:\d\d)?(?![\w]))",
    **dict.fromkeys(["scores", "Scores"], r"(?=\s+of\b)"),
    **dict.fromkeys(["tens", "Tens"], r"(?=\s+of\s+(?:thousands|millions|billions)\b)"),
}
ANCHOR = re.compile(rf"(?<![\w])(?:\d+|{trie_regex_with_ends(ANCHOR_ENDS)})")

# Digits: a well-formed group, thousands separators only between groups of three; or
# Indian grouping, pairs of digits before the last three ("1,92,000", "12,34,567": a
# lakh and more; the western groups cannot match a start of them, as a pair follows the
# first comma).
DIGITS = re.compile(
    r"(?:\d{1,3}(?:(?:,|[\u00a0\u202f\u2009])\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d+)"
    r"(?:\.\d+)?"
)
FRACTION = re.compile(
    rf"(?i:[-\u2010\s]+({'|'.join(sorted(FRACTION_WORDS, key=len, reverse=True))}))\b"
)

# Words that end a train's name; a number in brackets right after one is the
# train's number: "Lakeside Express (14520)", "Valley Mail (16235)".
TRAIN_NAME_ENDS = ("Express", "Mail", "Superfast", "Passenger", "Special", "Local", "Rajdhani",
                   "Shatabdi", "Duronto")  # fmt: skip

# Things that look like numbers but are not figures; matched spans are skipped whole.
# Tried only where a number starts (or one character before, for "+", "(" and "[").
MASKS = re.compile(
    # phone numbers: +44 20 7946 0958, 0 800 500 225, (555) 123-4567, 0800 161 2214
    # (not numeric dates: "2026-10-20", "20.10.2026")
    r"(?<![\w.,])(?!\d{4}-\d\d-\d\d(?![\d-])|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?![\d.]))"
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?"
    r"\d{1,5}(?:[ .-]\d{2,5}){2,4}(?!\w|,\d)"
    r"|(?<![\w.,])(?:\+\d{1,3}[ .-]?)?\(\d{3}\)\s?\d{3}-\d{4}\b"
    # national formats with a trunk 0: "040-23456789", "040- 2345678", "07712 345678",
    # "(031) 4455 6677", "08912345678"; and numbers listed after one with a slash
    r"|(?<![\w.,])(?:0\d{1,4}(?:-[ ]?|[ ])\d{5,8}|0\d{7,11}"
    r"|\(0\d{1,4}\)[ ]?\d{3,5}(?:[ -]?\d{3,5})?)"
    r"(?:[ ]?/[ ]?\d{5,11})*(?![\w]|[.,]\d)"
    # ten-digit mobile numbers, written without separators: "9876543210"
    r"|(?<![\w.,])[6-9]\d{9}(?![\w]|[.,]\d)"
    # a train's number: "Lakeside Express (14520)", "the 16235 UP Valley Mail"
    rf"|(?:{'|'.join(f'(?<={w} )' for w in TRAIN_NAME_ENDS)})\(\d{{4,5}}\)"
    r"|\d{5}(?=[ ](?:UP|DN|Up|Dn)[ ][A-Z])"
    r"|\[\d{1,3}\]"  # footnote markers
    # numeric dates with a two-digit year are ambiguous (which part is the year?); with a
    # four-digit one they are read as dates (times.read_numeric_date)
    r"|(?<!\d)\d{1,2}/\d{1,2}/\d{2}(?![\d/])"
    # other slashed numbers, except "2025/26" (years) and "2/3 of" (a fraction)
    r"|(?<![\d/])(?!(?:19|20)\d\d/\d\d(?:\d\d)?(?![\d/])|\d/(?:[2-9]|10)[ \u00a0]+of\b)"
    r"\d+/\d+(?![\d/])(?!\s*(?:km|mph))"
)
# What MASKS needs after a number that starts the match (no "+", "(" or "[" before it):
# a short group and two more groups of digits (phones), or a slash. Most numbers have
# neither, and this check is much cheaper than MASKS' alternatives and backtracking.
MASK_HINT = re.compile(
    r"\d{1,5}[ .-]\d{2,5}[ .-]\d|\d+/|0\d{1,4}(?:- ?| )\d{5}|0\d{7}|[6-9]\d{9}"
    r"|\d{5} (?:UP|DN|Up|Dn) [A-Z]"
)
# Web addresses and page chrome, only searched when the text has a hint of them.
WEB_MASKS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}"
    r"|(?<![\w-])[\w-]{1,63}\.(?:com|org|net|gov|edu|io|co\.uk|uk)\b(?:/\S*)?"
)
WEB_HINTS = ("http", "www.", "@", ".com", ".org", ".net", ".gov", ".edu", ".io", ".uk")
# the hints with a full stop, in one scan that stops only at full stops
_DOTTED_HINTS = re.compile(r"\.(?:(?<=www\.)|com|org|net|gov|edu|io|uk)")


def has_web_hint(text: str) -> bool:
    """``any(h in text for h in WEB_HINTS)``, in three scans of the text instead of ten."""
    return "http" in text or "@" in text or _DOTTED_HINTS.search(text) is not None


# Page chrome: short lines such as "Updated 14:32 GMT", "By Jo Berry | 5 min read",
# "© 2024 Harbour Times", and reading-time labels anywhere.
_CHROME_LINE = (
    r"[ \t]*(?:(?:Updated|Published|Posted|Last updated|Last modified|First published|"
    r"Photo|Image|Copyright|©|Share|Read more|Advertisement|Listen)\b|"
    r"By [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+)[^\n.!?]{0,100}$"
)
CHROME = re.compile(rf"(?m)^{_CHROME_LINE}")
# The same lines after a newline: a pattern opening with a literal is searched for with a
# fast scan, where "^" is tried at every position of the text.
_CHROME_AFTER_NEWLINE = re.compile(rf"(?m)\n({_CHROME_LINE})")


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``CHROME.finditer(text)``, found faster."""
    first = CHROME.match(text)
    spans = [first.span()] if first else []
    spans += [m.span(1) for m in _CHROME_AFTER_NEWLINE.finditer(text)]
    return spans


# (``\b\d{1,3}[ -]min(?:ute)?s?[ -]read\b|©[ \u00a0]?\d{4}``, written to open with a
# character class: the regex engine then skips to digits and "©" instead of trying the
# pattern at every position of the text)
READING_TIME = re.compile(
    r"[\d©](?:(?<=\d)(?<!\w\d)\d{0,2}[ -]min(?:ute)?s?[ -]read\b|(?<=©)[ \u00a0]?\d{4})"
)
