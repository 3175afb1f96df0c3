import datetime as dt

from claims.checking.model import Article
from claims.checking.stories import (
    MAX_TERM_CHARS,
    SIMILARITY_THRESHOLD,
    Fingerprint,
    StoryIndex,
    fingerprint,
    group_articles,
    similarity,
)
from tests.claims.checking.fixtures import DAM_1, DAM_2, FERRY_1, FERRY_2


def test_a_fingerprint_round_trips_through_plain_lists() -> None:
    fp = fingerprint(FERRY_1)
    again = Fingerprint.from_lists(list(fp.terms), list(fp.weights))
    assert again == fp
    assert any(t.startswith("e:") for t in fp.terms)


def test_articles_on_one_event_are_more_similar_than_articles_on_two() -> None:
    f1, f2, d1 = fingerprint(FERRY_1), fingerprint(FERRY_2), fingerprint(DAM_1)
    same = similarity(f1, f2, FERRY_1.published, FERRY_2.published)
    other = similarity(f1, d1, FERRY_1.published, FERRY_1.published)
    assert same > SIMILARITY_THRESHOLD > other


def test_articles_far_apart_in_time_are_not_one_story() -> None:
    f1, f2 = fingerprint(FERRY_1), fingerprint(FERRY_2)
    assert similarity(f1, f2, dt.date(2025, 1, 1), dt.date(2025, 3, 1)) == 0.0


def test_the_index_places_an_article_in_the_story_of_its_match() -> None:
    index = StoryIndex()
    ferry = index.place("f1", fingerprint(FERRY_1), FERRY_1.published)
    dam = index.place("d1", fingerprint(DAM_1), DAM_1.published)
    assert ferry != dam
    assert index.place("f2", fingerprint(FERRY_2), FERRY_2.published) == ferry
    assert index.place("d2", fingerprint(DAM_2), DAM_2.published) == dam
    assert len(index) == 4


def test_an_unrelated_article_starts_a_new_story() -> None:
    index = StoryIndex()
    index.add("f1", fingerprint(FERRY_1), FERRY_1.published)
    lone = Article(
        "x", "The Harwick Choir won the regional singing contest in Ostend.", FERRY_1.published
    )
    assert index.place("x", fingerprint(lone), lone.published) != index.story_of("f1")


def test_group_articles_splits_a_batch_by_event() -> None:
    groups = group_articles([FERRY_1, DAM_1, FERRY_2, DAM_2])
    assert sorted(sorted(a.id for a in g) for g in groups) == [
        ["dam-1", "dam-2"],
        ["ferry-1", "ferry-2"],
    ]


def test_a_removed_article_is_no_longer_a_match() -> None:
    index = StoryIndex()
    index.add("f1", fingerprint(FERRY_1), FERRY_1.published)
    index.remove("f1")
    assert len(index) == 0
    assert index.candidates(fingerprint(FERRY_2), FERRY_2.published) == []


def test_long_terms_fit_the_index_and_stay_distinct() -> None:
    text = "Counters showed " + "7" * 150 + " and " + "7" * 160 + " visits, Ruth Okafor said."
    fp = fingerprint(Article("long", text))
    numbers = [t for t in fp.terms if t.startswith("n:")]
    assert len(numbers) == 2 and len(set(numbers)) == 2
    assert all(len(t) <= MAX_TERM_CHARS for t in fp.terms)
    # the same long number gives the same term in another article
    again = fingerprint(Article("again", "Staff logged " + "7" * 150 + " visits."))
    assert set(numbers) & set(again.terms)
