"""The one-statement insert of a new article (PostgreSQL) stores exactly what
the ORM path stores, and hands the cases it cannot take back to it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.forms.models import model_to_dict

from claims import article_insert, services
from claims.models import Article, ArticleRevision, AuditEvent, Integration, Outlet

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the one-statement path is PostgreSQL's"
    ),
]

PUBLISHED = dt.datetime(2026, 11, 13, 12, tzinfo=dt.UTC)
# Columns that differ between any two stored articles.
VOLATILE = {"id", "public_id", "article", "object_id", "created_at", "updated_at", "external_id"}


def submit(cms, external_id, **kwargs):
    kwargs.setdefault("title", "Council passes budget")
    kwargs.setdefault("text", "The council approved a $12.5 million budget, up 4%.")
    return services.article_submit(
        integration=cms,
        external_id=external_id,
        html="<p>The council approved a <b>$12.5 million</b> budget, up 4%.</p>",
        outlet_name="Valley Post",
        url="https://valley.example/budget",
        byline="Ana Ruiz",
        published_at=PUBLISHED,
        **kwargs,
    )


def stored(article):
    """Every column of the article, its revisions and its audit rows, without
    those that are unique to each row."""

    def row(obj):
        return {k: v for k, v in model_to_dict(obj).items() if k not in VOLATILE}

    return (
        row(Article.objects.get(pk=article.pk)),
        [row(r) for r in ArticleRevision.objects.filter(article=article)],
        [row(e) for e in AuditEvent.objects.filter(object_id=str(article.public_id))],
    )


def test_it_stores_the_same_rows_as_the_orm_path(monkeypatch):
    cms = Integration.objects.create(name="CMS")
    editor = get_user_model().objects.create_user("editor")
    Outlet.objects.create(name="Valley Post")
    fast = submit(cms, "fast-1", submitted_by=editor)
    monkeypatch.setattr(article_insert, "supported", lambda: False)
    orm = submit(cms, "orm-1", submitted_by=editor)

    assert fast.outcome == orm.outcome == "created"
    assert stored(fast.article) == stored(orm.article)
    article, revisions, audits = stored(fast.article)
    assert article["outlet"] == Outlet.objects.get(name="Valley Post").pk
    assert article["submitted_by"] == editor.pk
    assert article["status"] == Article.Status.QUEUED
    assert revisions[0]["number"] == 1 and revisions[0]["text"] == article["text"]
    assert audits[0]["action"] == "article.created" and audits[0]["actor"] == editor.pk
    # The instance returned is the stored row, as the ORM would leave it.
    row = Article.objects.get(external_id="fast-1")
    assert (fast.article.pk, fast.article.public_id) == (row.pk, row.public_id)
    assert fast.article.outlet_id == row.outlet_id
    assert not fast.article._state.adding


def test_a_new_outlet_and_a_known_external_id_take_the_orm_path():
    cms = Integration.objects.create(name="CMS")
    first = submit(cms, "a-1")  # "Valley Post" does not exist yet
    assert first.outcome == "created"
    assert first.article.outlet.name == "Valley Post"

    again = submit(cms, "a-1")
    revised = submit(cms, "a-1", text="The council approved a $13 million budget.")

    assert again.outcome == "unchanged" and again.article.pk == first.article.pk
    assert revised.outcome == "revised" and revised.article.revision == 2
    assert Article.objects.count() == 1
    assert ArticleRevision.objects.filter(article=first.article).count() == 2
    assert AuditEvent.objects.filter(object_id=str(first.article.public_id)).count() == 2


def test_a_rolled_back_transaction_leaves_no_row():
    cms = Integration.objects.create(name="CMS")
    Outlet.objects.create(name="Valley Post")
    with pytest.raises(RuntimeError), transaction.atomic():
        submit(cms, "a-1")
        raise RuntimeError
    assert not Article.objects.exists()
    assert not ArticleRevision.objects.exists()
    assert not AuditEvent.objects.filter(action="article.created").exists()
