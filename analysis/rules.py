"""The analysis rules, in one place: whose reading of an answer counts, who reads raw words,
when a response counts as missed by the analysis task, and how small a count must be hidden."""

from datetime import timedelta

from django.conf import settings

from core.taxonomy import Outcome

# Only the safeguarding lead holds this: everyone else reads redacted text.
RAW_TEXT_PERMISSION = "analysis.view_raw_text"
CORRECT_PERMISSION = "analysis.change_outcometag"
# The dashboard needs what the Responses screen needs (analysts, the commissioner, and the
# safeguarding lead, who reads the responses themselves); its CSV, what their export needs.
DASHBOARD_PERMISSION = "consultations.view_response"
EXPORT_PERMISSION = "consultations.export_response"
# The audit-log action recorded whenever somebody reads a response's words before redaction.
RAW_READ_ACTION = "analysis.raw_read"

MODEL = "model"
ANALYST = "analyst"

# Analysts start re-analysis after a new pipeline version (they correct tags already).
REANALYSE_PERMISSION = CORRECT_PERMISSION
# A re-analysis that has not moved for this long lost its worker: it may be started again,
# and carries on where it stopped (it picks the responses still on an older version).
REANALYSIS_STALLED_AFTER = timedelta(minutes=10)
REANALYSIS_BATCH = 200

# A response this old with no analysis was missed (a worker died, the queue was lost).
SWEEP_AFTER = timedelta(minutes=2)

# Counts below this are hidden in anything that leaves the analysis screens (exports, published
# pages, the annual report); `core.suppression` does the hiding. Set `SMALL_NUMBER_THRESHOLD`
# in the settings to change it.
SMALL_NUMBER_THRESHOLD = 10


def small_number_threshold() -> int:
    return int(getattr(settings, "SMALL_NUMBER_THRESHOLD", SMALL_NUMBER_THRESHOLD))


def outcomes_that_apply(tags) -> list[dict]:
    """An answer's outcomes from its tags: an analyst's decision wins over the model's for the
    same outcome (including a decision that the outcome does not apply); each with where it
    came from and the words that explain it."""
    decided = {t.outcome: t for t in tags if t.source == ANALYST}
    result = [
        {"outcome": t.outcome, "source": t.source, "evidence": [], "score": None}
        for t in decided.values()
        if t.applies
    ]
    result += [
        {"outcome": t.outcome, "source": t.source, "evidence": t.evidence, "score": t.score}
        for t in tags
        if t.source == MODEL and t.outcome not in decided
    ]
    return sorted(result, key=lambda r: r["outcome"])


def outcomes_explained(tags) -> list[dict]:
    """Every outcome an answer has a tag for, in the taxonomy's order: whether it applies now
    (an analyst's decision wins), who decided, and the model's score and the words that
    explain its tag, kept beside an analyst's decision so the two can be compared."""
    by_outcome: dict[str, dict] = {}
    for tag in tags:
        entry = by_outcome.setdefault(
            tag.outcome,
            {
                "outcome": tag.outcome,
                "label": Outcome(tag.outcome).label,
                "analyst": None,
                "by_model": False,
                "model_score": None,
                "evidence": [],
            },
        )
        if tag.source == ANALYST:
            entry["analyst"] = tag.applies
        else:
            entry["by_model"] = True
            entry["model_score"] = tag.score
            entry["evidence"] = list(tag.evidence or [])
    result = []
    for outcome in Outcome.values:
        entry = by_outcome.get(outcome)
        if entry is None:
            continue
        entry["applies"] = entry["by_model"] if entry["analyst"] is None else entry["analyst"]
        entry["decided_by"] = MODEL if entry["analyst"] is None else ANALYST
        result.append(entry)
    return result


def reanalysis_may_start(*, running_progressed_at, now) -> bool:
    """Nothing is running, or what is running has stalled."""
    return running_progressed_at is None or now - running_progressed_at >= REANALYSIS_STALLED_AFTER
