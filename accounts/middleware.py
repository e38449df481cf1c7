"""Until a person who has a second factor gives their code, their login is not finished.

A login that must have a second factor but has none yet reaches only the page that sets one
up; a login with a second factor reaches only the code step. Both can still log out, log in
as someone else and load the admin's own files.
"""

from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from accounts.rules import second_factor_required

CODE = "accounts_code"
ENROL = "accounts_second_factor"


def second_factor_step(user) -> str | None:
    """The URL name of the step this verified-or-not user still has to take, if any."""
    if user_has_device(user):
        return CODE
    if second_factor_required(user):
        return ENROL
    return None


@cache
def _always_open() -> tuple[str, ...]:
    return (
        reverse("wagtailadmin_login"),  # also the code step, under it
        reverse("accounts_admin_logout"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailcore_login"),
        settings.STATIC_URL,
    )


def step_redirect(request, step: str):
    url = reverse(step)
    if request.method in ("GET", "HEAD"):
        url += "?next=" + quote(request.get_full_path(), safe="/")
    return redirect(url)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            path = request.path
            if not path.startswith(_always_open()):
                step = second_factor_step(user)
                if step is not None and not path.startswith(reverse(step)):
                    return step_redirect(request, step)
        return self.get_response(request)
