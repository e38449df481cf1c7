from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from consultations.outcomes import Outcome


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


class AnswerAnalysis(models.Model):
    """What the pipeline made of one text answer: redacted text, personal-data spans, key
    phrases. Analysts only ever see the redacted text."""

    answer = models.OneToOneField(
        "consultations.Answer", on_delete=models.CASCADE, related_name="analysis"
    )
    redacted_text = models.TextField()
    pii = models.JSONField(default=list, help_text="[{start, end, label}] into the raw text")
    keyphrases = models.JSONField(default=list)
    pipeline_version = models.CharField(max_length=64, db_index=True)
    analysed_at = models.DateTimeField(default=timezone.now)

    # Analysis rows reference answers, not pages or snippets: nothing an editor would look up
    # in Wagtail's usage listings, and indexing them cost each submission a query or three.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name_plural = "answer analyses"
        permissions = [("view_raw_text", "Can read answers before redaction")]

    def __str__(self):
        return f"Analysis of answer {self.answer_id}"


class OutcomeTag(models.Model):
    """An outcome on an answer, from the model or an analyst. An analyst's tag wins over the
    model's for the same outcome, and becomes training data."""

    class Source(models.TextChoices):
        MODEL = "model", "Model"
        ANALYST = "analyst", "Analyst"

    answer = models.ForeignKey(
        "consultations.Answer", on_delete=models.CASCADE, related_name="tags"
    )
    outcome = models.CharField(max_length=32, choices=Outcome.choices)
    source = models.CharField(max_length=8, choices=Source.choices)
    # For an analyst's tag, False records "this outcome does not apply", overruling the model.
    applies = models.BooleanField(default=True)
    score = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(default=list, blank=True)
    pipeline_version = models.CharField(max_length=64, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "outcome", "source"], name="one_tag_per_outcome_and_source"
            )
        ]
        indexes = [models.Index(fields=["outcome", "source", "applies"])]

    def __str__(self):
        return f"{self.get_outcome_display()} ({self.get_source_display()})"


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
