"""The load-generating clients: one thread per keep-alive connection, which fetches the CSRF
pair if the phase needs it, warms up, waits for the timed window and posts until it closes."""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from itertools import islice
from urllib.parse import urlencode

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
    needs_csrf: bool
    count_stored: Callable[[], int]
    count_children: Callable[[], int] | None = None  # answer rows, for the completeness check


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


def csrf_pair(conn: http.client.HTTPConnection) -> tuple[str, str]:
    """The csrftoken cookie and the form's masked token, from one GET of the page."""
    conn.request("GET", PAGE_PATH)
    response = conn.getresponse()
    html = response.read().decode()
    if response.status != 200:
        raise RuntimeError(f"GET {PAGE_PATH} answered {response.status}")
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if "csrftoken" not in cookies or match is None:
        raise RuntimeError("the page gave no CSRF cookie or token")
    return cookies["csrftoken"].value, match.group(1)


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
    prefix = b""
    ready = False
    try:
        if phase.needs_csrf:
            cookie, token = csrf_pair(conn)
            headers["Cookie"] = f"csrftoken={cookie}"
            # Django's CSRF check accepts the same cookie and masked token on every request.
            prefix = urlencode({"csrfmiddlewaretoken": token}).encode("ascii") + b"&"
        for body in islice(bodies, WARMUP_PER_CLIENT):
            conn.request("POST", phase.path, prefix + body, headers)
            conn.getresponse().read()
        ready = True
    except (OSError, http.client.HTTPException, RuntimeError) as exc:
        tally.failures[f"warm-up {type(exc).__name__}"] += 1
    try:
        clock.barrier.wait()  # warm-ups done: the main thread counts stored rows
        clock.barrier.wait()  # the deadline is set
    except threading.BrokenBarrierError:
        ready = False
    try:
        while ready:
            body = next(bodies, None)
            started = time.perf_counter()
            if body is None or started >= clock.deadline:
                break
            tally.sent += 1
            try:
                conn.request("POST", phase.path, prefix + body, headers)
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
