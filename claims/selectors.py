"""Reads that cross relations, with the joins and counts each page needs done
in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from claims.models import Article, ExtractionRun, Figure, Verdict


def _current(status: str | None = None) -> Q:
    q = Q(figures__is_current=True)
    return q & Q(figures__status=status) if status else q


def article_queue(*, status: str = "") -> QuerySet[Article]:
    """Articles for the queue, newest first, with per-status figure counts."""
    qs = (
        Article.objects.select_related("outlet", "story")
        .annotate(
            figure_count=Count("figures", filter=_current()),
            pending_count=Count("figures", filter=_current(Figure.Status.PENDING)),
            approved_count=Count("figures", filter=_current(Figure.Status.APPROVED)),
            disputed_count=Count("figures", filter=_current(Figure.Status.DISPUTED)),
        )
        .order_by("-created_at", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def article_for_review(*, public_id: str) -> Article:
    """The article with its current figures (and their verdict history, with
    reviewers) prefetched. Raises Article.DoesNotExist."""
    verdicts = Verdict.objects.select_related("reviewer").order_by("created_at", "id")
    figures = (
        Figure.objects.filter(is_current=True)
        .order_by("start")
        .prefetch_related(Prefetch("verdicts", queryset=verdicts))
    )
    return (
        Article.objects.select_related("outlet", "story")
        .prefetch_related(Prefetch("figures", queryset=figures, to_attr="current_figures"))
        .get(public_id=public_id)
    )


def extraction_run_latest(*, article: Article) -> ExtractionRun | None:
    return article.extraction_runs.filter(revision=article.revision).order_by("-created_at").first()


def figure_progress(figures: list[Figure]) -> dict[str, int]:
    counts = {status: 0 for status in Figure.Status.values}
    for figure in figures:
        counts[figure.status] += 1
    counts["total"] = len(figures)
    counts["decided"] = counts["total"] - counts[Figure.Status.PENDING]
    return counts
