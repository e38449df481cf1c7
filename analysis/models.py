"""What the analysis pipeline made of each answer: redacted text, outcome tags, key phrases."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.taxonomy import Outcome

PHRASE_MAX_LENGTH = 255


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
        indexes = [
            models.Index(fields=["outcome", "source", "applies"], name="outcometag_outcome_idx"),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()} ({self.get_source_display()})"


class KeyPhrase(models.Model):
    """One key phrase of one answer, a row each so the dashboard counts them in the database.
    Written with the answer's analysis (the same phrases as `AnswerAnalysis.keyphrases`)."""

    answer = models.ForeignKey(
        "consultations.Answer", on_delete=models.CASCADE, related_name="keyphrases"
    )
    phrase = models.CharField(max_length=PHRASE_MAX_LENGTH)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "phrase"], name="one_row_per_answer_phrase")
        ]
        indexes = [models.Index(fields=["phrase"], name="keyphrase_phrase_idx")]

    def __str__(self):
        return self.phrase


class Reanalysis(models.Model):
    """One run of the current pipeline over the responses an older version analysed (or none
    did), started from the admin. `done` counts up as the task works; analysts' tags are kept."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    pipeline_version = models.CharField(max_length=64)
    total = models.PositiveIntegerField()
    done = models.PositiveIntegerField(default=0)
    progressed_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-started_at"]
        verbose_name_plural = "re-analyses"

    def __str__(self):
        return f"Re-analysis {self.pk} to {self.pipeline_version}"


class Theme(models.Model):
    """Something several young people said in one consultation, gathered from their answers'
    key phrases. The system proposes; analysts name, promote, merge or discard, and their
    decisions are never undone by proposing again (analysis/themes.py)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        PROMOTED = "promoted", "Promoted"
        DISCARDED = "discarded", "Discarded"

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(max_length=120)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    phrases = models.JSONField(default=list, help_text="The key phrases it gathers.")
    answers = models.ManyToManyField("consultations.Answer", related_name="themes", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["status", "name"]

    def __str__(self):
        return self.name
