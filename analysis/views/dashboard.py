"""The analysis dashboard in the Wagtail admin, and its figures as a CSV with small numbers
suppressed. Staff who may read responses see the dashboard; staff who may export them, the CSV.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode

from analysis import rules
from analysis.exports import published_csv
from analysis.figures import figures
from analysis.filters import ResponseFilterSet, query_from, query_params, responses_url
from analysis.rules import small_number_threshold
from analysis.selectors.dashboard import dashboard_data
from analysis.selectors.responses import ResponseQuery
from analysis.selectors.themes import themes_on_dashboard
from analysis.services import export_record
from analysis.views.base import AnalysisScreen
from consultations.models import Response

# The fields of the Responses list's filters that the dashboard offers.
DASHBOARD_FILTERS = [
    "consultation",
    "question",
    "outcome",
    "source",
    "age_band",
    "region",
    "channel",
    "submitted_at",
    "words",
]


def _filters(request) -> ResponseFilterSet:
    data = {key: value for key, value in request.GET.items() if key != "complete"}
    return ResponseFilterSet(data or None, queryset=Response.objects.none(), request=request)


def _query(filters: ResponseFilterSet) -> ResponseQuery | None:
    if not filters.is_bound:
        return ResponseQuery()
    if not filters.is_valid():
        return None
    return query_from(filters.form.cleaned_data).but(scale=None, keyphrase="")


class DashboardView(AnalysisScreen):
    template_name = "analysis/admin/dashboard.html"
    page_title = "Analysis"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = _filters(self.request)
        query = _query(filters)
        context.update(
            form=filters.form,
            fields=[filters.form[name] for name in DASHBOARD_FILTERS],
            threshold=small_number_threshold(),
            can_export=self.request.user.has_perm(rules.EXPORT_PERMISSION),
            can_reanalyse=self.request.user.has_perm(rules.REANALYSE_PERMISSION),
        )
        if query is None:
            return context
        data = dashboard_data(query)
        params = query_params(query)
        export = reverse("analysis_dashboard_export")
        context.update(
            query=query,
            figures=figures(data),
            themes=[
                (figure, responses_url(data.query.but(theme=figure.theme)))
                for figure in themes_on_dashboard(query)
            ],
            responses_url=responses_url(data.query),
            export_url=f"{export}?{urlencode(params)}" if params else export,
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if context.get("query") is None:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


def dashboard_export(request):
    """The dashboard's figures for the same filters, small numbers suppressed, as CSV."""
    user = request.user
    if not (user.has_perm(rules.DASHBOARD_PERMISSION) and user.has_perm(rules.EXPORT_PERMISSION)):
        raise PermissionDenied
    query = _query(_filters(request))
    if query is None:
        return HttpResponse("These filters are not valid.", status=400, content_type="text/plain")
    export_record(user=user, what="dashboard figures (csv)", params=request.GET.dict())
    response = HttpResponse(published_csv(dashboard_data(query)), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="analysis-figures.csv"'
    return response
