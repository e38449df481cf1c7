"""Dates of birth, by pattern: '12/03/2012', 'my birthday is 14th of june', 'born on
Christmas Eve'. A day without a year counts only near a birth cue."""

from __future__ import annotations

import re

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.months import is_month
from nlp.pipeline.pii.shapes import matches
from nlp.pipeline.pii.text import YEAR, Answer, Span, cue_in

# Kinds that need a birth cue near, or a year in the date itself; and kinds that need a cue.
_CUED_OR_YEAR = ("DOB_WORDS", "DOB_SHORT", "DOB_SPELLED")
_CUED = ("DOB_SPACED", "DOB_COMPACT")


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    spans: list[Span] = []
    text = answer.text
    for key, m, start, end in matches(answer, lex, ("DOB",)):
        shown = text[start:end]
        if not _is_date(shown):
            continue
        if "month" in m.re.groupindex and not is_month(m.group("month"), lex):
            continue
        if key in _CUED_OR_YEAR and not _near_birth_cue(text, start, end, lex):
            continue
        if key in _CUED and not _near_birth_cue(text, start, end, lex, year=False):
            continue
        if key == "DOB_COMPACT" and not _compact_date(shown):
            continue
        if key == "DOB_HOLIDAY" and not _birthday_named(text, start, end, lex):
            continue
        spans.append((start, end, "DOB"))
    return spans


# A month or an ordinal in words: not "the", nor the "th" of "30th".
_WORDY = re.compile(r"\b(?!the\b)[a-z]{3,}", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")


def _is_date(found: str) -> bool:
    """A date's numbers are a day and a month: 3.30 is a time and 25/13 no date at all."""
    numbers = [int(n) for n in _NUMBER.findall(found) if len(n) <= 2]
    if len(numbers) >= 2 and not _WORDY.search(found):
        day, month = numbers[0], numbers[1]
        if YEAR.match(found):  # 2013/05/17
            day, month = numbers[-1], numbers[-2]
        # "17.8" might be a time or a score, "the 3rd of the 11th" is said day first.
        if ("." in found and len(numbers) == 2) or " of " in found:
            return 1 <= day <= 31 and 1 <= month <= 12
        return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)
    return all(1 <= n <= 31 for n in numbers[:1])


def _near_birth_cue(text: str, start: int, end: int, lex: PiiLexicon, year: bool = True) -> bool:
    """A birth cue near, or (when `year`) a year in the date itself."""
    window = text[max(0, start - 60) : min(len(text), end + 25)].lower()
    return cue_in(lex.birth_cue, window) or (year and bool(YEAR.search(text, start, end)))


def _compact_date(found: str) -> bool:
    """'08062012' or '080612' next to a birth cue: a day, a month and, in eight digits, a
    year this century or late last (also written year first, '20120608')."""
    if len(found) == 8 and found[:2] in ("19", "20"):
        found = found[6:] + found[4:6] + found[:4]
    day, month, year = int(found[:2]), int(found[2:4]), found[4:]
    if len(year) == 4 and not (1990 <= int(year) <= 2039):
        return False
    return 1 <= day <= 31 and 1 <= month <= 12


# A birthday named before the day: "christmas day is my birthday".
_IS_MY_BIRTHDAY = re.compile(
    r"\s*(?:is|was|=)\s+(?:my|his|her|our)\s+(?:b(?:ir|ur|ri|er)?[tf]?h?day|b-day|bday|birth)",
    re.IGNORECASE,
)


def _birthday_named(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    """A holiday is a date of birth only when the answer says it is the birthday: 'born on
    Christmas Eve', 'my bday is bonfire night'; not 'on christmas day we go to my nans'."""
    return bool(
        lex.birthday_is.search(text, max(0, start - 40), start) or _IS_MY_BIRTHDAY.match(text, end)
    )
