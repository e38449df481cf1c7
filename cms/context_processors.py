from django.core.exceptions import DisallowedHost
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.page_cache import content_version

# The menu and the footer's links, per host, for as long as the site's content version stands
# (cms/page_cache.py): one cache read a page instead of a site look-up and page queries.
_kept: dict[tuple[str, str], tuple[str, list]] = {}


def _host(request) -> str | None:
    try:
        return request.get_host()
    except DisallowedHost:
        # The 400 page for a bad Host header still renders, without a menu or links.
        return None


def _keep(request, what: str, make) -> list:
    host = _host(request)
    if host is None:
        return []
    # The page cache's middleware has read it for this request already, when it could.
    version = getattr(request, "content_version", None) or content_version()
    kept = _kept.get((host, what))
    if kept is not None and version is not None and kept[0] == version:
        return kept[1]
    site = Site.find_for_request(request)
    items = make(site, request) if site is not None else []
    if len(_kept) > 200:
        _kept.clear()
    _kept[(host, what)] = (version, items)
    return items


def _menu(site, request) -> list[tuple[str, str]]:
    pages = site.root_page.get_children().live().public().in_menu()
    return [(page.title, page.get_url(request)) for page in pages]


def _footer(site, request) -> list[tuple[str, str]]:
    from cms.models import SiteSettings

    return SiteSettings.for_site(site).footer_links(request)


def menus_forget() -> None:
    _kept.clear()


def navigation(request):
    """The top-level pages marked 'show in menus', and the pages every footer links to
    (privacy, accessibility, contact), fetched only if a template uses them."""
    return {
        "site_menu": SimpleLazyObject(lambda: _keep(request, "menu", _menu)),
        "footer_links": SimpleLazyObject(lambda: _keep(request, "footer", _footer)),
    }
