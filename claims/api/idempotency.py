"""`Idempotency-Key` records of API writes: the first answer to a key, replayed
to its retries.

A key is for retrying one request, not forever: a record expires after
API_IDEMPOTENCY_SECONDS (24 h by default), and then the key counts as new.
`idempotency_records_purge` deletes expired records; celery beat runs it
(claims.api.tasks.purge_idempotency_records, see CELERY_BEAT_SCHEDULE).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.models import ApiKey, IdempotencyRecord


def _cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Records created before this have expired."""
    return (now or timezone.now()) - dt.timedelta(seconds=settings.API_IDEMPOTENCY_SECONDS)


def idempotency_record_get(*, api_key: ApiKey, key: str) -> IdempotencyRecord | None:
    """The live record of `key`, or None. An expired record is deleted on the
    way, so the key can be recorded again."""
    try:
        record = IdempotencyRecord.objects.get(api_key=api_key, key=key)
    except IdempotencyRecord.DoesNotExist:
        return None
    cutoff = _cutoff()
    if record.created_at >= cutoff:
        return record
    # Conditional: a concurrent request may have replaced it already.
    IdempotencyRecord.objects.filter(pk=record.pk, created_at__lt=cutoff).delete()
    return None


def idempotency_record_save(
    *, api_key: ApiKey, key: str, request_hash: str, status: int, body: dict
) -> IdempotencyRecord | None:
    """Store the answer given to `key`. Returns None when stored, or the record
    a concurrent request with the same key stored first."""
    try:
        with transaction.atomic():  # a savepoint when called inside a transaction
            IdempotencyRecord.objects.create(
                api_key=api_key,
                key=key,
                request_hash=request_hash,
                response_status=status,
                response_body=body,
            )
    except IntegrityError:
        return IdempotencyRecord.objects.get(api_key=api_key, key=key)
    return None


def idempotency_records_purge(*, now: dt.datetime | None = None) -> int:
    """Delete expired records; returns how many. Safe to run at any time.

    No index on created_at: the table holds about one expiry period of
    records, and a scan of it once an hour is cheaper than an index that
    every idempotent write maintains."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=_cutoff(now)).delete()
    return deleted
