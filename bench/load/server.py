"""The throwaway site: its manage.py setup commands, and starting, waiting for and stopping
gunicorn with the bench's worker settings."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.load.params import (
    BASE_DIR,
    CORES,
    HOST,
    PAGE_PATH,
    SERVER_START_TIMEOUT,
    SETTINGS_MODULE,
    SETUP_TIMEOUT,
)

# Sync workers, 2*cores+1 of them. Tried on 2 cores with 16 clients: gthread (5x4, 3x4, 3x2,
# 2x8, 1x16) used 2-5 ms more server CPU per submission and had a p99 three to six times
# higher, because a request is CPU-bound Python and threads in one worker queue on its GIL.
# Sync workers pay a loopback TCP connect per request instead, which is cheap. 2, 3 and 5 sync
# workers were within the run-to-run noise of each other.
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * CORES + 1)))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))  # above 1, gunicorn switches sync to gthread
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "sync")


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


def throwaway_site(tmp: Path) -> None:
    """A site with the demo content in `tmp` (a new SQLite file unless DATABASE_URL is set),
    for this process and the servers it starts."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'site.sqlite3'}")
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    print("Setting up: migrate, createcachetable, demo_data ...", flush=True)
    manage("migrate", "--noinput")
    manage("createcachetable")
    manage("demo_data", "--force")


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
