"""A comment that may disclose harm is held for the safeguarding lead: moderators see it with
personal data removed and cannot publish it, by any path, until the lead closes its flag."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cms.roles import Role
from core.screening import Concern
from parliament import services
from parliament.models import Comment, Member, Motion, ParliamentSettings
from safeguarding import services as safeguarding_services
from tests.factories.parliament import member_make, moderator, motion_approved

pytestmark = pytest.mark.django_db
WORDS = "I agree. But my stepdad Darren Smith hits me, text me on 07700 900123"


@pytest.fixture
def held(monkeypatch):
    # The screen's verdict is fixed here: what is tested is what happens to a held comment.
    monkeypatch.setattr(
        "safeguarding.receivers.texts_screen",
        lambda texts: Concern(kind="physical_abuse", score=0.9, evidence=["hits me"], sure=True),
    )
    settings_row = ParliamentSettings.load()
    settings_row.comment_moderation = ParliamentSettings.Moderation.AFTER
    settings_row.save()
    result = services.comment_post(
        member=member_make().member, motion=motion_approved(), text=WORDS
    )
    assert result.flagged and result.sure
    return result.comment


def test_a_flagged_comment_is_held_and_not_published_even_when_moderated_after(held):
    assert held.held_for_safeguarding
    assert held.status == Comment.Status.PENDING


def test_the_moderation_service_refuses_to_publish_it(held):
    with pytest.raises(ValidationError, match="with the safeguarding lead"):
        services.comment_moderate(comment=held, publish=True, by=moderator())
    held.refresh_from_db()
    assert held.status == Comment.Status.PENDING


def test_the_model_refuses_it(held):
    held.status = Comment.Status.PUBLISHED
    with pytest.raises(ValidationError):
        held.full_clean()


def test_the_database_refuses_it(held):
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=held.pk).update(status=Comment.Status.PUBLISHED)


def test_moderators_see_it_without_the_personal_data(client, held):
    client.force_login(moderator())
    html = client.get(f"/admin/parliament/comments/{held.pk}/moderate/").content.decode()
    assert "with the safeguarding lead" in html
    assert "Darren" not in html and "07700 900123" not in html
    listing = client.get("/admin/parliament/comments/").content.decode()
    assert "Darren" not in listing and "07700 900123" not in listing
    refused = client.post(
        f"/admin/parliament/comments/{held.pk}/moderate/", {"decision": "publish", "note": ""}
    )
    assert refused.status_code == 400
    held.refresh_from_db()
    assert held.status == Comment.Status.PENDING


@pytest.mark.parametrize(
    "url",
    [
        "/admin/parliament/comments/edit/{comment}/",
        "/admin/parliament/motions/edit/{motion}/",
    ],
)
def test_the_generic_edit_views_are_off(client, held, url):
    client.force_login(moderator())
    address = url.format(comment=held.pk, motion=held.motion_id)
    response = client.post(address, {"status": "published", "sitting": "", "agenda_order": 1})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    held.refresh_from_db()
    assert held.status == Comment.Status.PENDING


@pytest.mark.parametrize(
    ("model", "path"),
    [
        (Member, "members"),
        (Motion, "motions"),
        (Comment, "comments"),
    ],
)
def test_the_generic_copy_views_are_gone(client, held, model, path):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    instance = model.objects.first()
    assert client.get(f"/admin/parliament/{path}/copy/{instance.pk}/").status_code == 404


def test_closing_the_flag_releases_it_and_reopening_holds_it_again(held):
    lead = get_user_model().objects.create_user("lead")
    lead.groups.add(Group.objects.get(name=Role.SAFEGUARDING_LEAD))
    lead = get_user_model().objects.get(pk=lead.pk)
    flag = held.safeguarding_flag
    safeguarding_services.flag_close(
        flag=flag, action="school_dsl", action_taken="Told the school's DSL at 9:30.", by=lead
    )
    held.refresh_from_db()
    assert not held.held_for_safeguarding
    services.comment_moderate(comment=held, publish=True, by=moderator())
    safeguarding_services.flag_reopen(flag=flag, reason="The member wrote again.", by=lead)
    held.refresh_from_db()
    assert held.held_for_safeguarding
    assert held.status == Comment.Status.PENDING
