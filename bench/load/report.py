"""The figures printed at the end: a table per phase, then CPU per request, each phase's ratio
to the baseline, whether each phase stored exactly what it acknowledged, and the targets."""

from bench.load.params import (
    CLIENTS,
    CORES,
    FIRST_ROUND_TRIP_BYTES,
    SECONDS,
    TARGET_JOURNEY_RATIO,
    TARGET_P99_MS,
    TARGET_PAGE_RATIO,
    TARGET_POST_RATIO,
    TARGET_RPS,
)
from bench.load.phases import PhaseResult
from bench.load.server import THREADS, WORKER_CLASS, WORKERS


def report(results: list[PhaseResult], backend: str, question_count: int) -> bool:
    """Print the table and verdicts; True if every phase stored exactly what it acknowledged."""
    print()
    print(
        f"{backend}, gunicorn {WORKER_CLASS} {WORKERS} workers"
        f"{f' x {THREADS} threads' if THREADS > 1 else ''}, "
        f"{CLIENTS} clients, {SECONDS:g}s per phase, {CORES} cores shared with the client"
    )
    header = (
        f"{'phase':<11} {'sent':>7} {'acked':>7} {'stored':>7} {'req/s':>8} "
        f"{'p50 ms':>8} {'p99 ms':>8}  errors"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "none"
        print(
            f"{r.name:<11} {r.sent:>7} {r.acknowledged:>7} {r.stored:>7} {r.rps:>8.1f} "
            f"{r.percentile(0.50):>8.1f} {r.percentile(0.99):>8.1f}  {errors}"
        )
    print()
    journey, page, submission, baseline = results
    complete = submission.children == submission.stored * question_count
    print(
        f"submission: {submission.children} answer rows for {submission.stored} responses, "
        f"{question_count} questions each ({'complete' if complete else 'INCOMPLETE'})"
    )
    for r in results:
        if len(r.acknowledged_by) > 1:
            by_status = ", ".join(f"{k}: {v}" for k, v in sorted(r.acknowledged_by.items()))
            print(f"{r.name}: acknowledged by status: {by_status}")
        if r.cpu and r.acknowledged:
            per = 1000 / r.acknowledged
            print(
                f"{r.name}: CPU per acknowledged request: server {r.cpu.server * per:.2f} ms, "
                f"client {r.cpu.client * per:.2f} ms; other processes on this machine used "
                f"{r.cpu.other / r.cpu.capacity:.0%} of its {CORES} cores"
            )
        if r.capped:
            print(f"{r.name}: a client sent all its pre-built requests before the deadline")
    intact = True
    for r in (journey, submission, baseline):  # the page alone stores nothing
        same = r.stored == r.acknowledged
        intact = intact and same
        verdict = "yes" if same else f"NO ({r.stored - r.acknowledged:+d})"
        print(f"{r.name}: stored == acknowledged: {verdict}")
    print()
    _ratios(journey, page, submission, baseline)
    rps_ok = submission.rps >= TARGET_RPS
    p99_ok = submission.percentile(0.99) < TARGET_P99_MS
    print(
        f"target >= {TARGET_RPS} responses/s on SQLite: {submission.rps:.1f} "
        f"({'met' if rps_ok else 'not met'})"
    )
    print(
        f"target p99 < {TARGET_P99_MS} ms: {submission.percentile(0.99):.1f} ms "
        f"({'met' if p99_ok else 'not met'})"
    )
    return intact


def _ratios(journey: PhaseResult, page: PhaseResult, submission, baseline) -> None:
    """Each phase's rate against the bare insert in the same run, beside its target ratio. A
    journey is two requests, so it is set against half the baseline's rate."""
    if not baseline.rps:
        print("baseline answered nothing: no ratios")
        return
    rows = [
        ("journeys / (baseline / 2)", journey.rps / (baseline.rps / 2), TARGET_JOURNEY_RATIO),
        ("page GET / baseline", page.rps / baseline.rps, TARGET_PAGE_RATIO),
        ("submission POST / baseline", submission.rps / baseline.rps, TARGET_POST_RATIO),
    ]
    for name, ratio, target in rows:
        print(
            f"{name}: {ratio:.2f} (target >= {target}: {'met' if ratio >= target else 'not met'})"
        )


def first_visit_report(page_sent: int, page_size: int, css_sent: int, css_size: int) -> None:
    total = page_sent + css_sent
    verdict = "met" if total < FIRST_ROUND_TRIP_BYTES else "not met"
    print(
        f"first visit as transferred: page {page_sent:,} bytes ({page_size:,} unpacked), "
        f"stylesheet {css_sent:,} bytes ({css_size:,} unpacked), together {total:,} bytes "
        f"(target < {FIRST_ROUND_TRIP_BYTES:,}: {verdict})"
    )
