"""The safeguarding screen's scorer: a linear model over words, word pairs, letter groups
and cue patterns, in plain Python and numpy (see ADR 13).

Letter groups (three to five letters inside a word) let it read misspellings and text-speak
it has never seen ("hitts", "kms", "wiv"); word pairs tell "kicked out" from "kicked a
ball". Cue patterns are features like any other: the weights learned from the corpus decide
how much a cue counts.

The score of an answer is the sum of the weights of what it holds. Each word's share (its
own weight, its letter groups' and the pair it ends) is known, so the evidence shown is the
run of words that adds the most, not a whole sentence.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from nlp.pipeline.safeguarding import CueMatch, clauses, cue_matches

TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)*")
REPEATS = re.compile(r"(.)\1{2,}")
GRAMS = (3, 4, 5)
GRAM_SHARE = 0.3
LENGTHS = (1, 2, 3, 5, 8, 13, 21)


_SPELLINGS: dict[str, str] = {}


def words(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their offsets; apostrophes dropped ("don't" and "dont" are one
    word) and letters said three times or more said twice ("sooo" is "soo")."""
    found = []
    for m in TOKEN.finditer(text.lower()):
        raw = m.group()
        word = _SPELLINGS.get(raw)
        if word is None:
            word = REPEATS.sub(r"\1\1", raw.replace("'", "").replace("\u2019", ""))
            if len(_SPELLINGS) < 200_000:
                _SPELLINGS[raw] = word
        found.append((word, m.start(), m.end()))
    return found


def word_features(word: str) -> list[tuple[str, float]]:
    """The word itself, and its letter groups, which together count as much as one feature:
    otherwise a long word nobody wrote into the corpus would add up the noise of twenty."""
    marked = f"<{word}>"
    grams = [marked[i : i + n] for n in GRAMS for i in range(len(marked) - n + 1)]
    share = GRAM_SHARE
    return [(f"w:{word}", 1.0)] + [(f"g:{g}", share) for g in grams]


def length_feature(count: int) -> str:
    for limit in LENGTHS:
        if count <= limit:
            return f"n:{limit}"
    return "n:more"


def answer_features(text: str) -> tuple[list[list[str]], list[str]]:
    """Each word's features (its own, and the pair with the word before), and the features of
    the sentence as a whole: its length and the cue patterns that match in it (a cue that a
    figure-of-speech, fiction or policy pattern cancels does not match; see cue_matches)."""
    found = words(text)
    per_word = []
    previous = "<s>"
    for word, _, _ in found:
        per_word.append([*word_features(word), (f"b:{previous} {word}", 1.0)])
        previous = word
    whole = whole_features(len(found), cue_matches(text))
    return per_word, [(f, 1.0) for f in whole]


def whole_features(count: int, matches: list[CueMatch]) -> list[str]:
    found = [length_feature(count)]
    found.extend(sorted({f"cue:{m.kind}" for m in matches}))
    if matches:
        found.append("cue:any")
    return found


@dataclass
class LinearScreen:
    """Weights by feature name; a word's total is cached, as the same words come again and
    again."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    sure_threshold: float = 0.9
    _word_cache: dict[str, float] = field(default_factory=dict, repr=False)

    def word_weight(self, word: str) -> float:
        weight = self._word_cache.get(word)
        if weight is None:
            get = self.weights.get
            weight = sum(get(f, 0.0) * value for f, value in word_features(word))
            if len(self._word_cache) < 200_000:
                self._word_cache[word] = weight
        return weight

    def score(self, text: str, matches: list[CueMatch]) -> tuple[float, tuple]:
        """The score of the answer: that of its most worrying sentence, as a disclosure is
        often one sentence in an answer about something else. Also what `evidence` needs:
        that sentence's words, each with its share of the score."""
        get = self.weights.get
        cache = self._word_cache
        found = words(text)
        best: tuple = (-math.inf, [])
        k = 0
        for start, end in clauses(text):
            scored = []
            previous = "<s>"
            while k < len(found) and found[k][1] < end:
                word = found[k][0]
                share = cache.get(word)
                if share is None:
                    share = self.word_weight(word)
                scored.append((found[k], share + get(f"b:{previous} {word}", 0.0)))
                previous = word
                k += 1
            inside = [m for m in matches if start <= m.start < end]
            total = self.bias + sum(share for _, share in scored)
            total += sum(get(f, 0.0) for f in whole_features(len(scored), inside))
            if total > best[0]:
                best = (total, scored)
        return _sigmoid(best[0]), best[1]

    def evidence(self, text: str, scored: list, matches: list[CueMatch]) -> list[str]:
        """In the most worrying sentence, the run of words that adds most to the score (at
        least two words, at most twelve), widened to take in a cue match it touches."""
        if not scored:
            return [text.strip()] if text.strip() else []
        best, best_span = -math.inf, (0, 0)
        for i in range(len(scored)):
            total = 0.0
            for j in range(i, min(i + 12, len(scored))):
                total += scored[j][1]
                if (j > i or len(scored) == 1) and total > best:
                    best, best_span = total, (i, j)
        start, end = scored[best_span[0]][0][1], scored[best_span[1]][0][2]
        for m in matches:
            if m.start < end and m.end > start:
                start, end = min(start, m.start), max(end, m.end)
        return [text[start:end].strip()]

    def to_dict(self) -> dict:
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "sure_threshold": self.sure_threshold,
            "weights": self.weights,
        }

    @classmethod
    def from_dict(cls, data: dict) -> LinearScreen:
        return cls(
            weights=dict(data["weights"]),
            bias=data["bias"],
            threshold=data["threshold"],
            sure_threshold=data["sure_threshold"],
        )

    def to_disk(self, path: Path) -> None:
        # Keys sorted and weights rounded so that a retrain that learns the same writes the
        # same bytes.
        path.write_text(json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")))

    @classmethod
    def from_disk(cls, path: Path) -> LinearScreen:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
