"""Regular expressions built from the lexicon's word lists and from pii_patterns.json."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_starts(cues: Iterable[str]) -> re.Pattern:
    """Any of the cues, grouped by first letter ('b(?:orn|irth|day)|dob'): the regex engine then
    skips ahead to those letters, which a lookbehind first would stop. text.cue_in checks that a
    cue starts a word."""
    by_first: dict[str, list[str]] = {}
    for cue in sorted(set(cues), key=len, reverse=True):
        by_first.setdefault(cue[0], []).append(re.escape(cue[1:]))
    return re.compile(
        "|".join(
            re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in by_first.items()
        )
    )


def birthday_is(cues: list[str]) -> re.Pattern:
    """What comes just before a day named as a birthday: 'born on', 'my birthday is on the',
    'bday:', 'i turn 12 on'; not 'for my birthday i got a bike and on'."""
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues if c != "turn")
    return re.compile(
        rf"(?:\b(?:{words})[\w'\u2019]*|\bturn(?:ing|s)?\s+\d{{1,2}})\s*(?:is|was|[:=\-])?\s*"
        r"(?:(?:also|actually|literally|just)\s+)?(?:on\s+)?(?:the\s+)?$",
        re.IGNORECASE,
    )


def home_before(cues: list[str]) -> re.Pattern:
    """What comes before a street named as where someone lives: 'i live on', 'i stay at my
    dads at weekends on', 'our house is on', 'my nan's on', 'on the same road,', 'our street
    is', 'my road,'. The words between stay in one clause: not 'i live in leeds and my school
    is on'."""
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(
        rf"(?:\b(?:{alternation})\s+"
        r"(?:(?!(?:and|but|because|cos|coz|so|or|school|club|shop|shops)\b)[\w'\u2019]+\s+){0,6}?"
        r"(?:on|at|in|to|into|off|down|up|is|along|of)\s+(?:the\s+same\s+(?:road|street)\s*,?\s*)?"
        r"|\b(?:my|our)\s+\w+(?:'s|\u2019s|s)\s+(?:(?:house|flat|home|place)\s+)?(?:is\s+)?"
        r"(?:on|in|at|off)\s+"
        r"|\b(?:my|our)\s+(?:street|road|address)(?:\s+(?:is|was|'s|\u2019s)\s+|\s*[:,=\-]\s*))$",
        re.IGNORECASE,
    )


def name_verbs(words: dict) -> re.Pattern:
    """What follows a name at the start of a sentence: 'Faith said', 'Hope is my best friend',
    'Joy is in my class'; not 'Hope is all we have'."""
    relations = "|".join(sorted(map(re.escape, words["name_cues_before"]), key=len, reverse=True))
    verbs = "|".join(sorted(map(re.escape, words["name_verbs_after"]), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:(?:{verbs})\b|(?:is|was|are|were|'s|\u2019s)\s+(?:my|our)\s+(?:best\s+|bestest\s+|"
        rf"older\s+|little\s+|big\s+|younger\s+|twin\s+|key\s+|social\s+|support\s+|"
        rf"youth\s+|step\s+)?(?:{relations})\b|"
        r"(?:is|was|are|were)\s+in\s+(?:my|our)\s+(?:class|form|year|group|team)\b|"
        r"(?:are|were)\s+(?:twins|best\s+(?:friends|mates)|cousins|sisters|brothers)\b|"
        r"from\s+(?:the\s+year\s+(?:above|below)|year\s*\d|yr\s*\d|my\s+(?:class|form|year))\b)",
        re.IGNORECASE,
    )


def expand(pattern: str, raw: dict) -> re.Pattern:
    for name, items in raw.get("_parts", {}).items():
        alternation = "(?:" + "|".join(sorted(set(items), key=lambda s: (-len(s), s))) + ")"
        pattern = pattern.replace(f"<{name}>", alternation)  # longest first
    return re.compile(pattern, re.IGNORECASE)


def compile_patterns(raw: dict) -> dict[str, list[re.Pattern]]:
    return {
        key: [expand(pattern, raw) for pattern in patterns]
        for key, patterns in raw.items()
        if not key.startswith("_")
    }
