"""The timed phases (the journey, the page, submissions, then the one-insert baseline) and how
each is run: rows
stored are counted in the database just before and just after the timed window, beside what
the clients saw acknowledged.

Project code is imported inside `site_phases`: it runs once Django is set up."""

import math
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

from bench.load.clients import Clock, Phase, Tally, client_run
from bench.load.cpu import CpuUse, cpu_snapshot, cpu_use
from bench.load.journey import journey_client, page_client
from bench.load.params import BASELINE_PATH, CLIENTS, PAGE_PATH, REQUEST_TIMEOUT, SECONDS


@dataclass
class PhaseResult:
    name: str
    sent: int
    acknowledged_by: Counter
    stored: int
    errors: Counter
    elapsed: float
    latencies_ms: list[float]
    capped: bool
    children: int = 0
    cpu: CpuUse | None = None

    @property
    def acknowledged(self) -> int:
        return sum(self.acknowledged_by.values())

    @property
    def rps(self) -> float:
        return self.acknowledged / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, fraction: float) -> float:
        """Nearest-rank percentile of every answered request's latency."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def counted(queryset_count: Callable[[], int]) -> Callable[[], int]:
    """A row count that closes its database connection, to hold nothing open while the server
    writes."""
    from django.db import connection

    def count() -> int:
        try:
            return queryset_count()
        finally:
            connection.close()

    return count


def site_phases(
    submissions: list[bytes],
    journeys: list[bytes],
    consultation_id: int,
    baseline_body: bytes,
    baseline_cap: int,
) -> list[Phase]:
    """The journey, the page alone, the submission alone and the baseline, each counting its
    own stored rows (the page stores none)."""
    from bench.baseline.models import BenchRow
    from consultations.models import Answer, Response

    responses = counted(lambda: Response.objects.filter(consultation_id=consultation_id).count())
    return [
        Phase(
            name="journey",
            path=PAGE_PATH,
            ack_statuses=(303, 200),
            bodies=lambda i: journeys[i::CLIENTS],
            count_stored=responses,
            client=journey_client,
        ),
        Phase(
            name="page",
            path=PAGE_PATH,
            ack_statuses=(200,),
            bodies=lambda i: repeat(b"", baseline_cap),
            count_stored=lambda: 0,
            client=page_client,
        ),
        Phase(
            name="submission",
            path=PAGE_PATH,  # replaced by the form's action once the server is up
            # 303 to the thank-you page; 200 is the thank-you page served in place, which
            # the view does for answers it has stored and put on the safeguarding queue.
            ack_statuses=(303, 200),
            bodies=lambda i: submissions[i::CLIENTS],
            count_stored=responses,
            count_children=counted(
                lambda: Answer.objects.filter(response__consultation_id=consultation_id).count()
            ),
        ),
        Phase(
            name="baseline",
            path=BASELINE_PATH,
            ack_statuses=(201,),
            bodies=lambda i: repeat(baseline_body, baseline_cap),
            count_stored=counted(lambda: BenchRow.objects.count()),
        ),
    ]


def phase_run(phase: Phase, port: int, server: subprocess.Popen) -> PhaseResult:
    tallies = [Tally() for _ in range(CLIENTS)]
    streams = [iter(phase.bodies(i)) for i in range(CLIENTS)]
    clock = Clock(CLIENTS)
    threads = [
        threading.Thread(
            target=phase.client or client_run,
            args=(phase, port, streams[i], clock, tallies[i]),
            daemon=True,
        )
        for i in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    clock.barrier.wait()
    before = phase.count_stored()
    children_before = phase.count_children() if phase.count_children else 0
    cpu_before = cpu_snapshot(server)
    started = time.perf_counter()
    clock.deadline = started + SECONDS
    clock.barrier.wait()
    for thread in threads:
        thread.join(timeout=max(0.0, clock.deadline - time.perf_counter()) + REQUEST_TIMEOUT + 5)
    elapsed = time.perf_counter() - started
    cpu = cpu_use(cpu_before, cpu_snapshot(server), elapsed)
    stored = phase.count_stored() - before
    children = phase.count_children() - children_before if phase.count_children else 0

    acknowledged: Counter = Counter()
    errors: Counter = Counter()
    latencies: list[float] = []
    for tally in tallies:
        acknowledged.update(tally.acknowledged)
        errors.update({str(k): v for k, v in tally.statuses.items()})
        errors.update(tally.failures)
        latencies.extend(tally.latencies_ms)
    # A client whose bodies ran out stopped before the deadline: the cap, not the server, ended it.
    capped = any(next(stream, None) is None for stream in streams)
    return PhaseResult(
        name=phase.name,
        sent=sum(t.sent for t in tallies),
        acknowledged_by=acknowledged,
        stored=stored,
        errors=errors,
        elapsed=elapsed,
        latencies_ms=latencies,
        capped=capped,
        children=children,
        cpu=cpu,
    )
