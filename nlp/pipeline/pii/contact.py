"""Email addresses and phone numbers, by pattern: 'jaydenb2011@example.com', 'skaterkid99 at
example dot com', '07700 900461', '0161-496-0123'."""

from __future__ import annotations

import re

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.shapes import matches
from nlp.pipeline.pii.text import Answer, Span

# A list of decimals, not a phone number typed with dots: "0.5 0.6 0.7 0.8 0.9 1.0".
_DECIMALS = re.compile(r"\d{1,3}\.\d{1,3}(?:,?\s+\d{1,3}\.\d{1,3})+")
_NOT_DIGIT = re.compile(r"\D")
_SPELLED_AT = re.compile(r"\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|@", re.IGNORECASE)


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    spans: list[Span] = []
    text = answer.text
    for key, _, start, end in matches(answer, lex, ("EMAIL", "PHONE")):
        shown = text[start:end]
        label = key.split("_")[0]
        if label == "PHONE" and (
            _NOT_DIGIT.sub("", shown) in lex.helplines or _DECIMALS.fullmatch(shown)
        ):
            continue  # a helpline is no one's personal data
        if key == "EMAIL_SPELLED" and not _spelled_email(shown, text):
            continue
        spans.append((start, end, label))
    return spans


def _spelled_email(found: str, text: str) -> bool:
    """'skaterkid99 at example dot com' is an address; 'shop at amazon dot com' only when the
    answer talks of email."""
    local = _SPELLED_AT.split(found, maxsplit=1)[0]
    if "@" in found or any(c.isdigit() or c in "._+" for c in local) or " " in local.strip():
        return True
    low = text.lower()
    return "mail" in low or "contact" in low
