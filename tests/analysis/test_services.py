"""Analysis in the site: after a response commits, by the sweep, and re-analysis."""

import pytest
from django.core.management import call_command

from analysis.models import AnswerAnalysis, OutcomeTag
from analysis.services import pipeline_version, responses_analyse
from analysis.tasks import analysis_sweep_task
from consultations.models import Response
from consultations.services import response_submit
from safeguarding.models import SafeguardingFlag

pytestmark = pytest.mark.django_db
DISCLOSURE = "i dont like going home because my step dad hits me when hes drunk"


def _submit(page, key, change="", lesson="Art"):
    answers = {q.clean_name: None for q in page.form_fields.all()}
    answers[page.form_fields.get(label="Your favourite lesson").clean_name] = lesson
    answers[page.form_fields.get(label="What would you change?").clean_name] = change
    return response_submit(consultation=page, answers=answers, idempotency_key=key).response


def test_a_committed_response_is_analysed_by_the_task(
    consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(consultation, "k1", change="cheaper buses so i can get to football")
    response.refresh_from_db()
    assert response.analysed_at is not None
    assert response.analysis_version == pipeline_version()
    answer = response.answers.get(question_label="What would you change?")
    assert answer.analysis.redacted_text == answer.text
    tags = OutcomeTag.objects.filter(answer=answer, source=OutcomeTag.Source.MODEL)
    assert "economic_wellbeing" in {t.outcome for t in tags}
    assert all(t.pipeline_version == pipeline_version() for t in tags)


def test_analysis_redacts_and_flags(consultation):
    response = _submit(consultation, "k2", change=f"my friend jayden says hi. {DISCLOSURE}")
    responses_analyse(response_ids=[response.pk])
    answer = response.answers.get(question_label="What would you change?")
    assert "jayden" not in answer.analysis.redacted_text
    flag = SafeguardingFlag.objects.get(response=response)
    assert flag.status == SafeguardingFlag.Status.OPEN
    assert any("hits me" in piece for piece in flag.evidence)


def test_reanalysis_keeps_analysts_tags_and_open_flags(consultation):
    response = _submit(consultation, "k3", change=DISCLOSURE)
    responses_analyse(response_ids=[response.pk])
    answer = response.answers.get(question_label="What would you change?")
    OutcomeTag.objects.create(
        answer=answer, outcome="staying_safe", source=OutcomeTag.Source.ANALYST, applies=True
    )
    responses_analyse(response_ids=[response.pk])
    assert OutcomeTag.objects.filter(answer=answer, source=OutcomeTag.Source.ANALYST).count() == 1
    assert SafeguardingFlag.objects.filter(response=response).count() == 1
    assert AnswerAnalysis.objects.filter(answer=answer).count() == 1


def test_sweep_picks_up_responses_a_dead_worker_left(consultation):
    response = _submit(consultation, "k4", change="more clubs please")
    Response.objects.filter(pk=response.pk).update(submitted_at="2020-01-01T00:00Z")
    assert analysis_sweep_task() == 1
    response.refresh_from_db()
    assert response.analysed_at is not None
    assert analysis_sweep_task() == 0


def test_reanalyse_command_resumes_where_it_stopped(consultation, capsys):
    responses = [_submit(consultation, f"r{i}", change=f"answer number {i}") for i in range(5)]
    responses_analyse(response_ids=[responses[0].pk, responses[1].pk])
    call_command("nlp_reanalyse", consultation.slug, "--batch", "2")
    out = capsys.readouterr().out
    assert "3 responses to analyse" in out
    assert Response.objects.filter(analysed_at__isnull=True).count() == 0
    call_command("nlp_reanalyse", str(consultation.pk))
    assert "0 responses to analyse" in capsys.readouterr().out
