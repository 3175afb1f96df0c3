"""Background work the UI can show and poll."""

import uuid

from django.db import models

from .articles import Article


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
