"""The parliament's rules, in one place: who may log in, propose, second, vote and moderate.

Each rule returns a `Decision`: allowed or not, and a reason a young person can read. The
services enforce them; views use them to decide what to offer.
"""

from datetime import date, datetime

from core.rules import ALLOWED, Decision
from parliament.models import Division, Member, Motion, ProposalStatus

MIN_AGE = 11
MAX_AGE = 17
# Under this age a member may not log in until a parent or guardian's consent is recorded.
CONSENT_AGE = 13

MODERATE_PERMISSION = "parliament.moderate_motion"


def age_on(date_of_birth: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def member_age_allowed(*, date_of_birth: date, term_starts: date) -> Decision:
    age = age_on(date_of_birth, term_starts)
    if not MIN_AGE <= age <= MAX_AGE:
        return Decision(
            False, f"Members are {MIN_AGE} to {MAX_AGE} when their term starts (this one is {age})."
        )
    return ALLOWED


def member_can_log_in(member: Member, today: date) -> Decision:
    if member.is_suspended:
        return Decision(
            False,
            "Your membership is paused at the moment. The parliament team will be in touch.",
        )
    if age_on(member.date_of_birth, today) < CONSENT_AGE and member.guardian_consent_at is None:
        return Decision(
            False,
            "We need a parent or carer to say yes before you can log in. "
            "The parliament team will help you with this.",
        )
    if today > member.term_ends:
        return Decision(False, "Your term as a member has ended. Thank you for taking part.")
    return ALLOWED


def member_can_take_part(member: Member, today: date) -> Decision:
    """Propose, second, comment, report and vote: a member who may log in and whose term has
    started."""
    decision = member_can_log_in(member, today)
    if not decision:
        return decision
    if today < member.term_starts:
        return Decision(False, "Your term has not started yet.")
    return ALLOWED


def proposal_can_second(member: Member, proposal) -> Decision:
    if proposal.status != ProposalStatus.PROPOSED:
        return Decision(False, "This has already been seconded or decided.")
    if proposal.proposer_id == member.pk:
        return Decision(False, "Another member has to second what you propose.")
    return ALLOWED


def amendment_can_propose(motion: Motion) -> Decision:
    if motion.status != ProposalStatus.APPROVED:
        return Decision(False, "Amendments can only be proposed to a motion that is up for debate.")
    if motion.divisions.exists():
        return Decision(
            False, "The vote on this motion has been set, so it can no longer be amended."
        )
    return ALLOWED


def division_can_open_on(question, *, opens_at: datetime) -> Decision:
    """A vote is held only on an approved question, and amendments are decided first."""
    if question.status != ProposalStatus.APPROVED:
        return Decision(False, "Only an approved motion or amendment can be voted on.")
    if isinstance(question, Motion):
        undecided = question.amendments.filter(
            status__in=[ProposalStatus.PROPOSED, ProposalStatus.SECONDED]
        )
        if undecided.exists():
            return Decision(
                False, "Every amendment must be moderated before the motion is voted on."
            )
        for amendment in question.amendments.filter(status=ProposalStatus.APPROVED):
            division = getattr(amendment, "division", None)
            if division is None or division.closes_at > opens_at:
                return Decision(
                    False, "Every amendment must be voted on before the vote on the motion opens."
                )
    return ALLOWED


def vote_allowed(member: Member, division: Division, now: datetime) -> Decision:
    decision = member_can_take_part(member, now.date())
    if not decision:
        return decision
    if now < division.opens_at:
        return Decision(False, "Voting has not opened yet.")
    if now >= division.closes_at:
        return Decision(False, "Voting has closed.")
    return ALLOWED
