from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    """What the pipeline made of each answer, the analysis task and sweep, analysts' screens."""

    name = "analysis"
    verbose_name = "Analysis"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from analysis.receivers import analyse_new_response
        from consultations.signals import response_submitted

        response_submitted.connect(
            analyse_new_response, dispatch_uid="analysis.analyse_new_response"
        )
