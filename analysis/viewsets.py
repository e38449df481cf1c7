"""The Responses screen in the Wagtail admin: read, filter (by consultation, question, outcome
and its tags, age, region, date, finished or not, rating, key phrase), open one response and
confirm or correct its outcomes, and export as CSV or XLSX. Responses are never added or
changed here."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from analysis import rules
from analysis.filters import ResponseFilterSet
from analysis.forms import TagForm
from analysis.models import Theme
from analysis.selectors import answer_text_for, responses_for_admin
from analysis.services import export_record
from consultations.models import ConsultationPage, Response
from core.exports import SpreadsheetSafeExportMixin
from core.permissions import DeniedActionsPolicy
from core.taxonomy import Outcome

EXPORT_PERMISSION = rules.EXPORT_PERMISSION


class ReadOnlyPolicy(DeniedActionsPolicy):
    """Staff may view responses, never add, edit or delete them: nothing sent is lost."""

    denied = ("add", "change", "delete")


BASE_EXPORT = [
    "uuid",
    "consultation",
    "submitted_at",
    "age_band",
    "region",
    "channel",
    "consent_to_quote",
]
BASE_HEADINGS = {
    "uuid": "Response",
    "consultation": "Consultation",
    "submitted_at": "Sent",
    "age_band": "Age band",
    "region": "Region",
    "channel": "Channel",
    "consent_to_quote": "May quote",
    "answers": "Answers",
    "outcomes": "Outcomes",
    "themes": "Themes",
    "keyphrases": "Key phrases",
}
# After the answers: what the analysis made of them, as it stands (analysts' decisions win).
ANALYSIS_EXPORT = ["outcomes", "themes", "keyphrases"]


class ResponseIndexView(SpreadsheetSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return responses_for_admin()

    @cached_property
    def columns(self):
        # The reference opens the response (there is no edit view to link to).
        columns = list(super().columns)
        title_column = self._get_title_column_class(TitleColumn)
        columns[0] = title_column(
            "uuid", label="Response", accessor="short_ref", get_url=self.get_inspect_url
        )
        return columns

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
            self.list_export = (
                BASE_EXPORT + ([q for q, _ in questions] or ["answers"]) + ANALYSIS_EXPORT
            )
            self.export_headings = {**BASE_HEADINGS, **dict(questions)}
            export_record(
                user=self.request.user,
                what=f"responses ({self.request.GET.get('export')})",
                params=self.request.GET.dict(),
            )
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        row = {
            "uuid": str(item.uuid),
            "consultation": item.consultation.title,
            "submitted_at": item.submitted_at,
            "age_band": item.get_age_band_display(),
            "region": item.get_region_display(),
            "channel": item.get_channel_display(),
            "consent_to_quote": "yes" if item.consent_to_quote else "no",
        }
        answers = [
            (a, answer_text_for(user=self.request.user, answer=a)) for a in item.answers.all()
        ]
        if "answers" in self.list_export:
            row["answers"] = "\n".join(f"{a.question_label}: {text}" for a, text in answers)
        else:
            by_question = {f"q:{a.question_id}": text for a, text in answers}
            for field in self.list_export:
                if field.startswith("q:"):
                    row[field] = by_question.get(field, "")
        outcomes = {
            Outcome(o["outcome"]).label
            for a, _ in answers
            for o in rules.outcomes_that_apply(a.tags.all())
        }
        row["outcomes"] = "; ".join(sorted(outcomes))
        row["themes"] = "; ".join(
            sorted({t.name for a, _ in answers for t in a.themes.all() if t.status == "promoted"})
        )
        row["keyphrases"] = "; ".join(
            p for a, _ in answers if getattr(a, "analysis", None) for p in a.analysis.keyphrases
        )
        return row


class ResponseInspectView(InspectView):
    template_name = "analysis/admin/response_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_correct = self.request.user.has_perm(rules.CORRECT_PERMISSION)
        answers = self.object.answers.select_related("analysis").prefetch_related("tags", "themes")
        promoted = list(
            Theme.objects.filter(
                consultation_id=self.object.consultation_id, status=Theme.Status.PROMOTED
            )
        )
        context["answers"] = [
            {
                **answer_reading(answer, self.request.user),
                "themes": [t for t in answer.themes.all() if t.status == Theme.Status.PROMOTED],
                "other_themes": [t for t in promoted if t not in answer.themes.all()],
            }
            for answer in answers
        ]
        context["can_correct"] = can_correct
        if self.request.user.has_perm(rules.RAW_TEXT_PERMISSION):
            # Only the safeguarding lead (and superusers) read young people's words before
            # redaction, and every such read is in the audit log.
            log(self.object, rules.RAW_READ_ACTION, user=self.request.user)
        return context


def answer_reading(answer, user) -> dict:
    """One answer as the response screen shows it: the words this user may read, the outcomes
    explained, the key phrases, and the form that confirms or corrects the outcomes."""
    tags = list(answer.tags.all())
    analysis = getattr(answer, "analysis", None) if answer.is_text else None
    applying = [t["outcome"] for t in rules.outcomes_that_apply(tags)]
    return {
        "answer": answer,
        "text": answer_text_for(user=user, answer=answer),
        "explained": rules.outcomes_explained(tags),
        "keyphrases": list(analysis.keyphrases) if analysis else [],
        "analysed": analysis is not None,
        "form": TagForm(initial={"outcomes": applying}, auto_id=f"id_answer{answer.pk}_%s"),
    }


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
        Column("channel", label="Channel", accessor="get_channel_display"),
        BooleanColumn("is_complete", label="Finished"),
    ]
    list_export = BASE_EXPORT + ["answers"] + ANALYSIS_EXPORT
    export_filename = "responses"
    inspect_view_fields = [
        "consultation",
        "submitted_at",
        "age_band",
        "region",
        "channel",
        "collected_on",
        "collected_by",
        "consent_to_quote",
        "is_complete",
    ]
    ordering = ["-submitted_at"]
    search_fields = None


responses_viewset = ResponseViewSet("responses")
