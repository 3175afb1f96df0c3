"""Server time of the review page for an article with 300 figures.

Runs the real view stack (middleware, auth, queries, templates) through
Django's test client against a throw-away database: SQLite by default, or the
PostgreSQL server named by DATABASE_URL (a `_bench` database is created and
dropped). Prints the median and p95 over the requests, the query count, and
the same for the queue page. Target: review page under 150 ms.

    .venv/bin/python bench/review_page.py [--requests 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "b" * 50)
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("FACTCHECK_VAR_DIR", tempfile.mkdtemp(prefix="factcheck-bench-"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--figures", type=int, default=300)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        run(args, CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, capture) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from claims import services
    from tests import factories

    text = " ".join(f"Item {n} cost ${n}.5 million." for n in range(1, args.figures + 1))
    reviewer = factories.reviewer(username="bench")
    article = factories.article(text=text, title="Bench article")
    figures = factories.current_figures(article)
    for figure in figures[: len(figures) // 3]:
        services.verdict_record(figure=figure, reviewer=reviewer, decision="approve", note="ok")
    client = Client()
    client.force_login(reviewer)

    def measure(url: str) -> tuple[list[float], int]:
        client.get(url)  # warm caches and connections
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        with capture(connection) as queries:
            client.get(url)
        return times, len(queries)

    print(f"database: {connection.vendor}; {len(figures)} figures; {args.requests} requests each")
    for name, url, target in (
        ("review page", reverse("claims:article", args=[article.public_id]), 150),
        ("queue page", reverse("claims:queue"), None),
    ):
        times, queries = measure(url)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        goal = f"  (target < {target} ms: {'met' if p95 < target else 'NOT met'})" if target else ""
        print(
            f"{name:12s} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
            f"{queries} queries{goal}"
        )


if __name__ == "__main__":
    main()
