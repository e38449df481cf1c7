"""The one `Decision` type every app's rules return: allowed or not, and a reason a person can
read. The apps' own rules live in their own `rules.py`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def refused(reason: str) -> Decision:
    return Decision(False, reason)
