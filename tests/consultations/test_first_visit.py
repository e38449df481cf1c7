"""The page as every visitor first sees it, made once per version of the site's content, and
answering without cookies (docs/adr/0018-a-fast-journey-without-cookies.md)."""

import re
import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import Response
from consultations.tokens import token_read
from tests.conftest import valid_answers
from tests.factories.pages import consultation_create

pytestmark = pytest.mark.django_db
URLENCODED = "application/x-www-form-urlencoded"


def _token(html: str) -> str:
    return re.search(r'name="submission-token" value="([^"]+)"', html).group(1)


def _answer_address(page) -> str:
    return reverse("consultation_submit", args=[page.pk])


def test_every_visit_gets_its_own_token(consultation):
    first = _token(Client().get(consultation.url).content.decode())
    second = _token(Client().get(consultation.url).content.decode())
    assert first != second
    assert (
        token_read(first, consultation_id=consultation.pk).key
        != token_read(second, consultation_id=consultation.pk).key
    )


def test_a_published_change_shows_at_once(consultation):
    Client().get(consultation.url)  # made and kept
    consultation.title = "Your school week"
    consultation.save_revision().publish()
    html = Client().get(consultation.url).content.decode()
    assert "<h1>Your school week</h1>" in html


def test_an_unpublished_consultation_is_gone_at_once(consultation):
    Client().get(consultation.url)
    consultation.unpublish()
    assert Client().get(consultation.url).status_code == 404


def test_a_consultation_that_closes_stops_showing_its_form(db):
    page = consultation_create(closes_in=timedelta(seconds=1.5))
    assert 'name="submission-token"' in Client().get(page.url).content.decode()
    time.sleep(1.6)
    html = Client().get(page.url).content.decode()
    assert 'name="submission-token"' not in html
    assert "This consultation has closed" in html


def test_staff_still_see_the_page_made_for_them(admin_client, consultation):
    Client().get(consultation.url)
    html = admin_client.get(consultation.url).content.decode()
    assert "wagtail-userbar" in html


def test_a_browser_that_refuses_cookies_can_answer(consultation):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(consultation.url).content.decode()
    data = valid_answers(consultation, **{"submission-token": _token(html)})
    response = browser.post(
        _answer_address(consultation),
        urlencode(data),
        content_type=URLENCODED,
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 303
    assert Response.objects.filter(consultation=consultation).count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://elsewhere.example.com"},
        {"Origin": "null"},
    ],
)
def test_answers_posted_from_another_site_are_refused(consultation, headers):
    response = Client().post(
        _answer_address(consultation),
        urlencode(valid_answers(consultation)),
        content_type=URLENCODED,
        headers=headers,
    )
    assert response.status_code == 403
    assert "sent from another website" in response.content.decode()
    assert Response.objects.count() == 0


class _BrokenCache:
    def get(self, *args, **kwargs):
        raise ConnectionError("the cache is down")

    add = set = get


def test_a_cache_outage_neither_stops_an_editor_nor_serves_an_old_page(consultation, monkeypatch):
    Client().get(consultation.url)  # kept while the cache worked
    monkeypatch.setattr("cms.page_cache.cache", _BrokenCache())
    consultation.title = "Your school week"
    consultation.save_revision().publish()  # the save goes through
    assert "<h1>Your school week</h1>" in Client().get(consultation.url).content.decode()
