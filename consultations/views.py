"""The public consultation journey: read, answer, be thanked.

Everything that can go wrong with a submission gets a plain-words page and a 4xx status, and
nothing is stored unless the whole response is.
"""

import uuid
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import patch_cache_control
from wagtail.models import Page

from cms.page_cache import Cacheable
from consultations import forms as answer_forms
from consultations.rules import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    TEXT_KINDS,
    QuestionKind,
    submission_allowed,
)
from consultations.services import response_receive, words_screen
from consultations.tokens import token_issue, token_read
from core.limits import attempt_over_limit
from core.requests import client_ip

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def _page_context(request: HttpRequest, page: Page, **extra) -> dict:
    context = page.get_context(request)
    context.update(extra)
    return context


def _render_page(
    request, page, *, form=None, status=200, notice="", concern=None, token=""
) -> HttpResponse:
    # The page as every visitor first sees it is made once per version of the site's
    # content; only the token is made for each visit (cms/page_cache.py).
    first_sight = form is None and status == 200 and not notice and not concern
    if form is None and page.is_open:
        form = page.get_form(page=page, user=request.user)
    # A form sent back to be corrected keeps its token: the same key (so finishing it
    # completes what was kept) and the same start time (for the closing-time grace).
    if form is None:
        token = ""
    elif first_sight:
        token = _TOKEN_SLOT
    else:
        token = token or token_issue(consultation_id=page.pk)
    # Help stays on screen for a young person whose words may disclose harm, also when the
    # form must be sent again: the concern is found before anything else is checked.
    help_now = bool(concern and concern.sure)
    response = TemplateResponse(
        request,
        page.get_template(request),
        _page_context(
            request,
            page,
            form=form,
            submission_token=token,
            notice=notice,
            concern=help_now,
            helplines_shown=help_now,
        ),
        status=status,
    )
    # The page carries a one-off token, so shared caches must not hand it to someone else.
    patch_cache_control(response, private=True, no_cache=True)
    if first_sight:
        response.cacheable = Cacheable(
            fill=_token_filler(page.pk) if form is not None else _as_is,
            changes_at=page.next_change_at(),
        )
    return response


# What stands for the submission token in a page made once for every visitor: unique to this
# process, so no text an editor types can be taken for it.
_TOKEN_SLOT = f"token-slot-{uuid.uuid4().hex}"


def _token_filler(consultation_id: int):
    slot = _TOKEN_SLOT.encode("ascii")

    def fill(body: bytes) -> bytes:
        return body.replace(slot, token_issue(consultation_id=consultation_id).encode("ascii"))

    return fill


def _as_is(body: bytes) -> bytes:
    return body


def _refuse(request, page, *, status: int, title: str, message: str) -> HttpResponse:
    return TemplateResponse(
        request,
        "consultations/refused.html",
        _page_context(request, page, title=title, message=message),
        status=status,
    )


def refuse_other_site(request: HttpRequest, page: Page) -> HttpResponse:
    return _refuse(
        request,
        page,
        status=403,
        title="We could not accept these answers",
        message=(
            "These answers were sent from another website, so we have not kept them. "
            "To have your say, answer the questions on this page."
        ),
    )


def consultation_page(request: HttpRequest, page: Page) -> HttpResponse:
    if request.method == "POST":
        return submission(request, page)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return _render_page(request, page)


def _decode_body(request: HttpRequest) -> list[tuple[str, str]] | None:
    """The posted pairs, or None if the body is not valid UTF-8 form data.

    Django quietly replaces bad bytes with U+FFFD; we would rather tell the sender than
    store mangled words.
    """
    if request.content_type == MULTIPART:
        pairs = [(k, v) for k, values in request.POST.lists() for v in values]
        return None if any("\ufffd" in k + v for k, v in pairs) else pairs
    try:
        body = request.body.decode("ascii")
        return parse_qsl(body, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None


def submission(request: HttpRequest, page: Page, page_url: str = "") -> HttpResponse:
    """Check and store a posted response: the page's own POST and /answer/<id>/ both end here."""
    if attempt_over_limit(
        scope="consultation-submit",
        key=client_ip(request),
        rate=settings.SUBMISSION_RATE_LIMIT,
    ):
        return _refuse(
            request,
            page,
            status=429,
            title="Too many answers from your connection",
            message=(
                "We have had a lot of answers from your internet connection in a short time, "
                "so we have paused taking more. Please wait a few minutes and try again."
            ),
        )

    if request.content_type not in (URLENCODED, MULTIPART) or request.FILES:
        return _refuse(
            request,
            page,
            status=415,
            title="We could not read your answers",
            message="Your answers were not sent as a web form. Please use the form on this page.",
        )

    pairs = _decode_body(request)
    if pairs is None:
        return _refuse(
            request,
            page,
            status=400,
            title="We could not read your answers",
            message=(
                "Some of the text could not be read. Please go back, check your answers "
                "and send them again."
            ),
        )

    token = token_read(request.POST.get(answer_forms.TOKEN_FIELD, ""), consultation_id=page.pk)
    decision = submission_allowed(
        opens_at=page.opens_at,
        closes_at=page.closes_at,
        now=timezone.now(),
        form_issued_at=token.issued_at if token else None,
    )
    if not decision.allowed:
        return _refuse(
            request, page, status=403, title="Answers are not open", message=decision.reason
        )

    if request.POST.get(answer_forms.HONEYPOT_FIELD, ""):
        return _refuse(
            request,
            page,
            status=400,
            title="We could not accept these answers",
            message="The form was filled in in a way we do not accept. Please try again.",
        )

    form = page.get_form(request.POST, page=page, user=request.user)
    problem = _unexpected_fields(pairs, form)
    if problem:
        return _refuse(
            request, page, status=400, title="We could not accept these answers", message=problem
        )

    if not form.is_valid():
        questions = list(page.get_form_fields())
        concern = words_screen(answers=form.data, questions=questions)
        if concern:
            # The form is not finished, but the words may disclose harm: keep them, so a
            # person reads them even if the young person gives up now.
            response_receive(
                consultation=page,
                answers=_unfinished_answers(form, questions),
                questions=questions,
                idempotency_key=token.key if token else uuid.uuid4().hex,
                complete=False,
                concern=concern,
            )
        return _render_page(
            request,
            page,
            form=form,
            status=400,
            concern=concern,
            token=request.POST.get(answer_forms.TOKEN_FIELD, "") if token else "",
        )

    if token is None:
        # The answers are fine but the token is missing or altered (a very old page, say).
        # Show the answers again with a fresh token rather than lose them.
        return _render_page(
            request,
            page,
            form=form,
            status=400,
            notice="Please check your answers and press Send again.",
        )

    data = form.cleaned_data
    received = response_receive(
        consultation=page,
        answers={name: data.get(name) for name in form.question_kinds},
        questions=list(page.get_form_fields()),
        age_band=data.get(answer_forms.AGE_BAND_FIELD, ""),
        region=data.get(answer_forms.REGION_FIELD, ""),
        consent_to_quote=bool(data.get(answer_forms.CONSENT_FIELD)),
        idempotency_key=token.key,
    )
    if received.concern and received.concern.sure:
        # Shown straight away rather than after a redirect, so no address in the browser's
        # history hints at what was written. Sending it again stores nothing more.
        return thank_you_page(request, page, concern=True)
    # 303 See Other: refreshing the thank-you page never sends the answers again.
    thanks = redirect((page_url or page.get_url(request)) + page.reverse_subpage("thank_you"))
    thanks.status_code = 303
    return thanks


def _unfinished_answers(form, questions) -> dict[str, object]:
    """What can be kept of a form that is not valid: every answer that passed its checks, and
    the words typed into text questions, cut to the longest answer taken."""
    kept = {}
    for question in questions:
        name = question.clean_name
        if name in form.cleaned_data:
            kept[name] = form.cleaned_data[name]
        elif question.field_type in TEXT_KINDS:
            limit = (
                LONG_TEXT_MAX if question.field_type == QuestionKind.LONG_TEXT else SHORT_TEXT_MAX
            )
            kept[name] = str(form.data.get(name, ""))[:limit]
    return kept


def _unexpected_fields(pairs: list[tuple[str, str]], form) -> str:
    expected = form.expected_fields
    multi = form.multi_value_fields
    seen: set[str] = set()
    for name, _value in pairs:
        if name not in expected:
            return "The form had a field we do not know. Please use the form on this page."
        if name in seen and name not in multi:
            return "The form had the same answer twice. Please use the form on this page."
        seen.add(name)
    return ""


def thank_you_page(request: HttpRequest, page: Page, concern: bool = False) -> HttpResponse:
    response = TemplateResponse(
        request,
        "consultations/thank_you.html",
        _page_context(request, page, concern=concern, helplines_shown=True),
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
