"""The consultation rules, in one place: the kinds of question, how long an answer may be, and
when a consultation takes answers.

Each rule is a plain function of its inputs (and `now`) so it can be read and tested alone.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models

from core.rules import Decision


class QuestionKind(models.TextChoices):
    # The values are the form builder's create_<kind>_field method names.
    SHORT_TEXT = "singleline", "Short text"
    LONG_TEXT = "multiline", "Long text"
    SINGLE_CHOICE = "radio", "Single choice"
    MULTIPLE_CHOICE = "checkboxes", "Multiple choice"
    SMILEY_SCALE = "smiley", "Smiley scale (1 to 5)"


# The longest answers taken, in characters: room for a young person to say what they mean.
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 5000

# The kinds a young person writes in their own words: what the analysis pipeline reads.
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", "Opening soon"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Channel(models.TextChoices):
    """How a response reached us: online, or entered by staff from paper or a session."""

    ONLINE = "online", "Online"
    PAPER = "paper", "On paper"
    WORKSHOP = "workshop", "At a workshop"
    SCHOOL_VISIT = "school_visit", "At a school visit"


# Staff who may enter answers given on paper or at a session (consultations/admin_views.py).
ENTER_PERMISSION = "consultations.enter_response"
# Channels staff enter answers for, on a young person's behalf.
ENTERED_CHANNELS = [c for c in Channel if c != Channel.ONLINE]


def consultation_status(*, opens_at: datetime, closes_at: datetime, now: datetime) -> str:
    if now < opens_at:
        return ConsultationStatus.UPCOMING
    if now >= closes_at:
        return ConsultationStatus.CLOSED
    return ConsultationStatus.OPEN


def status_changes_at(*, opens_at: datetime, closes_at: datetime, now: datetime) -> datetime | None:
    """When `consultation_status` next gives another answer: at opening, then at closing."""
    if now < opens_at:
        return opens_at
    if now < closes_at:
        return closes_at
    return None


def submission_allowed(
    *,
    opens_at: datetime,
    closes_at: datetime,
    now: datetime,
    form_issued_at: datetime | None,
) -> Decision:
    """May answers be taken now?

    Answers are taken while the consultation is open. A young person who started before it
    closed keeps a grace period to finish, so answers typed in good faith are not thrown away
    at the stroke of the closing time.
    """
    status = consultation_status(opens_at=opens_at, closes_at=closes_at, now=now)
    if status == ConsultationStatus.OPEN:
        return Decision(True)
    if status == ConsultationStatus.UPCOMING:
        return Decision(False, "This consultation has not opened yet, so we cannot take answers.")
    grace = timedelta(seconds=settings.SUBMISSION_GRACE_SECONDS)
    started_in_time = form_issued_at is not None and opens_at <= form_issued_at < closes_at
    if started_in_time and now < closes_at + grace:
        return Decision(True)
    return Decision(False, "This consultation has closed, so we cannot take new answers.")
