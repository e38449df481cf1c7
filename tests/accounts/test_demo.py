"""The demo logins that must give a code have an authenticator with the published demo key."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_KEY, DEMO_USERNAMES
from accounts.services import totp_secret
from cms.management.commands.demo_data import DEMO_PASSWORD
from cms.roles import Role

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.django_db
def test_a_demo_caseworker_logs_in_with_the_demo_password_and_the_demo_code(settings, capsys):
    settings.DEBUG = True
    call_command("demo_data")
    printed = capsys.readouterr().out
    assert "Second factor for admin, caseworker, commissioner, safeguarding_lead" in printed
    assert "manage.py otp_demo_code" in printed

    client = Client()
    client.post("/admin/login/", {"username": Role.CASEWORKER, "password": DEMO_PASSWORD})
    inquiries = client.get("/admin/inquiries/")
    assert inquiries["Location"] == "/admin/login/code/?next=/admin/inquiries/"
    call_command("otp_demo_code")
    code = capsys.readouterr().out.strip()
    response = client.post("/admin/login/code/", {"otp_token": code, "next": "/admin/inquiries/"})
    assert (response.status_code, response["Location"]) == (302, "/admin/inquiries/")
    assert client.get("/admin/inquiries/").status_code == 200


@pytest.mark.django_db
def test_only_demo_logins_get_the_demo_key(settings):
    settings.DEBUG = True
    call_command("demo_data")
    real = get_user_model().objects.create_user("a-real-caseworker")
    real.groups.add(Group.objects.get(name=Role.CASEWORKER))
    call_command("demo_data")
    assert not TOTPDevice.objects.filter(user=real).exists()
    assert set(TOTPDevice.objects.values_list("user__username", flat=True)) <= set(DEMO_USERNAMES)


def test_the_readme_gives_the_demo_key_the_demo_uses():
    demo_key = totp_secret(TOTPDevice(key=DEMO_TOTP_KEY))
    assert demo_key in README.read_text(encoding="utf-8")
