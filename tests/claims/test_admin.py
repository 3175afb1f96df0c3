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
