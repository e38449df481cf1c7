"""Run the detectors over an answer, settle where their finds overlap, and redact."""

from __future__ import annotations

import re
from collections.abc import Callable

from nlp.pipeline.pii import addresses, contact, dates, handles, named_handles, people, schools
from nlp.pipeline.pii.lexicon import PiiLexicon, default_lexicon
from nlp.pipeline.pii.shapes import worth_trying
from nlp.pipeline.pii.text import Answer, Span, words_of

Detector = Callable[[Answer, PiiLexicon, list[Span]], list[Span]]
# In this order, each given what those before it found: addresses check the shaped finds
# before a postcode, people the schools.
DETECTORS: tuple[Detector, ...] = (
    contact.find,
    handles.find,
    dates.find,
    addresses.find,
    schools.find,
    named_handles.find,
    people.find,
)

# When two finds overlap, the more specific shape wins. STREET is a street named without a
# house number: a school named after its street ("Whitburn Road Primary") is the better find.
PRIORITY = {
    "EMAIL": 0,
    "PHONE": 1,
    "POSTCODE": 2,
    "DOB": 3,
    "HANDLE": 4,
    "ADDRESS": 5,
    "SCHOOL": 6,
    "STREET": 7,
    "PERSON": 8,
}
_SHOWN_AS = {"STREET": "ADDRESS"}


def find_pii(text: str, lexicon: PiiLexicon | None = None) -> list[Span]:
    lex = lexicon or default_lexicon()
    words = words_of(text)
    low = text.lower()
    answer = Answer(text, low, words, [w[3] for w in words], worth_trying(text, lex, low))
    spans: list[Span] = []
    for detector in DETECTORS:
        spans += detector(answer, lex, spans)
    return _resolve(text, _not_towns(text, spans, lex))


def redact(text: str, spans: list[Span]) -> str:
    out, last = [], 0
    for start, end, label in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(f"[{'NAME' if label == 'PERSON' else label}]")
        last = end
    out.append(text[last:])
    return "".join(out)


def _resolve(text: str, spans: list[Span]) -> list[Span]:
    """Settle overlaps, keeping the higher-priority label and then the longer span. A span
    that only runs into a kept one at an edge is cut back, not dropped: 'Ewa Zielinska' stays
    a name when the joined words run on into 'ewa.z@example.com'."""
    ordered = sorted(spans, key=lambda s: (PRIORITY[s[2]], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for start, end, label in ordered:
        cut = False
        for k_start, k_end, _ in kept:
            if end <= k_start or start >= k_end:
                continue
            if k_start <= start and end <= k_end or start < k_start and k_end < end:
                break  # inside a kept span, or one inside it: keep only the kept one
            if start < k_start:
                end, cut = k_start, True
            else:
                start, cut = k_end, True
        else:
            if cut:
                start += len(text[start:end]) - len(text[start:end].lstrip(" ,.;:-"))
                end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;:-"))
            if start < end:
                kept.append((start, end, label))
    return sorted((s, e, _SHOWN_AS.get(label, label)) for s, e, label in kept)


# A town between an address and its postcode: "4 Elm Road, Sheffield, S35 1GH".
_TOWN = re.compile(r"(?:,\s*|\s+)[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?\s*(?:,\s*|\s+)(?=\S)")


def _not_towns(text: str, spans: list[Span], lex: PiiLexicon) -> list[Span]:
    ends = {e for _, e, label in spans if label in ("ADDRESS", "STREET")}
    if not ends:
        return spans
    postcodes = {s for s, _, label in spans if label == "POSTCODE"}
    towns = set()
    for end in ends:
        m = _TOWN.match(text, end)
        if (
            m
            and m.end() in postcodes
            and m.group().strip(" ,").split()[0].lower() not in lex.first_names
        ):
            towns.add(end)
    if not towns:
        return spans
    return [
        s for s in spans if s[2] != "PERSON" or not any(e < s[0] and s[1] <= e + 40 for e in towns)
    ]
