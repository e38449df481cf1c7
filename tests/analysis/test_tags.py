"""Analysts confirm or correct outcome tags; their decision wins over the model's."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from analysis.models import OutcomeTag
from analysis.selectors import answer_outcomes
from analysis.services import responses_analyse, tags_correct
from cms.roles import Role
from consultations.models import Answer
from consultations.services import response_submit
from core.taxonomy import Outcome
from nlp.pipeline.corpus import OUTCOMES, SAFEGUARDING_KINDS
from safeguarding.models import SafeguardingKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(consultation):
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    change = consultation.form_fields.get(label="What would you change?").clean_name
    answers[change] = "the bus fare is too dear so i cant get to football club"
    response = response_submit(consultation=consultation, answers=answers, idempotency_key="t")
    responses_analyse(response_ids=[response.response.pk])
    return Answer.objects.get(response=response.response, question_label="What would you change?")


def _login(client, role):
    user = get_user_model().objects.create_user(username=role, password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


def test_the_pipeline_and_the_site_share_one_taxonomy():
    assert list(Outcome.values) == list(OUTCOMES)
    assert set(SafeguardingKind.values) == set(SAFEGUARDING_KINDS)


def test_an_analysts_decision_replaces_the_models_tags(answer):
    model = {t["outcome"] for t in answer_outcomes(answer=answer)}
    assert "economic_wellbeing" in model
    tags_correct(answer=answer, outcomes={"enjoying_and_achieving"}, user=None)
    outcomes = answer_outcomes(answer=answer)
    assert [(t["outcome"], t["source"]) for t in outcomes] == [
        ("enjoying_and_achieving", "analyst")
    ]


def test_analysts_decisions_survive_reanalysis(answer):
    tags_correct(answer=answer, outcomes={"staying_safe"}, user=None)
    responses_analyse(response_ids=[answer.response_id])
    assert [t["outcome"] for t in answer_outcomes(answer=answer)] == ["staying_safe"]


def test_unknown_outcomes_are_refused(answer):
    with pytest.raises(ValueError):
        tags_correct(answer=answer, outcomes={"being_rich"}, user=None)
    assert not OutcomeTag.objects.filter(source=OutcomeTag.Source.ANALYST).exists()


def test_analyst_corrects_tags_in_the_admin(client, answer):
    analyst = _login(client, Role.ANALYST)
    url = f"/admin/analysis/answers/{answer.pk}/tags/"
    page = client.get(url)
    assert page.status_code == 200
    assert "dear" in page.content.decode()
    response = client.post(url, {"outcomes": ["economic_wellbeing", "enjoying_and_achieving"]})
    assert response.status_code == 302
    decided = OutcomeTag.objects.filter(answer=answer, source=OutcomeTag.Source.ANALYST)
    assert {t.outcome for t in decided if t.applies} == {
        "economic_wellbeing",
        "enjoying_and_achieving",
    }
    assert all(t.decided_by == analyst for t in decided)
    refused = client.post(url, {"outcomes": ["nonsense"]})
    assert refused.status_code == 400


@pytest.mark.parametrize("role", [Role.EDITOR, Role.SAFEGUARDING_LEAD])
def test_other_roles_cannot_correct_tags(client, answer, role):
    _login(client, role)
    response = client.post(f"/admin/analysis/answers/{answer.pk}/tags/", {"outcomes": []})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not OutcomeTag.objects.filter(source=OutcomeTag.Source.ANALYST).exists()


def test_corrections_export_as_redacted_training_data(answer, tmp_path):
    import json

    from django.core.management import call_command

    answer.text = "my friend jayden says " + answer.text
    answer.save()
    responses_analyse(response_ids=[answer.response_id])
    tags_correct(answer=answer, outcomes={"economic_wellbeing"}, user=None)
    out = tmp_path / "corrections.jsonl"
    call_command("nlp_export_corrections", "--out", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == [{"text": answer.analysis.redacted_text, "labels": ["economic_wellbeing"]}]
    assert "jayden" not in rows[0]["text"]


def test_corrections_are_never_written_inside_the_project(answer):
    from django.conf import settings
    from django.core.management import CommandError, call_command

    tags_correct(answer=answer, outcomes={"economic_wellbeing"}, user=None)
    target = settings.BASE_DIR / "nlp" / "corpus" / "outcomes" / "real.jsonl"
    with pytest.raises(CommandError):
        call_command("nlp_export_corrections", "--out", str(target))
    assert not target.exists()
