"""System checks for a deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register

EMAIL_OFF = "django.core.mail.backends.dummy.EmailBackend"


@register(deploy=True)
def email_is_on(app_configs, **kwargs):
    if settings.EMAIL_BACKEND != EMAIL_OFF:
        return []
    return [
        Warning(
            "Email is off (EMAIL_URL=off): safeguarding leads are not emailed about new or "
            "overdue flags, and staff cannot reset a forgotten password.",
            hint="Set EMAIL_URL to your mail server, e.g. smtp+tls://user:pass@host:587.",
            id="core.W001",
        )
    ]
