"""A carried motion says what happened next: recorded by staff who moderate the parliament,
shown to everyone on the motion's page and in the list."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import ModelLogEntry

from cms.roles import Role
from parliament import services
from tests.factories.parliament import (
    division_open,
    member_make,
    motion_approved,
    parliament_page,
)

pytestmark = pytest.mark.django_db


def _staff(role) -> Client:
    user = get_user_model().objects.create_user(username=f"u-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def _decided(title: str, choice: str):
    motion = motion_approved(title=title)
    division = division_open(motion, hours=1)
    services.vote_cast(member=member_make().member, division=division, choice=choice)
    services.division_count(division=division, now=division.closes_at)
    motion.refresh_from_db()
    return motion


def _moderate_url(motion) -> str:
    return f"/admin/parliament/motions/{motion.pk}/moderate/"


def test_an_editor_says_what_happened_and_everyone_sees_it():
    page = parliament_page()
    motion = _decided("Free buses", "aye")
    said = "The commissioner wrote to the transport minister, who agreed to a pilot."
    response = _staff(Role.EDITOR).post(_moderate_url(motion), {"form": "next_steps", "text": said})
    assert response.status_code == 302
    html = Client().get(page.url + page.reverse_subpage("motion", args=[motion.pk])).content
    assert said in html.decode()
    listing = Client().get(page.url + page.reverse_subpage("motions")).content.decode()
    assert "#what-happened-next" in listing
    assert ModelLogEntry.objects.filter(action="parliament.next_steps").count() == 1


def test_a_carried_motion_without_next_steps_says_they_will_come():
    page = parliament_page()
    motion = _decided("Free buses", "aye")
    html = Client().get(page.url + page.reverse_subpage("motion", args=[motion.pk])).content
    assert "We will say here what we did about it." in html.decode()


def test_next_steps_are_refused_for_a_motion_that_was_not_carried():
    motion = _decided("Longer holidays", "no")
    response = _staff(Role.EDITOR).post(
        _moderate_url(motion), {"form": "next_steps", "text": "We did it anyway."}
    )
    assert response.status_code == 400
    assert "only for a motion that was carried" in response.content.decode()
    motion.refresh_from_db()
    assert motion.next_steps == ""


@pytest.mark.parametrize("role", [Role.ANALYST, Role.CLERK, Role.SAFEGUARDING_LEAD])
def test_staff_who_do_not_moderate_cannot_record_next_steps(role):
    motion = _decided("Free buses", "aye")
    response = _staff(role).post(_moderate_url(motion), {"form": "next_steps", "text": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    motion.refresh_from_db()
    assert motion.next_steps == ""
