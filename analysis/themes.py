"""Candidate themes from key phrases: phrases that share a word are one theme ("safer buses",
"bus fares" and "late buses" gather under "bus"), kept when enough young people said them.

Plain, explainable grouping rather than a clustering model: an analyst can see why each
answer is in a theme (its phrase shares the word) and decides what becomes a theme.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

# Words too common in answers to tie two phrases together.
STOP = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "a an and are as at be but by can for from get got have i if in is it its me more my no "
        "not of on or our so some that the their them there they this to too us very was we "
        "were what when with would you your lot lots thing things people school young"
    ).split()
)
MIN_ANSWERS = 3
HUB_SHARE = 0.25
_WORD = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    """Plural and singular as one: "buses" and "bus", "trees" and "tree", "houses" and
    "house" share a stem (a word or not: it is only compared, never shown)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _words(phrase: str) -> list[str]:
    return [w for w in _WORD.findall(phrase.lower()) if w not in STOP and len(w) > 2]


def content_words(phrase: str) -> set[str]:
    return {_stem(w) for w in _words(phrase)}


@dataclass(frozen=True)
class Candidate:
    name: str
    phrases: list[str]
    answer_ids: list[int]


def candidates(pairs: list[tuple[int, str]], *, min_answers: int = MIN_ANSWERS) -> list[Candidate]:
    """Group (answer id, key phrase) pairs into themes, biggest first."""
    answers_of: dict[str, set[int]] = defaultdict(set)
    for answer_id, phrase in pairs:
        answers_of[phrase.strip().lower()].add(answer_id)
    phrases = sorted(p for p in answers_of if content_words(p))
    parent = {p: p for p in phrases}

    def root(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    # A word in very many phrases ("help", "better") would chain everything into one theme.
    spread = Counter(w for p in phrases for w in content_words(p))
    hub = max(5, int(HUB_SHARE * len(phrases)))
    by_word: dict[str, str] = {}
    for phrase in phrases:
        for word in content_words(phrase):
            if spread[word] > hub:
                continue
            if word in by_word:
                parent[root(phrase)] = root(by_word[word])
            else:
                by_word[word] = phrase
    groups: dict[str, list[str]] = defaultdict(list)
    for phrase in phrases:
        groups[root(phrase)].append(phrase)
    found = []
    for members in groups.values():
        answer_ids = sorted(set().union(*(answers_of[p] for p in members)))
        if len(answer_ids) < min_answers:
            continue
        # Named after the word most of its phrases share (as young people wrote it), or, for
        # one phrase said by several, that phrase.
        stems = Counter(s for p in members for s in content_words(p))
        stem, shared = stems.most_common(1)[0]
        written = Counter(w for p in members for w in _words(p) if _stem(w) == stem)
        said = max(members, key=lambda p: (len(answers_of[p]), -len(p)))
        name = written.most_common(1)[0][0] if shared > 1 and len(members) > 1 else said
        found.append(Candidate(name=name, phrases=sorted(members), answer_ids=answer_ids))
    return sorted(found, key=lambda c: (-len(c.answer_ids), c.name))
