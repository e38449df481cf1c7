"""The audit trail and the overdue list: Wagtail report views with filters and spreadsheet
export. Who reaches them is in test_access."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.roles import Role
from commissioner.models import AuditEvent, BreakGlass
from commissioner.services import agencies, deadlines, team
from tests.factories.casework import client_for, inquiry_make, staff

pytestmark = pytest.mark.django_db
AUDIT = "/admin/inquiries/audit/"
OVERDUE = "/admin/inquiries/overdue/"


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


# --- The audit trail -----------------------------------------------------------------------------


def test_the_commissioner_reads_the_trail_and_reviews_break_glass(case):
    _caseworker, inquiry, _evidence = case
    commissioner, reviewer = staff(Role.COMMISSIONER), staff(Role.COMMISSIONER)
    opening = team.break_glass(
        inquiry=inquiry, user=commissioner, reason="Urgent question from the minister"
    )
    page = client_for(commissioner).get(AUDIT)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Urgent question" in html and "Mark reviewed" in html
    assert inquiry.direction.reference in html and "Broke glass" in html
    assert "Download CSV" in html and "export=csv" in html and "export=xlsx" in html
    # The person who broke glass may not review it; someone else may.
    response = client_for(commissioner).post(AUDIT, {"opening": opening.pk})
    assert (response.status_code, response["Location"]) == (302, AUDIT)
    assert BreakGlass.objects.get().reviewed_at is None
    response = client_for(reviewer).post(AUDIT, {"opening": opening.pk})
    assert (response.status_code, response["Location"]) == (302, AUDIT)
    assert BreakGlass.objects.get().reviewed_by == reviewer
    assert "Nothing to review." in client_for(reviewer).get(AUDIT).content.decode()


def test_a_caseworker_cannot_review_break_glass_or_export_the_trail(case):
    caseworker, inquiry, _evidence = case
    opening = team.break_glass(
        inquiry=inquiry, user=staff(Role.COMMISSIONER), reason="Urgent question from the minister"
    )
    client = client_for(caseworker)
    for response in [
        client.post(AUDIT, {"opening": opening.pk}),
        client.get(AUDIT, {"export": "csv"}),
    ]:
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert BreakGlass.objects.get().reviewed_at is None
    assert not AuditEvent.objects.filter(action="export").exists()


def test_the_trail_filters_by_action_person_inquiry_and_date(case):
    caseworker, inquiry, _evidence = case
    other = inquiry_make(by=caseworker)
    client = client_for(staff(Role.COMMISSIONER))

    def listed(**filters):
        response = client.get(AUDIT, filters)
        assert response.status_code == 200
        return list(response.context["object_list"])

    everything = listed()
    assert len(everything) == AuditEvent.objects.count() == 3  # two directions, an upload
    assert {e.action for e in listed(action="upload")} == {"upload"}
    assert {e.inquiry for e in listed(reference=other.direction.reference)} == {other}
    assert len(listed(username="cw-on")) == 3 and listed(username="nobody") == []
    today = timezone.localdate()
    assert len(listed(at_from=today.isoformat(), at_to=today.isoformat())) == 3
    assert listed(at_to=(today - timedelta(days=1)).isoformat()) == []
    # The results-only address answers the same filters, for the page's live filtering.
    results = client.get("/admin/inquiries/audit/results/", {"action": "upload"})
    assert results.status_code == 200 and len(results.context["object_list"]) == 1


def test_the_csv_export_is_filtered_audited_uncached_and_safe_in_a_spreadsheet(case):
    _caseworker, inquiry, _evidence = case
    commissioner = staff(Role.COMMISSIONER, "-eve")
    reason = '=HYPERLINK("http://x") urgent call from the minister'
    team.break_glass(inquiry=inquiry, user=commissioner, reason=reason)
    response = client_for(commissioner).get(AUDIT, {"export": "csv"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="audit-trail.csv"'
    header, *rows = _rows(response)
    assert header == ["when", "who", "action", "inquiry", "what", "why"]
    glass = next(row for row in rows if row[2] == "Broke glass")
    assert glass[1] == "'-eve" and glass[4] == ""
    assert glass[5] == "'" + reason
    assert glass[3] == inquiry.direction.reference
    assert any(row[2] == "Direction recorded" for row in rows)
    # Each line's time is written in full, as it always was.
    assert rows[0][0].startswith(str(timezone.now().year)) and "T" in rows[0][0]
    line = AuditEvent.objects.get(action="export")
    assert line.user == commissioner and line.target == "audit trail"

    filtered = client_for(commissioner).get(AUDIT, {"export": "csv", "action": "upload"})
    assert [row[2] for row in _rows(filtered)[1:]] == ["Added evidence"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_made_safe_in_both_spreadsheet_formats(case, start):
    _caseworker, inquiry, _evidence = case
    commissioner = staff(Role.COMMISSIONER)
    reason = f"{start}SUM(A1:A9) was the reason given"
    team.break_glass(inquiry=inquiry, user=commissioner, reason=reason)
    client = client_for(commissioner)
    rows = _rows(client.get(AUDIT, {"export": "csv", "action": "break_glass"}))
    assert rows[1][5] == "'" + reason  # the trail keeps the reason as it was typed
    response = client.get(AUDIT, {"export": "xlsx", "action": "break_glass"})
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0] == ["when", "who", "action", "inquiry", "what", "why"]
    # A spreadsheet file stores a carriage return as a line feed; the ' comes first either way.
    assert cells[1][5] == "'" + reason.replace("\r", "\n")
    assert AuditEvent.objects.filter(action="export").count() == 2


# --- The overdue list ---------------------------------------------------------------------------


def _overdue_case(caseworker, inquiry):
    agency = agencies.agency_add(
        inquiry=inquiry, kind="health", name="Example Trust", by=caseworker
    )
    agencies.request_send(
        agency=agency,
        asked_for="GP records",
        sent_on=timezone.localdate() - timedelta(days=60),
        by=caseworker,
    )
    agencies.request_send(agency=agency, asked_for="Not due yet", by=caseworker)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 28)
    deadlines.deadline_set(
        inquiry=inquiry, name="=Scoping report", working_days=5, start=monday, by=caseworker
    )


def test_the_overdue_list_shows_late_replies_and_deadlines_of_inquiries_you_can_open(case):
    caseworker, inquiry, _evidence = case
    _overdue_case(caseworker, inquiry)
    client = client_for(caseworker)
    page = client.get(OVERDUE)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Example Trust" in html and "=Scoping report" in html
    assert f"/admin/inquiries/{inquiry.pk}/" in html
    rows = page.context["object_list"]
    assert sorted(row["kind"] for row in rows) == ["deadline", "request"]
    assert [row["due_on"] for row in rows] == sorted(row["due_on"] for row in rows)
    assert {row["what"] for row in rows} == {"Example Trust", "=Scoping report"}

    deadlines_only = client.get(OVERDUE, {"kind": "deadline"}).context["object_list"]
    assert [row["what"] for row in deadlines_only] == ["=Scoping report"]
    none_match = client.get(OVERDUE, {"reference": "no such reference"}).context["object_list"]
    assert list(none_match) == []
    results = client.get("/admin/inquiries/overdue/results/", {"kind": "request"})
    assert [row["what"] for row in results.context["object_list"]] == ["Example Trust"]

    for person in [staff(Role.CASEWORKER), staff(Role.COMMISSIONER)]:
        html = client_for(person).get(OVERDUE).content.decode()
        assert "Example Trust" not in html and "Scoping report" not in html


def test_the_overdue_list_exports_safely_and_the_export_is_audited(case):
    caseworker, inquiry, _evidence = case
    _overdue_case(caseworker, inquiry)
    response = client_for(caseworker).get(OVERDUE, {"export": "csv"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    header, *rows = _rows(response)
    assert header == ["inquiry", "kind", "agency or deadline", "due"]
    assert sorted(row[1] for row in rows) == ["Deadline", "Information request"]
    assert {row[2] for row in rows} == {"Example Trust", "'=Scoping report"}
    assert {row[0] for row in rows} == {inquiry.direction.reference}
    line = AuditEvent.objects.get(action="export")
    assert line.user == caseworker and line.target == "overdue list"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_start_is_made_safe_in_the_overdue_list_in_both_formats(case, start):
    caseworker, inquiry, _evidence = case
    agency = agencies.agency_add(
        inquiry=inquiry, kind="health", name=f"{start}Example Trust", by=caseworker
    )
    agencies.request_send(
        agency=agency,
        asked_for="GP records",
        sent_on=timezone.localdate() - timedelta(days=60),
        by=caseworker,
    )
    client = client_for(caseworker)
    rows = _rows(client.get(OVERDUE, {"export": "csv"}))
    assert rows[1][2] == f"'{start}Example Trust"
    response = client.get(OVERDUE, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[1][2] == f"'{start}Example Trust"
    assert AuditEvent.objects.filter(action="export", target="overdue list").count() == 2
