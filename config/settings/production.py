"""Settings for a public deployment. Secrets have no default: a missing one stops start-up."""

from .base import *

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# --- Email: password resets and safeguarding alerts go by email ---------------------------------
# EMAIL_URL has no default, so a deployment says where mail goes (for example
# smtp+tls://user:password@smtp.example.org:587) or, knowingly, "off". Off, nothing is sent,
# the admin offers no password reset, and `check --deploy` warns (core.checks).
if env("EMAIL_URL") == "off":
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    WAGTAIL_PASSWORD_RESET_ENABLED = False
else:
    vars().update(env.email_url("EMAIL_URL"))
    DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
    SERVER_EMAIL = DEFAULT_FROM_EMAIL
