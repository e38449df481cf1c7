"""Directions, the lifecycle, evidence, agencies and meetings, deadlines, the report, access
and retention."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from cms.roles import Role
from commissioner import rules, selectors
from commissioner.models import AuditEvent, Child, Direction, Evidence, Inquiry, SealedReport
from commissioner.rules import State
from commissioner.services import (
    agencies,
    child,
    deadlines,
    directions,
    documents,
    report,
    retention,
    team,
)
from tests.factories.casework import PNG, inquiry_make, pdf, staff

pytestmark = pytest.mark.django_db


def _moved(inquiry, by, *states):
    for state in states:
        inquiry = directions.inquiry_move(inquiry=inquiry, to_state=state, reason="Next", by=by)
    return inquiry


def test_recording_a_direction_opens_the_inquiry_with_the_recorder_on_its_team():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    assert inquiry.state == State.DIRECTED
    assert list(inquiry.team.all()) == [caseworker]
    assert inquiry.direction.letter.read().startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="direction", inquiry=inquiry).exists()


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"signatory_name": ""}, "no signatory"),
        ({"given_on": timezone.localdate() + timedelta(days=1)}, "future"),
        ({"national_significance": " "}, "national significance"),
        ({"signatory_office": "commissioner"}, "Only the Secretary of State"),
        ({"child": {"name": ""}}, "one particular child"),
        ({"letter": None}, "letter"),
        ({"letter": pdf("letter.pdf", b"MZ\x90\x00 not a pdf at all")}, "not a PDF"),
    ],
)
def test_a_direction_that_breaks_the_rules_is_refused_and_nothing_is_stored(override, message):
    with pytest.raises(ValidationError, match=message):
        inquiry_make(**override)
    assert not Inquiry.objects.exists() and not Direction.objects.exists()
    assert not Child.objects.exists()


def test_the_model_refuses_an_inquiry_without_a_direction():
    with pytest.raises(ValidationError, match="directed"):
        Inquiry.objects.create()
    assert not Inquiry.objects.exists()


def test_only_casework_roles_record_directions():
    with pytest.raises(PermissionDenied):
        inquiry_make(by=staff(Role.ANALYST))


def test_each_move_is_recorded_and_out_of_order_moves_change_nothing():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    with pytest.raises(ValidationError, match="cannot move"):
        directions.inquiry_move(
            inquiry=inquiry, to_state=State.DRAFTING, reason="Skip", by=caseworker
        )
    inquiry.refresh_from_db()
    assert inquiry.state == State.DIRECTED and not inquiry.moves.exists()
    inquiry = _moved(inquiry, caseworker, State.SCOPING, State.EVIDENCE)
    assert [m.to_state for m in inquiry.moves.all()] == [State.SCOPING, State.EVIDENCE]
    assert inquiry.moves.first().by == caseworker


def test_only_the_team_moves_an_inquiry_and_only_the_commissioner_records_a_withdrawal():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    with pytest.raises(PermissionDenied):
        directions.inquiry_move(
            inquiry=inquiry, to_state=State.SCOPING, reason="x", by=staff(Role.CASEWORKER)
        )
    with pytest.raises(PermissionDenied):
        directions.inquiry_move(
            inquiry=inquiry, to_state=State.WITHDRAWN, reason="Letter", by=caseworker
        )
    commissioner = staff(Role.COMMISSIONER)
    # Another commissioner puts them on the team: nobody adds themselves.
    team.team_set(inquiry=inquiry, members=[caseworker, commissioner], by=staff(Role.COMMISSIONER))
    inquiry = directions.inquiry_move(
        inquiry=inquiry, to_state=State.WITHDRAWN, reason="SoS letter of 1 Dec", by=commissioner
    )
    assert inquiry.state == State.WITHDRAWN and inquiry.retention_until is not None


def test_evidence_is_checked_by_its_bytes_and_size_and_frozen_once_drafting_begins(settings):
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    common = dict(
        inquiry=inquiry,
        title="School records",
        from_whom="Head teacher",
        received_on=timezone.localdate(),
        how_obtained="Information request",
        by=caseworker,
    )
    disguised = SimpleUploadedFile("records.pdf", b"#!/bin/sh\necho hi\n")
    with pytest.raises(ValidationError, match="not a PDF"):
        documents.evidence_add(upload=disguised, **common)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4" + b"0" * (rules.EVIDENCE_MAX_BYTES + 1))
    with pytest.raises(ValidationError, match="too large"):
        documents.evidence_add(upload=big, **common)
    assert not Evidence.objects.exists()

    evidence = documents.evidence_add(upload=SimpleUploadedFile("x.png", PNG), **common)
    assert evidence.content_type == "image/png" and len(evidence.sha256) == 64
    inquiry = _moved(inquiry, caseworker, State.SCOPING, State.EVIDENCE, State.DRAFTING)
    with pytest.raises(ValidationError, match="frozen"):
        documents.evidence_add(upload=pdf(), **{**common, "inquiry": inquiry})


def test_evidence_files_are_outside_the_public_media_root(settings, _casework_files):
    inquiry = inquiry_make()
    path = inquiry.direction.letter.path
    assert path.startswith(str(_casework_files))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(NotImplementedError):
        inquiry.direction.letter.url  # noqa: B018 (no public address exists)


def test_only_the_team_reads_the_child_and_every_read_is_audited():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    assert child.child_read(inquiry=inquiry, user=caseworker).name == "Robin Example"
    for outsider in [staff(Role.CASEWORKER), staff(Role.ANALYST), staff(Role.COMMISSIONER)]:
        with pytest.raises(PermissionDenied):
            child.child_read(inquiry=inquiry, user=outsider)
    reads = AuditEvent.objects.filter(action="read_child")
    assert reads.count() == 1 and reads.get().user == caseworker


def test_listing_opening_and_breaking_glass():
    caseworker, other = staff(Role.CASEWORKER), staff(Role.CASEWORKER)
    commissioner = staff(Role.COMMISSIONER)
    inquiry = inquiry_make(by=caseworker)
    assert list(selectors.inquiries_listable(user=caseworker)) == [inquiry]
    assert not selectors.inquiries_listable(user=other).exists()
    assert not selectors.inquiries_listable(user=staff(Role.EDITOR)).exists()
    assert list(selectors.inquiries_listable(user=commissioner)) == [inquiry]
    assert not selectors.can_open(user=commissioner, inquiry=inquiry)

    with pytest.raises(ValidationError, match="reason"):
        team.break_glass(inquiry=inquiry, user=commissioner, reason="")
    with pytest.raises(PermissionDenied):
        team.break_glass(inquiry=inquiry, user=other, reason="I would like to see it")
    opening = team.break_glass(
        inquiry=inquiry, user=commissioner, reason="Press enquiry needs an urgent answer"
    )
    assert selectors.can_open(user=commissioner, inquiry=inquiry)
    assert opening.reviewed_at is None  # flagged for review
    with pytest.raises(PermissionDenied):
        team.break_glass_review(opening=opening, by=commissioner)
    team.break_glass_review(opening=opening, by=staff(Role.COMMISSIONER))
    later = timezone.now() + timedelta(hours=rules.BREAK_GLASS_HOURS + 1)
    assert not selectors.inquiries_openable(user=commissioner, now=later).exists()


def test_deadlines_in_working_days_with_a_clock_that_pauses():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    deadline = deadlines.deadline_set(
        inquiry=inquiry, name="Scoping done", working_days=5, start=monday, by=caseworker
    )
    assert deadline.due_on == rules.working_days_after(monday, 5)
    with pytest.raises(ValidationError):
        deadlines.deadline_pause(deadline=deadline, reason="", by=caseworker)
    deadlines.deadline_pause(
        deadline=deadline, reason="Police asked us to wait", on=monday, by=caseworker
    )
    assert not deadline.is_overdue(today=monday + timedelta(days=60))
    resumed = deadlines.deadline_resume(
        deadline=deadline, on=monday + timedelta(days=7), by=caseworker
    )
    assert resumed.due_on == rules.working_days_after(rules.working_days_after(monday, 5), 5)


def test_information_requests_are_due_in_twenty_working_days_and_go_overdue():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    agency = agencies.agency_add(
        inquiry=inquiry,
        kind="police",
        name="Example Police",
        by=caseworker,
        contact_name="DI Example",
        contact_email="di@example.org",
    )
    sent = timezone.localdate() - timedelta(days=40)
    request = agencies.request_send(
        agency=agency, asked_for="Call logs", sent_on=sent, by=caseworker
    )
    assert request.due_on == rules.working_days_after(sent, 20)
    assert request.is_overdue()
    agencies.request_reply(request=request, summary="Logs received", by=caseworker)
    assert not request.is_overdue()


def _ready_to_send(caseworker, **changes):
    inquiry = inquiry_make(by=caseworker)
    inquiry = _moved(inquiry, caseworker, State.SCOPING, State.EVIDENCE, State.DRAFTING)
    values = dict(
        draft="Robin Example was failed by poor information sharing.",
        may_identify_child=False,
        identity_reasons="Naming the child could expose them to harm.",
        publication_text="Child A was failed by poor information sharing.",
    )
    values.update(changes)
    report.report_save(inquiry=inquiry, by=caseworker, **values)
    report.recommendation_add(
        inquiry=inquiry,
        text="Share information within a day.",
        bodies="Exampleshire Council",
        respond_by=timezone.localdate() + timedelta(days=56),
        by=caseworker,
    )
    return _moved(inquiry, caseworker, State.ACCURACY)


def test_the_sent_report_is_sealed_with_its_digest_and_never_changes():
    caseworker = staff(Role.CASEWORKER)
    inquiry = _ready_to_send(caseworker)
    sealed = report.report_send(inquiry=inquiry, by=caseworker)
    inquiry.refresh_from_db()
    assert inquiry.state == State.REPORT_SENT
    expected = hashlib.sha256(b"Robin Example was failed by poor information sharing.").hexdigest()
    assert sealed.sha256 == expected
    sealed.text = "Something else"
    with pytest.raises(ValidationError, match="sealed"):
        sealed.save()
    with pytest.raises(ValidationError):
        sealed.delete()
    assert SealedReport.objects.get().text.startswith("Robin Example was failed")


def test_a_publication_version_that_still_names_the_child_stops_sending():
    caseworker = staff(Role.CASEWORKER)
    inquiry = _ready_to_send(caseworker, publication_text="Robin was failed.")
    with pytest.raises(ValidationError, match="still identifies"):
        report.report_send(inquiry=inquiry, by=caseworker)
    inquiry.refresh_from_db()
    assert inquiry.state == State.ACCURACY and not SealedReport.objects.exists()


def test_the_audit_trail_cannot_be_changed_or_deleted():
    inquiry_make()
    event = AuditEvent.objects.get()
    event.reason = "edited"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    with pytest.raises(ValidationError):
        AuditEvent.objects.all().update(reason="edited")
    with pytest.raises(ValidationError):
        AuditEvent.objects.all().delete()
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE commissioner_auditevent SET reason = 'edited'")


def test_retention_anonymises_the_child_but_keeps_counts_and_the_audit_trail():
    commissioner = staff(Role.COMMISSIONER)
    inquiry = inquiry_make(
        by=commissioner, child={"name": "Robin Example", "nhs_number": "9990001112"}
    )
    directions.inquiry_move(
        inquiry=inquiry, to_state=State.WITHDRAWN, reason="Withdrawn", by=commissioner
    )
    inquiry.refresh_from_db()
    audit_lines = AuditEvent.objects.count()
    assert retention.inquiries_anonymise_due(today=inquiry.retention_until) == 0
    assert retention.inquiries_anonymise_due(today=inquiry.retention_until + timedelta(days=1)) == 1
    record = Child.objects.get()
    assert record.name == rules.ANONYMISED and record.nhs_number == "" and record.anonymised_at
    assert not Direction.objects.get().letter
    assert selectors.inquiry_statistics()["withdrawn"] == 1
    assert AuditEvent.objects.count() == audit_lines + 1


def test_statistics_are_counts_only():
    caseworker = staff(Role.CASEWORKER)
    inquiry = _ready_to_send(caseworker)
    report.report_send(inquiry=inquiry, by=caseworker)
    directions.inquiry_move(inquiry=inquiry, to_state=State.CLOSED, reason="Done", by=caseworker)
    inquiry_make()
    stats = selectors.inquiry_statistics()
    assert stats["directed"] == 2 and stats["open"] == 1 and stats["completed"] == 1
    assert stats["average_days"] is not None
    # Only numbers leave casework: nothing that could name or describe the child.
    assert set(stats) == {"directed", "open", "completed", "withdrawn", "average_days"}
    assert all(isinstance(value, int | float) for value in stats.values())


def test_a_meeting_is_recorded_by_the_team_only():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    held = timezone.localdate() - timedelta(days=2)
    with pytest.raises(PermissionDenied):
        agencies.meeting_record(
            inquiry=inquiry, kind="hearing", held_on=held, private=True, by=staff(Role.CASEWORKER)
        )
    meeting = agencies.meeting_record(
        inquiry=inquiry,
        kind="hearing",
        held_on=held,
        private=True,
        notes="Heard the head teacher.",
        by=caseworker,
    )
    assert list(inquiry.meetings.all()) == [meeting]
    assert meeting.private and meeting.get_kind_display() == "Hearing"
    with pytest.raises(ValidationError):
        agencies.meeting_record(
            inquiry=inquiry, kind="party", held_on=held, private=False, by=caseworker
        )
    assert inquiry.meetings.count() == 1


def test_a_reminder_to_an_agency_is_recorded_with_todays_date():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    agency = agencies.agency_add(
        inquiry=inquiry, kind="police", name="Example Police", by=caseworker
    )
    request = agencies.request_send(
        agency=agency,
        asked_for="Call logs",
        sent_on=timezone.localdate() - timedelta(days=40),
        by=caseworker,
    )
    assert request.reminded_on is None
    with pytest.raises(PermissionDenied):
        agencies.request_remind(request=request, by=staff(Role.CASEWORKER))
    agencies.request_remind(request=request, by=caseworker)
    request.refresh_from_db()
    assert request.reminded_on == timezone.localdate()
    assert request.is_overdue()  # a reminder is not a reply


def test_a_change_to_the_childs_record_is_audited_as_a_change_not_a_read():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    child.child_update(
        inquiry=inquiry, changes={"school": "Example Academy", "gp": "Dr Example"}, by=caseworker
    )
    inquiry.child.refresh_from_db()
    assert inquiry.child.school == "Example Academy"
    line = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE_CHILD)
    assert line.user == caseworker and line.target == "gp, school"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ_CHILD).exists()
    with pytest.raises(PermissionDenied):
        child.child_update(inquiry=inquiry, changes={"school": "x"}, by=staff(Role.COMMISSIONER))
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE_CHILD).count() == 1


def test_the_overdue_selectors_agree_with_the_rules_and_see_only_openable_inquiries():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(by=caseworker)
    agency = agencies.agency_add(inquiry=inquiry, kind="health", name="Trust", by=caseworker)
    today = timezone.localdate()
    late = agencies.request_send(
        agency=agency, asked_for="Notes", sent_on=today - timedelta(days=60), by=caseworker
    )
    answered = agencies.request_send(
        agency=agency, asked_for="Logs", sent_on=today - timedelta(days=60), by=caseworker
    )
    agencies.request_reply(request=answered, summary="Sent", by=caseworker)
    agencies.request_send(agency=agency, asked_for="Plans", by=caseworker)  # not due yet
    monday = today - timedelta(days=today.weekday() + 28)
    passed = deadlines.deadline_set(
        inquiry=inquiry, name="Scoping", working_days=5, start=monday, by=caseworker
    )
    paused = deadlines.deadline_set(
        inquiry=inquiry, name="Interviews", working_days=5, start=monday, by=caseworker
    )
    deadlines.deadline_pause(deadline=paused, reason="Police asked us to wait", by=caseworker)
    assert list(selectors.requests_overdue(user=caseworker)) == [late]
    assert list(selectors.deadlines_overdue(user=caseworker)) == [passed]
    for request in inquiry.agencies.get().requests.all():
        assert request.is_overdue() is (request == late)
    assert not selectors.requests_overdue(user=staff(Role.CASEWORKER)).exists()
    assert not selectors.deadlines_overdue(user=staff(Role.COMMISSIONER)).exists()
