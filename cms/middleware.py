from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Loosen the Content-Security-Policy for the Wagtail admin only.

    The admin ships inline scripts and styles (inline panels, date widgets), so it needs
    'unsafe-inline'. It is behind a staff login; the public site keeps the strict policy.
    See docs/adr/0003-content-security-policy.md.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix) or (
            settings.DEBUG and request.path.startswith("/django-admin/")
        ):
            response._csp_update = {
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
                "img-src": ["blob:"],
            }
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            # Page previews are shown in an iframe inside the admin.
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response
