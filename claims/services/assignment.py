"""Claiming an article for review, so two reviewers do not review it unknowingly."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import Article
from claims.services.audit import User, audit_record


@transaction.atomic
def article_assign(*, article: Article, user: User, take: bool, force: bool = False) -> Article:
    """Take (take=True) or release an article, so two reviewers do not review
    it unknowingly. Taking one someone else holds needs force=True (the UI's
    "take over"); releasing someone else's needs an editor."""
    if not user.is_authenticated or not user.has_perm("claims.add_verdict"):
        raise PermissionDenied("Only reviewers can take articles.")
    locked = (
        Article.objects.select_for_update(of=("self",))
        .select_related("assigned_to")
        .get(pk=article.pk)
    )
    holder = locked.assigned_to
    if take:
        if holder is not None and holder.pk == user.pk:
            return locked
        if holder is not None and not force:
            raise ValidationError(f"{holder} has taken this article.")
        new = user
    else:
        if holder is None:
            return locked
        if holder.pk != user.pk and not user.has_perm("claims.change_article"):
            raise PermissionDenied(f"Only {holder} or an editor can release this article.")
        new = None
    locked.assigned_to = new
    locked.assigned_at = timezone.now() if new else None
    locked.save(update_fields=["assigned_to", "assigned_at", "updated_at"])
    audit_record(
        actor=user,
        action="article.taken" if take else "article.released",
        obj=locked,
        before={"assigned_to": str(holder) if holder else None},
        after={"assigned_to": str(new) if new else None},
    )
    return locked
