"""The parliament's public pages and members' actions, for every role."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone

from cms.roles import Role
from parliament import services
from parliament.models import Comment, Motion, ProposalStatus, Vote
from tests.factories.parliament import (
    division_open,
    member_make,
    moderator,
    motion_approved,
    parliament_page,
)

pytestmark = pytest.mark.django_db
STAFF_ROLES = [
    Role.ANALYST,
    Role.SAFEGUARDING_LEAD,
    Role.CASEWORKER,
    Role.COMMISSIONER,
    Role.EDITOR,
    Role.CLERK,
]


def _staff(role):
    user = get_user_model().objects.create_user(username=f"staff-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def page():
    return parliament_page()


@pytest.fixture
def motion(page):
    return motion_approved(title="Free buses for everyone")


def _public_urls(page, motion):
    return [
        page.url,
        page.url + "sittings/",
        page.url + "motions/",
        page.url + f"motions/{motion.pk}/",
        page.url + "members/",
        page.url + "login/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "member", *STAFF_ROLES])
def test_every_role_can_read_the_public_pages(page, motion, role):
    if role == "anonymous":
        client = Client()
    elif role == "member":
        client = _logged_in(member_make().member.user)
    else:
        client = _logged_in(_staff(role))
    for url in _public_urls(page, motion):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Free buses for everyone" in client.get(page.url + "motions/").content.decode()


@pytest.mark.parametrize("role", ["anonymous", *STAFF_ROLES])
def test_only_members_take_part(page, motion, role):
    client = Client() if role == "anonymous" else _logged_in(_staff(role))
    division = division_open(motion)
    for url in [
        page.url + "motions/new/",
        page.url + f"motions/{motion.pk}/amend/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(page.url + f"divisions/{division.pk}/vote/", {"choice": "aye"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Vote.objects.exists()


def test_members_see_no_surnames_birthdays_or_other_members_votes(page, motion):
    voter = member_make(name="Ayo").member
    division = division_open(motion)
    services.vote_cast(member=voter, division=division, choice="no")
    other = _logged_in(member_make(name="Jess").member.user)
    html = other.get(page.url + f"motions/{motion.pk}/").content.decode()
    assert "You voted" not in html  # only your own vote is ever shown
    assert "1 no" not in html and "Votes by region" not in html  # no running totals
    members_html = Client().get(page.url + "members/").content.decode()
    assert "Ayo" in members_html and str(voter.date_of_birth.year) not in members_html


def test_a_member_proposes_a_motion_which_stays_private_until_approved(page):
    member = member_make().member
    client = _logged_in(member.user)
    response = client.post(
        page.url + "motions/new/",
        {
            "title": "Later parks",
            "text": "Parks should shut at 9pm.",
            "outcomes": ["enjoying_and_achieving"],
        },
    )
    assert response.status_code == 302
    motion = Motion.objects.get(title="Later parks")
    assert motion.proposer == member and motion.status == ProposalStatus.PROPOSED
    assert Client().get(page.url + f"motions/{motion.pk}/").status_code == 404
    assert "Later parks" not in Client().get(page.url + "motions/").content.decode()

    seconder = _logged_in(member_make().member.user)
    assert seconder.post(page.url + f"motion/{motion.pk}/second/").status_code == 302
    motion.refresh_from_db()
    assert motion.status == ProposalStatus.SECONDED


def test_a_bad_motion_keeps_what_was_typed_and_says_what_is_wrong(page):
    client = _logged_in(member_make().member.user)
    response = client.post(
        page.url + "motions/new/", {"title": "", "text": "My words", "outcomes": ["nope"]}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "Give your motion a title." in html
    assert "My words" in html
    assert not Motion.objects.exists()


def test_proposers_cannot_second_their_own_motion(page):
    member = member_make().member
    motion = services.motion_propose(member=member, title="Mine", text="Words", outcomes=[])
    response = _logged_in(member.user).post(page.url + f"motion/{motion.pk}/second/")
    assert response.status_code == 400
    assert "Another member has to second" in response.content.decode()


def test_a_member_votes_changes_the_vote_and_sees_only_their_own(page, motion):
    member = member_make().member
    division = division_open(motion)
    client = _logged_in(member.user)
    url = page.url + f"divisions/{division.pk}/vote/"
    assert client.post(url, {"choice": "aye"}).status_code == 302
    assert client.post(url, {"choice": "abstain"}).status_code == 302
    assert Vote.objects.get().choice == "abstain"
    html = client.get(page.url + f"motions/{motion.pk}/").content.decode()
    assert "You voted <strong>Abstain</strong>" in html
    assert client.post(url, {"choice": "maybe"}).status_code == 400
    assert client.get(url).status_code == 405


def test_no_vote_after_the_division_closes_and_results_show_by_region(page, motion):
    voter = member_make(region="north_east").member
    division = division_open(motion, hours=1)
    services.vote_cast(member=voter, division=division, choice="aye")
    division.closes_at = timezone.now() - timedelta(seconds=1)
    division.save()
    late = _logged_in(member_make().member.user)
    response = late.post(page.url + f"divisions/{division.pk}/vote/", {"choice": "no"})
    assert response.status_code == 403 and "Voting has closed" in response.content.decode()
    html = Client().get(page.url + f"motions/{motion.pk}/").content.decode()
    assert "Carried" in html and "Votes by region" in html
    assert Vote.objects.count() == 1


def test_a_suspended_member_is_told_and_cannot_vote(page, motion):
    member = member_make().member
    division = division_open(motion)
    client = _logged_in(member.user)
    services.member_suspend(member=member, reason="Paused", by=moderator())
    response = client.post(page.url + f"divisions/{division.pk}/vote/", {"choice": "aye"})
    assert response.status_code == 403 and "paused" in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_racing_votes_from_one_member_store_one_vote(site_tree):
    page = parliament_page()
    division = division_open(motion_approved())
    member = member_make().member
    url = page.url + f"divisions/{division.pk}/vote/"
    clients = [_logged_in(member.user), _logged_in(member.user)]
    start = threading.Barrier(2)
    statuses = []

    def vote(client, choice):
        try:
            start.wait()
            statuses.append(client.post(url, {"choice": choice}).status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=vote, args=(clients[0], "aye")),
        threading.Thread(target=vote, args=(clients[1], "no")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [302, 302]
    assert Vote.objects.filter(division=division, member=member).count() == 1


def test_member_login_on_the_public_site(page):
    access = member_make()
    client = Client()
    response = client.post(
        page.url + "login/", {"username": access.username, "password": access.password}
    )
    assert response.status_code == 302 and response["Location"] == page.url
    assert client.get(page.url + "motions/new/").status_code == 200
    assert client.get("/admin/").status_code == 302  # members never reach the admin
    assert client.post(page.url + "logout/").status_code == 302
    assert client.get(page.url + "motions/new/").status_code == 302


def test_a_member_under_13_cannot_log_in_until_consent_is_recorded(page):
    access = member_make(age=12, consent=False)
    data = {"username": access.username, "password": access.password}
    response = Client().post(page.url + "login/", data)
    assert response.status_code == 400
    assert "parent or carer" in response.content.decode()
    services.member_consent_record(member=access.member, note="Signed form", by=moderator())
    assert Client().post(page.url + "login/", data).status_code == 302


def test_staff_logins_do_not_work_on_the_members_page(page):
    _staff(Role.EDITOR)
    response = Client().post(page.url + "login/", {"username": "staff-editor", "password": "pw"})
    assert response.status_code == 400
    assert "members of the children" in response.content.decode()


def test_guessing_passwords_is_stopped(page, settings):
    settings.MEMBER_LOGIN_RATE_LIMIT = "3/m"
    access = member_make()
    client = Client()
    for _ in range(3):
        client.post(page.url + "login/", {"username": access.username, "password": "wrong"})
    response = client.post(
        page.url + "login/", {"username": access.username, "password": access.password}
    )
    assert response.status_code == 429


def test_a_worrying_comment_gets_help_on_screen_and_reaches_the_safeguarding_queue(page, motion):
    client = _logged_in(member_make().member.user)
    response = client.post(
        page.url + f"motions/{motion.pk}/comment/",
        {"text": "i agree but i cant go home tonight my stepdad hits me"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Are you safe?" in html and "0800 1111" in html
    comment = Comment.objects.get()
    assert comment.safeguarding_flag.status == "open"
    assert comment.status == Comment.Status.PENDING


def test_an_empty_comment_is_refused_with_a_message(page, motion):
    client = _logged_in(member_make().member.user)
    response = client.post(page.url + f"motions/{motion.pk}/comment/", {"text": "  "})
    assert response.status_code == 400
    assert "Write your comment first." in response.content.decode()
    assert not Comment.objects.exists()


def test_members_report_published_comments(page, motion):
    author = member_make().member
    comment = services.comment_post(member=author, motion=motion, text="I agree.").comment
    services.comment_moderate(comment=comment, publish=True, by=moderator())
    client = _logged_in(member_make().member.user)
    assert client.get(page.url + f"comments/{comment.pk}/report/").status_code == 200
    response = client.post(page.url + f"comments/{comment.pk}/report/", {"reason": "Rude"})
    assert response.status_code == 302
    assert comment.reports.get().reason == "Rude"


def test_a_member_changes_the_password_staff_gave_them(page):
    access = member_make()
    client = Client()
    client.post(page.url + "login/", {"username": access.username, "password": access.password})
    url = page.url + "password/"
    assert client.get(url).status_code == 200
    bad = {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}
    assert client.post(url, bad).status_code == 400
    new = "purple-otter-kite-93"
    good = {"old_password": access.password, "new_password1": new, "new_password2": new}
    assert client.post(url, good).status_code == 302
    assert client.get(page.url + "motions/new/").status_code == 200  # still logged in
    assert authenticate(username=access.username, password=new) is not None
    assert Client().get(url).status_code == 302  # only for a logged-in member
