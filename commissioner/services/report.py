"""The report to the Secretary of State: drafted in the inquiry, sealed with its SHA-256 digest
when sent, and its recommendations with the bodies' written responses."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import AuditEvent, Inquiry, Recommendation, Report, SealedReport
from commissioner.rules import State
from commissioner.services.audit import audit, require_changeable, require_open
from commissioner.services.directions import inquiry_move
from core.rules import require


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
    require_changeable(user=by, inquiry=inquiry)
    require(rules.report_edit_allowed(inquiry.state))
    report, _ = Report.objects.get_or_create(inquiry=inquiry)
    report.draft = draft
    report.may_identify_child = may_identify_child
    report.identity_reasons = identity_reasons
    report.publication_text = publication_text
    report.save()
    return report


@transaction.atomic
def report_send(*, inquiry: Inquiry, by) -> SealedReport:
    """Seal the report as it stands, with its SHA-256 digest, and send it: the inquiry moves
    to "report sent". The sealed text never changes afterwards."""
    require_open(user=by, inquiry=inquiry)
    report = Report.objects.filter(inquiry=inquiry).first()
    has_draft = report is not None and bool(report.draft.strip())
    problems = []
    if has_draft:
        problems = rules.publication_problems(
            may_identify=report.may_identify_child,
            identity_reasons=report.identity_reasons,
            redacted_text=report.publication_text,
            identifiers=inquiry.child.identifiers(),
        )
    require(
        rules.report_send_allowed(
            state=inquiry.state,
            has_draft=has_draft,
            publication_problems=problems,
            has_recommendations=inquiry.recommendations.exists(),
        )
    )
    sealed = SealedReport.objects.create(
        inquiry=inquiry,
        text=report.draft,
        publication_text=report.publication_text,
        sha256=rules.report_digest(report.draft),
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
    require_changeable(user=by, inquiry=inquiry)
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
    require_changeable(user=by, inquiry=recommendation.inquiry)
    if not summary.strip():
        raise ValidationError("Say what the body said it will do.")
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError("The date received cannot be in the future.")
    recommendation.response_received_on = on
    recommendation.response_summary = summary.strip()
    recommendation.save(update_fields=["response_received_on", "response_summary"])
    return recommendation
