"""Reads for the children's parliament that more than one caller needs."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from parliament.models import (
    PUBLIC_STATUSES,
    Amendment,
    Comment,
    Division,
    Member,
    Motion,
    ProposalStatus,
    Sitting,
)


def member_for(user) -> Member | None:
    """The parliament member behind a logged-in user, or None for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return Member.objects.get(user=user)
    except Member.DoesNotExist:
        return None


def motions_public() -> QuerySet[Motion]:
    return Motion.objects.filter(status__in=PUBLIC_STATUSES).select_related("proposer", "seconder")


def motions_waiting_for_seconder() -> QuerySet[Motion]:
    """Seen by members only: the public sees a motion once a moderator approves it."""
    return Motion.objects.filter(status=ProposalStatus.PROPOSED).select_related("proposer")


def motion_for_member_or_public(*, pk: int, member: Member | None) -> Motion | None:
    visible = Q(status__in=PUBLIC_STATUSES)
    if member is not None:
        visible |= Q(status=ProposalStatus.PROPOSED) | Q(proposer=member)
    return (
        Motion.objects.filter(visible, pk=pk)
        .select_related("proposer", "seconder", "sitting")
        .prefetch_related(
            Prefetch(
                "amendments",
                queryset=Amendment.objects.select_related("proposer", "seconder", "division"),
            )
        )
        .first()
    )


def amendments_visible(*, motion: Motion, member: Member | None) -> list[Amendment]:
    return [
        a
        for a in motion.amendments.all()
        if a.is_public
        or (
            member is not None
            and (a.status == ProposalStatus.PROPOSED or a.proposer_id == member.pk)
        )
    ]


def comments_visible(*, motion: Motion, member: Member | None) -> QuerySet[Comment]:
    """Published comments, and a member's own that wait for a moderator."""
    visible = Q(status=Comment.Status.PUBLISHED)
    if member is not None:
        visible |= Q(author=member) & ~Q(status=Comment.Status.HIDDEN)
    return motion.comments.filter(visible).select_related("author")


def sittings_upcoming() -> QuerySet[Sitting]:
    return Sitting.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def sittings_past() -> QuerySet[Sitting]:
    return Sitting.objects.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def divisions_open(*, now=None) -> QuerySet[Division]:
    now = now or timezone.now()
    return Division.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related(
        "motion", "amendment__motion"
    )


def divisions_counted() -> QuerySet[Division]:
    return Division.objects.filter(counted_at__isnull=False).select_related(
        "motion", "amendment__motion"
    )


def members_current(*, today=None) -> QuerySet[Member]:
    today = today or timezone.localdate()
    return Member.objects.filter(
        suspended_at__isnull=True, term_starts__lte=today, term_ends__gte=today
    ).order_by("region", "display_name")


def resolutions(*, since=None) -> QuerySet[Motion]:
    """Motions the parliament carried: the commissioner's priorities, and the annual report's."""
    carried = Motion.objects.filter(status=ProposalStatus.CARRIED).select_related(
        "proposer", "seconder", "sitting"
    )
    if since is not None:
        carried = carried.filter(divisions__counted_at__gte=since)
    return carried.order_by("-divisions__counted_at")
