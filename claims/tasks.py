"""Thin Celery tasks: an id in, a service call, safe to run twice.

Tasks retry only on named transient errors (the database or broker went
away), with exponential backoff and jitter; anything else is a permanent
failure that the service records on the ExtractionRun row.
"""

import logging
import random

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from claims import services, webhooks

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)

# Idempotent work on ids: acknowledged after it ran, retried with backoff and
# jitter only when the database or broker went away.
RETRYING = dict(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
retrying_task = shared_task(**RETRYING)


@retrying_task
def extract_article(article_id: int) -> None:
    services.article_extract(article_id=article_id)


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def deliver_webhook(delivery_id: int) -> None:
    """One attempt at a webhook delivery; a retryable failure schedules the
    next attempt (backoff with jitter) as a new message. A duplicate message
    finds the delivery already claimed or done and does nothing."""
    attempt = webhooks.delivery_attempt(delivery_id=delivery_id)
    if attempt.retry_in is not None:
        deliver_webhook.apply_async((delivery_id,), countdown=attempt.retry_in)


@shared_task(acks_late=True, time_limit=120)
def sweep_webhooks() -> int:
    """Re-publish deliveries whose message was lost (broker down at enqueue,
    worker killed mid-send). Meant for celery beat, every few minutes."""
    due = webhooks.deliveries_due()
    webhooks.deliveries_enqueue(delivery_ids=due)
    return len(due)


@shared_task(acks_late=True, max_retries=0)
def fetch_article(article_id: int) -> None:
    services.article_fetch(article_id=article_id)


@shared_task(ignore_result=True)
def sweep_stuck_work() -> None:
    """Run by Celery beat every minute (see CELERY_BEAT_SCHEDULE)."""
    services.stuck_work_requeue()


class CheckTask(Task):
    """Checks have their own queue (CHECK_QUEUE) and a time budget: one that
    runs out is published again with backoff, as a new message carrying its
    attempt number, up to CROSSCHECK_MAX_ATTEMPTS; after the last the story
    is recorded as not checked, with the reason. The hard limit only backs
    the soft one up. Celery sends the limits with each message: they are
    read from the settings when a check is published."""

    def apply_async(self, args=None, kwargs=None, **options):
        options.setdefault("soft_time_limit", settings.CROSSCHECK_TIME_LIMIT)
        options.setdefault("time_limit", settings.CROSSCHECK_TIME_LIMIT + 30)
        return super().apply_async(args, kwargs, **options)


check_task = shared_task(base=CheckTask, **RETRYING)


@check_task
def crosscheck_article(article_id: int, attempt: int = 1) -> None:
    """Place the article in a story and check the story."""
    from claims import crosschecking

    try:
        crosschecking.article_crosscheck(article_id=article_id)
    except SoftTimeLimitExceeded:
        _check_out_of_time(crosscheck_article, article_id, attempt)


@check_task
def crosscheck_story(story_id: int, attempt: int = 1, added: bool = False) -> None:
    """Check a story again (after an editor changed it: the whole story; or,
    with `added`, after a check that ran while something new arrived: what
    joined since, if joining is all that changed)."""
    from claims import crosschecking
    from claims.models import Story

    story = Story.objects.filter(pk=story_id).first()
    if story is None:
        return
    try:
        crosschecking.story_crosscheck(story=story, added=added)
    except SoftTimeLimitExceeded:
        _check_out_of_time(crosscheck_story, story_id, attempt, added=added)


def _check_out_of_time(task, object_id: int, attempt: int, **kwargs) -> None:
    from claims import crosschecking
    from claims.models import Article

    # The limit may have struck mid-query: start the record on a fresh connection.
    connection.close()
    budget = settings.CROSSCHECK_TIME_LIMIT
    if attempt < settings.CROSSCHECK_MAX_ATTEMPTS:
        # Exponential backoff with jitter (a story too large now may be checked
        # once the workers are less loaded), capped well under the broker's
        # visibility timeout.
        base = min(600, settings.CROSSCHECK_RETRY_BACKOFF * 2 ** (attempt - 1))
        delay = base * random.uniform(1, 1.5)  # noqa: S311 (jitter, not a secret)
        logger.warning(
            "%s(%s) ran out of its %s s budget (attempt %s); again in %.0f s",
            task.name, object_id, budget, attempt, delay,
        )  # fmt: skip
        task.apply_async((object_id,), {"attempt": attempt + 1, **kwargs}, countdown=delay)
        return
    if task is crosscheck_article:
        object_id = Article.objects.filter(pk=object_id).values_list("story_id", flat=True).first()
    if object_id is not None:
        crosschecking.story_check_fail(
            story_id=object_id,
            reason=f"Not checked: the check ran out of its {budget} s budget "
            f"{attempt} times in a row. It is tried again when an article of the story changes.",
        )
