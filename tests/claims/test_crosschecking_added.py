"""An article joining a story already checked costs its own pairs, not the
whole story's: the engine's check_added, merged into the stored findings.
Edits, moves and merges still check the whole story."""

import pytest

from claims import crosschecking, tasks
from claims.checking import engine
from claims.models import Article, Finding, FindingReview, Story
from tests.claims.test_crosschecking import _extracted_demo, storm_story
from tests.factories import article as new_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _incremental_from_the_second_article(settings):
    # The demo story has 3 articles; by default a story that small is checked whole.
    settings.CROSSCHECK_FULL_UP_TO = 1


@pytest.fixture
def engine_calls(monkeypatch):
    """Which engine entry point each check used; the real engine runs."""
    calls = []
    for name in ("check_story", "check_added"):
        real = getattr(engine, name)

        def spy(*args, _real=real, _name=name):
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(engine, name, spy)
    return calls


def _current():
    return {f.key: f for f in Finding.objects.filter(is_current=True)}


def _involving(findings, article):
    return {k for k, f in findings.items() if f.figures.filter(article=article).exists()}


def test_an_article_joining_a_checked_story_adds_its_findings_and_keeps_the_others(
    reviewer, engine_calls
):
    lakeside, northgate, eastern = _extracted_demo()
    crosschecking.article_crosscheck(article_id=lakeside.pk)
    crosschecking.article_crosscheck(article_id=northgate.pk)
    assert engine_calls == ["check_story", "check_added"]  # a new story, then what joins it
    before = _current()
    reviewed = next(iter(before.values()))
    crosschecking.finding_review(finding=reviewed, reviewer=reviewer, decision="confirm")

    engine_calls.clear()
    crosschecking.article_crosscheck(article_id=eastern.pk)
    assert engine_calls == ["check_added"]
    after = _current()
    # nothing lost: every finding of the first two articles stays, reviews too
    assert set(before) <= set(after)
    reviewed.refresh_from_db()
    assert reviewed.status == Finding.Status.CONFIRMED and reviewed.is_current
    assert FindingReview.objects.filter(finding=reviewed).count() == 1
    added = set(after) - set(before)
    assert added and added == _involving(after, eastern)
    assert {"conflict", "agree"} <= {after[k].type for k in added}
    story = Story.objects.get()
    assert set(story.checked_state) == {str(a.pk) for a in (lakeside, northgate, eastern)}

    # A full check of the story finds the same about the new article (the
    # engine's contract), and here nothing else either.
    engine_calls.clear()
    crosschecking.story_crosscheck(story=story)
    assert engine_calls == ["check_story"]
    full = _current()
    assert _involving(full, eastern) == added
    assert set(full) == set(after)
    assert {(k, f.why, f.score) for k, f in full.items()} == {
        (k, f.why, f.score) for k, f in after.items() if k in added
    } | {(k, full[k].why, full[k].score) for k in before}


def test_checking_the_added_article_twice_stores_nothing_twice(engine_calls):
    lakeside, northgate, eastern = _extracted_demo()
    for a in (lakeside, northgate, eastern):
        crosschecking.article_crosscheck(article_id=a.pk)
    story = Story.objects.get()
    rows = sorted(Finding.objects.values_list("pk", "key", "is_current"))
    state = dict(story.checked_state)

    engine_calls.clear()
    tasks.crosscheck_article(eastern.pk)  # covered: skipped
    tasks.crosscheck_story(story.pk, added=True)  # nothing joined since: nothing to do
    assert engine_calls == []
    # As if the first run had died after storing, before anyone saw it: run again.
    Story.objects.filter(pk=story.pk).update(
        checked_state={k: v for k, v in state.items() if k != str(eastern.pk)}
    )
    tasks.crosscheck_article(eastern.pk)
    assert engine_calls == ["check_added"]
    assert sorted(Finding.objects.values_list("pk", "key", "is_current")) == rows
    story.refresh_from_db()
    assert story.checked_state == state


def test_articles_that_joined_together_are_checked_together_as_a_full_check_would():
    story = storm_story(4, sentences_per_place=1)
    _first, _second, *joining = Article.objects.filter(story=story).order_by("pk")
    Article.objects.filter(pk__in=[a.pk for a in joining]).update(story=None)
    crosschecking.story_crosscheck(story=story)
    Article.objects.filter(pk__in=[a.pk for a in joining]).update(story=story)
    crosschecking.story_crosscheck(story=story, added=True)
    incremental = {
        k: (f.why, f.score) for k, f in _current().items() if _involving({k: f}, joining[0])
        or _involving({k: f}, joining[1])
    }  # fmt: skip
    assert incremental
    crosschecking.story_crosscheck(story=story)  # full
    full = _current()
    assert {
        k: (f.why, f.score) for k, f in full.items()
        if _involving({k: f}, joining[0]) or _involving({k: f}, joining[1])
    } == incremental  # fmt: skip


def test_an_edit_or_a_move_checks_the_whole_story(editor, engine_calls):
    lakeside, northgate, eastern = _extracted_demo()
    for a in (lakeside, northgate, eastern):
        crosschecking.article_crosscheck(article_id=a.pk)
    story = Story.objects.get()

    engine_calls.clear()
    Article.objects.get(pk=northgate.pk).save()  # moves updated_at, as re-extraction does
    crosschecking.article_crosscheck(article_id=northgate.pk)
    assert engine_calls == ["check_story"]

    # Moved to another story by an editor: both stories get a full check (tasks).
    engine_calls.clear()
    other = new_article(title="Budget", text="The council approved a $12.5 million budget.")
    crosschecking.article_crosscheck(article_id=other.pk)
    other.refresh_from_db()
    engine_calls.clear()
    crosschecking.article_move_to_story(article=eastern, story=other.story, editor=editor)
    tasks.crosscheck_story(story.pk)
    tasks.crosscheck_story(other.story_id)
    assert engine_calls == ["check_story", "check_story"]
    assert not Finding.objects.filter(
        story=story, is_current=True, figures__article=eastern
    ).exists()


def test_an_article_joining_a_story_whose_other_article_changed_checks_it_all(engine_calls):
    lakeside, northgate, eastern = _extracted_demo()
    crosschecking.article_crosscheck(article_id=lakeside.pk)
    crosschecking.article_crosscheck(article_id=northgate.pk)
    Article.objects.get(pk=lakeside.pk).save()  # changed, its check not run yet
    engine_calls.clear()
    crosschecking.article_crosscheck(article_id=eastern.pk)
    assert engine_calls == ["check_story"]


def test_a_small_story_is_checked_whole_even_when_an_article_only_joined(settings, engine_calls):
    settings.CROSSCHECK_FULL_UP_TO = 3
    lakeside, northgate, eastern = _extracted_demo()
    for a in (lakeside, northgate, eastern):
        crosschecking.article_crosscheck(article_id=a.pk)
    assert engine_calls == ["check_story", "check_story", "check_story"]
    fourth = new_article(title=eastern.title + " (wire copy)", text=eastern.text)
    crosschecking.article_crosscheck(article_id=fourth.pk)
    assert engine_calls[-1] == "check_added"  # 4 articles: more than 3
