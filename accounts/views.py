"""The code step after the password, setting up an authenticator, and logging out by POST only.

The code step and the logout page sit at the admin's own addresses (config/urls.py puts them
before the admin's), so they look like the admin's login.
"""

import base64
from urllib.parse import quote

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from accounts import services
from accounts.forms import CodeForm, EnrolForm, StaffFrontendLoginForm
from accounts.rules import second_factor_required


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


@sensitive_post_parameters("otp_token")
@never_cache
def code_step(request) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not user_has_device(user):
        return redirect(f"{reverse('accounts_second_factor')}?next={quote(next_url, safe='/')}")
    form = CodeForm(user, request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.second_factor_passed(request=request, device=form.verified_device())
        return redirect(next_url)
    return TemplateResponse(
        request,
        "accounts/code.html",
        {"form": form, "next": next_url},
        status=400 if form.is_bound else 200,
    )


def _qr_data_uri(text: str) -> str:
    """The QR code as an SVG drawn here, in a data: address (the admin's policy allows it)."""
    svg = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.to_string()).decode()


@sensitive_post_parameters("code")
@never_cache
def second_factor(request) -> HttpResponse:
    """Set up (or replace, or for roles that may choose, remove) an authenticator app."""
    user = request.user
    required = second_factor_required(user)
    if request.method == "POST" and request.POST.get("action") == "remove" and not required:
        services.second_factor_remove(user=user)
        messages.success(request, "Your authenticator app has been removed.")
        return redirect("accounts_second_factor")
    device = services.totp_enrolment_start(user=user)
    form = EnrolForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if services.totp_enrolment_confirm(device=device, token=form.cleaned_data["code"]):
            device.refresh_from_db()
            services.second_factor_passed(request=request, device=device)
            messages.success(
                request,
                "Your authenticator app is set up. You will be asked for a code from it "
                "each time you log in.",
            )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            "That code did not work. Check that the app shows an entry for this site and "
            "type its newest code. After several wrong codes, wait a minute.",
        )
    context = {
        "page_title": "Second factor",
        "header_icon": "key",
        "form": form,
        "required": required,
        "enrolled": user_has_device(user),
        "qr": _qr_data_uri(device.config_url),
        "secret": services.totp_secret(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    return TemplateResponse(
        request, "accounts/second_factor.html", context, status=400 if form.is_bound else 200
    )


class AdminLogoutView(WagtailLogoutView):
    """Wagtail's logout, by POST only. Wagtail's own answers a GET with 405 yet still drops
    the session cookie and says "logged out" while the session lives on; here a GET logs
    nobody out and says so."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super().dispatch(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        return TemplateResponse(
            request, "accounts/still_logged_in.html", status=405, headers={"Allow": "POST"}
        )


class FrontendLoginView(auth_views.LoginView):
    """Wagtail's login for private pages, with members refused and the same template."""

    authentication_form = StaffFrontendLoginForm
    template_name = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_TEMPLATE", "wagtailcore/login.html")
