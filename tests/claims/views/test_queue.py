import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(reverse("claims:queue"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_outsider_gets_403(outsider_client):
    assert outsider_client.get(reverse("claims:queue")).status_code == 403


def test_the_queue_lists_articles_with_status_and_figure_counts(reviewer_client, article, reviewer):
    from claims import services

    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    response = reviewer_client.get(reverse("claims:queue"))
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert "In review" in html
    row = response.context["page"].object_list[0]
    assert (row.approved_count, row.disputed_count, row.pending_count) == (
        1,
        0,
        row.figure_count - 1,
    )


def test_the_queue_filters_by_status(reviewer_client, article):
    queued = factories.article(extract=False, title="Still queued")
    response = reviewer_client.get(reverse("claims:queue"), {"status": "queued"})
    titles = [a.title for a in response.context["page"].object_list]
    assert titles == [queued.title]
    # An unknown status is ignored rather than an error.
    assert reviewer_client.get(reverse("claims:queue"), {"status": "bogus"}).status_code == 200


def test_the_queue_runs_a_fixed_number_of_queries(reviewer_client, django_assert_max_num_queries):
    for _ in range(15):
        factories.article()
    # Session and user, the count and the page, the page's figure and
    # problem counts, the outlet and story filters: none per row.
    with django_assert_max_num_queries(10):
        assert reviewer_client.get(reverse("claims:queue")).status_code == 200


def test_the_queue_searches_titles_and_text(reviewer_client):
    factories.article(title="Harbour works approved", text="The quay will cost $59.5 million.")
    factories.article(title="School budget", text="Teachers get 4% more.")
    response = reviewer_client.get(reverse("claims:queue"), {"q": "quay"})
    assert [a.title for a in response.context["page"].object_list] == ["Harbour works approved"]
    response = reviewer_client.get(reverse("claims:queue"), {"q": "school"})
    assert [a.title for a in response.context["page"].object_list] == ["School budget"]
    response = reviewer_client.get(reverse("claims:queue"), {"q": "nothing-like-this"})
    assert "No articles match" in response.content.decode()


def test_the_queue_filters_by_outlet(reviewer_client):
    from claims import services

    services.article_submit(title="From Valley", text="It cost $4.", outlet_name="Valley Post")
    factories.article(title="From the Gazette")
    response = reviewer_client.get(reverse("claims:queue"), {"outlet": "Valley Post"})
    assert [a.title for a in response.context["page"].object_list] == ["From Valley"]


def test_the_queue_filters_by_story(reviewer_client):
    from tests.claims.test_crosschecking import submit_demo

    lakeside, _, _ = submit_demo()
    factories.article(title="Unrelated")
    story = lakeside.story
    response = reviewer_client.get(reverse("claims:queue"), {"story": str(story.public_id)})
    assert len(response.context["page"].object_list) == 3
    assert "Unrelated" not in response.content.decode()
    # A malformed story id is ignored, not an error.
    assert reviewer_client.get(reverse("claims:queue"), {"story": "nope"}).status_code == 200
