"""B16-style property test of the ingest endpoint: whatever JSON a CMS
sends, the answer is 202 or a 4xx in the one error shape, never a 5xx, and
a refused request stores nothing."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article

pytestmark = pytest.mark.django_db

FIELDS = ["external_id", "title", "text", "html", "url", "published_at", "outlet", "byline"]
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "", " ", "\x00", "<script>alert(1)</script>", "1e400", "9" * 5000,
            "2026-13-45T99:99:99Z", "javascript:alert(1)", "http://[::1", "\u202e\u200b",
        ]
    ),
)  # fmt: skip
values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS)),
    st.dictionaries(st.sampled_from(FIELDS), hostile_text, max_size=len(FIELDS)),
    values,
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_any_json_gets_a_202_or_a_clean_4xx(api_client, body):
    before = Article.objects.count()
    response = api_client.post(
        "/api/v1/articles", data=json.dumps(body), content_type="application/json"
    )
    assert response.status_code < 500, (body, response.content[:300])
    if response.status_code == 202:
        assert Article.objects.count() <= before + 1
    else:
        assert 400 <= response.status_code < 500
        error = response.json()["error"]
        assert error["message"] and set(error) == {"code", "message", "fields"}
        assert Article.objects.count() == before
