"""What a young person whose words may disclose harm sees: help on every page that follows,
the error page of an unfinished form included; what they typed is kept, and kept for a person
to read even if they give up; each helpline once; a quick way out; no promise that is not true."""

from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest

from consultations.models import Response
from core.screening import Concern
from safeguarding.models import SafeguardingFlag
from tests.conftest import valid_answers

pytestmark = pytest.mark.django_db
URLENCODED = "application/x-www-form-urlencoded"
WORDS = "my stepdad hits me when mum is at work and i dont want to go home"


@pytest.fixture
def sure_screen(monkeypatch):
    # The screen's verdict is fixed: what is tested is what the young person is shown.
    def screen(texts):
        if any("stepdad" in text for text in texts):
            return Concern(
                kind="physical_abuse", score=0.95, evidence=["stepdad hits me"], sure=True
            )
        return None

    monkeypatch.setattr("safeguarding.receivers.texts_screen", screen)


def _post(client, page, data):
    return client.post(page.url, urlencode(data, doseq=True), content_type=URLENCODED)


def _unfinished(page):
    """A disclosure, with the required question about school left out."""
    data = valid_answers(page, what_would_you_change=WORDS)
    happy = page.form_fields.get(label="How happy are you at school?").clean_name
    data.pop(happy)
    return data


def test_an_unfinished_form_shows_help_and_keeps_what_was_typed(client, consultation, sure_screen):
    response = _post(client, consultation, _unfinished(consultation))
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Are you safe?" in html and "0800 1111" in html
    assert WORDS in html  # what was typed is still in the form


def test_the_words_are_kept_for_a_person_even_if_they_give_up(client, consultation, sure_screen):
    _post(client, consultation, _unfinished(consultation))
    kept = Response.objects.get()
    assert kept.is_complete is False
    assert kept.answers.filter(text=WORDS).exists()
    flag = SafeguardingFlag.objects.get(response=kept)
    assert flag.status == SafeguardingFlag.Status.OPEN


def test_finishing_the_form_completes_the_same_response(client, consultation, sure_screen):
    first = _post(client, consultation, _unfinished(consultation))
    token = first.context["submission_token"]
    finished = valid_answers(consultation, what_would_you_change=WORDS)
    finished["submission-token"] = token
    second = _post(client, consultation, finished)
    assert second.status_code == 200  # the help is shown in place of the thank-you
    stored = Response.objects.get()
    assert stored.is_complete is True
    assert stored.answers.get(question_label="How happy are you at school?").scale == 4
    assert SafeguardingFlag.objects.filter(response=stored).count() == 1


def test_an_unfinished_ordinary_form_stores_nothing(client, consultation, sure_screen):
    data = valid_answers(consultation, what_would_you_change="longer break times")
    data.pop(consultation.form_fields.get(label="How happy are you at school?").clean_name)
    response = _post(client, consultation, data)
    assert response.status_code == 400
    assert "Are you safe?" not in response.content.decode()
    assert not Response.objects.exists()


def test_the_help_page_lists_each_helpline_once_and_has_a_quick_exit(
    client, consultation, sure_screen, settings
):
    settings.QUICK_EXIT_URL = "https://www.example.org/weather"
    html = _post(client, consultation, valid_answers(consultation, what_would_you_change=WORDS))
    html = html.content.decode()
    assert html.count("0800 1111") == html.count("Childline on 0800 1111") + 1
    assert 'href="https://www.example.org/weather"' in html
    assert "Leave this site quickly" in html


@pytest.mark.parametrize(
    ("now", "promise"),
    [
        (datetime(2026, 12, 3, 11, 0), "will read what you wrote today"),
        (datetime(2026, 12, 4, 21, 0), "from 9 a.m. on Monday 7 December"),
    ],
)
def test_it_promises_only_what_is_true(
    client, consultation, sure_screen, monkeypatch, now, promise
):
    moment = now.replace(tzinfo=ZoneInfo("Europe/London"))
    monkeypatch.setattr("cms.templatetags.help_tags.timezone.now", lambda: moment)
    html = _post(client, consultation, valid_answers(consultation, what_would_you_change=WORDS))
    assert promise in html.content.decode()
