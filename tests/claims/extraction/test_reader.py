"""The look-around helpers every reader uses (claims.extraction.reader)."""

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import Document
from claims.extraction.reader import ReaderBase


def reader(text: str) -> ReaderBase:
    return ReaderBase(Document(text))


def test_it_finds_the_hedge_before_a_position() -> None:
    text = "the army fired just over 6,000 shells"
    r = reader(text)
    assert r.hedge(text.index("6,000")) == ("just over", text.index("just"))
    assert reader("the 6,000 shells").hedge(4) == (None, 4)


def test_it_reads_the_word_before_a_number() -> None:
    text = "the Boeing 737 and Kovač, 47, said"
    r = reader(text)
    assert r.prev_word(text.index("737")) == "Boeing"
    assert r.prev_word(text.index("47")) is None  # a comma stands between
    assert r.name_before(text.index("737"))
    assert not r.name_before(text.index("47"))


def test_a_clause_ends_at_a_full_stop() -> None:
    text = "Prices rose. Then 5 fell"
    assert reader(text).clause_left(text.index("5")) == " Then "


WINDOW_TEXT = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "\u00a0",
            "\n",
            "more",
            "than",
            "just",
            "over",
            "about",
            "x" * 20,
            "aged",
            "5",
            "(",
            "Boeing",
        ]
    )
).map("".join)


@given(WINDOW_TEXT, st.integers(min_value=0, max_value=200))
def test_hedge_and_last_word_read_together_as_apart(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    r = reader(text)
    assert r.hedge_and_last_word(pos) == (r.hedge(pos)[0], r.last_word(pos))


def prev_word_as_written(text: str, pos: int) -> str | None:
    """prev_word read the plain way, from its own 30-character window."""
    window = text[max(0, pos - 30) : pos]
    if len(window) < 2 or window[-1] not in " \u00a0" or window[-2].isspace():
        return None
    word = window.split()[-1].lstrip("\"“‘'([")
    if not word[:1].isalpha() or not (word[-1].isalnum() or word[-1] in ".'’"):
        return None
    return word


@given(WINDOW_TEXT, st.integers(min_value=0, max_value=200))
def test_prev_word_reads_the_shared_window_as_its_own(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    r = reader(text)
    r.hedge(max(0, pos - 1))  # another position first: the kept words must not leak
    assert r.prev_word(pos) == prev_word_as_written(text, pos)


def test_rule_levels_on_named_scales_are_figures() -> None:
    from claims.extraction import Document, extract

    def values(text: str) -> list[object]:
        return [f.value for f in extract(Document(text))]

    assert values("Officials lifted the alert to level 3 on the island.") == [3]
    assert values("The volcano alert level 2 remains.") == [2]
    assert values("A Category 5 typhoon is nearing the coast.") == [5]
    assert values("The cyclone strengthened to category 3 overnight.") == [3]
    # identifiers stay identifiers
    assert values("A Level 3 alert is in force.") == []
    assert values("Cars park on level 2 of the garage.") == []
    assert values("Category 2 offences rose.") == []


def test_rule_named_scale_levels_are_measures_in_their_scale() -> None:
    from claims.extraction import Document, extract

    [f] = extract(Document("Officials lifted the alert to level 3 on the island."))
    assert (f.value, f.unit, f.kind) == (3, "alert_level", "measure")
    [f] = extract(Document("A Category 5 typhoon is nearing the coast."))
    assert (f.value, f.unit, f.kind) == (5, "category", "measure")
