"""The clerks' screens in the Wagtail admin: the submitted versions, one version, its
download, and the check of a copy against them; and, for the commissioner, recording that a
House has had a version laid before it. Nothing here changes a submission."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from reports import rules, selectors, services
from reports.forms import LayingForm, VerifyForm
from reports.models import Submission

TEMPLATES = "reports/admin/"
# Room for the multipart envelope around the largest file that can be checked.
_ENVELOPE = 64 * 1024


def _page(request, template, context, status=200, title=""):
    context.setdefault("page_title", title)
    context.setdefault("header_icon", "doc-full")
    return TemplateResponse(request, TEMPLATES + template, context, status=status)


def _readers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not rules.submissions_view_allowed(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@_readers_only
def submission_index(request):
    return _page(
        request,
        "index.html",
        {"submissions": selectors.submissions_listed()},
        title="Submitted reports",
    )


def _detail(request, submission, *, laying_form=None, status=200):
    context = {"submission": submission}
    if rules.lay_allowed(request.user):
        context["laying_form"] = laying_form or LayingForm()
    return _page(request, "detail.html", context, status=status, title=str(submission))


def _submission(pk):
    return get_object_or_404(
        Submission.objects.select_related("signed_off_by").prefetch_related("layings"), pk=pk
    )


@require_GET
@_readers_only
def submission_detail(request, pk):
    return _detail(request, _submission(pk))


@require_http_methods(["POST"])
def submission_lay(request, pk):
    if not rules.lay_allowed(request.user):
        raise PermissionDenied
    submission = _submission(pk)
    form = LayingForm(request.POST)
    if form.is_valid():
        try:
            laying = services.submission_lay(
                submission=submission, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Recorded: {laying}.")
            return redirect("reports_submission_detail", submission.pk)
    return _detail(request, submission, laying_form=form, status=400)


@require_GET
@_readers_only
def submission_download(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    response = HttpResponse(submission.content(), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{submission.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
@_readers_only
def submission_verify(request):
    """Refuse an upload far over the limit from its declared length, before the body is read
    (CSRF is then checked on what is left, as `csrf_protect` below does)."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if (
        request.method == "POST"
        and declared.isdigit()
        and int(declared) > rules.VERIFY_MAX_BYTES + _ENVELOPE
    ):
        form = VerifyForm()
        error = "The file is larger than the largest that can be checked (20 MB)."
        return _page(request, "verify.html", {"form": form, "error": error}, status=413)
    return _verify(request)


@csrf_protect
def _verify(request):
    title = "Check a copy"
    if request.method != "POST":
        return _page(request, "verify.html", {"form": VerifyForm()}, title=title)
    form = VerifyForm(request.POST, request.FILES)
    if not form.is_valid():
        status = 413 if form.too_large else 400
        return _page(request, "verify.html", {"form": form}, status=status, title=title)
    upload = form.cleaned_data["file"]
    digest, match = selectors.submission_matching(chunks=upload.chunks())
    return _page(
        request,
        "verify.html",
        {"form": VerifyForm(), "checked": upload.name, "digest": digest, "match": match},
        title=title,
    )
