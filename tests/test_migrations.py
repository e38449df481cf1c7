"""A database made by the schema before the apps were split (analysis and safeguarding rows in
the old `nlp` app) migrates to today's schema with every row still there.

The fixture was made by the previous code: migrate, demo_data, five responses with answers,
the analysis task's tags and redactions, an analyst's correction, a flag on an answer that the
lead had actioned, and a flag on a parliament comment. Only team-written words are in it.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "schema_before_split.sqlite3.gz"

# (table before, table after, the columns both have): every one must keep its rows.
TABLES = [
    (
        "consultations_response",
        "consultations_response",
        "id, uuid, consultation_id, submitted_at, age_band, region, consent_to_quote, "
        "idempotency_key, analysed_at, analysis_version",
    ),
    ("consultations_answer", "consultations_answer", "*"),
    ("nlp_answeranalysis", "analysis_answeranalysis", "*"),
    ("nlp_outcometag", "analysis_outcometag", "*"),
    (
        "nlp_safeguardingflag",
        "safeguarding_safeguardingflag",
        "id, response_id, comment_id, kind, evidence, score, raised_by, raised_at, "
        "pipeline_version, action_taken",
    ),
    ("parliament_member", "parliament_member", "*"),
    ("parliament_vote", "parliament_vote", "*"),
    ("parliament_comment", "parliament_comment", "id, motion_id, author_id, text, posted_at"),
    ("commissioner_inquiry", "commissioner_inquiry", "*"),
    ("commissioner_auditevent", "commissioner_auditevent", "*"),
]


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("previous-schema")
    before, after = folder / "before.sqlite3", folder / "after.sqlite3"
    with gzip.open(FIXTURE) as source, before.open("wb") as target:
        shutil.copyfileobj(source, target)
    shutil.copy(before, after)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{after}",
        "REDIS_URL": "",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return before, after


@pytest.mark.parametrize(("old", "new", "columns"), TABLES)
def test_every_row_survives_the_move(migrated, old, new, columns):
    before, after = migrated
    rows_before = _rows(before, f"SELECT {columns} FROM {old} ORDER BY id")  # noqa: S608
    assert rows_before, f"the fixture should hold rows in {old}"
    assert _rows(after, f"SELECT {columns} FROM {new} ORDER BY id") == rows_before  # noqa: S608


def test_flags_reviewed_before_the_workflow_are_closed_with_their_history(migrated):
    before, after = migrated
    reviewed = _rows(
        before,
        "SELECT id, handled_by_id, action_taken FROM nlp_safeguardingflag WHERE status != 'open'",
    )
    assert reviewed
    for pk, handled_by, action_taken in reviewed:
        flag = _rows(
            after,
            f"SELECT status, closed_by_id FROM safeguarding_safeguardingflag WHERE id = {pk}",  # noqa: S608
        )
        assert flag == [("closed", handled_by)]
        history = _rows(
            after,
            f"SELECT what, note FROM safeguarding_flagevent WHERE flag_id = {pk} ORDER BY id",  # noqa: S608
        )
        assert history == [("raised", ""), ("closed", action_taken)]


def test_a_comment_with_an_open_flag_is_held_unpublished(migrated):
    _, after = migrated
    held = _rows(
        after,
        "SELECT c.held_for_safeguarding, c.status FROM parliament_comment c "
        "JOIN safeguarding_safeguardingflag f ON f.comment_id = c.id WHERE f.status = 'open'",
    )
    assert held == [(1, "pending")]


def test_nobody_is_emailed_about_flags_raised_before_the_move(migrated):
    _, after = migrated
    unsent = _rows(
        after, "SELECT id FROM safeguarding_safeguardingflag WHERE raised_notified_at IS NULL"
    )
    assert unsent == []


def test_responses_sent_before_are_complete(migrated):
    _, after = migrated
    assert _rows(after, "SELECT DISTINCT is_complete FROM consultations_response") == [(1,)]


def test_the_old_tables_are_gone(migrated):
    _, after = migrated
    names = _rows(after, "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'nlp_%'")
    assert names == []


def test_the_lead_still_reads_the_flags_and_only_the_lead_reads_raw_text(migrated):
    _, after = migrated
    grants = _rows(
        after,
        "SELECT g.name, ct.app_label || '.' || p.codename FROM auth_group g "
        "JOIN auth_group_permissions gp ON gp.group_id = g.id "
        "JOIN auth_permission p ON p.id = gp.permission_id "
        "JOIN django_content_type ct ON ct.id = p.content_type_id "
        "WHERE ct.app_label IN ('analysis', 'safeguarding', 'nlp')",
    )
    assert ("safeguarding_lead", "safeguarding.change_safeguardingflag") in grants
    assert ("analyst", "analysis.change_outcometag") in grants
    assert [g for g, perm in grants if perm == "analysis.view_raw_text"] == ["safeguarding_lead"]
    assert not [perm for _, perm in grants if perm.startswith("nlp.")]


def test_the_sweep_runs_from_its_new_home(migrated):
    _, after = migrated
    funcs = _rows(after, "SELECT func FROM django_q_schedule WHERE name = 'analysis sweep'")
    assert funcs == [("analysis.tasks.analysis_sweep_task",)]


# On PostgreSQL there is no file to copy: the test makes today's schema with data, winds the
# moved tables back to their old names and history, and migrates again.
FILL = """
import uuid
from django.contrib.auth import get_user_model
from analysis.services import responses_analyse, tags_correct
from consultations.models import ConsultationPage
from consultations.services import response_submit
from core.screening import Concern
from parliament.models import Comment
from safeguarding.services import flag_raise

page = ConsultationPage.objects.get(slug="school-day")
questions = list(page.form_fields.all())
texts = ["Longer break times.", "My stepdad hits me and I am scared to go home.", "Free clubs."]
ids = []
for text in texts:
    answers = {q.clean_name: text for q in questions if q.field_type in ("singleline", "multiline")}
    for q in questions:
        if q.field_type == "smiley":
            answers[q.clean_name] = 3
    stored = response_submit(
        consultation=page, answers=answers, idempotency_key=uuid.uuid4().hex, questions=questions
    )
    ids.append(stored.response.pk)
responses_analyse(response_ids=ids)
analyst = get_user_model().objects.get(username="analyst")
answer = page.responses.first().answers.filter(kind="multiline").first()
tags_correct(answer=answer, outcomes={"being_healthy"}, user=analyst)
flag_raise(source=Comment.objects.first(), concern=Concern(kind="self_harm", score=0.9))
"""

REWIND = [
    "ALTER TABLE analysis_answeranalysis RENAME TO nlp_answeranalysis",
    "ALTER TABLE analysis_outcometag RENAME TO nlp_outcometag",
    "ALTER TABLE safeguarding_safeguardingflag RENAME TO nlp_safeguardingflag",
    "ALTER INDEX outcometag_outcome_idx RENAME TO nlp_outcome_outcome_8a0c40_idx",
    "DELETE FROM django_migrations WHERE app IN ('analysis', 'safeguarding')",
    "UPDATE django_content_type SET app_label = 'nlp' "
    "WHERE model IN ('answeranalysis', 'outcometag', 'safeguardingflag')",
    "UPDATE django_q_schedule SET func = 'nlp.tasks.analysis_sweep_task' "
    "WHERE name = 'analysis sweep'",
]
# Today's table for each moved model, and the columns it had when it moved.
MOVED = {
    "analysis_answeranalysis": "*",
    "analysis_outcometag": "*",
    "safeguarding_safeguardingflag": (
        "id, response_id, comment_id, kind, evidence, score, raised_by, raised_at, "
        "pipeline_version, status, action_taken"
    ),
}
LABELS = (
    "SELECT DISTINCT app_label FROM django_content_type "
    "WHERE app_label IN ('nlp', 'analysis', 'safeguarding') ORDER BY 1"
)


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def _all_rows(db) -> dict[str, list[tuple]]:
    return {
        table: db.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()  # noqa: S608
        for table, columns in MOVED.items()
    }


@pytest.mark.skipif(not _postgres_url(), reason="needs DATABASE_URL to name a PostgreSQL server")
def test_the_moved_tables_keep_their_rows_on_postgresql():
    import environ
    import psycopg

    config = environ.Env.db_url_config(_postgres_url())
    server = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"],
    }
    name = f"voice_schema_move_{os.getpid()}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _postgres_url().rsplit("/", 1)[0] + f"/{name}",
    }

    def manage(*args: str) -> None:
        out = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, f"manage.py {' '.join(args)}:\n{out.stderr[-3000:]}"

    try:
        manage("migrate", "--noinput")
        manage("demo_data", "--force")
        manage("shell", "-c", FILL)
        # Back to the schemas the moved tables had when they moved (later migrations undone).
        manage("migrate", "safeguarding", "0001", "--noinput")
        manage("migrate", "analysis", "0001", "--noinput")
        with psycopg.connect(dbname=name, autocommit=True, **server) as db:
            before = _all_rows(db)
            for statement in REWIND:
                db.execute(statement)
        manage("migrate", "--noinput")
        with psycopg.connect(dbname=name, autocommit=True, **server) as db:
            after = _all_rows(db)
            old = db.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE 'nlp%'")
            old_tables = old.fetchall()
            labels = db.execute(LABELS).fetchall()
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert all(before.values())
    assert after == before
    assert old_tables == []
    assert labels == [("analysis",), ("safeguarding",)]
