"""Every role of the design exists as a group with what it needs, and no more."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.roles import ADMIN_ACCESS, Role, roles_sync

pytestmark = pytest.mark.django_db


def _member(role):
    user = get_user_model().objects.create_user(username=f"u-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    return get_user_model().objects.get(pk=user.pk)


def test_migrate_creates_every_role():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.ALL)


def test_sync_is_idempotent():
    before = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    roles_sync()
    roles_sync()
    after = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    assert before == after
    assert Group.objects.filter(name=Role.EDITOR).count() == 1


@pytest.mark.parametrize(
    ("role", "admin"),
    [
        (Role.YOUNG_PERSON, False),
        (Role.PARLIAMENT_MEMBER, False),
        (Role.CLERK, True),  # for the submitted reports only
        (Role.ANALYST, True),
        (Role.SAFEGUARDING_LEAD, True),
        (Role.CASEWORKER, True),
        (Role.COMMISSIONER, True),
        (Role.EDITOR, True),
    ],
)
def test_only_staff_roles_reach_the_admin(role, admin):
    assert _member(role).has_perm(ADMIN_ACCESS) is admin


@pytest.mark.parametrize(
    ("role", "view", "export"),
    [
        (Role.ANALYST, True, True),
        (Role.COMMISSIONER, True, True),
        (Role.SAFEGUARDING_LEAD, True, False),
        (Role.EDITOR, False, False),
        (Role.CASEWORKER, False, False),
        (Role.PARLIAMENT_MEMBER, False, False),
        (Role.CLERK, False, False),
    ],
)
def test_who_reads_and_exports_responses(role, view, export):
    user = _member(role)
    assert user.has_perm("consultations.view_response") is view
    assert user.has_perm("consultations.export_response") is export


def test_editors_can_publish_pages_and_analysts_cannot():
    home = Page.objects.get(depth=2)
    editor, analyst = _member(Role.EDITOR), _member(Role.ANALYST)
    assert home.permissions_for_user(editor).can_publish()
    assert not home.permissions_for_user(analyst).can_edit()
