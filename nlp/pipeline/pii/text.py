"""The types every detector shares and the answer as they read it: its words, in lower case."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters of the Latin scripts ("Paweł", "Wójcik", "Nguyễn"; a range is faster than any
# letter), with apostrophes and hyphens; never the tail of a longer token ("7AZ", "jay_b09").
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
WORD = re.compile(rf"(?<!\w)[{_LETTER}][{_LETTER}'\u2019\-]*")
YEAR = re.compile(r"(?:19|20)\d\d")
Span = tuple[int, int, str]
Word = tuple[int, int, str, str]  # start, end, as written, lower case with a plain apostrophe


@dataclass(slots=True)
class Answer:
    """One answer as the detectors read it, worked out once."""

    text: str
    low: str
    words: list[Word]
    lows: list[str]
    tried: set[str]  # the pattern kinds worth trying on it (shapes.worth_trying)


def words_of(text: str) -> list[Word]:
    return [
        (m.start(), m.end(), w, w.lower().replace("\u2019", "'"))
        for m in WORD.finditer(text)
        for w in (m.group(),)
    ]


def is_capitalised(word: str) -> bool:
    """'Jade', 'JADE' (a word starts with a letter); not 'I' or 'A'."""
    return len(word) > 1 and word[0].isupper()


def side_by_side(text: str, left: Word, right: Word) -> bool:
    """Two words of one name: only spaces between them."""
    gap = text[left[1] : right[0]]
    return 0 < len(gap) <= 2 and gap.isspace()


def cue_in(cue: re.Pattern, low: str) -> bool:
    """Whether a cue from regexes.word_starts starts a word of low: 'born', not 'unborn'."""
    for m in cue.finditer(low):
        start = m.start()
        if not start or not low[start - 1].isalpha():
            return True
    return False


# Letters that Unicode does not decompose into a plain letter and an accent.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "ı": "i"}
)


def fold(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
