"""The look-around helpers every reader uses (claims.extraction.reader)."""

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
