"""The environment picks the stack: SQLite and the ORM broker by default, PostgreSQL and Redis
when configured, and production refuses to start without its secrets."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'db': settings.DATABASES['default']['ENGINE'], "
    "'options': settings.DATABASES['default'].get('OPTIONS', {}), "
    "'cache': settings.CACHES['default']['BACKEND'], 'q': settings.Q_CLUSTER}))"
)


def _settings(module: str, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_default_stack_is_sqlite_wal_with_the_orm_broker():
    out = json.loads(_settings("config.settings.dev").stdout)
    assert out["db"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in out["options"]["init_command"]
    assert out["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert out["q"]["orm"] == "default"
    assert "redis" not in out["q"]


def test_database_url_and_redis_url_switch_the_stack():
    out = json.loads(
        _settings(
            "config.settings.dev",
            DATABASE_URL="postgres://u:p@127.0.0.1:5432/voice",
            REDIS_URL="redis://127.0.0.1:6379/0",
        ).stdout
    )
    assert out["db"] == "django.db.backends.postgresql"
    assert out["cache"] == "django_redis.cache.RedisCache"
    assert out["q"]["redis"] == "redis://127.0.0.1:6379/0"
    assert "orm" not in out["q"]


def test_production_will_not_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="example.org")
    missing = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert missing.returncode != 0
    assert "SECRET_KEY" in missing.stderr


def _production(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DEFAULT_FROM_EMAIL")
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        **env,
    )
    probe = (
        "import json, django; from django.conf import settings; django.setup(); "
        "from django.core import checks; "
        "print(json.dumps({'backend': settings.EMAIL_BACKEND, 'host': settings.EMAIL_HOST, "
        "'tls': settings.EMAIL_USE_TLS, 'from': settings.DEFAULT_FROM_EMAIL, "
        "'checks': [m.id for m in checks.run_checks(include_deployment_checks=True)]}))"
    )
    return subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_will_not_start_without_saying_where_email_goes():
    missing = _production()
    assert missing.returncode != 0
    assert "EMAIL_URL" in missing.stderr


def test_production_sends_email_through_the_configured_server():
    out = json.loads(
        _production(
            EMAIL_URL="smtp+tls://voice:secret@smtp.example.org:587",
            DEFAULT_FROM_EMAIL="safeguarding@example.org",
        ).stdout
    )
    assert (out["backend"], out["host"], out["tls"], out["from"]) == (
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        True,
        "safeguarding@example.org",
    )
    assert "core.W001" not in out["checks"]


def test_email_switched_off_on_purpose_is_said_clearly():
    out = json.loads(_production(EMAIL_URL="off").stdout)
    assert out["backend"] == "django.core.mail.backends.dummy.EmailBackend"
    assert "core.W001" in out["checks"]
