"""Articles submitted by URL: the page is fetched by a worker, read, and stored."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from claims.models import Article, ArticleRevision
from claims.netsafety import public_url_check
from claims.services.articles import (
    MAX_TITLE_CHARS,
    SubmitResult,
    article_content_hash,
    article_enqueue_extraction,
    article_input_validated,
    article_task_publish,
    outlet_get_or_create,
)
from claims.services.audit import User, audit_record

logger = logging.getLogger(__name__)


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
    _url_fetch_allowed(url)  # the address's shape, then where it leads
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
        transaction.on_commit(
            lambda: article_task_publish(article_id=article.pk, task="fetch_article")
        )
    return SubmitResult(article, "created")


def article_fetch(*, article_id: int) -> Article | None:
    """Download a URL-submitted article and turn it into text, then queue its
    extraction. Safe to repeat: only an article still `fetching` is fetched.
    A page that cannot be fetched or read fails the article with the reason,
    and so does any unexpected error (logged with its traceback): an article
    never stays `fetching` because its page broke the code. Database errors
    propagate; the article stays `fetching` for the sweeper to try again."""
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
        title, text, _ = article_input_validated(title=title, text=extracted.text, html="", url="")
    except (pagefetch.FetchError, ValidationError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        return _fetch_fail(article_id=article.pk, message=message)
    except Exception as exc:
        logger.exception("fetching article %s failed unexpectedly", article.pk)
        return _fetch_fail(article_id=article.pk, message=_unexpected(exc))
    try:
        return _fetched_store(article=article, title=title, text=text, extracted=extracted)
    except DatabaseError:
        raise
    except Exception as exc:
        logger.exception("storing the fetched article %s failed unexpectedly", article.pk)
        return _fetch_fail(article_id=article.pk, message=_unexpected(exc))


def _unexpected(exc: Exception) -> str:
    return f"an unexpected error while reading the page ({type(exc).__name__})."


def _fetch_fail(*, article_id: int, message: str) -> Article:
    Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
        status=Article.Status.FAILED, error=f"Could not fetch the article: {message}"
    )
    return Article.objects.get(pk=article_id)


def _fetched_store(*, article: Article, title: str, text: str, extracted) -> Article:
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status != Article.Status.FETCHING:
            return locked
        locked.title, locked.text = title, text
        locked.content_hash = article_content_hash(title, text)
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
