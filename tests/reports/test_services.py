"""Sealing and laying: who may, what is checked, and what is recorded."""

import datetime
import hashlib

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cms.roles import Role
from reports.models import Laying, Submission
from reports.services import submission_lay, submission_seal
from tests.factories.accounts import user_with_role
from tests.reports.conftest import REPORT

pytestmark = pytest.mark.django_db

OTHER_ROLES = [r for r in Role.ALL if r not in (Role.COMMISSIONER, Role.YOUNG_PERSON)]


def test_the_commissioner_seals_a_version_with_its_digest(commissioner):
    sealed = submission_seal(year="2026-27", html=REPORT, by=commissioner)
    stored = Submission.objects.get()
    assert (stored.year, stored.version, stored.signed_off_by) == ("2026-27", 1, commissioner)
    assert stored.html == REPORT
    assert stored.digest == hashlib.sha256(REPORT.encode("utf-8")).hexdigest() == sealed.digest
    assert stored.signed_off_at <= timezone.now()


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_one_but_the_commissioner_seals(role):
    with pytest.raises(PermissionDenied):
        submission_seal(year="2026-27", html=REPORT, by=user_with_role(role))
    assert not Submission.objects.exists()


def test_a_deactivated_commissioner_cannot_seal(commissioner):
    commissioner.is_active = False
    with pytest.raises(PermissionDenied):
        submission_seal(year="2026-27", html=REPORT, by=commissioner)


@pytest.mark.parametrize("year", ["2026", "2026-2027", "2026-28", "26-27", "2026/27", ""])
def test_a_reporting_year_runs_april_to_march_and_is_written_2026_27(commissioner, year):
    with pytest.raises(ValidationError, match="reporting year|1 April"):
        submission_seal(year=year, html=REPORT, by=commissioner)


def test_the_year_that_crosses_a_century_is_written_2099_00(commissioner):
    assert submission_seal(year="2099-00", html=REPORT, by=commissioner).year == "2099-00"


def test_an_empty_report_is_not_sealed(commissioner):
    with pytest.raises(ValidationError, match="no report"):
        submission_seal(year="2026-27", html="  \n", by=commissioner)


def test_the_same_text_is_not_sealed_twice(sealed, commissioner):
    with pytest.raises(ValidationError, match="already sealed as Annual report 2026-27, version 1"):
        submission_seal(year="2026-27", html=REPORT, by=commissioner)
    assert Submission.objects.count() == 1


# Laying


@pytest.fixture
def recorder(db):
    """Whoever holds the laying permission (the commissioner's office, see the ADR)."""
    user = user_with_role(Role.COMMISSIONER, username="recorder")
    user.user_permissions.add(Permission.objects.get(codename="lay_submission"))
    return type(user).objects.get(pk=user.pk)


def _lay(submission, by, house=Laying.House.COMMONS, **overrides):
    fields = {"laid_on": timezone.localdate(), "paper_number": "HC 123", **overrides}
    return submission_lay(submission=submission, house=house, by=by, **fields)


def test_a_laying_is_recorded_once_per_house_and_version(sealed, recorder):
    _lay(sealed, recorder)
    _lay(sealed, recorder, house=Laying.House.LORDS, paper_number="HL Paper 45")
    assert sorted(sealed.layings.values_list("house", "paper_number")) == [
        ("commons", "HC 123"),
        ("lords", "HL Paper 45"),
    ]
    with pytest.raises(ValidationError, match="already been laid before that House"):
        _lay(sealed, recorder, paper_number="HC 124")
    assert Laying.objects.count() == 2


def test_the_next_version_can_be_laid_before_the_same_house(sealed, commissioner, recorder):
    _lay(sealed, recorder)
    later = submission_seal(year="2026-27", html=REPORT + "<p>Erratum.</p>", by=commissioner)
    _lay(later, recorder, paper_number="HC 130")
    assert Laying.objects.filter(house="commons").count() == 2


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"laid_on": datetime.date(2020, 1, 1)}, "before it was sealed"),
        ({"laid_on": datetime.date(2999, 1, 1)}, "in the future"),
        ({"paper_number": "  "}, "paper number"),
        ({"house": "scotland"}, "Commons or the House of Lords"),
    ],
)
def test_a_laying_that_cannot_be_true_is_refused(sealed, recorder, overrides, problem):
    with pytest.raises(ValidationError, match=problem):
        _lay(sealed, recorder, **overrides)
    assert not Laying.objects.exists()


@pytest.mark.parametrize(
    "role", [r for r in Role.ALL if r not in (Role.YOUNG_PERSON, Role.COMMISSIONER)]
)
def test_only_those_given_the_permission_record_a_laying(sealed, role):
    with pytest.raises(PermissionDenied):
        _lay(sealed, user_with_role(role, username=f"u-{role}"))
    assert not Laying.objects.exists()


def test_the_commissioner_records_a_laying(sealed):
    laying = _lay(sealed, user_with_role(Role.COMMISSIONER, username="second-commissioner"))
    assert laying.house == "commons"


def test_a_superuser_records_a_laying(sealed):
    laying = _lay(sealed, user_with_role("superuser"))
    assert str(laying) == f"House of Commons, HC 123, {timezone.localdate()}"
