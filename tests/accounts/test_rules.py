"""Who must give a second factor: everyone who can read children's words or casework."""

import pytest

from accounts.rules import second_factor_required
from cms.roles import Role
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db

MUST = {Role.SAFEGUARDING_LEAD, Role.CASEWORKER, Role.COMMISSIONER, "superuser"}


@pytest.mark.parametrize("role", [*[r for r in Role.ALL if r != Role.YOUNG_PERSON], "superuser"])
def test_each_role_that_reads_childrens_words_or_casework_must_give_a_code(role):
    assert second_factor_required(user_with_role(role)) is (role in MUST)


def test_a_permission_granted_to_one_person_counts_like_a_role():
    from django.contrib.auth.models import Permission

    editor = user_with_role(Role.EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="view_raw_text"))
    editor = type(editor).objects.get(pk=editor.pk)
    assert second_factor_required(editor)
