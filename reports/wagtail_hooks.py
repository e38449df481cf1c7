"""The clerks' screens in the admin, under "Submitted reports"; the records behind the annual
report's chapters, under "Annual report"."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.roles import Role
from reports import rules, views
from reports.viewsets import AnnualReportGroup


@hooks.register("register_admin_viewset")
def register_annual_report_records():
    return AnnualReportGroup()


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path("submissions/", views.submission_index, name="reports_submission_index"),
        path("submissions/verify/", views.submission_verify, name="reports_submission_verify"),
        path("submissions/<uuid:pk>/", views.submission_detail, name="reports_submission_detail"),
        path("submissions/<uuid:pk>/lay/", views.submission_lay, name="reports_submission_lay"),
        path(
            "submissions/<uuid:pk>/download/",
            views.submission_download,
            name="reports_submission_download",
        ),
    ]


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.submissions_view_allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return SubmissionsMenuItem(
        "Submitted reports",
        reverse("reports_submission_index"),
        icon_name="doc-full",
        order=260,
    )


def _clerk_only(user) -> bool:
    """A clerk and nothing else: their admin is the submitted versions and their account."""
    if user.is_superuser:
        return False
    return set(user.groups.values_list("name", flat=True)) == {Role.CLERK}


@hooks.register("construct_main_menu")
def keep_the_clerks_menu_to_the_submissions(request, menu_items):
    # Wagtail's Help menu would be the only other item: links to its editors' guides, which are
    # about pages that clerks never see.
    if _clerk_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "submitted-reports"]
