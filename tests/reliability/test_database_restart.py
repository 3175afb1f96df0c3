"""Reliability matrix F3, the pg_terminate_backend variant: every connection
the app holds to PostgreSQL is killed, as a database restart or failover
does, while gunicorn serves the API and a worker extracts. Neither is
restarted; the web tier must answer every request after the kill (persistent
connections are health-checked before reuse) and interrupted tasks must
retry and finish.

Killing backends of the test database only keeps the shared PostgreSQL
server (and other test runs on it) untouched. The full server restart
(`pg_ctlcluster ... restart`) is done by hand with bench/load.py.
"""

import time

import pytest
import requests
from django.db import connection
from django.db.models import Count

from claims.api import keys
from claims.models import Article, Figure, Integration, Verdict
from tests import factories
from tests.integration.conftest import Gunicorn, Worker, wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="kills PostgreSQL server connections"
    ),
]


def _kill_app_connections() -> int:
    """Terminate every other session on the test database; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.fixture
def live(transactional_db, tmp_path, monkeypatch):
    monkeypatch.setenv("API_RATE_PER_MINUTE", "100000")
    web = Gunicorn(tmp_path / "gunicorn.log", workers=2)
    worker = Worker(tmp_path / "worker.log", concurrency=2)
    try:
        web.wait_ready()
        worker.wait_ready()
        yield web, worker
    finally:
        web.stop()
        worker.stop()


def test_the_api_and_the_worker_ride_out_killed_database_connections(live, reviewer):
    web, worker = live
    key = keys.api_key_create(
        integration=Integration.objects.create(name="F3 CMS"),
        scopes=["articles:write", "articles:read", "verdicts:write"],
        acting_user=reviewer,
    ).key
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {key}"

    def post(n):
        return api.post(
            f"{web.url}/api/v1/articles",
            json={"external_id": f"f3-{n}", "title": f"Budget {n}", "text": factories.SAMPLE_TEXT},
            timeout=10,
        )

    answers = [post(n) for n in range(10)]
    assert [a.status_code for a in answers] == [202] * 10
    assert _kill_app_connections() >= 2  # gunicorn's and the worker's persistent ones

    # Every request after the kill is answered; none sees the dead connection.
    answers += [post(n) for n in range(10, 20)]
    assert [a.status_code for a in answers] == [202] * 20
    ids = [a.json()["id"] for a in answers]
    reads = [api.get(f"{web.url}/api/v1/articles/{i}", timeout=10) for i in ids]
    assert [r.status_code for r in reads] == [200] * 20

    # Kill again while the worker is extracting; interrupted tasks retry.
    for _ in range(4):
        _kill_app_connections()
        time.sleep(0.3)

    def all_extracted():
        statuses = set(Article.objects.values_list("status", flat=True))
        assert Article.Status.FAILED not in statuses, worker.output()
        return statuses == {Article.Status.READY}

    wait_for(all_extracted, timeout=180, worker=worker, what="all 20 articles to be extracted")
    duplicates = (
        Figure.objects.filter(is_current=True)
        .values("article", "start", "end")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()

    # Verdicts written across one more kill are whole: status and version move together.
    figure = factories.current_figures(Article.objects.get(public_id=ids[0]))[0]
    _kill_app_connections()
    decided = api.post(
        f"{web.url}/api/v1/figures/{figure.public_id}/verdicts",
        json={"decision": "approve"},
        headers={"If-Match": f'W/"{figure.version}"'},
        timeout=10,
    )
    assert decided.status_code == 201, decided.text
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED
    assert figure.version == 2
    assert Verdict.objects.filter(figure=figure).count() == 1
