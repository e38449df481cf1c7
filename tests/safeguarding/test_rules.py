from datetime import UTC, datetime, timedelta

import pytest

from safeguarding import rules


@pytest.mark.parametrize(
    ("action", "details", "reason"),
    [
        ("", "Rang the LADO.", "Choose what was done."),
        ("police", "  ", "Record what was done before closing a flag."),
        ("no_action", "", "Say why no action is needed."),
    ],
)
def test_a_flag_closes_only_with_a_record_of_what_was_done(action, details, reason):
    decision = rules.flag_can_close(status="open", action=action, action_taken=details)
    assert (decision.allowed, decision.reason) == (False, reason)


def test_a_flag_closes_with_a_referral_and_who_was_told():
    assert rules.flag_can_close(
        status="acknowledged", action="school_dsl", action_taken="Told Ms Example, DSL, 10:00."
    )


def test_a_closed_flag_is_not_closed_again_and_only_a_closed_one_reopens():
    assert not rules.flag_can_close(status="closed", action="police", action_taken="x")
    assert not rules.flag_can_reopen(status="open", reason="new information")
    assert not rules.flag_can_reopen(status="closed", reason=" ")
    assert rules.flag_can_reopen(status="closed", reason="The school rang back.")


def test_only_a_waiting_flag_is_acknowledged():
    assert rules.flag_can_acknowledge(status="open")
    assert not rules.flag_can_acknowledge(status="acknowledged")


def test_a_flag_is_overdue_only_while_nobody_has_acknowledged_it_past_its_target():
    due = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    later = due + timedelta(minutes=1)
    assert rules.flag_is_overdue(status="open", due_at=due, now=later)
    assert not rules.flag_is_overdue(status="open", due_at=due, now=due - timedelta(minutes=1))
    assert not rules.flag_is_overdue(status="acknowledged", due_at=due, now=later)


def test_the_most_severe_kinds_come_first():
    assert rules.severity_rank("suicidal_thoughts") < rules.severity_rank("neglect")
    assert rules.severity_rank("not a kind") == len(rules.SEVERITY)


def test_later_evidence_is_added_in_order_without_repeats():
    merged = rules.evidence_merged(
        ["hits me"], ["scared to go home", "hits me", "scared to go home"]
    )
    assert merged == ["hits me", "scared to go home"]
