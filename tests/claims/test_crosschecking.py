"""The app side of cross-checking on the demo story (our own text): three
outlets, one of which prints a daily casualty figure ten times the others'."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from claims import crosschecking, services
from claims.models import Article, Finding, FindingReview, Story, TermStat
from tests import factories

pytestmark = pytest.mark.django_db

DEMO = json.loads((Path(__file__).resolve().parents[2] / "claims/demo/articles.json").read_text())


def submit_demo(items=DEMO):
    """The demo articles submitted, extracted and cross-checked one by one."""
    articles = _extracted_demo(items)
    for article in articles:
        crosschecking.article_crosscheck(article_id=article.pk)
        article.refresh_from_db()
    return articles


def _extracted_demo(items=DEMO):
    """The demo articles submitted and extracted, none placed in a story yet."""
    import datetime as dt

    articles = []
    for item in items:
        published = dt.datetime.fromisoformat(item["published"]).replace(hour=12, tzinfo=dt.UTC)
        article = services.article_submit(
            title=item["title"], text=item["text"], outlet_name=item["outlet"],
            published_at=published,
        ).article  # fmt: skip
        services.article_extract(article_id=article.pk)
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
    crosschecking.finding_review(
        finding=finding, reviewer=reviewer, decision="dismiss", reason="other", note="x"
    )
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


def test_two_articles_of_a_new_event_placed_together_share_one_story():
    # Both indexed before either is placed, as when two workers take them at once:
    # each sees the other as its match, without a story yet.
    first, second = _extracted_demo(DEMO[:2])
    crosschecking.article_index(article=second)
    crosschecking.article_crosscheck(article_id=first.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.story_id == first.story_id  # founded the story for both
    crosschecking.article_crosscheck(article_id=second.pk)
    assert Story.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs one writer at a time anyway"
)
def test_articles_of_one_event_checked_by_concurrent_workers_end_in_one_story():
    import threading

    articles = _extracted_demo()
    barrier = threading.Barrier(len(articles))
    errors = []

    def work(article_id):
        try:
            barrier.wait()
            crosschecking.article_crosscheck(article_id=article_id)
        except Exception as exc:  # reported below, with the others
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(a.pk,)) for a in articles]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Story.objects.count() == 1
    assert set(Article.objects.values_list("story", flat=True)) == {Story.objects.get().pk}
    keys = list(Finding.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys)) > 0


def test_a_check_already_covering_the_article_is_skipped_until_it_changes():
    lakeside, northgate, eastern = _extracted_demo()
    for article in (lakeside, northgate, eastern):
        crosschecking.article_place_in_story(article=article)
    story = Story.objects.get()
    crosschecking.story_crosscheck(story=story)  # reads all three
    conflict = Finding.objects.filter(type="conflict").first()
    Finding.objects.filter(pk=conflict.pk).update(is_current=False)  # a mark only a check redoes

    crosschecking.article_crosscheck(article_id=northgate.pk)  # covered: skipped
    conflict.refresh_from_db()
    assert not conflict.is_current

    Article.objects.filter(pk=northgate.pk).update(title="Northgate, corrected")
    Article.objects.get(pk=northgate.pk).save()  # moves updated_at, as re-extraction does
    crosschecking.article_crosscheck(article_id=northgate.pk)
    conflict.refresh_from_db()
    assert conflict.is_current


STORM = (
    "Officials in {place} said {n:,} people were evacuated and {m:,} homes lost power on Tuesday. "
    "Repairs in {place} will cost ${c}.5 million, about {p}% of the regional budget. "
    "The storm dropped {r} millimetres of rain on {place} in {h} hours, the weather service said. "
    "In {place}, {k} schools were closed and {b} bridges were damaged, the mayor told reporters. "
)
PLACES = ["Northgate", "Lakeside", "Eastbrook", "Westfield", "Harbourview", "Millbrook"]


def storm_story(articles: int, *, sentences_per_place: int = 3) -> Story:
    """A story of `articles` articles with ~170 figures each about one storm:
    a check of it takes seconds (the engine compares every pair of figures)."""
    import random

    ranges = {"n": 9000, "m": 9000, "c": 90, "p": 40, "r": 300, "h": 48, "k": 80, "b": 30}
    story = Story.objects.create(title="Storm hits the coast")
    for n in range(articles):
        rnd = random.Random(n)
        text = "".join(
            STORM.format(place=place, **{k: rnd.randint(2, top) for k, top in ranges.items()})
            for place in PLACES
            for _ in range(sentences_per_place)
        )
        article = factories.article(title=f"Storm hits the coast ({n})", text=text)
        Article.objects.filter(pk=article.pk).update(story=story)
    return story


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the check lock is a PostgreSQL advisory lock; SQLite runs one writer at a time",
)
def test_a_second_check_of_a_story_being_checked_returns_at_once_and_one_more_follows(
    monkeypatch,
):
    import threading
    import time

    from claims import tasks

    story = storm_story(4)
    joining = factories.article(title="Storm hits the coast (late)", text=STORM.format(
        place="Ashford", n=120, m=340, c=7, p=3, r=80, h=6, k=4, b=2))  # fmt: skip
    follow_ups = []  # the broker publish is the one part not run for real here
    monkeypatch.setattr(
        crosschecking, "_publish", lambda task, pk, **kw: follow_ups.append((task, pk, kw))
    )
    first: list = []

    def check():
        first.append(crosschecking.story_crosscheck(story=story))
        connection.close()

    running = threading.Thread(target=check)
    running.start()
    # Wait until the running check holds the story, as a second worker would find it.
    with connection.cursor() as cursor:
        for _ in range(500):
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND classid = %s AND objid = %s",
                [crosschecking.CHECK_LOCK, story.pk],
            )
            if cursor.fetchone()[0]:
                break
            time.sleep(0.01)
        # A check that waited for the lock would end here with an error, not hang.
        cursor.execute("SET lock_timeout = '1s'")
    try:
        # An article joins the story while it is being checked; its check
        # finds the story locked and returns without waiting.
        Article.objects.filter(pk=joining.pk).update(story=story)
        assert crosschecking.story_crosscheck(story=story, unless_covered=joining) is None
        assert running.is_alive()  # it returned while the first check still ran
    finally:
        running.join()
    assert first[0]  # the first check stored its findings
    story.refresh_from_db()
    assert str(joining.pk) not in story.checked_state  # read before it joined
    # So the first check, done, published one more, which covers it.
    # (it joined, nothing else changed: checking what joined is enough)
    assert follow_ups == [(tasks.crosscheck_story, story.pk, {"added": True})]
    crosschecking.story_crosscheck(story=story, added=True)
    story.refresh_from_db()
    assert str(joining.pk) in story.checked_state and len(story.checked_state) == 5


# ---------------------------------------------------------- why a dismissal
def test_a_dismissal_keeps_its_reason_on_the_finding_and_in_the_history(reviewer):
    submit_demo()
    finding = Finding.objects.filter(type="conflict").first()
    crosschecking.finding_review(
        finding=finding, reviewer=reviewer, decision="dismiss", reason="update",
        note="  The later figure is the ministry's revised count. ",
    )  # fmt: skip
    finding.refresh_from_db()
    assert finding.status == Finding.Status.DISMISSED
    assert (finding.dismiss_reason, finding.dismiss_note) == (
        "update", "The later figure is the ministry's revised count."
    )  # fmt: skip
    assert finding.get_dismiss_reason_display() == "An update (later figure)"
    crosschecking.finding_review(finding=finding, reviewer=reviewer, decision="confirm")
    finding.refresh_from_db()
    assert (finding.status, finding.dismiss_reason, finding.dismiss_note) == ("confirmed", "", "")
    assert list(finding.reviews.values_list("decision", "reason")) == [
        ("dismiss", "update"), ("confirm", "")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "decision, reason, note, field",
    [
        ("dismiss", "", "", "reason"),
        ("dismiss", "wrong", "", "reason"),
        ("dismiss", "other", "   ", "note"),
        ("confirm", "rounding", "", "reason"),
        ("maybe", "", "", "decision"),
    ],
)
def test_a_review_without_a_valid_reason_is_refused_and_writes_nothing(
    reviewer, decision, reason, note, field
):
    from django.core.exceptions import ValidationError

    submit_demo()
    finding = Finding.objects.filter(type="conflict").first()
    with pytest.raises(ValidationError) as refused:
        crosschecking.finding_review(
            finding=finding, reviewer=reviewer, decision=decision, reason=reason, note=note
        )
    assert set(refused.value.message_dict) == {field}
    finding.refresh_from_db()
    assert finding.status == Finding.Status.OPEN and not finding.dismiss_reason
    assert not FindingReview.objects.exists()


def test_the_database_refuses_a_reason_outside_the_list_or_on_a_confirmation(reviewer):
    from django.db import IntegrityError, transaction

    submit_demo()
    finding = Finding.objects.first()
    for decision, reason in (("dismiss", "bored"), ("confirm", "rounding")):
        with pytest.raises(IntegrityError), transaction.atomic():
            FindingReview.objects.create(
                finding=finding, reviewer=reviewer, decision=decision, reason=reason
            )
