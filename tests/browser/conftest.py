"""Real headless Chromium (Debian's package) driven by Playwright, against a live test server.

Playwright never downloads a browser here: it launches the system Chromium by path.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there are plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's background services would try to reach the internet; this machine has none.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-deps`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, **kwargs):
    return browser.new_context(
        viewport={"width": 320, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        **kwargs,
    )


@pytest.fixture
def phone(browser):
    """A small phone: 320 CSS pixels wide, the narrowest WCAG reflow asks for."""
    context = _context(browser)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    context = _context(browser, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page):
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def staff_context(browser, live_server):
    """A browser already logged in as a member of staff, past the code step: the cookie of a
    session made as `client.force_login` makes one (tests/conftest.py)."""
    from django.conf import settings
    from django.test import Client

    contexts = []

    def make(user, **options):
        client = Client()
        client.force_login(user)
        context = browser.new_context(**options)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
