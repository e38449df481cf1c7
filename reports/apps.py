from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The annual report to Parliament: drafts, sign-off, sealed submissions, the clerks."""

    name = "reports"
    verbose_name = "Annual report"
    default_auto_field = "django.db.models.BigAutoField"
