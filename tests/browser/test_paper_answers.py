"""An analyst types in a young person's paper answers, then imports a file with a mistake, in
real Chromium, with axe-core on every screen."""

import pytest

from cms.roles import Role
from consultations.models import Response
from tests.browser.csp import csp_refusals
from tests.factories.accounts import user_with_role
from tests.factories.pages import consultation_create

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def test_an_analyst_enters_paper_answers_and_a_file_with_a_mistake(
    live_server, staff_context, assert_accessible, tmp_path
):
    consultation = consultation_create(title="Your school day")
    context = staff_context(user_with_role(Role.ANALYST), viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = csp_refusals(page)

    page.goto(f"{live_server.url}/admin/paper-answers/")
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    assert_accessible(page)
    page.get_by_role("link", name="Enter answers for Your school day").click()
    page.wait_for_url("**/enter/")
    assert_accessible(page)

    page.get_by_label("On paper").check()
    page.get_by_label("Date the answers were given").fill("2026-11-20")
    page.get_by_label("Who collected them").fill("Youth Voice Leeds")
    page.get_by_label("The young person agreed to give us these answers").check()
    page.get_by_label("4: good").check()
    page.get_by_label("Your favourite lesson").fill("Drama")
    page.get_by_role("button", name="Store these answers").click()
    page.wait_for_selector("text=Answers stored.")
    assert Response.objects.get().channel == "paper"

    page.goto(f"{live_server.url}/admin/paper-answers/{consultation.pk}/import/")
    assert_accessible(page)
    file = tmp_path / "answers.csv"
    file.write_text(
        '"How happy are you at school?","Your favourite lesson"\n"9","Art"\n', encoding="utf-8"
    )
    page.get_by_label("CSV or XLSX file").set_input_files(str(file))
    page.get_by_label("At a workshop").check()
    page.get_by_label("Date the answers were given").fill("2026-11-21")
    page.get_by_label("Who collected them").fill("Ms Okafor")
    page.get_by_label("The young person agreed to give us these answers").check()
    page.get_by_role("button", name="Check and store").click()
    page.wait_for_selector("text=Nothing from this file has been stored.")
    assert "Row 2: How happy are you at school?" in page.content()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    assert Response.objects.count() == 1
    assert refused == []
