"""Writes for the annual report: sealing a version and recording its laying. Each checks the
rule, then writes one append-only row in one transaction; the row itself says who and when."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from reports import rules
from reports.models import Laying, Submission


@transaction.atomic
def submission_seal(*, year: str, html: str, by) -> Submission:
    """Seal `html` as the next version of the annual report for `year`, signed off by `by`."""
    if not rules.seal_allowed(by):
        raise PermissionDenied("Only the commissioner signs off and seals the annual report.")
    problem = rules.reporting_year_problem(year)
    if problem:
        raise ValidationError({"year": problem})
    if not html.strip():
        raise ValidationError({"html": "There is no report to seal."})
    digest = rules.digest_of(rules.sealed_bytes(html))
    same = Submission.objects.filter(digest=digest).first()
    if same is not None:
        raise ValidationError({"html": f"This text is already sealed as {same}."})
    last = Submission.objects.filter(year=year).aggregate(last=Max("version"))["last"] or 0
    try:
        with transaction.atomic():
            return Submission.objects.create(
                year=year, version=last + 1, html=html, digest=digest, signed_off_by=by
            )
    except IntegrityError as race:
        # Someone sealed the same year at the same moment: their version stands, ours is not
        # made, and the commissioner seals again to get the next number.
        raise ValidationError(
            "Another version was sealed at the same moment. Seal again to make the next one."
        ) from race


@transaction.atomic
def submission_lay(
    *, submission: Submission, house: str, laid_on: date, paper_number: str, by
) -> Laying:
    """Record that `house` has had `submission` laid before it on `laid_on` as `paper_number`."""
    if not rules.lay_allowed(by):
        raise PermissionDenied("You cannot record the laying of the annual report.")
    problems = rules.laying_problems(
        rules.LayingFacts(
            house=house,
            laid_on=laid_on,
            paper_number=paper_number,
            sealed_on=timezone.localdate(submission.signed_off_at),
            already_laid_in=frozenset(submission.layings.values_list("house", flat=True)),
        ),
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            return Laying.objects.create(
                submission=submission,
                house=house,
                laid_on=laid_on,
                paper_number=paper_number.strip(),
                recorded_by=by,
            )
    except IntegrityError as race:
        raise ValidationError("This version has already been laid before that House.") from race
