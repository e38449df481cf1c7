"""Scale-out, shown: two web servers and two workers on PostgreSQL and Redis, a flood of young
people answering, and a worker killed in the middle of its work.

Needs DATABASE_URL (a PostgreSQL server; a throwaway database is made on it and dropped after)
and REDIS_URL (its server; database 14 is used, and must be empty, so nothing else is touched).
Runs on loopback:

1. two gunicorn instances and two qcluster workers, all on the same database and Redis;
2. BENCH_JOURNEYS young people (default 600), 16 at a time, each a fresh visitor who GETs the
   consultation page from one server and POSTs the answers to it, alternating servers;
3. once some answers have been analysed, one worker is killed (SIGKILL, the whole process
   group) and a new one started: the tasks it held are lost from Redis, and the analysis
   sweep finds their responses and analyses them;
4. then it waits for every response to be analysed, and checks: every response acknowledged
   is stored once, every text answer has exactly one analysis, nothing is missing.

Exits non-zero if any of that does not hold.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/scale_out.py
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
# Two web servers and two workers share two cores: two gunicorn workers each.
os.environ.setdefault("BENCH_WORKERS", "2")

from bench.load.journey import journey_once  # noqa: E402
from bench.load.params import SETTINGS_MODULE  # noqa: E402
from bench.load.server import free_port, manage, server_start, server_stop, server_wait  # noqa: E402

JOURNEYS = int(os.environ.get("BENCH_JOURNEYS", "600"))
CLIENTS = 16
REDIS_DB = 14
ANALYSED_TIMEOUT = 8 * 60  # the sweep runs every minute, for responses two minutes old


def _with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def database_make(url: str) -> str:
    import psycopg

    name = f"voice_scale_{os.getpid()}"
    with psycopg.connect(_with_path(url, "/postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def database_drop(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_with_path(url, "/postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_take(url: str) -> str:
    import redis

    url = _with_path(url, f"/{REDIS_DB}")
    if redis.Redis.from_url(url).dbsize():
        raise SystemExit(f"Redis database {REDIS_DB} is not empty: this bench uses it alone.")
    return url


def worker_start(log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        # Its own process group, so killing it kills the cluster's every process at once.
        return subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=BASE_DIR,
            env=os.environ,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )


def worker_kill(worker: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def worker_stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker_kill(worker)


def flood(ports: list[int], bodies: list[bytes]) -> Counter:
    """Every journey, CLIENTS at a time, alternating servers; the POSTs' statuses."""
    statuses: Counter = Counter()
    lock = threading.Lock()
    queue = iter(enumerate(bodies))

    def client() -> None:
        while True:
            with lock:
                item = next(queue, None)
            if item is None:
                return
            i, body = item
            try:
                status = journey_once(ports[i % len(ports)], body)
            except OSError as exc:
                status = type(exc).__name__
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def analysed_count(consultation_id: int) -> tuple[int, int]:
    from django.db import connection

    from consultations.models import Response

    try:
        responses = Response.objects.filter(consultation_id=consultation_id)
        return responses.exclude(analysed_at=None).count(), responses.count()
    finally:
        connection.close()


def verdicts(consultation_id: int, acknowledged: int) -> bool:
    from django.db.models import Count
    from django_q.models import Failure, Success

    from analysis.models import AnswerAnalysis
    from consultations.models import Answer, Response
    from consultations.rules import TEXT_KINDS

    stored = Response.objects.filter(consultation_id=consultation_id).count()
    texts = Answer.objects.filter(
        response__consultation_id=consultation_id, kind__in=TEXT_KINDS
    ).exclude(text="")
    per_answer = Counter(
        AnswerAnalysis.objects.filter(answer__in=texts)
        .values("answer")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )
    unanalysed = texts.exclude(analysis__isnull=False).count()
    # Each finished analysis task, by response (every success is kept: Q_SAVE_LIMIT=0).
    runs = Counter(
        task.args[0] for task in Success.objects.filter(func="analysis.tasks.response_analyse_task")
    )
    twice = sum(1 for n in runs.values() if n > 1)
    by_sweep = stored - len(runs)
    print(
        f"  analysis tasks finished: {sum(runs.values())} for {len(runs)} responses; "
        f"{by_sweep} responses left to the sweep (their task died with the worker); "
        f"failed tasks: {Failure.objects.count()}"
    )
    checks = [
        (
            f"stored once: {stored} responses for {acknowledged} acknowledged",
            stored == acknowledged,
        ),
        (
            f"analysed once: {texts.count()} text answers, analyses per answer "
            f"{dict(per_answer)}, responses whose task ran twice: {twice}",
            set(per_answer) <= {1} and twice == 0,
        ),
        (f"nothing lost: {unanalysed} text answers without an analysis", unanalysed == 0),
    ]
    for words, ok in checks:
        print(f"  {'yes' if ok else 'NO '}  {words}")
    return all(ok for _, ok in checks)


def main() -> int:
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith("postgres") or not redis_url.startswith("redis"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server and REDIS_URL to a Redis one.")
    tmp = Path(tempfile.mkdtemp(prefix="scale-out-"))
    name = database_make(database_url)
    os.environ.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=_with_path(database_url, f"/{name}"),
        REDIS_URL=redis_take(redis_url),
        MEDIA_ROOT=str(tmp / "media"),
        Q_WORKERS="1",
        Q_SAVE_LIMIT="0",
    )
    servers: list[subprocess.Popen] = []
    workers: list[subprocess.Popen] = []
    try:
        print(f"Setting up database {name}: migrate, demo_data ...", flush=True)
        manage("migrate", "--noinput")
        manage("demo_data", "--force")

        import django

        django.setup()
        from bench.load.bodies import answer_plan, journey_bodies

        consultation_id = answer_plan()[0]
        bodies = journey_bodies(JOURNEYS)
        ports = [free_port(), free_port()]
        for port in ports:
            log = tmp / f"gunicorn-{port}.log"
            servers.append(server_start(port, log))
            server_wait(servers[-1], port, log)
        workers = [worker_start(tmp / "worker-a.log"), worker_start(tmp / "worker-b.log")]
        print(f"Two gunicorn instances on ports {ports[0]} and {ports[1]}, two qcluster workers")

        started = time.monotonic()
        killed = threading.Event()

        def kill_when_busy() -> None:
            # In the middle of the work: some answers analysed, many still waiting.
            while time.monotonic() - started < ANALYSED_TIMEOUT:
                done, total = analysed_count(consultation_id)
                if done >= max(5, JOURNEYS // 10):
                    worker_kill(workers[0])
                    print(f"Killed worker A (SIGKILL) with {done} of {total} analysed", flush=True)
                    workers.append(worker_start(tmp / "worker-c.log"))
                    killed.set()
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_when_busy, daemon=True)
        killer.start()
        statuses = flood(ports, bodies)
        elapsed = time.monotonic() - started
        acknowledged = statuses[303] + statuses[200]
        print(
            f"{JOURNEYS} journeys in {elapsed:.1f}s ({JOURNEYS / elapsed:.0f}/s): {dict(statuses)}",
            flush=True,
        )
        killer.join(timeout=ANALYSED_TIMEOUT)
        if not killed.is_set():
            print("NO worker was killed: the analysis finished before it could be")
        while time.monotonic() - started < ANALYSED_TIMEOUT:
            done, total = analysed_count(consultation_id)
            if done == total:
                break
            time.sleep(2)
        print(f"All {done} of {total} analysed after {time.monotonic() - started:.0f}s")
        print("Checks:")
        ok = verdicts(consultation_id, acknowledged) and killed.is_set()
        return 0 if ok else 1
    finally:
        for worker in workers:
            worker_stop(worker)
        for server in servers:
            server_stop(server)
        from django.db import connections

        connections.close_all()
        database_drop(database_url, name)
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


if __name__ == "__main__":
    sys.exit(main())
