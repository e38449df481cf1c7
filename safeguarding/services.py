"""Writes of the safeguarding app: the in-request screen, raising flags from any source, and
the lead's workflow (acknowledge, close with what was done, reopen), each kept in the flag's
append-only history."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from consultations.models import Response
from core.calendar import working_hours_after
from core.rules import require
from core.screening import SCREEN, Concern
from core.tasks import enqueue_after_commit
from nlp.pipeline import screen_many, shared
from parliament import services as parliament_services
from parliament.models import Comment
from safeguarding import rules
from safeguarding.models import FlagEvent, SafeguardingFlag

log = logging.getLogger(__name__)

WORK_PERMISSION = "safeguarding.change_safeguardingflag"


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


def _event(flag: SafeguardingFlag, what: str, *, by=None, note: str = "") -> FlagEvent:
    return FlagEvent.objects.create(
        flag=flag, what=what, by=by, status=flag.status, action=flag.action, note=note
    )


@transaction.atomic
def flag_raise(*, source: Response | Comment, concern: Concern, new: bool = False):
    """Put a response or comment on the safeguarding queue, or add evidence to its flag.

    A flag is never lowered here: its status changes only when a person reviews it. `new`
    says the source was stored in this transaction, so it has no flag yet and one insert will
    do (the submission request's path). A new flag's clock starts, and the leads are emailed
    once the transaction commits.
    """
    where = {_source_field(source): source}
    now = timezone.now()
    fields = {
        "raised_at": now,
        "due_at": working_hours_after(now, settings.SAFEGUARDING_TARGET_WORKING_HOURS),
        "kind": concern.kind,
        "evidence": list(concern.evidence),
        "score": concern.score,
        "raised_by": concern.stage,
        "pipeline_version": concern.pipeline_version,
    }
    if new:
        flag, created = SafeguardingFlag.objects.create(**where, **fields), True
    else:
        flag, created = SafeguardingFlag.objects.select_for_update().get_or_create(
            **where, defaults=fields
        )
    if created:
        _event(flag, FlagEvent.What.RAISED, note="; ".join(flag.evidence))
        enqueue_after_commit("safeguarding.tasks.flag_raised_notify_task", flag.pk)
        return flag
    merged = rules.evidence_merged(flag.evidence, concern.evidence)
    if merged != flag.evidence or concern.score > flag.score:
        added = merged[len(flag.evidence) :]
        flag.evidence = merged
        flag.score = max(flag.score, concern.score)
        flag.save(update_fields=["evidence", "score"])
        if added:
            _event(flag, FlagEvent.What.EVIDENCE, note="; ".join(added))
    return flag


def _require_lead(user) -> None:
    if not user.has_perm(WORK_PERMISSION):
        raise PermissionDenied("Only the safeguarding lead works the queue.")


def _locked(flag: SafeguardingFlag) -> SafeguardingFlag:
    return SafeguardingFlag.objects.select_for_update().get(pk=flag.pk)


def flag_read(*, flag: SafeguardingFlag, by) -> None:
    """Record that this person read the raw words behind a flag (only the safeguarding lead
    and superusers can open a flag at all)."""
    _event(flag, FlagEvent.What.READ, by=by)


@transaction.atomic
def flag_acknowledge(*, flag: SafeguardingFlag, by) -> SafeguardingFlag:
    """A lead has seen the flag and is dealing with it: its clock stops."""
    _require_lead(by)
    flag = _locked(flag)
    require(rules.flag_can_acknowledge(status=flag.status))
    flag.status = SafeguardingFlag.Status.ACKNOWLEDGED
    flag.acknowledged_by = by
    flag.acknowledged_at = timezone.now()
    flag.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
    _event(flag, FlagEvent.What.ACKNOWLEDGED, by=by)
    return flag


@transaction.atomic
def flag_close(*, flag: SafeguardingFlag, action: str, action_taken: str, by) -> SafeguardingFlag:
    """Close a flag with what was done. A parliament comment it held is released to the
    moderators, who still decide whether it appears."""
    _require_lead(by)
    flag = _locked(flag)
    if action not in SafeguardingFlag.Action.values:
        action = ""
    require(rules.flag_can_close(status=flag.status, action=action, action_taken=action_taken))
    now = timezone.now()
    if flag.acknowledged_at is None:
        flag.acknowledged_by, flag.acknowledged_at = by, now
    flag.status = SafeguardingFlag.Status.CLOSED
    flag.action = action
    flag.action_taken = action_taken.strip()
    flag.closed_by, flag.closed_at = by, now
    flag.save()
    _event(flag, FlagEvent.What.CLOSED, by=by, note=flag.action_taken)
    if flag.comment_id:
        parliament_services.comment_release(comment=flag.comment, by=by)
    return flag


@transaction.atomic
def flag_reopen(*, flag: SafeguardingFlag, reason: str, by) -> SafeguardingFlag:
    """Put a closed flag back on the queue. What was recorded when it was closed stays in its
    history; the flag waits for a new record."""
    _require_lead(by)
    flag = _locked(flag)
    require(rules.flag_can_reopen(status=flag.status, reason=reason))
    flag.status = SafeguardingFlag.Status.ACKNOWLEDGED
    flag.action = ""
    flag.action_taken = ""
    flag.closed_by, flag.closed_at = None, None
    flag.save()
    _event(flag, FlagEvent.What.REOPENED, by=by, note=reason.strip())
    if flag.comment_id:
        parliament_services.comment_hold(comment=flag.comment, by=by)
    return flag
