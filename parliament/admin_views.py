"""Staff screens in the Wagtail admin that are actions rather than plain editing: managing a
member's access, moderating motions, amendments and comments, and setting votes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from parliament import rules, services
from parliament.models.records import Amendment, Comment, Member, Motion, Sitting


class MemberCreateForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["display_name", "region", "term_starts", "term_ends", "date_of_birth"]

    def clean(self):
        data = super().clean()
        dob, starts = data.get("date_of_birth"), data.get("term_starts")
        if dob and starts:
            decision = rules.member_age_allowed(date_of_birth=dob, term_starts=starts)
            if not decision:
                self.add_error("date_of_birth", decision.reason)
        ends = data.get("term_ends")
        if starts and ends:
            decision = rules.member_term_allowed(term_starts=starts, term_ends=ends)
            if not decision:
                self.add_error("term_ends", decision.reason)
        return data


class MemberActionForm(forms.Form):
    ACTIONS = [
        ("consent", "Record a parent or carer's consent"),
        ("suspend", "Suspend"),
        ("reinstate", "Lift a suspension"),
        ("reset", "Reset access (a new password; signs the member out everywhere)"),
    ]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.RadioSelect)
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For consent, how it was given; for a suspension, why.",
    )


def _admin_page(request, template, context, status=200):
    return TemplateResponse(request, f"parliament/admin/{template}", context, status=status)


def member_create(request):
    if not rules.user_can_add_members(request.user):
        raise PermissionDenied
    form = MemberCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = services.member_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Shown once, on this page, and never stored in clear.
            return _admin_page(
                request,
                "member_access.html",
                {"access": access, "page_title": "Member added", "header_icon": "user"},
            )
    return _admin_page(
        request,
        "member_form.html",
        {"form": form, "page_title": "Add a member", "header_icon": "user"},
        status=400 if request.method == "POST" else 200,
    )


def member_manage(request, pk: int):
    if not rules.user_can_manage_members(request.user):
        raise PermissionDenied
    member = get_object_or_404(Member, pk=pk)
    form = MemberActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action, note = form.cleaned_data["action"], form.cleaned_data["note"]
        try:
            if action == "consent":
                services.member_consent_record(member=member, note=note, by=request.user)
            elif action == "suspend":
                services.member_suspend(member=member, reason=note, by=request.user)
            elif action == "reinstate":
                services.member_reinstate(member=member, by=request.user)
            else:
                access = services.member_access_reset(member=member, by=request.user)
                return _admin_page(
                    request,
                    "member_access.html",
                    {"access": access, "page_title": "Access reset", "header_icon": "user"},
                )
        except ValidationError as error:
            form.add_error("note", error)
        else:
            messages.success(request, f"Saved for {member.display_name}.")
            return redirect("parliament_members:index")
    return _admin_page(
        request,
        "member_manage.html",
        {
            "member": member,
            "form": form,
            "page_title": f"Manage {member.display_name}",
            "header_icon": "user",
        },
        status=400 if request.method == "POST" else 200,
    )


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Do not approve")], widget=forms.RadioSelect
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you do not approve: the member is told why.",
    )


class ScheduleForm(forms.Form):
    sitting = forms.ModelChoiceField(queryset=Sitting.objects.all(), required=False)
    agenda_order = forms.IntegerField(min_value=0, initial=0)


class DivisionForm(forms.Form):
    question = forms.ChoiceField(label="Vote on")
    opens_at = forms.DateTimeField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    closes_at = forms.DateTimeField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, motion: Motion, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (f"amendment-{a.pk}", f"Amendment by {a.proposer}")
            for a in motion.amendments.select_related("proposer")
            if rules.question_can_be_voted_on(a.status)
        ]
        if rules.question_can_be_voted_on(motion.status):
            choices.append((f"motion-{motion.pk}", "The motion"))
        self.fields["question"].choices = choices


class NextStepsForm(forms.Form):
    text = forms.CharField(
        label="What happened next",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown on the motion's public page, in words a young person understands.",
    )


def motion_moderate(request, pk: int):
    """One screen for a motion: approve it and its amendments, put it on an agenda, set votes."""
    if not rules.user_can_moderate(request.user):
        raise PermissionDenied
    motion = get_object_or_404(Motion.objects.select_related("proposer", "seconder"), pk=pk)
    which = request.POST.get("form", "")
    forms_by_name = {
        "moderate": ModerateForm(request.POST if which == "moderate" else None),
        "schedule": ScheduleForm(
            request.POST if which == "schedule" else None,
            initial={"sitting": motion.sitting_id, "agenda_order": motion.agenda_order},
        ),
        "division": DivisionForm(request.POST if which == "division" else None, motion=motion),
        "next_steps": NextStepsForm(
            request.POST if which == "next_steps" else None, initial={"text": motion.next_steps}
        ),
    }
    if request.method == "POST" and which in forms_by_name:
        form = forms_by_name[which]
        if form.is_valid():
            try:
                _moderation_apply(request, motion, which, form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Saved.")
                return redirect("parliament_motion_moderate", motion.pk)
    return _admin_page(
        request,
        "motion_moderate.html",
        {
            "motion": motion,
            "amendments": motion.amendments.select_related("proposer", "seconder", "division"),
            "divisions": motion.divisions.all(),
            **{f"{name}_form": form for name, form in forms_by_name.items()},
            "page_title": f"Motion: {motion.title}",
            "header_icon": "doc-full",
        },
        status=400 if request.method == "POST" else 200,
    )


def _moderation_apply(request, motion, which, form):
    data = form.cleaned_data
    if which == "moderate":
        target = motion
        amendment_pk = request.POST.get("amendment")
        if amendment_pk:
            target = get_object_or_404(Amendment, pk=amendment_pk, motion=motion)
        services.proposal_moderate(
            proposal=target,
            approve=data["decision"] == "approve",
            note=data["note"],
            by=request.user,
        )
    elif which == "next_steps":
        services.motion_next_steps_record(motion=motion, text=data["text"], by=request.user)
    elif which == "schedule":
        services.motion_schedule(
            motion=motion, sitting=data["sitting"], order=data["agenda_order"], by=request.user
        )
    else:
        kind, pk = data["question"].split("-")
        question = motion if kind == "motion" else get_object_or_404(Amendment, pk=pk)
        services.division_schedule(
            question=question,
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            by=request.user,
        )


class CommentModerateForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", "Publish"), ("hide", "Hide")], widget=forms.RadioSelect
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you hide a comment.",
    )


def comment_moderate(request, pk: int):
    if not rules.user_can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("author", "motion"), pk=pk)
    form = CommentModerateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_moderate(
                comment=comment,
                publish=form.cleaned_data["decision"] == "publish",
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("note", error)
        else:
            messages.success(request, "Decision saved.")
            return redirect("parliament_comments:index")
    return _admin_page(
        request,
        "comment_moderate.html",
        {
            "comment": comment,
            "reports": comment.reports.select_related("reporter"),
            "flag": getattr(comment, "safeguarding_flag", None),
            "form": form,
            "page_title": "Moderate a comment",
            "header_icon": "comment",
        },
        status=400 if request.method == "POST" else 200,
    )
