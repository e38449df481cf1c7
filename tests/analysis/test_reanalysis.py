"""Analyse again after a new pipeline version, from the admin: everything reaches the current
version, analysts' tags stay, one run at a time unless the running one has stalled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analysis.models import OutcomeTag, Reanalysis
from analysis.services import pipeline_version
from consultations.models import Response

pytestmark = pytest.mark.django_db
URL = "/admin/analysis/reanalysis/"


def test_an_analyst_brings_every_response_to_the_current_version(
    analyst, data, django_capture_on_commit_callbacks
):
    Response.objects.update(analysis_version="voice-0.9.old")
    kept = OutcomeTag.objects.filter(source=OutcomeTag.Source.ANALYST).count()
    assert kept > 0
    page = analyst.get(URL).content.decode()
    assert "voice-0.9.old" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = analyst.post(URL)
    assert response.status_code == 302
    current = pipeline_version()
    assert set(Response.objects.values_list("analysis_version", flat=True)) == {current}
    assert OutcomeTag.objects.filter(source=OutcomeTag.Source.ANALYST).count() == kept
    run = Reanalysis.objects.get()
    assert (run.done, run.total, run.finished_at is not None) == (
        Response.objects.count(),
        Response.objects.count(),
        True,
    )
    assert f"{run.total} of {run.total}" in analyst.get(URL).content.decode()


def test_a_second_run_waits_for_the_first(analyst, data):
    Reanalysis.objects.create(pipeline_version="v", total=10, done=3)
    response = analyst.post(URL, follow=True)
    assert "already running" in response.content.decode()
    assert Reanalysis.objects.count() == 1


def test_a_stalled_run_can_be_started_again(analyst, data, django_capture_on_commit_callbacks):
    stalled = Reanalysis.objects.create(
        pipeline_version="v",
        total=10,
        done=3,
        progressed_at=timezone.now() - timedelta(minutes=11),
    )
    with django_capture_on_commit_callbacks(execute=True):
        analyst.post(URL)
    stalled.refresh_from_db()
    assert stalled.finished_at is not None
    assert Reanalysis.objects.count() == 2


def test_a_new_version_deployed_mid_run_stops_it(data, monkeypatch):
    from analysis import services

    run = Reanalysis.objects.create(pipeline_version="voice-old", total=4)
    monkeypatch.setattr(services, "pipeline_version", lambda: "voice-newer")
    assert services.reanalysis_run(run_id=run.pk) == 0
    run.refresh_from_db()
    assert run.finished_at is not None
