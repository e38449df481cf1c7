"""What young people sent: one response per submission, one answer row per question."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from consultations.rules import TEXT_KINDS, Channel, QuestionKind
from core.taxonomy import AgeBand, Outcome, Region


class Response(models.Model):
    """One young person's answers to one consultation. Read in the admin under Responses."""

    # Wagtail's reference index would add a query and a row per submission for nothing:
    # responses are never referenced from content.
    wagtail_reference_index_ignore = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # PROTECT: a consultation with answers cannot be deleted, so nothing sent is ever lost.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.PROTECT, related_name="responses"
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    age_band = models.CharField(max_length=16, choices=AgeBand.choices, blank=True)
    region = models.CharField(max_length=24, choices=Region.choices, blank=True)
    consent_to_quote = models.BooleanField(default=False)
    # False when the form was not finished but the words may disclose harm: they are kept so
    # a person reads them, and sending the finished form completes this same response.
    is_complete = models.BooleanField("complete", default=True)
    # From the form's signed submission token: a double tap or a resent page stores one row.
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    # Set when the analysis pipeline has run; responses without it are picked up again.
    analysed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    analysis_version = models.CharField(max_length=64, blank=True)
    # Answers given on paper or at a session, entered by staff on the young person's behalf.
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.ONLINE)
    collected_on = models.DateField(null=True, blank=True)
    collected_by = models.CharField(
        max_length=120, blank=True, help_text="Who collected the answers: a person or a partner."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # For entered answers: staff record that the young person agreed to give them to us.
    agreement_noted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["consultation", "submitted_at"])]
        permissions = [
            ("export_response", "Can export responses"),
            ("enter_response", "Can enter paper and workshop answers"),
        ]

    def __str__(self):
        return f"Response {self.short_ref}"

    @property
    def short_ref(self) -> str:
        """A short reference staff can read aloud; the full UUID stays the identifier."""
        return str(self.uuid)[:8]


class Answer(models.Model):
    """One question's part of a response, one row per question so analysis can use SQL."""

    wagtail_reference_index_ignore = True

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    # The question may be edited away later; the label, kind and outcome are kept as asked.
    question = models.ForeignKey(
        "consultations.ConsultationQuestion",
        on_delete=models.SET_NULL,
        null=True,
        related_name="answers",
    )
    question_label = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    outcome = models.CharField(max_length=32, choices=Outcome.choices, blank=True)
    text = models.TextField(blank=True, help_text="Text answers and the chosen option.")
    choices = models.JSONField(default=list, blank=True, help_text="Options ticked.")
    scale = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["response", "id"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.question_label}: {self.display_value}"

    @property
    def display_value(self) -> str:
        if self.kind == QuestionKind.MULTIPLE_CHOICE:
            return "; ".join(self.choices)
        if self.kind == QuestionKind.SMILEY_SCALE:
            return "" if self.scale is None else str(self.scale)
        return self.text

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    @property
    def is_blank(self) -> bool:
        return not (self.text or self.choices or self.scale)
