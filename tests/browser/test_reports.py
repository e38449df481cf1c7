"""A parliamentary clerk in real Chromium: log in, find the submitted report, download it, and
check copies against it, with axe-core on every page."""

import pytest

from cms.roles import Role
from reports.services import submission_seal
from tests.browser.csp import csp_refusals
from tests.factories.accounts import PASSWORD, user_with_role
from tests.reports.conftest import REPORT

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def test_a_clerk_downloads_the_submitted_report_and_checks_copies(
    live_server, browser, assert_accessible, tmp_path
):
    sealed = submission_seal(
        year="2026-27", html=REPORT, by=user_with_role(Role.COMMISSIONER, username="cc")
    )
    user_with_role(Role.CLERK, username="clerk")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    refused = csp_refusals(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Submitted reports").click()
    page.wait_for_url(f"{live_server.url}/admin/submissions/")
    assert_accessible(page)

    page.get_by_role("link", name="2026-27, version 1").click()
    page.wait_for_url(f"{live_server.url}/admin/submissions/{sealed.pk}/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the HTML file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.read_bytes() == REPORT.encode()

    altered = tmp_path / "altered.html"
    altered.write_bytes(REPORT.encode().replace(b"healthy", b"happy"))
    for copy, verdict in [(saved, "matches a submitted version"), (altered, "matches no")]:
        page.goto(f"{live_server.url}/admin/submissions/verify/")
        page.get_by_label("The copy to check").set_input_files(str(copy))
        page.get_by_role("button", name="Check the copy").click()
        assert verdict in page.locator(".help-block[role=status]").inner_text()
        assert_accessible(page)
    context.close()
    assert refused == []
