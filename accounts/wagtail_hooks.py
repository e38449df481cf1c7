from django.urls import path, reverse
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_second_factor_url():
    return [path("account/second-factor/", views.second_factor, name="accounts_second_factor")]


@hooks.register("register_account_menu_item")
def register_second_factor_menu_item(request):
    return {
        "url": reverse("accounts_second_factor"),
        "label": "Second factor",
        "help_text": "Set up an authenticator app that gives a code each time you log in.",
    }
