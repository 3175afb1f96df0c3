"""The API cast: an integration, and an `api_client` holding a key of it
with every scope and the reviewer as acting user."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from claims.api import keys
from claims.models import ApiScope, Integration
from factcheck.celery import app as celery_app


@pytest.fixture(autouse=True)
def _api_settings(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = True
    settings.API_RATE_PER_MINUTE = 10_000


@pytest.fixture
def integration(db):
    return Integration.objects.create(name="Gazette CMS")


def key_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def make_key(integration):
    def make(*scopes: str, acting_user=None, integration=integration):
        return keys.api_key_create(
            integration=integration, scopes=list(scopes), acting_user=acting_user
        )

    return make


@pytest.fixture
def api_key(make_key, reviewer):
    return make_key(*ApiScope.values, acting_user=reviewer)


@pytest.fixture
def api_client(api_key):
    return key_client(api_key.key)


@pytest.fixture
def anon_client():
    return APIClient()


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape, with the given status (and code)."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body["error"]) == {"code", "message", "fields"}, body
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code, body
    return body["error"]


@dataclass(frozen=True)
class Published:
    task: str
    args: list
    eta: str | None


class Broker:
    """The task messages really published to the broker (the filesystem broker
    in tests, Redis or RabbitMQ in CI), read off the queues the tasks route to.
    Reading takes them off the queue."""

    def __init__(self, *tasks: str) -> None:
        self.queues = sorted({celery_app.amqp.router.route({}, t)["queue"].name for t in tasks})
        self.messages()  # start empty: drop what earlier tests of the run left

    def messages(self) -> list[Published]:
        found = []
        with celery_app.connection_for_read() as conn:
            channel = conn.default_channel
            for queue in self.queues:
                while (message := channel.basic_get(queue, no_ack=True)) is not None:
                    args, _kwargs, _embed = message.decode()
                    found.append(
                        Published(message.headers["task"], args, message.headers.get("eta"))
                    )
        return found

    def published(self, task: str) -> list[list]:
        """The arguments of each message of `task` published since the last read."""
        return [m.args for m in self.messages() if m.task == task]


@pytest.fixture
def broker():
    return Broker("claims.tasks.extract_article", "claims.tasks.deliver_webhook")
