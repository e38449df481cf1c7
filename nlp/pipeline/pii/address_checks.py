"""Checks on an address a pattern found: a number and a street, not 'year 6 Cedar Lane
Primary'; a street named without a number only where someone lives there."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.text import WORD, YEAR

YEAR_BEFORE = re.compile(r"(?<![a-z])(?:year|yr|y|age|aged|ages|form|class|room)\s*$", re.I)


def numbered_address(text: str, m: re.Match, lex: PiiLexicon) -> bool:
    """A number, a name and a street word. Not '2 minutes up the road', '16 but looks way
    older', 'year 6 Cedar Lane Primary' (a school) or '3 flats since year 6'."""
    if YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return False
    middle = m.group("middle").split()
    in_a_flat = text[m.start() : m.end()].lower().startswith(("flat", "apartment", "apt"))
    if not middle and not in_a_flat:
        return False
    lows = [w.lower().replace("\u2019", "'") for w in middle]
    for word, low in zip(middle, lows, strict=True):
        # Street names hold no lower-case small words: "14 and there's no way".
        if low in STOP_WORDS and not word[0].isupper():
            return False
    if lows and all(w in lex.unit_words for w in lows):
        return False
    return not _school_follows(text, m.end(), lex)


def short_address(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    """A number and one word: '3 The Paddocks', and after 'i live at', '110 Kingsway' or
    '12 the hawthorns'; not 'year 7 The teachers', 'moved in 2 the summer' or '3 The Sims
    games'."""
    if YEAR_BEFORE.search(text[max(0, start - 8) : start]) or _school_follows(text, end, lex):
        return False
    after = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after and after.group().lower() in lex.title_cues_before:
        return False
    found = text[start:end].split()
    number = [w for w in found if w[0].isdigit()][-1].rstrip(",")
    if YEAR.fullmatch(number):
        return False  # "moved in 2019 the school ..."
    last = found[-1].lower()
    return not (
        last in STOP_WORDS
        or last in lex.plain_words
        or last in lex.unit_words
        or last in lex.not_people
        or last in lex.school_tail_words
    )


# A street named without a number is personal data only as where someone lives: "i live on"
# (PiiLexicon.home_before), "Mill Road where i live", "Elm Street near my house", a postcode.
_HOME_AFTER = re.compile(
    r"\s*,?\s*(?:[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b"
    r"|(?:(?:which|that)\s+(?:is|was)\s+|is\s+|was\s+)?(?:where\s+(?:i|we|my\s+\w+)\s+"
    r"(?:live|lives|lived|stay|stays|used\s+to\s+live|grew\s+up)"
    r"|(?:near|by|next\s+to|close\s+to|opposite|behind|round\s+the\s+corner\s+from)\s+"
    r"(?:my|our)\s+(?:[\w'\u2019]+\s+)?(?:house|home|flat|place)))",
    re.IGNORECASE,
)


def home_street(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    return bool(
        lex.home_before.search(text, max(0, start - 60), start) or _HOME_AFTER.match(text, end)
    )


def _school_follows(text: str, end: int, lex: PiiLexicon) -> bool:
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return bool(following and following.group().lower() in lex.school_tail_words)


def named_street(text: str, start: int, end: int, lex: PiiLexicon, lower_ok: bool) -> int | None:
    """Where a street named without a house number starts ('Parr Street'), or None when the
    words before the street word are everyday ones ('the main road', 'My Street')."""
    if _school_follows(text, end, lex):
        return None
    words = [(m.start(), m.group()) for m in WORD.finditer(text, start, end)]
    names = words[:-1]
    # Sentence starts and lower-case fillers in front: "In Victoria Road", "on the Elm Road".
    while names and names[0][1].lower() in STOP_WORDS:
        names = names[1:]
    if not names or " ".join(w for _, w in names + words[-1:]).lower() in lex.not_streets:
        return None
    for _, word in names:
        low = word.lower()
        # Small words that name places are part of a street's name: "Hill Top Road".
        if low in STOP_WORDS and not (word[0].isupper() and low in lex.street_stop_words):
            return None
        if (
            lower_ok
            and word.islower()
            and (low in lex.common_words or low in lex.plain_words or low in lex.unit_words)
        ):
            return None
    return names[0][0]
