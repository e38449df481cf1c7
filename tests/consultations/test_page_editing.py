"""Editors build consultations in the Wagtail admin, question by question."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.roles import Role
from consultations.models import ConsultationPage
from tests.factories.pages import consultation_index


def _page_data(**overrides):
    data = {
        "title": "Parks and play",
        "slug": "parks-and-play",
        "summary": "Tell us about places to play.",
        "easy_read_summary": rich_text("Where do you play?"),
        "min_age": 8,
        "max_age": 12,
        "opens_at": "2026-01-01 09:00",
        "closes_at": "2026-03-01 17:00",
        "body": streamfield([]),
        "privacy_notice": rich_text("We keep your answers safe."),
        "thank_you_text": rich_text("We will read them all."),
        "you_said_we_did": streamfield([]),
        "form_fields": inline_formset(
            [
                {
                    "label": "How good are the parks near you?",
                    "field_type": "smiley",
                    "required": "on",
                    "outcome": "enjoying_and_achieving",
                    "help_text": "",
                    "choices": "",
                    "default_value": "",
                },
                {
                    "label": "What do you play?",
                    "field_type": "checkboxes",
                    "choices": "Football\nTag\nSwings",
                    "help_text": "",
                    "default_value": "",
                    "outcome": "",
                },
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


class TestEditorsBuildConsultations(WagtailPageTestCase):
    def setUp(self):
        editor = get_user_model().objects.create_user("ed", password="pw")
        editor.groups.add(Group.objects.get(name=Role.EDITOR))
        self.client.force_login(editor)
        self.index = consultation_index()

    def test_editor_creates_a_consultation_with_questions(self):
        self.assertCanCreate(self.index, ConsultationPage, _page_data())
        page = ConsultationPage.objects.get(slug="parks-and-play")
        kinds = {q.label: (q.field_type, q.outcome) for q in page.form_fields.all()}
        assert kinds["How good are the parks near you?"] == ("smiley", "enjoying_and_achieving")
        assert kinds["What do you play?"][0] == "checkboxes"

    def test_closing_before_opening_is_refused(self):
        url = f"/admin/pages/add/consultations/consultationpage/{self.index.pk}/"
        response = self.client.post(url, _page_data(closes_at="2025-12-01 09:00"))
        assert response.status_code == 200
        assert "must close after it opens" in response.content.decode()
        assert not ConsultationPage.objects.filter(slug="parks-and-play").exists()

    def test_choice_question_without_options_is_refused(self):
        url = f"/admin/pages/add/consultations/consultationpage/{self.index.pk}/"
        data = _page_data()
        data["form_fields-1-choices"] = ""
        response = self.client.post(url, data)
        assert "needs at least two options" in response.content.decode()
        assert not ConsultationPage.objects.filter(slug="parks-and-play").exists()
