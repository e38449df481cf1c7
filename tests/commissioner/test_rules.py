"""The statutory rules, read and tested on their own."""

import hashlib
from datetime import UTC, date, datetime, timedelta

import pytest

from commissioner import rules
from commissioner.rules import Reach, Standing, State

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

# The casework roles as the rules see them (cms/roles.py grants the permissions).
CASEWORKER = Standing(active=True, runs=True)
COMMISSIONER = Standing(active=True, runs=True, oversees=True)
OTHER_STAFF = Standing(active=True)
DEACTIVATED_COMMISSIONER = Standing(active=False, runs=True, oversees=True)
NOBODY = Standing()


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
    return rules.DirectionFacts(**values)


def test_a_complete_direction_has_no_problems():
    assert rules.direction_problems(_facts(), today=TODAY) == []


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
    problems = rules.direction_problems(_facts(**override), today=TODAY)
    assert len(problems) == 1 and problem in problems[0]


def test_a_minister_acting_for_the_secretary_of_state_may_sign():
    assert not rules.direction_problems(_facts(signatory_office="minister_acting"), today=TODAY)


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
    decision = rules.move_allowed(current, target, reason="Because", report_sealed=True)
    assert bool(decision) is allowed
    assert (decision.reason == "") is allowed  # a refusal always says why
    assert rules.moves_from(current) == sorted(t for c, t in ALLOWED_MOVES if c == current)


def test_every_move_needs_a_reason():
    decision = rules.move_allowed(State.DIRECTED, State.SCOPING, reason=" ", report_sealed=False)
    assert not decision and "why" in decision.reason


def test_the_report_is_sent_only_by_sealing_it():
    unsealed = rules.move_allowed(
        State.ACCURACY, State.REPORT_SENT, reason="Sent", report_sealed=False
    )
    assert not unsealed and "Seal and send" in unsealed.reason


def test_only_the_commissioner_records_a_withdrawal():
    assert rules.withdrawal_allowed(COMMISSIONER)
    assert not rules.withdrawal_allowed(CASEWORKER)


def test_working_days_skip_weekends_and_bank_holidays_in_england_and_wales():
    # Thursday 24 December 2026: Friday is Christmas, Monday 28th is Boxing Day (observed).
    assert rules.working_days_after(date(2026, 12, 24), 1) == date(2026, 12, 29)
    # Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays.
    assert rules.working_days_after(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert rules.working_days_after(date(2026, 11, 20), 5) == date(2026, 11, 27)
    assert rules.working_days_between(date(2026, 11, 20), date(2026, 11, 27)) == 5


def test_a_report_for_publication_must_not_identify_the_child_unless_decided():
    ids = ["Robin Example", "Robin"]
    problems = rules.publication_problems(
        may_identify=False,
        identity_reasons="Risk of harm",
        redacted_text="Robin was let down.",
        identifiers=ids,
    )
    assert problems and "still identifies" in problems[0]
    assert not rules.publication_problems(
        may_identify=False,
        identity_reasons="Risk of harm",
        redacted_text="Child A was let down.",
        identifiers=ids,
    )
    assert rules.publication_problems(
        may_identify=True, identity_reasons="", redacted_text="Robin", identifiers=ids
    )


# --- Who reaches which inquiries ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("standing", "door", "listed", "opened"),
    [
        (CASEWORKER, True, Reach.TEAM, Reach.TEAM_OR_GLASS),
        (COMMISSIONER, True, Reach.ALL, Reach.TEAM_OR_GLASS),
        (OTHER_STAFF, False, Reach.NONE, Reach.NONE),
        (DEACTIVATED_COMMISSIONER, False, Reach.NONE, Reach.NONE),
        (NOBODY, False, Reach.NONE, Reach.NONE),
    ],
)
def test_the_access_rule_for_each_kind_of_person(standing, door, listed, opened):
    assert bool(rules.casework_allowed(standing)) is door
    assert bool(rules.direction_record_allowed(standing)) is door
    assert rules.listing_reach(standing) is listed
    assert rules.opening_reach(standing) is opened


def test_the_oversight_rules_are_the_commissioners_alone():
    for rule in (rules.team_set_allowed, rules.audit_trail_allowed):
        assert rule(COMMISSIONER)
        for standing in (CASEWORKER, OTHER_STAFF, DEACTIVATED_COMMISSIONER, NOBODY):
            decision = rule(standing)
            assert not decision and decision.reason
    assert not rules.team_size_allowed(0) and rules.team_size_allowed(1)


def test_only_the_commissioner_breaks_glass_and_only_into_an_inquiry_they_are_not_on():
    assert rules.break_glass_allowed(COMMISSIONER, on_team=False)
    assert not rules.break_glass_allowed(COMMISSIONER, on_team=True)
    assert not rules.break_glass_allowed(CASEWORKER, on_team=False)
    assert not rules.break_glass_reason_allowed("  urgent  ")
    assert rules.break_glass_reason_allowed("Press enquiry needs an answer")
    assert rules.break_glass_expires_at(NOW) == NOW + timedelta(hours=8)
    assert rules.break_glass_review_allowed(COMMISSIONER, broke_it=False)
    assert not rules.break_glass_review_allowed(COMMISSIONER, broke_it=True)
    assert not rules.break_glass_review_allowed(CASEWORKER, broke_it=False)


# --- Evidence, requests, deadlines ---------------------------------------------------------------


@pytest.mark.parametrize("state", State.values)
def test_evidence_is_added_only_until_drafting_begins(state):
    open_states = {State.DIRECTED, State.SCOPING, State.EVIDENCE}
    assert bool(rules.evidence_add_allowed(state)) is (state in open_states)


def test_documents_are_limited_by_size_and_by_the_type_their_bytes_show():
    assert rules.document_size_allowed(20 * 1024 * 1024)
    too_big = rules.document_size_allowed(20 * 1024 * 1024 + 1)
    assert not too_big and "20 MB" in too_big.reason
    for mime in ("application/pdf", "image/png", "image/jpeg"):
        assert rules.document_type_allowed(mime)
    assert not rules.document_type_allowed("text/html")
    assert not rules.document_type_allowed("")


def test_an_information_request_is_due_in_twenty_working_days_and_late_until_answered():
    sent = date(2026, 11, 2)  # a Monday, with no bank holiday in the next four weeks
    assert rules.request_due_on(sent) == date(2026, 11, 30)
    assert not rules.request_dates_allowed(sent_on=sent, due_on=sent)
    assert rules.request_dates_allowed(sent_on=sent, due_on=sent + timedelta(days=1))
    due = date(2026, 11, 30)
    assert not rules.request_overdue(due_on=due, replied_on=None, today=due)
    assert rules.request_overdue(due_on=due, replied_on=None, today=due + timedelta(days=1))
    late_reply = due + timedelta(days=3)
    assert not rules.request_overdue(due_on=due, replied_on=late_reply, today=late_reply)


def test_a_deadline_is_late_unless_met_or_paused_and_a_pause_moves_it_on():
    due, after = date(2026, 11, 27), date(2026, 11, 30)
    assert not rules.deadline_length_allowed(0) and rules.deadline_length_allowed(1)
    assert rules.deadline_overdue(due_on=due, met_on=None, paused_on=None, today=after)
    assert not rules.deadline_overdue(due_on=due, met_on=due, paused_on=None, today=after)
    assert not rules.deadline_overdue(due_on=due, met_on=None, paused_on=due, today=after)
    assert not rules.deadline_overdue(due_on=due, met_on=None, paused_on=None, today=due)
    # Paused Friday 20th, restarted Friday 27th: five working days, so due five working days on.
    resumed = rules.deadline_resumed_due_on(
        due_on=due, paused_on=date(2026, 11, 20), resumed_on=date(2026, 11, 27)
    )
    assert resumed == date(2026, 12, 4)
    same_day = rules.deadline_resumed_due_on(
        due_on=due, paused_on=date(2026, 11, 20), resumed_on=date(2026, 11, 20)
    )
    assert same_day == due


# --- The report, the child's identifiers, retention ----------------------------------------------


@pytest.mark.parametrize("state", State.values)
def test_the_report_is_written_while_drafting_or_checking(state):
    assert bool(rules.report_edit_allowed(state)) is (state in {State.DRAFTING, State.ACCURACY})


def test_what_sending_the_report_needs_in_order():
    ready = dict(
        state=State.ACCURACY, has_draft=True, publication_problems=[], has_recommendations=True
    )
    assert rules.report_send_allowed(**ready)
    for change, reason in [
        ({"state": State.DRAFTING}, "after the factual accuracy check"),
        ({"has_draft": False}, "no report"),
        ({"publication_problems": ["Still names Robin."]}, "Still names Robin."),
        ({"has_recommendations": False}, "recommendations"),
    ]:
        decision = rules.report_send_allowed(**{**ready, **change})
        assert not decision and reason in decision.reason


def test_the_seal_is_the_sha256_of_the_text_as_utf8():
    text = "Robin’s report: agencies did not share information."
    assert rules.report_digest(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert rules.report_digest(text) != rules.report_digest(text + " ")


def test_the_childs_identifiers_leave_out_fragments_too_short_to_search_for():
    identifiers = rules.child_identifiers(
        name="Robin Al Example",
        nhs_number="9990001112",
        local_authority_reference="",
        date_of_birth=date(2015, 3, 4),
    )
    assert identifiers == ["Robin Al Example", "Robin", "Example", "9990001112", "04/03/2015"]


def test_the_childs_details_are_kept_six_years_after_the_inquiry_finishes():
    assert rules.retention_date(date(2026, 11, 22)) == date(2026, 11, 22) + timedelta(days=2190)
    assert "name" not in rules.CHILD_DETAILS_REMOVED  # the name is replaced, not emptied
    assert "nhs_number" in rules.CHILD_DETAILS_REMOVED


@pytest.mark.parametrize(
    "reason",
    [
        "",
        "urgent!!!!",  # ten characters, once enough
        "urgent urgent urgent urgent urgent urgent",  # one word over and over
        "need to see it",  # too few words
        "a b c d e f g h i j k l m n o p",  # no word of two letters
        "12345 67890 12345 67890 12345",
    ],
)
def test_a_break_glass_reason_must_be_a_sentence_someone_can_review(reason):
    decision = rules.break_glass_reason_allowed(reason)
    assert not decision
    assert "at least 5 different words and 25 characters" in decision.reason


@pytest.mark.parametrize(
    "reason",
    [
        "Press enquiry needs an answer",
        "The Secretary of State asked for a briefing on this case today.",
    ],
)
def test_a_real_reason_is_accepted(reason):
    assert rules.break_glass_reason_allowed(reason)


def test_nobody_adds_themselves_to_a_team():
    assert rules.team_self_add_allowed(adds_self=False)
    decision = rules.team_self_add_allowed(adds_self=True)
    assert not decision and "break glass" in decision.reason


@pytest.mark.parametrize("state", list(State))
def test_a_finished_inquirys_record_is_read_only(state):
    assert bool(rules.record_change_allowed(state)) is (state not in rules.FINISHED)


def test_anonymising_replaces_every_identifier_as_a_whole_word_longest_first():
    terms = rules.anonymisation_terms(
        identifiers=rules.child_identifiers(
            name="Robin Example",
            nhs_number="9990001112",
            local_authority_reference="LA/77",
            date_of_birth=date(2014, 3, 3),
        ),
        details=["Example Primary School", "", "Dr Able"],
        date_of_birth=date(2014, 3, 3),
    )
    text = (
        "ROBIN EXAMPLE (NHS 9990001112, LA/77, born 3 March 2014 or 03/03/2014) went to "
        "Example Primary School and saw Dr Able; Robin's robins and Exampleshire stay."
    )
    assert rules.anonymised(text, terms) == (
        "[anonymised] (NHS [anonymised], [anonymised], born [anonymised] or [anonymised]) went "
        "to [anonymised] and saw [anonymised]; [anonymised]'s robins and Exampleshire stay."
    )
    assert rules.anonymised(text, []) == text
