from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """The floor for the bench: one insert per request, with the same stack around it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "bench.baseline"
    label = "bench_baseline"
