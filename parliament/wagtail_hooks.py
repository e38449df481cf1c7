from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from parliament import admin_views
from parliament.models.records import Comment, Member, Motion
from parliament.viewsets import ModeratedOnlyPolicy, NoDeletePolicy, ParliamentGroup

register_permission_policy(Member, NoDeletePolicy(Member))
register_permission_policy(Motion, ModeratedOnlyPolicy(Motion))
register_permission_policy(Comment, ModeratedOnlyPolicy(Comment))


@hooks.register("register_admin_viewset")
def register_parliament_viewsets():
    return ParliamentGroup()


@hooks.register("register_admin_urls")
def register_parliament_urls():
    return [
        path(
            "parliament/members/<id:pk>/access/",
            admin_views.member_manage,
            name="parliament_member_manage",
        ),
        path(
            "parliament/motions/<id:pk>/moderate/",
            admin_views.motion_moderate,
            name="parliament_motion_moderate",
        ),
        path(
            "parliament/comments/<id:pk>/moderate/",
            admin_views.comment_moderate,
            name="parliament_comment_moderate",
        ),
    ]


@hooks.register("register_log_actions")
def register_parliament_log_actions(actions):
    # Every moderation decision and access change lands in Wagtail's audit log.
    for action, label, message in [
        ("parliament.approve", "Parliament: approve", "Approved for debate"),
        ("parliament.reject", "Parliament: do not approve", "Not approved"),
        ("parliament.schedule", "Parliament: agenda", "Put on a sitting's agenda"),
        ("parliament.division", "Parliament: set a vote", "Vote set"),
        ("parliament.next_steps", "Parliament: what happened next", "What happened next recorded"),
        ("parliament.publish", "Parliament: publish comment", "Comment published"),
        ("parliament.hide", "Parliament: hide comment", "Comment hidden"),
        (
            "parliament.safeguarding_hold",
            "Parliament: held by safeguarding",
            "The safeguarding lead reopened the comment's flag",
        ),
        (
            "parliament.safeguarding_release",
            "Parliament: released by safeguarding",
            "The safeguarding lead closed the comment's flag",
        ),
        ("parliament.consent", "Parliament: consent recorded", "Guardian consent recorded"),
        ("parliament.suspend", "Parliament: suspend member", "Member suspended"),
        ("parliament.reinstate", "Parliament: lift suspension", "Suspension lifted"),
        ("parliament.reset_access", "Parliament: reset access", "Access reset"),
    ]:
        actions.register_action(action, label, message)
