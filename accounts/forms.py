"""The staff login forms (members are refused there) and the second factor's forms."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django_otp.forms import OTPTokenForm
from wagtail.admin.forms.auth import LoginForm

from accounts.rules import is_parliament_member


class MembersRefusedMixin:
    """A member's own password is answered as if it were wrong, so these pages cannot be used
    to learn whether a guess at a member's password was right."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if is_parliament_member(user):
            raise self.get_invalid_login_error()


class StaffLoginForm(MembersRefusedMixin, LoginForm):
    """The Wagtail admin's login (WAGTAILADMIN_USER_LOGIN_FORM)."""


class StaffFrontendLoginForm(MembersRefusedMixin, AuthenticationForm):
    """The login Wagtail sends people to for private pages (/_util/login/)."""


def _code_field() -> forms.CharField:
    return forms.CharField(
        label="6-digit code",
        required=False,
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}
        ),
    )


def _digits(value: str) -> str:
    # Authenticator apps show the code as "123 456"; people type it that way.
    return "".join((value or "").split())


class CodeForm(OTPTokenForm):
    """The code step after the password: one code from the person's authenticator app."""

    otp_error_messages = {
        **OTPTokenForm.otp_error_messages,
        "token_required": "Enter the 6-digit code from your authenticator app.",
        "invalid_token": "That code did not work. Check the newest code in your "
        "authenticator app and try again.",
        "n_failed_attempts": "After a wrong code, codes are refused for a little while. "
        "Wait a minute, then try the newest code.",
        "device_required": "Choose which authenticator you are using.",
    }
    otp_token = _code_field()

    def __init__(self, user, request=None, data=None):
        devices = self.device_choices(user)[1:]
        if data is not None and len(devices) == 1 and not data.get("otp_device"):
            data = data.copy()
            data["otp_device"] = devices[0][0]
        super().__init__(user, request, data=data)
        if len(devices) == 1:
            self.fields["otp_device"].widget = forms.HiddenInput()
            self.fields["otp_device"].initial = devices[0][0]

    def clean_otp_token(self):
        return _digits(self.cleaned_data.get("otp_token"))

    def verified_device(self):
        return self.user.otp_device


class EnrolForm(forms.Form):
    """The first code from a newly added authenticator, to show it was set up right."""

    code = forms.CharField(
        label="6-digit code from the app",
        max_length=12,
        error_messages={"required": "Enter the 6-digit code your authenticator app shows."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return _digits(self.cleaned_data["code"])
