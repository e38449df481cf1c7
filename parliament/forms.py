"""Forms members use on the public site, with messages written for young people."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils import timezone

from core.taxonomy import Outcome
from core.usernames import username_normalise
from parliament import rules
from parliament.models.records import Vote
from parliament.selectors import member_for


class MemberLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "That username and password do not match. Check them and try again.",
        "inactive": "This login is not active. Ask the parliament team for help.",
    }

    def clean_username(self):
        # Usernames are stored normalised (parliament.services.member_create): "Sam-1234" or
        # full-width letters typed on a phone are the same login.
        return username_normalise(self.cleaned_data["username"])

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        member = member_for(user)
        if member is None:
            # A staff password is answered as if it were wrong, so this page cannot be used to
            # test guesses at one.
            raise self.get_invalid_login_error()
        decision = rules.member_can_log_in(member, timezone.localdate())
        if not decision:
            raise forms.ValidationError(decision.reason, code="not_allowed")


class MotionForm(forms.Form):
    title = forms.CharField(
        max_length=120,
        help_text="A short name for your motion, like “Free bus travel for under 18s”.",
        error_messages={"required": "Give your motion a title."},
    )
    text = forms.CharField(
        label="Your motion",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Start with “This parliament believes…” and say what should change.",
        error_messages={"required": "Write the words of your motion."},
    )
    outcomes = forms.MultipleChoiceField(
        label="What is it about?",
        choices=Outcome.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick any that fit.",
        error_messages={"invalid_choice": "Please choose from the options shown."},
    )


class AmendmentForm(forms.Form):
    text = forms.CharField(
        label="The new words for the motion",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Write the whole motion as you want it to read.",
        error_messages={"required": "Write the new words you want the motion to have."},
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write your comment first."},
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this comment?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Tell the moderators what is wrong with this comment."},
    )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label="Your vote",
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose aye, no or abstain.",
            "invalid_choice": "Choose aye, no or abstain.",
        },
    )


class MemberPasswordForm(PasswordChangeForm):
    """Django's password change, in words a twelve-year-old understands."""

    error_messages = {
        "password_incorrect": "That is not the password you use now. Check it and try again.",
        "password_mismatch": "The two new passwords are not the same. Type them again.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "The password you use now"
        self.fields["new_password1"].label = "Your new password"
        self.fields["new_password1"].help_text = (
            "Use at least 8 letters, numbers or symbols. Make it hard to guess: not your name, "
            "not only numbers, and not an everyday password like 'password123'."
        )
        self.fields["new_password2"].label = "Type your new password again"
        self.fields["new_password2"].help_text = "So we know you typed it the way you meant."
