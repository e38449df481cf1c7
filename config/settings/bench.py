"""Settings for `make bench`: production-like (DEBUG off) but served over plain HTTP on loopback.

Not production.py: its SSL redirect and secure-only cookies would turn every loopback request
into a redirect.
"""

from .base import *

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="bench-only-insecure-key-not-for-any-deployment")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# Every bench client shares one loopback address, so the per-address limit would stop the run
# after its first few hundred answers.
SUBMISSION_RATE_LIMIT = env("SUBMISSION_RATE_LIMIT", default="1000000/m")

# Pages link to static files; this storage needs no collectstatic manifest in the temp run,
# and WhiteNoise serves the files from where they are, so the stylesheet is measured too.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]
ROOT_URLCONF = "bench.urls"

# A log line per request would cost the shared cores more than the work being measured.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
