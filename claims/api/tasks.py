"""Periodic upkeep of the API, run by celery beat (see CELERY_BEAT_SCHEDULE).

Not in claims.tasks, which Celery finds by itself: the worker imports this
module through CELERY_IMPORTS.
"""

from celery import shared_task

from claims.api import idempotency


@shared_task(acks_late=True, time_limit=300, ignore_result=True)
def purge_idempotency_records() -> int:
    """Delete expired Idempotency-Key records. Safe to run twice."""
    return idempotency.idempotency_records_purge()
