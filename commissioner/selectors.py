"""Reads of casework that more than one caller needs. Which inquiries a person reaches is
decided by the access rule in `rules`; here each answer becomes one query, so listings, search,
detail screens, downloads, the overdue list and the Wagtail permission policy agree.

`inquiry_statistics` is the only read meant for outside casework: counts, never identities."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Avg, F, Q, QuerySet
from django.utils import timezone

from commissioner import rules
from commissioner.models import AuditEvent, BreakGlass, Deadline, InformationRequest, Inquiry
from commissioner.rules import Reach, Standing, State
from core.rules import ALLOWED, Decision, refused


def _reached(reach: Reach, *, user, now: datetime | None = None) -> QuerySet[Inquiry]:
    if reach is Reach.ALL:
        return Inquiry.objects.all()
    if reach is Reach.TEAM:
        return Inquiry.objects.filter(team=user)
    if reach is Reach.TEAM_OR_GLASS:
        # An opening lasts until its expiry (rules.break_glass_expires_at).
        glass = BreakGlass.objects.filter(user=user, expires_at__gt=now or timezone.now())
        return Inquiry.objects.filter(Q(team=user) | Q(pk__in=glass.values("inquiry"))).distinct()
    return Inquiry.objects.none()


def inquiries_listable(*, user) -> QuerySet[Inquiry]:
    """The inquiries in this person's list: reference and stage, nothing about the child."""
    return _reached(rules.listing_reach(Standing.of(user)), user=user)


def inquiries_openable(*, user, now: datetime | None = None) -> QuerySet[Inquiry]:
    """Inquiries whose child's record, evidence and papers this person may read now."""
    return _reached(rules.opening_reach(Standing.of(user)), user=user, now=now)


def can_open(*, user, inquiry: Inquiry) -> Decision:
    if inquiries_openable(user=user).filter(pk=inquiry.pk).exists():
        return ALLOWED
    return refused(rules.OPEN_REFUSAL)


def can_break_glass(*, user, inquiry: Inquiry) -> Decision:
    on_team = inquiry.team.filter(pk=getattr(user, "pk", None)).exists()
    return rules.break_glass_allowed(Standing.of(user), on_team=on_team)


# --- Overdue ---------------------------------------------------------------------------------
# The same rules as rules.request_overdue and rules.deadline_overdue, as queries.


def requests_overdue(*, user, today: date | None = None) -> QuerySet[InformationRequest]:
    """Information requests with no reply past their due date, in inquiries this person may
    open."""
    today = today or timezone.localdate()
    return InformationRequest.objects.filter(
        agency__inquiry__in=inquiries_openable(user=user),
        reply_received_on__isnull=True,
        due_on__lt=today,
    ).select_related("agency__inquiry__direction")


def deadlines_overdue(*, user, today: date | None = None) -> QuerySet[Deadline]:
    """Deadlines passed, not met and not paused, in inquiries this person may open."""
    today = today or timezone.localdate()
    return Deadline.objects.filter(
        inquiry__in=inquiries_openable(user=user),
        met_on__isnull=True,
        paused_on__isnull=True,
        due_on__lt=today,
    ).select_related("inquiry__direction")


# --- The audit trail ---------------------------------------------------------------------------


def audit_events() -> QuerySet[AuditEvent]:
    """The whole trail, newest first; only the commissioner reads it (rules.audit_trail_allowed)."""
    return AuditEvent.objects.select_related("inquiry__direction").order_by("-at", "-pk")


# --- Counts for the annual report -----------------------------------------------------------------


def inquiry_statistics() -> dict:
    """Counts only, never identities: for the annual report."""
    closed = Inquiry.objects.filter(state=State.CLOSED, finished_at__isnull=False)
    average = closed.annotate(took=F("finished_at") - F("opened_at")).aggregate(avg=Avg("took"))
    took = average["avg"]
    return {
        "directed": Inquiry.objects.count(),
        "open": Inquiry.objects.exclude(state__in=rules.FINISHED).count(),
        "completed": closed.count(),
        "withdrawn": Inquiry.objects.filter(state=State.WITHDRAWN).count(),
        "average_days": round(took.total_seconds() / 86400, 1) if took else None,
    }
