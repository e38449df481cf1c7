"""Key phrases: runs of content words between stop words and punctuation (RAKE), scored by
how connected and frequent their words are. Words inside personal data are never used.

Works on the text with a light word pattern rather than on spaCy tokens: it runs on every
answer, and building token objects cost more than the whole scoring."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

DATA = Path(__file__).resolve().parent / "data"
# A word, or anything else that is not space (punctuation, digits, emoji) and so breaks a run.
PIECE = re.compile(r"[A-Za-z][A-Za-z'\u2019]*|[^\sA-Za-z]+")


@cache
def filler_words() -> frozenset[str]:
    extra = json.loads((DATA / "keyphrase_fillers.json").read_text(encoding="utf-8"))["words"]
    return frozenset(STOP_WORDS) | frozenset(extra)


def _phrases(text: str, blocked: list[tuple[int, int]], fillers: frozenset[str]) -> list[list[str]]:
    phrases, current = [], []
    for m in PIECE.finditer(text):
        word = m.group().lower()
        inside_pii = bool(blocked) and any(s <= m.start() < e for s, e in blocked)
        if inside_pii or not word[0].isalpha() or word in fillers or len(word) < 3:
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


def keyphrases(text: str, blocked: list[tuple[int, int]], limit: int = 5) -> list[str]:
    phrases = _phrases(text, blocked, filler_words())
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
        joined = " ".join(phrase)
        scored[joined] = max(scored.get(joined, 0.0), sum(degree[w] / freq[w] for w in phrase))
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    return [joined for joined, _ in ranked[:limit]]
