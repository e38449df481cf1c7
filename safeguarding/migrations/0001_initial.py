# The safeguarding flag left the old `nlp` app: a database that had flags keeps them (the table
# is renamed), a new database gets a new table. See core/operations.py.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.operations import ModelTableAdopt


def content_type_follows(apps, schema_editor):
    """Keep the flag's permissions and their grants: the old content type becomes this app's."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="safeguarding", model="safeguardingflag").exists():
        ContentType.objects.filter(app_label="nlp", model="safeguardingflag").update(
            app_label="safeguarding"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consultations", "0002_response_analysed_at_response_analysis_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("parliament", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SafeguardingFlag",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("physical_abuse", "Physical abuse"), ("sexual_abuse", "Sexual abuse"), ("grooming_online", "Grooming and online exploitation"), ("neglect", "Neglect"), ("domestic_violence", "Domestic violence"), ("self_harm", "Self-harm"), ("suicidal_thoughts", "Suicidal thoughts"), ("criminal_exploitation", "Criminal exploitation"), ("forced_marriage", "Forced marriage"), ("runaway_homeless", "Running away or homelessness"), ("placement_abuse", "Harm in a care placement")], max_length=32)),
                        ("evidence", models.JSONField(default=list)),
                        ("score", models.FloatField(default=0.0)),
                        ("raised_by", models.CharField(choices=[("request", "Screen at submission"), ("pipeline", "Full analysis")], max_length=8)),
                        ("raised_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ("pipeline_version", models.CharField(blank=True, max_length=64)),
                        ("status", models.CharField(choices=[("open", "Waiting for review"), ("actioned", "Acted on"), ("no_concern", "Reviewed: no concern")], db_index=True, default="open", max_length=16)),
                        ("action_taken", models.TextField(blank=True)),
                        ("handled_at", models.DateTimeField(blank=True, null=True)),
                        ("handled_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                        ("response", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="safeguarding_flag", to="consultations.response")),
                        ("comment", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="safeguarding_flag", to="parliament.comment")),
                    ],
                    options={
                        "ordering": ["status", "raised_at"],
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("response__isnull", False), ("comment__isnull", True)), models.Q(("response__isnull", True), ("comment__isnull", False)), _connector="OR"), name="flag_on_one_source")],
                    },
                ),
            ],
            database_operations=[],
        ),
        ModelTableAdopt(model_name="safeguardingflag", old_table="nlp_safeguardingflag"),
        migrations.RunPython(content_type_follows, migrations.RunPython.noop),
    ]
