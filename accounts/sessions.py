"""How long a login lasts: ended after a spell without activity, and after a fixed time in all.

Django's own expiry (SESSION_COOKIE_AGE, set to the longest a login may last) is only the
backstop in the session store; this module ends logins and says why, and decides what counts
as activity. Wagtail's page editor pings the server every few seconds
while it is open, so a person who walks away from an open editor would never go idle if
every request counted. The clock is written at most once a minute, not on every request.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone

logger = logging.getLogger(__name__)

LOGGED_IN_AT = "_logged_in_at"
LAST_ACTIVE_AT = "_last_active_at"
# Requests a page makes by itself, not because a person did something.
BACKGROUND_PREFIXES = ("/admin/editing-sessions/",)
# Writing the clock on every request would cost a session write per request.
CLOCK_RESOLUTION_SECONDS = 60


def _now() -> float:
    return timezone.now().timestamp()


def session_stamp(sender, request, user, **kwargs) -> None:
    """Start both clocks at login (a receiver of Django's `user_logged_in`)."""
    now = _now()
    request.session[LOGGED_IN_AT] = now
    request.session[LAST_ACTIVE_AT] = now


def session_over(request) -> str:
    """Why this request's login has ended, or "" if it still holds. Moves the idle clock."""
    session = request.session
    now = _now()
    started = session.setdefault(LOGGED_IN_AT, now)
    last_active = session.get(LAST_ACTIVE_AT, now)
    if now - started > settings.SESSION_ABSOLUTE_AGE:
        hours = settings.SESSION_ABSOLUTE_AGE // 3600
        return f"You have been logged out because a login lasts at most {hours} hours."
    if now - last_active > settings.SESSION_IDLE_AGE:
        minutes = settings.SESSION_IDLE_AGE // 60
        return f"You have been logged out after {minutes} minutes without activity."
    background = request.path.startswith(BACKGROUND_PREFIXES)
    if not background and now - session.get(LAST_ACTIVE_AT, 0) >= CLOCK_RESOLUTION_SECONDS:
        session[LAST_ACTIVE_AT] = now  # saving the session also renews its expiry in the store
    return ""


class SessionLimitsMiddleware:
    """Log out a login that has been idle too long or has lasted too long in all; the request
    then carries on as anyone else's would, so a staff page sends the person to log in again
    with the reason shown there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            reason = session_over(request)
            if reason:
                logger.info("Login of user %s ended: %s", request.user.pk, reason)
                logout(request)
                messages.info(request, f"{reason} Please log in again.")
        return self.get_response(request)
