"""Every scheduled task the migrations create names a function that still imports: a task
renamed or moved without a migration would otherwise fail quietly in the worker."""

import pytest
from django.utils.module_loading import import_string
from django_q.models import Schedule

pytestmark = pytest.mark.django_db


def test_every_schedule_names_a_function_that_imports():
    schedules = {s.name: s.func for s in Schedule.objects.all()}
    assert set(schedules) == {
        "analysis sweep",
        "count closed divisions",
        "casework retention",
        "safeguarding overdue",
    }
    for name, func in schedules.items():
        assert callable(import_string(func)), name
