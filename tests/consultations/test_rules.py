from datetime import UTC, datetime, timedelta

import pytest

from consultations.rules import ConsultationStatus, consultation_status, submission_allowed

OPENS = datetime(2026, 1, 1, 9, tzinfo=UTC)
CLOSES = datetime(2026, 2, 1, 17, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - timedelta(seconds=1), ConsultationStatus.UPCOMING),
        (OPENS, ConsultationStatus.OPEN),
        (CLOSES - timedelta(seconds=1), ConsultationStatus.OPEN),
        (CLOSES, ConsultationStatus.CLOSED),
    ],
)
def test_status_follows_open_and_close_times(now, expected):
    assert consultation_status(opens_at=OPENS, closes_at=CLOSES, now=now) == expected


def test_answers_refused_before_opening():
    decision = submission_allowed(
        opens_at=OPENS, closes_at=CLOSES, now=OPENS - timedelta(hours=1), form_issued_at=None
    )
    assert not decision.allowed
    assert "not opened yet" in decision.reason


def test_answers_started_before_closing_are_taken_within_the_grace_period(settings):
    settings.SUBMISSION_GRACE_SECONDS = 3600
    started = CLOSES - timedelta(minutes=20)
    decision = submission_allowed(
        opens_at=OPENS, closes_at=CLOSES, now=CLOSES + timedelta(minutes=30), form_issued_at=started
    )
    assert decision.allowed


def test_grace_period_ends(settings):
    settings.SUBMISSION_GRACE_SECONDS = 3600
    started = CLOSES - timedelta(minutes=20)
    decision = submission_allowed(
        opens_at=OPENS, closes_at=CLOSES, now=CLOSES + timedelta(minutes=61), form_issued_at=started
    )
    assert not decision.allowed
    assert "closed" in decision.reason


def test_a_form_opened_after_closing_gets_no_grace(settings):
    settings.SUBMISSION_GRACE_SECONDS = 3600
    decision = submission_allowed(
        opens_at=OPENS,
        closes_at=CLOSES,
        now=CLOSES + timedelta(minutes=5),
        form_issued_at=CLOSES + timedelta(minutes=1),
    )
    assert not decision.allowed
