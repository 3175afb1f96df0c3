"""Reads that cross relations, with the joins and counts each page needs done
in a fixed number of queries."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet

from claims.models import (
    PROBLEM_TYPES,
    Article,
    ExtractionRun,
    Figure,
    Finding,
    FindingFigure,
    Outlet,
    Story,
    Verdict,
)

# Findings a reviewer must see first: figures that contradict each other.


def article_list() -> QuerySet[Article]:
    """Articles for the API's list, without their text: paged by creation
    time, then counted with article_progress_attach, so a page costs two
    queries however many articles are stored (counting before the LIMIT
    aggregated every matching article's figures)."""
    return Article.objects.select_related("outlet", "story").defer("text", "html")


def article_progress_attach(articles: list[Article]) -> list[Article]:
    """Set figure_count, pending_count, approved_count and disputed_count
    (current figures) on each article, in one query."""
    if not articles:
        return articles
    status = Figure.Status
    rows = (
        Figure.objects.filter(article_id__in=[a.pk for a in articles], is_current=True)
        .order_by()
        .values("article_id")
        .annotate(
            figure_count=Count("id"),
            pending_count=Count("id", filter=Q(status=status.PENDING)),
            approved_count=Count("id", filter=Q(status=status.APPROVED)),
            disputed_count=Count("id", filter=Q(status=status.DISPUTED)),
        )
    )
    counts = {row.pop("article_id"): row for row in rows}
    empty = dict.fromkeys(("figure_count", "pending_count", "approved_count", "disputed_count"), 0)
    for article in articles:
        for name, value in counts.get(article.pk, empty).items():
            setattr(article, name, value)
    return articles


def _open_problems() -> QuerySet[FindingFigure]:
    """Links of current figures to current conflicts and inconsistencies
    nobody has dismissed."""
    return FindingFigure.objects.filter(
        figure__is_current=True,
        finding__type__in=PROBLEM_TYPES,
        finding__is_current=True,
        finding__status__in=(Finding.Status.OPEN, Finding.Status.CONFIRMED),
    ).order_by()


def article_problems_attach(articles: list[Article]) -> list[Article]:
    """Set conflict_count (open conflicts and inconsistencies) on each
    article, in one query."""
    if not articles:
        return articles
    counts = dict(
        _open_problems()
        .filter(figure__article__in=[a.pk for a in articles])
        .values("figure__article")
        .annotate(n=Count("finding", distinct=True))
        .values_list("figure__article", "n")
    )
    for article in articles:
        article.conflict_count = counts.get(article.pk, 0)
    return articles


def article_queue(
    *,
    status: str = "",
    outlet: str = "",
    story: str = "",
    search: str = "",
    assigned_to=None,
    unassigned: bool = False,
    has_conflicts: bool = False,
) -> QuerySet[Article]:
    """Articles for the queue: those in an open conflict or inconsistency
    first, then newest first; or best match first when searching. Call
    article_progress_attach and article_problems_attach on the page for the
    counts it shows. PostgreSQL searches with full-text
    ranking over title and text; other databases fall back to substring
    matching."""
    # Which articles are in an open problem is one set, computed once (a
    # hashed subplan); counting per article is left to the page's 50
    # (article_progress_attach, article_problems_attach). Counting every
    # article's figures and findings took a second for 5,000 articles
    # (bench/review_page.py).
    in_problem = Q(pk__in=_open_problems().values("figure__article"))
    qs = (
        Article.objects.select_related("outlet", "story", "assigned_to")
        .defer("text", "html")
        .annotate(has_problem=ExpressionWrapper(in_problem, output_field=BooleanField()))
    )
    if has_conflicts:
        qs = qs.filter(in_problem)
    if status:
        qs = qs.filter(status=status)
    if outlet:
        qs = qs.filter(outlet__name=outlet)
    if story:
        qs = qs.filter(story__public_id=story)
    if assigned_to is not None:
        qs = qs.filter(assigned_to=assigned_to)
    elif unassigned:
        qs = qs.filter(assigned_to__isnull=True)
    search = search.strip()
    if not search:
        # Conflicts first: they are what a reviewer must see first.
        return qs.order_by(F("has_problem").desc(), "-created_at", "-id")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("title", weight="A") + SearchVector("text", weight="B")
        query = SearchQuery(search, search_type="websearch", config="english")
        return (
            qs.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)  # the @@ match; ts_rank alone ranks non-matches too
            .order_by("-rank", "-created_at", "-id")
        )
    return qs.filter(Q(title__icontains=search) | Q(text__icontains=search)).order_by(
        "-created_at", "-id"
    )


def recent_stories(limit: int = 50) -> list[Story]:
    """Stories with more than one article, newest first: the ones worth
    filtering the queue by."""
    return list(
        Story.objects.annotate(n=Count("articles")).filter(n__gt=1).order_by("-created_at")[:limit]
    )


def outlet_names() -> list[str]:
    return list(Outlet.objects.order_by("name").values_list("name", flat=True))


def article_for_review(*, public_id: str) -> Article:
    """The article with its current figures in text order (as
    `current_figures`). Raises Article.DoesNotExist. Verdict history is read
    per figure (figure_history), only for the figure on screen."""
    # The text needs only these per figure; the panel loads its one figure
    # in full (figure_for_panel).
    figures = (
        Figure.objects.filter(is_current=True)
        .only("id", "public_id", "article_id", "start", "end", "surface", "status", "version")
        .order_by("start")
    )
    return (
        Article.objects.select_related("outlet", "story")
        .prefetch_related(Prefetch("figures", queryset=figures, to_attr="current_figures"))
        .get(public_id=public_id)
    )


def figure_for_panel(*, figure: Figure) -> Figure:
    """Every field of one figure, for the side panel."""
    return Figure.objects.select_related("article").get(pk=figure.pk)


def figure_history(*, figure: Figure) -> list[Verdict]:
    """A figure's verdicts, oldest first, with their reviewers."""
    return list(figure.verdicts.select_related("reviewer").order_by("created_at", "id"))


def extraction_run_latest(*, article: Article) -> ExtractionRun | None:
    return article.extraction_runs.filter(revision=article.revision).order_by("-created_at").first()


def figure_progress(figures: list[Figure]) -> dict[str, int]:
    counts = {status: 0 for status in Figure.Status.values}
    for figure in figures:
        counts[figure.status] += 1
    counts["total"] = len(figures)
    counts["decided"] = counts["total"] - counts[Figure.Status.PENDING]
    return counts


def _with_members(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    members = FindingFigure.objects.select_related("figure__article__outlet").order_by("position")
    return findings.prefetch_related(
        Prefetch("findingfigure_set", queryset=members, to_attr="members")
    )


_ORDER = {"conflict": 0, "inconsistent": 1, "update": 2, "sources": 3, "agree": 4}


def figure_findings(*, figure: Figure) -> list[Finding]:
    """Current findings about one figure (what other articles say about it)."""
    findings = _with_members(Finding.objects.filter(is_current=True, figures=figure))
    return sorted(findings, key=lambda f: (_ORDER[f.type], -f.score))


def article_findings(*, article: Article) -> list[Finding]:
    """Current findings touching the article's current figures, problems
    first, each with `members` (its FindingFigures, figure, article and
    outlet loaded) in order."""
    findings = _with_members(
        Finding.objects.filter(
            is_current=True, figures__article=article, figures__is_current=True
        ).distinct()
    )
    return sorted(findings, key=lambda f: (_ORDER[f.type], f.status != "open", -f.score))
