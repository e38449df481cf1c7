"""Admin views for analysts: the dashboard, its export, confirming or correcting the outcomes
on one answer, and how far the model agrees with analysts."""

from analysis.views.agreement import AgreementView
from analysis.views.dashboard import DashboardView, dashboard_export
from analysis.views.outcomes import outcomes_over_time
from analysis.views.reanalysis import reanalysis
from analysis.views.tags import answer_tags, answer_themes
from analysis.views.themes import themes

__all__ = [
    "AgreementView",
    "DashboardView",
    "answer_tags",
    "answer_themes",
    "dashboard_export",
    "outcomes_over_time",
    "reanalysis",
    "themes",
]
