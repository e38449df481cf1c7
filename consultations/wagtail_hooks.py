from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from consultations.models import ConsultationPage, Response


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
