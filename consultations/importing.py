"""Answers given on paper or at a session, read from a CSV or XLSX file that staff fill in.

One row a young person; the heading row names each question as it is asked, then "Age band",
"Region" and "Can be quoted". Every row is checked by the consultation's own answer form, so
a paper answer meets the same rules as one sent online. The result is either every row's
answers, or every problem found, by row and column: nothing is stored from a file with one.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

from consultations import forms as answer_forms
from consultations.rules import QuestionKind
from consultations.services import Entered
from core.taxonomy import AgeBand, Region

MAX_ROWS = 5000
AGE_BAND = "Age band"
REGION = "Region"
CAN_BE_QUOTED = "Can be quoted"
ABOUT_HEADINGS = [AGE_BAND, REGION, CAN_BE_QUOTED]
LIST_SEPARATOR = ";"
YES = {"yes", "y", "true", "1", "x"}
NO = {"", "no", "n", "false", "0"}


@dataclass
class ImportResult:
    entered: list[Entered] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def headings_for(page) -> list[str]:
    """The heading row of a file for this consultation, in the order of the questions."""
    return [q.label for q in page.get_form_fields()] + ABOUT_HEADINGS


def rows_read(name: str, content: bytes) -> list[list[str]]:
    """The file's rows as text; ValueError with a plain reason if it cannot be read."""
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(content)
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(
                "The file is not saved as UTF-8 text. In your spreadsheet choose "
                "'CSV UTF-8' when saving, or upload the .xlsx file."
            ) from error
        return list(csv.reader(io.StringIO(text)))
    raise ValueError("Upload a .csv or .xlsx file.")


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValueError("The .xlsx file could not be opened. Save it again and retry.") from error
    sheet = book.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        if len(rows) > MAX_ROWS + 1:
            break
        rows.append(["" if v is None else str(v).strip() for v in values])
    book.close()
    return rows


def _choice_value(raw: str, choices) -> str:
    """A code or its words ('13_15' or '13 to 15'), as the form expects the code."""
    wanted = raw.strip().casefold()
    for value, label in choices:
        if wanted in (str(value).casefold(), str(label).casefold()):
            return value
    return raw  # the form refuses it, with its own message


def _row_data(row: dict[str, str], questions) -> tuple[dict, list[str]]:
    data: dict = {}
    problems = []
    for question in questions:
        raw = row.get(question.label, "").strip()
        if question.field_type == QuestionKind.MULTIPLE_CHOICE:
            data[question.clean_name] = [p.strip() for p in raw.split(LIST_SEPARATOR) if p.strip()]
        elif raw:
            data[question.clean_name] = raw
    data[answer_forms.AGE_BAND_FIELD] = _choice_value(row.get(AGE_BAND, ""), AgeBand.choices)
    data[answer_forms.REGION_FIELD] = _choice_value(row.get(REGION, ""), Region.choices)
    quoted = row.get(CAN_BE_QUOTED, "").strip().casefold()
    if quoted in YES:
        data[answer_forms.CONSENT_FIELD] = "on"
    elif quoted not in NO:
        problems.append(f"{CAN_BE_QUOTED}: write yes or no.")
    return data, problems


def entered_from_rows(page, rows: list[list[str]]) -> ImportResult:
    """Check every row with the consultation's answer form."""
    result = ImportResult()
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        result.problems.append("The file is empty.")
        return result
    headings = [h.strip() for h in rows[0]]
    questions = list(page.get_form_fields())
    known = {q.label for q in questions} | set(ABOUT_HEADINGS)
    unknown = [h for h in headings if h and h not in known]
    if unknown:
        result.problems.append(
            "Row 1 has headings that are not questions of this consultation: "
            + ", ".join(f"“{h}”" for h in unknown)
            + ". Use the template's heading row."
        )
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.problems.append(f"The file has more than {MAX_ROWS:,} rows: split it in two.")
        return result
    labels = {q.clean_name: q.label for q in questions}
    for number, cells in enumerate(rows[1:], start=2):
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(headings)}
        data, problems = _row_data(row, questions)
        form = page.get_form(data, page=page, user=None)
        if form.is_valid() and not problems:
            cleaned = form.cleaned_data
            result.entered.append(
                Entered(
                    answers={name: cleaned.get(name) for name in form.question_kinds},
                    age_band=cleaned.get(answer_forms.AGE_BAND_FIELD, ""),
                    region=cleaned.get(answer_forms.REGION_FIELD, ""),
                    consent_to_quote=bool(cleaned.get(answer_forms.CONSENT_FIELD)),
                )
            )
            continue
        for name, errors in form.errors.items():
            column = labels.get(name) or {
                answer_forms.AGE_BAND_FIELD: AGE_BAND,
                answer_forms.REGION_FIELD: REGION,
            }.get(name, name)
            problems.extend(f"{column}: {error}" for error in errors)
        result.problems.extend(f"Row {number}: {problem}" for problem in problems)
    return result
