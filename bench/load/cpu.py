"""CPU accounting from Linux /proc (skipped elsewhere).

The client shares the cores with the server, and other work may too: CPU seconds per request
say what a request costs whatever else was running.
"""

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.load.params import CORES

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

Snapshot = tuple[float | None, float, float | None]  # server, client, machine busy


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


def cpu_snapshot(server: subprocess.Popen) -> Snapshot:
    return server_cpu(server), time.process_time(), machine_busy()


def cpu_use(before: Snapshot, after: Snapshot, elapsed: float) -> CpuUse | None:
    if None in before or None in after:
        return None
    server0, client0, busy0 = before
    server1, client1, busy1 = after
    return CpuUse(server1 - server0, client1 - client0, busy1 - busy0, CORES * elapsed)
