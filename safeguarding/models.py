"""Safeguarding flags: possible disclosures of harm from any source, on the lead's queue."""

from django.conf import settings
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


class SafeguardingFlag(models.Model):
    """A response that may disclose harm, on the safeguarding lead's queue with a clock on it.
    Never deleted; closed only by a person who records what was done."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for review"
        ACTIONED = "actioned", "Acted on"
        NO_CONCERN = "no_concern", "Reviewed: no concern"

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
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    action_taken = models.TextField(blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["status", "raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(response__isnull=False) & Q(comment__isnull=True))
                | (Q(response__isnull=True) & Q(comment__isnull=False)),
                name="flag_on_one_source",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def source(self) -> str:
        if self.comment_id:
            return "Children's parliament comment"
        return "Consultation answer"
