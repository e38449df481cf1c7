"""Opening an inquiry, the child's record and the report: every read and every change is
audited, a change as a change, never as a read; and so is every refusal to open one."""

from __future__ import annotations

from uuid import UUID

from django.db import transaction

from commissioner.models import AuditEvent, Child, Inquiry
from commissioner.services.audit import audit, require_changeable, require_open


def _read(*, inquiry: Inquiry, user, action: str, target: str, shown_again: bool) -> None:
    """`shown_again`: the page shown straight after this person's own successful change on it
    (post, redirect, get) is part of the same view of the record, not another read."""
    require_open(user=user, inquiry=inquiry)
    if not shown_again:
        audit(user=user, action=action, inquiry=inquiry, target=target)


def inquiry_open(*, inquiry: Inquiry, user, shown_again: bool = False) -> Inquiry:
    _read(
        inquiry=inquiry,
        user=user,
        action=AuditEvent.Action.READ_INQUIRY,
        target="",
        shown_again=shown_again,
    )
    return inquiry


def child_read(*, inquiry: Inquiry, user, shown_again: bool = False) -> Child:
    _read(
        inquiry=inquiry,
        user=user,
        action=AuditEvent.Action.READ_CHILD,
        target="child's record",
        shown_again=shown_again,
    )
    return inquiry.child


def report_read(*, inquiry: Inquiry, user, shown_again: bool = False) -> None:
    """The report names the child as the draft does; reading it is audited like the record."""
    _read(
        inquiry=inquiry,
        user=user,
        action=AuditEvent.Action.READ_REPORT,
        target="report",
        shown_again=shown_again,
    )


def inquiry_open_refused(*, inquiry_id: UUID, user, screen: str) -> None:
    """Record that a signed-in person was turned away from an inquiry's screen. The person is
    told nothing more than before (a 404 if they may not list it); an address that names no
    inquiry leaves no line."""
    inquiry = Inquiry.objects.filter(pk=inquiry_id).select_related("direction__child").first()
    if inquiry is None or not getattr(user, "is_authenticated", False):
        return
    audit(user=user, action=AuditEvent.Action.REFUSED, inquiry=inquiry, target=screen)


@transaction.atomic
def child_update(*, inquiry: Inquiry, changes: dict, by) -> Child:
    """Change the fields in `changes`; the audit line names them."""
    require_changeable(user=by, inquiry=inquiry)
    child = inquiry.child
    for field, value in changes.items():
        setattr(child, field, value)
    child.full_clean()
    child.save()
    audit(
        user=by,
        action=AuditEvent.Action.CHANGE_CHILD,
        inquiry=inquiry,
        target=", ".join(sorted(changes)),
    )
    return child
