"""Clients that read the consultation page as a browser does: the page alone (a GET on a
keep-alive connection, like the baseline's), and the whole journey (a fresh visitor with no
cookies and a new connection: GET the page, take the token and the form's address from it,
POST the answers there). Both ask for compressed pages, as every browser does."""

from __future__ import annotations

import gzip
import http.client
import re
import time
from collections.abc import Iterator
from itertools import islice
from urllib.parse import urlencode

from bench.load.clients import Clock, Phase, Tally, window_wait
from bench.load.params import (
    FORM_CONTENT_TYPE,
    HOST,
    PAGE_PATH,
    REQUEST_TIMEOUT,
    WARMUP_PER_CLIENT,
)

BROWSER_HEADERS = {"Accept": "text/html", "Accept-Encoding": "gzip"}
_TOKEN = re.compile(r'name="submission-token" value="([^"]+)"')
_ACTION = re.compile(r'<form method="post" action="([^"]+)"')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def _read(response: http.client.HTTPResponse) -> tuple[bytes, int]:
    """The body as the page (uncompressed) and how many bytes crossed the wire."""
    raw = response.read()
    if response.getheader("Content-Encoding") == "gzip":
        return gzip.decompress(raw), len(raw)
    return raw, len(raw)


def _page_get(conn: http.client.HTTPConnection) -> tuple[int, str]:
    conn.request("GET", PAGE_PATH, headers=BROWSER_HEADERS)
    response = conn.getresponse()
    body, _ = _read(response)
    return response.status, body.decode()


def first_visit_bytes(port: int) -> tuple[int, int, int, int]:
    """The consultation page and its stylesheet as a first visit transfers them: (page bytes
    sent, page bytes uncompressed, stylesheet bytes sent, stylesheet bytes uncompressed)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", PAGE_PATH, headers=BROWSER_HEADERS)
        page, page_sent = _read(conn.getresponse())
        found = _STYLESHEET.search(page.decode())
        if found is None:
            return page_sent, len(page), 0, 0
        conn.request("GET", found.group(1), headers={**BROWSER_HEADERS, "Accept": "text/css"})
        response = conn.getresponse()
        css, css_sent = _read(response)
        if response.status != 200:
            raise RuntimeError(f"the stylesheet answered {response.status}")
        return page_sent, len(page), css_sent, len(css)
    finally:
        conn.close()


def page_client(
    phase: Phase, port: int, bodies: Iterator[bytes], clock: Clock, tally: Tally
) -> None:
    """GET the page over and over; acknowledged when it is the page with a fresh token."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    ready = False
    try:
        for _ in islice(bodies, WARMUP_PER_CLIENT):
            _page_get(conn)
        ready = True
    except (OSError, http.client.HTTPException) as exc:
        tally.failures[f"warm-up {type(exc).__name__}"] += 1
    ready = window_wait(clock, ready)
    try:
        while ready:
            started = time.perf_counter()
            if next(bodies, None) is None or started >= clock.deadline:
                break
            tally.sent += 1
            try:
                status, html = _page_get(conn)
            except (OSError, http.client.HTTPException) as exc:
                tally.failures[type(exc).__name__] += 1
                conn.close()
                continue
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            if status in phase.ack_statuses and _TOKEN.search(html):
                tally.acknowledged[status] += 1
            else:
                tally.statuses[status] += 1
    finally:
        conn.close()


def journey_once(port: int, answers: bytes) -> int:
    """One young person: a new connection, no cookies, GET then POST. The POST's status."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        status, html = _page_get(conn)
        token, action = _TOKEN.search(html), _ACTION.search(html)
        if status != 200 or token is None or action is None:
            return -status
        body = urlencode({"submission-token": token.group(1)}).encode("ascii") + b"&" + answers
        origin = f"http://{HOST}:{port}"
        headers = {**BROWSER_HEADERS, "Content-Type": FORM_CONTENT_TYPE, "Origin": origin}
        conn.request("POST", action.group(1), body, headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def journey_client(
    phase: Phase, port: int, bodies: Iterator[bytes], clock: Clock, tally: Tally
) -> None:
    ready = False
    try:
        for answers in islice(bodies, WARMUP_PER_CLIENT):
            journey_once(port, answers)
        ready = True
    except (OSError, http.client.HTTPException) as exc:
        tally.failures[f"warm-up {type(exc).__name__}"] += 1
    ready = window_wait(clock, ready)
    while ready:
        answers = next(bodies, None)
        started = time.perf_counter()
        if answers is None or started >= clock.deadline:
            break
        tally.sent += 1
        try:
            status = journey_once(port, answers)
        except (OSError, http.client.HTTPException) as exc:
            tally.failures[type(exc).__name__] += 1
            continue
        tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        if status in phase.ack_statuses:
            tally.acknowledged[status] += 1
        elif status < 0:
            tally.statuses[f"page {-status}"] += 1
        else:
            tally.statuses[status] += 1
