"""The Responses screen in the Wagtail admin: read, filter by consultation, age, region and
date, and export as CSV or XLSX. Responses are never added or changed here."""

import django_filters
from django.core.exceptions import PermissionDenied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from analysis import rules
from analysis.selectors import answer_outcomes, answer_text_for, responses_for_admin
from consultations.models import ConsultationPage, Response
from core.exports import SpreadsheetSafeExportMixin
from core.permissions import DeniedActionsPolicy
from core.taxonomy import AgeBand, Region

EXPORT_PERMISSION = "consultations.export_response"


class ReadOnlyPolicy(DeniedActionsPolicy):
    """Staff may view responses, never add, edit or delete them: nothing sent is lost."""

    denied = ("add", "change", "delete")


class ResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        queryset=ConsultationPage.objects.order_by("title"), label="Consultation"
    )
    age_band = django_filters.ChoiceFilter(choices=AgeBand.choices, label="Age band")
    region = django_filters.ChoiceFilter(choices=Region.choices, label="Region")
    submitted_at = django_filters.DateFromToRangeFilter(
        label="Sent between", widget=DateRangePickerWidget
    )

    class Meta:
        model = Response
        fields = ["consultation", "age_band", "region", "submitted_at"]


BASE_EXPORT = ["uuid", "consultation", "submitted_at", "age_band", "region", "consent_to_quote"]
BASE_HEADINGS = {
    "uuid": "Response",
    "consultation": "Consultation",
    "submitted_at": "Sent",
    "age_band": "Age band",
    "region": "Region",
    "consent_to_quote": "May quote",
    "answers": "Answers",
}


class ResponseIndexView(SpreadsheetSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return responses_for_admin()

    @property
    def show_export_buttons(self):
        return self.request.user.has_perm(EXPORT_PERMISSION)

    def _one_consultation(self) -> ConsultationPage | None:
        filters = getattr(self, "filters", None)
        if filters is None or not filters.is_valid():
            return None
        return filters.form.cleaned_data.get("consultation")

    def _question_columns(self) -> list[tuple[str, str]]:
        consultation = self._one_consultation()
        if consultation is None:
            return []
        return [(f"q:{q.pk}", q.label) for q in consultation.form_fields.all()]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            if not self.request.user.has_perm(EXPORT_PERMISSION):
                raise PermissionDenied
            # One column per question when the export is of one consultation, so the sheet
            # can be analysed as it is; otherwise all answers in one cell.
            questions = self._question_columns()
            self.list_export = BASE_EXPORT + ([q for q, _ in questions] or ["answers"])
            self.export_headings = {**BASE_HEADINGS, **dict(questions)}
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        row = {
            "uuid": str(item.uuid),
            "consultation": item.consultation.title,
            "submitted_at": item.submitted_at,
            "age_band": item.get_age_band_display(),
            "region": item.get_region_display(),
            "consent_to_quote": "yes" if item.consent_to_quote else "no",
        }
        answers = [
            (a, answer_text_for(user=self.request.user, answer=a)) for a in item.answers.all()
        ]
        if "answers" in self.list_export:
            row["answers"] = "\n".join(f"{a.question_label}: {text}" for a, text in answers)
        else:
            by_question = {f"q:{a.question_id}": text for a, text in answers}
            for field in self.list_export[len(BASE_EXPORT) :]:
                row[field] = by_question.get(field, "")
        return row


class ResponseInspectView(InspectView):
    template_name = "analysis/admin/response_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = [
            (
                answer,
                answer_text_for(user=self.request.user, answer=answer),
                answer_outcomes(answer=answer),
            )
            for answer in self.object.answers.select_related("analysis").prefetch_related("tags")
        ]
        context["can_correct"] = self.request.user.has_perm(rules.CORRECT_PERMISSION)
        if self.request.user.has_perm(rules.RAW_TEXT_PERMISSION):
            # Only the safeguarding lead (and superusers) read young people's words before
            # redaction, and every such read is in the audit log.
            log(self.object, rules.RAW_READ_ACTION, user=self.request.user)
        return context


class ResponseViewSet(ModelViewSet):
    model = Response
    icon = "form"
    menu_label = "Responses"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = ResponseIndexView
    inspect_view_class = ResponseInspectView
    filterset_class = ResponseFilterSet
    # ModelViewSet insists on a form; ReadOnlyPolicy means no one ever reaches it.
    form_fields = ["consent_to_quote"]
    list_display = [
        Column("uuid", label="Response", accessor="short_ref"),
        "consultation",
        DateColumn("submitted_at", label="Sent"),
        Column("age_band", label="Age band", accessor="get_age_band_display"),
        Column("region", label="Region", accessor="get_region_display"),
        BooleanColumn("is_complete", label="Finished"),
    ]
    list_export = BASE_EXPORT + ["answers"]
    export_filename = "responses"
    inspect_view_fields = [
        "consultation",
        "submitted_at",
        "age_band",
        "region",
        "consent_to_quote",
        "is_complete",
    ]
    ordering = ["-submitted_at"]
    search_fields = None


responses_viewset = ResponseViewSet("responses")
