"""Every role against every casework screen, with the one answer each should get.

Wagtail's admin answers a logged-in person who may use the admin but not this screen with a
redirect to the admin's home page (and a message); anyone who may not use the admin at all, or
is not logged in, is redirected to the admin login. An inquiry a person may not list is a 404,
the same as one that does not exist."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.roles import Role
from commissioner.models import AuditEvent
from commissioner.services import team
from tests.factories.casework import client_for, staff

pytestmark = pytest.mark.django_db

OK, MISSING = 200, 404
HOME, LOGIN, GLASS = "admin home", "login", "break glass"

SCREENS = (
    "index",
    "direction",
    "overdue",
    "overdue results",
    "statistics",
    "audit",
    "audit results",
    "team",
    "break glass",
    "detail",
    "child",
    "report",
    "letter",
    "evidence",
)
_LISTS = ("index", "direction", "overdue", "overdue results", "statistics")
_INQUIRY = ("detail", "child", "report", "letter", "evidence")


def _all(outcome):
    return dict.fromkeys(SCREENS, outcome)


EXPECTED = {
    "caseworker on the team": {
        **_all(OK),
        "audit": HOME,
        "audit results": HOME,
        "team": HOME,
        "break glass": HOME,
    },
    "caseworker not on the team": {
        **dict.fromkeys(_LISTS, OK),
        "audit": HOME,
        "audit results": HOME,
        "team": HOME,
        "break glass": MISSING,
        **dict.fromkeys(_INQUIRY, MISSING),
    },
    "commissioner": {**_all(OK), **dict.fromkeys(_INQUIRY, GLASS)},
    # A superuser holds every permission, and so is treated as the commissioner: no team, no
    # child's record without breaking glass.
    "superuser": {**_all(OK), **dict.fromkeys(_INQUIRY, GLASS)},
    "commissioner who broke glass": _all(OK),
    Role.ANALYST: _all(HOME),
    Role.SAFEGUARDING_LEAD: _all(HOME),
    Role.EDITOR: _all(HOME),
    Role.CLERK: _all(HOME),
    Role.PARLIAMENT_MEMBER: _all(LOGIN),
    "anonymous": _all(LOGIN),
}


def _urls(inquiry, evidence) -> dict[str, str]:
    base = f"/admin/inquiries/{inquiry.pk}/"
    return {
        "index": "/admin/inquiries/",
        "direction": "/admin/inquiries/direction/",
        "overdue": "/admin/inquiries/overdue/",
        "overdue results": "/admin/inquiries/overdue/results/",
        "statistics": "/admin/inquiries/statistics/",
        "audit": "/admin/inquiries/audit/",
        "audit results": "/admin/inquiries/audit/results/",
        "team": base + "team/",
        "break glass": base + "break-glass/",
        "detail": base,
        "child": base + "child/",
        "report": base + "report/",
        "letter": base + "letter/",
        "evidence": base + f"evidence/{evidence.pk}/",
    }


def _person(who, caseworker, inquiry):
    if who == "caseworker on the team":
        return caseworker
    if who == "caseworker not on the team":
        return staff(Role.CASEWORKER)
    if who == "anonymous":
        return None
    if who == "superuser":
        return get_user_model().objects.create_superuser("root", password="unused")
    if who == "commissioner who broke glass":
        commissioner = staff(Role.COMMISSIONER)
        team.break_glass(inquiry=inquiry, user=commissioner, reason="Urgent question from the SoS")
        return commissioner
    return staff(Role.COMMISSIONER if who == "commissioner" else who)


def _assert_outcome(response, url, expected, inquiry):
    if expected == HOME:
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    elif expected == LOGIN:
        login = f"{reverse('wagtailadmin_login')}?next={url}"
        assert (response.status_code, response["Location"]) == (302, login)
    elif expected == GLASS:
        glass = reverse("inquiry_break_glass", args=[inquiry.pk])
        assert (response.status_code, response["Location"]) == (302, glass)
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("who", list(EXPECTED))
def test_each_person_gets_the_one_expected_answer_from_each_screen(case, who):
    caseworker, inquiry, evidence = case
    client = client_for(_person(who, caseworker, inquiry))
    for screen, url in _urls(inquiry, evidence).items():
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read the file through, so it is closed
        try:
            _assert_outcome(response, url, EXPECTED[who][screen], inquiry)
        except AssertionError as failure:
            raise AssertionError(f"{who} on {screen}: {failure}") from failure


@pytest.mark.parametrize("who", [w for w in EXPECTED if EXPECTED[w]["index"] == LOGIN])
def test_people_outside_the_admin_leave_no_trace_in_the_audit_trail(case, who):
    caseworker, inquiry, evidence = case
    before = AuditEvent.objects.count()
    client = client_for(_person(who, caseworker, inquiry))
    for url in _urls(inquiry, evidence).values():
        client.get(url)
    assert AuditEvent.objects.count() == before


_OPENING = {
    "detail": "the inquiry",
    "child": "the child's record",
    "report": "the report",
    "letter": "the direction letter",
    "evidence": "a piece of evidence",
}
_ANY_INQUIRY_SCREEN = {**_OPENING, "team": "the team", "break glass": "break glass"}
# The screens of the inquiry each signed-in person is turned away from, as the trail names them.
REFUSED = {
    "caseworker on the team": {},
    "caseworker not on the team": {**_OPENING, "break glass": "break glass"},
    "commissioner": _OPENING,
    "superuser": _OPENING,
    "commissioner who broke glass": {},
    Role.ANALYST: _ANY_INQUIRY_SCREEN,
    Role.SAFEGUARDING_LEAD: _ANY_INQUIRY_SCREEN,
    Role.EDITOR: _ANY_INQUIRY_SCREEN,
    Role.CLERK: _ANY_INQUIRY_SCREEN,
}


@pytest.mark.parametrize("who", list(REFUSED))
def test_each_refusal_to_open_an_inquiry_is_in_the_audit_trail(case, who):
    caseworker, inquiry, evidence = case
    person = _person(who, caseworker, inquiry)
    client = client_for(person)
    for url in _urls(inquiry, evidence).values():
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    refused = AuditEvent.objects.filter(action=AuditEvent.Action.REFUSED)
    assert sorted(refused.values_list("target", flat=True)) == sorted(REFUSED[who].values())
    assert {(line.user, line.inquiry) for line in refused} <= {(person, inquiry)}
    # An address that names no inquiry is a 404 like the others, and leaves no line.
    client.get("/admin/inquiries/00000000-0000-0000-0000-000000000000/child/")
    assert refused.count() == len(REFUSED[who])


ACTIONS = {
    "caseworker on the team": 400,  # the empty form is refused on the page
    "caseworker not on the team": MISSING,
    "commissioner": GLASS,
    Role.ANALYST: HOME,
    Role.EDITOR: HOME,
    Role.CLERK: HOME,
    "anonymous": LOGIN,
}


@pytest.mark.parametrize("who", list(ACTIONS))
def test_the_inquirys_small_forms_answer_each_person_once_and_change_nothing(case, who):
    caseworker, inquiry, _evidence = case
    client = client_for(_person(who, caseworker, inquiry))
    url = f"/admin/inquiries/{inquiry.pk}/move/"
    _assert_outcome(client.post(url, {}), url, ACTIONS[who], inquiry)
    inquiry.refresh_from_db()
    assert inquiry.state == "directed" and not inquiry.moves.exists()
