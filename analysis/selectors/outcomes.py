"""The five outcomes side by side, consultation by consultation in the order they opened: how
many finished responses each consultation had, and how many were about each outcome."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from analysis.selectors.responses import ResponseQuery, responses_matching, tags_in_effect
from consultations.models import ConsultationPage
from core.taxonomy import Outcome


@dataclass(frozen=True)
class ConsultationOutcomes:
    consultation: ConsultationPage
    responses: int
    about: dict[str, int]  # outcome -> finished responses with an answer about it

    def share(self, outcome: str) -> float | None:
        return self.about[outcome] / self.responses if self.responses else None


def outcomes_by_consultation() -> list[ConsultationOutcomes]:
    """Every consultation with finished responses, oldest first (three queries in all)."""
    finished = responses_matching(ResponseQuery(complete=True))
    sizes = dict(
        finished.order_by()
        .values("consultation")
        .annotate(n=Count("pk"))
        .values_list("consultation", "n")
    )
    about: dict[int, dict[str, int]] = {pk: dict.fromkeys(Outcome.values, 0) for pk in sizes}
    rows = (
        tags_in_effect()
        .filter(answer__response__in=finished)
        .order_by()
        .values("answer__response__consultation", "outcome")
        .annotate(n=Count("answer__response", distinct=True))
    )
    for row in rows:
        about[row["answer__response__consultation"]][row["outcome"]] = row["n"]
    pages = ConsultationPage.objects.filter(pk__in=sizes).order_by("opens_at", "pk")
    return [
        ConsultationOutcomes(consultation=page, responses=sizes[page.pk], about=about[page.pk])
        for page in pages
    ]
