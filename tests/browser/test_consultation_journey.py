"""A young person answers a consultation on a phone, in real Chromium, with axe on every page."""

from urllib.parse import urlparse

import pytest

from consultations.models import Response
from tests.factories.pages import consultation_create

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_tree")]

PAGE_WEIGHT_LIMIT = 60 * 1024


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_answering_on_a_phone(live_server, phone, assert_accessible):
    consultation = consultation_create(title="Your school day")
    server = urlparse(live_server.url).netloc
    loaded: list = []
    phone.on("response", lambda response: loaded.append(response))

    phone.goto(live_server.url + "/")
    assert_accessible(phone)
    assert _fits_the_screen(phone)
    loaded.clear()

    phone.get_by_role("link", name="Your school day").click()
    phone.wait_for_load_state("load")
    assert phone.get_by_role("heading", level=1).inner_text() == "Your school day"
    assert_accessible(phone)
    assert _fits_the_screen(phone)
    # On a small phone (320 by 640) the first question starts on the first or second screen.
    first_question = phone.locator(".answer-form .field").first.bounding_box()
    assert first_question["y"] < 2 * 640, first_question

    # A first-time visitor on a phone: small, nothing from other hosts, no cookie at all.
    assert {urlparse(r.url).netloc for r in loaded} == {server}
    weight = sum(len(r.body()) for r in loaded)
    assert weight < PAGE_WEIGHT_LIMIT, f"{weight} bytes"
    assert phone.context.cookies() == []

    # Skip the required smiley question: the error summary says so and links to it.
    phone.get_by_label("Your favourite lesson").fill("Art")
    phone.get_by_label("What would you change?").fill("Longer lunch breaks")
    phone.get_by_role("button", name="Send my answers").click()
    summary = phone.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "Please answer this question." in summary.inner_text()
    # Focus is on the summary, so a screen reader reads the problems first.
    assert phone.evaluate("document.activeElement.classList.contains('error-summary')")
    assert phone.title().startswith("Error:")
    assert phone.get_by_label("What would you change?").input_value() == "Longer lunch breaks"
    assert_accessible(phone)
    assert _fits_the_screen(phone)
    summary.get_by_role("link").first.click()
    assert (
        phone.evaluate("document.activeElement.name")
        == consultation.form_fields.get(label="How happy are you at school?").clean_name
    )

    phone.get_by_label("4: good").check()
    phone.get_by_label("10 to 12").check()
    phone.get_by_label("Where in England do you live?").select_option(label="London")
    phone.get_by_role("button", name="Send my answers").click()

    assert phone.get_by_role("heading", level=1).inner_text() == "Thank you, we have your answers"
    assert "0800 1111" in phone.content()
    assert_accessible(phone)
    assert _fits_the_screen(phone)

    stored = Response.objects.get()
    assert (stored.age_band, stored.region, stored.consent_to_quote) == ("10_12", "london", False)
    assert stored.answers.get(question_label="How happy are you at school?").scale == 4

    # Going back and sending the same page again stores nothing more.
    phone.go_back()
    phone.get_by_role("button", name="Send my answers").click()
    assert Response.objects.count() == 1


def test_answering_without_javascript(live_server, phone_without_javascript):
    consultation_create(title="No scripts needed")
    phone = phone_without_javascript
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="No scripts needed").click()
    phone.get_by_label("3: OK").check()
    phone.get_by_label("Your favourite lesson").fill("Music")
    phone.get_by_label("Sport").check()
    phone.get_by_label("Music", exact=True).check()
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Thank you, we have your answers"
    answer = Response.objects.get().answers.get(question_label="Clubs you go to")
    assert answer.choices == ["Sport", "Music"]


def test_closed_and_index_pages_are_accessible(live_server, phone, assert_accessible):
    from datetime import timedelta

    closed = consultation_create(
        title="An old one",
        opens_in=timedelta(days=-30),
        closes_in=timedelta(days=-1),
        you_said_we_did=[("paragraph", "<p>We told the minister.</p>")],
    )
    consultation_create(title="A new one", opens_in=timedelta(days=2))
    phone.goto(live_server.url + closed.get_parent().url)
    assert_accessible(phone)
    phone.goto(live_server.url + closed.url)
    assert "We told the minister." in phone.content()
    assert_accessible(phone)
    assert _fits_the_screen(phone)


def test_stronger_help_after_a_worrying_answer_is_accessible(live_server, phone, assert_accessible):
    consultation_create(title="Your week")
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="Your week").click()
    phone.get_by_label("2: bad").check()
    phone.get_by_label("Your favourite lesson").fill("art")
    phone.get_by_label("What would you change?").fill("my step dad hits me when he is drunk")
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_role("heading", name="Are you safe?").is_visible()
    assert "thank-you" not in phone.url  # nothing in the history hints at what was written
    assert_accessible(phone)
    assert _fits_the_screen(phone)
