"""The safeguarding rules, in one place: what closing a flag needs, and how a new finding is
merged into a flag that is already on the queue."""

from core.rules import ALLOWED, Decision, refused


def flag_can_close(*, closing: bool, action_taken: str) -> Decision:
    """A flag leaves the queue only when a person has recorded what was done."""
    if closing and not action_taken.strip():
        return refused("Record what was done before closing a flag.")
    return ALLOWED


def evidence_merged(current: list[str], found: list[str]) -> list[str]:
    """The flag's evidence with what a later screen found added, in order, without repeats.
    A flag is never lowered by a later screen: evidence is only ever added."""
    return current + [e for e in dict.fromkeys(found) if e not in current]
