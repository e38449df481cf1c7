"""Safeguarding flags are never deleted and their history is append-only, on every database and
through every path: the models, their querysets, Django's base manager and raw SQL. Only the
test runner's `flush`, where the test settings allow it, empties them
(docs/adr/0014-casework-oversight-append-only-and-retention.md)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from consultations.models import Response
from core.operations import PURGE_MARKER
from core.screening import Concern
from safeguarding import services
from safeguarding.models import FlagEvent, SafeguardingFlag
from tests.factories.pages import consultation_create


def _flag(consultation) -> SafeguardingFlag:
    # The response row alone: the analysis it would start after commit is not what is tested.
    response = Response.objects.create(consultation=consultation, idempotency_key="k")
    return services.flag_raise(
        source=response, concern=Concern(kind="physical_abuse", score=0.8), new=True
    )


def _raw(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def _kept() -> tuple[int, int]:
    return SafeguardingFlag.objects.count(), FlagEvent.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attempt",
    [
        lambda: SafeguardingFlag.objects.get().delete(),
        lambda: SafeguardingFlag.objects.all().delete(),
        lambda: SafeguardingFlag._base_manager.all().delete(),
        lambda: SafeguardingFlag.objects.all()._raw_delete(connection.alias),
        lambda: FlagEvent.objects.first().delete(),
        lambda: FlagEvent.objects.all().delete(),
        lambda: FlagEvent._base_manager.all().delete(),
        lambda: FlagEvent._base_manager.update(note="edited"),
        lambda: FlagEvent.objects.all()._raw_delete(connection.alias),
    ],
    ids=[
        "flag",
        "flags queryset",
        "flags base manager",
        "flags raw queryset delete",
        "history line",
        "history queryset",
        "history base manager",
        "history base manager update",
        "history raw queryset delete",
    ],
)
def test_no_path_through_django_removes_a_flag_or_its_history(consultation, attempt):
    _flag(consultation)
    kept = _kept()
    with pytest.raises((PermissionDenied, DatabaseError)), transaction.atomic():
        attempt()
    assert _kept() == kept == (1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("DELETE FROM safeguarding_safeguardingflag", "never deleted"),
        ("DELETE FROM safeguarding_flagevent", "append-only"),
        ("DELETE FROM safeguarding_flagevent WHERE what = 'raised'", "append-only"),
        ("UPDATE safeguarding_flagevent SET note = 'edited'", "append-only"),
    ],
)
def test_the_database_refuses_raw_sql_that_removes_a_flag_or_its_history(
    consultation, sql, message
):
    """On SQLite here, and on PostgreSQL when DATABASE_URL names one."""
    _flag(consultation)
    with pytest.raises(DatabaseError, match=message):
        _raw(sql)
    assert _kept() == (1, 1)


@pytest.mark.django_db(transaction=True)
def test_the_test_runners_flush_empties_flags_and_history_and_leaves_the_guards_up(site_tree):
    _flag(consultation_create(title="Your school day"))
    for table in ("safeguarding_flagevent", "safeguarding_safeguardingflag"):
        with pytest.raises(DatabaseError):
            _raw(f"DELETE FROM {table}")  # noqa: S608
    call_command("flush", interactive=False, verbosity=0)
    assert _kept() == (0, 0)
    if connection.vendor == "sqlite":
        # The guards stood aside only inside flush's own transaction.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {PURGE_MARKER}")  # noqa: S608
            assert cursor.fetchone() == (0,)
