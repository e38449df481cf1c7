"""Follow the README's production recipe to the letter and prove it serves a young person.

Run with the environment a deployment would have (DJANGO_SETTINGS_MODULE=config.settings.production,
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, EMAIL_URL); `.ci/run` does, on PostgreSQL
and Redis. It runs the recipe's commands, starts gunicorn and a qcluster worker with the same
environment, answers a consultation as a phone would (behind a TLS-terminating proxy), and
waits for the worker to analyse the answer. Any failure exits non-zero with what went wrong.

The commands are the README's "Running on PostgreSQL and Redis" section: keep the two the same.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
PORT = int(os.environ.get("SMOKE_PORT", "8765"))
ANSWER = "More buses after school, and a quiet room at lunch."

# The recipe, in order (README: "Running on PostgreSQL and Redis").
RECIPE = [
    [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
    [PYTHON, "manage.py", "collectstatic", "--noinput"],
    [PYTHON, "manage.py", "migrate", "--noinput"],
    [PYTHON, "manage.py", "createcachetable"],
]


def fail(message: str) -> None:
    print(f"production smoke: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


class FormReader(HTMLParser):
    """The consultation form's action and the fields a phone would send."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post" and not self.action:
            self.action, self._in_form = a.get("action", ""), True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and name != "your-website":
            kind = a.get("type", "text")
            if kind == "hidden":
                self.fields[name] = a.get("value", "")
            elif kind == "radio":
                self.fields.setdefault(name, a.get("value", ""))
            elif kind == "text":
                self.fields[name] = "Art"
        elif tag == "textarea" and name:
            self.fields[name] = ANSWER
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            self.fields.setdefault(self._select, a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "select":
            self._select = None


class Phone:
    """A browser on a phone, reaching the site through a proxy that terminates TLS."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.origin = f"https://{HOST}:{PORT}"

    def request(self, method: str, path: str, body: str | None = None, referer: str = ""):
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        headers = {"Host": f"{HOST}:{PORT}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + referer
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        content = response.read().decode("utf-8", errors="replace")
        return response.status, response.getheader("Location", ""), content


def wait_for_site(server: subprocess.Popen) -> None:
    for _ in range(120):
        if server.poll() is not None:
            fail("gunicorn stopped while starting")
        try:
            Phone().request("GET", "/")
            return
        except OSError:
            time.sleep(0.5)
    fail("the site did not answer within a minute")


def answer_a_consultation() -> None:
    phone = Phone()
    status, _, index = phone.request("GET", "/consultations/")
    if status != 200:
        fail(f"/consultations/ answered {status}")
    links = re.findall(r'href="(/consultations/[^"/]+/)"', index)
    if not links:
        fail("no open consultation is listed on /consultations/")
    page = links[0]
    status, _, html = phone.request("GET", page)
    if status != 200:
        fail(f"{page} answered {status}")
    form = FormReader()
    form.feed(html)
    if not form.action:
        fail(f"{page} has no answer form")
    status, location, body = phone.request(
        "POST", urljoin(page, form.action), urlencode(form.fields), referer=page
    )
    if status not in (302, 303):
        fail(f"posting the answers gave {status}: {body[:300]}")
    status, _, thanks = phone.request("GET", location)
    if status != 200 or "Thank you" not in thanks:
        fail(f"the thank-you page answered {status}")
    print(f"production smoke: answered {page} and saw the thank-you page")


def analysed_by_the_worker() -> None:
    probe = (
        "from analysis.models import AnswerAnalysis; "
        f"print(AnswerAnalysis.objects.filter(answer__text={ANSWER!r}).count())"
    )
    for _ in range(120):
        out = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", probe], cwd=ROOT, capture_output=True, text=True
        )
        if out.returncode != 0:
            fail(f"could not read the database: {out.stderr[-500:]}")
        if out.stdout.strip() not in ("", "0"):
            print("production smoke: the worker analysed the answer")
            return
        time.sleep(1)
    fail("the worker did not analyse the answer within two minutes")


def main() -> None:
    if os.environ.get("DJANGO_SETTINGS_MODULE") != "config.settings.production":
        fail("run with DJANGO_SETTINGS_MODULE=config.settings.production")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "true")
    for command in RECIPE:
        print("production smoke: $", " ".join(command[1:]))
        subprocess.run(command, cwd=ROOT, check=True)
    # A consultation to answer: demo content, on this throwaway database only.
    subprocess.run([PYTHON, "manage.py", "demo_data", "--force"], cwd=ROOT, check=True)
    server = subprocess.Popen(
        [GUNICORN, "config.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", "2"], cwd=ROOT
    )
    worker = subprocess.Popen([PYTHON, "manage.py", "qcluster"], cwd=ROOT)
    try:
        wait_for_site(server)
        answer_a_consultation()
        analysed_by_the_worker()
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    print("production smoke: passed")


if __name__ == "__main__":
    main()
