"""F1 of the reliability matrix: a worker killed mid-run loses nothing.

100 articles are queued on Redis; the worker is SIGKILLed (with its pool)
while extracting; a new worker starts. Every article must end `ready`, with
one successful run and no duplicate figures. Needs Redis: its unacked
messages come back after the visibility timeout (shortened here, as is the
lease after which a dead worker's run may be taken over)."""

import time

import pytest
from django.conf import settings
from django.db.models import Count

from claims import services
from claims.models import Article, ExtractionRun, Figure
from tests.integration.conftest import Worker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

FAST_RECOVERY = {"CELERY_VISIBILITY_TIMEOUT": "5", "EXTRACTION_LEASE_SECONDS": "3"}
TEXT = (
    "Officials said {n} people were evacuated and 1,{n:03d} homes lost power. "
    "Repairs will cost ${n}.5 million, about {p}% of the budget, and take 18 months."
)


@pytest.mark.skipif(
    not settings.CELERY_BROKER_URL.startswith("redis://"), reason="needs Redis (CI runs it)"
)
def test_a_killed_worker_loses_no_article_and_duplicates_no_figure(tmp_path):
    first = Worker(tmp_path / "first.log", **FAST_RECOVERY)
    first.wait_ready()
    for n in range(100):
        services.article_submit(title=f"Storm update {n}", text=TEXT.format(n=n + 1, p=n % 50 + 1))
    ready = Article.objects.filter(status=Article.Status.READY)
    try:
        wait_for(lambda: ready.count() >= 10, timeout=120, worker=first, what="10 articles")
    finally:
        first.kill()
    killed_at = ready.count()
    assert killed_at < 100, "the worker finished before it could be killed"

    second = Worker(tmp_path / "second.log", **FAST_RECOVERY)
    try:
        second.wait_ready()
        wait_for(lambda: ready.count() == 100, timeout=240, worker=second, what="all 100")
        time.sleep(2)  # any late duplicate would land now
    finally:
        second.stop()

    assert not Article.objects.exclude(status=Article.Status.READY).exists()
    runs = ExtractionRun.objects.values("article").annotate(n=Count("id"))
    assert {row["n"] for row in runs} == {1}
    assert ExtractionRun.objects.filter(status=ExtractionRun.Status.SUCCEEDED).count() == 100
    duplicates = (
        Figure.objects.filter(is_current=True)
        .values("article", "start", "end")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()
    assert Figure.objects.filter(is_current=True).count() == 100 * 5
