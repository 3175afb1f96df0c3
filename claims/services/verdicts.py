"""Reviewers' verdicts on figures, their undo, and an editor closing a review."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from claims import webhooks
from claims.models import Article, Figure, Verdict
from claims.services.audit import User, audit_record

MAX_NOTE_CHARS = 10_000


class StaleFigure(Exception):
    """The figure changed since the reviewer loaded it; `figure` is current."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(f"Figure {figure.public_id} is at version {figure.version}")
        self.figure = figure


_STATUS_AFTER = {
    Verdict.Decision.APPROVE: Figure.Status.APPROVED,
    Verdict.Decision.DISPUTE: Figure.Status.DISPUTED,
}


def _validated_verdict_input(
    *, decision: str, reason: str, corrected_value: str, note: str, evidence_url: str
) -> None:
    errors: dict[str, list[str]] = {}
    if decision not in Verdict.Decision.values:
        errors["decision"] = ["Choose approve or dispute."]
    if decision == Verdict.Decision.DISPUTE and reason not in Verdict.Reason.values:
        errors["reason"] = ["Say why the figure is disputed."]
    if reason and reason not in Verdict.Reason.values:
        errors["reason"] = ["Unknown reason."]
    if len(corrected_value) > 200:
        errors["corrected_value"] = ["Keep the corrected value under 200 characters."]
    if len(note) > MAX_NOTE_CHARS:
        errors["note"] = [f"Keep the note under {MAX_NOTE_CHARS:,} characters."]
    if "\x00" in note or "\x00" in corrected_value:
        errors["note"] = ["Contains a NUL character."]
    if evidence_url:
        try:
            URLValidator(schemes=["http", "https"])(evidence_url)
        except ValidationError:
            errors["evidence_url"] = ["Enter a full http:// or https:// address."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def verdict_record(
    *,
    figure: Figure,
    reviewer: User,
    decision: str,
    reason: str = "",
    corrected_value: str = "",
    note: str = "",
    evidence_url: str = "",
    expected_version: int | None = None,
) -> Verdict:
    """Record a reviewer's decision on a figure and update its status.

    `decision` "undo" returns the figure to the status it had before its
    latest verdict (written as a new verdict, so history keeps both).
    Raises StaleFigure when expected_version is given and the figure has moved
    on; the exception carries the current figure.
    """
    if not reviewer.is_authenticated or not reviewer.has_perm("claims.add_verdict"):
        raise PermissionDenied("Only reviewers can record verdicts.")
    reason = reason.strip() if decision == Verdict.Decision.DISPUTE else ""
    corrected_value, note, evidence_url = (
        corrected_value.strip(),
        note.strip(),
        evidence_url.strip(),
    )
    _validated_verdict_input(
        decision=decision,
        reason=reason,
        corrected_value=corrected_value,
        note=note,
        evidence_url=evidence_url,
    )
    locked = Figure.objects.select_for_update().select_related("article").get(pk=figure.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleFigure(locked)
    if not locked.is_current:
        raise ValidationError("This figure is no longer in the article's current text.")
    latest = locked.verdicts.select_related("reviewer").order_by("-created_at", "-id").first()
    if (
        locked.status != Figure.Status.PENDING
        and latest is not None
        and latest.reviewer_id != reviewer.pk
        and not reviewer.has_perm("claims.overrule_verdict")
    ):
        raise PermissionDenied(
            f"“{locked.surface}” was decided by {latest.reviewer}; only an editor can overrule it."
        )

    if decision == Verdict.Decision.UNDO:
        history = list(locked.verdicts.order_by("-created_at", "-id")[:2])
        if not history:
            raise ValidationError("There is no verdict to undo.")
        status_after = history[1].status_after if len(history) > 1 else Figure.Status.PENDING
    else:
        status_after = _STATUS_AFTER[decision]

    before = {"status": locked.status, "version": locked.version}
    verdict = Verdict.objects.create(
        figure=locked,
        reviewer=reviewer,
        decision=decision,
        reason=reason,
        corrected_value=corrected_value,
        note=note,
        evidence_url=evidence_url,
        figure_version=locked.version,
        status_after=status_after,
    )
    locked.status = status_after
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    Article.objects.filter(
        pk=locked.article_id, status__in=[Article.Status.READY, Article.Status.REVIEWED]
    ).update(status=Article.Status.IN_REVIEW, updated_at=timezone.now())
    audit_record(
        actor=reviewer,
        action=f"verdict.{decision}",
        obj=locked,
        before=before,
        after={
            "status": status_after,
            "version": locked.version,
            "verdict": str(verdict.public_id),
        },
    )
    webhooks.figure_decided(figure=locked, verdict=verdict)  # sent after commit
    figure.status, figure.version = locked.status, locked.version
    return verdict


def verdict_undo_last(*, article: Article, reviewer: User) -> Verdict:
    """Undo the reviewer's latest verdict that is still in effect (the latest
    on its figure) among the article's current figures, as a new `undo`
    verdict. Pressing it again undoes the one before. ValidationError when
    there is nothing to undo."""
    latest_on_figure = (
        Verdict.objects.filter(figure=OuterRef("figure"))
        .order_by("-created_at", "-id")
        .values("id")[:1]
    )
    last = (
        Verdict.objects.filter(
            reviewer_id=reviewer.pk, figure__article=article, figure__is_current=True
        )
        .exclude(decision=Verdict.Decision.UNDO)
        .annotate(latest_on_figure=Subquery(latest_on_figure))
        .filter(id=F("latest_on_figure"))
        .select_related("figure")
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        raise ValidationError("You have no verdict on this article to undo.")
    return verdict_record(figure=last.figure, reviewer=reviewer, decision=Verdict.Decision.UNDO)


@transaction.atomic
def article_mark_reviewed(*, article: Article, editor: User) -> Article:
    """An editor closes the review once every current figure is decided."""
    if not editor.is_authenticated or not editor.has_perm("claims.change_article"):
        raise PermissionDenied("Only editors can mark an article reviewed.")
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status not in (Article.Status.READY, Article.Status.IN_REVIEW):
        raise ValidationError(f"The article is {locked.get_status_display().lower()}.")
    pending = locked.figures.filter(is_current=True, status=Figure.Status.PENDING).count()
    if pending:
        raise ValidationError(f"{pending} figure{'s' if pending != 1 else ''} still pending.")
    before = {"status": locked.status}
    locked.status = Article.Status.REVIEWED
    locked.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=editor,
        action="article.reviewed",
        obj=locked,
        before=before,
        after={"status": locked.status},
    )
    webhooks.article_reviewed(article=locked)  # sent after commit
    return locked
