"""Settings shared by every environment, read from the environment through one `env` object."""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_q",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Form widgets render through TEMPLATES, so templates/ can override Wagtail's (FORM_RENDERER).
    "django.forms",
    # The project's own apps come last: roles are synced once the last of them has migrated.
    "core",
    "cms",
    "consultations",
    "parliament",
    "commissioner",
    "safeguarding",
    "analysis",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages go out compressed; its random padding defeats BREACH-style guessing of tokens.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.AdminContentSecurityPolicyMiddleware",
    "cms.middleware.PermissionsPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.navigation",
            ],
        },
    },
]

# Widgets render through the TEMPLATES engine, so templates/wagtailadmin/widgets/ overrides
# Wagtail's pickers (they would otherwise need inline scripts: ADR 3).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------------------------
# SQLite by default; DATABASE_URL switches to PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; IMMEDIATE takes the write lock at
    # BEGIN so concurrent writers queue on busy_timeout instead of failing with "locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Keep connections open between requests: opening one (and, on SQLite, its PRAGMAs and the
# WAL checkpoint when the last one closes) costs more than a typical request's queries.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=600))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and task broker --------------------------------------------------------------------
# The cache backs the submission flood limit and the login limits (core/limits.py), so it
# must be shared by every process: the database by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_entries",
        },
    }

Q_CLUSTER = {
    "name": "voice",
    "workers": env.int("Q_WORKERS", default=2),
    "timeout": 120,
    # A task is retried only after its timeout has passed, so a dead worker's task runs again.
    "retry": 180,
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "label": "Background tasks",
    # Successful tasks kept for the admin's list (0 keeps all: the scale-out bench counts them).
    "save_limit": env.int("Q_SAVE_LIMIT", default=250),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Passwords, language, time -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Casework documents (directions, evidence): never under MEDIA_ROOT, never served as files.
CASEWORK_ROOT = env("CASEWORK_ROOT", default=str(BASE_DIR / "casework-files"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "casework": {"BACKEND": "commissioner.storage.PrivateStorage"},
}

# --- Wagtail -------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Children's Commissioner for England"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no requests to other hosts
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False

LOGIN_URL = "wagtailadmin_login"

# --- Security headers (strict on the public site; see cms.middleware for the admin) ------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    ]
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# --- The consultation journey -----------------------------------------------------------------
# Answers one address may send: a whole school often shares one, so this is sized for about
# twenty classes of 30 in an hour, each answering within the same few minutes (ADR 0004).
# Counted in the shared cache, so it holds across every web process.
SUBMISSION_RATE_LIMIT = env("SUBMISSION_RATE_LIMIT", default="600/h")
# Wrong passwords a connection may try for one member's login before it must wait.
MEMBER_LOGIN_RATE_LIMIT = env("MEMBER_LOGIN_RATE_LIMIT", default="10/15m")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Answers started before a consultation closed are still taken for this long after it closes.
SUBMISSION_GRACE_SECONDS = env.int("SUBMISSION_GRACE_SECONDS", default=2 * 60 * 60)

# --- Safeguarding -----------------------------------------------------------------------------
# A flag should be acknowledged within this many working hours (9:00 to 17:00 on working days
# in England); past it, the safeguarding leads are emailed again.
SAFEGUARDING_TARGET_WORKING_HOURS = env.float("SAFEGUARDING_TARGET_WORKING_HOURS", default=4)
# Where "Leave this site quickly" goes: an ordinary page nobody would wonder about.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="safeguarding@voice.example.org")
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail's search and reference-index tasks log every run at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Logins: lock-outs, the second factor, how long a login lasts (docs/adr/0015-logins.md) ---
# django-axes and django-otp keep their own rows; `accounts` fits them to this site. Their apps
# go before the project's own, so the roles are still synced after the last project app.
_FIRST_OWN_APP = INSTALLED_APPS.index("core")
INSTALLED_APPS[_FIRST_OWN_APP:_FIRST_OWN_APP] = [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
INSTALLED_APPS.append("accounts")
# After authentication: who has given their code; then log out logins that are over; then
# keep a login that still owes its code at the code step. Axes' own goes last, as it asks.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
_AFTER_MESSAGES = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1
MIDDLEWARE[_AFTER_MESSAGES:_AFTER_MESSAGES] = [
    "accounts.sessions.SessionLimitsMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
# Innermost: pages kept for visitors without a session still pass every middleware above.
MIDDLEWARE.append("cms.page_cache.PublicPageCacheMiddleware")
AUTHENTICATION_BACKENDS = [
    "accounts.lockout.StaffLockoutBackend",  # axes: refuses a locked account or address
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.StaffLoginForm"

# Lock-outs, on the staff login pages only (members have MEMBER_LOGIN_RATE_LIMIT): 10 wrong
# passwords for one username, or from one address, lock it for 15 minutes. An administrator
# lifts a lock early with `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Tries during a lock neither count nor push the lock further: "wait 15 minutes" stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_WHITELIST_CALLABLE = "accounts.lockout.attempt_exempt"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Failed attempts are kept only while they count; no log of every login (children's addresses).
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# The second factor: a code from an authenticator app (TOTP), required of anyone who can read
# children's own words or casework (accounts/rules.py), open to every other member of staff.
OTP_TOTP_ISSUER = "Children's Commissioner"

# How long a login lasts: 30 minutes without activity and 10 hours in all (ended, with the
# reason shown, by accounts.sessions), and the cookie goes when the browser closes (members
# use shared school computers). The session store's own expiry is only the backstop.
SESSION_IDLE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_ABSOLUTE_AGE = env.int("SESSION_ABSOLUTE_SECONDS", default=10 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_AGE
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
