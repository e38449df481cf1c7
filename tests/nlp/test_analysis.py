"""Analysis in the site: after a response commits, and inside the submission request."""

from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from consultations.models import Response
from consultations.services import response_submit
from nlp.models import AnswerAnalysis, OutcomeTag, SafeguardingFlag
from nlp.services import pipeline_version, responses_analyse
from nlp.tasks import analysis_sweep_task
from tests.conftest import valid_answers

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


def test_a_disclosure_gets_stronger_help_and_a_flag_at_once(client, consultation):
    data = valid_answers(consultation, what_would_you_change=DISCLOSURE)
    response = client.post(
        consultation.url, urlencode(data), content_type="application/x-www-form-urlencoded"
    )
    html = response.content.decode()
    assert response.status_code == 200  # shown in place: no tell-tale address in the history
    assert "Are you safe?" in html
    assert "0800 1111" in html
    flag = SafeguardingFlag.objects.get()
    assert flag.raised_by == SafeguardingFlag.RaisedBy.REQUEST
    assert Response.objects.count() == 1


def test_an_ordinary_answer_gets_the_ordinary_thank_you(client, consultation):
    data = valid_answers(consultation, what_would_you_change="a bigger library")
    response = client.post(
        consultation.url, urlencode(data), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 303
    assert "Are you safe?" not in client.get(response["Location"]).content.decode()
    assert not SafeguardingFlag.objects.exists()


def test_an_unsure_flag_goes_quietly_to_a_person(client, consultation, monkeypatch):
    # Which real sentences land between the two thresholds changes with every retraining,
    # so the screen's verdict is fixed here; the view's handling of it is what is tested.
    unsure = {"flag": True, "sure": False, "kind": "neglect", "evidence": ["x"], "score": 0.01}
    monkeypatch.setattr("nlp.pipeline.screen_many", lambda pipeline, texts: [unsure])
    data = valid_answers(consultation, what_would_you_change="more trips")
    response = client.post(
        consultation.url, urlencode(data), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 303
    assert "Are you safe?" not in client.get(response["Location"]).content.decode()
    assert SafeguardingFlag.objects.get().raised_by == SafeguardingFlag.RaisedBy.REQUEST
