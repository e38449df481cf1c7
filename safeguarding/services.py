"""Writes of the safeguarding app: the in-request screen and raising flags from any source."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from consultations.models import Response
from core.screening import SCREEN, Concern
from nlp.pipeline import screen_many, shared
from parliament.models import Comment
from safeguarding import rules
from safeguarding.models import SafeguardingFlag

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Load the pipeline as a web process starts, so no young person waits for it."""
    try:
        shared()
    except Exception:
        log.exception("could not load the analysis pipeline; submissions are stored regardless")


def texts_screen(texts: Iterable[str]) -> Concern | None:
    """The fast safeguarding screen, for use inside the submission request.

    Returns the most certain concern ("sure" ones first), or None. If the screen cannot run,
    it says so in the log and returns None: the words are stored regardless and the full
    analysis runs later.
    """
    try:
        results = screen_many(shared(), [t for t in texts if t.strip()])
    except Exception:
        log.exception("safeguarding screen failed in the request; the analysis task will run it")
        return None
    flagged = [r for r in results if r["flag"]]
    if not flagged:
        return None
    worst = max(flagged, key=lambda r: (r["sure"], r["score"]))
    return Concern(
        kind=worst["kind"],
        score=worst["score"],
        evidence=list(worst["evidence"]),
        sure=bool(worst["sure"]),
        stage=SCREEN,
    )


def _source_field(source) -> str:
    if isinstance(source, Response):
        return "response"
    if isinstance(source, Comment):
        return "comment"
    raise TypeError(f"A flag is raised on a response or a comment, not {type(source).__name__}")


@transaction.atomic
def flag_raise(*, source: Response | Comment, concern: Concern, new: bool = False):
    """Put a response or comment on the safeguarding queue, or add evidence to its flag.

    A flag is never lowered here: its status changes only when a person reviews it. `new`
    says the source was stored in this transaction, so it has no flag yet and one insert will
    do (the submission request's path).
    """
    where = {_source_field(source): source}
    fields = {
        "kind": concern.kind,
        "evidence": list(concern.evidence),
        "score": concern.score,
        "raised_by": concern.stage,
        "pipeline_version": concern.pipeline_version,
    }
    if new:
        return SafeguardingFlag.objects.create(**where, **fields)
    flag, created = SafeguardingFlag.objects.select_for_update().get_or_create(
        **where, defaults=fields
    )
    if not created:
        merged = rules.evidence_merged(flag.evidence, concern.evidence)
        if merged != flag.evidence or concern.score > flag.score:
            flag.evidence = merged
            flag.score = max(flag.score, concern.score)
            flag.save(update_fields=["evidence", "score"])
    return flag
