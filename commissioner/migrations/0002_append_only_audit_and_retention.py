from django.db import migrations

from core.operations import RunSQLForVendor

POSTGRES_GUARD = """
CREATE OR REPLACE FUNCTION commissioner_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER commissioner_audit_append_only
    BEFORE UPDATE OR DELETE ON commissioner_auditevent
    FOR EACH ROW EXECUTE FUNCTION commissioner_audit_append_only();
"""
POSTGRES_UNGUARD = """
DROP TRIGGER IF EXISTS commissioner_audit_append_only ON commissioner_auditevent;
DROP FUNCTION IF EXISTS commissioner_audit_append_only();
"""
# SQLite guards updates only: the test runner empties tables with DELETE between tests.
SQLITE_GUARD = """
CREATE TRIGGER commissioner_audit_append_only BEFORE UPDATE ON commissioner_auditevent
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END;
"""
SQLITE_UNGUARD = "DROP TRIGGER IF EXISTS commissioner_audit_append_only;"


def add_schedule(apps, schema_editor):
    """Every day, anonymise the child's details in inquiries past their retention date."""
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name="casework retention",
        defaults={
            "func": "commissioner.tasks.retention_task",
            "schedule_type": "D",
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="casework retention").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("commissioner", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [
        RunSQLForVendor(
            postgresql=POSTGRES_GUARD,
            sqlite=SQLITE_GUARD,
            reverse={"postgresql": POSTGRES_UNGUARD, "sqlite": SQLITE_UNGUARD},
        ),
        migrations.RunPython(add_schedule, remove_schedule),
    ]
