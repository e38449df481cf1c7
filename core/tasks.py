"""The one way background work is started: a django-q2 task, enqueued after the current
transaction commits, so a task never runs against rows that were rolled back."""

from django.db import transaction
from django_q.tasks import async_task


def enqueue_after_commit(task: str, *args, **kwargs) -> None:
    """`task` is the dotted path of a function in some app's tasks.py that takes primary keys."""
    transaction.on_commit(lambda: async_task(task, *args, **kwargs))
