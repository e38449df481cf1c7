"""The safeguarding queue and who reads raw or redacted answers in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from analysis.services import responses_analyse
from cms.roles import Role
from consultations.services import response_submit
from safeguarding.models import SafeguardingFlag

pytestmark = pytest.mark.django_db
QUEUE = "/admin/safeguarding/"
TEXT = "my friend jayden says his dad hits him every night and he is scared to go home"


def _login(client, role):
    user = get_user_model().objects.create_user(username=role, password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return user


@pytest.fixture
def flagged(consultation):
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    answers[consultation.form_fields.get(label="What would you change?").clean_name] = TEXT
    response = response_submit(consultation=consultation, answers=answers, idempotency_key="f")
    responses_analyse(response_ids=[response.response.pk])
    return SafeguardingFlag.objects.get(response=response.response)


def test_safeguarding_lead_sees_the_queue_and_the_raw_words(client, flagged):
    _login(client, Role.SAFEGUARDING_LEAD)
    listing = client.get(QUEUE)
    assert listing.status_code == 200
    assert flagged.get_kind_display() in listing.content.decode()
    detail = client.get(f"{QUEUE}inspect/{flagged.pk}/").content.decode()
    assert "jayden" in detail
    assert "Waiting for review" in detail


def test_closing_a_flag_needs_a_record_of_what_was_done(client, flagged):
    lead = _login(client, Role.SAFEGUARDING_LEAD)
    url = f"{QUEUE}edit/{flagged.pk}/"
    refused = client.post(url, {"status": "actioned", "action_taken": ""})
    assert "Record what was done" in refused.content.decode()
    flagged.refresh_from_db()
    assert flagged.status == SafeguardingFlag.Status.OPEN
    client.post(url, {"status": "actioned", "action_taken": "Referred to the local authority"})
    flagged.refresh_from_db()
    assert flagged.status == SafeguardingFlag.Status.ACTIONED
    assert flagged.handled_by == lead
    assert flagged.handled_at is not None


def test_flags_cannot_be_deleted(client, flagged):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    client.post(f"{QUEUE}delete/{flagged.pk}/")
    assert SafeguardingFlag.objects.filter(pk=flagged.pk).exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.EDITOR, Role.CASEWORKER])
def test_other_roles_do_not_see_the_queue(client, flagged, role):
    _login(client, role)
    response = client.get(QUEUE)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_analysts_read_only_redacted_text(client, flagged):
    _login(client, Role.ANALYST)
    html = client.get(f"/admin/responses/inspect/{flagged.response.pk}/").content.decode()
    assert "jayden" not in html
    assert "[NAME]" in html


def test_safeguarding_lead_reads_raw_text_in_responses(client, flagged):
    _login(client, Role.SAFEGUARDING_LEAD)
    html = client.get(f"/admin/responses/inspect/{flagged.response.pk}/").content.decode()
    assert "jayden" in html
