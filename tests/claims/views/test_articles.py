import pytest
from django.urls import reverse

from claims.models import Article

pytestmark = pytest.mark.django_db


def new_url():
    return reverse("claims:article_new")


def test_the_add_form_stores_the_article_and_opens_it(
    reviewer_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = reviewer_client.post(
            new_url(),
            {
                "title": "Budget vote",
                "outlet": "Valley Post",
                "text": "It cost $4 million.",
                "published": "2026-11-13",
            },
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("claims:article", args=[article.public_id])
    assert article.published_at.date().isoformat() == "2026-11-13"
    assert article.submitted_by.username == "rita"
    assert len(callbacks) == 1  # extraction is queued after commit


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Empty", "text": "   "}, "Paste the article"),
        ({"title": "No URL", "url": "not-a-url"}, "Enter a full http:// or https:// address."),
        ({"title": "", "text": "It cost $4 million."}, "Give the article a title."),
        ({"title": "Binary", "text": "\x00\x01\x02"}, "Null characters are not allowed"),
        ({"title": "Bad date", "text": "x 1", "published": "13/13/2026"}, "Enter a valid date"),
        ({"title": "Bad URL", "text": "x 1", "url": "javascript:alert(1)"}, "http://"),
    ],
)
def test_the_add_form_explains_bad_input_and_stores_nothing(reviewer_client, data, message):
    response = reviewer_client.post(new_url(), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_the_add_form_refuses_an_oversized_article(reviewer_client, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 1000
    response = reviewer_client.post(new_url(), {"title": "Long", "text": "word " * 500})
    assert "the limit is 1,000" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_request_body_over_the_upload_limit_is_a_400_not_a_500(reviewer_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = reviewer_client.post(new_url(), {"title": "Huge", "text": "x" * 20_000})
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_an_outsider_cannot_add_articles(outsider_client):
    assert outsider_client.get(new_url()).status_code == 403
    assert outsider_client.post(new_url(), {"title": "t", "text": "1"}).status_code == 403
    assert Article.objects.count() == 0


def test_log_in_page_renders_and_logs_in(client, reviewer):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(
        reverse("login"), {"username": "rita", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("claims:queue")).status_code == 200


@pytest.mark.parametrize("text", ["", "It cost $4 million."])
def test_a_url_with_an_impossible_port_is_a_form_error_and_stores_nothing(reviewer_client, text):
    response = reviewer_client.post(
        new_url(), {"title": "Budget vote", "url": "http://example.com:99999/x", "text": text}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["url"] == ["The port must be between 1 and 65535."]
    assert not Article.objects.exists()
