"""Figures found in articles, and reviewers' verdicts on them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .articles import Article


class FigureKind(models.TextChoices):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    DURATION = "duration"
    TIME = "time"
    DATE = "date"
    RATE = "rate"
    ORDINAL = "ordinal"
    RANGE = "range"
    YEAR = "year"
    AGE = "age"
    SCORE = "score"
    VAGUE = "vague"


class FrameModality(models.TextChoices):
    ACTUAL = "actual", "Actual"
    FORECAST = "forecast", "Forecast"
    ESTIMATE = "estimate", "Estimate"
    TARGET = "target", "Target"
    HISTORICAL = "historical", "Historical"


class FrameDirection(models.TextChoices):
    UP = "up", "Up"
    DOWN = "down", "Down"
    NONE = "none", "No change"


class FigureStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    DISPUTED = "disputed", "Disputed"


class Figure(models.Model):
    """A figure found in an article's text: what a reviewer approves or
    disputes. A figure unchanged by a new revision is carried over (its
    offsets and `revision` move), so its verdicts stay attached; one that
    changed is retired (is_current=False) and kept with its history."""

    Kind = FigureKind
    Status = FigureStatus
    Modality = FrameModality
    Direction = FrameDirection

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="figures")
    # The latest article revision this figure appears in.
    revision = models.PositiveIntegerField()
    is_current = models.BooleanField(default=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    surface = models.CharField(max_length=500)
    # Normalized as the engine gives it: a number, a date string, or
    # [low, high] for ranges and scores.
    value = models.JSONField()
    unit = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    approx = models.BooleanField(default=False)
    qualifier = models.CharField(max_length=100, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    attributed_to = models.CharField(max_length=300, blank=True)
    sentence_start = models.PositiveIntegerField(default=0)
    sentence_end = models.PositiveIntegerField(default=0)
    overflow = models.BooleanField(default=False)
    # The figure's frame (claims.extraction.types.Frame): what it is a figure of. Blank on
    # figures extracted before frames existed (frame_modality "" means "no frame read");
    # the frame's source is attributed_to.
    frame_measure = models.CharField(max_length=200, blank=True, default="")
    frame_scope = models.CharField(max_length=200, blank=True, default="")
    frame_time = models.CharField(max_length=200, blank=True, default="")
    frame_time_iso = models.CharField(max_length=40, blank=True, default="")
    frame_modality = models.CharField(
        max_length=20, blank=True, default="", choices=FrameModality.choices
    )
    frame_direction = models.CharField(
        max_length=10, blank=True, default="", choices=FrameDirection.choices
    )
    extractor_version = models.CharField(max_length=40)
    # Derived from the latest verdict by services.verdict_record.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # Bumped on every verdict: a reviewer's write names the version it saw.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            # One figure per span of the current text; retired figures may
            # share spans with their successors.
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                condition=Q(is_current=True),
                name="claims_figure_unique_current_span",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="claims_figure_span_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FigureStatus.values),
                name="claims_figure_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=FigureKind.values), name="claims_figure_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="claims_figure_version_positive"
            ),
        ]
        indexes = [
            # Progress counts per article and status (queue and review page).
            models.Index(
                fields=["article", "is_current", "status"], name="claims_figure_progress_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.surface} ({self.kind})"

    @property
    def has_frame(self) -> bool:
        return bool(self.frame_modality)

    @property
    def sentence(self) -> str:
        return self.article.text[self.sentence_start : self.sentence_end]


class VerdictDecision(models.TextChoices):
    APPROVE = "approve", "Approve"
    DISPUTE = "dispute", "Dispute"
    # Undo writes a new verdict that returns the figure to its earlier
    # status, so the history keeps both.
    UNDO = "undo", "Undo"


class Verdict(models.Model):
    """A reviewer's decision on a figure. Append-only: the figure's history."""

    Decision = VerdictDecision

    class Reason(models.TextChoices):
        MISQUOTE = "misquote", "Misquote"
        WRONG_UNIT = "wrong_unit", "Wrong unit"
        WRONG_PERIOD = "wrong_period", "Wrong period"
        OUTDATED = "outdated", "Outdated"
        NO_SOURCE = "no_source", "No source"
        ARITHMETIC = "arithmetic", "Arithmetic"
        OTHER = "other", "Other"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    figure = models.ForeignKey(Figure, on_delete=models.PROTECT, related_name="verdicts")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    corrected_value = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    evidence_url = models.URLField(max_length=2000, blank=True)
    # The figure version the reviewer saw, and the status it left behind.
    figure_version = models.PositiveIntegerField()
    status_after = models.CharField(max_length=20, choices=FigureStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["figure", "created_at", "id"]
        permissions = [("overrule_verdict", "Can change a figure another reviewer decided")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision="dispute") | ~Q(reason=""),
                name="claims_verdict_dispute_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=VerdictDecision.values),
                name="claims_verdict_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.figure.surface} by {self.reviewer}"
