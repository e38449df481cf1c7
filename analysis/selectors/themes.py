"""Promoted themes for the dashboard: how many of the responses the filters select are in
each, which outcomes they are about, and a few of their words, redacted, from young people
who agreed to be quoted."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Length

from analysis.models import AnswerAnalysis, Theme
from analysis.selectors.dashboard import finished
from analysis.selectors.responses import ResponseQuery, responses_matching, tags_in_effect
from core.taxonomy import Outcome

QUOTES_PER_THEME = 2
QUOTE_MAX_LENGTH = 240


@dataclass(frozen=True)
class ThemeFigure:
    theme: Theme
    responses: int
    quotes: list[str]
    # (outcome label, responses in the theme about it), most first
    outcomes: list[tuple[str, int]]


def themes_on_dashboard(query: ResponseQuery) -> list[ThemeFigure]:
    """The consultation's promoted themes, most said first (none without a consultation)."""
    if query.consultation is None:
        return []
    selected = responses_matching(finished(query))
    themes = (
        Theme.objects.filter(consultation=query.consultation, status=Theme.Status.PROMOTED)
        .annotate(
            n=Count(
                "answers__response",
                filter=Q(answers__response__in=selected),
                distinct=True,
            )
        )
        .order_by("-n", "name")
    )
    figures = []
    for theme in themes:
        quotes = (
            AnswerAnalysis.objects.filter(
                answer__themes=theme,
                answer__response__in=selected,
                answer__response__consent_to_quote=True,
            )
            .annotate(length=Length("redacted_text"))
            .filter(length__lte=QUOTE_MAX_LENGTH)
            .order_by("-length", "pk")
            .values_list("redacted_text", flat=True)[:QUOTES_PER_THEME]
        )
        about = (
            tags_in_effect(source=query.source)
            .filter(answer__themes=theme, answer__response__in=selected)
            .values("outcome")
            .annotate(n=Count("answer__response", distinct=True))
            .order_by("-n", "outcome")
        )
        outcomes = [(Outcome(row["outcome"]).label, row["n"]) for row in about]
        figures.append(
            ThemeFigure(theme=theme, responses=theme.n, quotes=list(quotes), outcomes=outcomes)
        )
    return figures
