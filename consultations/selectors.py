"""Reads of consultations and responses that more than one caller needs."""

import time
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page

from consultations.models.pages import ConsultationPage


def consultations_open(*, under: Page | None = None) -> QuerySet[ConsultationPage]:
    """Consultations taking answers now, the soonest to close first."""
    return ConsultationPage.objects.listed(under=under).open_now()


def consultations_with_results(*, limit: int = 3) -> list[ConsultationPage]:
    """Closed consultations that say what changed ("You said, we did"), latest first."""
    closed = ConsultationPage.objects.listed().closed().order_by("-closes_at")
    return [page for page in closed[: limit * 5] if page.you_said_we_did][:limit]


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
