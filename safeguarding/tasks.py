"""Background work of the safeguarding app. Tasks take primary keys and call services."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from safeguarding import notifications, rules
from safeguarding.models import FlagEvent, SafeguardingFlag


def flag_raised_notify_task(flag_id: int) -> bool:
    """Email the leads about a new flag, once: a task run twice sends one email. The email is
    sent before the flag is marked, so a failure to send leaves it to be sent again."""
    with transaction.atomic():
        flag = SafeguardingFlag.objects.select_for_update().filter(pk=flag_id).first()
        if flag is None or flag.raised_notified_at is not None:
            return False
        notifications.flag_raised_send(flag)
        flag.raised_notified_at = timezone.now()
        flag.save(update_fields=["raised_notified_at"])
        FlagEvent.objects.create(flag=flag, what=FlagEvent.What.NOTIFIED, status=flag.status)
    return True


def flags_overdue_notify_task(now: datetime | None = None) -> int:
    """Run every few minutes: email the leads again about each flag that has passed its
    target unacknowledged, once per flag."""
    now = now or timezone.now()
    sent = 0
    waiting = SafeguardingFlag.objects.filter(
        status=SafeguardingFlag.Status.OPEN, due_at__lte=now, overdue_notified_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(waiting):
        with transaction.atomic():
            flag = SafeguardingFlag.objects.select_for_update().get(pk=pk)
            overdue = rules.flag_is_overdue(status=flag.status, due_at=flag.due_at, now=now)
            if not overdue or flag.overdue_notified_at is not None:
                continue
            notifications.flag_overdue_send(flag)
            flag.overdue_notified_at = now
            flag.save(update_fields=["overdue_notified_at"])
            FlagEvent.objects.create(flag=flag, what=FlagEvent.What.OVERDUE, status=flag.status)
        sent += 1
    return sent
