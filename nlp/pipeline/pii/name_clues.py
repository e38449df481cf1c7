"""Clues that a word is a person's name: a listed name, a cue before it ('my friend', 'my
name is', 'im'), what follows it ('said', 'is my cousin'), a list of names it stands in; and
clues that it is not: the title of a film, game or show, or a place."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.text import Word, is_capitalised, side_by_side


def known_name(low: str, lex: PiiLexicon, loose: bool = False) -> bool:
    """A listed name, also spelled with a drawn-out last letter ('danii'), or two names joined
    ('amelia-grace'); when `loose` (a capital or a cue), also with another ending ('jaycee'
    for 'jaycie'): unasked, that would take 'arty' and 'sleepy' for names."""
    names = lex.first_names
    if low in names:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return (
            len(parts) > 1
            and all(p in names for p in parts)
            and any(p not in lex.ambiguous_names for p in parts)
        )
    if len(low) < 4 or low in lex.common_words:
        return False
    if low[-1] == low[-2] and low[-1] in "aiuynhrm" and low[:-1] in names:
        return True  # not "ee", "ll", "ss": "tree" is not "tre"
    if not loose:
        return False
    for ending in ("ie", "ey", "ee", "y", "i"):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            return any(stem + e in names for e in ("ie", "ey", "ee", "y", "i") if e != ending)
    return False


def cue_before(lows: list[str], i: int, lex: PiiLexicon) -> tuple[bool, bool, bool]:
    """Whether word i follows a relationship word ('my friend'), a naming phrase ('my name
    is') or a phrase of introduction ('im')."""
    prev = lows[i - 1] if i else ""
    naming = introduced = False
    if prev in lex.name_cue_ends:
        before = [tuple(lows[i - size : i]) for size in (1, 2, 3) if size <= i]
        naming = any(p in lex.name_cue_phrases for p in before)
        introduced = any(p in lex.self_cue_phrases for p in before)
    return prev in lex.name_cues_before or naming, naming, introduced


# An initial after a name: one letter, then a full stop, punctuation, a space or the end.
INITIAL = re.compile(r" ([A-Za-z])(?=\.|[ ,;:!?)]|$)")
# Letters that are words in text speak or kisses: "josh n me", "r u", "love u x", "I".
NOT_INITIALS = frozenset("iaurnyxoIX")


def everyday_name(
    text: str,
    words: list[Word],
    lows: list[str],
    i: int,
    end: int,
    low: str,
    capital: bool,
    cue: bool,
    naming: bool,
    lex: PiiLexicon,
    found: set[int],
) -> bool:
    """Whether a name that is also an everyday word ('Grace', 'hope', 'Summer') is a person:
    after 'called' or 'my friend', with a capital in mid-sentence, after 'me and', or before
    'said' or 'is my sister'; not in 'by the Grace of God', 'hope so' or 'jumped with joy'."""
    prev = lows[i - 1] if i else ""
    if naming:
        return True
    if prev in lex.not_name_before:
        return False
    mark = text[words[i - 1][1] : words[i][0]].strip()[-1:] if i else "."
    # "hope and me went", at the start of a sentence or clause (not "every summer and i").
    if mark and lows[i + 1 : i + 2] == ["and"] and lows[i + 2 : i + 3] in (["me"], ["i"]):
        return True
    # "me summer and hope walk", "me, ivy and rose": a list of people that starts with me.
    if (
        prev == "me"
        and (i == 1 or text[words[i - 2][1] : words[i - 1][0]].strip()[-1:] in (".", ",", "!", "?"))
        and lows[i + 1 : i + 2] == ["and"]
    ):
        return True
    # "my best friend is summer", "my cousins are ivy and rose".
    if (
        prev in ("is", "are", "was", "were")
        and i >= 2
        and lows[i - 2] in lex.name_cues_before
        and lows[i - 2] not in ("and", "with", "name", "names", "called", "named")
    ):
        return True
    # "ivy and rose are twins", "hope and summer are in my class".
    if (
        lows[i + 1 : i + 2] == ["and"]
        and i + 2 < len(lows)
        and lows[i + 2] in lex.first_names
        and lex.name_verbs_after.match(text, words[i + 2][1])
    ):
        return True
    abstract = low in lex.abstract_names
    if cue:
        if prev != "and" and (not abstract or prev != "with"):
            return True
        # "me and joy", "Kemi and Faith", not "red and amber"; "sat with grace", not "moves
        # with grace".
        if prev == "and" and i >= 2 and (lows[i - 2] in ("me", "i", "myself") or i - 2 in found):
            return True
        if prev == "with" and not lex.company_verbs.isdisjoint(lows[max(0, i - 3) : i - 1]):
            return True
    if abstract and i + 1 < len(lows) and lows[i + 1] in lex.abstract_name_blockers:
        return False
    if capital and mark not in (".", "!", "?") and prev not in lex.place_words:
        return True  # in mid-sentence
    if not capital and i and not mark and prev not in STOP_WORDS:
        return False  # a noun before it: "the gas bill came"
    initial = INITIAL.match(text, end)
    if initial and initial.group(1) not in NOT_INITIALS:
        end = initial.end() + (text[initial.end() : initial.end() + 1] == ".")  # "Josh R. said"
    return bool(lex.name_verbs_after.match(text, end) or _CONTACT_AFTER.match(text, end))


# A phone number or an email address straight after a name: "Faith 07700 900 287".
_CONTACT_AFTER = re.compile(r"\s*[,:\-]?\s*(?:\+?\d[\d ]{6}|[\w.+\-]+@)")


def names_in_lists(
    text: str,
    words: list[Word],
    lows: list[str],
    waiting: list[tuple[int, int, int]],
    take: Callable[[int, int, int], None],
    found: set[int],
    lex: PiiLexicon,
) -> None:
    """An everyday-word name beside a found name in a list is a name too: 'Joy and Kemi',
    'Amara, Faith and Tobi'. Twice, for a list that runs on from one found name. Only a name
    that is no everyday word, or one found other than by 'and', starts a list: not 'holly and
    ivy'."""
    anchors = {
        i for i in found if lows[i] not in lex.ambiguous_names or not i or lows[i - 1] != "and"
    }
    for _ in range(2):
        for i, start, end in waiting:
            if i in found or (i and lows[i - 1] in lex.not_name_before):
                continue
            if _listed_with(text, words, lows, i, i + 1, anchors) or _listed_with(
                text, words, lows, i, i - 1, anchors
            ):
                take(i, start, end)
                anchors.add(i)


def _listed_with(
    text: str, words: list[Word], lows: list[str], i: int, other: int, found: set[int]
) -> bool:
    """Whether word i and a found name next to it (other is i + 1 or i - 1) are in a list."""
    if not 0 <= other < len(words):
        return False
    left, right = (i, other) if other > i else (other, i)
    gap = text[words[left][1] : words[right][0]].strip()
    if gap in (",", "&"):
        return other in found
    beyond = other + (other - i)
    return lows[other] == "and" and not gap and 0 <= beyond < len(words) and beyond in found


def in_title(
    text: str, words: list[Word], lows: list[str], i: int, lex: PiiLexicon, listed: bool = True
) -> bool:
    """Whether capitalised word i is in the title of a film, game or show ('watched Toy
    Story', 'Animal Crossing', 'Toy Story and Frozen') or a place ('in Hebden Bridge') rather
    than a name: the capitalised words around it hold an everyday word and no first name."""
    first = last = i
    while (
        first
        and is_capitalised(words[first - 1][2])
        and side_by_side(text, words[first - 1], words[first])
    ):
        first -= 1
    while (
        last + 1 < len(words)
        and is_capitalised(words[last + 1][2])
        and side_by_side(text, words[last], words[last + 1])
    ):
        last += 1
    before = lows[first - 1] if first else ""
    if before in lex.title_cues_before or (
        before in lex.title_links and first > 1 and lows[first - 2] in lex.title_cues_before
    ):
        return True  # "watched Toy Story", "my favourite film is Finding Nemo"
    if (
        listed
        and before in ("and", "or")
        and first > 1
        and is_capitalised(words[first - 2][2])
        and in_title(text, words, lows, first - 2, lex, listed=False)
    ):
        return True  # "Toy Story and Frozen"
    if first == last or any(lows[k] in lex.first_names for k in range(first, last + 1)):
        return False
    if before in lex.place_words:
        return True
    # A capital at the start of a sentence says nothing: "Yesterday Kemi said".
    opens = first == 0 or text[words[first - 1][1] : words[first][0]].strip()[-1:] in ".!?"
    return any(lows[k] in lex.common_words for k in range(first + 1 if opens else first, last + 1))
