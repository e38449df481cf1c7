"""The parliament's rules, in one place: who may log in, propose, second, moderate and vote, the
age limits, and how a division is decided.

Every rule is a pure function of the values it is given: it reads no database and imports no
model, so it can be read, tested and replaced on its own. Where a person is told why not, a
rule returns a `Decision` with a reason a young person can read. The services enforce the
rules; views, forms and admin screens use them to decide what to offer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from core.rules import ALLOWED, Decision, refused
from parliament.choices import PUBLIC_STATUSES, UNDECIDED_STATUSES, ProposalStatus

MIN_AGE = 11
MAX_AGE = 17
# Under this age a member may not log in until a parent or guardian's consent is recorded.
CONSENT_AGE = 13

MODERATE_PERMISSION = "parliament.moderate_motion"
ADD_MEMBERS_PERMISSION = "parliament.add_member"
MANAGE_MEMBERS_PERMISSION = "parliament.change_member"


class MemberFacts(Protocol):
    """What the rules read about a member (a `Member`, or anything with the same fields)."""

    pk: int | None
    date_of_birth: date
    guardian_consent_at: datetime | None
    term_starts: date
    term_ends: date

    @property
    def is_suspended(self) -> bool: ...


class ProposalFacts(Protocol):
    status: str
    proposer_id: int | None


class DivisionWindow(Protocol):
    opens_at: datetime
    closes_at: datetime


class PermissionHolder(Protocol):
    def has_perm(self, perm: str) -> bool: ...


# --- Members --------------------------------------------------------------------------------


def age_on(date_of_birth: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def member_age_allowed(*, date_of_birth: date, term_starts: date) -> Decision:
    age = age_on(date_of_birth, term_starts)
    if not MIN_AGE <= age <= MAX_AGE:
        return refused(
            f"Members are {MIN_AGE} to {MAX_AGE} when their term starts (this one is {age})."
        )
    return ALLOWED


def member_term_allowed(*, term_starts: date, term_ends: date) -> Decision:
    if term_ends <= term_starts:
        return refused("The term must end after it starts.")
    return ALLOWED


def consent_required(date_of_birth: date, today: date) -> bool:
    """Whether a member is young enough to need a parent or carer's consent to take part."""
    return age_on(date_of_birth, today) < CONSENT_AGE


def member_waiting_for_consent(member: MemberFacts, today: date) -> bool:
    return member.guardian_consent_at is None and consent_required(member.date_of_birth, today)


def member_can_log_in(member: MemberFacts, today: date) -> Decision:
    if member.is_suspended:
        return refused(
            "Your membership is paused at the moment. The parliament team will be in touch."
        )
    if member_waiting_for_consent(member, today):
        return refused(
            "We need a parent or carer to say yes before you can log in. "
            "The parliament team will help you with this."
        )
    if today > member.term_ends:
        return refused("Your term as a member has ended. Thank you for taking part.")
    return ALLOWED


def member_can_take_part(member: MemberFacts, today: date) -> Decision:
    """Propose, second, comment, report and vote: a member who may log in and whose term has
    started."""
    decision = member_can_log_in(member, today)
    if not decision:
        return decision
    if today < member.term_starts:
        return refused("Your term has not started yet.")
    return ALLOWED


def member_suspend_allowed(*, reason: str) -> Decision:
    if not reason.strip():
        return refused("Give a reason for suspending a member.")
    return ALLOWED


def consent_record_allowed(*, note: str) -> Decision:
    # The record says how consent was given, so it can be checked later.
    if not note.strip():
        return refused("Say how consent was given, for example 'signed form received'.")
    return ALLOWED


# --- Staff ----------------------------------------------------------------------------------


def user_can_moderate(user: PermissionHolder) -> Decision:
    if not user.has_perm(MODERATE_PERMISSION):
        return refused("Only the parliament's moderators can do this.")
    return ALLOWED


def user_can_add_members(user: PermissionHolder) -> bool:
    return user.has_perm(ADD_MEMBERS_PERMISSION)


def user_can_manage_members(user: PermissionHolder) -> bool:
    """Record consent, suspend, lift a suspension and reset a member's access."""
    return user.has_perm(MANAGE_MEMBERS_PERMISSION)


# --- Motions and amendments -------------------------------------------------------------------


def proposal_is_public(status: str) -> bool:
    return status in PUBLIC_STATUSES


def proposal_visible(
    *,
    status: str,
    proposer_id: int | None,
    member_id: int | None,
    seconder_id: int | None = None,
) -> bool:
    """Anyone sees what is public; a member also sees what waits for a seconder, and what they
    proposed or seconded whatever became of it."""
    if proposal_is_public(status):
        return True
    if member_id is None:
        return False
    return status == ProposalStatus.PROPOSED or member_id in (proposer_id, seconder_id)


def proposal_can_second(member: MemberFacts, proposal: ProposalFacts) -> Decision:
    if proposal.status != ProposalStatus.PROPOSED:
        return refused("This has already been seconded or decided.")
    if proposal.proposer_id == member.pk:
        return refused("Another member has to second what you propose.")
    return ALLOWED


def proposal_can_moderate(*, status: str, approve: bool, note: str) -> Decision:
    if status != ProposalStatus.SECONDED:
        return refused("Only a seconded motion or amendment waits for a moderator.")
    if not approve and not note.strip():
        return refused("Say why it is not approved; the member will be told.")
    return ALLOWED


def motion_can_go_on_agenda(*, status: str) -> Decision:
    if not proposal_is_public(status):
        return refused("Only an approved motion can go on a sitting's agenda.")
    return ALLOWED


def motion_can_have_next_steps(*, status: str) -> Decision:
    if status != ProposalStatus.CARRIED:
        return refused("What happened next can be recorded only for a motion that was carried.")
    return ALLOWED


def amendment_can_propose(*, motion_status: str, vote_set: bool) -> Decision:
    if motion_status != ProposalStatus.APPROVED:
        return refused("Amendments can only be proposed to a motion that is up for debate.")
    if vote_set:
        return refused("The vote on this motion has been set, so it can no longer be amended.")
    return ALLOWED


# --- Divisions --------------------------------------------------------------------------------


class DivisionStage(StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    # Closed, and waiting for the counting task: nobody sees a total until it has run.
    BEING_COUNTED = "being_counted"
    COUNTED = "counted"


def question_can_be_voted_on(status: str) -> bool:
    """Only a motion or amendment approved for debate, and not yet decided, is put to a vote."""
    return status == ProposalStatus.APPROVED


def division_window_allowed(*, opens_at: datetime, closes_at: datetime) -> Decision:
    if closes_at <= opens_at:
        return refused("Voting must close after it opens.")
    return ALLOWED


def division_can_open_on(
    *,
    status: str,
    is_motion: bool,
    already_set: bool,
    amendments: Iterable[tuple[str, datetime | None]] = (),
    opens_at: datetime,
) -> Decision:
    """A vote is held once, only on an approved question, and amendments are decided first.

    `amendments` are the motion's amendments as (status, when the vote on it closes, or None
    if no vote is set).
    """
    if not question_can_be_voted_on(status):
        return refused("Only an approved motion or amendment can be voted on.")
    if is_motion:
        amendments = list(amendments)
        if any(a_status in UNDECIDED_STATUSES for a_status, _ in amendments):
            return refused("Every amendment must be moderated before the motion is voted on.")
        for a_status, vote_closes in amendments:
            if question_can_be_voted_on(a_status) and (
                vote_closes is None or vote_closes > opens_at
            ):
                return refused(
                    "Every amendment must be voted on before the vote on the motion opens."
                )
    if already_set:
        return refused(
            "This motion already has a vote." if is_motion else "This amendment already has a vote."
        )
    return ALLOWED


def vote_allowed(member: MemberFacts, division: DivisionWindow, now: datetime) -> Decision:
    decision = member_can_take_part(member, now.date())
    if not decision:
        return decision
    if now < division.opens_at:
        return refused("Voting has not opened yet.")
    if now >= division.closes_at:
        return refused("Voting has closed.")
    return ALLOWED


def division_stage(
    *, opens_at: datetime, closes_at: datetime, counted_at: datetime | None, now: datetime
) -> DivisionStage:
    if counted_at is not None:
        return DivisionStage.COUNTED
    if now < opens_at:
        return DivisionStage.SCHEDULED
    if now < closes_at:
        return DivisionStage.OPEN
    return DivisionStage.BEING_COUNTED


def division_due_for_count(
    *, closes_at: datetime, counted_at: datetime | None, now: datetime
) -> bool:
    """Counted once, and only once voting has closed: nobody sees a running total."""
    return counted_at is None and now >= closes_at


def division_carries(*, ayes: int, noes: int) -> bool:
    """More ayes than noes; a tie does not carry, and abstentions count for neither side."""
    return ayes > noes


def division_result(*, ayes: int, noes: int) -> ProposalStatus:
    """What a counted division makes of its motion or amendment."""
    if division_carries(ayes=ayes, noes=noes):
        return ProposalStatus.CARRIED
    return ProposalStatus.NOT_CARRIED


# --- Debate -----------------------------------------------------------------------------------


def comment_can_post(*, motion_status: str) -> Decision:
    if not proposal_is_public(motion_status):
        return refused("You can only comment on a motion that is up for debate.")
    return ALLOWED


def comment_published_at_once(*, moderated_after: bool, flagged: bool) -> bool:
    """Under moderation after the fact a comment appears at once, unless it may disclose harm:
    then it waits for a person, whatever the setting."""
    return moderated_after and not flagged


HELD_FOR_SAFEGUARDING = (
    "This comment may disclose harm and is with the safeguarding lead. It cannot be published "
    "until they have closed its flag."
)


def comment_can_publish(*, publishing: bool, held: bool) -> Decision:
    """A comment the screen held for the safeguarding lead never appears to the public: its
    words may name an adult or give a child's contact details."""
    if publishing and held:
        return refused(HELD_FOR_SAFEGUARDING)
    return ALLOWED


def comment_can_moderate(*, publish: bool, note: str) -> Decision:
    if not publish and not note.strip():
        return refused("Say why the comment is hidden.")
    return ALLOWED
