"""The inquiry's own screens in the Wagtail admin: custom workflows rather than a viewset
(ADR 0011 says why). Every screen asks the Inquiry permission policy and the selectors first;
every read of the child's record and the report, every download and every refusal to open an
inquiry goes into the audit trail through the services. A page shown again straight after the
person's own successful change on it is part of the same view of the record, and is not
recorded as another read."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from commissioner import forms, rules, selectors
from commissioner.models import Deadline, Evidence, InformationRequest, Inquiry, Report
from commissioner.permissions import inquiry_permission_policy as policy
from commissioner.services import agencies, child, deadlines, directions, documents, report, team

TEMPLATES = "commissioner/admin/"

# What a refused person was trying to reach, as the audit trail names it.
SCREENS = {
    "inquiry_detail": "the inquiry",
    "inquiry_child": "the child's record",
    "inquiry_report": "the report",
    "inquiry_letter": "the direction letter",
    "inquiry_evidence": "a piece of evidence",
    "inquiry_team": "the team",
    "inquiry_break_glass": "break glass",
    "inquiry_act": "a change to the inquiry",
    "inquiry_act_item": "a change to the inquiry",
}
# The screen and inquiry this session last read (and audited), and the one it has just
# changed successfully; see `_shown_again`.
_VIEWING, _CHANGED = "casework_viewing", "casework_changed"


def _page(request, template, context, status=200, title=""):
    context.setdefault("page_title", title)
    context.setdefault("header_icon", "folder-open-inverse")
    return TemplateResponse(request, TEMPLATES + template, context, status=status)


def _refused(request, pk) -> None:
    name = request.resolver_match.url_name if request.resolver_match else ""
    child.inquiry_open_refused(inquiry_id=pk, user=request.user, screen=SCREENS.get(name, name))


def _listable(request, pk) -> Inquiry:
    inquiry = selectors.inquiries_listable(user=request.user).filter(pk=pk).first()
    if inquiry is None:
        _refused(request, pk)
        # The same answer whether it does not exist or is not yours: deny by default.
        raise Http404("No such inquiry")
    return inquiry


def _openable(request, pk) -> Inquiry:
    inquiry = _listable(request, pk)
    if not selectors.can_open(user=request.user, inquiry=inquiry):
        _refused(request, pk)
        if selectors.can_break_glass(user=request.user, inquiry=inquiry):
            raise _BreakGlassNeeded(inquiry)
        raise PermissionDenied
    return inquiry


def _shown_again(request, inquiry) -> bool:
    """Whether this page is shown again straight after the person's own successful change on
    it, within the view of the record already audited; if not, it is a new view."""
    key = f"{request.resolver_match.url_name}:{inquiry.pk}"
    again = request.session.pop(_CHANGED, None) == key == request.session.get(_VIEWING)
    request.session[_VIEWING] = key
    return again


def _saved(request, url_name: str, inquiry) -> HttpResponse:
    """Redirect after a successful change, so the page that follows is `_shown_again`."""
    request.session[_CHANGED] = f"{url_name}:{inquiry.pk}"
    return redirect(url_name, inquiry.pk)


class _BreakGlassNeeded(Exception):
    def __init__(self, inquiry):
        self.inquiry = inquiry


def _guarded(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not policy.user_has_permission(request.user, "view"):
            if "pk" in kwargs:
                _refused(request, kwargs["pk"])
            raise PermissionDenied
        try:
            return view(request, *args, **kwargs)
        except _BreakGlassNeeded as needed:
            return redirect("inquiry_break_glass", needed.inquiry.pk)

    return wrapped


def _oversees(request) -> bool:
    return policy.user_has_permission(request.user, "oversee")


@_guarded
def inquiry_index(request):
    inquiries = selectors.inquiries_listable(user=request.user).select_related("direction")
    query = request.GET.get("q", "").strip()
    if query:
        # Search sees only what the listing may show.
        inquiries = inquiries.filter(direction__reference__icontains=query)
    openable = set(selectors.inquiries_openable(user=request.user).values_list("pk", flat=True))
    rows = [(inquiry, inquiry.pk in openable) for inquiry in inquiries]
    return _page(
        request,
        "index.html",
        {"rows": rows, "query": query, "can_oversee": _oversees(request)},
        title="Inquiries",
    )


@_guarded
def direction_record(request):
    if not policy.user_has_permission(request.user, "add"):
        raise PermissionDenied
    form = forms.DirectionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = directions.direction_record(
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
    context = {
        "inquiry": inquiry,
        "direction": inquiry.direction,
        "moves": inquiry.moves.select_related("by"),
        "team": inquiry.team.all(),
        "agencies": inquiry.agencies.all(),
        "requests": InformationRequest.objects.filter(agency__inquiry=inquiry).select_related(
            "agency"
        ),
        "meetings": inquiry.meetings.all(),
        "evidence": inquiry.evidence.all(),
        "deadlines": inquiry.deadlines.all(),
        "today": timezone.localdate(),
        "evidence_open": bool(rules.evidence_add_allowed(inquiry.state)),
        "changeable": bool(rules.record_change_allowed(inquiry.state)),
        "move_form": forms.MoveForm(allowed=rules.moves_from(inquiry.state)),
        "evidence_form": forms.EvidenceForm(),
        "agency_form": forms.AgencyForm(),
        "request_form": forms.RequestForm(inquiry=inquiry),
        "meeting_form": forms.MeetingForm(),
        "deadline_form": forms.DeadlineForm(),
        "can_oversee": _oversees(request),
    }
    context.update(extra)
    return context


@_guarded
def inquiry_detail(request, pk):
    inquiry = _openable(request, pk)
    child.inquiry_open(
        inquiry=inquiry, user=request.user, shown_again=_shown_again(request, inquiry)
    )
    return _page(request, "detail.html", _detail_context(request, inquiry), title=str(inquiry))


def _act(request, inquiry, action, item):
    """Do one of the small forms' actions; returns the bound form, if the action has one."""
    post, user = request.POST, request.user
    if action == "move":
        form = forms.MoveForm(post, allowed=rules.moves_from(inquiry.state))
        if form.is_valid():
            directions.inquiry_move(inquiry=inquiry, by=user, **form.cleaned_data)
        return form
    if action == "evidence":
        form = forms.EvidenceForm(post, request.FILES)
        if form.is_valid():
            documents.evidence_add(inquiry=inquiry, by=user, **form.cleaned_data)
        return form
    if action == "agency":
        form = forms.AgencyForm(post)
        if form.is_valid():
            agencies.agency_add(inquiry=inquiry, by=user, **form.cleaned_data)
        return form
    if action == "request":
        form = forms.RequestForm(post, inquiry=inquiry)
        if form.is_valid():
            agencies.request_send(by=user, **form.cleaned_data)
        return form
    if action == "remind":
        info = get_object_or_404(InformationRequest, pk=item, agency__inquiry=inquiry)
        agencies.request_remind(request=info, by=user)
        return None
    if action == "reply":
        info = get_object_or_404(InformationRequest, pk=item, agency__inquiry=inquiry)
        form = forms.ReplyForm(post)
        if form.is_valid():
            agencies.request_reply(request=info, by=user, **form.cleaned_data)
        return form
    if action == "meeting":
        form = forms.MeetingForm(post)
        if form.is_valid():
            agencies.meeting_record(inquiry=inquiry, by=user, **form.cleaned_data)
        return form
    if action == "deadline":
        form = forms.DeadlineForm(post)
        if form.is_valid():
            deadlines.deadline_set(inquiry=inquiry, by=user, **form.cleaned_data)
        return form
    if action in ("pause", "resume"):
        deadline = get_object_or_404(Deadline, pk=item, inquiry=inquiry)
        if action == "resume":
            deadlines.deadline_resume(deadline=deadline, by=user)
            return None
        form = forms.PauseForm(post)
        if form.is_valid():
            deadlines.deadline_pause(deadline=deadline, by=user, **form.cleaned_data)
        return form
    raise Http404("No such action")


@_guarded
def inquiry_act(request, pk, action, item=None):
    """The small forms on the inquiry's page post here; a refusal shows the page again."""
    if request.method != "POST":
        return redirect("inquiry_detail", pk)
    inquiry = _openable(request, pk)
    try:
        form = _act(request, inquiry, action, item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        context = _detail_context(request, inquiry, error=" ".join(error.messages))
        return _page(request, "detail.html", context, status=400, title=str(inquiry))
    if form is not None and not form.is_valid():
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        context = _detail_context(request, inquiry, error=problems)
        return _page(request, "detail.html", context, status=400, title=str(inquiry))
    messages.success(request, "Saved.")
    return _saved(request, "inquiry_detail", inquiry)


@_guarded
def child_record(request, pk):
    inquiry = _openable(request, pk)
    changeable = rules.record_change_allowed(inquiry.state)
    form = forms.ChildForm(request.POST or None, instance=inquiry.child, read_only=not changeable)
    error = ""
    if request.method == "POST":
        if form.is_valid():
            # Only what was changed is named in the audit trail, as a change, not a read.
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            try:
                child.child_update(inquiry=inquiry, changes=changes, by=request.user)
            except ValidationError as failure:
                error = " ".join(failure.messages)
            else:
                messages.success(request, "The child's record is saved.")
                return _saved(request, "inquiry_child", inquiry)
    else:
        child.child_read(
            inquiry=inquiry, user=request.user, shown_again=_shown_again(request, inquiry)
        )
    return _page(
        request,
        "child.html",
        {"inquiry": inquiry, "form": form, "changeable": changeable, "error": error},
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
        handle = documents.document_open(inquiry=inquiry, user=request.user, evidence=item)
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


def _report_post(request, inquiry, which, report_form, recommendation_form) -> None:
    if which == "report" and report_form.is_valid():
        report.report_save(inquiry=inquiry, by=request.user, **report_form.cleaned_data)
    elif which == "recommendation" and recommendation_form.is_valid():
        report.recommendation_add(
            inquiry=inquiry, by=request.user, **recommendation_form.cleaned_data
        )
    elif which == "send":
        report.report_send(inquiry=inquiry, by=request.user)
    elif which == "response":
        recommendation = get_object_or_404(
            inquiry.recommendations, pk=request.POST.get("recommendation")
        )
        report.recommendation_response_record(
            recommendation=recommendation,
            summary=request.POST.get("summary", ""),
            by=request.user,
        )
    else:
        raise ValidationError("Check the form.")


@_guarded
def report_edit(request, pk):
    inquiry = _openable(request, pk)
    draft = Report.objects.filter(inquiry=inquiry).first()
    which = request.POST.get("form", "")
    initial = {}
    if draft:
        initial = {
            "draft": draft.draft,
            "may_identify_child": draft.may_identify_child,
            "identity_reasons": draft.identity_reasons,
            "publication_text": draft.publication_text,
        }
    report_form = forms.ReportForm(request.POST if which == "report" else None, initial=initial)
    recommendation_form = forms.RecommendationForm(
        request.POST if which == "recommendation" else None
    )
    error = ""
    if request.method == "POST":
        try:
            _report_post(request, inquiry, which, report_form, recommendation_form)
        except ValidationError as failure:
            error = " ".join(failure.messages)
        else:
            messages.success(request, "Saved.")
            return _saved(request, "inquiry_report", inquiry)
    else:
        child.report_read(
            inquiry=inquiry, user=request.user, shown_again=_shown_again(request, inquiry)
        )
    return _page(
        request,
        "report.html",
        {
            "inquiry": inquiry,
            "report": draft,
            "sealed": getattr(inquiry, "sealed_report", None),
            "report_form": report_form,
            "recommendation_form": recommendation_form,
            "recommendations": inquiry.recommendations.all(),
            "can_send": inquiry.state == rules.REPORT_SENT_FROM,
            "changeable": bool(rules.record_change_allowed(inquiry.state)),
            "error": error,
        },
        status=400 if error else 200,
        title="Report to the Secretary of State",
    )


@_guarded
def break_glass(request, pk):
    inquiry = _listable(request, pk)
    if not selectors.can_break_glass(user=request.user, inquiry=inquiry):
        raise PermissionDenied
    form = forms.BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team.break_glass(inquiry=inquiry, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            return redirect("inquiry_detail", inquiry.pk)
    return _page(
        request,
        "break_glass.html",
        {"inquiry": inquiry, "form": form, "hours": rules.BREAK_GLASS_HOURS},
        status=400 if request.method == "POST" else 200,
        title="Break glass",
    )


@_guarded
def team_edit(request, pk):
    if not _oversees(request):
        raise PermissionDenied
    inquiry = _listable(request, pk)
    form = forms.TeamForm(request.POST or None, initial={"members": inquiry.team.all()})
    if request.method == "POST" and form.is_valid():
        try:
            team.team_set(
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
def statistics(request):
    return _page(
        request,
        "statistics.html",
        {"stats": selectors.inquiry_statistics()},
        title="Inquiry statistics",
    )
