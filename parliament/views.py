"""The parliament on the public site. Routes of `ParliamentPage` call these; each takes the
page as well as the request, so links and templates stay under the page's own address. This
module never imports the page's module: the page imports it.

Pages show what is stored. A division is counted by its task (`parliament.tasks`), never
while a page is shown; a closed division that is not counted yet shows as being counted.

Anyone may read what is public; members log in here (not in the Wagtail admin) to propose,
second, amend, comment, report and vote.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import patch_cache_control

from core.limits import attempt_over_limit
from core.requests import client_ip
from core.usernames import username_normalise
from parliament import forms, rules, selectors, services
from parliament.choices import CONSTITUENCIES
from parliament.models.records import Comment


def _url(page, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)


def _render(request, page, template: str, context: dict, status: int = 200) -> HttpResponse:
    member = selectors.member_for(request.user)
    response = TemplateResponse(
        request,
        f"parliament/{template}",
        {"page": page, "self": page, "member": member, **context},
        status=status,
    )
    if member is not None:
        # Pages for a logged-in member say how they voted: never kept by a shared cache.
        patch_cache_control(response, private=True, no_cache=True)
    return response


def member_required(view):
    """Only a member who may take part; anyone else is sent to log in, or told why not."""

    @wraps(view)
    def wrapped(request, page, *args, **kwargs):
        member = selectors.member_for(request.user)
        if member is None:
            return redirect(f"{_url(page, 'login')}?next={request.path}")
        decision = rules.member_can_take_part(member, timezone.localdate())
        if not decision:
            return _render(
                request, page, "not_allowed.html", {"reason": decision.reason}, status=403
            )
        request.member = member
        return view(request, page, *args, **kwargs)

    return wrapped


def _post_only(request) -> HttpResponse | None:
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    return None


# --- Reading --------------------------------------------------------------------------------


def home(request: HttpRequest, page) -> HttpResponse:
    return _render(
        request,
        page,
        "parliament_page.html",
        {
            "upcoming": selectors.sittings_upcoming()[:3],
            "voting": selectors.divisions_open(),
            "counting": selectors.divisions_being_counted(),
            "results": selectors.divisions_counted()[:5],
        },
    )


def sittings(request, page) -> HttpResponse:
    return _render(
        request,
        page,
        "sittings.html",
        {"upcoming": selectors.sittings_upcoming(), "past": selectors.sittings_past()},
    )


def sitting_detail(request, page, pk: int) -> HttpResponse:
    sitting = selectors.sitting_get(pk=pk)
    if sitting is None:
        raise Http404("No such sitting")
    agenda = selectors.sitting_agenda(sitting=sitting)
    return _render(request, page, "sitting.html", {"sitting": sitting, "agenda": agenda})


def motions(request, page) -> HttpResponse:
    member = selectors.member_for(request.user)
    return _render(
        request,
        page,
        "motions.html",
        {
            "motions": selectors.motions_public().order_by("-proposed_at"),
            "waiting": selectors.motions_waiting_for_seconder() if member else [],
            "mine": selectors.motions_own_unpublished(member=member) if member else [],
        },
    )


def _motion_context(request, page, motion, member) -> dict:
    def can_second(proposal) -> bool:
        return member is not None and bool(rules.proposal_can_second(member, proposal))

    amendments = [
        # The division is None until a vote is set.
        (amendment, getattr(amendment, "division", None), can_second(amendment))
        for amendment in selectors.amendments_visible(motion=motion, member=member)
    ]
    motion_division = motion.divisions.first()
    divisions = [d for _, d, _ in amendments if d] + [motion_division]
    own_votes = {}
    if member is not None:
        own_votes = selectors.votes_of(member=member, divisions=divisions)
    can_amend = rules.amendment_can_propose(
        motion_status=motion.status, vote_set=motion_division is not None
    )
    return {
        "motion": motion,
        "amendments": amendments,
        "can_second": can_second(motion),
        "division": motion_division,
        "own_votes": own_votes,
        "comments": selectors.comments_visible(motion=motion, member=member),
        "constituencies": CONSTITUENCIES,
        "comment_form": forms.CommentForm(),
        "vote_form": forms.VoteForm(),
        "can_amend": member is not None and bool(can_amend),
    }


def motion_detail(request, page, pk: int, *, extra: dict | None = None, status=200):
    member = selectors.member_for(request.user)
    motion = selectors.motion_for_member_or_public(pk=pk, member=member)
    if motion is None:
        raise Http404("No such motion")
    context = _motion_context(request, page, motion, member)
    context.update(extra or {})
    return _render(request, page, "motion.html", context, status=status)


def members(request, page) -> HttpResponse:
    by_region = {value: [] for value, _ in CONSTITUENCIES}
    for member in selectors.members_current():
        by_region[member.region].append(member.display_name)
    regions = [(label, by_region[value]) for value, label in CONSTITUENCIES]
    return _render(request, page, "members.html", {"regions": regions})


# --- Logging in and out ------------------------------------------------------------------------


LOGIN_TEXT = {"heading": "Members: log in", "button": "Log in"}


def login_view(request, page) -> HttpResponse:
    if request.method == "POST":
        # Counted in the shared cache, under the username as the form will look it up, so
        # neither another process nor a look-alike spelling starts the count again.
        username = username_normalise(request.POST.get("username", "")[:150])[:150]
        if attempt_over_limit(
            scope="parliament-login",
            key=f"{client_ip(request)}:{username}",
            rate=settings.MEMBER_LOGIN_RATE_LIMIT,
        ):
            return _render(
                request,
                page,
                "login.html",
                {
                    **LOGIN_TEXT,
                    "form": forms.MemberLoginForm(request),
                    "notice": "Too many tries. Please wait 15 minutes, or ask the parliament "
                    "team to reset your login.",
                },
                status=429,
            )
        form = forms.MemberLoginForm(request, data=request.POST)
        if form.is_valid():
            login(request, form.get_user())
            next_url = request.POST.get("next", "")
            if not next_url.startswith(page.url):
                next_url = page.url
            return redirect(next_url)
        context = {**LOGIN_TEXT, "form": form, "next": request.POST.get("next", "")}
        return _render(request, page, "login.html", context, status=400)
    form = forms.MemberLoginForm(request)
    context = {**LOGIN_TEXT, "form": form, "next": request.GET.get("next", "")}
    return _render(request, page, "login.html", context)


@member_required
def password_change(request, page) -> HttpResponse:
    """A member swaps the password staff gave them for one of their own."""
    form = forms.MemberPasswordForm(request.member.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)  # stay logged in here, signed out elsewhere
        messages.success(request, "Your password has been changed.")
        return redirect(page.url)
    return _render(
        request,
        page,
        "form_page.html",
        {"form": form, "heading": "Change your password", "button": "Change my password"},
        status=400 if request.method == "POST" else 200,
    )


def logout_view(request, page) -> HttpResponse:
    if request.method != "POST":
        # A link must not log anyone out; say plainly that this did not.
        response = _render(request, page, "logout.html", {}, status=405)
        response["Allow"] = "POST"
        return response
    logout(request)
    return redirect(page.url)


# --- Taking part ----------------------------------------------------------------------------------


@member_required
def motion_propose(request, page) -> HttpResponse:
    form = forms.MotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            motion = services.motion_propose(member=request.member, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your motion is saved. It needs another member to second it.")
            return redirect(_url(page, "motion", motion.pk))
    status = 400 if request.method == "POST" else 200
    return _render(
        request,
        page,
        "motion_form.html",
        {"form": form, "heading": "Propose a motion", "button": "Save my motion"},
        status=status,
    )


def _question(kind: str, pk: int, member):
    if kind == "motion":
        return selectors.motion_for_member_or_public(pk=pk, member=member)
    return selectors.amendment_for_member_or_public(pk=pk, member=member)


@member_required
def proposal_second(request, page, kind: str, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    question = _question(kind, pk, request.member)
    if question is None:
        raise Http404("Nothing to second here")
    motion_pk = question.pk if kind == "motion" else question.motion_id
    try:
        services.proposal_second(member=request.member, proposal=question)
    except ValidationError as error:
        return motion_detail(
            request, page, motion_pk, extra={"error": error.messages[0]}, status=400
        )
    messages.success(request, "Thank you for seconding. A moderator will look at it next.")
    return redirect(_url(page, "motion", motion_pk))


@member_required
def amendment_propose(request, page, pk: int) -> HttpResponse:
    motion = selectors.motion_for_member_or_public(pk=pk, member=request.member)
    if motion is None:
        raise Http404("No such motion")
    form = forms.AmendmentForm(request.POST or None, initial={"text": motion.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_propose(
                member=request.member, motion=motion, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your amendment is saved. It needs a seconder.")
            return redirect(_url(page, "motion", motion.pk))
    status = 400 if request.method == "POST" else 200
    return _render(
        request,
        page,
        "amendment_form.html",
        {
            "form": form,
            "motion": motion,
            "heading": "Propose an amendment",
            "button": "Save my amendment",
        },
        status=status,
    )


@member_required
def comment_post(request, page, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    motion = selectors.motion_for_member_or_public(pk=pk, member=request.member)
    if motion is None:
        raise Http404("No such motion")
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            result = services.comment_post(
                member=request.member, motion=motion, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if result.sure:
                # Stronger help only when the screen is fairly sure, as for consultation
                # answers; any flagged comment still waits for a person before it appears.
                return _render(
                    request,
                    page,
                    "comment_flagged.html",
                    {"motion": motion, "helplines_shown": True},
                )
            if result.comment.status == Comment.Status.PUBLISHED:
                messages.success(request, "Your comment is in the debate.")
            else:
                messages.success(request, "Thank you. A moderator will read your comment first.")
            return redirect(_url(page, "motion", motion.pk) + "#debate")
    return motion_detail(request, page, motion.pk, extra={"comment_form": form}, status=400)


@member_required
def comment_report(request, page, pk: int) -> HttpResponse:
    comment = selectors.comment_published(pk=pk)
    if comment is None:
        raise Http404("No such comment")
    form = forms.ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_report(
            member=request.member, comment=comment, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "Thank you. A moderator will look at that comment.")
        return redirect(_url(page, "motion", comment.motion_id) + "#debate")
    status = 400 if request.method == "POST" else 200
    return _render(
        request,
        page,
        "report_form.html",
        {"form": form, "comment": comment, "heading": "Report a comment", "button": "Send report"},
        status=status,
    )


@member_required
def vote(request, page, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    division = selectors.division_get(pk=pk)
    if division is None:
        raise Http404("No such vote")
    motion_pk = division.motion_id or division.amendment.motion_id
    form = forms.VoteForm(request.POST)
    if not form.is_valid():
        return motion_detail(
            request,
            page,
            motion_pk,
            extra={"vote_form": form, "vote_division": division.pk},
            status=400,
        )
    try:
        result = services.vote_cast(
            member=request.member, division=division, choice=form.cleaned_data["choice"]
        )
    except ValidationError as error:
        return motion_detail(
            request, page, motion_pk, extra={"error": error.messages[0]}, status=403
        )
    messages.success(
        request,
        "Your vote has been changed." if result.changed else "Your vote has been recorded.",
    )
    return redirect(_url(page, "motion", motion_pk) + "#vote")
