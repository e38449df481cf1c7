"""The leads are emailed once when a flag is raised, and once more if it passes its target
unacknowledged. The emails never carry the young person's words."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from cms.roles import Role
from consultations.services import response_submit
from core.screening import Concern
from safeguarding import services
from safeguarding.models import FlagEvent
from safeguarding.tasks import flag_raised_notify_task, flags_overdue_notify_task

pytestmark = pytest.mark.django_db
WORDS = "my uncle hits me when nobody is home"


@pytest.fixture
def leads():
    users = []
    for name in ("lead-one", "lead-two"):
        user = get_user_model().objects.create_user(name, email=f"{name}@example.org")
        user.groups.add(Group.objects.get(name=Role.SAFEGUARDING_LEAD))
        users.append(user)
    analyst = get_user_model().objects.create_user("analyst-one", email="analyst@example.org")
    analyst.groups.add(Group.objects.get(name=Role.ANALYST))
    return users


def _raise(consultation, django_capture_on_commit_callbacks):
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    answers[consultation.form_fields.get(label="What would you change?").clean_name] = WORDS
    with django_capture_on_commit_callbacks(execute=True):
        stored = response_submit(consultation=consultation, answers=answers, idempotency_key="n")
        flag = services.flag_raise(
            source=stored.response,
            concern=Concern(kind="physical_abuse", score=0.9, evidence=["hits me"]),
            new=True,
        )
    return flag


def test_the_leads_are_emailed_once_when_a_flag_is_raised(
    consultation, leads, django_capture_on_commit_callbacks
):
    flag = _raise(consultation, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert sorted(email.to) == ["lead-one@example.org", "lead-two@example.org"]
    assert "Physical abuse" in email.subject
    assert f"/admin/safeguarding/inspect/{flag.pk}/" in email.body
    assert "uncle" not in email.body and "hits me" not in email.body
    assert flag_raised_notify_task(flag.pk) is False  # run again: nothing more is sent
    assert len(mail.outbox) == 1
    assert flag.events.filter(what=FlagEvent.What.NOTIFIED).count() == 1


def test_an_overdue_flag_is_emailed_again_once(
    consultation, leads, django_capture_on_commit_callbacks
):
    flag = _raise(consultation, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert flags_overdue_notify_task(now=flag.due_at - timedelta(minutes=1)) == 0
    assert flags_overdue_notify_task(now=flag.due_at + timedelta(minutes=1)) == 1
    assert len(mail.outbox) == 1
    assert "overdue" in mail.outbox[0].subject
    assert flags_overdue_notify_task(now=flag.due_at + timedelta(hours=3)) == 0
    assert len(mail.outbox) == 1


def test_an_acknowledged_flag_is_not_chased(
    consultation, leads, django_capture_on_commit_callbacks
):
    flag = _raise(consultation, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    services.flag_acknowledge(flag=flag, by=leads[0])
    assert flags_overdue_notify_task(now=flag.due_at + timedelta(hours=1)) == 0
    assert mail.outbox == []
