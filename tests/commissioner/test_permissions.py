"""The Wagtail permission policy for inquiries answers as the access rule does, for every role."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.permissions import policy_registry

from cms.roles import Role
from commissioner.models import Inquiry
from commissioner.permissions import InquiryPermissionPolicy, inquiry_permission_policy
from commissioner.services import team
from tests.factories.casework import inquiry_make, staff

pytestmark = pytest.mark.django_db
policy = inquiry_permission_policy
NON_CASEWORK = [
    Role.ANALYST,
    Role.SAFEGUARDING_LEAD,
    Role.EDITOR,
    Role.CLERK,
    Role.PARLIAMENT_MEMBER,
]


def test_the_policy_is_the_one_wagtail_uses_for_inquiries():
    assert isinstance(policy_registry.get_by_type(Inquiry), InquiryPermissionPolicy)


def test_model_level_actions_for_each_role():
    caseworker, commissioner = staff(Role.CASEWORKER), staff(Role.COMMISSIONER)
    for action in ("add", "view", "change"):
        assert policy.user_has_permission(caseworker, action)
        assert policy.user_has_permission(commissioner, action)
    assert policy.user_has_permission(commissioner, "oversee")
    assert not policy.user_has_permission(caseworker, "oversee")
    for person in [caseworker, commissioner]:
        assert not policy.user_has_permission(person, "delete")
    for person in [AnonymousUser(), *(staff(role) for role in NON_CASEWORK)]:
        for action in ("add", "view", "change", "oversee", "delete"):
            assert not policy.user_has_permission(person, action), (person, action)
    assert set(policy.users_with_permission("view")) == {caseworker, commissioner}
    assert set(policy.users_with_permission("oversee")) == {commissioner}
    assert not policy.users_with_permission("delete").exists()


def test_per_inquiry_actions_follow_the_team_and_break_glass():
    caseworker, other = staff(Role.CASEWORKER), staff(Role.CASEWORKER)
    commissioner = staff(Role.COMMISSIONER)
    inquiry = inquiry_make(by=caseworker)
    analyst = staff(Role.ANALYST)

    assert policy.user_has_permission_for_instance(caseworker, "change", inquiry)
    assert policy.user_has_permission_for_instance(caseworker, "view", inquiry)
    assert not policy.user_has_permission_for_instance(caseworker, "oversee", inquiry)
    assert not policy.user_has_permission_for_instance(caseworker, "delete", inquiry)
    for outsider in [other, analyst]:
        for action in ("view", "change", "oversee"):
            assert not policy.user_has_permission_for_instance(outsider, action, inquiry)
    # The commissioner lists and oversees every inquiry, but opens it only by breaking glass.
    assert policy.user_has_permission_for_instance(commissioner, "view", inquiry)
    assert policy.user_has_permission_for_instance(commissioner, "oversee", inquiry)
    assert not policy.user_has_permission_for_instance(commissioner, "change", inquiry)

    assert list(policy.instances_user_has_permission_for(caseworker, "change")) == [inquiry]
    assert not policy.instances_user_has_permission_for(other, "view").exists()
    assert list(policy.instances_user_has_permission_for(commissioner, "view")) == [inquiry]
    assert not policy.instances_user_has_permission_for(commissioner, "change").exists()
    assert not policy.instances_user_has_permission_for(caseworker, "oversee").exists()
    assert set(policy.users_with_permission_for_instance("change", inquiry)) == {caseworker}
    assert set(policy.users_with_permission_for_instance("view", inquiry)) == {
        caseworker,
        commissioner,
    }

    opening = team.break_glass(
        inquiry=inquiry, user=commissioner, reason="Urgent question from the minister"
    )
    assert policy.user_has_permission_for_instance(commissioner, "change", inquiry)
    assert list(policy.instances_user_has_permission_for(commissioner, "change")) == [inquiry]
    assert set(policy.users_with_permission_for_instance("change", inquiry)) == {
        caseworker,
        commissioner,
    }
    # When the opening expires, so does the access.
    opening.expires_at = timezone.now() - timedelta(seconds=1)
    opening.save(update_fields=["expires_at"])
    assert not policy.user_has_permission_for_instance(commissioner, "change", inquiry)
    assert set(policy.users_with_permission_for_instance("change", inquiry)) == {caseworker}
