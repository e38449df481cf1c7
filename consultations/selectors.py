"""Reads of consultations and responses that more than one caller needs."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from consultations.models import ConsultationPage, Response


def _consultations(within: Iterable | None) -> QuerySet[ConsultationPage]:
    if within is not None:
        ids = [page.pk for page in within]
        return ConsultationPage.objects.filter(pk__in=ids).live().public()
    return ConsultationPage.objects.live().public()


def consultations_open(*, within: Iterable | None = None) -> QuerySet[ConsultationPage]:
    now = timezone.now()
    return _consultations(within).filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")


def consultations_upcoming(*, within: Iterable | None = None) -> QuerySet[ConsultationPage]:
    return _consultations(within).filter(opens_at__gt=timezone.now()).order_by("opens_at")


def consultations_closed(*, within: Iterable | None = None) -> QuerySet[ConsultationPage]:
    return _consultations(within).filter(closes_at__lte=timezone.now()).order_by("-closes_at")


def responses_for_admin() -> QuerySet[Response]:
    return Response.objects.select_related("consultation").prefetch_related("answers")
