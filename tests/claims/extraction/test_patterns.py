import re

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import context, engine, frames
from claims.extraction.patterns import (
    ANCHOR,
    ANCHOR_ENDS,
    CHROME,
    MASK_HINT,
    MASKS,
    READING_TIME,
    WEB_HINTS,
    WEB_MASKS,
    chrome_spans,
    has_web_hint,
    trie_regex,
)


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
    # national formats with a trunk 0, and numbers listed after one
    assert MASKS.match("040-23456789 or")[0] == "040-23456789"  # type: ignore[index]
    assert MASKS.match("040- 23456789/ 23456790.")[0] == "040- 23456789/ 23456790"  # type: ignore[index]
    assert MASKS.match("(031) 4455 6677")[0] == "(031) 4455 6677"  # type: ignore[index]
    assert MASKS.match("07712 345678")[0] == "07712 345678"  # type: ignore[index]
    assert MASKS.match("08912345678;")[0] == "08912345678"  # type: ignore[index]
    assert MASKS.match("9876543210 /")[0] == "9876543210"  # type: ignore[index]
    assert MASKS.match("0.5") is None and MASKS.match("0430 GMT") is None
    assert WEB_MASKS.search("see www.example.com/page/12 now") is not None


CHROME_TEXT = st.lists(
    st.sampled_from(["\n", " ", "\t", "Updated", "By Jo Berry", "Share", "x", ".", "5"])
).map("".join)


@given(CHROME_TEXT)
def test_chrome_spans_are_the_spans_chrome_finds(text: str) -> None:
    assert chrome_spans(text) == [m.span() for m in CHROME.finditer(text)]


def test_chrome_spans_find_page_chrome_on_any_line() -> None:
    text = "Updated 14:32 GMT\nThe council met.\n  By Jo Berry | 5 min read\nShare"
    assert [text[s:e] for s, e in chrome_spans(text)] == [
        "Updated 14:32 GMT",
        "  By Jo Berry | 5 min read",
        "Share",
    ]


@given(
    st.lists(
        st.sampled_from(
            ["1", "23", "456", "0", "98765", " ", ".", "-", "/", "(", ")", "+", ",", " UP ", "A"]
        )
    ).map("".join)
)
def test_mask_hint_matches_wherever_masks_match_at_a_digit(text: str) -> None:
    for i, ch in enumerate(text):
        if ch.isdigit() and MASKS.match(text, i):
            assert MASK_HINT.match(text, i)


@given(
    st.lists(st.sampled_from(["www", ".", "com", "co", "uk", "@", "htt", "p", "x", " "])).map(
        "".join
    )
)
def test_has_web_hint_is_any_hint_in_the_text(text: str) -> None:
    assert has_web_hint(text) == any(h in text for h in WEB_HINTS)


SCAN_TEXT = st.lists(
    st.sampled_from(
        [
            "a",
            "an",
            "An",
            " ",
            "dozen",
            "tens",
            " of ",
            "thousands",
            "last",
            "year",
            "two",
            "ten",
            "said",
            "Says",
            "5",
            "x",
            "-",
            "March",
            "Ma",
            "y",
            "\n",
            "scores",
        ]
    )
).map("".join)


@given(SCAN_TEXT)
def test_the_anchor_trie_finds_what_a_plain_alternation_finds(text: str) -> None:
    longest_first = sorted(ANCHOR_ENDS.items(), key=lambda item: -len(item[0]))
    plain = "|".join(re.escape(word) + end for word, end in longest_first)
    expected = re.compile(rf"(?<![\w])(?:\d+|{plain})")
    assert [m.span() for m in ANCHOR.finditer(text)] == [m.span() for m in expected.finditer(text)]


@given(SCAN_TEXT)
def test_the_engine_scan_finds_the_anchors_and_the_speech_verbs(text: str) -> None:
    found = [m.span() for m in engine.SCAN.finditer(text)]
    anchors = [m.span() for m in ANCHOR.finditer(text)]
    verbs = [m.span() for m in context._SAY_QUICK.finditer(text)]
    assert found == sorted(anchors + verbs)


@given(SCAN_TEXT)
def test_the_scan_as_run_finds_what_the_scan_finds(text: str) -> None:
    # SCAN_AFTER runs over " " + text, each anchor in group 1 after the character before it
    found = [(m.start(1) - 1, m.end(1) - 1) for m in engine.SCAN_AFTER.finditer(" " + text)]
    assert found == [m.span() for m in engine.SCAN.finditer(text)]


def test_no_speech_verb_is_an_anchor_word() -> None:
    assert not context.SPEECH_VERBS & set(ANCHOR_ENDS)


def test_rule_indian_digit_grouping_is_one_number() -> None:
    from claims.extraction import Document, extract

    figs = extract(Document("Some 3,45,000 farmers and 12,500 traders joined."))
    assert [(f.surface, f.value) for f in figs] == [("3,45,000", 345_000), ("12,500", 12_500)]
    # a well-formed western number stays one number
    assert [f.value for f in extract(Document("It cost 12,345,678 dollars."))] == [12_345_678]


def test_rule_a_score_after_a_team_name_and_an_upset_verb() -> None:
    from claims.extraction import Document, extract

    figs = extract(Document("The minnows came back to stun Dunmore 4-3 at home."))
    assert [(f.surface, f.value, f.kind) for f in figs] == [("4-3", (4, 3), "score")]


def test_rule_slash_fraction_before_of_is_not_masked_and_24_7_is() -> None:
    from claims.extraction.patterns import MASKS

    assert MASKS.match("2/3 of the cost") is None
    assert MASKS.match("24/7 of course") is not None
    assert MASKS.match("9/11 of sorts") is not None


def test_one_character_words_with_one_ending_share_a_class() -> None:
    from claims.extraction.patterns import trie_regex_with_ends

    rx = trie_regex_with_ends({"½": "(?!x)", "¾": "(?!x)", "ab": "", "a": "(?=1)"})
    assert "[½¾](?!x)" in rx
    full = re.compile(rx)
    assert full.match("½ of") and full.match("¾ of") and full.match("ab") and full.match("a1")
    assert not full.match("½x") and not full.match("a2")


def test_rule_a_four_digit_helpline_is_no_figure() -> None:
    from claims.extraction import Document, extract

    assert extract(Document("The control room can be reached on 1091 at any hour.")) == []
    assert [f.value for f in extract(Document("Officials called 1500 voters."))] == [1500]
    # listed after a telephone number, or named as the helpline's number
    assert extract(Document("Desk numbers: 04412-556230 and 1091.")) == []
    assert extract(Document("The district helpline for stranded drivers is 1093.")) == []
    assert [f.value for f in extract(Document("The helpline took 1500 calls."))] == [1500]


def test_rules_that_already_worked_stay_working() -> None:
    """Number language the engine read before this branch (a guard, one line each)."""
    from claims.extraction import Document, extract

    def values(text: str) -> list[object]:
        return [f.value for f in extract(Document(text))]

    assert values("For help ring 0821-4455667 or dial (044) 2811 9000.") == []  # phones
    assert values("Those trapped should call 112 at once.") == []  # emergency number
    assert values("Flight QZ 417 and train 12627 were late.") == []  # flight, train
    assert values("The shop won't open.") == []  # "won't" is no Korean won
    assert values("It fell to minus 6 overnight.") == [-6]
    assert values("Lows of -12 degrees are likely.") == [-12]
    assert values("Swells of 2 to 4 metres were seen.") == [(2, 4)]
    assert values("The firm made $4bn and £2.5m.") == [4_000_000_000, 2_500_000]
    assert values("A 10km run with a 20kg pack at 8mph.") == [10, 20, 8]
    assert values("Nearly three quarters of voters agreed.") == [75]
    assert values("A 1½ hour wait.") == [5400]


def test_wont_after_a_number_is_the_verb_not_the_korean_won() -> None:
    from claims.extraction import Document, extract

    for text in ("Another 5,000 won't be enough.", "Another 5,000 won\u2019t be enough."):
        (fig,) = extract(Document(text))
        assert (fig.surface, fig.kind, fig.unit) == ("5,000", "count", "")
    (fig,) = extract(Document("A ticket costs 5,000 won in Seoul."))
    assert (fig.surface, fig.unit) == ("5,000 won", "KRW")


READING_TIME_TEXT = st.lists(
    st.sampled_from(
        ["0", "5", "12", "٣", " ", "-", "©", "\u00a0", "a", "_", "min", "minute", "s", "read", "y"]
    )
).map("".join)


@given(READING_TIME_TEXT)
def test_reading_time_finds_what_its_plain_form_finds(text: str) -> None:
    plain = re.compile(r"\b\d{1,3}[ -]min(?:ute)?s?[ -]read\b|©[ \u00a0]?\d{4}")
    found = [m.span() for m in READING_TIME.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


TIME_PHRASE_TEXT = st.lists(
    st.sampled_from(
        [
            "at",
            "by",
            "the",
            "close",
            "of",
            "trading",
            "in",
            "first",
            "quarter",
            "for",
            "year",
            "so",
            "far",
            "this",
            "last",
            "season",
            "overnight",
            "on",
            "day",
            "within",
            "two",
            "3",
            "years",
            "-on-",
            "to",
            "date",
            "monday",
            "march",
            "since",
            " ",
            " ",
            "_",
            "x",
            "é",
            ",",
        ]
    )
).map("".join)


@given(TIME_PHRASE_TEXT)
def test_the_time_phrase_scan_as_run_finds_what_the_plain_scan_finds(text: str) -> None:
    # frames runs _TIME_PHRASE_AFTER over " " + the sentence, each phrase in group 1
    found = [(m.start(1) - 1, m.end(1) - 1) for m in frames._TIME_PHRASE_AFTER.finditer(" " + text)]
    assert found == [m.span() for m in frames._TIME_PHRASE.finditer(text)]
