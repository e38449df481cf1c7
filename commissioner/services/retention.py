"""Retention: once a finished inquiry passes its retention date, the child's identifying
details and the documents that carry them are removed. Counts and the audit trail stay."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import AuditEvent, Inquiry
from commissioner.services.audit import audit


@transaction.atomic
def inquiries_anonymise_due(*, today: date | None = None) -> int:
    """Anonymise every finished inquiry whose retention date (rules.retention_date) is past."""
    today = today or timezone.localdate()
    due = Inquiry.objects.filter(
        state__in=rules.FINISHED,
        retention_until__lt=today,
        direction__child__anonymised_at__isnull=True,
    ).select_related("direction__child")
    done = 0
    for inquiry in due:
        child = inquiry.child
        child.name = rules.ANONYMISED
        child.date_of_birth = None
        for field in rules.CHILD_DETAILS_REMOVED:
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
