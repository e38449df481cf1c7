"""Demo second factors: the demo logins that must give a code share one published secret.

Run by `manage.py demo_data` (which refuses to run with DEBUG off). The secret is in this
file and in the README, so these logins are as public as the demo password: never run the
demo data against a real deployment.
"""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.rules import second_factor_required
from accounts.services import totp_secret
from cms.roles import Role

DEMO_TOTP_KEY = b"voice-demo-2026-totp".hex()
DEMO_USERNAMES = ("admin", *Role.ALL)


def demo_code() -> str:
    """The code the demo authenticator shows now."""
    return f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}"


def demo_load(*, home, users) -> str:
    needing = sorted(
        name
        for name, user in users.items()
        if name in DEMO_USERNAMES and second_factor_required(user)
    )
    for name in needing:
        if not TOTPDevice.objects.filter(user=users[name], confirmed=True).exists():
            TOTPDevice.objects.create(
                user=users[name], name="Demo authenticator", key=DEMO_TOTP_KEY, confirmed=True
            )
    secret = totp_secret(TOTPDevice(key=DEMO_TOTP_KEY))
    return (
        f"Second factor for {', '.join(needing)}: the code from an authenticator app set up "
        f"with the demo key {secret}, or run `manage.py otp_demo_code`."
    )
