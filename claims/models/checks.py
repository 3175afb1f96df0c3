"""Cross-checking: the index that places articles in stories, and the
findings (conflicts, agreements, inconsistencies) reviewers act on."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from .articles import Article, Story
from .figures import Figure


class ArticleTerm(models.Model):
    """One distinctive term of an article's fingerprint: the postings of the
    inverted index that finds candidate stories without scanning articles."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=100)
    weight = models.FloatField()
    # Publication day as an ordinal, so the time window is an index range.
    day = models.IntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "term"], name="claims_articleterm_unique"),
        ]
        indexes = [
            # Story placement: postings of a few terms within a window of days.
            models.Index(fields=["term", "day"], name="claims_articleterm_term_day"),
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.weight:g})"


class TermStat(models.Model):
    """How many fingerprinted articles carry each term (for IDF weights);
    the row DOCS counts the articles themselves."""

    DOCS = "__docs__"

    term = models.CharField(max_length=100, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term}: {self.df}"


class FindingType(models.TextChoices):
    CONFLICT = "conflict", "Conflict"
    INCONSISTENT = "inconsistent", "Does not add up"
    AGREE = "agree", "Agrees"
    # one measure at two as-of times (a toll that rose, data revised): a timeline
    UPDATE = "update", "Later figure"
    # two named sources give different values (two agencies, two polls): shown as such
    SOURCES = "sources", "Sources differ"


# What a reviewer must look at (counted in headers, sent as conflict.found); agreements
# and later figures are context.
PROBLEM_TYPES = (FindingType.CONFLICT, FindingType.INCONSISTENT)


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class FindingDismissReason(models.TextChoices):
    """Why a reviewer dismissed a finding."""

    NOT_SAME_FACT = "not_same_fact", "Not the same fact"
    UPDATE = "update", "An update (later figure)"
    ROUNDING = "rounding", "Rounding"
    OTHER = "other", "Other"


class Finding(models.Model):
    """What the checker found about some figures: two articles that disagree
    (or agree) on the same quantity, or figures in one article that cannot
    all be true. Re-running the checker updates findings by `key`."""

    Type = FindingType
    Status = FindingStatus
    DismissReason = FindingDismissReason

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    type = models.CharField(max_length=20, choices=FindingType.choices)
    # Sorted figure ids and the type: the same finding found again is the same row.
    key = models.CharField(max_length=200)
    why = models.TextField()
    score = models.FloatField(default=1.0)
    status = models.CharField(max_length=20, choices=FindingStatus.choices, default="open")
    # False once a re-check no longer finds it (the text changed); kept for history.
    is_current = models.BooleanField(default=True)
    # Why it was dismissed (its last review), shown on it; blank unless dismissed.
    dismiss_reason = models.CharField(
        max_length=20, choices=FindingDismissReason.choices, blank=True, default=""
    )
    dismiss_note = models.TextField(blank=True, default="")
    figures = models.ManyToManyField(Figure, through="FindingFigure", related_name="findings")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="claims_finding_unique_key"),
            models.CheckConstraint(
                condition=Q(type__in=FindingType.values), name="claims_finding_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FindingStatus.values), name="claims_finding_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(dismiss_reason__in=["", *FindingDismissReason.values]),
                name="claims_finding_dismiss_reason_valid",
            ),
        ]
        indexes = [
            # The queue sorts and filters by open conflicts per story.
            models.Index(fields=["story", "type", "status"], name="claims_finding_story_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.why[:60]}"


class FindingFigure(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE)
    figure = models.ForeignKey(Figure, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["finding", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["finding", "figure"], name="claims_findingfigure_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.finding_id}:{self.position}"


class FindingReviewDecision(models.TextChoices):
    CONFIRM = "confirm", "Confirm"
    DISMISS = "dismiss", "Dismiss"


class FindingReview(models.Model):
    """A reviewer confirms or dismisses a finding. Append-only history."""

    Decision = FindingReviewDecision

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="finding_reviews"
    )
    Reason = FindingDismissReason

    decision = models.CharField(max_length=20, choices=Decision.choices)
    # Why a dismissal (required for new ones; blank for a confirmation and for
    # dismissals recorded before reasons were asked).
    reason = models.CharField(
        max_length=20, choices=FindingDismissReason.choices, blank=True, default=""
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=["", *FindingDismissReason.values]),
                name="claims_findingreview_reason_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision="dismiss") | Q(reason=""),
                name="claims_findingreview_reason_only_dismiss",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer}"
