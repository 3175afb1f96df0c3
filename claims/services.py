"""Every write of the review workflow. The browser views, the API, the
management commands and the Celery tasks all call these, so a rule lives once.

Functions are keyword-only and named entity-then-action. They raise
django.core.exceptions.ValidationError for bad input (with field messages),
PermissionDenied for a user without the right, and StaleFigure when a
reviewer's write is based on an outdated figure version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, connection, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from claims import article_insert, extraction, webhooks
from claims.htmltext import html_to_text, sanitize_html
from claims.models import (
    Article,
    ArticleRevision,
    AuditEvent,
    ExtractionRun,
    Figure,
    Integration,
    Outlet,
    Verdict,
)
from claims.netsafety import public_url_check

logger = logging.getLogger(__name__)

User = AbstractBaseUser | AnonymousUser

# A run still marked running after this long belongs to a worker that died
# (the task's hard time limit is far shorter), so another worker may take it.
RUN_LEASE = dt.timedelta(seconds=settings.EXTRACTION_LEASE_SECONDS)
MAX_TITLE_CHARS = 500
MAX_NOTE_CHARS = 10_000


class StaleFigure(Exception):
    """The figure changed since the reviewer loaded it; `figure` is current."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(f"Figure {figure.public_id} is at version {figure.version}")
        self.figure = figure


# --------------------------------------------------------------------- audit
def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(getattr(obj, "public_id", obj.pk)),
        before=before,
        after=after,
    )


# ------------------------------------------------------------------- ingest
# What article_submit reads of an existing article (under its row lock).
_SUBMIT_LOCK_FIELDS = ("id", "public_id", "external_id", "content_hash", "revision", "status")
_SUBMIT_WRITTEN_FIELDS = (
    *("title", "text", "html", "content_hash", "url", "byline", "published_at"),
    *("status", "error", "revision", "updated_at"),
)


@dataclass(frozen=True)
class SubmitResult:
    article: Article
    outcome: str  # "created", "revised" or "unchanged"


def _clean_text(value: str, field: str, errors: dict[str, list[str]]) -> str:
    if "\x00" in value:
        errors.setdefault(field, []).append("Contains a NUL character; is this a binary file?")
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _visible(value: str) -> bool:
    """Whether some character shows: zero-width spaces, joiners, BOMs and
    control characters alone make an empty title or text."""
    return any(not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf") for c in value)


def _validated_article_input(*, title: str, text: str, html: str, url: str) -> tuple[str, str, str]:
    """Return (title, text, sanitized_html) or raise ValidationError."""
    errors: dict[str, list[str]] = {}
    title = _clean_text(title or "", "title", errors).strip()
    text = _clean_text(text or "", "text", errors)
    html = _clean_text(html or "", "html", errors)
    if not _visible(title):
        errors.setdefault("title", []).append("Give the article a title.")
    elif len(title) > MAX_TITLE_CHARS:
        errors.setdefault("title", []).append(f"Keep the title under {MAX_TITLE_CHARS} characters.")
    clean_html = ""
    if html.strip() and not errors.get("html"):
        clean_html = sanitize_html(html)
        if not text.strip():
            text = html_to_text(clean_html)
    text = text.strip()
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
    if not _visible(text) and not errors.get("text"):
        errors.setdefault("text", []).append("Paste the article's text or HTML; it is empty.")
    elif len(text) > limit:
        errors.setdefault("text", []).append(
            f"The article is {len(text):,} characters; the limit is {limit:,}."
        )
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors.setdefault("url", []).append("Enter a full http:// or https:// address.")
    if errors:
        raise ValidationError(errors)
    return title, text, clean_html


def _content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n\x1f\n{text}".encode()).hexdigest()


def outlet_get_or_create(*, name: str, domain: str = "") -> Outlet | None:
    name = _outlet_name(name)
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name, defaults={"domain": domain[:253]})
    return outlet


def article_submit(
    *,
    title: str,
    text: str = "",
    html: str = "",
    outlet_name: str = "",
    url: str = "",
    byline: str = "",
    published_at: dt.datetime | None = None,
    integration: Integration | None = None,
    external_id: str = "",
    submitted_by: User | None = None,
) -> SubmitResult:
    """Store an article (or a new revision of it) and queue its extraction.

    With an integration and external_id, a second submission updates the same
    article: unchanged title and text do nothing, changed ones become a new
    revision. Extraction is enqueued only after the transaction commits.
    """
    title, text, clean_html = _validated_article_input(title=title, text=text, html=html, url=url)
    content_hash = _content_hash(title, text)
    fields = {
        "title": title,
        "text": text,
        "html": clean_html,
        "content_hash": content_hash,
        "url": url,
        "byline": byline[:300],
        "published_at": published_at,
        "status": Article.Status.QUEUED,
        "error": "",
    }
    if submitted_by is not None and submitted_by.is_authenticated:
        fields["submitted_by"] = submitted_by
    outlet_name = _outlet_name(outlet_name)
    if article_insert.supported():
        created = _article_insert_new(
            fields, integration=integration, external_id=external_id, outlet_name=outlet_name
        )
        if created is not None:
            transaction.on_commit(lambda: article_enqueue_extraction(article_id=created.pk))
            return SubmitResult(created, "created")
    with transaction.atomic():
        outlet = outlet_get_or_create(name=outlet_name)
        existing = None
        if integration is not None and external_id:
            # At most one row (a unique constraint), so no ORDER BY; and only
            # the columns the comparison and the answer need, not the text.
            rows = Article.objects.select_for_update().filter(
                integration_id=integration.pk, external_id=external_id
            )
            existing = next(iter(rows.only(*_SUBMIT_LOCK_FIELDS).order_by()[:1]), None)
        if existing is not None and existing.content_hash == content_hash:
            return SubmitResult(existing, "unchanged")
        if existing is not None:
            article = existing
            before = {"revision": article.revision, "content_hash": article.content_hash}
            article.revision += 1
            outcome = "revised"
        else:
            article = Article(integration=integration, external_id=external_id)
            before = None
            outcome = "created"
        for name, value in fields.items():
            setattr(article, name, value)
        # A revision saves what it sets (the row was read without its text).
        changed = [*_SUBMIT_WRITTEN_FIELDS]
        if outlet is not None:  # no outlet given keeps the one it has
            article.outlet = outlet
            changed.append("outlet")
        if "submitted_by" in fields:
            changed.append("submitted_by")
        article.save(update_fields=changed if existing is not None else None)
        _article_revision(article).save()
        _article_audit(article, actor=submitted_by, outcome=outcome, before=before).save()
        transaction.on_commit(lambda: article_enqueue_extraction(article_id=article.pk))
    return SubmitResult(article, outcome)


def _outlet_name(name: str) -> str:
    return (name or "").strip()[:200]


def _article_revision(article: Article) -> ArticleRevision:
    return ArticleRevision(
        article=article,
        number=article.revision,
        title=article.title,
        text=article.text,
        html=article.html,
        content_hash=article.content_hash,
    )


def _article_audit(
    article: Article, *, actor: User | None, outcome: str, before: dict | None
) -> AuditEvent:
    return AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=f"article.{outcome}",
        object_type=Article._meta.model_name,
        object_id=str(article.public_id),
        before=before,
        after={"revision": article.revision, "content_hash": article.content_hash},
    )


def _article_insert_new(
    fields: dict[str, Any], *, integration: Integration | None, external_id: str, outlet_name: str
) -> Article | None:
    """The common case in one statement (claims.article_insert): a new
    article of an outlet we know. None when the ORM path must take it."""
    article = Article(integration=integration, external_id=external_id, **fields)
    inserted = article_insert.article_insert_new(
        article=article,
        revision=_article_revision(article),
        audit=_article_audit(
            article, actor=fields.get("submitted_by"), outcome="created", before=None
        ),
        outlet_name=outlet_name,
    )
    return article if inserted else None


def article_enqueue_extraction(*, article_id: int) -> bool:
    """Publish the extraction task. Returns False (and logs) when the broker
    cannot be reached: the article stays `queued`, already stored, and the
    stuck-work sweeper publishes it again later."""
    return _enqueue(article_id=article_id, task="extract_article")


def _enqueue(*, article_id: int, task: str) -> bool:
    from claims import tasks  # tasks import this module

    try:
        getattr(tasks, task).delay(article_id)
    except Exception:  # any broker failure; the row is safe
        logger.warning("could not enqueue %s of article %s", task, article_id, exc_info=True)
        return False
    return True


# ---------------------------------------------------------------- extraction
def _figure_key(surface: str, value: Any, sentence: str) -> tuple[str, str, str]:
    # A figure whose surface, value and sentence are unchanged is the same claim.
    return surface, json.dumps(value, sort_keys=True), " ".join(sentence.split())


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# Fields the engine (and the revision) decide; status, version and verdicts
# are the reviewers' and survive a carry-over.
_FIGURE_ENGINE_FIELDS = (
    "revision",
    "start",
    "end",
    "surface",
    "value",
    "unit",
    "kind",
    "approx",
    "qualifier",
    "subject",
    "attributed_to",
    "sentence_start",
    "sentence_end",
    "overflow",
    "extractor_version",
)


def _store_figures(
    *, article: Article, found: list[extraction.Figure], extractor_version: str
) -> int:
    """Replace the article's current figures with `found`, carrying over the
    figures (and so their verdicts) whose surface, value and sentence did not
    change. The others are retired (is_current=False), never deleted."""
    text = article.text
    old = list(article.figures.filter(is_current=True))
    texts = {article.revision: text}
    needed = {f.revision for f in old} - texts.keys()
    for rev in ArticleRevision.objects.filter(article=article, number__in=needed):
        texts[rev.number] = rev.text
    by_key: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for fig in old:
        old_text = texts.get(fig.revision, "")
        by_key[
            _figure_key(fig.surface, fig.value, old_text[fig.sentence_start : fig.sentence_end])
        ].append(fig)

    carried: list[Figure] = []
    created: list[Figure] = []
    for f in found:
        value = _json_value(f.value)
        fields = {
            "revision": article.revision,
            "start": f.start,
            "end": f.end,
            "surface": f.surface[:500],
            "value": value,
            "unit": (f.unit or "")[:100],
            "kind": f.kind,
            "approx": f.approx,
            "qualifier": (f.qualifier or "")[:100],
            "subject": (f.subject or "")[:300],
            "attributed_to": (f.attributed_to or "")[:300],
            "sentence_start": f.sentence_start,
            "sentence_end": f.sentence_end,
            "overflow": f.overflow,
            "extractor_version": extractor_version,
            "is_current": True,
        }
        matches = by_key.get(_figure_key(f.surface, value, text[f.sentence_start : f.sentence_end]))
        if matches:
            fig = matches.pop(0)
            for name, val in fields.items():
                setattr(fig, name, val)
            carried.append(fig)
        else:
            created.append(Figure(article=article, **fields))

    # Take every old figure out of the current set first, so moved spans never
    # collide with the partial unique index on current spans. Figures that did
    # not survive stay retired: a reviewer who has one open is told it left
    # the current text, and its history (if any) is kept.
    Figure.objects.filter(pk__in=[f.pk for f in old]).update(is_current=False)
    if carried:
        Figure.objects.bulk_update(carried, [*_FIGURE_ENGINE_FIELDS, "is_current"])
    Figure.objects.bulk_create(created)
    return len(found)


def article_extract(*, article_id: int) -> ExtractionRun | None:
    """Extract the figures of an article's current revision. Safe to run any
    number of times: a finished run is not repeated, and a run another worker
    holds is left alone. Returns the run, or None if the article is gone."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    version = extraction.EXTRACTOR_VERSION
    run, _ = ExtractionRun.objects.get_or_create(
        article=article, revision=article.revision, extractor_version=version
    )
    if run.status == ExtractionRun.Status.SUCCEEDED:
        return run
    now = timezone.now()
    claimable = Q(status__in=[ExtractionRun.Status.QUEUED, ExtractionRun.Status.FAILED]) | Q(
        status=ExtractionRun.Status.RUNNING, started_at__lt=now - RUN_LEASE
    )
    claimed = ExtractionRun.objects.filter(claimable, pk=run.pk).update(
        status=ExtractionRun.Status.RUNNING,
        started_at=now,
        finished_at=None,
        attempts=F("attempts") + 1,
        error="",
    )
    if claimed != 1:
        return run  # another worker holds it
    try:
        return _extract_claimed(article=article, run=run, version=version)
    except Exception:
        # Most likely a transient database error (the task retries): give the
        # run back now, or the retry would wait out the lease.
        _run_release(run=run)
        raise


def _run_release(*, run: ExtractionRun) -> None:
    try:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # reconnect if it died
        ExtractionRun.objects.filter(pk=run.pk, status=ExtractionRun.Status.RUNNING).update(
            status=ExtractionRun.Status.QUEUED
        )
    except DatabaseError:
        logger.warning("could not release extraction run %s; its lease will expire", run.pk)


def _extract_claimed(*, article: Article, run: ExtractionRun, version: str) -> ExtractionRun:
    Article.objects.filter(pk=article.pk, revision=run.revision).exclude(
        status=Article.Status.EXTRACTING
    ).update(status=Article.Status.EXTRACTING, error="")

    try:
        published = article.published_at.date() if article.published_at else None
        found = extraction.extract(extraction.Document(text=article.text, published=published))
    except Exception as exc:  # an engine failure is permanent for this text
        logger.exception("extraction of article %s failed", article.pk)
        _run_fail(
            run=run, message=f"The extraction engine failed on this text ({type(exc).__name__})."
        )
        return run

    if len(found) > settings.FACTCHECK_MAX_FIGURES:
        _run_fail(
            run=run,
            message=f"{len(found):,} figures found; more than {settings.FACTCHECK_MAX_FIGURES:,} "
            "is a table or a data dump, not an article to review.",
        )
        return run

    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.revision != run.revision:
            _run_fail(run=run, message=f"Superseded by revision {locked.revision}.", article=False)
            return run
        count = _store_figures(article=locked, found=found, extractor_version=version)
        decided = locked.figures.filter(is_current=True).exclude(status=Figure.Status.PENDING)
        locked.status = Article.Status.IN_REVIEW if decided.exists() else Article.Status.READY
        locked.error = ""
        locked.save(update_fields=["status", "error", "updated_at"])
        webhooks.article_ready(article=locked)  # sent after commit
        ExtractionRun.objects.filter(pk=run.pk).update(
            status=ExtractionRun.Status.SUCCEEDED,
            finished_at=timezone.now(),
            figure_count=count,
        )
        # The figures changed: place the article in a story and check it.
        transaction.on_commit(lambda: _enqueue(article_id=article.pk, task="crosscheck_article"))
    run.refresh_from_db()
    return run


def _run_fail(*, run: ExtractionRun, message: str, article: bool = True) -> None:
    ExtractionRun.objects.filter(pk=run.pk).update(
        status=ExtractionRun.Status.FAILED, finished_at=timezone.now(), error=message
    )
    if article:
        Article.objects.filter(pk=run.article_id, revision=run.revision).update(
            status=Article.Status.FAILED, error=message
        )
    run.refresh_from_db()


# ------------------------------------------------------------------ verdicts
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


# ----------------------------------------------------------------- claiming
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


# ------------------------------------------------------------ URL ingestion
def _url_fetch_allowed(url: str) -> None:
    public_url_check(url, allow_private=settings.FETCH_ALLOW_PRIVATE_URLS)


def article_submit_url(
    *,
    url: str,
    title: str = "",
    outlet_name: str = "",
    published_at: dt.datetime | None = None,
    submitted_by: User | None = None,
) -> SubmitResult:
    """Store an article given only its address; a worker downloads the page,
    extracts its main text, and then queues figure extraction."""
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError({"url": ["Enter a full http:// or https:// address."]}) from None
    _url_fetch_allowed(url)
    with transaction.atomic():
        article = Article.objects.create(
            title=(title or "").strip()[:MAX_TITLE_CHARS] or url[:MAX_TITLE_CHARS],
            url=url,
            text="",
            content_hash="",
            outlet=outlet_get_or_create(name=outlet_name),
            published_at=published_at,
            status=Article.Status.FETCHING,
            submitted_by=submitted_by if submitted_by and submitted_by.is_authenticated else None,
        )
        audit_record(
            actor=submitted_by, action="article.submitted_url", obj=article, after={"url": url}
        )
        transaction.on_commit(lambda: _enqueue(article_id=article.pk, task="fetch_article"))
    return SubmitResult(article, "created")


def article_fetch(*, article_id: int) -> Article | None:
    """Download a URL-submitted article and turn it into text, then queue its
    extraction. Safe to repeat: only an article still `fetching` is fetched.
    A page that cannot be fetched or read fails the article with the reason."""
    from claims import pagefetch

    article = Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).first()
    if article is None:
        return None
    try:
        page = pagefetch.download(article.url, check_url=_url_fetch_allowed)
        extracted = pagefetch.main_text(page, url=article.url)
        if extracted is None:
            raise pagefetch.FetchError("No article text was found on that page.")
        title = article.title if article.title != article.url else extracted.title or article.title
        title, text, _ = _validated_article_input(title=title, text=extracted.text, html="", url="")
    except (pagefetch.FetchError, ValidationError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        Article.objects.filter(pk=article.pk, status=Article.Status.FETCHING).update(
            status=Article.Status.FAILED, error=f"Could not fetch the article: {message}"
        )
        return Article.objects.get(pk=article.pk)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status != Article.Status.FETCHING:
            return locked
        locked.title, locked.text = title, text
        locked.content_hash = _content_hash(title, text)
        if locked.published_at is None and extracted.published:
            locked.published_at = dt.datetime.combine(
                extracted.published, dt.time(12), tzinfo=dt.UTC
            )
        locked.status = Article.Status.QUEUED
        locked.save()
        ArticleRevision.objects.create(
            article=locked,
            number=locked.revision,
            title=title,
            text=text,
            content_hash=locked.content_hash,
        )
        audit_record(actor=None, action="article.fetched", obj=locked, after={"chars": len(text)})
        transaction.on_commit(lambda: article_enqueue_extraction(article_id=locked.pk))
    return locked


# --------------------------------------------------------------- the sweeper
STUCK_AFTER = dt.timedelta(minutes=5)


def stuck_work_requeue(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Publish again the work that a lost message or a dead worker left
    behind: articles still fetching or queued after STUCK_AFTER, and
    extractions whose worker died (a running run past its lease). Safe to run
    at any time: the tasks themselves skip work that is done or held."""
    now = now or timezone.now()
    counts = {"fetch_article": 0, "extract_article": 0}
    stale = Article.objects.filter(updated_at__lt=now - STUCK_AFTER)
    for pk in stale.filter(status=Article.Status.FETCHING).values_list("pk", flat=True)[:500]:
        counts["fetch_article"] += _enqueue(article_id=pk, task="fetch_article")
    dead_runs = ExtractionRun.objects.filter(
        status=ExtractionRun.Status.RUNNING, started_at__lt=now - RUN_LEASE
    ).values("article_id")
    waiting = Article.objects.filter(
        Q(status=Article.Status.QUEUED, updated_at__lt=now - STUCK_AFTER)
        | Q(status=Article.Status.EXTRACTING, pk__in=dead_runs)
    ).order_by()
    for pk in waiting.values_list("pk", flat=True)[:500]:
        counts["extract_article"] += _enqueue(article_id=pk, task="extract_article")
    if any(counts.values()):
        logger.warning("re-published stuck work: %s", counts)
    return counts
