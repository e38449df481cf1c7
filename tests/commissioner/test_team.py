"""Nobody puts themselves on an inquiry's team: that would open the child's record with no
reason, no expiry and no review. Another commissioner adds them, or they break glass."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from cms.roles import Role
from commissioner import selectors
from commissioner.models import AuditEvent, BreakGlass
from commissioner.services import team
from tests.factories.casework import client_for, inquiry_make, staff

pytestmark = pytest.mark.django_db


def test_the_commissioner_cannot_add_themselves_and_so_cannot_read_the_child():
    caseworker, commissioner = staff(Role.CASEWORKER), staff(Role.COMMISSIONER)
    inquiry = inquiry_make(by=caseworker)
    with pytest.raises(ValidationError, match="break glass"):
        team.team_set(inquiry=inquiry, members=[caseworker, commissioner], by=commissioner)
    assert list(inquiry.team.all()) == [caseworker]
    assert not selectors.can_open(user=commissioner, inquiry=inquiry)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TEAM).exists()


def test_a_second_commissioner_adds_them_and_the_change_is_audited_under_the_second():
    caseworker, commissioner = staff(Role.CASEWORKER), staff(Role.COMMISSIONER)
    colleague = staff(Role.COMMISSIONER)
    inquiry = inquiry_make(by=caseworker)
    team.team_set(inquiry=inquiry, members=[caseworker, commissioner], by=colleague)
    assert selectors.can_open(user=commissioner, inquiry=inquiry)
    line = AuditEvent.objects.get(action=AuditEvent.Action.TEAM)
    assert line.user == colleague and commissioner.username in line.target


def test_a_commissioner_already_on_the_team_may_keep_themselves_on_it():
    commissioner, caseworker = staff(Role.COMMISSIONER), staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=commissioner)  # recording the direction put them on it
    team.team_set(inquiry=inquiry, members=[commissioner, caseworker], by=commissioner)
    assert set(inquiry.team.all()) == {commissioner, caseworker}


def test_a_superuser_cannot_add_themselves_either():
    caseworker = staff(Role.CASEWORKER)
    root = get_user_model().objects.create_superuser("root", password="unused")
    inquiry = inquiry_make(by=caseworker)
    with pytest.raises(ValidationError, match="break glass"):
        team.team_set(inquiry=inquiry, members=[caseworker, root], by=root)
    assert not selectors.can_open(user=root, inquiry=inquiry)


def test_ticking_yourself_on_the_team_page_is_refused_there_and_points_to_break_glass():
    caseworker, commissioner = staff(Role.CASEWORKER), staff(Role.COMMISSIONER)
    inquiry = inquiry_make(by=caseworker)
    client = client_for(commissioner)
    url = f"/admin/inquiries/{inquiry.pk}/team/"
    response = client.post(url, {"members": [caseworker.pk, commissioner.pk]})
    assert response.status_code == 400
    assert "You cannot add yourself to an inquiry" in response.content.decode()
    assert list(inquiry.team.all()) == [caseworker]
    # Reading the child's record still needs the glass broken, with a reason to review.
    child = f"/admin/inquiries/{inquiry.pk}/child/"
    response = client.get(child)
    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/inquiries/{inquiry.pk}/break-glass/",
    )
    assert not BreakGlass.objects.exists()
