from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # The code step, a logout that needs POST, and the private-page login without members:
    # before the admin's and Wagtail's own addresses, so these win (accounts/urls.py).
    path("", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("", include("consultations.urls")),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
