"""A brand-new article, its first revision and its audit row in one SQL
statement (PostgreSQL only).

Ingest is the API's hot path: through the ORM a new article costs an outlet
lookup, a locking read, three INSERTs, BEGIN and COMMIT: seven round trips
and most of the request's CPU. Here the three rows go in with one statement
built from the same unsaved model instances the ORM would save, so field
defaults, `auto_now` stamps and value adaptation stay Django's.

The statement inserts nothing, and the caller falls back to the ORM path,
when the outlet named does not exist yet or the article's
(integration, external_id) is already taken: both rare, and both need the
ORM path's get-or-create and row lock. tests/claims/test_article_insert.py
checks that both paths store the same rows.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import Model

from claims.models import Article, ArticleRevision, AuditEvent, Outlet


def supported() -> bool:
    return connection.vendor == "postgresql"


def _insert_fields(model: type[Model], *, but: str = "") -> list:
    """The fields an ORM insert of `model` writes, without the serial key and
    the foreign key `but`, which the statement fills in."""
    return [
        f
        for f in model._meta.local_concrete_fields
        if not (f.primary_key and f.db_returning) and f.name != but
    ]


@cache
def _statement(with_outlet: bool) -> tuple[str, tuple, tuple, tuple]:
    # Identifiers come from model metadata only; every value is a parameter.
    q = connection.ops.quote_name
    article_fields = _insert_fields(Article, but="outlet")
    revision_fields = _insert_fields(ArticleRevision, but="article")
    audit_fields = _insert_fields(AuditEvent)
    article_outlet = q(Article._meta.get_field("outlet").column)
    revision_article = q(ArticleRevision._meta.get_field("article").column)
    pk = {m: q(m._meta.pk.column) for m in (Article, ArticleRevision, AuditEvent, Outlet)}
    table = {m: q(m._meta.db_table) for m in (Article, ArticleRevision, AuditEvent, Outlet)}

    def columns(fields) -> str:
        return ", ".join(q(f.column) for f in fields)

    def holes(fields) -> str:
        return ", ".join(["%s"] * len(fields))

    if with_outlet:
        # Only an outlet that exists: a new one takes the ORM path's get-or-create.
        outlet_name = q(Outlet._meta.get_field("name").column)
        article_source = (
            f"SELECT {holes(article_fields)}, o.{pk[Outlet]} "  # noqa: S608
            f"FROM {table[Outlet]} o WHERE o.{outlet_name} = %s"
        )
    else:
        article_source = f"SELECT {holes(article_fields)}, NULL"
    sql = (
        f"WITH new_article AS ("  # noqa: S608
        f"INSERT INTO {table[Article]} ({columns(article_fields)}, {article_outlet}) "
        f"{article_source} "
        f"ON CONFLICT DO NOTHING RETURNING {pk[Article]}, {article_outlet}), "
        f"new_revision AS ("
        f"INSERT INTO {table[ArticleRevision]} ({columns(revision_fields)}, {revision_article}) "
        f"SELECT {holes(revision_fields)}, {pk[Article]} FROM new_article "
        f"RETURNING {pk[ArticleRevision]}), "
        f"new_audit AS ("
        f"INSERT INTO {table[AuditEvent]} ({columns(audit_fields)}) "
        f"SELECT {holes(audit_fields)} FROM new_article RETURNING {pk[AuditEvent]}) "
        f"SELECT a.{pk[Article]}, a.{article_outlet}, r.{pk[ArticleRevision]}, e.{pk[AuditEvent]} "
        f"FROM new_article a, new_revision r, new_audit e"
    )
    return sql, tuple(article_fields), tuple(revision_fields), tuple(audit_fields)


def _values(obj: Model, fields) -> list:
    # What SQLInsertCompiler does per field: pre_save (defaults, auto_now) then
    # the database's own adaptation.
    return [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]


def article_insert_new(
    *, article: Article, revision: ArticleRevision, audit: AuditEvent, outlet_name: str
) -> bool:
    """Insert the three unsaved rows; `revision` and `audit` get the article's
    id. Returns False, having written nothing, when the ORM path must do it."""
    sql, article_fields, revision_fields, audit_fields = _statement(bool(outlet_name))
    params = [
        *_values(article, article_fields),
        *([outlet_name] if outlet_name else []),
        *_values(revision, revision_fields),
        *_values(audit, audit_fields),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    article.pk, article.outlet_id, revision.pk, audit.pk = row
    revision.article = article
    for obj in (article, revision, audit):
        obj._state.adding = False
        obj._state.db = connection.alias
    return True
