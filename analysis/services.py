"""Writes of analysis results: redacted text, outcome tags, key phrases; concerns the full
analysis finds are handed to the safeguarding app through `core.screening`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from analysis import rules
from analysis.models import (
    PHRASE_MAX_LENGTH,
    AnswerAnalysis,
    KeyPhrase,
    OutcomeTag,
    Reanalysis,
    Theme,
)
from analysis.themes import candidates as theme_candidates
from consultations.models import Answer, Response
from core.screening import ANALYSIS, Concern, concern_stored
from core.tasks import enqueue_after_commit
from core.taxonomy import Outcome
from nlp.pipeline import analyse, shared, version


def pipeline_version() -> str:
    return version(shared())


def text_answers(response: Response) -> list[Answer]:
    return [a for a in response.answers.all() if a.is_text and a.text.strip()]


def responses_analyse(*, response_ids: list[int]) -> int:
    """Analyse every text answer of these responses in one pass; returns answers analysed.

    Safe to run again: a response's model tags and analyses are replaced, analysts' tags and
    safeguarding flags are kept.
    """
    pipeline = shared()
    current = version(pipeline)
    responses = list(Response.objects.filter(pk__in=response_ids).prefetch_related("answers"))
    answers = [a for r in responses for a in text_answers(r)]
    results = list(analyse(pipeline, [a.text for a in answers]))
    by_response: dict[int, list] = {}
    for answer, result in zip(answers, results, strict=True):
        by_response.setdefault(answer.response_id, []).append(result)

    now = timezone.now()
    with transaction.atomic():
        AnswerAnalysis.objects.filter(answer__in=answers).delete()
        KeyPhrase.objects.filter(answer__in=answers).delete()
        OutcomeTag.objects.filter(answer__in=answers, source=OutcomeTag.Source.MODEL).delete()
        AnswerAnalysis.objects.bulk_create(
            AnswerAnalysis(
                answer=a,
                redacted_text=r.redacted,
                pii=r.pii,
                keyphrases=r.keyphrases,
                pipeline_version=current,
                analysed_at=now,
            )
            for a, r in zip(answers, results, strict=True)
        )
        KeyPhrase.objects.bulk_create(
            KeyPhrase(answer=a, phrase=phrase)
            for a, r in zip(answers, results, strict=True)
            for phrase in dict.fromkeys(p[:PHRASE_MAX_LENGTH] for p in r.keyphrases)
        )
        OutcomeTag.objects.bulk_create(
            OutcomeTag(
                answer=a,
                outcome=label,
                source=OutcomeTag.Source.MODEL,
                score=r.scores[label],
                evidence=r.evidence.get(label, []),
                pipeline_version=current,
            )
            for a, r in zip(answers, results, strict=True)
            for label in r.outcomes
        )
        for response in responses:
            flagged = [r for r in by_response.get(response.pk, []) if r.safeguarding["flag"]]
            if flagged:
                worst = max(flagged, key=lambda r: r.safeguarding["score"])
                concern = Concern(
                    kind=worst.safeguarding["kind"],
                    score=worst.safeguarding["score"],
                    evidence=[e for r in flagged for e in r.safeguarding["evidence"]],
                    stage=ANALYSIS,
                    pipeline_version=current,
                )
                concern_stored.send(sender=Response, source=response, concern=concern)
        Response.objects.filter(pk__in=[r.pk for r in responses]).update(
            analysed_at=now, analysis_version=current
        )
    return len(answers)


@transaction.atomic
def tags_correct(*, answer: Answer, outcomes: set[str], user) -> list[OutcomeTag]:
    """Record an analyst's reading of an answer: for every outcome, whether it applies.

    Analysts' tags win over the model's and are kept when the answer is analysed again."""
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


class ReanalysisRefused(Exception):
    """A re-analysis is already running and moving."""


def responses_behind(*, version: str):
    """Responses not yet analysed by `version` (an older version did, or none did)."""
    return Response.objects.exclude(analysis_version=version)


def reanalysis_start(*, user) -> Reanalysis:
    """Start the current pipeline over every response an older version analysed."""
    current = pipeline_version()
    with transaction.atomic():
        running = Reanalysis.objects.select_for_update().filter(finished_at=None).first()
        now = timezone.now()
        if not rules.reanalysis_may_start(
            running_progressed_at=running.progressed_at if running else None, now=now
        ):
            raise ReanalysisRefused(
                "A re-analysis is already running. Wait for it to finish before starting another."
            )
        if running is not None:
            running.finished_at = now  # stalled: this run takes over where it stopped
            running.save(update_fields=["finished_at"])
        run = Reanalysis.objects.create(
            started_by=user,
            pipeline_version=current,
            total=responses_behind(version=current).count(),
        )
        enqueue_after_commit("analysis.tasks.reanalysis_run_task", run.pk)
    return run


def reanalysis_run(*, run_id: int) -> int:
    """Work through the responses behind the run's version in batches, counting progress."""
    run = Reanalysis.objects.get(pk=run_id)
    if run.finished_at is not None:
        return 0
    done = 0
    # A new version deployed mid-run would analyse to that version, never to the run's: stop.
    while pipeline_version() == run.pipeline_version:
        ids = list(
            responses_behind(version=run.pipeline_version)
            .order_by("pk")
            .values_list("pk", flat=True)[: rules.REANALYSIS_BATCH]
        )
        if not ids:
            break
        responses_analyse(response_ids=ids)
        done += len(ids)
        Reanalysis.objects.filter(pk=run.pk).update(
            done=F("done") + len(ids), progressed_at=timezone.now()
        )
    Reanalysis.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    return done


EXPORT_ACTION = "analysis.export"


def export_record(*, user, what: str, params: dict[str, str]) -> None:
    """Every export of answers or figures goes in the audit log: who, when, what and with
    which filters (Reports, Site history, action "Analysis: export")."""
    filters = {k: v for k, v in params.items() if k not in ("export", "p") and v}
    # Logged against the person: `request.user` is a lazy object inside a lazy object (the
    # second factor wraps it), which the audit log would not recognise as a model.
    person = get_user_model().objects.get(pk=user.pk)
    log(person, EXPORT_ACTION, user=person, data={"what": what, "filters": filters})


def themes_propose(*, consultation) -> list[Theme]:
    """Propose themes from the consultation's key phrases again. Analysts' decisions stay:
    promoted and discarded themes are kept as they are, and their phrases are not proposed
    again; only the earlier proposals nobody acted on are replaced."""
    decided = Theme.objects.filter(consultation=consultation).exclude(status=Theme.Status.PROPOSED)
    taken = {p for theme in decided for p in theme.phrases}
    pairs = [
        (answer_id, phrase)
        for answer_id, phrase in KeyPhrase.objects.filter(
            answer__response__consultation=consultation, answer__response__is_complete=True
        ).values_list("answer_id", "phrase")
        if phrase.strip().lower() not in taken
    ]
    with transaction.atomic():
        Theme.objects.filter(consultation=consultation, status=Theme.Status.PROPOSED).delete()
        made = []
        for candidate in theme_candidates(pairs):
            theme = Theme.objects.create(
                consultation=consultation, name=candidate.name[:120], phrases=candidate.phrases
            )
            theme.answers.set(candidate.answer_ids)
            made.append(theme)
    return made


def theme_decide(*, theme: Theme, status: str, user, name: str = "") -> Theme:
    """Promote (with a name an analyst gives) or discard a theme."""
    if status not in (Theme.Status.PROMOTED, Theme.Status.DISCARDED):
        raise ValueError(f"Not a decision: {status!r}")
    theme.status = status
    theme.name = (name.strip() or theme.name)[:120]
    theme.decided_by = user
    theme.decided_at = timezone.now()
    theme.save(update_fields=["status", "name", "decided_by", "decided_at"])
    return theme


@transaction.atomic
def themes_merge(*, themes: list[Theme], name: str, user) -> Theme:
    """Several themes of one consultation become one promoted theme with all their answers."""
    if len(themes) < 2 or len({t.consultation_id for t in themes}) != 1:
        raise ValueError("Choose two or more themes of the same consultation to merge.")
    keep, others = themes[0], themes[1:]
    keep.phrases = sorted({p for t in themes for p in t.phrases})
    keep.save(update_fields=["phrases"])
    for other in others:
        keep.answers.add(*other.answers.all())
        other.delete()
    return theme_decide(theme=keep, status=Theme.Status.PROMOTED, user=user, name=name)


def theme_link(*, theme: Theme, answer: Answer, link: bool) -> None:
    """An analyst puts an answer in a promoted theme, or takes it out. Only promoted themes:
    proposals are replaced when themes are proposed again, and a hand-made link must stay."""
    if theme.status != Theme.Status.PROMOTED:
        raise ValueError("Answers can be put in a theme by hand once it is promoted.")
    if answer.response.consultation_id != theme.consultation_id:
        raise ValueError("That theme belongs to another consultation.")
    if link:
        theme.answers.add(answer)
    else:
        theme.answers.remove(answer)


@transaction.atomic
def theme_split(*, theme: Theme, phrases: list[str], name: str, user) -> Theme:
    """Some of a theme's phrases become a theme of their own (promoted, with the name given),
    taking the answers that said them; answers that also said one of the phrases left behind
    stay in the first theme too."""
    moving = set(phrases) & set(theme.phrases)
    staying = set(theme.phrases) - moving
    if not moving or not staying:
        raise ValueError("Tick some of the theme's phrases, but not all of them, to split it.")
    said = KeyPhrase.objects.filter(answer__in=theme.answers.all())
    moved_answers = set(said.filter(phrase__in=moving).values_list("answer_id", flat=True))
    kept_answers = set(said.filter(phrase__in=staying).values_list("answer_id", flat=True))
    new = Theme.objects.create(
        consultation=theme.consultation,
        name=name.strip()[:120] or sorted(moving)[0],
        phrases=sorted(moving),
    )
    new.answers.set(moved_answers)
    theme.answers.remove(*(moved_answers - kept_answers))
    theme.phrases = sorted(staying)
    theme.save(update_fields=["phrases"])
    return theme_decide(theme=new, status=Theme.Status.PROMOTED, user=user, name=name)
