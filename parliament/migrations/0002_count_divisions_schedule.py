from django.db import migrations


def add_schedule(apps, schema_editor):
    """Every minute, count divisions that have closed, so results appear without a visit."""
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="count closed divisions",
        defaults={
            "func": "parliament.tasks.divisions_count_task",
            "schedule_type": "I",
            "minutes": 1,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="count closed divisions").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("parliament", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
