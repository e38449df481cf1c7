"""Emails to the safeguarding leads: when a flag is raised, and again when it passes its target
unacknowledged. They say what kind of concern and where to find it, never the young person's
words: email leaves the system."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

LEADS_GROUP = "safeguarding_lead"


def lead_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=LEADS_GROUP, is_active=True, email__gt="")
    return sorted({u.email for u in users})


def _link(flag) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("safeguarding:inspect", args=[flag.pk])


def flag_raised_send(flag) -> int:
    subject = f"Safeguarding: a possible disclosure is waiting ({flag.get_kind_display()})"
    body = (
        f"A possible disclosure ({flag.get_kind_display().lower()}) from a "
        f"{flag.source.lower()} is on the safeguarding queue.\n\n"
        f"Please acknowledge it by {_when(flag.due_at)}.\n\n{_link(flag)}\n"
    )
    return send_mail(subject, body, None, lead_addresses())


def flag_overdue_send(flag) -> int:
    subject = f"Safeguarding: overdue, not yet acknowledged ({flag.get_kind_display()})"
    body = (
        f"A possible disclosure ({flag.get_kind_display().lower()}) raised {_when(flag.raised_at)}"
        f" has passed its target of {settings.SAFEGUARDING_TARGET_WORKING_HOURS:g} working "
        f"hours and nobody has acknowledged it.\n\n{_link(flag)}\n"
    )
    return send_mail(subject, body, None, lead_addresses())


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M on %A %-d %B") if moment else "soon"
