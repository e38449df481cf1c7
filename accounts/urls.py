"""Included before the admin's and Wagtail's own URLs (config/urls.py), so these win."""

from django.urls import path

from accounts import views

urlpatterns = [
    path("admin/login/code/", views.code_step, name="accounts_code"),
    path("admin/logout/", views.AdminLogoutView.as_view(), name="accounts_admin_logout"),
    path("_util/login/", views.FrontendLoginView.as_view(), name="accounts_frontend_login"),
]
