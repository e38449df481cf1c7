"""Every role against every analysis screen this app adds: the dashboard, its figures as CSV,
the Responses list filtered as the dashboard links to it, a response, and saving outcomes in
place. An exact status for each role, as in tests/test_staff_screens_by_role.py.

The dashboard takes the Responses screen's own permission (`consultations.view_response`):
analysts, the commissioner and the safeguarding lead, who already reads the responses
themselves. Its CSV takes the export permission: analysts and the commissioner.
"""

from urllib.parse import quote

import pytest

from analysis.models import OutcomeTag
from cms.roles import Role
from tests.analysis.dataset import CHANGE, dataset_create
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *[r for r in Role.ALL if r != Role.YOUNG_PERSON], "superuser"]
# Clerks use the admin for the submitted reports only (docs/adr/0017-*).
OUTSIDE_THE_ADMIN = {ANONYMOUS, Role.PARLIAMENT_MEMBER}
READERS = {Role.ANALYST, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER}

ALLOWED = {
    "dashboard": READERS,
    "dashboard filtered": READERS,
    "dashboard export": {Role.ANALYST, Role.COMMISSIONER},
    "responses drilled down": READERS,
    "unfinished responses": READERS,
    "response": READERS,
    "agreement": READERS,
    "reanalysis": {Role.ANALYST},
    "outcomes over time": READERS,
    "themes": READERS,
}


@pytest.fixture
def urls(db) -> dict[str, str]:
    data = dataset_create()
    school = data.school.pk
    return {
        "dashboard": "/admin/analysis/",
        "dashboard filtered": f"/admin/analysis/?consultation={school}&outcome=staying_safe",
        "dashboard export": f"/admin/analysis/figures.csv?consultation={school}",
        "responses drilled down": (
            f"/admin/responses/?consultation={school}&outcome=staying_safe&complete=yes"
        ),
        "unfinished responses": "/admin/responses/?complete=no",
        "response": f"/admin/responses/inspect/{data.responses['r2'].pk}/",
        "agreement": f"/admin/analysis/agreement/?consultation={school}",
        "reanalysis": "/admin/analysis/reanalysis/",
        "outcomes over time": "/admin/analysis/outcomes/",
        "themes": f"/admin/analysis/themes/?consultation={school}",
        "answer": data.responses["r2"].answers.get(question_label=CHANGE).pk,
    }


def _log_in(client, role: str) -> None:
    if role != ANONYMOUS:
        client.force_login(user_with_role(role))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", sorted(ALLOWED))
def test_each_role_opens_only_the_analysis_screens_it_needs(client, urls, role, screen):
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
def test_only_analysts_and_superusers_save_outcomes_in_place(client, urls, role):
    _log_in(client, role)
    answer = urls["answer"]
    url = f"/admin/analysis/answers/{answer}/tags/"
    response = client.post(url, {"outcomes": ["economic_wellbeing"]})
    decided = OutcomeTag.objects.filter(answer_id=answer, source="analyst", applies=True)
    if role in ("superuser", Role.ANALYST):
        assert (response.status_code, response["Location"]) == (
            302,
            f"{urls['response']}#answer-{answer}",
        )
        assert {t.outcome for t in decided} == {"economic_wellbeing"}
        return
    if role in OUTSIDE_THE_ADMIN:
        expected = f"/admin/login/?next={quote(url, safe='/')}"
    else:
        expected = "/admin/"
    assert (response.status_code, response["Location"]) == (302, expected)
    assert not decided.exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.COMMISSIONER, "superuser"])
def test_those_who_read_the_dashboard_never_see_raw_words_but_the_lead(client, urls, role):
    from analysis.models import AnswerAnalysis

    answer = AnswerAnalysis.objects.get(answer_id=urls["answer"])
    answer.answer.text = "Jayden Smith wants safer buses"
    answer.answer.save()
    answer.redacted_text = "[NAME] wants safer buses"
    answer.save()
    _log_in(client, role)
    html = client.get(urls["response"]).content.decode()
    # Superusers hold every permission, the lead's raw-text one included.
    assert ("Jayden" in html) is (role == "superuser")
    assert ("[NAME] wants safer buses" in html) is (role != "superuser")
