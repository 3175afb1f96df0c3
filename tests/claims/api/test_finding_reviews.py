"""POST /findings/{id}/reviews: confirm or dismiss a cross-check finding; a
dismissal says why. The reason shows in the findings' payload."""

import pytest

from claims.models import ApiScope, Finding, FindingReview
from tests.claims.api.conftest import assert_error, key_client
from tests.claims.api.test_conflicts import submit_demo

pytestmark = pytest.mark.django_db


def _url(finding):
    return f"/api/v1/findings/{finding.public_id}/reviews"


def test_a_dismissal_with_its_reason_is_in_the_answer_and_the_articles_conflicts(
    api_client, integration
):
    _, northgate, _ = submit_demo(integration)
    finding = Finding.objects.filter(type="conflict", figures__article=northgate).first()
    body = {"decision": "dismiss", "reason": "other", "note": "Two different districts."}
    response = api_client.post(_url(finding), body, format="json")
    assert response.status_code == 201, response.content
    answer = response.json()
    assert answer["review"]["decision"] == "dismiss"
    assert answer["review"]["reason"] == "other"
    assert answer["review"]["reviewer"] == "rita"
    assert answer["finding"]["status"] == "dismissed"
    assert answer["finding"]["dismissal"] == {"reason": "other", "note": "Two different districts."}
    conflicts = api_client.get(f"/api/v1/articles/{northgate.public_id}").json()["conflicts"]
    by_id = {c["id"]: c for c in conflicts}
    assert by_id[str(finding.public_id)]["dismissal"]["reason"] == "other"
    assert all(c["dismissal"] is None for k, c in by_id.items() if k != str(finding.public_id))
    # Confirmed later: no dismissal any more.
    response = api_client.post(_url(finding), {"decision": "confirm"}, format="json")
    assert response.status_code == 201
    assert response.json()["finding"]["dismissal"] is None


@pytest.mark.parametrize(
    "body, field",
    [
        ({"decision": "dismiss"}, "reason"),
        ({"decision": "dismiss", "reason": "bored"}, "reason"),
        ({"decision": "dismiss", "reason": "other"}, "note"),
        ({"decision": "dismiss", "reason": "other", "note": "  "}, "note"),
        ({"decision": "confirm", "reason": "rounding"}, "reason"),
        ({"decision": "dismiss", "reason": "rounding", "why": "x"}, "why"),
        ({"reason": "rounding"}, "decision"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(
    api_client, integration, body, field
):
    submit_demo(integration)
    finding = Finding.objects.filter(type="conflict").first()
    error = assert_error(api_client.post(_url(finding), body, format="json"), 400, "invalid")
    assert field in error["fields"], error
    assert error["fields"][field][0]
    finding.refresh_from_db()
    assert finding.status == "open" and not FindingReview.objects.exists()


def test_reviewing_needs_the_verdicts_scope_and_an_acting_reviewer(make_key, reviewer, integration):
    submit_demo(integration)
    finding = Finding.objects.filter(type="conflict").first()
    body = {"decision": "dismiss", "reason": "rounding"}
    reader = key_client(make_key(ApiScope.ARTICLES_READ, acting_user=reviewer).key)
    assert_error(reader.post(_url(finding), body, format="json"), 403)
    nobody = key_client(make_key(ApiScope.VERDICTS_WRITE).key)
    assert_error(nobody.post(_url(finding), body, format="json"), 403)
    assert not FindingReview.objects.exists()


def test_an_unknown_finding_is_a_404(api_client):
    assert_error(
        api_client.post(
            "/api/v1/findings/7d1f3c52-55a2-4a39-9a43-8e0a2b1c9d10/reviews",
            {"decision": "confirm"},
            format="json",
        ),
        404,
    )
