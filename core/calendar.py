"""Working days and working hours in England: weekdays that are not bank holidays of England
and Wales. Casework deadlines count working days; the safeguarding target counts working
hours."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache

from django.utils import timezone

# The hours in which somebody is at work to read what young people send.
WORKDAY_STARTS = time(9, 0)
WORKDAY_ENDS = time(17, 0)


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    import holidays

    # England and Wales share their bank holidays; the subdivision "ENG" gives them.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=[year]).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 if end is not after start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def working_hours_after(start: datetime, hours: float) -> datetime:
    """The moment `hours` working hours after `start`, in local time: time outside 9:00 to
    17:00 on working days does not count."""
    moment = timezone.localtime(start)
    remaining = timedelta(hours=hours)
    while True:
        day = moment.date()
        opens = timezone.make_aware(datetime.combine(day, WORKDAY_STARTS))
        closes = timezone.make_aware(datetime.combine(day, WORKDAY_ENDS))
        if is_working_day(day) and moment < closes:
            moment = max(moment, opens)
            if moment + remaining <= closes:
                return moment + remaining
            remaining -= closes - moment
        next_day = day + timedelta(days=1)
        moment = timezone.make_aware(datetime.combine(next_day, time(0, 0)))


def is_working_time(moment: datetime) -> bool:
    """Whether somebody is at work now to read what arrives."""
    local = timezone.localtime(moment)
    return is_working_day(local.date()) and WORKDAY_STARTS <= local.time() < WORKDAY_ENDS


def next_working_time(moment: datetime) -> datetime:
    """`moment` itself in working hours, otherwise when the next working day starts."""
    return working_hours_after(moment, 0)
