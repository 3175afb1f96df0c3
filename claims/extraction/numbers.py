"""Reading numbers: digit strings (with separators and Unicode digits) and number words.

Values come back as ``int`` when integral and exactly representable, else ``float``.
A value too large for a float is reported as overflow instead of becoming ``inf``.
"""

from __future__ import annotations

import math
import re
import unicodedata

Number = int | float

# Thousands separators we accept inside a digit group: comma, NBSP, narrow NBSP, thin space.
THOUSANDS_SEPARATORS = ",\u00a0\u202f\u2009"
MINUS_SIGNS = "-\u2212\u2013"
_SEPARATOR = re.compile(f"[{THOUSANDS_SEPARATORS}]")
_MAX_DIGITS = 300  # longer digit strings cannot fit a float (max ~1.8e308)
# a well-formed ASCII number: groups of three after commas, then maybe a decimal part
# (or Indian grouping: "1,92,000", "12,34,567")
_ASCII_NUMBER = re.compile(
    r"([0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]+)(?:\.([0-9]+))?"
)

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # Indian English: a lakh is a hundred thousand, a crore ten million
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
# Abbreviated scales written after digits ("$59.5bn", "€2.5m", "3tn").
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
    "K": 1_000,
    "M": 1_000_000,
    "B": 1_000_000_000,
    "T": 1_000_000_000_000,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1_000,
    "millionth": 1_000_000,
}
# Denominators of fractions written in words ("a third", "two-thirds", "three quarters").
FRACTION_WORDS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}


def to_number(x: float | int) -> tuple[Number, bool]:
    """Normalise a computed value: (value, overflow). Integral floats become ints."""
    if isinstance(x, int):
        if abs(x) < 2**53:
            return x, False
        try:
            f = float(x)
        except OverflowError:
            return 0, True
        return f, False
    if not math.isfinite(x):
        return 0, True
    if x.is_integer() and abs(x) < 2**53:
        return int(x), False
    return x, False


def parse_digits(text: str) -> tuple[Number, bool] | None:
    """Parse a digit string such as "1,200", "4.5", "−3", "12 000" (NBSP), "٣٤".

    Returns (value, overflow) or None when the string is not a well-formed number
    (misplaced separators, several decimal points...).
    """
    if len(text) <= _MAX_DIGITS and text.isascii():
        # the common cases, "2024", "12,500" and "4.25": nothing to clean or check further
        if text.isdigit():
            # up to 15 digits is below 2**53: to_number would return it as it is
            return (int(text), False) if len(text) <= 15 else to_number(int(text))
        m = _ASCII_NUMBER.fullmatch(text)
        if m:
            whole = m[1].replace(",", "")
            if m[2]:
                return to_number(float(f"{whole}.{m[2]}"))
            return (int(whole), False) if len(whole) <= 15 else to_number(int(whole))
    s = text.strip()
    if not s:
        return None
    negative = s[0] in MINUS_SIGNS
    if negative or s[0] == "+":
        s = s[1:]
    if not s.isascii():
        s = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in s)
    if "." in s:
        whole, _, frac = s.partition(".")
        if not frac.isdigit() or not frac.isascii():
            return None
    else:
        whole, frac = s, ""
    if whole:
        if len(whole) <= 3:
            groups = [whole]
        else:  # in ASCII text the only separator is the comma: str.split is cheaper
            groups = whole.split(",") if whole.isascii() else _SEPARATOR.split(whole)
        if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or set(map(len, groups[1:])) != {3}):
            return None
        whole = "".join(groups)
        if not (whole.isdigit() and whole.isascii()):
            return None
    elif not frac:
        return None
    if len(whole) > _MAX_DIGITS:
        return 0, True
    if frac:
        value: float | int = float(f"{whole or '0'}.{frac[:_MAX_DIGITS]}")
    else:
        value = int(whole)
    if negative:
        value = -value
    return to_number(value)


def apply_scale(value: Number, scale: int) -> tuple[Number, bool]:
    """Multiply by a scale word without float noise: 4.2 * 1e9 -> 4200000000."""
    if isinstance(value, int):
        return to_number(value * scale)
    # round to the precision the written decimal implies, avoiding 59.5e9 -> 59499999999.99
    scaled = value * scale
    if not math.isfinite(scaled):
        return 0, True
    rounded = round(scaled, 6)
    return to_number(rounded)


_PHRASE_TOKEN = re.compile(r"([A-Za-z]+)(?=[\s\-\u2010]|$|[^\w])")
_PHRASE_SEP = re.compile(r"(?:[ \u00a0]+|[-\u2010])")


def read_number_words(text: str, pos: int) -> tuple[int, Number] | None:
    """Read a cardinal number-word phrase starting at ``pos``: "eight thousand",
    "twenty-five", "two hundred and fifty", "a hundred". Returns (end, value) of the
    longest grammatical prefix, or None. "two and three" stops after "two"."""
    total = 0
    current = 0
    end = -1
    prev = ""  # category of the previous word: unit, tens, hundred, scale, and, a
    i = pos
    for _ in range(16):
        m = _PHRASE_TOKEN.match(text, i)
        if m is None:
            break
        w = m[1].lower()
        if w in ("a", "an"):
            if prev:
                break
            cat = "a"
        elif w == "and":
            if prev not in ("hundred", "scale"):
                break
            cat = "and"
        elif w in UNITS_WORDS:
            if prev in ("unit",) or (prev == "tens" and UNITS_WORDS[w] >= 10):
                break
            if prev == "a":
                break
            current += UNITS_WORDS[w]
            cat = "unit"
        elif w in TENS_WORDS:
            if prev in ("unit", "tens", "a"):
                break
            current += TENS_WORDS[w]
            cat = "tens"
        elif w == "hundred":
            if prev not in ("unit", "a", "tens") or (current % 100 == 0 and prev == "tens"):
                break
            current = (current or 1) * 100
            cat = "hundred"
        elif w in SCALE_WORDS:
            if prev not in ("unit", "tens", "hundred", "a"):
                break
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
            cat = "scale"
        else:
            break
        prev = cat
        if cat not in ("and", "a"):
            end = m.end()
            value = total + current
        sep = _PHRASE_SEP.match(text, m.end())
        if sep is None:
            break
        i = sep.end()
    if end < 0:
        return None
    return end, value
