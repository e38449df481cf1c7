"""A fixed-window counter of attempts, for limits that must hold everywhere.

Every limit (the member login's, the submission flood limit's) must hold across processes and
restarts, so it counts in the database: one `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
statement an attempt, atomic on SQLite and PostgreSQL alike, with no read before the write
and no transaction of its own (docs/adr/0018-a-fast-journey-without-cookies.md). A cache would
do it in Redis, but the database cache that stands in without Redis needs a locked
read-then-write of about ten queries, and it may cull a count to make room.
"""

import hashlib
import random
import re
import time
from datetime import UTC, datetime

from django.db import connection

from core.models import AttemptWindow

_RATE = re.compile(r"^(?P<count>\d+)/(?P<multiplier>\d*)(?P<unit>[smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
# About one attempt in this many also sweeps away windows that have ended.
SWEEP_ONE_IN = 500


def rate_parse(rate: str) -> tuple[int, int]:
    """`"10/15m"` is 10 attempts in 15 minutes: (10, 900)."""
    found = _RATE.match(rate.strip())
    if found is None:
        raise ValueError(f"Not a rate like '10/15m': {rate!r}")
    multiplier = int(found["multiplier"] or 1)
    return int(found["count"]), multiplier * _SECONDS[found["unit"]]


def _count_one(key: str, expires: datetime) -> int:
    q = connection.ops.quote_name
    table, key_column, count = q(AttemptWindow._meta.db_table), q("key"), q("count")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count}, {q('expires')}) "  # noqa: S608
            f"VALUES (%s, 1, %s) ON CONFLICT ({key_column}) "
            f"DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}",
            [key, expires],
        )
        return cursor.fetchone()[0]


def attempt_over_limit(*, scope: str, key: str, rate: str) -> bool:
    """Count one attempt for `key` and say whether it goes over `rate` in this window."""
    limit, period = rate_parse(rate)
    now = int(time.time())
    window = now // period
    digest = hashlib.sha256(key.encode()).hexdigest()
    expires = datetime.fromtimestamp((window + 1) * period, tz=UTC)
    count = _count_one(f"{scope}:{period}:{window}:{digest}"[:200], expires)
    if random.randrange(SWEEP_ONE_IN) == 0:  # noqa: S311 - spreading work, not a secret
        attempts_sweep()
    return count > limit


def attempts_sweep() -> int:
    """Forget windows that have ended; the number of rows removed."""
    deleted, _ = AttemptWindow.objects.filter(expires__lte=datetime.now(tz=UTC)).delete()
    return deleted
