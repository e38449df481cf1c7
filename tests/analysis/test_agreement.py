"""How far the model agrees with analysts: the arithmetic, and the screen over real tags."""

import pytest

from analysis.agreement import Reviewed, agreement
from analysis.models import AnswerAnalysis, OutcomeTag
from analysis.services import tags_correct
from consultations.models import Answer
from core.taxonomy import Outcome
from tests.analysis.dataset import CHANGE

pytestmark = pytest.mark.django_db
ALL = frozenset(Outcome.values)
SAFE, HEALTHY = Outcome.STAYING_SAFE.value, Outcome.BEING_HEALTHY.value


def _row(table, version, outcome):
    return next(r for r in table[version] if r.outcome == outcome)


def test_counts_precision_recall_and_f1_per_outcome_and_version():
    table = agreement(
        [
            Reviewed("v1", frozenset({SAFE}), ALL, frozenset({SAFE})),  # both
            Reviewed("v1", frozenset({SAFE}), ALL, frozenset()),  # model only
            Reviewed("v1", frozenset(), ALL, frozenset({SAFE})),  # analyst only
            Reviewed("v1", frozenset({SAFE}), ALL, frozenset({SAFE})),  # both
            Reviewed("v2", frozenset(), ALL, frozenset({SAFE})),
        ]
    )
    safe = _row(table, "v1", SAFE)
    assert (safe.reviewed, safe.both, safe.model_only, safe.analyst_only) == (4, 2, 1, 1)
    assert safe.precision == pytest.approx(2 / 3)
    assert safe.recall == pytest.approx(2 / 3)
    assert safe.f1 == pytest.approx(2 / 3)
    assert _row(table, "v2", SAFE).recall == 0.0
    assert _row(table, "v2", SAFE).precision is None  # the model never said it
    assert list(table) == ["v1", "v2"]


def test_only_the_outcomes_an_analyst_decided_are_counted():
    table = agreement([Reviewed("v1", frozenset({SAFE, HEALTHY}), frozenset({HEALTHY}), ALL)])
    assert _row(table, "v1", HEALTHY).both == 1
    assert _row(table, "v1", SAFE).reviewed == 0


def test_the_screen_shows_the_model_against_analysts(analyst, data):
    answer = Answer.objects.get(response=data.responses["r1"], question_label=CHANGE)
    AnswerAnalysis.objects.filter(answer=answer).update(pipeline_version="voice-test-1")
    # The model said staying safe; the analyst agrees and adds being healthy.
    tags_correct(answer=answer, outcomes={SAFE, HEALTHY}, user=None)
    assert OutcomeTag.objects.filter(answer=answer, source="model").count() == 1
    html = analyst.get(f"/admin/analysis/agreement/?consultation={data.school.pk}").content.decode()
    assert "Pipeline voice-test-1" in html
    section = html[html.index("Pipeline voice-test-1") :]
    healthy = section[section.index("Being healthy") :]
    # reviewed 1, both 0, model only 0, analyst only 1, precision –, recall 0.00
    cells = [c.split("<")[0] for c in healthy.split("<td>")[1:7]]
    assert cells == ["1", "0", "0", "1", "–", "0.00"]


def test_a_consultation_that_does_not_exist_is_a_clear_400(analyst):
    response = analyst.get("/admin/analysis/agreement/?consultation=999999")
    assert response.status_code == 400
    assert "could not be found" in response.content.decode()
