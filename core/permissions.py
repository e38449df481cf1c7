"""The admin permission policy the apps share in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class DeniedActionsPolicy(ModelPermissionPolicy):
    """Model permissions, except actions nobody may take in the admin, whatever their role
    (records that are made elsewhere, or kept for good)."""

    denied: tuple[str, ...] = ()

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.denied])
