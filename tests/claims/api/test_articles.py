import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims import services
from claims.api import keys
from claims.api.tasks import purge_idempotency_records
from claims.models import ApiKey, ApiScope, Article, ArticleRevision, IdempotencyRecord
from tests import factories
from tests.claims.api.conftest import assert_error, key_client

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles"


def body(**overrides):
    data = {
        "external_id": "cms-1",
        "title": "Council approves budget",
        "text": factories.SAMPLE_TEXT,
        "url": "https://news.example.com/budget",
        "published_at": "2026-11-13T12:00:00Z",
        "outlet": "The Example Gazette",
    }
    data.update(overrides)
    return data


# ----------------------------------------------------------------- happy path
def test_a_cms_submits_an_article_and_gets_202_with_its_url_and_status(api_client, integration):
    response = api_client.post(URL, body(), format="json")
    assert response.status_code == 202
    data = response.json()
    article = Article.objects.get()
    assert data["id"] == str(article.public_id)
    assert data["status"] == "queued"
    assert data["outcome"] == "created"
    assert data["url"].endswith(f"/api/v1/articles/{article.public_id}")
    assert response["Location"] == data["url"]
    assert article.integration == integration
    assert article.external_id == "cms-1"
    assert article.outlet.name == "The Example Gazette"


def test_re_posting_the_same_body_gives_the_same_article_and_creates_nothing(api_client):
    first = api_client.post(URL, body(), format="json").json()
    second = api_client.post(URL, body(), format="json")
    assert second.status_code == 202
    assert second.json()["id"] == first["id"]
    assert second.json()["outcome"] == "unchanged"
    assert Article.objects.count() == 1
    assert ArticleRevision.objects.count() == 1


def test_changed_text_makes_a_new_revision_of_the_same_article(api_client):
    first = api_client.post(URL, body(), format="json").json()
    second = api_client.post(URL, body(text=factories.SAMPLE_TEXT + " It rained."), format="json")
    assert second.json()["id"] == first["id"]
    assert second.json()["outcome"] == "revised"
    assert second.json()["revision"] == 2
    assert ArticleRevision.objects.count() == 2


def test_a_revision_stores_every_submitted_field_and_keeps_the_reviewers_state(
    api_client, reviewer
):
    api_client.post(URL, body(), format="json")
    article = Article.objects.get()
    # A reviewer took it meanwhile; the revision must not undo that.
    Article.objects.filter(pk=article.pk).update(assigned_to=reviewer)
    changed = body(
        title="Council approves a smaller budget",
        text="The council approved $11 million.",
        url="https://news.example.com/budget-v2",
        outlet="The Other Gazette",
        byline="A. Writer",
        published_at="2026-11-14T08:00:00Z",
    )
    assert api_client.post(URL, changed, format="json").json()["outcome"] == "revised"
    revised = Article.objects.select_related("outlet").get()
    assert (revised.title, revised.text, revised.url, revised.byline) == (
        changed["title"],
        changed["text"],
        changed["url"],
        changed["byline"],
    )
    assert revised.outlet.name == "The Other Gazette"
    assert revised.published_at.isoformat() == "2026-11-14T08:00:00+00:00"
    assert (revised.revision, revised.status) == (2, Article.Status.QUEUED)
    assert revised.content_hash != article.content_hash
    assert revised.updated_at > article.updated_at
    assert revised.assigned_to == reviewer
    assert (revised.public_id, revised.created_at) == (article.public_id, article.created_at)


def test_an_idempotency_key_replays_the_first_answer(api_client):
    headers = {"Idempotency-Key": "req-1"}
    first = api_client.post(URL, body(), format="json", headers=headers)
    again = api_client.post(URL, body(), format="json", headers=headers)
    assert again.status_code == first.status_code == 202
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Article.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_an_idempotency_key_reused_with_another_body_is_422(api_client):
    headers = {"Idempotency-Key": "req-1"}
    api_client.post(URL, body(), format="json", headers=headers)
    response = api_client.post(URL, body(title="Other"), format="json", headers=headers)
    assert_error(response, 422, "idempotency_key_reused")
    assert Article.objects.get().title == "Council approves budget"


def _age(record: IdempotencyRecord, seconds: float) -> None:
    IdempotencyRecord.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - dt.timedelta(seconds=seconds)
    )


def test_an_expired_idempotency_key_counts_as_new(api_client, settings):
    headers = {"Idempotency-Key": "req-1"}
    api_client.post(URL, body(), format="json", headers=headers)
    _age(IdempotencyRecord.objects.get(), settings.API_IDEMPOTENCY_SECONDS + 1)
    # Another body under the old key: no 422, and no replay; it is processed.
    response = api_client.post(URL, body(text="New text."), format="json", headers=headers)
    assert response.status_code == 202
    assert "Idempotent-Replayed" not in response
    assert response.json()["outcome"] == "revised"
    # The key now remembers the new answer.
    again = api_client.post(URL, body(text="New text."), format="json", headers=headers)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == response.json()
    assert IdempotencyRecord.objects.count() == 1


def test_a_key_just_short_of_expiry_still_replays(api_client, settings):
    headers = {"Idempotency-Key": "req-1"}
    first = api_client.post(URL, body(), format="json", headers=headers)
    _age(IdempotencyRecord.objects.get(), settings.API_IDEMPOTENCY_SECONDS - 60)
    again = api_client.post(URL, body(), format="json", headers=headers)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()


def test_the_periodic_purge_deletes_only_expired_idempotency_records(api_client, settings):
    for key in ("old", "fresh"):
        api_client.post(URL, body(external_id=key), format="json", headers={"Idempotency-Key": key})
    _age(IdempotencyRecord.objects.get(key="old"), settings.API_IDEMPOTENCY_SECONDS + 1)
    assert purge_idempotency_records() == 1  # the beat task, run directly
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["fresh"]
    assert purge_idempotency_records() == 0  # safe to run again


def test_html_is_sanitized_by_the_service(api_client):
    html = "<p>About 1,200 residents came.</p><script>alert(1)</script>"
    response = api_client.post(URL, body(text="", html=html), format="json")
    assert response.status_code == 202
    article = Article.objects.get()
    assert "<script>" not in article.html
    assert "1,200 residents" in article.text


# ----------------------------------------------------------------- denials
def test_anonymous_gets_401_with_a_bearer_challenge(anon_client):
    response = anon_client.post(URL, body(), format="json")
    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not Article.objects.exists()


def test_an_unknown_key_gets_401(anon_client):
    response = key_client("fck_deadbeef_nope").post(URL, body(), format="json")
    assert_error(response, 401, "authentication_failed")


def test_a_key_without_the_write_scope_gets_403(make_key):
    client = key_client(make_key(ApiScope.ARTICLES_READ).key)
    assert_error(client.post(URL, body(), format="json"), 403, "permission_denied")
    assert not Article.objects.exists()


def test_a_revoked_key_gets_401(api_key, api_client):
    assert api_client.get(URL).status_code == 200  # the key is now cached
    keys.api_key_revoke(api_key=api_key.api_key)
    assert_error(api_client.post(URL, body(), format="json"), 401)
    assert not Article.objects.exists()


def test_a_key_of_a_disabled_integration_gets_401(api_client, integration):
    integration.is_active = False
    integration.save()
    assert_error(api_client.get(URL), 401)


def test_a_session_cookie_cannot_submit_articles(client, editor):
    client.force_login(editor)
    response = client.post(URL, body(), content_type="application/json")
    assert_error(response, 401)
    assert not Article.objects.exists()


def test_the_key_is_stored_only_as_a_hash(api_key):
    row = ApiKey.objects.get()
    assert api_key.key not in json.dumps(
        {f.name: str(getattr(row, f.attname)) for f in ApiKey._meta.concrete_fields}
    )
    assert api_key.key.startswith(f"fck_{row.prefix}_")


def test_the_management_command_prints_a_working_key_once(integration, reviewer, capsys):
    call_command(
        "create_api_key",
        integration.name,
        "--scopes",
        "articles:write",
        "articles:read",
        "--acting-user",
        reviewer.username,
    )
    key = capsys.readouterr().out.strip()
    assert key_client(key).get(URL).status_code == 200
    assert ApiKey.objects.get().acting_user == reviewer


# ----------------------------------------------------------------- bad input
def _nothing_stored():
    assert not Article.objects.exists()
    assert not IdempotencyRecord.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"text": "", "html": ""}, "text"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"published_at": "yesterday"}, "published_at"),
        ({"title": "a\x00b"}, "title"),
        ({"title": "\ud800"}, "title"),
        ({"text": "ok \ud800"}, "text"),
        ({"colour": "red"}, "colour"),
        ({"external_id": None}, "external_id"),
        ({"title": ["nested", {"list": 1}]}, "title"),
    ],
)
def test_invalid_fields_get_400_with_field_messages(api_client, payload, field):
    # json.dumps escapes the lone surrogate (\ud800) as JSON allows.
    raw = json.dumps(body(**payload)).encode()
    error = assert_error(_raw(api_client, raw), 400, "invalid")
    assert field in error["fields"], error
    _nothing_stored()


def test_text_over_the_limit_is_a_400_on_text(api_client, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 1000
    error = assert_error(api_client.post(URL, body(text="x" * 1001), format="json"), 400)
    assert "text" in error["fields"]
    _nothing_stored()


def test_an_oversized_body_is_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    assert_error(api_client.post(URL, body(text="x" * 20_000), format="json"), 413)
    _nothing_stored()


def _raw(client, data: bytes, content_type="application/json"):
    return client.generic("POST", URL, data, content_type=content_type)


def test_malformed_json_is_400(api_client):
    assert_error(_raw(api_client, b'{"title": "x",'), 400, "parse_error")
    _nothing_stored()


def test_invalid_utf8_is_400(api_client):
    assert_error(_raw(api_client, b'{"title": "\xff\xfe"}'), 400, "parse_error")
    _nothing_stored()


def test_deeply_nested_json_is_400(api_client):
    assert_error(_raw(api_client, b"[" * 100_000 + b"]" * 100_000), 400, "parse_error")
    deep = 1
    for _ in range(40):
        deep = [deep]
    assert_error(_raw(api_client, json.dumps(body(text=deep)).encode()), 400, "parse_error")
    _nothing_stored()


def test_huge_numbers_are_400(api_client):
    assert_error(_raw(api_client, b'{"title": 1e400}'), 400, "parse_error")
    assert_error(_raw(api_client, b'{"title": ' + b"9" * 5000 + b"}"), 400, "parse_error")
    assert_error(_raw(api_client, b'{"title": NaN}'), 400, "parse_error")
    _nothing_stored()


def test_a_json_array_instead_of_an_object_is_400(api_client):
    assert_error(_raw(api_client, b"[1, 2]"), 400, "invalid")
    _nothing_stored()


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"title=x&text=y", "application/x-www-form-urlencoded"),
        (b"<article/>", "application/xml"),
        (b'{"title": "x"}', "text/plain"),
    ],
)
def test_a_wrong_content_type_is_415(api_client, data, content_type):
    assert_error(_raw(api_client, data, content_type), 415, "unsupported_media_type")
    _nothing_stored()


def test_asking_for_html_is_406(api_client):
    response = api_client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 406


def test_an_unknown_api_path_is_a_json_404(api_client):
    assert_error(api_client.get("/api/v1/nothing/here"), 404, "not_found")


# ----------------------------------------------------------------- list
def test_the_list_filters_by_status_external_id_outlet_and_updated_since(api_client, integration):
    api_client.post(URL, body(external_id="a"), format="json")
    api_client.post(URL, body(external_id="b", outlet="Other"), format="json")
    factories.article()  # browser-pasted, extracted: ready
    assert len(api_client.get(URL).json()["results"]) == 3
    assert [
        a["external_id"] for a in api_client.get(URL, {"external_id": "a"}).json()["results"]
    ] == ["a"]
    assert len(api_client.get(URL, {"status": "ready"}).json()["results"]) == 1
    assert len(api_client.get(URL, {"outlet": "other"}).json()["results"]) == 1
    assert (
        len(api_client.get(URL, {"updated_since": "2999-01-01T00:00:00Z"}).json()["results"]) == 0
    )


def test_bad_filters_are_400_with_field_messages(api_client):
    error = assert_error(
        api_client.get(URL, {"status": "nope", "updated_since": "soon", "story": "x"}), 400
    )
    assert set(error["fields"]) == {"status", "updated_since", "story"}


def test_the_list_is_cursor_paginated(api_client):
    for i in range(3):
        api_client.post(
            URL, body(external_id=f"e{i}", text=f"{factories.SAMPLE_TEXT} {i}"), format="json"
        )
    page = api_client.get(URL, {"limit": 2}).json()
    assert len(page["results"]) == 2 and page["next"]
    rest = api_client.get(page["next"]).json()
    assert len(rest["results"]) == 1
    ids = {a["id"] for a in page["results"] + rest["results"]}
    assert len(ids) == 3


def test_each_listed_article_counts_its_current_figures_by_status(
    api_client, reviewer, django_assert_max_num_queries
):
    reviewed = factories.article()
    figures = factories.current_figures(reviewed)
    services.verdict_record(figure=figures[0], reviewer=reviewer, decision="approve")
    services.verdict_record(
        figure=figures[1], reviewer=reviewer, decision="dispute", reason="no_source"
    )
    figures[2].is_current = False  # retired by a revision: not counted
    figures[2].save(update_fields=["is_current"])
    untouched = factories.article()
    api_client.post(URL, body(), format="json")  # queued: no figures yet
    for i in range(5):  # the query count does not grow with the page
        factories.article(title=f"More {i}")

    with django_assert_max_num_queries(6):
        results = api_client.get(URL).json()["results"]

    progress = {a["id"]: a["progress"] for a in results}
    total = len(figures) - 1
    assert progress[str(reviewed.public_id)] == {
        "total": total,
        "pending": total - 2,
        "approved": 1,
        "disputed": 1,
        "decided": 2,
    }
    assert progress[str(untouched.public_id)]["total"] == len(factories.current_figures(untouched))
    queued = next(a for a in results if a["external_id"] == "cms-1")
    assert queued["progress"] == {
        "total": 0, "pending": 0, "approved": 0, "disputed": 0, "decided": 0
    }  # fmt: skip


def test_a_reviewer_reads_the_list_with_a_session(reviewer_client):
    factories.article()
    response = reviewer_client.get(URL)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_an_outsider_with_a_session_gets_403(outsider_client):
    assert_error(outsider_client.get(URL), 403)


def test_a_key_without_the_read_scope_cannot_list(make_key):
    assert_error(key_client(make_key(ApiScope.ARTICLES_WRITE).key).get(URL), 403)


# ----------------------------------------------------------------- detail
def test_the_detail_has_status_progress_figures_and_empty_conflicts(
    api_client, django_assert_max_num_queries
):
    article = factories.article()
    with django_assert_max_num_queries(8):
        response = api_client.get(f"{URL}/{article.public_id}")
    data = response.json()
    assert data["status"] == "ready"
    figures = factories.current_figures(article)
    assert data["progress"] == {
        "total": len(figures),
        "pending": len(figures),
        "approved": 0,
        "disputed": 0,
        "decided": 0,
    }
    assert [f["id"] for f in data["figures"]] == [str(f.public_id) for f in figures]
    assert data["figures"][0]["verdict"] is None
    assert data["conflicts"] == []


def test_an_unknown_or_malformed_article_id_is_404(api_client):
    assert_error(api_client.get(f"{URL}/3f0c1b8e-0000-4000-8000-000000000000"), 404, "not_found")
    assert_error(api_client.get(f"{URL}/not-a-uuid"), 404, "not_found")


@pytest.mark.parametrize("url", ["http://example.com:99999/x", "http://example.com:0/x"])
def test_an_article_url_with_an_impossible_port_is_400_and_stores_nothing(api_client, url):
    response = api_client.post(URL, body(url=url), format="json")
    assert response.status_code == 400
    assert "url" in str(response.json())
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "field", ["external_id", "title", "text", "html", "url", "outlet", "byline"]
)
@pytest.mark.parametrize("value", [0, 12.5, True, ["x"], {"a": "b"}])
def test_article_fields_take_only_strings(api_client, field, value):
    """DRF's CharField stored `"byline": 0` as "0" though the schema says string."""
    error = assert_error(api_client.post(URL, body(**{field: value}), format="json"), 400)
    assert error["fields"][field] == ["Send this as a JSON string (numbers as written)."]
    assert not Article.objects.exists()
