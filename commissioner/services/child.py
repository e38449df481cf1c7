"""Opening an inquiry and the child's record: every read and every change is audited, a change
as a change, never as a read."""

from __future__ import annotations

from django.db import transaction

from commissioner.models import AuditEvent, Child, Inquiry
from commissioner.services.audit import audit, require_open


def inquiry_open(*, inquiry: Inquiry, user) -> Inquiry:
    require_open(user=user, inquiry=inquiry)
    audit(user=user, action=AuditEvent.Action.READ_INQUIRY, inquiry=inquiry)
    return inquiry


def child_read(*, inquiry: Inquiry, user) -> Child:
    require_open(user=user, inquiry=inquiry)
    audit(user=user, action=AuditEvent.Action.READ_CHILD, inquiry=inquiry, target="child's record")
    return inquiry.child


@transaction.atomic
def child_update(*, inquiry: Inquiry, changes: dict, by) -> Child:
    """Change the fields in `changes`; the audit line names them."""
    require_open(user=by, inquiry=inquiry)
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
