"""Key phrases: runs of content words between stop words and punctuation (RAKE), scored by
how connected and frequent their words are. Words inside personal data are never used."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

DATA = Path(__file__).resolve().parent / "data"


@cache
def filler_words() -> frozenset[str]:
    extra = json.loads((DATA / "keyphrase_fillers.json").read_text(encoding="utf-8"))["words"]
    return frozenset(STOP_WORDS) | frozenset(extra)


def _phrases(doc: Doc, blocked: set[int], fillers: frozenset[str]) -> list[list[str]]:
    phrases, current = [], []
    for token in doc:
        word = token.lower_
        if (
            token.i in blocked
            or token.is_punct
            or token.is_space
            or token.like_num
            or word in fillers
            or not token.is_alpha
            or len(word) < 3
        ):
            if current:
                phrases.append(current)
            current = []
            continue
        current.append(word)
        if len(current) == 4:
            phrases.append(current)
            current = []
    if current:
        phrases.append(current)
    return phrases


def keyphrases(doc: Doc, blocked: set[int], limit: int = 5) -> list[str]:
    phrases = _phrases(doc, blocked, filler_words())
    if not phrases:
        return []
    freq: Counter[str] = Counter()
    degree: defaultdict[str, int] = defaultdict(int)
    for phrase in phrases:
        for word in phrase:
            freq[word] += 1
            degree[word] += len(phrase)
    scored: dict[str, float] = {}
    for phrase in phrases:
        text = " ".join(phrase)
        scored[text] = max(scored.get(text, 0.0), sum(degree[w] / freq[w] for w in phrase))
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    return [text for text, _ in ranked[:limit]]
