"""The analysis rules, in one place: whose reading of an answer counts, who reads raw words,
and when a response counts as missed by the analysis task."""

from datetime import timedelta

# Only the safeguarding lead holds this: everyone else reads redacted text.
RAW_TEXT_PERMISSION = "analysis.view_raw_text"
CORRECT_PERMISSION = "analysis.change_outcometag"
# The audit-log action recorded whenever somebody reads a response's words before redaction.
RAW_READ_ACTION = "analysis.raw_read"

MODEL = "model"
ANALYST = "analyst"

# A response this old with no analysis was missed (a worker died, the queue was lost).
SWEEP_AFTER = timedelta(minutes=2)


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
