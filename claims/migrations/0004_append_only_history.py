"""On PostgreSQL, refuse UPDATE and DELETE on the history tables (verdicts,
finding reviews, the audit log) in the database itself, so no code path, bulk
query or raw SQL can rewrite history. Other databases rely on the app, which
only ever inserts into them."""

from django.db import migrations

HISTORY_TABLES = ("claims_verdict", "claims_findingreview", "claims_auditevent")

FUNCTION = """
CREATE OR REPLACE FUNCTION claims_refuse_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # no placeholders: '%' is plpgsql's
    for table in HISTORY_TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION claims_refuse_history_change()",
            params=None,
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in HISTORY_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS claims_refuse_history_change()")


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_review_roles_crosscheck")]

    operations = [migrations.RunPython(forwards, backwards)]
