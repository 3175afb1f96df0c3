"""The API cast: an integration, and an `api_client` holding a key of it
with every scope and the reviewer as acting user."""

import pytest
from rest_framework.test import APIClient

from claims.api import keys
from claims.models import ApiScope, Integration


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
