# The flag's workflow (acknowledge, act, close, reopen), its append-only history, its clock
# and its notifications. Existing flags keep what was recorded: "acted on" and "no concern"
# become closed (the latter with "no action"), each gets its history, nobody is emailed about
# flags raised before this migration, and a comment with an open flag is held unpublished.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.calendar import working_hours_after
from core.operations import RunSQLForVendor

POSTGRES_GUARD = """
CREATE OR REPLACE FUNCTION safeguarding_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'A safeguarding flag''s history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER safeguarding_history_append_only
    BEFORE UPDATE OR DELETE ON safeguarding_flagevent
    FOR EACH ROW EXECUTE FUNCTION safeguarding_history_append_only();
CREATE OR REPLACE FUNCTION safeguarding_flags_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Safeguarding flags are never deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER safeguarding_flags_kept
    BEFORE DELETE ON safeguarding_safeguardingflag
    FOR EACH ROW EXECUTE FUNCTION safeguarding_flags_kept();
"""
POSTGRES_UNGUARD = """
DROP TRIGGER IF EXISTS safeguarding_history_append_only ON safeguarding_flagevent;
DROP FUNCTION IF EXISTS safeguarding_history_append_only();
DROP TRIGGER IF EXISTS safeguarding_flags_kept ON safeguarding_safeguardingflag;
DROP FUNCTION IF EXISTS safeguarding_flags_kept();
"""
# SQLite guards updates of the history only: the test runner empties tables with DELETE
# between tests (PostgreSQL's TRUNCATE fires no row trigger). Deletes are refused by the models.
SQLITE_GUARD = """
CREATE TRIGGER safeguarding_history_append_only BEFORE UPDATE ON safeguarding_flagevent
BEGIN SELECT RAISE(ABORT, 'A safeguarding flag''s history is append-only'); END;
"""
SQLITE_UNGUARD = "DROP TRIGGER IF EXISTS safeguarding_history_append_only;"


def carry_over(apps, schema_editor):
    Flag = apps.get_model("safeguarding", "SafeguardingFlag")
    Event = apps.get_model("safeguarding", "FlagEvent")
    Comment = apps.get_model("parliament", "Comment")
    target = getattr(settings, "SAFEGUARDING_TARGET_WORKING_HOURS", 4)
    for flag in Flag.objects.all():
        legacy = flag.status
        if legacy in ("actioned", "no_concern"):
            flag.status = "closed"
            flag.action = "no_action" if legacy == "no_concern" else ""
        flag.due_at = working_hours_after(flag.raised_at, target)
        flag.raised_notified_at = flag.raised_at
        flag.save()
        Event.objects.create(flag=flag, what="raised", at=flag.raised_at, status="open")
        if flag.status == "closed":
            Event.objects.create(
                flag=flag,
                what="closed",
                at=flag.closed_at or flag.raised_at,
                by_id=flag.closed_by_id,
                status="closed",
                action=flag.action,
                note=flag.action_taken,
            )
        elif flag.comment_id:
            Comment.objects.filter(pk=flag.comment_id).update(
                held_for_safeguarding=True, status="pending"
            )


def add_schedule(apps, schema_editor):
    """Every five minutes, email the safeguarding leads about flags past their target."""
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name="safeguarding overdue",
        defaults={
            "func": "safeguarding.tasks.flags_overdue_notify_task",
            "schedule_type": "I",
            "minutes": 5,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="safeguarding overdue").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('safeguarding', '0001_initial'),
        ('parliament', '0004_comment_held_for_safeguarding'),
        ('django_q', '0018_task_success_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='safeguardingflag',
            options={'base_manager_name': 'objects', 'ordering': ['raised_at']},
        ),
        migrations.RenameField(
            model_name='safeguardingflag',
            old_name='handled_at',
            new_name='closed_at',
        ),
        migrations.RenameField(
            model_name='safeguardingflag',
            old_name='handled_by',
            new_name='closed_by',
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='acknowledged_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='acknowledged_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='action',
            field=models.CharField(blank=True, choices=[('school_dsl', "Referred to the school's designated safeguarding lead"), ('local_authority', "Referred to the local authority's children's services"), ('police', 'Referred to the police'), ('no_action', 'No action needed')], max_length=16),
        ),
        migrations.AlterField(
            model_name='safeguardingflag',
            name='closed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='due_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True),
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='overdue_notified_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='safeguardingflag',
            name='raised_notified_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='safeguardingflag',
            name='action_taken',
            field=models.TextField(blank=True, help_text='Who was told, when, and why; or why no action.', verbose_name='what was done'),
        ),
        migrations.AlterField(
            model_name='safeguardingflag',
            name='status',
            field=models.CharField(choices=[('open', 'Waiting for review'), ('acknowledged', 'Acknowledged: being dealt with'), ('closed', 'Closed')], db_index=True, default='open', max_length=16),
        ),
        migrations.CreateModel(
            name='FlagEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(choices=[('raised', 'Raised'), ('evidence', 'More evidence found'), ('read', 'Words read'), ('acknowledged', 'Acknowledged'), ('closed', 'Closed'), ('reopened', 'Reopened'), ('notified', 'Safeguarding leads emailed'), ('overdue', 'Overdue: leads emailed again')], max_length=16)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('status', models.CharField(choices=[('open', 'Waiting for review'), ('acknowledged', 'Acknowledged: being dealt with'), ('closed', 'Closed')], max_length=16, verbose_name='status after')),
                ('action', models.CharField(blank=True, choices=[('school_dsl', "Referred to the school's designated safeguarding lead"), ('local_authority', "Referred to the local authority's children's services"), ('police', 'Referred to the police'), ('no_action', 'No action needed')], max_length=16)),
                ('note', models.TextField(blank=True)),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('flag', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='safeguarding.safeguardingflag')),
            ],
            options={
                'ordering': ['at', 'pk'],
                'base_manager_name': 'objects',
            },
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        RunSQLForVendor(
            postgresql=POSTGRES_GUARD,
            sqlite=SQLITE_GUARD,
            reverse={"postgresql": POSTGRES_UNGUARD, "sqlite": SQLITE_UNGUARD},
        ),
        migrations.RunPython(add_schedule, remove_schedule),
    ]
