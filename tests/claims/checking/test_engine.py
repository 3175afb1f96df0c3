"""check_added: the findings an added article brings are exactly the full
check's findings that involve it, on our own stories and the evaluation sets
(gold figures), and it aligns only the new article's pairs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from claims.checking import align
from claims.checking.cli import articles_from_docs
from claims.checking.engine import check_added, check_story
from claims.checking.gold import load_figures
from claims.checking.model import Article, Finding
from claims.checking.stories import group_articles
from tests.claims.checking import fixtures

ROOT = Path(__file__).resolve().parents[3]
EVAL_SETS = [
    Path("/work/shared/eval/news-dev"),
    ROOT / "bench/eval/news-stories",
    ROOT / "bench/eval/news-extra",
    ROOT / "bench/eval/news-wire",
    ROOT / "bench/eval/news-fresh",
]
OWN = [v for v in vars(fixtures).values() if isinstance(v, Article)]


def _involving(findings: list[Finding], ids: set[str]) -> list[Finding]:
    return [f for f in findings if any(r.article_id in ids for r in f.figures)]


def _eval_stories() -> list[tuple[str, list[Article]]]:
    out = []
    for path in EVAL_SETS:
        if not (path / "figures.jsonl").exists():
            continue
        docs = json.loads((path / "docs.json").read_text())
        arts = articles_from_docs(docs, load_figures(path / "figures.jsonl"))
        out += [(f"{path.name}:{g[0].id}", g) for g in group_articles(arts) if len(g) > 1]
    return out


OWN_STORIES = [
    ("ferry", [fixtures.FERRY_1, fixtures.FERRY_2]),
    ("dam", [fixtures.DAM_1, fixtures.DAM_2]),
    ("quake", [fixtures.QUAKE_1, fixtures.QUAKE_2]),
    ("results", [fixtures.RESULTS_1, fixtures.RESULTS_2]),
    ("all our articles as one story", OWN),  # many figures of one dimension each
]


@pytest.mark.parametrize(
    "name, story", OWN_STORIES + _eval_stories(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_an_added_article_gets_exactly_the_full_checks_findings_about_it(name, story):
    full = check_story(story)
    for art in story:
        # wherever it sits in the story's order (the orientation of each pair follows it)
        assert check_added(story, art) == _involving(full, {art.id}), (name, art.id)


def test_the_eval_sets_give_stories_to_compare():
    assert len(_eval_stories()) >= 5 or not EVAL_SETS[0].exists()


def test_an_article_not_yet_in_the_list_is_taken_as_the_last():
    story = [fixtures.QUAKE_1, fixtures.DAM_1, fixtures.DAM_2]
    new = fixtures.QUAKE_2
    assert check_added(story, new) == _involving(check_story([*story, new]), {new.id})
    assert check_added(story, new)  # the two quake reports meet


def test_several_added_articles_get_their_pairs_with_each_other_too():
    story = OWN
    added = [fixtures.FERRY_2, fixtures.QUAKE_1, fixtures.RESULTS_2]
    ids = {a.id for a in added}
    assert check_added(story, added) == _involving(check_story(story), ids)
    assert check_added(story, []) == []


def test_only_the_new_articles_pairs_are_aligned(monkeypatch):
    story = [dataclasses.replace(a, id=f"{a.id}-{n}") for n in range(3) for a in OWN]
    pairs = []
    real = align._align_pair

    def counting(ma, mb, idf):
        pairs.append((ma[0].article.id if ma else None, mb[0].article.id if mb else None))
        return real(ma, mb, idf)

    monkeypatch.setattr(align, "_align_pair", counting)
    check_added(story, story[5])
    assert len(pairs) == len(story) - 1
    assert all(story[5].id in pair for pair in pairs)
