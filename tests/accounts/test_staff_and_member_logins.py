"""Members log in on the parliament's page only, staff on the staff pages only; the member
login limit holds across processes and look-alike spellings of a username."""

import pytest
from django.test import Client

from cms.roles import Role
from tests.factories.accounts import PASSWORD, user_with_role
from tests.factories.parliament import member_make, parliament_page

pytestmark = pytest.mark.django_db

NO_MATCH = "That username and password do not match."


@pytest.fixture
def page():
    return parliament_page()


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_members_cannot_log_in_on_the_staff_login_pages(url):
    access = member_make()
    client = Client()
    response = client.post(url, {"username": access.username, "password": access.password})
    assert response.status_code == 200
    assert "match. Please try again." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_still_log_in_on_the_private_pages_login():
    user_with_role(Role.CLERK, username="clerk")
    response = Client().post(
        "/_util/login/", {"username": "clerk", "password": PASSWORD, "next": "/"}
    )
    assert (response.status_code, response["Location"]) == (302, "/")


def test_a_staff_password_on_the_members_page_gets_the_same_answer_as_a_wrong_one(page):
    user_with_role(Role.EDITOR, username="editor")
    right = Client().post(page.url + "login/", {"username": "editor", "password": PASSWORD})
    wrong = Client().post(page.url + "login/", {"username": "editor", "password": "wrong"})
    assert (right.status_code, wrong.status_code) == (400, 400)
    assert NO_MATCH in right.content.decode() and NO_MATCH in wrong.content.decode()
    assert "members of the children's parliament only" not in right.content.decode()


def test_a_member_logs_in_with_their_username_typed_as_a_phone_might(page):
    access = member_make(name="Sam")
    typed = access.username.capitalize()  # a phone's keyboard starts with a capital
    response = Client().post(page.url + "login/", {"username": typed, "password": access.password})
    assert (response.status_code, response["Location"]) == (302, page.url)


def _wrong(client, page, username):
    return client.post(page.url + "login/", {"username": username, "password": "wrong"})


def test_the_member_login_limit_is_not_reset_by_another_process(page, settings):
    settings.MEMBER_LOGIN_RATE_LIMIT = "3/15m"
    # As deployed: one shared cache, the only place a process keeps the count.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "x"}
    }
    access = member_make()
    client = Client()
    for _ in range(3):
        _wrong(client, page, access.username)
    # Another web process, with its own client and no memory of its own, sees the same count.
    response = Client().post(
        page.url + "login/", {"username": access.username, "password": access.password}
    )
    assert response.status_code == 429
    assert "Too many tries." in response.content.decode()


def test_a_look_alike_username_does_not_get_round_the_member_login_limit(page, settings):
    settings.MEMBER_LOGIN_RATE_LIMIT = "3/15m"
    access = member_make(name="Alex")
    look_alike = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in access.username)
    for spelling in [access.username, access.username.upper(), look_alike]:
        _wrong(Client(), page, spelling)
    response = Client().post(
        page.url + "login/", {"username": look_alike, "password": access.password}
    )
    assert response.status_code == 429


def test_new_members_usernames_are_stored_in_the_one_spelling_logins_look_up():
    access = member_make(name="ÉLODIE")
    assert access.username.startswith("elodie-")
    assert access.member.user.username == access.username
