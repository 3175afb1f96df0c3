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


def check_batch(articles: Sequence[Article]) -> list[StoryReport]:
    """Group a batch into stories and check each one."""
    return [StoryReport(tuple(group), tuple(check_story(group)))
            for group in group_articles(articles)]
