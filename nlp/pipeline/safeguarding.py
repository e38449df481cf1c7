"""Cue patterns for the safeguarding screen: what a disclosure often says, by kind, and the
phrases that mark the same words as a figure of speech, fiction, news, policy talk or past
harm that is now resolved."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CLAUSE = re.compile(r"[^.!?\n;]+[.!?\n;]*")
WORDS = re.compile(r"[a-z0-9-]+")


@dataclass(frozen=True)
class CueMatch:
    kind: str
    start: int
    end: int


def _any_of(patterns: list[str]) -> re.Pattern:
    # One alternation per kind: a single pass over the text instead of one per pattern.
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    kinds: dict[str, re.Pattern]
    not_pattern: re.Pattern
    triggers: dict[str, frozenset[str]]
    stems: dict[str, re.Pattern]

    @classmethod
    @cache
    def load(cls) -> Cues:
        raw = json.loads((DATA / "safeguarding_cues.json").read_text(encoding="utf-8"))
        return cls(
            kinds={kind: _any_of(patterns) for kind, patterns in raw["kinds"].items()},
            not_pattern=_any_of(raw["not"]),
            triggers={kind: frozenset(words) for kind, words in raw["triggers"].items()},
            stems={
                kind: re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")")
                for kind, stems in raw["trigger_stems"].items()
            },
        )


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between sentence marks) that holds text[start:end]."""
    for m in CLAUSE.finditer(text):
        if m.start() <= start < m.end():
            return m.start(), max(end, m.end())
    return start, end


def cue_matches(text: str, cues: Cues | None = None) -> list[CueMatch]:
    cues = cues or Cues.load()
    found: list[CueMatch] = []
    lower = text.lower()
    words = set(WORDS.findall(lower))
    for kind, pattern in cues.kinds.items():
        if words.isdisjoint(cues.triggers[kind]):
            stems = cues.stems.get(kind)
            if stems is None or not stems.search(lower):
                continue
        for m in pattern.finditer(text):
            c_start, c_end = clause_around(text, m.start(), m.end())
            if cues.not_pattern.search(text, c_start, c_end):
                continue
            found.append(CueMatch(kind, m.start(), m.end()))
    return found


def clauses(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in CLAUSE.finditer(text) if m.group().strip()]
    return spans or [(0, len(text))]
