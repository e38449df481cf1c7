"""The load-generating clients: one thread per keep-alive connection, which warms up, waits for
the timed window and posts until it closes."""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from bench.load.params import (
    FORM_CONTENT_TYPE,
    HOST,
    PAGE_PATH,
    REQUEST_TIMEOUT,
    SERVER_START_TIMEOUT,
    WARMUP_PER_CLIENT,
)


@dataclass
class Phase:
    """One timed phase: where its clients post, what counts as acknowledged, how to count
    what was stored."""

    name: str
    path: str
    ack_statuses: tuple[int, ...]
    bodies: Callable[[int], Iterable[bytes]]  # client index -> its bounded request bodies
    count_stored: Callable[[], int]
    count_children: Callable[[], int] | None = None  # answer rows, for the completeness check
    # The client loop; None is `client_run`, which posts the bodies on a keep-alive connection.
    client: Callable | None = None


@dataclass
class Tally:
    """What one client connection saw during the timed part of a phase."""

    sent: int = 0
    acknowledged: Counter = field(default_factory=Counter)  # by status
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)


class Clock:
    """The timed window, set by the main thread once every client has warmed up."""

    def __init__(self, clients: int) -> None:
        self.barrier = threading.Barrier(clients + 1, timeout=SERVER_START_TIMEOUT)
        self.deadline = 0.0


def window_wait(clock: Clock, ready: bool) -> bool:
    """Wait for every client to warm up and the deadline to be set; False if a client broke
    the barrier (then nobody is timed)."""
    try:
        clock.barrier.wait()  # warm-ups done: the main thread counts stored rows
        clock.barrier.wait()  # the deadline is set
    except threading.BrokenBarrierError:
        return False
    return ready


def form_action(port: int) -> str:
    """The answer form's action on the consultation page."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", PAGE_PATH)
        html = conn.getresponse().read().decode()
    finally:
        conn.close()
    match = re.search(r'<form method="post" action="([^"]+)"', html)
    if match is None:
        raise RuntimeError(f"no answer form on {PAGE_PATH}")
    return match.group(1)


def client_run(
    phase: Phase, port: int, bodies: Iterator[bytes], clock: Clock, tally: Tally
) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    headers = {"Content-Type": FORM_CONTENT_TYPE}
    ready = False
    try:
        for body in islice(bodies, WARMUP_PER_CLIENT):
            conn.request("POST", phase.path, body, headers)
            conn.getresponse().read()
        ready = True
    except (OSError, http.client.HTTPException) as exc:
        tally.failures[f"warm-up {type(exc).__name__}"] += 1
    ready = window_wait(clock, ready)
    try:
        while ready:
            body = next(bodies, None)
            started = time.perf_counter()
            if body is None or started >= clock.deadline:
                break
            tally.sent += 1
            try:
                conn.request("POST", phase.path, body, headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as exc:
                tally.failures[type(exc).__name__] += 1
                conn.close()  # http.client reconnects on the next request
                continue
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            if response.status in phase.ack_statuses:
                tally.acknowledged[response.status] += 1
            else:
                tally.statuses[response.status] += 1
    finally:
        conn.close()
