from django.db import migrations


def add_schedule(apps, schema_editor):
    """Every minute, analyse responses whose analysis task was lost (a worker died)."""
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="analysis sweep",
        defaults={
            "func": "nlp.tasks.analysis_sweep_task",
            "schedule_type": "I",
            "minutes": 1,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="analysis sweep").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("nlp", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
