"""Setting up an authenticator and the code step in real Chromium, under the admin's
Content-Security-Policy."""

import base64
import re

import pytest
from django_otp.oath import TOTP

from cms.roles import Role
from tests.browser.csp import csp_refusals
from tests.factories.accounts import PASSWORD, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def test_a_caseworker_sets_up_an_app_at_first_login_and_reaches_casework(live_server, browser):
    user_with_role(Role.CASEWORKER, username="casey")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = csp_refusals(page)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/inquiries/")
    page.fill("#id_username", "casey")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/account/second-factor/"))

    qr = page.get_by_role("img", name="QR code that adds this site to an authenticator app")
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    code = TOTP(base64.b32decode(secret)).token()
    page.get_by_label("6-digit code from the app").fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{live_server.url}/admin/inquiries/")
    assert "Your authenticator app is set up." in page.content()
    context.close()
    assert refused == []


def test_a_verified_session_opens_the_safeguarding_queue_directly(live_server, staff_context):
    lead = user_with_role(Role.SAFEGUARDING_LEAD)
    page = staff_context(lead, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/safeguarding/")
    assert page.url == f"{live_server.url}/admin/safeguarding/"
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
