"""Sealed submissions of the annual report and their laying before Parliament. Both are
append-only: the models, their querysets and Django's base manager refuse a change or a
delete, and so does the database (triggers in reports/migrations/0002_*). Sealed through
`reports.services`; read by the clerks under "Submitted reports" in the admin."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from reports import rules


class SealedQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(f"A {self.model._meta.verbose_name} cannot be changed.")

    def delete(self):
        raise ValidationError(f"A {self.model._meta.verbose_name} cannot be deleted.")


class _AppendOnly(models.Model):
    objects = SealedQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's own deletes and updates (a cascade, a related manager) go through the base
        # manager: it must be the one that refuses.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(f"A {self._meta.verbose_name} cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"A {self._meta.verbose_name} cannot be deleted.")


class Submission(_AppendOnly):
    """One sealed version of the annual report, as sent to the Secretary of State to be laid
    before Parliament unchanged. Never edited: a later version is a new row. Sealed by the
    commissioner (`submission_seal`); read by the clerks in the admin."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.CharField("reporting year", max_length=7, help_text='For example "2026-27".')
    version = models.PositiveIntegerField()
    html = models.TextField("report (HTML)")
    digest = models.CharField("SHA-256 digest", max_length=64, unique=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(default=timezone.now)

    class Meta(_AppendOnly.Meta):
        verbose_name = "sealed submission"
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="reports_one_version_number"),
        ]
        # Django's default view permission is what the clerks are given (cms/roles.py).

    def __str__(self):
        return f"Annual report {self.year}, version {self.version}"

    def content(self) -> bytes:
        return rules.sealed_bytes(self.html)

    @property
    def filename(self) -> str:
        return f"annual-report-{self.year}-v{self.version}.html"


class Laying(_AppendOnly):
    """That one House of Parliament has had one submitted version laid before it: the date and
    the paper number. One per House and version; never edited."""

    House = rules.House

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="layings")
    house = models.CharField(max_length=8, choices=rules.House.CHOICES)
    laid_on = models.DateField("date laid")
    paper_number = models.CharField(max_length=50)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta(_AppendOnly.Meta):
        verbose_name = "laying record"
        ordering = ["laid_on", "house"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "house"], name="reports_laid_once_per_house"
            ),
        ]
        permissions = [("lay_submission", "Can record that a House has had the report laid")]

    def __str__(self):
        return f"{self.get_house_display()}, {self.paper_number}, {self.laid_on}"


class Advice(models.Model):
    """The commissioner's advice to the Secretary of State on a policy or a bill, and the
    evidence behind it. Feeds the annual report's chapter on advice given."""

    title = models.CharField(max_length=200)
    given_on = models.DateField(help_text="When the advice was given.")
    subject = models.CharField(max_length=200, help_text="The bill or policy it was about.")
    advice = models.TextField(help_text="What was advised, in plain words.")
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        blank=True,
        related_name="+",
        help_text="Consultations whose answers are evidence for it.",
    )
    resolutions = models.ManyToManyField(
        "parliament.Motion",
        blank=True,
        related_name="+",
        limit_choices_to={"status": "carried"},
        help_text="Resolutions of the children's parliament behind it.",
    )
    other_evidence = models.TextField(blank=True, help_text="Anything else it rests on.")

    class Meta:
        ordering = ["-given_on"]
        verbose_name = "advice to the Secretary of State"
        verbose_name_plural = "advice to the Secretary of State"

    def __str__(self):
        return f"{self.title} ({self.given_on:%-d %B %Y})"


class ResearchArea(models.Model):
    """An area the commissioner proposes for further research, and why. Feeds the annual
    report's chapter on areas for further research."""

    title = models.CharField(max_length=200)
    proposed_on = models.DateField()
    why = models.TextField(help_text="What we do not know yet, and why it matters to children.")
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        blank=True,
        related_name="+",
        help_text="Consultations that raised it.",
    )

    class Meta:
        ordering = ["-proposed_on"]
        verbose_name = "area for further research"
        verbose_name_plural = "areas for further research"

    def __str__(self):
        return self.title
