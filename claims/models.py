"""Data of the review workflow. Writes go through claims.services, reads that
cross relations through claims.selectors; models hold data, constraints and
small derived properties only."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class Outlet(models.Model):
    """A publication whose articles we check."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Integration(models.Model):
    """A CMS that pushes articles to us and receives verdicts (API keys and
    webhooks hang off it)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Story(models.Model):
    """Articles from different outlets about the same event; figures are
    cross-checked within a story."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title or f"Story {self.public_id}"


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    EXTRACTING = "extracting", "Extracting"
    READY = "ready", "Ready for review"
    IN_REVIEW = "in_review", "In review"
    REVIEWED = "reviewed", "Reviewed"
    FAILED = "failed", "Failed"


class Article(models.Model):
    Status = ArticleStatus

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    integration = models.ForeignKey(
        Integration, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    external_id = models.CharField(max_length=200, blank=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The plain text that figure offsets point into; `html` is the sanitized
    # original when HTML came in.
    text = models.TextField()
    html = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64)
    revision = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A CMS identifies its articles by its own id: re-posting one
            # updates it instead of creating a duplicate.
            models.UniqueConstraint(
                fields=["integration", "external_id"],
                condition=Q(integration__isnull=False) & ~Q(external_id=""),
                name="claims_article_unique_external_id",
            ),
            models.CheckConstraint(
                condition=Q(revision__gte=1), name="claims_article_revision_positive"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="claims_article_status_valid",
            ),
        ]
        indexes = [
            # The queue lists articles by status, newest first; the stuck-work
            # sweeper looks for old queued/extracting rows.
            models.Index(fields=["status", "-created_at"], name="claims_article_status_idx"),
            # Story pages and cross-checking read a story's articles.
            models.Index(fields=["story", "published_at"], name="claims_article_story_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_processing(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.EXTRACTING)


class ArticleRevision(models.Model):
    """Every text an article has had, so figures of older revisions keep the
    text their offsets point into."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    text = models.TextField()
    html = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="claims_articlerevision_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} (revision {self.number})"


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


class ExtractionRun(models.Model):
    """One background extraction of one article revision: what the UI polls."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="extraction_runs")
    revision = models.PositiveIntegerField()
    extractor_version = models.CharField(max_length=40)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    figure_count = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A redelivered or repeated task finds the run already there and
            # does nothing: one run per revision and engine version.
            models.UniqueConstraint(
                fields=["article", "revision", "extractor_version"],
                name="claims_extractionrun_once_per_revision",
            ),
        ]
        indexes = [
            # The sweeper looks for runs stuck in queued/running.
            models.Index(fields=["status", "created_at"], name="claims_run_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Extraction of {self.article} r{self.revision} ({self.status})"

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class AuditEvent(models.Model):
    """Who did what to which object, when, with the state before and after.
    Append-only."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # An object's history, newest first.
            models.Index(
                fields=["object_type", "object_id", "-created_at"], name="claims_audit_object_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}:{self.object_id}"
