import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claims.models import Article, Story, Verdict
from tests import factories

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
        "/api/v1/stories/{public_id}",
    }
    assert "apiKey" in schema["components"]["securitySchemes"]


def test_the_docs_page_is_served(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors_and_no_schema_violations(
    live_server, api_key, settings, tmp_path, reviewer
):
    """Runs schemathesis (examples, coverage and fuzzing phases) against the
    live schema with a valid key: 0 server errors, 0 schema violations."""
    settings.API_RATE_PER_MINUTE = 0  # unlimited for the fuzzer
    article = factories.article()
    figure = factories.current_figures(article)[0]
    story = Story.objects.create(title="Budget")
    Article.objects.filter(pk=article.pk).update(story=story)
    # Real ids for the detail operations, so they are exercised past the 404.
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        "\n".join(
            f'[[operations]]\ninclude-path-regex = "{regex}"\n'
            f'parameters = {{ "path.public_id" = "{public_id}" }}\n'
            for regex, public_id in [
                ("articles/", article.public_id),
                ("figures/", figure.public_id),
                ("stories/", story.public_id),
            ]
        )
    )
    cmd = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config),
        "run",
        f"{live_server.url}/api/v1/schema/?format=json",
        "--checks",
        "not_a_server_error,response_schema_conformance",
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
