"""Find personal data in an answer: shaped data by pattern, names and schools by lexicon and
context. Pure Python over the text; the spaCy component in components.py wraps it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")
Span = tuple[int, int, str]

# When two finds overlap, the more specific shape wins.
PRIORITY = {
    "EMAIL": 0,
    "PHONE": 1,
    "POSTCODE": 2,
    "DOB": 3,
    "HANDLE": 4,
    "ADDRESS": 5,
    "SCHOOL": 6,
    "PERSON": 7,
}


@dataclass
class PiiLexicon:
    first_names: set[str]
    common_words: set[str]
    titles: set[str]
    name_cues_before: set[str]
    ambiguous_names: set[str]
    school_suffixes: set[str]
    school_tail_words: set[str]
    handle_cues: set[str]
    handle_glue: set[str]
    helplines: set[str]
    birth_cues: set[str]
    not_people: set[str]
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)

    @classmethod
    def load(cls, common_words: set[str] | None = None) -> PiiLexicon:
        words = json.loads((DATA / "pii_lexicon.json").read_text(encoding="utf-8"))
        raw = json.loads((DATA / "pii_patterns.json").read_text(encoding="utf-8"))
        names = {
            line.strip().lower()
            for line in (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        ambiguous = set(words["ambiguous_names"])
        common = set(common_words or ()) | set(STOP_WORDS)
        return cls(
            first_names=names,
            # A name that is also an everyday word needs a capital or a cue to count.
            common_words=common - (names - ambiguous),
            titles=set(words["titles"]),
            name_cues_before=set(words["name_cues_before"]),
            ambiguous_names=ambiguous,
            school_suffixes=set(words["school_suffixes"]),
            school_tail_words=set(words["school_tail_words"]),
            handle_cues=set(words["handle_cues"]),
            handle_glue=set(words["handle_glue"]),
            helplines=set(words["helplines"]),
            birth_cues=set(words["birth_cues"]),
            not_people=set(words["not_people"]),
            patterns={
                label: [re.compile(p, re.IGNORECASE) for p in patterns]
                for label, patterns in raw.items()
                if not label.startswith("_")
            },
        )


@cache
def default_lexicon() -> PiiLexicon:
    return PiiLexicon.load()


_DIGIT = re.compile(r"\d")
_LIVES = re.compile(r"\b(?:live|lives|living|stay|stays|staying|moved)\b", re.IGNORECASE)


def _worth_trying(text: str) -> dict[str, bool]:
    """Most answers hold no digits, @ or _: skip the patterns that could not match."""
    digit = bool(_DIGIT.search(text))
    return {
        "EMAIL": "@" in text,
        "PHONE": digit,
        "POSTCODE": digit,
        "HANDLE": digit or any(c in text for c in "@_#xX"),
        "DOB_NUMERIC": digit,
        "DOB_WORDS": digit,
        "ADDRESS": digit or bool(_LIVES.search(text)),
    }


def _pattern_spans(text: str, lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    worth = _worth_trying(text)
    for label, patterns in lex.patterns.items():
        if not worth.get(label, True):
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = m.span("span") if "span" in pattern.groupindex else m.span()
                found = text[start:end]
                if label == "PHONE" and re.sub(r"\D", "", found) in lex.helplines:
                    continue
                if label == "POSTCODE" and not any(c.isdigit() for c in found[-3:]):
                    continue
                if label == "HANDLE" and not _looks_like_handle(found):
                    continue
                if label == "ADDRESS" and _street_words_are_plain(found, lex):
                    continue
                if label == "DOB_WORDS" and not _near_birth_cue(text, start, end, lex):
                    continue
                spans.append((start, end, "DOB" if label.startswith("DOB") else label))
    return spans


def _looks_like_handle(found: str) -> bool:
    core = found.lstrip("@")
    if found.startswith("@"):
        return len(core) >= 2
    return any(c.isalpha() for c in core) and len(core) >= 3


def _street_words_are_plain(found: str, lex: PiiLexicon) -> bool:
    """'2 minutes up the road' is not an address: its middle words are everyday words."""
    words = [w.lower() for w in WORD.findall(found)]
    middle = [
        w for w in words[:-1] if w not in {"flat", "apartment", "apt", "unit", "no", "number"}
    ]
    return bool(middle) and all(w in STOP_WORDS or w in _UNIT_WORDS for w in middle)


_UNIT_WORDS = {
    "minutes",
    "mins",
    "min",
    "miles",
    "mile",
    "seconds",
    "hours",
    "stops",
    "doors",
    "houses",
    "streets",
    "roads",
    "times",
    "years",
    "days",
    "weeks",
    "people",
    "kids",
}


def _near_birth_cue(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    window = text[max(0, start - 60) : min(len(text), end + 25)].lower()
    words = set(re.findall(r"[a-z.'\-]+", window))
    return bool(words & lex.birth_cues) or bool(re.search(r"(?:19|20)\d\d", text[start:end]))


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (word.isupper() and len(word) > 1)


def _school_spans(words: list[tuple[int, int, str]], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    i = 0
    while i < len(words):
        start, end, word = words[i]
        low = word.lower()
        if low in lex.school_tail_words:
            # Extend over further suffix words: "Oakfield High School", "st mary's primary".
            j = i
            while j + 1 < len(words) and words[j + 1][2].lower() in lex.school_tail_words:
                if words[j + 1][0] - words[j][1] > 1:
                    break
                j += 1
            name_start = None
            k = i - 1
            taken = 0
            while k >= 0 and taken < 4 and words[k + 1][0] - words[k][1] <= 2:
                prev = words[k][2]
                prev_low = prev.lower().replace("\u2019", "'")
                if prev_low in ("st", "st.", "saint") or (
                    prev_low.endswith("'s") and prev_low[:-2] in lex.first_names
                ):
                    name_start = words[k][0]
                elif prev_low in lex.school_suffixes and prev_low not in lex.school_tail_words:
                    name_start = words[k][0] if name_start is not None else None
                elif (
                    prev_low in lex.common_words
                    and not _is_capitalised(prev)
                    or prev_low in STOP_WORDS
                ):
                    break
                else:
                    name_start = words[k][0]
                k -= 1
                taken += 1
            if name_start is not None:
                spans.append((name_start, words[j][1], "SCHOOL"))
            i = j + 1
            continue
        i += 1
    return spans


# A capitalised unknown word after these is more likely a place ("in Leeds") than a person.
_PLACE_WORDS = {"in", "at", "to", "from", "near", "around", "outside", "into", "of", "visit"}


def _person_spans(text: str, words: list[tuple[int, int, str]], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    for i, (start, end, word) in enumerate(words):
        low = word.lower().replace("\u2019", "'")
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        prev = words[i - 1][2].lower() if i else ""
        prev2 = words[i - 2][2].lower() if i > 1 else ""
        sentence_start = i == 0 or text[words[i - 1][1] : start].strip()[-1:] in (".", "!", "?")
        after_title = prev in lex.titles and i and start - words[i - 1][1] <= 2
        cue = prev in lex.name_cues_before or (prev2, prev) in (
            ("name", "is"),
            ("names", "is"),
            ("called", "is"),
        )
        if low in lex.not_people:
            continue
        if after_title and low not in STOP_WORDS:
            spans.append((start, end, "PERSON"))
            continue
        if low in lex.first_names:
            # A name that is also an everyday word counts only with a capital or a cue.
            plain_word = low in lex.common_words or low in lex.ambiguous_names
            looks_named = (_is_capitalised(word) and not sentence_start) or cue
            if not plain_word or (looks_named and low not in STOP_WORDS):
                spans.append((start, end, "PERSON"))
            continue
        # An unknown word after a name cue, or a capitalised word that is not an everyday
        # word, is likely a name (lower-case and misspelled names included).
        unknown = low not in lex.common_words and low not in STOP_WORDS and len(low) > 2
        if (
            unknown
            and cue
            and prev not in ("and", "with", "me", "from", "love")
            or (
                unknown
                and _is_capitalised(word)
                and not sentence_start
                and not word.isupper()
                and prev not in _PLACE_WORDS
            )
        ):
            spans.append((start, end, "PERSON"))
    return _join_full_names(text, spans, words, lex)


def _join_full_names(text, spans, words, lex) -> list[Span]:
    """'jayden smith': a name followed by a surname-looking word becomes one span."""
    joined: list[Span] = []
    starts = {s: e for s, e, _ in spans}
    by_start = {w[0]: idx for idx, w in enumerate(words)}
    for start, end, label in sorted(spans):
        if joined and start - joined[-1][1] <= 1 and text[joined[-1][1] : start].strip() == "":
            joined[-1] = (joined[-1][0], end, label)
            continue
        idx = by_start.get(start)
        if idx is not None and idx + 1 < len(words):
            nstart, nend, nword = words[idx + 1]
            low = nword.lower()
            if (
                nstart - end <= 1
                and nstart not in starts
                and _is_capitalised(nword)
                and low not in lex.common_words
                and low not in STOP_WORDS
                and low not in lex.school_tail_words
            ):
                end = nend
        joined.append((start, end, label))
    return joined


def _cue_handle_spans(words: list[tuple[int, int, str]], text: str, lex: PiiLexicon) -> list[Span]:
    """'add me on snap jay_b09', 'my insta is lilyrose.x': the word after a platform cue."""
    spans: list[Span] = []
    for i, (_, _, word) in enumerate(words):
        if word.lower() not in lex.handle_cues:
            continue
        j = i + 1
        while j < len(words) and words[j][2].lower() in lex.handle_glue and j - i <= 3:
            j += 1
        if j >= len(words) or j - i > 4:
            continue
        start = words[j][0]
        match = re.match(r"@?[A-Za-z0-9_.]*[A-Za-z0-9_]", text[start:])
        if not match:
            continue
        candidate = match.group()
        low = candidate.lower().lstrip("@")
        if low in lex.common_words or low in STOP_WORDS or len(low) < 3:
            continue
        spans.append((start, start + len(candidate), "HANDLE"))
    return spans


def _resolve(spans: list[Span]) -> list[Span]:
    """Drop overlaps, keeping the higher-priority label and then the longer span."""
    ordered = sorted(spans, key=lambda s: (PRIORITY[s[2]], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for span in ordered:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def find_pii(text: str, lexicon: PiiLexicon | None = None) -> list[Span]:
    lex = lexicon or default_lexicon()
    words = _words(text)
    spans = _pattern_spans(text, lex)
    spans += _school_spans(words, lex)
    spans += _cue_handle_spans(words, text, lex)
    spans += _person_spans(text, words, lex)
    return _resolve(spans)


def redact(text: str, spans: list[Span]) -> str:
    out, last = [], 0
    for start, end, label in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(f"[{'NAME' if label == 'PERSON' else label}]")
        last = end
    out.append(text[last:])
    return "".join(out)
