"""Public pages rendered once per version of the site's content, for visitors without a session.

A page view that renders the same thing for every visitor without a session (a consultation's
questions, before anything is typed) marks its response `Cacheable`, with the one-off parts (a
submission token) left as slots and a function that fills them. Each process keeps the
rendered page; later visitors get it with the slots filled, without routing through the page
tree or rendering a template. Any change to pages, their privacy, the site or its settings
makes a new content version in the shared cache, which every process reads once a request, so
nobody sees an old page after a publish (docs/adr/0018-a-fast-journey-without-cookies.md).
"""

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)
VERSION_KEY = "public-pages:version"
MAX_PAGES = 500  # per process; a page beyond this empties the store
# A rendered page is kept at most this long even if nothing changes, so anything a page shows
# that no signal reports (the time of day, say) is never older than this.
MAX_SECONDS = 15 * 60
_KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Vary")


@dataclass(frozen=True)
class Cacheable:
    """Attached by a view to a response that may be served again to visitors without a
    session: `fill` puts the per-visit parts into the stored body, and the page changes by
    itself at `changes_at` (epoch seconds: a consultation opening or closing), if ever."""

    fill: Callable[[bytes], bytes]
    changes_at: float | None = None


@dataclass(frozen=True)
class _Kept:
    version: str
    until: float
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]
    fill: Callable[[bytes], bytes]

    def response(self) -> HttpResponse:
        response = HttpResponse(self.fill(self.body), status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


_pages: dict[tuple[str, str], _Kept] = {}


def content_version() -> str | None:
    """The version of everything public pages are made from, shared by every process; None
    if the shared cache cannot be read (then every page is made afresh)."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)  # a racing change wins
            version = cache.get(VERSION_KEY)
    except Exception:  # noqa: BLE001 - a cache outage must not take the site down
        log.warning("the shared cache cannot be read: public pages are made afresh")
        return None
    return version


def content_changed(**kwargs) -> None:
    """A signal receiver: pages, their privacy, the site or its settings changed. An editor's
    save never fails for the cache's sake: if the new version cannot be written, processes
    cannot read it either, and make their pages afresh."""
    _pages.clear()
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001
        log.exception("could not record a change of public content in the shared cache")


def pages_forget() -> None:
    _pages.clear()


def _visit_key(request: HttpRequest) -> tuple[str, str] | None:
    """Where a visit may be served from the store: a plain GET with no session, no messages
    waiting and no query string. Everyone else gets the page made for them."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    try:
        return request.get_host(), request.path
    except DisallowedHost:
        return None


class PublicPageCacheMiddleware:
    """Serve a kept page, or keep what a view marked `Cacheable`. Innermost, so every other
    middleware still sees each request and adds its headers to each response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _visit_key(request)
        if key is None:
            return self.get_response(request)
        version = content_version()
        # Read once a request: the menu and footer links (cms/context_processors.py) use it too.
        request.content_version = version
        if version is None:
            return self.get_response(request)
        kept = _pages.get(key)
        if kept is not None and kept.version == version and time.time() < kept.until:
            return kept.response()
        response = self.get_response(request)
        cacheable = getattr(response, "cacheable", None)
        if (
            not isinstance(cacheable, Cacheable)
            or response.status_code != 200
            or response.streaming
            or response.cookies
        ):
            return response
        now = time.time()
        until = now + MAX_SECONDS
        if cacheable.changes_at is not None and cacheable.changes_at > now:
            until = min(until, cacheable.changes_at)
        kept = _Kept(
            version=version,
            until=until,
            status=response.status_code,
            body=response.content,
            headers=tuple((h, response[h]) for h in _KEPT_HEADERS if response.has_header(h)),
            fill=cacheable.fill,
        )
        if len(_pages) >= MAX_PAGES:
            _pages.clear()
        _pages[key] = kept
        return kept.response()


def content_signals_connect() -> None:
    """Every change that could alter a public page makes a new content version."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.models import SiteSettings

    uid = "cms.page_cache.content_changed"
    page_published.connect(content_changed, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(content_changed, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(content_changed, dispatch_uid=f"{uid}.moved")
    senders = [PageViewRestriction, Site, SiteSettings, *_page_models(Page)]
    for sender in senders:
        label = sender._meta.label_lower
        post_save.connect(content_changed, sender=sender, dispatch_uid=f"{uid}.save.{label}")
        post_delete.connect(content_changed, sender=sender, dispatch_uid=f"{uid}.delete.{label}")


def _page_models(base) -> list:
    from wagtail.models import get_page_models

    return [base, *get_page_models()]
