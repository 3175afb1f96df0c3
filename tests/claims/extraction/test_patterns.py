import re

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction.patterns import ANCHOR, MASKS, WEB_MASKS, trie_regex


def test_a_trie_regex_matches_exactly_its_words() -> None:
    words = {"one", "once", "on", "two", "twice"}
    pattern = re.compile(rf"(?:{trie_regex(words)})\Z")
    assert all(pattern.match(w) for w in words)
    assert not pattern.match("o") and not pattern.match("onc") and not pattern.match("three")


@given(st.sets(st.text(alphabet="abcd", min_size=1, max_size=5), min_size=1, max_size=20))
def test_any_word_set_round_trips_through_the_trie(words: set[str]) -> None:
    pattern = re.compile(rf"(?:{trie_regex(words)})\Z")
    assert all(pattern.match(w) for w in words)


def test_anchors_find_digits_number_words_and_months() -> None:
    text = "Some 6,000 shells, two-thirds of them, on March 11 and a dozen last year."
    found = [m[0] for m in ANCHOR.finditer(text)]
    assert found[:4] == ["6", "000", "two", "March"]
    assert "a" in found and "last" in found


def test_masks_cover_phone_numbers_footnotes_and_urls() -> None:
    assert MASKS.match("0800 161 2214")[0] == "0800 161 2214"  # type: ignore[index]
    assert MASKS.match("0 800 500 225,")[0] == "0 800 500 225"  # type: ignore[index]
    assert MASKS.match("[3]") is not None
    assert MASKS.match("2024-03-02") is None  # an ISO date, not a phone number
    assert WEB_MASKS.search("see www.example.com/page/12 now") is not None
