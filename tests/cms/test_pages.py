"""The public pages a young person moves through."""

from datetime import timedelta

import pytest
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, SiteSettings, StandardPage
from consultations.models import ConsultationIndexPage, ConsultationPage
from tests.factories.pages import consultation_create, consultation_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_consultations(db):
    return {
        "open": consultation_create(title="Open one"),
        "upcoming": consultation_create(
            title="Upcoming one", opens_in=timedelta(days=5), closes_in=timedelta(days=40)
        ),
        "closed": consultation_create(
            title="Closed one",
            opens_in=timedelta(days=-40),
            closes_in=timedelta(days=-5),
            you_said_we_did=[("paragraph", "<p>We changed the rules on break times.</p>")],
        ),
    }


def test_home_lists_only_open_consultations(client, three_consultations):
    html = client.get("/").content.decode()
    have_your_say = html[html.index('id="open-heading"') : html.index('id="you-said-heading"')]
    assert "Open one" in have_your_say
    assert "Upcoming one" not in html
    assert "Closed one" not in have_your_say  # it is under "You said, we did"


def test_index_lists_open_upcoming_and_closed(client, three_consultations):
    html = client.get(consultation_index().url).content.decode()
    open_at, upcoming_at, closed_at = (
        html.index("Open now"),
        html.index("Opening soon"),
        html.index('<h2 id="closed-heading">Closed</h2>'),
    )
    assert open_at < html.index("Open one") < upcoming_at
    assert upcoming_at < html.index("Upcoming one") < closed_at
    assert closed_at < html.index("Closed one")


def test_unpublished_consultations_are_not_listed(client, three_consultations):
    three_consultations["open"].unpublish()
    assert "Open one" not in client.get("/").content.decode()


def test_closed_consultation_stays_readable_with_you_said_we_did(client, three_consultations):
    html = client.get(three_consultations["closed"].url).content.decode()
    assert "You said, we did" in html
    assert "We changed the rules on break times." in html
    assert "<form" not in html


def test_you_said_we_did_waits_until_the_consultation_closes(client, three_consultations):
    page = three_consultations["open"]
    page.you_said_we_did = [("paragraph", "<p>Too early to say.</p>")]
    page.save_revision().publish()
    assert "Too early to say." not in client.get(page.url).content.decode()


def test_helplines_are_site_settings_editors_can_change(client, consultation):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.helplines = [
        ("helpline", {"name": "Local line", "phone": "0800 000 000", "description": "Test"})
    ]
    settings.save()
    html = client.get(consultation.url + "thank-you/").content.decode()
    assert "Local line" in html
    assert "0800 000 000" in html


def test_default_helplines_include_childline_and_999(client, consultation):
    html = client.get(consultation.url + "thank-you/").content.decode()
    assert "Childline" in html
    assert "0800 1111" in html
    assert "999" in html


def test_missing_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


class TestPageTree(WagtailPageTestCase):
    def test_consultations_live_only_under_the_index(self):
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedSubpageTypes(ConsultationPage, {})
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})

    def test_standard_pages_go_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
