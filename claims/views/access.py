"""One access helper per object type: 404 for what does not exist, 403 for
what the user may not do."""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from claims import selectors
from claims.models import Article, Figure


def is_uuid(value: str) -> bool:
    """Whether a query-string value can be a public id (else: ignore it)."""
    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True


def require_perm(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


def get_article_for_review(user, public_id) -> Article:
    require_perm(user, "claims.view_article")
    try:
        return selectors.article_for_review(public_id=public_id)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


def get_figure_for_verdict(user, public_id) -> Figure:
    require_perm(user, "claims.add_verdict")
    try:
        return Figure.objects.select_related("article").get(public_id=public_id)
    except Figure.DoesNotExist:
        raise Http404("No such figure") from None
