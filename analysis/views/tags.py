"""Confirm or correct the outcomes on one answer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from analysis.forms import TagForm
from analysis.models import Theme
from analysis.rules import CORRECT_PERMISSION, outcomes_explained
from analysis.selectors import answer_outcomes, answer_text_for
from analysis.services import tags_correct, theme_link
from consultations.models import Answer


def answer_tags(request, answer_id: int):
    if not request.user.has_perm(CORRECT_PERMISSION):
        raise PermissionDenied
    answer = get_object_or_404(Answer.objects.select_related("response"), pk=answer_id)
    current = answer_outcomes(answer=answer)
    form = TagForm(request.POST or None, initial={"outcomes": [t["outcome"] for t in current]})
    if request.method == "POST" and form.is_valid():
        tags_correct(answer=answer, outcomes=set(form.cleaned_data["outcomes"]), user=request.user)
        messages.success(request, "Outcomes saved.")
        inspect = reverse("responses:inspect", args=[answer.response_id])
        return redirect(f"{inspect}#answer-{answer.pk}")
    return TemplateResponse(
        request,
        "analysis/admin/answer_tags.html",
        {
            "answer": answer,
            "text": answer_text_for(user=request.user, answer=answer),
            "current": current,
            "explained": outcomes_explained(answer.tags.all()),
            "form": form,
            "page_title": "Outcomes for an answer",
            "header_icon": "tag",
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


@require_POST
def answer_themes(request, answer_id: int):
    """Put an answer in a promoted theme by hand, or take it out."""
    if not request.user.has_perm(CORRECT_PERMISSION):
        raise PermissionDenied
    answer = get_object_or_404(Answer.objects.select_related("response"), pk=answer_id)
    theme = get_object_or_404(Theme, pk=request.POST.get("theme") or 0)
    inspect = reverse("responses:inspect", args=[answer.response_id])
    try:
        theme_link(theme=theme, answer=answer, link=request.POST.get("action") == "link")
    except ValueError as refused:
        return HttpResponseBadRequest(str(refused))
    messages.success(request, "Themes saved.")
    return redirect(f"{inspect}#answer-{answer.pk}")
