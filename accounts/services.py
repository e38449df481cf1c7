"""Writes for the second factor: setting up an authenticator, passing the code step, removing
one. Each person has at most one confirmed authenticator; setting up a new one replaces it."""

from __future__ import annotations

import logging
from base64 import b32encode

import django_otp
from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

AUTHENTICATOR_NAME = "Authenticator app"


def totp_secret(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def totp_enrolment_start(*, user) -> TOTPDevice:
    """The authenticator being set up: the same one until it is confirmed, so the QR code
    does not change each time the page is shown."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def totp_enrolment_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm `device` with its first code; it then replaces any earlier authenticator."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(token):  # refused while throttled after wrong codes, too
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    logger.info("User %s set up an authenticator app", device.user_id)
    return True


def second_factor_passed(*, request, device) -> None:
    """Mark this login as verified by `device`, under a new session key: the key an
    unfinished login had is not the key of a finished one."""
    request.session.cycle_key()
    django_otp.login(request, device)


@transaction.atomic
def second_factor_remove(*, user) -> int:
    """Remove every authenticator of `user`; the next login asks them to set one up again if
    their role needs it."""
    removed = 0
    for model in django_otp.device_classes():
        removed += model.objects.filter(user=user).delete()[0]
    if removed:
        logger.info("Authenticators of user %s removed", user.pk)
    return removed


def second_factor_reset(*, username: str) -> int:
    """For an administrator, when someone has lost their phone."""
    user = get_user_model().objects.get(username=username)
    return second_factor_remove(user=user)
