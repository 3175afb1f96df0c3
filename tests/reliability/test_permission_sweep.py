"""S1/S2-style sweep over every browser route: anonymous users are sent to
log in, an outsider (logged in, no role) is refused, a reviewer cannot use
editor-only actions, and none of these attempts writes anything."""

import pytest
from django.urls import reverse

from claims.models import Article, AuditEvent, Finding, FindingReview, Story, Verdict
from claims.urls import urlpatterns

pytestmark = pytest.mark.django_db

EDITOR_ONLY = {"article_reviewed", "article_story"}


@pytest.fixture
def targets():
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    return {
        "article": northgate.public_id,
        "figure": northgate.figures.filter(is_current=True).first().public_id,
        "finding": Finding.objects.filter(type="conflict").first().public_id,
    }


def routes(targets):
    for pattern in urlpatterns:
        if "public_id" not in str(pattern.pattern):
            yield pattern.name, reverse(f"claims:{pattern.name}")
            continue
        kind = {"figure_verdict": "figure", "finding_review": "finding"}.get(
            pattern.name, "article"
        )
        yield pattern.name, reverse(f"claims:{pattern.name}", args=[targets[kind]])


def state():
    return (
        Verdict.objects.count(),
        FindingReview.objects.count(),
        AuditEvent.objects.count(),
        Story.objects.count(),
        sorted(Article.objects.values_list("status", "assigned_to", "story")),
    )


def test_anonymous_users_are_sent_to_log_in_everywhere(client, targets):
    before = state()
    for name, url in routes(targets):
        for method in (client.get, client.post):
            response = method(url, {"decision": "approve", "action": "take", "version": 1})
            if response.status_code == 405:
                continue  # GET-only or POST-only route
            assert response.status_code == 302, (name, method.__name__, response.status_code)
            assert response.url.startswith(reverse("login")), name
    assert state() == before


def test_an_outsider_is_refused_everywhere(outsider_client, targets):
    before = state()
    for name, url in routes(targets):
        for method in (outsider_client.get, outsider_client.post):
            response = method(url, {"decision": "approve", "action": "take", "version": 1})
            assert response.status_code in (403, 404, 405), (
                name,
                method.__name__,
                response.status_code,
            )
    assert state() == before


def test_a_reviewer_cannot_use_editor_actions(reviewer_client, targets):
    before = state()
    for name, url in routes(targets):
        if name in EDITOR_ONLY:
            response = reviewer_client.post(url, {"action": "split"})
            assert response.status_code == 403, name
    assert state() == before
