"""Searching what young people said: every word must appear in the answers as redacted, so a
name that was removed cannot be found."""

import pytest

from analysis.models import AnswerAnalysis
from tests.analysis.dataset import CHANGE

pytestmark = pytest.mark.django_db


def _listed(client, query: str, data) -> set[str]:
    html = client.get(f"/admin/responses/?{query}").content.decode()
    return {name for name, r in data.responses.items() if r.short_ref in html}


def test_every_word_must_appear(analyst, data):
    # r1 "safer buses", r2 "safer buses and healthy food", r3 "bus fares".
    assert _listed(analyst, "words=bus", data) == {"r1", "r2", "r3"}
    assert _listed(analyst, "words=safer+BUSES", data) == {"r1", "r2"}
    assert _listed(analyst, "words=safer+food", data) == {"r2"}
    assert _listed(analyst, "words=safer+fares", data) == set()


def test_removed_names_cannot_be_found(analyst, data):
    answer = data.responses["r3"].answers.get(question_label=CHANGE)
    answer.text = "bus fares, ask Jamie Rees"
    answer.save()
    AnswerAnalysis.objects.filter(answer=answer).update(redacted_text="bus fares, ask [PERSON]")
    assert "r3" not in _listed(analyst, "words=Jamie", data)
    assert "r3" in _listed(analyst, "words=fares", data)


def test_the_dashboard_counts_the_same_responses(analyst, data):
    html = analyst.get(f"/admin/analysis/?consultation={data.school.pk}&words=fares")
    assert "1 finished response</a> match" in html.content.decode()
