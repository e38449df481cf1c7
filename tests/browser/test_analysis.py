"""The analysis dashboard in real Chromium, as an analyst, against the dataset counted by hand
(tests/analysis/dataset.py): a figure, a filter through the form, a number's link to the
responses behind it, and the figures' CSV with small numbers hidden (ADR 16)."""

import csv
import io
import re

import pytest

from cms.roles import Role
from tests.analysis.dataset import dataset_create
from tests.browser.csp import csp_refusals
from tests.factories.accounts import user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]


def _headline(page) -> str:
    return page.locator(".analysis-headline").inner_text()


def _outcome_cell(page, outcome: str):
    table = page.locator("table", has=page.locator("caption", has_text="Responses about each"))
    return table.locator("tr", has=page.locator("th", has_text=outcome)).locator("td a")


def test_an_analyst_filters_the_figures_opens_a_number_and_downloads_them(
    live_server, staff_context, assert_accessible
):
    data = dataset_create()
    analyst = user_with_role(Role.ANALYST)
    context = staff_context(analyst, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    refused = csp_refusals(page)

    response = page.goto(f"{live_server.url}/admin/analysis/")
    assert response.status == 200
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    # All consultations: r1 to r4 and r6 are finished; r5 is not.
    assert _headline(page) == "5 finished responses match these filters."
    assert_accessible(page)

    # One consultation, then one age band, chosen through the form.
    page.get_by_label("Consultation").select_option(label="School day")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_url(re.compile(r"consultation="))
    assert _headline(page) == "4 finished responses match these filters."
    assert _outcome_cell(page, "Economic well-being").inner_text() == "1"

    page.get_by_label("Age band").select_option(label="10 to 12")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_url(re.compile(r"age_band=10_12"))
    assert _headline(page) == "2 finished responses match these filters."
    assert page.get_by_label("Consultation").input_value() == str(data.school.pk)
    safe = _outcome_cell(page, "Staying safe")
    assert safe.inner_text() == "2"
    assert_accessible(page)

    # The figures as they may leave the screens: every count here is below 10.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download these figures")).click()
    download = download_info.value
    assert download.suggested_filename == "analysis-figures.csv"
    with open(download.path(), encoding="utf-8") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    staying_safe = next(
        row for row in rows if row[:3] == ["Outcomes by age band", "Staying safe", "10 to 12"]
    )
    assert staying_safe[3] == "fewer than 10"
    assert not any(row[3] in {"1", "2"} for row in rows if len(row) > 3 and row[0] != "Filter")

    # The number opens the responses behind it, and exactly that many.
    safe.click()
    page.wait_for_url(re.compile(r"/admin/responses/\?"))
    assert "outcome=staying_safe" in page.url
    assert "age_band=10_12" in page.url
    page.wait_for_selector("[data-wagtail-sidebar] nav", timeout=10_000)
    listed = page.locator("table.listing tbody tr")
    assert listed.count() == 2
    references = {data.responses[name].short_ref for name in ("r1", "r2")}
    assert {listed.nth(i).locator("td").first.inner_text().strip() for i in range(2)} == (
        references
    )
    assert_accessible(page)

    # How far the model agrees with analysts: r2's healthy tag was overruled by an analyst.
    page.goto(f"{live_server.url}/admin/analysis/")
    page.get_by_role("link", name="How far the model agrees with analysts").click()
    page.wait_for_url(re.compile(r"/admin/analysis/agreement/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Model and analysts"
    assert page.locator("table.listing").count() >= 1
    assert_accessible(page)

    # The five outcomes across consultations, with a chart for each.
    page.goto(f"{live_server.url}/admin/analysis/outcomes/")
    assert page.locator("svg.analysis-chart").count() == 5
    assert_accessible(page)

    # Themes: proposed from the key phrases ("safer buses", "bus fares"), then promoted.
    page.goto(f"{live_server.url}/admin/analysis/themes/?consultation={data.school.pk}")
    page.get_by_role("button", name=re.compile("Propose themes")).click()
    page.wait_for_selector("text=1 theme proposed.")
    page.wait_for_timeout(1000)  # the admin's message fades in; axe reads its final colours
    assert page.get_by_role("rowheader", name=re.compile(r"^bus")).count() == 1
    assert_accessible(page)

    assert refused == []
