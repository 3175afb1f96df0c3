"""Thin Celery tasks: an id in, a service call, safe to run twice.

Tasks retry only on named transient errors (the database or broker went
away), with exponential backoff and jitter; anything else is a permanent
failure that the service records on the ExtractionRun row.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from claims import services

TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)


@shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def extract_article(article_id: int) -> None:
    services.article_extract(article_id=article_id)


@shared_task(acks_late=True, max_retries=0)
def fetch_article(article_id: int) -> None:
    services.article_fetch(article_id=article_id)


@shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def crosscheck_article(article_id: int) -> None:
    from claims import crosschecking

    crosschecking.article_crosscheck(article_id=article_id)


@shared_task(ignore_result=True)
def sweep_stuck_work() -> None:
    """Run by Celery beat every minute (see CELERY_BEAT_SCHEDULE)."""
    services.stuck_work_requeue()
