"""The commissioner's casework: inquiries the Secretary of State has directed into an
individual child's case. Worked on in the Wagtail admin under Inquiries, by the inquiry's
team only. Nothing here is joined to the consultation analysis."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from commissioner import rules
from commissioner.rules import SignatoryOffice, State
from commissioner.storage import casework_storage


class Child(models.Model):
    """The child whose case the inquiry is into. Seen only by the inquiry's team; every read
    is in the audit trail. Anonymised when the retention date passes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    local_authority = models.CharField(max_length=200, blank=True)
    school = models.CharField(max_length=200, blank=True)
    gp = models.CharField("GP", max_length=200, blank=True)
    lead_professional = models.CharField(max_length=200, blank=True)
    local_authority_reference = models.CharField(max_length=100, blank=True)
    nhs_number = models.CharField("NHS number", max_length=12, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return "Child (anonymised)" if self.anonymised_at else self.name

    def identifiers(self) -> list[str]:
        return rules.child_identifiers(
            name=self.name,
            nhs_number=self.nhs_number,
            local_authority_reference=self.local_authority_reference,
            date_of_birth=self.date_of_birth,
        )

    def anonymisation_terms(self) -> list[str]:
        """What retention replaces in the words kept about this child; nothing once done."""
        if self.anonymised_at:
            return []
        return rules.anonymisation_terms(
            identifiers=self.identifiers(),
            details=[getattr(self, field) for field in rules.CHILD_DETAILS_REMOVED],
            date_of_birth=self.date_of_birth,
        )


class Direction(models.Model):
    """The Secretary of State's direction: without one that meets the statutory rules there
    is no inquiry. Recorded once, never edited."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=100, unique=True)
    given_on = models.DateField()
    signatory_name = models.CharField(max_length=200)
    signatory_office = models.CharField(max_length=32, choices=SignatoryOffice.choices)
    child = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="direction")
    reasons = models.TextField()
    national_significance = models.TextField()
    terms_of_reference = models.TextField()
    letter = models.FileField(storage=casework_storage, upload_to="directions/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.reference

    def clean(self):
        problems = rules.direction_problems(
            rules.DirectionFacts(
                reference=self.reference,
                given_on=self.given_on,
                signatory_name=self.signatory_name,
                signatory_office=self.signatory_office,
                child_named=bool(self.child_id and self.child.name.strip()),
                reasons=self.reasons,
                national_significance=self.national_significance,
                terms_of_reference=self.terms_of_reference,
                has_letter=bool(self.letter),
            ),
            today=timezone.localdate(),
        )
        if problems:
            raise ValidationError(problems)


class Inquiry(models.Model):
    """An inquiry into one child's case, started by a direction and run by its team."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    direction = models.OneToOneField(Direction, on_delete=models.PROTECT, related_name="inquiry")
    state = models.CharField(max_length=16, choices=State.choices, default=State.DIRECTED)
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="inquiries", blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    retention_until = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "inquiries"
        ordering = ["-opened_at"]
        permissions = [
            ("run_inquiry", "Can work on inquiries they are assigned to"),
            ("oversee_inquiries", "Can list all inquiries, break glass and read the audit trail"),
        ]

    def __str__(self):
        return f"Inquiry {self.direction.reference}"

    def save(self, *args, **kwargs):
        # The model refuses an inquiry without a direction, whatever the form or caller.
        if not self.direction_id:
            raise ValidationError(
                "An inquiry exists only because the Secretary of State directed it."
            )
        super().save(*args, **kwargs)

    @property
    def child(self) -> Child:
        return self.direction.child


class Move(models.Model):
    """One step of an inquiry's lifecycle: who moved it, when and why."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="moves")
    from_state = models.CharField(max_length=16, choices=State.choices)
    to_state = models.CharField(max_length=16, choices=State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"{self.get_from_state_display()} to {self.get_to_state_display()}"


class Agency(models.Model):
    """An agency involved in the case, under the duty to co-operate."""

    class Kind(models.TextChoices):
        CHILDRENS_SERVICES = "childrens_services", "Local authority children's services"
        HEALTH = "health", "Health"
        POLICE = "police", "Police"
        PROBATION = "probation", "Probation"
        EDUCATION = "education", "Education"
        CONNEXIONS = "connexions", "Connexions"
        OTHER = "other", "Other"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="agencies")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    name = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]

    def __str__(self):
        return self.name


class InformationRequest(models.Model):
    """A request to an agency for information, with the date it is due."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="requests")
    asked_for = models.TextField()
    sent_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField()
    reminded_on = models.DateField(null=True, blank=True)
    reply_received_on = models.DateField(null=True, blank=True)
    reply_summary = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self):
        return f"Request to {self.agency}, due {self.due_on:%-d %B %Y}"

    def is_overdue(self, today=None) -> bool:
        return rules.request_overdue(
            due_on=self.due_on,
            replied_on=self.reply_received_on,
            today=today or timezone.localdate(),
        )


class Meeting(models.Model):
    """A meeting or hearing; a private one is seen only by the team and never published."""

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        HEARING = "hearing", "Hearing"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    held_on = models.DateField()
    private = models.BooleanField(default=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["held_on"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.held_on:%-d %B %Y}"


class Evidence(models.Model):
    """A document with where it came from; stored outside the public media and served only
    through a permission-checked, audited view. Frozen once drafting begins."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="evidence")
    title = models.CharField(max_length=200)
    file = models.FileField(storage=casework_storage, upload_to="evidence/", blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    from_whom = models.CharField(max_length=200)
    received_on = models.DateField()
    how_obtained = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["received_on"]

    def __str__(self):
        return self.title


class Deadline(models.Model):
    """A deadline in working days, with a clock that can be paused with a reason."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="deadlines")
    name = models.CharField(max_length=200)
    due_on = models.DateField()
    met_on = models.DateField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True)
    pause_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self):
        return self.name

    def is_overdue(self, today=None) -> bool:
        return rules.deadline_overdue(
            due_on=self.due_on,
            met_on=self.met_on,
            paused_on=self.paused_on,
            today=today or timezone.localdate(),
        )


class Report(models.Model):
    """The report to the Secretary of State, drafted within the inquiry."""

    inquiry = models.OneToOneField(Inquiry, on_delete=models.PROTECT, related_name="report")
    draft = models.TextField(blank=True)
    may_identify_child = models.BooleanField(default=False)
    identity_reasons = models.TextField(blank=True)
    publication_text = models.TextField(
        blank=True, help_text="The version for publication, without the child's identifiers."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Report of {self.inquiry}"


class SealedReport(models.Model):
    """The report as sent: its text and SHA-256 digest, never changed afterwards."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.OneToOneField(Inquiry, on_delete=models.PROTECT, related_name="sealed_report")
    text = models.TextField()
    publication_text = models.TextField()
    sha256 = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the retention date passes: the words go, the digest and who sent it when stay.
    tombstoned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Sealed report {self.sha256[:12]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("A sent report is sealed and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("A sent report is sealed and cannot be deleted.")

    def tombstone(self, *, at) -> None:
        """The one change a sealed report allows, when its inquiry's retention date passes:
        its text goes, so the child is no longer named in it; its digest, who sent it and when
        stay, so a copy held elsewhere can still be checked against the digest."""
        if self.tombstoned_at is None:
            SealedReport.objects.filter(pk=self.pk, tombstoned_at__isnull=True).update(
                text="", publication_text="", tombstoned_at=at
            )
            self.text, self.publication_text, self.tombstoned_at = "", "", at


class Recommendation(models.Model):
    """A recommendation in the report, with the bodies asked to say in writing what they will
    do, and by when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField()
    bodies = models.CharField(max_length=500, help_text="Who must respond, in writing.")
    respond_by = models.DateField()
    response_received_on = models.DateField(null=True, blank=True)
    response_summary = models.TextField(blank=True)

    class Meta:
        ordering = ["respond_by"]

    def __str__(self):
        return self.text[:60]


class BreakGlass(models.Model):
    """The commissioner opening an inquiry they are not on the team of: allowed with a reason,
    for a few hours, and flagged for someone else to review."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="break_glass")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "break-glass openings"
        ordering = ["-at"]

    def __str__(self):
        return f"Break glass by {self.user} at {self.at:%-d %B %Y %H:%M}"


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("The audit trail cannot be changed.")

    def delete(self):
        raise ValidationError("The audit trail cannot be deleted.")


class AuditEvent(models.Model):
    """One line of the append-only audit trail: who did what, to what, when and why. The
    application offers no way to change or delete a line."""

    class Action(models.TextChoices):
        DIRECTION = "direction", "Direction recorded"
        READ_INQUIRY = "read_inquiry", "Opened an inquiry"
        READ_CHILD = "read_child", "Read the child's record"
        READ_REPORT = "read_report", "Read the report"
        REFUSED = "refused", "Was refused an inquiry"
        CHANGE_CHILD = "change_child", "Changed the child's record"
        DOWNLOAD = "download", "Downloaded a document"
        UPLOAD = "upload", "Added evidence"
        MOVE = "move", "Moved the inquiry on"
        TEAM = "team", "Changed the team"
        BREAK_GLASS = "break_glass", "Broke glass"
        REVIEW = "review", "Reviewed a break-glass opening"
        SEAL = "seal", "Sealed and sent the report"
        EXPORT = "export", "Exported the audit trail"
        ANONYMISE = "anonymise", "Anonymised the child's details"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    target = models.CharField(max_length=200, blank=True, help_text="What was read or changed.")
    reason = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        # Django's own deletes (a cascade, a related manager) go through the base manager: it
        # must be the one that refuses.
        base_manager_name = "objects"
        ordering = ["-at"]

    def __str__(self):
        return f"{self.username} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("The audit trail cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The audit trail cannot be deleted.")
