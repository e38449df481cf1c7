"""Reading answers: the Responses list opens each response; the response screen shows redacted
words, outcomes in words with the model's score and its words, key phrases, and lets an analyst
confirm or correct the outcomes in place. Tags and unfinished responses are filters of the list.
"""

import pytest

from analysis.models import AnswerAnalysis, OutcomeTag
from cms.roles import Role
from tests.analysis.dataset import CHANGE
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db
INDEX = "/admin/responses/"


def _listed(client, **params) -> set[str]:
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return {r.short_ref for r in response.context["object_list"]}


def _refs(data, *names) -> set[str]:
    return {data.responses[n].short_ref for n in names}


def _inspect(data, name) -> str:
    return f"{INDEX}inspect/{data.responses[name].pk}/"


def test_the_list_opens_each_response(analyst, data):
    html = analyst.get(INDEX).content.decode()
    for response in data.responses.values():
        assert f'href="{INDEX}inspect/{response.pk}/"' in html


def test_the_response_screen_shows_redacted_words_never_raw(analyst, data):
    answer = data.responses["r1"].answers.get(question_label=CHANGE)
    answer.text = "Jayden Smith says safer buses"
    answer.save()
    AnswerAnalysis.objects.filter(answer=answer).update(redacted_text="[NAME] says safer buses")
    html = analyst.get(_inspect(data, "r1")).content.decode()
    assert "[NAME] says safer buses" in html
    assert "Jayden" not in html


def test_outcomes_are_words_with_the_models_score_and_words(analyst, data):
    html = analyst.get(_inspect(data, "r2")).content.decode()
    assert "Staying safe" in html and "staying_safe</" not in html
    assert "score 0.81" in html
    assert "“buses”, “safer”" in html
    # The model's tag that an analyst overruled is shown as overruled, with what the model saw.
    assert "<del>Being healthy</del>" in html
    assert "an analyst decided it does not apply; the model scored it 0.62" in html
    assert "safer buses; healthy food" in html  # key phrases


def test_the_analyst_confirms_or_corrects_in_place(analyst, data):
    answer = data.responses["r1"].answers.get(question_label=CHANGE)
    html = analyst.get(_inspect(data, "r1")).content.decode()
    action = f'action="/admin/analysis/answers/{answer.pk}/tags/"'
    assert action in html
    assert f'id="id_answer{answer.pk}_outcomes_1"' in html  # one form per answer, ids apart
    response = analyst.post(
        f"/admin/analysis/answers/{answer.pk}/tags/",
        {"outcomes": ["staying_safe", "economic_wellbeing"]},
    )
    assert (response.status_code, response["Location"]) == (
        302,
        f"{_inspect(data, 'r1')}#answer-{answer.pk}",
    )
    decided = OutcomeTag.objects.filter(answer=answer, source="analyst", applies=True)
    assert {t.outcome for t in decided} == {"staying_safe", "economic_wellbeing"}
    html = analyst.get(_inspect(data, "r1")).content.decode()
    assert "confirmed by an analyst; the model scored it 0.90" in html
    assert "confirmed by an analyst; not suggested by the model" in html


def test_the_safeguarding_lead_reads_but_does_not_correct(client, data):
    client.force_login(user_with_role(Role.SAFEGUARDING_LEAD))
    html = client.get(_inspect(data, "r1")).content.decode()
    assert "Save outcomes" not in html
    assert "Staying safe" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outcome": "staying_safe"}, {"r1", "r2", "r5", "r6"}),
        ({"outcome": "staying_safe", "complete": "yes"}, {"r1", "r2", "r6"}),
        ({"outcome": "being_healthy"}, set()),
        ({"outcome": "being_healthy", "source": "model"}, {"r2"}),
        ({"outcome": "economic_wellbeing", "source": "analyst"}, {"r3"}),
        ({"keyphrase": "safer buses"}, {"r1", "r2"}),
        ({"scale": "4"}, {"r2", "r4"}),
        ({"age_band": "none"}, set()),
        ({"region": "none"}, {"r4"}),
    ],
)
def test_tags_and_answers_filter_the_list(analyst, data, params, expected):
    assert _listed(analyst, **params) == _refs(data, *expected)


def test_a_question_filter_lists_those_who_answered_it(analyst, data):
    change = data.question(CHANGE)
    assert _listed(analyst, question=change.pk) == _refs(data, "r1", "r2", "r3", "r5")


def test_unfinished_responses_have_a_filter_of_their_own(analyst, data):
    assert _listed(analyst, complete="no") == _refs(data, "r5")
    assert _listed(analyst, complete="yes") == _refs(data, "r1", "r2", "r3", "r4", "r6")
    assert _listed(analyst) == _refs(data, *data.responses)
