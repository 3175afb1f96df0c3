import pytest
from django.urls import reverse

from claims import services
from claims.models import Article, Figure, Story, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def review_url(article, figure=None):
    url = reverse("claims:article", args=[article.public_id])
    return f"{url}?figure={figure.public_id}" if figure else url


def verdict_url(figure):
    return reverse("claims:figure_verdict", args=[figure.public_id])


# ---------------------------------------------------------------- the page
def test_the_review_page_highlights_every_figure_and_selects_the_first_pending(
    reviewer_client, article, reviewer
):
    first, second, *_ = factories.current_figures(article)
    services.verdict_record(figure=first, reviewer=reviewer, decision="approve")
    response = reviewer_client.get(review_url(article))
    html = response.content.decode()
    assert response.status_code == 200
    for figure in factories.current_figures(article):
        assert f'id="mark-{figure.public_id}"' in html
    assert response.context["figure"] == second
    assert f'data-figure="{second.public_id}"' in html
    assert "fig-approved" in html


def test_a_figure_link_opens_that_figure_in_the_panel(reviewer_client, article):
    figure = factories.current_figures(article)[2]
    response = reviewer_client.get(review_url(article, figure))
    assert response.context["figure"] == figure
    assert response.context["position"] == 3


def test_htmx_gets_only_the_panel(reviewer_client, article):
    figure = factories.current_figures(article)[1]
    response = reviewer_client.get(review_url(article, figure), **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<aside id="panel"')
    assert "<html" not in html


def test_the_panel_shows_value_kind_subject_speaker_and_sentence(reviewer_client):
    article = factories.article(
        text="Officials said about 1,200 residents were evacuated on Monday.", title="Flood"
    )
    figure = next(f for f in factories.current_figures(article) if f.surface == "1,200")
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    assert "1,200" in html
    assert "Count" in html
    if figure.attributed_to:
        assert figure.attributed_to in html
    if figure.sentence_end:
        assert "were evacuated on Monday" in html


def test_the_article_page_escapes_article_text(reviewer_client):
    article = factories.article(text='<script>alert("x")</script> It cost $4 million.')
    html = reviewer_client.get(review_url(article)).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_notes_are_escaped_in_the_history(reviewer_client, article, reviewer):
    figure = factories.current_figures(article)[0]
    services.verdict_record(
        figure=figure, reviewer=reviewer, decision="approve", note="<img src=x onerror=alert(1)>"
    )
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_page_shows_extraction_progress_while_a_worker_runs(reviewer_client):
    article = factories.article(extract=False)
    html = reviewer_client.get(review_url(article)).content.decode()
    assert 'id="extraction"' in html
    assert "waiting for a worker" in html
    status = reverse("claims:extraction_status", args=[article.public_id])
    assert reviewer_client.get(status, **HTMX).status_code == 200
    services.article_extract(article_id=article.pk)
    done = reviewer_client.get(status, **HTMX)
    assert done.status_code == 204
    assert done["HX-Refresh"] == "true"


def test_an_unknown_article_is_404(reviewer_client):
    url = reverse("claims:article", args=["00000000-0000-0000-0000-000000000000"])
    assert reviewer_client.get(url).status_code == 404


def test_an_outsider_cannot_read_articles(outsider_client, article):
    assert outsider_client.get(review_url(article)).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client, article):
    response = client.get(review_url(article))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_review_page_of_300_figures_runs_a_fixed_number_of_queries(
    reviewer_client, reviewer, django_assert_max_num_queries
):
    text = " ".join(f"Item {n} cost ${n}.5 million." for n in range(1, 301))
    article = factories.article(text=text)
    figures = factories.current_figures(article)
    assert len(figures) >= 300
    for figure in figures[:50]:
        services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    with django_assert_max_num_queries(12):
        response = reviewer_client.get(review_url(article))
    assert response.status_code == 200


# --------------------------------------------------------------- verdicts
def test_approving_records_it_and_moves_to_the_next_figure(reviewer_client, article):
    first, second, *_ = factories.current_figures(article)
    response = reviewer_client.post(verdict_url(first), {"decision": "approve", "version": 1})
    assert response.status_code == 302
    assert response.url == review_url(article, second)
    first.refresh_from_db()
    assert first.status == Figure.Status.APPROVED
    page = reviewer_client.get(response.url).content.decode()
    assert "Approved “$12.5 million”: now approved." in page


def test_an_htmx_approval_returns_the_next_panel_with_out_of_band_updates(reviewer_client, article):
    first, second, *_ = factories.current_figures(article)
    response = reviewer_client.post(
        verdict_url(first), {"decision": "approve", "version": 1}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-figure="{second.public_id}"' in html  # the next figure's panel
    assert f'id="mark-{first.public_id}"' in html and "fig-approved" in html
    assert 'id="progress" hx-swap-oob="true"' in html
    assert "1 approved" in html


def test_disputing_without_a_reason_shows_the_error_and_saves_nothing(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "version": 1, "note": "keep me"}, follow=True
    )
    html = response.content.decode()
    assert "Say why the figure is disputed." in html
    assert "keep me" in html  # the note typed is not lost
    assert not Verdict.objects.exists()


def test_an_htmx_dispute_without_a_reason_stays_on_the_figure_with_the_error(
    reviewer_client, article
):
    figure = factories.current_figures(article)[0]
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "version": 1, "note": "keep me"}, **HTMX
    )
    html = response.content.decode()
    assert f'data-figure="{figure.public_id}"' in html
    assert "Say why the figure is disputed." in html
    assert "keep me" in html
    assert not Verdict.objects.exists()


def test_a_dispute_with_reason_note_and_evidence_shows_in_the_history(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    reviewer_client.post(
        verdict_url(figure),
        {
            "decision": "dispute",
            "reason": "wrong_unit",
            "version": 1,
            "note": "Budget says $12.5k",
            "corrected_value": "$12,500",
            "evidence_url": "https://example.org/budget",
        },
    )
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    assert "Dispute</strong> (Wrong unit): pending → disputed" in html
    assert "Should be: $12,500" in html
    assert "Budget says $12.5k" in html


def test_a_stale_verdict_warns_and_shows_who_decided(reviewer_client, article, editor):
    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=editor, decision="approve")
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "reason": "other", "version": 1}, follow=True
    )
    html = response.content.decode()
    assert "was changed by eddie since you loaded it" in html
    assert Verdict.objects.count() == 1


def test_an_htmx_stale_verdict_shows_their_verdict_instead_of_overwriting(
    reviewer_client, article, editor
):
    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=editor, decision="approve", note="checked")
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "reason": "other", "version": 1}, **HTMX
    )
    html = response.content.decode()
    assert 'role="alert">“$12.5 million” was changed by eddie' in html
    assert "checked" in html  # their note, in the history
    assert f'data-figure="{figure.public_id}"' in html
    assert Verdict.objects.count() == 1


def test_an_outsider_cannot_post_verdicts(outsider_client, article):
    figure = factories.current_figures(article)[0]
    response = outsider_client.post(verdict_url(figure), {"decision": "approve", "version": 1})
    assert response.status_code == 403
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


# -------------------------------------------------------------------- undo
def test_undo_reverts_my_last_verdict_then_the_one_before(reviewer_client, article, reviewer):
    first, second, *_ = factories.current_figures(article)
    services.verdict_record(figure=first, reviewer=reviewer, decision="approve")
    services.verdict_record(figure=second, reviewer=reviewer, decision="dispute", reason="other")
    undo = reverse("claims:article_undo", args=[article.public_id])

    response = reviewer_client.post(undo)
    assert response.url == review_url(article, second)
    second.refresh_from_db()
    assert second.status == Figure.Status.PENDING

    reviewer_client.post(undo)
    first.refresh_from_db()
    assert first.status == Figure.Status.PENDING
    assert Verdict.objects.filter(decision="undo").count() == 2
    assert Verdict.objects.count() == 4  # history keeps everything


def test_an_undo_through_the_verdict_form_says_undone(reviewer_client, article, reviewer):
    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    figure.refresh_from_db()
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "undo", "version": figure.version}, follow=True
    )
    assert f"Undone: “{figure.surface}” is pending again." in response.content.decode()


def test_undo_with_nothing_to_undo_says_so(reviewer_client, article):
    undo = reverse("claims:article_undo", args=[article.public_id])
    response = reviewer_client.post(undo, follow=True)
    assert "You have no verdict on this article to undo." in response.content.decode()


# -------------------------------------------------------- closing a review
def test_an_editor_marks_a_fully_decided_article_reviewed(client, editor, article):
    client.force_login(editor)
    for figure in factories.current_figures(article):
        services.verdict_record(figure=figure, reviewer=editor, decision="approve")
    html = client.get(review_url(article)).content.decode()
    assert "Mark reviewed" in html
    client.post(reverse("claims:article_reviewed", args=[article.public_id]))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEWED


def test_an_article_with_pending_figures_cannot_be_closed(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("claims:article_reviewed", args=[article.public_id]), follow=True
    )
    assert "still pending" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.READY


def test_a_reviewer_cannot_close_a_review(reviewer_client, reviewer, article):
    for figure in factories.current_figures(article):
        services.verdict_record(figure=figure, reviewer=reviewer, decision="approve")
    assert "Mark reviewed" not in reviewer_client.get(review_url(article)).content.decode()
    url = reverse("claims:article_reviewed", args=[article.public_id])
    assert reviewer_client.post(url).status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_the_highlighted_text_reads_exactly_like_the_article(reviewer_client, article):
    import re

    html = reviewer_client.get(review_url(article)).content.decode()
    body = re.search(r'<article class="article-text"[^>]*>(.*?)</article>', html, re.S)[1]
    text = re.sub(r"<[^>]+>", "", body)
    from html import unescape

    assert unescape(text) == article.text


# ------------------------------------------------------- claiming, overrule
def test_taking_an_article_shows_on_the_page_and_in_the_queue_filter(reviewer_client, article):
    factories.article(title="Someone else's")
    url = reverse("claims:article_assign", args=[article.public_id])
    page = reviewer_client.post(url, {"action": "take"}, follow=True).content.decode()
    assert "You have taken this article." in page
    response = reviewer_client.get(reverse("claims:queue"), {"assigned": "me"})
    assert [a.title for a in response.context["page"].object_list] == [article.title]
    response = reviewer_client.get(reverse("claims:queue"), {"assigned": "nobody"})
    assert [a.title for a in response.context["page"].object_list] == ["Someone else's"]


def test_the_page_says_who_has_taken_the_article(reviewer_client, article):
    colleague = factories.reviewer(username="carla")
    services.article_assign(article=article, user=colleague, take=True)
    html = reviewer_client.get(review_url(article)).content.decode()
    assert "Taken by carla" in html
    assert "Take over" in html


def test_a_reviewer_sees_who_decided_and_cannot_overrule(reviewer_client, article):
    colleague = factories.reviewer(username="carla")
    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=colleague, decision="approve")
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    assert "Decided by carla. Only an editor can overrule it." in html
    assert 'name="decision" value="approve"' not in html
    response = reviewer_client.post(
        verdict_url(figure), {"decision": "dispute", "reason": "other", "version": 2}, follow=True
    )
    assert "only an editor can overrule it" in response.content.decode()
    assert Verdict.objects.count() == 1


def test_an_editor_can_overrule(client, editor, article):
    colleague = factories.reviewer(username="carla")
    figure = factories.current_figures(article)[0]
    services.verdict_record(figure=figure, reviewer=colleague, decision="approve")
    client.force_login(editor)
    html = client.get(review_url(article, figure)).content.decode()
    assert "Decided by carla." in html and 'value="approve"' in html
    client.post(verdict_url(figure), {"decision": "dispute", "reason": "other", "version": 2})
    figure.refresh_from_db()
    assert figure.status == Figure.Status.DISPUTED


def test_a_url_only_submission_redirects_to_a_page_that_shows_the_download(
    reviewer_client, settings, page_server
):
    settings.FETCH_ALLOW_PRIVATE_URLS = True
    url = page_server.add("/a", "<html><body><p>x</p></body></html>")
    response = reviewer_client.post(reverse("claims:article_new"), {"url": url}, follow=True)
    html = response.content.decode()
    assert "Downloading the page" in html
    assert Article.objects.get().status == Article.Status.FETCHING


# ------------------------------------------------------------ cross-checking
def test_the_demo_conflict_is_first_in_the_queue_and_on_the_page(reviewer_client):
    from tests.claims.test_crosschecking import submit_demo

    factories.article(title="A newer unrelated article")
    lakeside, northgate, eastern = submit_demo()
    factories.article(title="The newest unrelated article")
    rows = reviewer_client.get(reverse("claims:queue")).context["page"].object_list
    assert {rows[0].title, rows[1].title, rows[2].title} == {
        lakeside.title, northgate.title, eastern.title,
    }  # fmt: skip
    assert rows[0].conflict_count >= 1
    html = reviewer_client.get(review_url(northgate)).content.decode()
    assert "Cross-check: 2 problems to look at first" in html
    assert "factor of 10" in html
    assert "The Lakeside Chronicle" in html and "Eastern Wire" in html
    only = reviewer_client.get(reverse("claims:queue"), {"conflicts": "1"})
    assert len(only.context["page"].object_list) == 3


def test_the_panel_shows_what_other_articles_say_about_the_figure(reviewer_client):
    from tests.claims.test_crosschecking import submit_demo

    _lakeside, northgate, _ = submit_demo()
    figure = northgate.figures.get(surface="12,000", is_current=True)
    html = reviewer_client.get(review_url(northgate, figure)).content.decode()
    assert "<h3>Cross-check</h3>" in html
    assert '1,200</a> <span class="where">(The Lakeside Chronicle)</span>' in html


def test_a_reviewer_confirms_a_finding_from_the_page(reviewer_client):
    from claims.models import Finding
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    finding = Finding.objects.filter(type="conflict").first()
    url = reverse("claims:finding_review", args=[finding.public_id])
    response = reviewer_client.post(
        url, {"decision": "confirm", "article": str(northgate.public_id)}, follow=True
    )
    assert "Finding confirmed." in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == Finding.Status.CONFIRMED


def test_the_review_page_with_findings_still_runs_a_fixed_number_of_queries(
    reviewer_client, django_assert_max_num_queries
):
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    with django_assert_max_num_queries(16):
        reviewer_client.get(review_url(northgate))


def test_an_editor_splits_an_article_from_the_page_and_a_reviewer_may_not(
    client, editor, reviewer_client
):
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    url = reverse("claims:article_story", args=[northgate.public_id])
    assert reviewer_client.post(url, {"action": "split"}).status_code == 403
    client.force_login(editor)
    assert (
        "Give this article a story of its own" in client.get(review_url(northgate)).content.decode()
    )
    response = client.post(url, {"action": "split"}, follow=True)
    assert "The article now has a story of its own." in response.content.decode()
    assert Story.objects.count() == 2
    assert client.post(url, {"action": "move", "story": "not-a-uuid"}).status_code == 302


def test_the_page_says_when_the_story_could_not_be_checked(reviewer_client, article):
    reason = "Not checked: the check ran out of its 90 s budget 3 times in a row."
    article.story = Story.objects.create(title="Storm", check_error=reason)
    article.save()
    assert reason in reviewer_client.get(review_url(article)).content.decode()


# ---------------------------------------------------------------- the figure's frame
def test_the_panel_shows_the_figures_frame(reviewer_client):
    article = factories.article(
        text="Officials said about 1,200 residents were evacuated in Eastvale on Monday.",
        title="Flood",
    )
    figure = next(f for f in factories.current_figures(article) if f.surface == "1,200")
    assert figure.frame_measure == "residents evacuated"
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    for label in ("Measure", "Where", "When", "Source", "Modality", "Direction"):
        assert f"<dt>{label}</dt>" in html
    assert "residents evacuated" in html
    assert "Eastvale" in html
    assert f'<time datetime="{figure.frame_time_iso}">on Monday</time>' in html
    assert "Estimate" in html  # "about"


def test_absent_frame_slots_say_not_stated(reviewer_client):
    article = factories.article(text="The bridge has 14 arches.", title="Bridge")
    figure = factories.current_figures(article)[0]
    html = reviewer_client.get(review_url(article, figure)).content.decode()
    assert '<dd class="frame-scope not-stated"><em>not stated</em></dd>' in html
    assert '<dd class="frame-time not-stated"><em>not stated</em></dd>' in html


def test_a_figure_extracted_before_frames_shows_no_frame(reviewer_client, article):
    figure = factories.current_figures(article)[0]
    Figure.objects.filter(pk=figure.pk).update(
        frame_measure="",
        frame_scope="",
        frame_time="",
        frame_time_iso="",
        frame_modality="",
        frame_direction="",
    )
    response = reviewer_client.get(review_url(article, figure))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<dt>Measure</dt>" not in html and "not stated" not in html
    assert "<dt>Said by</dt>" in html


# ------------------------------------------------------ dismissing a finding
def _dismiss(client, finding, article, **data):
    url = reverse("claims:finding_review", args=[finding.public_id])
    return client.post(
        url, {"decision": "dismiss", "article": str(article.public_id), **data}, follow=True
    )


def test_a_dismissal_asks_why_and_the_finding_shows_it_and_stops_counting(reviewer_client):
    from claims.models import Finding
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    html = reviewer_client.get(review_url(northgate)).content.decode()
    assert "Cross-check: 2 problems to look at first" in html
    for label in ("Not the same fact", "An update (later figure)", "Rounding", "Other"):
        assert label in html
    finding = Finding.objects.filter(type="conflict", figures__article=northgate).first()
    response = _dismiss(reviewer_client, finding, northgate, reason="rounding", note="5% apart")
    html = response.content.decode()
    assert "Finding dismissed." in html
    assert '<span class="dismissal">Rounding: 5% apart</span>' in html
    assert "Cross-check: 1 problem to look at first" in html
    other = Finding.objects.filter(type="conflict", figures__article=northgate).exclude(
        pk=finding.pk
    )[0]
    html = _dismiss(reviewer_client, other, northgate, reason="not_same_fact").content.decode()
    assert "Cross-check: no open problems" in html
    assert '<span class="dismissal">Not the same fact</span>' in html


@pytest.mark.parametrize(
    "data, error",
    [
        ({"note": "checked the wire copy"}, "Say why you dismiss it: choose a reason."),
        ({"reason": "bored", "note": "checked the wire copy"}, "Unknown reason"),
        ({"reason": "other", "note": ""}, "Write a note"),
    ],
)
def test_a_dismissal_without_a_valid_reason_comes_back_with_the_error_and_what_was_typed(
    reviewer_client, data, error
):
    from claims.models import Finding, FindingReview
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    finding = Finding.objects.filter(type="conflict", figures__article=northgate).first()
    html = _dismiss(reviewer_client, finding, northgate, **data).content.decode()
    assert "The review was not saved; see the finding." in html
    assert error in html
    assert '<details class="dismiss" open>' in html  # the form is open again
    if data["note"]:
        assert f">{data['note']}</textarea>" in html  # nothing typed is lost
    finding.refresh_from_db()
    assert finding.status == Finding.Status.OPEN
    assert not FindingReview.objects.exists()
    # Shown once: the next visit is the plain page.
    assert error not in reviewer_client.get(review_url(northgate)).content.decode()


def test_the_panels_cross_check_line_never_ends_with_vs(reviewer_client):
    import re

    from tests.claims.test_crosschecking import submit_demo

    _lakeside, northgate, _ = submit_demo()
    for figure in northgate.figures.filter(is_current=True, findings__isnull=False).distinct():
        html = reviewer_client.get(review_url(northgate, figure)).content.decode()
        panel = html[html.index('class="figure-findings"') :]
        panel = panel[: panel.index("</ul>")]
        lines = re.findall(r"</span> (.*?)<br>", panel, re.S)
        assert lines, panel
        for line in lines:
            assert "</a>" in line and not re.search(r"vs\s*</span>\s*$", line), line


def _story(texts):
    """Articles (title, outlet, published, text) submitted, extracted and cross-checked."""
    from tests.claims.test_crosschecking import submit_demo

    return submit_demo([{"title": t, "outlet": o, "published": p, "text": x}
                        for t, o, p, x in texts])


def test_a_later_figure_sits_in_its_own_muted_section_and_is_not_a_problem(reviewer_client):
    from claims.models import Finding

    texts = [
        ("Varden floods: 41 dead", "Valley Post", "2026-03-04",
         "Floods in the Varden valley had killed 41 people by March 3, the regional "
         "authority said, as rescue boats searched the lower villages of the valley."),
        ("Varden floods: 57 dead", "River Times", "2026-03-05",
         "Floods in the Varden valley had killed 57 people by March 4, the regional "
         "authority said, as rescue boats searched the lower villages of the valley."),
    ]
    first, second = _story(texts)
    assert first.story_id == second.story_id
    update = Finding.objects.get(type="update")
    assert not Finding.objects.filter(type="conflict").exists()
    html = reviewer_client.get(review_url(second)).content.decode()
    assert "Later figures and other sources in the story (1): not a conflict" in html
    assert "41 (2026-03-03) → 57 (2026-03-04)" in html
    assert "to look at first" not in html  # not counted as a problem
    assert update.is_current


def test_a_conflict_shows_the_two_figures_frames_side_by_side(reviewer_client):
    from tests.claims.test_crosschecking import submit_demo

    _, northgate, _ = submit_demo()
    html = reviewer_client.get(review_url(northgate)).content.decode()
    table = html[html.index('<table class="finding-frames">') :]
    table = table[: table.index("</table>")]
    assert "12,000" in table and "1,200" in table
    assert "casualties" in table  # what both figures measure
    assert "Ilse Brandt" in table  # who said it, per outlet


def test_two_sources_that_differ_are_shown_apart_from_the_conflicts(reviewer_client):
    from claims.models import Finding

    texts = [
        ("Orlen quake: 126 aftershocks", "Valley Post", "2026-03-04",
         "The Orlen seismic institute said it had recorded 126 aftershocks since the quake "
         "struck the Orlen valley, as rescue teams searched the lower villages."),
        ("Orlen quake: aftershocks go on", "River Times", "2026-03-04",
         "Correspondent Lena Varga said 97 aftershocks had been recorded since the quake "
         "struck the Orlen valley, as rescue teams searched the lower villages."),
    ]
    _, second = _story(texts)
    assert Finding.objects.filter(type="sources").count() == 1
    html = reviewer_client.get(review_url(second)).content.decode()
    assert "to look at first" not in html
    import html as html_lib

    section = html_lib.unescape(html[html.index('id="updates-title"') :])
    assert "Sources differ" in section and "97 per Correspondent Lena Varga" in section
