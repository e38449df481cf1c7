"""The agencies involved in the case, the information asked of them under the duty to
co-operate, reminders and replies, and the inquiry's meetings and hearings."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import Agency, InformationRequest, Inquiry, Meeting
from commissioner.services.audit import require_changeable


@transaction.atomic
def agency_add(*, inquiry: Inquiry, kind: str, name: str, by, **contact) -> Agency:
    require_changeable(user=by, inquiry=inquiry)
    agency = Agency(inquiry=inquiry, kind=kind, name=name.strip(), **contact)
    agency.full_clean()
    agency.save()
    return agency


@transaction.atomic
def request_send(
    *, agency: Agency, asked_for: str, by, sent_on: date | None = None, due_on: date | None = None
) -> InformationRequest:
    require_changeable(user=by, inquiry=agency.inquiry)
    sent_on = sent_on or timezone.localdate()
    due_on = due_on or rules.request_due_on(sent_on)
    decision = rules.request_dates_allowed(sent_on=sent_on, due_on=due_on)
    if not decision:
        raise ValidationError(decision.reason)
    if not asked_for.strip():
        raise ValidationError("Say what information is asked for.")
    return InformationRequest.objects.create(
        agency=agency, asked_for=asked_for.strip(), sent_on=sent_on, due_on=due_on
    )


@transaction.atomic
def request_remind(*, request: InformationRequest, by) -> InformationRequest:
    """Record that the agency was reminded today."""
    require_changeable(user=by, inquiry=request.agency.inquiry)
    request.reminded_on = timezone.localdate()
    request.save(update_fields=["reminded_on"])
    return request


@transaction.atomic
def request_reply(
    *, request: InformationRequest, summary: str, by, on: date | None = None
) -> InformationRequest:
    require_changeable(user=by, inquiry=request.agency.inquiry)
    request.reply_received_on = on or timezone.localdate()
    request.reply_summary = summary.strip()
    request.save(update_fields=["reply_received_on", "reply_summary"])
    return request


@transaction.atomic
def meeting_record(
    *, inquiry: Inquiry, kind: str, held_on: date, private: bool, notes: str = "", by
) -> Meeting:
    """A meeting or hearing held for the inquiry; a private one is never published."""
    require_changeable(user=by, inquiry=inquiry)
    meeting = Meeting(inquiry=inquiry, kind=kind, held_on=held_on, private=private, notes=notes)
    meeting.full_clean()
    meeting.save()
    return meeting
