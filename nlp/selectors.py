"""Reads of analysis results that more than one screen needs."""

from django.core.exceptions import ObjectDoesNotExist

from consultations.models import Answer

RAW_TEXT_PERMISSION = "nlp.view_raw_text"
AWAITING_REDACTION = "[hidden until personal data has been removed]"


def answer_text_for(*, user, answer: Answer) -> str:
    """What this user may read of an answer: raw text only for the safeguarding lead, the
    redacted text for everyone else, and nothing until redaction has run."""
    if not answer.is_text or not answer.text:
        return answer.display_value
    if user.has_perm(RAW_TEXT_PERMISSION):
        return answer.text
    try:
        return answer.analysis.redacted_text
    except ObjectDoesNotExist:
        return AWAITING_REDACTION


def answer_outcomes(*, answer: Answer) -> list[dict]:
    """The outcomes that apply to an answer: an analyst's decision where there is one,
    otherwise the model's tags, each with where it came from and its explaining words."""
    from nlp.models import OutcomeTag

    tags = list(answer.tags.all())
    decided = {t.outcome: t for t in tags if t.source == OutcomeTag.Source.ANALYST}
    result = [
        {"outcome": t.outcome, "source": t.source, "evidence": [], "score": None}
        for t in decided.values()
        if t.applies
    ]
    result += [
        {"outcome": t.outcome, "source": t.source, "evidence": t.evidence, "score": t.score}
        for t in tags
        if t.source == OutcomeTag.Source.MODEL and t.outcome not in decided
    ]
    return sorted(result, key=lambda r: r["outcome"])
