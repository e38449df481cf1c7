"""Writes for the consultation journey."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from consultations.models import (
    Answer,
    ConsultationPage,
    ConsultationQuestion,
    QuestionKind,
    Response,
)
from consultations.signals import response_submitted


@dataclass(frozen=True)
class SubmitResult:
    response: Response
    created: bool


def _answer_for(question: ConsultationQuestion, value) -> Answer:
    answer = Answer(
        question=question,
        question_label=question.label,
        kind=question.field_type,
        outcome=question.outcome,
    )
    if question.field_type == QuestionKind.MULTIPLE_CHOICE:
        answer.choices = list(value or [])
    elif question.field_type == QuestionKind.SMILEY_SCALE:
        answer.scale = value if value not in ("", None) else None
    else:
        answer.text = value or ""
    return answer


def response_submit(
    *,
    consultation: ConsultationPage,
    answers: dict[str, object],
    age_band: str = "",
    region: str = "",
    consent_to_quote: bool = False,
    idempotency_key: str,
    questions: list[ConsultationQuestion] | None = None,
) -> SubmitResult:
    """Store one response and one answer per question, all or nothing.

    `answers` maps each question's clean_name to its cleaned value. A second call with the
    same idempotency key returns the response the first call stored and writes nothing.
    """
    if questions is None:
        questions = list(consultation.form_fields.all())
    # No look-up first: the unique key decides, also when two requests race.
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation=consultation,
                age_band=age_band,
                region=region,
                consent_to_quote=consent_to_quote,
                idempotency_key=idempotency_key,
            )
            rows = [_answer_for(q, answers.get(q.clean_name)) for q in questions]
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
            response_submitted.send(sender=Response, response=response)
    except IntegrityError:
        # This key was stored before (a double tap, a resent page) or by a racing request.
        existing = Response.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return SubmitResult(existing, created=False)
    return SubmitResult(response, created=True)
