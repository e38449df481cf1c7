# Safeguarding flags and their history refuse DELETE on SQLite too, as they have on PostgreSQL
# since 0002 (whose triggers stay as they are). See
# docs/adr/0014-casework-oversight-append-only-and-retention.md.

from django.db import migrations

from core.operations import SQLiteDeleteGuard


class Migration(migrations.Migration):
    dependencies = [
        ("safeguarding", "0002_flag_workflow_and_history"),
    ]

    operations = [
        SQLiteDeleteGuard(
            table="safeguarding_safeguardingflag",
            trigger="safeguarding_flags_kept",
            message="Safeguarding flags are never deleted",
        ),
        SQLiteDeleteGuard(
            table="safeguarding_flagevent",
            trigger="safeguarding_history_no_delete",
            message="A safeguarding flag's history is append-only",
        ),
    ]
