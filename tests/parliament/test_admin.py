"""Staff run the parliament in the Wagtail admin: members, sittings, moderation, priorities."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.roles import Role
from parliament import services
from parliament.models import (
    Comment,
    Division,
    Member,
    Motion,
    ParliamentSettings,
    ProposalStatus,
    Sitting,
)
from tests.factories.parliament import born, division_open, member_make, motion_approved

pytestmark = pytest.mark.django_db
ROLES = [
    Role.ANALYST,
    Role.SAFEGUARDING_LEAD,
    Role.CASEWORKER,
    Role.COMMISSIONER,
    Role.EDITOR,
    Role.CLERK,
    Role.PARLIAMENT_MEMBER,
]
ADMIN_HOME = "/admin/"
# Clerks use the admin too, for the submitted reports only (docs/adr/0017-*).
IN_THE_ADMIN = {*Role.STAFF, Role.CLERK}


def _client(role) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    user = get_user_model().objects.create_user(username=f"u-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def _assert_refused(response, role, url):
    """Anyone without the admin is sent to its login; staff without the permission are sent
    back to the admin's home with a message."""
    assert response.status_code == 302, (role, url, response.status_code)
    if role in IN_THE_ADMIN:
        assert response["Location"] == ADMIN_HOME, (role, url)
    else:
        assert response["Location"] == f"/admin/login/?next={url}", (role, url)


def _seconded_motion():
    motion = services.motion_propose(
        member=member_make().member,
        title="Quiet rooms",
        text="Every school needs one.",
        outcomes=[],
    )
    return services.proposal_second(member=member_make().member, proposal=motion)


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_who_reaches_each_parliament_screen(role):
    motion = _seconded_motion()
    member = member_make().member
    comment = services.comment_post(
        member=member, motion=motion_approved(), text="I agree."
    ).comment
    now = timezone.now()
    sitting = Sitting.objects.create(
        title="Spring sitting", starts_at=now, ends_at=now + timedelta(hours=2), place="Online"
    )
    settings_pk = ParliamentSettings.load().pk
    client = _client(role)
    editor = role == Role.EDITOR
    reads_priorities = role in (Role.EDITOR, Role.COMMISSIONER, Role.ANALYST)
    expected = {
        "/admin/parliament/members/": editor,
        "/admin/parliament/members/new/": editor,
        f"/admin/parliament/members/inspect/{member.pk}/": editor,
        f"/admin/parliament/members/edit/{member.pk}/": editor,
        f"/admin/parliament/members/{member.pk}/access/": editor,
        "/admin/parliament/sittings/": editor or role == Role.COMMISSIONER,
        "/admin/parliament/sittings/new/": editor,
        f"/admin/parliament/sittings/edit/{sitting.pk}/": editor,
        "/admin/parliament/motions/": reads_priorities,
        f"/admin/parliament/motions/inspect/{motion.pk}/": reads_priorities,
        f"/admin/parliament/motions/{motion.pk}/moderate/": editor,
        "/admin/parliament/comments/": editor,
        f"/admin/parliament/comments/{comment.pk}/moderate/": editor,
        "/admin/parliament/priorities/": reads_priorities,
        f"/admin/parliament/priorities/inspect/{motion.pk}/": reads_priorities,
        f"/admin/settings/parliament/parliamentsettings/{settings_pk}/": editor,
    }
    for url, allowed in expected.items():
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        else:
            _assert_refused(response, role, url)


def test_an_editor_adds_a_member_and_sees_the_login_once():
    client = _client(Role.EDITOR)
    today = timezone.localdate()
    response = client.post(
        "/admin/parliament/members/new/",
        {
            "display_name": "Zara",
            "region": "east_midlands",
            "term_starts": today.isoformat(),
            "term_ends": (today + timedelta(days=365)).isoformat(),
            "date_of_birth": born(12).isoformat(),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    member = Member.objects.get(display_name="Zara")
    assert member.user.username in html and "Password" in html
    assert "cannot log in until you record" in html  # under 13


def test_a_member_too_young_is_refused_in_the_admin_with_a_message():
    client = _client(Role.EDITOR)
    today = timezone.localdate()
    response = client.post(
        "/admin/parliament/members/new/",
        {
            "display_name": "Tiny",
            "region": "london",
            "term_starts": today.isoformat(),
            "term_ends": (today + timedelta(days=30)).isoformat(),
            "date_of_birth": date(today.year - 8, 1, 1).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "11 to 17" in response.content.decode()
    assert not Member.objects.exists()


def test_an_editor_records_consent_suspends_and_resets_access():
    access = member_make(age=12, consent=False)
    client = _client(Role.EDITOR)
    url = f"/admin/parliament/members/{access.member.pk}/access/"
    assert client.post(url, {"action": "consent", "note": ""}).status_code == 400
    assert client.post(url, {"action": "consent", "note": "Form signed by mum"}).status_code == 302
    assert client.post(url, {"action": "suspend", "note": "Code of conduct"}).status_code == 302
    access.member.refresh_from_db()
    assert access.member.guardian_consent_at and access.member.is_suspended
    response = client.post(url, {"action": "reset", "note": ""})
    assert response.status_code == 200 and access.username in response.content.decode()
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"parliament.consent", "parliament.suspend", "parliament.reset_access"} <= actions


def test_members_are_never_deleted_from_the_admin():
    member = member_make().member
    client = _client(Role.EDITOR)
    url = f"/admin/parliament/members/delete/{member.pk}/"
    _assert_refused(client.post(url), Role.EDITOR, url)
    assert Member.objects.filter(pk=member.pk).exists()


def test_an_editor_approves_a_motion_and_sets_the_votes_amendments_first():
    motion = _seconded_motion()
    client = _client(Role.EDITOR)
    url = f"/admin/parliament/motions/{motion.pk}/moderate/"
    response = client.post(url, {"form": "moderate", "decision": "reject", "note": ""})
    assert response.status_code == 400
    assert client.post(url, {"form": "moderate", "decision": "approve"}).status_code == 302
    motion.refresh_from_db()
    assert motion.status == ProposalStatus.APPROVED

    amendment = services.amendment_propose(
        member=member_make().member, motion=motion, text="Every school needs two."
    )
    services.proposal_second(member=member_make().member, proposal=amendment)
    now = timezone.now()
    window = {
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
    }
    response = client.post(url, {"form": "division", "question": f"motion-{motion.pk}", **window})
    assert response.status_code == 400
    assert "moderated before the motion" in response.content.decode()
    assert not Division.objects.exists()
    client.post(url, {"form": "moderate", "decision": "approve", "amendment": amendment.pk})
    assert (
        client.post(
            url, {"form": "division", "question": f"amendment-{amendment.pk}", **window}
        ).status_code
        == 302
    )
    assert Division.objects.get().amendment == amendment


def test_an_editor_hides_a_reported_comment_with_a_reason():
    motion = motion_approved()
    comment = services.comment_post(
        member=member_make().member, motion=motion, text="I agree."
    ).comment
    client = _client(Role.EDITOR)
    url = f"/admin/parliament/comments/{comment.pk}/moderate/"
    assert client.post(url, {"decision": "hide", "note": ""}).status_code == 400
    assert client.post(url, {"decision": "hide", "note": "Off topic"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert ModelLogEntry.objects.filter(action="parliament.hide").exists()


def test_priorities_list_carried_motions_only():
    carried, lost = motion_approved(title="Carried one"), motion_approved(title="Lost one")
    for motion, choice in [(carried, "aye"), (lost, "no")]:
        division = division_open(motion, hours=1)
        services.vote_cast(member=member_make().member, division=division, choice=choice)
        services.division_count(division=division, now=division.closes_at)
    html = _client(Role.COMMISSIONER).get("/admin/parliament/priorities/").content.decode()
    assert "Carried one" in html and "Lost one" not in html
    assert Motion.objects.get(title="Lost one").status == ProposalStatus.NOT_CARRIED


def test_the_safeguarding_lead_reads_a_flagged_comment_in_the_queue():
    from safeguarding.models import SafeguardingFlag

    result = services.comment_post(
        member=member_make(name="Kai").member,
        motion=motion_approved(title="Safer streets"),
        text="i agree but i cant go home tonight my stepdad hits me",
    )
    flag = SafeguardingFlag.objects.get(comment=result.comment)
    client = _client(Role.SAFEGUARDING_LEAD)
    assert "parliament comment" in client.get("/admin/safeguarding/").content.decode()
    html = client.get(f"/admin/safeguarding/inspect/{flag.pk}/").content.decode()
    assert "my stepdad hits me" in html and "Safer streets" in html and "Kai" in html
    url = f"/admin/safeguarding/inspect/{flag.pk}/"
    _assert_refused(_client(Role.EDITOR).get(url), Role.EDITOR, url)
