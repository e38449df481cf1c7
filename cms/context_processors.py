import time

from django.core.exceptions import DisallowedHost
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

# The menu changes when an editor publishes a page; a minute's delay is fine, and it spares
# every request a site look-up and a page query.
MENU_SECONDS = 60.0
_menus: dict[str, tuple[float, list]] = {}


def _menu(request) -> list[tuple[str, str]]:
    try:
        host = request.get_host()
    except DisallowedHost:
        # The 400 page for a bad Host header still renders, without a menu.
        return []
    now = time.monotonic()
    cached = _menus.get(host)
    if cached is not None and cached[0] > now:
        return cached[1]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        pages = site.root_page.get_children().live().public().in_menu()
        items = [(page.title, page.get_url(request)) for page in pages]
    _menus[host] = (now + MENU_SECONDS, items)
    return items


def menus_forget() -> None:
    _menus.clear()


def navigation(request):
    """The top-level pages marked 'show in menus', fetched only if a template uses them."""
    return {"site_menu": SimpleLazyObject(lambda: _menu(request))}
