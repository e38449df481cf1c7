"""The one `Decision` type every app's rules return: allowed or not, and a reason a person can
read. The apps' own rules live in their own `rules.py`."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def refused(reason: str) -> Decision:
    return Decision(False, reason)


def require(decision: Decision) -> None:
    """What services do with a rule's refusal: raise it, with the reason a person reads."""
    if not decision:
        raise ValidationError(decision.reason)
