import pytest
from django.db import IntegrityError, transaction

from claims.models import Article, Figure, Integration, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_dispute_without_a_reason(article, reviewer):
    figure = factories.current_figures(article)[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(
            figure=figure,
            reviewer=reviewer,
            decision="dispute",
            figure_version=1,
            status_after="disputed",
        )


def test_the_database_refuses_two_articles_with_one_external_id():
    cms = Integration.objects.create(name="CMS")
    Article.objects.create(integration=cms, external_id="x", title="a", text="a", content_hash="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            integration=cms, external_id="x", title="b", text="b", content_hash="b"
        )


def figure_on_span_of(figure, revision):
    return Figure.objects.create(
        article=figure.article,
        revision=revision,
        start=figure.start,
        end=figure.end,
        surface="x",
        value=1,
        kind="count",
        extractor_version="t",
    )


def test_the_database_refuses_two_current_figures_on_one_span(article):
    figure = factories.current_figures(article)[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        figure_on_span_of(figure, revision=1)


def test_a_retired_figure_may_share_its_span(article):
    figure = factories.current_figures(article)[0]
    Figure.objects.filter(pk=figure.pk).update(is_current=False)
    figure_on_span_of(figure, revision=2)
    same_span = Figure.objects.filter(article=article, start=figure.start, end=figure.end)
    assert sorted(same_span.values_list("is_current", flat=True)) == [False, True]


def test_every_main_model_reads_well_as_a_string(article):
    figure = factories.current_figures(article)[0]
    assert str(article) == article.title
    assert figure.surface in str(figure)
