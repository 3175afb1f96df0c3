"""Django-side setup and checks for bench/load.py (import after django.setup()).

Seeding writes rows the way the services would, only in bulk where the
service would be too slow for 10,000 articles; each function says which
service it stands in for.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from claims import roles, services
from claims.api import keys
from claims.extraction import Document
from claims.models import (
    Article,
    ArticleRevision,
    AuditEvent,
    ExtractionRun,
    Figure,
    Integration,
)

OUTLETS = ["The Load Gazette", "Evening Bench", "Daily Throughput", "The Latency Post"]
REVIEWER_PASSWORD = "load-reviewer-pass-2026"


def api_keys_create(*, integration_name: str, n: int) -> list[str]:
    """`n` API keys (articles:write + articles:read) of one integration."""
    integration = Integration.objects.create(name=integration_name)
    return [
        keys.api_key_create(
            integration=integration, scopes=["articles:write", "articles:read"], name=f"load {i}"
        ).key
        for i in range(n)
    ]


def reviewers_create(*, n: int, prefix: str = "reviewer") -> list[str]:
    """`n` active users in the Reviewers group, all with REVIEWER_PASSWORD
    (hashed once: the hasher is deliberately slow). Returns their usernames."""
    roles.ensure_roles()
    group = Group.objects.get(name=roles.REVIEWERS)
    password = make_password(REVIEWER_PASSWORD)
    users = User.objects.bulk_create(
        [User(username=f"{prefix}{i:03d}", password=password, is_active=True) for i in range(n)]
    )
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=group.pk) for u in users]
    )
    return [u.username for u in users]


def review_articles_create(*, docs: list[Document], hot: int = 5) -> dict:
    """The review desk's articles, through the real services: article_submit
    then article_extract in this process (the extraction and cross-check
    messages they publish stay in the queue; no worker runs). Returns the
    articles' public ids, figure counts and `hot` figure ids of the first
    article, spread over its text."""
    integration = Integration.objects.create(name="Load review desk")
    ids = []
    for i, doc in enumerate(docs):
        result = services.article_submit(
            title=f"Review desk article {i}",
            text=doc.text,
            outlet_name=OUTLETS[i % len(OUTLETS)],
            url=f"https://news.example.com/review/{i}",
            published_at=dt.datetime.combine(doc.published, dt.time(12), tzinfo=dt.UTC),
            integration=integration,
            external_id=f"review-{i}",
        )
        services.article_extract(article_id=result.article.pk)
        ids.append(result.article.pk)
    articles = list(
        Article.objects.filter(pk__in=ids)
        .annotate(n=Count("figures", filter=Q(figures__is_current=True)))
        .order_by("pk")
    )
    first = list(Figure.objects.filter(article=articles[0], is_current=True).order_by("start"))
    step = max(1, len(first) // hot)
    return {
        "articles": [str(a.public_id) for a in articles],
        "figures": [a.n for a in articles],
        "statuses": sorted({a.status for a in articles}),
        "hot_article": str(articles[0].public_id),
        "hot_figures": [str(f.public_id) for f in first[::step][:hot]],
    }


def verdict_counts(*, hot_figures: list[str]) -> dict:
    """Verdict rows written (all, and on the hot figures) and the hot
    figures' final versions."""
    from claims.models import Verdict

    hot = list(Figure.objects.filter(public_id__in=hot_figures).values_list("version", flat=True))
    return {
        "verdicts": Verdict.objects.count(),
        "hot_verdicts": Verdict.objects.filter(figure__public_id__in=hot_figures).count(),
        "hot_versions": sorted(hot),
    }


def backlog_create(*, docs: list[Document], integration_name: str) -> tuple[int, list[int]]:
    """Queued articles as `services.article_submit` leaves them (an Article in
    status queued at revision 1, its ArticleRevision, its `article.created`
    audit event), written with bulk_create. Nothing is published: the caller
    publishes `extract_article` for each id. Returns (integration id, ids)."""
    integration = Integration.objects.create(name=integration_name)
    outlets = [services.outlet_get_or_create(name=name) for name in OUTLETS]
    rng = random.Random(3)
    ids: list[int] = []
    batch = 1000
    for start in range(0, len(docs), batch):
        chunk = docs[start : start + batch]
        with transaction.atomic():
            articles = []
            for i, doc in enumerate(chunk, start=start):
                title = f"Backlog article {i}: {doc.text[:60].strip()}"
                articles.append(
                    Article(
                        integration=integration,
                        external_id=f"backlog-{i}",
                        outlet=outlets[i % len(outlets)],
                        url=f"https://news.example.com/backlog/{i}",
                        title=title,
                        byline=rng.choice(["", "Staff reporter", "Dana Reyes"]),
                        published_at=dt.datetime.combine(doc.published, dt.time(9), tzinfo=dt.UTC),
                        text=doc.text,
                        html="",
                        content_hash=services.article_content_hash(title, doc.text),
                        revision=1,
                        status=Article.Status.QUEUED,
                    )
                )
            Article.objects.bulk_create(articles)
            ArticleRevision.objects.bulk_create(
                ArticleRevision(
                    article=a,
                    number=1,
                    title=a.title,
                    text=a.text,
                    html="",
                    content_hash=a.content_hash,
                )
                for a in articles
            )
            AuditEvent.objects.bulk_create(
                AuditEvent(
                    actor=None,
                    action="article.created",
                    object_type="article",
                    object_id=str(a.public_id),
                    before=None,
                    after={"revision": 1, "content_hash": a.content_hash},
                )
                for a in articles
            )
            ids.extend(a.pk for a in articles)
    return integration.pk, ids


def backlog_publish(*, ids: list[int]) -> None:
    """Publish extract_article for each id, as article_enqueue_extraction does
    after each submit's commit, over one broker connection."""
    from claims import tasks
    from factcheck.celery import app

    with app.producer_or_acquire() as producer:
        for pk in ids:
            tasks.extract_article.apply_async((pk,), producer=producer)


def backlog_progress(*, integration_id: int) -> dict[str, int]:
    """One cheap query: how far the drain is."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE status IN ('ready', 'in_review')),"
            " count(*) FILTER (WHERE status = 'failed'),"
            " count(*) FILTER (WHERE story_id IS NOT NULL),"
            " count(*) FROM claims_article WHERE integration_id = %s",
            [integration_id],
        )
        done, failed, placed, total = cursor.fetchone()
    return {"extracted": done, "failed": failed, "placed": placed, "total": total}


def backlog_check(*, integration_id: int) -> dict:
    """Exactly-once and consistency checks after the drain, and the run
    timings the database recorded."""
    articles = Article.objects.filter(integration_id=integration_id)
    runs = ExtractionRun.objects.filter(article__integration_id=integration_id)
    succeeded = runs.filter(status=ExtractionRun.Status.SUCCEEDED)
    twice = (
        succeeded.values("article_id", "revision").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    duplicate_spans = (
        Figure.objects.filter(article__integration_id=integration_id, is_current=True)
        .values("article_id", "start", "end")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    with connection.cursor() as cursor:
        # A run's figure_count against the current figures stored for it.
        cursor.execute(
            """
            SELECT count(*) FROM claims_extractionrun r
            JOIN claims_article a ON a.id = r.article_id
            WHERE a.integration_id = %s AND r.status = 'succeeded'
              AND r.figure_count <> (SELECT count(*) FROM claims_figure f
                                      WHERE f.article_id = r.article_id AND f.is_current)
            """,
            [integration_id],
        )
        (count_mismatch,) = cursor.fetchone()
        # Each article indexed once for cross-checking: TermStat's document
        # counter against the articles with postings (all articles, not only
        # this run's: the database is this bench's own).
        cursor.execute(
            "SELECT (SELECT df FROM claims_termstat WHERE term = %s),"
            " (SELECT count(DISTINCT article_id) FROM claims_articleterm)",
            [_docs_term()],
        )
        docs_counter, indexed = cursor.fetchone()
        cursor.execute(
            """
            SELECT percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP
                     (ORDER BY extract(epoch FROM r.finished_at - r.started_at)),
                   min(r.started_at), max(r.finished_at), avg(r.figure_count),
                   sum(r.figure_count)
            FROM claims_extractionrun r JOIN claims_article a ON a.id = r.article_id
            WHERE a.integration_id = %s AND r.status = 'succeeded'
            """,
            [integration_id],
        )
        pcts, first_start, last_finish, mean_figures, total_figures = cursor.fetchone()
        cursor.execute(
            """
            SELECT n, count(*) FROM (
              SELECT count(*) AS n FROM claims_article
              WHERE integration_id = %s AND story_id IS NOT NULL GROUP BY story_id) s
            GROUP BY n ORDER BY n
            """,
            [integration_id],
        )
        story_sizes = cursor.fetchall()
    return {
        "articles": articles.count(),
        "not_extracted": articles.exclude(
            status__in=[Article.Status.READY, Article.Status.IN_REVIEW]
        ).count(),
        "runs": runs.count(),
        "runs_succeeded": succeeded.count(),
        "runs_failed": runs.filter(status=ExtractionRun.Status.FAILED).count(),
        "runs_attempted_more_than_once": runs.filter(attempts__gt=1).count(),
        "revisions_with_two_succeeded_runs": twice,
        "duplicate_current_figure_spans": duplicate_spans,
        "runs_whose_figure_count_differs": count_mismatch,
        "termstat_docs_counter": docs_counter,
        "articles_indexed": indexed,
        "run_seconds_p50": round(pcts[0], 4) if pcts else None,
        "run_seconds_p95": round(pcts[1], 4) if pcts else None,
        "first_run_started": first_start.timestamp() if first_start else None,
        "last_run_finished": last_finish.timestamp() if last_finish else None,
        "figures_per_article": round(float(mean_figures or 0), 1),
        "figures_total": int(total_figures or 0),
        "story_sizes": [[int(n), int(c)] for n, c in story_sizes],
        "now": timezone.now().timestamp(),
    }


def _docs_term() -> str:
    from claims.models import TermStat

    return TermStat.DOCS
