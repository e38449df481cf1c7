"""Writes of analysis results: tags, redacted text, safeguarding flags."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from consultations.models import Answer, Response
from nlp.models import AnswerAnalysis, OutcomeTag, SafeguardingFlag

log = logging.getLogger(__name__)


def _pipeline():
    from nlp.pipeline import shared

    return shared()


def warm_up() -> None:
    """Load the pipeline as a web process starts, so no young person waits for it."""
    try:
        _pipeline()
    except Exception:
        log.exception("could not load the analysis pipeline; submissions are stored regardless")


def pipeline_version() -> str:
    from nlp.pipeline import version

    return version(_pipeline())


def text_answers(response: Response) -> list[Answer]:
    return [a for a in response.answers.all() if a.is_text and a.text.strip()]


def screen_texts(texts: Iterable[str]) -> dict | None:
    """The fast safeguarding screen, for use inside the submission request.

    Returns the most certain flagged result ("sure" ones first), or None. If the screen
    cannot run, it says so in the log and returns None: the answers are stored regardless
    and the full analysis runs later.
    """
    from nlp.pipeline import screen_many

    try:
        flagged = [
            r for r in screen_many(_pipeline(), [t for t in texts if t.strip()]) if r["flag"]
        ]
        if flagged:
            return max(flagged, key=lambda r: (r["sure"], r["score"]))
    except Exception:
        log.exception("safeguarding screen failed in the request; the analysis task will run it")
    return None


@transaction.atomic
def flag_raise(
    *,
    response: Response | None = None,
    comment=None,
    kind: str,
    evidence: list[str],
    score: float,
    raised_by: str,
    pipeline_version: str = "",
    new_response: bool = False,
) -> SafeguardingFlag:
    """Put a response on the safeguarding queue, or add evidence to the flag it has.

    A flag is never lowered here: its status changes only when a person reviews it.
    `new_response` says the response (or comment) was stored in this transaction, so it has
    no flag yet and one insert will do (the submission request's path).
    """
    if (response is None) == (comment is None):
        raise ValueError("A flag is raised on a response or on a comment")
    source = {"response": response} if response is not None else {"comment": comment}
    if new_response:
        return SafeguardingFlag.objects.create(
            **source,
            kind=kind,
            evidence=list(evidence),
            score=score,
            raised_by=raised_by,
            pipeline_version=pipeline_version,
        )
    flag, created = SafeguardingFlag.objects.select_for_update().get_or_create(
        **source,
        defaults={
            "kind": kind,
            "evidence": list(evidence),
            "score": score,
            "raised_by": raised_by,
            "pipeline_version": pipeline_version,
        },
    )
    if not created:
        merged = flag.evidence + [e for e in evidence if e not in flag.evidence]
        if merged != flag.evidence or score > flag.score:
            flag.evidence = merged
            flag.score = max(flag.score, score)
            flag.save(update_fields=["evidence", "score"])
    return flag


def responses_analyse(*, response_ids: list[int]) -> int:
    """Analyse every text answer of these responses in one pass; returns answers analysed.

    Safe to run again: a response's model tags and analyses are replaced, analysts' tags and
    safeguarding flags are kept.
    """
    from nlp.pipeline import analyse

    pipeline = _pipeline()
    version = pipeline_version()
    responses = list(Response.objects.filter(pk__in=response_ids).prefetch_related("answers"))
    answers = [a for r in responses for a in text_answers(r)]
    results = list(analyse(pipeline, [a.text for a in answers]))
    by_response: dict[int, list] = {}
    for answer, result in zip(answers, results, strict=True):
        by_response.setdefault(answer.response_id, []).append((answer, result))

    now = timezone.now()
    with transaction.atomic():
        AnswerAnalysis.objects.filter(answer__in=answers).delete()
        OutcomeTag.objects.filter(answer__in=answers, source=OutcomeTag.Source.MODEL).delete()
        AnswerAnalysis.objects.bulk_create(
            AnswerAnalysis(
                answer=a,
                redacted_text=r.redacted,
                pii=r.pii,
                keyphrases=r.keyphrases,
                pipeline_version=version,
                analysed_at=now,
            )
            for a, r in zip(answers, results, strict=True)
        )
        OutcomeTag.objects.bulk_create(
            OutcomeTag(
                answer=a,
                outcome=label,
                source=OutcomeTag.Source.MODEL,
                score=r.scores[label],
                evidence=r.evidence.get(label, []),
                pipeline_version=version,
            )
            for a, r in zip(answers, results, strict=True)
            for label in r.outcomes
        )
        for response in responses:
            flagged = [r for _, r in by_response.get(response.pk, []) if r.safeguarding["flag"]]
            if flagged:
                worst = max(flagged, key=lambda r: r.safeguarding["score"])
                flag_raise(
                    response=response,
                    kind=worst.safeguarding["kind"],
                    evidence=[e for r in flagged for e in r.safeguarding["evidence"]],
                    score=worst.safeguarding["score"],
                    raised_by=SafeguardingFlag.RaisedBy.PIPELINE,
                    pipeline_version=version,
                )
        Response.objects.filter(pk__in=[r.pk for r in responses]).update(
            analysed_at=now, analysis_version=version
        )
    return len(answers)


@transaction.atomic
def tags_correct(*, answer: Answer, outcomes: set[str], user) -> list[OutcomeTag]:
    """Record an analyst's reading of an answer: for every outcome, whether it applies.

    Analysts' tags win over the model's and are kept when the answer is analysed again."""
    from consultations.outcomes import Outcome

    unknown = set(outcomes) - set(Outcome.values)
    if unknown:
        raise ValueError(f"Not outcomes: {sorted(unknown)}")
    tags = []
    for outcome in Outcome.values:
        tag, _ = OutcomeTag.objects.update_or_create(
            answer=answer,
            outcome=outcome,
            source=OutcomeTag.Source.ANALYST,
            defaults={
                "applies": outcome in outcomes,
                "decided_by": user,
                "created_at": timezone.now(),
            },
        )
        tags.append(tag)
    return tags
