"""A GET to a logout address logs nobody out and says so; only the button (a POST) logs out."""

import pytest
from django.test import Client

from cms.roles import Role
from tests.factories.accounts import user_with_role
from tests.factories.parliament import member_make, parliament_page

pytestmark = pytest.mark.django_db


def test_a_get_to_the_admin_logout_says_you_are_still_logged_in_and_you_are():
    client = Client()
    client.force_login(user_with_role(Role.EDITOR))
    response = client.get("/admin/logout/")
    assert (response.status_code, response["Allow"]) == (405, "POST")
    assert "You are still logged in" in response.content.decode()
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "logged out" not in dashboard.content.decode()


def test_the_admin_logout_button_logs_out():
    client = Client()
    client.force_login(user_with_role(Role.CASEWORKER))
    response = client.post("/admin/logout/")
    assert (response.status_code, response["Location"]) == (302, "/admin/login/")
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


def test_a_get_to_the_members_logout_says_you_are_still_logged_in_and_you_are():
    page = parliament_page()
    client = Client()
    client.force_login(member_make().member.user)
    response = client.get(page.url + "logout/")
    assert (response.status_code, response["Allow"]) == (405, "POST")
    assert "You have not been logged out." in response.content.decode()
    assert client.get(page.url + "motions/new/").status_code == 200


def test_a_get_to_the_members_logout_when_nobody_is_logged_in_says_so():
    page = parliament_page()
    response = Client().get(page.url + "logout/")
    assert response.status_code == 405
    assert "You are not logged in" in response.content.decode()
