"""The five outcomes side by side, consultation by consultation (the dataset of
tests/analysis/dataset.py, counted by hand)."""

import re

import pytest

from analysis.selectors.outcomes import outcomes_by_consultation

pytestmark = pytest.mark.django_db


def test_each_consultation_counts_its_finished_responses_about_each_outcome(data):
    school, other = outcomes_by_consultation()
    assert (school.consultation, school.responses) == (data.school, 4)
    assert school.about == {
        "being_healthy": 0,  # r2's model tag was overruled by an analyst
        "staying_safe": 2,  # r1 and r2; r5 is unfinished
        "enjoying_and_achieving": 0,
        "positive_contribution": 0,
        "economic_wellbeing": 1,  # r3, an analyst's tag
    }
    assert (other.consultation, other.responses, other.about["staying_safe"]) == (
        data.other,
        1,
        1,
    )
    assert school.share("staying_safe") == 0.5


def test_every_number_opens_the_responses_behind_it(analyst, data):
    html = analyst.get("/admin/analysis/outcomes/").content.decode()
    row = html[html.index('<th scope="row">School day</th>') :]
    links = re.findall(r'<a href="([^"]+)">(\d+)</a>', row)[:6]
    assert [n for _, n in links] == ["4", "0", "2", "0", "0", "1"]
    staying_safe_url = links[2][0].replace("&amp;", "&")
    listed = analyst.get(staying_safe_url).content.decode()
    assert {name for name, r in data.responses.items() if r.short_ref in listed} == {"r1", "r2"}
