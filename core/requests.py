"""What the apps read from a request in the same way."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client address, trusting X-Forwarded-For only from the proxies we were told of."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def sent_from_another_site(request: HttpRequest) -> bool:
    """True when the browser says this request came from a page on another site.

    For forms that need no cookie: browsers send `Sec-Fetch-Site` and `Origin` with every
    POST, so a page elsewhere cannot post through a visitor's browser, while a browser that
    refuses cookies still can from our own page. A request with neither header comes from no
    browser page at all (a script could send the same thing anyway).
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    try:
        return origin != f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return True
