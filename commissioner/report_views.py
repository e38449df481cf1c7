"""The audit trail and the overdue list as Wagtail report views: filters, pages and CSV or
XLSX export come from Wagtail; who may see them and which rows comes from the Inquiry
permission policy and the selectors. Every export is itself written to the audit trail."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, F, Value
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from commissioner import selectors
from commissioner.models import AuditEvent, BreakGlass, Deadline
from commissioner.permissions import inquiry_permission_policy
from commissioner.services import team
from commissioner.services.audit import audit
from core.exports import SpreadsheetSafeExportMixin


class CaseworkReportView(SpreadsheetSafeExportMixin, ReportView):
    """A casework listing: behind the Inquiry permission policy, exports audited and never
    cached, and every exported cell and heading safe to open in a spreadsheet."""

    permission_policy = inquiry_permission_policy
    header_icon = "folder-open-inverse"
    breadcrumbs_items = ReportView.breadcrumbs_items + [
        {"url": reverse_lazy("inquiry_index"), "label": "Inquiries"}
    ]
    export_target = ""

    def render_to_response(self, context, **response_kwargs):
        if not self.is_export:
            return super().render_to_response(context, **response_kwargs)
        audit(user=self.request.user, action=AuditEvent.Action.EXPORT, target=self.export_target)
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "no-store"
        return response


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label="What", choices=AuditEvent.Action.choices, empty_label="Anything"
    )
    username = django_filters.CharFilter(label="Who", lookup_expr="icontains")
    reference = django_filters.CharFilter(
        label="Inquiry reference",
        field_name="inquiry__direction__reference",
        lookup_expr="icontains",
    )
    at = django_filters.DateFromToRangeFilter(label="When", widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = ["action", "username", "reference", "at"]


def _reference(event) -> str:
    return event.inquiry.direction.reference if event.inquiry_id else ""


class AuditTrailView(CaseworkReportView):
    """The append-only audit trail, for the commissioner, with the break-glass openings that
    wait for someone else's review."""

    page_title = "Audit trail"
    template_name = "commissioner/admin/audit.html"
    index_url_name = "inquiry_audit"
    index_results_url_name = "inquiry_audit_results"
    permission_required = "oversee"
    filterset_class = AuditFilterSet
    verbose_name = "audit event"
    verbose_name_plural = "audit events"
    columns = [
        DateColumn("at", label="When"),
        Column("username", label="Who"),
        Column("action", label="What", accessor="get_action_display"),
        Column("inquiry", label="Inquiry", accessor=_reference),
        Column("target", label="Detail"),
        Column("reason", label="Why"),
    ]
    list_export = ["at", "username", "action", "inquiry", "target", "reason"]
    # The headings of the CSV export the trail has always had.
    export_headings = {
        "at": "when",
        "username": "who",
        "action": "action",
        "inquiry": "inquiry",
        "target": "what",
        "reason": "why",
    }
    export_target = "audit trail"
    custom_field_preprocess = {"at": {ReportView.FORMAT_CSV: lambda at: at.isoformat()}}

    def get_filename(self):
        return "audit-trail"

    def get_base_queryset(self):
        return selectors.audit_events()

    def to_row_dict(self, item) -> dict:
        return {
            "at": item.at,
            "username": item.username,
            "action": item.get_action_display(),
            "inquiry": _reference(item),
            "target": item.target,
            "reason": item.reason,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["to_review"] = BreakGlass.objects.filter(reviewed_at__isnull=True).select_related(
            "user", "inquiry__direction"
        )
        return context

    def post(self, request, *args, **kwargs):
        """Mark a break-glass opening as reviewed, by someone other than who broke it."""
        opening = get_object_or_404(BreakGlass, pk=request.POST.get("opening"))
        try:
            team.break_glass_review(opening=opening, by=request.user)
        except PermissionDenied as denied:
            messages.error(request, str(denied))
        else:
            messages.success(request, "Marked as reviewed.")
        return redirect("inquiry_audit")


KINDS = {"request": "Information request", "deadline": "Deadline"}


class OverdueFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=list(KINDS.items()), empty_label="Both", method="filter_kind"
    )
    reference = django_filters.CharFilter(label="Inquiry reference", lookup_expr="icontains")
    due_on = django_filters.DateFromToRangeFilter(label="Due", widget=DateRangePickerWidget)

    class Meta:
        # Rows are dicts from two models; django-filter needs one to start from.
        model = Deadline
        fields = []

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind=value) if value else queryset


class OverdueView(CaseworkReportView):
    """Late replies from agencies and passed deadlines, in the inquiries the person may open.
    Each row is a dict: the two kinds are one list, due date first."""

    page_title = "Overdue"
    template_name = "commissioner/admin/overdue.html"
    index_url_name = "inquiry_overdue"
    index_results_url_name = "inquiry_overdue_results"
    permission_required = "view"
    filterset_class = OverdueFilterSet
    verbose_name = "overdue reply or deadline"
    verbose_name_plural = "overdue replies and deadlines"
    columns = [
        TitleColumn(
            "reference", label="Inquiry", url_name="inquiry_detail", id_accessor="inquiry_uuid"
        ),
        Column("kind", label="Kind", accessor=lambda row: KINDS[row["kind"]]),
        Column("what", label="Agency or deadline"),
        Column("due_on", label="Due"),
    ]
    list_export = ["reference", "kind", "what", "due_on"]
    export_headings = {
        "reference": "inquiry",
        "kind": "kind",
        "what": "agency or deadline",
        "due_on": "due",
    }
    export_target = "overdue list"

    def get_filename(self):
        return "overdue"

    def get_filtered_queryset(self):
        fields = ("id", "due_on", "kind", "what", "inquiry_uuid", "reference")
        requests = selectors.requests_overdue(user=self.request.user).annotate(
            kind=Value("request", output_field=CharField()),
            what=F("agency__name"),
            inquiry_uuid=F("agency__inquiry_id"),
            reference=F("agency__inquiry__direction__reference"),
        )
        deadlines = selectors.deadlines_overdue(user=self.request.user).annotate(
            kind=Value("deadline", output_field=CharField()),
            what=F("name"),
            inquiry_uuid=F("inquiry_id"),
            reference=F("inquiry__direction__reference"),
        )
        # Each part is filtered on its own: a combined query cannot be filtered afterwards.
        parts = [
            self.filter_queryset(qs.values(*fields)).order_by() for qs in (requests, deadlines)
        ]
        return parts[0].union(parts[1], all=True).order_by("due_on", "reference")

    def to_row_dict(self, item) -> dict:
        return {**super().to_row_dict(item), "kind": KINDS[item["kind"]]}
