"""Divisions are counted by the scheduled task, never while a page is being shown."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.models import Schedule

from parliament import services, tasks
from parliament.models import Division, ProposalStatus
from tests.factories.parliament import division_open, member_make, motion_approved

pytestmark = pytest.mark.django_db


def test_the_counting_task_runs_every_minute():
    schedule = Schedule.objects.get(name="count closed divisions")
    assert import_string(schedule.func) is tasks.divisions_count_task
    assert (schedule.schedule_type, schedule.minutes, schedule.repeats) == (Schedule.MINUTES, 1, -1)


def test_the_task_counts_each_closed_division_once_and_leaves_open_ones_alone():
    closed, still_open = motion_approved(title="Closed"), motion_approved(title="Open")
    division = division_open(closed, hours=1)
    open_division = division_open(still_open)
    for choice in ["aye", "aye", "no"]:
        services.vote_cast(member=member_make().member, division=division, choice=choice)
        services.vote_cast(member=member_make().member, division=open_division, choice=choice)
    Division.objects.filter(pk=division.pk).update(closes_at=timezone.now() - timedelta(seconds=1))

    assert tasks.divisions_count_task() == 1
    division.refresh_from_db()
    open_division.refresh_from_db()
    assert (division.ayes, division.noes, division.counted_at is not None) == (2, 1, True)
    assert (open_division.ayes, open_division.counted_at) == (0, None)  # no running total
    closed.refresh_from_db()
    still_open.refresh_from_db()
    assert closed.status == ProposalStatus.CARRIED
    assert still_open.status == ProposalStatus.APPROVED
    assert tasks.divisions_count_task() == 0
