"""How far the model agrees with analysts, per outcome and pipeline version."""

from __future__ import annotations

from django import forms

from analysis.agreement import agreement
from analysis.selectors.agreement import reviewed_answers
from analysis.views.base import AnalysisScreen
from consultations.models import ConsultationPage


class AgreementFilter(forms.Form):
    consultation = forms.ModelChoiceField(
        queryset=ConsultationPage.objects.order_by("title"),
        required=False,
        empty_label="All consultations",
    )


class AgreementView(AnalysisScreen):
    template_name = "analysis/admin/agreement.html"
    page_title = "Model and analysts"
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AgreementFilter(self.request.GET or None)
        context["form"] = form
        if form.is_bound and not form.is_valid():
            return context
        consultation = form.cleaned_data["consultation"] if form.is_bound else None
        reviewed = reviewed_answers(consultation_id=consultation.pk if consultation else None)
        context.update(
            table=agreement(reviewed),
            reviewed=len(reviewed),
            consultation=consultation,
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if "table" not in context:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)
