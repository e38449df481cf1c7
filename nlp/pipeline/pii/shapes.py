"""Running the patterns of pii_patterns.json: which kinds are worth trying on an answer, and
the matches of one label's kinds. Each shaped detector checks its own matches further."""

from __future__ import annotations

import re

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.text import Answer, cue_in

_DIGIT = re.compile(r"\d")


def worth_trying(text: str, lex: PiiLexicon, low: str) -> set[str]:
    """The pattern kinds worth trying: most answers hold no digit, @ or _, and no capital
    after the first letter, so most patterns are skipped."""
    digit = _DIGIT.search(text) is not None
    # Kids mostly write in lower case: a street or gamer tag in capitals is rare.
    capital = text[1:] != low[1:]
    facts = {"<capital>": capital}
    if lex.needs_birth:
        facts["<birth>"] = cue_in(lex.birth_cue, low)
    worth = set(lex.always_tried)
    groups = lex.need_groups
    if digit:
        facts["<month>"] = cue_in(lex.month_cue, low)
        worth.update(lex.tried_on_digit)
        groups = groups + lex.digit_need_groups
    if capital:
        worth.update(lex.tried_on_capital)
        groups = groups + lex.capital_need_groups
    for needs, keys in groups:
        for n in needs:
            if type(n) is str:
                if facts.get(n) or n in low:
                    worth.update(keys)
                    break
            elif all(facts.get(f) or f in low for f in n):
                worth.update(keys)
                break
    return worth


def matches(
    answer: Answer, lex: PiiLexicon, labels: tuple[str, ...]
) -> list[tuple[str, re.Match, int, int]]:
    """(kind, match, start, end) for the patterns of these labels worth trying on the answer.
    Where a pattern has a group named 'span', only that group is the personal data."""
    found: list[tuple[str, re.Match, int, int]] = []
    tried = answer.tried
    if not tried:
        return found  # most answers
    text = answer.text
    for label in labels:
        for key, patterns in lex.by_label.get(label, ()):
            if key not in tried:
                continue
            for pattern in patterns:
                spanned = "span" in pattern.groupindex
                for m in pattern.finditer(text):
                    start, end = m.span("span") if spanned else m.span()
                    found.append((key, m, start, end))
    return found
