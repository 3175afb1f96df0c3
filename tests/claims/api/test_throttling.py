import pytest

from tests.claims.api.conftest import assert_error, key_client

pytestmark = pytest.mark.django_db


def test_a_key_over_its_rate_gets_429_with_retry_after(api_key, settings):
    settings.API_RATE_PER_MINUTE = 3
    # Two clients with one key share one counter (the cache, Redis in CI).
    first, second = key_client(api_key.key), key_client(api_key.key)
    assert [c.get("/api/v1/articles").status_code for c in (first, second, first)] == [200] * 3
    response = second.get("/api/v1/articles")
    assert_error(response, 429, "throttled")
    assert 1 <= int(response["Retry-After"]) <= 60


def test_each_key_has_its_own_counter(make_key, settings):
    settings.API_RATE_PER_MINUTE = 1
    a = key_client(make_key("articles:read").key)
    b = key_client(make_key("articles:read").key)
    assert a.get("/api/v1/articles").status_code == 200
    assert b.get("/api/v1/articles").status_code == 200
    assert a.get("/api/v1/articles").status_code == 429
