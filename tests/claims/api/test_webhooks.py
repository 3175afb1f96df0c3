import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from claims import services, webhooks
from claims.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from claims.tasks import deliver_webhook
from tests import factories
from tests.claims.api.receiver import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def endpoint(integration, receiver, settings):
    settings.WEBHOOK_BACKOFF_BASE = 0  # retries are due at once in these tests
    receiver.secret = webhooks.endpoint_secret_generate()
    url = receiver.start()
    return WebhookEndpoint.objects.create(
        integration=integration, url=url, events=WebhookEvent.values, secret=receiver.secret
    )


def drain(max_rounds: int = 20) -> None:
    """What the worker does: attempt every due delivery until none is pending."""
    for _ in range(max_rounds):
        pending = list(
            WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).values_list(
                "pk", flat=True
            )
        )
        if not pending:
            return
        for pk in pending:
            webhooks.delivery_attempt(delivery_id=pk)
    raise AssertionError("deliveries still pending")


def test_events_reach_a_receiver_that_fails_then_recovers(api_client, endpoint, receiver, reviewer):
    receiver.script = [500, 503, 500]  # the first three requests fail
    posted = api_client.post(
        "/api/v1/articles",
        {"external_id": "x1", "title": "Budget", "text": factories.SAMPLE_TEXT},
        format="json",
    ).json()
    from claims.models import Article

    article = Article.objects.get(public_id=posted["id"])
    services.article_extract(article_id=article.pk)  # article.ready
    figures = factories.current_figures(article)
    for i, figure in enumerate(figures[:3]):  # figure.decided x3
        response = api_client.post(
            f"/api/v1/figures/{figure.public_id}/verdicts",
            {"decision": "approve"} if i % 2 == 0 else {"decision": "dispute", "reason": "other"},
            format="json",
            headers={"If-Match": "1"},
        )
        assert response.status_code == 201
    drain()

    deliveries = list(WebhookDelivery.objects.order_by("sequence"))
    assert [d.event_type for d in deliveries] == ["article.ready"] + ["figure.decided"] * 3
    assert [d.sequence for d in deliveries] == [1, 2, 3, 4]
    assert all(d.status == WebhookDelivery.Status.DELIVERED for d in deliveries)
    assert sum(d.attempts for d in deliveries) == 4 + 3
    # Every event delivered exactly once (counted by event id), every signature valid.
    assert sorted(receiver.delivered_ids()) == sorted(d.event_id for d in deliveries)
    assert len(set(receiver.delivered_ids())) == len(receiver.delivered_ids())
    assert all(r.signature_ok for r in receiver.received)
    ready = next(r.payload for r in receiver.received if r.payload["type"] == "article.ready")
    assert ready["data"]["article"]["external_id"] == "x1"
    assert ready["data"]["figures"] == {"total": len(figures), "pending": len(figures)}
    decided = [r.payload for r in receiver.received if r.payload["type"] == "figure.decided"]
    assert {p["data"]["verdict"]["reviewer"] for p in decided} == {reviewer.username}
    # The event's verdict is the API's verdict, field for field.
    for payload in decided:
        figure = api_client.get(f"/api/v1/figures/{payload['data']['figure']['id']}").json()
        assert payload["data"]["verdict"] == figure["history"][-1]


def test_a_delivered_event_is_not_sent_again_by_a_duplicate_task(endpoint, receiver, article):
    webhooks.article_ready(article=_integrated(article, endpoint))
    drain()
    delivery = WebhookDelivery.objects.get()
    assert webhooks.delivery_attempt(delivery_id=delivery.pk).outcome == "skipped"
    assert len(receiver.received) == 1


def _integrated(article, endpoint):
    article.integration = endpoint.integration
    article.save()
    return article


def test_410_disables_the_endpoint(endpoint, receiver, article):
    receiver.script = [410]
    webhooks.article_ready(article=_integrated(article, endpoint))
    drain()
    endpoint.refresh_from_db()
    assert not endpoint.is_active and "410" in endpoint.disabled_reason
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.FAILED
    assert webhooks.article_ready(article=article) == []  # no more events for it


def test_a_4xx_answer_fails_without_retrying(endpoint, receiver, article):
    receiver.script = [400]
    webhooks.article_ready(article=_integrated(article, endpoint))
    drain()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 1 and delivery.response_code == 400


def test_retries_stop_at_the_end_of_the_window(endpoint, receiver, article, settings):
    settings.WEBHOOK_RETRY_WINDOW = 0
    receiver.script = [500]
    webhooks.article_ready(article=_integrated(article, endpoint))
    drain()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED and delivery.response_code == 500


def test_a_connection_error_is_retried(endpoint, article, settings):
    endpoint.url = "http://127.0.0.1:9/refused"
    endpoint.save()
    webhooks.article_ready(article=_integrated(article, endpoint))
    attempt = webhooks.delivery_attempt(delivery_id=WebhookDelivery.objects.get().pk)
    assert attempt.outcome == "retry"
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert "ConnectionError" in delivery.last_error


def test_the_task_schedules_the_next_attempt_with_a_countdown(
    endpoint, receiver, article, broker, settings
):
    settings.WEBHOOK_BACKOFF_BASE = 60  # the first retry waits up to a minute
    receiver.script = [500]
    webhooks.article_ready(article=_integrated(article, endpoint))
    delivery = WebhookDelivery.objects.get()
    before = dt.datetime.now(dt.UTC)
    deliver_webhook(delivery.pk)  # the task itself, as the worker runs it
    (message,) = broker.messages()
    assert (message.task, message.args) == ("claims.tasks.deliver_webhook", [delivery.pk])
    eta = dt.datetime.fromisoformat(message.eta)
    assert before - dt.timedelta(seconds=1) <= eta <= before + dt.timedelta(seconds=61)


def test_deliveries_are_enqueued_only_after_commit(
    endpoint, article, django_capture_on_commit_callbacks, broker
):
    article = _integrated(article, endpoint)
    with django_capture_on_commit_callbacks(execute=True):
        webhooks.article_ready(article=article)
        assert broker.messages() == []  # written, not yet sent
    delivery = WebhookDelivery.objects.get()
    assert broker.published("claims.tasks.deliver_webhook") == [[delivery.pk]]


def test_a_rolled_back_verdict_sends_nothing(endpoint, article, reviewer):
    article = _integrated(article, endpoint)
    figure = factories.current_figures(article)[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
        raise RuntimeError
    assert not WebhookDelivery.objects.exists()


def test_unsubscribed_events_and_articles_without_integration_send_nothing(endpoint, article):
    assert webhooks.article_ready(article=article) == []  # no integration
    endpoint.events = [WebhookEvent.FIGURE_DECIDED]
    endpoint.save()
    assert webhooks.article_ready(article=_integrated(article, endpoint)) == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:5432/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://localhost/",
        "file:///etc/passwd",
        "gopher://example.com/",
    ],
)
def test_private_and_non_http_urls_are_refused(url, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    with pytest.raises(ValidationError):
        webhooks.url_check(url)


def test_a_private_url_is_refused_again_at_send_time(endpoint, receiver, article, settings):
    webhooks.article_ready(article=_integrated(article, endpoint))
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    drain()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert "loopback" in delivery.last_error
    assert receiver.received == []


def test_signatures_verify_and_tampering_fails():
    secret = webhooks.endpoint_secret_generate()
    import time

    ts = int(time.time())
    body = b'{"a":1}'
    sig = webhooks.signature(secret=secret, msg_id="evt_1", timestamp=ts, body=body)
    headers = {"webhook-id": "evt_1", "webhook-timestamp": str(ts), "webhook-signature": sig}
    assert webhooks.signature_verify(secret=secret, headers=headers, body=body)
    assert not webhooks.signature_verify(secret=secret, headers=headers, body=b'{"a":2}')
    assert not webhooks.signature_verify(
        secret=secret, headers={**headers, "webhook-id": "evt_2"}, body=body
    )
    old = {**headers, "webhook-timestamp": str(ts - 600)}
    assert not webhooks.signature_verify(secret=secret, headers=old, body=body)
    rotated = {**headers, "webhook-signature": f"v1,bm9wZQ== {sig}"}
    assert webhooks.signature_verify(secret=secret, headers=rotated, body=body)


def test_article_reviewed_counts_the_decided_figures(endpoint, article, reviewer):
    article = _integrated(article, endpoint)
    first, second, *_ = factories.current_figures(article)
    services.verdict_record(figure=first, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=second, reviewer=reviewer, decision="dispute", reason="other")
    (delivery,) = webhooks.article_reviewed(article=article)
    assert delivery.payload["data"]["figures"] == {
        "total": len(factories.current_figures(article)),
        "approved": 1,
        "disputed": 1,
    }
