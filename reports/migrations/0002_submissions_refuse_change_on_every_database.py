# Sealed submissions and their laying records are append-only in the database too, following
# the casework audit trail: on PostgreSQL a trigger refuses UPDATE and DELETE; on SQLite one
# refuses UPDATE and `SQLiteDeleteGuard` refuses DELETE except inside the test runner's flush.
# See docs/adr/0017-sealed-submissions-and-the-clerks.md and
# docs/adr/0014-casework-oversight-append-only-and-retention.md.

from django.db import migrations

from core.operations import RunSQLForVendor, SQLiteDeleteGuard

TABLES = {
    "reports_submission": "A sealed submission is append-only",
    "reports_laying": "A laying record is append-only",
}


def _postgres_guard(table: str, message: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{message}';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
"""


def _postgres_unguard(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
DROP FUNCTION IF EXISTS {table}_append_only();
"""


def _sqlite_guard(table: str, message: str) -> str:
    return f"""
CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{message}'); END;
"""


def _guards(table: str, message: str) -> list:
    return [
        RunSQLForVendor(
            postgresql=_postgres_guard(table, message),
            sqlite=_sqlite_guard(table, message),
            reverse={
                "postgresql": _postgres_unguard(table),
                "sqlite": f"DROP TRIGGER IF EXISTS {table}_append_only;",
            },
        ),
        SQLiteDeleteGuard(table=table, trigger=f"{table}_no_delete", message=message),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_sealed_submissions_and_layings"),
    ]

    operations = [op for table, message in TABLES.items() for op in _guards(table, message)]
