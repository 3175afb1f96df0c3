"""The cheap checks the engine makes before some regexes never skip a match of them."""

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import Document
from claims.extraction import lexicon as lx
from claims.extraction.engine import _Reader

PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "\u00a0",
            "\u2009",
            "-",
            "5",
            "12",
            ",",
            ".",
            "$",
            "US$",
            "€",
            "Rs",
            "Rs.",
            "minus",
            "MINUS",
            "m",
            "and",
            "a",
            "half",
            "dozen",
            "million",
            "bn",
            "k",
            "of",
            "often",
            "the",
            "more",
            "further",
            "addıtional",
            "extra",
            "new",
            "people",
            "x",
            "M",
            "ſ",
        ]
    )
).map("".join)


def reader(text: str) -> _Reader:
    return _Reader(Document(text))


@given(PIECES)
def test_currency_before_finds_what_the_currency_regex_finds(text: str) -> None:
    r = reader(text)
    for pos in range(len(text) + 1):
        plain = (
            lx.CURRENCY_LEFT.search(r.left(pos, 8))
            if pos and text[pos - 1] in lx.CURRENCY_END
            else None
        )
        found = r.currency_before(pos)
        assert (found and found.group(0, 1)) == (plain and plain.group(0, 1))


@given(PIECES)
def test_sign_before_finds_a_written_minus_as_the_regex_does(text: str) -> None:
    r = reader(text)
    for pos in range(len(text) + 1):
        if pos >= 1 and text[pos - 1] in "\u2212-" and (pos == 1 or text[pos - 2] in " \u00a0(\n"):
            continue  # the sign itself, checked before the regex
        m = lx.MINUS_WORD.search(r.left(pos, 8))
        assert r.sign_before(pos) == (len(m[0]) if m else 0)


@given(PIECES)
def test_number_tail_hint_matches_wherever_a_number_tail_does(text: str) -> None:
    for pos in range(len(text) + 1):
        if any(p.match(text, pos) for p in (lx.HALF_TAIL, lx.DOZEN_TAIL, lx.SCALE_TAIL)):
            assert lx.NUMBER_TAIL_HINT.match(text, pos)


@given(PIECES)
def test_of_and_more_before_a_noun_are_the_next_word(text: str) -> None:
    for pos in range(len(text) + 1):
        word = lx.NOUN_WORDS.match(text, pos)
        first = word[1].lower() if word else None
        if lx.OF_DET.match(text, pos):
            assert first is not None and first.startswith("of")
        if lx.MORE_BEFORE_NOUN.match(text, pos):
            assert first is not None and (first in lx.MORE_WORDS or not first.isascii())


def test_every_currency_ends_with_a_currency_end_character() -> None:
    assert lx.CURRENCY_LAST <= lx.CURRENCY_END
