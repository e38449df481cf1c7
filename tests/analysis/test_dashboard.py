"""The analysis dashboard's figures against a dataset counted by hand (tests/analysis/dataset.py),
and every figure's link to the responses behind it."""

from urllib.parse import parse_qs, urlparse

import pytest

from cms.roles import Role
from tests.analysis.dataset import CHANGE, HAPPY
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/analysis/"


def _figures(client, **params):
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    return response.context["figures"]


def _outcomes(figures) -> dict[str, tuple[int, float | None]]:
    return {label: (cell.count, cell.share) for label, cell in figures.outcomes}


def _breakdown(figures, name) -> dict:
    breakdown = next(b for b in figures.breakdowns if b.name == name)
    sizes = {
        group: cell.count for group, cell in zip(breakdown.groups, breakdown.sizes, strict=True)
    }
    rows = {
        label: {group: cell.count for group, cell in zip(breakdown.groups, cells, strict=True)}
        for label, cells, _ in breakdown.rows
    }
    return {"sizes": sizes, "rows": rows, "total": breakdown.total.count}


def _every_cell(figures):
    yield figures.responses
    yield figures.unfinished
    yield from (cell for _, cell in figures.timeline)
    yield from (cell for _, cell in figures.outcomes)
    for breakdown in figures.breakdowns:
        yield breakdown.total
        yield from breakdown.sizes
        for _, cells, total in breakdown.rows:
            yield from cells
            yield total
    for scale in figures.scales:
        yield scale.total
        yield from (cell for _, cell in scale.rows)
    for _, phrases in figures.keyphrases:
        yield from (cell for _, cell in phrases)


def test_only_finished_responses_of_the_consultation_count(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk)
    assert figures.responses.count == 4
    assert figures.unfinished.count == 1
    assert [(label, cell.count) for label, cell in figures.timeline] == [
        ("3 Mar 2025", 2),
        ("4 Mar 2025", 1),
        ("5 Mar 2025", 1),
    ]


def test_outcomes_in_words_with_counts_and_shares(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk)
    # r2's "being healthy" was overruled by an analyst; r3's economic well-being is theirs.
    assert _outcomes(figures) == {
        "Being healthy": (0, 0.0),
        "Staying safe": (2, 50.0),
        "Enjoying and achieving": (0, 0.0),
        "Making a positive contribution": (0, 0.0),
        "Economic well-being": (1, 25.0),
    }


def test_outcomes_by_age_band_and_region(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk)
    bands = _breakdown(figures, "Age band")
    assert bands["total"] == 4
    assert bands["sizes"] == {
        "Under 10": 0,
        "10 to 12": 2,
        "13 to 15": 1,
        "16 to 17": 1,
        "Not given": 0,
    }
    assert bands["rows"]["Staying safe"]["10 to 12"] == 2
    assert bands["rows"]["Economic well-being"] == {
        "Under 10": 0,
        "10 to 12": 0,
        "13 to 15": 1,
        "16 to 17": 0,
        "Not given": 0,
    }
    regions = _breakdown(figures, "Region")
    assert regions["sizes"]["London"] == 2
    assert regions["sizes"]["North East"] == 1
    assert regions["sizes"]["Not given"] == 1
    assert regions["rows"]["Staying safe"]["London"] == 2
    region = next(b for b in figures.breakdowns if b.name == "Region")
    label, cells, _ = region.rows[1]
    assert label == "Staying safe"
    london = dict(zip(region.groups, cells, strict=True))
    assert (london["London"].count, london["London"].share) == (2, 100.0)


def test_a_rating_question_as_a_distribution_with_its_mean_and_interval(analyst, data):
    [scale] = _figures(analyst, consultation=data.school.pk).scales
    assert scale.label == HAPPY
    assert scale.outcome == "Enjoying and achieving"
    assert {v: cell.count for v, cell in scale.rows} == {1: 0, 2: 1, 3: 0, 4: 2, 5: 1}
    assert scale.total.count == 4
    # ratings 5, 4, 4, 2: mean 3.75, s = 1.258, t(3) = 3.182, margin 2.002; within the scale
    assert scale.summary.mean == pytest.approx(3.75)
    assert scale.summary.low == pytest.approx(1.748, abs=0.001)
    assert scale.summary.high == 5


def test_key_phrases_per_outcome_with_counts(analyst, data):
    phrases = dict(_figures(analyst, consultation=data.school.pk).keyphrases)
    assert [(p, c.count) for p, c in phrases["Staying safe"]] == [
        ("safer buses", 2),
        ("healthy food", 1),
    ]
    assert [(p, c.count) for p, c in phrases["Economic well-being"]] == [("bus fares", 1)]
    # "healthy food" is r2's, but an analyst said r2 is not about being healthy.
    assert phrases["Being healthy"] == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", {"Being healthy": 0, "Staying safe": 2, "Economic well-being": 1}),
        ("model", {"Being healthy": 1, "Staying safe": 2, "Economic well-being": 0}),
        ("analyst", {"Being healthy": 0, "Staying safe": 0, "Economic well-being": 1}),
    ],
)
def test_tags_from_the_model_or_analysts(analyst, data, source, expected):
    figures = _figures(analyst, consultation=data.school.pk, source=source)
    counts = {label: count for label, (count, _) in _outcomes(figures).items()}
    assert {label: counts[label] for label in expected} == expected


def test_all_consultations_together(analyst, data):
    figures = _figures(analyst)
    assert figures.responses.count == 5
    assert _outcomes(figures)["Staying safe"][0] == 3


def test_filters_narrow_every_figure(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk, age_band="10_12")
    assert figures.responses.count == 2
    assert _breakdown(figures, "Age band")["sizes"] == {"10 to 12": 2}
    figures = _figures(analyst, region="north_east")
    assert figures.responses.count == 1
    assert _outcomes(figures)["Economic well-being"] == (1, 100.0)
    dated = _figures(analyst, submitted_at_from="2025-03-04", submitted_at_to="2025-03-05")
    assert dated.responses.count == 2


def test_an_outcome_filter_keeps_its_outcome_and_its_ratings(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk, outcome="staying_safe")
    assert figures.responses.count == 2
    assert list(_outcomes(figures)) == ["Staying safe"]
    assert [label for label, _ in figures.keyphrases] == ["Staying safe"]
    # The rating question asks about enjoying and achieving, not staying safe.
    assert figures.scales == []


def test_a_question_filter(analyst, data):
    change = data.question(CHANGE)
    figures = _figures(analyst, consultation=data.school.pk, question=change.pk)
    assert figures.responses.count == 3  # r4 left it blank
    assert _outcomes(figures)["Staying safe"] == (2, pytest.approx(200 / 3))
    assert figures.scales == []
    happy = data.question(HAPPY)
    [scale] = _figures(analyst, question=happy.pk).scales
    assert scale.total.count == 4


def test_every_number_opens_the_responses_behind_it(analyst, data):
    for params in (
        {"consultation": data.school.pk},
        {"consultation": data.school.pk, "source": "model"},
        {"region": "london"},
        {"consultation": data.school.pk, "outcome": "staying_safe", "age_band": "10_12"},
    ):
        cells = [cell for cell in _every_cell(_figures(analyst, **params)) if cell.url]
        assert cells
        for cell in cells:
            listing = analyst.get(cell.url)
            assert listing.status_code == 200, cell.url
            assert listing.context["paginator"].count == cell.count, cell.url


def test_links_carry_the_filters(analyst, data):
    figures = _figures(analyst, consultation=data.school.pk, source="model")
    phrases = dict(figures.keyphrases)
    phrase, cell = phrases["Staying safe"][0]
    query = parse_qs(urlparse(cell.url).query)
    assert query == {
        "consultation": [str(data.school.pk)],
        "outcome": ["staying_safe"],
        "source": ["model"],
        "complete": ["yes"],
        "keyphrase": [phrase],
    }


def test_charts_are_svg_with_a_name_a_description_and_a_table(analyst, data):
    response = analyst.get(DASHBOARD, {"consultation": data.school.pk})
    html = response.content.decode()
    assert html.count('role="img"') == 3  # over time, outcomes, one rating question
    assert '<title id="timeline-title">Responses per day</title>' in html
    assert 'aria-labelledby="outcomes-title outcomes-desc"' in html
    assert "<caption>Finished responses per day</caption>" in html
    assert "<script" not in html.split('<main class="content-wrapper')[1].split("</main>")[0]
    assert "/static/analysis/dashboard.css" in html
    assert "Not for publication" in html


def test_the_menu_has_analysis_for_those_who_may_see_it(client, data):
    # The admin's menu is in the page as data for its sidebar.
    client.force_login(user_with_role(Role.ANALYST))
    assert "/admin/analysis/" in client.get("/admin/").content.decode()
    client.force_login(user_with_role(Role.EDITOR))
    assert "/admin/analysis/" not in client.get("/admin/").content.decode()


def test_filters_that_cannot_be_used_are_said_so(analyst, data):
    response = analyst.get(DASHBOARD, {"submitted_at_from": "not a date", "outcome": "nonsense"})
    assert response.status_code == 400
    assert "Some filters could not be used" in response.content.decode()


def test_with_no_responses_yet(analyst, client):
    response = analyst.get(DASHBOARD)
    assert response.status_code == 200
    assert "No finished responses match these filters." in response.content.decode()
    export = analyst.get("/admin/analysis/figures.csv")
    assert export.status_code == 200
