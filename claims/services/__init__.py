"""Every write of the review workflow. The browser views, the API, the
management commands and the Celery tasks all call these, so a rule lives once.

Functions are keyword-only and named entity-then-action. They raise
django.core.exceptions.ValidationError for bad input (with field messages),
PermissionDenied for a user without the right, and StaleFigure when a
reviewer's write is based on an outdated figure version.

One module per part of the workflow; callers import from this package.
"""

from claims.services.articles import (
    SubmitResult,
    article_content_hash,
    article_enqueue_extraction,
    article_submit,
    outlet_get_or_create,
)
from claims.services.assignment import article_assign
from claims.services.audit import User, audit_record
from claims.services.extraction_runs import RUN_LEASE, article_extract, figure_frames_backfill
from claims.services.fetching import article_fetch, article_submit_url
from claims.services.sweeper import STUCK_AFTER, stuck_work_requeue
from claims.services.verdicts import (
    StaleFigure,
    article_mark_reviewed,
    verdict_record,
    verdict_undo_last,
)

__all__ = [
    "RUN_LEASE",
    "STUCK_AFTER",
    "StaleFigure",
    "SubmitResult",
    "User",
    "article_assign",
    "article_content_hash",
    "article_enqueue_extraction",
    "article_extract",
    "article_fetch",
    "article_mark_reviewed",
    "article_submit",
    "article_submit_url",
    "audit_record",
    "figure_frames_backfill",
    "outlet_get_or_create",
    "stuck_work_requeue",
    "verdict_record",
    "verdict_undo_last",
]
