"""The signed token each answer form carries, for idempotency and the closing-time grace."""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing

SALT = "consultations.submission-token"


@dataclass(frozen=True)
class SubmissionToken:
    key: str
    consultation_id: int
    issued_at: datetime


def token_issue(*, consultation_id: int) -> str:
    payload = {"k": uuid.uuid4().hex, "c": consultation_id, "t": int(time.time())}
    return signing.dumps(payload, salt=SALT)


def token_read(value: str, *, consultation_id: int) -> SubmissionToken | None:
    """The token's contents, or None if it is missing, altered or for another consultation."""
    if not value or len(value) > 200:
        return None
    try:
        payload = signing.loads(value, salt=SALT)
        token = SubmissionToken(
            key=str(payload["k"]),
            consultation_id=int(payload["c"]),
            issued_at=datetime.fromtimestamp(int(payload["t"]), tz=UTC),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if token.consultation_id != consultation_id:
        return None
    return token
