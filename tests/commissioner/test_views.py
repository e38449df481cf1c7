"""Every role against every casework screen and download; bad input changes nothing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cms.roles import Role
from commissioner import services
from commissioner.models import AuditEvent, Direction, Evidence, Inquiry
from tests.factories.casework import PDF, PNG, inquiry_make, pdf, staff

pytestmark = pytest.mark.django_db
OUTSIDERS = [Role.ANALYST, Role.SAFEGUARDING_LEAD, Role.EDITOR, Role.CLERK, Role.PARLIAMENT_MEMBER]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def case():
    caseworker = staff(Role.CASEWORKER, "cw-on-team")
    inquiry = inquiry_make(by=caseworker)
    evidence = services.evidence_add(
        inquiry=inquiry,
        upload=pdf("notes.pdf"),
        title="Case notes",
        from_whom="Children's services",
        received_on=timezone.localdate(),
        how_obtained="Information request",
        by=caseworker,
    )
    return caseworker, inquiry, evidence


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


@pytest.mark.parametrize("role", OUTSIDERS)
def test_other_roles_reach_no_casework_screen(case, role):
    _caseworker, inquiry, evidence = case
    client = _client(staff(role))
    for url in [
        "/admin/inquiries/",
        "/admin/inquiries/direction/",
        "/admin/inquiries/audit/",
        "/admin/inquiries/overdue/",
        "/admin/inquiries/statistics/",
        f"/admin/inquiries/{inquiry.pk}/team/",
        f"/admin/inquiries/{inquiry.pk}/break-glass/",
        *_urls(inquiry, evidence).values(),
    ]:
        assert client.get(url).status_code in (302, 403, 404), url
    assert not AuditEvent.objects.exclude(action__in=["direction", "upload"]).exists()


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


def test_the_audit_trail_is_for_the_commissioner_and_exports_as_csv(case):
    caseworker, inquiry, _evidence = case
    assert _client(caseworker).get("/admin/inquiries/audit/").status_code in (302, 403)
    response = _client(staff(Role.COMMISSIONER)).get("/admin/inquiries/audit/", {"format": "csv"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Direction recorded" in body and inquiry.direction.reference in body
    assert AuditEvent.objects.filter(action="export").exists()


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


def test_overdue_and_statistics_pages(case):
    caseworker, inquiry, _evidence = case
    agency = services.agency_add(
        inquiry=inquiry, kind="health", name="Example Trust", by=caseworker
    )
    services.request_send(
        agency=agency,
        asked_for="GP records",
        sent_on=timezone.localdate() - timedelta(days=60),
        by=caseworker,
    )
    client = _client(caseworker)
    assert "Example Trust" in client.get("/admin/inquiries/overdue/").content.decode()
    stats = client.get("/admin/inquiries/statistics/").content.decode()
    assert "Directed" in stats and "Robin" not in stats
    assert (
        "Example Trust"
        not in _client(staff(Role.CASEWORKER)).get("/admin/inquiries/overdue/").content.decode()
    )


def test_drafting_sealing_and_sending_the_report_from_its_page(case):
    caseworker, inquiry, _evidence = case
    for state in ["scoping", "evidence", "drafting"]:
        services.inquiry_move(inquiry=inquiry, to_state=state, reason="On", by=caseworker)
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
    assert client.post(url, {"form": "send"}).status_code == 400  # not after the check yet
    services.inquiry_move(inquiry=inquiry, to_state="accuracy", reason="To check", by=caseworker)
    assert client.post(url, {"form": "send"}).status_code == 302
    html = client.get(url).content.decode()
    sealed = inquiry.sealed_report
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
    assert _client(caseworker).get(url).status_code in (302, 403)
    client = _client(staff(Role.COMMISSIONER))
    assert client.post(url, {"members": []}).status_code == 400
    assert client.post(url, {"members": [caseworker.pk, other.pk]}).status_code == 302
    assert set(inquiry.team.all()) == {caseworker, other}
    assert _client(other).get(f"/admin/inquiries/{inquiry.pk}/").status_code == 200
