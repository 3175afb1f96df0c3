"""Outgoing webhooks to CMS integrations.

- Emission (`article_ready`, `figure_decided`, `event_emit`) writes one
  WebhookDelivery row per subscribed endpoint in the caller's transaction (an
  outbox: a rolled-back change sends nothing) and enqueues the delivery task
  with transaction.on_commit.
- Each delivery carries a unique event id (`webhook-id`, stable across
  retries: receivers dedupe on it) and a per-endpoint `sequence`.
- Signing follows Standard Webhooks: HMAC-SHA256 over "<id>.<timestamp>.<body>"
  with the endpoint's "whsec_<base64>" secret, sent as
  `webhook-signature: v1,<base64>`.
- `delivery_attempt` makes one attempt: 2xx delivers; 5xx, 408, 429,
  timeouts and connection errors are retried with exponential backoff and full
  jitter for WEBHOOK_RETRY_WINDOW seconds; 410 disables the endpoint; other
  answers fail the delivery. Redirects are not followed.
- URLs resolving to private, loopback, link-local or reserved addresses are
  refused at registration and again before every send, unless
  WEBHOOKS_ALLOW_PRIVATE_URLS is on.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import random
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from claims.models import Article, Figure, Verdict, WebhookDelivery, WebhookEndpoint, WebhookEvent
from claims.netsafety import public_url_check

logger = logging.getLogger(__name__)

SECRET_PREFIX = "whsec_"  # noqa: S105 (a format marker, not a secret)
# A delivery still marked sending after this long belongs to a dead worker.
SENDING_LEASE_SECONDS = 300
MAX_RESPONSE_BYTES = 1024


# ------------------------------------------------------------------ signing
def endpoint_secret_generate() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _secret_bytes(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(*, secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value: "v1,<base64 HMAC-SHA256>"."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_verify(
    *, secret: str, headers: dict[str, str], body: bytes, tolerance: int = 300
) -> bool:
    """What a receiver does (used in tests): check the timestamp is recent and
    one of the space-separated signatures matches, in constant time."""
    lower = {k.lower(): v for k, v in headers.items()}
    try:
        msg_id, ts = lower["webhook-id"], int(lower["webhook-timestamp"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - ts) > tolerance:
        return False
    expected = signature(secret=secret, msg_id=msg_id, timestamp=ts, body=body)
    return any(
        hmac.compare_digest(expected, sig) for sig in lower.get("webhook-signature", "").split()
    )


# -------------------------------------------------------------- URL safety
def url_check(url: str) -> None:
    """Raise ValidationError unless `url` is http(s) and resolves only to
    public addresses (or WEBHOOKS_ALLOW_PRIVATE_URLS is on). Checked again
    before each send."""
    public_url_check(url, allow_private=settings.WEBHOOKS_ALLOW_PRIVATE_URLS)


# ----------------------------------------------------------------- emission
def _api_url(name: str, public_id) -> str:
    return settings.FACTCHECK_PUBLIC_URL + reverse(name, args=[public_id])


def event_emit(
    *,
    event_type: str,
    integration_id: int | None,
    data: dict[str, Any] | Callable[[], dict[str, Any]],
) -> list[WebhookDelivery]:
    """Write a delivery for every active endpoint of the integration that
    subscribed to `event_type`, and send them after the transaction commits.
    Returns the deliveries (none without an integration)."""
    if integration_id is None:
        return []
    with transaction.atomic():
        endpoints = [
            e
            for e in WebhookEndpoint.objects.select_for_update()
            .filter(integration_id=integration_id, is_active=True)
            .order_by("pk")
            if event_type in (e.events or [])
        ]
        if not endpoints:
            return []
        if callable(data):
            data = data()
        event_id = f"evt_{uuid.uuid4().hex}"
        created = timezone.now()
        deliveries = []
        for endpoint in endpoints:
            # The row lock taken above orders concurrent events per endpoint.
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(sequence=F("sequence") + 1)
            endpoint.refresh_from_db(fields=["sequence"])
            payload = {
                "id": event_id,
                "type": event_type,
                "sequence": endpoint.sequence,
                "created_at": created.isoformat(),
                "data": data,
            }
            deliveries.append(
                WebhookDelivery.objects.create(
                    endpoint=endpoint,
                    event_id=event_id,
                    event_type=event_type,
                    sequence=endpoint.sequence,
                    payload=payload,
                    next_attempt_at=created,
                )
            )
        ids = [d.pk for d in deliveries]
        transaction.on_commit(lambda: deliveries_enqueue(delivery_ids=ids))
    return deliveries


def deliveries_enqueue(*, delivery_ids: list[int]) -> None:
    """Publish the delivery tasks; a broker failure leaves the rows pending
    for the sweeper (claims.tasks.sweep_webhooks)."""
    from claims.tasks import deliver_webhook  # tasks import this module

    for delivery_id in delivery_ids:
        try:
            deliver_webhook.delay(delivery_id)
        except Exception:  # any broker failure; the row is safe
            logger.warning("could not enqueue webhook delivery %s", delivery_id, exc_info=True)


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "id": str(article.public_id),
        "external_id": article.external_id,
        "status": article.status,
        "revision": article.revision,
        "api_url": _api_url("api:article", article.public_id),
    }


def _figure_counts(article: Article, *statuses: str) -> dict[str, int]:
    """The article's current figures: the total and those in each status, in one query."""
    return article.figures.filter(is_current=True).aggregate(
        total=Count("id"), **{s: Count("id", filter=Q(status=s)) for s in statuses}
    )


def article_ready(*, article: Article) -> list[WebhookDelivery]:
    """`article.ready`: the article's figures were extracted."""

    def data() -> dict[str, Any]:
        return {
            "article": _article_data(article),
            "figures": _figure_counts(article, Figure.Status.PENDING),
        }

    return event_emit(
        event_type=WebhookEvent.ARTICLE_READY, integration_id=article.integration_id, data=data
    )


def figure_decided(*, figure: Figure, verdict: Verdict) -> list[WebhookDelivery]:
    """`figure.decided`: a verdict (approve, dispute or undo) was recorded.
    Its `verdict` is the API's verdict object, built by the same function."""
    from claims.api.serializers import verdict_data  # the API layer sits above this one

    article = figure.article
    data = {
        "article": _article_data(article),
        "figure": {
            "id": str(figure.public_id),
            "surface": figure.surface,
            "value": figure.value,
            "unit": figure.unit,
            "kind": figure.kind,
            "status": figure.status,
            "version": figure.version,
            "api_url": _api_url("api:figure", figure.public_id),
        },
        "verdict": verdict_data(verdict),
    }
    return event_emit(
        event_type=WebhookEvent.FIGURE_DECIDED, integration_id=article.integration_id, data=data
    )


# ----------------------------------------------------------------- delivery
@dataclass(frozen=True)
class Attempt:
    outcome: str  # "delivered", "retry", "failed", "skipped"
    retry_in: float | None = None


def backoff_seconds(attempts: int) -> float:
    """Full jitter: uniform in [0, min(MAX, BASE * 2^(attempts-1))]."""
    cap = min(settings.WEBHOOK_BACKOFF_MAX, settings.WEBHOOK_BACKOFF_BASE * 2 ** (attempts - 1))
    return random.uniform(0, cap)  # noqa: S311 (jitter, not a secret)


def _finish(delivery: WebhookDelivery, status: str, **fields: Any) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


def delivery_attempt(*, delivery_id: int) -> Attempt:
    """Make one attempt at a due delivery. Safe to call twice: the delivery is
    claimed with a conditional UPDATE, so a duplicate task does nothing."""
    now = timezone.now()
    due = Q(status=WebhookDelivery.Status.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    stuck = Q(status=WebhookDelivery.Status.SENDING) & Q(
        last_attempt_at__lt=now - timezone.timedelta(seconds=SENDING_LEASE_SECONDS)
    )
    claimed = WebhookDelivery.objects.filter(due | stuck, pk=delivery_id).update(
        status=WebhookDelivery.Status.SENDING, last_attempt_at=now, attempts=F("attempts") + 1
    )
    if claimed != 1:
        return Attempt("skipped")
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _finish(delivery, WebhookDelivery.Status.FAILED, last_error="Endpoint disabled.")
        return Attempt("failed")
    try:
        url_check(endpoint.url)
    except ValidationError as exc:
        _finish(delivery, WebhookDelivery.Status.FAILED, last_error="; ".join(exc.messages)[:500])
        return Attempt("failed")

    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "factcheck-webhooks/1",
        "webhook-id": delivery.event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(
            secret=endpoint.secret, msg_id=delivery.event_id, timestamp=timestamp, body=body
        ),
    }
    code: int | None = None
    error = ""
    try:
        with requests.post(
            endpoint.url,
            data=body,
            headers=headers,
            timeout=(settings.WEBHOOK_CONNECT_TIMEOUT, settings.WEBHOOK_READ_TIMEOUT),
            allow_redirects=False,
            stream=True,
        ) as response:
            code = response.status_code
            if not 200 <= code < 300:
                error = response.raw.read(MAX_RESPONSE_BYTES, decode_content=True).decode(
                    "utf-8", "replace"
                )
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"

    done = timezone.now()
    if code is not None and 200 <= code < 300:
        _finish(
            delivery,
            WebhookDelivery.Status.DELIVERED,
            response_code=code,
            last_error="",
            delivered_at=done,
        )
        return Attempt("delivered")
    if code == 410:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
            is_active=False,
            disabled_reason=f"The receiver answered 410 Gone at {done:%Y-%m-%d %H:%M} UTC.",
        )
        _finish(delivery, WebhookDelivery.Status.FAILED, response_code=code, last_error="410 Gone")
        return Attempt("failed")
    retryable = code is None or code >= 500 or code in (408, 429)
    if code is not None and 300 <= code < 400:
        error = f"Redirect to {error[:200] or 'another address'} not followed."
    delay = backoff_seconds(delivery.attempts)
    window_end = delivery.created_at + timezone.timedelta(seconds=settings.WEBHOOK_RETRY_WINDOW)
    if retryable and done + timezone.timedelta(seconds=delay) < window_end:
        _finish(
            delivery,
            WebhookDelivery.Status.PENDING,
            response_code=code,
            last_error=error[:500],
            next_attempt_at=done + timezone.timedelta(seconds=delay),
        )
        return Attempt("retry", delay)
    _finish(delivery, WebhookDelivery.Status.FAILED, response_code=code, last_error=error[:500])
    return Attempt("failed")


def deliveries_due(*, limit: int = 500) -> list[int]:
    """Ids of deliveries whose message may be lost: pending and due, or stuck
    in sending past the lease."""
    now = timezone.now()
    lease = now - timezone.timedelta(seconds=SENDING_LEASE_SECONDS)
    return list(
        WebhookDelivery.objects.filter(
            Q(
                status=WebhookDelivery.Status.PENDING,
                next_attempt_at__lte=now - timezone.timedelta(seconds=60),
            )
            | Q(status=WebhookDelivery.Status.SENDING, last_attempt_at__lt=lease)
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def delivery_redeliver(*, delivery: WebhookDelivery) -> None:
    """Send a finished delivery again (same event id and sequence), now."""
    WebhookDelivery.objects.filter(pk=delivery.pk).exclude(
        status=WebhookDelivery.Status.SENDING
    ).update(status=WebhookDelivery.Status.PENDING, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: deliveries_enqueue(delivery_ids=[delivery.pk]))


def article_reviewed(*, article: Article) -> list[WebhookDelivery]:
    """`article.reviewed`: an editor closed the review (every figure decided)."""

    def data() -> dict[str, Any]:
        return {
            "article": _article_data(article),
            "figures": _figure_counts(article, Figure.Status.APPROVED, Figure.Status.DISPUTED),
        }

    return event_emit(
        event_type=WebhookEvent.ARTICLE_REVIEWED, integration_id=article.integration_id, data=data
    )


def finding_data(finding) -> dict[str, Any]:
    """A cross-check finding as integrations see it (webhooks and the API)."""
    members = getattr(finding, "members", None)
    if members is None:
        members = finding.findingfigure_set.select_related("figure__article__outlet").order_by(
            "position"
        )
    return {
        "id": str(finding.public_id),
        "type": finding.type,
        "status": finding.status,
        "why": finding.why,
        "dismissal": (
            {"reason": finding.dismiss_reason, "note": finding.dismiss_note}
            if finding.status == "dismissed" and finding.dismiss_reason
            else None
        ),
        "figures": [
            {
                "figure": str(m.figure.public_id),
                "article": str(m.figure.article.public_id),
                "outlet": m.figure.article.outlet.name if m.figure.article.outlet_id else "",
                "surface": m.figure.surface,
            }
            for m in members
        ],
    }


def conflict_found(*, finding) -> list[WebhookDelivery]:
    """`conflict.found`: cross-checking found figures that contradict each
    other; sent to every integration owning one of the articles. The
    payload is built once, and only if some endpoint subscribed."""
    data = functools.cache(lambda: finding_data(finding))

    integrations = sorted(
        set(
            Article.objects.filter(
                figures__findingfigure__finding=finding, integration__isnull=False
            ).values_list("integration_id", flat=True)
        )
    )
    deliveries: list[WebhookDelivery] = []
    for integration_id in integrations:
        deliveries += event_emit(
            event_type=WebhookEvent.CONFLICT_FOUND, integration_id=integration_id, data=data
        )
    return deliveries
