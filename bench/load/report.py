"""The figures printed at the end: a table per phase, then CPU per request, the submission to
baseline ratio, whether each phase stored exactly what it acknowledged, and the targets."""

from bench.load.params import CLIENTS, CORES, SECONDS, TARGET_P99_MS, TARGET_RPS
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
    submission, baseline = results
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
    if baseline.rps:
        print(f"submission / baseline throughput: {submission.rps / baseline.rps:.2f}")
    intact = True
    for r in results:
        same = r.stored == r.acknowledged
        intact = intact and same
        verdict = "yes" if same else f"NO ({r.stored - r.acknowledged:+d})"
        print(f"{r.name}: stored == acknowledged: {verdict}")
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
