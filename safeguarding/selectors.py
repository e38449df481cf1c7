"""Reads of the safeguarding queue that more than one screen needs."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from safeguarding import rules
from safeguarding.models import SafeguardingFlag

_STATUS_ORDER = [rules.OPEN, rules.ACKNOWLEDGED, rules.CLOSED]


def flags_for_queue() -> QuerySet[SafeguardingFlag]:
    """Every flag, ready to be shown in queue order: open first, then acknowledged, then
    closed; within each, the most severe kind, then the oldest (`queue_order`)."""
    return SafeguardingFlag.objects.select_related(
        "response__consultation", "comment__motion", "comment__author"
    ).annotate(
        status_rank=Case(
            *[When(status=s, then=Value(i)) for i, s in enumerate(_STATUS_ORDER)],
            output_field=IntegerField(),
        ),
        severity=Case(
            *[When(kind=k, then=Value(i)) for i, k in enumerate(rules.SEVERITY)],
            default=Value(len(rules.SEVERITY)),
            output_field=IntegerField(),
        ),
    )


QUEUE_ORDER = ["status_rank", "severity", "raised_at"]


def queue_counts(now: datetime | None = None) -> dict[str, int]:
    """How many flags wait for review, and how many of those are past their target."""
    now = now or timezone.now()
    waiting = SafeguardingFlag.objects.filter(status=SafeguardingFlag.Status.OPEN)
    return {
        "waiting": waiting.count(),
        "overdue": waiting.filter(due_at__lte=now).count(),
        "acknowledged": SafeguardingFlag.objects.filter(
            status=SafeguardingFlag.Status.ACKNOWLEDGED
        ).count(),
    }
