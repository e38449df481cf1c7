import pytest

from consultations.models import Answer, Response
from consultations.rules import QuestionKind
from consultations.services import response_submit


def _answers(page, **by_label):
    return {q.clean_name: by_label.get(q.label) for q in page.form_fields.all()}


@pytest.mark.django_db
def test_one_response_and_one_answer_row_per_question(consultation):
    result = response_submit(
        consultation=consultation,
        answers=_answers(
            consultation,
            **{
                "How happy are you at school?": 4,
                "Your favourite lesson": "Art",
                "Clubs you go to": ["Sport", "Art"],
            },
        ),
        age_band="10_12",
        region="london",
        idempotency_key="k1",
    )
    assert result.created
    rows = {a.question_label: a for a in result.response.answers.all()}
    assert len(rows) == consultation.form_fields.count()
    assert rows["How happy are you at school?"].scale == 4
    assert rows["How happy are you at school?"].outcome == "enjoying_and_achieving"
    assert rows["Your favourite lesson"].text == "Art"
    assert rows["Clubs you go to"].choices == ["Sport", "Art"]
    assert rows["What would you change?"].is_blank
    assert result.response.consent_to_quote is False


@pytest.mark.django_db
def test_same_key_twice_stores_one_response(consultation):
    answers = _answers(consultation, **{"How happy are you at school?": 3})
    first = response_submit(consultation=consultation, answers=answers, idempotency_key="same")
    second = response_submit(consultation=consultation, answers=answers, idempotency_key="same")
    assert not second.created
    assert second.response.pk == first.response.pk
    assert Response.objects.count() == 1
    assert Answer.objects.count() == consultation.form_fields.count()


@pytest.mark.django_db
def test_nothing_half_written_when_an_answer_cannot_be_stored(consultation):
    answers = _answers(consultation, **{"How happy are you at school?": "not a number"})
    with pytest.raises((ValueError, TypeError)):
        response_submit(consultation=consultation, answers=answers, idempotency_key="bad")
    assert Response.objects.count() == 0
    assert Answer.objects.count() == 0


@pytest.mark.django_db
def test_answers_keep_the_question_as_asked_after_it_is_deleted(consultation):
    result = response_submit(
        consultation=consultation,
        answers=_answers(consultation, **{"Your favourite lesson": "Maths"}),
        idempotency_key="k2",
    )
    consultation.form_fields.filter(label="Your favourite lesson").delete()
    answer = result.response.answers.get(question_label="Your favourite lesson")
    assert answer.question is None
    assert answer.text == "Maths"
    assert answer.kind == QuestionKind.SHORT_TEXT
