"""What the analysis screens built on Django's TemplateView share."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from analysis import rules


class AnalysisScreen(WagtailAdminTemplateMixin, TemplateView):
    """An admin screen for those who may read responses (`rules.DASHBOARD_PERMISSION`)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(rules.DASHBOARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
