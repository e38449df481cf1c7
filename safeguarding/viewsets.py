"""The safeguarding queue in the Wagtail admin: open flags first, the most severe then the
oldest, each showing the words that raised it, its score and its clock; each row opens the
flag, where the lead reads the young person's words (the read is logged), acknowledges it,
records what was done and closes it, or reopens it. Generic add, edit and delete are off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from core.permissions import DeniedActionsPolicy
from safeguarding import rules, selectors, services
from safeguarding.forms import FlagCloseForm, FlagReopenForm
from safeguarding.models import SafeguardingFlag


class FlagPolicy(DeniedActionsPolicy):
    """Flags are raised by the system and never deleted; people work them through the
    workflow on the flag's own page, never through a generic edit form."""

    denied = ("add", "change", "delete")


class FlagIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.flags_for_queue()


class FlagInspectView(InspectView):
    """The flag's own page. It also takes the steps of the workflow, posted from its forms
    (`step` = acknowledge, close or reopen); a refusal shows here, with what was typed kept."""

    template_name = "safeguarding/admin/flag_inspect.html"
    steps = ("acknowledge", "close", "reopen")

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(services.WORK_PERMISSION):
            raise PermissionDenied
        self.object = self.get_object()
        step = request.POST.get("step")
        if step not in self.steps:
            return HttpResponseBadRequest("Unknown step.")
        forms = {}
        try:
            if step == "acknowledge":
                services.flag_acknowledge(flag=self.object, by=request.user)
                messages.success(request, "Acknowledged: the clock has stopped.")
                return redirect("safeguarding:inspect", self.object.pk)
            if step == "close":
                form = forms["close_form"] = FlagCloseForm(request.POST)
                if form.is_valid():
                    services.flag_close(flag=self.object, by=request.user, **form.cleaned_data)
                    messages.success(request, "Closed, with what was done.")
                    return redirect("safeguarding:index")
            else:
                form = forms["reopen_form"] = FlagReopenForm(request.POST)
                if form.is_valid():
                    services.flag_reopen(flag=self.object, by=request.user, **form.cleaned_data)
                    messages.success(request, "Reopened. What was recorded before is kept.")
                    return redirect("safeguarding:inspect", self.object.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            if not forms:
                return redirect("safeguarding:inspect", self.object.pk)
            next(iter(forms.values())).add_error(None, error)
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def render_to_response(self, context, status=200, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response.status_code = status
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        flag = self.object
        services.flag_read(flag=flag, by=self.request.user)
        context["answers"] = flag.response.answers.all() if flag.response_id else []
        context["waiting"] = timesince(flag.raised_at)
        context["overdue"] = rules.flag_is_overdue(
            status=flag.status, due_at=flag.due_at, now=timezone.now()
        )
        context["history"] = flag.events.select_related("by")
        context["close_form"] = kwargs.get("close_form") or FlagCloseForm()
        context["reopen_form"] = kwargs.get("reopen_form") or FlagReopenForm()
        context["can_work"] = self.request.user.has_perm(services.WORK_PERMISSION)
        return context


class EvidenceColumn(Column):
    def get_value(self, instance):
        return "; ".join(f"“{piece}”" for piece in instance.evidence) or "—"


class ScoreColumn(Column):
    def get_value(self, instance):
        return f"{instance.score:.2f}"


class WaitingColumn(Column):
    """How long an unacknowledged flag has waited, against its target."""

    def get_value(self, instance):
        if instance.status != SafeguardingFlag.Status.OPEN:
            return "—"
        waited = timesince(instance.raised_at)
        if rules.flag_is_overdue(
            status=instance.status, due_at=instance.due_at, now=timezone.now()
        ):
            return f"{waited}: overdue"
        if instance.due_at:
            return f"{waited} (due {timezone.localtime(instance.due_at):%H:%M %a %-d %b})"
        return waited


class SafeguardingViewSet(ModelViewSet):
    model = SafeguardingFlag
    icon = "warning"
    menu_label = "Safeguarding"
    menu_order = 240
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = FlagIndexView
    inspect_view_class = FlagInspectView
    # ModelViewSet insists on a form; FlagPolicy means nobody reaches it.
    form_fields = ["action_taken"]
    list_display = [
        TitleColumn(
            "kind",
            label="Concern",
            accessor="get_kind_display",
            get_url=lambda flag: reverse("safeguarding:inspect", args=[flag.pk]),
        ),
        EvidenceColumn("evidence", label="Words that raised it"),
        ScoreColumn("score", label="Score"),
        Column("source", label="From"),
        Column("status", label="Status", accessor="get_status_display"),
        WaitingColumn("waiting", label="Waiting"),
        DateColumn("raised_at", label="Raised"),
    ]
    list_filter = ["status", "kind"]
    ordering = selectors.QUEUE_ORDER
    inspect_view_fields = ["kind", "status", "raised_at", "due_at", "raised_by", "score"]


safeguarding_viewset = SafeguardingViewSet("safeguarding")
