"""Cross-checking reaches integrations: `conflicts` on the article and the
`conflict.found` webhook, on the demo story (our own text)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from claims import crosschecking, services, webhooks
from claims.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests.claims.api.receiver import Receiver

pytestmark = pytest.mark.django_db

DEMO = json.loads((Path(__file__).resolve().parents[3] / "claims/demo/articles.json").read_text())


def submit_demo(integration):
    articles = []
    for n, item in enumerate(DEMO):
        result = services.article_submit(
            title=item["title"],
            text=item["text"],
            outlet_name=item["outlet"],
            published_at=dt.datetime.fromisoformat(item["published"]).replace(tzinfo=dt.UTC),
            integration=integration,
            external_id=f"demo-{n}",
        )
        services.article_extract(article_id=result.article.pk)
        crosschecking.article_crosscheck(article_id=result.article.pk)
        articles.append(result.article)
    return articles


def test_the_article_lists_its_conflicts_with_the_other_outlet(api_client, integration):
    _, northgate, _ = submit_demo(integration)
    body = api_client.get(f"/api/v1/articles/{northgate.public_id}").json()
    conflicts = body["conflicts"]
    assert len(conflicts) == 2
    first = conflicts[0]
    assert first["type"] == "conflict" and first["status"] == "open"
    assert "factor of 10" in first["why"]
    surfaces = sorted(f["surface"] for f in first["figures"])
    assert surfaces == ["1,200", "12,000"]
    assert {f["outlet"] for f in first["figures"]} >= {"Northgate Post"}


def test_a_new_conflict_is_delivered_once_signed(integration, settings):
    settings.WEBHOOK_BACKOFF_BASE = 0
    receiver = Receiver()
    receiver.secret = webhooks.endpoint_secret_generate()
    try:
        WebhookEndpoint.objects.create(
            integration=integration,
            url=receiver.start(),
            events=[WebhookEvent.CONFLICT_FOUND],
            secret=receiver.secret,
        )
        submit_demo(integration)
        # Checking the story again finds the same conflicts: no new events.
        for article in integration.articles.all():
            crosschecking.article_crosscheck(article_id=article.pk)
        deliveries = list(WebhookDelivery.objects.filter(event_type="conflict.found"))
        assert len(deliveries) == 2
        for delivery in deliveries:
            webhooks.delivery_attempt(delivery_id=delivery.pk)
        assert len(set(receiver.delivered_ids())) == 2
        assert all(r.signature_ok for r in receiver.received)
        payload = receiver.received[0].payload
        assert payload["type"] == "conflict.found"
        assert "factor of 10" in payload["data"]["why"]
    finally:
        receiver.stop()


def test_a_later_figure_is_neither_listed_as_a_conflict_nor_sent_as_one(
    api_client, integration, settings
):
    from claims.models import Finding

    settings.WEBHOOK_BACKOFF_BASE = 0
    WebhookEndpoint.objects.create(
        integration=integration, url="https://cms.example.org/hooks",
        events=[WebhookEvent.CONFLICT_FOUND], secret=webhooks.endpoint_secret_generate(),
    )  # fmt: skip
    text = ("Floods in the Varden valley had killed {n} people by March {d}, the regional "
            "authority said, as rescue boats searched the lower villages of the valley.")
    ids = []
    for n, (toll, day) in enumerate(((41, 3), (57, 4))):
        result = services.article_submit(
            title=f"Varden floods: {toll} dead", text=text.format(n=toll, d=day),
            outlet_name=("Valley Post", "River Times")[n],
            published_at=dt.datetime(2026, 3, day + 1, 9, tzinfo=dt.UTC),
            integration=integration, external_id=f"flood-{n}",
        )  # fmt: skip
        services.article_extract(article_id=result.article.pk)
        crosschecking.article_crosscheck(article_id=result.article.pk)
        ids.append(result.article.public_id)
    assert Finding.objects.filter(type="update").count() == 1
    body = api_client.get(f"/api/v1/articles/{ids[1]}").json()
    assert body["conflicts"] == []
    assert not WebhookDelivery.objects.filter(event_type=WebhookEvent.CONFLICT_FOUND).exists()
