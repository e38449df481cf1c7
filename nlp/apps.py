from django.apps import AppConfig


class NlpConfig(AppConfig):
    name = "nlp"
    verbose_name = "Analysis"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations.signals import response_submitted
        from nlp.receivers import analyse_new_response

        response_submitted.connect(analyse_new_response, dispatch_uid="nlp.analyse_new_response")
