"""The stuck-work sweeper publishes stuck work again, a bounded number of
times per state, then fails the article with the reason."""

import datetime as dt

import pytest

from claims import extraction, services
from claims.models import Article, ExtractionRun
from tests import factories

pytestmark = pytest.mark.django_db

STUCK_AFTER = services.STUCK_AFTER
STEP = STUCK_AFTER + dt.timedelta(seconds=1)


def _stuck(status: str) -> Article:
    article = factories.article(extract=False)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(status=status, updated_at=long_ago)
    if status == Article.Status.EXTRACTING:  # its worker died mid-run
        ExtractionRun.objects.create(
            article=article, revision=1, extractor_version=extraction.EXTRACTOR_VERSION,
            status=ExtractionRun.Status.RUNNING, started_at=long_ago,
        )  # fmt: skip
    return article


def _sweeps(n: int, start: dt.datetime) -> list[dict[str, int]]:
    """n sweeps, each a little later than the backoff after the last attempt
    (STUCK_AFTER, then twice, four times ... as long)."""
    counts = []
    for i in range(n):
        counts.append(services.stuck_work_requeue(now=start))
        start += STUCK_AFTER * 2**i + dt.timedelta(seconds=1)
    return counts


@pytest.mark.parametrize(
    ("status", "task", "reason"),
    [
        (Article.Status.FETCHING, "fetch_article", "the page was never fetched"),
        (Article.Status.QUEUED, "extract_article", "no worker took the extraction"),
        (Article.Status.EXTRACTING, "extract_article", "the extraction never finished"),
    ],
)
def test_after_the_attempt_limit_the_article_fails_and_is_not_published_again(
    settings, status, task, reason
):
    settings.STUCK_WORK_MAX_ATTEMPTS = 3
    article = _stuck(status)
    start = dt.datetime.now(dt.UTC)
    counts = _sweeps(5, start)
    assert [c[task] for c in counts] == [1, 1, 1, 0, 0]
    assert [c["gave_up"] for c in counts] == [0, 0, 0, 1, 0]
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == f"Gave up after 3 attempts: {reason}" + (
        "." if status != Article.Status.EXTRACTING else " (its worker stopped each time)."
    )
    if status == Article.Status.EXTRACTING:
        run = ExtractionRun.objects.get(article=article)
        assert run.status == ExtractionRun.Status.FAILED and run.error == article.error


def test_an_article_is_published_again_at_most_once_per_stuck_period():
    _stuck(Article.Status.FETCHING)
    now = dt.datetime.now(dt.UTC)
    assert services.stuck_work_requeue(now=now)["fetch_article"] == 1
    # The beat runs every minute; the republished task gets its time.
    assert services.stuck_work_requeue(now=now + dt.timedelta(minutes=1))["fetch_article"] == 0
    assert services.stuck_work_requeue(now=now + STEP)["fetch_article"] == 1


def test_each_state_has_its_own_count(settings):
    settings.STUCK_WORK_MAX_ATTEMPTS = 2
    article = _stuck(Article.Status.FETCHING)
    start = dt.datetime.now(dt.UTC)
    _sweeps(2, start)  # two attempts at the fetch; then the page arrives
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    counts = _sweeps(2, start + STUCK_AFTER * 3 + dt.timedelta(seconds=2))
    assert [c["extract_article"] for c in counts] == [1, 1]
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED and article.requeue_count == 2


def test_a_republished_article_that_then_succeeds_is_left_alone(settings):
    settings.STUCK_WORK_MAX_ATTEMPTS = 1
    article = _stuck(Article.Status.QUEUED)
    start = dt.datetime.now(dt.UTC)
    assert services.stuck_work_requeue(now=start)["extract_article"] == 1
    services.article_extract(article_id=article.pk)  # what the republished task does
    assert (
        _sweeps(2, start + STEP) == [{"fetch_article": 0, "extract_article": 0, "gave_up": 0}] * 2
    )
    article.refresh_from_db()
    assert article.status == Article.Status.READY


def test_each_attempt_waits_twice_as_long_as_the_one_before(settings):
    """A worker or broker outage of an hour or two fails nothing: the
    sweeper spaces its attempts out instead of spending them at once."""
    settings.STUCK_WORK_MAX_ATTEMPTS = 5
    article = _stuck(Article.Status.QUEUED)
    now = dt.datetime.now(dt.UTC)
    published = []
    for minute in range(0, 151):  # the beat runs every minute, for 2.5 hours
        counts = services.stuck_work_requeue(now=now + dt.timedelta(minutes=minute))
        if counts["extract_article"]:
            published.append(minute)
    assert published == [0, 5, 15, 35, 75]
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED  # not given up yet
