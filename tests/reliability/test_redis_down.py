"""Issue 13, row 3: Redis (the cache and the broker, as .env.example puts
them on one server) stops while gunicorn serves the API. Keyed reads keep
working (keys from the database), ingest stores the article (the sweeper
publishes it later), browser logins still work, /readyz names the cache and
the broker as unreachable, and nothing answers 500. Redis then comes back
empty on the same port: /readyz recovers, and a worker extracts both the
article kept during the outage (published again by the sweeper) and a new one.

The test runs its own redis-server on a free port, so the shared one (and
other test runs on it) are never touched.
"""

import os
import re
import subprocess
import sys
import time

import pytest
import requests

from claims.api import keys
from claims.models import Article, Integration
from tests import factories
from tests.factcheck.redis_server import RedisServer
from tests.integration.conftest import ROOT, Gunicorn, Worker, wait_for, worker_database_url

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _sweep(env: dict[str, str]) -> str:
    """Run the stuck-work sweeper once, as celery beat would after STUCK_AFTER,
    in a process on the test's Redis broker."""
    code = (
        "import datetime as dt; from claims import services; "
        "later = dt.datetime.now(dt.UTC) + services.STUCK_AFTER + dt.timedelta(seconds=1); "
        "print(services.stuck_work_requeue(now=later))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def _login(web, username: str, password: str) -> requests.Response:
    browser = requests.Session()
    page = browser.get(f"{web.url}/login/", timeout=10)
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return browser.post(
        f"{web.url}/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{web.url}/login/"},
        allow_redirects=False,
        timeout=10,
    )


def test_the_api_keeps_serving_with_redis_down_and_recovers_when_it_is_back(
    tmp_path, reviewer, settings
):
    # A hash gunicorn (production hashers) can check, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    reviewer.set_password("a-long-test-password")
    reviewer.save()
    redis = RedisServer(tmp_path)
    redis.start()
    redis_env = {"CACHE_URL": redis.url(1), "CELERY_BROKER_URL": redis.url(0)}
    web = Gunicorn(tmp_path / "gunicorn.log", workers=2, **redis_env)
    worker = None
    try:
        web.wait_ready()
        key = keys.api_key_create(
            integration=Integration.objects.create(name="Redis-down CMS"),
            scopes=["articles:write", "articles:read"],
        ).key
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {key}"

        def ingest(n: int) -> requests.Response:
            return api.post(
                f"{web.url}/api/v1/articles",
                json={
                    "external_id": f"rd-{n}",
                    "title": f"Quay {n}",
                    "text": factories.SAMPLE_TEXT,
                },
                timeout=30,
            )

        assert ingest(0).status_code == 202
        assert requests.get(f"{web.url}/readyz", timeout=10).status_code == 200

        redis.stop()

        # Keyed reads, from either gunicorn worker, and with a bad key: no 500.
        reads = [api.get(f"{web.url}/api/v1/articles", timeout=10) for _ in range(8)]
        assert [r.status_code for r in reads] == [200] * 8, reads[-1].text
        first = reads[0].json()["results"][0]["id"]
        assert api.get(f"{web.url}/api/v1/articles/{first}", timeout=10).status_code == 200
        unknown = requests.get(
            f"{web.url}/api/v1/articles",
            headers={"Authorization": "Bearer fck_00000000_nope"},
            timeout=10,
        )
        assert unknown.status_code == 401

        # Ingest: stored (published later by the sweeper) or 503 + Retry-After.
        started = time.monotonic()
        kept = ingest(1)
        ingest_seconds = time.monotonic() - started
        assert kept.status_code in (202, 503), kept.text
        if kept.status_code == 503:
            assert kept.headers["Retry-After"]
        else:
            stored = Article.objects.get(external_id="rd-1")
            assert stored.status == Article.Status.QUEUED
        print(f"ingest with the broker down: {kept.status_code} in {ingest_seconds:.2f} s")

        # Browser logins: sessions live in the database, the lockout counts per process.
        assert _login(web, reviewer.username, "wrong").status_code == 200
        assert _login(web, reviewer.username, "a-long-test-password").status_code == 302

        ready = requests.get(f"{web.url}/readyz", timeout=10)
        assert ready.status_code == 503
        assert ready.json()["checks"] == {
            "database": "ok",
            "cache": "unreachable",
            "broker": "unreachable",
        }
        assert requests.get(f"{web.url}/healthz", timeout=10).status_code == 200
        assert "Internal Server Error" not in web.log.read_text(errors="replace")

        redis.start()  # the same port, empty

        def recovered():
            return requests.get(f"{web.url}/readyz", timeout=10).status_code == 200

        deadline = time.monotonic() + 30
        while not recovered():
            assert time.monotonic() < deadline, "readyz did not recover"
            time.sleep(0.5)

        worker = Worker(tmp_path / "worker.log", **redis_env)
        worker.wait_ready()
        # rd-0's message was lost with Redis's data; rd-1's was never sent.
        lost = ["rd-0", "rd-1"] if kept.status_code == 202 else ["rd-0"]
        sweep_env = {**os.environ, "DATABASE_URL": worker_database_url(), **redis_env}
        assert f"'extract_article': {len(lost)}" in _sweep(sweep_env)
        expected = [*lost, "rd-2"]
        assert ingest(2).status_code == 202  # publishing works again

        def extracted():
            ready = Article.objects.filter(external_id__in=expected, status=Article.Status.READY)
            return ready.count() == len(expected)

        wait_for(extracted, timeout=90, worker=worker, what=f"articles {expected} extracted")
        reads = [api.get(f"{web.url}/api/v1/articles", timeout=10) for _ in range(4)]
        assert [r.status_code for r in reads] == [200] * 4
    finally:
        web.stop()
        if worker is not None:
            worker.stop()
        redis.stop()


def test_with_redis_hung_ingest_stores_the_article_and_reads_are_served(tmp_path):
    # A hung Redis (SIGSTOP: connections accepted, nothing answered) is worse
    # than a stopped one: without socket timeouts a publish waits forever and
    # gunicorn kills the worker (a 500 after its 30 s timeout).
    redis = RedisServer(tmp_path)
    redis.start()
    web = Gunicorn(
        tmp_path / "gunicorn.log", workers=1, CACHE_URL=redis.url(1), CELERY_BROKER_URL=redis.url(0)
    )
    try:
        web.wait_ready()
        key = keys.api_key_create(
            integration=Integration.objects.create(name="Redis-hung CMS"),
            scopes=["articles:write", "articles:read"],
        ).key
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {key}"
        assert api.get(f"{web.url}/api/v1/articles", timeout=10).status_code == 200

        redis.pause()
        started = time.monotonic()
        kept = api.post(
            f"{web.url}/api/v1/articles",
            json={"external_id": "hung-1", "title": "Quay", "text": factories.SAMPLE_TEXT},
            timeout=60,
        )
        print(f"ingest with Redis hung: {kept.status_code} in {time.monotonic() - started:.2f} s")
        assert kept.status_code in (202, 503), kept.text
        if kept.status_code == 202:
            assert Article.objects.get(external_id="hung-1").status == Article.Status.QUEUED
        assert api.get(f"{web.url}/api/v1/articles", timeout=30).status_code == 200
        ready = requests.get(f"{web.url}/readyz", timeout=30)
        assert ready.status_code == 503
        assert ready.json()["checks"]["cache"] != "ok"
        assert ready.json()["checks"]["broker"] != "ok"
    finally:
        redis.resume()
        web.stop()
        redis.stop()
