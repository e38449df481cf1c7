"""Wrong passwords on the staff login pages lock the account, and the address, for a while;
an administrator can lift a lock. Members' own login page has its own limit instead."""

import pytest
from django.core.management import call_command
from django.test import Client

from cms.roles import Role
from tests.factories.accounts import PASSWORD, user_with_role
from tests.factories.parliament import member_make, parliament_page

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed logins"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 10


def _try(client, username, password, url="/admin/login/", address="127.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def _guess_wrong(client, username, times=10, **where):
    for _ in range(times):
        _try(client, username, "not-the-password", **where)


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_the_right_password_after_many_wrong_ones_is_refused_with_a_clear_message(url):
    user_with_role(Role.EDITOR, username="editor")
    client = Client()
    _guess_wrong(client, "editor", times=30, url=url)
    response = _try(client, "editor", PASSWORD, url=url)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "ask an administrator to lift the lock" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nine_wrong_passwords_still_let_the_right_one_in():
    user_with_role(Role.EDITOR, username="editor")
    client = Client()
    _guess_wrong(client, "editor", times=9)
    assert _try(client, "editor", PASSWORD)["Location"] == "/admin/"


def test_an_account_is_locked_whichever_address_the_guesses_come_from():
    user_with_role(Role.EDITOR, username="editor")
    for n in range(10):
        _try(Client(), "editor", "wrong", address=f"10.0.0.{n + 1}")
    response = _try(Client(), "editor", PASSWORD, address="10.9.9.9")
    assert response.status_code == 429


def test_look_alike_spellings_of_a_username_count_as_one_account():
    user_with_role(Role.EDITOR, username="editor")
    spellings = ["EDITOR", "Editor", "ｅｄｉｔｏｒ", "ＥＤＩＴＯＲ", "editor"] * 2
    for n, spelling in enumerate(spellings):
        _try(Client(), spelling, "wrong", address=f"10.0.1.{n + 1}")
    assert _try(Client(), "editor", PASSWORD, address="10.9.9.9").status_code == 429


def test_an_address_guessing_at_many_accounts_is_locked_but_others_are_not():
    user_with_role(Role.EDITOR, username="editor")
    for n in range(10):
        _try(Client(), f"someone-{n}", "wrong", address="192.0.2.7")
    assert _try(Client(), "editor", PASSWORD, address="192.0.2.7").status_code == 429
    assert _try(Client(), "editor", PASSWORD, address="192.0.2.8")["Location"] == "/admin/"


def test_an_administrator_lifts_an_accounts_lock():
    user_with_role(Role.EDITOR, username="editor")
    for n in range(10):
        _try(Client(), "editor", "wrong", address=f"10.0.2.{n + 1}")
    assert _try(Client(), "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor")
    assert _try(Client(), "editor", PASSWORD)["Location"] == "/admin/"


def test_an_administrator_lifts_an_addresss_lock():
    user_with_role(Role.EDITOR, username="editor")
    for n in range(10):
        _try(Client(), f"someone-{n}", "wrong", address="192.0.2.9")
    assert _try(Client(), "editor", PASSWORD, address="192.0.2.9").status_code == 429
    call_command("axes_reset_ip", "192.0.2.9")
    assert _try(Client(), "editor", PASSWORD, address="192.0.2.9")["Location"] == "/admin/"


def test_a_classroom_mistyping_on_the_members_page_does_not_lock_out_the_address():
    page = parliament_page()
    access = member_make()
    user_with_role(Role.EDITOR, username="editor")
    for n in range(12):
        _try(Client(), f"pupil-{n}", "wrong", url=page.url + "login/", address="198.51.100.4")
    response = _try(
        Client(), access.username, access.password, url=page.url + "login/", address="198.51.100.4"
    )
    assert response.status_code == 302
    assert _try(Client(), "editor", PASSWORD, address="198.51.100.4")["Location"] == "/admin/"
