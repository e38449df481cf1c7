"""Reads of consultations and responses that more than one caller needs."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from wagtail.models import Page

from consultations.models import Answer, ConsultationPage, Response


def _consultations(under: Page | None) -> QuerySet[ConsultationPage]:
    pages = ConsultationPage.objects.live().public()
    return pages.child_of(under) if under is not None else pages


def consultations_open(*, under: Page | None = None) -> QuerySet[ConsultationPage]:
    now = timezone.now()
    return _consultations(under).filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")


def consultations_upcoming(*, under: Page | None = None) -> QuerySet[ConsultationPage]:
    return _consultations(under).filter(opens_at__gt=timezone.now()).order_by("opens_at")


def consultations_closed(*, under: Page | None = None) -> QuerySet[ConsultationPage]:
    return _consultations(under).filter(closes_at__lte=timezone.now()).order_by("-closes_at")


def responses_for_admin() -> QuerySet[Response]:
    return Response.objects.select_related("consultation").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("analysis"))
    )
