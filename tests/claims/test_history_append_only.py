import datetime as dt

import pytest
from django.db import IntegrityError, InternalError, ProgrammingError, connection, transaction

from claims import services
from claims.models import Article, AuditEvent, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)
REFUSED = (InternalError, ProgrammingError, IntegrityError)


@needs_postgres
def test_the_database_refuses_to_rewrite_a_verdict(article, reviewer):
    figure = factories.current_figures(article)[0]
    verdict = services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    with pytest.raises(REFUSED, match="history is append-only"), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(note="rewritten")
    with pytest.raises(REFUSED, match="history is append-only"), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).delete()
    verdict.refresh_from_db()
    assert verdict.note == ""


@needs_postgres
def test_the_database_refuses_to_delete_the_audit_log(article):
    assert AuditEvent.objects.exists()
    with (
        pytest.raises(REFUSED, match="history is append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM claims_auditevent")
    assert AuditEvent.objects.exists()


def test_the_sweeper_republishes_articles_left_queued_or_fetching():
    now = dt.datetime.now(dt.UTC)
    stuck = factories.article(extract=False, title="Stuck")
    factories.article(extract=False, title="Fresh")  # queued, but not for long
    done = factories.article(title="Done")
    Article.objects.filter(pk__in=[stuck.pk, done.pk]).update(
        updated_at=now - services.STUCK_AFTER - dt.timedelta(minutes=1)
    )
    counts = services.stuck_work_requeue(now=now)
    assert counts == {"fetch_article": 0, "extract_article": 1, "gave_up": 0}
    # The re-published task does the work (here called as the worker would).
    services.article_extract(article_id=stuck.pk)
    stuck.refresh_from_db()
    assert stuck.status == Article.Status.READY


def test_the_sweeper_takes_back_an_extraction_whose_worker_died():
    from claims import extraction
    from claims.models import ExtractionRun

    article = factories.article(extract=False)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.EXTRACTING)
    ExtractionRun.objects.create(
        article=article, revision=1, extractor_version=extraction.EXTRACTOR_VERSION,
        status=ExtractionRun.Status.RUNNING,
        started_at=dt.datetime.now(dt.UTC) - services.RUN_LEASE - dt.timedelta(seconds=5),
    )  # fmt: skip
    assert services.stuck_work_requeue()["extract_article"] == 1
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.READY
