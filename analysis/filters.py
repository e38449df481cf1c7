"""The filters of the Responses list, which the analysis dashboard shares: the same names in the
address mean the same responses on both screens (`selectors.responses.responses_matching`)."""

from __future__ import annotations

from urllib.parse import urlencode

import django_filters
from django.urls import reverse
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from analysis.models import Theme
from analysis.rules import ANALYST, MODEL
from analysis.selectors.responses import (
    IN_EFFECT,
    NOT_GIVEN,
    ResponseQuery,
    responses_matching,
)
from analysis.statistics import SCALE
from consultations.models import ConsultationPage, ConsultationQuestion, Response
from consultations.rules import Channel
from core.taxonomy import AgeBand, Outcome, Region

FINISHED, UNFINISHED = "yes", "no"
SOURCE_CHOICES = [(MODEL, "The model's tags only"), (ANALYST, "Analysts' tags only")]
IN_EFFECT_LABEL = "Analysts' decisions, else the model's"


class QuestionChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.page.title}: {obj.label}"


class QuestionFilter(django_filters.ModelChoiceFilter):
    field_class = QuestionChoiceField


def _questions():
    return ConsultationQuestion.objects.select_related("page").order_by("page__title", "sort_order")


class ResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        queryset=ConsultationPage.objects.order_by("title"),
        label="Consultation",
        empty_label="All consultations",
    )
    question = QuestionFilter(queryset=_questions(), label="Question", empty_label="All questions")
    outcome = django_filters.ChoiceFilter(
        choices=Outcome.choices, label="Outcome", empty_label="All outcomes"
    )
    source = django_filters.ChoiceFilter(
        choices=SOURCE_CHOICES, label="Tags", empty_label=IN_EFFECT_LABEL
    )
    age_band = django_filters.ChoiceFilter(
        choices=[*AgeBand.choices, (NOT_GIVEN, "Not given")],
        label="Age band",
        empty_label="All age bands",
    )
    region = django_filters.ChoiceFilter(
        choices=[*Region.choices, (NOT_GIVEN, "Not given")],
        label="Region",
        empty_label="All regions",
    )
    channel = django_filters.ChoiceFilter(
        choices=Channel.choices, label="Channel", empty_label="Online and entered by staff"
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label="Sent between", widget=DateRangePickerWidget
    )
    complete = django_filters.ChoiceFilter(
        choices=[(FINISHED, "Finished"), (UNFINISHED, "Unfinished")],
        label="Finished",
        empty_label="Finished or not",
    )
    scale = django_filters.TypedChoiceFilter(
        choices=[(str(v), str(v)) for v in SCALE],
        coerce=int,
        label="Rating",
    )
    keyphrase = django_filters.CharFilter(label="Key phrase")
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.exclude(status=Theme.Status.DISCARDED).order_by("name"),
        label="Theme",
        empty_label="All themes",
    )
    words = django_filters.CharFilter(
        label="Words in the answers",
        help_text="Every word must appear; searches the answers with personal data removed.",
        max_length=200,
    )

    class Meta:
        model = Response
        fields = [
            "consultation",
            "question",
            "outcome",
            "source",
            "age_band",
            "region",
            "channel",
            "submitted_at",
            "complete",
            "scale",
            "keyphrase",
            "theme",
            "words",
        ]

    def filter_queryset(self, queryset):
        # One definition of what the filters mean, shared with the dashboard.
        return responses_matching(query_from(self.form.cleaned_data), responses=queryset)


def query_from(data: dict) -> ResponseQuery:
    """A `ResponseQuery` from the cleaned data of the filters' form."""
    dates = data.get("submitted_at")
    complete = data.get("complete")
    return ResponseQuery(
        consultation=data.get("consultation"),
        question=data.get("question"),
        outcome=data.get("outcome") or "",
        source=data.get("source") or IN_EFFECT,
        age_band=data.get("age_band") or "",
        region=data.get("region") or "",
        channel=data.get("channel") or "",
        date_from=dates.start.date() if dates and dates.start else None,
        date_to=dates.stop.date() if dates and dates.stop else None,
        complete={FINISHED: True, UNFINISHED: False}.get(complete),
        scale=data.get("scale") or None,
        keyphrase=(data.get("keyphrase") or "").strip(),
        words=(data.get("words") or "").strip(),
        theme=data.get("theme"),
    )


def query_params(query: ResponseQuery) -> dict[str, str]:
    """The address parameters that select `query`'s responses, in the filters' names."""
    params = {
        "consultation": query.consultation.pk if query.consultation else "",
        "question": query.question.pk if query.question else "",
        "outcome": query.outcome,
        "source": query.source,
        "age_band": query.age_band,
        "region": query.region,
        "channel": query.channel,
        "submitted_at_from": query.date_from.isoformat() if query.date_from else "",
        "submitted_at_to": query.date_to.isoformat() if query.date_to else "",
        "complete": {True: FINISHED, False: UNFINISHED}.get(query.complete, ""),
        "scale": query.scale or "",
        "keyphrase": query.keyphrase,
        "words": query.words,
        "theme": query.theme.pk if query.theme else "",
    }
    return {key: str(value) for key, value in params.items() if value not in ("", None)}


def responses_url(query: ResponseQuery) -> str:
    """The Responses list, filtered to `query`'s responses."""
    params = query_params(query)
    index = reverse("responses:index")
    return f"{index}?{urlencode(params)}" if params else index
