"""Admin screens run under a Content-Security-Policy that forbids inline scripts, in real
Chromium: Wagtail's own scripts and date pickers still work (ADR 3)."""

import pytest
from django.contrib.auth import get_user_model

from consultations.services import response_submit
from core.screening import SCREEN, Concern
from safeguarding.services import flag_raise
from tests.browser.csp import csp_refusals
from tests.factories.casework import inquiry_make
from tests.factories.pages import consultation_create

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]

SCREENS = [
    "/admin/",
    "/admin/safeguarding/",
    "/admin/safeguarding/inspect/{flag}/",
    "/admin/responses/",
    "/admin/responses/inspect/{response}/",
    "/admin/analysis/",
    "/admin/inquiries/",
    "/admin/inquiries/{inquiry}/",
    "/admin/inquiries/{inquiry}/child/",
    "/admin/inquiries/audit/",
    "/admin/parliament/comments/",
    "/admin/pages/",
    "/admin/pages/{home}/edit/",
    "/admin/users/",
    "/admin/submissions/",
    "/admin/submissions/verify/",
]


@pytest.fixture
def places():
    from wagtail.models import Page

    consultation = consultation_create()
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    stored = response_submit(consultation=consultation, answers=answers, idempotency_key="csp")
    flag = flag_raise(
        source=stored.response,
        concern=Concern(kind="neglect", score=0.9, evidence=["no food at home"], stage=SCREEN),
        new=True,
    )
    return {
        "flag": flag.pk,
        "response": stored.response.pk,
        "inquiry": inquiry_make().pk,
        "home": Page.objects.get(depth=2).pk,
    }


def _script_src(response) -> str:
    policy = response.headers.get("content-security-policy", "")
    return next((d for d in policy.split(";") if d.strip().startswith("script-src")), "")


def test_admin_screens_forbid_inline_scripts_and_still_run(live_server, staff_context, places):
    root = get_user_model().objects.create_superuser("root", password="a-long-test-password")
    page = staff_context(root, viewport={"width": 1280, "height": 900}).new_page()
    refused = csp_refusals(page)
    for path in SCREENS:
        address = path.format(**places)
        response = page.goto(live_server.url + address)
        assert response.status == 200, address
        # The sidebar is drawn by the admin's JavaScript: it is there only if the scripts ran.
        page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
        assert "'unsafe-inline'" not in _script_src(response), address
        assert "camera=()" in response.headers["permissions-policy"]
    assert refused == []


def test_the_date_pickers_open_without_inline_scripts(live_server, staff_context, places):
    root = get_user_model().objects.create_superuser("root", password="a-long-test-password")
    page = staff_context(root, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/pages/{places['home']}/edit/")
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    markers = page.locator("[data-voice-picker]").count()
    # Wagtail's picker adds its calendar to the page only when its script was started.
    assert markers > 0
    assert page.locator(".xdsoft_datetimepicker").count() == markers
