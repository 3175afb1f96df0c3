"""The login throttle counts every spelling Django authenticates as one user
against that user (issue 13, row 8): after a lockout of `rev2`, `ｒｅｖ２`
(fullwidth) and other NFKC-equivalent spellings are refused too, and get no
fresh guesses. The admin's login page is behind the same counts."""

import pytest
from django.urls import reverse

from claims.views.auth import USER_LIMIT, throttle_username
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
# Spellings the login form normalizes (NFKC) to "rev2".
EQUIVALENT = ["ｒｅｖ２", "rev\u2082", "re\u1d5b2", "  rev2 ", "REV2", "ｒev２"]


@pytest.fixture
def rev2(db):
    return factories.reviewer(username="rev2")


def _lock_out(client, username="rev2"):
    for _ in range(USER_LIMIT):
        assert (
            client.post(reverse("login"), {"username": username, "password": "wrong"}).status_code
            == 200
        )


@pytest.mark.parametrize("spelling", EQUIVALENT)
def test_every_spelling_of_a_username_counts_against_one_account(spelling):
    assert throttle_username(spelling) == throttle_username("rev2")


def test_a_fullwidth_spelling_of_the_username_authenticates_as_the_user(client, rev2):
    # The premise: Django's login form normalizes the username (NFKC).
    response = client.post(reverse("login"), {"username": "ｒｅｖ２", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(rev2.pk)


@pytest.mark.parametrize("spelling", EQUIVALENT)
def test_after_a_lockout_equivalent_spellings_are_refused_even_with_the_right_password(
    client, rev2, spelling
):
    _lock_out(client)
    response = client.post(reverse("login"), {"username": spelling, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_guesses_under_other_spellings_share_one_count(client, rev2):
    spellings = ["ｒｅｖ２", "rev\u2082", "REV2", "re\u1d5b2", "ｒev２"]
    assert len(spellings) == USER_LIMIT
    for spelling in spellings:
        response = client.post(reverse("login"), {"username": spelling, "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "rev2", "password": PASSWORD})
    assert response.status_code == 429


def test_the_admin_login_is_refused_after_a_lockout(client, rev2):
    rev2.is_staff = True
    rev2.save()
    _lock_out(client)
    response = client.post(
        reverse("admin:login"), {"username": "ｒｅｖ２", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failed_admin_logins_count_towards_the_lockout(client, rev2):
    for _ in range(USER_LIMIT):
        response = client.post(reverse("admin:login"), {"username": "rev2", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "rev2", "password": PASSWORD})
    assert response.status_code == 429


def test_a_staff_user_still_logs_in_to_the_admin(client, rev2):
    rev2.is_staff = True
    rev2.save()
    response = client.post(
        reverse("admin:login"), {"username": "rev2", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(rev2.pk)
