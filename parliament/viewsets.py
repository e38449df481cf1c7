"""The parliament in the Wagtail admin, under one "Children's parliament" menu."""

from django.urls import reverse
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from core.permissions import DeniedActionsPolicy
from parliament import rules, selectors
from parliament.admin_views import member_create
from parliament.models.records import Comment, Member, Motion, Sitting


class ModeratedOnlyPolicy(DeniedActionsPolicy):
    """Members make motions and comments on the public site. Staff moderate them on the
    moderation screens, which apply the parliament's rules; Wagtail's generic add, edit and
    delete would go round those rules, so nobody may use them."""

    denied = ("add", "change", "delete")


class NoDeletePolicy(DeniedActionsPolicy):
    """Members are suspended, never deleted: their votes and motions stay on the record."""

    denied = ("delete",)


class ActionIndexView(IndexView):
    """A listing whose rows carry one more button, to a screen that acts on the row."""

    action_label = ""
    action_url_name = ""
    action_icon = "tick"
    action_permission = ""

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(self.action_permission):
            buttons.append(
                ListingButton(
                    self.action_label,
                    url=reverse(self.action_url_name, args=[instance.pk]),
                    icon_name=self.action_icon,
                    priority=5,
                )
            )
        return buttons


class MemberIndexView(ActionIndexView):
    action_label = "Manage access"
    action_url_name = "parliament_member_manage"
    action_icon = "lock"
    action_permission = rules.MANAGE_MEMBERS_PERMISSION


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.is_suspended:
            return "Suspended"
        if instance.waiting_for_consent:
            return "Waiting for consent"
        return "Active"


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    # A member is made with their login by the add screen; a copy would have none.
    copy_view_enabled = False
    menu_label = "Members"
    index_view_class = MemberIndexView
    form_fields = ["display_name", "region", "term_starts", "term_ends"]
    list_display = [
        "display_name",
        Column("region", label="Region", accessor="get_region_display"),
        DateColumn("term_starts", label="Term starts"),
        DateColumn("term_ends", label="Term ends"),
        StatusColumn("status", label="Status"),
    ]
    list_filter = ["region"]
    search_fields = ["display_name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "display_name",
        "region",
        "term_starts",
        "term_ends",
        "guardian_consent_at",
        "guardian_consent_note",
        "suspended_at",
        "suspended_reason",
    ]

    @property
    def add_view(self):
        # Adding a member also makes their login, through the service.
        return member_create


class SittingViewSet(ModelViewSet):
    model = Sitting
    icon = "date"
    copy_view_enabled = False
    menu_label = "Sittings"
    form_fields = ["title", "starts_at", "ends_at", "place", "summary"]
    list_display = ["title", DateColumn("starts_at", label="Starts"), "place"]


class MotionIndexView(ActionIndexView):
    action_label = "Moderate and set votes"
    action_url_name = "parliament_motion_moderate"
    action_permission = rules.MODERATE_PERMISSION


class MotionViewSet(ModelViewSet):
    model = Motion
    icon = "doc-full"
    menu_label = "Motions"
    index_view_class = MotionIndexView
    form_fields = ["sitting", "agenda_order"]
    list_display = [
        "title",
        Column("status", label="Status", accessor="get_status_display"),
        Column("proposer", label="Proposed by"),
        DateColumn("proposed_at", label="Proposed"),
    ]
    list_filter = ["status"]
    search_fields = ["title", "text"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "text", "original_text", "status", "proposer", "seconder"]
    copy_view_enabled = False


class ResolutionIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.resolutions()


class ResolutionViewSet(ModelViewSet):
    """Motions the parliament carried: the commissioner's priorities from young people."""

    model = Motion
    icon = "pick"
    menu_label = "Priorities (carried motions)"
    index_view_class = ResolutionIndexView
    list_display = ["title", Column("outcome_labels", label="Outcomes")]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "text", "proposer", "seconder", "sitting"]
    form_fields = ["title"]
    copy_view_enabled = False
    url_namespace = "parliament_priorities"
    url_prefix = "parliament/priorities"


class CommentIndexView(ActionIndexView):
    action_label = "Moderate"
    action_url_name = "parliament_comment_moderate"
    action_permission = rules.MODERATE_PERMISSION

    def get_base_queryset(self):
        return Comment.objects.select_related("author", "motion").order_by("status", "posted_at")


class ReportsColumn(Column):
    def get_value(self, instance):
        return instance.reports.filter(resolved_at__isnull=True).count() or "—"


class CommentViewSet(ModelViewSet):
    """The moderation queue: comments waiting for a moderator, and reported ones."""

    model = Comment
    icon = "comment"
    menu_label = "Debate moderation"
    index_view_class = CommentIndexView
    form_fields = ["status"]
    list_display = [
        Column("text_for_staff", label="Comment"),
        Column("author", label="Member"),
        Column("status", label="Status", accessor="get_status_display"),
        ReportsColumn("reports", label="Open reports"),
        DateColumn("posted_at", label="Posted"),
    ]
    list_filter = ["status"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["text_for_staff", "author", "motion", "status", "moderation_note"]


class ParliamentGroup(ViewSetGroup):
    menu_label = "Children's parliament"
    menu_icon = "group"
    menu_order = 230
    items = [
        MemberViewSet("parliament_members", url_prefix="parliament/members"),
        SittingViewSet("parliament_sittings", url_prefix="parliament/sittings"),
        MotionViewSet("parliament_motions", url_prefix="parliament/motions"),
        CommentViewSet("parliament_comments", url_prefix="parliament/comments"),
        ResolutionViewSet("parliament_priorities"),
    ]
