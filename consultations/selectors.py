"""Reads of consultations and responses that more than one caller needs."""

import time
from dataclasses import dataclass

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


# How long a process may reuse what it read about a consultation taking answers. Long enough
# to spare the database under a flood of submissions, short enough that unpublishing or
# closing a consultation takes effect at once for anyone who would notice.
LIVE_SECONDS = 10.0


@dataclass
class LiveConsultation:
    page: ConsultationPage
    url: str
    restrictions: list
    expires: float


_live: dict[tuple[int, str], LiveConsultation] = {}


def consultation_taking_answers(*, request, page_id: int) -> LiveConsultation | None:
    """The live consultation `page_id`, with its questions and address, read at most once
    every LIVE_SECONDS per process."""
    key = (page_id, request.get_host())
    now = time.monotonic()
    cached = _live.get(key)
    if cached is not None and cached.expires > now:
        return cached
    page = ConsultationPage.objects.live().filter(pk=page_id).first()
    if page is None:
        _live.pop(key, None)
        return None
    page.questions_cache = list(page.form_fields.all())
    live = LiveConsultation(
        page=page,
        url=page.get_url(request),
        restrictions=list(page.get_view_restrictions()),
        expires=now + LIVE_SECONDS,
    )
    if len(_live) > 1000:
        _live.clear()
    _live[key] = live
    return live


def live_consultations_forget() -> None:
    _live.clear()
