"""The statutory rules for inquiries into an individual child's case, readable on their own.

Under the Children Act 2004 (as enacted, section 4) the Children's Commissioner may hold an
inquiry into the case of an individual child only when the Secretary of State directs it, and
only where the case raises issues of public policy of relevance to other children: the case
has national significance. The commissioner may not start one on its own initiative. The
report goes to the Secretary of State. Nothing here touches the database; the models and
services call these functions and refuse what they refuse. A later legal regime can be added
beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.db import models


class SignatoryOffice(models.TextChoices):
    SECRETARY_OF_STATE = "secretary_of_state", "Secretary of State"
    MINISTER_ACTING = "minister_acting", "A minister acting for the Secretary of State"


@dataclass(frozen=True)
class DirectionFacts:
    """What a direction must state for an inquiry to exist."""

    reference: str
    given_on: date | None
    signatory_name: str
    signatory_office: str
    child_named: bool
    reasons: str
    national_significance: str
    terms_of_reference: str
    has_letter: bool


def direction_problems(facts: DirectionFacts, *, today: date) -> list[str]:
    """Every reason this direction cannot start an inquiry; empty when it can."""
    problems = []
    if not facts.reference.strip():
        problems.append("The direction has no reference.")
    if facts.given_on is None:
        problems.append("The direction has no date.")
    elif facts.given_on > today:
        problems.append("The direction is dated in the future.")
    if not facts.signatory_name.strip():
        problems.append("The direction has no signatory.")
    if facts.signatory_office not in SignatoryOffice.values:
        problems.append(
            "Only the Secretary of State, or a minister acting for them, can direct an inquiry."
        )
    if not facts.child_named:
        problems.append("A direction is into the case of one particular child: name the child.")
    if not facts.reasons.strip():
        problems.append("The direction gives no reasons.")
    if not facts.national_significance.strip():
        problems.append(
            "The direction does not say why the case has national significance, which the law "
            "requires."
        )
    if not facts.terms_of_reference.strip():
        problems.append("The direction has no terms of reference.")
    if not facts.has_letter:
        problems.append("Attach the Secretary of State's letter.")
    return problems


# --- Lifecycle ---------------------------------------------------------------------------------


class State(models.TextChoices):
    DIRECTED = "directed", "Directed"
    SCOPING = "scoping", "Scoping"
    EVIDENCE = "evidence", "Evidence gathering"
    DRAFTING = "drafting", "Drafting"
    ACCURACY = "accuracy", "Factual accuracy check"
    REPORT_SENT = "report_sent", "Report sent to the Secretary of State"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn by the Secretary of State"


_FORWARD = [
    State.DIRECTED,
    State.SCOPING,
    State.EVIDENCE,
    State.DRAFTING,
    State.ACCURACY,
    State.REPORT_SENT,
    State.CLOSED,
]
# Each state's next state; the accuracy check may send a draft back for changes. The Secretary
# of State may withdraw a direction at any point before the report is sent.
MOVES: dict[str, set[str]] = {state: {_FORWARD[i + 1]} for i, state in enumerate(_FORWARD[:-1])}
MOVES[State.ACCURACY] = {State.REPORT_SENT, State.DRAFTING}
MOVES[State.CLOSED] = set()
MOVES[State.WITHDRAWN] = set()
for _state in (State.DIRECTED, State.SCOPING, State.EVIDENCE, State.DRAFTING, State.ACCURACY):
    MOVES[_state].add(State.WITHDRAWN)

# Evidence is fixed once drafting begins, so the report rests on what was gathered.
EVIDENCE_OPEN = {State.DIRECTED, State.SCOPING, State.EVIDENCE}
FINISHED = {State.CLOSED, State.WITHDRAWN}


def move_problem(current: str, target: str, *, reason: str) -> str:
    """Why this move may not happen, or "" when it may."""
    if target not in MOVES.get(current, set()):
        return (
            f"An inquiry cannot move from {State(current).label.lower()} "
            f"to {State(target).label.lower()}."
        )
    if not reason.strip():
        return "Record why the inquiry is moving on."
    return ""


# --- Evidence ------------------------------------------------------------------------------------

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
# Checked from the file's own bytes, never from its name or the browser's say-so.
EVIDENCE_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


# --- Deadlines in working days -----------------------------------------------------------------


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    import holidays

    # England and Wales share their bank holidays; the subdivision "ENG" gives them.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=[year]).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 if end is not after start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


# Working days an agency has to answer an information request under the duty to co-operate,
# unless the team sets another date.
INFORMATION_REQUEST_DAYS = 20
# Working days for the factual accuracy check.
ACCURACY_CHECK_DAYS = 10


# --- Retention and publication -------------------------------------------------------------------

# After an inquiry closes (or is withdrawn) the child's identifying details are kept this long,
# then anonymised; counts and the audit trail stay.
RETENTION_AFTER_FINISH = timedelta(days=6 * 365)


def retention_date(finished_on: date) -> date:
    return finished_on + RETENTION_AFTER_FINISH


def publication_problems(
    *, may_identify: bool, identity_reasons: str, redacted_text: str, identifiers: list[str]
) -> list[str]:
    """A report may be published only with a recorded identity decision, and, unless the
    child may be identified, a version from which the child's identifiers are removed."""
    problems = []
    if not identity_reasons.strip():
        problems.append("Record the reasons for the decision on identifying the child.")
    if not redacted_text.strip():
        problems.append("Write the version of the report for publication.")
    if not may_identify:
        lowered = redacted_text.lower()
        left = [i for i in identifiers if i and i.lower() in lowered]
        if left:
            problems.append(
                "The version for publication still identifies the child: " + ", ".join(left)
            )
    return problems
