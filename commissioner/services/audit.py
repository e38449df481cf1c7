"""What every casework write shares: the append-only audit line, and the check that the person
may open the inquiry (the one access rule, through the selectors)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from commissioner import selectors
from commissioner.models import AuditEvent, Inquiry


def audit(
    *, user, action: str, inquiry: Inquiry | None = None, target: str = "", reason: str = ""
) -> AuditEvent:
    return AuditEvent.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        inquiry=inquiry,
        target=target[:200],
        reason=reason,
    )


def require_open(*, user, inquiry: Inquiry) -> None:
    decision = selectors.can_open(user=user, inquiry=inquiry)
    if not decision:
        raise PermissionDenied(decision.reason)
