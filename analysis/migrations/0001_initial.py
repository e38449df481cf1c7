# The analysis models left the old `nlp` app: a database that had them keeps their rows (the
# tables are renamed), a new database gets new tables. See core/operations.py.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.operations import ModelTableAdopt


def content_types_follow(apps, schema_editor):
    """Keep permissions and their grants: the old app's content types become this app's."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("answeranalysis", "outcometag"):
        if not ContentType.objects.filter(app_label="analysis", model=model).exists():
            ContentType.objects.filter(app_label="nlp", model=model).update(app_label="analysis")


def sweep_follows(apps, schema_editor):
    """Every minute, analyse responses whose analysis task was lost (a worker died)."""
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="analysis sweep",
        defaults={
            "func": "analysis.tasks.analysis_sweep_task",
            "schedule_type": "I",
            "minutes": 1,
            "repeats": -1,
        },
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consultations", "0002_response_analysed_at_response_analysis_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_q", "0018_task_success_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AnswerAnalysis",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("redacted_text", models.TextField()),
                        ("pii", models.JSONField(default=list, help_text="[{start, end, label}] into the raw text")),
                        ("keyphrases", models.JSONField(default=list)),
                        ("pipeline_version", models.CharField(db_index=True, max_length=64)),
                        ("analysed_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("answer", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="analysis", to="consultations.answer")),
                    ],
                    options={
                        "verbose_name_plural": "answer analyses",
                        "permissions": [("view_raw_text", "Can read answers before redaction")],
                    },
                ),
                migrations.CreateModel(
                    name="OutcomeTag",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("outcome", models.CharField(choices=[("being_healthy", "Being healthy"), ("staying_safe", "Staying safe"), ("enjoying_and_achieving", "Enjoying and achieving"), ("positive_contribution", "Making a positive contribution"), ("economic_wellbeing", "Economic well-being")], max_length=32)),
                        ("source", models.CharField(choices=[("model", "Model"), ("analyst", "Analyst")], max_length=8)),
                        ("applies", models.BooleanField(default=True)),
                        ("score", models.FloatField(blank=True, null=True)),
                        ("evidence", models.JSONField(blank=True, default=list)),
                        ("pipeline_version", models.CharField(blank=True, max_length=64)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("answer", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="tags", to="consultations.answer")),
                        ("decided_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "indexes": [models.Index(fields=["outcome", "source", "applies"], name="outcometag_outcome_idx")],
                        "constraints": [models.UniqueConstraint(fields=("answer", "outcome", "source"), name="one_tag_per_outcome_and_source")],
                    },
                ),
            ],
            database_operations=[],
        ),
        ModelTableAdopt(model_name="answeranalysis", old_table="nlp_answeranalysis"),
        ModelTableAdopt(
            model_name="outcometag",
            old_table="nlp_outcometag",
            renamed_indexes={"outcometag_outcome_idx": "nlp_outcome_outcome_8a0c40_idx"},
        ),
        migrations.RunPython(content_types_follow, migrations.RunPython.noop),
        migrations.RunPython(sweep_follows, migrations.RunPython.noop),
    ]
