from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultations import admin_views
from consultations.models import ConsultationPage, Response
from consultations.rules import ENTER_PERMISSION


@hooks.register("construct_main_menu")
def hide_form_builder_submissions(request, menu_items):
    # Answers are stored as responses, not as the form builder's own submissions; its
    # "Forms" screen would always be empty, so staff use Responses instead.
    menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("before_delete_page")
def keep_consultations_with_answers(request, page):
    if not isinstance(page.specific, ConsultationPage):
        return None
    if Response.objects.filter(consultation_id=page.pk).exists():
        messages.error(
            request,
            f"“{page.title}” has answers from young people, so it cannot be deleted. "
            "Unpublish it instead.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_admin_urls")
def register_entry_urls():
    return [
        path("paper-answers/", admin_views.entry_index, name="consultations_entry_index"),
        path(
            "paper-answers/<id:page_id>/enter/",
            admin_views.entry_one,
            name="consultations_entry_one",
        ),
        path(
            "paper-answers/<id:page_id>/import/",
            admin_views.entry_import,
            name="consultations_entry_import",
        ),
        path(
            "paper-answers/<id:page_id>/template.csv",
            admin_views.entry_template,
            name="consultations_entry_template",
        ),
    ]


class EntryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ENTER_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_entry_menu_item():
    return EntryMenuItem(
        "Paper answers", reverse("consultations_entry_index"), icon_name="doc-full", order=235
    )
