"""The inquiry's own screens: what the team, the commissioner and other caseworkers can do
there, and that bad input changes nothing. Every role against every screen is in test_access."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.roles import Role
from commissioner.models import AuditEvent, Direction, Evidence, Inquiry
from commissioner.services import agencies, directions
from tests.factories.casework import PDF, PNG, pdf, staff
from tests.factories.casework import client_for as _client

pytestmark = pytest.mark.django_db


def _urls(inquiry, evidence):
    base = f"/admin/inquiries/{inquiry.pk}/"
    return {
        "detail": base,
        "child": base + "child/",
        "report": base + "report/",
        "letter": base + "letter/",
        "evidence": base + f"evidence/{evidence.pk}/",
    }


def test_the_team_opens_everything_and_each_read_of_the_child_and_download_is_audited(case):
    caseworker, inquiry, evidence = case
    client = _client(caseworker)
    for name, url in _urls(inquiry, evidence).items():
        response = client.get(url)
        assert response.status_code == 200, name
    assert b"".join(client.get(_urls(inquiry, evidence)["evidence"]).streaming_content) == PDF
    actions = list(AuditEvent.objects.filter(user=caseworker).values_list("action", flat=True))
    assert actions.count("read_child") == 1 and actions.count("download") == 3
    assert inquiry.direction.reference in client.get("/admin/inquiries/").content.decode()


def test_a_caseworker_not_on_the_team_cannot_list_open_or_download(case):
    _caseworker, inquiry, evidence = case
    client = _client(staff(Role.CASEWORKER))
    assert inquiry.direction.reference not in client.get("/admin/inquiries/").content.decode()
    search = client.get("/admin/inquiries/", {"q": inquiry.direction.reference}).content.decode()
    assert "No inquiries you can see." in search
    for url in _urls(inquiry, evidence).values():
        assert client.get(url).status_code == 404, url


def test_the_commissioner_lists_all_but_opens_only_by_breaking_glass(case):
    _caseworker, inquiry, evidence = case
    commissioner = staff(Role.COMMISSIONER)
    client = _client(commissioner)
    assert inquiry.direction.reference in client.get("/admin/inquiries/").content.decode()
    response = client.get(_urls(inquiry, evidence)["child"])
    assert response.status_code == 302 and response["Location"].endswith("/break-glass/")
    assert (
        client.post(f"/admin/inquiries/{inquiry.pk}/break-glass/", {"reason": ""}).status_code
        == 400
    )
    response = client.post(
        f"/admin/inquiries/{inquiry.pk}/break-glass/",
        {"reason": "Urgent question from the Secretary of State's office"},
    )
    assert response.status_code == 302
    assert client.get(_urls(inquiry, evidence)["child"]).status_code == 200
    assert AuditEvent.objects.filter(action="break_glass", user=commissioner).exists()
    audit = client.get("/admin/inquiries/audit/").content.decode()
    assert "Urgent question" in audit and "Mark reviewed" in audit


def test_recording_a_direction_in_the_admin_and_refusals_store_nothing():
    client = _client(staff(Role.CASEWORKER))
    data = {
        "reference": "SoS/2026/900",
        "given_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "signatory_name": "",
        "signatory_office": "secretary_of_state",
        "child_name": "Robin Example",
        "reasons": "Reasons",
        "national_significance": "Significance",
        "terms_of_reference": "Terms",
        "letter": pdf(),
    }
    response = client.post("/admin/inquiries/direction/", data)
    assert response.status_code == 400
    assert not Inquiry.objects.exists()
    future = {**data, "signatory_name": "A. Minister", "letter": pdf()}
    future["given_on"] = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post("/admin/inquiries/direction/", future)
    assert response.status_code == 400 and "future" in response.content.decode()
    disguised = {**data, "signatory_name": "A. Minister", "letter": pdf("a.pdf", b"GIF89a....")}
    response = client.post("/admin/inquiries/direction/", disguised)
    assert response.status_code == 400 and "not a PDF" in response.content.decode()
    assert not Direction.objects.exists()
    good = {**data, "signatory_name": "A. Minister", "letter": pdf()}
    response = client.post("/admin/inquiries/direction/", good)
    assert response.status_code == 302
    assert Inquiry.objects.get().direction.reference == "SoS/2026/900"


def test_a_move_out_of_order_is_refused_on_the_page_and_changes_nothing(case):
    caseworker, inquiry, _evidence = case
    client = _client(caseworker)
    response = client.post(
        f"/admin/inquiries/{inquiry.pk}/move/", {"to_state": "drafting", "reason": "Skip"}
    )
    assert response.status_code == 400
    inquiry.refresh_from_db()
    assert inquiry.state == "directed" and not inquiry.moves.exists()
    response = client.post(
        f"/admin/inquiries/{inquiry.pk}/move/", {"to_state": "scoping", "reason": "Started"}
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.state == "scoping"


def test_oversized_or_disguised_evidence_is_refused_on_the_page(case, settings):
    caseworker, inquiry, _evidence = case
    client = _client(caseworker)
    response = client.post(
        f"/admin/inquiries/{inquiry.pk}/evidence/",
        {
            "title": "Photo",
            "upload": pdf("photo.png", b"<html>not an image</html>"),
            "from_whom": "Parent",
            "received_on": timezone.localdate().isoformat(),
            "how_obtained": "By post",
        },
    )
    assert response.status_code == 400
    assert Evidence.objects.count() == 1
    response = client.post(
        f"/admin/inquiries/{inquiry.pk}/evidence/",
        {
            "title": "Photo",
            "upload": pdf("photo.png", PNG),
            "from_whom": "Parent",
            "received_on": timezone.localdate().isoformat(),
            "how_obtained": "By post",
        },
    )
    assert response.status_code == 302 and Evidence.objects.count() == 2


def test_the_statistics_page_shows_counts_and_nothing_about_the_child(case):
    caseworker, _inquiry, _evidence = case
    stats = _client(caseworker).get("/admin/inquiries/statistics/").content.decode()
    assert "Directed" in stats and "Robin" not in stats


def test_a_meeting_recorded_on_the_page_shows_on_the_inquiry(case):
    caseworker, inquiry, _evidence = case
    client = _client(caseworker)
    url = f"/admin/inquiries/{inquiry.pk}/meeting/"
    held = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url, {"kind": "hearing", "held_on": "", "notes": "No date"})
    assert response.status_code == 400 and not inquiry.meetings.exists()
    meeting = {"kind": "hearing", "held_on": held, "private": "on", "notes": "Heard the GP."}
    response = client.post(url, meeting)
    assert (response.status_code, response["Location"]) == (302, f"/admin/inquiries/{inquiry.pk}/")
    recorded = inquiry.meetings.get()
    assert recorded.kind == "hearing" and recorded.private and recorded.notes == "Heard the GP."
    page = client.get(f"/admin/inquiries/{inquiry.pk}/").content.decode()
    assert "Hearing on" in page and "(private)" in page and "Heard the GP." in page
    # Someone who may not open the inquiry cannot add to it.
    outsider = _client(staff(Role.CASEWORKER))
    assert outsider.post(url, meeting).status_code == 404
    assert inquiry.meetings.count() == 1


def test_a_reminder_to_an_agency_is_recorded_from_the_page(case):
    caseworker, inquiry, _evidence = case
    agency = agencies.agency_add(
        inquiry=inquiry, kind="police", name="Example Police", by=caseworker
    )
    request = agencies.request_send(
        agency=agency,
        asked_for="Call logs",
        sent_on=timezone.localdate() - timedelta(days=40),
        by=caseworker,
    )
    client = _client(caseworker)
    page = client.get(f"/admin/inquiries/{inquiry.pk}/").content.decode()
    assert "Record a reminder" in page and "reminded" not in page
    response = client.post(f"/admin/inquiries/{inquiry.pk}/remind/{request.pk}/")
    assert (response.status_code, response["Location"]) == (302, f"/admin/inquiries/{inquiry.pk}/")
    request.refresh_from_db()
    assert request.reminded_on == timezone.localdate()
    page = client.get(f"/admin/inquiries/{inquiry.pk}/").content.decode()
    assert "reminded" in page


def test_editing_the_childs_record_is_audited_as_a_change_of_the_fields_changed(case):
    caseworker, inquiry, _evidence = case
    client = _client(caseworker)
    url = f"/admin/inquiries/{inquiry.pk}/child/"
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="read_child").count() == 1
    record = {"name": "Robin Example", "local_authority": "Exampleshire", "school": "Example High"}
    response = client.post(url, record)
    assert (response.status_code, response["Location"]) == (302, url)
    inquiry.child.refresh_from_db()
    assert inquiry.child.school == "Example High"
    change = AuditEvent.objects.get(action="change_child")
    assert change.user == caseworker and change.target == "school"
    # Saving is a change, not another read.
    assert AuditEvent.objects.filter(action="read_child").count() == 1
    response = client.post(url, {**record, "name": ""})
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action__in=["change_child", "read_child"]).count() == 2
    inquiry.child.refresh_from_db()
    assert inquiry.child.name == "Robin Example"


def test_drafting_sealing_and_sending_the_report_from_its_page(case):
    caseworker, inquiry, _evidence = case
    for state in ["scoping", "evidence", "drafting"]:
        directions.inquiry_move(inquiry=inquiry, to_state=state, reason="On", by=caseworker)
    client = _client(caseworker)
    url = f"/admin/inquiries/{inquiry.pk}/report/"
    report = {
        "form": "report",
        "draft": "Robin Example was failed.",
        "identity_reasons": "Naming would expose the child.",
        "publication_text": "Child A was failed.",
    }
    assert client.post(url, report).status_code == 302
    recommendation = {
        "form": "recommendation",
        "text": "Share records within a day.",
        "bodies": "Exampleshire Council",
        "respond_by": (timezone.localdate() + timedelta(days=30)).isoformat(),
    }
    assert client.post(url, recommendation).status_code == 302
    assert "Seal and send" not in client.get(url).content.decode()
    assert client.post(url, {"form": "send"}).status_code == 400  # not after the check yet
    directions.inquiry_move(inquiry=inquiry, to_state="accuracy", reason="To check", by=caseworker)
    assert "Seal and send" in client.get(url).content.decode()
    assert client.post(url, {"form": "send"}).status_code == 302
    html = client.get(url).content.decode()
    sealed = inquiry.sealed_report
    assert sealed.sha256 == hashlib.sha256(b"Robin Example was failed.").hexdigest()
    assert sealed.sha256 in html and "cannot be changed" in html
    inquiry.refresh_from_db()
    assert inquiry.state == "report_sent"

    # The bodies' written answers to the recommendations are recorded against them.
    recommendation = inquiry.recommendations.get()
    answer = {"form": "response", "recommendation": recommendation.pk, "summary": ""}
    assert client.post(url, answer).status_code == 400
    answer["summary"] = "The council will share records within a day from April."
    assert client.post(url, answer).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.response_received_on == timezone.localdate()
    assert "within a day from April" in client.get(url).content.decode()


def test_only_the_commissioner_sets_a_team(case):
    caseworker, inquiry, _evidence = case
    other = staff(Role.CASEWORKER, "cw-new")
    url = f"/admin/inquiries/{inquiry.pk}/team/"
    response = _client(caseworker).get(url)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert list(inquiry.team.all()) == [caseworker]
    client = _client(staff(Role.COMMISSIONER))
    assert client.post(url, {"members": []}).status_code == 400
    assert client.post(url, {"members": [caseworker.pk, other.pk]}).status_code == 302
    assert set(inquiry.team.all()) == {caseworker, other}
    assert _client(other).get(f"/admin/inquiries/{inquiry.pk}/").status_code == 200
