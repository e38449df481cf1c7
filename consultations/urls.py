from django.urls import path

from consultations import endpoints

urlpatterns = [
    # Answers are posted here rather than to the page's own address, so a submission is not
    # routed through the page tree: see docs/adr/0006-submission-endpoint.md.
    path("answer/<id:page_id>/", endpoints.submit, name="consultation_submit"),
]
