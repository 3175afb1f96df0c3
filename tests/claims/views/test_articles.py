import pytest
from django.urls import reverse

from claims.models import Article, Figure, Verdict
from tests import factories

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
        ({"title": "", "text": "It cost $4 million."}, "This field is required"),
        ({"title": "Binary", "text": "\x00\x01\x02"}, "Null characters are not allowed"),
        ({"title": "Bad date", "text": "x 1", "published": "13/13/2026"}, "Enter a valid date"),
        ({"title": "Bad URL", "text": "x 1", "url": "javascript:alert(1)"}, "http://"),
    ],
)
def test_the_add_form_explains_bad_input_and_stores_nothing(reviewer_client, data, message):
    response = reviewer_client.post(new_url(), data)
    assert response.status_code == 200
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


def test_the_article_page_highlights_every_figure(reviewer_client, article):
    response = reviewer_client.get(reverse("claims:article", args=[article.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    for figure in factories.current_figures(article):
        assert f'id="mark-{figure.public_id}"' in html
        assert f'id="fig-{figure.public_id}"' in html


def test_the_article_page_escapes_article_text(reviewer_client):
    article = factories.article(text='<script>alert("x")</script> It cost $4 million.')
    html = reviewer_client.get(reverse("claims:article", args=[article.public_id])).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_the_article_page_refreshes_while_extraction_runs(reviewer_client):
    article = factories.article(extract=False)
    html = reviewer_client.get(reverse("claims:article", args=[article.public_id])).content.decode()
    assert 'http-equiv="refresh"' in html
    assert "Extracting figures" in html


def test_an_unknown_article_is_404(reviewer_client):
    url = reverse("claims:article", args=["00000000-0000-0000-0000-000000000000"])
    assert reviewer_client.get(url).status_code == 404


def test_an_outsider_cannot_read_articles(outsider_client, article):
    url = reverse("claims:article", args=[article.public_id])
    assert outsider_client.get(url).status_code == 403


def test_the_review_page_runs_a_fixed_number_of_queries(
    reviewer_client, reviewer, django_assert_max_num_queries
):
    from claims import services

    text = " ".join(f"Item {n} cost ${n}.5 million." for n in range(1, 101))
    article = factories.article(text=text)
    figures = factories.current_figures(article)
    assert len(figures) >= 100
    for figure in figures[:30]:
        services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    with django_assert_max_num_queries(12):
        response = reviewer_client.get(reverse("claims:article", args=[article.public_id]))
    assert response.status_code == 200


# ------------------------------------------------------------- verdict form
def verdict_url(figure):
    return reverse("claims:figure_verdict", args=[figure.public_id])


def test_approving_from_the_page_records_it_and_returns_to_the_figure(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    response = reviewer_client.post(verdict_url(figure), {"decision": "approve", "version": 1})
    assert response.status_code == 302
    assert response.url.endswith(f"#fig-{figure.public_id}")
    figure.refresh_from_db()
    assert figure.status == Figure.Status.APPROVED
    page = reviewer_client.get(response.url).content.decode()
    assert "is now approved" in page
    assert "fig-approved" in page


def test_disputing_without_a_reason_shows_the_error_and_saves_nothing(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "version": 1, "note": "keep me"}, follow=True
    )
    html = response.content.decode()
    assert "Say why the figure is disputed." in html
    assert "keep me" in html  # the note typed is not lost
    assert not Verdict.objects.exists()


def test_a_stale_verdict_warns_and_shows_who_decided(reviewer_client, article, editor):
    from claims import services

    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=editor, decision="approve")
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "reason": "other", "version": 1}, follow=True
    )
    html = response.content.decode()
    assert "was changed by eddie since you loaded the page" in html
    assert Verdict.objects.count() == 1


def test_an_outsider_cannot_post_verdicts(outsider_client, article):
    figure = factories.current_figures(article)[0]
    assert (
        outsider_client.post(verdict_url(figure), {"decision": "approve", "version": 1}).status_code
        == 403
    )
    assert not Verdict.objects.exists()


def test_a_malformed_verdict_post_is_an_error_message_not_a_500(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "approve", "version": "x" * 5000}
    )
    assert response.status_code == 302
    assert not Verdict.objects.exists()


def test_verdicts_need_a_post(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    assert reviewer_client.get(verdict_url(figure)).status_code == 405


def test_log_in_page_renders_and_logs_in(client, reviewer):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(
        reverse("login"), {"username": "rita", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("claims:queue")).status_code == 200
