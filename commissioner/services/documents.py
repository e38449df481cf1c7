"""Evidence and documents: files checked by their bytes, stored privately, read only through
an audited open."""

from __future__ import annotations

import hashlib
from datetime import date

import filetype
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from commissioner import rules
from commissioner.models import AuditEvent, Evidence, Inquiry
from commissioner.services.audit import audit, require_changeable, require_open
from core.rules import require


def document_check(upload) -> tuple[bytes, str, str, str]:
    """The upload's bytes, its real type (read from the bytes), its extension and SHA-256; or
    a refusal."""
    if upload is None:
        raise ValidationError("Choose a file.")
    require(rules.document_size_allowed(upload.size))
    data = upload.read()
    kind = filetype.guess(data)
    mime = kind.mime if kind else ""
    require(rules.document_type_allowed(mime))
    return data, mime, rules.EVIDENCE_TYPES[mime], hashlib.sha256(data).hexdigest()


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
    require_changeable(user=by, inquiry=inquiry)
    require(rules.evidence_add_allowed(inquiry.state))
    if not (title.strip() and from_whom.strip() and how_obtained.strip()):
        raise ValidationError("Say what the document is, who it came from and how.")
    if received_on > timezone.localdate():
        raise ValidationError("The date received cannot be in the future.")
    data, mime, extension, digest = document_check(upload)
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


def document_open(*, inquiry: Inquiry, user, evidence: Evidence | None = None):
    """The file of a piece of evidence (or the direction letter), audited."""
    require_open(user=user, inquiry=inquiry)
    if evidence is not None and evidence.inquiry_id != inquiry.pk:
        raise PermissionDenied("That document belongs to another inquiry.")
    field = evidence.file if evidence is not None else inquiry.direction.letter
    if not field:
        raise ValidationError("This document was removed when the retention date passed.")
    target = f"evidence: {evidence.title}" if evidence is not None else "direction letter"
    audit(user=user, action=AuditEvent.Action.DOWNLOAD, inquiry=inquiry, target=target)
    return field.open("rb")
