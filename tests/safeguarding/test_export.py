"""Closed flags flow back as redacted training data: confirmed concerns with their kind,
false alarms with none, and never into the project."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from cms.roles import Role
from consultations.services import response_submit
from core.screening import Concern
from safeguarding import services

pytestmark = pytest.mark.django_db


def _closed(consultation, key, text, evidence, action, lead):
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    answers[consultation.form_fields.get(label="What would you change?").clean_name] = text
    stored = response_submit(consultation=consultation, answers=answers, idempotency_key=key)
    flag = services.flag_raise(
        source=stored.response,
        concern=Concern(kind="physical_abuse", score=0.7, evidence=[evidence]),
        new=True,
    )
    services.flag_close(flag=flag, action=action, action_taken="Recorded by the lead.", by=lead)


def test_closed_flags_are_written_redacted_with_their_outcome(consultation, tmp_path):
    lead = get_user_model().objects.create_user("lead")
    lead.groups.add(Group.objects.get(name=Role.SAFEGUARDING_LEAD))
    lead = get_user_model().objects.get(pk=lead.pk)
    _closed(consultation, "a", "my uncle Darren Smith hits me", "hits me", "police", lead)
    _closed(consultation, "b", "the homework is killing me", "killing me", "no_action", lead)
    out = tmp_path / "closed.jsonl"
    call_command("safeguarding_export_outcomes", "--out", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {
        "text": "my uncle [NAME] hits me",
        "kind": "physical_abuse",
        "evidence": "hits me",
    } in rows
    assert {"text": "the homework is killing me", "kind": None, "evidence": None} in rows
    assert len(rows) == 2


def test_it_refuses_to_write_inside_the_project():
    with pytest.raises(CommandError, match="inside the project"):
        call_command("safeguarding_export_outcomes", "--out", str(settings.BASE_DIR / "x.jsonl"))
