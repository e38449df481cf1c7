"""The one way background work is started: a django-q2 task that runs only if the current
transaction commits, so a task never runs against rows that were rolled back."""

from django.db import transaction
from django_q.conf import Conf
from django_q.tasks import async_task


def _queue_shares_the_transaction() -> bool:
    """True when the queue is a table in the default database and tasks are not run inline:
    then a task enqueued inside the transaction commits with the rows it is about (or not at
    all), in the same commit."""
    return bool(Conf.ORM) and Conf.ORM == "default" and not Conf.SYNC


def enqueue_after_commit(task: str, *args, **kwargs) -> None:
    """`task` is the dotted path of a function in some app's tasks.py that takes primary keys.

    With the database queue the task row is written in the caller's transaction: one commit
    instead of two, and no moment when the rows are stored but their task is not. With Redis
    (or tasks run inline in tests) it is sent once the transaction has committed.
    """
    if _queue_shares_the_transaction() and transaction.get_connection().in_atomic_block:
        async_task(task, *args, **kwargs)
    else:
        transaction.on_commit(lambda: async_task(task, *args, **kwargs))
