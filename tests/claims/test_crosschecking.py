"""The app side of cross-checking on the demo story (our own text): three
outlets, one of which prints a daily casualty figure ten times the others'."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from claims import crosschecking, services
from claims.models import Article, Finding, FindingReview, Story, TermStat
from tests import factories

pytestmark = pytest.mark.django_db

DEMO = json.loads((Path(__file__).resolve().parents[2] / "claims/demo/articles.json").read_text())


def submit_demo(items=DEMO):
    import datetime as dt

    articles = []
    for item in items:
        published = dt.datetime.fromisoformat(item["published"]).replace(hour=12, tzinfo=dt.UTC)
        article = services.article_submit(
            title=item["title"], text=item["text"], outlet_name=item["outlet"],
            published_at=published,
        ).article  # fmt: skip
        services.article_extract(article_id=article.pk)
        crosschecking.article_crosscheck(article_id=article.pk)
        article.refresh_from_db()
        articles.append(article)
    return articles


def test_the_three_demo_articles_land_in_one_story():
    lakeside, northgate, eastern = submit_demo()
    assert lakeside.story_id is not None
    assert lakeside.story_id == northgate.story_id == eastern.story_id
    assert Story.objects.count() == 1


def test_an_unrelated_article_starts_its_own_story():
    submit_demo()
    other = factories.article(
        title="Council budget vote", text="The city council approved a $12.5 million budget."
    )
    crosschecking.article_crosscheck(article_id=other.pk)
    other.refresh_from_db()
    assert Story.objects.count() == 2
    assert other.story.articles.count() == 1


def test_the_planted_conflict_is_found_with_a_reason():
    _lakeside, _northgate, _eastern = submit_demo()
    conflicts = Finding.objects.filter(type="conflict", is_current=True)
    surfaces = sorted(
        tuple(sorted(f.surface for f in finding.figures.all())) for finding in conflicts
    )
    assert surfaces == [("1,200", "12,000"), ("1,200", "12,000")]
    assert all("factor of 10" in finding.why for finding in conflicts)
    assert Finding.objects.filter(type="agree", is_current=True).count() >= 4


def test_checking_again_keeps_findings_and_their_reviews(reviewer):
    submit_demo()
    conflict = Finding.objects.filter(type="conflict").first()
    crosschecking.finding_review(finding=conflict, reviewer=reviewer, decision="confirm")
    before = set(Finding.objects.values_list("pk", "key"))
    for article in Article.objects.all():
        crosschecking.article_crosscheck(article_id=article.pk)
    assert set(Finding.objects.values_list("pk", "key")) == before
    conflict.refresh_from_db()
    assert conflict.status == Finding.Status.CONFIRMED


def test_a_corrected_article_retires_its_conflict():
    from claims.models import Integration

    cms = Integration.objects.create(name="CMS")
    import datetime as dt

    items = []
    for n, item in enumerate(DEMO):
        published = dt.datetime.fromisoformat(item["published"]).replace(hour=12, tzinfo=dt.UTC)
        result = services.article_submit(
            title=item["title"], text=item["text"], outlet_name=item["outlet"],
            published_at=published, integration=cms, external_id=f"d{n}",
        )  # fmt: skip
        services.article_extract(article_id=result.article.pk)
        crosschecking.article_crosscheck(article_id=result.article.pk)
        items.append((item, published))
    item, published = items[1]
    corrected = item["text"].replace("approximately 12,000", "approximately 1,200")
    result = services.article_submit(
        title=item["title"], text=corrected, outlet_name=item["outlet"], published_at=published,
        integration=cms, external_id="d1",
    )  # fmt: skip
    services.article_extract(article_id=result.article.pk)
    crosschecking.article_crosscheck(article_id=result.article.pk)
    assert not Finding.objects.filter(type="conflict", is_current=True).exists()
    assert Finding.objects.filter(type="conflict", is_current=False).count() == 2


def test_reindexing_keeps_document_frequencies_exact():
    (article, *_) = submit_demo()
    docs = TermStat.objects.get(term=TermStat.DOCS).df
    total = sum(TermStat.objects.exclude(term=TermStat.DOCS).values_list("df", flat=True))
    crosschecking.article_index(article=article)
    crosschecking.article_index(article=article)
    assert TermStat.objects.get(term=TermStat.DOCS).df == docs == 3
    assert sum(TermStat.objects.exclude(term=TermStat.DOCS).values_list("df", flat=True)) == total


def test_a_reviewer_confirms_or_dismisses_and_history_keeps_both(reviewer):
    submit_demo()
    finding = Finding.objects.filter(type="conflict").first()
    crosschecking.finding_review(finding=finding, reviewer=reviewer, decision="dismiss", note="x")
    crosschecking.finding_review(finding=finding, reviewer=reviewer, decision="confirm")
    finding.refresh_from_db()
    assert finding.status == Finding.Status.CONFIRMED
    assert list(finding.reviews.values_list("decision", flat=True)) == ["dismiss", "confirm"]


def test_an_outsider_cannot_review_findings(outsider):
    submit_demo()
    with pytest.raises(PermissionDenied):
        crosschecking.finding_review(
            finding=Finding.objects.first(), reviewer=outsider, decision="confirm"
        )
    assert not FindingReview.objects.exists()


def test_extraction_queues_the_cross_check_after_commit(django_capture_on_commit_callbacks):
    article = factories.article(extract=False)
    with django_capture_on_commit_callbacks() as callbacks:
        services.article_extract(article_id=article.pk)
    assert len(callbacks) == 1


def test_an_editor_splits_an_article_out_and_its_conflicts_go_with_it(editor):
    from claims.models import AuditEvent

    _, northgate, _ = submit_demo()
    story = northgate.story
    new = crosschecking.article_move_to_story(article=northgate, story=None, editor=editor)
    crosschecking.story_crosscheck(story=story)
    crosschecking.story_crosscheck(story=new)
    assert new.pk != story.pk
    assert not Finding.objects.filter(type="conflict", is_current=True).exists()
    assert AuditEvent.objects.filter(action="story.article_split", actor=editor).exists()
    # Moving it back finds the same conflicts again (same rows, by key).
    crosschecking.article_move_to_story(article=northgate, story=story, editor=editor)
    crosschecking.story_crosscheck(story=story)
    assert Finding.objects.filter(type="conflict", is_current=True).count() == 2


def test_an_editor_merges_two_stories(editor):
    lakeside, northgate, eastern = submit_demo()
    story = lakeside.story
    crosschecking.article_move_to_story(article=eastern, story=None, editor=editor)
    eastern.refresh_from_db()
    merged = crosschecking.story_merge(source=eastern.story, target=story, editor=editor)
    assert set(merged.articles.values_list("pk", flat=True)) == {
        lakeside.pk, northgate.pk, eastern.pk,
    }  # fmt: skip
    assert Story.objects.count() == 1


def test_a_reviewer_cannot_change_stories(reviewer):
    _, northgate, _ = submit_demo()
    with pytest.raises(PermissionDenied):
        crosschecking.article_move_to_story(article=northgate, story=None, editor=reviewer)
    assert Story.objects.count() == 1
