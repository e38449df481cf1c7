"""The hook through which the apps that take young people's words (consultations, the
parliament) have them screened for possible safeguarding disclosures, without importing the
safeguarding app that sits above them. The safeguarding app connects to both signals in its
`AppConfig.ready()`.

1. Before storing, the app sends `screen_requested` with the texts; a receiver returns a
   `Concern` or None (`concern_in` picks the first concern).
2. Inside the transaction that stores the words, the app sends `concern_stored` with the
   stored object (a response or a comment) and the concern, so the flag commits with them.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.dispatch import Signal

log = logging.getLogger(__name__)

# args: texts (a list of str). Receivers return a Concern or None.
screen_requested = Signal()
# args: source (the stored Response or Comment), concern (a Concern), new (True when the
# source was stored in this same transaction, so it cannot have a flag yet).
concern_stored = Signal()

# Where a concern was found: the fast screen inside the request, or the full analysis after it.
SCREEN = "request"
ANALYSIS = "pipeline"


@dataclass(frozen=True)
class Concern:
    """What a screen found: the kind of harm, the words that raised it, its score, and whether
    it is sure enough to show the young person stronger help at once."""

    kind: str
    score: float
    evidence: list[str] = field(default_factory=list)
    sure: bool = False
    stage: str = SCREEN
    pipeline_version: str = ""


def concern_in(texts: Iterable[str], *, sender) -> Concern | None:
    """Ask whoever screens words; None when nothing is found or nobody is listening.

    A screen that fails is logged and passed over: words are stored whatever the screen does,
    and the full analysis after commit screens them again."""
    for receiver, result in screen_requested.send_robust(sender=sender, texts=list(texts)):
        if isinstance(result, Exception):
            log.error("safeguarding screen %r failed", receiver, exc_info=result)
        elif result is not None:
            return result
    return None
