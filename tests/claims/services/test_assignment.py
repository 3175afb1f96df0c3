import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_reviewer_takes_and_releases_an_article(article, reviewer):
    services.article_assign(article=article, user=reviewer, take=True)
    article.refresh_from_db()
    assert article.assigned_to == reviewer
    assert article.assigned_at is not None
    services.article_assign(article=article, user=reviewer, take=False)
    article.refresh_from_db()
    assert article.assigned_to is None
    assert list(
        AuditEvent.objects.filter(object_id=str(article.public_id))
        .order_by("id")
        .values_list("action", flat=True)
    )[-2:] == ["article.taken", "article.released"]


def test_taking_an_article_someone_holds_needs_an_explicit_take_over(article, reviewer):
    colleague = factories.reviewer(username="carla")
    services.article_assign(article=article, user=colleague, take=True)
    with pytest.raises(ValidationError, match="carla has taken this article"):
        services.article_assign(article=article, user=reviewer, take=True)
    services.article_assign(article=article, user=reviewer, take=True, force=True)
    article.refresh_from_db()
    assert article.assigned_to == reviewer


def test_only_the_holder_or_an_editor_releases_an_article(article, reviewer, editor):
    colleague = factories.reviewer(username="carla")
    services.article_assign(article=article, user=colleague, take=True)
    with pytest.raises(PermissionDenied):
        services.article_assign(article=article, user=reviewer, take=False)
    services.article_assign(article=article, user=editor, take=False)
    article.refresh_from_db()
    assert article.assigned_to is None


def test_an_outsider_cannot_take_articles(article, outsider):
    with pytest.raises(PermissionDenied):
        services.article_assign(article=article, user=outsider, take=True)
