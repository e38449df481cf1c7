"""Writes for the children's parliament. Each checks the rules, records who and when, and logs
moderation decisions in Wagtail's audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from cms.roles import Role
from core.rules import require
from core.screening import concern_in, concern_stored
from core.taxonomy import Outcome
from core.usernames import username_normalise
from parliament import rules
from parliament.choices import ProposalStatus
from parliament.models.records import (
    Amendment,
    Comment,
    CommentReport,
    Division,
    Member,
    Motion,
    ParliamentSettings,
    Sitting,
    Vote,
)

User = get_user_model()


def _require_moderator(user) -> None:
    decision = rules.user_can_moderate(user)
    if not decision:
        raise PermissionDenied(decision.reason)


def _password() -> str:
    # Four short words are easier for a child to type than a string of symbols.
    words = [
        "apple", "brick", "cloud", "daisy", "eagle", "flute", "grape", "honey", "igloo",
        "jelly", "koala", "lemon", "mango", "noodle", "otter", "pebble", "quilt", "river",
        "sunny", "tiger", "umbra", "velvet", "willow", "yellow", "zebra", "maple", "comet",
        "lantern", "meadow", "orbit", "puffin", "rocket", "spruce", "thistle", "walnut",
    ]  # fmt: skip
    return "-".join(secrets.choice(words) for _ in range(4)) + str(secrets.randbelow(90) + 10)


# --- Members -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberAccess:
    member: Member
    username: str
    password: str  # shown once to the member of staff, never stored in clear


@transaction.atomic
def member_create(
    *,
    display_name: str,
    region: str,
    term_starts: date,
    term_ends: date,
    date_of_birth: date,
    by,
) -> MemberAccess:
    """Make a member and their login. Staff pass the login on; there is no public sign-up."""
    require(rules.member_age_allowed(date_of_birth=date_of_birth, term_starts=term_starts))
    require(rules.member_term_allowed(term_starts=term_starts, term_ends=term_ends))
    # Stored in the one spelling the login page looks up (core.usernames).
    base = username_normalise(slugify(display_name))[:20] or "member"
    username = f"{base}-{secrets.randbelow(9000) + 1000}"
    while User.objects.filter(username=username).exists():
        username = f"{base}-{secrets.randbelow(9000) + 1000}"
    password = _password()
    user = User.objects.create_user(username=username, password=password)
    user.groups.add(Group.objects.get(name=Role.PARLIAMENT_MEMBER))
    member = Member(
        user=user,
        display_name=display_name,
        region=region,
        term_starts=term_starts,
        term_ends=term_ends,
        date_of_birth=date_of_birth,
    )
    member.full_clean(exclude=["user"])
    member.save()
    log(member, "wagtail.create", user=by)
    return MemberAccess(member, username, password)


@transaction.atomic
def member_consent_record(*, member: Member, note: str, by) -> Member:
    require(rules.consent_record_allowed(note=note))
    member.guardian_consent_at = timezone.now()
    member.guardian_consent_by = by
    member.guardian_consent_note = note.strip()[:200]
    member.save(
        update_fields=["guardian_consent_at", "guardian_consent_by", "guardian_consent_note"]
    )
    log(member, "parliament.consent", user=by, data={"note": member.guardian_consent_note})
    return member


@transaction.atomic
def member_suspend(*, member: Member, reason: str, by) -> Member:
    require(rules.member_suspend_allowed(reason=reason))
    member.suspended_at = timezone.now()
    member.suspended_reason = reason.strip()
    member.save(update_fields=["suspended_at", "suspended_reason"])
    log(member, "parliament.suspend", user=by, data={"reason": member.suspended_reason})
    return member


@transaction.atomic
def member_reinstate(*, member: Member, by) -> Member:
    member.suspended_at = None
    member.save(update_fields=["suspended_at"])
    log(member, "parliament.reinstate", user=by)
    return member


@transaction.atomic
def member_access_reset(*, member: Member, by) -> MemberAccess:
    """A new password; changing it also signs the member out everywhere."""
    password = _password()
    member.user.set_password(password)
    member.user.save(update_fields=["password"])
    log(member, "parliament.reset_access", user=by)
    return MemberAccess(member, member.user.get_username(), password)


# --- Motions and amendments ----------------------------------------------------------------


def _outcomes_clean(outcomes: list[str]) -> list[str]:
    unknown = [o for o in outcomes if o not in Outcome.values]
    if unknown:
        raise ValidationError("Choose outcomes from the list.")
    return [o for o in Outcome.values if o in outcomes]


@transaction.atomic
def motion_propose(*, member: Member, title: str, text: str, outcomes: list[str]) -> Motion:
    require(rules.member_can_take_part(member, timezone.localdate()))
    if not title.strip() or not text.strip():
        raise ValidationError("A motion needs a title and its words.")
    motion = Motion(
        proposer=member,
        title=title.strip(),
        text=text.strip(),
        original_text=text.strip(),
        outcomes=_outcomes_clean(outcomes),
    )
    motion.full_clean()
    motion.save()
    return motion


@transaction.atomic
def amendment_propose(*, member: Member, motion: Motion, text: str) -> Amendment:
    require(rules.member_can_take_part(member, timezone.localdate()))
    require(
        rules.amendment_can_propose(motion_status=motion.status, vote_set=motion.divisions.exists())
    )
    if not text.strip():
        raise ValidationError("Write the new words you want the motion to have.")
    amendment = Amendment(motion=motion, proposer=member, text=text.strip())
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def proposal_second(*, member: Member, proposal: Motion | Amendment) -> Motion | Amendment:
    require(rules.member_can_take_part(member, timezone.localdate()))
    # Locked, so two members seconding at once cannot both succeed.
    proposal = type(proposal).objects.select_for_update().get(pk=proposal.pk)
    require(rules.proposal_can_second(member, proposal))
    proposal.seconder = member
    proposal.seconded_at = timezone.now()
    proposal.status = ProposalStatus.SECONDED
    proposal.save(update_fields=["seconder", "seconded_at", "status"])
    return proposal


@transaction.atomic
def proposal_moderate(
    *, proposal: Motion | Amendment, approve: bool, note: str = "", by
) -> Motion | Amendment:
    _require_moderator(by)
    proposal = type(proposal).objects.select_for_update().get(pk=proposal.pk)
    require(rules.proposal_can_moderate(status=proposal.status, approve=approve, note=note))
    proposal.status = ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED
    proposal.moderated_by = by
    proposal.moderated_at = timezone.now()
    proposal.moderation_note = note.strip()
    proposal.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
    log(
        proposal,
        "parliament.approve" if approve else "parliament.reject",
        user=by,
        data={"note": proposal.moderation_note},
    )
    return proposal


@transaction.atomic
def motion_schedule(*, motion: Motion, sitting: Sitting | None, order: int = 0, by) -> Motion:
    _require_moderator(by)
    if sitting is not None:
        require(rules.motion_can_go_on_agenda(status=motion.status))
    motion.sitting = sitting
    motion.agenda_order = order
    motion.save(update_fields=["sitting", "agenda_order"])
    log(motion, "parliament.schedule", user=by, data={"sitting": sitting.pk if sitting else None})
    return motion


def motion_next_steps_record(*, motion: Motion, text: str, by) -> Motion:
    """Say what happened after the parliament carried this motion; said again, it replaces
    what was said, and the audit log keeps each version."""
    _require_moderator(by)
    require(rules.motion_can_have_next_steps(status=motion.status))
    text = text.strip()
    if not text:
        raise ValidationError("Write what happened next.")
    motion.next_steps = text
    motion.next_steps_at = timezone.now()
    motion.save(update_fields=["next_steps", "next_steps_at"])
    log(motion, "parliament.next_steps", user=by, data={"next_steps": text})
    return motion


# --- Divisions -----------------------------------------------------------------------------


@transaction.atomic
def division_schedule(
    *, question: Motion | Amendment, opens_at: datetime, closes_at: datetime, by
) -> Division:
    _require_moderator(by)
    require(rules.division_window_allowed(opens_at=opens_at, closes_at=closes_at))
    question = type(question).objects.select_for_update().get(pk=question.pk)
    is_motion = isinstance(question, Motion)
    if is_motion:
        amendments = []
        for amendment in question.amendments.select_related("division"):
            vote_on_it = getattr(amendment, "division", None)  # None until a vote is set
            amendments.append((amendment.status, vote_on_it.closes_at if vote_on_it else None))
        already_set = question.divisions.exists()
    else:
        amendments = []
        already_set = Division.objects.filter(amendment=question).exists()
    require(
        rules.division_can_open_on(
            status=question.status,
            is_motion=is_motion,
            already_set=already_set,
            amendments=amendments,
            opens_at=opens_at,
        )
    )
    division = Division.objects.create(
        motion=question if is_motion else None,
        amendment=None if is_motion else question,
        opens_at=opens_at,
        closes_at=closes_at,
    )
    log(question, "parliament.division", user=by, data={"opens_at": opens_at.isoformat()})
    return division


@dataclass(frozen=True)
class VoteResult:
    vote: Vote
    changed: bool


def vote_cast(
    *, member: Member, division: Division, choice: str, now: datetime | None = None
) -> VoteResult:
    """Record a member's vote, or change it while the division is open.

    One vote per member per division is a database constraint, so two requests racing each
    other store one vote: the loser of the race updates the winner's row.
    """
    now = now or timezone.now()
    require(rules.vote_allowed(member, division, now))
    if choice not in Vote.Choice.values:
        raise ValidationError("Choose aye, no or abstain.")
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                division=division, member=member, choice=choice, cast_at=now, changed_at=now
            )
            return VoteResult(vote, changed=False)
    except IntegrityError:
        pass
    with transaction.atomic():
        vote = Vote.objects.select_for_update().get(division=division, member=member)
        vote.choice = choice
        vote.changed_at = now
        vote.save(update_fields=["choice", "changed_at"])
    return VoteResult(vote, changed=True)


@transaction.atomic
def division_count(*, division: Division, now: datetime | None = None) -> Division:
    """Count a closed division once and decide its question. Safe to call again.

    The only place a division is counted: by `parliament.tasks.divisions_count_task` every
    minute, never while a page is being shown. Pages read the stored result.
    """
    now = now or timezone.now()
    division = Division.objects.select_for_update().get(pk=division.pk)
    if not rules.division_due_for_count(
        closes_at=division.closes_at, counted_at=division.counted_at, now=now
    ):
        return division
    totals = dict(
        division.votes.values_list("choice").annotate(n=Count("pk")).values_list("choice", "n")
    )
    by_region: dict[str, dict[str, int]] = {}
    for region, choice, n in (
        division.votes.values_list("member__region", "choice").annotate(n=Count("pk")).order_by()
    ):
        by_region.setdefault(region, dict.fromkeys(Vote.Choice.values, 0))[choice] = n
    division.ayes = totals.get(Vote.Choice.AYE, 0)
    division.noes = totals.get(Vote.Choice.NO, 0)
    division.abstentions = totals.get(Vote.Choice.ABSTAIN, 0)
    division.by_region = by_region
    division.counted_at = now
    division.save()

    question = division.question
    question.status = rules.division_result(ayes=division.ayes, noes=division.noes)
    question.save(update_fields=["status"])
    if isinstance(question, Amendment) and question.status == ProposalStatus.CARRIED:
        motion = question.motion
        motion.text = question.text
        motion.save(update_fields=["text"])
    return division


def divisions_count_due(*, now: datetime | None = None) -> int:
    """Count every division that has closed and is not counted yet; how many were counted."""
    now = now or timezone.now()
    # `rules.division_due_for_count`, as a query; `division_count` checks it again under lock.
    due = Division.objects.filter(counted_at__isnull=True, closes_at__lte=now)
    counted = 0
    for division in due:
        division_count(division=division, now=now)
        counted += 1
    return counted


# --- Debate --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommentResult:
    comment: Comment
    flagged: bool
    # The screen is fairly sure: the member is shown stronger help at once.
    sure: bool = False


def comment_post(*, member: Member, motion: Motion, text: str) -> CommentResult:
    """Add to the debate. A comment that may disclose harm goes to the safeguarding queue and
    is held there, unpublished, until the lead closes its flag; the member is told, it is
    never silently dropped."""
    require(rules.member_can_take_part(member, timezone.localdate()))
    require(rules.comment_can_post(motion_status=motion.status))
    text = text.strip()
    if not text:
        raise ValidationError("Write your comment first.")
    concern = concern_in([text], sender=Comment)
    moderation = ParliamentSettings.load().comment_moderation
    published = rules.comment_published_at_once(
        moderated_after=moderation == ParliamentSettings.Moderation.AFTER, flagged=bool(concern)
    )
    with transaction.atomic():
        comment = Comment(
            motion=motion,
            author=member,
            text=text,
            status=Comment.Status.PUBLISHED if published else Comment.Status.PENDING,
            held_for_safeguarding=bool(concern),
        )
        comment.full_clean()
        comment.save()
        if concern:
            concern_stored.send(sender=Comment, source=comment, concern=concern, new=True)
    return CommentResult(comment, flagged=bool(concern), sure=bool(concern and concern.sure))


@transaction.atomic
def comment_report(*, member: Member, comment: Comment, reason: str) -> CommentReport:
    require(rules.member_can_take_part(member, timezone.localdate()))
    if not reason.strip():
        raise ValidationError("Tell the moderators what is wrong with this comment.")
    report, _ = CommentReport.objects.get_or_create(
        comment=comment, reporter=member, defaults={"reason": reason.strip()}
    )
    return report


@transaction.atomic
def comment_moderate(*, comment: Comment, publish: bool, note: str = "", by) -> Comment:
    _require_moderator(by)
    require(rules.comment_can_moderate(publish=publish, note=note))
    require(rules.comment_can_publish(publishing=publish, held=comment.held_for_safeguarding))
    comment.status = Comment.Status.PUBLISHED if publish else Comment.Status.HIDDEN
    comment.moderated_by = by
    comment.moderated_at = timezone.now()
    comment.moderation_note = note.strip()
    comment.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
    comment.reports.filter(resolved_at__isnull=True).update(
        resolved_at=comment.moderated_at, resolved_by=by
    )
    log(
        comment,
        "parliament.publish" if publish else "parliament.hide",
        user=by,
        data={"note": comment.moderation_note},
    )
    return comment


@transaction.atomic
def comment_release(*, comment: Comment, by) -> Comment:
    """The safeguarding lead has closed the comment's flag: moderators may now decide on it.
    It stays unpublished until a moderator publishes it."""
    if comment.held_for_safeguarding:
        comment.held_for_safeguarding = False
        comment.save(update_fields=["held_for_safeguarding"])
        log(comment, "parliament.safeguarding_release", user=by)
    return comment


@transaction.atomic
def comment_hold(*, comment: Comment, by) -> Comment:
    """The safeguarding lead has reopened the comment's flag: it is held again, and taken out
    of the debate if a moderator had published it."""
    if not comment.held_for_safeguarding:
        comment.held_for_safeguarding = True
        if comment.status == Comment.Status.PUBLISHED:
            comment.status = Comment.Status.PENDING
        comment.save(update_fields=["held_for_safeguarding", "status"])
        log(comment, "parliament.safeguarding_hold", user=by)
    return comment
