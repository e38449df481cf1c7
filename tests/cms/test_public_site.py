"""A public site a child can trust: who we are, privacy and accessibility linked from every
page, "You said, we did" easy to find, error pages that say so, plain words."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from wagtail.models import Site

from cms.models import HomePage, SiteSettings, StandardPage
from tests.factories.pages import consultation_create, consultation_index
from tests.factories.parliament import member_make, parliament_page

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _standard(title: str, slug: str) -> StandardPage:
    page = StandardPage(title=title, slug=slug)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def trust_pages(db):
    pages = {
        "privacy": _standard("Privacy", "privacy"),
        "accessibility": _standard("Accessibility statement", "accessibility"),
        "contact": _standard("Who we are", "contact"),
    }
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = pages["privacy"]
    settings.accessibility_page = pages["accessibility"]
    settings.contact_page = pages["contact"]
    settings.save()
    return pages


def _footer_links(html: str) -> dict[str, str]:
    footer = html[html.index('<footer class="site-footer">') :]
    found = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)
    return {words: href for href, words in found}


def test_every_public_page_links_privacy_accessibility_and_contact(client, trust_pages):
    consultation = consultation_create(title="Your school day")
    for url in ["/", consultation_index().url, consultation.url, trust_pages["privacy"].url]:
        links = _footer_links(client.get(url).content.decode())
        assert links["Privacy"] == trust_pages["privacy"].url, url
        assert links["Accessibility"] == trust_pages["accessibility"].url, url
        assert links["Who we are and how to contact us"] == trust_pages["contact"].url, url


def test_a_page_set_in_settings_shows_at_once_on_a_kept_page(consultation):
    Client().get(consultation.url)  # kept for the next visitor
    privacy = _standard("Privacy", "privacy")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    links = _footer_links(Client().get(consultation.url).content.decode())
    assert links["Privacy"] == privacy.url


def test_every_public_page_has_a_description_and_an_icon(client, trust_pages, consultation):
    for url in ["/", consultation_index().url, consultation.url, trust_pages["privacy"].url]:
        html = client.get(url).content.decode()
        description = re.search(r'<meta name="description" content="([^"]*)">', html)
        assert description is not None and len(description.group(1)) > 10, url
        assert '<link rel="icon" href="/static/favicon' in html, url


def test_the_home_page_says_what_changed_after_closed_consultations(client):
    consultation_create(
        title="Lunchtimes",
        opens_in=timedelta(days=-40),
        closes_in=timedelta(days=-5),
        you_said_we_did=[("paragraph", "<p>Lunch is now 45 minutes long.</p>")],
    )
    consultation_create(title="Homework", opens_in=timedelta(days=-40), closes_in=-timedelta(1))
    html = client.get("/").content.decode()
    said = html[html.index('id="you-said-heading"') :]
    assert "Lunchtimes: what changed" in said
    assert "Homework" not in said


def test_the_consultations_index_links_to_what_changed(client):
    closed = consultation_create(
        title="Lunchtimes",
        opens_in=timedelta(days=-40),
        closes_in=timedelta(days=-5),
        you_said_we_did=[("paragraph", "<p>Lunch is now 45 minutes long.</p>")],
    )
    html = client.get(consultation_index().url).content.decode()
    assert f'href="{closed.url}#you-said-heading">You said, we did: see what changed' in html


def test_the_questions_come_before_the_longer_explanation(client, consultation):
    html = client.get(consultation.url).content.decode()
    first_question = consultation.form_fields.first().label
    assert '<details class="more">' in html  # folded, not open
    assert html.index("</details>") < html.index(first_question)


@pytest.mark.parametrize(
    "get",
    [
        lambda c, page: c.get("/no-such-page/"),
        lambda c, page: c.get("/", headers={"Host": "not-our-site.example"}),
        lambda c, page: c.post(f"/answer/{page.pk}/", {}, headers={"Origin": "https://x.test"}),
        lambda c, page: c.post(page.url, {}),  # nothing answered
    ],
)
def test_every_error_page_title_starts_with_error(consultation, get):
    response = get(Client(), consultation)
    assert response.status_code >= 400
    assert _title(response.content.decode()).startswith("Error:")


def test_a_wrong_member_password_is_an_error_page(db):
    page = parliament_page()
    response = Client().post(page.url + "login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 400
    assert _title(response.content.decode()).startswith("Error:")


def test_the_member_password_page_uses_plain_words(db):
    page = parliament_page()
    access = member_make()
    client = Client()
    client.post(page.url + "login/", {"username": access.username, "password": access.password})
    html = client.get(page.url + "password/").content.decode()
    for words in ["The password you use now", "Your new password", "Type your new password again"]:
        assert words in html
    assert "Old password" not in html
    assert 'type="password"' in html
    wrong = {"old_password": "nope", "new_password1": "a", "new_password2": "b"}
    answer = client.post(page.url + "password/", wrong).content.decode()
    assert "That is not the password you use now" in answer
