"""Consultation pages and questions (`pages`), and what young people sent (`responses`).

Import from the module that defines a model; this package only gathers them for Django."""

from consultations.models.pages import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationPageQuerySet,
    ConsultationQuestion,
)
from consultations.models.responses import Answer, Response

__all__ = [
    "Answer",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationPageQuerySet",
    "ConsultationQuestion",
    "Response",
]
