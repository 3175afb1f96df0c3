"""Story terms longer than the index column (issue 13, row 9): cut to fit,
two long numbers sharing a start collided on the unique constraint and the
article never joined a story."""

import pytest

from claims import crosschecking, services
from claims.checking.stories import MAX_TERM_CHARS
from claims.models import ArticleTerm, TermStat

pytestmark = pytest.mark.django_db


def test_an_article_with_two_long_digit_runs_joins_a_story():
    # Two numbers longer than the term column that share their first 100
    # characters: cut to fit, their terms once collided on the unique constraint.
    text = "The agency counted " + "1" * 120 + " cases and " + "1" * 130 + " cases in 2024."
    article = services.article_submit(title="Case count", text=text).article
    services.article_extract(article_id=article.pk)
    assert crosschecking.article_crosscheck(article_id=article.pk) is not None
    article.refresh_from_db()
    assert article.story_id is not None
    assert str(article.pk) in article.story.checked_state  # its check completed
    terms = list(article.terms.values_list("term", flat=True))
    assert len(terms) == len(set(terms)) and all(len(t) <= 100 for t in terms)
    assert sum(t.startswith("n:") for t in terms) >= 2  # both numbers still count


def test_the_engine_fits_its_terms_to_the_index_column():
    assert ArticleTerm._meta.get_field("term").max_length == MAX_TERM_CHARS
    assert TermStat._meta.get_field("term").max_length == MAX_TERM_CHARS
