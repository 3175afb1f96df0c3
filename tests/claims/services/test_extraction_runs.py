import datetime as dt

import pytest
from django.utils import timezone

from claims import extraction, services
from claims.models import Article, ExtractionRun, Figure, Integration
from tests import factories

pytestmark = pytest.mark.django_db


def values(article):
    return {f.surface: f.value for f in factories.current_figures(article)}


def test_it_extracts_money_percent_and_counts_into_figures():
    article = factories.article()
    found = values(article)
    assert found["$12.5 million"] == 12_500_000
    assert found["4%"] == 4
    assert found["1,200"] == 1200
    assert found["$3 billion"] == 3_000_000_000
    assert article.status == Article.Status.READY
    for figure in factories.current_figures(article):
        assert article.text[figure.start : figure.end] == figure.surface
        assert figure.status == Figure.Status.PENDING
        assert figure.extractor_version == extraction.EXTRACTOR_VERSION


def test_it_records_a_succeeded_run_with_its_figure_count():
    article = factories.article()
    run = ExtractionRun.objects.get(article=article)
    assert run.status == ExtractionRun.Status.SUCCEEDED
    assert run.attempts == 1
    assert run.figure_count == len(factories.current_figures(article))
    assert run.started_at <= run.finished_at


def test_running_it_twice_changes_nothing():
    article = factories.article()
    before = sorted(Figure.objects.values_list("pk", "start", "end", "version"))
    services.article_extract(article_id=article.pk)
    assert sorted(Figure.objects.values_list("pk", "start", "end", "version")) == before
    assert ExtractionRun.objects.get(article=article).attempts == 1


def test_it_leaves_a_run_another_worker_holds_alone():
    article = factories.article(extract=False)
    ExtractionRun.objects.create(
        article=article,
        revision=1,
        extractor_version=extraction.EXTRACTOR_VERSION,
        status=ExtractionRun.Status.RUNNING,
        started_at=timezone.now(),
    )
    services.article_extract(article_id=article.pk)
    assert not article.figures.exists()


def test_it_takes_over_a_run_whose_worker_died():
    article = factories.article(extract=False)
    ExtractionRun.objects.create(
        article=article,
        revision=1,
        extractor_version=extraction.EXTRACTOR_VERSION,
        status=ExtractionRun.Status.RUNNING,
        started_at=timezone.now() - services.RUN_LEASE - dt.timedelta(seconds=1),
    )
    run = services.article_extract(article_id=article.pk)
    assert run.status == ExtractionRun.Status.SUCCEEDED
    assert run.attempts == 1
    assert article.figures.exists()


def test_it_exits_quietly_when_the_article_is_gone():
    assert services.article_extract(article_id=987654) is None


def test_a_new_revision_keeps_verdicts_of_unchanged_figures(reviewer):
    cms = Integration.objects.create(name="CMS")
    text = "Officials said 1,200 people were evacuated.\n\nThe repairs will cost $4.2 billion."
    article = factories.article(text=text, title="Flood", integration=cms, external_id="f-1")
    evacuated, cost = factories.current_figures(article)
    services.verdict_record(figure=evacuated, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=cost, reviewer=reviewer, decision="approve")

    # A new lead paragraph moves every offset; the cost figure changes value.
    new_text = "Rain fell all week.\n\n" + text.replace("$4.2 billion", "$4.8 billion")
    result = services.article_submit(
        title="Flood",
        text=new_text,
        outlet_name="The Test Gazette",
        integration=cms,
        external_id="f-1",
    )
    services.article_extract(article_id=result.article.pk)
    article.refresh_from_db()

    current = {f.surface: f for f in factories.current_figures(article)}
    kept = current["1,200"]
    assert kept.pk == evacuated.pk
    assert kept.status == Figure.Status.APPROVED
    assert kept.revision == 2
    assert new_text[kept.start : kept.end] == "1,200"
    assert current["$4.8 billion"].status == Figure.Status.PENDING
    retired = Figure.objects.get(pk=cost.pk)
    assert retired.is_current is False
    assert retired.verdicts.count() == 1
    assert article.status == Article.Status.IN_REVIEW


def test_a_crashing_engine_marks_the_article_failed_with_a_reason(monkeypatch):
    # Fault injection: the engine never raises on real text, so simulate a bug.
    def broken(document):
        raise RuntimeError("boom")

    monkeypatch.setattr(extraction, "extract", broken)
    article = factories.article()
    assert article.status == Article.Status.FAILED
    assert "extraction engine failed" in article.error
    run = ExtractionRun.objects.get(article=article)
    assert run.status == ExtractionRun.Status.FAILED


def test_a_data_dump_fails_with_a_reason_instead_of_flooding_the_review(settings):
    settings.FACTCHECK_MAX_FIGURES = 50
    article = factories.article(text="Readings: " + " ".join(f"{n}%" for n in range(200)))
    assert article.status == Article.Status.FAILED
    assert "200 figures found; more than 50" in article.error
    assert not article.figures.exists()
