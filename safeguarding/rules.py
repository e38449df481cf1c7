"""The safeguarding rules, in one place: the order of the queue, the clock, what each step of
a flag's workflow needs, and how a later finding is merged into a flag on the queue."""

from datetime import datetime

from core.rules import ALLOWED, Decision, refused

OPEN = "open"
ACKNOWLEDGED = "acknowledged"
CLOSED = "closed"
NO_ACTION = "no_action"

# Most severe first: on the queue, open flags of these kinds come before the others, then the
# oldest. Immediate danger to life and serious harm by adults lead.
SEVERITY = (
    "suicidal_thoughts",
    "sexual_abuse",
    "physical_abuse",
    "forced_marriage",
    "criminal_exploitation",
    "grooming_online",
    "domestic_violence",
    "self_harm",
    "placement_abuse",
    "runaway_homeless",
    "neglect",
)


def severity_rank(kind: str) -> int:
    return SEVERITY.index(kind) if kind in SEVERITY else len(SEVERITY)


def flag_is_overdue(*, status: str, due_at: datetime | None, now: datetime) -> bool:
    """Past its target and nobody has acknowledged it yet."""
    return status == OPEN and due_at is not None and now >= due_at


def flag_can_acknowledge(*, status: str) -> Decision:
    if status != OPEN:
        return refused("Only a flag waiting for review can be acknowledged.")
    return ALLOWED


def flag_can_close(*, status: str, action: str, action_taken: str) -> Decision:
    """A flag leaves the queue only when a person has recorded what was done: a referral,
    with who was told; or no action, with the reason."""
    if status == CLOSED:
        return refused("This flag is already closed.")
    if not action:
        return refused("Choose what was done.")
    if not action_taken.strip():
        if action == NO_ACTION:
            return refused("Say why no action is needed.")
        return refused("Record what was done before closing a flag.")
    return ALLOWED


def flag_can_reopen(*, status: str, reason: str) -> Decision:
    if status != CLOSED:
        return refused("Only a closed flag can be reopened.")
    if not reason.strip():
        return refused("Say why the flag is reopened.")
    return ALLOWED


def evidence_merged(current: list[str], found: list[str]) -> list[str]:
    """The flag's evidence with what a later screen found added, in order, without repeats.
    A flag is never lowered by a later screen: evidence is only ever added."""
    return current + [e for e in dict.fromkeys(found) if e not in current]
