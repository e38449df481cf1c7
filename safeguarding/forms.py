from django import forms

from safeguarding.models import SafeguardingFlag


class FlagCloseForm(forms.Form):
    action = forms.ChoiceField(
        label="What was done",
        choices=[("", "Choose one"), *SafeguardingFlag.Action.choices],
        required=False,
    )
    action_taken = forms.CharField(
        label="Details",
        help_text="Who was told, when and what they said; or why no action is needed.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )


class FlagReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why it is reopened",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
