"""How long a login lasts: 30 minutes without activity, 10 hours in all; members' logins end
when the browser closes. The clock is moved by hand."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cms.roles import Role
from tests.factories.accounts import user_with_role
from tests.factories.parliament import member_make, parliament_page

pytestmark = pytest.mark.django_db

IDLE = "You have been logged out after 30 minutes without activity. Please log in again."
TOO_LONG = "You have been logged out because a login lasts at most 10 hours. Please log in again."


@pytest.fixture
def clock(monkeypatch):
    """Django's clock (sessions, their expiry, this app's own) set by the test."""
    now = {"at": timezone.now()}
    monkeypatch.setattr(timezone, "now", lambda: now["at"])

    def move(**delta):
        now["at"] += timedelta(**delta)

    return move


def _staff_client():
    client = Client()
    client.force_login(user_with_role(Role.CASEWORKER))
    return client


def test_a_staff_login_ends_after_30_minutes_without_activity(clock):
    client = _staff_client()
    clock(minutes=29)
    assert client.get("/admin/").status_code == 200
    clock(minutes=31)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert IDLE in response.content.decode()


def test_activity_keeps_a_login_but_not_past_10_hours(clock):
    client = _staff_client()
    for _ in range(29):  # every 20 minutes for 9 hours 40 minutes
        clock(minutes=20)
        assert client.get("/admin/").status_code == 200
    clock(minutes=19)
    assert client.get("/admin/").status_code == 200
    clock(minutes=2)  # 10 hours and 1 minute after logging in
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert TOO_LONG in response.content.decode()


def test_an_editor_left_open_does_not_keep_a_login_alive(clock):
    client = _staff_client()
    for _ in range(3):  # Wagtail's page editor pings by itself while it is open
        clock(minutes=10)
        client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    clock(minutes=1)
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


def test_a_members_login_ends_when_the_browser_closes_and_after_30_idle_minutes(clock):
    page = parliament_page()
    access = member_make()
    client = Client()
    response = client.post(
        page.url + "login/", {"username": access.username, "password": access.password}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")  # a cookie for this visit only
    clock(minutes=25)
    assert client.get(page.url + "motions/new/").status_code == 200
    clock(minutes=31)
    response = client.get(page.url + "motions/new/")
    assert response["Location"] == f"{page.url}login/?next={page.url}motions/new/"
