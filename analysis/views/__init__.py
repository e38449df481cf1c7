"""Admin views for analysts: the dashboard, its export, and confirming or correcting the
outcomes on one answer."""

from analysis.views.dashboard import DashboardView, dashboard_export
from analysis.views.tags import answer_tags

__all__ = ["DashboardView", "answer_tags", "dashboard_export"]
