"""Safeguarding flags: possible disclosures of harm from any source, on the lead's queue."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone


class SafeguardingKind(models.TextChoices):
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    GROOMING_ONLINE = "grooming_online", "Grooming and online exploitation"
    NEGLECT = "neglect", "Neglect"
    DOMESTIC_VIOLENCE = "domestic_violence", "Domestic violence"
    SELF_HARM = "self_harm", "Self-harm"
    SUICIDAL_THOUGHTS = "suicidal_thoughts", "Suicidal thoughts"
    CRIMINAL_EXPLOITATION = "criminal_exploitation", "Criminal exploitation"
    FORCED_MARRIAGE = "forced_marriage", "Forced marriage"
    RUNAWAY_HOMELESS = "runaway_homeless", "Running away or homelessness"
    PLACEMENT_ABUSE = "placement_abuse", "Harm in a care placement"


class FlagQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionDenied("Safeguarding flags are never deleted.")


class SafeguardingFlag(models.Model):
    """A response or comment that may disclose harm, on the safeguarding lead's queue with a
    clock on it. Acknowledged, then closed with what was done; never deleted. Every change of
    status is in its history (FlagEvent). Worked under Safeguarding in the admin."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for review"
        ACKNOWLEDGED = "acknowledged", "Acknowledged: being dealt with"
        CLOSED = "closed", "Closed"

    class Action(models.TextChoices):
        SCHOOL_DSL = "school_dsl", "Referred to the school's designated safeguarding lead"
        LOCAL_AUTHORITY = "local_authority", "Referred to the local authority's children's services"
        POLICE = "police", "Referred to the police"
        NO_ACTION = "no_action", "No action needed"

    class RaisedBy(models.TextChoices):
        REQUEST = "request", "Screen at submission"
        PIPELINE = "pipeline", "Full analysis"

    # What raised it: a consultation response, or a comment in the children's parliament.
    response = models.OneToOneField(
        "consultations.Response",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="safeguarding_flag",
    )
    comment = models.OneToOneField(
        "parliament.Comment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="safeguarding_flag",
    )
    kind = models.CharField(max_length=32, choices=SafeguardingKind.choices)
    evidence = models.JSONField(default=list)
    score = models.FloatField(default=0.0)
    raised_by = models.CharField(max_length=8, choices=RaisedBy.choices)
    raised_at = models.DateTimeField(default=timezone.now, db_index=True)
    pipeline_version = models.CharField(max_length=64, blank=True)
    # When it should be acknowledged: the raising time plus the target in working hours.
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action = models.CharField(max_length=16, choices=Action.choices, blank=True)
    action_taken = models.TextField(
        "what was done", blank=True, help_text="Who was told, when, and why; or why no action."
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    raised_notified_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    objects = FlagQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        base_manager_name = "objects"
        ordering = ["raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(response__isnull=False) & Q(comment__isnull=True))
                | (Q(response__isnull=True) & Q(comment__isnull=False)),
                name="flag_on_one_source",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Safeguarding flags are never deleted.")

    @property
    def source(self) -> str:
        if self.comment_id:
            return "Children's parliament comment"
        return "Consultation answer"


class FlagEventQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionDenied("A flag's history is never changed.")

    def update(self, **kwargs):
        raise PermissionDenied("A flag's history is never changed.")


class FlagEvent(models.Model):
    """One line of a flag's history: who did what, when and why. Append-only: the model, the
    queryset and the database (PostgreSQL or SQLite) refuse to change or delete a line."""

    class What(models.TextChoices):
        RAISED = "raised", "Raised"
        EVIDENCE = "evidence", "More evidence found"
        READ = "read", "Words read"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CLOSED = "closed", "Closed"
        REOPENED = "reopened", "Reopened"
        NOTIFIED = "notified", "Safeguarding leads emailed"
        OVERDUE = "overdue", "Overdue: leads emailed again"

    flag = models.ForeignKey(SafeguardingFlag, on_delete=models.PROTECT, related_name="events")
    what = models.CharField(max_length=16, choices=What.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        "status after", max_length=16, choices=SafeguardingFlag.Status.choices
    )
    action = models.CharField(max_length=16, choices=SafeguardingFlag.Action.choices, blank=True)
    note = models.TextField(blank=True)

    objects = FlagEventQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        base_manager_name = "objects"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_what_display()} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("A flag's history is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("A flag's history is never changed.")
