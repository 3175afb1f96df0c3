"""Thin Celery tasks: an id in, a service call, safe to run twice.

Tasks retry only on named transient errors (the database or broker went
away), with exponential backoff and jitter; anything else is a permanent
failure that the service records on the ExtractionRun row.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from claims import services, webhooks

TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)

# Idempotent work on ids: acknowledged after it ran, retried with backoff and
# jitter only when the database or broker went away.
retrying_task = shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)


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


@retrying_task
def crosscheck_article(article_id: int) -> None:
    from claims import crosschecking

    crosschecking.article_crosscheck(article_id=article_id)


@shared_task(ignore_result=True)
def sweep_stuck_work() -> None:
    """Run by Celery beat every minute (see CELERY_BEAT_SCHEDULE)."""
    services.stuck_work_requeue()


@retrying_task
def crosscheck_story(story_id: int) -> None:
    """Check a story again after an editor changed it."""
    from claims import crosschecking
    from claims.models import Story

    story = Story.objects.filter(pk=story_id).first()
    if story is not None:
        crosschecking.story_crosscheck(story=story)
