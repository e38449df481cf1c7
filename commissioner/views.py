"""Casework screens in the Wagtail admin. Every screen asks `access` first; every read of the
child's record and every download goes into the audit trail through the services."""

from __future__ import annotations

import csv
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from commissioner import access, forms, policy, services
from commissioner.models import (
    AuditEvent,
    BreakGlass,
    Deadline,
    Evidence,
    InformationRequest,
    Inquiry,
    Report,
)

TEMPLATES = "commissioner/admin/"


def _page(request, template, context, status=200, title=""):
    context.setdefault("page_title", title)
    context.setdefault("header_icon", "folder-open-inverse")
    return TemplateResponse(request, TEMPLATES + template, context, status=status)


def _listable(request, pk) -> Inquiry:
    inquiry = access.inquiries_listable(user=request.user).filter(pk=pk).first()
    if inquiry is None:
        # The same answer whether it does not exist or is not yours: deny by default.
        raise Http404("No such inquiry")
    return inquiry


def _openable(request, pk) -> Inquiry:
    inquiry = _listable(request, pk)
    if not access.can_open(user=request.user, inquiry=inquiry):
        if access.can_break_glass(user=request.user, inquiry=inquiry):
            raise _BreakGlassNeeded(inquiry)
        raise PermissionDenied
    return inquiry


class _BreakGlassNeeded(Exception):
    def __init__(self, inquiry):
        self.inquiry = inquiry


def _guarded(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (request.user.has_perm(access.RUN) or request.user.has_perm(access.OVERSEE)):
            raise PermissionDenied
        try:
            return view(request, *args, **kwargs)
        except _BreakGlassNeeded as needed:
            return redirect("inquiry_break_glass", needed.inquiry.pk)

    return wrapped


@_guarded
def inquiry_index(request):
    inquiries = access.inquiries_listable(user=request.user).select_related("direction")
    query = request.GET.get("q", "").strip()
    if query:
        # Search sees only what the listing may show.
        inquiries = inquiries.filter(direction__reference__icontains=query)
    openable = set(access.inquiries_openable(user=request.user).values_list("pk", flat=True))
    rows = [(inquiry, inquiry.pk in openable) for inquiry in inquiries]
    return _page(
        request,
        "index.html",
        {"rows": rows, "query": query, "can_oversee": request.user.has_perm(access.OVERSEE)},
        title="Inquiries",
    )


@_guarded
def direction_record(request):
    form = forms.DirectionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.direction_record(
                reference=data["reference"],
                given_on=data["given_on"],
                signatory_name=data["signatory_name"],
                signatory_office=data["signatory_office"],
                child={
                    "name": data["child_name"],
                    "date_of_birth": data["child_date_of_birth"],
                    "local_authority": data["child_local_authority"],
                },
                reasons=data["reasons"],
                national_significance=data["national_significance"],
                terms_of_reference=data["terms_of_reference"],
                letter=data["letter"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Direction recorded: the inquiry is open.")
            return redirect("inquiry_detail", inquiry.pk)
    return _page(
        request,
        "direction_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
        title="Record a direction",
    )


def _detail_context(request, inquiry, **extra):
    requests_ = InformationRequest.objects.filter(agency__inquiry=inquiry).select_related("agency")
    context = {
        "inquiry": inquiry,
        "direction": inquiry.direction,
        "moves": inquiry.moves.select_related("by"),
        "team": inquiry.team.all(),
        "agencies": inquiry.agencies.all(),
        "requests": requests_,
        "meetings": inquiry.meetings.all(),
        "evidence": inquiry.evidence.all(),
        "deadlines": inquiry.deadlines.all(),
        "today": timezone.localdate(),
        "evidence_open": inquiry.state in policy.EVIDENCE_OPEN,
        "move_form": forms.MoveForm(allowed=sorted(policy.MOVES[inquiry.state])),
        "evidence_form": forms.EvidenceForm(),
        "agency_form": forms.AgencyForm(),
        "request_form": forms.RequestForm(inquiry=inquiry),
        "meeting_form": forms.MeetingForm(),
        "deadline_form": forms.DeadlineForm(),
        "can_oversee": request.user.has_perm(access.OVERSEE),
    }
    context.update(extra)
    return context


@_guarded
def inquiry_detail(request, pk):
    inquiry = _openable(request, pk)
    services.inquiry_open(inquiry=inquiry, user=request.user)
    return _page(request, "detail.html", _detail_context(request, inquiry), title=str(inquiry))


@_guarded
def inquiry_act(request, pk, action, item=None):
    """The small forms on the inquiry's page post here; a refusal shows the page again."""
    if request.method != "POST":
        return redirect("inquiry_detail", pk)
    inquiry = _openable(request, pk)
    post, user = request.POST, request.user
    form = None
    try:
        if action == "move":
            form = forms.MoveForm(post, allowed=sorted(policy.MOVES[inquiry.state]))
            if form.is_valid():
                services.inquiry_move(inquiry=inquiry, by=user, **form.cleaned_data)
        elif action == "evidence":
            form = forms.EvidenceForm(post, request.FILES)
            if form.is_valid():
                services.evidence_add(inquiry=inquiry, by=user, **form.cleaned_data)
        elif action == "agency":
            form = forms.AgencyForm(post)
            if form.is_valid():
                services.agency_add(inquiry=inquiry, by=user, **form.cleaned_data)
        elif action == "request":
            form = forms.RequestForm(post, inquiry=inquiry)
            if form.is_valid():
                services.request_send(by=user, **form.cleaned_data)
        elif action in ("reply", "remind"):
            info = get_object_or_404(InformationRequest, pk=item, agency__inquiry=inquiry)
            if action == "remind":
                services.request_remind(request=info, by=user)
            else:
                form = forms.ReplyForm(post)
                if form.is_valid():
                    services.request_reply(request=info, by=user, **form.cleaned_data)
        elif action == "meeting":
            form = forms.MeetingForm(post)
            if form.is_valid():
                meeting = form.save(commit=False)
                meeting.inquiry = inquiry
                meeting.save()
        elif action == "deadline":
            form = forms.DeadlineForm(post)
            if form.is_valid():
                services.deadline_set(inquiry=inquiry, by=user, **form.cleaned_data)
        elif action in ("pause", "resume"):
            deadline = get_object_or_404(Deadline, pk=item, inquiry=inquiry)
            if action == "resume":
                services.deadline_resume(deadline=deadline, by=user)
            else:
                form = forms.PauseForm(post)
                if form.is_valid():
                    services.deadline_pause(deadline=deadline, by=user, **form.cleaned_data)
        else:
            raise Http404("No such action")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        context = _detail_context(request, inquiry, error=" ".join(error.messages))
        return _page(request, "detail.html", context, status=400, title=str(inquiry))
    if form is not None and not form.is_valid():
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        context = _detail_context(request, inquiry, error=problems)
        return _page(request, "detail.html", context, status=400, title=str(inquiry))
    messages.success(request, "Saved.")
    return redirect("inquiry_detail", inquiry.pk)


@_guarded
def child_record(request, pk):
    inquiry = _openable(request, pk)
    form = forms.ChildForm(request.POST or None, instance=inquiry.child)
    if request.method == "POST":
        if form.is_valid():
            services.child_update(inquiry=inquiry, changes=form.cleaned_data, by=request.user)
            messages.success(request, "The child's record is saved.")
            return redirect("inquiry_child", inquiry.pk)
    else:
        services.child_read(inquiry=inquiry, user=request.user)
    return _page(
        request,
        "child.html",
        {"inquiry": inquiry, "form": form},
        status=400 if request.method == "POST" else 200,
        title="The child's record",
    )


@_guarded
def document_download(request, pk, evidence=None):
    inquiry = _openable(request, pk)
    item = None
    if evidence is not None:
        item = get_object_or_404(Evidence, pk=evidence, inquiry=inquiry)
    try:
        handle = services.document_open(inquiry=inquiry, user=request.user, evidence=item)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=410, content_type="text/plain")
    name = (item.file.name if item else inquiry.direction.letter.name).rsplit("/", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=item.content_type if item else None,
    )
    response["Cache-Control"] = "no-store"
    return response


@_guarded
def report_edit(request, pk):
    inquiry = _openable(request, pk)
    report = Report.objects.filter(inquiry=inquiry).first()
    sealed = getattr(inquiry, "sealed_report", None)
    which = request.POST.get("form", "")
    initial = {}
    if report:
        initial = {
            "draft": report.draft,
            "may_identify_child": report.may_identify_child,
            "identity_reasons": report.identity_reasons,
            "publication_text": report.publication_text,
        }
    report_form = forms.ReportForm(request.POST if which == "report" else None, initial=initial)
    recommendation_form = forms.RecommendationForm(
        request.POST if which == "recommendation" else None
    )
    error = ""
    if request.method == "POST":
        try:
            if which == "report" and report_form.is_valid():
                services.report_save(inquiry=inquiry, by=request.user, **report_form.cleaned_data)
            elif which == "recommendation" and recommendation_form.is_valid():
                services.recommendation_add(
                    inquiry=inquiry, by=request.user, **recommendation_form.cleaned_data
                )
            elif which == "send":
                services.report_send(inquiry=inquiry, by=request.user)
            elif which == "response":
                recommendation = get_object_or_404(
                    inquiry.recommendations, pk=request.POST.get("recommendation")
                )
                services.recommendation_response_record(
                    recommendation=recommendation,
                    summary=request.POST.get("summary", ""),
                    by=request.user,
                )
            else:
                raise ValidationError("Check the form.")
        except ValidationError as failure:
            error = " ".join(failure.messages)
        else:
            messages.success(request, "Saved.")
            return redirect("inquiry_report", inquiry.pk)
    return _page(
        request,
        "report.html",
        {
            "inquiry": inquiry,
            "report": report,
            "sealed": sealed,
            "report_form": report_form,
            "recommendation_form": recommendation_form,
            "recommendations": inquiry.recommendations.all(),
            "error": error,
        },
        status=400 if error else 200,
        title="Report to the Secretary of State",
    )


@_guarded
def break_glass(request, pk):
    inquiry = _listable(request, pk)
    if not access.can_break_glass(user=request.user, inquiry=inquiry):
        raise PermissionDenied
    form = forms.BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.break_glass(inquiry=inquiry, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            return redirect("inquiry_detail", inquiry.pk)
    return _page(
        request,
        "break_glass.html",
        {"inquiry": inquiry, "form": form, "hours": services.BREAK_GLASS_HOURS},
        status=400 if request.method == "POST" else 200,
        title="Break glass",
    )


@_guarded
def team_edit(request, pk):
    if not request.user.has_perm(access.OVERSEE):
        raise PermissionDenied
    inquiry = _listable(request, pk)
    form = forms.TeamForm(request.POST or None, initial={"members": inquiry.team.all()})
    if request.method == "POST" and form.is_valid():
        try:
            services.team_set(
                inquiry=inquiry, members=list(form.cleaned_data["members"]), by=request.user
            )
        except ValidationError as error:
            form.add_error("members", error)
        else:
            messages.success(request, "Team saved.")
            return redirect("inquiry_index")
    return _page(
        request,
        "team.html",
        {"inquiry": inquiry, "form": form},
        status=400 if request.method == "POST" else 200,
        title=f"Team for {inquiry}",
    )


@_guarded
def overdue(request):
    today = timezone.localdate()
    mine = access.inquiries_openable(user=request.user)
    late_requests = InformationRequest.objects.filter(
        agency__inquiry__in=mine, reply_received_on__isnull=True, due_on__lt=today
    ).select_related("agency__inquiry__direction")
    late_deadlines = Deadline.objects.filter(
        inquiry__in=mine, met_on__isnull=True, paused_on__isnull=True, due_on__lt=today
    ).select_related("inquiry__direction")
    return _page(
        request,
        "overdue.html",
        {"requests": late_requests, "deadlines": late_deadlines, "today": today},
        title="Overdue",
    )


@_guarded
def audit_trail(request):
    if not request.user.has_perm(access.OVERSEE):
        raise PermissionDenied
    events = AuditEvent.objects.select_related("inquiry__direction")
    if request.GET.get("format") == "csv":
        services.audit(user=request.user, action=AuditEvent.Action.EXPORT, target="audit trail")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow(["when", "who", "action", "inquiry", "what", "why"])
        for e in events.iterator():
            writer.writerow(
                [
                    e.at.isoformat(),
                    e.username,
                    e.get_action_display(),
                    e.inquiry.direction.reference if e.inquiry else "",
                    e.target,
                    e.reason,
                ]
            )
        return response
    if request.method == "POST":
        opening = get_object_or_404(BreakGlass, pk=request.POST.get("opening"))
        try:
            services.break_glass_review(opening=opening, by=request.user)
        except PermissionDenied as denied:
            messages.error(request, str(denied))
        else:
            messages.success(request, "Marked as reviewed.")
        return redirect("inquiry_audit")
    return _page(
        request,
        "audit.html",
        {
            "events": events[:500],
            "to_review": BreakGlass.objects.filter(reviewed_at__isnull=True).select_related(
                "user", "inquiry__direction"
            ),
        },
        title="Audit trail",
    )


@_guarded
def statistics(request):
    return _page(
        request,
        "statistics.html",
        {"stats": services.inquiry_statistics()},
        title="Inquiry statistics",
    )
