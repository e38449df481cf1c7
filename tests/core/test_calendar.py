"""Working hours in England: 9:00 to 17:00 on weekdays that are not bank holidays."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.calendar import is_working_time, working_hours_after

LONDON = ZoneInfo("Europe/London")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (at(2026, 12, 3, 10, 0), 4, at(2026, 12, 3, 14, 0)),  # a Thursday morning
        (at(2026, 12, 3, 15, 0), 4, at(2026, 12, 4, 11, 0)),  # runs over into Friday
        (at(2026, 12, 4, 16, 0), 4, at(2026, 12, 7, 12, 0)),  # over the weekend
        (at(2026, 12, 5, 22, 30), 4, at(2026, 12, 7, 13, 0)),  # raised on a Saturday night
        (at(2026, 12, 24, 15, 0), 4, at(2026, 12, 29, 11, 0)),  # Christmas and Boxing Day
        (at(2026, 12, 3, 7, 0), 4, at(2026, 12, 3, 13, 0)),  # before the day starts
    ],
)
def test_the_target_counts_only_working_hours(settings, start, hours, due):
    settings.TIME_ZONE = "Europe/London"
    assert working_hours_after(start, hours) == due


def test_working_time_is_office_hours_on_working_days(settings):
    settings.TIME_ZONE = "Europe/London"
    assert is_working_time(at(2026, 12, 3, 9, 0))
    assert not is_working_time(at(2026, 12, 3, 17, 0))
    assert not is_working_time(at(2026, 12, 5, 12, 0))  # Saturday
    assert not is_working_time(at(2026, 12, 25, 12, 0))  # Christmas Day
