"""Articles coming in: validated, stored (or revised) and queued for extraction."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from claims import article_insert
from claims.htmltext import html_to_text, sanitize_html
from claims.models import Article, ArticleRevision, AuditEvent, Integration, Outlet
from claims.services.audit import User

logger = logging.getLogger(__name__)
MAX_TITLE_CHARS = 500

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


def article_input_validated(*, title: str, text: str, html: str, url: str) -> tuple[str, str, str]:
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


def article_content_hash(title: str, text: str) -> str:
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
    title, text, clean_html = article_input_validated(title=title, text=text, html=html, url=url)
    content_hash = article_content_hash(title, text)
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
    return article_task_publish(article_id=article_id, task="extract_article")


def article_task_publish(*, article_id: int, task: str) -> bool:
    from claims import tasks  # tasks import this module

    try:
        getattr(tasks, task).delay(article_id)
    except Exception:  # any broker failure; the row is safe
        logger.warning("could not enqueue %s of article %s", task, article_id, exc_info=True)
        return False
    return True
