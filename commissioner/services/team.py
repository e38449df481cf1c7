"""The inquiry's team, and breaking glass: the commissioner opening an inquiry they are not on,
with a reason, for a few hours, reviewed by someone else. Nobody puts themselves on a team:
that would be breaking glass with no reason, no expiry and no review (ADR 0014)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from commissioner import rules, selectors
from commissioner.models import AuditEvent, BreakGlass, Inquiry
from commissioner.rules import Standing
from commissioner.services.audit import audit


@transaction.atomic
def team_set(*, inquiry: Inquiry, members: list, by) -> Inquiry:
    decision = rules.team_set_allowed(Standing.of(by))
    if not decision:
        raise PermissionDenied(decision.reason)
    decision = rules.team_size_allowed(len(members))
    if not decision:
        raise ValidationError(decision.reason)
    adds_self = by.pk in {member.pk for member in members} and not (
        inquiry.team.filter(pk=by.pk).exists()
    )
    decision = rules.team_self_add_allowed(adds_self=adds_self)
    if not decision:
        raise ValidationError(decision.reason)
    inquiry.team.set(members)
    names = ", ".join(sorted(m.get_username() for m in members))
    audit(user=by, action=AuditEvent.Action.TEAM, inquiry=inquiry, target=names)
    return inquiry


@transaction.atomic
def break_glass(*, inquiry: Inquiry, user, reason: str) -> BreakGlass:
    decision = selectors.can_break_glass(user=user, inquiry=inquiry)
    if not decision:
        raise PermissionDenied(decision.reason)
    decision = rules.break_glass_reason_allowed(reason)
    if not decision:
        raise ValidationError(decision.reason)
    opening = BreakGlass.objects.create(
        inquiry=inquiry,
        user=user,
        reason=reason.strip(),
        expires_at=rules.break_glass_expires_at(timezone.now()),
    )
    audit(user=user, action=AuditEvent.Action.BREAK_GLASS, inquiry=inquiry, reason=reason)
    return opening


@transaction.atomic
def break_glass_review(*, opening: BreakGlass, by) -> BreakGlass:
    decision = rules.break_glass_review_allowed(Standing.of(by), broke_it=by.pk == opening.user_id)
    if not decision:
        raise PermissionDenied(decision.reason)
    opening.reviewed_by = by
    opening.reviewed_at = timezone.now()
    opening.save(update_fields=["reviewed_by", "reviewed_at"])
    audit(user=by, action=AuditEvent.Action.REVIEW, inquiry=opening.inquiry, target=str(opening.pk))
    return opening
