# When an inquiry's retention date passes, its sealed report keeps its digest, who sent it and
# when, and loses its text: the time that happened.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commissioner", "0003_audit_trail_refuses_delete_on_sqlite"),
    ]

    operations = [
        migrations.AddField(
            model_name="sealedreport",
            name="tombstoned_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
