"""Every role against every analysis, safeguarding and paper-answers screen in the admin.

A role without the permission is refused: outside the admin (anonymous, members, who have no
admin access) that is the login page; inside it (staff, and clerks, who have the admin for the
submitted reports only), Wagtail's redirect to the dashboard.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.roles import Role
from consultations.services import response_submit
from safeguarding.models import SafeguardingFlag

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *[r for r in Role.ALL if r != Role.YOUNG_PERSON], "superuser"]
# Clerks use the admin for the submitted reports only (docs/adr/0017-*).
OUTSIDE_THE_ADMIN = {ANONYMOUS, Role.PARLIAMENT_MEMBER}

# Screen name -> the roles that may open it (the superuser may open everything).
ALLOWED = {
    "responses": {Role.ANALYST, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER},
    "response": {Role.ANALYST, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER},
    "responses export": {Role.ANALYST, Role.COMMISSIONER},
    "answer tags": {Role.ANALYST},
    "queue": {Role.SAFEGUARDING_LEAD},
    "flag": {Role.SAFEGUARDING_LEAD},
    "paper answers": {Role.ANALYST},
    "enter paper answers": {Role.ANALYST},
    "import paper answers": {Role.ANALYST},
    "paper answers template": {Role.ANALYST},
}


@pytest.fixture
def urls(consultation) -> dict[str, str]:
    answers = {q.clean_name: None for q in consultation.form_fields.all()}
    answers[consultation.form_fields.get(label="Your favourite lesson").clean_name] = "Art"
    response = response_submit(consultation=consultation, answers=answers, idempotency_key="r")
    stored = response.response
    flag = SafeguardingFlag.objects.create(response=stored, kind="neglect", raised_by="request")
    answer = stored.answers.get(question_label="Your favourite lesson")
    return {
        "responses": "/admin/responses/",
        "response": f"/admin/responses/inspect/{stored.pk}/",
        "responses export": "/admin/responses/?export=csv",
        "answer tags": f"/admin/analysis/answers/{answer.pk}/tags/",
        "queue": "/admin/safeguarding/",
        "flag": f"/admin/safeguarding/inspect/{flag.pk}/",
        "paper answers": "/admin/paper-answers/",
        "enter paper answers": f"/admin/paper-answers/{consultation.pk}/enter/",
        "import paper answers": f"/admin/paper-answers/{consultation.pk}/import/",
        "paper answers template": f"/admin/paper-answers/{consultation.pk}/template.csv",
    }


def _log_in(client, role: str) -> None:
    if role == ANONYMOUS:
        return
    User = get_user_model()
    if role == "superuser":
        client.force_login(User.objects.create_superuser("root", password="pw"))
        return
    user = User.objects.create_user(username=role, password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", sorted(ALLOWED))
def test_each_role_opens_only_the_screens_it_needs(client, urls, role, screen):
    _log_in(client, role)
    url = urls[screen]
    response = client.get(url)
    if role == "superuser" or role in ALLOWED[screen]:
        assert response.status_code == 200
    elif role in OUTSIDE_THE_ADMIN:
        assert (response.status_code, response["Location"]) == (
            302,
            f"/admin/login/?next={quote(url, safe='/')}",
        )
    else:
        assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_lead_and_superusers_take_a_step_on_a_flag(client, urls, role):
    _log_in(client, role)
    url = urls["flag"]
    response = client.post(url, {"step": "acknowledge"})
    flag = SafeguardingFlag.objects.get()
    if role in ("superuser", Role.SAFEGUARDING_LEAD):
        assert (response.status_code, response["Location"]) == (302, url)
        assert flag.status == SafeguardingFlag.Status.ACKNOWLEDGED
        return
    if role in OUTSIDE_THE_ADMIN:
        expected = f"/admin/login/?next={quote(url, safe='/')}"
    else:
        expected = "/admin/"
    assert (response.status_code, response["Location"]) == (302, expected)
    assert flag.status == SafeguardingFlag.Status.OPEN
