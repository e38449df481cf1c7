"""The parliament's rules, each refusal with the reason a member is shown."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from parliament import rules
from parliament.choices import ProposalStatus


def _member(**overrides):
    today = date(2026, 11, 22)
    values = dict(
        pk=1,
        is_suspended=False,
        date_of_birth=date(2012, 1, 1),
        guardian_consent_at=None,
        term_starts=today - timedelta(days=10),
        term_ends=today + timedelta(days=100),
    )
    values.update(overrides)
    return SimpleNamespace(**values)


TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("born", "allowed"),
    [
        (date(2015, 11, 22), True),  # 11 on the day the term starts
        (date(2015, 11, 23), False),  # still 10
        (date(2009, 11, 23), True),  # 17, a day short of 18
        (date(2008, 11, 22), False),  # 18
    ],
)
def test_members_are_11_to_17_when_their_term_starts(born, allowed):
    decision = rules.member_age_allowed(date_of_birth=born, term_starts=TODAY)
    assert bool(decision) is allowed
    if not allowed:
        assert "11 to 17" in decision.reason


def test_a_member_under_13_cannot_log_in_until_consent_is_recorded():
    twelve = _member(date_of_birth=date(2014, 6, 1))
    assert not rules.member_can_log_in(twelve, TODAY)
    assert "parent or carer" in rules.member_can_log_in(twelve, TODAY).reason
    twelve.guardian_consent_at = timezone.now()
    assert rules.member_can_log_in(twelve, TODAY)


def test_a_member_of_13_needs_no_consent():
    assert rules.member_can_log_in(_member(date_of_birth=date(2013, 11, 22)), TODAY)


def test_a_suspended_member_cannot_log_in():
    decision = rules.member_can_log_in(_member(is_suspended=True), TODAY)
    assert not decision and "paused" in decision.reason


def test_a_member_whose_term_has_ended_cannot_log_in():
    assert not rules.member_can_log_in(_member(term_ends=TODAY - timedelta(days=1)), TODAY)


def test_a_member_can_log_in_before_the_term_but_not_take_part():
    early = _member(term_starts=TODAY + timedelta(days=3))
    assert rules.member_can_log_in(early, TODAY)
    assert not rules.member_can_take_part(early, TODAY)


def test_nobody_seconds_their_own_proposal_or_one_already_seconded():
    proposer = _member(pk=1)
    motion = SimpleNamespace(status=ProposalStatus.PROPOSED, proposer_id=1)
    assert not rules.proposal_can_second(proposer, motion)
    assert rules.proposal_can_second(_member(pk=2), motion)
    motion.status = ProposalStatus.SECONDED
    assert not rules.proposal_can_second(_member(pk=2), motion)


def test_votes_count_only_inside_the_window():
    opens = datetime(2026, 11, 22, 9, tzinfo=timezone.get_current_timezone())
    division = SimpleNamespace(opens_at=opens, closes_at=opens + timedelta(hours=8))
    member = _member()
    assert not rules.vote_allowed(member, division, opens - timedelta(seconds=1))
    assert rules.vote_allowed(member, division, opens)
    assert not rules.vote_allowed(member, division, opens + timedelta(hours=8))
    suspended = _member(is_suspended=True)
    assert not rules.vote_allowed(suspended, division, opens + timedelta(hours=1))


def test_a_term_ends_after_it_starts():
    assert rules.member_term_allowed(term_starts=TODAY, term_ends=TODAY + timedelta(days=1))
    decision = rules.member_term_allowed(term_starts=TODAY, term_ends=TODAY)
    assert not decision and decision.reason == "The term must end after it starts."


@pytest.mark.parametrize(
    ("born", "needs"),
    [
        (date(2013, 11, 23), True),  # 12, a day short of 13
        (date(2013, 11, 22), False),  # 13 today
    ],
)
def test_consent_is_needed_under_13_and_waits_until_recorded(born, needs):
    assert rules.consent_required(born, TODAY) is needs
    assert rules.member_waiting_for_consent(_member(date_of_birth=born), TODAY) is needs
    recorded = _member(date_of_birth=born, guardian_consent_at=timezone.now())
    assert not rules.member_waiting_for_consent(recorded, TODAY)


def test_suspending_and_recording_consent_need_words():
    assert not rules.member_suspend_allowed(reason="  ")
    assert rules.member_suspend_allowed(reason="Broke the code of conduct")
    decision = rules.consent_record_allowed(note="")
    assert not decision and "how consent was given" in decision.reason
    assert rules.consent_record_allowed(note="Signed form received")


class _User:
    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm):
        return perm in self.perms


def test_who_moderates_and_who_manages_members():
    moderator = _User("parliament.moderate_motion")
    decision = rules.user_can_moderate(_User())
    assert not decision and "moderators" in decision.reason
    assert rules.user_can_moderate(moderator)
    assert not rules.user_can_add_members(moderator)
    assert rules.user_can_add_members(_User("parliament.add_member"))
    assert not rules.user_can_manage_members(_User("parliament.add_member"))
    assert rules.user_can_manage_members(_User("parliament.change_member"))


@pytest.mark.parametrize(
    ("status", "public"),
    [
        (ProposalStatus.PROPOSED, False),
        (ProposalStatus.SECONDED, False),
        (ProposalStatus.REJECTED, False),
        (ProposalStatus.WITHDRAWN, False),
        (ProposalStatus.APPROVED, True),
        (ProposalStatus.CARRIED, True),
        (ProposalStatus.NOT_CARRIED, True),
    ],
)
def test_what_the_public_sees(status, public):
    assert rules.proposal_is_public(status) is public
    assert rules.proposal_visible(status=status, proposer_id=1, member_id=None) is public


def test_members_also_see_what_waits_for_a_seconder_and_their_own():
    def visible(status, member_id):
        return rules.proposal_visible(status=status, proposer_id=1, member_id=member_id)

    assert visible(ProposalStatus.PROPOSED, 2)
    assert not visible(ProposalStatus.SECONDED, 2)
    assert not visible(ProposalStatus.REJECTED, 2)
    assert visible(ProposalStatus.SECONDED, 1) and visible(ProposalStatus.REJECTED, 1)


def test_the_seconder_still_sees_what_they_seconded():
    def visible(status, member_id):
        return rules.proposal_visible(
            status=status, proposer_id=1, seconder_id=3, member_id=member_id
        )

    assert visible(ProposalStatus.SECONDED, 3) and visible(ProposalStatus.REJECTED, 3)
    assert not visible(ProposalStatus.SECONDED, 2)


def test_only_a_seconded_proposal_is_moderated_and_a_refusal_says_why():
    seconded = ProposalStatus.SECONDED
    assert rules.proposal_can_moderate(status=seconded, approve=True, note="")
    refusal = rules.proposal_can_moderate(status=seconded, approve=False, note=" ")
    assert not refusal and "Say why" in refusal.reason
    assert rules.proposal_can_moderate(status=seconded, approve=False, note="Duplicate")
    assert not rules.proposal_can_moderate(status=ProposalStatus.PROPOSED, approve=True, note="")


def test_only_a_public_motion_goes_on_an_agenda():
    assert rules.motion_can_go_on_agenda(status=ProposalStatus.APPROVED)
    assert not rules.motion_can_go_on_agenda(status=ProposalStatus.SECONDED)


def test_amendments_only_to_a_motion_in_debate_before_its_vote_is_set():
    assert rules.amendment_can_propose(motion_status=ProposalStatus.APPROVED, vote_set=False)
    set_already = rules.amendment_can_propose(motion_status=ProposalStatus.APPROVED, vote_set=True)
    assert not set_already and "no longer be amended" in set_already.reason
    assert not rules.amendment_can_propose(motion_status=ProposalStatus.CARRIED, vote_set=False)


OPENS = datetime(2026, 11, 22, 9, tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize("status", list(ProposalStatus))
def test_only_a_question_approved_for_debate_is_put_to_a_vote(status):
    assert rules.question_can_be_voted_on(status) is (status == ProposalStatus.APPROVED)


def test_voting_closes_after_it_opens():
    assert rules.division_window_allowed(opens_at=OPENS, closes_at=OPENS + timedelta(hours=1))
    assert not rules.division_window_allowed(opens_at=OPENS, closes_at=OPENS)


def _open_on(**overrides):
    values = dict(
        status=ProposalStatus.APPROVED,
        is_motion=True,
        already_set=False,
        amendments=[],
        opens_at=OPENS,
    )
    values.update(overrides)
    return rules.division_can_open_on(**values)


def test_a_vote_is_held_once_on_an_approved_question_after_its_amendments():
    assert _open_on()
    assert "approved" in _open_on(status=ProposalStatus.SECONDED).reason
    assert "already has a vote" in _open_on(already_set=True).reason
    assert "amendment already" in _open_on(is_motion=False, already_set=True).reason
    undecided = [(ProposalStatus.SECONDED, None)]
    assert "moderated before" in _open_on(amendments=undecided).reason
    no_vote_yet = [(ProposalStatus.APPROVED, None)]
    assert "voted on before" in _open_on(amendments=no_vote_yet).reason
    still_open = [(ProposalStatus.APPROVED, OPENS + timedelta(minutes=1))]
    assert "voted on before" in _open_on(amendments=still_open).reason
    closed_first = [(ProposalStatus.APPROVED, OPENS)]
    assert _open_on(amendments=closed_first)
    decided = [(ProposalStatus.CARRIED, None), (ProposalStatus.REJECTED, None)]
    assert _open_on(amendments=decided)
    # An amendment's own vote does not wait for other amendments.
    assert _open_on(is_motion=False, amendments=undecided)


def test_a_division_is_scheduled_open_being_counted_then_counted():
    closes = OPENS + timedelta(hours=8)

    def stage(now, counted_at=None):
        return rules.division_stage(
            opens_at=OPENS, closes_at=closes, counted_at=counted_at, now=now
        )

    assert stage(OPENS - timedelta(seconds=1)) == rules.DivisionStage.SCHEDULED
    assert stage(OPENS) == rules.DivisionStage.OPEN
    assert stage(closes) == rules.DivisionStage.BEING_COUNTED
    assert stage(closes, counted_at=closes) == rules.DivisionStage.COUNTED


def test_a_division_is_due_to_be_counted_once_it_has_closed_and_only_once():
    closes = OPENS + timedelta(hours=8)
    assert not rules.division_due_for_count(
        closes_at=closes, counted_at=None, now=closes - timedelta(seconds=1)
    )
    assert rules.division_due_for_count(closes_at=closes, counted_at=None, now=closes)
    assert not rules.division_due_for_count(
        closes_at=closes, counted_at=closes, now=closes + timedelta(hours=1)
    )


@pytest.mark.parametrize(
    ("ayes", "noes", "result"),
    [
        (2, 1, ProposalStatus.CARRIED),
        (1, 1, ProposalStatus.NOT_CARRIED),  # a tie does not carry
        (0, 0, ProposalStatus.NOT_CARRIED),  # nor do abstentions alone
        (1, 2, ProposalStatus.NOT_CARRIED),
    ],
)
def test_a_division_carries_on_more_ayes_than_noes(ayes, noes, result):
    assert rules.division_result(ayes=ayes, noes=noes) == result
    assert rules.division_carries(ayes=ayes, noes=noes) is (result == ProposalStatus.CARRIED)


def test_comments_only_on_a_motion_in_debate():
    assert rules.comment_can_post(motion_status=ProposalStatus.APPROVED)
    decision = rules.comment_can_post(motion_status=ProposalStatus.PROPOSED)
    assert not decision and "up for debate" in decision.reason


def test_a_comment_that_may_disclose_harm_never_appears_at_once():
    assert rules.comment_published_at_once(moderated_after=True, flagged=False)
    assert not rules.comment_published_at_once(moderated_after=True, flagged=True)
    assert not rules.comment_published_at_once(moderated_after=False, flagged=False)


def test_hiding_a_comment_says_why():
    assert rules.comment_can_moderate(publish=True, note="")
    assert not rules.comment_can_moderate(publish=False, note="")
    assert rules.comment_can_moderate(publish=False, note="Off topic")
