"""Authenticator apps and verified logins for tests, as django-otp itself records them."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.rules import second_factor_required

PASSWORD = "a-long-test-password"


def user_with_role(role: str, username: str = "", password: str = PASSWORD):
    """A user in `role` (or a superuser for "superuser") with a usable password."""
    User = get_user_model()
    if role == "superuser":
        return User.objects.create_superuser(username or "root", password=password)
    user = User.objects.create_user(username=username or role, password=password)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)  # fresh permission cache


def authenticator_for(user, **fields) -> TOTPDevice:
    fields.setdefault("confirmed", True)
    return TOTPDevice.objects.create(user=user, name="Test phone", **fields)


def _codes(device: TOTPDevice, at: float) -> list[str]:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    codes = []
    for offset in (-1, 0, 1):
        totp.time = at + offset * device.step
        codes.append(f"{totp.token():0{device.digits}d}")
    return codes


def code_now(device: TOTPDevice) -> str:
    """What the person's app shows now."""
    return _codes(device, time.time())[1]


def code_wrong(device: TOTPDevice) -> str:
    """Six digits that no window the device accepts would show."""
    taken = set(_codes(device, time.time()))
    return next(c for c in (f"{n:06d}" for n in range(1_000_000)) if c not in taken)


def session_verify(client, user) -> None:
    """Mark `client`'s login as having passed the code step, as the code step would.

    Only people who would be asked for a code are marked; they are given an authenticator
    first if they have none."""
    if not (second_factor_required(user) or user_has_device(user)):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or authenticator_for(user)
    request = HttpRequest()
    request.session = client.session
    request.user = user
    otp_login(request, device)
    request.session.save()
