"""Writes for the consultation journey."""

import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import Page

from consultations.models.responses import Answer, Response
from consultations.rules import ENTERED_CHANNELS, TEXT_KINDS, QuestionKind
from consultations.signals import response_submitted
from core.screening import Concern, concern_in, concern_stored


@dataclass(frozen=True)
class Provenance:
    """How answers given on paper or at a session reached us, recorded by the staff member
    who enters them on the young person's behalf."""

    channel: str
    collected_on: date
    collected_by: str
    entered_by: object  # the user
    agreement_noted: bool

    def fields(self) -> dict:
        return {
            "channel": self.channel,
            "collected_on": self.collected_on,
            "collected_by": self.collected_by,
            "entered_by": self.entered_by,
            "agreement_noted": self.agreement_noted,
        }


@dataclass(frozen=True)
class SubmitResult:
    response: Response
    # True when these answers were stored now: a new response, or one that completes the
    # unfinished response kept under the same key.
    created: bool
    completed_earlier: bool = False


def _answer_for(question: AbstractFormField, value) -> Answer:
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
    consultation: Page,
    answers: dict[str, object],
    age_band: str = "",
    region: str = "",
    consent_to_quote: bool = False,
    idempotency_key: str,
    questions: list[AbstractFormField] | None = None,
    complete: bool = True,
    provenance: Provenance | None = None,
) -> SubmitResult:
    """Store one response and one answer per question, all or nothing.

    `answers` maps each question's clean_name to its cleaned value. A second call with the
    same idempotency key returns the response the first call stored and writes nothing,
    unless that response was kept unfinished (`complete=False`): then these answers replace
    its answers.
    """
    if questions is None:
        questions = list(consultation.form_fields.all())
    about = {"age_band": age_band, "region": region, "consent_to_quote": consent_to_quote}
    rows = [_answer_for(q, answers.get(q.clean_name)) for q in questions]
    # No look-up first: the unique key decides, also when two requests race.
    try:
        with transaction.atomic():
            response = Response.objects.create(
                consultation=consultation,
                idempotency_key=idempotency_key,
                is_complete=complete,
                **about,
                **(provenance.fields() if provenance else {}),
            )
            _answers_store(response, rows)
    except IntegrityError:
        # This key was stored before (a double tap, a resent page) or by a racing request.
        with transaction.atomic():
            existing = (
                Response.objects.select_for_update().filter(idempotency_key=idempotency_key).first()
            )
            if existing is None:
                raise
            if existing.is_complete:
                return SubmitResult(existing, created=False)
            existing.answers.all().delete()
            for field, value in {**about, "is_complete": complete}.items():
                setattr(existing, field, value)
            existing.save(update_fields=[*about, "is_complete"])
            _answers_store(existing, rows)
        return SubmitResult(existing, created=True, completed_earlier=True)
    return SubmitResult(response, created=True)


def _answers_store(response: Response, rows: list[Answer]) -> None:
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    response_submitted.send(sender=Response, response=response)


def words_screen(*, answers, questions: list[AbstractFormField]) -> Concern | None:
    """Have a young person's own words screened for a possible disclosure. `answers` maps
    question names to values: the cleaned form, or what was posted when it was not valid."""
    texts = [str(answers.get(q.clean_name) or "") for q in questions if q.field_type in TEXT_KINDS]
    return concern_in(texts, sender=Response)


@dataclass(frozen=True)
class ReceiveResult:
    response: Response
    created: bool
    # What the safeguarding screen found in the words, if anything.
    concern: Concern | None


def response_receive(
    *,
    consultation: Page,
    answers: dict[str, object],
    questions: list[AbstractFormField],
    age_band: str = "",
    region: str = "",
    consent_to_quote: bool = False,
    idempotency_key: str,
    complete: bool = True,
    concern: Concern | None = None,
    provenance: Provenance | None = None,
) -> ReceiveResult:
    """Take one young person's answers: have the words screened for a possible disclosure,
    store the response, and put a concern on the safeguarding queue in the same transaction.

    The screen never stops answers being stored: if it fails, the full analysis after commit
    screens them again.
    """
    if concern is None:
        concern = words_screen(answers=answers, questions=questions)
    # With nothing to flag, the response's own transaction is all there is.
    with transaction.atomic() if concern else nullcontext():
        result = response_submit(
            consultation=consultation,
            answers=answers,
            age_band=age_band,
            region=region,
            consent_to_quote=consent_to_quote,
            idempotency_key=idempotency_key,
            questions=questions,
            complete=complete,
            provenance=provenance,
        )
        if concern and result.created:
            # A resent response was screened when it was first stored.
            concern_stored.send(
                sender=Response,
                source=result.response,
                concern=concern,
                new=not result.completed_earlier,
            )
    return ReceiveResult(result.response, result.created, concern)


@dataclass(frozen=True)
class Entered:
    """One young person's answers as staff enter them: cleaned by the consultation's form."""

    answers: dict[str, object]
    age_band: str = ""
    region: str = ""
    consent_to_quote: bool = False


def responses_enter(
    *, consultation: Page, entered: list[Entered], provenance: Provenance
) -> list[ReceiveResult]:
    """Store answers given on paper or at a session, all of them or none: each is screened for
    a possible disclosure and analysed like an answer sent online."""
    if provenance.channel not in ENTERED_CHANNELS:
        raise ValueError(f"Not a channel staff enter answers for: {provenance.channel!r}")
    if not provenance.agreement_noted:
        raise ValueError("Answers are entered only when the young person agreed to give them.")
    questions = list(consultation.form_fields.all())
    with transaction.atomic():
        return [
            response_receive(
                consultation=consultation,
                answers=one.answers,
                questions=questions,
                age_band=one.age_band,
                region=one.region,
                consent_to_quote=one.consent_to_quote,
                idempotency_key=uuid.uuid4().hex,
                provenance=provenance,
            )
            for one in entered
        ]
