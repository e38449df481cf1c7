"""The answer form: Wagtail's form builder makes the question fields, the base adds the rest.

The fields this module adds have hyphens in their names. Question names are the form
builder's snake_case `clean_name`s, which never contain a hyphen, so the two cannot clash.
"""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from consultations.rules import LONG_TEXT_MAX, SHORT_TEXT_MAX, QuestionKind
from core.taxonomy import AgeBand, Region

AGE_BAND_FIELD = "about-age-band"
REGION_FIELD = "about-region"
CONSENT_FIELD = "consent-to-quote"
TOKEN_FIELD = "submission-token"  # noqa: S105 (a field name, not a secret)
HONEYPOT_FIELD = "your-website"
CSRF_FIELD = "csrfmiddlewaretoken"

SMILEY_CHOICES = [
    ("1", "1: very bad"),
    ("2", "2: bad"),
    ("3", "3: OK"),
    ("4", "4: good"),
    ("5", "5: very good"),
]

REQUIRED_MESSAGE = "Please answer this question."


def _too_long_message(limit: int) -> str:
    return (
        f"Your answer is too long. Please use {limit:,} characters or fewer "
        "(you have used %(show_value)d)."
    )


class SmileyWidget(forms.RadioSelect):
    template_name = "consultations/widgets/smiley.html"


class ConsultationFormBuilder(FormBuilder):
    """Builds the five question kinds with limits and messages written for young people."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": REQUIRED_MESSAGE}
        options["initial"] = None  # no pre-filled answers: nothing is put in a child's mouth
        return options

    def create_singleline_field(self, field, options):
        options["error_messages"]["max_length"] = _too_long_message(SHORT_TEXT_MAX)
        return forms.CharField(max_length=SHORT_TEXT_MAX, **options)

    def create_multiline_field(self, field, options):
        options["error_messages"]["max_length"] = _too_long_message(LONG_TEXT_MAX)
        return forms.CharField(
            max_length=LONG_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}), **options
        )

    def create_radio_field(self, field, options):
        options["error_messages"]["invalid_choice"] = "Please choose one of the options."
        return forms.ChoiceField(
            choices=self.get_formatted_field_choices(field), widget=forms.RadioSelect, **options
        )

    def create_checkboxes_field(self, field, options):
        options["error_messages"]["invalid_choice"] = "Please choose from the options shown."
        return forms.MultipleChoiceField(
            choices=self.get_formatted_field_choices(field),
            widget=forms.CheckboxSelectMultiple,
            **options,
        )

    def create_smiley_field(self, field, options):
        options["error_messages"]["invalid_choice"] = "Please choose a face from 1 to 5."
        return forms.TypedChoiceField(
            choices=SMILEY_CHOICES, coerce=int, widget=SmileyWidget, **options
        )

    def get_form_class(self):
        form_class = type("ConsultationForm", (ResponseForm,), self.formfields)
        form_class.question_kinds = {
            (f.clean_name or f.get_field_clean_name()): f.field_type for f in self.fields
        }
        return form_class


class DescribedBoundField(forms.BoundField):
    """Points a field at its error message as well as its hint, for screen readers."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors and self.auto_id:
            described = [f"{self.auto_id}_helptext"] if self.help_text else []
            attrs["aria-describedby"] = " ".join([*described, f"{self.auto_id}_error"])
        return attrs


class ResponseForm(BaseForm):
    """The parts of every answer form that are not questions: about you, and consent."""

    bound_field_class = DescribedBoundField

    ABOUT_FIELDS = (AGE_BAND_FIELD, REGION_FIELD, CONSENT_FIELD)
    question_kinds: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[AGE_BAND_FIELD] = forms.ChoiceField(
            label="How old are you?",
            help_text="You do not have to tell us.",
            choices=[("", "I would rather not say"), *AgeBand.choices],
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Please choose an age from the list."},
        )
        self.fields[REGION_FIELD] = forms.ChoiceField(
            label="Where in England do you live?",
            help_text="You do not have to tell us.",
            choices=[("", "Choose a region (optional)"), *Region.choices],
            required=False,
            error_messages={"invalid_choice": "Please choose a region from the list."},
        )
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            label="You can use my words in a report, without my name",
            help_text="Leave this unticked if you would rather we did not quote you.",
            required=False,
            initial=False,
        )

    @property
    def question_fields(self):
        return [self[name] for name in self.fields if name not in self.ABOUT_FIELDS]

    @property
    def about_fields(self):
        return [self[name] for name in self.ABOUT_FIELDS]

    @property
    def multi_value_fields(self) -> set[str]:
        return {
            name
            for name, kind in self.question_kinds.items()
            if kind == QuestionKind.MULTIPLE_CHOICE
        }

    @property
    def expected_fields(self) -> set[str]:
        return set(self.fields) | {TOKEN_FIELD, HONEYPOT_FIELD, CSRF_FIELD}


_form_classes: dict[tuple, type] = {}


def form_class_for(page) -> type:
    """The answer form class for these questions, built once rather than on every request.

    Keyed by the questions themselves, so an edited question (or a preview of one) gets a
    new class."""
    fields = list(page.get_form_fields())
    key = tuple(
        (f.clean_name, f.label, f.field_type, f.required, f.choices, f.help_text) for f in fields
    )
    form_class = _form_classes.get(key)
    if form_class is None:
        form_class = ConsultationFormBuilder(fields).get_form_class()
        if len(_form_classes) > 500:
            _form_classes.clear()
        _form_classes[key] = form_class
    return form_class
