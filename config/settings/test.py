"""Settings for `make test`: the same stack, with tasks run in-process."""

from .base import *

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if not REDIS_URL:
    # Each test run gets a clean limiter without creating a cache table per test database.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The runner empties every table between transactional tests with `flush`; on SQLite that
# needs the append-only guards to stand aside
# (docs/adr/0014-casework-oversight-append-only-and-retention.md).
APPEND_ONLY_FLUSH = True
# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: tests that race two requests need SQLite's real file locking
    # (an in-memory shared-cache database fails such writers at once instead of queueing them).
    # One file per test process, so two runs at once never share a database.
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"voice-test-{os.getpid()}.sqlite3")
    }
