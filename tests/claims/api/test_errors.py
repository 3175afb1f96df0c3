"""Every answer under /api/ is in the one JSON error shape: unknown paths
for every method, server errors, and the errors of the schema and docs views
(issue 13 row 12). This module is also the URL conf of the 500 tests."""

import pytest
from django.urls import path
from rest_framework.test import APIClient

from factcheck import urls as project_urls
from tests.claims.api.conftest import assert_error

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("api/v1/boom", _boom),
    path("boom", _boom),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("url", ["/api/v1/nothing/here", "/api/v2/articles", "/api/x", "/api"])
def test_an_unknown_api_path_is_a_json_404_for_every_method(reviewer_client, url, method):
    """A POST with a session cookie and no CSRF token was Django's HTML 403."""
    reviewer_client.handler.enforce_csrf_checks = True
    if method in ("get", "delete", "options"):
        response = getattr(reviewer_client, method)(url)
    else:
        response = getattr(reviewer_client, method)(url, "{}", content_type="application/json")
    assert_error(response, 404, "not_found")


@pytest.mark.urls("tests.claims.api.test_errors")
def test_a_server_error_under_api_is_json():
    response = APIClient(raise_request_exception=False).get("/api/v1/boom")
    error = assert_error(response, 500, "server_error")
    assert "a bug" not in error["message"]


@pytest.mark.urls("tests.claims.api.test_errors")
def test_a_server_error_elsewhere_is_the_html_page(client):
    client.raise_request_exception = False
    response = client.get("/boom")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("method", "url", "headers", "status"),
    [
        ("post", "/api/v1/schema/", {}, 405),
        ("get", "/api/v1/schema/", {"HTTP_ACCEPT": "text/html"}, 406),
        ("post", "/api/v1/docs/", {}, 405),
        ("delete", "/api/v1/articles", {}, 405),
        ("get", "/api/v1/articles", {"HTTP_ACCEPT": "text/html"}, 406),
    ],
)
def test_405_and_406_are_json_on_every_api_view(api_client, method, url, headers, status):
    """The schema view answered them in YAML, the docs view in HTML."""
    assert_error(getattr(api_client, method)(url, **headers), status)


def test_415_is_json(api_client):
    response = api_client.post("/api/v1/articles", data="x", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")
