"""A finished inquiry is read-only; when its retention date passes, the child is anonymised in
every text casework keeps about them and the sealed report becomes a tombstone that keeps its
digest, who sent it and when."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.roles import Role
from commissioner.models import (
    Agency,
    AuditEvent,
    BreakGlass,
    Deadline,
    Direction,
    Evidence,
    InformationRequest,
    Meeting,
    Move,
    Recommendation,
    Report,
    SealedReport,
)
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
from tests.factories.casework import client_for, inquiry_make, pdf, staff

pytestmark = pytest.mark.django_db

CHILD = {
    "name": "Robin Example",
    "date_of_birth": date(2014, 3, 3),
    "nhs_number": "9990001112",
    "school": "Example Primary School",
    "local_authority": "Exampleshire",
}
# Each way the case's texts name the child, as staff might write them.
NAMED = (
    "Robin Example, NHS 9990001112, born 3 March 2014, of Example Primary School in "
    "Exampleshire: Robin's"
)
IDENTIFIERS = ["Robin", "Example ", "9990001112", "3 March 2014", "Primary School", "Exampleshire"]


def _finished_case():
    caseworker = staff(Role.CASEWORKER)
    inquiry = inquiry_make(
        by=caseworker,
        child=CHILD,
        reasons=f"Reasons about {NAMED} case.",
        national_significance=f"{NAMED} case is like many others across England.",
        terms_of_reference=f"How agencies shared information about {NAMED} care.",
    )
    agency = agencies.agency_add(inquiry=inquiry, kind="health", name="Trust", by=caseworker)
    request = agencies.request_send(agency=agency, asked_for=f"Notes on {NAMED}", by=caseworker)
    agencies.request_reply(request=request, summary=f"{NAMED} notes sent", by=caseworker)
    agencies.meeting_record(
        inquiry=inquiry,
        kind="meeting",
        held_on=timezone.localdate(),
        private=True,
        notes=f"Met about {NAMED}",
        by=caseworker,
    )
    deadline = deadlines.deadline_set(
        inquiry=inquiry, name="Robin's records", working_days=5, by=caseworker
    )
    deadlines.deadline_pause(deadline=deadline, reason=f"{NAMED} family asked", by=caseworker)
    documents.evidence_add(
        inquiry=inquiry,
        upload=pdf(),
        title="Robin Example's school report",
        from_whom="Example Primary School",
        received_on=timezone.localdate(),
        how_obtained="Asked Exampleshire",
        by=caseworker,
    )
    commissioner = staff(Role.COMMISSIONER)
    team.break_glass(inquiry=inquiry, user=commissioner, reason=f"Press asked about {NAMED}")
    for state in [State.SCOPING, State.EVIDENCE, State.DRAFTING]:
        inquiry = directions.inquiry_move(
            inquiry=inquiry, to_state=state, reason=f"On for {NAMED}", by=caseworker
        )
    report.report_save(
        inquiry=inquiry,
        draft=f"{NAMED} was failed.",
        may_identify_child=True,
        identity_reasons=f"{NAMED} family agreed to naming.",
        publication_text=f"{NAMED} was failed.",
        by=caseworker,
    )
    recommendation = report.recommendation_add(
        inquiry=inquiry,
        text=f"Share records such as {NAMED} within a day.",
        bodies="Exampleshire Council",
        respond_by=timezone.localdate() + timedelta(days=30),
        by=caseworker,
    )
    inquiry = directions.inquiry_move(
        inquiry=inquiry, to_state=State.ACCURACY, reason="Check", by=caseworker
    )
    report.report_send(inquiry=inquiry, by=caseworker)
    report.recommendation_response_record(
        recommendation=recommendation, summary=f"Will do, for {NAMED}", by=caseworker
    )
    inquiry.refresh_from_db()
    inquiry = directions.inquiry_move(
        inquiry=inquiry, to_state=State.CLOSED, reason=f"Done for {NAMED}", by=caseworker
    )
    return caseworker, inquiry


# Every text casework keeps about the child, by model.
TEXTS = {
    Direction: ["reasons", "national_significance", "terms_of_reference"],
    Move: ["reason"],
    Report: ["draft", "publication_text", "identity_reasons"],
    Meeting: ["notes"],
    InformationRequest: ["asked_for", "reply_summary"],
    Deadline: ["name", "pause_reason"],
    Evidence: ["title", "from_whom", "how_obtained"],
    Recommendation: ["text", "response_summary"],
    BreakGlass: ["reason"],
}


def _texts() -> dict[str, str]:
    return {
        f"{model.__name__}.{field}#{pk}": value
        for model, fields in TEXTS.items()
        for field in fields
        for pk, value in model.objects.values_list("pk", field)
    }


def test_when_retention_ends_the_child_is_anonymised_in_every_text_kept_about_them():
    _caseworker, inquiry = _finished_case()
    before = " ".join(_texts().values()).lower()
    assert all(identifier.lower() in before for identifier in IDENTIFIERS)
    sealed = SealedReport.objects.get()
    kept = (sealed.sha256, sealed.sent_by_id, sealed.sent_at)
    assert retention.inquiries_anonymise_due(today=inquiry.retention_until + timedelta(days=1))

    for name, text in _texts().items():
        for identifier in IDENTIFIERS:
            assert identifier.lower() not in text.lower(), f"{identifier!r} left in {name}"
    assert Report.objects.get().draft == (
        "[anonymised], NHS [anonymised], born [anonymised], of [anonymised] in "
        "[anonymised]: [anonymised]'s was failed."
    )
    sealed = SealedReport.objects.get()
    assert (sealed.text, sealed.publication_text) == ("", "")
    assert (sealed.sha256, sealed.sent_by_id, sealed.sent_at) == kept
    assert sealed.tombstoned_at is not None
    # What is not about the child stays: the agency's name, the direction's reference.
    assert Agency.objects.get().name == "Trust"
    assert Direction.objects.get().reference == inquiry.direction.reference


def test_the_audit_trail_never_holds_the_childs_identifiers_it_cannot_lose_later():
    _finished_case()
    for line in AuditEvent.objects.all():
        for identifier in IDENTIFIERS:
            assert identifier.lower() not in f"{line.target} {line.reason}".lower()
    assert AuditEvent.objects.filter(reason__contains="[anonymised]").exists()


def test_the_tombstone_shows_its_digest_who_sent_it_and_when(settings):
    caseworker, inquiry = _finished_case()
    retention.inquiries_anonymise_due(today=inquiry.retention_until + timedelta(days=1))
    sealed = SealedReport.objects.get()
    html = client_for(caseworker).get(f"/admin/inquiries/{inquiry.pk}/report/").content.decode()
    assert sealed.sha256 in html and caseworker.username in html
    assert "text was removed" in html and "Robin" not in html
    # The tombstone is final: nothing brings the text back, and it cannot be deleted.
    with pytest.raises(ValidationError):
        sealed.save()
    with pytest.raises(ValidationError):
        sealed.delete()


def test_a_closed_inquiry_is_read_only_for_its_team():
    caseworker, inquiry = _finished_case()
    today = timezone.localdate()
    refusals = [
        lambda: agencies.agency_add(inquiry=inquiry, kind="health", name="X", by=caseworker),
        lambda: agencies.meeting_record(
            inquiry=inquiry, kind="meeting", held_on=today, private=True, by=caseworker
        ),
        lambda: deadlines.deadline_set(inquiry=inquiry, name="X", working_days=3, by=caseworker),
        lambda: deadlines.deadline_resume(deadline=Deadline.objects.get(), by=caseworker),
        lambda: child.child_update(inquiry=inquiry, changes={"school": "X"}, by=caseworker),
        lambda: report.recommendation_add(
            inquiry=inquiry,
            text="X",
            bodies="Y",
            respond_by=today + timedelta(days=9),
            by=caseworker,
        ),
        lambda: report.recommendation_response_record(
            recommendation=Recommendation.objects.get(), summary="Changed", by=caseworker
        ),
    ]
    for attempt in refusals:
        with pytest.raises(ValidationError, match="closed"):
            attempt()
    assert Agency.objects.count() == Meeting.objects.count() == Deadline.objects.count() == 1
    assert inquiry.child.school == "Example Primary School"
    assert Recommendation.objects.get().response_summary.startswith("Will do")
    # Reading goes on as before.
    assert child.child_read(inquiry=inquiry, user=caseworker).name == "Robin Example"


def test_a_closed_inquirys_pages_offer_no_changes_and_refuse_them_on_the_page():
    caseworker, inquiry = _finished_case()
    client = client_for(caseworker)
    base = f"/admin/inquiries/{inquiry.pk}/"
    page = client.get(base).content.decode()
    assert "can be read but no longer changed" in page
    assert "Add an agency" not in page and "Pause the clock" not in page
    response = client.post(base + "agency/", {"kind": "health", "name": "Late Trust"})
    assert response.status_code == 400
    assert "can be read but no longer changed" in response.content.decode()
    assert not Agency.objects.filter(name="Late Trust").exists()

    record = client.get(base + "child/").content.decode()
    assert "can be read but no longer changed" in record and ">Save<" not in record
    response = client.post(base + "child/", {"name": "Someone Else", "school": "Elsewhere"})
    assert response.status_code == 400
    inquiry.child.refresh_from_db()
    assert inquiry.child.name == "Robin Example"

    report_page = client.get(base + "report/").content.decode()
    assert "Record the response" not in report_page and "Add the recommendation" not in report_page
