"""API keys stop working as soon as an editor switches their integration off
or deletes it (issue 13, row 11): the cached copies are dropped through the
same service the admin uses."""

import pytest
from django.urls import reverse

from claims.api import keys
from claims.models import Integration
from tests import factories
from tests.claims.api.conftest import key_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_admin(client):
    client.force_login(factories.editor(username="edna", is_staff=True))
    return client


def _switch_off(editor_admin, integration) -> None:
    response = editor_admin.post(
        reverse("admin:claims_integration_change", args=[integration.pk]),
        {"name": integration.name},  # the is_active checkbox left unticked
    )
    assert response.status_code == 302, response.content[:2000]
    integration.refresh_from_db()
    assert not integration.is_active


def test_a_key_is_refused_on_the_next_request_after_its_integration_is_switched_off(
    editor_admin, integration, api_key
):
    api = key_client(api_key.key)
    assert api.get("/api/v1/articles").status_code == 200  # the key is cached now
    _switch_off(editor_admin, integration)
    assert api.get("/api/v1/articles").status_code == 401


def test_a_key_works_again_when_its_integration_is_switched_back_on(
    editor_admin, integration, api_key
):
    api = key_client(api_key.key)
    _switch_off(editor_admin, integration)
    assert api.get("/api/v1/articles").status_code == 401
    response = editor_admin.post(
        reverse("admin:claims_integration_change", args=[integration.pk]),
        {"name": integration.name, "is_active": "on"},
    )
    assert response.status_code == 302
    assert api.get("/api/v1/articles").status_code == 200


def test_a_key_is_refused_on_the_next_request_after_its_integration_is_deleted(
    integration, api_key
):
    # The admin refuses to delete an integration that has keys (they are
    # revoked, not deleted); code deletes through the same service family.
    api = key_client(api_key.key)
    assert api.get("/api/v1/articles").status_code == 200
    keys.integration_delete(integration=integration)
    assert not Integration.objects.filter(pk=integration.pk).exists()
    assert api.get("/api/v1/articles").status_code == 401


def test_other_integrations_keep_their_cached_keys(editor_admin, integration, make_key):
    other = make_key("articles:read", integration=Integration.objects.create(name="Other CMS"))
    api = key_client(other.key)
    assert api.get("/api/v1/articles").status_code == 200
    _switch_off(editor_admin, integration)
    assert api.get("/api/v1/articles").status_code == 200
