# The audit trail refuses DELETE on SQLite too (a trigger, as PostgreSQL's 0002 already has),
# its base manager is the one that refuses, and it has lines for reads of the report and for
# refusals to open an inquiry. See
# docs/adr/0014-casework-oversight-append-only-and-retention.md.

from django.db import migrations, models

from core.operations import SQLiteDeleteGuard


class Migration(migrations.Migration):
    dependencies = [
        ("commissioner", "0002_append_only_audit_and_retention"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditevent",
            options={"base_manager_name": "objects", "ordering": ["-at"]},
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("direction", "Direction recorded"),
                    ("read_inquiry", "Opened an inquiry"),
                    ("read_child", "Read the child's record"),
                    ("read_report", "Read the report"),
                    ("refused", "Was refused an inquiry"),
                    ("change_child", "Changed the child's record"),
                    ("download", "Downloaded a document"),
                    ("upload", "Added evidence"),
                    ("move", "Moved the inquiry on"),
                    ("team", "Changed the team"),
                    ("break_glass", "Broke glass"),
                    ("review", "Reviewed a break-glass opening"),
                    ("seal", "Sealed and sent the report"),
                    ("export", "Exported the audit trail"),
                    ("anonymise", "Anonymised the child's details"),
                ],
                max_length=16,
            ),
        ),
        SQLiteDeleteGuard(
            table="commissioner_auditevent",
            trigger="commissioner_audit_no_delete",
            message="The audit trail is append-only",
        ),
    ]
