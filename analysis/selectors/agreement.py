"""The answers analysts have read, with the model's outcomes beside theirs, for the agreement
screen."""

from __future__ import annotations

from analysis.agreement import Reviewed
from analysis.models import AnswerAnalysis, OutcomeTag

UNKNOWN_VERSION = "(analysed before versions were recorded)"


def reviewed_answers(*, consultation_id: int | None = None) -> list[Reviewed]:
    """Every answer with an analyst's reading, under the pipeline version that analysed it."""
    tags = OutcomeTag.objects.filter(answer__tags__source=OutcomeTag.Source.ANALYST)
    if consultation_id is not None:
        tags = tags.filter(answer__response__consultation_id=consultation_id)
    model: dict[int, set[str]] = {}
    decided: dict[int, set[str]] = {}
    analyst: dict[int, set[str]] = {}
    rows = tags.distinct().values_list("answer_id", "outcome", "source", "applies")
    for answer_id, outcome, source, applies in rows:
        if source == OutcomeTag.Source.ANALYST:
            decided.setdefault(answer_id, set()).add(outcome)
            said = analyst.setdefault(answer_id, set())
            if applies:
                said.add(outcome)
        else:
            model.setdefault(answer_id, set()).add(outcome)
    versions = dict(
        AnswerAnalysis.objects.filter(answer_id__in=analyst).values_list(
            "answer_id", "pipeline_version"
        )
    )
    return [
        Reviewed(
            pipeline_version=versions.get(answer_id) or UNKNOWN_VERSION,
            model=frozenset(model.get(answer_id, ())),
            decided=frozenset(decided[answer_id]),
            analyst=frozenset(said),
        )
        for answer_id, said in analyst.items()
    ]
