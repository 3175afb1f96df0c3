import pytest
from django.middleware.csrf import get_token

from claims import services
from claims.models import ApiScope, Figure, Verdict
from tests import factories
from tests.claims.api.conftest import assert_error, key_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def figure(article):
    return factories.current_figures(article)[0]


def verdict_url(figure):
    return f"/api/v1/figures/{figure.public_id}/verdicts"


def test_figures_are_listed_and_filtered_by_article_status_and_kind(api_client, article, reviewer):
    figures = factories.current_figures(article)
    factories.article(text="Only 7 people came.")
    services.verdict_record(figure=figures[0], reviewer=reviewer, decision="approve")
    all_ = api_client.get("/api/v1/figures", {"article": str(article.public_id)}).json()["results"]
    assert {f["id"] for f in all_} == {str(f.public_id) for f in figures}
    approved = api_client.get("/api/v1/figures", {"status": "approved"}).json()["results"]
    assert [f["id"] for f in approved] == [str(figures[0].public_id)]
    assert approved[0]["verdict"]["decision"] == "approve"
    money = api_client.get("/api/v1/figures", {"kind": "money"}).json()["results"]
    assert money and all(f["kind"] == "money" for f in money)


def test_bad_figure_filters_are_400(api_client):
    error = assert_error(
        api_client.get("/api/v1/figures", {"kind": "x", "status": "y", "article": "z"}), 400
    )
    assert set(error["fields"]) == {"kind", "status", "article"}


def test_a_figure_has_its_history_and_an_etag(api_client, figure, reviewer):
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=figure, reviewer=reviewer, decision="undo")
    response = api_client.get(f"/api/v1/figures/{figure.public_id}")
    assert response["ETag"] == 'W/"3"'
    data = response.json()
    assert [v["decision"] for v in data["history"]] == ["approve", "undo"]
    assert data["status"] == "pending" and data["version"] == 3


def test_a_key_records_a_verdict_as_its_acting_reviewer(api_client, figure, reviewer):
    response = api_client.post(
        verdict_url(figure),
        {"decision": "dispute", "reason": "misquote", "corrected_value": "120", "note": "Minutes"},
        format="json",
        headers={"If-Match": 'W/"1"'},
    )
    assert response.status_code == 201, response.content
    assert response["ETag"] == 'W/"2"'
    figure.refresh_from_db()
    assert figure.status == "disputed" and figure.version == 2
    verdict = Verdict.objects.get()
    assert verdict.reviewer == reviewer
    assert response.json()["verdict"]["id"] == str(verdict.public_id)


def test_a_bare_version_in_if_match_is_accepted(api_client, figure):
    response = api_client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert response.status_code == 201


def test_a_stale_if_match_is_412_with_the_current_figure(api_client, figure, editor):
    services.verdict_record(figure=figure, reviewer=editor, decision="approve")
    response = api_client.post(
        verdict_url(figure),
        {"decision": "dispute", "reason": "other"},
        format="json",
        headers={"If-Match": 'W/"1"'},
    )
    assert response.status_code == 412
    assert response.json()["error"]["code"] == "stale_figure"
    assert response.json()["figure"]["version"] == 2
    assert response.json()["figure"]["verdict"]["reviewer"] == editor.username
    assert Verdict.objects.count() == 1


def test_a_missing_if_match_is_428(api_client, figure):
    assert_error(api_client.post(verdict_url(figure), {"decision": "approve"}, format="json"), 428)
    assert_error(
        api_client.post(
            verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "*"}
        ),
        428,
    )
    assert not Verdict.objects.exists()


def test_a_dispute_without_a_reason_is_400(api_client, figure):
    error = assert_error(
        api_client.post(
            verdict_url(figure), {"decision": "dispute"}, format="json", headers={"If-Match": "1"}
        ),
        400,
    )
    assert "reason" in error["fields"]
    assert not Verdict.objects.exists()


def test_unknown_verdict_fields_are_400(api_client, figure):
    error = assert_error(
        api_client.post(
            verdict_url(figure),
            {"decision": "approve", "status": "approved"},
            format="json",
            headers={"If-Match": "1"},
        ),
        400,
    )
    assert "status" in error["fields"]


def test_a_key_without_the_verdict_scope_gets_403(make_key, reviewer, figure):
    client = key_client(make_key(ApiScope.ARTICLES_READ, acting_user=reviewer).key)
    response = client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert_error(response, 403)
    assert not Verdict.objects.exists()


def test_a_key_without_an_acting_reviewer_gets_403(make_key, figure):
    client = key_client(make_key(ApiScope.VERDICTS_WRITE).key)
    response = client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert "acting reviewer" in assert_error(response, 403)["message"]


def test_anonymous_cannot_record_verdicts(anon_client, figure):
    response = anon_client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert_error(response, 401)


def test_a_reviewer_session_needs_the_csrf_token(reviewer, figure):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    refused = client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert_error(refused, 403)
    assert not Verdict.objects.exists()
    page = client.get("/api/v1/figures")  # any request to get a CSRF cookie
    assert page.status_code == 200
    token = get_token(page.wsgi_request)
    client.cookies["csrftoken"] = token
    accepted = client.post(
        verdict_url(figure),
        {"decision": "approve"},
        format="json",
        headers={"If-Match": "1", "X-CSRFToken": token},
    )
    assert accepted.status_code == 201, accepted.content
    assert Verdict.objects.get().reviewer == reviewer


def test_an_outsider_session_cannot_record_verdicts(outsider_client, figure):
    response = outsider_client.post(
        verdict_url(figure),
        {"decision": "approve"},
        content_type="application/json",
        HTTP_IF_MATCH="1",
    )
    assert_error(response, 403)


def test_a_verdict_on_an_unknown_figure_is_404(api_client):
    response = api_client.post(
        "/api/v1/figures/3f0c1b8e-0000-4000-8000-000000000000/verdicts",
        {"decision": "approve"},
        format="json",
        headers={"If-Match": "1"},
    )
    assert_error(response, 404)


def test_a_retired_figure_refuses_verdicts(api_client, reviewer):
    article = factories.article(integration=None)
    old = factories.current_figures(article)[0]
    Figure.objects.filter(pk=old.pk).update(is_current=False)
    response = api_client.post(
        verdict_url(old), {"decision": "approve"}, format="json", headers={"If-Match": "1"}
    )
    assert_error(response, 400)


def test_an_if_match_of_unicode_digits_is_428_not_500(api_client, figure):
    """ "²".isdigit() is true, and int() refuses it."""
    response = api_client.post(
        verdict_url(figure), {"decision": "approve"}, format="json", headers={"If-Match": "²"}
    )
    assert_error(response, 428)
    assert not Verdict.objects.exists()


@pytest.mark.parametrize("field", ["corrected_value", "note", "evidence_url"])
@pytest.mark.parametrize("value", [0, 1.5, True, ["x"]])
def test_verdict_text_fields_take_only_strings(api_client, figure, field, value):
    response = api_client.post(
        verdict_url(figure),
        {"decision": "approve", field: value},
        format="json",
        headers={"If-Match": str(figure.version)},
    )
    assert field in assert_error(response, 400, "invalid")["fields"]
    assert not Verdict.objects.exists()


def test_a_figure_carries_its_frame(api_client):
    article = factories.article(
        text="Harlow Mills said its revenue rose 8% to $2.1 billion in the third quarter."
    )
    results = api_client.get("/api/v1/figures", {"article": str(article.public_id)}).json()[
        "results"
    ]
    change = next(f for f in results if f["surface"] == "8%")
    assert change["frame"] == {
        "measure": "revenue",
        "scope": "",
        "time": "in the third quarter",
        "time_iso": "",
        "source": change["attributed_to"],
        "modality": "actual",
        "direction": "up",
    }
    level = next(f for f in results if f["surface"] == "$2.1 billion")
    assert level["frame"]["direction"] == "none"
    detail = api_client.get(f"/api/v1/figures/{change['id']}").json()
    assert detail["frame"] == change["frame"]


def test_a_figure_extracted_before_frames_has_a_null_frame(api_client, figure):
    Figure.objects.filter(pk=figure.pk).update(frame_modality="", frame_measure="")
    data = api_client.get(f"/api/v1/figures/{figure.public_id}").json()
    assert data["frame"] is None


def test_the_schema_documents_the_frame(api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"})
    if schema.status_code == 404:
        pytest.skip("schema served elsewhere")
    text = schema.content.decode()
    assert "FigureFrame" in text and "time_iso" in text
