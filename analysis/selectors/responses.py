"""Which responses a set of filters means: one definition for the Responses list and the
analysis dashboard, so every number on the dashboard opens exactly the responses behind it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from analysis.models import AnswerAnalysis, KeyPhrase, OutcomeTag, Theme
from analysis.rules import ANALYST, MODEL
from consultations.models import Answer, ConsultationPage, ConsultationQuestion, Response

# Which tags count: "" is what an answer is about now (an analyst's decision wins over the
# model's, as on the response screen); or the model's tags alone; or the analysts' alone.
IN_EFFECT = ""
TAG_SOURCES = (IN_EFFECT, MODEL, ANALYST)
# The age band or region of a response that left it out, as a filter's value.
NOT_GIVEN = "none"
# A search uses at most this many words, so one request cannot ask for an endless query.
MAX_WORDS = 8


@dataclass(frozen=True)
class ResponseQuery:
    """The filters of the Responses list and the dashboard, all optional."""

    consultation: ConsultationPage | None = None
    question: ConsultationQuestion | None = None
    outcome: str = ""
    source: str = IN_EFFECT
    age_band: str = ""
    region: str = ""
    channel: str = ""
    # Words that must all appear in the response's answers, as redacted (never the raw text).
    words: str = ""
    theme: Theme | None = None
    date_from: date | None = None
    date_to: date | None = None
    # None: finished or not. The dashboard counts finished responses only.
    complete: bool | None = None
    scale: int | None = None
    keyphrase: str = ""

    def but(self, **changes) -> ResponseQuery:
        return replace(self, **changes)

    @property
    def about_answers(self) -> bool:
        """Whether the answers matter, not only the response."""
        return bool(self.question or self.outcome or self.scale or self.keyphrase)


def tags_in_effect(*, source: str = IN_EFFECT) -> QuerySet[OutcomeTag]:
    """The tags that say an answer is about an outcome, read as `source` says."""
    if source not in TAG_SOURCES:
        raise ValueError(f"Not a source of tags: {source!r}")
    tags = OutcomeTag.objects.all()
    if source == MODEL:
        return tags.filter(source=MODEL)
    if source == ANALYST:
        return tags.filter(source=ANALYST, applies=True)
    decided = OutcomeTag.objects.filter(
        answer=OuterRef("answer"), outcome=OuterRef("outcome"), source=ANALYST
    )
    return tags.filter(Q(source=ANALYST, applies=True) | (Q(source=MODEL) & ~Exists(decided)))


def answered() -> Q:
    """Answers with something in them (a blank optional question is a row too)."""
    return ~Q(text="") | ~Q(choices=[]) | Q(scale__isnull=False)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def responses_matching(
    query: ResponseQuery, *, responses: QuerySet[Response] | None = None
) -> QuerySet[Response]:
    """The responses the filters select.

    The words filters (outcome, its source, key phrase) select responses with one answer that
    has them all, to `question` if one is given; a rating (`scale`) selects responses whose
    answer to `question` (or to any rating question) was that rating; `question` alone selects
    responses that answered it. Dates are whole days in the site's time zone."""
    qs = Response.objects.all() if responses is None else responses
    if query.complete is not None:
        qs = qs.filter(is_complete=query.complete)
    if query.consultation is not None:
        qs = qs.filter(consultation=query.consultation)
    if query.age_band:
        qs = qs.filter(age_band="" if query.age_band == NOT_GIVEN else query.age_band)
    if query.region:
        qs = qs.filter(region="" if query.region == NOT_GIVEN else query.region)
    if query.channel:
        qs = qs.filter(channel=query.channel)
    if query.theme is not None:
        linked = Theme.answers.through.objects.filter(
            theme=query.theme, answer__response=OuterRef("pk")
        )
        qs = qs.filter(Exists(linked))
    for word in query.words.split()[:MAX_WORDS]:
        qs = qs.filter(
            Exists(
                AnswerAnalysis.objects.filter(
                    answer__response=OuterRef("pk"), redacted_text__icontains=word
                )
            )
        )
    if query.date_from:
        qs = qs.filter(submitted_at__gte=_day_start(query.date_from))
    if query.date_to:
        qs = qs.filter(submitted_at__lte=_day_end(query.date_to))
    if not query.about_answers:
        return qs

    answers = Answer.objects.filter(response=OuterRef("pk"))
    if query.question is not None:
        answers = answers.filter(question=query.question)
    about_words = answers
    if query.outcome:
        tagged = tags_in_effect(source=query.source).filter(
            answer=OuterRef("pk"), outcome=query.outcome
        )
        about_words = about_words.filter(Exists(tagged))
    if query.keyphrase:
        phrase = KeyPhrase.objects.filter(answer=OuterRef("pk"), phrase=query.keyphrase)
        about_words = about_words.filter(Exists(phrase))
    if query.outcome or query.keyphrase:
        qs = qs.filter(Exists(about_words))
    if query.scale is not None:
        qs = qs.filter(Exists(answers.filter(scale=query.scale)))
    if query.question is not None and not (query.outcome or query.keyphrase or query.scale):
        qs = qs.filter(Exists(answers.filter(answered())))
    return qs
