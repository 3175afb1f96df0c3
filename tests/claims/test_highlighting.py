from dataclasses import dataclass

from claims.highlighting import segments


@dataclass
class Span:
    start: int
    end: int


def test_it_splits_text_into_plain_and_figure_runs():
    text = "About 1,200 people and $5 million."
    out = segments(text, [Span(23, 33), Span(6, 11)])
    assert [s.text for s in out] == ["About ", "1,200", " people and ", "$5 million", "."]
    assert [s.figure is not None for s in out] == [False, True, False, True, False]


def test_it_never_loses_text_to_bad_or_overlapping_spans():
    text = "abcdefghij"
    out = segments(text, [Span(2, 5), Span(3, 6), Span(8, 40), Span(7, 7)])
    assert "".join(s.text for s in out) == text
    assert [s.text for s in out if s.figure] == ["cde"]
