"""Server time of the review page for an article with 300 figures.

Runs the real view stack (middleware, auth, queries, templates) through
Django's test client against a throw-away database: SQLite by default, or the
PostgreSQL server named by DATABASE_URL (a `_bench` database is created and
dropped). Prints the median and p95 over the requests, the query count, and
the same for the queue page, once with the one article and once more after
--queue-articles articles (each with --queue-figures figures, one in twenty
with an open conflict) are added in bulk. Target: review page under 150 ms.

    .venv/bin/python bench/review_page.py [--requests 50] [--queue-articles 5000]
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
    parser.add_argument("--queue-articles", type=int, default=5000)
    parser.add_argument("--queue-figures", type=int, default=40)
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
    pages = [
        ("review page", reverse("claims:article", args=[article.public_id]), 150),
        ("queue page", reverse("claims:queue"), None),
    ]
    if args.queue_articles:
        pages.append(("queue page, many", reverse("claims:queue"), None))
    for name, url, target in pages:
        if name == "queue page, many":
            queue_articles_create(n=args.queue_articles, figures=args.queue_figures)
            name = f"queue page, {args.queue_articles + 1} articles"
        times, queries = measure(url)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        goal = f"  (target < {target} ms: {'met' if p95 < target else 'NOT met'})" if target else ""
        print(
            f"{name:12s} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
            f"{queries} queries{goal}"
        )


def queue_articles_create(*, n: int, figures: int) -> None:
    """`n` extracted articles in bulk (not through the services: seeding
    must not take longer than the measurement), a third of each article's
    figures decided, and one article in twenty in an open conflict."""
    from claims.models import Article, Figure, Finding, FindingFigure, Outlet

    outlet = Outlet.objects.create(name="Bench Queue Gazette")
    articles = Article.objects.bulk_create(
        Article(
            outlet=outlet, title=f"Queue article {i}", text="x", content_hash="0" * 64,
            status=Article.Status.READY,
        )
        for i in range(n)
    )  # fmt: skip
    status = Figure.Status
    rows = []
    for article in articles:
        for j in range(figures):
            decided = j % 3 == 0
            rows.append(
                Figure(
                    article=article, revision=1, start=j * 10, end=j * 10 + 5,
                    surface="$5", value=5, unit="USD", kind="money", extractor_version="bench",
                    status=(status.APPROVED if j % 2 else status.DISPUTED) if decided
                    else status.PENDING,
                )
            )  # fmt: skip
        if len(rows) > 20_000:
            Figure.objects.bulk_create(rows)
            rows = []
    Figure.objects.bulk_create(rows)
    for i, article in enumerate(articles[::20]):
        pair = list(Figure.objects.filter(article=article).order_by("id")[:2])
        finding = Finding.objects.create(type=Finding.Type.CONFLICT, key=f"bench-{i}", why="bench")
        FindingFigure.objects.bulk_create(
            FindingFigure(finding=finding, figure=f, position=k) for k, f in enumerate(pair)
        )


if __name__ == "__main__":
    main()
