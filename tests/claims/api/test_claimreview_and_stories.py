import pytest

from claims import services
from claims.models import Story
from tests import factories
from tests.claims.api.conftest import assert_error

pytestmark = pytest.mark.django_db

TEXT = "About 1,200 residents attended the meeting, officials said."


def test_claimreview_has_googles_required_properties_for_each_decided_figure(api_client, reviewer):
    article = factories.article(text=TEXT, url="https://news.example.com/a")
    figure = factories.current_figures(article)[0]
    services.verdict_record(
        figure=figure,
        reviewer=reviewer,
        decision="dispute",
        reason="misquote",
        corrected_value="120",
    )
    data = api_client.get(f"/api/v1/articles/{article.public_id}/claimreview").json()
    assert len(data) == 1
    review = data[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] and len(review["claimReviewed"]) <= 75
    assert review["url"] == f"https://news.example.com/a#figure-{figure.public_id}"
    assert review["reviewRating"]["alternateName"] == "Misquoted"
    assert review["reviewRating"]["ratingExplanation"] == "Correct value: 120."
    assert review["author"]["@type"] == "Organization"
    assert review["datePublished"]
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert [a["url"] for a in claim["appearance"]] == ["https://news.example.com/a"]


def test_pending_figures_get_no_claimreview(api_client):
    article = factories.article(text=TEXT)
    assert api_client.get(f"/api/v1/articles/{article.public_id}/claimreview").json() == []


def test_appearance_lists_the_story_articles_carrying_the_same_figure(api_client, reviewer):
    story = Story.objects.create(title="Council meeting")
    a = factories.article(text=TEXT, url="https://a.example.com/1")
    b = factories.article(
        text="Officials said about 1,200 residents came.", url="https://b.example.com/2"
    )
    c = factories.article(text="Some 90 residents came.", url="https://c.example.com/3")
    for x in (a, b, c):
        x.story = story
        x.save()
    services.verdict_record(
        figure=factories.current_figures(a)[0], reviewer=reviewer, decision="approve"
    )
    review = api_client.get(f"/api/v1/articles/{a.public_id}/claimreview").json()[0]
    urls = [x["url"] for x in review["itemReviewed"]["appearance"]]
    assert urls == ["https://a.example.com/1", "https://b.example.com/2"]
    assert review["reviewRating"]["alternateName"] == "Accurate"


def test_a_story_lists_its_articles(api_client, reviewer_client):
    story = Story.objects.create(title="Council meeting")
    a = factories.article(text=TEXT)
    a.story = story
    a.save()
    factories.article(text="Unrelated 5 things.")
    for client in (api_client, reviewer_client):
        data = client.get(f"/api/v1/stories/{story.public_id}").json()
        assert data["title"] == "Council meeting"
        assert [x["id"] for x in data["articles"]] == [str(a.public_id)]
        assert data["articles"][0]["progress"]["total"] >= 1


def test_an_unknown_story_is_404(api_client, outsider_client):
    assert_error(api_client.get("/api/v1/stories/3f0c1b8e-0000-4000-8000-000000000000"), 404)
    story = Story.objects.create()
    assert_error(outsider_client.get(f"/api/v1/stories/{story.public_id}"), 403)
