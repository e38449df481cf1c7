"""The rules of casework, readable on their own: the statutory frame for inquiries into an
individual child's case, and the service's own rules that follow from it (who may open an
inquiry, break glass, deadlines in working days, retention).

Under the Children Act 2004 (as enacted, section 4) the Children's Commissioner may hold an
inquiry into the case of an individual child only when the Secretary of State directs it, and
only where the case raises issues of public policy of relevance to other children: the case
has national significance. The commissioner may not start one on its own initiative. The
report goes to the Secretary of State.

Nothing here reads inquiries from the database. The selectors turn the access rule into
querysets; the models and services call these functions and refuse what they refuse. The one
thing read is a person's role permissions, in `Standing.of`. Rules that answer "may this
happen" return a `Decision` whose reason is shown to the person. A later legal regime can be
added beside this module.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import models

from core.calendar import working_days_after, working_days_between
from core.rules import ALLOWED, Decision, refused

# --- Who may do what: the one access rule -----------------------------------------------------

# Roles only open the door (cms/roles.py grants these); the inquiry's team decides what is inside.
RUN = "commissioner.run_inquiry"
OVERSEE = "commissioner.oversee_inquiries"
# Holders of either permission may be put on an inquiry's team.
TEAM_CODENAMES = ("run_inquiry", "oversee_inquiries")


@dataclass(frozen=True)
class Standing:
    """What the access rules need to know about a person."""

    active: bool = False
    runs: bool = False  # works on the inquiries whose team they are on (caseworkers)
    oversees: bool = False  # lists every inquiry, breaks glass, reads the audit trail

    @classmethod
    def of(cls, user) -> Standing:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls()
        return cls(active=True, runs=user.has_perm(RUN), oversees=user.has_perm(OVERSEE))


class Reach(enum.Enum):
    """Which inquiries a person reaches. `selectors` turns each into one query."""

    NONE = "none"
    TEAM = "team"  # those whose team they are on
    TEAM_OR_GLASS = "team_or_glass"  # and those they broke glass into, until it expires
    ALL = "all"


OPEN_REFUSAL = "Only the inquiry's team can do this."


def casework_allowed(standing: Standing) -> Decision:
    """The door to the casework screens at all."""
    if standing.active and (standing.runs or standing.oversees):
        return ALLOWED
    return refused("Casework is only for caseworkers and the commissioner.")


def listing_reach(standing: Standing) -> Reach:
    """The inquiries in a person's list, search and overdue counts: reference and stage only,
    nothing about the child. Deny by default."""
    if not standing.active:
        return Reach.NONE
    if standing.oversees:
        return Reach.ALL
    if standing.runs:
        return Reach.TEAM
    return Reach.NONE


def opening_reach(standing: Standing) -> Reach:
    """The inquiries whose child's record, evidence and papers a person may read now. The
    commissioner opens one they are not on only by breaking glass."""
    return Reach.TEAM_OR_GLASS if casework_allowed(standing) else Reach.NONE


def direction_record_allowed(standing: Standing) -> Decision:
    if casework_allowed(standing):
        return ALLOWED
    return refused("Only caseworkers and the commissioner record directions.")


def team_set_allowed(standing: Standing) -> Decision:
    if standing.active and standing.oversees:
        return ALLOWED
    return refused("Only the commissioner assigns inquiry teams.")


def team_self_add_allowed(*, adds_self: bool) -> Decision:
    """Putting yourself on a team would open the child's record with no reason, no expiry and
    no review: another commissioner does it, or you break glass."""
    if not adds_self:
        return ALLOWED
    return refused(
        "You cannot add yourself to an inquiry's team. Ask another commissioner to add you, "
        f"or break glass to open it for {BREAK_GLASS_HOURS} hours with a reason someone else "
        "reviews."
    )


def team_size_allowed(members: int) -> Decision:
    if members >= 1:
        return ALLOWED
    return refused("An inquiry needs at least one person on its team.")


def audit_trail_allowed(standing: Standing) -> Decision:
    if standing.active and standing.oversees:
        return ALLOWED
    return refused("Only the commissioner reads the audit trail.")


# --- Break glass ---------------------------------------------------------------------------------

# How long an opening lasts; afterwards the commissioner must break glass again.
BREAK_GLASS_HOURS = 8
# A reason another person can review is a sentence: this many different words, this long.
BREAK_GLASS_REASON_MIN_WORDS = 5
BREAK_GLASS_REASON_MIN_CHARS = 25
_WORD = re.compile(r"[^\W\d_]{2,}")  # two or more letters


def break_glass_allowed(standing: Standing, *, on_team: bool) -> Decision:
    if standing.active and standing.oversees and not on_team:
        return ALLOWED
    return refused("Only the commissioner can break glass, into an inquiry they are not on.")


def break_glass_reason_allowed(reason: str) -> Decision:
    words = set(_WORD.findall(reason.lower()))
    if len(reason.strip()) >= BREAK_GLASS_REASON_MIN_CHARS and (
        len(words) >= BREAK_GLASS_REASON_MIN_WORDS
    ):
        return ALLOWED
    return refused(
        "Give your reason as a sentence saying why you need to open this inquiry now, in at "
        f"least {BREAK_GLASS_REASON_MIN_WORDS} different words and "
        f"{BREAK_GLASS_REASON_MIN_CHARS} characters. Someone else will review it."
    )


def break_glass_expires_at(opened_at: datetime) -> datetime:
    return opened_at + timedelta(hours=BREAK_GLASS_HOURS)


def break_glass_review_allowed(standing: Standing, *, broke_it: bool) -> Decision:
    if standing.active and standing.oversees and not broke_it:
        return ALLOWED
    return refused("Someone other than the person who broke glass reviews it.")


# --- The direction -------------------------------------------------------------------------------


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
# The report is written while drafting, and changed after the factual accuracy check.
REPORT_WRITING = {State.DRAFTING, State.ACCURACY}
# The report is sealed and sent from the factual accuracy check, and from no other stage.
REPORT_SENT_FROM = State.ACCURACY
FINISHED = {State.CLOSED, State.WITHDRAWN}


def record_change_allowed(state: str) -> Decision:
    """A finished inquiry's record is read, never changed: what retention anonymises is what
    was there when it finished."""
    if state in FINISHED:
        return refused("This inquiry is closed: its record can be read but no longer changed.")
    return ALLOWED


def moves_from(state: str) -> list[str]:
    """The states an inquiry may move to next, in a stable order for a form."""
    return sorted(MOVES.get(state, set()))


def move_allowed(current: str, target: str, *, reason: str, report_sealed: bool) -> Decision:
    if target not in MOVES.get(current, set()):
        return refused(
            f"An inquiry cannot move from {State(current).label.lower()} "
            f"to {State(target).label.lower()}."
        )
    if not reason.strip():
        return refused("Record why the inquiry is moving on.")
    if target == State.REPORT_SENT and not report_sealed:
        return refused("Seal and send the report to move the inquiry on.")
    return ALLOWED


def withdrawal_allowed(standing: Standing) -> Decision:
    """Only the commissioner records that the Secretary of State withdrew a direction."""
    if standing.active and standing.oversees:
        return ALLOWED
    return refused("Only the commissioner records that a direction was withdrawn.")


# --- Evidence and documents --------------------------------------------------------------------

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
# Checked from the file's own bytes, never from its name or the browser's say-so.
EVIDENCE_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


def evidence_add_allowed(state: str) -> Decision:
    if state in EVIDENCE_OPEN:
        return ALLOWED
    return refused("Evidence is frozen once drafting begins.")


def document_size_allowed(size: int) -> Decision:
    if size <= EVIDENCE_MAX_BYTES:
        return ALLOWED
    return refused(f"The file is too large: the limit is {EVIDENCE_MAX_BYTES // (1024 * 1024)} MB.")


def document_type_allowed(mime: str) -> Decision:
    """`mime` is what the bytes say the file is."""
    if mime in EVIDENCE_TYPES:
        return ALLOWED
    return refused("This file is not a PDF, Word document, PNG or JPEG, whatever its name says.")


# --- Deadlines in working days -----------------------------------------------------------------


# Working days an agency has to answer an information request under the duty to co-operate,
# unless the team sets another date.
INFORMATION_REQUEST_DAYS = 20
# The shortest deadline the team may set.
DEADLINE_MIN_WORKING_DAYS = 1


def request_due_on(sent_on: date) -> date:
    """When an agency's reply is due if the team sets no other date."""
    return working_days_after(sent_on, INFORMATION_REQUEST_DAYS)


def request_dates_allowed(*, sent_on: date, due_on: date) -> Decision:
    if due_on > sent_on:
        return ALLOWED
    return refused("The reply must be due after the request is sent.")


def request_overdue(*, due_on: date, replied_on: date | None, today: date) -> bool:
    """A request is late from the day after it was due until the reply arrives."""
    return replied_on is None and today > due_on


def deadline_length_allowed(working_days: int) -> Decision:
    if working_days >= DEADLINE_MIN_WORKING_DAYS:
        return ALLOWED
    return refused("A deadline is at least one working day away.")


def deadline_overdue(
    *, due_on: date, met_on: date | None, paused_on: date | None, today: date
) -> bool:
    """A deadline is late once passed, unless it was met or its clock is paused."""
    return met_on is None and paused_on is None and today > due_on


def deadline_resumed_due_on(*, due_on: date, paused_on: date, resumed_on: date) -> date:
    """Restarting the clock moves the due date on by the working days it was paused."""
    paused = working_days_between(paused_on, resumed_on)
    return working_days_after(due_on, paused) if paused else due_on


# --- The report, publication and retention -------------------------------------------------------


def report_edit_allowed(state: str) -> Decision:
    if state in REPORT_WRITING:
        return ALLOWED
    return refused("The report is written while the inquiry is drafting.")


def report_send_allowed(
    *, state: str, has_draft: bool, publication_problems: list[str], has_recommendations: bool
) -> Decision:
    """The report is sent after the factual accuracy check, with a version for publication
    that passes `publication_problems`, and with its recommendations."""
    if state != REPORT_SENT_FROM:
        return refused("The report is sent after the factual accuracy check.")
    if not has_draft:
        return refused("There is no report to send.")
    if publication_problems:
        return refused(" ".join(publication_problems))
    if not has_recommendations:
        return refused("Add the report's recommendations before sending it.")
    return ALLOWED


def report_digest(text: str) -> str:
    """The SHA-256 digest a sent report is sealed with, so any copy can be checked against it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Parts of an identifier this short match too many ordinary words to be worth looking for.
IDENTIFIER_MIN_CHARS = 3


def child_identifiers(
    *, name: str, nhs_number: str, local_authority_reference: str, date_of_birth: date | None
) -> list[str]:
    """What would identify the child in a published report."""
    candidates = [
        name,
        *name.split(),
        nhs_number,
        local_authority_reference,
        date_of_birth.strftime("%d/%m/%Y") if date_of_birth else "",
    ]
    return [value for value in candidates if len(value) >= IDENTIFIER_MIN_CHARS]


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


# After an inquiry closes (or is withdrawn) the child's identifying details are kept this long,
# then anonymised; counts and the audit trail stay.
RETENTION_AFTER_FINISH = timedelta(days=6 * 365)
# What the child's name becomes, and the details that are emptied, when retention ends.
ANONYMISED = "[anonymised]"
CHILD_DETAILS_REMOVED = (
    "local_authority",
    "school",
    "gp",
    "lead_professional",
    "local_authority_reference",
    "nhs_number",
)


def retention_date(finished_on: date) -> date:
    """The last day the child's details are kept; they are anonymised the day after."""
    return finished_on + RETENTION_AFTER_FINISH


def anonymisation_terms(
    *, identifiers: list[str], details: list[str], date_of_birth: date | None
) -> list[str]:
    """What is replaced in every text kept about the child when retention ends: their
    identifiers (`child_identifiers`), the other details of their record, and their date of
    birth as people write it. Longest first, so a full name goes before its parts."""
    dates = []
    if date_of_birth:
        dates = [f"{date_of_birth.day} {date_of_birth:%B %Y}", date_of_birth.isoformat()]
    terms = {t.strip() for t in [*identifiers, *details, *dates]}
    return sorted((t for t in terms if len(t) >= IDENTIFIER_MIN_CHARS), key=len, reverse=True)


def anonymised(text: str, terms: list[str]) -> str:
    """`text` with each whole-word occurrence of a term, in any case, replaced by ANONYMISED."""
    if not (text and terms):
        return text
    alternatives = "|".join(re.escape(term) for term in terms)
    return re.sub(rf"(?<!\w)(?:{alternatives})(?!\w)", ANONYMISED, text, flags=re.IGNORECASE)
