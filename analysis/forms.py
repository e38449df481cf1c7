"""Forms of the analysts' screens."""

from django import forms

from core.taxonomy import Outcome


class TagForm(forms.Form):
    outcomes = forms.MultipleChoiceField(
        choices=Outcome.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Outcomes this answer is about",
        help_text="Your choice replaces the model's tags for this answer; saving it unchanged "
        "confirms them.",
    )
