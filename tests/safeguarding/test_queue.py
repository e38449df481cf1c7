"""The safeguarding queue as the lead works it: order, what each row shows, the flag's page,
acknowledge, close with what was done, reopen, the history, and nothing ever deleted."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from cms.roles import Role
from consultations.services import response_submit
from core.screening import Concern
from safeguarding import services
from safeguarding.models import FlagEvent, SafeguardingFlag

pytestmark = pytest.mark.django_db
QUEUE = "/admin/safeguarding/"
TEXT = "my friend jayden says his dad hits him every night and he is scared to go home"


def _user(role, name=None):
    user = get_user_model().objects.create_user(
        username=name or role, password="pw", email=f"{name or role}@example.org"
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def _flag(consultation, key, *, kind="physical_abuse", text=TEXT, evidence=("dad hits him",)):
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    answers[consultation.form_fields.get(label="What would you change?").clean_name] = text
    stored = response_submit(consultation=consultation, answers=answers, idempotency_key=key)
    concern = Concern(kind=kind, score=0.8, evidence=list(evidence))
    return services.flag_raise(source=stored.response, concern=concern, new=True)


@pytest.fixture
def lead(client):
    user = _user(Role.SAFEGUARDING_LEAD)
    client.force_login(user)
    return user


@pytest.fixture
def flag(consultation):
    return _flag(consultation, "f")


def test_the_queue_shows_what_raised_each_flag_and_each_row_opens_it(client, lead, flag):
    html = client.get(QUEUE).content.decode()
    assert "Physical abuse" in html
    assert "“dad hits him”" in html
    assert "0.80" in html
    assert "Consultation answer" in html
    assert f'href="/admin/safeguarding/inspect/{flag.pk}/"' in html


def test_open_flags_come_first_the_most_severe_then_the_oldest(client, lead, consultation):
    closed = _flag(consultation, "a", kind="suicidal_thoughts")
    services.flag_close(flag=closed, action="police", action_taken="Called 999.", by=lead)
    old_neglect = _flag(consultation, "b", kind="neglect")
    SafeguardingFlag.objects.filter(pk=old_neglect.pk).update(
        raised_at=timezone.now() - timedelta(days=2)
    )
    acknowledged = _flag(consultation, "c", kind="sexual_abuse")
    services.flag_acknowledge(flag=acknowledged, by=lead)
    severe = _flag(consultation, "d", kind="suicidal_thoughts")
    newer_neglect = _flag(consultation, "e", kind="neglect")
    listing = client.get(QUEUE)
    order = [flag.pk for flag in listing.context["object_list"]]
    assert order == [severe.pk, old_neglect.pk, newer_neglect.pk, acknowledged.pk, closed.pk]


def test_opening_a_flag_shows_the_raw_words_and_logs_the_read(client, lead, flag):
    page = client.get(f"{QUEUE}inspect/{flag.pk}/").content.decode()
    assert "jayden" in page
    assert "Waiting for review" in page
    read = flag.events.get(what=FlagEvent.What.READ)
    assert read.by == lead


def test_acknowledge_then_close_with_what_was_done(client, lead, flag):
    url = f"{QUEUE}inspect/{flag.pk}/"
    assert client.post(url, {"step": "acknowledge"}).status_code == 302
    flag.refresh_from_db()
    assert (flag.status, flag.acknowledged_by) == (SafeguardingFlag.Status.ACKNOWLEDGED, lead)
    closed = client.post(
        url,
        {"step": "close", "action": "local_authority", "action_taken": "Rang the LADO at 10:05."},
    )
    assert closed.status_code == 302
    flag.refresh_from_db()
    assert (flag.status, flag.action, flag.closed_by) == ("closed", "local_authority", lead)
    steps = list(flag.events.exclude(what=FlagEvent.What.READ).values_list("what", flat=True))
    assert steps == ["raised", "acknowledged", "closed"]


@pytest.mark.parametrize(
    ("action", "details", "message"),
    [
        ("", "Rang the LADO.", "Choose what was done."),
        ("police", "  ", "Record what was done before closing a flag."),
        ("no_action", "", "Say why no action is needed."),
    ],
)
def test_a_flag_is_not_closed_without_a_record(client, lead, flag, action, details, message):
    response = client.post(
        f"{QUEUE}inspect/{flag.pk}/", {"step": "close", "action": action, "action_taken": details}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    flag.refresh_from_db()
    assert flag.status == SafeguardingFlag.Status.OPEN


def test_reopening_keeps_what_was_recorded_before(client, lead, flag):
    services.flag_close(
        flag=flag, action="no_action", action_taken="A story from a book, checked.", by=lead
    )
    response = client.post(
        f"{QUEUE}inspect/{flag.pk}/", {"step": "reopen", "reason": "The school rang back."}
    )
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.status == SafeguardingFlag.Status.ACKNOWLEDGED
    closed = flag.events.get(what=FlagEvent.What.CLOSED)
    assert (closed.action, closed.note) == ("no_action", "A story from a book, checked.")
    assert flag.events.get(what=FlagEvent.What.REOPENED).note == "The school rang back."
    page = client.get(f"{QUEUE}inspect/{flag.pk}/").content.decode()
    assert "A story from a book, checked." in page


def test_a_closed_flag_cannot_be_closed_again_nor_an_open_one_reopened(client, lead, flag):
    refused = client.post(f"{QUEUE}inspect/{flag.pk}/", {"step": "reopen", "reason": "why"})
    assert refused.status_code == 400
    assert "Only a closed flag can be reopened." in refused.content.decode()


def test_only_the_lead_takes_the_steps(client, flag):
    superuser_free = _user(Role.COMMISSIONER)
    client.force_login(superuser_free)
    response = client.post(f"{QUEUE}inspect/{flag.pk}/", {"step": "acknowledge"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    flag.refresh_from_db()
    assert flag.status == SafeguardingFlag.Status.OPEN


def test_nothing_on_the_queue_is_deleted_by_any_path(client, flag):
    root = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(root)
    response = client.post(f"{QUEUE}delete/{flag.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    with pytest.raises(PermissionDenied):
        flag.delete()
    with pytest.raises(PermissionDenied):
        SafeguardingFlag.objects.filter(pk=flag.pk).delete()
    with pytest.raises(PermissionDenied):
        SafeguardingFlag._base_manager.filter(pk=flag.pk).delete()
    with pytest.raises(PermissionDenied):
        FlagEvent.objects.filter(flag=flag).delete()
    assert SafeguardingFlag.objects.filter(pk=flag.pk).exists()


def test_a_flags_history_is_never_changed(flag):
    event = flag.events.get()
    event.note = "rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        FlagEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE safeguarding_flagevent SET note = 'rewritten'")
    event.refresh_from_db()
    assert event.note != "rewritten"


def test_the_lead_sees_the_queue_counts_on_the_admin_home(client, lead, flag):
    SafeguardingFlag.objects.filter(pk=flag.pk).update(due_at=timezone.now() - timedelta(hours=1))
    html = client.get("/admin/").content.decode()
    assert "Safeguarding queue" in html
    assert "<strong>1</strong> waiting for review" in html
    assert "1 overdue" in html


def test_other_staff_see_no_queue_panel(client, flag):
    client.force_login(_user(Role.ANALYST))
    assert "Safeguarding queue" not in client.get("/admin/").content.decode()


def test_the_generic_edit_form_is_off_even_for_a_superuser(client, flag):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    response = client.post(f"{QUEUE}edit/{flag.pk}/", {"action_taken": "overwritten"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    flag.refresh_from_db()
    assert flag.action_taken == ""
