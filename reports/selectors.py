"""Reads of the submitted versions, for the clerks' screens."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from reports import rules
from reports.models import Laying, Submission


def submissions_listed() -> QuerySet[Submission]:
    """Every submitted version, newest first, without its text, with who signed it off and
    where it has been laid."""
    return (
        Submission.objects.defer("html")
        .select_related("signed_off_by")
        .prefetch_related(Prefetch("layings", queryset=Laying.objects.order_by("laid_on")))
    )


def submission_matching(*, chunks: Iterable[bytes]) -> tuple[str, Submission | None]:
    """The digest of a file read in chunks, and the submitted version it is byte for byte,
    if any. The digest finds the candidate; its bytes are then compared in full."""
    content = b"".join(chunks)
    digest = rules.digest_of(content)
    found = Submission.objects.filter(digest=digest).first()
    if found is not None and found.content() != content:
        found = None
    return digest, found
