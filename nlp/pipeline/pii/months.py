"""Whether a word is a month, misspelled ones too: 'june', 'Sept', 'Octobr', 'novembre'."""

from __future__ import annotations

from functools import cache

from nlp.pipeline.pii.lexicon import PiiLexicon


def is_month(word: str, lex: PiiLexicon) -> bool:
    low = word.lower()
    return low in lex.month_words or _near_month(low, lex.month_names, lex.not_months)


@cache
def _near_month(low: str, names: tuple[str, ...], not_months: frozenset[str]) -> bool:
    """A month misspelled in a way no list foresees: 'Octobr', 'novembre', 'setpember'. Same
    first letter, one slip (two in the long names); short words stay out ('mayor', 'juice')."""
    if len(low) < 5 or low in not_months:
        return False
    for name in names:
        if name[0] != low[0] or (len(name) < 5 and len(low) > len(name) + 1):
            continue
        limit = 2 if len(name) >= 7 and len(low) >= 6 else 1
        if abs(len(name) - len(low)) <= limit and _slips(low, name) <= limit:
            return True
    return False


def _slips(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped to turn a into b (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]
