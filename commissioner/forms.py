"""Forms for casework screens in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from commissioner import rules
from commissioner.models import Agency, Child, Meeting
from commissioner.rules import SignatoryOffice, State

DATE = forms.DateInput(attrs={"type": "date"})


class DirectionForm(forms.Form):
    reference = forms.CharField(max_length=100)
    given_on = forms.DateField(label="Date of the direction", widget=DATE)
    signatory_name = forms.CharField(label="Signed by (name)", max_length=200)
    signatory_office = forms.ChoiceField(label="Office", choices=SignatoryOffice.choices)
    child_name = forms.CharField(label="The child's name", max_length=200)
    child_date_of_birth = forms.DateField(
        label="The child's date of birth", widget=DATE, required=False
    )
    child_local_authority = forms.CharField(label="Local authority", max_length=200, required=False)
    reasons = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    national_significance = forms.CharField(
        label="Why the case has national significance", widget=forms.Textarea(attrs={"rows": 4})
    )
    terms_of_reference = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    letter = forms.FileField(label="The Secretary of State's letter (PDF or Word)")


class ChildForm(forms.ModelForm):
    class Meta:
        model = Child
        fields = [
            "name",
            "date_of_birth",
            "local_authority",
            "school",
            "gp",
            "lead_professional",
            "local_authority_reference",
            "nhs_number",
        ]
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, read_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # A closed inquiry's record is shown, not offered for change.
        for field in self.fields.values():
            field.disabled = read_only


class MoveForm(forms.Form):
    to_state = forms.ChoiceField(label="Move to", choices=State.choices)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, allowed: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(s, State(s).label) for s in allowed]


class EvidenceForm(forms.Form):
    title = forms.CharField(max_length=200)
    upload = forms.FileField(label="Document (PDF, Word, PNG or JPEG)")
    from_whom = forms.CharField(label="From whom", max_length=200)
    received_on = forms.DateField(widget=DATE)
    how_obtained = forms.CharField(label="How it was obtained", max_length=200)


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["kind", "name", "contact_name", "contact_role", "contact_email", "contact_phone"]


class RequestForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    asked_for = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(
        widget=DATE,
        required=False,
        help_text=f"Leave empty for {rules.INFORMATION_REQUEST_DAYS} working days from today.",
    )

    def __init__(self, *args, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = inquiry.agencies.all()


class ReplyForm(forms.Form):
    summary = forms.CharField(label="What the reply says", widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "held_on", "private", "notes"]
        widgets = {"held_on": DATE}


class DeadlineForm(forms.Form):
    name = forms.CharField(max_length=200)
    working_days = forms.IntegerField(min_value=rules.DEADLINE_MIN_WORKING_DAYS, max_value=500)


class PauseForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    draft = forms.CharField(
        label="Report to the Secretary of State", widget=forms.Textarea(attrs={"rows": 12})
    )
    may_identify_child = forms.BooleanField(label="The child may be identified", required=False)
    identity_reasons = forms.CharField(
        label="Reasons for the decision on identifying the child",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    publication_text = forms.CharField(
        label="Version for publication", widget=forms.Textarea(attrs={"rows": 12})
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}))
    bodies = forms.CharField(label="Bodies asked to respond in writing", max_length=500)
    respond_by = forms.DateField(widget=DATE)


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            f"Say in a sentence (at least {rules.BREAK_GLASS_REASON_MIN_WORDS} words) why you "
            "need to open this inquiry now. Someone else will review it. The reason is kept in "
            "the audit trail for good."
        ),
    )


class TeamForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        perms = Q(groups__permissions__codename__in=rules.TEAM_CODENAMES)
        self.fields["members"].queryset = (
            get_user_model().objects.filter(perms, is_active=True).distinct().order_by("username")
        )
