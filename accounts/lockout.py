"""django-axes fitted to this site: what it counts, whose address it sees, what it says.

Axes counts failed passwords on the two staff login pages only (the Wagtail admin's and the
one Wagtail uses for private pages). Members of the children's parliament log in on their own
page, which has its own limit per member (parliament/views.py): a classroom shares one
address, and axes' lock by address would shut a whole class out (docs/adr/0015-logins.md).
"""

from functools import cache

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from core.requests import client_ip
from core.usernames import username_normalise


@cache
def _staff_login_paths() -> frozenset[str]:
    return frozenset({reverse("wagtailadmin_login"), reverse("wagtailcore_login")})


def attempt_exempt(request, credentials=None) -> bool:
    """AXES_WHITELIST_CALLABLE: every login but the staff pages' is left to its own limit."""
    return request.path not in _staff_login_paths()


def client_address(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the same address the other limits see (TRUSTED_PROXY_COUNT)."""
    return client_ip(request)


def lockout_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: look-alike spellings of one username count as one account."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return username_normalise(username) if username else None


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a page that says what happened and what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "login_url": request.path},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class StaffLockoutBackend(AxesStandaloneBackend):
    """Axes' gate before the password check, for logins made through a web page.

    Code that calls `authenticate()` without a request (a shell, a service, a test) is not a
    login page anyone outside can reach, so there is nothing to count or lock."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
