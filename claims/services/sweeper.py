"""The stuck-work sweeper: publishes again what a lost message or a dead
worker left, a bounded number of times per state."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from claims.models import Article, ExtractionRun
from claims.services.articles import article_task_publish
from claims.services.extraction_runs import RUN_LEASE

logger = logging.getLogger(__name__)

# Work untouched this long is published again; each later attempt waits twice
# as long as the one before (5, 10, 20, 40, 80 minutes), so a worker or broker
# outage of a few hours fails nothing, while a message lost for good still
# ends in a clear failure (after about 5 hours with the default 5 attempts).
STUCK_AFTER = dt.timedelta(minutes=5)


def _backoff(attempts: int) -> dt.timedelta:
    return STUCK_AFTER * 2 ** min(attempts, 16)

_GIVE_UP_REASONS = {
    Article.Status.FETCHING: "the page was never fetched",
    Article.Status.QUEUED: "no worker took the extraction",
    Article.Status.EXTRACTING: "the extraction never finished (its worker stopped each time)",
}


def stuck_work_requeue(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Publish again the work that a lost message or a dead worker left
    behind: articles still fetching or queued after STUCK_AFTER, and
    extractions whose worker died (a running run past its lease). Each
    article is published again at most STUCK_WORK_MAX_ATTEMPTS times in one
    state, the n-th time no sooner than _backoff(n - 1) after the one before;
    the next time it is found stuck it fails with the reason ("gave_up" in
    the counts). Safe to run at
    any time: the tasks themselves skip work that is done or held."""
    now = now or timezone.now()
    not_recently = Q(requeued_at=None) | Q(requeued_at__lte=now - STUCK_AFTER)
    stale = Q(updated_at__lt=now - STUCK_AFTER)
    dead_runs = ExtractionRun.objects.filter(
        status=ExtractionRun.Status.RUNNING, started_at__lt=now - RUN_LEASE
    ).values("article_id")
    stuck = {
        "fetch_article": Article.objects.filter(stale, status=Article.Status.FETCHING),
        "extract_article": Article.objects.filter(
            (stale & Q(status=Article.Status.QUEUED))
            | Q(status=Article.Status.EXTRACTING, pk__in=dead_runs)
        ),
    }
    counts = {"fetch_article": 0, "extract_article": 0, "gave_up": 0}
    for task, articles in stuck.items():
        for row in _rows(articles.filter(not_recently)):
            outcome = _attempt(row, task=task, now=now)
            if outcome:
                counts[outcome] += 1
    if any(counts.values()):
        logger.warning("re-published stuck work: %s", counts)
    return counts


def _rows(articles: QuerySet) -> list[tuple]:
    fields = ("pk", "status", "revision", "requeue_state", "requeue_count", "requeued_at")
    return list(articles.order_by().values_list(*fields)[:500])


def _attempt(row: tuple, *, task: str, now: dt.datetime) -> str | None:
    """Count one more attempt at the article's work in its current state and
    publish it (returns `task` once published); or, past the limit, fail the
    article (returns "gave_up")."""
    pk, status, revision, state, count, requeued_at = row
    key = f"{status}:{revision}"
    attempts = count if state == key else 0  # a new state starts a new count
    if attempts and requeued_at > now - _backoff(attempts - 1):
        return None  # the last attempt still has its time
    limit = settings.STUCK_WORK_MAX_ATTEMPTS
    # Conditional on what was read, so a status that moved on meanwhile (or a
    # second sweeper) is left alone.
    unchanged = Article.objects.filter(
        pk=pk, status=status, revision=revision, requeue_state=state, requeue_count=count
    )
    if attempts >= limit:
        message = f"Gave up after {attempts} attempts: {_GIVE_UP_REASONS[status]}."
        if unchanged.update(status=Article.Status.FAILED, error=message):
            ExtractionRun.objects.filter(
                article_id=pk, revision=revision, status=ExtractionRun.Status.RUNNING
            ).update(status=ExtractionRun.Status.FAILED, finished_at=now, error=message)
            logger.error("article %s: %s", pk, message)
            return "gave_up"
        return None
    claimed = unchanged.update(requeue_state=key, requeue_count=attempts + 1, requeued_at=now)
    if claimed and article_task_publish(article_id=pk, task=task):
        return task
    return None
