from wagtail import hooks
from wagtail.permissions import register_permission_policy

from safeguarding.models import SafeguardingFlag
from safeguarding.viewsets import FlagPolicy, safeguarding_viewset

register_permission_policy(SafeguardingFlag, FlagPolicy(SafeguardingFlag))


@hooks.register("register_admin_viewset")
def register_safeguarding_viewset():
    return safeguarding_viewset
