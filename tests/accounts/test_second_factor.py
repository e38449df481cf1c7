"""The code step after the password, for everyone who can read children's words or casework,
and setting up an authenticator app in the admin. Logins here go through the login page
itself, so the sessions start unverified."""

import base64
import re

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.roles import Role
from tests.factories.accounts import (
    PASSWORD,
    authenticator_for,
    code_now,
    code_wrong,
    user_with_role,
)

pytestmark = pytest.mark.django_db

SENSITIVE = [Role.SAFEGUARDING_LEAD, Role.CASEWORKER, Role.COMMISSIONER, "superuser"]
CODE_STEP = "/admin/login/code/"
SET_UP = "/admin/account/second-factor/"
# A screen each sensitive role can open once fully logged in.
SCREEN = {
    Role.SAFEGUARDING_LEAD: "/admin/safeguarding/",
    Role.CASEWORKER: "/admin/inquiries/",
    Role.COMMISSIONER: "/admin/inquiries/",
    "superuser": "/admin/safeguarding/",
}


def _password_login(user) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": user.get_username(), "password": PASSWORD})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    return client


@pytest.mark.parametrize("role", SENSITIVE)
def test_after_the_password_a_sensitive_role_reaches_only_the_code_step(role):
    user = user_with_role(role)
    authenticator_for(user)
    client = _password_login(user)
    for url in ["/admin/", SCREEN[role], SET_UP, "/admin/account/"]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, f"{CODE_STEP}?next={url}")
    page = client.get(f"{CODE_STEP}?next={SCREEN[role]}")
    assert page.status_code == 200
    assert "Enter the code from your authenticator app" in page.content.decode()


@pytest.mark.parametrize("role", SENSITIVE)
def test_a_wrong_code_is_refused_and_the_screens_stay_shut(role):
    user = user_with_role(role)
    device = authenticator_for(user)
    client = _password_login(user)
    response = client.post(CODE_STEP, {"otp_token": code_wrong(device), "next": SCREEN[role]})
    assert response.status_code == 400
    assert "That code did not work." in response.content.decode()
    assert client.get(SCREEN[role])["Location"] == f"{CODE_STEP}?next={SCREEN[role]}"


@pytest.mark.parametrize("role", SENSITIVE)
def test_the_right_code_opens_the_screens(role):
    user = user_with_role(role)
    device = authenticator_for(user)
    client = _password_login(user)
    key_before = client.session.session_key
    response = client.post(CODE_STEP, {"otp_token": code_now(device), "next": SCREEN[role]})
    assert (response.status_code, response["Location"]) == (302, SCREEN[role])
    assert client.get(SCREEN[role]).status_code == 200
    assert client.session.session_key != key_before  # a finished login gets a new key


def test_a_code_typed_with_a_space_as_apps_show_it_is_accepted():
    user = user_with_role(Role.CASEWORKER)
    device = authenticator_for(user)
    client = _password_login(user)
    code = code_now(device)
    response = client.post(CODE_STEP, {"otp_token": f"{code[:3]} {code[3:]}"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_code_cannot_be_used_twice():
    user = user_with_role(Role.CASEWORKER)
    device = authenticator_for(user)
    code = code_now(device)
    assert _password_login(user).post(CODE_STEP, {"otp_token": code}).status_code == 302
    assert _password_login(user).post(CODE_STEP, {"otp_token": code}).status_code == 400


@pytest.mark.parametrize("role", SENSITIVE)
def test_a_sensitive_role_without_an_authenticator_must_set_one_up_first(role):
    user = user_with_role(role)
    client = _password_login(user)
    response = client.get(SCREEN[role])
    assert (response.status_code, response["Location"]) == (302, f"{SET_UP}?next={SCREEN[role]}")
    assert client.get(CODE_STEP)["Location"] == f"{SET_UP}?next=/admin/"


def _secret_on(page: str) -> str:
    return re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page)[1].replace(" ", "")


def test_setting_up_shows_a_qr_code_and_the_key_and_the_first_code_lets_the_person_in():
    user = user_with_role(Role.SAFEGUARDING_LEAD)
    client = _password_login(user)
    page = client.get(f"{SET_UP}?next=/admin/safeguarding/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "your login needs a second factor" in html
    qr = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)[1]
    assert b"<svg" in base64.b64decode(qr)
    device = TOTPDevice.objects.get(user=user)
    assert base64.b32decode(_secret_on(html)) == device.bin_key
    # Shown again, the page offers the same key: a reload does not break a half-done set-up.
    assert _secret_on(client.get(SET_UP).content.decode()) == _secret_on(html)
    done = client.post(SET_UP, {"code": code_now(device), "next": "/admin/safeguarding/"})
    assert (done.status_code, done["Location"]) == (302, "/admin/safeguarding/")
    assert client.get("/admin/safeguarding/").status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_setting_up_refuses_a_wrong_first_code():
    user = user_with_role(Role.CASEWORKER)
    client = _password_login(user)
    client.get(SET_UP)
    refused = client.post(SET_UP, {"code": code_wrong(TOTPDevice.objects.get(user=user))})
    assert refused.status_code == 400
    assert "That code did not work." in refused.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/")["Location"] == f"{SET_UP}?next=/admin/"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.EDITOR])
def test_other_staff_log_in_with_the_password_alone_and_may_set_up_a_code(role):
    user = user_with_role(role)
    client = _password_login(user)
    assert client.get("/admin/").status_code == 200
    page = client.get(SET_UP)
    assert "You may add a second factor" in page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert client.post(SET_UP, {"code": code_now(device)}).status_code == 302
    # From now on their login asks for a code too.
    again = _password_login(user)
    assert again.get("/admin/")["Location"] == f"{CODE_STEP}?next=/admin/"


def test_staff_who_chose_a_code_may_stop_and_sensitive_roles_may_not():
    editor = user_with_role(Role.EDITOR)
    authenticator_for(editor)
    client = Client()
    client.force_login(editor)
    assert client.post(SET_UP, {"action": "remove"})["Location"] == SET_UP
    assert not TOTPDevice.objects.filter(user=editor).exists()

    lead = user_with_role(Role.SAFEGUARDING_LEAD)
    client.force_login(lead)
    page = client.get(SET_UP).content.decode()
    assert "Stop asking me for a code" not in page
    client.post(SET_UP, {"action": "remove"})
    assert TOTPDevice.objects.filter(user=lead, confirmed=True).exists()


def test_the_code_step_sends_anyone_not_logged_in_to_the_login_page():
    response = Client().get(CODE_STEP)
    assert (response.status_code, response["Location"]) == (302, "/admin/login/")
