"""The safeguarding queue in the Wagtail admin: open flags first, oldest first, each with the
words that raised it and the young person's answers; a person records what was done."""

from django import forms
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from core.permissions import DeniedActionsPolicy
from safeguarding import rules
from safeguarding.models import SafeguardingFlag


class FlagPolicy(DeniedActionsPolicy):
    """Flags are raised by the system and never deleted; people only review them."""

    denied = ("add", "delete")


class FlagReviewForm(forms.ModelForm):
    class Meta:
        model = SafeguardingFlag
        fields = ["status", "action_taken"]
        widgets = {"action_taken": forms.Textarea(attrs={"rows": 6})}

    def clean(self):
        data = super().clean()
        decision = rules.flag_can_close(
            closing=data.get("status") != SafeguardingFlag.Status.OPEN,
            action_taken=data.get("action_taken") or "",
        )
        if not decision:
            self.add_error("action_taken", decision.reason)
        return data


class FlagIndexView(IndexView):
    def get_base_queryset(self):
        return SafeguardingFlag.objects.select_related(
            "response__consultation", "comment__motion", "comment__author"
        )


class FlagEditView(EditView):
    def save_instance(self):
        flag = self.form.save(commit=False)
        if flag.status != SafeguardingFlag.Status.OPEN:
            flag.handled_by = self.request.user
            flag.handled_at = timezone.now()
        flag.save()
        return flag


class FlagInspectView(InspectView):
    template_name = "safeguarding/admin/flag_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        response = self.object.response
        context["answers"] = response.answers.all() if response is not None else []
        context["waiting"] = timesince(self.object.raised_at)
        return context


class WaitingColumn(Column):
    def get_value(self, instance):
        if instance.status != SafeguardingFlag.Status.OPEN:
            return "—"
        return timesince(instance.raised_at)


class SafeguardingViewSet(ModelViewSet):
    model = SafeguardingFlag
    icon = "warning"
    menu_label = "Safeguarding"
    menu_order = 240
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = FlagIndexView
    edit_view_class = FlagEditView
    inspect_view_class = FlagInspectView
    form_fields = ["status", "action_taken"]
    list_display = [
        Column("kind", label="Concern", accessor="get_kind_display"),
        Column("source", label="From"),
        Column("status", label="Status", accessor="get_status_display"),
        DateColumn("raised_at", label="Raised"),
        WaitingColumn("waiting", label="Waiting for"),
        Column("raised_by", label="Raised by", accessor="get_raised_by_display"),
    ]
    list_filter = ["status", "kind"]
    ordering = ["status", "raised_at"]
    inspect_view_fields = ["kind", "status", "raised_at", "raised_by", "score", "action_taken"]

    def get_form_class(self, for_update=False):
        return FlagReviewForm


safeguarding_viewset = SafeguardingViewSet("safeguarding")
