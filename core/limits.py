"""A fixed-window counter of attempts in a named cache, for limits that must hold everywhere.

Every limit (the member login's, the submission flood limit's) must hold across processes and
restarts, so it counts in the shared default cache: Redis when configured, otherwise the
database cache (docs/adr/0015-logins.md, ADR 0004).
"""

import hashlib
import re
import time

from django.core.cache import caches
from django.db import transaction

_RATE = re.compile(r"^(?P<count>\d+)/(?P<multiplier>\d*)(?P<unit>[smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def rate_parse(rate: str) -> tuple[int, int]:
    """`"10/15m"` is 10 attempts in 15 minutes: (10, 900)."""
    found = _RATE.match(rate.strip())
    if found is None:
        raise ValueError(f"Not a rate like '10/15m': {rate!r}")
    multiplier = int(found["multiplier"] or 1)
    return int(found["count"]), multiplier * _SECONDS[found["unit"]]


def attempt_over_limit(*, scope: str, key: str, rate: str, cache: str = "default") -> bool:
    """Count one attempt for `key` and say whether it goes over `rate` in this window."""
    limit, period = rate_parse(rate)
    window = int(time.time()) // period
    digest = hashlib.sha256(key.encode()).hexdigest()
    cache_key = f"limit:{scope}:{period}:{window}:{digest}"
    store = caches[cache]
    # On SQLite the transaction takes the write lock at BEGIN, so two processes cannot both
    # read the same count from the database cache; Redis increments atomically anyway.
    with transaction.atomic():
        store.add(cache_key, 0, timeout=period)
        try:
            count = store.incr(cache_key)
        except ValueError:  # expired between add and incr
            store.set(cache_key, 1, timeout=period)
            count = 1
    return count > limit
