"""Reliability matrix F4 with real workers: receivers that fail then recover,
hang past the read timeout, answer 410 Gone, or reset the connection.

Webhook deliveries run on their own queue, served here (as in
docker-compose.yml) by their own worker; extraction has another. The test
checks what each receiver ends up with, what our delivery log says, and that
articles submitted while the webhook worker is tied up by the slow receiver
are extracted all the same."""

import pytest
from django.conf import settings

from claims import services, webhooks
from claims.models import Article, Integration, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests import factories
from tests.claims.api.receiver import Receiver, ResettingServer
from tests.integration.conftest import Worker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]

EVENTS = 8
READ_TIMEOUT = 2  # seconds; the slow receiver answers after 5
RETRY_WINDOW = 20


@pytest.fixture
def _fast_retries(monkeypatch):
    # Read by the worker processes at start.
    monkeypatch.setenv("WEBHOOKS_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setenv("WEBHOOK_BACKOFF_BASE", "1")
    monkeypatch.setenv("WEBHOOK_BACKOFF_MAX", "2")
    monkeypatch.setenv("WEBHOOK_READ_TIMEOUT", str(READ_TIMEOUT))
    monkeypatch.setenv("WEBHOOK_RETRY_WINDOW", str(RETRY_WINDOW))


@pytest.fixture
def workers(transactional_db, tmp_path, _fast_retries):
    started = []
    try:
        for name, queue in (
            ("extraction", f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.CHECK_QUEUE}"),
            ("webhooks", settings.WEBHOOK_QUEUE),
        ):
            w = Worker(tmp_path / f"{name}.log", queues=queue, concurrency=2)
            started.append(w)
        for w in started:
            w.wait_ready()
        yield started
    finally:
        for w in started:
            w.stop()


@pytest.fixture
def receivers():
    made = {
        "flaky": Receiver(first_answer=500),  # every event fails once
        "slow": Receiver(delay=5),
        "gone": Receiver(script=[410]),
    }
    urls = {name: r.start() for name, r in made.items()}
    resetting = ResettingServer()
    urls["reset"] = resetting.url
    yield made, resetting, urls
    for r in made.values():
        r.stop()
    resetting.stop()


def _submit(integration, n):
    return services.article_submit(
        title=f"Budget {n}",
        text=factories.SAMPLE_TEXT,
        integration=integration,
        external_id=f"f4-{n}",
    ).article


def _final(deliveries):
    return all(
        d.status in (WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED)
        for d in deliveries
    )


def test_bad_receivers_get_retries_or_are_dropped_and_never_hold_up_extraction(
    workers, receivers, reviewer
):
    extraction, hooks = workers
    made, resetting, urls = receivers
    integration = Integration.objects.create(name="F4 CMS")
    endpoints = {}
    for name, url in urls.items():
        secret = webhooks.endpoint_secret_generate()
        if name in made:
            made[name].secret = secret
        endpoints[name] = WebhookEndpoint.objects.create(
            integration=integration, url=url, events=[WebhookEvent.FIGURE_DECIDED], secret=secret
        )

    first = _submit(integration, 0)

    def extracted(*articles):
        return all(Article.objects.get(pk=a.pk).status == Article.Status.READY for a in articles)

    wait_for(lambda: extracted(first), timeout=60, worker=extraction, what="the first article")
    figures = factories.current_figures(first)
    for i in range(EVENTS):
        services.verdict_record(
            figure=figures[i % len(figures)],
            reviewer=reviewer,
            decision="approve" if i < len(figures) else "undo",
        )
    for name in ("flaky", "slow", "reset"):
        assert WebhookDelivery.objects.filter(endpoint=endpoints[name]).count() == EVENTS

    # While the webhook worker waits on the slow receiver, more articles arrive.
    wait_for(lambda: made["slow"].received, timeout=30, worker=hooks, what="the slow receiver")
    later = [_submit(integration, n) for n in range(1, 4)]
    wait_for(lambda: extracted(*later), timeout=60, worker=extraction, what="the later articles")
    slow_deliveries = WebhookDelivery.objects.filter(endpoint=endpoints["slow"])
    assert not _final(slow_deliveries), "extraction waited for the webhook backlog"

    everything = WebhookDelivery.objects.all()
    wait_for(
        lambda: _final(everything.all()),
        timeout=RETRY_WINDOW + 90,
        worker=hooks,
        what="every delivery to be delivered or given up",
    )

    # Fails then recovers: every event delivered once, retried under the same id.
    flaky = made["flaky"]
    flaky_deliveries = list(everything.filter(endpoint=endpoints["flaky"]))
    assert {d.status for d in flaky_deliveries} == {WebhookDelivery.Status.DELIVERED}
    assert sorted(flaky.delivered_ids()) == sorted(d.event_id for d in flaky_deliveries)
    assert len(set(flaky.delivered_ids())) == EVENTS
    assert {r.event_id for r in flaky.received if r.status == 500} <= set(flaky.delivered_ids())
    assert all(r.signature_ok for r in flaky.received)
    assert all(d.attempts == 2 for d in flaky_deliveries)

    # Slower than the read timeout: each attempt abandoned and logged as such.
    for d in slow_deliveries.all():
        assert d.status == WebhookDelivery.Status.FAILED
        assert "ReadTimeout" in d.last_error
        assert d.response_code is None

    # 410 Gone: the endpoint is disabled after the first answer, nothing more sent.
    assert len(made["gone"].received) == 1
    endpoints["gone"].refresh_from_db()
    assert not endpoints["gone"].is_active
    assert "410" in endpoints["gone"].disabled_reason
    assert set(everything.filter(endpoint=endpoints["gone"]).values_list("status", flat=True)) == {
        WebhookDelivery.Status.FAILED
    }

    # Connection reset: retried like a 5xx until the window closes.
    reset_deliveries = list(everything.filter(endpoint=endpoints["reset"]))
    assert all(d.status == WebhookDelivery.Status.FAILED for d in reset_deliveries)
    assert all("ConnectionError" in d.last_error for d in reset_deliveries)
    assert sum(d.attempts for d in reset_deliveries) > EVENTS
    assert resetting.connections == sum(d.attempts for d in reset_deliveries)

    # Each worker ran only its own queue's tasks (logged as "Task NAME[id] received").
    assert "deliver_webhook[" not in extraction.output()
    assert "extract_article[" not in hooks.output()
    assert "extract_article[" in extraction.output()
