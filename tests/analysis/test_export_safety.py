"""The responses export, CSV or XLSX, never hands a spreadsheet a formula: not in a cell (a
consultation's title, a chosen answer) and not in a heading (a question's label, written by an
editor)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from cms.roles import Role
from consultations.rules import QuestionKind
from consultations.services import response_submit
from tests.factories.pages import consultation_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_start_is_neutralised_in_cells_and_headings(client, start):
    page = consultation_create(
        title=f"{start}School",
        questions=[
            dict(
                label=f"{start}How do you travel?",
                field_type=QuestionKind.SINGLE_CHOICE,
                choices=f"{start}Walk\nBus",
            )
        ],
    )
    question = page.form_fields.get()
    response_submit(
        consultation=page, answers={question.clean_name: f"{start}Walk"}, idempotency_key="k"
    )
    analyst = get_user_model().objects.create_user(username="analyst")
    analyst.groups.add(Group.objects.get(name=Role.ANALYST))
    client.force_login(analyst)
    heading, cell = f"'{start}How do you travel?", f"'{start}Walk"

    csv_export = client.get("/admin/responses/", {"consultation": page.pk, "export": "csv"})
    text = b"".join(csv_export.streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row[heading] == cell and row["Consultation"] == f"'{start}School"

    xlsx_export = client.get("/admin/responses/", {"consultation": page.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx_export.streaming_content))).active
    headings, values = list(sheet.values)
    assert dict(zip(headings, values, strict=True))[heading] == cell
    assert f"'{start}School" in values
