"""Staff read, filter and export responses in the Wagtail admin."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from analysis.services import responses_analyse
from cms.roles import Role
from consultations.models import Response
from consultations.services import response_submit
from tests.factories.pages import consultation_create

pytestmark = pytest.mark.django_db
INDEX = "/admin/responses/"


def _user(role: str):
    user = get_user_model().objects.create_user(username=role, password="pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def _respond(page, key, *, age_band="", region="", lesson="Art"):
    answers = {q.clean_name: None for q in page.form_fields.all()}
    answers[page.form_fields.get(label="Your favourite lesson").clean_name] = lesson
    answers[page.form_fields.get(label="How happy are you at school?").clean_name] = 4
    response = response_submit(
        consultation=page, answers=answers, age_band=age_band, region=region, idempotency_key=key
    ).response
    responses_analyse(response_ids=[response.pk])
    return response


@pytest.fixture
def responses(db):
    school = consultation_create(title="School")
    online = consultation_create(title="Online")
    return {
        "a": _respond(school, "a", age_band="10_12", region="london", lesson="Art"),
        "b": _respond(school, "b", age_band="16_17", region="north_east", lesson="=SUM(A1)"),
        "c": _respond(online, "c", age_band="10_12", region="london"),
        "school": school,
    }


@pytest.fixture
def analyst_client(client):
    client.force_login(_user(Role.ANALYST))
    return client


def _refs(response) -> set[str]:
    html = response.content.decode()
    return {r.short_ref for r in Response.objects.all() if r.short_ref in html}


def test_analyst_sees_every_response(analyst_client, responses):
    response = analyst_client.get(INDEX)
    assert response.status_code == 200
    assert _refs(response) == {responses[k].short_ref for k in "abc"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("age_band=16_17", {"b"}),
        ("region=london", {"a", "c"}),
        ("age_band=10_12&region=london", {"a", "c"}),
    ],
)
def test_filters(analyst_client, responses, query, expected):
    response = analyst_client.get(f"{INDEX}?{query}")
    assert _refs(response) == {responses[k].short_ref for k in expected}


def test_filter_by_consultation_and_date(analyst_client, responses):
    school = responses["school"]
    response = analyst_client.get(f"{INDEX}?consultation={school.pk}")
    assert _refs(response) == {responses["a"].short_ref, responses["b"].short_ref}
    Response.objects.filter(pk=responses["a"].pk).update(submitted_at="2025-01-01T10:00Z")
    dated = analyst_client.get(f"{INDEX}?submitted_at_from=2024-12-31&submitted_at_to=2025-01-02")
    assert _refs(dated) == {responses["a"].short_ref}


def test_csv_export_of_one_consultation_has_a_column_per_question(analyst_client, responses):
    school = responses["school"]
    response = analyst_client.get(f"{INDEX}?consultation={school.pk}&export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert "Your favourite lesson" in rows[0]
    by_ref = {row["Response"]: row for row in rows}
    assert by_ref[str(responses["a"].uuid)]["Your favourite lesson"] == "Art"
    assert by_ref[str(responses["a"].uuid)]["How happy are you at school?"] == "4"
    assert by_ref[str(responses["a"].uuid)]["Region"] == "London"


def test_csv_export_cannot_smuggle_a_formula(analyst_client, responses):
    school = responses["school"]
    response = analyst_client.get(f"{INDEX}?consultation={school.pk}&export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "'=SUM(A1)" in text
    assert ",=SUM" not in text


def test_xlsx_export_of_all_consultations(analyst_client, responses):
    response = analyst_client.get(f"{INDEX}?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Response", "Consultation", "Sent")
    answers = rows[0].index("Answers")
    assert rows[0][answers:] == ("Answers", "Outcomes", "Themes", "Key phrases")
    assert len(rows) == 4
    assert any("Your favourite lesson: Art" in (row[answers] or "") for row in rows[1:])


def test_inspect_shows_the_answers(analyst_client, responses):
    response = analyst_client.get(f"{INDEX}inspect/{responses['a'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your favourite lesson" in html
    assert "Not answered" in html


def test_responses_cannot_be_changed_or_deleted_even_by_a_superuser(client, responses):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    pk = responses["a"].pk
    # Wagtail's admin turns a refusal into a redirect to the dashboard, with a message.
    edit = client.get(f"{INDEX}edit/{pk}/")
    assert (edit.status_code, edit["Location"]) == (302, "/admin/")
    delete = client.post(f"{INDEX}delete/{pk}/")
    assert (delete.status_code, delete["Location"]) == (302, "/admin/")
    assert Response.objects.filter(pk=pk).exists()


def test_safeguarding_lead_may_read_but_not_export(client, responses):
    client.force_login(_user(Role.SAFEGUARDING_LEAD))
    assert client.get(INDEX).status_code == 200
    refused = client.get(f"{INDEX}?export=csv")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "Content-Disposition" not in refused


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CASEWORKER])
def test_roles_without_a_need_do_not_see_responses(client, responses, role):
    client.force_login(_user(role))
    response = client.get(INDEX)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_consultation_with_answers_cannot_be_deleted(client, responses):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    school = responses["school"]
    response = client.post(f"/admin/pages/{school.pk}/delete/")
    assert response.status_code == 302
    assert type(school).objects.filter(pk=school.pk).exists()


def test_every_read_of_words_before_redaction_is_in_the_audit_log(client, responses):
    from wagtail.models import ModelLogEntry

    pk = responses["a"].pk
    lead = _user(Role.SAFEGUARDING_LEAD)
    client.force_login(lead)
    assert client.get(f"{INDEX}inspect/{pk}/").status_code == 200
    client.force_login(_user(Role.ANALYST))
    assert client.get(f"{INDEX}inspect/{pk}/").status_code == 200
    reads = ModelLogEntry.objects.filter(action="analysis.raw_read")
    assert [(entry.user_id, entry.object_id) for entry in reads] == [(lead.pk, str(pk))]
