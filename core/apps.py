from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: the taxonomy, the after-commit task wrapper, `Decision` and the
    admin permission policy, and the attempt counts behind every limit. Nothing here imports
    another project app."""

    name = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # <id:pk> in any app's URLs: a row id that the database can hold.
        import core.checks  # noqa: F401
        import core.converters  # noqa: F401
