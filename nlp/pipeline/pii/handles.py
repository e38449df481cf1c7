"""Usernames by their shape: '@lilyrose.x', 'jay_b09', 'glitchwolf#4471', 'megs.xo.2'.
Usernames known only by the words around them are named_handles.py's."""

from __future__ import annotations

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.shapes import matches
from nlp.pipeline.pii.text import Answer, Span


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    text = answer.text
    return [
        (start, end, "HANDLE")
        for key, _, start, end in matches(answer, lex, ("HANDLE",))
        if _looks_like_handle(text[start:end], key, lex)
    ]


def _looks_like_handle(found: str, key: str, lex: PiiLexicon) -> bool:
    core = found.lstrip("@")
    if found.startswith("@"):
        return len(core) >= 2
    if key == "HANDLE_DOTTED":
        return _dotted_handle(core, lex)
    return any(c.isalpha() for c in core) and len(core) >= 3


def _dotted_handle(found: str, lex: PiiLexicon) -> bool:
    """'megs.xo.2' and 'its.just.ellie' are usernames; 'e.g', 'example.com' and two words run
    together at a full stop ('school.My', 'lol.idk') are not."""
    parts = found.lower().split(".")
    if parts[-1] in lex.tlds or parts[0] in ("www", "http", "https"):
        return False
    if max(len(p) for p in parts) < 2:
        return False
    if len(parts) == 2 and found.split(".")[1][:1].isupper():
        return False
    plain = lex.common_words
    return not all(p in plain or p.isdigit() for p in parts)
