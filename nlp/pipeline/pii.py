"""Find personal data in an answer: shaped data by pattern, names and schools by lexicon and
context. Pure Python over the text; the spaCy component in components.py wraps it."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

DATA = Path(__file__).resolve().parent / "data"
# Letters of the Latin scripts ("Paweł", "Wójcik", "Nguyễn"; a range is faster than any
# letter), with apostrophes and hyphens; never the tail of a longer token ("7AZ", "jay_b09").
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
WORD = re.compile(rf"(?<!\w)[{_LETTER}][{_LETTER}'\u2019\-]*")
Span = tuple[int, int, str]
Word = tuple[int, int, str, str]  # start, end, as written, lower case with a plain apostrophe

# When two finds overlap, the more specific shape wins. STREET is a street named without a
# house number: a school named after its street ("Whitburn Road Primary") is the better find.
PRIORITY = {
    "EMAIL": 0,
    "PHONE": 1,
    "POSTCODE": 2,
    "DOB": 3,
    "HANDLE": 4,
    "ADDRESS": 5,
    "SCHOOL": 6,
    "STREET": 7,
    "PERSON": 8,
}
_SHOWN_AS = {"STREET": "ADDRESS"}


@dataclass
class PiiLexicon:
    first_names: set[str]
    common_words: set[str]
    titles: set[str]
    formal_titles: set[str]
    not_title_before: set[str]
    name_cues_before: set[str]
    name_cue_phrases: set[tuple[str, ...]]
    name_cue_ends: set[str]
    self_cue_phrases: set[tuple[str, ...]]
    not_name_endings: tuple[str, ...]
    ambiguous_names: set[str]
    school_suffixes: set[str]
    school_suffix_phrases: set[tuple[str, ...]]
    school_tail_words: set[str]
    school_tail_phrases: list[tuple[str, ...]]
    school_phrase_starts: set[str]
    school_starts: set[str]
    school_context: set[str]
    saint_words: set[str]
    not_saint_followers: set[str]
    handle_cues: set[str]
    handle_glue: set[str]
    handle_strong_before: set[str]
    tlds: set[str]
    helplines: set[str]
    birth_cue: re.Pattern
    not_streets: set[str]
    plain_words: set[str]
    organisation_words: set[str]
    unit_words: set[str]
    not_people: set[str]
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)
    needs: dict[str, list[str]] = field(default_factory=dict)
    need_groups: list[tuple[tuple[str, ...], list[str]]] = field(default_factory=list)
    always_tried: frozenset[str] = frozenset()
    needs_birth: bool = False

    def __post_init__(self) -> None:
        # Kinds with the same needs are checked once: "<digit>" gates eight of them.
        groups: dict[tuple[str, ...], list[str]] = {}
        for key, needs in self.needs.items():
            groups.setdefault(tuple(needs), []).append(key)
        self.need_groups = list(groups.items())
        self.always_tried = frozenset(set(self.patterns) - set(self.needs))
        self.needs_birth = any("<birth>" in needs for needs in self.needs.values())

    @classmethod
    def load(cls, common_words: set[str] | None = None) -> PiiLexicon:
        words = json.loads((DATA / "pii_lexicon.json").read_text(encoding="utf-8"))
        raw = json.loads((DATA / "pii_patterns.json").read_text(encoding="utf-8"))
        ambiguous = set(words["ambiguous_names"])
        listed = {
            line.strip().lower()
            for line in (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        # Looked up without accents too, so "Zoë" and "Zoe" are the same name.
        names = listed | {_fold(n) for n in listed}
        common = set(common_words or ()) | set(STOP_WORDS)
        return cls(
            first_names=names,
            # A name that is also an everyday word needs a capital or a cue to count.
            common_words=common - (names - ambiguous),
            titles=set(words["titles"]),
            formal_titles=set(words["formal_titles"]),
            not_title_before=set(words["not_title_before"]),
            name_cues_before=set(words["name_cues_before"]),
            name_cue_phrases={tuple(p.split()) for p in words["name_cue_phrases"]},
            name_cue_ends={
                p.split()[-1] for p in words["name_cue_phrases"] + words["self_cue_phrases"]
            },
            self_cue_phrases={tuple(p.split()) for p in words["self_cue_phrases"]},
            not_name_endings=tuple(words["not_name_endings"]),
            ambiguous_names=ambiguous,
            school_suffixes=set(words["school_suffixes"]),
            school_suffix_phrases={tuple(p.split()) for p in words["school_suffix_phrases"]},
            school_tail_words=set(words["school_tail_words"]),
            # Longest first, so "sixth form college" is tried before "sixth form".
            school_tail_phrases=sorted(
                (tuple(p.split()) for p in words["school_tail_phrases"]), key=len, reverse=True
            ),
            school_phrase_starts={p.split()[0] for p in words["school_tail_phrases"]},
            school_starts={p.split()[0] for p in words["school_tail_phrases"]}
            | set(words["school_tail_words"])
            | set(words["saint_words"]),
            school_context=set(words["school_context"]),
            saint_words=set(words["saint_words"]),
            not_saint_followers=set(words["not_saint_followers"]),
            handle_cues=set(words["handle_cues"]),
            handle_glue=set(words["handle_glue"]),
            handle_strong_before=set(words["handle_strong_before"]),
            tlds=set(words["tlds"]),
            helplines=set(words["helplines"]),
            birth_cue=re.compile(
                r"(?<![a-z])(?:" + "|".join(map(re.escape, words["birth_cues"])) + ")"
            ),
            not_streets=set(words["not_streets"]),
            plain_words=set(words["plain_words"]),
            organisation_words=set(words["organisation_words"]),
            unit_words=set(words["unit_words"]),
            not_people=set(words["not_people"]),
            patterns=_compile_patterns(raw),
            needs=raw.get("_needs", {}),
        )


def _compile_patterns(raw: dict) -> dict[str, list[re.Pattern]]:
    parts = {
        f"<{name}>": "(?:"
        + "|".join(sorted(set(items), key=lambda s: (-len(s), s)))  # longest first
        + ")"
        for name, items in raw.get("_parts", {}).items()
    }
    compiled = {}
    for key, patterns in raw.items():
        if key.startswith("_"):
            continue
        expanded = []
        for pattern in patterns:
            for name, alternation in parts.items():
                pattern = pattern.replace(name, alternation)
            expanded.append(re.compile(pattern, re.IGNORECASE))
        compiled[key] = expanded
    return compiled


@cache
def default_lexicon() -> PiiLexicon:
    return PiiLexicon.load()


# Letters that Unicode does not decompose into a plain letter and an accent.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "ı": "i"}
)


def _fold(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_DIGIT = re.compile(r"\d")


def _worth_trying(text: str, lex: PiiLexicon) -> set[str]:
    """The pattern kinds worth trying: most answers hold no digit, @ or _, and no capital
    after the first letter, so most patterns are skipped."""
    low = text.lower()
    facts = {
        "<digit>": _DIGIT.search(text) is not None,
        # Kids mostly write in lower case: a street or gamer tag in capitals is rare.
        "<capital>": text[1:] != low[1:],
    }
    if lex.needs_birth:
        facts["<birth>"] = lex.birth_cue.search(low) is not None
    worth = set(lex.always_tried)
    for needs, keys in lex.need_groups:
        for n in needs:
            if facts.get(n) or n in low:
                worth.update(keys)
                break
    return worth


def _pattern_spans(text: str, lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    worth = _worth_trying(text, lex)
    for key, patterns in lex.patterns.items():
        if key not in worth:
            continue
        label = key.split("_")[0]
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = m.span("span") if "span" in pattern.groupindex else m.span()
                found = text[start:end]
                if label == "PHONE" and re.sub(r"\D", "", found) in lex.helplines:
                    continue
                if label == "POSTCODE" and not any(c.isdigit() for c in found[-3:]):
                    continue
                if label == "HANDLE" and not _looks_like_handle(found, key, lex):
                    continue
                if label == "DOB" and not _is_date(found):
                    continue
                if key in ("DOB_WORDS", "DOB_SPELLED") and not _near_birth_cue(
                    text, start, end, lex
                ):
                    continue
                if key == "ADDRESS_NUMBER":
                    if not _numbered_address(text, m, lex):
                        continue
                elif key == "ADDRESS_LIVES":
                    trimmed = _named_street(text, start, end, lex, lower_ok=True)
                    if trimmed is None:
                        continue
                    start, label = trimmed, "ADDRESS"
                elif key == "ADDRESS_STREET":
                    trimmed = _named_street(text, start, end, lex, lower_ok=False)
                    if trimmed is None:
                        continue
                    start, label = trimmed, "STREET"
                spans.append((start, end, label))
    return spans


def _looks_like_handle(found: str, key: str, lex: PiiLexicon) -> bool:
    core = found.lstrip("@")
    if found.startswith("@"):
        return len(core) >= 2
    if key == "HANDLE_DOTTED":
        return _dotted_handle(core, lex)
    return any(c.isalpha() for c in core) and len(core) >= 3


def _dotted_handle(found: str, lex: PiiLexicon) -> bool:
    """'megs.xo.2' and 'its.just.ellie' are usernames; 'e.g', 'example.com' and two words run
    together at a full stop ('school.My', 'lol.idk') are not."""
    parts = found.lower().split(".")
    if parts[-1] in lex.tlds or parts[0] in ("www", "http", "https"):
        return False
    if max(len(p) for p in parts) < 2:
        return False
    if len(parts) == 2 and found.split(".")[1][:1].isupper():
        return False
    plain = lex.common_words
    return not all(p in plain or p.isdigit() for p in parts)


def _is_date(found: str) -> bool:
    """A date's numbers are a day and a month: 3.30 is a time and 25/13 no date at all."""
    numbers = [int(n) for n in re.findall(r"\d+", found) if len(n) <= 2]
    if len(numbers) >= 2 and not re.search(r"[a-z]", found, re.IGNORECASE):
        day, month = numbers[0], numbers[1]
        if re.match(r"(?:19|20)\d\d", found):  # 2013/05/17
            day, month = numbers[-1], numbers[-2]
        if "." in found and len(numbers) == 2:
            return 1 <= day <= 31 and 1 <= month <= 12
        return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)
    return all(1 <= n <= 31 for n in numbers[:1])


def _near_birth_cue(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    window = text[max(0, start - 60) : min(len(text), end + 25)].lower()
    return bool(lex.birth_cue.search(window)) or bool(_YEAR.search(text, start, end))


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"(?<![a-z])(?:year|yr|y|age|aged|ages|form|class|room)\s*$", re.I)


def _numbered_address(text: str, m: re.Match, lex: PiiLexicon) -> bool:
    """A number, a name and a street word. Not '2 minutes up the road', '16 but looks way
    older', 'year 6 Cedar Lane Primary' (a school) or '3 flats since year 6'."""
    if _YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return False
    middle = m.group("middle").split()
    in_a_flat = text[m.start() : m.end()].lower().startswith(("flat", "apartment", "apt"))
    if not middle and not in_a_flat:
        return False
    lows = [w.lower().replace("\u2019", "'") for w in middle]
    for word, low in zip(middle, lows, strict=True):
        # Street names hold no lower-case small words: "14 and there's no way".
        if low in STOP_WORDS and not word[0].isupper():
            return False
    if lows and all(w in lex.unit_words for w in lows):
        return False
    return not _school_follows(text, m.end(), lex)


def _school_follows(text: str, end: int, lex: PiiLexicon) -> bool:
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return bool(following and following.group().lower() in lex.school_tail_words)


# Stop words that name places: "Hill Top Road", "Back Lane".
_STREET_STOP_WORDS = {"top", "back", "front", "side", "bottom", "well", "over", "under"}


def _named_street(text: str, start: int, end: int, lex: PiiLexicon, lower_ok: bool) -> int | None:
    """Where a street named without a house number starts ('Parr Street'), or None when the
    words before the street word are everyday ones ('the main road', 'My Street')."""
    if _school_follows(text, end, lex):
        return None
    words = [(m.start(), m.group()) for m in WORD.finditer(text, start, end)]
    names = words[:-1]
    # Sentence starts and lower-case fillers in front: "In Victoria Road", "on the Elm Road".
    while names and names[0][1].lower() in STOP_WORDS:
        names = names[1:]
    if not names or " ".join(w for _, w in names + words[-1:]).lower() in lex.not_streets:
        return None
    for _, word in names:
        low = word.lower()
        if low in STOP_WORDS and not (word[0].isupper() and low in _STREET_STOP_WORDS):
            return None
        if (
            lower_ok
            and word.islower()
            and (low in lex.common_words or low in lex.plain_words or low in lex.unit_words)
        ):
            return None
    return names[0][0]


def _words(text: str) -> list[Word]:
    return [
        (m.start(), m.end(), w, w.lower().replace("\u2019", "'"))
        for m in WORD.finditer(text)
        for w in (m.group(),)
    ]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (word.isupper() and len(word) > 1)


def _joined(text: str, left: Word, right: Word) -> bool:
    """Two words of one name: only spaces between them."""
    gap = text[left[1] : right[0]]
    return 0 < len(gap) <= 2 and gap.isspace()


def _phrase_ending(lows: list[str], k: int, phrases: set[tuple[str, ...]]) -> int:
    """How many words long a phrase ending at word k is, 0 for none."""
    for size in (3, 2):
        if k - size + 1 >= 0 and tuple(lows[k - size + 1 : k + 1]) in phrases:
            return size
    return 0


def _school_tail(lows: list[str], i: int, lex: PiiLexicon) -> int:
    """How many words long a school word starting at word i is ('Sixth Form College': 3)."""
    low = lows[i]
    if low in lex.school_phrase_starts:
        for phrase in lex.school_tail_phrases:
            if tuple(lows[i : i + len(phrase)]) == phrase:
                return len(phrase)
    return 1 if low in lex.school_tail_words else 0


def _school_name_word(word: str, low: str, lex: PiiLexicon) -> bool:
    """A word that can be part of a school's own name: 'Grange', 'Hollins', 'oakfield'."""
    if low in STOP_WORDS:
        return False
    if _is_capitalised(word):
        return True
    # Lower case: not an everyday word ('my smaller school', 'liking school'), and not
    # shaped like one.
    return (
        len(low) >= 5
        and low not in lex.common_words
        and low not in lex.plain_words
        and not low.endswith(lex.not_name_endings + ("er", "s'"))
    ) or (low.endswith(("'s", "s")) and low.rstrip("s").rstrip("'") in lex.first_names)


def _school_spans(text: str, words: list[Word], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    lows = [w[3] for w in words]
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
        while j + 1 < len(words) and _joined(text, words[j], words[j + 1]):
            more = _school_tail(lows, j + 1, lex)
            if not more and lows[j + 1] == "and" and j + 2 < len(words):
                after_and = _school_tail(lows, j + 2, lex)
                more = after_and + 1 if after_and else 0
            if not more:
                break
            j += more
        # The school's own name to the left, over words like "Catholic" and "C of E".
        name_start = None
        k, taken = i - 1, 0
        while k >= 0 and taken < 4 and _joined(text, words[k], words[k + 1]):
            start, _, word, low = words[k]
            phrase = _phrase_ending(lows, k, lex.school_suffix_phrases)
            if phrase:
                k -= phrase
                continue
            if low in lex.saint_words:
                name_start = start
                break
            if word == "The" and name_start is not None:
                name_start = start
                break
            if low in lex.school_suffixes and low not in STOP_WORDS:
                k -= 1
                continue
            if not _school_name_word(word, low, lex):
                break
            name_start = start
            k -= 1
            taken += 1
        if name_start is not None:
            spans.append((name_start, words[j][1], "SCHOOL"))
        i = j + 1
    return spans


def _saint_school(text: str, words: list[Word], i: int, lex: PiiLexicon) -> Span | None:
    """'saint wilfrids has no heating': a saint's name alone is a school when the answer is
    about school, but not a town ('in St Helens') or a hospital."""
    if i + 1 >= len(words) or not _joined(text, words[i], words[i + 1]):
        return None
    if i and words[i - 1][3] in _PLACE_WORDS:
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


_DRAWN_OUT = re.compile(r"(.)\1\1")
_ACRONYMS = re.compile(r"[A-Z]{2,}s")  # "CVs", "PCSOs"

# A capitalised unknown word after these is more likely a place ("in Leeds") than a person.
_PLACE_WORDS = {"in", "at", "to", "from", "near", "around", "outside", "into", "of", "visit"}


def _known_name(low: str, lex: PiiLexicon, loose: bool = False) -> bool:
    """A listed name, also spelled with a drawn-out last letter ('danii'), or two names joined
    ('amelia-grace'); when `loose` (a capital or a cue), also with another ending ('jaycee'
    for 'jaycie'): unasked, that would take 'arty' and 'sleepy' for names."""
    names = lex.first_names
    if low in names:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return (
            len(parts) > 1
            and all(p in names for p in parts)
            and any(p not in lex.ambiguous_names for p in parts)
        )
    if len(low) < 4 or low in lex.common_words:
        return False
    if low[-1] == low[-2] and low[-1] in "aiuynhrm" and low[:-1] in names:
        return True  # not "ee", "ll", "ss": "tree" is not "tre"
    if not loose:
        return False
    for ending in ("ie", "ey", "ee", "y", "i"):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            return any(stem + e in names for e in ("ie", "ey", "ee", "y", "i") if e != ending)
    return False


def _cue_before(lows: list[str], i: int, lex: PiiLexicon) -> tuple[bool, bool, bool]:
    """Whether word i follows a relationship word ('my friend'), a naming phrase ('my name
    is') or a phrase of introduction ('im')."""
    prev = lows[i - 1] if i else ""
    naming = introduced = False
    if prev in lex.name_cue_ends:
        before = [tuple(lows[i - size : i]) for size in (1, 2, 3) if size <= i]
        naming = any(p in lex.name_cue_phrases for p in before)
        introduced = any(p in lex.self_cue_phrases for p in before)
    return prev in lex.name_cues_before or naming, naming, introduced


# How a sentence goes on after "im <name>": "im aleksy i dont", "im grace and im 13",
# "i'm Ewa, 14"; not "im sleepy lol" (an unknown word needs this), "im miles from".
_AFTER_NAME = re.compile(
    r"\s*(?:$|[,.!?;:(\-]|\d|(?:and\s+)?(?:i|im|i'm|i\u2019m|here|age|aged|year|yr|x+)\b)",
    re.IGNORECASE,
)


def _person_spans(text: str, words: list[Word], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    lows = [w[3] for w in words]
    common = lex.common_words
    for i, (start, end, word, low) in enumerate(words):
        if low in STOP_WORDS or _inside_token(text, start, end):
            continue
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        low = _fold(low)
        if low in lex.not_people:
            continue
        capital = _is_capitalised(word)
        prev = lows[i - 1] if i else ""
        if prev in lex.saint_words or _organisation(words, i, capital, lex):
            continue  # "St Helens", "St Mary's Hospital", "Citizen Service"
        close_to_prev = i and start - words[i - 1][1] <= 2
        cue, naming, introduced = _cue_before(lows, i, lex)
        if prev in lex.titles and close_to_prev and _title_in_use(lows, i - 1, lex):
            # "Mr Patel", "miss wójcik", "uncle Dan"; not "coach said" or "miss loads".
            if (
                capital
                or _known_name(low, lex, loose=True)
                or (
                    prev in lex.formal_titles
                    and low not in common
                    and not low.endswith(lex.not_name_endings)
                )
            ):
                spans.append((start, end, "PERSON"))
            continue
        if low in common and not capital and not cue and not introduced:
            continue
        sentence_start = i == 0 or text[words[i - 1][1] : start].strip()[-1:] in (".", "!", "?")
        if introduced:
            introduced = _AFTER_NAME.match(text, end) is not None
        if _known_name(low, lex, loose=capital or cue or introduced):
            # A name that is also an everyday word counts only with a capital or a cue:
            # not "from October to April".
            plain_word = low in common or low in lex.ambiguous_names
            named = capital and not sentence_start and prev not in _PLACE_WORDS
            if not plain_word or named or cue or introduced:
                spans.append((start, end, "PERSON"))
            continue
        # An unknown word after a name cue, or a capitalised word that is not an everyday
        # word, is likely a name (lower-case and misspelled names included).
        unknown = low not in common and len(low) > 2
        if not unknown or _ACRONYMS.fullmatch(word):
            continue
        verb_like = (
            low.endswith(lex.not_name_endings)
            or (low.endswith("s") and not capital)
            or _DRAWN_OUT.search(low) is not None  # "sooo", "hiii"
        )
        # After "my friends" comes a verb more often than a name ("my mates hype me up").
        relation = cue and prev not in ("and", "with", "from", "love") and not prev.endswith("s")
        cued = (relation or naming or introduced) and not verb_like
        shown = capital and not sentence_start and not word.isupper() and prev not in _PLACE_WORDS
        if cued or shown:
            spans.append((start, end, "PERSON"))
    return _join_full_names(text, spans, words, lex)


def _organisation(words: list[Word], i: int, capital: bool, lex: PiiLexicon) -> bool:
    """A capitalised word that names a group or a place: 'Service', 'Russell Group'."""
    if not capital:
        return False
    # The word itself or one of the next two capitalised words: "National Citizen Service".
    for _, _, word, low in words[i : i + 3]:
        if not _is_capitalised(word):
            return False
        if low in lex.organisation_words:
            return True
    return False


def _inside_token(text: str, start: int, end: int) -> bool:
    """A piece of an email address or a web address ('ewa' in 'ewa.z@example.com')."""
    before = text[start - 1 : start]
    after = text[end : end + 2]
    return before in ("@", ".", "/") or (
        len(after) == 2 and after[0] in "@._/" and (after[1].isalnum() or after[1] == "_")
    )


def _title_in_use(lows: list[str], t: int, lex: PiiLexicon) -> bool:
    """'miss' in 'i miss loads of school' is a verb, not a title."""
    return lows[t] != "miss" or t == 0 or lows[t - 1] not in lex.not_title_before


def _surname_like(text: str, first: Word, nxt: Word, introduced: bool, lex: PiiLexicon) -> bool:
    """The word after a name that is its surname: 'Jake Turner', 'Dylan Price', and in
    lower case, when someone introduces themselves, an unknown word after a known first name:
    'im priya sharma' (but 'my friend zainab said')."""
    _, _, word, low = nxt
    if not _joined(text, first, nxt) or low in STOP_WORDS or low in lex.not_people:
        return False
    if low in lex.school_tail_words or low in lex.school_suffixes or low in lex.titles:
        return False
    if low in lex.organisation_words:
        return False
    common = lex.common_words
    if _is_capitalised(word) and not word.isupper():
        # A capitalised everyday word ('Price', 'Wood') only after a listed first name.
        return low not in common or (
            _is_capitalised(first[2]) and first[3] in lex.first_names and len(low) > 2
        )
    # Lower case: not a verb ("amelia flinches").
    return (
        introduced
        and first[3] in lex.first_names
        and low not in common
        and len(low) > 2
        and low.isalpha()
        and not low.endswith(lex.not_name_endings + ("s",))
    )


def _introduced(lows: list[str], i: int, lex: PiiLexicon) -> bool:
    _, naming, introduced = _cue_before(lows, i, lex)
    return naming or introduced


def _join_full_names(text: str, spans: list[Span], words: list[Word], lex) -> list[Span]:
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
            # A name word before a surname that was found on its own: "Precious Okoye".
            if idx and _joined(text, words[idx - 1], words[idx]):
                _, _, pword, plow = words[idx - 1]
                if plow in lex.first_names and _is_capitalised(pword) and plow not in STOP_WORDS:
                    start = words[idx - 1][0]
            if (
                idx + 1 < len(words)
                and words[idx + 1][0] not in starts
                and _surname_like(
                    text, words[idx], words[idx + 1], _introduced(lows, idx, lex), lex
                )
            ):
                end = words[idx + 1][1]
        joined.append((start, end, label))
    return joined


_HANDLE_TOKEN = re.compile(r"\s*[:=\-]?\s*(@?[\w.\-']*\w)")
_ASKING = {"add", "follow", "find", "search", "hmu", "dm", "msg", "message", "sub", "subscribe"}
_LINKS = {"is", "its", "it's", "name", "names", "tag", "username", "as", "called", "handle", "id"}
# Digits, dots, underscores, camel case or two hyphens: "lewis-the-legend", "BlueBerryPie".
_HANDLE_SHAPE = re.compile(r"[\d_.@]|[a-z][A-Z]|\w-\w+-\w")


def _cue_handle_spans(words: list[Word], text: str, lex: PiiLexicon) -> list[Span]:
    """'add me on snap jay_b09', 'my snap is jaydenb', 'my xbox name is Dark Phoenix 221':
    the username after a platform word."""
    spans: list[Span] = []
    for i, (_, cue_end, _, low) in enumerate(words):
        if low not in lex.handle_cues:
            continue
        before = {w[3] for w in words[max(0, i - 3) : i]}
        # "add me on snap jaydenb", or "my snap is jaydenb"; not "my xbox controller".
        strong = bool(before & _ASKING)
        owned = bool(before & lex.handle_strong_before)
        pos, tokens = cue_end, 0
        while tokens < 5:
            m = _HANDLE_TOKEN.match(text, pos)
            if not m:
                break
            token, tokens = m.group(1), tokens + 1
            pos = m.end()
            tlow = token.lower()
            if any(c in m.group(0) for c in ":=-") and not m.group(0).endswith("-"):
                strong = True
            if (tlow in lex.handle_glue or tlow in lex.handle_cues) and not _HANDLE_SHAPE.search(
                token
            ):
                strong = strong or (owned and tlow in _LINKS)
                continue
            span = _handle_after_cue(text, m.start(1), token, strong, lex)
            if span:
                spans.append(span)
            break
    return spans


# Times, counts and ordinals after a platform word: "tiktok at 2am", "snap 24/7", "yt 3hrs".
_AMOUNT = re.compile(r"[\d.,:]+(?:am|pm|st|nd|rd|th|s|k|m|h|hr|hrs|min|mins|p|x|yrs)?")
_GAMERTAG = re.compile(r"(?-i:(?:[A-Za-z]*[A-Z][A-Za-z]* ){1,2}[A-Za-z]*\d[A-Za-z\d]*)(?!\w)")


def _handle_after_cue(
    text: str, start: int, token: str, strong: bool, lex: PiiLexicon
) -> Span | None:
    # Gamertags may hold spaces: "Dark Phoenix 221", "HeLLcAt 4O4".
    tag = _GAMERTAG.match(text, start)
    if tag:
        return (start, tag.end(), "HANDLE")
    low = token.lower().lstrip("@")
    if len(low) < 3 or low in lex.common_words or _AMOUNT.fullmatch(low):
        return None
    if _HANDLE_SHAPE.search(token.lstrip("@")) or token.startswith("@"):
        return (start, start + len(token), "HANDLE")
    # A plain word is a username only after "my snap is", "add me on insta", "snap: ...",
    # and not when it reads as a description ("my tiktok is addictive").
    if strong and (token.isalnum() or "-" in token) and not low.endswith(lex.not_name_endings):
        return (start, start + len(token), "HANDLE")
    return None


def _resolve(text: str, spans: list[Span]) -> list[Span]:
    """Settle overlaps, keeping the higher-priority label and then the longer span. A span
    that only runs into a kept one at an edge is cut back, not dropped: 'Ewa Zielinska' stays
    a name when the joined words run on into 'ewa.z@example.com'."""
    ordered = sorted(spans, key=lambda s: (PRIORITY[s[2]], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for start, end, label in ordered:
        cut = False
        for k_start, k_end, _ in kept:
            if end <= k_start or start >= k_end:
                continue
            if k_start <= start and end <= k_end or start < k_start and k_end < end:
                break  # inside a kept span, or one inside it: keep only the kept one
            if start < k_start:
                end, cut = k_start, True
            else:
                start, cut = k_end, True
        else:
            if cut:
                start += len(text[start:end]) - len(text[start:end].lstrip(" ,.;:-"))
                end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;:-"))
            if start < end:
                kept.append((start, end, label))
    return sorted((s, e, _SHOWN_AS.get(label, label)) for s, e, label in kept)


def find_pii(text: str, lexicon: PiiLexicon | None = None) -> list[Span]:
    lex = lexicon or default_lexicon()
    words = _words(text)
    spans = _pattern_spans(text, lex)
    spans += _school_spans(text, words, lex)
    spans += _cue_handle_spans(words, text, lex)
    spans += _person_spans(text, words, lex)
    return _resolve(text, spans)


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
