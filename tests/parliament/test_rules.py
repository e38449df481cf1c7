"""The parliament's rules, each refusal with the reason a member is shown."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from parliament import rules
from parliament.models import ProposalStatus


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
