"""The CMS path end to end with a real worker: an article posted to the API
is extracted, a verdict is recorded through the API, and both events reach a
local receiver that fails at first and then recovers: every event delivered
once (by event id), every signature valid."""

import pytest
from rest_framework.test import APIClient

from claims import webhooks
from claims.api import keys
from claims.models import Article, Integration, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests import factories
from tests.claims.api.receiver import Receiver
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.integration


@pytest.fixture
def _webhook_env(monkeypatch):
    # Read by the worker process at start: loopback receiver, quick retries.
    monkeypatch.setenv("WEBHOOKS_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setenv("WEBHOOK_BACKOFF_BASE", "1")


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


def test_cms_events_reach_a_flaky_receiver_through_a_real_worker(
    _webhook_env, receiver, worker, reviewer, settings
):
    settings.API_RATE_PER_MINUTE = 10_000
    integration = Integration.objects.create(name="Live CMS")
    receiver.secret = webhooks.endpoint_secret_generate()
    WebhookEndpoint.objects.create(
        integration=integration,
        url=receiver.start(),
        events=[WebhookEvent.ARTICLE_READY, WebhookEvent.FIGURE_DECIDED],
        secret=receiver.secret,
    )
    receiver.script = [500, 503]  # the first two deliveries fail
    key = keys.api_key_create(
        integration=integration,
        scopes=["articles:write", "articles:read", "verdicts:write"],
        acting_user=reviewer,
    ).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")

    posted = client.post(
        "/api/v1/articles",
        {"external_id": "live-1", "title": "Budget", "text": factories.SAMPLE_TEXT},
        format="json",
    )
    assert posted.status_code == 202
    article = Article.objects.get(public_id=posted.json()["id"])

    def ready():
        article.refresh_from_db()
        return article.status == Article.Status.READY

    wait_for(ready, timeout=60, worker=worker, what="the article to be extracted")
    figure = factories.current_figures(article)[0]
    verdict = client.post(
        f"/api/v1/figures/{figure.public_id}/verdicts",
        {"decision": "approve"},
        format="json",
        headers={"If-Match": 'W/"1"'},
    )
    assert verdict.status_code == 201

    def all_delivered():
        statuses = list(WebhookDelivery.objects.values_list("status", flat=True))
        return len(statuses) == 2 and set(statuses) == {WebhookDelivery.Status.DELIVERED}

    wait_for(all_delivered, timeout=90, worker=worker, what="both webhooks to be delivered")
    deliveries = list(WebhookDelivery.objects.order_by("sequence"))
    assert [d.event_type for d in deliveries] == ["article.ready", "figure.decided"]
    assert sorted(receiver.delivered_ids()) == sorted(d.event_id for d in deliveries)
    assert len(receiver.received) == 4  # two failures, then one success per event
    assert all(r.signature_ok for r in receiver.received)
