import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from claims.models import Article, Story, Verdict
from tests import factories
from tests.claims.api.conftest import key_client

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_documents_every_endpoint(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/articles",
        "/api/v1/articles/{public_id}",
        "/api/v1/articles/{public_id}/claimreview",
        "/api/v1/figures",
        "/api/v1/figures/{public_id}",
        "/api/v1/figures/{public_id}/verdicts",
        "/api/v1/findings/{public_id}/reviews",
        "/api/v1/stories/{public_id}",
    }
    assert "apiKey" in schema["components"]["securitySchemes"]


def test_the_docs_page_is_served(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


def _schema(client) -> dict:
    return yaml.safe_load(client.get("/api/v1/schema/").content)


def test_the_schema_says_text_or_html_is_required_and_a_400_without(client):
    schema = _schema(client)
    submit = schema["components"]["schemas"]["ArticleSubmitRequest"]
    assert [branch["required"] for branch in submit["anyOf"]] == [["text"], ["html"]]
    assert "Give `text` or `html`" in submit["description"]
    assert "400" in schema["paths"]["/api/v1/articles"]["post"]["responses"]


def test_the_schema_bounds_limit_and_documents_the_cursor_and_its_400(client):
    for path in ("/api/v1/articles", "/api/v1/figures"):
        operation = _schema(client)["paths"][path]["get"]
        params = {p["name"]: p for p in operation["parameters"]}
        assert params["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
        assert "400" in params["cursor"]["description"]
        assert "400" in operation["responses"]


def test_the_schema_patterns_are_what_the_serializers_accept():
    """Each pattern is a regex that Rust's engine (schemathesis) reads, and
    says what the fields accept."""
    import re

    from claims.api.schema import text_pattern, url_pattern

    def matches(kind, value):
        return re.search(text_pattern(kind), value) is not None

    assert matches("visible", "5 cats") and not matches("visible", " \u200b\x1f")
    assert matches("not_blank", "\u200b") and not matches("not_blank", " \n")
    assert not matches("any", "a\x00b")
    url = re.compile(url_pattern())
    assert url.search("https://news.example.com:8443/a?b#c")
    for refused in ("ftp://x.com", "http://x.com:99999/", "http://x.com\n", "http://" + "a" * 254):
        assert not url.search(refused), refused


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors_and_no_schema_violations(
    live_server, api_key, settings, tmp_path, reviewer
):
    """Runs schemathesis with every check (examples, coverage and fuzzing
    phases) against the live schema with a valid key: 0 failures, so no server
    error, no schema violation, and no valid request refused or invalid one
    accepted. Marked slow: .ci/run runs it on PostgreSQL + Redis."""
    settings.API_RATE_PER_MINUTE = 0  # unlimited for the fuzzer
    article = factories.article()
    factories.article(title="A second article, for a second page")
    figure = factories.current_figures(article)[0]
    story = Story.objects.create(title="Budget")
    Article.objects.filter(pk=article.pk).update(story=story)
    client = key_client(api_key.key)
    cursors = {
        path: parse_qs(urlsplit(client.get(path, {"limit": 1}).json()["next"]).query)["cursor"][0]
        for path in ("/api/v1/articles", "/api/v1/figures")
    }
    # Real ids for the detail operations, so they are exercised past the 404,
    # and real cursors for the lists: a cursor is a token the server issued,
    # any other string is rightly a 400 (tests/claims/api/test_pagination.py).
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        f"""
# Every check (the default; named here so nobody narrows it on the command
# line, where a check named would also override the one exception below).
[checks]
enabled = true

[[operations]]
include-path-regex = "^/api/v1/articles$"
parameters = {{ "query.cursor" = "{cursors["/api/v1/articles"]}" }}
# POST: an Idempotency-Key the fuzzer already sent with another body is
# rightly a 422 (the key's first answer is kept); the schema cannot know
# which keys were used. Every other refusal of valid data still fails.
checks.positive_data_acceptance.expected-statuses = [
  "2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"
]

[[operations]]
include-path-regex = "^/api/v1/figures$"
parameters = {{ "query.cursor" = "{cursors["/api/v1/figures"]}" }}

[[operations]]
include-path-regex = "^/api/v1/articles/"
parameters = {{ "path.public_id" = "{article.public_id}" }}

[[operations]]
include-path-regex = "^/api/v1/figures/[^/]+$"
parameters = {{ "path.public_id" = "{figure.public_id}" }}

[[operations]]
include-path-regex = "^/api/v1/figures/[^/]+/verdicts$"
parameters = {{ "path.public_id" = "{figure.public_id}" }}
# Whether a well-formed verdict is accepted depends on the figure's state,
# which no schema can say: its version (If-Match; the first verdict moves it
# on, and every later one is a 412) and, for "undo", an earlier verdict.
checks.positive_data_acceptance.enabled = false
# A missing If-Match is a 428 Precondition Required (RFC 6585), which is what
# that status is for; schemathesis expects a 4xx from a shorter list.
checks.missing_required_header.expected-statuses = ["400", "401", "403", "406", "415", "422", "428"]

[[operations]]
include-path-regex = "^/api/v1/stories/"
parameters = {{ "path.public_id" = "{story.public_id}" }}
"""
    )
    cmd = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config),
        "run",
        f"{live_server.url}/api/v1/schema/?format=json",
        "--header",
        f"Authorization: Bearer {api_key.key}",
        "--max-examples",
        "40",
        "--phases",
        "examples,coverage,fuzzing",
        "--workers",
        "1",
        "--seed",
        "7",
        "--no-color",
        "--report",
        "junit",
        "--report-junit-path",
        str(tmp_path / "junit.xml"),
        "--request-timeout",
        "20",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=tmp_path)
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert Verdict.objects.filter(figure=figure).exists()  # the 201 path was exercised
