"""Analyse again with the current pipeline, from the admin, with its progress in view."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from analysis import rules
from analysis.models import Reanalysis
from analysis.services import (
    ReanalysisRefused,
    pipeline_version,
    reanalysis_start,
    responses_behind,
)


def reanalysis(request):
    if not request.user.has_perm(rules.REANALYSE_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        try:
            reanalysis_start(user=request.user)
        except ReanalysisRefused as refused:
            messages.error(request, str(refused))
            return redirect("analysis_reanalysis")
        messages.success(
            request, "Re-analysis started. Analysts' own tags are kept; refresh to see progress."
        )
        return redirect("analysis_reanalysis")
    current = pipeline_version()
    behind = (
        responses_behind(version=current)
        .values("analysis_version")
        .annotate(n=Count("pk"))
        .order_by("analysis_version")
    )
    return TemplateResponse(
        request,
        "analysis/admin/reanalysis.html",
        {
            "current": current,
            "behind": [(row["analysis_version"] or "not analysed yet", row["n"]) for row in behind],
            "runs": Reanalysis.objects.select_related("started_by")[:10],
            "page_title": "Analyse again",
            "header_icon": "rotate",
        },
    )
