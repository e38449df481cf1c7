"""Lighthouse on every public page, on its mobile profile: performance, accessibility, best
practices and SEO, with the audits that cost a point.

Builds a throwaway site with the demo content (like `submission_load.py`), serves it with
gunicorn on loopback, and runs Lighthouse (from `bench/lighthouse/node_modules`, installed by
`make lighthouse`) against Debian's Chromium for each page a visitor can reach without logging
in. Prints the scores; exits non-zero only if a page could not be measured.

    make lighthouse
"""

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.load.params import HOST  # noqa: E402
from bench.load.server import (  # noqa: E402
    free_port,
    server_start,
    server_stop,
    server_wait,
    throwaway_site,
)

CLI = BASE_DIR / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGE_TIMEOUT = 180


def public_paths() -> list[str]:
    """Every live, public page and the parliament's and a consultation's public sub-pages."""
    from wagtail.models import Page

    from consultations.models import ConsultationPage
    from parliament.models import Motion, ParliamentPage, Sitting

    paths = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    for parliament in ParliamentPage.objects.live().public():
        for name in ["motions", "sittings", "members", "login"]:
            paths.append(parliament.url + parliament.reverse_subpage(name))
        motion = Motion.objects.filter(status="approved").first()
        if motion is not None:
            paths.append(parliament.url + parliament.reverse_subpage("motion", args=[motion.pk]))
        sitting = Sitting.objects.first()
        if sitting is not None:
            paths.append(parliament.url + parliament.reverse_subpage("sitting", args=[sitting.pk]))
    consultation = ConsultationPage.objects.live().public().first()
    if consultation is not None:
        paths.append(consultation.url + consultation.reverse_subpage("thank_you"))
    return [p for p in dict.fromkeys(paths) if p]


def status_of(port: int, path: str) -> int:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def chromium() -> str:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        raise SystemExit("Chromium is missing: run `make browser-deps`.")
    return found


def measure(url: str, out: Path, tries: int = 2) -> dict:
    """One page's report; a run that fails to record the page load is tried once more."""
    for _ in range(tries - 1):
        try:
            return _lighthouse(url, out)
        except RuntimeError:
            continue
    return _lighthouse(url, out)


def _lighthouse(url: str, out: Path) -> dict:
    result = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={out}",
        ],
        env={**os.environ, "CHROME_PATH": chromium()},
        capture_output=True,
        text=True,
        timeout=PAGE_TIMEOUT,
        check=False,
    )
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
    return json.loads(out.read_text())


def short_of_full(report: dict) -> list[str]:
    """The audits that cost a category points, by id."""
    audits = report["audits"]
    lost = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            score = audits[ref["id"]].get("score")
            if ref.get("weight") and score is not None and score < 1:
                lost.append(f"{ref['id']} ({score:.2f})")
    return lost


def main() -> int:
    if not CLI.exists():
        raise SystemExit("Lighthouse is not installed: run `make lighthouse`.")
    tmp = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    server = None
    try:
        throwaway_site(tmp)

        import django

        django.setup()
        paths = public_paths()
        port = free_port()
        log_path = tmp / "gunicorn.log"
        server = server_start(port, log_path)
        server_wait(server, port, log_path)

        print(f"\nLighthouse {', '.join(CATEGORIES)} (mobile profile), {len(paths)} pages")
        print(f"{'page':<44} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
        everywhere_full = True
        for i, path in enumerate(paths):
            status = status_of(port, path)
            if status != 200:
                print(f"{path[:44]:<44} not measured: it answers {status} without a login")
                continue
            report = measure(f"http://{HOST}:{port}{path}", tmp / f"{i}.json")
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            cells = " ".join(f"{round(s * 100):>5}" if s is not None else "    -" for s in scores)
            print(f"{path[:44]:<44} {cells}", flush=True)
            lost = short_of_full(report)
            if lost:
                everywhere_full = False
                print(f"    points lost: {', '.join(lost)}")
        print(f"\n100 in every category on every page: {'yes' if everywhere_full else 'no'}")
        return 0
    finally:
        if server is not None:
            server_stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
