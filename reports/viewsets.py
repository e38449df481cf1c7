"""The records that feed the annual report's chapters on advice given and on further research,
kept by staff in the admin under "Annual report". Wagtail's own create, edit, history and
delete screens; every change is in the audit log."""

from django import forms
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.viewsets import CreateView, EditView
from reports.models import Advice, ResearchArea


class AdviceViewSet(ModelViewSet):
    model = Advice
    add_view_class = CreateView
    edit_view_class = EditView
    icon = "doc-full"
    menu_label = "Advice given"
    list_display = ["title", "subject", "given_on"]
    list_filter = ["given_on"]
    search_fields = ["title", "subject", "advice"]
    panels = [
        FieldPanel("title"),
        FieldPanel("given_on"),
        FieldPanel("subject"),
        FieldPanel("advice"),
        FieldPanel("consultations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("resolutions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("other_evidence"),
    ]


class ResearchAreaViewSet(ModelViewSet):
    model = ResearchArea
    add_view_class = CreateView
    edit_view_class = EditView
    icon = "search"
    menu_label = "Areas for research"
    list_display = ["title", "proposed_on"]
    search_fields = ["title", "why"]
    panels = [
        FieldPanel("title"),
        FieldPanel("proposed_on"),
        FieldPanel("why"),
        FieldPanel("consultations", widget=forms.CheckboxSelectMultiple),
    ]


class AnnualReportGroup(ViewSetGroup):
    menu_label = "Annual report"
    menu_icon = "doc-full-inverse"
    menu_order = 255
    items = (AdviceViewSet("advice"), ResearchAreaViewSet("research_areas"))
