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
from parliament import services, tasks
from parliament.models import Comment, Division, Motion, ProposalStatus, Sitting, Vote
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


@pytest.fixture
def sitting(motion):
    now = timezone.now()
    sitting = Sitting.objects.create(
        title="Spring sitting",
        starts_at=now + timedelta(days=10),
        ends_at=now + timedelta(days=10, hours=2),
        place="Online",
        summary="Travel and school meals.",
    )
    services.motion_schedule(motion=motion, sitting=sitting, order=1, by=moderator())
    return sitting


def _client_for(role) -> Client:
    if role == "anonymous":
        return Client()
    if role == "member":
        return _logged_in(member_make().member.user)
    return _logged_in(_staff(role))


def _public_urls(page, motion, sitting):
    return [
        page.url,
        page.url + "sittings/",
        page.url + f"sittings/{sitting.pk}/",
        page.url + "motions/",
        page.url + f"motions/{motion.pk}/",
        page.url + "members/",
        page.url + "login/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "member", *STAFF_ROLES])
def test_every_role_can_read_the_public_pages(page, motion, sitting, role):
    client = _client_for(role)
    for url in _public_urls(page, motion, sitting):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Free buses for everyone" in client.get(page.url + "motions/").content.decode()


def test_the_public_sees_a_sittings_agenda_at_its_address(page, motion, sitting):
    later = motion_approved(title="Hot school meals")
    services.motion_schedule(motion=later, sitting=sitting, order=2, by=moderator())
    waiting = services.motion_propose(
        member=member_make().member, title="Parks open later", text="Words", outcomes=[]
    )
    Motion.objects.filter(pk=waiting.pk).update(sitting=sitting)  # never public, even so
    motion_approved(title="Not on this agenda")

    url = page.url + f"sittings/{sitting.pk}/"
    assert url in Client().get(page.url + "sittings/").content.decode()
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Spring sitting</h1>" in html and "Online" in html
    assert "Travel and school meals." in html
    agenda = html[html.index("<h2>Agenda</h2>") :]
    assert agenda.index("Free buses for everyone") < agenda.index("Hot school meals")
    assert page.url + f"motions/{motion.pk}/" in agenda
    assert "Parks open later" not in html and "Not on this agenda" not in html
    assert Client().get(page.url + f"sittings/{sitting.pk + 1}/").status_code == 404


def _taking_part(page, motion):
    """Every members-only route once: (method, url, data, the status a member gets)."""
    division = division_open(motion)
    proposed = services.motion_propose(
        member=member_make().member, title="Later parks", text="Words", outcomes=[]
    )
    amendment = services.amendment_propose(
        member=member_make().member, motion=motion_approved(), text="New words"
    )
    comment = services.comment_post(member=member_make().member, motion=motion, text="I agree.")
    services.comment_moderate(comment=comment.comment, publish=True, by=moderator())
    return [
        ("get", "motions/new/", None, 200),
        ("get", f"motions/{motion.pk}/amend/", None, 200),
        ("post", f"motions/{motion.pk}/comment/", {"text": "Yes to this."}, 302),
        ("post", f"motion/{proposed.pk}/second/", {}, 302),
        ("post", f"amendment/{amendment.pk}/second/", {}, 302),
        ("get", f"comments/{comment.comment.pk}/report/", None, 200),
        ("post", f"comments/{comment.comment.pk}/report/", {"reason": "Unkind"}, 302),
        ("post", f"divisions/{division.pk}/vote/", {"choice": "aye"}, 302),
        ("get", "password/", None, 200),
    ]


@pytest.mark.parametrize("role", ["anonymous", *STAFF_ROLES])
def test_only_members_take_part(page, motion, role):
    client = _client_for(role)
    for method, path, data, _ in _taking_part(page, motion):
        url = page.url + path
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (method, url)
        assert response["Location"] == f"{page.url}login/?next={url}", (method, url)
    assert not Vote.objects.exists()
    assert Comment.objects.count() == 1 and not Comment.objects.get().reports.exists()


def test_a_member_reaches_every_members_route(page, motion):
    client = _client_for("member")
    for method, path, data, status in _taking_part(page, motion):
        response = getattr(client, method)(page.url + path, data)
        assert response.status_code == status, (method, path, response.status_code)
    assert Vote.objects.count() == 1 and Comment.objects.count() == 2


def test_a_suspended_member_is_told_why_on_every_members_route(page, motion):
    member = member_make().member
    client = _logged_in(member.user)
    routes = _taking_part(page, motion)
    services.member_suspend(member=member, reason="Paused", by=moderator())
    for method, path, data, _ in routes:
        response = getattr(client, method)(page.url + path, data)
        assert response.status_code == 403, (method, path)
        assert "Your membership is paused" in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "member", *STAFF_ROLES])
def test_anyone_logged_in_can_log_out_and_only_by_posting(page, role):
    client = _client_for(role)
    assert client.get(page.url + "logout/").status_code == 405
    response = client.post(page.url + "logout/")
    assert response.status_code == 302 and response["Location"] == page.url


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


def test_the_second_button_is_offered_to_other_members_only(page):
    proposer = member_make().member
    motion = services.motion_propose(member=proposer, title="Mine", text="Words", outcomes=[])
    url = page.url + f"motions/{motion.pk}/"
    assert "Second this motion" not in _logged_in(proposer.user).get(url).content.decode()
    other = _logged_in(member_make().member.user)
    assert "Second this motion" in other.get(url).content.decode()
    assert "Second this motion" not in Client().get(url).content.decode()


def test_proposers_cannot_second_their_own_motion(page):
    member = member_make().member
    motion = services.motion_propose(member=member, title="Mine", text="Words", outcomes=[])
    response = _logged_in(member.user).post(page.url + f"motion/{motion.pk}/second/")
    assert response.status_code == 400
    assert "Another member has to second" in response.content.decode()


def test_a_seconder_lands_on_the_motion_they_seconded_and_keeps_it_in_their_list(page):
    motion = services.motion_propose(
        member=member_make().member, title="Later buses", text="Words", outcomes=[]
    )
    client = _logged_in(member_make().member.user)
    response = client.post(page.url + f"motion/{motion.pk}/second/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == page.url + f"motions/{motion.pk}/"
    assert "Thank you for seconding" in response.content.decode()
    listed = client.get(page.url + "motions/").context["mine"]
    assert [m.pk for m in listed] == [motion.pk]


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


def test_a_closed_division_is_being_counted_until_its_task_counts_it(page, motion):
    voter = member_make(region="north_east").member
    division = division_open(motion, hours=1)
    services.vote_cast(member=voter, division=division, choice="aye")
    Division.objects.filter(pk=division.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    late = _logged_in(member_make().member.user)
    response = late.post(page.url + f"divisions/{division.pk}/vote/", {"choice": "no"})
    assert response.status_code == 403 and "Voting has closed" in response.content.decode()
    assert Vote.objects.count() == 1

    # Reading the pages counts nothing: they say the votes are being counted.
    html = Client().get(page.url + f"motions/{motion.pk}/").content.decode()
    assert "The votes are being counted" in html
    assert "Carried" not in html and "Votes by region" not in html
    assert "The votes are being counted" in Client().get(page.url).content.decode()
    division.refresh_from_db()
    motion.refresh_from_db()
    assert division.counted_at is None and motion.status == ProposalStatus.APPROVED

    assert tasks.divisions_count_task() == 1
    html = Client().get(page.url + f"motions/{motion.pk}/").content.decode()
    assert "Carried" in html and "Votes by region" in html
    assert "being counted" not in html
    assert "1 aye, 0 no, 0 abstained" in Client().get(page.url).content.decode()


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
