"""Advice to the Secretary of State and areas for further research: kept by the commissioner
and analysts in the admin, with the evidence linked, every change in the audit log."""

from urllib.parse import quote

import pytest
from wagtail.models import ModelLogEntry

from cms.roles import Role
from parliament.choices import ProposalStatus
from parliament.models import Motion
from reports.models import Advice, ResearchArea
from tests.factories.accounts import user_with_role
from tests.factories.parliament import motion_approved

pytestmark = pytest.mark.django_db
ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *[r for r in Role.ALL if r != Role.YOUNG_PERSON]]
KEEPERS = {Role.COMMISSIONER, Role.ANALYST}
OUTSIDE_THE_ADMIN = {ANONYMOUS, Role.PARLIAMENT_MEMBER}


def _client(client, role):
    if role != ANONYMOUS:
        client.force_login(user_with_role(role))
    return client


def _carried(title: str) -> Motion:
    motion = motion_approved(title=title)
    Motion.objects.filter(pk=motion.pk).update(status=ProposalStatus.CARRIED)
    return Motion.objects.get(pk=motion.pk)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/admin/advice/", "/admin/research_areas/new/"])
def test_who_keeps_the_records(client, role, url):
    response = _client(client, role).get(url)
    if role in KEEPERS:
        assert response.status_code == 200
    elif role in OUTSIDE_THE_ADMIN:
        assert (response.status_code, response["Location"]) == (
            302,
            f"/admin/login/?next={quote(url, safe='/')}",
        )
    else:
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_commissioner_records_advice_with_its_evidence(client, consultation):
    resolution = _carried("Free buses for under 18s")
    response = _client(client, Role.COMMISSIONER).post(
        "/admin/advice/new/",
        {
            "title": "Free bus travel",
            "given_on": "2026-10-01",
            "subject": "Bus Services Bill",
            "advice": "Make bus travel free for everyone under 18.",
            "consultations": [consultation.pk],
            "resolutions": [resolution.pk],
            "other_evidence": "",
        },
    )
    assert response.status_code == 302
    advice = Advice.objects.get()
    assert list(advice.consultations.all()) == [consultation]
    assert list(advice.resolutions.all()) == [resolution]
    logged = ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(advice.pk))
    assert str(advice) in {entry.label for entry in logged}


def test_only_a_carried_motion_is_evidence(client):
    approved = motion_approved(title="Still being debated")
    response = _client(client, Role.COMMISSIONER).post(
        "/admin/advice/new/",
        {
            "title": "Buses",
            "given_on": "2026-10-01",
            "subject": "Bus Services Bill",
            "advice": "Free buses.",
            "resolutions": [approved.pk],
        },
    )
    assert response.status_code == 400
    assert Advice.objects.count() == 0


def test_an_area_for_research_needs_its_reason(client):
    response = _client(client, Role.ANALYST).post(
        "/admin/research_areas/new/", {"title": "Sleep and phones", "proposed_on": "2026-11-01"}
    )
    assert response.status_code == 400
    assert ResearchArea.objects.count() == 0
