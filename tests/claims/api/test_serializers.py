"""Outputs built without a serializer stay equal to the serializer the
OpenAPI schema documents."""

import datetime as dt

import pytest
from django.test import RequestFactory

from claims import selectors, services
from claims.api import serializers as s
from claims.models import Article, Story
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_article_list_page_equals_the_list_serializer(reviewer):
    extracted = factories.article(published_at=dt.datetime(2026, 11, 13, 9, 30, 15, 250, dt.UTC))
    figure = factories.current_figures(extracted)[0]
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    extracted.story = Story.objects.create(title="Budget")
    extracted.save(update_fields=["story"])
    services.article_submit(title="No outlet, no date", text="It cost $5.", published_at=None)
    failed = factories.article(extract=False)
    Article.objects.filter(pk=failed.pk).update(status="failed", error="Could not read the page.")

    page = selectors.article_progress_attach(list(selectors.article_list().order_by("id")))
    request = RequestFactory().get("/api/v1/articles")
    expected = s.ArticleListSerializer(page, many=True, context={"request": request}).data

    assert s.article_list_data(page, request=request) == [dict(item) for item in expected]
    assert {item["outlet"] for item in expected} == {"The Test Gazette", None}
    assert any(item["story"] for item in expected)
