"""People's names: listed first names, and unknown words where the words around them say
they are names ('my friend zainab', 'im Aleksy', 'Mr Patel', 'Faith said'); not everyday
words ('i hope so'), titles ('watched Toy Story') or places ('in Leeds')."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.full_names import join_full_names
from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.name_clues import (
    cue_before,
    everyday_name,
    in_title,
    known_name,
    names_in_lists,
)
from nlp.pipeline.pii.text import Answer, Span, Word, fold, is_capitalised


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    """A name is also taken after 'im' when a school found before follows: 'im mo from
    hollins park academy'."""
    schools = frozenset([s for s, _, label in found if label == "SCHOOL"] if found else ())
    return _person_spans(answer.text, answer.words, answer.lows, lex, schools)


_DRAWN_OUT = re.compile(r"(.)\1\1")  # "sooo", "hiii"
_ACRONYMS = re.compile(r"[A-Z]{2,}s")  # "CVs", "PCSOs"

# How a sentence goes on after "im <name>": "im aleksy i dont", "im grace and im 13",
# "i'm Ewa, 14"; not "im sleepy lol" (an unknown word needs this), "im miles from".
_AFTER_NAME = re.compile(
    r"\s*(?:$|[,.!?;:(\-]|\d|(?:and\s+)?(?:i|im|i'm|i\u2019m|here|age|aged|year|yr|x+)\b"
    r"|(?:from|in|at)\s+(?:year|yr|y)\s*\d)",
    re.IGNORECASE,
)

# "im mo from hollins park academy": a school named after "from" or "at".
_FROM_SCHOOL = re.compile(r"\s+(?:from|at)\s+", re.IGNORECASE)


def _person_spans(
    text: str, words: list[Word], lows: list[str], lex: PiiLexicon, schools: frozenset[int]
) -> list[Span]:
    spans: list[Span] = []
    common = lex.common_words
    found: set[int] = set()  # the words taken as names
    waiting: list[tuple[int, int, int]] = []  # everyday-word names that may be in a list

    def take(i: int, start: int, end: int) -> None:
        if i + 1 < len(words) and lows[i + 1] in lex.not_people:
            return  # "harry potter", "Bart Simpson"
        spans.append((start, end, "PERSON"))
        found.add(i)

    for i, (start, end, word, low) in enumerate(words):
        # A name that is a small word too ("Will") only with a capital and a cue.
        stop_word = low in STOP_WORDS
        if stop_word and (low not in lex.first_names or not word[0].isupper() or word.isupper()):
            continue
        # Inlined checks, run for every word: _inside_token only where it could hold.
        after = text[end : end + 1]
        if (start and text[start - 1] in "@./") or (
            after and after in "@._/" and _inside_token(text, start, end)
        ):
            continue
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        if not low.isascii():
            low = fold(low)
        if low in lex.not_people:
            continue
        capital = len(word) > 1 and word[0].isupper()  # is_capitalised
        prev = lows[i - 1] if i else ""
        if prev in lex.not_name_after or (
            capital and (prev in lex.not_people or _organisation(words, i, capital, lex))
        ):
            # "St Helens", "Christmas Eve", "Peppa Pig", "St Mary's Hospital", "Citizen Service"
            continue
        close_to_prev = i and start - words[i - 1][1] <= 2
        cue, naming, introduced = cue_before(lows, i, lex)
        if introduced and low in lex.self_descriptions:
            introduced = False  # "im vegan and i ...", "im deaf"
        if prev in lex.titles and close_to_prev and _title_in_use(lows, i - 1, lex):
            # "Mr Patel", "miss wójcik", "uncle Dan"; not "coach said" or "miss loads".
            if (
                capital
                or known_name(low, lex, loose=True)
                or (
                    prev in lex.formal_titles
                    and low not in common
                    and not low.endswith(lex.not_name_endings)
                )
            ):
                take(i, start, end)
            continue
        if low in common and not capital and not cue and not introduced:
            # "hope said she would come"; not "i hope so".
            if low in lex.common_names:
                if everyday_name(text, words, lows, i, end, low, False, False, False, lex, found):
                    take(i, start, end)
                else:
                    waiting.append((i, start, end))
            continue
        sentence_start = i == 0 or text[words[i - 1][1] : start].strip()[-1:] in (".", "!", "?")
        if introduced:
            introduced = _AFTER_NAME.match(text, end) is not None or _school_after(
                text, end, schools
            )
        if known_name(low, lex, loose=capital or cue or introduced):
            # A name that is also an everyday word needs more: not "from October to April".
            everyday = (low in common or low in lex.ambiguous_names) and not introduced
            if not everyday or everyday_name(
                text, words, lows, i, end, low, capital and not stop_word, cue, naming, lex, found
            ):
                take(i, start, end)
            elif capital or low not in common:
                waiting.append((i, start, end))
            continue
        # An unknown word after a name cue, or a capitalised word that is not an everyday
        # word, is likely a name (lower-case and misspelled names included).
        unknown = low not in common and len(low) > 2
        if not unknown or _ACRONYMS.fullmatch(word):
            continue
        verb_like = (
            low.endswith(lex.not_name_endings)
            or low in lex.verbs_after_names  # "my mate said"
            or (low.endswith("s") and not capital)
            or _DRAWN_OUT.search(low) is not None  # "sooo", "hiii"
            or (introduced and low.endswith(lex.describing_endings))  # "im nigerian and"
        )
        # After "my friends" comes a verb more often than a name ("my mates hype me up").
        relation = cue and prev not in ("and", "with", "from", "love") and not prev.endswith("s")
        cued = (relation or naming or introduced) and not verb_like
        if cued:
            take(i, start, end)
        elif capital and not word.isupper():
            # Capitalised in mid-sentence, or at its start before "said" or "is my cousin".
            shown = (
                prev not in lex.place_words
                if not sentence_start
                else low not in lex.name_cues_before
                and low not in lex.family_words
                and not low.endswith("s")  # "Teachers said"
                and lex.name_verbs_after.match(text, end) is not None
            )
            if shown and not in_title(text, words, lows, i, lex):
                take(i, start, end)
    if waiting and found:
        names_in_lists(text, words, lows, waiting, take, found, lex)
    return join_full_names(text, spans, words, lex)


def _organisation(words: list[Word], i: int, capital: bool, lex: PiiLexicon) -> bool:
    """A capitalised word that names a group or a place: 'Service', 'Russell Group'."""
    if not capital:
        return False
    # The word itself or one of the next two capitalised words: "National Citizen Service".
    for _, _, word, low in words[i : i + 3]:
        if not is_capitalised(word):
            return False
        if low in lex.organisation_words:
            return True
    return False


def _inside_token(text: str, start: int, end: int) -> bool:
    """A piece of an email address or a web address ('ewa' in 'ewa.z@example.com')."""
    before = text[start - 1 : start]
    after = text[end : end + 2]
    return before in ("@", ".", "/") or (
        len(after) == 2 and after[0] in "@._/" and (after[1].isalnum() or after[1] == "_")
    )


def _title_in_use(lows: list[str], t: int, lex: PiiLexicon) -> bool:
    """'miss' in 'i miss loads of school' and 'going to miss it' is a verb, not a title; in
    'thank u to miss patell' and 'i talked to miss' it is one."""
    if lows[t] != "miss" or t == 0:
        return True
    if lows[t - 1] == "to":
        return t >= 2 and lows[t - 2] in lex.to_a_person
    return lows[t - 1] not in lex.not_title_before


def _school_after(text: str, end: int, schools: frozenset[int]) -> bool:
    m = _FROM_SCHOOL.match(text, end) if schools else None
    return bool(m and m.end() in schools)
