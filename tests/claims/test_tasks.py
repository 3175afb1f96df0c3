import pytest

from claims.models import Article
from claims.tasks import extract_article
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_task_extracts_the_article_it_is_given():
    article = factories.article(extract=False)
    extract_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert article.figures.count() >= 4


def test_the_task_is_safe_to_run_twice_and_for_a_deleted_article():
    article = factories.article(extract=False)
    extract_article(article.pk)
    count = article.figures.count()
    extract_article(article.pk)
    assert article.figures.count() == count
    extract_article(10**9)  # gone: nothing to do, nothing raised
