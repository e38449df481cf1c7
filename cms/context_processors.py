from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _menu(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().public().in_menu().only("title", "url_path"))


def navigation(request):
    """The top-level pages marked 'show in menus', fetched only if a template uses them."""
    return {"site_menu": SimpleLazyObject(lambda: _menu(request))}
