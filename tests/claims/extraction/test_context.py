import datetime as dt
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from claims.extraction import Document, extract
from claims.extraction.context import (
    _SAY,
    _SAY_VERB,
    _SPEAKER_BEFORE,
    _WHO_SAID,
    sentence_spans,
)


def who(text: str, surface: str) -> str | None:
    for f in extract(Document(text, dt.date(2024, 3, 12))):
        if f.surface == surface:
            return f.attributed_to
    raise AssertionError(f"{surface!r} not found")


def test_it_splits_sentences_but_not_abbreviations() -> None:
    text = "It was pledged on Feb. 3 by Mr. Smith. Then it arrived.\n\nNew paragraph"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["It was pledged on Feb. 3 by Mr. Smith.", "Then it arrived.", "New paragraph"]


def test_a_trailing_said_attributes_the_clause_before_it() -> None:
    text = "Rhovan forces lose 1,200 men a day, the minister, Anna Kovač, said on March 11."
    assert who(text, "1,200") == "Anna Kovač"
    assert who(text, "March 11") is None


def test_a_leading_said_attributes_what_follows() -> None:
    text = "Western governments pledged $4.2 billion, but Kovač said only a third had arrived."
    assert who(text, "$4.2 billion") is None
    assert who("Anna Kovač spoke. " + text, "a third") == "Anna Kovač"


def test_according_to_attributes_the_sentence() -> None:
    assert (
        who("According to the General Staff, 37 drones were shot down.", "37")
        == "the General Staff"
    )
    assert (
        who("Fewer than 40,000 residents remain, according to its mayor, Petro Dunai.", "40,000")
        == "Petro Dunai"
    )


def test_pronouns_and_surnames_resolve_to_the_first_full_name() -> None:
    text = (
        "Defence Minister Anna Kovač said on Monday that the army was ready. "
        "She said 6,000 shells a day were fired. Kovač said 30,000 had enlisted."
    )
    assert who(text, "6,000") == "Anna Kovač"
    assert who(text, "30,000") == "Anna Kovač"


def test_an_inverted_said_attributes_the_quote_but_not_the_speakers_age() -> None:
    text = '"We sold 400 coffees," said Jo Berry, a 52-year-old cafe owner.'
    assert who(text, "400") == "Jo Berry"
    assert who(text, "52-year-old") is None


def test_a_quoted_sentence_takes_its_neighbours_speaker() -> None:
    text = '"They lose more men every day," Anna Kovač said. "We need at least 200 new barrels."'
    assert who(text, "200") == "Anna Kovač"


def test_generic_unnamed_sources_are_not_attributed() -> None:
    assert who("A petition has 4,180 signatures, organisers said.", "4,180") is None


def test_the_company_resolves_to_the_organisation_named_before() -> None:
    text = "Aurora Orbital's spaceplane flew again. It reached 102 kilometres, the company said."
    assert who(text, "102 kilometres") == "Aurora Orbital"


def test_a_spokesperson_speaks_for_the_organisation() -> None:
    text = "A spokesperson for the ministry said 14 hospitals were full."
    assert who(text, "14") == "the ministry"


def test_told_with_a_lower_case_audience_is_still_a_trailing_attribution() -> None:
    text = "The reform would save €14bn a year, Finance Minister Paul Amsel told parliament."
    assert who(text, "€14bn") == "Paul Amsel"


def test_a_clause_after_according_to_has_its_own_speaker() -> None:
    text = (
        "Some 40,000 marched, according to the interior ministry, "
        "while the CGT union claimed 350,000."
    )
    assert who(text, "40,000") == "the interior ministry"
    assert who(text, "350,000") == "the CGT union"


def test_a_run_on_sentence_is_cut_into_bounded_pieces_without_losing_text():
    from claims.extraction.context import MAX_SENTENCE, sentence_spans

    text = "he said 5 she said 6 " * 2_000  # 42,000 characters, no full stop
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
    assert all(text[b[1] : a[0]].strip() == "" for b, a in itertools.pairwise(spans))


SPEECH = st.lists(
    st.sampled_from(
        [
            "Anna Kovač",
            " ",
            ", ",
            "said",
            "says",
            "say",
            "told",
            " reporters",
            "put",
            "puts",
            "the ministry",
            "who",
            "he",
            "forecasts",
            "also ",
            "x",
            ".",
        ]
    )
).map("".join)


@given(SPEECH)
def test_speaker_patterns_read_the_verb_trie_as_the_plain_verb_list(text: str) -> None:
    for pattern in (_SPEAKER_BEFORE, _WHO_SAID):
        plain = re.compile(pattern.pattern.replace(_SAY_VERB, _SAY))
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]
