import pytest

from claims import services
from claims.models import Article, ExtractionRun
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.integration


def test_a_submitted_article_is_extracted_by_a_real_worker(worker):
    # The same path a browser submission takes: store, commit, publish.
    result = services.article_submit(
        title="Harbour works",
        text="The port authority will spend $59.5 million, about 12% of its budget, "
        "on 3,400 metres of new quay.",
        outlet_name="Coastline Gazette",
    )
    article = result.article

    def ready():
        article.refresh_from_db()
        return article.status == Article.Status.READY

    wait_for(ready, timeout=60, worker=worker, what="the article to be ready")
    values = {f.surface: f.value for f in article.figures.filter(is_current=True)}
    assert values["$59.5 million"] == 59_500_000
    assert values["12%"] == 12
    run = ExtractionRun.objects.get(article=article)
    assert run.status == ExtractionRun.Status.SUCCEEDED
    assert run.figure_count == len(values)
    assert "claims.tasks.extract_article" in worker.output()


def test_a_redelivered_task_adds_no_duplicate_figures(worker):
    from claims.tasks import extract_article

    article = services.article_submit(title="Budget", text="It costs $4.2 billion.").article

    def done():
        return ExtractionRun.objects.filter(
            article=article, status=ExtractionRun.Status.SUCCEEDED
        ).exists()

    wait_for(done, timeout=60, worker=worker, what="the first run")
    # The same message again, as a broker redelivery would send it.
    extract_article.delay(article.pk)
    extract_article.delay(article.pk)
    wait_for(
        lambda: worker.output().count("succeeded in") >= 3,
        timeout=60,
        worker=worker,
        what="the repeated tasks",
    )
    assert article.figures.count() == 1
    assert ExtractionRun.objects.get(article=article).attempts == 1


def test_a_url_submission_is_downloaded_and_extracted_by_a_real_worker(
    worker, page_server, settings
):
    from tests.claims.services.test_fetching import PAGE

    settings.FETCH_ALLOW_PRIVATE_URLS = True
    url = page_server.add("/harbour", PAGE)
    article = services.article_submit_url(url=url, outlet_name="Coastline Gazette").article

    def ready():
        article.refresh_from_db()
        return article.status == Article.Status.READY

    wait_for(ready, timeout=60, worker=worker, what="the page to be fetched and extracted")
    assert article.title == "Harbour works approved"
    assert article.figures.filter(is_current=True, surface="$59.5 million").exists()
    assert "claims.tasks.fetch_article" in worker.output()
