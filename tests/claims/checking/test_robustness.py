"""Whatever the extractor hands over, the checker answers without raising."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.checking.align import cross_check
from claims.checking.consistency import check_article
from claims.checking.model import Article
from claims.extraction.types import KINDS, Figure

TEXT = "About 1,200 people left on March 3 at 14:30 GMT, up 50% from 800. Of the 1,200, 700 walked."
scalars = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.sampled_from(["2024", "2024-02", "2024-02-30", "x", ""]),
)
values = st.one_of(scalars, st.tuples(scalars, scalars))
figures = st.builds(
    lambda start, length, value, unit, kind, approx, qualifier: Figure(
        start, start + length, TEXT[start : start + length], value, unit, kind, approx, qualifier
    ),
    st.integers(0, len(TEXT) - 10),
    st.integers(1, 9),
    values,
    st.sampled_from(
        [
            "",
            "km",
            "mph",
            "s",
            "GMT",
            "local",
            "percent",
            "USD",
            "person/day",
            "times",
            "Mw",
            "basis_point",
        ]
    ),
    st.sampled_from(KINDS),
    st.booleans(),
    st.sampled_from([None, "about", "more than", "up to", "nearly"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(figures, max_size=8), st.lists(figures, max_size=8))
def test_any_figures_are_checked_without_raising(figs_a, figs_b) -> None:  # type: ignore[no-untyped-def]
    a = Article("a", TEXT, dt.date(2024, 3, 4), figures=tuple(figs_a))
    b = Article("b", TEXT, None, figures=tuple(figs_b))
    for finding in [*cross_check([a, b]), *check_article(a), *check_article(b)]:
        assert finding.type in ("agree", "conflict", "inconsistent")
        assert finding.why


def _cross_check_seconds(sentences: int) -> float:
    from claims.extraction import Document, extract
    from tests.timing import best_cpu

    text = "The agency counted 12 cases, 4% more, at a cost of $3 million. " * sentences
    figs = tuple(extract(Document(text)))
    pair = [Article("a", text, figures=figs), Article("b", text, figures=figs)]
    return best_cpu(cross_check, pair, repeats=2)


def test_cross_checking_two_huge_articles_costs_a_bounded_amount_of_work() -> None:
    """Every pair of figures is scored, so without a bound two articles of
    3,000 figures would take minutes and gigabytes. Past MAX_COMPARED figures
    the work stops growing: 4x the figures costs about the same, not 16x."""
    from claims.checking.align import MAX_COMPARED

    small = _cross_check_seconds(MAX_COMPARED // 3 + 10)  # just past the bound
    large = _cross_check_seconds(4 * (MAX_COMPARED // 3 + 10))
    assert large < 4 * small, (small, large)
