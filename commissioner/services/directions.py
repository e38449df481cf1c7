"""Directions and the inquiry lifecycle. A direction that meets the statutory rules is the only
way an inquiry comes to exist; each move of the lifecycle is checked, recorded and audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import AuditEvent, Child, Direction, Inquiry, Move, SealedReport
from commissioner.rules import Standing
from commissioner.services.audit import audit, require_open
from commissioner.services.documents import document_check


@transaction.atomic
def direction_record(
    *,
    reference: str,
    given_on: date | None,
    signatory_name: str,
    signatory_office: str,
    child: dict,
    reasons: str,
    national_significance: str,
    terms_of_reference: str,
    letter,
    by,
) -> Inquiry:
    """Record the Secretary of State's direction, and with it open the inquiry it directs.

    There is no other way to make an inquiry: without a direction that meets the statutory
    rules, nothing is stored."""
    decision = rules.direction_record_allowed(Standing.of(by))
    if not decision:
        raise PermissionDenied(decision.reason)
    problems = rules.direction_problems(
        rules.DirectionFacts(
            reference=reference,
            given_on=given_on,
            signatory_name=signatory_name,
            signatory_office=signatory_office,
            child_named=bool((child.get("name") or "").strip()),
            reasons=reasons,
            national_significance=national_significance,
            terms_of_reference=terms_of_reference,
            has_letter=letter is not None,
        ),
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    if Direction.objects.filter(reference=reference.strip()).exists():
        raise ValidationError("A direction with this reference is already recorded.")
    data, _mime, extension, _digest = document_check(letter)
    child_record = Child(**child)
    child_record.full_clean()
    child_record.save()
    direction = Direction(
        reference=reference.strip(),
        given_on=given_on,
        signatory_name=signatory_name.strip(),
        signatory_office=signatory_office,
        child=child_record,
        reasons=reasons,
        national_significance=national_significance,
        terms_of_reference=terms_of_reference,
        recorded_by=by,
    )
    direction.letter.save(f"{direction.id}.{extension}", ContentFile(data), save=False)
    direction.full_clean()
    direction.save()
    inquiry = Inquiry.objects.create(direction=direction)
    inquiry.team.add(by)
    audit(user=by, action=AuditEvent.Action.DIRECTION, inquiry=inquiry, target=direction.reference)
    return inquiry


@transaction.atomic
def inquiry_move(*, inquiry: Inquiry, to_state: str, reason: str, by) -> Inquiry:
    require_open(user=by, inquiry=inquiry)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    decision = rules.move_allowed(
        inquiry.state,
        to_state,
        reason=reason,
        report_sealed=(
            to_state == rules.State.REPORT_SENT
            and SealedReport.objects.filter(inquiry=inquiry).exists()
        ),
    )
    if not decision:
        raise ValidationError(decision.reason)
    if to_state == rules.State.WITHDRAWN:
        decision = rules.withdrawal_allowed(Standing.of(by))
        if not decision:
            raise PermissionDenied(decision.reason)
    Move.objects.create(
        inquiry=inquiry, from_state=inquiry.state, to_state=to_state, by=by, reason=reason.strip()
    )
    inquiry.state = to_state
    if to_state in rules.FINISHED:
        inquiry.finished_at = timezone.now()
        inquiry.retention_until = rules.retention_date(timezone.localdate())
    inquiry.save()
    audit(user=by, action=AuditEvent.Action.MOVE, inquiry=inquiry, target=to_state, reason=reason)
    return inquiry
