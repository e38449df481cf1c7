"""Forms for the clerks' screens in the Wagtail admin."""

from django import forms
from django.template.defaultfilters import filesizeformat

from reports import rules
from reports.models import Laying


class VerifyForm(forms.Form):
    """A copy of the report to check against the submitted versions, byte for byte."""

    file = forms.FileField(
        label="The copy to check",
        help_text=(
            f"The HTML file as you received it. Up to {filesizeformat(rules.VERIFY_MAX_BYTES)}."
        ),
        error_messages={
            "required": "Choose a file to check.",
            "empty": "The file is empty: choose the copy of the report you want to check.",
        },
    )
    # Set when the file was refused for its size, so the view answers 413, not 400.
    too_large = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > rules.VERIFY_MAX_BYTES:
            self.too_large = True
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the largest that can be checked is "
                f"{filesizeformat(rules.VERIFY_MAX_BYTES)}. No submitted version is that large."
            )
        return upload


class LayingForm(forms.Form):
    """That one House has had this version laid before it: the date and its paper number."""

    house = forms.ChoiceField(label="House", choices=rules.House.CHOICES)
    laid_on = forms.DateField(
        label="Date laid",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Give the date it was laid.", "invalid": "Give a real date."},
    )
    paper_number = forms.CharField(
        label="Paper number",
        max_length=Laying._meta.get_field("paper_number").max_length,
        help_text="As printed on the paper, for example HC 123 or HL Paper 45.",
        error_messages={"required": "Give the paper number."},
    )
