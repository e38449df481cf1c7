"""The Wagtail admin in real Chromium: its Content-Security-Policy lets its own scripts run."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.csp import csp_refusals
from tests.factories.accounts import authenticator_for, code_now

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def test_the_admins_scripts_run_under_its_content_security_policy(live_server, browser):
    root = get_user_model().objects.create_superuser("root", password="a-long-test-password")
    phone = authenticator_for(root)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = csp_refusals(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/login/code/?next=/admin/")
    page.fill("#id_otp_token", code_now(phone))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    # The sidebar is drawn by the admin's JavaScript: it is there only if the scripts ran.
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    page.goto(f"{live_server.url}/admin/pages/")
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    context.close()
    assert refused == []
