"""The dashboard's figures leave the analysis screens only with small numbers suppressed."""

import csv
import io

import pytest

from cms.roles import Role
from tests.analysis.dataset import respond
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db
EXPORT = "/admin/analysis/figures.csv"


def _rows(client, **params) -> list[dict]:
    response = client.get(EXPORT, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _figure(rows, table, name, group) -> dict:
    [row] = [
        r
        for r in rows
        if (r["Table"], r["Outcome or question"], r["Group"]) == (table, name, group)
    ]
    return row


def test_with_the_default_threshold_every_count_here_is_fewer_than_ten(analyst, data):
    rows = _rows(analyst, consultation=data.school.pk)
    counts = [r["Count"] for r in rows if r["Table"] not in ("Note", "Filter")]
    assert counts
    assert set(counts) == {"fewer than 10"}
    assert not [r for r in rows if r["Table"] == "Key phrases"]
    rating = _figure(rows, "Ratings", "School day: How happy are you at school?", "All")
    assert rating["Mean"] == "withheld"


def test_a_small_count_takes_the_next_smallest_with_it(analyst, data, settings):
    settings.SMALL_NUMBER_THRESHOLD = 2
    rows = _rows(analyst, consultation=data.school.pk)
    by_band = "Responses by age band"
    # 10 to 12: 2, 13 to 15: 1, 16 to 17: 1, the rest 0 -> two or more small in the row.
    assert _figure(rows, by_band, "", "All")["Count"] == "4"
    assert _figure(rows, by_band, "", "10 to 12")["Count"] == "2"
    assert _figure(rows, by_band, "", "10 to 12")["Share (%)"] == "50.0"
    assert _figure(rows, by_band, "", "13 to 15")["Count"] == "fewer than 2"
    assert _figure(rows, by_band, "", "13 to 15")["Share (%)"] == "withheld"
    # Over time: 2, 1, 1 -> the two small days are enough.
    over_time = [r["Count"] for r in rows if r["Table"] == "Responses over time"]
    assert over_time == ["4", "2", "fewer than 2", "fewer than 2"]
    # Staying safe by age band: 2 in 10 to 12 and 0 elsewhere, total 2.
    safe = "Outcomes by age band", "Staying safe"
    assert _figure(rows, *safe, "All")["Count"] == "2"
    assert _figure(rows, *safe, "10 to 12")["Count"] == "2"
    assert _figure(rows, *safe, "Under 10")["Count"] == "fewer than 2"


def test_one_hidden_count_in_a_row_is_never_alone(analyst, data, settings):
    # At a threshold of 2 the ratings are 0, 1, 0, 2, 1 of 4: the 4 is the only count shown,
    # and the mean goes with the hidden counts (it would let them be solved for).
    settings.SMALL_NUMBER_THRESHOLD = 2
    rows = _rows(analyst, consultation=data.school.pk)
    name = "School day: How happy are you at school?"
    ratings = {r["Group"]: r for r in rows if r["Outcome or question"] == name}
    assert {g: r["Count"] for g, r in ratings.items()} == {
        "All": "4",
        "1": "fewer than 2",
        "2": "fewer than 2",
        "3": "fewer than 2",
        "4": "2",
        "5": "fewer than 2",
    }
    assert ratings["All"]["Mean"] == "withheld"
    # With every rating given at least once and a threshold of 1 nothing is hidden, so the
    # mean and interval are given: ratings 5, 4, 4, 2, 1, 3.
    settings.SMALL_NUMBER_THRESHOLD = 1
    respond(data.school, "r7", age_band="10_12", region="london", day=5, happy=1)
    respond(data.school, "r8", age_band="10_12", region="london", day=5, happy=3)
    rows = _rows(analyst, consultation=data.school.pk)
    rating = _figure(rows, "Ratings", name, "All")
    assert (rating["Mean"], rating["95% interval from"], rating["95% interval to"]) == (
        "3.17",
        "1.62",
        "4.71",
    )


def test_only_key_phrases_many_used_are_given(analyst, data, settings):
    settings.SMALL_NUMBER_THRESHOLD = 2
    rows = _rows(analyst, consultation=data.school.pk)
    phrases = [
        (r["Outcome or question"], r["Group"], r["Count"])
        for r in rows
        if r["Table"] == "Key phrases"
    ]
    assert phrases == [("Staying safe", "safer buses", "2")]


def test_the_export_says_what_it_is_of(analyst, data):
    rows = _rows(analyst, consultation=data.school.pk, outcome="staying_safe")
    filters = {r["Outcome or question"]: r["Group"] for r in rows if r["Table"] == "Filter"}
    assert filters == {
        "consultation": str(data.school.pk),
        "outcome": "staying_safe",
        "complete": "yes",
    }
    assert rows[0]["Table"] == "Note"


def test_text_in_the_export_cannot_run_as_a_formula(analyst, data, settings):
    settings.SMALL_NUMBER_THRESHOLD = 1
    data.school.title = "=HYPERLINK(1)"
    data.school.save_revision().publish()
    response = analyst.get(EXPORT, {"consultation": data.school.pk})
    text = response.content.decode()
    assert "'=HYPERLINK(1): How happy" in text
    assert ",=HYPERLINK" not in text


def test_the_dashboard_offers_the_export_only_to_those_who_may_export(client, data):
    client.force_login(user_with_role(Role.ANALYST))
    assert "/admin/analysis/figures.csv" in client.get("/admin/analysis/").content.decode()
    client.force_login(user_with_role(Role.SAFEGUARDING_LEAD))
    page = client.get("/admin/analysis/")
    assert page.status_code == 200
    assert "/admin/analysis/figures.csv" not in page.content.decode()


def test_every_export_is_in_the_audit_log(analyst, data):
    from wagtail.models import ModelLogEntry

    analyst.get(f"/admin/analysis/figures.csv?consultation={data.school.pk}")
    b"".join(analyst.get(f"/admin/responses/?consultation={data.school.pk}&export=csv"))
    entries = ModelLogEntry.objects.filter(action="analysis.export").order_by("timestamp")
    assert [e.data["what"] for e in entries] == ["dashboard figures (csv)", "responses (csv)"]
    assert all(e.data["filters"] == {"consultation": str(data.school.pk)} for e in entries)
    assert {e.user.username for e in entries} == {"analyst"}


def test_the_answers_export_has_outcomes_themes_and_key_phrases(analyst, data):
    import csv
    import io

    from analysis.models import Theme

    theme = Theme.objects.create(consultation=data.school, name="Buses", status="promoted")
    theme.answers.add(data.responses["r2"].answers.get(question_label="What would you change?"))
    body = b"".join(analyst.get(f"/admin/responses/?consultation={data.school.pk}&export=csv"))
    rows = {r["Response"]: r for r in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))}
    r2 = rows[str(data.responses["r2"].uuid)]
    # The model said staying safe and being healthy; an analyst said healthy does not apply.
    assert r2["Outcomes"] == "Staying safe"
    assert r2["Themes"] == "Buses"
    assert r2["Key phrases"] == "safer buses; healthy food"
    assert rows[str(data.responses["r3"].uuid)]["Outcomes"] == "Economic well-being"
