"""With SECURE_SSL_REDIRECT on, browser pages redirect plain HTTP to HTTPS, but
the API does not (ASVS 4.1.2): a redirect would hide from an integration that
it sent its key in clear. A key sent over plain HTTP is refused instead."""

import pytest

from tests.claims.api.conftest import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _ssl_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True


def test_a_browser_page_over_http_is_redirected_to_https(client):
    response = client.get("/login/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/login/"


def test_an_api_call_over_http_is_refused_not_redirected(api_client):
    response = api_client.get("/api/v1/articles")
    assert_error(response, 401, "authentication_failed")
    assert "HTTPS" in response.json()["error"]["message"]


def test_unknown_api_paths_and_the_schema_are_not_redirected_either(anon_client):
    assert anon_client.get("/api/v1/nowhere").status_code == 404
    assert anon_client.get("/api/v1/schema/").status_code == 200


def test_the_api_over_https_works(api_client):
    assert api_client.get("/api/v1/articles", secure=True).status_code == 200
