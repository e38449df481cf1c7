from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Flags from any source, the in-request screen and the safeguarding lead's queue."""

    name = "safeguarding"
    verbose_name = "Safeguarding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import screening
        from safeguarding import receivers

        screening.screen_requested.connect(
            receivers.screen_requested, dispatch_uid="safeguarding.screen_requested"
        )
        screening.concern_stored.connect(
            receivers.concern_stored, dispatch_uid="safeguarding.concern_stored"
        )
