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

# (table before, table after): every one must keep its rows.
TABLES = [
    ("consultations_response", "consultations_response"),
    ("consultations_answer", "consultations_answer"),
    ("nlp_answeranalysis", "analysis_answeranalysis"),
    ("nlp_outcometag", "analysis_outcometag"),
    ("nlp_safeguardingflag", "safeguarding_safeguardingflag"),
    ("parliament_member", "parliament_member"),
    ("parliament_vote", "parliament_vote"),
    ("parliament_comment", "parliament_comment"),
    ("commissioner_inquiry", "commissioner_inquiry"),
    ("commissioner_auditevent", "commissioner_auditevent"),
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


@pytest.mark.parametrize(("old", "new"), TABLES)
def test_every_row_survives_the_move(migrated, old, new):
    before, after = migrated
    rows_before = _rows(before, f"SELECT * FROM {old} ORDER BY id")  # noqa: S608
    assert rows_before, f"the fixture should hold rows in {old}"
    assert _rows(after, f"SELECT * FROM {new} ORDER BY id") == rows_before  # noqa: S608


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
