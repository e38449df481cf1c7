"""A name and the words beside it that are part of it become one span: 'jayden smith',
'Precious Okoye', 'Nguyen Thi Lan', 'Josh R'."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.name_clues import INITIAL, NOT_INITIALS, cue_before
from nlp.pipeline.pii.text import Span, Word, is_capitalised, side_by_side


def join_full_names(text: str, spans: list[Span], words: list[Word], lex: PiiLexicon) -> list[Span]:
    """'jayden smith', 'Precious Okoye': a name and the surname-looking word beside it become
    one span."""
    joined: list[Span] = []
    lows = [w[3] for w in words]
    starts = {s for s, _, _ in spans}
    by_start = {w[0]: idx for idx, w in enumerate(words)}
    for start, end, label in sorted(spans):
        if joined and start - joined[-1][1] <= 2 and text[joined[-1][1] : start].isspace():
            joined[-1] = (joined[-1][0], end, label)
            continue
        idx = by_start.get(start)
        if idx is not None:
            # A name word before a surname that was found on its own: "Precious Okoye"; or a
            # family name written first: "Nguyen Thi Lan".
            if idx and side_by_side(text, words[idx - 1], words[idx]):
                _, _, pword, plow = words[idx - 1]
                if plow in lex.first_names and is_capitalised(pword) and plow not in STOP_WORDS:
                    start = words[idx - 1][0]
            start = _family_name_first(text, words, idx, start, lex)
            if (
                idx + 1 < len(words)
                and words[idx + 1][0] not in starts
                and _surname_like(
                    text, words[idx], words[idx + 1], _introduced(lows, idx, lex), lex
                )
            ):
                end = words[idx + 1][1]
        initial = INITIAL.match(text, end)
        if initial and initial.group(1) not in NOT_INITIALS:
            end = initial.end(1)  # "Josh R", "kayla s"
        joined.append((start, end, label))
    return joined


def _family_name_first(text: str, words: list[Word], idx: int, start: int, lex: PiiLexicon) -> int:
    """Where a name starts when its family name is written first, up to two capitalised words
    before it: 'Nguyen Thi Lan', 'Tran Van Minh'."""
    k = idx
    while k > max(0, idx - 3):
        if not side_by_side(text, words[k - 1], words[k]) or not is_capitalised(words[k - 1][2]):
            break
        k -= 1
        if words[k][3] in lex.family_names_first and words[k][3] not in STOP_WORDS:
            return words[k][0]
    return start


def _surname_like(text: str, first: Word, nxt: Word, introduced: bool, lex: PiiLexicon) -> bool:
    """The word after a name that is its surname: 'Jake Turner', 'Dylan Price', and in
    lower case, when someone introduces themselves, an unknown word after a known first name:
    'im priya sharma' (but 'my friend zainab said')."""
    _, _, word, low = nxt
    if not side_by_side(text, first, nxt) or low in STOP_WORDS or low in lex.not_people:
        return False
    if low in lex.school_tail_words or low in lex.school_suffixes or low in lex.titles:
        return False
    if low in lex.organisation_words:
        return False
    common = lex.common_words
    if is_capitalised(word) and not word.isupper():
        # A capitalised everyday word ('Price', 'Wood') only after a listed first name.
        return low not in common or (
            is_capitalised(first[2]) and first[3] in lex.first_names and len(low) > 2
        )
    # Lower case: not a verb ("amelia flinches"); unasked, only a word shaped like a surname
    # ("ellie thompsonn", "priya patell").
    return (
        (
            introduced
            or len(low) >= 5
            and (
                low.endswith(lex.surname_endings)
                or low[-1] == low[-2]
                and low[:-1].endswith(lex.surname_endings)  # "thompsonn"
            )
            and first[3] not in lex.ambiguous_names
        )
        and first[3] in lex.first_names
        and low not in common
        and low not in lex.verbs_after_names
        and len(low) > 2
        and low.isalpha()
        and not low.endswith(lex.not_name_endings + ("s",))
    )


def _introduced(lows: list[str], i: int, lex: PiiLexicon) -> bool:
    _, naming, introduced = cue_before(lows, i, lex)
    return naming or introduced
