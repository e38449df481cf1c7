"""Schools named without their kind, after a cue: 'my school is Ashcombe Vale', 'my school
HFS', 'i go to Harborough Fields', 'im in year 9 at WPA'; not 'i go to Leeds', 'i go to KFC'
or 'at school at Christmas'."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.months import is_month
from nlp.pipeline.pii.text import WORD, Span, is_capitalised

# A school named without its kind: after "my school is" (strong), or after "i go to" (weak,
# only in an answer about school). The name is capitalised words or an initialism ("KHS").
# Capitalised words or initials, found first (a search that starts with a capital is fast);
# then the word before them (PiiLexicon.school_cue_ends), and only then the whole cue.
_SCHOOL_NAME = re.compile(
    r"[A-Z](?:[a-z'\u2019\-]+(?:\s[A-Z][a-z'\u2019\-]+){0,3}|[A-Z]{1,4})(?![\w'\u2019])"
)
_SCHOOL_CUE = re.compile(
    r"(?:\b(?:my|our|his|her)\s+(?:old\s+|new\s+|current\s+|last\s+|next\s+)?"
    r"(?:school|skool|primary|secondary|academy|college)"
    r"(?:\s*(?:'s|\u2019s|[:,=\-])|\s+(?:is|was|will\s+be)(?:\s+called)?)?"
    r"|\bschool\s+(?:is\s+|was\s+)?called|\bat\s+school\s+at"
    r"|(?P<weak>\b(?:i|we|he|she|they|u|you|who|me|and)\s+(?:go|goes|went|used\s+to\s+go|started|"
    r"moved|transferred)\s+(?:to|at)|\b(?:attend|attends|attended|"
    r"i'?m\s+at|i\u2019m\s+at|i\s+am\s+at|"
    r"(?:year|yr|y)\s*\d{1,2}\s+at)))\s+$",
    re.IGNORECASE,
)
# The last letter of a school's initials: School, Academy, College, High, Grammar.
_SCHOOL_INITIAL_ENDS = frozenset("SACHG")


def cued_school_spans(text: str, lows: list[str], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    # Every cue holds a school word, and the weak ones need the answer to be about school.
    if lex.school_talk.isdisjoint(lows) and not any(
        w.endswith("'s") and w[:-2] in lex.school_talk for w in lows
    ):
        return spans
    for m in _SCHOOL_NAME.finditer(text):
        start = m.start()
        before = text[max(0, start - 14) : start]
        if not before[-1:].isspace():
            continue
        last = before.split()[-1:]
        word = last[0].lower().rstrip(":,=-") if last else ""
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]  # "my school's Oakmere"
        if word not in lex.school_cue_ends:
            continue
        name = m.group()
        cue = _SCHOOL_CUE.search(text, max(0, start - 40), start)
        # Initials in an answer about school need no more than "at" or "to": "at HFA".
        if not cue and not (name.isupper() and word in ("at", "to")):
            continue
        parts = name.split()
        if parts[0] == "The" and len(parts) > 1:
            parts = parts[1:]
        if len(parts) > 3:
            continue
        name_lows = [p.lower() for p in parts]
        following = WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if following and (
            following.group().lower() in lex.school_tail_words or is_capitalised(following.group())
        ):
            continue  # "my school is Oakfield Academy": found with its kind; or a longer name
        if name.isupper():
            if name[-1] not in _SCHOOL_INITIAL_ENDS or name.lower() in lex.not_school_initials:
                continue
        elif (
            any(
                w in STOP_WORDS or w in lex.not_school_names or w in lex.not_people
                for w in name_lows
            )
            or any(is_month(w, lex) for w in name_lows)
            or name_lows[-1] in lex.organisation_words
            or name_lows[-1].endswith(("'s", "\u2019s"))
        ):
            continue
        elif cue is None or cue.group("weak"):
            if len(parts) < 2:
                continue  # "i go to Leeds"
        elif len(parts) == 1 and (
            name_lows[0] in lex.common_words or name_lows[0] in lex.first_names
        ):
            continue  # "my school is Big", "my school is Kemi's"
        spans.append((m.start(), m.end(), "SCHOOL"))
    return spans
