"""What a CMS integration holds: API keys (stored as hashes), webhook
endpoints with their delivery log, and idempotency records of its writes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from .articles import Integration


class ApiScope(models.TextChoices):
    ARTICLES_WRITE = "articles:write", "Submit articles"
    ARTICLES_READ = "articles:read", "Read articles, figures and verdicts"
    VERDICTS_WRITE = "verdicts:write", "Record verdicts (as the key's acting reviewer)"


class ApiKey(models.Model):
    """A secret a CMS sends as `Authorization: Bearer <key>`.

    The key is shown once when created (claims.api.keys.api_key_create); only
    its SHA-256 is stored. `prefix` is the short public start of the key, used
    to find the row before comparing hashes and to tell keys apart in lists.
    """

    Scope = ApiScope

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    integration = models.ForeignKey(Integration, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(default=list)
    # Verdicts written with this key are recorded as this reviewer.
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acting_api_keys",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_api_keys",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API key"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.integration} {self.prefix}… {self.name}".strip()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])


class WebhookEvent(models.TextChoices):
    ARTICLE_READY = "article.ready", "Article ready for review (figures extracted)"
    FIGURE_DECIDED = "figure.decided", "Figure approved, disputed or undone"
    ARTICLE_REVIEWED = "article.reviewed", "Article marked reviewed"
    CONFLICT_FOUND = "conflict.found", "Cross-check found a conflict"


class WebhookEndpoint(models.Model):
    """A URL of an integration that receives the events it subscribed to,
    signed with `secret` (Standard Webhooks: "whsec_" + base64 key)."""

    Event = WebhookEvent

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    integration = models.ForeignKey(
        Integration, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list)
    secret = models.CharField(max_length=100, editable=False)
    is_active = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    # The last sequence number given to a delivery of this endpoint.
    sequence = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["integration", "url"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(models.Model):
    """One event for one endpoint: written in the transaction that made the
    event happen (an outbox row), sent by claims.tasks.deliver_webhook after
    commit, retried with backoff. The delivery log editors read."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (gave up)"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    # The webhook-id header: stable across retries, the receiver's dedupe key.
    event_id = models.CharField(max_length=64)
    event_type = models.CharField(max_length=40, choices=WebhookEvent.choices)
    sequence = models.PositiveBigIntegerField()
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="claims_webhookdelivery_unique_event"
            ),
            # Receivers order events of an endpoint by sequence.
            models.UniqueConstraint(
                fields=["endpoint", "sequence"], name="claims_webhookdelivery_unique_sequence"
            ),
        ]
        indexes = [
            # The sweeper looks for pending deliveries that are due.
            models.Index(
                fields=["status", "next_attempt_at"],
                condition=Q(status__in=["pending", "sending"]),
                name="claims_webhook_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} #{self.sequence} → {self.endpoint} ({self.status})"


class IdempotencyRecord(models.Model):
    """The answer given to a write sent with an `Idempotency-Key` header, so a
    retried request gets the same answer and a reused key with another body
    is refused."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="idempotency")
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField()
    response_body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["api_key", "key"], name="claims_idempotency_unique_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.api_key.prefix} {self.key}"
