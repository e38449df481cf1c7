"""Staff screens for answers given on paper or at a session: enter one young person's answers,
or import a file of them. Both store through `responses_enter`, all or nothing."""

from __future__ import annotations

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from consultations import forms as answer_forms
from consultations.importing import entered_from_rows, headings_for, rows_read
from consultations.models import ConsultationPage
from consultations.rules import ENTER_PERMISSION, ENTERED_CHANNELS
from consultations.services import Entered, Provenance, responses_enter

MAX_FILE_BYTES = 5 * 1024 * 1024


class ProvenanceForm(forms.Form):
    channel = forms.ChoiceField(
        label="How were the answers given?",
        choices=[(c.value, c.label) for c in ENTERED_CHANNELS],
        widget=forms.RadioSelect,
    )
    collected_on = forms.DateField(
        label="Date the answers were given", widget=forms.DateInput(attrs={"type": "date"})
    )
    collected_by = forms.CharField(
        label="Who collected them", max_length=120, help_text="A person or a partner organisation."
    )
    agreement_noted = forms.BooleanField(
        label="The young person agreed to give us these answers",
        error_messages={"required": "Answers are entered only when the young person agreed."},
    )

    def clean_collected_on(self):
        day = self.cleaned_data["collected_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return day

    def provenance(self, user) -> Provenance:
        return Provenance(**self.cleaned_data, entered_by=user)


class ImportFileForm(forms.Form):
    file = forms.FileField(label="CSV or XLSX file", help_text="Up to 5 MB and 5,000 rows.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB: split it in two.")
        return upload


def _consultation(request, page_id: int) -> ConsultationPage:
    if not request.user.has_perm(ENTER_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(ConsultationPage, pk=page_id)


def _page(request, template: str, context: dict, status: int = 200) -> TemplateResponse:
    return TemplateResponse(request, f"consultations/admin/{template}", context, status=status)


def _staff_widgets(form):
    """The smiley faces are drawn by the public page's own field template; in the admin the
    same choices are plain radio buttons ("4: good")."""
    for field in form.fields.values():
        if isinstance(field.widget, answer_forms.SmileyWidget):
            field.widget = forms.RadioSelect(choices=field.choices)
    return form


def entry_index(request):
    if not request.user.has_perm(ENTER_PERMISSION):
        raise PermissionDenied
    return _page(
        request,
        "entry_index.html",
        {
            "consultations": ConsultationPage.objects.order_by("-closes_at"),
            "page_title": "Paper and workshop answers",
            "header_icon": "doc-full",
        },
    )


def entry_one(request, page_id: int):
    """One young person's answers, typed in from paper or a session."""
    page = _consultation(request, page_id)
    posted = request.POST if request.method == "POST" else None
    answers = _staff_widgets(page.get_form(posted, page=page, user=None))
    about = ProvenanceForm(posted, prefix="given")
    if posted is not None and answers.is_valid() and about.is_valid():
        cleaned = answers.cleaned_data
        responses_enter(
            consultation=page,
            entered=[
                Entered(
                    answers={name: cleaned.get(name) for name in answers.question_kinds},
                    age_band=cleaned.get(answer_forms.AGE_BAND_FIELD, ""),
                    region=cleaned.get(answer_forms.REGION_FIELD, ""),
                    consent_to_quote=bool(cleaned.get(answer_forms.CONSENT_FIELD)),
                )
            ],
            provenance=about.provenance(request.user),
        )
        messages.success(request, "Answers stored. Enter the next young person's answers.")
        return redirect("consultations_entry_one", page.pk)
    return _page(
        request,
        "entry_one.html",
        {
            "consultation": page,
            "answers": answers,
            "about": about,
            "page_title": f"Enter answers: {page.title}",
            "header_icon": "doc-full",
        },
        status=400 if posted is not None else 200,
    )


def entry_import(request, page_id: int):
    """A file of answers: every row checked, and nothing stored from a file with a problem."""
    page = _consultation(request, page_id)
    posted = request.POST if request.method == "POST" else None
    upload = ImportFileForm(posted, request.FILES or None)
    about = ProvenanceForm(posted, prefix="given")
    problems: list[str] = []
    if posted is not None and upload.is_valid() and about.is_valid():
        file = upload.cleaned_data["file"]
        try:
            result = entered_from_rows(page, rows_read(file.name, file.read()))
        except ValueError as error:
            problems = [str(error)]
        else:
            problems = result.problems
            if not problems and result.entered:
                responses_enter(
                    consultation=page,
                    entered=result.entered,
                    provenance=about.provenance(request.user),
                )
                count = len(result.entered)
                messages.success(request, f"{count} response{'s' if count != 1 else ''} stored.")
                return redirect("consultations_entry_import", page.pk)
            if not problems:
                problems = ["The file has a heading row but no answers."]
    return _page(
        request,
        "entry_import.html",
        {
            "consultation": page,
            "upload": upload,
            "about": about,
            "problems": problems,
            "page_title": f"Import answers: {page.title}",
            "header_icon": "upload",
        },
        status=400 if posted is not None else 200,
    )


def entry_template(request, page_id: int) -> HttpResponse:
    """The heading row for this consultation's file, as a CSV to fill in."""
    page = _consultation(request, page_id)
    out = io.StringIO()
    csv.writer(out).writerow(headings_for(page))
    response = HttpResponse(out.getvalue(), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="answers-{page.slug}.csv"'
    return response
