import pytest
from django.utils import timezone

from cms.roles import Role
from commissioner.services import documents
from tests.factories.casework import inquiry_make, pdf, staff


@pytest.fixture
def case(db):
    """An inquiry recorded by a caseworker (so on its team), with one piece of evidence."""
    caseworker = staff(Role.CASEWORKER, "cw-on-team")
    inquiry = inquiry_make(by=caseworker)
    evidence = documents.evidence_add(
        inquiry=inquiry,
        upload=pdf("notes.pdf"),
        title="Case notes",
        from_whom="Children's services",
        received_on=timezone.localdate(),
        how_obtained="Information request",
        by=caseworker,
    )
    return caseworker, inquiry, evidence
