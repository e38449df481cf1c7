"""Deadlines in working days (bank holidays of England and Wales), with a clock that pauses
with a reason and restarts where it stopped."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import Deadline, Inquiry
from commissioner.services.audit import require_changeable
from core.rules import require


@transaction.atomic
def deadline_set(
    *, inquiry: Inquiry, name: str, working_days: int, by, start: date | None = None
) -> Deadline:
    require_changeable(user=by, inquiry=inquiry)
    require(rules.deadline_length_allowed(working_days))
    start = start or timezone.localdate()
    return Deadline.objects.create(
        inquiry=inquiry, name=name.strip(), due_on=rules.working_days_after(start, working_days)
    )


@transaction.atomic
def deadline_pause(*, deadline: Deadline, reason: str, by, on: date | None = None) -> Deadline:
    require_changeable(user=by, inquiry=deadline.inquiry)
    if deadline.paused_on is not None:
        raise ValidationError("The clock is already paused.")
    if not reason.strip():
        raise ValidationError("Record why the clock is paused.")
    deadline.paused_on = on or timezone.localdate()
    deadline.pause_reason = reason.strip()
    deadline.save(update_fields=["paused_on", "pause_reason"])
    return deadline


@transaction.atomic
def deadline_resume(*, deadline: Deadline, by, on: date | None = None) -> Deadline:
    """Restart the clock: the due date moves on by the working days it was paused."""
    require_changeable(user=by, inquiry=deadline.inquiry)
    if deadline.paused_on is None:
        raise ValidationError("The clock is not paused.")
    deadline.due_on = rules.deadline_resumed_due_on(
        due_on=deadline.due_on,
        paused_on=deadline.paused_on,
        resumed_on=on or timezone.localdate(),
    )
    deadline.paused_on = None
    deadline.save(update_fields=["due_on", "paused_on"])
    return deadline
