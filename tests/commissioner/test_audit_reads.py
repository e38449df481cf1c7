"""What the audit trail records of reading: each view of the inquiry, the child's record and
the report once, however many changes are saved on the page in that view; every refusal to
open (each role, in test_access); and a break-glass reason another person can review."""

import pytest
from django.utils import timezone

from cms.roles import Role
from commissioner.models import AuditEvent, BreakGlass
from commissioner.rules import State
from commissioner.services import directions
from tests.factories.casework import client_for, staff

pytestmark = pytest.mark.django_db


def _count(action, user) -> int:
    return AuditEvent.objects.filter(action=action, user=user).count()


def test_reading_the_report_is_audited_like_the_childs_record(case):
    caseworker, inquiry, _evidence = case
    client = client_for(caseworker)
    assert client.get(f"/admin/inquiries/{inquiry.pk}/report/").status_code == 200
    line = AuditEvent.objects.get(action=AuditEvent.Action.READ_REPORT)
    assert (line.user, line.inquiry, line.target) == (caseworker, inquiry, "report")


def test_saving_forms_on_the_inquiry_page_does_not_add_an_open_line_each_time(case):
    caseworker, inquiry, _evidence = case
    client = client_for(caseworker)
    url = f"/admin/inquiries/{inquiry.pk}/"
    assert client.get(url).status_code == 200
    for name in ["Example Trust", "Example Police", "Example School"]:
        response = client.post(url + "agency/", {"kind": "health", "name": name}, follow=True)
        assert response.status_code == 200 and name in response.content.decode()
    assert _count(AuditEvent.Action.READ_INQUIRY, caseworker) == 1
    # Coming back to the page later is a new view of the record.
    client.get(f"/admin/inquiries/{inquiry.pk}/child/")
    client.get(url)
    assert _count(AuditEvent.Action.READ_INQUIRY, caseworker) == 2


def test_a_change_posted_without_opening_the_page_first_still_leaves_a_read_when_shown(case):
    caseworker, inquiry, _evidence = case
    client = client_for(caseworker)
    url = f"/admin/inquiries/{inquiry.pk}/"
    agency = {"kind": "health", "name": "Example Trust"}
    response = client.post(url + "agency/", agency, follow=True)
    assert "Example Trust" in response.content.decode()
    assert _count(AuditEvent.Action.READ_INQUIRY, caseworker) == 1


def test_saving_the_childs_record_and_the_report_is_one_read_and_one_change_each(case):
    caseworker, inquiry, _evidence = case
    for state in [State.SCOPING, State.EVIDENCE, State.DRAFTING]:
        directions.inquiry_move(inquiry=inquiry, to_state=state, reason="On", by=caseworker)
    client = client_for(caseworker)
    child = f"/admin/inquiries/{inquiry.pk}/child/"
    client.get(child)
    for school in ["Example High", "Example Academy"]:
        record = {"name": "Robin Example", "local_authority": "Exampleshire", "school": school}
        assert school in client.post(child, record, follow=True).content.decode()
    assert _count(AuditEvent.Action.READ_CHILD, caseworker) == 1
    assert _count(AuditEvent.Action.CHANGE_CHILD, caseworker) == 2

    report = f"/admin/inquiries/{inquiry.pk}/report/"
    client.get(report)
    draft = {
        "form": "report",
        "draft": "A first draft.",
        "identity_reasons": "Naming would expose the child.",
        "publication_text": "A first draft.",
    }
    for _ in range(2):
        assert client.post(report, draft, follow=True).status_code == 200
    assert _count(AuditEvent.Action.READ_REPORT, caseworker) == 1


def test_a_break_glass_reason_of_a_few_letters_is_refused_on_the_page(case):
    _caseworker, inquiry, _evidence = case
    commissioner = staff(Role.COMMISSIONER)
    client = client_for(commissioner)
    url = f"/admin/inquiries/{inquiry.pk}/break-glass/"
    response = client.post(url, {"reason": "urgent!!!!"})
    assert response.status_code == 400
    assert "at least 5 different words and 25 characters" in response.content.decode()
    assert not BreakGlass.objects.exists()
    response = client.post(url, {"reason": "The minister asked for a briefing today"})
    assert (response.status_code, response["Location"]) == (302, f"/admin/inquiries/{inquiry.pk}/")
    assert BreakGlass.objects.get().expires_at > timezone.now()


def test_the_trail_filters_the_new_lines_by_what_happened(case):
    caseworker, inquiry, _evidence = case
    client_for(staff(Role.CASEWORKER)).get(f"/admin/inquiries/{inquiry.pk}/child/")
    client_for(caseworker).get(f"/admin/inquiries/{inquiry.pk}/report/")
    audit = client_for(staff(Role.COMMISSIONER))
    refused = audit.get("/admin/inquiries/audit/", {"action": "refused"}).context["object_list"]
    assert [(line.target, line.inquiry) for line in refused] == [("the child's record", inquiry)]
    reads = audit.get("/admin/inquiries/audit/", {"action": "read_report"}).context["object_list"]
    assert [line.user for line in reads] == [caseworker]
