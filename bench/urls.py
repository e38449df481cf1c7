from django.urls import include, path

from bench.baseline.views import baseline_insert

# The baseline comes first: config.urls ends with Wagtail's catch-all page route.
urlpatterns = [
    path("bench/baseline/", baseline_insert, name="bench-baseline"),
    path("", include("config.urls")),
]
