"""Where articles come from and the text their figures point into."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


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
    # What the last cross-check read: article id -> that article's updated_at.
    # A check queued for an article already read this way can be skipped.
    checked_state = models.JSONField(default=dict, blank=True, editable=False)
    # Why the story is not checked: its last check ran out of time on every
    # attempt. Emptied by the next check that finishes.
    check_error = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title or f"Story {self.public_id}"


class ArticleStatus(models.TextChoices):
    FETCHING = "fetching", "Fetching"  # submitted as a URL; a worker downloads it
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
    # Claimed by a reviewer so two people do not review it unknowingly.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_articles",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # The stuck-work sweeper's attempts at the work of one state ("status:
    # revision" in requeue_state): each republish counts, and after
    # STUCK_WORK_MAX_ATTEMPTS the article fails with the reason. Counting per
    # state needs no reset wherever the status moves on.
    requeue_count = models.PositiveSmallIntegerField(default=0, editable=False)
    requeue_state = models.CharField(max_length=40, blank=True, editable=False)
    requeued_at = models.DateTimeField(null=True, blank=True, editable=False)
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
            # CMSs poll the API for articles changed since their last pull.
            models.Index(fields=["updated_at"], name="claims_article_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_processing(self) -> bool:
        return self.status in (self.Status.FETCHING, self.Status.QUEUED, self.Status.EXTRACTING)


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
