"""Settings shared by every part of the load bench: addresses, run length, caps and targets.

The BENCH_* environment variables are read once, at import; the gunicorn ones are in `server`.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]  # the project root, where manage.py lives

HOST = "127.0.0.1"  # all traffic stays on loopback
PAGE_PATH = "/consultations/school-day/"
BASELINE_PATH = "/bench/baseline/"
SETTINGS_MODULE = "config.settings.bench"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

SECONDS = float(os.environ.get("BENCH_SECONDS", "30"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

# Bounds on every loop, whatever the server does.
WARMUP_PER_CLIENT = 3  # untimed requests per connection, so workers have imported everything
MAX_SUBMISSION_RATE = 1500  # tokens minted up front: the phase stops early if it runs out
MAX_BASELINE_RATE = 10000
REQUEST_TIMEOUT = 30.0
SERVER_START_TIMEOUT = 60.0
SETUP_TIMEOUT = 600.0

TARGET_RPS = 300
TARGET_P99_MS = 300
# Ratios to the bare insert in the same run (a journey is a GET and a POST: half the rate).
TARGET_JOURNEY_RATIO = 0.4
TARGET_PAGE_RATIO = 0.5
TARGET_POST_RATIO = 0.5
# The first round trip of a new TCP connection carries about ten packets: 14 KB.
FIRST_ROUND_TRIP_BYTES = 14 * 1024
