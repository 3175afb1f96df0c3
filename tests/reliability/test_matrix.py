"""Rows of the reliability matrix (../shared/reference/reliability.md) that
run in-process: C2, C3, C7, S8, B14."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.models import Article, ExtractionRun, Figure, Integration, Verdict
from claims.netsafety import public_url_check
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "Officials said 1,200 people were evacuated.\n\nRepairs will cost $4.2 billion."


def submit(cms, text, title="Flood"):
    article = services.article_submit(
        title=title, text=text, integration=cms, external_id="f-1"
    ).article
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    return article


def test_c2_a_verdict_on_a_figure_changed_by_re_extraction_is_refused_not_misattached(reviewer):
    cms = Integration.objects.create(name="CMS")
    article = submit(cms, TEXT)
    evacuated, cost = factories.current_figures(article)  # both on screen at version 1
    submit(cms, TEXT.replace("$4.2 billion", "$4.8 billion"))
    # The unchanged figure still takes the verdict the reviewer prepared ...
    services.verdict_record(
        figure=evacuated, reviewer=reviewer, decision="approve", expected_version=1
    )
    # ... the changed one does not: it is no longer in the current text.
    with pytest.raises(ValidationError, match="no longer in the article's current text"):
        services.verdict_record(
            figure=cost, reviewer=reviewer, decision="approve", expected_version=1
        )
    assert Verdict.objects.count() == 1


def test_c3_a_burst_of_revisions_leaves_only_the_last_ones_figures_current():
    cms = Integration.objects.create(name="CMS")
    for n in range(1, 6):
        services.article_submit(
            title="Flood", text=f"Officials said {n},200 people left.", integration=cms,
            external_id="f-1",
        )  # fmt: skip
    article = Article.objects.get()
    for _ in range(5):  # the five queued tasks, run late and in any order
        services.article_extract(article_id=article.pk)
    assert article.revisions.count() == 5
    current = list(Figure.objects.filter(article=article, is_current=True))
    assert [f.surface for f in current] == ["5,200"]
    assert current[0].revision == 5
    assert ExtractionRun.objects.filter(status="succeeded").count() == 1


def test_c7_a_tab_left_open_after_logging_out_elsewhere_cannot_write(client, reviewer, article):
    client.force_login(reviewer)
    figure = factories.current_figures(article)[0]
    client.post(reverse("logout"))  # "tab A"; tab B shares the session cookie
    response = client.post(
        reverse("claims:figure_verdict", args=[figure.public_id]),
        {"decision": "approve", "version": 1},
    )
    assert response.status_code == 302 and reverse("login") in response.url
    assert not Verdict.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:5432/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://192.168.1.1/admin",
        "http://localhost:6379/",
        "http://0.0.0.0/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
    ],
)
def test_s8_private_and_non_web_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        public_url_check(url)


def test_b14_a_forged_host_header_is_refused_without_echo(client):
    response = client.get(reverse("login"), HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"evil.example" not in response.content


def test_c2_the_review_page_says_the_figure_changed_and_saves_nothing(reviewer_client):
    cms = Integration.objects.create(name="CMS")
    article = submit(cms, TEXT)
    _, cost = factories.current_figures(article)
    submit(cms, TEXT.replace("$4.2 billion", "$4.8 billion"))
    url = reverse("claims:figure_verdict", args=[cost.public_id])
    page = reviewer_client.post(url, {"decision": "approve", "version": 1}, follow=True)
    assert "“$4.2 billion” changed in a new revision of the article" in page.content.decode()
    htmx = reviewer_client.post(url, {"decision": "approve", "version": 1}, HTTP_HX_REQUEST="true")
    assert "changed in a new revision" in htmx.content.decode()
    heading = '<h2 id="panel-heading" tabindex="-1" class="surface">1,200</h2>'
    assert heading in htmx.content.decode()  # the first pending current figure
    assert not Verdict.objects.exists()
