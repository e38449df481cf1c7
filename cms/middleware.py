from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """The Wagtail admin's Content-Security-Policy: as strict as the public site's for scripts.

    Wagtail's date and time pickers would start from an inline `<script>`; the project renders
    them without it (templates/wagtailadmin/widgets/, static/cms/pickers.js), so no admin
    screen allows inline scripts. Styles stay loose in the admin, whose widgets set style
    attributes, and the admin may frame itself for page previews.
    See docs/adr/0003-content-security-policy.md.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path
        if path.startswith(self.admin_prefix) or (
            settings.DEBUG and path.startswith("/django-admin/")
        ):
            response._csp_update = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            # Page previews are shown in an iframe inside the admin.
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response


class PermissionsPolicyMiddleware:
    """Tell browsers this site never uses the camera, microphone, location and the like."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
