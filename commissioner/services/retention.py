"""Retention: once a finished inquiry passes its retention date, the child is anonymised
everywhere casework keeps words about them, the documents that carry them are removed, and the
sealed report becomes a tombstone. Counts and the audit trail stay."""

from __future__ import annotations

from datetime import date

from django.db import models, transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import (
    AuditEvent,
    BreakGlass,
    Deadline,
    Direction,
    Evidence,
    InformationRequest,
    Inquiry,
    Meeting,
    Move,
    Recommendation,
    Report,
)
from commissioner.services.audit import audit


def _words_about_the_child(inquiry: Inquiry) -> list[tuple[models.QuerySet, tuple[str, ...]]]:
    """Every text field casework keeps about an inquiry's child. A new free-text field on a
    casework model belongs here, or it outlives the child's anonymity."""
    return [
        (
            Direction.objects.filter(pk=inquiry.direction_id),
            ("reasons", "national_significance", "terms_of_reference"),
        ),
        (Move.objects.filter(inquiry=inquiry), ("reason",)),
        (Report.objects.filter(inquiry=inquiry), ("draft", "publication_text", "identity_reasons")),
        (Meeting.objects.filter(inquiry=inquiry), ("notes",)),
        (
            InformationRequest.objects.filter(agency__inquiry=inquiry),
            ("asked_for", "reply_summary"),
        ),
        (Deadline.objects.filter(inquiry=inquiry), ("name", "pause_reason")),
        (Evidence.objects.filter(inquiry=inquiry), ("title", "from_whom", "how_obtained")),
        (Recommendation.objects.filter(inquiry=inquiry), ("text", "response_summary")),
        (BreakGlass.objects.filter(inquiry=inquiry), ("reason",)),
    ]


def _anonymise_words(inquiry: Inquiry, terms: list[str]) -> None:
    for queryset, fields in _words_about_the_child(inquiry):
        for row in queryset:
            changed = []
            for name in fields:
                before = getattr(row, name)
                after = rules.anonymised(before, terms)
                limit = row._meta.get_field(name).max_length
                if after != before:
                    setattr(row, name, after[:limit] if limit else after)
                    changed.append(name)
            if changed:
                row.save(update_fields=changed)


def _anonymise(inquiry: Inquiry, *, now) -> None:
    child = inquiry.child
    # Read before the record is emptied: the words elsewhere are found by the record's details.
    terms = child.anonymisation_terms()
    _anonymise_words(inquiry, terms)
    sealed = getattr(inquiry, "sealed_report", None)
    if sealed is not None:
        sealed.tombstone(at=now)
    child.name = rules.ANONYMISED
    child.date_of_birth = None
    for field in rules.CHILD_DETAILS_REMOVED:
        setattr(child, field, "")
    child.anonymised_at = now
    child.save()
    inquiry.direction.letter.delete(save=False)
    inquiry.direction.save(update_fields=["letter"])
    for evidence in inquiry.evidence.all():
        evidence.file.delete(save=False)
        evidence.save(update_fields=["file"])


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
        _anonymise(inquiry, now=timezone.now())
        audit(user=None, action=AuditEvent.Action.ANONYMISE, inquiry=inquiry)
        done += 1
    return done
