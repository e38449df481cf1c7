"""What every casework write shares: the append-only audit line, and the checks that the person
may open the inquiry (the one access rule, through the selectors) and may still change it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from commissioner import rules, selectors
from commissioner.models import AuditEvent, Inquiry
from core.rules import require


def audit(
    *, user, action: str, inquiry: Inquiry | None = None, target: str = "", reason: str = ""
) -> AuditEvent:
    """One line of the trail. The trail is kept for good and never changed, so the child's
    identifiers are taken out of what it repeats (a move's reason, a break-glass reason, an
    evidence title) as it is written, not when retention ends."""
    terms = inquiry.child.anonymisation_terms() if inquiry is not None else []
    return AuditEvent.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        inquiry=inquiry,
        target=rules.anonymised(target, terms)[:200],
        reason=rules.anonymised(reason, terms),
    )


def require_open(*, user, inquiry: Inquiry) -> None:
    decision = selectors.can_open(user=user, inquiry=inquiry)
    if not decision:
        raise PermissionDenied(decision.reason)


def require_changeable(*, user, inquiry: Inquiry) -> None:
    """The person may open the inquiry, and it has not finished: a closed inquiry is read-only."""
    require_open(user=user, inquiry=inquiry)
    require(rules.record_change_allowed(inquiry.state))
