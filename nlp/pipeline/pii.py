"""Find personal data in an answer: shaped data by pattern, names and schools by lexicon and
context. Pure Python over the text; the spaCy component in components.py wraps it.

One module, not a package split by concern, though it is past 500 lines: the pipeline's
version fingerprint (corpus.training_digest) reads only nlp/pipeline/*.py, so code moved into a
subpackage would change tags without changing the version they record."""

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
    common_names: set[str]
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
    self_descriptions: set[str]
    family_words: set[str]
    abstract_names: set[str]
    abstract_name_blockers: set[str]
    company_verbs: set[str]
    name_verbs_after: re.Pattern
    not_name_before: set[str]
    title_cues_before: set[str]
    school_name_phrases: set[tuple[str, ...]]
    school_tail_after_phrases: list[tuple[str, ...]]
    school_place_words: set[str]
    school_weak_tails: set[str]
    school_academy_words: set[str]
    home_before: re.Pattern
    postal_areas: set[str]
    month_cue: re.Pattern
    building_before: re.Pattern
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)
    needs: dict[str, list[str | list[str]]] = field(default_factory=dict)
    need_groups: list[tuple[tuple[str | tuple[str, ...], ...], list[str]]] = field(
        default_factory=list
    )
    digit_need_groups: list[tuple[tuple[str | tuple[str, ...], ...], list[str]]] = field(
        default_factory=list
    )
    always_tried: frozenset[str] = frozenset()
    tried_on_digit: frozenset[str] = frozenset()
    needs_birth: bool = False

    def __post_init__(self) -> None:
        # Kinds with the same needs are checked once. A need is one fact, or a tuple of facts
        # that must all hold: ("<digit>", "<month>"). Needs that all hold "<digit>" are checked
        # only when there is one, as most answers have none.
        groups: dict[tuple[tuple[str, ...], ...], list[str]] = {}
        for key, needs in self.needs.items():
            need = tuple((n,) if isinstance(n, str) else tuple(n) for n in needs)
            groups.setdefault(need, []).append(key)
        on_digit: set[str] = set()
        for need, keys in groups.items():
            table = self.need_groups
            if all("<digit>" in all_of for all_of in need):
                need = tuple(tuple(n for n in all_of if n != "<digit>") for all_of in need)
                if () in need:
                    on_digit.update(keys)
                    continue
                table = self.digit_need_groups
            table.append((tuple(n[0] if len(n) == 1 else n for n in need), keys))
        self.always_tried = frozenset(set(self.patterns) - set(self.needs))
        self.tried_on_digit = frozenset(on_digit)
        self.needs_birth = any("<birth>" in all_of for n in groups for all_of in n)

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
            common_names=common & names & ambiguous,
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
            birth_cue=_word_starts(words["birth_cues"]),
            not_streets=set(words["not_streets"]),
            plain_words=set(words["plain_words"]),
            organisation_words=set(words["organisation_words"]),
            unit_words=set(words["unit_words"]),
            not_people=set(words["not_people"]),
            self_descriptions=set(words["self_descriptions"]),
            family_words=set(words["family_words"]),
            abstract_names=set(words["abstract_names"]),
            abstract_name_blockers=set(words["abstract_name_blockers"]),
            company_verbs=set(words["company_verbs"]),
            name_verbs_after=_name_verbs(words),
            not_name_before=set(words["not_name_before"]),
            title_cues_before=set(words["title_cues_before"]),
            school_name_phrases={tuple(p.split()) for p in words["school_name_phrases"]},
            school_tail_after_phrases=[
                tuple(p.split()) for p in words["school_tail_after_phrases"]
            ],
            school_place_words=set(words["school_place_words"]),
            school_weak_tails=set(words["school_weak_tails"]),
            school_academy_words=set(words["school_academy_words"]),
            home_before=_home_before(words["home_cues"]),
            postal_areas=set(raw["_parts"]["POSTAL_AREA"]),
            # The first three letters of the months, misspelled ones too: "apirl", "agust".
            month_cue=_word_starts({m[:3] for m in raw["_parts"]["MONTH"]}),
            building_before=_expand(raw["_building_before"], raw),
            patterns=_compile_patterns(raw),
            needs=raw.get("_needs", {}),
        )


def _word_starts(cues) -> re.Pattern:
    """Any of the cues, grouped by first letter ('b(?:orn|irth|day)|dob'): the regex engine then
    skips ahead to those letters, which a lookbehind first would stop. _cue_in checks that a
    cue starts a word."""
    by_first: dict[str, list[str]] = {}
    for cue in sorted(set(cues), key=len, reverse=True):
        by_first.setdefault(cue[0], []).append(re.escape(cue[1:]))
    return re.compile(
        "|".join(
            re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in by_first.items()
        )
    )


def _cue_in(cue: re.Pattern, low: str) -> bool:
    """Whether a cue from _word_starts starts a word of low: 'born', not 'unborn'."""
    for m in cue.finditer(low):
        start = m.start()
        if not start or not low[start - 1].isalpha():
            return True
    return False


def _home_before(cues: list[str]) -> re.Pattern:
    """What comes before a street named as where someone lives: 'i live on', 'we live with my
    grandad on', 'our house is on', 'my nan's on', 'on the same road,'."""
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(
        rf"(?:\b(?:{alternation})\s+(?:[\w'\u2019]+\s+){{0,3}}?"
        r"(?:on|at|in|to|into|off|down|up|is|along|of)\s+(?:the\s+same\s+(?:road|street)\s*,?\s*)?"
        r"|\b(?:my|our)\s+\w+(?:'s|\u2019s|s)\s+(?:(?:house|flat|home|place)\s+)?(?:is\s+)?"
        r"(?:on|in|at|off)\s+)$",
        re.IGNORECASE,
    )


def _name_verbs(words: dict) -> re.Pattern:
    """What follows a name at the start of a sentence: 'Faith said', 'Hope is my best friend',
    'Joy is in my class'; not 'Hope is all we have'."""
    relations = "|".join(sorted(map(re.escape, words["name_cues_before"]), key=len, reverse=True))
    verbs = "|".join(sorted(map(re.escape, words["name_verbs_after"]), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:(?:{verbs})\b|(?:is|was|'s|\u2019s)\s+(?:my|our)\s+(?:best\s+|bestest\s+|"
        rf"older\s+|little\s+|big\s+|younger\s+|twin\s+)?(?:{relations})\b|"
        r"(?:is|was)\s+in\s+(?:my|our)\s+(?:class|form|year|group|team)\b)",
        re.IGNORECASE,
    )


def _expand(pattern: str, raw: dict) -> re.Pattern:
    for name, items in raw.get("_parts", {}).items():
        alternation = "(?:" + "|".join(sorted(set(items), key=lambda s: (-len(s), s))) + ")"
        pattern = pattern.replace(f"<{name}>", alternation)  # longest first
    return re.compile(pattern, re.IGNORECASE)


def _compile_patterns(raw: dict) -> dict[str, list[re.Pattern]]:
    return {
        key: [_expand(pattern, raw) for pattern in patterns]
        for key, patterns in raw.items()
        if not key.startswith("_")
    }


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
    digit = _DIGIT.search(text) is not None
    facts = {
        # Kids mostly write in lower case: a street or gamer tag in capitals is rare.
        "<capital>": text[1:] != low[1:],
    }
    if lex.needs_birth:
        facts["<birth>"] = _cue_in(lex.birth_cue, low)
    worth = set(lex.always_tried)
    groups = lex.need_groups
    if digit:
        facts["<month>"] = _cue_in(lex.month_cue, low)
        worth.update(lex.tried_on_digit)
        groups = groups + lex.digit_need_groups
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
                if label == "PHONE" and (
                    re.sub(r"\D", "", found) in lex.helplines or _DECIMALS.fullmatch(found)
                ):
                    continue
                if key == "POSTCODE" and not _postcode(found, lex):
                    continue
                if label == "HANDLE" and not _looks_like_handle(found, key, lex):
                    continue
                if label == "DOB" and not _is_date(found):
                    continue
                if key in ("DOB_WORDS", "DOB_SHORT", "DOB_SPELLED") and not _near_birth_cue(
                    text, start, end, lex
                ):
                    continue
                if key == "DOB_SPACED" and not _near_birth_cue(text, start, end, lex, year=False):
                    continue
                if key == "ADDRESS_NUMBER":
                    if not _numbered_address(text, m, lex):
                        continue
                    start = _building_start(text, start, lex)
                elif key in ("ADDRESS_THE", "ADDRESS_CUED"):
                    if not _short_address(text, start, end, lex):
                        continue
                elif key == "ADDRESS_LIVES":
                    trimmed = _named_street(text, start, end, lex, lower_ok=True)
                    if trimmed is None:
                        continue
                    start, label = trimmed, "ADDRESS"
                elif key == "ADDRESS_STREET":
                    trimmed = _named_street(text, start, end, lex, lower_ok=False)
                    if trimmed is None or not _home_street(text, trimmed, end, lex):
                        continue
                    start, label = trimmed, "STREET"
                spans.append((start, end, label))
    return _join_addresses(text, spans) if len(spans) > 1 else spans


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
# A list of decimals, not a phone number typed with dots: "0.5 0.6 0.7 0.8 0.9 1.0".
_DECIMALS = re.compile(r"\d{1,3}\.\d{1,3}(?:,?\s+\d{1,3}\.\d{1,3})+")
_POSTCODE_AS_USUAL = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}", re.IGNORECASE)
# Letters a postcode's inward part never holds (so "5am" and "6pm" are not one).
_NOT_INWARD = set("CIKMOV")


def _postcode(found: str, lex: PiiLexicon) -> bool:
    """Spaced as usual ('LS1 1AB', 'm145tq'), or with stray spaces ('b23 6 tu') when it starts
    with a real postcode area, its last letters could end one, and a space still parts its
    halves (not 'im 15 an')."""
    if _POSTCODE_AS_USUAL.fullmatch(found):
        return True
    compact = _NOT_ALNUM.sub("", found).upper()
    area = compact[:2] if compact[1].isalpha() else compact[:1]
    inward = max(i for i, c in enumerate(found) if c.isdigit())
    return (
        area in lex.postal_areas
        and _NOT_INWARD.isdisjoint(compact[-2:])
        and found[inward - 1] in " .-"
    )


def _building_start(text: str, start: int, lex: PiiLexicon) -> int:
    """Where a numbered address starts when a building's name comes first: 'Jubilee House,
    40 Canal Street', 'Flat 7, Orchard Mansions, 56 High Street'."""
    if start < 8 or text[start - 1] not in " ,":
        return start
    building = lex.building_before.search(text, max(0, start - 80), start)
    return building.start() if building else start


def _join_addresses(text: str, spans: list[Span]) -> list[Span]:
    """Parts of one address written with commas become one span: 'flat 6, ivy house, 40
    church street'."""
    parts = sorted(s for s in spans if s[2] == "ADDRESS")
    if len(parts) < 2:
        return spans
    joined: list[Span] = []
    for start, end, label in parts:
        if joined and start <= joined[-1][1] + 3 and not text[joined[-1][1] : start].strip(" ,"):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]), label)
        else:
            joined.append((start, end, label))
    return [s for s in spans if s[2] != "ADDRESS"] + joined


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


# A month or an ordinal in words: not "the", nor the "th" of "30th".
_WORDY = re.compile(r"\b(?!the\b)[a-z]{3,}", re.IGNORECASE)


def _is_date(found: str) -> bool:
    """A date's numbers are a day and a month: 3.30 is a time and 25/13 no date at all."""
    numbers = [int(n) for n in re.findall(r"\d+", found) if len(n) <= 2]
    if len(numbers) >= 2 and not _WORDY.search(found):
        day, month = numbers[0], numbers[1]
        if re.match(r"(?:19|20)\d\d", found):  # 2013/05/17
            day, month = numbers[-1], numbers[-2]
        # "17.8" might be a time or a score, "the 3rd of the 11th" is said day first.
        if ("." in found and len(numbers) == 2) or " of " in found:
            return 1 <= day <= 31 and 1 <= month <= 12
        return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)
    return all(1 <= n <= 31 for n in numbers[:1])


def _near_birth_cue(text: str, start: int, end: int, lex: PiiLexicon, year: bool = True) -> bool:
    """A birth cue near, or (when `year`) a year in the date itself."""
    window = text[max(0, start - 60) : min(len(text), end + 25)].lower()
    return _cue_in(lex.birth_cue, window) or (year and bool(_YEAR.search(text, start, end)))


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


def _short_address(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    """A number and one word: '3 The Paddocks', and after 'i live at', '110 Kingsway' or
    '12 the hawthorns'; not 'year 7 The teachers', 'moved in 2 the summer' or '3 The Sims
    games'."""
    if _YEAR_BEFORE.search(text[max(0, start - 8) : start]) or _school_follows(text, end, lex):
        return False
    after = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after and after.group().lower() in lex.title_cues_before:
        return False
    found = text[start:end].split()
    number = [w for w in found if w[0].isdigit()][-1].rstrip(",")
    if _YEAR.fullmatch(number):
        return False  # "moved in 2019 the school ..."
    last = found[-1].lower()
    return not (
        last in STOP_WORDS
        or last in lex.plain_words
        or last in lex.unit_words
        or last in lex.not_people
        or last in lex.school_tail_words
    )


# A street named without a number is personal data only as where someone lives: "i live on"
# (PiiLexicon.home_before), "Mill Road where i live", "Elm Street near my house", a postcode.
_HOME_AFTER = re.compile(
    r"\s*,?\s*(?:[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b"
    r"|(?:(?:which|that)\s+(?:is|was)\s+|is\s+|was\s+)?(?:where\s+(?:i|we|my\s+\w+)\s+"
    r"(?:live|lives|lived|stay|stays|used\s+to\s+live|grew\s+up)"
    r"|(?:near|by|next\s+to|close\s+to|opposite|behind|round\s+the\s+corner\s+from)\s+"
    r"(?:my|our)\s+(?:[\w'\u2019]+\s+)?(?:house|home|flat|place)))",
    re.IGNORECASE,
)


def _home_street(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    return bool(
        lex.home_before.search(text, max(0, start - 60), start) or _HOME_AFTER.match(text, end)
    )


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
    """'Jade', 'JADE' (a word starts with a letter); not 'I' or 'A'."""
    return len(word) > 1 and word[0].isupper()


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
    """A word that can be part of a school's own name: 'Grange', 'Hollins', 'oakfield', and
    the landscape words school names are made of: 'hill top', 'oak lane'."""
    if low in lex.school_place_words:
        return True
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


def _school_joined(text: str, left: Word, right: Word) -> bool:
    """Two words of one school's name: only spaces between them, or the full stop of an
    abbreviation: "St. Wilfrid's R.C. College", "C. of E."."""
    gap = text[left[1] : right[0]]
    if gap[:1] != ".":
        return 0 < len(gap) <= 2 and gap.isspace()
    abbreviation = len(left[2]) == 1 or left[3] == "st"
    return abbreviation and (gap == "." or (len(gap) <= 3 and gap[1:].isspace()))


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
        while j + 1 < len(words) and _school_joined(text, words[j], words[j + 1]):
            more = _school_tail(lows, j + 1, lex)
            if not more and lows[j + 1] == "and" and j + 2 < len(words):
                after_and = _school_tail(lows, j + 2, lex)
                more = after_and + 1 if after_and else 0
            if not more:
                break
            j += more
        for phrase in lex.school_tail_after_phrases:  # "School for Girls"
            if tuple(lows[j + 1 : j + 1 + len(phrase)]) == phrase:
                j += len(phrase)
                break
        else:
            j = _academy_place(text, words, lows, j, lex)
        name_start = _school_name_start(text, words, lows, i, j, lex)
        if name_start is not None:
            spans.append((name_start, words[j][1], "SCHOOL"))
        i = j + 1
    return spans


def _academy_place(text: str, words: list[Word], lows: list[str], j: int, lex: PiiLexicon) -> int:
    """Academies in a chain are named by place after the kind: 'Beacon Academy Westbrook',
    'Beacon Academy Lister Park'. Where such a name ends: up to two capitalised words."""
    if lows[j] not in lex.school_academy_words:
        return j
    for _ in range(2):
        if j + 1 >= len(words) or not _school_joined(text, words[j], words[j + 1]):
            break
        word, low = words[j + 1][2], lows[j + 1]
        if not _is_capitalised(word) or low in STOP_WORDS or low in lex.school_context:
            break
        if low in lex.first_names:
            break  # "Oakfield Academy Jayden said"
        j += 1
    return j


def _school_name_start(
    text: str, words: list[Word], lows: list[str], i: int, j: int, lex: PiiLexicon
) -> int | None:
    """Where the school's own name before its kind (words i to j) starts, over words like
    "Catholic" and "C of E", or None when the words before are everyday ones."""
    name_start = None
    names: list[int] = []  # the name's own words, right to left
    k, taken = i - 1, 0
    while k >= 0 and taken < 4 and _school_joined(text, words[k], words[k + 1]):
        start, _, word, low = words[k]
        phrase = _phrase_ending(lows, k, lex.school_name_phrases)  # "All Saints", "Our Lady"
        if phrase:
            name_start = words[k - phrase + 1][0]
            k -= phrase
            taken += 1
            continue
        phrase = _phrase_ending(lows, k, lex.school_suffix_phrases)
        if phrase:
            k -= phrase
            continue
        if low in lex.saint_words:
            return start
        if word == "The" and name_start is not None:
            return start
        if low in lex.school_suffixes and low not in STOP_WORDS:
            k -= 1
            continue
        if not _school_name_word(word, low, lex):
            # A saint's name may hold small words: "St Thomas More", "St Francis of Assisi".
            saint = next(
                (s for s in range(k - 1, max(-1, k - 4), -1) if lows[s] in lex.saint_words), None
            )
            if saint is not None and all(
                _school_joined(text, words[s], words[s + 1]) for s in range(saint, k)
            ):
                return words[saint][0]
            break
        name_start = start
        names.append(k)
        k -= 1
        taken += 1
    if not names or name_start != words[names[-1]][0]:
        return name_start
    # A small word alone is no name: "the top high school" (but "Hill Top", "well lane").
    if len(names) == 1 and lows[names[-1]] in STOP_WORDS:
        names.pop()
        if not names:
            return None
        name_start = words[names[-1]][0]
    # In lower case, one landscape word before "school" alone is no name: "the park school".
    plain_tail = j == i and lows[i] in lex.school_weak_tails
    if plain_tail and len(names) == 1 and lows[names[0]] in lex.school_place_words:
        return None if words[names[0]][2].islower() else name_start
    return name_start


def _saint_school(text: str, words: list[Word], i: int, lex: PiiLexicon) -> Span | None:
    """'saint wilfrids has no heating': a saint's name alone is a school when the answer is
    about school, but not a town ('in St Helens') or a hospital."""
    if i + 1 >= len(words) or not _school_joined(text, words[i], words[i + 1]):
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
    found: set[int] = set()  # the words taken as names
    waiting: list[tuple[int, int, int]] = []  # everyday-word names that may be in a list

    def take(i: int, start: int, end: int) -> None:
        if i + 1 < len(words) and lows[i + 1] in lex.not_people:
            return  # "harry potter", "Bart Simpson"
        spans.append((start, end, "PERSON"))
        found.add(i)

    for i, (start, end, word, low) in enumerate(words):
        if low in STOP_WORDS:
            continue
        # Inlined checks, run for every word: _inside_token only where it could hold.
        after = text[end : end + 1]
        if (start and text[start - 1] in "@./") or (
            after and after in "@._/" and _inside_token(text, start, end)
        ):
            continue
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        if not low.isascii():
            low = _fold(low)
        if low in lex.not_people:
            continue
        capital = len(word) > 1 and word[0].isupper()  # _is_capitalised
        prev = lows[i - 1] if i else ""
        if prev in lex.saint_words or _organisation(words, i, capital, lex):
            continue  # "St Helens", "St Mary's Hospital", "Citizen Service"
        close_to_prev = i and start - words[i - 1][1] <= 2
        cue, naming, introduced = _cue_before(lows, i, lex)
        if introduced and low in lex.self_descriptions:
            introduced = False  # "im vegan and i ...", "im deaf"
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
                take(i, start, end)
            continue
        if low in common and not capital and not cue and not introduced:
            # "hope said she would come"; not "i hope so".
            if low in lex.common_names:
                if _everyday_name(text, words, lows, i, end, low, False, False, False, lex, found):
                    take(i, start, end)
                else:
                    waiting.append((i, start, end))
            continue
        sentence_start = i == 0 or text[words[i - 1][1] : start].strip()[-1:] in (".", "!", "?")
        if introduced:
            introduced = _AFTER_NAME.match(text, end) is not None
        if _known_name(low, lex, loose=capital or cue or introduced):
            # A name that is also an everyday word needs more: not "from October to April".
            everyday = (low in common or low in lex.ambiguous_names) and not introduced
            if not everyday or _everyday_name(
                text, words, lows, i, end, low, capital, cue, naming, lex, found
            ):
                take(i, start, end)
            elif capital or low not in common:
                waiting.append((i, start, end))
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
            or (introduced and low.endswith(_DESCRIBING_ENDINGS))  # "im nigerian and"
        )
        # After "my friends" comes a verb more often than a name ("my mates hype me up").
        relation = cue and prev not in ("and", "with", "from", "love") and not prev.endswith("s")
        cued = (relation or naming or introduced) and not verb_like
        if cued:
            take(i, start, end)
        elif capital and not word.isupper():
            # Capitalised in mid-sentence, or at its start before "said" or "is my cousin".
            shown = (
                prev not in _PLACE_WORDS
                if not sentence_start
                else low not in lex.name_cues_before
                and low not in lex.family_words
                and not low.endswith("s")  # "Teachers said"
                and lex.name_verbs_after.match(text, end) is not None
            )
            if shown and not _in_title(text, words, lows, i, lex):
                take(i, start, end)
    if waiting and found:
        _names_in_lists(text, words, lows, waiting, take, found, lex)
    return _join_full_names(text, spans, words, lex)


# Endings of words that describe, after "im": nationalities ("nigerian", "vietnamese").
_DESCRIBING_ENDINGS = ("ian", "ese", "ean")


def _everyday_name(
    text: str,
    words: list[Word],
    lows: list[str],
    i: int,
    end: int,
    low: str,
    capital: bool,
    cue: bool,
    naming: bool,
    lex: PiiLexicon,
    found: set[int],
) -> bool:
    """Whether a name that is also an everyday word ('Grace', 'hope', 'Summer') is a person:
    after 'called' or 'my friend', with a capital in mid-sentence, after 'me and', or before
    'said' or 'is my sister'; not in 'by the Grace of God', 'hope so' or 'jumped with joy'."""
    prev = lows[i - 1] if i else ""
    if naming:
        return True
    if prev in lex.not_name_before:
        return False
    mark = text[words[i - 1][1] : words[i][0]].strip()[-1:] if i else "."
    # "hope and me went", at the start of a sentence or clause (not "every summer and i").
    if mark and lows[i + 1 : i + 2] == ["and"] and lows[i + 2 : i + 3] in (["me"], ["i"]):
        return True
    abstract = low in lex.abstract_names
    if cue:
        if prev != "and" and (not abstract or prev != "with"):
            return True
        # "me and joy", "Kemi and Faith", not "red and amber"; "sat with grace", not "moves
        # with grace".
        if prev == "and" and i >= 2 and (lows[i - 2] in ("me", "i", "myself") or i - 2 in found):
            return True
        if prev == "with" and not lex.company_verbs.isdisjoint(lows[max(0, i - 3) : i - 1]):
            return True
    if abstract and i + 1 < len(lows) and lows[i + 1] in lex.abstract_name_blockers:
        return False
    if capital and mark not in (".", "!", "?") and prev not in _PLACE_WORDS:
        return True  # in mid-sentence
    return bool(lex.name_verbs_after.match(text, end) or _CONTACT_AFTER.match(text, end))


# A phone number or an email address straight after a name: "Faith 07700 900 287".
_CONTACT_AFTER = re.compile(r"\s*[,:\-]?\s*(?:\+?\d[\d ]{6}|[\w.+\-]+@)")


def _names_in_lists(
    text: str, words: list[Word], lows: list[str], waiting, take, found: set[int], lex
) -> None:
    """An everyday-word name beside a found name in a list is a name too: 'Joy and Kemi',
    'Amara, Faith and Tobi'. Twice, for a list that runs on from one found name. Only a name
    that is no everyday word, or one found other than by 'and', starts a list: not 'holly and
    ivy'."""
    anchors = {
        i for i in found if lows[i] not in lex.ambiguous_names or not i or lows[i - 1] != "and"
    }
    for _ in range(2):
        for i, start, end in waiting:
            if i in found or (i and lows[i - 1] in lex.not_name_before):
                continue
            if _listed_with(text, words, lows, i, i + 1, anchors) or _listed_with(
                text, words, lows, i, i - 1, anchors
            ):
                take(i, start, end)
                anchors.add(i)


def _listed_with(
    text: str, words: list[Word], lows: list[str], i: int, other: int, found: set[int]
) -> bool:
    """Whether word i and a found name next to it (other is i + 1 or i - 1) are in a list."""
    if not 0 <= other < len(words):
        return False
    left, right = (i, other) if other > i else (other, i)
    gap = text[words[left][1] : words[right][0]].strip()
    if gap in (",", "&"):
        return other in found
    beyond = other + (other - i)
    return lows[other] == "and" and not gap and 0 <= beyond < len(words) and beyond in found


# Between a word like "film" and a title: "film is Frozen", "game called Among Us".
_TITLE_LINKS = {"is", "was", "called", "named", "the", "a"}


def _in_title(
    text: str, words: list[Word], lows: list[str], i: int, lex: PiiLexicon, listed: bool = True
) -> bool:
    """Whether capitalised word i is in the title of a film, game or show ('watched Toy
    Story', 'Animal Crossing', 'Toy Story and Frozen') or a place ('in Hebden Bridge') rather
    than a name: the capitalised words around it hold an everyday word and no first name."""
    first = last = i
    while (
        first
        and _is_capitalised(words[first - 1][2])
        and _joined(text, words[first - 1], words[first])
    ):
        first -= 1
    while (
        last + 1 < len(words)
        and _is_capitalised(words[last + 1][2])
        and _joined(text, words[last], words[last + 1])
    ):
        last += 1
    before = lows[first - 1] if first else ""
    if before in lex.title_cues_before or (
        before in _TITLE_LINKS and first > 1 and lows[first - 2] in lex.title_cues_before
    ):
        return True  # "watched Toy Story", "my favourite film is Finding Nemo"
    if (
        listed
        and before in ("and", "or")
        and first > 1
        and _is_capitalised(words[first - 2][2])
        and _in_title(text, words, lows, first - 2, lex, listed=False)
    ):
        return True  # "Toy Story and Frozen"
    if first == last or any(lows[k] in lex.first_names for k in range(first, last + 1)):
        return False
    if before in _PLACE_WORDS:
        return True
    # A capital at the start of a sentence says nothing: "Yesterday Kemi said".
    opens = first == 0 or text[words[first - 1][1] : words[first][0]].strip()[-1:] in ".!?"
    return any(lows[k] in lex.common_words for k in range(first + 1 if opens else first, last + 1))


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
