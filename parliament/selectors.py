"""Reads for the children's parliament that more than one caller needs. They read stored
results only: nothing here counts a division or changes a record."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from parliament import rules
from parliament.choices import PUBLIC_STATUSES, ProposalStatus
from parliament.models.records import (
    Amendment,
    Comment,
    Division,
    Member,
    Motion,
    Sitting,
    Vote,
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


def motions_own_unpublished(*, member: Member) -> QuerySet[Motion]:
    """Motions a member proposed or seconded that the public cannot see yet, or never will."""
    return (
        Motion.objects.filter(Q(proposer=member) | Q(seconder=member))
        .exclude(status__in=PUBLIC_STATUSES)
        .select_related("proposer")
    )


def _visible_to(member: Member | None) -> Q:
    # `rules.proposal_visible`, as a query.
    visible = Q(status__in=PUBLIC_STATUSES)
    if member is not None:
        visible |= Q(status=ProposalStatus.PROPOSED) | Q(proposer=member) | Q(seconder=member)
    return visible


def motion_for_member_or_public(*, pk: int, member: Member | None) -> Motion | None:
    return (
        Motion.objects.filter(_visible_to(member), pk=pk)
        .select_related("proposer", "seconder", "sitting")
        .prefetch_related(
            Prefetch(
                "amendments",
                queryset=Amendment.objects.select_related("proposer", "seconder", "division"),
            )
        )
        .first()
    )


def amendment_for_member_or_public(*, pk: int, member: Member | None) -> Amendment | None:
    """An amendment, if its motion is one the member (or the public) may see."""
    amendment = Amendment.objects.select_related("motion").filter(pk=pk).first()
    if amendment is None:
        return None
    if motion_for_member_or_public(pk=amendment.motion_id, member=member) is None:
        return None
    return amendment


def amendments_visible(*, motion: Motion, member: Member | None) -> list[Amendment]:
    member_id = member.pk if member is not None else None
    return [
        a
        for a in motion.amendments.all()
        if rules.proposal_visible(
            status=a.status,
            proposer_id=a.proposer_id,
            seconder_id=a.seconder_id,
            member_id=member_id,
        )
    ]


def comments_visible(*, motion: Motion, member: Member | None) -> QuerySet[Comment]:
    """Published comments, and a member's own that wait for a moderator."""
    visible = Q(status=Comment.Status.PUBLISHED)
    if member is not None:
        visible |= Q(author=member) & ~Q(status=Comment.Status.HIDDEN)
    return motion.comments.filter(visible).select_related("author")


def comment_published(*, pk: int) -> Comment | None:
    """A comment in the debate, which members may report."""
    return Comment.objects.filter(pk=pk, status=Comment.Status.PUBLISHED).first()


def sitting_get(*, pk: int) -> Sitting | None:
    return Sitting.objects.filter(pk=pk).first()


def sitting_agenda(*, sitting: Sitting) -> QuerySet[Motion]:
    """The public motions on a sitting's agenda, in the order set by a moderator."""
    return motions_public().filter(sitting=sitting).order_by("agenda_order", "pk")


def sittings_upcoming() -> QuerySet[Sitting]:
    return Sitting.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def sittings_past() -> QuerySet[Sitting]:
    return Sitting.objects.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def division_get(*, pk: int) -> Division | None:
    return Division.objects.select_related("motion", "amendment").filter(pk=pk).first()


def divisions_open(*, now: datetime | None = None) -> QuerySet[Division]:
    now = now or timezone.now()
    return Division.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related(
        "motion", "amendment__motion"
    )


def divisions_being_counted(*, now: datetime | None = None) -> QuerySet[Division]:
    """Closed, and waiting for the counting task (`rules.division_due_for_count`)."""
    now = now or timezone.now()
    return Division.objects.filter(counted_at__isnull=True, closes_at__lte=now).select_related(
        "motion", "amendment__motion"
    )


def divisions_counted() -> QuerySet[Division]:
    return Division.objects.filter(counted_at__isnull=False).select_related(
        "motion", "amendment__motion"
    )


def votes_of(*, member: Member, divisions: Iterable[Division]) -> dict[int, Vote]:
    """A member's own votes in these divisions, by division: nobody else's is ever read."""
    return {
        v.division_id: v
        for v in Vote.objects.filter(member=member, division__in=[d for d in divisions if d])
    }


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
