"""Writes for casework. Each checks permission through `access`, checks the statutory rules in
`policy`, records who, when and why, and writes the audit trail, in one transaction."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import filetype
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Avg, F
from django.utils import timezone

from commissioner import access, policy
from commissioner.models import (
    Agency,
    AuditEvent,
    BreakGlass,
    Child,
    Deadline,
    Direction,
    Evidence,
    InformationRequest,
    Inquiry,
    Move,
    Recommendation,
    Report,
    SealedReport,
)
from commissioner.policy import State
from commissioner.signals import inquiry_moved

BREAK_GLASS_HOURS = 8


def audit(*, user, action: str, inquiry: Inquiry | None = None, target: str = "", reason: str = ""):
    return AuditEvent.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        inquiry=inquiry,
        target=target[:200],
        reason=reason,
    )


def _require_open(user, inquiry: Inquiry) -> None:
    if not access.can_open(user=user, inquiry=inquiry):
        raise PermissionDenied("Only the inquiry's team can do this.")


def _checked_document(upload, *, allowed: dict[str, str] = policy.EVIDENCE_TYPES):
    """The upload's bytes, its real type (read from the bytes) and SHA-256; or a refusal."""
    if upload is None:
        raise ValidationError("Choose a file.")
    if upload.size > policy.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            f"The file is too large: the limit is {policy.EVIDENCE_MAX_BYTES // (1024 * 1024)} MB."
        )
    data = upload.read()
    kind = filetype.guess(data)
    mime = kind.mime if kind else ""
    if mime not in allowed:
        raise ValidationError(
            "This file is not a PDF, Word document, PNG or JPEG, whatever its name says."
        )
    extension = allowed[mime]
    return data, mime, extension, hashlib.sha256(data).hexdigest()


# --- Directions and the lifecycle ------------------------------------------------------------


@transaction.atomic
def direction_record(
    *,
    reference: str,
    given_on: date | None,
    signatory_name: str,
    signatory_office: str,
    child: dict,
    reasons: str,
    national_significance: str,
    terms_of_reference: str,
    letter,
    by,
) -> Inquiry:
    """Record the Secretary of State's direction, and with it open the inquiry it directs.

    There is no other way to make an inquiry: without a direction that meets the statutory
    rules, nothing is stored."""
    if not (by.has_perm(access.RUN) or by.has_perm(access.OVERSEE)):
        raise PermissionDenied("Only caseworkers and the commissioner record directions.")
    problems = policy.direction_problems(
        policy.DirectionFacts(
            reference=reference,
            given_on=given_on,
            signatory_name=signatory_name,
            signatory_office=signatory_office,
            child_named=bool((child.get("name") or "").strip()),
            reasons=reasons,
            national_significance=national_significance,
            terms_of_reference=terms_of_reference,
            has_letter=letter is not None,
        ),
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    if Direction.objects.filter(reference=reference.strip()).exists():
        raise ValidationError("A direction with this reference is already recorded.")
    data, _mime, extension, _digest = _checked_document(letter)
    child_record = Child(**child)
    child_record.full_clean()
    child_record.save()
    direction = Direction(
        reference=reference.strip(),
        given_on=given_on,
        signatory_name=signatory_name.strip(),
        signatory_office=signatory_office,
        child=child_record,
        reasons=reasons,
        national_significance=national_significance,
        terms_of_reference=terms_of_reference,
        recorded_by=by,
    )
    direction.letter.save(f"{direction.id}.{extension}", ContentFile(data), save=False)
    direction.full_clean()
    direction.save()
    inquiry = Inquiry.objects.create(direction=direction)
    inquiry.team.add(by)
    audit(user=by, action=AuditEvent.Action.DIRECTION, inquiry=inquiry, target=direction.reference)
    return inquiry


@transaction.atomic
def inquiry_move(*, inquiry: Inquiry, to_state: str, reason: str, by) -> Inquiry:
    _require_open(by, inquiry)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    problem = policy.move_problem(inquiry.state, to_state, reason=reason)
    if problem:
        raise ValidationError(problem)
    if to_state == State.REPORT_SENT and not SealedReport.objects.filter(inquiry=inquiry).exists():
        raise ValidationError("Seal and send the report to move the inquiry on.")
    if to_state == State.WITHDRAWN and not by.has_perm(access.OVERSEE):
        raise PermissionDenied("Only the commissioner records that a direction was withdrawn.")
    Move.objects.create(
        inquiry=inquiry, from_state=inquiry.state, to_state=to_state, by=by, reason=reason.strip()
    )
    inquiry.state = to_state
    if to_state in policy.FINISHED:
        inquiry.finished_at = timezone.now()
        inquiry.retention_until = policy.retention_date(timezone.localdate())
    inquiry.save()
    audit(user=by, action=AuditEvent.Action.MOVE, inquiry=inquiry, target=to_state, reason=reason)
    inquiry_moved.send(sender=Inquiry, inquiry=inquiry, to_state=to_state, by=by)
    return inquiry


@transaction.atomic
def team_set(*, inquiry: Inquiry, members: list, by) -> Inquiry:
    if not by.has_perm(access.OVERSEE):
        raise PermissionDenied("Only the commissioner assigns inquiry teams.")
    if not members:
        raise ValidationError("An inquiry needs at least one person on its team.")
    inquiry.team.set(members)
    names = ", ".join(sorted(m.get_username() for m in members))
    audit(user=by, action=AuditEvent.Action.TEAM, inquiry=inquiry, target=names)
    return inquiry


# --- Reading what identifies the child --------------------------------------------------------


def inquiry_open(*, inquiry: Inquiry, user) -> Inquiry:
    _require_open(user, inquiry)
    audit(user=user, action=AuditEvent.Action.READ_INQUIRY, inquiry=inquiry)
    return inquiry


def child_read(*, inquiry: Inquiry, user) -> Child:
    _require_open(user, inquiry)
    audit(user=user, action=AuditEvent.Action.READ_CHILD, inquiry=inquiry, target="child's record")
    return inquiry.child


@transaction.atomic
def child_update(*, inquiry: Inquiry, changes: dict, by) -> Child:
    _require_open(by, inquiry)
    child = inquiry.child
    for field, value in changes.items():
        setattr(child, field, value)
    child.full_clean()
    child.save()
    audit(
        user=by,
        action=AuditEvent.Action.CHANGE_CHILD,
        inquiry=inquiry,
        target=", ".join(sorted(changes)),
    )
    return child


def document_open(*, inquiry: Inquiry, user, evidence: Evidence | None = None):
    """The file of a piece of evidence (or the direction letter), audited."""
    _require_open(user, inquiry)
    if evidence is not None and evidence.inquiry_id != inquiry.pk:
        raise PermissionDenied("That document belongs to another inquiry.")
    field = evidence.file if evidence is not None else inquiry.direction.letter
    if not field:
        raise ValidationError("This document was removed when the retention date passed.")
    target = f"evidence: {evidence.title}" if evidence is not None else "direction letter"
    audit(user=user, action=AuditEvent.Action.DOWNLOAD, inquiry=inquiry, target=target)
    return field.open("rb")


# --- Evidence, agencies and deadlines -------------------------------------------------------------


@transaction.atomic
def evidence_add(
    *,
    inquiry: Inquiry,
    upload,
    title: str,
    from_whom: str,
    received_on: date,
    how_obtained: str,
    by,
) -> Evidence:
    _require_open(by, inquiry)
    if inquiry.state not in policy.EVIDENCE_OPEN:
        raise ValidationError("Evidence is frozen once drafting begins.")
    if not (title.strip() and from_whom.strip() and how_obtained.strip()):
        raise ValidationError("Say what the document is, who it came from and how.")
    if received_on > timezone.localdate():
        raise ValidationError("The date received cannot be in the future.")
    data, mime, extension, digest = _checked_document(upload)
    evidence = Evidence(
        inquiry=inquiry,
        title=title.strip(),
        content_type=mime,
        size=len(data),
        sha256=digest,
        from_whom=from_whom.strip(),
        received_on=received_on,
        how_obtained=how_obtained.strip(),
        added_by=by,
    )
    evidence.file.save(f"{evidence.id}.{extension}", ContentFile(data), save=False)
    evidence.save()
    audit(user=by, action=AuditEvent.Action.UPLOAD, inquiry=inquiry, target=evidence.title)
    return evidence


@transaction.atomic
def agency_add(*, inquiry: Inquiry, kind: str, name: str, by, **contact) -> Agency:
    _require_open(by, inquiry)
    agency = Agency(inquiry=inquiry, kind=kind, name=name.strip(), **contact)
    agency.full_clean()
    agency.save()
    return agency


@transaction.atomic
def request_send(
    *, agency: Agency, asked_for: str, by, sent_on: date | None = None, due_on: date | None = None
) -> InformationRequest:
    _require_open(by, agency.inquiry)
    sent_on = sent_on or timezone.localdate()
    due_on = due_on or policy.working_days_after(sent_on, policy.INFORMATION_REQUEST_DAYS)
    if due_on <= sent_on:
        raise ValidationError("The reply must be due after the request is sent.")
    if not asked_for.strip():
        raise ValidationError("Say what information is asked for.")
    return InformationRequest.objects.create(
        agency=agency, asked_for=asked_for.strip(), sent_on=sent_on, due_on=due_on
    )


@transaction.atomic
def request_remind(*, request: InformationRequest, by) -> InformationRequest:
    _require_open(by, request.agency.inquiry)
    request.reminded_on = timezone.localdate()
    request.save(update_fields=["reminded_on"])
    return request


@transaction.atomic
def request_reply(*, request: InformationRequest, summary: str, by, on: date | None = None):
    _require_open(by, request.agency.inquiry)
    request.reply_received_on = on or timezone.localdate()
    request.reply_summary = summary.strip()
    request.save(update_fields=["reply_received_on", "reply_summary"])
    return request


@transaction.atomic
def deadline_set(
    *, inquiry: Inquiry, name: str, working_days: int, by, start: date | None = None
) -> Deadline:
    _require_open(by, inquiry)
    if working_days < 1:
        raise ValidationError("A deadline is at least one working day away.")
    start = start or timezone.localdate()
    return Deadline.objects.create(
        inquiry=inquiry, name=name.strip(), due_on=policy.working_days_after(start, working_days)
    )


@transaction.atomic
def deadline_pause(*, deadline: Deadline, reason: str, by, on: date | None = None) -> Deadline:
    _require_open(by, deadline.inquiry)
    if deadline.paused_on is not None:
        raise ValidationError("The clock is already paused.")
    if not reason.strip():
        raise ValidationError("Record why the clock is paused.")
    deadline.paused_on = on or timezone.localdate()
    deadline.pause_reason = reason.strip()
    deadline.save(update_fields=["paused_on", "pause_reason"])
    return deadline


@transaction.atomic
def deadline_resume(*, deadline: Deadline, by, on: date | None = None) -> Deadline:
    """Restart the clock: the due date moves on by the working days it was paused."""
    _require_open(by, deadline.inquiry)
    if deadline.paused_on is None:
        raise ValidationError("The clock is not paused.")
    on = on or timezone.localdate()
    paused = policy.working_days_between(deadline.paused_on, on)
    deadline.due_on = (
        policy.working_days_after(deadline.due_on, paused) if paused else deadline.due_on
    )
    deadline.paused_on = None
    deadline.save(update_fields=["due_on", "paused_on"])
    return deadline


# --- The report -----------------------------------------------------------------------------------


@transaction.atomic
def report_save(
    *,
    inquiry: Inquiry,
    draft: str,
    may_identify_child: bool,
    identity_reasons: str,
    publication_text: str,
    by,
) -> Report:
    _require_open(by, inquiry)
    if inquiry.state not in (State.DRAFTING, State.ACCURACY):
        raise ValidationError("The report is written while the inquiry is drafting.")
    report, _ = Report.objects.get_or_create(inquiry=inquiry)
    report.draft = draft
    report.may_identify_child = may_identify_child
    report.identity_reasons = identity_reasons
    report.publication_text = publication_text
    report.save()
    return report


def report_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def report_send(*, inquiry: Inquiry, by) -> SealedReport:
    """Seal the report as it stands, with its SHA-256 digest, and send it: the inquiry moves
    to "report sent". The sealed text never changes afterwards."""
    _require_open(by, inquiry)
    if inquiry.state != State.ACCURACY:
        raise ValidationError("The report is sent after the factual accuracy check.")
    report = Report.objects.filter(inquiry=inquiry).first()
    if report is None or not report.draft.strip():
        raise ValidationError("There is no report to send.")
    problems = policy.publication_problems(
        may_identify=report.may_identify_child,
        identity_reasons=report.identity_reasons,
        redacted_text=report.publication_text,
        identifiers=inquiry.child.identifiers(),
    )
    if problems:
        raise ValidationError(problems)
    if not inquiry.recommendations.exists():
        raise ValidationError("Add the report's recommendations before sending it.")
    sealed = SealedReport.objects.create(
        inquiry=inquiry,
        text=report.draft,
        publication_text=report.publication_text,
        sha256=report_digest(report.draft),
        sent_by=by,
    )
    audit(user=by, action=AuditEvent.Action.SEAL, inquiry=inquiry, target=sealed.sha256)
    inquiry_move(
        inquiry=inquiry, to_state=State.REPORT_SENT, reason="Report sealed and sent.", by=by
    )
    return sealed


@transaction.atomic
def recommendation_add(
    *, inquiry: Inquiry, text: str, bodies: str, respond_by: date, by
) -> Recommendation:
    _require_open(by, inquiry)
    if not (text.strip() and bodies.strip()):
        raise ValidationError("A recommendation says what should happen and who must respond.")
    if respond_by <= timezone.localdate():
        raise ValidationError("The date to respond by must be in the future.")
    return Recommendation.objects.create(
        inquiry=inquiry, text=text.strip(), bodies=bodies.strip(), respond_by=respond_by
    )


@transaction.atomic
def recommendation_response_record(
    *, recommendation: Recommendation, summary: str, by, on: date | None = None
) -> Recommendation:
    """What a body said in writing it will do about a recommendation."""
    _require_open(by, recommendation.inquiry)
    if not summary.strip():
        raise ValidationError("Say what the body said it will do.")
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError("The date received cannot be in the future.")
    recommendation.response_received_on = on
    recommendation.response_summary = summary.strip()
    recommendation.save(update_fields=["response_received_on", "response_summary"])
    return recommendation


# --- Break glass ---------------------------------------------------------------------------------


@transaction.atomic
def break_glass(*, inquiry: Inquiry, user, reason: str) -> BreakGlass:
    if not access.can_break_glass(user=user, inquiry=inquiry):
        raise PermissionDenied(
            "Only the commissioner can break glass, into an inquiry they are not on."
        )
    if len(reason.strip()) < 10:
        raise ValidationError("Give the reason for opening this inquiry; it will be reviewed.")
    opening = BreakGlass.objects.create(
        inquiry=inquiry,
        user=user,
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(hours=BREAK_GLASS_HOURS),
    )
    audit(user=user, action=AuditEvent.Action.BREAK_GLASS, inquiry=inquiry, reason=reason)
    return opening


@transaction.atomic
def break_glass_review(*, opening: BreakGlass, by) -> BreakGlass:
    if not by.has_perm(access.OVERSEE) or by.pk == opening.user_id:
        raise PermissionDenied("Someone other than the person who broke glass reviews it.")
    opening.reviewed_by = by
    opening.reviewed_at = timezone.now()
    opening.save(update_fields=["reviewed_by", "reviewed_at"])
    audit(user=by, action=AuditEvent.Action.REVIEW, inquiry=opening.inquiry, target=str(opening.pk))
    return opening


# --- Retention and statistics --------------------------------------------------------------------

ANONYMISED = "[anonymised]"


@transaction.atomic
def inquiries_anonymise_due(*, today: date | None = None) -> int:
    """Remove the child's identifying details (and the documents that carry them) from every
    finished inquiry past its retention date. Counts and the audit trail stay."""
    today = today or timezone.localdate()
    due = Inquiry.objects.filter(
        state__in=policy.FINISHED,
        retention_until__lt=today,
        direction__child__anonymised_at__isnull=True,
    ).select_related("direction__child")
    done = 0
    for inquiry in due:
        child = inquiry.child
        child.name = ANONYMISED
        child.date_of_birth = None
        for field in ("local_authority", "school", "gp", "lead_professional",
                      "local_authority_reference", "nhs_number"):  # fmt: skip
            setattr(child, field, "")
        child.anonymised_at = timezone.now()
        child.save()
        inquiry.direction.letter.delete(save=False)
        inquiry.direction.save(update_fields=["letter"])
        for evidence in inquiry.evidence.all():
            evidence.file.delete(save=False)
            evidence.save(update_fields=["file"])
        audit(user=None, action=AuditEvent.Action.ANONYMISE, inquiry=inquiry)
        done += 1
    return done


def inquiry_statistics() -> dict:
    """Counts only, never identities: for the annual report."""
    closed = Inquiry.objects.filter(state=State.CLOSED, finished_at__isnull=False)
    average = closed.annotate(took=F("finished_at") - F("opened_at")).aggregate(avg=Avg("took"))
    took = average["avg"]
    return {
        "directed": Inquiry.objects.count(),
        "open": Inquiry.objects.exclude(state__in=policy.FINISHED).count(),
        "completed": closed.count(),
        "withdrawn": Inquiry.objects.filter(state=State.WITHDRAWN).count(),
        "average_days": round(took.total_seconds() / 86400, 1) if took else None,
    }
