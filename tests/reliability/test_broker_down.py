"""F2 of the reliability matrix: the broker is down when an article comes in.
The submission is stored and answered anyway; once the broker is back, the
stuck-work sweeper publishes it again and a worker extracts it."""

import datetime as dt
import os
import subprocess
import sys

import pytest

from claims import services
from claims.models import Article
from tests.integration.conftest import ROOT, Worker, wait_for, worker_database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_an_article_submitted_while_the_broker_is_down_is_kept_and_extracted_later(tmp_path):
    article_file = tmp_path / "article.txt"
    article_file.write_text("The port will spend $59.5 million on 3,400 metres of new quay.")
    env = dict(
        os.environ,
        DATABASE_URL=worker_database_url(),
        CELERY_BROKER_URL="redis://127.0.0.1:1/0",  # nothing listens there: refused
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "submit_article", str(article_file), "--title", "Quay"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created:")
    assert "could not enqueue extract_article" in result.stderr
    article = Article.objects.get(title="Quay")
    assert article.status == Article.Status.QUEUED

    worker = Worker(tmp_path / "worker.log")
    try:
        worker.wait_ready()
        later = dt.datetime.now(dt.UTC) + services.STUCK_AFTER + dt.timedelta(seconds=1)
        assert services.stuck_work_requeue(now=later)["extract_article"] == 1

        def ready():
            article.refresh_from_db()
            return article.status == Article.Status.READY

        wait_for(ready, timeout=60, worker=worker, what="the swept article")
    finally:
        worker.stop()
    assert article.figures.filter(surface="$59.5 million").exists()
