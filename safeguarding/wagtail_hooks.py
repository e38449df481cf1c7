from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from safeguarding import selectors
from safeguarding.models import SafeguardingFlag
from safeguarding.services import WORK_PERMISSION
from safeguarding.viewsets import FlagPolicy, safeguarding_viewset

register_permission_policy(SafeguardingFlag, FlagPolicy(SafeguardingFlag))


@hooks.register("register_admin_viewset")
def register_safeguarding_viewset():
    return safeguarding_viewset


class QueuePanel(Component):
    """On the admin home page, for safeguarding leads: how many flags wait, how many are late."""

    name = "safeguarding_queue"
    order = 10
    template_name = "safeguarding/admin/home_panel.html"

    def get_context_data(self, parent_context):
        return selectors.queue_counts()


@hooks.register("construct_homepage_panels")
def add_queue_panel(request, panels):
    if request.user.has_perm(WORK_PERMISSION):
        panels.insert(0, QueuePanel())
