"""Schools named with their kind ('Hollybrook Academy', "st mary's primary", 'Infant and
Junior School'), a saint's name alone in an answer about school ('saint wilfrids'), and, in
an answer with capitals, a school named without its kind after a cue (cued_schools.py)."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.cued_schools import cued_school_spans
from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.text import Answer, Span, Word, is_capitalised


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    text, words, lows = answer.text, answer.words, answer.lows
    spans = _school_spans(text, words, lows, lex)
    if text[1:] != answer.low[1:]:
        spans += cued_school_spans(text, lows, lex)
    return spans


def _school_joined(text: str, left: Word, right: Word) -> bool:
    """Two words of one school's name: only spaces between them, or the full stop of an
    abbreviation: "St. Wilfrid's R.C. College", "C. of E."."""
    gap = text[left[1] : right[0]]
    if gap[:1] != ".":
        return 0 < len(gap) <= 2 and gap.isspace()
    abbreviation = len(left[2]) == 1 or left[3] == "st"
    return abbreviation and (gap == "." or (len(gap) <= 3 and gap[1:].isspace()))


def _school_spans(text: str, words: list[Word], lows: list[str], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    starts = lex.school_starts
    if starts.isdisjoint(lows):
        return spans
    i = 0
    while i < len(words):
        if lows[i] not in starts:
            i += 1
            continue
        size = _school_tail(lows, i, lex)
        if not size:
            if lows[i] in lex.saint_words:
                span = _saint_school(text, words, i, lex)
                if span:
                    spans.append(span)
            i += 1
            continue
        # Further school words to the right: "Infant and Junior School", "High School".
        j = i + size - 1
        while j + 1 < len(words) and _school_joined(text, words[j], words[j + 1]):
            more = _school_tail(lows, j + 1, lex)
            if not more and lows[j + 1] == "and" and j + 2 < len(words):
                after_and = _school_tail(lows, j + 2, lex)
                more = after_and + 1 if after_and else 0
            if not more:
                break
            j += more
        for phrase in lex.school_tail_after_phrases:  # "School for Girls"
            if tuple(lows[j + 1 : j + 1 + len(phrase)]) == phrase:
                j += len(phrase)
                break
        else:
            j = _academy_place(text, words, lows, j, lex)
        name_start = _school_name_start(text, words, lows, i, j, lex)
        if name_start is not None:
            spans.append((name_start, words[j][1], "SCHOOL"))
        i = j + 1
    return spans


def _school_tail(lows: list[str], i: int, lex: PiiLexicon) -> int:
    """How many words long a school word starting at word i is ('Sixth Form College': 3)."""
    low = lows[i]
    if low in lex.school_phrase_starts:
        for phrase in lex.school_tail_phrases:
            if tuple(lows[i : i + len(phrase)]) == phrase:
                return len(phrase)
    return 1 if low in lex.school_tail_words else 0


def _academy_place(text: str, words: list[Word], lows: list[str], j: int, lex: PiiLexicon) -> int:
    """Academies in a chain are named by place after the kind: 'Beacon Academy Westbrook',
    'Beacon Academy Lister Park'. Where such a name ends: up to two capitalised words."""
    if lows[j] not in lex.school_academy_words:
        return j
    for _ in range(2):
        if j + 1 >= len(words) or not _school_joined(text, words[j], words[j + 1]):
            break
        word, low = words[j + 1][2], lows[j + 1]
        if not is_capitalised(word) or low in STOP_WORDS or low in lex.school_context:
            break
        if low in lex.first_names:
            break  # "Oakfield Academy Jayden said"
        j += 1
    return j


def _phrase_ending(lows: list[str], k: int, phrases: set[tuple[str, ...]]) -> int:
    """How many words long a phrase ending at word k is, 0 for none."""
    for size in (3, 2):
        if k - size + 1 >= 0 and tuple(lows[k - size + 1 : k + 1]) in phrases:
            return size
    return 0


def _school_name_word(word: str, low: str, lex: PiiLexicon) -> bool:
    """A word that can be part of a school's own name: 'Grange', 'Hollins', 'oakfield', and
    the landscape words school names are made of: 'hill top', 'oak lane'."""
    if low in lex.school_place_words:
        return True
    if low in STOP_WORDS:
        return False
    if is_capitalised(word):
        return True
    # Lower case: not an everyday word ('my smaller school', 'liking school'), and not
    # shaped like one.
    return (
        len(low) >= 5
        and low not in lex.common_words
        and low not in lex.plain_words
        and not low.endswith(lex.not_name_endings + ("er", "s'"))
    ) or (low.endswith(("'s", "s")) and low.rstrip("s").rstrip("'") in lex.first_names)


def _school_name_start(
    text: str, words: list[Word], lows: list[str], i: int, j: int, lex: PiiLexicon
) -> int | None:
    """Where the school's own name before its kind (words i to j) starts, over words like
    "Catholic" and "C of E", or None when the words before are everyday ones."""
    name_start = the_start = None
    names: list[int] = []  # the name's own words, right to left
    k, taken = i - 1, 0
    while k >= 0 and taken < 4 and _school_joined(text, words[k], words[k + 1]):
        start, _, word, low = words[k]
        phrase = _phrase_ending(lows, k, lex.school_name_phrases)  # "All Saints", "Our Lady"
        if phrase:
            name_start = words[k - phrase + 1][0]
            k -= phrase
            taken += 1
            continue
        phrase = _phrase_ending(lows, k, lex.school_suffix_phrases)
        if phrase:
            k -= phrase
            continue
        if low in lex.saint_words:
            return start
        if low == "the" and name_start is not None:
            if word == "The":
                return start
            the_start = start  # "the grange school", once the name proves to be one
            break
        if low in lex.school_suffixes and low not in STOP_WORDS:
            k -= 1
            continue
        if not _school_name_word(word, low, lex):
            # A saint's name may hold small words: "St Thomas More", "St Francis of Assisi".
            saint = next(
                (s for s in range(k - 1, max(-1, k - 4), -1) if lows[s] in lex.saint_words), None
            )
            if saint is not None and all(
                _school_joined(text, words[s], words[s + 1]) for s in range(saint, k)
            ):
                return words[saint][0]
            break
        name_start = start
        names.append(k)
        k -= 1
        taken += 1
    if not names or name_start != words[names[-1]][0]:
        return name_start
    # A small word alone is no name: "the top high school" (but "Hill Top", "well lane").
    if len(names) == 1 and lows[names[-1]] in STOP_WORDS:
        names.pop()
        if not names:
            return None
        name_start = words[names[-1]][0]
    # In lower case, one landscape word before "school" alone is no name: "the park school".
    plain_tail = j == i and lows[i] in lex.school_weak_tails
    if plain_tail and len(names) == 1 and lows[names[0]] in lex.school_place_words:
        return None if words[names[0]][2].islower() else name_start
    return name_start if the_start is None else the_start


def _saint_school(text: str, words: list[Word], i: int, lex: PiiLexicon) -> Span | None:
    """'saint wilfrids has no heating': a saint's name alone is a school when the answer is
    about school, but not a town ('in St Helens') or a hospital."""
    if i + 1 >= len(words) or not _school_joined(text, words[i], words[i + 1]):
        return None
    if i and words[i - 1][3] in lex.place_words:
        return None
    end = words[i + 1][1]
    low = words[i + 1][3]
    if low in STOP_WORDS or low in lex.not_saint_followers:
        return None
    if i + 2 < len(words) and words[i + 2][3] in lex.not_saint_followers:
        return None
    if not any(w[3] in lex.school_context for w in words):
        return None
    return (words[i][0], end, "SCHOOL")
