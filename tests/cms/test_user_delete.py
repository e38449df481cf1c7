"""Deleting a staff account that others' records point at is refused with a reason."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories.casework import inquiry_make, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "pw"))
    return client


def test_someone_with_casework_history_is_kept_and_the_admin_told_why(admin_client):
    commissioner = staff("commissioner")
    inquiry_make(by=commissioner)

    response = admin_client.post(f"/admin/users/delete/{commissioner.pk}/", follow=True)

    assert response.redirect_chain[-1][0] == f"/admin/users/edit/{commissioner.pk}/"
    assert "cannot be deleted" in response.content.decode()
    assert get_user_model().objects.filter(pk=commissioner.pk).exists()


def test_someone_with_no_history_can_be_deleted(admin_client):
    newcomer = staff("analyst")
    response = admin_client.post(f"/admin/users/delete/{newcomer.pk}/")
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=newcomer.pk).exists()
