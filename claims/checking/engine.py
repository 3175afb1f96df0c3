"""Run the whole check over a batch of articles: group them into stories, then
align figures across each story and look for inconsistencies inside each article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.checking.align import cross_check
from claims.checking.consistency import check_article
from claims.checking.model import Article, Finding
from claims.checking.stories import group_articles


@dataclass(frozen=True, slots=True)
class StoryReport:
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]


def check_story(articles: Sequence[Article]) -> list[Finding]:
    """Findings for articles already known to cover one story."""
    findings = cross_check(articles) if len(articles) > 1 else []
    for art in articles:
        findings.extend(check_article(art))
    return findings


def check_added(story_articles: Sequence[Article],
                added: Article | Sequence[Article]) -> list[Finding]:
    """Findings that adding ``added`` (one article or several) to a story
    brings: its figures aligned with every other article's, and its own
    in-article checks. The other articles' pairs are not aligned again.

    Contract: equal (same findings, same order) to ``check_story`` of the
    whole story restricted to the findings with a figure of an added article.
    ``story_articles`` is the story in the order a full check reads it; an
    added article missing from it is taken as the last. What the full check
    would find anew between the *other* articles is not here: adding articles
    moves the story's IDF weights, which may shift those pairs' scores (and,
    near a threshold, their findings) a little; a full check settles them."""
    new = [added] if isinstance(added, Article) else list(added)
    ids = {a.id for a in story_articles}
    articles = [*story_articles, *(a for a in new if a.id not in ids)]
    involving = {a.id for a in new}
    findings = cross_check(articles, involving) if len(articles) > 1 else []
    for art in articles:
        if art.id in involving:
            findings.extend(check_article(art))
    return findings


def check_batch(articles: Sequence[Article]) -> list[StoryReport]:
    """Group a batch into stories and check each one."""
    return [StoryReport(tuple(group), tuple(check_story(group)))
            for group in group_articles(articles)]
