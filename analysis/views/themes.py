"""Themes in what young people said, per consultation: the system proposes them from key
phrases; analysts promote (and name), discard or merge them. Each opens its responses."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from analysis import rules
from analysis.filters import responses_url
from analysis.models import Theme
from analysis.selectors.responses import ResponseQuery
from analysis.services import theme_decide, theme_split, themes_merge, themes_propose
from consultations.models import ConsultationPage


class ChooseConsultation(forms.Form):
    consultation = forms.ModelChoiceField(
        queryset=ConsultationPage.objects.order_by("title"), empty_label="Choose a consultation"
    )


def _back(consultation: ConsultationPage):
    return redirect(f"{reverse('analysis_themes')}?consultation={consultation.pk}")


def themes(request):
    if not request.user.has_perm(rules.DASHBOARD_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        return _decide(request)
    return _page(request, ChooseConsultation(request.GET or None))


def _page(request, chooser: ChooseConsultation, status: int = 200):
    context = {
        "chooser": chooser,
        "can_decide": request.user.has_perm(rules.CORRECT_PERMISSION),
        "page_title": "Themes",
        "header_icon": "tag",
    }
    if chooser.is_bound and not chooser.is_valid():
        return TemplateResponse(request, "analysis/admin/themes.html", context, status=400)
    if chooser.is_bound:
        consultation = chooser.cleaned_data["consultation"]
        listed = (
            Theme.objects.filter(consultation=consultation)
            .exclude(status=Theme.Status.DISCARDED)
            .annotate(n=Count("answers__response", distinct=True))
            .order_by("-status", "-n", "name")
        )
        query = ResponseQuery(consultation=consultation)
        context.update(
            consultation=consultation,
            themes=[(theme, responses_url(query.but(theme=theme))) for theme in listed],
        )
    return TemplateResponse(request, "analysis/admin/themes.html", context, status=status)


def _decide(request):
    if not request.user.has_perm(rules.CORRECT_PERMISSION):
        raise PermissionDenied
    action = request.POST.get("action", "")
    if action == "propose":
        consultation = get_object_or_404(ConsultationPage, pk=request.POST.get("consultation"))
        made = themes_propose(consultation=consultation)
        messages.success(request, f"{len(made)} theme{'s' if len(made) != 1 else ''} proposed.")
        return _back(consultation)
    chosen = list(
        Theme.objects.filter(pk__in=request.POST.getlist("theme")).select_related("consultation")
    )
    consultation_id = request.POST.get("consultation", "")
    if not chosen:
        messages.error(request, "Choose a theme first.")
        return _page(request, ChooseConsultation({"consultation": consultation_id}), status=400)
    consultation = chosen[0].consultation
    name = request.POST.get("name", "")
    try:
        if action in ("promote", "discard") and len(chosen) == 1:
            status = Theme.Status.PROMOTED if action == "promote" else Theme.Status.DISCARDED
            theme_decide(theme=chosen[0], status=status, user=request.user, name=name)
        elif action == "merge":
            themes_merge(themes=chosen, name=name, user=request.user)
        elif action == "split" and len(chosen) == 1:
            theme_split(
                theme=chosen[0],
                phrases=request.POST.getlist("phrase"),
                name=name,
                user=request.user,
            )
        else:
            raise ValueError("That is not something a theme can do.")
    except ValueError as refused:
        messages.error(request, str(refused))
        return _page(request, ChooseConsultation({"consultation": consultation.pk}), status=400)
    messages.success(request, "Saved.")
    return _back(consultation)
