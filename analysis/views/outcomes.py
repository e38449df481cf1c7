"""The five outcomes across consultations, over time: the cross-consultation view."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from analysis import rules
from analysis.charts import column_chart
from analysis.filters import responses_url
from analysis.selectors.outcomes import outcomes_by_consultation
from analysis.selectors.responses import ResponseQuery
from core.taxonomy import Outcome


def outcomes_over_time(request):
    if not request.user.has_perm(rules.DASHBOARD_PERMISSION):
        raise PermissionDenied
    table = outcomes_by_consultation()
    rows = []
    for item in table:
        query = ResponseQuery(consultation=item.consultation, complete=True)
        cells = [
            (
                item.about[o],
                item.share(o),
                responses_url(query.but(outcome=o)),
            )
            for o in Outcome.values
        ]
        rows.append((item, responses_url(query), cells))
    charts = []
    if table:
        first, last = table[0].consultation.title, table[-1].consultation.title
        for outcome in Outcome:
            items = [
                (
                    item.consultation.title,
                    100 * (item.share(outcome.value) or 0),
                    f"{100 * (item.share(outcome.value) or 0):.0f}%",
                )
                for item in table
            ]
            charts.append(
                column_chart(
                    f"over-time-{outcome.value}",
                    outcome.label,
                    f"Share of each consultation's finished responses about {outcome.label}, "
                    "consultations in the order they opened; the figures are in the table.",
                    items,
                    first=first[:30],
                    last=last[:30],
                )
            )
    return TemplateResponse(
        request,
        "analysis/admin/outcomes_over_time.html",
        {
            "outcomes": Outcome.labels,
            "rows": rows,
            "charts": charts,
            "page_title": "The five outcomes over time",
            "header_icon": "table",
        },
    )
