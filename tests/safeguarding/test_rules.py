from safeguarding import rules


def test_a_flag_closes_only_with_a_record_of_what_was_done():
    refused = rules.flag_can_close(closing=True, action_taken="   ")
    assert (refused.allowed, refused.reason) == (
        False,
        "Record what was done before closing a flag.",
    )
    assert rules.flag_can_close(closing=True, action_taken="Called the family's social worker.")


def test_a_flag_left_open_needs_no_record():
    assert rules.flag_can_close(closing=False, action_taken="")


def test_later_evidence_is_added_in_order_without_repeats():
    merged = rules.evidence_merged(
        ["hits me"], ["scared to go home", "hits me", "scared to go home"]
    )
    assert merged == ["hits me", "scared to go home"]
