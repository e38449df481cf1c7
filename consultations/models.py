import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from consultations.outcomes import Outcome
from consultations.rules import ConsultationStatus, consultation_status

DEFAULT_PRIVACY_NOTICE = (
    "<p>You do not need to tell us your name, and please do not write it in your answers.</p>"
    "<p>We only ask how old you are and where you live if you want to tell us. "
    "We use your answers to tell the government what children and young people think.</p>"
    "<p>If you write something that makes us worried you are not safe, a trained person "
    "will read it so we can try to help.</p>"
    "<p>We will only use your words in a report if you tick the box that says we can. "
    "Even then, we will never say who you are.</p>"
)

DEFAULT_THANK_YOU = (
    "<p>We will read every answer. When the consultation closes we put what everyone said "
    "together and tell the people who make decisions. We will publish what changed on this "
    "page, under “You said, we did”.</p>"
)


class AgeBand(models.TextChoices):
    UNDER_10 = "under_10", "Under 10"
    AGE_10_12 = "10_12", "10 to 12"
    AGE_13_15 = "13_15", "13 to 15"
    AGE_16_17 = "16_17", "16 to 17"


class Region(models.TextChoices):
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire_humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east_of_england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "I would rather not say"


class QuestionKind(models.TextChoices):
    # The values are the form builder's create_<kind>_field method names.
    SHORT_TEXT = "singleline", "Short text"
    LONG_TEXT = "multiline", "Long text"
    SINGLE_CHOICE = "radio", "Single choice"
    MULTIPLE_CHOICE = "checkboxes", "Multiple choice"
    SMILEY_SCALE = "smiley", "Smiley scale (1 to 5)"


# The kinds a young person writes in their own words: what the analysis pipeline reads.
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


class ConsultationIndexPage(Page):
    """Lists consultations: open, opening soon and closed. Edited in Pages."""

    introduction = models.TextField(blank=True, max_length=400)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    def get_context(self, request, *args, **kwargs):
        from consultations import selectors

        context = super().get_context(request, *args, **kwargs)
        context["open_consultations"] = selectors.consultations_open(under=self)
        context["upcoming_consultations"] = selectors.consultations_upcoming(under=self)
        context["closed_consultations"] = selectors.consultations_closed(under=self)
        return context


class ConsultationPage(RoutablePageMixin, AbstractForm):
    """One consultation: what it is about, who it is for, and its questions. Edited in Pages."""

    summary = models.TextField(
        max_length=300, help_text="One or two sentences, shown in lists and at the top."
    )
    easy_read_summary = RichTextField(
        features=["bold", "ul", "ol", "link"],
        help_text="Short sentences and everyday words, for younger readers.",
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age", default=8, validators=[MinValueValidator(8), MaxValueValidator(17)]
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age", default=17, validators=[MinValueValidator(8), MaxValueValidator(17)]
    )
    opens_at = models.DateTimeField("opens")
    closes_at = models.DateTimeField("closes")
    body = StreamField(BodyBlock(), blank=True, help_text="More about the consultation.")
    privacy_notice = RichTextField(
        features=["bold", "ul", "link"],
        default=DEFAULT_PRIVACY_NOTICE,
        help_text="In words a ten-year-old understands.",
    )
    thank_you_text = RichTextField(
        "what happens next",
        features=["bold", "ul", "link"],
        default=DEFAULT_THANK_YOU,
        help_text="Shown after someone sends their answers.",
    )
    you_said_we_did = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name="you said, we did",
        help_text="What changed because of the answers. Shown once the consultation closes.",
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading="Who and when",
        ),
        FieldPanel("body"),
        InlinePanel("form_fields", label="Questions", min_num=1),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        FieldPanel("you_said_we_did"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("easy_read_summary"),
    ]

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "consultation"

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "A consultation must close after it opens."
        if self.min_age and self.max_age and self.max_age < self.min_age:
            errors["max_age"] = "The oldest age cannot be below the youngest age."
        if errors:
            raise ValidationError(errors)

    @property
    def status(self) -> str:
        return consultation_status(
            opens_at=self.opens_at, closes_at=self.closes_at, now=timezone.now()
        )

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == ConsultationStatus.CLOSED

    def get_form_fields(self):
        # Set by selectors.consultation_taking_answers, so a flood of submissions does not
        # read the questions once per request.
        cached = getattr(self, "questions_cache", None)
        return cached if cached is not None else super().get_form_fields()

    def get_form_class(self):
        from consultations.forms import form_class_for

        return form_class_for(self)

    @path("")
    def consultation(self, request):
        from consultations.views import consultation_page

        return consultation_page(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        from consultations.views import thank_you_page

        return thank_you_page(request, self)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            from consultations.views import thank_you_page

            return thank_you_page(request, self)
        return super().serve_preview(request, mode_name)


class ConsultationQuestion(AbstractFormField):
    """One question on a consultation. Edited inline on the consultation page."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField("kind of question", max_length=16, choices=QuestionKind.choices)
    field_type.required_on_save = True
    outcome = models.CharField(
        max_length=32,
        choices=Outcome.choices,
        blank=True,
        help_text="Link a smiley scale to an outcome to ask how far it is met.",
    )

    panels = AbstractFormField.panels + [FieldPanel("outcome")]

    class Meta(AbstractFormField.Meta):
        verbose_name = "question"

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        choice_kinds = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
        if self.field_type in choice_kinds and not self.choices.strip():
            raise ValidationError({"choices": "A choice question needs at least two options."})


class Response(models.Model):
    """One young person's answers to one consultation. Read in the admin under Responses."""

    # Wagtail's reference index would add a query and a row per submission for nothing:
    # responses are never referenced from content.
    wagtail_reference_index_ignore = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # PROTECT: a consultation with answers cannot be deleted, so nothing sent is ever lost.
    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.PROTECT, related_name="responses"
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    age_band = models.CharField(max_length=16, choices=AgeBand.choices, blank=True)
    region = models.CharField(max_length=24, choices=Region.choices, blank=True)
    consent_to_quote = models.BooleanField(default=False)
    # From the form's signed submission token: a double tap or a resent page stores one row.
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    # Set when the analysis pipeline has run; responses without it are picked up again.
    analysed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    analysis_version = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["consultation", "submitted_at"])]
        permissions = [("export_response", "Can export responses")]

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
        ConsultationQuestion, on_delete=models.SET_NULL, null=True, related_name="answers"
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
