"""Answers given on paper or at a session, entered by staff one at a time or from a file: the
same checks as online, screened and analysed the same way, all of a file or none of it."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from analysis.models import AnswerAnalysis
from cms.roles import Role
from consultations.models import Answer, Response
from safeguarding.models import SafeguardingFlag
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db
HEADINGS = [
    "How happy are you at school?",
    "Your favourite lesson",
    "What would you change?",
    "How do you travel?",
    "Clubs you go to",
    "Age band",
    "Region",
    "Can be quoted",
]
GIVEN = {
    "given-channel": "workshop",
    "given-collected_on": "2026-11-20",
    "given-collected_by": "Youth Voice Leeds",
    "given-agreement_noted": "on",
}


@pytest.fixture
def analyst(client):
    client.force_login(user_with_role(Role.ANALYST))
    return client


def _names(consultation) -> dict[str, str]:
    return {q.label: q.clean_name for q in consultation.form_fields.all()}


def _csv(rows: list[list[str]]) -> io.BytesIO:
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = "answers.csv"
    return upload


def _import(client, consultation, upload):
    url = f"/admin/paper-answers/{consultation.pk}/import/"
    return client.post(url, {**GIVEN, "file": upload})


def test_an_analyst_enters_one_young_persons_answers(
    analyst, consultation, django_capture_on_commit_callbacks
):
    names = _names(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst.post(
            f"/admin/paper-answers/{consultation.pk}/enter/",
            {
                **GIVEN,
                "given-channel": "paper",
                names["How happy are you at school?"]: "4",
                names["Your favourite lesson"]: "Drama",
                names["What would you change?"]: "A bigger library",
                names["Clubs you go to"]: ["Sport", "Art"],
                "about-age-band": "10_12",
            },
        )
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.channel, stored.collected_on, stored.collected_by) == (
        "paper",
        date(2026, 11, 20),
        "Youth Voice Leeds",
    )
    assert stored.entered_by.username == Role.ANALYST
    assert stored.age_band == "10_12"
    assert Answer.objects.get(response=stored, question_label="Clubs you go to").choices == [
        "Sport",
        "Art",
    ]
    # Analysed like an answer sent online (tasks run inline in the tests).
    assert AnswerAnalysis.objects.filter(answer__response=stored).exists()


def test_nothing_is_entered_without_the_young_persons_agreement(analyst, consultation):
    names = _names(consultation)
    data = {
        **GIVEN,
        names["How happy are you at school?"]: "4",
        names["Your favourite lesson"]: "PE",
    }
    del data["given-agreement_noted"]
    response = analyst.post(f"/admin/paper-answers/{consultation.pk}/enter/", data)
    assert response.status_code == 400
    assert "only when the young person agreed" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_paper_answer_that_discloses_harm_goes_to_the_safeguarding_lead(analyst, consultation):
    names = _names(consultation)
    analyst.post(
        f"/admin/paper-answers/{consultation.pk}/enter/",
        {
            **GIVEN,
            names["How happy are you at school?"]: "2",
            names["Your favourite lesson"]: "Art",
            names["What would you change?"]: "my stepdad hits me with his belt when hes drunk",
        },
    )
    flag = SafeguardingFlag.objects.get()
    assert flag.response.channel == "workshop"


def test_a_file_of_answers_is_stored_whole(analyst, consultation):
    rows = [
        HEADINGS,
        ["5", "Art", "", "Bus", "Sport; Music", "13 to 15", "London", "yes"],
        ["3", "Maths", "Longer lunch", "", "", "10_12", "", "no"],
        ["4", "PE", "", "Walk", "", "", "North East", ""],
    ]
    response = _import(analyst, consultation, _csv(rows))
    assert response.status_code == 302
    stored = Response.objects.order_by("pk")
    assert [r.channel for r in stored] == ["workshop"] * 3
    assert [r.age_band for r in stored] == ["13_15", "10_12", ""]
    assert [r.consent_to_quote for r in stored] == [True, False, False]
    first = Answer.objects.get(response=stored[0], question_label="Clubs you go to")
    assert first.choices == ["Sport", "Music"]


def test_a_file_with_one_bad_row_stores_nothing_and_says_which(analyst, consultation):
    rows = [
        HEADINGS,
        ["5", "Art", "", "Bus", "", "", "", ""],
        ["7", "", "", "Helicopter", "", "", "", "maybe"],
    ]
    response = _import(analyst, consultation, _csv(rows))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Row 3: How happy are you at school?: Please choose a face from 1 to 5." in html
    assert "Row 3: Your favourite lesson: Please answer this question." in html
    assert "Row 3: How do you travel?: Please choose one of the options." in html
    assert "Row 3: Can be quoted: write yes or no." in html
    assert "Row 2" not in html
    assert Response.objects.count() == 0


def test_a_heading_that_is_not_a_question_is_refused(analyst, consultation):
    response = _import(analyst, consultation, _csv([["Favourite colour"], ["blue"]]))
    assert response.status_code == 400
    assert "“Favourite colour”" in response.content.decode()
    assert Response.objects.count() == 0


def test_an_xlsx_file_is_read_too(analyst, consultation):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    sheet.append([4, "Science", None, "Car", None, "16 to 17", "London", "Yes"])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "answers.xlsx"
    assert _import(analyst, consultation, upload).status_code == 302
    assert Response.objects.get().age_band == "16_17"


def test_a_file_that_is_not_a_spreadsheet_is_a_clear_400(analyst, consultation):
    upload = io.BytesIO(b"\x00\x01 not a zip")
    upload.name = "answers.xlsx"
    response = _import(analyst, consultation, upload)
    assert response.status_code == 400
    assert "could not be opened" in response.content.decode()


def test_the_template_is_the_heading_row(analyst, consultation):
    response = analyst.get(f"/admin/paper-answers/{consultation.pk}/template.csv")
    assert response.content.decode().strip() == ",".join(HEADINGS)


def test_the_dashboard_shows_entered_answers_apart(analyst, consultation):
    _import(analyst, consultation, _csv([HEADINGS, ["5", "Art", "", "", "", "", "", ""]]))
    html = analyst.get(f"/admin/analysis/?consultation={consultation.pk}&channel=workshop")
    assert "1 finished response</a> match" in html.content.decode()
    none = analyst.get(f"/admin/analysis/?consultation={consultation.pk}&channel=paper")
    assert "0 finished responses</a> match" in none.content.decode()


def test_the_entry_screen_shows_every_question_with_its_choices(analyst, consultation):
    html = analyst.get(f"/admin/paper-answers/{consultation.pk}/enter/").content.decode()
    for words in ["How happy are you at school?", "4: good", "Clubs you go to", "Music"]:
        assert words in html
