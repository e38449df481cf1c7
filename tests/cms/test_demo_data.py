import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms.roles import Role
from consultations.models import ConsultationPage

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_makes_one_login_per_role(settings, capsys):
    settings.DEBUG = True
    call_command("demo_data")
    call_command("demo_data")
    out = capsys.readouterr().out
    users = get_user_model().objects
    for role in Role.ALL:
        if role == Role.YOUNG_PERSON:
            continue  # answers without an account
        assert users.filter(username=role, groups__name=role).count() == 1
        assert role in out
    assert ConsultationPage.objects.count() == 3
    assert {p.status for p in ConsultationPage.objects.all()} == {"open", "upcoming", "closed"}


def test_demo_data_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_data")
    assert not get_user_model().objects.filter(username="admin").exists()
