"""Load figures for the consultation submission endpoint, served by gunicorn on loopback.

Builds a throwaway site (a fresh SQLite file in a temp dir, or DATABASE_URL if set), starts
gunicorn on 127.0.0.1, then runs timed phases at the same concurrency:

1. journey: a fresh visitor (new connection, no cookies) GETs the consultation page and POSTs
   its form with the token the page gave it;
2. page: the consultation page alone, GET after GET;
3. submission: POSTs alone, each a distinct, valid set of answers with its own token;
4. baseline: a view that inserts one row, the floor for this server and database.

It prints what was sent, acknowledged (a thank-you for a submission, 201 for the baseline) and
stored, and exits non-zero only if the rows stored differ from the requests acknowledged. Speed
is reported against the targets, never enforced.

    .venv/bin/python bench/submission_load.py        # or: make bench
    BENCH_SECONDS=5 .venv/bin/python bench/submission_load.py

Environment: BENCH_SECONDS (per phase, default 30), BENCH_CLIENTS (default 16),
BENCH_WORKERS, BENCH_THREADS, BENCH_WORKER_CLASS (gunicorn), DATABASE_URL, REDIS_URL.

This script runs the steps in order; the parts live in the `bench.load` package.
"""

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

BASE_DIR = Path(__file__).resolve().parent.parent
# Run as a script, so only bench/ is on the path; the settings and apps live one level up.
sys.path.insert(0, str(BASE_DIR))

from bench.load.bodies import (  # noqa: E402
    baseline_body,
    journey_bodies,
    per_client,
    submission_bodies,
)
from bench.load.clients import form_action  # noqa: E402
from bench.load.journey import first_visit_bytes  # noqa: E402
from bench.load.params import (  # noqa: E402
    CLIENTS,
    HOST,
    MAX_BASELINE_RATE,
    MAX_SUBMISSION_RATE,
    SECONDS,
)
from bench.load.phases import phase_run, site_phases  # noqa: E402
from bench.load.report import first_visit_report, report  # noqa: E402
from bench.load.server import (  # noqa: E402
    free_port,
    log_tail,
    server_start,
    server_stop,
    server_wait,
    throwaway_site,
)


def _stop_on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the finally blocks stop gunicorn and remove the temp dir


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_on_term)
    # Shells start background jobs with SIGINT ignored; Ctrl-C or kill -INT should still clean up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    tmp = Path(tempfile.mkdtemp(prefix="submission-bench-"))
    server: subprocess.Popen | None = None
    try:
        throwaway_site(tmp)

        import django

        django.setup()
        from django.conf import settings

        backend = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        started = time.perf_counter()
        bodies, consultation_id, question_count = submission_bodies(
            per_client(MAX_SUBMISSION_RATE) * CLIENTS
        )
        print(
            f"Minted {len(bodies)} distinct submissions in {time.perf_counter() - started:.1f}s",
            flush=True,
        )
        journeys = journey_bodies(per_client(MAX_SUBMISSION_RATE) * CLIENTS)
        phases = site_phases(
            bodies, journeys, consultation_id, baseline_body(), per_client(MAX_BASELINE_RATE)
        )

        port = free_port()
        log_path = tmp / "gunicorn.log"
        server = server_start(port, log_path)
        server_wait(server, port, log_path)
        print(f"gunicorn is answering on http://{HOST}:{port}/", flush=True)
        # Post where the page's form posts, as a browser would.
        phases[2].path = form_action(port)

        results = []
        for phase in phases:
            print(f"Phase {phase.name}: {SECONDS:g}s ...", flush=True)
            results.append(phase_run(phase, port, server))

        if server.poll() is not None:
            print(f"gunicorn exited during the run:\n{log_tail(log_path)}")
        elif any(k.isdigit() and int(k) >= 500 for r in results for k in r.errors):
            # The temp dir goes at the end, so show why the server failed while it is here.
            print(f"Server errors; the end of the gunicorn log:\n{log_tail(log_path, 60)}")
        intact = report(results, backend, question_count)
        first_visit_report(*first_visit_bytes(port))
        return 0 if intact else 1
    finally:
        if server is not None:
            server_stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted: gunicorn stopped, temp dir removed", file=sys.stderr)
        sys.exit(130)
