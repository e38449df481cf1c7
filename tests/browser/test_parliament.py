"""A member of the children's parliament on a phone, in real Chromium, with axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from parliament import services
from parliament.models import Division, Motion, Sitting, Vote
from tests.factories.parliament import (
    division_open,
    member_make,
    moderator,
    motion_approved,
    parliament_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _check(page, assert_accessible):
    assert_accessible(page)
    assert _fits_the_screen(page)


def test_a_member_logs_in_votes_and_proposes_on_a_phone(live_server, phone, assert_accessible):
    home = parliament_page()
    voting = motion_approved(title="A counsellor in every school")
    division_open(voting)
    now = timezone.now()
    sitting = Sitting.objects.create(
        title="Spring sitting", starts_at=now, ends_at=now + timedelta(hours=2), place="Online"
    )
    services.motion_schedule(motion=voting, sitting=sitting, order=1, by=moderator())
    decided = motion_approved(title="Free buses")
    closed = division_open(decided, hours=1)
    services.vote_cast(
        member=member_make(region="north_west").member, division=closed, choice="aye"
    )
    services.division_count(division=closed, now=closed.closes_at + timedelta(seconds=1))
    counting = motion_approved(title="Longer lunch breaks")
    uncounted = division_open(counting, hours=1)
    Division.objects.filter(pk=uncounted.pk).update(closes_at=now)
    access = member_make(name="Sam")

    for path in ["", "sittings/", f"sittings/{sitting.pk}/", "motions/", "members/"]:
        phone.goto(live_server.url + home.url + path)
        _check(phone, assert_accessible)
    phone.goto(live_server.url + home.url + f"motions/{counting.pk}/")
    _check(phone, assert_accessible)
    assert "The votes are being counted" in phone.content()
    phone.goto(live_server.url + home.url + f"motions/{decided.pk}/")
    _check(phone, assert_accessible)
    assert "Votes by region" in phone.content()

    phone.goto(live_server.url + home.url + "login/")
    _check(phone, assert_accessible)
    phone.get_by_label("Username").fill(access.username)
    phone.get_by_label("Password").fill("not the password")
    phone.get_by_role("button", name="Log in").click()
    assert "There is a problem" in phone.get_by_role("alert").inner_text()
    _check(phone, assert_accessible)
    phone.get_by_label("Password").fill(access.password)
    phone.get_by_role("button", name="Log in").click()
    assert "Log out (Sam)" in phone.content()
    phone.get_by_role("link", name="Change password").click()
    _check(phone, assert_accessible)
    phone.go_back()

    phone.get_by_role("link", name="A counsellor in every school").first.click()
    _check(phone, assert_accessible)
    phone.get_by_label("Aye (for)").check()
    phone.get_by_role("button", name="Vote").click()
    assert "Your vote has been recorded." in phone.content()
    assert "You voted" in phone.content()
    _check(phone, assert_accessible)
    assert Vote.objects.get(member=access.member).choice == "aye"

    phone.get_by_role("link", name="Propose a motion").click()
    phone.get_by_label("Your motion").fill("This parliament believes parks should open later.")
    phone.get_by_role("button", name="Save my motion").click()
    assert "Give your motion a title." in phone.get_by_role("alert").inner_text()
    _check(phone, assert_accessible)
    phone.get_by_label("Title").fill("Parks open later")
    phone.get_by_role("button", name="Save my motion").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Parks open later"
    _check(phone, assert_accessible)
    assert Motion.objects.get(title="Parks open later").proposer == access.member


def test_voting_works_without_javascript(live_server, phone_without_javascript):
    home = parliament_page()
    motion = motion_approved(title="Hot meals")
    division = division_open(motion)
    access = member_make()
    page = phone_without_javascript
    page.goto(live_server.url + home.url + "login/")
    page.get_by_label("Username").fill(access.username)
    page.get_by_label("Password").fill(access.password)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + home.url + f"motions/{motion.pk}/")
    page.get_by_label("No (against)").check()
    page.get_by_role("button", name="Vote").click()
    assert Vote.objects.get(division=division).choice == "no"


def test_a_member_seconds_a_motion_and_still_finds_it(live_server, phone, assert_accessible):
    home = parliament_page()
    proposer = member_make(name="Ada").member
    motion = services.motion_propose(
        member=proposer,
        title="Water fountains in every park",
        text="This parliament believes every park should have a water fountain.",
        outcomes=["being_healthy"],
    )
    other = services.motion_propose(
        member=proposer,
        title="Later buses",
        text="This parliament believes buses should run later.",
        outcomes=["economic_wellbeing"],
    )
    access = member_make(name="Bo")
    phone.goto(live_server.url + home.url + "login/")
    phone.get_by_label("Username").fill(access.username)
    phone.get_by_label("Password").fill(access.password)
    phone.get_by_role("button", name="Log in").click()

    phone.goto(live_server.url + home.url + f"motions/{motion.pk}/")
    phone.get_by_role("button", name="Second this motion").click()

    assert phone.get_by_role("heading", level=1).inner_text() == "Water fountains in every park"
    assert "Thank you for seconding" in phone.content()
    assert "Seconded by" in phone.content() and "Bo" in phone.locator("dl").inner_text()
    _check(phone, assert_accessible)
    phone.goto(live_server.url + home.url + "motions/")
    mine = phone.locator("section", has=phone.get_by_role("heading", name="seconded"))
    assert "Water fountains in every park" in mine.inner_text()
    phone.goto(live_server.url + home.url + f"motions/{other.pk}/")
    assert "Thank you for seconding" not in phone.content()
