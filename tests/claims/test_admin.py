import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

HISTORY = ["verdict", "auditevent", "figure", "extractionrun", "webhookdelivery"]


@pytest.fixture
def admin_client(client, article):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 20)
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", [*HISTORY, "article", "apikey", "webhookendpoint", "finding"])
def test_every_admin_list_renders(admin_client, model):
    assert admin_client.get(reverse(f"admin:claims_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("model", [*HISTORY, "finding", "findingreview"])
def test_history_cannot_be_added_or_deleted_in_the_admin(admin_client, model):
    assert admin_client.get(reverse(f"admin:claims_{model}_add")).status_code == 403


@pytest.mark.parametrize("url", ["http://example.com:99999/x", "http://[::7f00:1]:8000/"])
def test_the_webhook_endpoint_form_refuses_a_bad_url_with_a_field_error(admin_client, url):
    from claims.models import Integration, WebhookEndpoint

    integration = Integration.objects.create(name="CMS")
    response = admin_client.post(
        reverse("admin:claims_webhookendpoint_add"),
        {"integration": integration.pk, "url": url, "events": ["article.ready"], "is_active": "on"},
    )
    assert response.status_code == 200  # the form again, with the error on the field
    assert response.context["adminform"].form.errors["url"]
    assert not WebhookEndpoint.objects.exists()
