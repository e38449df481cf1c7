from django.apps import AppConfig


class CommissionerConfig(AppConfig):
    name = "commissioner"
    verbose_name = "Inquiries"
    default_auto_field = "django.db.models.BigAutoField"
