"""A check of a large story never holds up extraction (issue 13, row 4).

Checks run on their own queue (CHECK_QUEUE) and worker, with a time budget:
one that runs out is retried with backoff a bounded number of times, then the
story is recorded as not checked, with the reason. Real worker processes on
the configured broker and database; the budget is lowered so that a real
check of a real story of a few hundred figures exceeds it."""

import pytest
from django.conf import settings
from django.db import connection

from claims import services
from claims.models import Article, Story
from tests.claims.test_crosschecking import STORM, storm_story
from tests.integration.conftest import Worker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET = {
    "CROSSCHECK_TIME_LIMIT": "1",
    "CROSSCHECK_MAX_ATTEMPTS": "3",
    "CROSSCHECK_RETRY_BACKOFF": "1",
}
RAN_OUT = "ran out of its 1 s budget"
NEWS = "The council approved a ${n}.5 million budget for {n} new schools on Monday, up {n}%."


def test_a_check_out_of_time_never_holds_up_extraction_and_ends_recorded(tmp_path, monkeypatch):
    # The budget travels with each message: this process publishes the first
    # checks, the worker the retries.
    for name, value in BUDGET.items():
        monkeypatch.setattr(settings, name, int(value))
    # Eight articles of ~140 figures: checking them takes several seconds even on a
    # fast machine, well over the 1 s budget (four took 1.8 s, and the pool's soft
    # limit, checked about once a second, let that finish). Built before the workers
    # start; their checks wait queued.
    story = storm_story(8)
    extraction = Worker(tmp_path / "extraction.log", queues=settings.CELERY_TASK_DEFAULT_QUEUE)
    checks = Worker(tmp_path / "checks.log", queues=settings.CHECK_QUEUE, **BUDGET)
    try:
        extraction.wait_ready()
        checks.wait_ready()
        wait_for(
            lambda: RAN_OUT in checks.output(),
            timeout=120,
            worker=checks,
            what="a check to run out",
        )
        fresh = [
            services.article_submit(title=f"Council vote {n}", text=NEWS.format(n=n)).article.pk
            for n in range(2, 7)
        ]
        ready = Article.objects.filter(pk__in=fresh, status=Article.Status.READY)
        wait_for(lambda: ready.count() == 5, timeout=60, worker=extraction, what="5 articles")
        # Extracted while the story's check was still being tried.
        assert Story.objects.get(pk=story.pk).check_error == ""

        recorded = Story.objects.filter(pk=story.pk).exclude(check_error="")
        wait_for(recorded.exists, timeout=180, worker=checks, what="the story recorded unchecked")
    finally:
        extraction.stop()
        checks.stop()
    story.refresh_from_db()
    assert story.check_error.startswith("Not checked: the check ran out of its 1 s budget 3 times")
    assert story.checked_state == {}  # no check finished
    log = checks.output()
    assert "(attempt 1); again in" in log and "(attempt 2); again in" in log
    assert f"story {story.pk} is not checked" in log


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the check lock is a PostgreSQL advisory lock; SQLite runs one writer at a time",
)
def test_an_article_joining_a_story_being_checked_is_covered_by_a_check_after_it(tmp_path):
    story = storm_story(5)  # a check of it takes seconds; five checks wait queued
    extraction = Worker(tmp_path / "extraction.log", queues=settings.CELERY_TASK_DEFAULT_QUEUE)
    checks = Worker(tmp_path / "checks.log", queues=settings.CHECK_QUEUE, concurrency=2)
    try:
        extraction.wait_ready()
        checks.wait_ready()
        # One process checks the story; the other finds it being checked.
        wait_for(
            lambda: "is being checked" in checks.output(), timeout=120, worker=checks,
            what="a check to find the story being checked",
        )  # fmt: skip
        late = services.article_submit(
            title="Storm hits the coast (late)",
            text=STORM.format(place="Ashford", n=120, m=340, c=7, p=3, r=80, h=6, k=4, b=2),
        ).article
        Article.objects.filter(pk=late.pk).update(story=story)  # placed as the check runs

        def covered():
            return str(late.pk) in Story.objects.get(pk=story.pk).checked_state

        wait_for(covered, timeout=180, worker=checks, what="a check that read the late article")
    finally:
        extraction.stop()
        checks.stop()
    # The check that was running published one more when it was done.
    assert "Task claims.tasks.crosscheck_story[" in checks.output()
    assert len(Story.objects.get(pk=story.pk).checked_state) == 6
