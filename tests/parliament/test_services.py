"""Members, motions, amendments, divisions and debate, through the services."""

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.roles import Role
from parliament import selectors, services
from parliament.models import (
    Comment,
    Division,
    Motion,
    ParliamentSettings,
    ProposalStatus,
    Vote,
)
from safeguarding.models import SafeguardingFlag
from tests.factories.parliament import (
    born,
    division_open,
    member_make,
    moderator,
    motion_approved,
)

pytestmark = pytest.mark.django_db


def test_a_new_member_gets_a_working_login_in_the_member_group():
    access = member_make(name="Ayo")
    user = authenticate(username=access.username, password=access.password)
    assert user == access.member.user
    assert user.groups.filter(name=Role.PARLIAMENT_MEMBER).exists()
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin")


def test_a_member_outside_11_to_17_is_refused_and_nothing_is_stored():
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="11 to 17"):
        services.member_create(
            display_name="Tiny",
            region="london",
            term_starts=today,
            term_ends=today + timedelta(days=100),
            date_of_birth=born(9),
            by=None,
        )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.exclude(username="moderator-editor").exists()


def test_resetting_access_replaces_the_password_and_is_logged():
    access = member_make()
    staff = moderator()
    new = services.member_access_reset(member=access.member, by=staff)
    assert authenticate(username=access.username, password=access.password) is None
    assert authenticate(username=access.username, password=new.password) is not None
    assert ModelLogEntry.objects.filter(action="parliament.reset_access", user=staff).exists()


def test_suspending_needs_a_reason_and_is_logged():
    member = member_make().member
    with pytest.raises(ValidationError):
        services.member_suspend(member=member, reason=" ", by=moderator())
    services.member_suspend(member=member, reason="Broke the code of conduct", by=moderator())
    member.refresh_from_db()
    assert member.is_suspended
    assert ModelLogEntry.objects.filter(action="parliament.suspend").count() == 1


def test_a_motion_is_public_only_after_seconding_and_moderation():
    proposer, seconder = member_make().member, member_make().member
    motion = services.motion_propose(
        member=proposer,
        title="Parks",
        text="Open parks later.",
        outcomes=["enjoying_and_achieving"],
    )
    assert motion not in selectors.motions_public()
    with pytest.raises(ValidationError, match="Another member"):
        services.proposal_second(member=proposer, proposal=motion)
    services.proposal_second(member=seconder, proposal=motion)
    assert motion not in selectors.motions_public()
    services.proposal_moderate(proposal=motion, approve=True, by=moderator())
    assert motion in selectors.motions_public()
    entry = ModelLogEntry.objects.get(action="parliament.approve")
    assert entry.object_id == str(motion.pk)


def test_only_moderators_moderate_and_a_refusal_needs_a_reason():
    motion = services.motion_propose(
        member=member_make().member, title="T", text="Words", outcomes=[]
    )
    services.proposal_second(member=member_make().member, proposal=motion)
    analyst = member_make().member.user  # a member is not a moderator
    with pytest.raises(PermissionDenied):
        services.proposal_moderate(proposal=motion, approve=True, by=analyst)
    with pytest.raises(ValidationError, match="why"):
        services.proposal_moderate(proposal=motion, approve=False, by=moderator())
    services.proposal_moderate(proposal=motion, approve=False, note="Duplicate", by=moderator())
    motion.refresh_from_db()
    assert motion.status == ProposalStatus.REJECTED


def test_unknown_outcomes_are_refused():
    with pytest.raises(ValidationError):
        services.motion_propose(
            member=member_make().member, title="T", text="W", outcomes=["being_rich"]
        )
    assert not Motion.objects.exists()


def test_amendments_are_decided_before_the_motion_and_a_carried_one_changes_its_words():
    motion = motion_approved()
    amendment = services.amendment_propose(
        member=member_make().member, motion=motion, text="Buses should be free for under 18s."
    )
    services.proposal_second(member=member_make().member, proposal=amendment)
    now = timezone.now()
    with pytest.raises(ValidationError, match="moderated"):
        services.division_schedule(
            question=motion, opens_at=now, closes_at=now + timedelta(hours=1), by=moderator()
        )
    services.proposal_moderate(proposal=amendment, approve=True, by=moderator())
    with pytest.raises(ValidationError, match="voted on before"):
        services.division_schedule(
            question=motion, opens_at=now, closes_at=now + timedelta(hours=1), by=moderator()
        )
    vote_on_amendment = division_open(amendment, hours=1)
    for _ in range(2):
        services.vote_cast(member=member_make().member, division=vote_on_amendment, choice="aye")
    services.division_count(division=vote_on_amendment, now=now + timedelta(hours=2))
    motion.refresh_from_db()
    assert motion.text == "Buses should be free for under 18s."
    assert motion.original_text != motion.text
    services.division_schedule(
        question=motion,
        opens_at=now + timedelta(hours=2),
        closes_at=now + timedelta(hours=3),
        by=moderator(),
    )


def test_a_member_votes_once_and_can_change_the_vote_while_it_is_open():
    division = division_open(motion_approved())
    member = member_make().member
    first = services.vote_cast(member=member, division=division, choice="aye")
    second = services.vote_cast(member=member, division=division, choice="no")
    assert not first.changed and second.changed
    assert Vote.objects.get(division=division, member=member).choice == "no"
    assert Vote.objects.filter(division=division).count() == 1


def test_no_vote_outside_the_window_or_while_suspended():
    division = division_open(motion_approved())
    member = member_make().member
    with pytest.raises(ValidationError, match="closed"):
        services.vote_cast(member=member, division=division, choice="aye", now=division.closes_at)
    services.member_suspend(member=member, reason="Paused", by=moderator())
    with pytest.raises(ValidationError, match="paused"):
        services.vote_cast(member=member, division=division, choice="aye")
    assert not Vote.objects.exists()


def test_results_with_counts_by_region_once_the_division_closes():
    motion = motion_approved()
    division = division_open(motion, hours=1)
    for region, choice in [("london", "aye"), ("london", "no"), ("north_east", "aye")]:
        services.vote_cast(
            member=member_make(region=region).member, division=division, choice=choice
        )
    services.division_count(division=division, now=timezone.now())  # still open: nothing
    division.refresh_from_db()
    assert division.counted_at is None and division.ayes == 0

    counted = services.divisions_count_due(now=division.closes_at)
    assert counted == 1
    division.refresh_from_db()
    assert (division.ayes, division.noes, division.abstentions) == (2, 1, 0)
    assert division.by_region["london"] == {"aye": 1, "no": 1, "abstain": 0}
    motion.refresh_from_db()
    assert motion.status == ProposalStatus.CARRIED
    assert list(selectors.resolutions()) == [motion]
    assert services.divisions_count_due(now=division.closes_at) == 0  # counted once


def test_a_tied_division_is_not_carried():
    motion = motion_approved()
    division = division_open(motion, hours=1)
    services.vote_cast(member=member_make().member, division=division, choice="aye")
    services.vote_cast(member=member_make().member, division=division, choice="no")
    services.division_count(division=division, now=division.closes_at)
    motion.refresh_from_db()
    assert motion.status == ProposalStatus.NOT_CARRIED
    assert not selectors.resolutions().exists()


def test_comments_wait_for_a_moderator_by_default_and_appear_at_once_after():
    motion = motion_approved()
    author = member_make().member
    held = services.comment_post(member=author, motion=motion, text="I agree with this.")
    assert held.comment.status == Comment.Status.PENDING
    assert held.comment not in selectors.comments_visible(motion=motion, member=None)

    settings = ParliamentSettings.load()
    settings.comment_moderation = ParliamentSettings.Moderation.AFTER
    settings.save()
    shown = services.comment_post(member=author, motion=motion, text="Buses should be cheaper.")
    assert not shown.flagged
    assert shown.comment.status == Comment.Status.PUBLISHED
    assert shown.comment in selectors.comments_visible(motion=motion, member=None)


def test_a_comment_that_may_disclose_harm_goes_to_the_safeguarding_queue_not_the_debate():
    settings = ParliamentSettings.load()
    settings.comment_moderation = ParliamentSettings.Moderation.AFTER
    settings.save()
    motion = motion_approved()
    result = services.comment_post(
        member=member_make().member,
        motion=motion,
        text="free buses would help cos i cant go home when my dad is drunk he hits me",
    )
    assert result.flagged
    assert result.comment.status == Comment.Status.PENDING  # held for a person, not dropped
    flag = SafeguardingFlag.objects.get(comment=result.comment)
    assert flag.status == SafeguardingFlag.Status.OPEN and flag.response is None
    assert flag.source == "Children's parliament comment"


def test_reports_reach_the_moderators_and_hiding_needs_a_reason_and_is_logged():
    motion = motion_approved()
    comment = services.comment_post(member=member_make().member, motion=motion, text="Rubbish idea")
    reporter = member_make().member
    services.comment_report(member=reporter, comment=comment.comment, reason="Unkind")
    services.comment_report(member=reporter, comment=comment.comment, reason="Again")
    assert comment.comment.reports.count() == 1  # one report per member
    with pytest.raises(ValidationError):
        services.comment_moderate(comment=comment.comment, publish=False, by=moderator())
    services.comment_moderate(
        comment=comment.comment, publish=False, note="Unkind to another member", by=moderator()
    )
    assert not comment.comment.reports.filter(resolved_at__isnull=True).exists()
    assert ModelLogEntry.objects.filter(action="parliament.hide").exists()


def test_one_division_per_motion():
    motion = motion_approved()
    division_open(motion)
    with pytest.raises(ValidationError, match="already"):
        division_open(motion)
    assert Division.objects.count() == 1


@pytest.mark.parametrize("name", ["Sam Jones", "Sam Jo", "sam smith-jones"])
def test_display_names_never_carry_a_surname(name):
    with pytest.raises(ValidationError, match="never a surname"):
        member_make(name=name)


@pytest.mark.parametrize("name", ["Sam", "Sam J", "Sam J.", "Ayo_22"])
def test_display_names_may_be_a_first_name_and_an_initial(name):
    assert member_make(name=name).member.display_name == name
