"""A sealed submission and a laying record can never be changed or deleted, through any path:
the model, its querysets, Django's base manager, raw SQL. Raw SQL runs against SQLite here,
and against PostgreSQL when DATABASE_URL names one
(docs/adr/0017-sealed-submissions-and-the-clerks.md)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from cms.roles import Role
from reports.models import Laying, Submission
from reports.services import submission_lay, submission_seal
from tests.factories.accounts import user_with_role
from tests.reports.conftest import REPORT


def _raw(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def _laid(submission) -> Laying:
    lead = user_with_role("superuser", username="recorder")
    return submission_lay(
        submission=submission,
        house=Laying.House.COMMONS,
        laid_on=timezone.localdate(),
        paper_number="HC 123",
        by=lead,
    )


def _as_sealed() -> list[tuple]:
    return list(Submission.objects.values_list("pk", "year", "version", "html", "digest"))


def _edited(submission):
    submission.html = "<p>Changed.</p>"
    submission.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attempt",
    [
        _edited,
        lambda s: s.delete(),
        lambda s: Submission.objects.all().delete(),
        lambda s: Submission.objects.update(html="<p>Changed.</p>"),
        lambda s: Submission._base_manager.all().delete(),
        lambda s: Submission._base_manager.update(version=9),
        lambda s: Submission.objects.all()._raw_delete(connection.alias),
        lambda s: s.signed_off_by.delete(),
    ],
    ids=[
        "save",
        "instance delete",
        "queryset delete",
        "queryset update",
        "base manager delete",
        "base manager update",
        "raw queryset delete",
        "deleting the signatory",
    ],
)
def test_no_path_through_django_changes_or_deletes_a_submission(sealed, attempt):
    before = _as_sealed()
    with pytest.raises((ValidationError, DatabaseError)), transaction.atomic():
        attempt(Submission.objects.get())
    assert _as_sealed() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attempt",
    [
        lambda laying: laying.save(),
        lambda laying: laying.delete(),
        lambda laying: Laying.objects.update(paper_number="HC 999"),
        lambda laying: Laying._base_manager.all().delete(),
        lambda laying: laying.submission.layings.all().delete(),
    ],
    ids=["save", "instance delete", "queryset update", "base manager", "related manager"],
)
def test_no_path_through_django_changes_or_deletes_a_laying(sealed, attempt):
    laying = _laid(sealed)
    with pytest.raises((ValidationError, DatabaseError)), transaction.atomic():
        attempt(laying)
    assert list(Laying.objects.values_list("pk", "paper_number")) == [(laying.pk, "HC 123")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM reports_submission",
        "UPDATE reports_submission SET html = '<p>Changed.</p>'",
        "UPDATE reports_submission SET version = 2",
        "DELETE FROM reports_laying",
        "UPDATE reports_laying SET paper_number = 'HC 999'",
    ],
)
def test_the_database_refuses_raw_sql_that_changes_or_deletes(sealed, sql):
    """On SQLite here, and on PostgreSQL when DATABASE_URL names one."""
    _laid(sealed)
    before = _as_sealed()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(sql)
    assert _as_sealed() == before
    assert list(Laying.objects.values_list("paper_number", flat=True)) == ["HC 123"]


@pytest.mark.django_db
def test_a_later_version_is_a_new_row_and_the_first_is_unchanged(sealed, commissioner):
    later = submission_seal(year="2026-27", html=REPORT + "<p>Erratum.</p>", by=commissioner)
    assert (sealed.version, later.version) == (1, 2)
    assert Submission.objects.get(version=1).html == REPORT
    next_year = submission_seal(year="2027-28", html="<p>Next year.</p>", by=commissioner)
    assert next_year.version == 1


@pytest.mark.django_db(transaction=True)
def test_only_the_test_runners_flush_empties_them_and_the_guard_is_back_after(settings):
    """`transactional_db` tests still work: the runner's flush may empty these tables. The
    roles come back with flush's post_migrate."""
    commissioner = user_with_role(Role.COMMISSIONER, username="commissioner")
    _laid(submission_seal(year="2026-27", html=REPORT, by=commissioner))
    if connection.vendor == "sqlite":
        settings.APPEND_ONLY_FLUSH = False
        with pytest.raises(CommandError):
            call_command("flush", interactive=False, verbosity=0)
        assert Submission.objects.count() == 1
    settings.APPEND_ONLY_FLUSH = True
    call_command("flush", interactive=False, verbosity=0)
    assert not Submission.objects.exists()
    assert not Laying.objects.exists()
    commissioner = user_with_role(Role.COMMISSIONER, username="commissioner")
    submission_seal(year="2026-27", html=REPORT, by=commissioner)
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM reports_submission")
    assert Submission.objects.count() == 1
