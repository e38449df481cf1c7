"""The Wagtail permission policy for inquiries, built on the one access rule in `rules` (through
`selectors`), so Wagtail's own views and checks answer as the casework screens do.

Actions: "add" records a direction (and with it an inquiry); "view" lists an inquiry (reference
and stage); "change" opens it (the child's record, evidence, papers) and works on it;
"oversee" sets teams, breaks glass and reads the audit trail. Nobody deletes an inquiry."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from commissioner import rules, selectors
from commissioner.models import Inquiry
from commissioner.rules import Standing
from core.permissions import DeniedActionsPolicy

OVERSEE_CODENAME = rules.OVERSEE.split(".")[1]


class InquiryPermissionPolicy(DeniedActionsPolicy):
    denied = ("delete",)

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        standing = Standing.of(user)
        if action == "add":
            return bool(rules.direction_record_allowed(standing))
        if action in ("view", "change"):
            return bool(rules.casework_allowed(standing))
        if action == "oversee":
            return bool(rules.audit_trail_allowed(standing))
        return False

    def users_with_any_permission(self, actions):
        codenames = set()
        if {"add", "view", "change"} & set(actions):
            codenames.update(rules.TEAM_CODENAMES)
        if "oversee" in actions:
            codenames.add(OVERSEE_CODENAME)
        if not codenames:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(codenames)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("view", "oversee"):
            listed = selectors.inquiries_listable(user=user).filter(pk=instance.pk).exists()
            return listed and (action == "view" or self.user_has_permission(user, "oversee"))
        if action == "change":
            return bool(selectors.can_open(user=user, inquiry=instance))
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        reached = Q(pk__in=[])
        if "view" in actions or (
            "oversee" in actions and self.user_has_permission(user, "oversee")
        ):
            reached |= Q(pk__in=selectors.inquiries_listable(user=user).values("pk"))
        if "change" in actions:
            reached |= Q(pk__in=selectors.inquiries_openable(user=user).values("pk"))
        return Inquiry.objects.filter(reached)

    def users_with_any_permission_for_instance(self, actions, instance):
        on_team = Q(pk__in=instance.team.values("pk"))
        overseers = Q(pk__in=self.users_with_any_permission(["oversee"]).values("pk"))
        reach = Q(pk__in=[])
        if "view" in actions:
            reach |= on_team | overseers
        if "oversee" in actions:
            reach |= overseers
        if "change" in actions:
            glass = instance.break_glass.filter(expires_at__gt=timezone.now())
            reach |= on_team | Q(pk__in=glass.values("user"))
        return self.users_with_any_permission(actions).filter(reach).distinct()


inquiry_permission_policy = InquiryPermissionPolicy(Inquiry)
