"""Load figures for the consultation submission endpoint, served by gunicorn on loopback.

Builds a throwaway site (a fresh SQLite file in a temp dir, or DATABASE_URL if set), starts
gunicorn on 127.0.0.1, then runs two timed phases at the same concurrency:

1. submissions: every request is a distinct, valid set of answers with its own token;
2. baseline: a view that inserts one row, the floor for this server and database.

It prints what was sent, acknowledged (a thank-you for a submission, 201 for the baseline) and
stored, and exits non-zero only if the rows stored differ from the requests acknowledged. Speed
is reported against the targets, never enforced.

    .venv/bin/python bench/submission_load.py        # or: make bench
    BENCH_SECONDS=5 .venv/bin/python bench/submission_load.py

Environment: BENCH_SECONDS (per phase, default 30), BENCH_CLIENTS (default 16),
BENCH_WORKERS, BENCH_THREADS, BENCH_WORKER_CLASS (gunicorn), DATABASE_URL, REDIS_URL.
"""

import http.client
import math
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from itertools import islice, repeat
from pathlib import Path
from types import FrameType
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
# Run as a script, so only bench/ is on the path; the settings and apps live one level up.
sys.path.insert(0, str(BASE_DIR))

HOST = "127.0.0.1"  # all traffic stays on loopback
PAGE_PATH = "/consultations/school-day/"
BASELINE_PATH = "/bench/baseline/"
SETTINGS_MODULE = "config.settings.bench"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

SECONDS = float(os.environ.get("BENCH_SECONDS", "30"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
# Sync workers, 2*cores+1 of them. Tried on 2 cores with 16 clients: gthread (5x4, 3x4, 3x2,
# 2x8, 1x16) used 2-5 ms more server CPU per submission and had a p99 three to six times
# higher, because a request is CPU-bound Python and threads in one worker queue on its GIL.
# Sync workers pay a loopback TCP connect per request instead, which is cheap. 2, 3 and 5 sync
# workers were within the run-to-run noise of each other.
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * CORES + 1)))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))  # above 1, gunicorn switches sync to gthread
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "sync")

# Bounds on every loop, whatever the server does.
WARMUP_PER_CLIENT = 3  # untimed requests per connection, so workers have imported everything
MAX_SUBMISSION_RATE = 1500  # tokens minted up front: the phase stops early if it runs out
MAX_BASELINE_RATE = 10000
REQUEST_TIMEOUT = 30.0
SERVER_START_TIMEOUT = 60.0
SETUP_TIMEOUT = 600.0

TARGET_RPS = 300
TARGET_P99_MS = 300

# Answers written for the bench; none of them come from a real child.
SHORT_ANSWERS = [
    "Break time with my friends",
    "Art and music",
    "PE on Fridays",
    "When my teacher reads us a story",
    "Science experiments",
    "Playing football at lunch",
    "The library",
    "Forest school",
    "Drama club",
    "Seeing my friends every day",
]
LONG_SENTENCES = [
    "Longer break times so we can play properly.",
    "More time outside, even when it is a bit cold.",
    "Quieter corridors because it gets really loud between lessons.",
    "Less homework at the weekend so I can see my family.",
    "Water fountains that work on every floor.",
    "Someone to talk to when things are hard at home.",
    "Being able to choose more of the books we read.",
    "Lunch that is hot and not rushed.",
    "Teachers listening when we say someone is being unkind.",
    "Toilets that are clean and have locks that work.",
    "More clubs after school that do not cost money.",
    "Being allowed to sit with my friends in some lessons.",
]


@dataclass
class Tally:
    """What one client connection saw during the timed part of a phase."""

    sent: int = 0
    acknowledged: Counter = field(default_factory=Counter)  # by status
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)


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
    cpu: "CpuUse | None" = None

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


@dataclass
class Phase:
    name: str
    path: str
    ack_statuses: tuple[int, ...]
    bodies: Callable[[int], Iterable[bytes]]  # client index -> its bounded request bodies
    needs_csrf: bool
    count_stored: Callable[[], int]
    count_children: Callable[[], int] | None = None  # answer rows, for the completeness check


# --- Setting up the site -------------------------------------------------------------------------


def manage(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=SETUP_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode})")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_command(port: int) -> list[str]:
    # The gunicorn next to this interpreter, so `make bench` uses the project's virtualenv.
    script = Path(sys.executable).parent / "gunicorn"
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "gunicorn"]
    return [
        *launcher,
        "config.wsgi:application",
        "--chdir",
        str(BASE_DIR),
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        WORKER_CLASS,
        "--threads",
        str(THREADS),
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
    ]


def server_start(port: int, log_path: Path) -> subprocess.Popen:
    with log_path.open("wb") as log:
        # config.wsgi defaults to production settings; the environment overrides that.
        return subprocess.Popen(
            gunicorn_command(port), cwd=BASE_DIR, env=os.environ, stdout=log, stderr=log
        )


def server_wait(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{log_tail(log_path)}")
        conn = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            conn.request("GET", PAGE_PATH)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return
            raise RuntimeError(f"GET {PAGE_PATH} answered {response.status}:\n{log_tail(log_path)}")
        except OSError:
            time.sleep(0.2)
        finally:
            conn.close()
    raise RuntimeError(f"gunicorn did not answer in {SERVER_START_TIMEOUT:.0f}s")


def server_stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.terminate()  # gunicorn's graceful shutdown of the master and its workers
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --- Request bodies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    required: bool
    choices: list[str]


def answer_plan() -> tuple[int, list[Question], list[str], list[str]]:
    """The consultation's id, its questions (names from the database) and the about-you options."""
    from consultations import forms as answer_forms
    from consultations.models import ConsultationPage

    page = ConsultationPage.objects.live().get(slug="school-day")
    # The form the server builds, so choice values match what it will accept.
    form = page.get_form(page=page, user=None)
    questions = [
        Question(
            name=q.clean_name,
            kind=q.field_type,
            required=q.required,
            choices=[str(v) for v, _ in getattr(form.fields[q.clean_name], "choices", []) if v],
        )
        for q in page.get_form_fields()
    ]
    ages = [v for v, _ in form.fields[answer_forms.AGE_BAND_FIELD].choices if v]
    regions = [v for v, _ in form.fields[answer_forms.REGION_FIELD].choices if v]
    return page.pk, questions, ages, regions


def answers_for(
    rng: random.Random, questions: list[Question], ages: list[str], regions: list[str]
) -> list[tuple[str, str]]:
    """One young person's answers, as a browser would post them (skipped inputs are absent)."""
    from consultations import forms as answer_forms
    from consultations.rules import QuestionKind

    pairs: list[tuple[str, str]] = []
    for q in questions:
        if not q.required and rng.random() < 0.3:
            continue
        if q.kind == QuestionKind.SMILEY_SCALE:
            pairs.append((q.name, str(rng.randint(1, 5))))
        elif q.kind == QuestionKind.SHORT_TEXT:
            pairs.append((q.name, rng.choice(SHORT_ANSWERS)))
        elif q.kind == QuestionKind.LONG_TEXT:
            pairs.append((q.name, " ".join(rng.sample(LONG_SENTENCES, rng.randint(1, 5)))))
        elif q.kind == QuestionKind.MULTIPLE_CHOICE:
            ticked = rng.sample(q.choices, rng.randint(1, len(q.choices)))
            pairs.extend((q.name, choice) for choice in ticked)
        elif q.kind == QuestionKind.SINGLE_CHOICE:
            pairs.append((q.name, rng.choice(q.choices)))
    if rng.random() < 0.7:
        pairs.append((answer_forms.AGE_BAND_FIELD, rng.choice(ages)))
    # A select always posts; its blank first option means "not said".
    pairs.append((answer_forms.REGION_FIELD, rng.choice(regions) if rng.random() < 0.7 else ""))
    if rng.random() < 0.5:
        pairs.append((answer_forms.CONSENT_FIELD, "on"))
    pairs.append((answer_forms.HONEYPOT_FIELD, ""))  # left empty, as a person leaves it
    return pairs


def submission_bodies(count: int) -> tuple[list[bytes], int, int]:
    """`count` distinct bodies, each with a fresh token; the CSRF pair is added per connection."""
    from consultations import forms as answer_forms
    from consultations.tokens import token_issue

    consultation_id, questions, ages, regions = answer_plan()
    rng = random.Random(2026)  # the same answers every run
    bodies = [
        urlencode(
            [
                (answer_forms.TOKEN_FIELD, token_issue(consultation_id=consultation_id)),
                *answers_for(rng, questions, ages, regions),
            ]
        ).encode("ascii")
        for _ in range(count)
    ]
    return bodies, consultation_id, len(questions)


# --- CPU accounting (Linux /proc; skipped elsewhere) ----------------------------------------------
# The client shares the cores with the server, and other work may too: CPU seconds per request
# say what a request costs whatever else was running.

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class CpuUse:
    server: float  # seconds, gunicorn master and workers
    client: float  # seconds, this process
    machine_busy: float  # seconds, every process on the machine
    capacity: float  # seconds, cores x wall time

    @property
    def other(self) -> float:
        return max(0.0, self.machine_busy - self.server - self.client)


def process_cpu(pid: int) -> float:
    """User plus system CPU seconds of one process."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def server_cpu(server: subprocess.Popen) -> float | None:
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        return process_cpu(server.pid) + sum(process_cpu(int(pid)) for pid in children)
    except (OSError, ValueError, IndexError):
        return None


def machine_busy() -> float | None:
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / TICKS


def cpu_snapshot(server: subprocess.Popen) -> tuple[float | None, float, float | None]:
    return server_cpu(server), time.process_time(), machine_busy()


def cpu_use(
    before: tuple[float | None, float, float | None],
    after: tuple[float | None, float, float | None],
    elapsed: float,
) -> CpuUse | None:
    if None in before or None in after:
        return None
    server0, client0, busy0 = before
    server1, client1, busy1 = after
    return CpuUse(server1 - server0, client1 - client0, busy1 - busy0, CORES * elapsed)


# --- Driving load --------------------------------------------------------------------------------


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


class Clock:
    """The timed window, set by the main thread once every client has warmed up."""

    def __init__(self, clients: int) -> None:
        self.barrier = threading.Barrier(clients + 1, timeout=SERVER_START_TIMEOUT)
        self.deadline = 0.0


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


def phase_run(phase: Phase, port: int, server: subprocess.Popen) -> PhaseResult:
    tallies = [Tally() for _ in range(CLIENTS)]
    streams = [iter(phase.bodies(i)) for i in range(CLIENTS)]
    clock = Clock(CLIENTS)
    threads = [
        threading.Thread(
            target=client_run, args=(phase, port, streams[i], clock, tallies[i]), daemon=True
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


# --- Reporting -----------------------------------------------------------------------------------


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


# --- Main ----------------------------------------------------------------------------------------


def _stop_on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the finally blocks stop gunicorn and remove the temp dir


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_on_term)
    # Shells start background jobs with SIGINT ignored; Ctrl-C or kill -INT should still clean up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    tmp = Path(tempfile.mkdtemp(prefix="submission-bench-"))
    server: subprocess.Popen | None = None
    try:
        os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
        os.environ["MEDIA_ROOT"] = str(tmp / "media")
        print("Setting up: migrate, createcachetable, demo_data ...", flush=True)
        manage("migrate", "--noinput")
        manage("createcachetable")
        manage("demo_data", "--force")

        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        from bench.baseline.models import BenchRow
        from consultations.models import Answer, Response

        backend = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        sub_cap = math.ceil(MAX_SUBMISSION_RATE * SECONDS / CLIENTS) + WARMUP_PER_CLIENT
        started = time.perf_counter()
        bodies, consultation_id, question_count = submission_bodies(sub_cap * CLIENTS)
        print(
            f"Minted {len(bodies)} distinct submissions in {time.perf_counter() - started:.1f}s",
            flush=True,
        )
        base_cap = math.ceil(MAX_BASELINE_RATE * SECONDS / CLIENTS) + WARMUP_PER_CLIENT
        baseline_body = urlencode({"text": " ".join(LONG_SENTENCES[:4])}).encode("ascii")

        def count(queryset_count: Callable[[], int]) -> Callable[[], int]:
            def counted() -> int:
                try:
                    return queryset_count()
                finally:
                    connection.close()  # hold nothing open while the server writes

            return counted

        phases = [
            Phase(
                name="submission",
                path=PAGE_PATH,  # replaced by the form's action once the server is up
                # 303 to the thank-you page; 200 is the thank-you page served in place, which
                # the view does for answers it has stored and put on the safeguarding queue.
                ack_statuses=(303, 200),
                bodies=lambda i: bodies[i::CLIENTS],
                needs_csrf=True,
                count_stored=count(
                    lambda: Response.objects.filter(consultation_id=consultation_id).count()
                ),
                count_children=count(
                    lambda: Answer.objects.filter(response__consultation_id=consultation_id).count()
                ),
            ),
            Phase(
                name="baseline",
                path=BASELINE_PATH,
                ack_statuses=(201,),
                bodies=lambda i: repeat(baseline_body, base_cap),
                needs_csrf=False,
                count_stored=count(lambda: BenchRow.objects.count()),
            ),
        ]

        port = free_port()
        log_path = tmp / "gunicorn.log"
        server = server_start(port, log_path)
        server_wait(server, port, log_path)
        print(f"gunicorn is answering on http://{HOST}:{port}/", flush=True)
        # Post where the page's form posts, as a browser would.
        phases[0].path = form_action(port)

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
