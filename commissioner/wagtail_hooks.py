from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from commissioner import views
from commissioner.models import Inquiry
from commissioner.permissions import inquiry_permission_policy
from commissioner.report_views import AuditTrailView, OverdueView

register_permission_policy(Inquiry, inquiry_permission_policy)


@hooks.register("register_admin_urls")
def register_casework_urls():
    return [
        path("inquiries/", views.inquiry_index, name="inquiry_index"),
        path("inquiries/direction/", views.direction_record, name="inquiry_direction"),
        path("inquiries/overdue/", OverdueView.as_view(), name="inquiry_overdue"),
        path(
            "inquiries/overdue/results/",
            OverdueView.as_view(results_only=True),
            name="inquiry_overdue_results",
        ),
        path("inquiries/audit/", AuditTrailView.as_view(), name="inquiry_audit"),
        path(
            "inquiries/audit/results/",
            AuditTrailView.as_view(results_only=True),
            name="inquiry_audit_results",
        ),
        path("inquiries/statistics/", views.statistics, name="inquiry_statistics"),
        path("inquiries/<uuid:pk>/", views.inquiry_detail, name="inquiry_detail"),
        path("inquiries/<uuid:pk>/child/", views.child_record, name="inquiry_child"),
        path("inquiries/<uuid:pk>/report/", views.report_edit, name="inquiry_report"),
        path("inquiries/<uuid:pk>/team/", views.team_edit, name="inquiry_team"),
        path("inquiries/<uuid:pk>/break-glass/", views.break_glass, name="inquiry_break_glass"),
        path("inquiries/<uuid:pk>/letter/", views.document_download, name="inquiry_letter"),
        path(
            "inquiries/<uuid:pk>/evidence/<uuid:evidence>/",
            views.document_download,
            name="inquiry_evidence",
        ),
        path("inquiries/<uuid:pk>/<str:action>/", views.inquiry_act, name="inquiry_act"),
        path(
            "inquiries/<uuid:pk>/<str:action>/<uuid:item>/",
            views.inquiry_act,
            name="inquiry_act_item",
        ),
    ]


class CaseworkMenuItem(MenuItem):
    def is_shown(self, request):
        return inquiry_permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_casework_menu_item():
    return CaseworkMenuItem(
        "Inquiries", reverse("inquiry_index"), icon_name="folder-open-inverse", order=250
    )
