from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from analysis import rules, views
from analysis.services import EXPORT_ACTION
from analysis.viewsets import ReadOnlyPolicy, responses_viewset
from consultations.models import Response

register_permission_policy(Response, ReadOnlyPolicy(Response))


@hooks.register("register_admin_viewset")
def register_responses_viewset():
    return responses_viewset


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [
        path("analysis/", views.DashboardView.as_view(), name="analysis_dashboard"),
        path("analysis/figures.csv", views.dashboard_export, name="analysis_dashboard_export"),
        path("analysis/agreement/", views.AgreementView.as_view(), name="analysis_agreement"),
        path("analysis/reanalysis/", views.reanalysis, name="analysis_reanalysis"),
        path("analysis/outcomes/", views.outcomes_over_time, name="analysis_outcomes"),
        path("analysis/themes/", views.themes, name="analysis_themes"),
        path("analysis/answers/<id:answer_id>/tags/", views.answer_tags, name="answer_tags"),
        path("analysis/answers/<id:answer_id>/themes/", views.answer_themes, name="answer_themes"),
    ]


class AnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(rules.DASHBOARD_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_analysis_menu_item():
    return AnalysisMenuItem("Analysis", reverse("analysis_dashboard"), icon_name="table", order=240)


@hooks.register("register_log_actions")
def register_analysis_log_actions(actions):
    actions.register_action(
        rules.RAW_READ_ACTION, "Read words before redaction", "Read the words before redaction"
    )
    actions.register_action(EXPORT_ACTION, "Analysis: export", "Exported answers or figures")
