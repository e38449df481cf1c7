"""The audit trail is append-only on every database and through every path: the model, its
querysets, Django's base manager and raw SQL. Only the test runner's `flush`, where the test
settings allow it, empties it
(docs/adr/0014-casework-oversight-append-only-and-retention.md)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from commissioner.models import AuditEvent
from core.operations import PURGE_MARKER
from tests.factories.casework import inquiry_make

SQLITE_ONLY = "on PostgreSQL the test runner's flush truncates, which row triggers never see"


def _raw(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attempt",
    [
        lambda: AuditEvent.objects.get().delete(),
        lambda: AuditEvent.objects.all().delete(),
        lambda: AuditEvent._base_manager.all().delete(),
        lambda: AuditEvent._base_manager.update(reason="edited"),
        lambda: AuditEvent.objects.all()._raw_delete(connection.alias),
    ],
    ids=["instance", "queryset", "base manager", "base manager update", "raw queryset delete"],
)
def test_no_path_through_django_removes_or_changes_a_line(attempt):
    inquiry_make()
    line = AuditEvent.objects.get()
    with pytest.raises((ValidationError, DatabaseError)), transaction.atomic():
        attempt()
    assert list(AuditEvent.objects.values_list("pk", "reason")) == [(line.pk, line.reason)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM commissioner_auditevent",
        "DELETE FROM commissioner_auditevent WHERE action = 'direction'",
        "UPDATE commissioner_auditevent SET reason = 'edited'",
    ],
)
def test_the_database_refuses_raw_sql_that_removes_or_changes_a_line(sql):
    """On SQLite here, and on PostgreSQL when DATABASE_URL names one."""
    inquiry_make()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(sql)
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_only_the_test_runners_flush_empties_the_trail_and_the_guard_is_back_after(settings):
    inquiry_make()
    if connection.vendor == "sqlite":
        settings.APPEND_ONLY_FLUSH = False
        with pytest.raises(CommandError):
            call_command("flush", interactive=False, verbosity=0)
        assert AuditEvent.objects.count() == 1
    settings.APPEND_ONLY_FLUSH = True
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {PURGE_MARKER}")  # noqa: S608
            assert cursor.fetchone() == (0,)
    # The roles come back with flush's post_migrate, and so does a trail that refuses DELETE.
    inquiry_make()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM commissioner_auditevent")
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_a_flush_outside_the_test_settings_leaves_the_trail_as_it_was(settings):
    if connection.vendor != "sqlite":
        pytest.skip(SQLITE_ONLY)
    inquiry_make()
    settings.APPEND_ONLY_FLUSH = False
    with pytest.raises(CommandError):
        call_command("flush", interactive=False, verbosity=0)
    assert AuditEvent.objects.count() == 1
