"""The stuck-work sweeper: publishes again what a lost message or a dead worker left."""

from __future__ import annotations

import datetime as dt
import logging

from django.db.models import Q
from django.utils import timezone

from claims.models import Article, ExtractionRun
from claims.services.articles import article_task_publish
from claims.services.extraction_runs import RUN_LEASE

logger = logging.getLogger(__name__)

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
        counts["fetch_article"] += article_task_publish(article_id=pk, task="fetch_article")
    dead_runs = ExtractionRun.objects.filter(
        status=ExtractionRun.Status.RUNNING, started_at__lt=now - RUN_LEASE
    ).values("article_id")
    waiting = Article.objects.filter(
        Q(status=Article.Status.QUEUED, updated_at__lt=now - STUCK_AFTER)
        | Q(status=Article.Status.EXTRACTING, pk__in=dead_runs)
    ).order_by()
    for pk in waiting.values_list("pk", flat=True)[:500]:
        counts["extract_article"] += article_task_publish(article_id=pk, task="extract_article")
    if any(counts.values()):
        logger.warning("re-published stuck work: %s", counts)
    return counts
