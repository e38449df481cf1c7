from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from nlp import views
from nlp.models import SafeguardingFlag
from nlp.viewsets import FlagPolicy, safeguarding_viewset

register_permission_policy(SafeguardingFlag, FlagPolicy(SafeguardingFlag))


@hooks.register("register_admin_viewset")
def register_safeguarding_viewset():
    return safeguarding_viewset


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [path("analysis/answers/<int:answer_id>/tags/", views.answer_tags, name="answer_tags")]
