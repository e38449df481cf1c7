from django.apps import AppConfig


class ParliamentConfig(AppConfig):
    name = "parliament"
    verbose_name = "Children's parliament"
    default_auto_field = "django.db.models.BigAutoField"
