"""Reads of analysis results that more than one screen needs."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet

from analysis import rules
from consultations.models import Answer, Response

AWAITING_REDACTION = "[hidden until personal data has been removed]"


def answer_text_for(*, user, answer: Answer) -> str:
    """What this user may read of an answer: raw text only for the safeguarding lead, the
    redacted text for everyone else, and nothing until redaction has run."""
    if not answer.is_text or not answer.text:
        return answer.display_value
    if user.has_perm(rules.RAW_TEXT_PERMISSION):
        return answer.text
    try:
        return answer.analysis.redacted_text
    except ObjectDoesNotExist:
        return AWAITING_REDACTION


def answer_outcomes(*, answer: Answer) -> list[dict]:
    """The outcomes that apply to an answer, analysts' decisions first (see rules)."""
    return rules.outcomes_that_apply(list(answer.tags.all()))


def responses_for_admin() -> QuerySet[Response]:
    return Response.objects.select_related("consultation").prefetch_related(
        Prefetch(
            "answers",
            queryset=Answer.objects.select_related("analysis").prefetch_related("tags", "themes"),
        )
    )
