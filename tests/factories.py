"""Small factories: build rows through the services where a workflow exists,
so tests exercise the same path as users."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims import services
from claims.models import Article, Figure
from claims.roles import EDITORS, REVIEWERS

_seq = itertools.count(1)

SAMPLE_TEXT = (
    "The city council approved a $12.5 million budget on Monday, up 4% from last year.\n\n"
    "About 1,200 residents attended the meeting, officials said. The new library will "
    "cost $3 billion less than the stadium."
)


def user(*, groups: tuple[str, ...] = (), **fields):
    n = next(_seq)
    fields.setdefault("username", f"user{n}")
    u = get_user_model().objects.create_user(password="a-long-test-password", **fields)
    for name in groups:
        u.groups.add(Group.objects.get(name=name))
    return u


def reviewer(**fields):
    return user(groups=(REVIEWERS,), **fields)


def editor(**fields):
    return user(groups=(REVIEWERS, EDITORS), **fields)


def article(
    *, text: str = SAMPLE_TEXT, title: str | None = None, extract: bool = True, **kwargs
) -> Article:
    """A submitted article; with extract=True its figures are extracted in
    process (the task function called directly, as a worker would)."""
    kwargs.setdefault("published_at", dt.datetime(2026, 11, 13, 12, tzinfo=dt.UTC))
    result = services.article_submit(
        title=title or f"Article {next(_seq)}", text=text, outlet_name="The Test Gazette", **kwargs
    )
    if extract:
        services.article_extract(article_id=result.article.pk)
    result.article.refresh_from_db()
    return result.article


def current_figures(a: Article) -> list[Figure]:
    return list(a.figures.filter(is_current=True).order_by("start"))
