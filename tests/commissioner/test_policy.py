"""The statutory rules, read and tested on their own."""

from datetime import date

import pytest

from commissioner import policy
from commissioner.policy import State

TODAY = date(2026, 11, 22)


def _facts(**overrides):
    values = dict(
        reference="SoS/1",
        given_on=date(2026, 11, 1),
        signatory_name="A. Minister",
        signatory_office="secretary_of_state",
        child_named=True,
        reasons="Reasons",
        national_significance="Why it matters nationally",
        terms_of_reference="Terms",
        has_letter=True,
    )
    values.update(overrides)
    return policy.DirectionFacts(**values)


def test_a_complete_direction_has_no_problems():
    assert policy.direction_problems(_facts(), today=TODAY) == []


@pytest.mark.parametrize(
    ("override", "problem"),
    [
        ({"reference": " "}, "no reference"),
        ({"given_on": None}, "no date"),
        ({"given_on": date(2026, 11, 23)}, "in the future"),
        ({"signatory_name": ""}, "no signatory"),
        ({"signatory_office": "commissioner"}, "Only the Secretary of State"),
        ({"child_named": False}, "one particular child"),
        ({"reasons": ""}, "no reasons"),
        ({"national_significance": ""}, "national significance"),
        ({"terms_of_reference": ""}, "terms of reference"),
        ({"has_letter": False}, "letter"),
    ],
)
def test_each_missing_part_of_a_direction_is_refused(override, problem):
    problems = policy.direction_problems(_facts(**override), today=TODAY)
    assert len(problems) == 1 and problem in problems[0]


def test_a_minister_acting_for_the_secretary_of_state_may_sign():
    assert not policy.direction_problems(_facts(signatory_office="minister_acting"), today=TODAY)


# Every move the lifecycle allows, written out; every other pair of states is refused.
ALLOWED_MOVES = {
    (State.DIRECTED, State.SCOPING),
    (State.SCOPING, State.EVIDENCE),
    (State.EVIDENCE, State.DRAFTING),
    (State.DRAFTING, State.ACCURACY),
    (State.ACCURACY, State.DRAFTING),
    (State.ACCURACY, State.REPORT_SENT),
    (State.REPORT_SENT, State.CLOSED),
    (State.DIRECTED, State.WITHDRAWN),
    (State.SCOPING, State.WITHDRAWN),
    (State.EVIDENCE, State.WITHDRAWN),
    (State.DRAFTING, State.WITHDRAWN),
    (State.ACCURACY, State.WITHDRAWN),
}


@pytest.mark.parametrize("current", State.values)
@pytest.mark.parametrize("target", State.values)
def test_every_pair_of_states(current, target):
    allowed = (current, target) in ALLOWED_MOVES
    assert (policy.move_problem(current, target, reason="Because") == "") is allowed


def test_every_move_needs_a_reason():
    assert "why" in policy.move_problem(State.DIRECTED, State.SCOPING, reason=" ")


def test_working_days_skip_weekends_and_bank_holidays_in_england_and_wales():
    # Thursday 24 December 2026: Friday is Christmas, Monday 28th is Boxing Day (observed).
    assert policy.working_days_after(date(2026, 12, 24), 1) == date(2026, 12, 29)
    # Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays.
    assert policy.working_days_after(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert policy.working_days_after(date(2026, 11, 20), 5) == date(2026, 11, 27)
    assert policy.working_days_between(date(2026, 11, 20), date(2026, 11, 27)) == 5


def test_a_report_for_publication_must_not_identify_the_child_unless_decided():
    ids = ["Robin Example", "Robin"]
    problems = policy.publication_problems(
        may_identify=False,
        identity_reasons="Risk of harm",
        redacted_text="Robin was let down.",
        identifiers=ids,
    )
    assert problems and "still identifies" in problems[0]
    assert not policy.publication_problems(
        may_identify=False,
        identity_reasons="Risk of harm",
        redacted_text="Child A was let down.",
        identifiers=ids,
    )
    assert policy.publication_problems(
        may_identify=True, identity_reasons="", redacted_text="Robin", identifiers=ids
    )
