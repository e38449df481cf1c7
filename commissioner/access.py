"""Who may see an inquiry: deny by default. One function answers it for listings, detail
views, downloads and search alike.

- Staff on an inquiry's team may list and open it.
- The commissioner sees every inquiry in the list (reference and stage, nothing about the
  child) and may open one they are not on the team of only by breaking glass, with a reason,
  which is flagged for review.
- Everyone else sees nothing.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from commissioner.models import BreakGlass, Inquiry

RUN = "commissioner.run_inquiry"
OVERSEE = "commissioner.oversee_inquiries"


def inquiries_listable(*, user) -> QuerySet[Inquiry]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Inquiry.objects.none()
    if user.has_perm(OVERSEE):
        return Inquiry.objects.all()
    if user.has_perm(RUN):
        return Inquiry.objects.filter(team=user)
    return Inquiry.objects.none()


def inquiries_openable(*, user, now=None) -> QuerySet[Inquiry]:
    """Inquiries whose child's record, evidence and papers this user may read now."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Inquiry.objects.none()
    if not (user.has_perm(RUN) or user.has_perm(OVERSEE)):
        return Inquiry.objects.none()
    now = now or timezone.now()
    glass = BreakGlass.objects.filter(user=user, expires_at__gt=now).values("inquiry")
    return Inquiry.objects.filter(Q(team=user) | Q(pk__in=glass)).distinct()


def can_open(*, user, inquiry: Inquiry) -> bool:
    return inquiries_openable(user=user).filter(pk=inquiry.pk).exists()


def can_break_glass(*, user, inquiry: Inquiry) -> bool:
    return user.has_perm(OVERSEE) and not inquiry.team.filter(pk=user.pk).exists()
