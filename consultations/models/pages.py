"""The consultation pages editors build in Pages, and their questions. These page classes route
requests to the public journey in `consultations.views`, so they sit above it."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import BodyBlock
from consultations import views
from consultations.forms import form_class_for
from consultations.rules import (
    ConsultationStatus,
    QuestionKind,
    consultation_status,
    status_changes_at,
)
from core.taxonomy import Outcome

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


class ConsultationIndexPage(Page):
    """Lists consultations: open, opening soon and closed. Edited in Pages."""

    introduction = models.TextField(blank=True, max_length=400)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listed = ConsultationPage.objects.listed(under=self)
        context["open_consultations"] = listed.open_now()
        context["upcoming_consultations"] = listed.upcoming()
        context["closed_consultations"] = listed.closed()
        return context


class ConsultationPageQuerySet(PageQuerySet):
    def listed(self, *, under: Page | None = None):
        """Consultations the public may see, under one index page or anywhere."""
        pages = self.live().public()
        return pages.child_of(under) if under is not None else pages

    def open_now(self):
        now = timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")

    def upcoming(self):
        return self.filter(opens_at__gt=timezone.now()).order_by("opens_at")

    def closed(self):
        return self.filter(closes_at__lte=timezone.now()).order_by("-closes_at")


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

    objects = PageManager.from_queryset(ConsultationPageQuerySet)()

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

    def next_change_at(self) -> float | None:
        """When this page's status changes by itself, in epoch seconds; None once closed."""
        at = status_changes_at(opens_at=self.opens_at, closes_at=self.closes_at, now=timezone.now())
        return at.timestamp() if at else None

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
        return form_class_for(self)

    @path("")
    def consultation(self, request):
        return views.consultation_page(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        return views.thank_you_page(request, self)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return views.thank_you_page(request, self)
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
